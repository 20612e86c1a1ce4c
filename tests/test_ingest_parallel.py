"""Ingest cleans each outlet's articles in worker processes when there are many files: the same articles and
the same problems, in the same order, as in one process (problems are pickled back from the workers)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from project_kit import EXTRA_ARTICLE, make_project

from builder.config import load_config
from builder.ingest import discover, ingest


def test_workers_find_what_one_process_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "project")
    articles = root / "data" / "articles"
    (articles / "panarmenian" / "extra.md").write_text(EXTRA_ARTICLE, encoding="utf-8")
    (articles / "southfront" / "notes.docx").write_bytes(b"not an article")
    (articles / "southfront" / "empty.md").write_text("---\ntitle: Nothing\n---\n", encoding="utf-8")
    (articles / "newcomer").mkdir()
    (articles / "newcomer" / "a.md").write_text(EXTRA_ARTICLE.replace("Berlin", "Paris"), encoding="utf-8")
    monkeypatch.setattr(discover, "PARALLEL_FILES", 1)
    config = load_config(root, run_mkdocs=False)
    alone = ingest(dataclasses.replace(config, workers=1))
    together = ingest(dataclasses.replace(config, workers=2))
    assert together.articles == alone.articles and together.outlets == alone.outlets
    assert [str(p) for p in together.problems] == [str(p) for p in alone.problems]
    problems = "\n".join(str(p) for p in together.problems)
    assert "unsupported file type" in problems and "no article text left" in problems
    assert "outlet 'newcomer' is not in data/outlets.yml" in problems
    assert len(alone.articles) == 4
