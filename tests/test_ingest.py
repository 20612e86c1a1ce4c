"""Ingest: readers, front matter, boilerplate removal on the real seed articles and small cases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.config import load_config
from builder.errors import InputError
from builder.ingest import ingest
from builder.ingest.boilerplate import ChromeRules, clean, repeated_lines
from builder.ingest.readers import read_document
from builder.models import Article, Outlet

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = ingest(load_config(ROOT))
    assert result.problems == ()
    return {a.outlet: a for a in result.articles}


@pytest.mark.parametrize(
    ("outlet", "title"),
    [
        ("panarmenian", "Germany refuses to share Islamic State intel with Turkey"),
        ("southfront", "Moscow to Share Intelligence on Syria with Turkey"),
    ],
)
def test_seed_title_is_first_line(seeds: dict[str, Article], outlet: str, title: str) -> None:
    article = seeds[outlet]
    assert article.title == title
    assert title not in article.text


@pytest.mark.parametrize(
    ("outlet", "chrome"),
    [
        ("panarmenian", "PanARMENIAN.Net - "),
        ("panarmenian", "Top stories"),
        ("panarmenian", "Azerbaijani troops were killed"),  # an unrelated headline in the "Top stories" block
        ("panarmenian", "Partner news"),
        ("panarmenian", "---"),
        ("southfront", "Support SouthFront"),
        ("southfront", "Leave a Reply"),
        ("southfront", "Your email address will not be published"),
        ("southfront", "(Photo: Sputnik / Aleksey Nikolskiy)"),
    ],
)
def test_seed_chrome_removed_and_shown(seeds: dict[str, Article], outlet: str, chrome: str) -> None:
    article = seeds[outlet]
    assert chrome not in article.text
    assert any(chrome.strip() in block.text for block in article.removed)


@pytest.mark.parametrize(
    ("outlet", "kept"),
    [
        ("panarmenian", "Germany has refused a request from Turkey"),
        ("panarmenian", "in the Kurdistan Region where the PKK has bases in the Qandil mountains."),
        ("southfront", "Russia will transfer intelligence information that will help Ankara"),
        ("southfront", "“President Erdogan and the Turkish leadership have understood that they can deal with Russia.”"),
    ],
)
def test_seed_body_kept(seeds: dict[str, Article], outlet: str, kept: str) -> None:
    assert kept in seeds[outlet].text


def test_seed_files_are_the_shared_seeds_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is absent")
    ours = {p.name: p.read_bytes() for p in (ROOT / "data" / "articles").rglob("*.txt")}
    for seed in shared.glob("*.txt"):
        assert ours[seed.name] == seed.read_bytes()


def test_front_matter_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    text = "---\ntitle: Bridge reopens\npublished: 2024-03-05\nurl: https://x.example/a\nauthor: Jane\n---\nBody text.\n"
    doc = read_document(path, text.encode())
    assert doc.meta.title == "Bridge reopens"
    assert str(doc.meta.published) == "2024-03-05"
    assert doc.body == "Body text.\n"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL"),
        (b"caf\xe9 au lait", "UTF-8"),
        ("\ufeffhello".encode("utf-16"), "UTF-16"),
        (b"---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
        (b"---\n- a list\n---\nbody", "not a mapping"),
        (b"---\npublished: yesterday\n---\nbody", "not a date"),
        (b"---\nheadline: x\n---\nbody", "unknown front matter"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path: Path, raw: bytes, problem: str) -> None:
    path = tmp_path / "bad.md"
    with pytest.raises(InputError) as caught:
        read_document(path, raw)
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


def test_html_goes_through_trafilatura() -> None:
    path = FIXTURES / "harbour-bridge.html"
    doc = read_document(path, path.read_bytes())
    assert doc.meta.title == "Harbour bridge to reopen after repairs"
    assert str(doc.meta.published) == "2024-03-05"
    assert "council engineer Maria Lopez" in doc.body
    assert "Subscribe to our newsletter" not in doc.body


def test_repeated_lines_across_an_outlets_articles() -> None:
    bodies = ["Title A\nShare on Twitter\nStory A text.", "Title B\nShare on Twitter\nStory B text.", "C\nOther."]
    assert repeated_lines(bodies) == frozenset({"share on twitter"})


def test_outlet_rules_and_caption_vs_paragraph() -> None:
    outlet = Outlet("x", "Daily X", boilerplate_lines=("Subscribe now",), boilerplate_patterns=(r"^BREAKING:\s*",))
    body = ("Headline\nDaily X - The first paragraph.\nSubscribe now\nBREAKING: Second paragraph here.\n"
            "A man on a bridge (Photo: Jane Roe)\nA long paragraph that ends in a credit (Photo: AP) and goes on.")
    cleaned = clean(body, None, [ChromeRules.for_outlet(outlet), ChromeRules.generic()])
    assert cleaned.title == "Headline"
    assert cleaned.text.split("\n\n") == [
        "The first paragraph.",
        "Second paragraph here.",
        "A long paragraph that ends in a credit and goes on.",
    ]
    reasons = " ".join(block.reason for block in cleaned.removed)
    assert "dateline" in reasons and "photo caption" in reasons


def test_tail_marker_needs_body_before_it() -> None:
    cleaned = clean("T\nComments\nFirst.\nSecond.\nComments\nNice post!", None, [ChromeRules.generic()])
    assert cleaned.text == "Comments\n\nFirst.\n\nSecond."
    assert cleaned.removed[-1].text == "Comments\nNice post!"


def test_problems_are_collected_and_data_is_not_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "articles" / "southfront" / "empty.txt").write_bytes(b"")
    (tmp_path / "data" / "articles" / "newcomer").mkdir()
    (tmp_path / "data" / "articles" / "newcomer" / "a.txt").write_text("Title\n\nSome text.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    result = ingest(load_config(tmp_path))
    messages = [str(p) for p in result.problems]
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("newcomer" in m and "outlets.yml" in m for m in messages)
    assert {a.outlet for a in result.articles} == {"panarmenian", "southfront", "newcomer"}
    assert before == {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
