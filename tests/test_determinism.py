"""Two clean builds give byte-identical docs/ and site/: also with another PYTHONHASHSEED, with the data files
created in the opposite order, and with analysis done afresh in another process. mkdocs stamps the sitemap with
the build date; the pipeline sets SOURCE_DATE_EPOCH to the newest article's date, so that matches too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project_kit import EXTRA_ARTICLE, ROOT, build, make_project, snapshot

from builder.analysis import Analyser

pytestmark = pytest.mark.slow


def copy_reversed(source: Path, dest: Path) -> None:
    """`source` copied with every file and folder created in reverse order (directory listings differ)."""
    for path in sorted(source.rglob("*"), reverse=True):
        target = dest / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def test_two_clean_builds_are_identical(analyser: Analyser, tmp_path: Path) -> None:
    first = make_project(tmp_path / "first")
    (first / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    second = tmp_path / "second"
    copy_reversed(first, second)
    build(first, analyser)
    env = {**os.environ, "PYTHONHASHSEED": str(os.getpid() % 4000 + 7), "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "builder", "build", "--no-cache", "--root", str(second)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    for tree in ("docs", "site"):
        a, b = snapshot(first / tree), snapshot(second / tree)
        assert a, tree
        assert [path for path in sorted(set(a) | set(b)) if a.get(path) != b.get(path)] == [], tree
