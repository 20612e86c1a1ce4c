"""The site: the real `mkdocs build` over the staged docs, split into parts that run side by side.

mkdocs renders one page after another in one process and keeps every page in memory until the end: at 10k
articles, 160 s on one core and 1.6 GB. Article, event, story and outlet pages are most of the site, and what
mkdocs makes of one depends only on its own Markdown, the configuration, the menu and which files exist. So
they are built in parts: each part runs the project's own mkdocs.yml with `exclude_docs` leaving out every
page but its own. Excluded pages still exist for mkdocs, so links to them resolve (and are checked) as in one
build. The core part builds everything else: the menu pages, the theme's assets and the static files. Then
each part's pages move into the core's site, and its entries join the core's search index and sitemap
(builder.site_search). The result has the same bytes as a single `mkdocs build`, but for the order of the
sitemap's entries (tests/test_site_parts.py).

A part holds the pages of some (folder, first two letters) groups, given by a hash of the group, so adding an
article changes the pages of a few parts, not the split; unchanged parts are kept (builder.site_reuse).
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.errors import SiteBuildError
from builder.site_reuse import PartRecord, part_digest, reuse, shared_digest
from builder.site_search import join_index, page_entries

# Folders of generated pages with many pages, out of the menu (their menu pages stay in the core part).
PARTED_DIRS = ("articles", "events", "stories", "outlets")
# Keys of mkdocs.yml that would fight the parts' own `exclude_docs`, or hide where the menu comes from.
_UNSPLITTABLE = re.compile(r"(?m)^(exclude_docs|draft_docs|INHERIT)\s*:")
_GLOB_SPECIAL = re.compile(r"[][!*?#\\ ]")  # escaped with a backslash in a gitignore pattern
_SITEMAP_URL = re.compile(r"\n?[ \t]*<url>.*?</url>", re.DOTALL)


@dataclass(frozen=True)
class SitePart:
    name: str
    exclude: tuple[str, ...]  # exclude_docs patterns; () for a single build of everything
    size: int  # bytes of Markdown this part renders, to start the largest first
    pages: tuple[str, ...] = ()  # a parted part's own pages (docs-relative)
    menu: tuple[str, ...] = ()  # the menu pages it renders as well, for their titles (the core's pages)


@dataclass(frozen=True)
class SiteBuild:
    warnings: tuple[str, ...]  # mkdocs' warnings, each once
    records: Mapping[str, PartRecord]  # to keep for the next build, once this site is in place
    parts: int
    kept: int  # parts linked from the previous site instead of built


def plan_parts(docs: Path, mkdocs_yml: str, part_bytes: int) -> tuple[SitePart, ...]:
    """The core part, and the parted pages hashed into a power of two of parts, of `part_bytes` or less on
    average; a single part when the parted pages fit in one, or when mkdocs.yml excludes pages itself."""
    menu, untitled = menu_pages(mkdocs_yml)
    groups = _page_groups(docs, menu)
    total = sum(size for size, _ in groups.values())
    if total <= part_bytes or _UNSPLITTABLE.search(mkdocs_yml):
        return (SitePart("site", (), total),)
    count = 2 ** math.ceil(math.log2(total / part_bytes))  # moves only at doubling, when each part splits in two
    members: list[list[str]] = [[] for _ in range(count)]
    for pattern in sorted(groups):
        members[int.from_bytes(hashlib.sha256(pattern.encode()).digest()[:8], "big") % count].append(pattern)
    rest = sum(page.stat().st_size for page in docs.rglob("*.md")) - total
    kept_in_core = tuple(f"!/{_escape(page)}" for page in menu if page.split("/", 1)[0] in PARTED_DIRS)
    parts = [SitePart("core", (*(f"/{folder}/**" for folder in PARTED_DIRS), *kept_in_core), rest)]
    for number, patterns in enumerate(members, start=1):
        if patterns:  # untitled menu pages take their titles from themselves: every part renders them
            pages = sorted(page for pattern in patterns for page in groups[pattern][1])
            parts.append(SitePart(f"part{number}", ("/**", *(f"!{p}" for p in patterns),
                                                    *(f"!/{_escape(page)}" for page in untitled)),
                                  sum(groups[p][0] for p in patterns), tuple(pages), untitled))
    return tuple(parts)


def _page_groups(docs: Path, menu: Sequence[str]) -> dict[str, tuple[int, list[str]]]:
    """The parted Markdown pages (bytes, paths) by gitignore pattern of their group: the pages of a folder
    whose names begin with the same two characters (one letter groups too coarsely: "the-..." is a tenth of
    all event pages)."""
    groups: dict[str, tuple[int, list[str]]] = {}
    for folder in PARTED_DIRS:
        for page in (docs / folder).rglob("*.md"):
            if page.relative_to(docs).as_posix() in menu:
                continue
            parent = page.parent.relative_to(docs).as_posix()
            stem = page.name.removesuffix(".md")
            name = f"{_escape(stem[:2])}*.md" if len(stem) >= 2 else _escape(page.name)  # disjoint groups
            pattern = f"/{_escape(parent)}/{name}"
            size, pages = groups.get(pattern, (0, []))
            pages.append(f"{parent}/{page.name}")
            groups[pattern] = (size + page.stat().st_size, pages)
    return groups


def _escape(text: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\g<0>", text)


def menu_pages(mkdocs_yml: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pages in the menu, and those of them listed without a title (mkdocs takes it from the page)."""
    config = _yaml(mkdocs_yml)
    entries = list(_menu_entries(config.get("nav")))
    return tuple(sorted({page for page, _ in entries})), tuple(sorted({page for page, titled in entries if not titled}))


def use_directory_urls(mkdocs_yml: str) -> bool:
    return bool(_yaml(mkdocs_yml).get("use_directory_urls", True))


def _yaml(mkdocs_yml: str) -> dict[str, Any]:
    try:
        config = yaml.load(mkdocs_yml, Loader=_AnyTagLoader)  # a SafeLoader: builds no Python objects
    except yaml.YAMLError:
        return {}
    return config if isinstance(config, dict) else {}


def _menu_entries(entry: Any, titled: bool = False) -> Iterator[tuple[str, bool]]:
    if isinstance(entry, str):
        if entry.endswith(".md") and "://" not in entry:
            yield entry.lstrip("/"), titled
    elif isinstance(entry, list):
        for item in entry:
            yield from _menu_entries(item)
    elif isinstance(entry, dict):
        for value in entry.values():  # a title: a page, or a section's list of entries
            yield from _menu_entries(value, titled=isinstance(value, str))


class _AnyTagLoader(yaml.SafeLoader):
    """SafeLoader that reads mkdocs' !ENV and !!python/name tags as nothing: only `nav` is wanted here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def build_parts(parts: Sequence[SitePart], root: Path, docs: Path, site: Path, *, strict: bool, workers: int,
                env: dict[str, str], previous: Mapping[str, PartRecord] | None = None,
                previous_site: Path | None = None) -> SiteBuild:
    """Run `mkdocs build` for every part, `workers` at a time, and merge the parts' sites into `site`. A part
    whose inputs are those of its `previous` record is linked from `previous_site` instead (site_reuse)."""
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    directory_urls = use_directory_urls(mkdocs_yml)
    scratch = site.parent / f".{site.name}-parts"  # the parts' own sites, until their pages move into `site`
    outputs = {part.name: (site if i == 0 else scratch / part.name) for i, part in enumerate(parts)}
    digests: dict[str, str] = {}
    if len(parts) > 1:
        shared = shared_digest(root, docs, PARTED_DIRS, env)
        digests = {part.name: part_digest(shared, part.exclude, (docs / page for page in (*part.pages, *part.menu)),
                                          docs) for part in parts[1:]}
    previous = previous or {}
    unchanged = {name for name, digest in digests.items() if name in previous and previous[name].digest == digest}
    build = [part for part in parts if part.name not in unchanged or previous_site is None]

    def run(part: SitePart) -> tuple[str, list[str]]:
        return part.name, _mkdocs(part, root, docs, outputs[part.name], mkdocs_yml, strict, env)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:  # the largest first: none starts late
        warnings = dict(pool.map(run, sorted(build, key=lambda part: -part.size)))
    records: dict[str, PartRecord] = {}
    for part in parts[1:]:
        if part.name not in warnings:
            if previous_site and reuse(previous[part.name], previous_site, site):
                records[part.name] = previous[part.name]
                continue
            warnings[part.name] = run(part)[1]  # its previous files are gone: built after all
        records[part.name] = PartRecord(digests[part.name], _merge(outputs[part.name], site),
                                        tuple(warnings[part.name]), _sitemap_entries(outputs[part.name]),
                                        page_entries(outputs[part.name], part.pages, directory_urls))
    if len(parts) > 1:
        shutil.rmtree(scratch, ignore_errors=True)
        _join_sitemaps(site / "sitemap.xml", [entry for record in records.values() for entry in record.sitemap])
        join_index(site, [entry for record in records.values() for entry in record.search],
                   [page.relative_to(docs).as_posix() for page in docs.rglob("*.md")], directory_urls)
    lines = [*warnings.get(parts[0].name, []), *(line for record in records.values() for line in record.warnings)]
    return SiteBuild(tuple(dict.fromkeys(lines)), records, len(parts), len(parts) - len(warnings))


def staged_config(root: Path, part: SitePart) -> Path:
    return root / f".mkdocs-staging-{part.name}.yml"


def _mkdocs(part: SitePart, root: Path, docs: Path, out: Path, mkdocs_yml: str, strict: bool,
            env: dict[str, str]) -> list[str]:
    config = staged_config(root, part)
    # beside mkdocs.yml, so every other relative path in it resolves as before
    text = re.sub(r"(?m)^docs_dir:.*$", "", mkdocs_yml) + f"\ndocs_dir: {os.path.relpath(docs, root)}\n"
    if part.exclude:
        text += "exclude_docs: |\n" + "".join(f"  {pattern}\n" for pattern in part.exclude)
    config.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(out)]
    if strict:
        command.append("--strict")
    try:
        proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, check=False)
    finally:
        config.unlink(missing_ok=True)
    if proc.returncode != 0:
        where = f" (site part {part.name})" if part.exclude else ""
        problems = [line for line in proc.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
        detail = "\n".join(problems)[-3000:] if problems else proc.stderr.strip()[-3000:]
        raise SiteBuildError(f"mkdocs build failed{where} (exit {proc.returncode}):\n{detail}")
    return [f"mkdocs: {line}" for line in proc.stderr.splitlines() if line.startswith("WARNING")]


def _merge(part_site: Path, site: Path) -> tuple[tuple[str, int], ...]:
    """Move a part's pages into the core's site; returns them with their sizes. Files the core has already
    (the theme's 404 page, the search index and sitemap, joined later, menu pages every part renders) are the
    core's."""
    moved = []
    for built in sorted(part_site.rglob("*")):
        relative = built.relative_to(part_site)
        if built.is_dir() or (site / relative).exists():
            continue
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        moved.append((relative.as_posix(), built.stat().st_size))
        built.rename(site / relative)
    return tuple(moved)


def _sitemap_entries(part_site: Path) -> tuple[str, ...]:
    """The <url> entries of a part's sitemap (none without `site_url`)."""
    sitemap = part_site / "sitemap.xml"
    return tuple(_SITEMAP_URL.findall(sitemap.read_text(encoding="utf-8"))) if sitemap.is_file() else ()


def _join_sitemaps(sitemap: Path, entries: Sequence[str]) -> None:
    """Add the parts' entries to the core's sitemap, but not the menu pages every part renders, and write its
    gzip copy again with the same header time."""
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    present = set(_SITEMAP_URL.findall(text))
    added = [entry for entry in dict.fromkeys(entries) if entry not in present]
    if not added:
        return
    text = text.replace("\n</urlset>", "".join(added) + "\n</urlset>", 1)
    sitemap.write_text(text, encoding="utf-8")
    compressed = sitemap.with_name("sitemap.xml.gz")
    mtime = int.from_bytes(compressed.read_bytes()[4:8], "little") if compressed.is_file() else 0
    with compressed.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(compressed), mode="wb",
                                                     mtime=mtime) as out:
        out.write(text.encode("utf-8"))
