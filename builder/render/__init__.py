"""Records -> Markdown pages for mkdocs-material. Entry point: `render_site(corpus, context)`.

Nothing here writes files (builder/writer.py does) and nothing depends on the clock: two renders of the same
corpus give byte-identical pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from builder.export import export_files
from builder.feed import feed_files
from builder.models import Corpus
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
from builder.render.site import index_corpus

__all__ = ["LexiconTable", "RenderContext", "load_lexicon_tables", "render_site"]


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
    site = index_corpus(corpus)
    pages: dict[str, str] = {"index.md": render_home(site, context.site_name)}
    for story in corpus.stories:
        pages[site.story_paths[story.id]] = render_story(site, story)
    for event in corpus.events:
        pages[site.event_paths[event.id]] = render_event(site, event)
    for item in corpus.articles:
        pages[site.article_page(item.article.id)] = render_article(site, item)
    pages["outlets/index.md"] = render_outlets_index(site)
    for slug in site.outlet_slugs():
        pages[outlet_path(slug)] = render_outlet(site, slug)
    pages["sources/index.md"] = render_sources_index(site)
    pages["methodology/figures.md"] = render_figures(context.accuracy, context.lexicons)
    pages.update(export_files(site))
    pages.update(feed_files(site, context.site_name))
    return pages
