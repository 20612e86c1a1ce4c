"""Helpers for tests that build whole throwaway projects: a copy of data/, the hand-written docs and mkdocs.yml."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from unittest import mock

from builder.analysis import Analyser
from builder.config import load_config
from builder.pipeline import BuildReport, run
from builder.writer import copy_site_skeleton

ROOT = Path(__file__).resolve().parent.parent

EXTRA_ARTICLE = """---
title: Berlin and Ankara talk again about intelligence sharing
published: 2016-08-20
url: https://example.org/berlin-ankara
author: A. Writer
---
Officials in Berlin said on Saturday that talks with Ankara about sharing reconnaissance data would resume.

A spokesperson for the ministry told reporters the data might be shared again next month.
"""


def make_project(dest: Path, data: Path = ROOT / "data") -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, dest / "data", copy_function=shutil.copyfile)
    copy_site_skeleton(ROOT, dest)
    return dest


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under `directory`: relative path -> sha256 of its bytes (empty when it does not exist)."""
    if not directory.is_dir():
        return {}
    return {p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def build(root: Path, analyser: Analyser, *, mkdocs: bool = True, strict: bool = False,
          fingerprint: str | None = None, site_part_mb: float | None = None) -> BuildReport:
    """The real pipeline in-process, with the session's already loaded analyser.

    `fingerprint` pins the analysis cache key: other work on the analysers changes the real one mid-session."""
    with mock.patch.object(Analyser, "load", return_value=analyser), \
            mock.patch.object(Analyser, "fingerprint", return_value=fingerprint or analyser.fingerprint()):
        return run(load_config(root, strict=strict, run_mkdocs=mkdocs, site_part_mb=site_part_mb))
