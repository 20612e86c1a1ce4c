"""Every link inside a built site resolves: the target file exists and so does the `#anchor` on it.

MkDocs validates the links it writes from Markdown, but the generated pages write their link-heavy lists as
raw HTML (builder/render/rawhtml.py), which MkDocs passes through unchecked; this checks the built HTML."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name == "href" and tag == "a" and value is not None:
                self.links.append(value)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path, under: tuple[str, ...] = ("",)) -> list[str]:
    """"page: href (why)" for each link of the pages under the given folders that does not resolve."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html") if "assets" not in p.parts}
    parsed: dict[str, _Page] = {}

    def page(name: str) -> _Page:
        if name not in parsed:
            parsed[name] = _parse(pages[name])
        return parsed[name]

    broken = []
    for name in sorted(n for n in pages if n.startswith(under)):
        for href in page(name).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("/"):
                continue  # outside links and absolute paths are not the site's own
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) \
                if parts.path else name
            if target.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).exists():
                broken.append(f"{name}: {href} (no file {target})")
            elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in page(target).ids:
                broken.append(f"{name}: {href} (no anchor on {target})")
    return broken
