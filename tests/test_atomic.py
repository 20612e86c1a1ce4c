"""Crash safety: a build SIGKILLed at any point leaves docs/ (generated part) and site/ old or new, and the
next build completes and matches a clean build. One build at a time per project."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from project_kit import EXTRA_ARTICLE, build, make_project, snapshot

from builder.analysis import Analyser
from builder.cache import entry_bytes
from builder.errors import BuildLockedError, StagingError
from builder.lock import build_lock
from builder.swap import Rename, StagingArea, recover

HERE = Path(__file__).resolve().parent
# kill points of a Markdown-only build (docs/ changes, site/ stays), then of a full build (both change)
DOCS_POINTS = ("before-stage", "write-3", "before-journal", "after-journal", "rename-1", "rename-4",
               "rename-9", "cleanup")
SITE_POINTS = ("mkdocs", "rename-site")
pytestmark = pytest.mark.slow

State = tuple[dict[str, str], dict[str, str]]
FINGERPRINT = "atomic-tests"  # pinned cache key (the real one changes whenever the analysers do)


def state(root: Path) -> State:
    return snapshot(root / "docs"), snapshot(root / "site")


@pytest.fixture(scope="module")
def versions(analyser: Analyser, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, State, Path, State]:
    """An old project (built from the seeds) and a clean build of the new data (the seeds plus one article)."""
    base = tmp_path_factory.mktemp("atomic")
    old = make_project(base / "old")
    build(old, analyser, fingerprint=FINGERPRINT)
    new = base / "new"
    shutil.copytree(old, new)
    (new / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    build(new, analyser, fingerprint=FINGERPRINT)
    shutil.copytree(new / ".cache/analysis", old / ".cache/analysis", dirs_exist_ok=True)
    return old, state(old), new, state(new)


def killed_build(root: Path, fingerprint: str, point: str, mkdocs: bool) -> str:
    command = [sys.executable, str(HERE / "atomic_driver.py"), str(root), fingerprint, point]
    if not mkdocs:
        command.append("--no-mkdocs")
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    output, _ = proc.communicate(timeout=300)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # a mkdocs child outlives the killed build
    assert proc.returncode == (0 if point == "none" else -signal.SIGKILL), output.decode()
    return output.decode()


def clean_build(old: Path, root: Path, mkdocs: bool) -> State:
    shutil.copytree(old, root)
    (root / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    killed_build(root, FINGERPRINT, "none", mkdocs)
    return state(root)


def differences(got: State, want: State) -> list[str]:
    return [f"{tree}/{path}" for tree, a, b in (("docs", got[0], want[0]), ("site", got[1], want[1]))
            for path in sorted(set(a) | set(b)) if a.get(path) != b.get(path)]


@pytest.mark.parametrize(("point", "mkdocs"), [*((p, False) for p in DOCS_POINTS), *((p, True) for p in SITE_POINTS)])
def test_kill_leaves_old_or_new(versions: tuple[Path, State, Path, State], analyser: Analyser, tmp_path: Path,
                                point: str, mkdocs: bool) -> None:
    old, old_state, _, new_state = versions
    root = tmp_path / "project"
    shutil.copytree(old, root)
    (root / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    killed_build(root, FINGERPRINT, point, mkdocs)
    before_recovery = state(root)
    journal = (root / ".cache/staging/journal.json").exists()
    recover(StagingArea.for_project(root))
    after = state(root)
    if not journal:  # the swap had not begun, or had ended: what a reader saw was whole
        assert before_recovery == after
    killed_build(root, FINGERPRINT, "none", mkdocs)
    final = state(root)
    # the generated docs and the site are each wholly old or wholly new (final: rendered by today's code)
    assert after[0] in (old_state[0], final[0]), f"{point}: docs/ mixes old and new pages"
    assert after[1] in (old_state[1], final[1]), f"{point}: site/ mixes old and new files"
    expected_new = new_state if mkdocs else (new_state[0], old_state[1])
    if differences(final, expected_new):  # the analysers, lexicons or renderer changed since the fixture ran
        expected_new = clean_build(old, tmp_path / "clean", mkdocs)
    assert differences(final, expected_new) == []  # the rerun matches a clean build
    assert not (root / ".cache/staging").exists()


def test_second_build_exits_with_a_message(tmp_path: Path) -> None:
    busy = rf"another build is running \(pid {os.getpid()}\)"
    with build_lock(tmp_path), pytest.raises(BuildLockedError, match=busy), build_lock(tmp_path):
        pass
    with build_lock(tmp_path):  # released once the first build ends
        pass


def test_concurrent_cli_build_is_refused(versions: tuple[Path, State, Path, State], tmp_path: Path) -> None:
    old = versions[0]
    with build_lock(old):
        proc = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(old), "--no-mkdocs"],
                              capture_output=True, text=True, cwd=HERE.parent, timeout=120, check=False)
    assert proc.returncode == 1
    assert "another build is running" in proc.stderr and "Traceback" not in proc.stderr


def shifted(entry: bytes) -> bytes:
    """The entry with its first cue moved one character on, and a digest that matches."""
    header, body = entry.split(b"\n", 1)
    analysis = json.loads(body)
    cue = analysis["attributions"][0]["cue"]
    cue["start"], cue["end"] = cue["start"] + 1, cue["end"] + 1
    return entry_bytes(json.loads(header)["key"], json.dumps(analysis).encode("utf-8"))


@pytest.mark.parametrize("damage", ["truncate", "garble", "shift-spans"])
def test_damaged_cache_entries_are_reported_and_recomputed(versions: tuple[Path, State, Path, State],
                                                           analyser: Analyser, tmp_path: Path, damage: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(versions[0], root)
    build(root, analyser, mkdocs=False, fingerprint=FINGERPRINT)
    undamaged = state(root)[0]
    entries = sorted((root / ".cache/analysis").rglob("*.json"))
    for entry in entries:
        data = entry.read_bytes()
        if damage == "truncate":  # what a crash in the middle of a write would leave, without tmp+rename
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "garble":
            entry.write_bytes(data.replace(b'"start": ', b'"start": 1', 1))
        else:  # valid JSON with a valid checksum, but a span that does not fit the text
            entry.write_bytes(shifted(data))
    report = build(root, analyser, mkdocs=False, strict=True, fingerprint=FINGERPRINT)
    assert report.replaced and report.warnings == ()  # the data needs no fix: a note, not a --strict failure
    noted = [note for note in report.notes if "corrupt analysis cache entry" in note]
    assert len(noted) == report.articles and all(" — recomputed" in note for note in noted)
    assert state(root)[0] == undamaged
    assert build(root, analyser, mkdocs=False, fingerprint=FINGERPRINT).notes == ()  # rewritten whole


def test_unreadable_journal_is_a_clear_error(tmp_path: Path) -> None:
    area = StagingArea.for_project(tmp_path)
    area.docs.mkdir(parents=True)
    area.journal.write_text("[{", encoding="utf-8")
    with pytest.raises(StagingError, match=r"journal\.json: unreadable .* — check docs/ and site/"):
        recover(area)


def test_replay_is_idempotent(tmp_path: Path) -> None:
    """A recovery interrupted after any rename, and replayed, ends in the new state."""
    for stop in range(5):
        root = tmp_path / str(stop)
        area = StagingArea.for_project(root)
        (root / "docs/stories").mkdir(parents=True)
        (root / "docs/stories/old.md").write_text("old", encoding="utf-8")
        (root / "docs/events").mkdir()
        area.fresh()
        (area.docs / "stories").mkdir()
        (area.docs / "stories/new.md").write_text("new", encoding="utf-8")
        renames = [Rename(area.docs / name, root / "docs" / name, (area.docs / name).exists())
                   for name in ("stories", "events")]
        area.journal.write_text(json.dumps([{"staged": str(r.staged), "target": str(r.target), "present": r.present}
                                            for r in renames]), encoding="utf-8")
        done = iter(range(stop))
        original = Path.rename

        def limited(self: Path, target: Path, original: Any = original, done: Any = done) -> Any:
            if next(done, None) is None:
                raise KeyboardInterrupt  # stands in for a kill in the middle of the replay
            return original(self, target)

        with contextlib.suppress(KeyboardInterrupt), mock.patch.object(Path, "rename", limited):
            recover(area)
        recover(area)
        assert snapshot(root / "docs") == {"stories/new.md": snapshot(root / "docs")["stories/new.md"]}
        assert not (root / "docs/events").exists() and not area.directory.exists()


def test_next_build_completes_an_interrupted_swap(versions: tuple[Path, State, Path, State], tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(versions[0], root)
    (root / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    killed_build(root, FINGERPRINT, "rename-4", mkdocs=False)
    assert (root / ".cache/staging/journal.json").is_file()
    output = killed_build(root, FINGERPRINT, "none", mkdocs=False)
    assert "note: an interrupted build had started replacing docs/ and site/: completed it first" in output
    assert state(root)[0] == clean_build(versions[0], tmp_path / "clean", mkdocs=False)[0]
