"""Progress output (terminal bar, plain lines elsewhere) and the `diff` summary of two figures.json files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from project_kit import build, make_project

from builder.analysis import Analyser
from builder.cli import main
from builder.config import load_config
from builder.diff import report
from builder.progress import bar_line, track


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_stream_gets_a_line_per_tenth() -> None:
    out = io.StringIO()
    assert list(track(range(20), 20, "analysing", out)) == list(range(20))
    lines = out.getvalue().splitlines()
    assert len(lines) == 10 and lines[0] == "analysing: 2/20 (10%)" and lines[-1] == "analysing: 20/20 (100%)"


def test_terminal_gets_a_bar_redrawn_in_place() -> None:
    out = Terminal()
    list(track(iter("abc"), 3, "fetching", out))
    assert out.getvalue().count("\r") == 3 and out.getvalue().endswith(bar_line("fetching", 3, 3) + "\n")
    assert bar_line("x", 1, 2) == "x [" + "#" * 15 + "." * 15 + "] 1/2"


@pytest.mark.parametrize("total", [0, 5])
def test_silent_without_stream_or_items(total: int) -> None:
    assert list(track(range(total), total, "x", None)) == list(range(total))


def figures(stories: list[tuple[str, str]], sources: int) -> dict[str, object]:
    row = {"scope": "story", "scope_id": "s1", "scope_title": "Bridge | closes", "outlet": "courier",
           "sources": sources, "named_share": 0.5}
    return {"schema": "framing-open-data/1", "stories": [{"id": i, "title": t} for i, t in stories], "figures": [row]}


def test_report_lists_new_stories_and_moved_figures() -> None:
    text = report(figures([("s1", "Bridge")], 3), figures([("s1", "Bridge"), ("s2", "Library <b>")], 4))
    assert "2 stories (1 added, 0 removed); 1 figures moved." in text
    assert "- Library &#60;b&#62;" in text  # escaped for the Markdown summary
    assert "| story: Bridge &#124; closes | courier | sources | 3 | 4 |" in text


def test_diff_command_with_missing_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new.json"
    new.write_text(json.dumps(figures([("s1", "Bridge")], 3)), "utf-8")
    assert main(["diff", str(tmp_path / "absent.json"), str(new)]) == 0
    assert "1 stories (1 added, 0 removed)" in capsys.readouterr().out
    (tmp_path / "bad.json").write_text("[]", "utf-8")
    assert main(["diff", str(tmp_path / "bad.json"), str(new)]) == 1


def test_build_summary_times_every_stage(tmp_path: Path, analyser: Analyser) -> None:
    report = build(make_project(tmp_path / "project"), analyser, mkdocs=False)
    stages = [stage for stage, _ in report.timings]
    # grouping runs beside loading and analysing (more than one worker: tests/test_beside.py), its rest waited for
    grouped = "wait for grouping" if load_config(tmp_path / "project").workers > 1 else "group"
    assert stages == ["ingest", "load model", "analyse", grouped, "render and write", "swap"]
    assert all(seconds >= 0 for _, seconds in report.timings)
    line = report.summary().splitlines()[-1]
    assert line.startswith("timings: ingest ") and " · analyse " in line and line.endswith(" s")
