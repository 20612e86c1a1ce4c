"""The writer touches only generated pages, keeps unchanged files' bytes and mtimes, removes stale pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.writer import write_pages


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


@pytest.mark.parametrize("path", ["methodology/index.md", "reference/data.md", "../escape.md", "stories/../../x.md"])
def test_refuses_paths_outside_generated_area(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        write_pages(tmp_path, {path: "x"})
