"""The writer touches only generated pages, keeps unchanged files' bytes and mtimes, removes stale pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.swap import StagingArea, commit
from builder.writer import WriteReport, docs_renames, stage_pages, write_pages


def test_writes_updates_and_prunes(tmp_path: Path) -> None:
    (tmp_path / "methodology").mkdir()
    hand_written = tmp_path / "methodology" / "index.md"
    hand_written.write_text("# Methodology\n", encoding="utf-8")
    first = write_pages(tmp_path, {"index.md": "home", "stories/a.md": "A", "articles/x/b.md": "B"})
    assert (first.written, first.unchanged, first.deleted) == (3, 0, 0)
    mtime = (tmp_path / "stories" / "a.md").stat().st_mtime_ns
    second = write_pages(tmp_path, {"index.md": "home 2", "stories/a.md": "A"})
    assert (second.written, second.unchanged, second.deleted) == (1, 1, 1)
    assert (tmp_path / "stories" / "a.md").stat().st_mtime_ns == mtime
    assert not (tmp_path / "articles").exists()
    assert hand_written.read_text(encoding="utf-8") == "# Methodology\n"


def test_text_in_pieces_is_streamed_and_kept_when_unchanged(tmp_path: Path) -> None:
    """Open-data files come in pieces (builder/export.py) and are compared by digest, not held whole."""
    area = StagingArea(tmp_path / ".docs-staging")

    def build(pieces: list[str]) -> WriteReport:
        report = stage_pages(area, tmp_path / "docs", iter([("data/spans.csv", iter(pieces))]))
        commit(area, docs_renames(area, tmp_path / "docs"))
        return report

    (tmp_path / "docs").mkdir()
    assert build(["a,b\n", "1,é\n"]).written == 1
    spans = tmp_path / "docs" / "data" / "spans.csv"
    mtime = spans.stat().st_mtime_ns
    assert spans.read_text(encoding="utf-8") == "a,b\n1,é\n"
    again = build(["a,b\n1,", "é\n"])  # the same bytes, cut elsewhere
    assert (again.written, again.unchanged) == (0, 1) and spans.stat().st_mtime_ns == mtime
    changed = build(["a,b\n", "2,é\n"])
    assert (changed.written, changed.unchanged) == (1, 0) and spans.read_text(encoding="utf-8") == "a,b\n2,é\n"


@pytest.mark.parametrize("path", ["methodology/index.md", "reference/data.md", "../escape.md", "stories/../../x.md"])
def test_refuses_paths_outside_generated_area(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        write_pages(tmp_path, {path: "x"})
