"""Raw HTML for the link-heavy parts of generated pages: evidence lists, figure tables, article lists.

Why not Markdown there: Python-Markdown spends about 0.25 ms on every inline link (its inline patterns, then
MkDocs resolving and validating the target), and an event page holds thousands of links; a raw HTML block is
only tokenised and set aside. At 10,000 articles the Markdown lists made `mkdocs build` take 20 times as long
as a build of as many plain pages (bench/build_scale.txt).

MkDocs leaves links inside raw HTML alone, so they are written as the built site's URLs (`.html`, the site has
`use_directory_urls: false`), and tests/link_check.py checks every link of the built site instead.
Each block is one line: a blank line would end the raw HTML block and let Markdown read the rest.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from builder.render.escape import md, md_short
from builder.render.paths import link


def text(value: str) -> str:
    """Untrusted text as HTML on one line. The same character references as Markdown text gets (escape.md):
    valid in HTML content and attribute values alike, and no raw `<`, `:` or quote survives."""
    return md(value)


def short(value: str, limit: int = 60) -> str:
    return md_short(value, limit)


def url(target: str) -> str:
    """A docs-relative link (`../x/y.md#a`) as the built site's URL (`../x/y.html#a`)."""
    path, hash_, anchor = target.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + hash_ + anchor


def a(href: str, label: str) -> str:
    """A link; `href` is a docs-relative link from builder.render.paths, `label` is HTML already escaped."""
    return f'<a href="{html.escape(url(href), quote=True)}">{label}</a>'


def page_link(from_page: str, to_page: str, label: str, anchor: str = "") -> str:
    return a(link(from_page, to_page, anchor), label)


def items(entries: Iterable[str], css: str = "") -> str:
    """`<ul>` of already-built HTML items (each one `<li>…</li>`)."""
    class_attr = f' class="{css}"' if css else ""
    return f"<ul{class_attr}>{''.join(entries)}</ul>"


def item(content: str, anchor: str = "") -> str:
    id_attr = f' id="{anchor}"' if anchor else ""
    return f"<li{id_attr}>{content}</li>"


def table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[bool] = ()) -> str:
    """A table like the Markdown `tables` extension writes (so the theme styles it the same); cells are HTML.
    `numeric` marks right-aligned columns."""
    def cell(tag: str, index: int, content: str) -> str:
        right = index < len(numeric) and numeric[index]
        style = ' style="text-align: right;"' if right else ""
        return f"<{tag}{style}>{content}</{tag}>"

    header = "".join(cell("th", i, h) for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
