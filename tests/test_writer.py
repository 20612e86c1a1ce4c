"""The writer touches only generated pages, keeps unchanged files' bytes and mtimes, removes stale pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.swap import StagingArea, commit
from builder.writer import WriteReport, docs_renames, keep_unchanged_site_files, stage_pages, write_pages


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


def test_built_site_files_with_the_previous_bytes_keep_the_previous_files(tmp_path: Path) -> None:
    old, new = tmp_path / "site", tmp_path / "staged"
    for root, files in ((old, {"a.html": "same", "b.html": "before", "c/d.css": "x", "gone.html": "old"}),
                        (new, {"a.html": "same", "b.html": "after!", "c/d.css": "x", "e.html": "new"})):
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    kept = {name: (old / name).stat().st_mtime_ns for name in ("a.html", "c/d.css")}
    report = keep_unchanged_site_files(new, old)
    assert (report.changed, report.unchanged) == (2, 2)
    assert {name: (new / name).stat().st_mtime_ns for name in kept} == kept
    assert (new / "b.html").read_text(encoding="utf-8") == "after!"  # same size, other bytes: the new file
    assert (old / "b.html").read_text(encoding="utf-8") == "before"  # the previous site is left as it was


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
