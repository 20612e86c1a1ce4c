"""Warm rebuilds: pages are rendered again only when something they show has changed.

Pages are kept or rendered in groups: a story's page; and each event's page with its articles' pages. Each
group gets a digest of everything its pages are made from:
- an event group: the rendering code, the event (title, members, page path), its story's title and page path
  (both page kinds link the story), and every article of the event (metadata, text, analysis, page path,
  outlet name);
- a story page: the rendering code, the story (title, events, page path) and its events' digests, which cover
  every article it shows.
Nothing else appears on those pages: other pages are linked by paths that depend only on the outlet's slug.
The build keeps the digests and page paths of the last build (a manifest in its cache, keyed by each group's
first page); when a group's digest and paths are unchanged and its pages are still in docs/ as that build
left them (builder/cache.py), they are kept as they are (builder.writer.Reuse) instead of rendered. So an
article added to a story of thousands of events renders that story's page and one event group, not the whole
story. Everything else (home, outlets, sources, open data, feeds) depends on the whole corpus and is rendered
every time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib import resources

from builder.models import Event, Story
from builder.render.site import SiteIndex

# a page group's first page -> (digest of its pages' inputs, the docs-relative paths of its pages)
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


def event_digest(site: SiteIndex, event: Event, code: str) -> str:
    """What an event's page and its articles' pages are made from (records' reprs are complete: frozen
    dataclasses of plain values)."""
    digest = hashlib.sha256(code.encode())
    story = site.stories.get(site.story_of_event.get(event.id, ""))
    # the story's title and page, not its id: the id names the story's members, which an article added to
    # another of its events changes, and these pages do not show it
    story_shown = (story.title, site.story_paths[story.id]) if story is not None else None
    digest.update(repr((event, site.event_paths[event.id], story_shown)).encode())
    for article_id in event.article_ids:
        item = site.articles.get(article_id)
        if item is not None:
            digest.update(repr((item, site.article_page(article_id), site.outlet_name(item.article.outlet))).encode())
    return digest.hexdigest()


def story_digest(site: SiteIndex, story: Story, code: str, event_digests: Mapping[str, str]) -> str:
    """What the story's page is made from: the story and its events, through their digests."""
    digest = hashlib.sha256(code.encode())
    digest.update(repr((story, site.story_paths[story.id])).encode())
    for event_id in story.event_ids:
        if event_id in event_digests:
            digest.update(event_digests[event_id].encode())
    return digest.hexdigest()
