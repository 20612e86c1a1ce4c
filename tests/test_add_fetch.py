"""`add` and `fetch` against a local HTTP server (127.0.0.1) serving feed and article pages written here.

No test touches the internet. Only new files appear under data/articles/; existing ones stay byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_kit import serve

from builder.add import DuplicateError, overlap, shingles
from builder.cli import main
from builder.fetch import Feed, fetch_feeds, load_feeds
from builder.library import add_article, known_articles
from builder.models import Outlet

PARAGRAPHS = {
    "harbour": [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
        "officials said after a meeting that lasted late into the evening.",
        "According to the council's engineers, the steel frame has corroded faster than expected and may "
        "not carry heavy traffic for more than a few more years.",
        "Shop owners on the north bank said they feared losing customers, while cycling groups welcomed the "
        "decision and asked for a wider path across the river.",
    ],
    "library": [
        "The regional library will open on Sundays from March, its director announced on Monday, after a "
        "survey found that most readers could not visit during the week.",
        "The extra hours will be paid for by a grant from the province, which covers two years of staff "
        "costs, the director told reporters at the reading room.",
        "Some volunteers said they would help with a reading club for children on Sunday mornings, and the "
        "library said it would publish the new timetable next month.",
    ],
}


def article_html(key: str, title: str, date: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[key])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{date}"></head><body>'
            f"<nav><a href='/'>Home</a> · <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright the Courier</footer></body></html>")


def rss(base: str, links: list[str]) -> str:
    items = "".join(f"<item><title>{link}</title><link>{base}{link}</link></item>" for link in links)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>{base}</link>'
            f"<description>news</description>{items}</channel></rss>")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    web = tmp_path / "web"
    web.mkdir()
    (web / "harbour.html").write_text(article_html("harbour", "Harbour bridge to close to cars", "2024-03-05"), "utf-8")
    (web / "library.html").write_text(article_html("library", "Library opens on Sundays", "2024-03-07"), "utf-8")
    (web / "copy.html").write_text(article_html("harbour", "Bridge closing (republished)", "2024-03-06"), "utf-8")
    with serve(web) as base:
        (web / "feed.xml").write_text(rss(base, ["library.html", "harbour.html", "copy.html", "missing.html"]), "utf-8")
        yield base


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "data" / "articles" / "courier").mkdir(parents=True)
    (root / "data" / "articles" / "courier" / "old.txt").write_text("An old article\n\nIt said nothing new.\n", "utf-8")
    (root / "data" / "outlets.yml").write_text("courier:\n  name: The Courier\n  homepage: http://127.0.0.1/\n", "utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_add_url_writes_front_matter(server: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    assert main(["add", server + "harbour.html", "--root", str(project)]) == 0
    added = project / "data/articles/courier/2024-03-05-harbour-bridge-to-close-to-cars.md"
    assert added.is_file(), capsys.readouterr()
    text = added.read_text("utf-8")
    assert text.startswith('---\ntitle: "Harbour bridge to close to cars"\nurl: "' + server + 'harbour.html"\n')
    assert "published: 2024-03-05" in text and "steel frame has corroded" in text and "Copyright" not in text
    after = snapshot(project)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing existing changed
    assert capsys.readouterr().out.startswith(f"added {added}")


def test_add_refuses_same_url_and_near_identical_text(server: str, project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", server + "harbour.html", "--root", str(project)]) == 0
    assert main(["add", server + "harbour.html/", "--root", str(project)]) == 1
    assert "already added (same URL as" in capsys.readouterr().err
    assert main(["add", server + "copy.html", "--root", str(project)]) == 1
    assert "near-identical text to" in capsys.readouterr().err
    assert len(list((project / "data/articles/courier").iterdir())) == 2


def test_add_html_file_needs_an_outlet(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "saved.html"
    page.write_text(article_html("library", "Library opens on Sundays", "2024-03-07"), "utf-8")
    assert main(["add", str(page), "--root", str(project)]) == 1
    assert "pass --outlet SLUG" in capsys.readouterr().err
    assert main(["add", str(page), "--outlet", "gazette", "--root", str(project)]) == 0
    assert (project / "data/articles/gazette/2024-03-07-library-opens-on-sundays.md").is_file()
    assert "outlet 'gazette' is not in data/outlets.yml" in capsys.readouterr().err


def test_fetch_reports_added_skipped_failed(server: str, project: Path) -> None:
    articles = project / "data/articles"
    heard: list[str] = []
    outcomes = fetch_feeds(articles, (Feed("courier", server + "feed.xml"),), (Outlet("courier", "C"),),
                           lambda o: heard.append(o.status))
    assert [o.status for o in outcomes] == ["added", "added", "skipped", "failed"] == heard
    assert "near-identical text" in outcomes[2].reason and "missing.html" in outcomes[3].link
    again = fetch_feeds(articles, (Feed("courier", server + "feed.xml"),), (), lambda o: None)
    assert [o.status for o in again[:3]] == ["skipped"] * 3
    assert all("already added" in o.reason for o in again[:3])


def test_fetch_command_and_feeds_file(server: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "data/feeds.yml").write_text(f"feeds:\n  - outlet: courier\n    url: {server}feed.xml\n    limit: 1\n")
    assert load_feeds(project / "data/feeds.yml") == (Feed("courier", server + "feed.xml", 1),)
    assert main(["fetch", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "added: " + server + "library.html" in out and "1 added, 0 skipped, 0 failed" in out


def test_fetch_refuses_feeds_of_unknown_outlets(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "data/feeds.yml").write_text("feeds:\n  - outlet: gazette\n    url: http://127.0.0.1:9/feed.xml\n")
    assert main(["fetch", "--root", str(project)]) == 1
    assert "outlet(s) gazette not in data/outlets.yml" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["feeds: 3\n", "feeds:\n  - outlet: x\n", "feeds:\n  - {outlet: x, url: ftp://a}\n",
                                  "feeds:\n  - {outlet: x, url: 'http://a', colour: red}\n"])
def test_bad_feeds_file(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds.yml").write_text(text, "utf-8")
    (tmp_path / "data" / "articles").mkdir(parents=True)
    assert main(["fetch", "--root", str(tmp_path), "--feeds", str(tmp_path / "feeds.yml")]) == 1
    assert "feeds.yml" in capsys.readouterr().err


def test_known_articles_and_overlap(tmp_path: Path, project: Path) -> None:
    stored = project / "data/articles/courier/library.md"
    stored.write_text("---\ntitle: Sundays\n---\n\n" + "\n\n".join(PARAGRAPHS["library"]), "utf-8")
    known = known_articles(project / "data/articles")
    assert [k.path.name for k in known] == ["library.md", "old.txt"]
    a = shingles(" ".join(PARAGRAPHS["harbour"]))
    assert overlap(a, a) == 1.0 and overlap(a, shingles(" ".join(PARAGRAPHS["library"]))) < 0.1
    page = tmp_path / "saved.html"
    page.write_text(article_html("library", "Library opens on Sundays", "2024-03-07"), "utf-8")
    with pytest.raises(DuplicateError, match=r"near-identical text to .*library\.md"):
        add_article(project / "data/articles", str(page), (), known, "courier")
