"""Replace the generated part of docs/ and site/ as one unit: stage, journal, rename, clean up.

A build writes everything new into a staging area (.cache/staging/). Only when the staging area is complete
does it write a journal listing the renames that put the new outputs in place, then perform them: each old
output is first parked in the area's trash, then the staged one renamed into its place. The journal makes
the renames one transaction: a build killed before the journal exists leaves the old outputs untouched (its
staging area is discarded by the next build); a build killed after it is completed by the next build, which
replays the remaining renames before doing anything else (`recover`). Every step of the replay checks what
is already done, so a replay can itself be interrupted and replayed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.errors import StagingError


@dataclass(frozen=True)
class Rename:
    staged: Path
    target: Path
    present: bool  # False: the new build has no such output, so the old one is removed


@dataclass(frozen=True)
class StagingArea:
    directory: Path

    @classmethod
    def for_project(cls, root: Path) -> StagingArea:
        return cls(root / ".cache" / "staging")

    @property
    def docs(self) -> Path:
        return self.directory / "docs"

    @property
    def site(self) -> Path:
        return self.directory / "site"

    @property
    def journal(self) -> Path:
        return self.directory / "journal.json"

    @property
    def trash(self) -> Path:
        return self.directory / "trash"

    def fresh(self) -> None:
        """An empty staging area; whatever an earlier, interrupted build left there is discarded."""
        _remove(self.directory)
        self.docs.mkdir(parents=True)


def commit(area: StagingArea, renames: Sequence[Rename]) -> None:
    entries = [{"staged": str(r.staged), "target": str(r.target), "present": r.present} for r in renames]
    tmp = area.journal.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as stream:
        json.dump(entries, stream)
        stream.flush()
        os.fsync(stream.fileno())
    tmp.replace(area.journal)  # from here on, the new build is the one that counts
    _apply(area, renames)
    _finish(area)


def recover(area: StagingArea) -> str | None:
    """Complete a swap an interrupted build had started; discard a staging area it had not finished."""
    if area.journal.is_file():
        try:
            entries = json.loads(area.journal.read_text(encoding="utf-8"))
            renames = [Rename(Path(e["staged"]), Path(e["target"]), bool(e["present"])) for e in entries]
        except (ValueError, KeyError, TypeError) as err:  # written whole or not at all: only by hand
            raise StagingError(f"{area.journal}: unreadable ({err}) — check docs/ and site/, then delete "
                               f"{area.directory} and build again") from err
        _apply(area, renames)
        _finish(area)
        return "an interrupted build had started replacing docs/ and site/: completed it first"
    if area.directory.exists():
        _remove(area.directory)
    return None


def _apply(area: StagingArea, renames: Sequence[Rename]) -> None:
    area.trash.mkdir(parents=True, exist_ok=True)
    for index, rename in enumerate(renames):
        parked = area.trash / str(index)
        staged_waiting = rename.present and _exists(rename.staged)
        if _exists(rename.target) and (staged_waiting or not rename.present):
            _remove(parked)
            rename.target.rename(parked)
        if staged_waiting:
            rename.target.parent.mkdir(parents=True, exist_ok=True)
            rename.staged.rename(rename.target)


def _finish(area: StagingArea) -> None:
    area.journal.unlink(missing_ok=True)  # first: what remains is garbage whether or not removal completes
    _remove(area.directory)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif _exists(path):
        path.unlink()
