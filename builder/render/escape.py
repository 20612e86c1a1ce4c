"""Escaping for untrusted text (titles, names, article bodies) on its way into Markdown, HTML and YAML.

Markdown: every character that Markdown, its extensions (attr_list, tables, emoji) or HTML give a meaning to
is written as a numeric character reference, which Python-Markdown passes through as literal text. So
`[x](javascript:...)`, `{: onclick=... }`, `<script>` and `|` in a table cell all stay plain text.
"""

from __future__ import annotations

import html
import json
import re

# Everything Python-Markdown (and the enabled extensions) could act on, plus HTML's own specials.
_MARKDOWN_SPECIAL = "&<>\"'\\`*_{}[]()#+-.!|~^=:$%@"
_MARKDOWN_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL}
# control characters, and the bidi embeddings/overrides/isolates that can make text display out of order
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")
_YAML_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Lookalikes for front matter: the theme prints titles raw in some places and unescaped (striptags) in others,
# so the title must be harmless however it is printed.
_TITLE_TABLE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "‘", "\\": "∖",
                              "{": "(", "}": ")"})


def one_line(text: str) -> str:
    """Control characters dropped, runs of whitespace (newlines too) collapsed to one space."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()


def md(text: str) -> str:
    """Untrusted text as inline Markdown that renders literally, on one line."""
    return one_line(text).translate(_MARKDOWN_TABLE)


def md_short(text: str, limit: int = 60) -> str:
    flat = one_line(text)
    return md(flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…")


def attr(text: str) -> str:
    """Untrusted text for a double-quoted HTML attribute value (title=, href=)."""
    return html.escape(one_line(text), quote=True)


def text_html(text: str) -> str:
    """Untrusted text as HTML element content (line breaks kept)."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def plain_title(text: str) -> str:
    """A title that is harmless printed raw, escaped or un-escaped (for front matter and <title>)."""
    return one_line(text).translate(_TITLE_TABLE)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML).

    Not ensure_ascii: JSON writes characters beyond U+FFFF as surrogate pairs, which YAML reads as two broken
    characters. What YAML cannot hold raw (C1 controls, U+FFFE...) is escaped; all of it lies below U+FFFF."""
    quoted = json.dumps(plain_title(text), ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def front_matter(title: str, description: str | None = None, *, searchable: bool = True) -> str:
    """YAML front matter; `searchable=False` keeps the page out of the search index (its title stays
    findable through the story and event pages that list it)."""
    lines = ["---", f"title: {yaml_string(title)}"]
    if description:
        lines.append(f"description: {yaml_string(description)}")
    if not searchable:
        lines.append("search:\n  exclude: true")
    lines.append("---")
    return "\n".join(lines) + "\n"


def http_url(url: str | None) -> str | None:
    """The URL, if it is an http(s) URL without characters that could break out of an attribute."""
    if not url:
        return None
    url = url.strip()
    if not re.match(r"^https?://[^\s<>\"'`]+$", url, flags=re.IGNORECASE):
        return None
    return url
