"""An Atom feed of the stories (docs/feed.xml), newest first, and the same as a JSON Feed (docs/feed.json).

No build time goes in: a story's `updated` is its newest article's date, and the feed's is the newest story's.
Undated stories use a fixed date (UNDATED) so the file stays byte-identical between builds. Ids are URNs
made from the story ids, stable as long as the story is. Links are relative to the site root, which Atom
readers resolve against the feed's own address.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from builder.models import Story
from builder.render.charts import xml
from builder.render.figures import percent
from builder.render.site import SiteIndex, newest_date

UNDATED = dt.date(1970, 1, 1)
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: dt.date
    summary: str


def stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def summary(site: SiteIndex, story: Story) -> str:
    articles = site.story_articles(story)
    parts = [f"{site.outlet_name(f.outlet)}: {len(f.sources)} sources, {percent(f.named_share)} named"
             for f in site.story_comparison(story).outlets]
    return f"{len(articles)} articles. " + "; ".join(parts)


def entries(site: SiteIndex) -> list[Entry]:
    found = []
    for story in site.corpus.stories:
        latest = newest_date(site.story_articles(story)) or UNDATED
        page = site.story_paths[story.id].removesuffix(".md") + ".html"
        found.append(Entry(f"urn:framing:story:{story.id}", story.title, page, latest, summary(site, story)))
    found.sort(key=lambda e: (-e.updated.toordinal(), e.title.casefold(), e.id))
    return found[:MAX_ENTRIES]


def atom(site: SiteIndex, title: str) -> str:
    items = entries(site)
    updated = max((e.updated for e in items), default=UNDATED)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{xml(title)}: new stories</title>",
             "<id>urn:framing:stories</id>",
             '<link rel="self" href="feed.xml"/>',
             '<link rel="alternate" type="text/html" href="index.html"/>',
             f"<updated>{stamp(updated)}</updated>",
             f"<author><name>{xml(title)}</name></author>"]
    for e in items:
        lines += ["<entry>", f"<title>{xml(e.title)}</title>", f"<id>{xml(e.id)}</id>",
                  f'<link rel="alternate" type="text/html" href="{xml(e.link)}"/>',
                  f"<updated>{stamp(e.updated)}</updated>", f"<summary>{xml(e.summary)}</summary>", "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def json_feed(site: SiteIndex, title: str) -> str:
    items = [{"id": e.id, "title": e.title, "url": e.link, "date_modified": stamp(e.updated),
              "content_text": e.summary} for e in entries(site)]
    data = {"version": "https://jsonfeed.org/version/1.1", "title": f"{title}: new stories",
            "feed_url": "feed.json", "home_page_url": "index.html", "items": items}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def feed_files(site: SiteIndex, title: str) -> dict[str, str]:
    return {"feed.xml": atom(site, title), "feed.json": json_feed(site, title)}
