"""Accuracy gate: attribution and source kinds on PolNeAR dev, scored by ../shared/eval/score.py.

Floors sit about 0.02 under the dev figures reached (cue F1 0.830, cue+source 0.808, content 0.868, source
kinds macro-F1 0.840), so a change that loses accuracy fails here. Skips when the
evaluation corpora (not redistributable) are absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CUE_F1 = 0.811
CUE_SOURCE_F1 = 0.788
CONTENT_F1 = 0.848
KINDS_MACRO_F1 = 0.820


def score(shared_eval: Path, task: str) -> dict[str, Any]:
    command = f"{sys.executable} -m builder"
    result = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), task, "--cmd", command],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=1800,
    )
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


@pytest.mark.accuracy
def test_attribution_floors(shared_eval: Path) -> None:
    figures = score(shared_eval, "attribution")
    assert figures["cue_lenient"]["f1"] >= CUE_F1, figures
    assert figures["cue_and_source_lenient"]["f1"] >= CUE_SOURCE_F1, figures
    assert figures["content_tokens"]["f1"] >= CONTENT_F1, figures


@pytest.mark.accuracy
def test_source_kind_floors(shared_eval: Path) -> None:
    figures = score(shared_eval, "source-kinds")
    assert figures["macro_f1_end_to_end"] >= KINDS_MACRO_F1, figures
