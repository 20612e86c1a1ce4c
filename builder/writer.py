"""The only module that writes files: generated Markdown pages into docs/.

Generated pages live in known places (GENERATED); hand-written pages beside them are never touched.
A page whose bytes did not change is not rewritten, so its mtime stays (cheap incremental mkdocs builds).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# docs-relative folders and files owned by the builder (also listed in .gitignore)
GENERATED_DIRS = ("stories", "events", "articles", "outlets", "sources", "data")
GENERATED_FILES = ("index.md", "methodology/figures.md", "feed.xml", "feed.json")


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    deleted: int


def is_generated(relative: str) -> bool:
    return relative in GENERATED_FILES or relative.split("/", 1)[0] in GENERATED_DIRS


def write_pages(docs_dir: Path, pages: Mapping[str, str]) -> WriteReport:
    outside = sorted(p for p in pages if not is_generated(p) or ".." in Path(p).parts)
    if outside:
        raise ValueError(f"refusing to write outside the generated part of docs/: {outside[:3]}")
    written = unchanged = 0
    for relative, text in sorted(pages.items()):
        target = docs_dir / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1
    return WriteReport(written, unchanged, _delete_stale(docs_dir, set(pages)))


def _delete_stale(docs_dir: Path, keep: set[str]) -> int:
    deleted = 0
    candidates = [docs_dir / name for name in GENERATED_FILES]
    for folder in GENERATED_DIRS:
        if (docs_dir / folder).is_dir():
            candidates.extend(p for p in (docs_dir / folder).rglob("*") if p.is_file())
    for path in candidates:
        if path.is_file() and path.relative_to(docs_dir).as_posix() not in keep:
            path.unlink()
            deleted += 1
    for folder in GENERATED_DIRS:
        for directory in sorted((docs_dir / folder).glob("**/"), reverse=True):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    return deleted
