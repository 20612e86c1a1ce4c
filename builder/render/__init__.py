"""Records -> Markdown pages for mkdocs-material. Entry point: `render_site(corpus, context)`.

Nothing here writes files (builder/writer.py does) and nothing depends on the clock: two renders of the same
corpus give byte-identical pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from builder.export import export_files
from builder.feed import feed_files
from builder.models import Corpus, Story
from builder.render.article import render_article
from builder.render.methodology import LexiconTable, load_lexicon_tables, render_figures
from builder.render.pages import (
    render_event,
    render_home,
    render_outlet,
    render_outlets_index,
    render_sources_index,
    render_story,
)
from builder.render.paths import outlet_path
from builder.render.reuse import ManifestEntry, RenderManifest, code_version, event_digest, story_digest
from builder.render.site import SiteIndex, index_corpus
from builder.writer import PageText, Reuse

__all__ = ["LexiconTable", "ManifestEntry", "RenderContext", "RenderManifest", "iter_site", "load_lexicon_tables", "render_site"]


@dataclass(frozen=True)
class RenderContext:
    """What the pages need besides the corpus.

    `accuracy`: the parsed bench/accuracy.json, or None when absent ("not measured yet").
    `lexicons`: the lexicon tables for the methodology figures page (default: every builder/lexicons/*.tsv).
    """

    site_name: str = "Framing"
    accuracy: Mapping[str, Any] | None = None
    lexicons: tuple[LexiconTable, ...] = field(default_factory=load_lexicon_tables)


def render_site(corpus: Corpus, context: RenderContext) -> dict[str, str]:
    """Every generated file: docs-relative path -> text (Markdown pages, open-data JSON/CSV, feeds), in a stable order."""
    return {path: _whole(text) for path, text in iter_site(corpus, context)}


def _whole(text: PageText) -> str:
    if isinstance(text, Reuse):  # only with a previous manifest, which render_site never passes
        raise TypeError("render_site renders every page")
    return text if isinstance(text, str) else "".join(text)


def iter_site(corpus: Corpus, context: RenderContext, previous: RenderManifest | None = None,
              manifest: dict[str, ManifestEntry] | None = None) -> Iterator[tuple[str, PageText]]:
    """The generated files one at a time, so that a build writes each page and lets it go: at 50,000
    articles all pages at once would take gigabytes. The open-data files come in pieces (streamed).

    `previous`: the manifest of the last build (builder/render/reuse.py), whose pages are still in docs/; a
    group of pages (a story's page; an event's page with its articles'), keyed by its first page, whose digest
    and paths match it yields `Reuse()` for its pages. `manifest` is filled with this build's entries."""
    site = index_corpus(corpus)
    tracked = previous is not None or manifest is not None
    code = code_version() if tracked else None
    yield "index.md", render_home(site, context.site_name)
    events_done: set[str] = set()
    articles_done: set[str] = set()
    for story in corpus.stories:  # a story with its events and articles, which share highlighted bodies
        for group in _story_groups(site, story, code, events_done, articles_done):
            key, entry = group.pages[0][0], (group.digest, tuple(path for path, _ in group.pages))
            if manifest is not None:
                manifest[key] = entry
            if previous is not None and previous.get(key) == entry:
                yield from ((path, Reuse()) for path, _ in group.pages)
                continue
            for path, render in group.pages:
                yield path, render()
        site.bodies.clear()
    for event in (e for e in corpus.events if e.id not in events_done):
        yield site.event_paths[event.id], render_event(site, event)
    for item in (a for a in corpus.articles if a.article.id not in articles_done):
        yield site.article_page(item.article.id), render_article(site, item)
    yield "outlets/index.md", render_outlets_index(site)
    for slug in site.outlet_slugs():
        yield outlet_path(slug), render_outlet(site, slug)
    yield "sources/index.md", render_sources_index(site)
    yield "methodology/figures.md", render_figures(context.accuracy, context.lexicons)
    yield from export_files(site)
    yield from feed_files(site, context.site_name).items()


@dataclass(frozen=True)
class PageGroup:
    """Pages kept or rendered together (builder/render/reuse.py): `digest` of what they are made from ("" when
    the build keeps no manifest), and (path, renderer) pairs."""

    digest: str
    pages: tuple[tuple[str, Callable[[], str]], ...]


def _story_groups(site: SiteIndex, story: Story, code: str | None, events_done: set[str],
                  articles_done: set[str]) -> list[PageGroup]:
    """The story's page, then each of its events' pages with their articles' pages (each page once over the
    site: `events_done` and `articles_done` are updated). `code`: the rendering code's version, None for no
    digests."""
    events = [site.events[e] for e in story.event_ids if e in site.events]
    digests = {e.id: event_digest(site, e, code) if code is not None else "" for e in events}
    groups = [PageGroup(story_digest(site, story, code, digests) if code is not None else "",
                        ((site.story_paths[story.id], partial(render_story, site, story)),))]
    for event in (e for e in events if e.id not in events_done):
        events_done.add(event.id)
        pages: list[tuple[str, Callable[[], str]]] = [(site.event_paths[event.id], partial(render_event, site, event))]
        for article_id in (i for i in event.article_ids if i in site.articles and i not in articles_done):
            articles_done.add(article_id)
            pages.append((site.article_page(article_id), partial(render_article, site, site.articles[article_id])))
        groups.append(PageGroup(digests[event.id], tuple(pages)))
    return groups
