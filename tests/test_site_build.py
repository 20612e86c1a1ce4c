"""The seed corpus rendered into a temporary copy of the project and built with the real `mkdocs build --strict`."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from link_check import broken_links
from test_render import seed_corpus

from builder.analysis import Analyser
from builder.models import AnalysedArticle, Article, Corpus, Event, Outlet, Readability, Story, TextAnalysis
from builder.render import RenderContext, render_site

ROOT = Path(__file__).resolve().parent.parent
HAND_WRITTEN = ("methodology/index.md", "reference/data.md", "reference/cli.md", "reference/open-data.md",
                "stylesheets/framing.css")
STORY = "stories/intelligence-sharing-with-turkey.html"
HOSTILE_BODY = '<script>alert(1)</script>\n\n[x](javascript:alert(1)) {: onclick="x" } {{ jinja }}\n\n---\n# h'


def hostile_article() -> AnalysedArticle:
    article = Article(id="hostile/page", outlet="hostile", path="x.txt", title='<script>alert(2)</script>"\n---',
                      text=HOSTILE_BODY, url="javascript:alert(3)", author="[a](javascript:alert(4))")
    return AnalysedArticle(article, TextAnalysis((), (), Readability(0.0, 0.0, 0.0, 0.0, 12, 3)))


def build_site(project: Path, pages: dict[str, str]) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)
    for relative in HAND_WRITTEN:
        (project / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / relative, project / "docs" / relative)
    for relative, text in pages.items():
        (project / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / relative).write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def site_corpus(analyser: Analyser) -> Corpus:
    """The seeds plus one hostile article in its own story (titles, body, URL and author all hostile)."""
    seeds = seed_corpus(analyser)
    evil = hostile_article()
    return Corpus((*seeds.outlets, Outlet("hostile", "<b>Evil</b> [outlet](javascript:x)")),
                  (*seeds.articles, evil),
                  (*seeds.events, Event("evil-e", (evil.article.id,), evil.article.title)),
                  (*seeds.stories, Story("evil-s", ("evil-e",), "{{ evil }} <script>alert(5)</script>")))


@pytest.fixture(scope="module")
def built_site(analyser: Analyser, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = tmp_path_factory.mktemp("project")
    result = build_site(project, render_site(site_corpus(analyser), RenderContext()))
    return project / "site", result.stdout + result.stderr


@pytest.mark.slow
def test_strict_build_without_warnings(built_site: tuple[Path, str]) -> None:
    site, log = built_site
    assert (site / "index.html").is_file(), log
    assert not [line for line in log.splitlines() if "WARNING" in line], log
    assert "not included in the" not in log, log  # generated pages are listed in not_in_nav


@pytest.mark.slow
def test_every_link_resolves(built_site: tuple[Path, str]) -> None:
    """Raw HTML links (evidence, figure tables, article lists) are not validated by MkDocs: check them here."""
    site, log = built_site
    assert (site / STORY).is_file(), log
    assert broken_links(site) == []


def test_link_check_reports_missing_pages_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text('<p id="here"><a href="../b.html#there">1</a><a href="#here">2</a>'
                                           '<a href="../gone.html">3</a><a href="https://example.org/">4</a>'
                                           '<a href="../b.html#nowhere">5</a></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h2 id="there">B</h2><a href="a/x.html#here">back</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a/x.html: ../gone.html (no file gone.html)",
                                      "a/x.html: ../b.html#nowhere (no anchor on b.html)"]


@pytest.mark.slow
def test_story_page_has_table_and_highlights(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    story = html.unescape((site / STORY).read_text(encoding="utf-8"))
    assert "<table>" in story and "PanARMENIAN.Net</a></th>" in story and "SouthFront</a></th>" in story
    article = (site / "articles/southfront/moscow-to-share-intelligence-on-syria-with-turkey.html").read_text("utf-8")
    assert re.search(r'<mark id="h\d+" class="hl-hedge', article)


@pytest.mark.slow
def test_untrusted_text_stays_text(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script>alert", text), page
        assert not re.search(r"""href=["']?javascript:""", text, re.IGNORECASE), page
        assert not re.search(r"<[a-z][^>]*\sonclick=", text), page  # as text, `{: onclick="x" }` is harmless
    evil = (site / "articles/hostile/page.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in evil  # shown as text
    body = evil.split('class="article-body"', 1)[1].split("</div>", 1)[0]
    assert "{{ jinja }}" in body and "[x](javascript:alert(1))" in body and "<h1" not in body


@pytest.mark.slow
def test_no_external_requests(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for page in [*site.rglob("*.html"), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = page.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        if page.suffix == ".html":
            assert not re.search(r"""<(script|img|iframe)[^>]+src=["']?(https?:)?//""", text), page
            assert not re.search(r"""<link[^>]+href=["']?(https?:)?//""", text), page
            assert "cdn." not in text and "cdnjs" not in text, page


@pytest.mark.slow
def test_open_data_and_feed_are_published(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for name in ("feed.xml", "feed.json", *(f"data/{n}.{e}" for n in ("figures", "spans", "articles")
                                            for e in ("json", "csv"))):
        assert (site / name).is_file(), name
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*href="feed.xml"', home)
    story = (site / STORY).read_text(encoding="utf-8")
    assert story.count('<svg class="chart" role="img"') == 2 and 'class="outlet-columns"' in story
    assert "<script" not in story.split('class="outlet-columns"', 1)[1].split("</article>", 1)[0]


@pytest.mark.slow
def test_search_index_holds_titles_not_article_texts(built_site: tuple[Path, str]) -> None:
    """At 10k articles an index of every article's words would be too big to load: article and event pages and
    the text-heavy sections of story and outlet pages stay out; titles and sources stay findable."""
    site, _ = built_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    indexed = " ".join(entry["title"] + " " + entry["text"] for entry in index["docs"])
    assert not [loc for loc in locations if loc.startswith(("articles/", "events/"))]
    pages = [loc for loc in locations if loc.startswith("stories/")]
    assert pages and not [loc for loc in pages if re.search(r"#(side-by-side|col-|outlet-|evidence|figures|charts)", loc)]
    assert "Klintsevich" in indexed  # a source name, from the speaker blindspot section
    assert "Moscow to Share Intelligence on Syria with Turkey" in indexed  # an event title, listed on its story
    assert "reconnaissance" not in indexed and "Euphrates" not in indexed  # words only in article texts
