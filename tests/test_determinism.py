"""Two clean builds give byte-identical docs/ and site/: also with another PYTHONHASHSEED, with the data files
created in the opposite order, with grouping beside the analysis or after it, and with analysis done afresh in
another process. mkdocs stamps the sitemap with the build date; the pipeline sets SOURCE_DATE_EPOCH to the
newest article's date, so that matches too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project_kit import EXTRA_ARTICLE, ROOT, make_project, snapshot

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


def test_two_clean_builds_are_identical(tmp_path: Path) -> None:
    first = make_project(tmp_path / "first")
    (first / "data/articles/panarmenian/extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    second = tmp_path / "second"
    copy_reversed(first, second)
    # both at once, so that work going on in the analysers meanwhile cannot make them differ
    # the second with one worker: grouping then runs in the build's own process, not beside the analysis
    builds = [subprocess.Popen([sys.executable, "-m", "builder", "build", "--no-cache", "--root", str(root), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT, env=clean_env(seed))
              for root, seed, extra in ((first, "0", ["--workers", "2"]),
                                        (second, str(os.getpid() % 4000 + 7), ["--workers", "1"]))]
    for proc in builds:
        output, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, output.decode()
    for tree in ("docs", "site"):
        a, b = snapshot(first / tree), snapshot(second / tree)
        assert a, tree
        assert [path for path in sorted(set(a) | set(b)) if a.get(path) != b.get(path)] == [], tree


def clean_env(hash_seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return env
