"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
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
