"""Site parts kept from the last build: a part whose inputs did not change is not built again.

A part of the site (builder.site_build) is what mkdocs makes of its pages, given the configuration, the theme,
the menu and which other files exist. The record of the last build keeps, for each part, a digest of those
inputs and the site files it produced. When the digest is the same, the previous site's files are linked into
the new site in place of a new `mkdocs build` of that part. The digest covers the bytes of the part's pages,
mkdocs.yml, the theme folders, the versions of mkdocs and its theme, SOURCE_DATE_EPOCH, and the paths of
every page outside the parts (a link to a story page resolves only if the page exists). Links between parted
pages need no more: the renderer writes a link only to a page it writes, so a page whose link target comes or
goes changes its own bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from builder.writer import THEME_DIRS, keep_file

FORMAT = 2


@dataclass(frozen=True)
class PartRecord:
    digest: str
    files: tuple[tuple[str, int], ...]  # the part's site files: (site-relative path, size in bytes)
    warnings: tuple[str, ...]
    sitemap: tuple[str, ...]  # the part's <url> entries of sitemap.xml
    search: tuple[str, ...]  # the part's entries of the search index, as JSON


def shared_digest(root: Path, docs: Path, parted_dirs: Iterable[str], env: Mapping[str, str]) -> bytes:
    """What every part depends on besides its own pages."""
    digest = hashlib.sha256(f"site parts {FORMAT}\n".encode())
    for package in ("mkdocs", "mkdocs-material"):
        digest.update(f"{package} {_version(package)}\n".encode())
    digest.update(f"SOURCE_DATE_EPOCH {env.get('SOURCE_DATE_EPOCH')}\n".encode())
    digest.update((root / "mkdocs.yml").read_bytes())
    for folder in THEME_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(f"\n{path.relative_to(root).as_posix()}\n".encode())
                digest.update(path.read_bytes())
    parted = tuple(parted_dirs)
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if relative.split("/", 1)[0] not in parted and path.is_file():
            digest.update(f"\n{relative}".encode())
    return digest.digest()


def part_digest(shared: bytes, exclude: Iterable[str], pages: Iterable[Path], docs: Path) -> str:
    digest = hashlib.sha256(shared)
    digest.update("\n".join(exclude).encode())
    for page in pages:
        digest.update(f"\n{page.relative_to(docs).as_posix()}\n".encode())
        digest.update(page.read_bytes())
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def reuse(record: PartRecord, previous_site: Path, site: Path) -> bool:
    """Link the part's files from the previous site into the new one; False (and nothing linked) when any of
    them is missing or has another size than when it was built."""
    for relative, size in record.files:
        path = previous_site / relative
        if ".." in Path(relative).parts or not path.is_file() or path.stat().st_size != size:
            return False
    for relative, _ in record.files:
        target = site / relative
        if target.exists():  # the core's own file, as when the part was built
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        keep_file(previous_site / relative, target)
    return True


def load_records(path: Path) -> dict[str, PartRecord]:
    """The last build's part records; empty when there are none or they cannot be read (every part is then
    built: the records only ever save work)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return {}
        return {str(name): PartRecord(str(entry["digest"]), tuple((str(f), int(s)) for f, s in entry["files"]),
                                      tuple(str(w) for w in entry["warnings"]), tuple(str(u) for u in entry["sitemap"]),
                                      tuple(str(e) for e in entry["search"]))
                for name, entry in raw["parts"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_records(path: Path, records: Mapping[str, PartRecord]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = {name: {"digest": r.digest, "files": [list(f) for f in r.files], "warnings": list(r.warnings),
                    "sitemap": list(r.sitemap), "search": list(r.search)} for name, r in sorted(records.items())}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, "parts": parts}), encoding="utf-8")
    tmp.replace(path)
