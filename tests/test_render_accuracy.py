"""The accuracy section of the methodology figures page, from the committed bench/accuracy.json and variants."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from builder.render.accuracy import MEASURES, accuracy_section

RESULTS = Path(__file__).resolve().parent.parent / "bench" / "accuracy.json"


@pytest.fixture
def results() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    return data


def test_every_measure_has_a_row_with_its_f1(results: dict[str, Any]) -> None:
    page = accuracy_section(results)
    cue = results["figures"]["attribution"]["cue_lenient"]
    assert f"| {cue['precision']:.3f} | {cue['recall']:.3f} | **{cue['f1']:.3f}** |" in page
    table = page.split("| Other figures")[0]
    assert table.count("| **") == len(MEASURES)
    assert results["measured"] in page.replace("&#45;", "-")


def test_a_missing_task_leaves_its_row_out(results: dict[str, Any]) -> None:
    partial = copy.deepcopy(results)
    del partial["figures"]["hedging"]
    page = accuracy_section(partial)
    assert "Hedging" not in page.split("???")[0]
    assert page.split("| Other figures")[0].count("| **") == len(MEASURES) - 1


def test_a_missing_count_drops_its_clause_only(results: dict[str, Any]) -> None:
    partial = copy.deepcopy(results)
    del partial["figures"]["attribution"]["articles"]
    first_row = next(line for line in accuracy_section(partial).splitlines() if "cue an annotator" in line)
    assert f"PolNeAR dev, {results['figures']['attribution']['gold_relations']:,} attributions" in first_row
    assert "articles" not in first_row


@pytest.mark.parametrize("broken", [
    {"figures": "not a mapping"},
    {"figures": {"attribution": {"cue_lenient": {"precision": "high", "recall": 0.5, "f1": 0.6}}}},
    {"figures": {"attribution": {"cue_lenient": [0.1, 0.2]}}},
    {"measured": None, "figures": {"grouping": {"event": {"bcubed": {"precision": True, "recall": 1, "f1": 1}}}}},
])
def test_malformed_figures_render_without_rows(broken: dict[str, Any]) -> None:
    page = accuracy_section(broken)
    assert "| **" not in page
    assert "Every recorded figure" in page


def test_absent_results_say_so() -> None:
    assert "Not measured yet" in accuracy_section(None)


def test_text_from_the_file_stays_text(results: dict[str, Any]) -> None:
    hostile = copy.deepcopy(results)
    hostile["measured"] = "<script>alert(1)</script>"
    hostile["command"] = "[x](javascript:alert(1))"
    page = accuracy_section(hostile)
    assert "<script" not in page and "](javascript" not in page


@pytest.mark.parametrize(("named", "unnamed", "shown"), [(0.855, 0.678, "75%"), (0.6, 0.9, "61%")])
def test_unequal_recall_says_how_the_named_share_shifts(results: dict[str, Any], named: float, unnamed: float,
                                                         shown: str) -> None:
    varied = copy.deepcopy(results)
    varied["figures"]["source-kinds"]["named"]["recall"] = named
    varied["figures"]["source-kinds"]["unnamed"]["recall"] = unnamed
    page = accuracy_section(varied)
    assert f"70% named would show about {shown} named" in page
    assert ("overstated" if named > unnamed else "understated") in page


def test_equal_recall_needs_no_note(results: dict[str, Any]) -> None:
    even = copy.deepcopy(results)
    even["figures"]["source-kinds"]["unnamed"]["recall"] = even["figures"]["source-kinds"]["named"]["recall"]
    assert "would show about" not in accuracy_section(even)
