"""An index over the corpus: every page's path and the relations between stories, events and articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from builder.compare import Comparison, OutletFigures, compare, outlet_figures
from builder.models import AnalysedArticle, Corpus, Event, Story
from builder.render import rawhtml
from builder.render.escape import md
from builder.render.highlight import body_html
from builder.render.paths import article_paths, link, outlet_path, unique_slugs


@dataclass(frozen=True)
class SiteIndex:
    corpus: Corpus
    articles: Mapping[str, AnalysedArticle]
    events: Mapping[str, Event]
    stories: Mapping[str, Story]
    story_paths: Mapping[str, str]
    event_paths: Mapping[str, str]
    story_of_event: Mapping[str, str]
    event_of_article: Mapping[str, str]
    article_paths: Mapping[str, str]  # worked out once: pages link to articles hundreds of thousands of times
    # highlighted bodies of the story being rendered: its story, event and article pages show the same ones
    bodies: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # each outlet's figures over all its articles: the home, outlets, outlet and open-data pages all show them
    totals: dict[str, OutletFigures] = field(default_factory=dict, compare=False, repr=False)
    # each story's comparison: its page, the home page, the feed and the open data all show it (22 MB at 10k)
    comparisons: dict[str, Comparison] = field(default_factory=dict, compare=False, repr=False)

    def body(self, item: AnalysedArticle) -> str:
        found = self.bodies.get(item.article.id)
        if found is None:
            found = self.bodies[item.article.id] = body_html(item.article.text, item.analysis)
        return found

    def outlet_totals(self, slug: str) -> OutletFigures:
        found = self.totals.get(slug)
        if found is None:
            found = self.totals[slug] = outlet_figures(slug, self.corpus.articles)
        return found

    def story_comparison(self, story: Story) -> Comparison:
        found = self.comparisons.get(story.id)
        if found is None:
            found = self.comparisons[story.id] = compare(self.story_articles(story))
        return found

    def outlet_name(self, slug: str) -> str:
        return next((o.name for o in self.corpus.outlets if o.slug == slug), slug)

    def outlet_slugs(self) -> tuple[str, ...]:
        known = [o.slug for o in self.corpus.outlets]
        extra = sorted({a.article.outlet for a in self.corpus.articles} - set(known))
        return tuple(known + extra)

    def article_page(self, article_id: str) -> str:
        return self.article_paths[article_id]

    def article_link(self, from_page: str, article_id: str, anchor: str = "") -> str:
        return link(from_page, self.article_page(article_id), anchor)

    def outlet_link(self, from_page: str, slug: str) -> str:
        """`[Name](path)` to the outlet's page."""
        return f"[{md(self.outlet_name(slug))}]({link(from_page, outlet_path(slug))})"

    def outlet_html(self, from_page: str, slug: str) -> str:
        """The same link as raw HTML."""
        return rawhtml.page_link(from_page, outlet_path(slug), rawhtml.text(self.outlet_name(slug)))

    def story_articles(self, story: Story) -> tuple[AnalysedArticle, ...]:
        ids = [i for e in story.event_ids if e in self.events for i in self.events[e].article_ids]
        return newest_first(self.articles[i] for i in dict.fromkeys(ids) if i in self.articles)

    def event_articles(self, event: Event) -> tuple[AnalysedArticle, ...]:
        return newest_first(self.articles[i] for i in event.article_ids if i in self.articles)


def index_corpus(corpus: Corpus) -> SiteIndex:
    events = {e.id: e for e in corpus.events}
    stories = unique_slugs((s.id, s.address_title or s.title) for s in corpus.stories)
    event_slugs = unique_slugs((e.id, e.title) for e in corpus.events)
    return SiteIndex(
        corpus=corpus,
        articles={a.article.id: a for a in corpus.articles},
        events=events,
        stories={s.id: s for s in corpus.stories},
        story_paths={k: f"stories/{v}.md" for k, v in stories.items()},
        event_paths={k: f"events/{v}.md" for k, v in event_slugs.items()},
        story_of_event={e: s.id for s in corpus.stories for e in s.event_ids},
        event_of_article={a: e.id for e in corpus.events for a in e.article_ids},
        article_paths=article_paths((a.article.id, a.article.outlet) for a in corpus.articles),
    )


def newest_first(articles: Iterable[AnalysedArticle]) -> tuple[AnalysedArticle, ...]:
    """By published date, newest first; undated articles last; ties by id (stable across builds)."""
    items = sorted(articles, key=lambda a: a.article.id)
    return tuple(sorted(items, key=lambda a: (a.article.published is None,
                                              -(a.article.published or dt.date.min).toordinal())))


def newest_date(articles: Iterable[AnalysedArticle]) -> dt.date | None:
    dates = [a.article.published for a in articles if a.article.published is not None]
    return max(dates) if dates else None


def date_text(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"
