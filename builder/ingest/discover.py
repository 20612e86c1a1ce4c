"""Walk data/articles/<outlet>/, read every article file, clean it, and collect problems without stopping.

The data directory is only ever read here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from builder.config import Config
from builder.errors import InputError
from builder.ingest.boilerplate import ChromeRules, clean, repeated_lines
from builder.ingest.language import UNDETERMINED, EnglishCheck
from builder.ingest.readers import ARTICLE_SUFFIXES, RawDocument, read_document
from builder.models import Article, Outlet

MAX_BYTES = 1_000_000  # a news article is a few tens of kB; anything this large is not one (nor fits spaCy)
MAX_LINE_CHARS = 100_000  # a paragraph, even a whole article on one line, is far shorter


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    outlets: tuple[Outlet, ...]
    problems: tuple[InputError, ...]


@dataclass(frozen=True)
class _Loaded:
    path: Path
    outlet: str
    doc: RawDocument


def ingest(config: Config) -> IngestResult:
    problems: list[InputError] = []
    loaded = [item for item in (_load(config, path, problems) for path in _article_files(config, problems)) if item]
    outlets = _outlets(config, {item.outlet for item in loaded}, problems)
    by_outlet: dict[str, list[_Loaded]] = defaultdict(list)
    for item in loaded:
        by_outlet[item.outlet].append(item)
    generic = ChromeRules.generic()
    articles: list[Article] = []
    english = EnglishCheck.load()
    for slug, items in sorted(by_outlet.items()):
        outlet = next(o for o in outlets if o.slug == slug)
        repeated = repeated_lines(item.doc.body for item in items)
        rules = (ChromeRules.for_outlet(outlet), generic)
        articles.extend(_article(config, item, rules, repeated, english, problems) for item in items)
    kept = drop_duplicates(config.data_dir, [a for a in articles if a.text], problems)
    return IngestResult(_unique_ids(kept), outlets, tuple(problems))


def _article_files(config: Config, problems: list[InputError]) -> list[Path]:
    files: list[Path] = []
    root = config.articles_dir.resolve()  # once: resolving it again for every file was half the lstat calls
    for entry in sorted(config.articles_dir.iterdir()):
        outside = check_path(root, entry) if entry.is_dir() else None
        if outside:
            problems.append(outside)
            continue
        if not entry.is_dir():
            if not entry.name.startswith("."):
                problems.append(InputError(entry, "article outside an outlet folder",
                                           "move it to data/articles/<outlet-slug>/"))
            continue
        for path in sorted(entry.rglob("*")):
            if path.name.startswith("."):
                continue
            problem = check_path(root, path)
            if problem:
                problems.append(problem)
            elif not path.is_dir():
                files.append(path)
    return files


def check_path(root: Path, path: Path) -> InputError | None:
    """Why `path` (a file or folder under an outlet folder) is not an article to read, if it is not (`root`:
    data/articles/, resolved)."""
    suffix = path.suffix.lower()
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return InputError(path, "broken or looping symbolic link", "replace the link with the article file")
    if not resolved.is_relative_to(root):
        # a link out of data/ (to a file, or to a folder holding this one) would publish whatever it points at
        return InputError(path, f"symbolic link to {resolved}, outside data/articles/",
                          "copy the article into data/articles/ instead of linking to it")
    if path.is_dir():
        if suffix in ARTICLE_SUFFIXES:
            return InputError(path, "a folder named like an article file (its files are read as articles)",
                              "rename the folder without the extension")
        return None
    if suffix not in ARTICLE_SUFFIXES:
        return InputError(path, f"ignored: unsupported file type {path.suffix!r}",
                          f"articles are {', '.join(ARTICLE_SUFFIXES)} files")
    return None


def _load(config: Config, path: Path, problems: list[InputError]) -> _Loaded | None:
    outlet = path.relative_to(config.articles_dir).parts[0]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size / 1_000_000:.1f} MB, too large for one article "
                                   f"(limit {MAX_BYTES // 1_000_000} MB)", "split it into one file per article")
        doc = read_document(path, path.read_bytes())
        check_lines(path, doc.body)
        if doc.meta.outlet and doc.meta.outlet != outlet:
            raise InputError(path, f"front matter says `outlet: {doc.meta.outlet}` but the file is in {outlet}/",
                             f"move the file to data/articles/{doc.meta.outlet}/ or fix `outlet:`")
        return _Loaded(path, outlet, doc)
    except InputError as err:
        problems.append(err)
    except OSError as err:
        problems.append(InputError(path, f"cannot be read ({err.strerror})", "check the file's permissions"))
    return None


def check_lines(path: Path, body: str) -> None:
    longest = max(body.split("\n"), key=len)
    if len(longest) > MAX_LINE_CHARS:
        number = body.split("\n").index(longest) + 1
        raise InputError(path, f"line {number} is {len(longest):,} characters long: not article text "
                               "(minified HTML, or data?)", "save the article's text, one paragraph per line")


def _outlets(config: Config, used: set[str], problems: list[InputError]) -> tuple[Outlet, ...]:
    known = {o.slug: o for o in config.outlets}
    for slug in sorted(used - set(known)):
        if config.outlets_valid:
            problems.append(InputError(config.articles_dir / slug, f"outlet {slug!r} is not in data/outlets.yml",
                                       f"add `{slug}:` with at least `name:` to data/outlets.yml"))
        known[slug] = Outlet(slug=slug, name=slug)
    return tuple(known[slug] for slug in sorted(known))


def _article(config: Config, item: _Loaded, rules: tuple[ChromeRules, ...], repeated: frozenset[str],
             english: EnglishCheck, problems: list[InputError]) -> Article:
    meta = item.doc.meta
    cleaned = clean(item.doc.body, meta.title, rules, repeated)
    relative = item.path.relative_to(config.data_dir).as_posix()
    if not cleaned.text:
        problems.append(InputError(item.path, "no article text left after removing boilerplate",
                                   "check the file holds the article, or loosen data/outlets.yml patterns"))
    language = meta.language
    if language is None and not english.looks_english(cleaned.text):
        problems.append(InputError(item.path, "the text does not look like English and no `language:` is set",
                                   "add front matter `language: <code>` (it is then listed without figures), "
                                   "or `language: en` if it is English"))
        language = UNDETERMINED
    return Article(
        id=f"{item.outlet}/{slugify(cleaned.title) or slugify(item.path.stem)}",
        outlet=item.outlet,
        path=relative,
        title=cleaned.title or item.path.stem,
        text=cleaned.text,
        published=meta.published,
        url=meta.url,
        author=meta.author,
        language=language or "en",
        removed=cleaned.removed,
    )


def drop_duplicates(data_dir: Path, articles: list[Article], problems: list[InputError]) -> list[Article]:
    """The same text under two file names is one article: the first path (in sort order) is kept."""
    first: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.path):
        key = hashlib.sha256(" ".join(article.text.split()).casefold().encode("utf-8")).hexdigest()
        if key in first:
            problems.append(InputError(data_dir / article.path, f"the same article as data/{first[key].path}",
                                       "delete one of the two files"))
        else:
            first[key] = article
    kept = {id(a) for a in first.values()}
    return [a for a in articles if id(a) in kept]


def _unique_ids(articles: list[Article]) -> tuple[Article, ...]:
    """Two articles of an outlet with the same title slug get a short hash of their path appended."""
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[article.id] += 1
    result = []
    for article in sorted(articles, key=lambda a: (a.id, a.path)):
        if counts[article.id] > 1:
            suffix = hashlib.sha1(article.path.encode("utf-8")).hexdigest()[:6]
            article = replace(article, id=f"{article.id}-{suffix}")
        result.append(article)
    return tuple(result)


def slugify(text: str, max_words: int = 12) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:max_words])
