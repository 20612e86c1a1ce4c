"""A story page stays bounded however large the story: past STORY_SPANS_LISTED spans an evidence list links
each event's list (with its count) instead of every span, a source list links each source's first mention, an
outlet's column lists its first few other articles, and a blindspot list names its first sources. Every figure
still traces to its words, one page on."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from builder.models import (
    AnalysedArticle,
    Article,
    Attribution,
    AttributionType,
    Corpus,
    Event,
    Outlet,
    QuoteStyle,
    Readability,
    Source,
    SourceKind,
    Span,
    Story,
    TextAnalysis,
)
from builder.render import RenderContext, figures, render_site
from builder.render.figures import STORY_SPANS_LISTED
from builder.render.story_view import BLINDSPOT_NAMES, COLUMN_OTHERS

SAYINGS = 9  # per article: 9 × 12 articles = 108 attributions, over STORY_SPANS_LISTED


def article(number: int) -> AnalysedArticle:
    text = " ".join(f"Officials said the count was {n}." for n in range(SAYINGS))
    found = []
    for match in re.finditer(r"(Officials) (said) (the count was \d+)", text):
        source = Source(Span.of(text, *match.span(1)), SourceKind.UNNAMED_GROUP, "officials")
        found.append(Attribution(Span.of(text, *match.span(2)), source, Span.of(text, *match.span(3)),
                                 QuoteStyle.INDIRECT, AttributionType.SPEECH))
    item = Article(id=f"wire/a{number:02d}", outlet="wire", path=f"articles/wire/a{number:02d}.md",
                   title=f"Count number {number}", text=text, published=dt.date(2020, 1, 1 + number))
    return AnalysedArticle(item, TextAnalysis(tuple(found), (), Readability(50.0, 10.0, 12.0, 11.0, 10, 1)))


def pages() -> dict[str, str]:
    articles = tuple(article(n) for n in range(12))
    events = tuple(Event(f"e{n}", tuple(a.article.id for a in articles[3 * n:3 * n + 3]), f"Count event {n}")
                   for n in range(4))
    corpus = Corpus((Outlet("wire", "The Wire"),), articles, events, (Story("s", tuple(e.id for e in events), "Counts"),))
    return render_site(corpus, RenderContext(site_name="Test"))


def evidence_item(page: str, anchor: str) -> str:
    found = re.search(rf'<li id="{anchor}">(.*?)</li>', page)
    assert found, anchor
    return found.group(1)


def test_a_long_list_on_a_story_page_links_each_events_list_with_its_count() -> None:
    site = pages()
    story = site["stories/counts.md"]
    total = 12 * SAYINGS
    assert total > STORY_SPANS_LISTED
    entry = evidence_item(story, "ev-wire-attributions")
    assert f"{total} in 4 events:" in entry
    links = re.findall(r'<a href="\.\./events/([\w-]+)\.html#ev-wire-attributions">[^<]*</a> \((\d+)\)', entry)
    assert len(links) == 4 and sum(int(count) for _, count in links) == total
    assert "#a1-cue" not in entry  # no span links on the story page
    for event, count in links:  # the event page lists every span the story page counted for it
        spans = evidence_item(site[f"events/{event}.md"], "ev-wire-attributions")
        assert len(re.findall(r"#a\d+-cue", spans)) == int(count)


def test_a_long_article_list_on_a_story_page_links_each_events_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures, "STORY_SPANS_LISTED", 10)  # 12 articles
    entry = evidence_item(pages()["stories/counts.md"], "ev-wire-articles")
    assert entry.startswith("<strong>Articles (12):</strong> 12 in 4 events:")
    assert len(re.findall(r'events/[\w-]+\.html#ev-wire-articles">[^<]*</a> \(3\)', entry)) == 4


def test_a_long_source_list_links_each_source_once_with_its_number_of_mentions() -> None:
    entry = evidence_item(pages()["stories/counts.md"], "ev-wire-sources-unnamed_group")
    first = re.findall(r'<a href="\.\./articles/wire/a\d+\.html#a1-src">officials</a>', entry)
    assert len(first) == 1 and entry.count("<a ") == 1
    assert f"officials</a> ({12 * SAYINGS} mentions)" in entry


def test_an_event_page_still_links_every_span() -> None:
    event = next(page for path, page in pages().items() if path.startswith("events/"))
    assert len(re.findall(r"#a\d+-cue", evidence_item(event, "ev-wire-attributions"))) == 3 * SAYINGS


def test_a_column_lists_a_few_other_articles_and_says_how_many_more() -> None:
    story = pages()["stories/counts.md"]
    column = re.search(r'<section class="outlet-column".*?</section>', story)
    assert column
    assert column.group(0).count("<li>") == COLUMN_OTHERS + 1
    assert f'and {12 - 1 - COLUMN_OTHERS} more, under <a href="#articles">Articles</a>' in column.group(0)
    assert "{ #articles }" in story


def cited(outlet: str, names: list[str]) -> AnalysedArticle:
    text = " ".join(f"{name} said the count rose." for name in names)
    found = []
    for match in re.finditer(r"(\w+) (said) (the count rose)", text):
        source = Source(Span.of(text, *match.span(1)), SourceKind.NAMED_PERSON, match.group(1))
        found.append(Attribution(Span.of(text, *match.span(2)), source, Span.of(text, *match.span(3)),
                                 QuoteStyle.INDIRECT, AttributionType.SPEECH))
    item = Article(id=f"{outlet}/a", outlet=outlet, path=f"articles/{outlet}/a.md", title=f"Counts in {outlet}",
                   text=text, published=dt.date(2020, 1, 1))
    return AnalysedArticle(item, TextAnalysis(tuple(found), (), Readability(50.0, 10.0, 12.0, 11.0, 10, 1)))


def test_a_blindspot_list_names_the_first_sources_and_counts_the_rest() -> None:
    many = [f"Speaker{chr(65 + n // 26)}{chr(97 + n % 26)}" for n in range(BLINDSPOT_NAMES + 5)]
    articles = (cited("wire", many), cited("post", ["Alone"]))
    corpus = Corpus((Outlet("wire", "The Wire"), Outlet("post", "The Post")), articles,
                    (Event("e", ("post/a", "wire/a"), "Counts"),), (Story("s", ("e",), "Counts"),))
    story = render_site(corpus, RenderContext(site_name="Test"))["stories/counts.md"]
    only = re.search(r"<li><strong>Only The Wire:</strong>(.*?)</li>", story)
    assert only and only.group(1).count("<a ") == BLINDSPOT_NAMES + 1  # the names, and the link to Evidence
    assert 'and 5 more, under <a href="#evidence">Evidence</a>' in only.group(1)
    assert "<strong>Only The Post:</strong> <a " in story and "more, under" not in story.split("Only The Post")[1][:200]
