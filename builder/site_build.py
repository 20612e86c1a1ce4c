"""The site: the real `mkdocs build` over the staged docs, split into parts that run side by side.

mkdocs renders one page after another in one process and keeps every page in memory until the end: at 10k
articles, 160 s on one core and 1.6 GB. Article and event pages are most of the site. They are out of the menu
and out of the search index, and what mkdocs makes of one depends only on its own Markdown, the configuration,
the menu and which files exist. So they are built in parts: each part runs the project's own mkdocs.yml with
`exclude_docs` leaving out every page but its own. Excluded pages still exist for mkdocs, so links to them
resolve (and are checked) as in one build. The core part builds everything else: the menu pages, the search
index, the theme's assets and the static files. Each part's pages are then moved into the core's site. The
result has the same bytes as a single `mkdocs build` (tests/test_site_parts.py).

A part holds the pages of some (folder, first letter) groups, given by a hash of the group, so adding an
article changes the pages of one part, not the split.
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
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.errors import SiteBuildError

# Folders of generated pages that are left out of the menu and of the search index (render: front_matter's
# searchable=False), so the core part's menu and search index are the whole site's.
PARTED_DIRS = ("articles", "events")
# Keys of mkdocs.yml that would fight the parts' own `exclude_docs`, or hide where the menu comes from.
_UNSPLITTABLE = re.compile(r"(?m)^(exclude_docs|draft_docs|INHERIT)\s*:")
_GLOB_SPECIAL = re.compile(r"[][!*?#\\ ]")  # escaped with a backslash in a gitignore pattern
_SITEMAP_URL = re.compile(r"\n?[ \t]*<url>.*?</url>", re.DOTALL)


@dataclass(frozen=True)
class SitePart:
    name: str
    exclude: tuple[str, ...]  # exclude_docs patterns; () for a single build of everything
    size: int  # bytes of Markdown this part renders, to start the largest first


def plan_parts(docs: Path, mkdocs_yml: str, part_bytes: int) -> tuple[SitePart, ...]:
    """The core part, and the parted pages hashed into enough parts of about `part_bytes` each; a single
    part when the parted pages fit in one, or when mkdocs.yml excludes pages itself."""
    groups = _page_groups(docs)
    total = sum(groups.values())
    if total <= part_bytes or _UNSPLITTABLE.search(mkdocs_yml):
        return (SitePart("site", (), total),)
    count = math.ceil(total / part_bytes)
    members: list[list[str]] = [[] for _ in range(count)]
    sizes = [0] * count
    for pattern, size in sorted(groups.items()):
        index = int.from_bytes(hashlib.sha256(pattern.encode()).digest()[:8], "big") % count
        members[index].append(pattern)
        sizes[index] += size
    keep = tuple(f"!/{path}" for path in untitled_menu_pages(mkdocs_yml))  # their titles make the menu
    core = SitePart("core", tuple(f"/{folder}/**" for folder in PARTED_DIRS), 0)
    parts = [SitePart(f"part{i + 1}", ("/**", *(f"!{p}" for p in patterns), *keep), size)
             for i, (patterns, size) in enumerate(zip(members, sizes, strict=True)) if patterns]
    return (core, *parts)


def _page_groups(docs: Path) -> dict[str, int]:
    """Bytes of the parted Markdown pages by gitignore pattern of their group: the pages of a folder whose
    names begin with the same two characters (one letter groups too coarsely: "the-..." is a tenth of all
    event pages)."""
    groups: dict[str, int] = {}
    for folder in PARTED_DIRS:
        for page in (docs / folder).rglob("*.md"):
            parent = page.parent.relative_to(docs).as_posix()
            stem = page.name.removesuffix(".md")
            name = f"{_escape(stem[:2])}*.md" if len(stem) >= 2 else _escape(page.name)  # disjoint groups
            pattern = f"/{_escape(parent)}/{name}"
            groups[pattern] = groups.get(pattern, 0) + page.stat().st_size
    return groups


def _escape(text: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\g<0>", text)


def untitled_menu_pages(mkdocs_yml: str) -> tuple[str, ...]:
    """Pages listed in the menu without a title: mkdocs takes their title from the page itself, so every
    part must render them to draw the same menu."""
    try:
        config = yaml.load(mkdocs_yml, Loader=_AnyTagLoader)  # a SafeLoader: builds no Python objects
    except yaml.YAMLError:
        return ()
    nav = config.get("nav") if isinstance(config, dict) else None
    return tuple(sorted(set(_untitled(nav))))


def _untitled(entry: Any) -> Iterator[str]:
    if isinstance(entry, str):
        if entry.endswith(".md") and "://" not in entry:
            yield entry.lstrip("/")
    elif isinstance(entry, list):
        for item in entry:
            yield from _untitled(item)
    elif isinstance(entry, dict):
        for value in entry.values():
            if isinstance(value, list):
                yield from _untitled(value)


class _AnyTagLoader(yaml.SafeLoader):
    """SafeLoader that reads mkdocs' !ENV and !!python/name tags as nothing: only `nav` is wanted here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def build_parts(parts: Sequence[SitePart], root: Path, docs: Path, site: Path, *, strict: bool, workers: int,
                env: dict[str, str]) -> list[str]:
    """Run `mkdocs build` for every part, `workers` at a time, and merge the parts' sites into `site`;
    returns mkdocs' warnings, each once."""
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    outputs = {part.name: (site if i == 0 else site.parent / "parts" / part.name) for i, part in enumerate(parts)}
    order = sorted(parts, key=lambda part: -part.size)  # the largest first, so no large part starts last
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda part: _mkdocs(part, root, docs, outputs[part.name], mkdocs_yml, strict, env),
                                order))
    warnings = list(dict.fromkeys(line for lines in results for line in lines))
    for part in parts[1:]:
        _merge(outputs[part.name], site)
    if len(parts) > 1:
        shutil.rmtree(site.parent / "parts")
    return warnings


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


def _merge(part_site: Path, site: Path) -> None:
    """Move a part's pages into the core's site. Files the core has already (the theme's 404 page, the search
    index, menu pages every part renders) are the core's; the sitemaps are joined."""
    for built in sorted(part_site.rglob("*")):
        relative = built.relative_to(part_site)
        if built.is_dir() or (site / relative).exists():
            continue
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        built.rename(site / relative)
    _join_sitemaps(site / "sitemap.xml", part_site / "sitemap.xml")


def _join_sitemaps(sitemap: Path, other: Path) -> None:
    """Add the other part's <url> entries to the sitemap (there are none without `site_url`), but not the
    menu pages every part renders, and write its gzip copy again with the same header time."""
    if not (sitemap.is_file() and other.is_file()):
        return
    text = sitemap.read_text(encoding="utf-8")
    present = set(_SITEMAP_URL.findall(text))
    entries = [entry for entry in _SITEMAP_URL.findall(other.read_text(encoding="utf-8")) if entry not in present]
    if not entries:
        return
    text = text.replace("\n</urlset>", "".join(entries) + "\n</urlset>", 1)
    sitemap.write_text(text, encoding="utf-8")
    compressed = sitemap.with_name("sitemap.xml.gz")
    mtime = int.from_bytes(compressed.read_bytes()[4:8], "little") if compressed.is_file() else 0
    with compressed.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(compressed), mode="wb",
                                                     mtime=mtime) as out:
        out.write(text.encode("utf-8"))
