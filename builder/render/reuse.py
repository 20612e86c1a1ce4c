"""Warm rebuilds: a story's pages (the story, its events and their articles) are rendered again only when
something they show has changed.

Each story gets a digest of everything its pages are made from: the rendering code, the story and its events
(titles, members, page paths), and every article of it (metadata, text, analysis, page path, outlet name).
Nothing outside the story appears on those pages: other pages are linked by paths that depend only on the
outlet's slug. The build keeps the digests and page paths of the last build (a manifest in its cache); when a
story's digest and paths are unchanged and its pages are still in docs/, the pages are kept as they are
(builder.writer.Reuse) instead of rendered. Everything else (home, outlets, sources, open data, feeds) depends on the whole
corpus and is rendered every time. At 10,000 articles rendering was two thirds of a warm rebuild.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib import resources

from builder.models import Story
from builder.render.site import SiteIndex

# story id -> (digest of its pages' inputs, the docs-relative paths of its pages)
ManifestEntry = tuple[str, tuple[str, ...]]
RenderManifest = Mapping[str, ManifestEntry]


def code_version() -> str:
    """Digest of the code that turns records into pages: any change to it renders every page again."""
    digest = hashlib.sha256()
    for package, names in (("builder", ("models.py", "compare.py")), ("builder.render", None)):
        for entry in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if entry.is_file() and (entry.name in names if names else entry.name.endswith(".py")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()


def story_digest(site: SiteIndex, story: Story, code: str) -> str:
    """What the story's, its events' and its articles' pages are made from (records' reprs are complete:
    frozen dataclasses of plain values)."""
    digest = hashlib.sha256(code.encode())
    digest.update(repr((story, site.story_paths[story.id])).encode())
    for event_id in story.event_ids:
        event = site.events.get(event_id)
        if event is not None:
            digest.update(repr((event, site.event_paths[event.id])).encode())
    for item in site.story_articles(story):
        article = item.article
        digest.update(repr((item, site.article_page(article.id), site.outlet_name(article.outlet))).encode())
    return digest.hexdigest()
