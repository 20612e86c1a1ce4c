"""`python -m builder fetch`: read data/feeds.yml, and add each new article the RSS/Atom feeds list.

data/feeds.yml:

    feeds:
      - outlet: panarmenian                 # folder under data/articles/
        url: https://example.org/rss.xml    # an RSS or Atom feed
        limit: 20                           # optional: newest N entries only (default 20)

Every entry ends up in the report as added, skipped (with why: already there, duplicate text) or failed
(with why: unreachable, no text). One bad feed or page never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.add import AddError, DuplicateError, download, is_url, normal_url
from builder.errors import ConfigError
from builder.library import add_article, known_articles
from builder.models import Outlet

DEFAULT_LIMIT = 20
FEED_FIELDS = {"outlet", "url", "limit"}


@dataclass(frozen=True)
class Feed:
    outlet: str
    url: str
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class Outcome:
    status: str  # "added", "skipped" or "failed"
    feed: str
    link: str
    reason: str  # for added: the new file


def load_feeds(path: Path) -> tuple[Feed, ...]:
    if not path.is_file():
        raise ConfigError(f"{path}: no such file — copy the example in docs/reference/cli.md")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid YAML ({str(err).splitlines()[0]})") from err
    if not isinstance(raw, Mapping) or not isinstance(raw.get("feeds") or [], list):
        raise ConfigError(f"{path}: expected `feeds:` followed by a list of {{outlet, url, limit}}")
    return tuple(_feed(path, n, item) for n, item in enumerate(raw.get("feeds") or [], 1))


def _feed(path: Path, number: int, item: Any) -> Feed:
    where = f"{path}: feed {number}"
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: expected a mapping with `outlet` and `url`")
    unknown = sorted(set(map(str, item)) - FEED_FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; valid: {', '.join(sorted(FEED_FIELDS))}")
    outlet, url, limit = item.get("outlet"), item.get("url"), item.get("limit", DEFAULT_LIMIT)
    if not isinstance(outlet, str) or not isinstance(url, str) or not is_url(url):
        raise ConfigError(f"{where}: needs `outlet: <slug>` and `url: http(s)://...`")
    if not isinstance(limit, int) or limit < 1:
        raise ConfigError(f"{where}: `limit` must be a positive whole number")
    return Feed(outlet, url, limit)


def entry_links(feed: Feed) -> list[str]:
    """The feed's article links, newest first as the feed lists them, at most `limit`."""
    import feedparser

    parsed = feedparser.parse(download(feed.url))
    if parsed.bozo and not parsed.entries:
        raise AddError(f"{feed.url}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    links = [str(e.get("link") or "") for e in parsed.entries]
    return [link for link in links if link][: feed.limit]


def fetch_feeds(articles_dir: Path, feeds: tuple[Feed, ...], outlets: tuple[Outlet, ...],
                notify: Callable[[Outcome], None] = lambda outcome: None) -> tuple[Outcome, ...]:
    """Add every new article of every feed; `notify` hears each outcome as it happens (progress)."""
    known = known_articles(articles_dir)
    outcomes: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        notify(outcome)

    for feed in feeds:
        try:
            links = entry_links(feed)
        except AddError as err:
            record(Outcome("failed", feed.url, feed.url, str(err)))
            continue
        for link in links:
            record(_fetch_one(articles_dir, feed, link, outlets, known))
    return tuple(outcomes)


def _fetch_one(articles_dir: Path, feed: Feed, link: str, outlets: tuple[Outlet, ...], known: list[Any]) -> Outcome:
    if not is_url(link):
        return Outcome("skipped", feed.url, link, "not an http(s) link")
    if any(k.url == normal_url(link) for k in known):
        return Outcome("skipped", feed.url, link, "already added (same URL)")
    try:
        added = add_article(articles_dir, link, outlets, known, outlet=feed.outlet)
    except DuplicateError as err:
        return Outcome("skipped", feed.url, link, str(err))
    except AddError as err:
        return Outcome("failed", feed.url, link, str(err))
    return Outcome("added", feed.url, link, str(added.path))


def summary(outcomes: tuple[Outcome, ...]) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("added", "skipped", "failed")}
    return ", ".join(f"{n} {s}" for s, n in counts.items())
