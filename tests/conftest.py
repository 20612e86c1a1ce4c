"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from spacy.language import Language

from builder.analysis import Analyser

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    return Analyser.load()


@pytest.fixture(scope="session")
def nlp(analyser: Analyser) -> Language:
    return analyser.nlp


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """../shared/eval, or skip: the annotated corpora are not redistributable and absent from clones."""
    if not (SHARED_EVAL / "score.py").exists():
        pytest.skip("../shared/eval is absent (evaluation corpora are not part of the repository)")
    return SHARED_EVAL


@pytest.fixture(scope="session")
def seed_site(analyser: Analyser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed site (plus a hostile article), built once with the real mkdocs and served on 127.0.0.1."""
    from browser_kit import need_chromium, serve
    from test_site_build import build_site, site_corpus

    from builder.render import RenderContext, render_site

    need_chromium()
    project = tmp_path_factory.mktemp("seed-site-served")
    result = build_site(project, render_site(site_corpus(analyser), RenderContext()))
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session (playwright's sync API allows one at a time)."""
    from browser_kit import chromium

    with chromium() as launched:
        yield launched
