"""Open data (docs/data/*.json, *.csv): schema, agreement with the pages, determinism, CSV formula safety."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_render import seed_corpus

from builder.analysis import Analyser
from builder.export import FIGURE_FIELDS, SCHEMA, SPAN_FIELDS, safe_cell, to_csv
from builder.render import RenderContext, render_site


@pytest.fixture(scope="module")
def files(analyser: Analyser) -> dict[str, str]:
    return {k: v for k, v in render_site(seed_corpus(analyser), RenderContext()).items() if k.startswith("data/")}


def test_every_export_is_there(files: dict[str, str]) -> None:
    assert sorted(files) == [f"data/{n}.{e}" for n in ("articles", "figures", "spans") for e in ("csv", "json")]
    for name in ("articles", "figures", "spans"):
        assert json.loads(files[f"data/{name}.json"])["schema"] == SCHEMA


def test_figures_match_between_json_and_csv(files: dict[str, str]) -> None:
    data = json.loads(files["data/figures.json"])
    rows = list(csv.DictReader(io.StringIO(files["data/figures.csv"])))
    assert tuple(rows[0]) == FIGURE_FIELDS
    assert len(rows) == len(data["figures"]) == 4  # one story x two outlets, then the two outlets
    story = [r for r in data["figures"] if r["scope"] == "story"]
    assert {r["outlet"] for r in story} == {"panarmenian", "southfront"}
    assert data["stories"][0]["articles"] == sorted(data["stories"][0]["articles"])
    for row, record in zip(rows, data["figures"], strict=True):
        assert row["sources"] == str(record["sources"]) and row["outlet"] == record["outlet"]


def test_spans_point_into_the_text(analyser: Analyser, files: dict[str, str]) -> None:
    texts = {a.article.id: a.article.text for a in seed_corpus(analyser).articles}
    spans = json.loads(files["data/spans.json"])["spans"]
    assert {s["part"] for s in spans} >= {"cue", "source", "content", "hedge"}
    for span in spans:
        assert set(span) == set(SPAN_FIELDS)
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]
    klintsevich = [s for s in spans if s["part"] == "source" and s["source_name"] == "Franz Klintsevich"]
    assert klintsevich and all(s["source_kind"] == "named_person" for s in klintsevich)


def test_exports_are_deterministic(analyser: Analyser, files: dict[str, str]) -> None:
    again = render_site(seed_corpus(analyser), RenderContext())
    assert all(again[k] == v for k, v in files.items())


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_never_run_as_formulas(cell: str) -> None:
    assert str(safe_cell(cell)).startswith("'")
    out = to_csv(("text",), [{"text": cell}])
    assert next(csv.DictReader(io.StringIO(out)))["text"] == "'" + cell


def test_json_files_have_one_record_per_line() -> None:
    from builder.export import to_json

    data = {"schema": {"b": 1, "a": "é"}, "spans": [{"z": 1, "a": [1, 2]}, {"text": "line\nbreak"}], "empty": []}
    text = to_json(data)
    assert json.loads(text) == data
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and '{"a": [1, 2], "z": 1},' in lines and "é" in text
