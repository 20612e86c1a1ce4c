"""The only module that writes pages: generated Markdown into a staging copy of docs/, then swapped in.

Generated pages live in known places (GENERATED); hand-written pages beside them are never touched. The new
pages are written into a staging area beside a copy of the hand-written pages (so mkdocs can build the whole
new site there), and replace the old generated part of docs/ only once everything is ready (builder.swap).
A page whose bytes did not change is hard-linked from the old one, so its mtime stays.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from builder.swap import Rename, StagingArea, commit

# docs-relative folders and files owned by the builder (also listed in .gitignore)
GENERATED_DIRS = ("stories", "events", "articles", "outlets", "sources", "data")
GENERATED_FILES = ("index.md", "methodology/figures.md", "feed.xml", "feed.json")


@dataclass(frozen=True, slots=True)
class Reuse:
    """In place of a page's text: keep the previous build's file as it is (its bytes and mtime)."""


# a generated file's text: whole, in pieces (streamed to disk), or the previous build's file
PageText = str | Iterable[str] | Reuse


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    deleted: int


@dataclass(frozen=True)
class SiteReport:
    changed: int  # files of the built site that are new or differ from the previous site's
    unchanged: int  # files with the previous site's bytes, given its modification time
    parts: int = 1  # mkdocs builds the site was made of (builder.site_build)
    kept: int = 0  # of those, parts linked from the previous site as they were
    size: int = 0  # bytes of every file of the site

    def parts_note(self) -> str:
        return f" in {self.parts} parts, {self.kept} kept from the last build" if self.parts > 1 else ""


def is_generated(relative: str) -> bool:
    return relative in GENERATED_FILES or relative.split("/", 1)[0] in GENERATED_DIRS


def write_pages(docs_dir: Path, pages: Mapping[str, str]) -> WriteReport:
    """Stage `pages` and swap them into `docs_dir` at once (no mkdocs step)."""
    area = StagingArea(docs_dir.parent / f".{docs_dir.name}-staging")
    report = stage_pages(area, docs_dir, pages)
    commit(area, docs_renames(area, docs_dir))
    return report


def stage_pages(area: StagingArea, docs_dir: Path, pages: Mapping[str, str] | Iterable[tuple[str, PageText]]) -> WriteReport:
    """A fresh staging area holding the hand-written pages of `docs_dir` and the new generated `pages`
    (a mapping, or (path, text) pairs written one at a time as they come; a text may come in pieces)."""
    area.fresh()
    old = _generated_files(docs_dir)
    for relative in sorted(_files(docs_dir) - old):
        (area.docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs_dir / relative, area.docs / relative)
    written = unchanged = 0
    seen: set[str] = set()
    for relative, text in (pages.items() if isinstance(pages, Mapping) else pages):
        if not is_generated(relative) or ".." in Path(relative).parts:
            raise ValueError(f"refusing to write outside the generated part of docs/: {relative}")
        if relative in seen:
            raise ValueError(f"two generated files would be written to docs/{relative}")
        seen.add(relative)
        target = area.docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if _stage(text, docs_dir / relative if relative in old else None, target):
            written += 1
        else:
            unchanged += 1
    return WriteReport(written, unchanged, len(old - seen))


def _stage(text: PageText, current: Path | None, target: Path) -> bool:
    """Write `text` to `target`, or hard-link `current` there when it holds the same bytes; True if written.
    Text in pieces is streamed to disk and compared by digest: an open-data file can be hundreds of MB."""
    if isinstance(text, Reuse):
        if current is None:
            raise ValueError(f"no previous page to keep for docs/{target.name}")
        keep_file(current, target)
        return False
    if isinstance(text, str):
        data = text.encode("utf-8")
        if current is not None and current.read_bytes() == data and _link(current, target):
            return False
        target.write_bytes(data)
        return True
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for piece in text:
            data = piece.encode("utf-8")
            digest.update(data)
            out.write(data)
    if current is not None and _file_digest(current) == digest.digest():
        target.unlink()
        keep_file(current, target)
        return False
    return True


def keep_file(current: Path, target: Path) -> None:
    """The previous build's file at `target`: hard-linked (bytes and mtime kept), or copied with its mtime."""
    if not _link(current, target):
        shutil.copy2(current, target)


def keep_unchanged_site_files(staged_site: Path, site_dir: Path) -> SiteReport:
    """Give each newly built file with the same bytes as the previous site's the previous file's times: mkdocs
    writes every page anew, but a rebuild should change only what changed, so that incremental uploads, rsync
    and HTTP caches see the real difference. (Setting the times costs a fiftieth of swapping in hard links.)"""
    changed = unchanged = size = 0
    for built in sorted(staged_site.rglob("*")):
        if not built.is_file() or built.is_symlink():
            continue
        size += built.stat().st_size
        current = site_dir / built.relative_to(staged_site)
        if current.is_file() and not current.is_symlink() and _same_bytes(current, built):
            times = current.stat()
            os.utime(built, ns=(times.st_atime_ns, times.st_mtime_ns))
            unchanged += 1
        else:
            changed += 1
    return SiteReport(changed, unchanged, size=size)


def _same_bytes(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with first.open("rb") as one, second.open("rb") as other:
        while True:
            block = one.read(1 << 16)
            if block != other.read(1 << 16):
                return False
            if not block:
                return True


def _file_digest(path: Path) -> bytes:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").digest()


def docs_renames(area: StagingArea, docs_dir: Path) -> list[Rename]:
    names = (*GENERATED_DIRS, *GENERATED_FILES)
    return [Rename(area.docs / name, docs_dir / name, (area.docs / name).exists()) for name in names]


def site_rename(area: StagingArea, site_dir: Path) -> Rename:
    return Rename(area.site, site_dir, True)


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def _files(docs_dir: Path) -> set[str]:
    if not docs_dir.is_dir():
        return set()
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}


def _generated_files(docs_dir: Path) -> set[str]:
    return {relative for relative in _files(docs_dir) if is_generated(relative)}


# What mkdocs.yml points at besides docs/ (the theme's custom_dir).
THEME_DIRS = ("overrides",)


def copy_site_skeleton(root: Path, dest: Path) -> None:
    """Copy mkdocs.yml, the theme folders and the hand-written docs of `root` into `dest`: the project minus
    data/ and generated pages, for scratch projects in tests and benchmarks."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    for extra in THEME_DIRS:
        if (root / extra).is_dir():
            shutil.copytree(root / extra, dest / extra)
    for path in sorted((root / "docs").rglob("*")):
        relative = path.relative_to(root / "docs").as_posix()
        if path.is_file() and not is_generated(relative):
            (dest / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest / "docs" / relative)
