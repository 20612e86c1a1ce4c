"""The Atom and JSON feeds of new stories: valid, stable ids, dates from articles (never the clock)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_render import seed_corpus

from builder.analysis import Analyser
from builder.feed import UNDATED, atom, json_feed
from builder.models import AnalysedArticle, Corpus, Event, Story
from builder.render.site import index_corpus


@pytest.fixture(scope="module")
def seeds(analyser: Analyser) -> Corpus:
    return seed_corpus(analyser)


def dated(analyser: Analyser) -> Corpus:
    corpus = seed_corpus(analyser)
    days = iter((dt.date(2017, 1, 24), dt.date(2016, 11, 3)))
    articles = tuple(AnalysedArticle(replace(a.article, published=next(days)), a.analysis) for a in corpus.articles)
    lone = replace(corpus.articles[0].article, id="panarmenian/other", title='Old <b>"story"</b> & co',
                   published=dt.date(2015, 5, 1))
    return Corpus(corpus.outlets, (*articles, AnalysedArticle(lone, corpus.articles[0].analysis)),
                  (*corpus.events, Event("old-e", (lone.id,), lone.title)),
                  (*corpus.stories, Story("old-s", ("old-e",), lone.title)))


def test_atom_feed_parses_with_stable_ids(analyser: Analyser) -> None:
    text = atom(index_corpus(dated(analyser)), "Framing")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.updated == "2017-01-24T00:00:00Z"
    titles = [e.title for e in feed.entries]
    assert titles[-1] == 'Old <b>"story"</b> & co'  # oldest last; markup kept as text
    assert feed.entries[-1].id == "urn:framing:story:old-s"
    assert feed.entries[0].link.startswith("stories/") and feed.entries[0].link.endswith(".html")
    assert atom(index_corpus(dated(analyser)), "Framing") == text


def test_undated_stories_use_the_fixed_date(analyser: Analyser) -> None:
    text = atom(index_corpus(seed_corpus(analyser)), "Framing")
    assert f"<updated>{UNDATED.isoformat()}T00:00:00Z</updated>" in text
    assert not feedparser.parse(text).bozo


def test_json_feed(analyser: Analyser) -> None:
    data = json.loads(json_feed(index_corpus(dated(analyser)), "Framing"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["id"] for i in data["items"]][-1] == "urn:framing:story:old-s"


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_title_gives_a_valid_feed(seeds: Corpus, title: str) -> None:
    corpus = seeds
    story = replace(corpus.stories[0], title=title)
    text = atom(index_corpus(replace(corpus, stories=(story,))), title)
    ET.fromstring(text.encode("utf-8"))
    assert not feedparser.parse(text).bozo
