"""Seed acceptance: the two shipped articles, built by the real pipeline, show the right sources on their pages.

Checked on the generated pages (the attributions table and hedge lists, raw HTML in the Markdown, and the story
page), so what the reader sees is what is tested.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder.config import load_config
from builder.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
CELL = re.compile(r"<td[^>]*>(.*?)</td>")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Row:
    cue: str
    mention: str
    name: str
    kind: str
    via: str
    style: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed-site")
    shutil.copytree(ROOT / "data", root / "data")
    generated = shutil.ignore_patterns("stories", "events", "articles", "outlets", "sources", "index.md")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=generated)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    report = run(load_config(root, run_mkdocs=False, use_cache=False))
    assert report.warnings == ()
    return root / "docs"


def unescape(cell: str) -> str:
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), cell)


def mention_and_name(cell: str) -> tuple[str, str]:
    """A source reads `mention → resolved name` (the mention may be a link), or just the mention when both are
    the same."""
    mention, _, name = unescape(TAG.sub("", cell)).partition(" → ")
    return mention.strip(), (name or mention).strip()


def rows(page: Path) -> list[Row]:
    """The attributions table (raw HTML, one row per attribution): number, cue, `source · kind · via …`,
    `style · type`, content."""
    text = page.read_text(encoding="utf-8")
    table = text.split("## Attributions", 1)[1].split("\n## ", 1)[0]
    found = []
    for row in table.split("<tr>")[1:]:
        cells = CELL.findall(row)
        if len(cells) < 5:
            continue  # the header row
        source, kind, *rest = [*cells[2].split(" · "), ""]
        via = next((r.removeprefix("via ") for r in rest if r.startswith("via ")), "")
        mention, name = mention_and_name(source)
        found.append(Row(mention_and_name(cells[1])[0], mention, name, kind, mention_and_name(via)[1],
                         cells[3].split(" · ")[0]))
    return found


def article(built: Path, outlet: str) -> Path:
    pages = list((built / "articles" / outlet).glob("*.md"))
    assert len(pages) == 1
    return pages[0]


def has_source(found: list[Row], name: str, kind: str) -> bool:
    as_source = any(name.lower() in (r.name + " " + r.mention).lower() and r.kind == kind for r in found)
    as_via = kind == "named organisation" and any(name.lower() in r.via.lower() for r in found)
    return as_source or as_via


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("German Defence Ministry", "named organisation"),
        ("Rudaw", "named organisation"),
        ("Reuters", "named organisation"),
        ("Spiegel Online", "named organisation"),
        ("Anadolu Agency", "named organisation"),
        ("Ankara", "named organisation"),
        ("a ministry spokesperson", "unnamed person"),
        ("persons within the Turkish military", "unnamed group"),
    ],
)
def test_panarmenian_sources(built: Path, name: str, kind: str) -> None:
    assert has_source(rows(article(built, "panarmenian")), name, kind)


def test_panarmenian_spokesperson_quoted_via_reuters_and_ankara_accuses(built: Path) -> None:
    found = rows(article(built, "panarmenian"))
    assert any("spokesperson" in r.mention and r.via == "Reuters" and r.style in {"direct", "mixed"} for r in found)
    assert any(r.mention == "Ankara" and r.cue == "accused" for r in found)
    page = article(built, "panarmenian").read_text(encoding="utf-8")
    assert "solely to the anti&#45;Islamic State coalition" in page or "solely to the anti-Islamic State coalition" in page


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Izvestiya", "named organisation"),
        ("Franz Klintsevich", "named person"),
        ("unnamed informed military-diplomatic source", "unnamed person"),
        ("Experts", "unnamed group"),
    ],
)
def test_southfront_sources(built: Path, name: str, kind: str) -> None:
    assert has_source(rows(article(built, "southfront")), name, kind)


def test_southfront_mentions_resolve(built: Path) -> None:
    found = rows(article(built, "southfront"))
    assert any(r.mention == "the newspaper" and r.name == "Izvestiya" for r in found)
    assert any(r.mention == "the source" and "military-diplomatic source" in r.name for r in found)
    klintsevich_quotes = [r for r in found if r.name == "Franz Klintsevich" and r.style == "direct"]
    assert len(klintsevich_quotes) >= 2
    assert any("Klintsevich" in r.name and r.via == "Izvestiya" for r in found)  # cited via the newspaper


def test_southfront_hedges_by_voice(built: Path) -> None:
    text = article(built, "southfront").read_text(encoding="utf-8")
    outlet = text.split('id="hedges-outlet"', 1)[1].split("</li>", 1)[0]
    attributed = text.split('id="hedges-attributed"', 1)[1].split("</li>", 1)[0]
    assert ">Experts believe</a>" in outlet
    assert ">according to some data</a>" in attributed
    assert ">may</a>" in attributed and ">may</a>" not in outlet


def test_seeds_share_one_story(built: Path) -> None:
    stories = list((built / "stories").glob("*.md"))
    assert len(stories) == 1
    page = unescape(stories[0].read_text(encoding="utf-8"))
    assert "PanARMENIAN.Net" in page and "SouthFront" in page
    assert len(list((built / "events").glob("*.md"))) == 2  # two different happenings
