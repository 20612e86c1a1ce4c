"""`python -m builder add FILE.html|URL`: extract an article with trafilatura and save it as
data/articles/<outlet>/<date>-<slug>.md with front matter.

Only ever creates new files (opened with mode "x"): existing articles are never modified or deleted.
Duplicates are refused: the same URL, or a text whose word 5-grams overlap an existing article's by
DUPLICATE_OVERLAP or more (the same wire story re-posted, a page saved twice).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.errors import BuilderError, InputError
from builder.models import Outlet
from builder.render.paths import slugify

DUPLICATE_OVERLAP = 0.8
SHINGLE = 5
MAX_BYTES = 5_000_000
TIMEOUT = 20
USER_AGENT = "framing-builder/0.1 (+https://github.com/; article fetcher)"
OUTLET_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class AddError(BuilderError):
    """The article cannot be added (unreadable, no text, unknown outlet)."""


class DuplicateError(AddError):
    """The article is already in data/articles/."""


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str
    url: str | None
    published: dt.date | None
    author: str | None
    language: str | None


@dataclass(frozen=True)
class Known:
    """An article already stored: where, its URL, its word 5-grams."""

    path: Path
    url: str | None
    shingles: frozenset[str]


@dataclass(frozen=True)
class Added:
    path: Path
    outlet: str
    title: str


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def download(url: str) -> str:
    """The page at an http(s) URL as text (at most MAX_BYTES)."""
    if not is_url(url):
        raise AddError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # scheme checked above
            data: bytes = response.read(MAX_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except (OSError, ValueError) as err:
        raise AddError(f"{url}: could not fetch ({err})") from err
    if len(data) > MAX_BYTES:
        raise AddError(f"{url}: larger than {MAX_BYTES // 1_000_000} MB, not an article page")
    return data.decode(charset, errors="replace")


def extract(html: str, where: str, url: str | None = None) -> Extracted:
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        favor_precision=True)
    data: dict[str, Any] = {} if found is None else found if isinstance(found, dict) else found.as_dict()
    text = str(data.get("text") or "").strip()
    if not text:
        raise AddError(f"{where}: no article text found — give the article page itself, not an index page")
    return Extracted(title=_clean(data.get("title")) or text.split("\n", 1)[0][:120], text=text,
                     url=url or _clean(data.get("url")), published=_date(data.get("date")),
                     author=_clean(data.get("author")), language=_clean(data.get("language")))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def normal_url(url: str | None) -> str | None:
    """Scheme and host lower-cased, no fragment, no trailing slash: two spellings of one page compare equal."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                                    parts.query, ""))


def shingles(text: str) -> frozenset[str]:
    words = re.findall(r"\w+", text.casefold())
    if not words:
        return frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller text's 5-grams found in the other (a short copy of a long text is a duplicate)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def duplicate_of(known: Iterable[Known], url: str | None, text: str) -> str | None:
    """Why the article is a duplicate (naming the existing file), or None."""
    target, grams = normal_url(url), shingles(text)
    for item in known:
        if target and item.url == target:
            return f"same URL as {item.path}"
        share = overlap(grams, item.shingles)
        if share >= DUPLICATE_OVERLAP:
            return f"near-identical text to {item.path} ({round(100 * share)}% of word 5-grams shared)"
    return None


def outlet_for(url: str | None, outlets: Sequence[Outlet], explicit: str | None) -> str:
    if explicit:
        if not OUTLET_SLUG.match(explicit):
            raise AddError(f"--outlet {explicit!r}: use lower-case letters, digits, '-' and '_' (the folder name)")
        return explicit
    host = urllib.parse.urlsplit(url or "").hostname or ""
    for outlet in outlets:
        home = urllib.parse.urlsplit(outlet.homepage or "").hostname or ""
        if home and host.removeprefix("www.") == home.removeprefix("www."):
            return outlet.slug
    raise AddError(f"{url or 'the file'}: cannot tell the outlet — pass --outlet SLUG "
                   f"(known: {', '.join(o.slug for o in outlets) or 'none'}; see data/outlets.yml)")


def article_file(extracted: Extracted, outlet: str) -> str:
    """Front matter (JSON strings are valid YAML scalars) and the extracted text."""
    fields: list[tuple[str, str | None]] = [
        ("title", json.dumps(extracted.title)), ("url", json.dumps(extracted.url) if extracted.url else None),
        ("published", extracted.published.isoformat() if extracted.published else None),
        ("author", json.dumps(extracted.author) if extracted.author else None),
        ("language", json.dumps(extracted.language) if extracted.language else None)]
    head = "\n".join(f"{k}: {v}" for k, v in fields if v is not None)
    return f"---\n{head}\n---\n\n{extracted.text}\n"


def new_path(articles_dir: Path, outlet: str, extracted: Extracted) -> Path:
    date = extracted.published.isoformat() if extracted.published else "undated"
    base = f"{date}-{slugify(extracted.title, 60)}"
    folder = articles_dir / outlet
    path, n = folder / f"{base}.md", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}.md"
    return path


def save(articles_dir: Path, outlet: str, extracted: Extracted) -> Path:
    path = new_path(articles_dir, outlet, extracted)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(article_file(extracted, outlet))
    return path


def read_source(source: str) -> tuple[str, str | None]:
    """(HTML, URL) from an http(s) URL or a saved .html file."""
    if is_url(source):
        return download(source), source
    path = Path(source)
    if not path.is_file():
        raise AddError(f"{source}: no such file (give a saved .html page or an http(s) URL)")
    try:
        return path.read_text(encoding="utf-8", errors="replace"), None
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror})", "check the path and permissions") from err
