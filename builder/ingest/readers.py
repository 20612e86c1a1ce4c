"""Readers by file type: plain text, Markdown (both with optional YAML front matter) and HTML (trafilatura).

Each returns a RawDocument: the body text still holding site chrome, and validated metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from builder.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_FIELDS = ("title", "outlet", "url", "published", "author", "language")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)

# libyaml's parser with the safe constructor (the same values): the pure-Python one took half of reading
# 10,000 articles
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class RawDocument:
    body: str
    meta: Metadata


def read_document(path: Path, raw: bytes) -> RawDocument:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix!r}", f"use one of {', '.join(ARTICLE_SUFFIXES)}")
    return reader(path, decode(path, raw))


def decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "file is UTF-16 encoded", "save it as UTF-8")
    if b"\x00" in raw:
        raise InputError(path, "file contains NUL bytes (binary, not text)", "replace it with the article's text as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not valid UTF-8 (byte {err.start})", "re-save the file as UTF-8") from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty", "add the article text, or delete the file")
    return text


def read_text(path: Path, text: str) -> RawDocument:
    body, meta = split_front_matter(path, text)
    return RawDocument(body, meta)


def read_html(path: Path, text: str) -> RawDocument:
    import trafilatura

    found = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    data: dict[str, Any] = {} if found is None else found if isinstance(found, dict) else found.as_dict()
    body = str(data.get("text") or "")
    if not body.strip():
        raise InputError(path, "no article text found in the HTML", "save the article page itself, not an index page")
    meta = Metadata(
        title=_clean(data.get("title")),
        url=_clean(data.get("url")),
        published=_date(path, data["date"]) if data.get("date") else None,
        author=_clean(data.get("author")),
        language=_clean(data.get("language")),
    )
    return RawDocument(body, meta)


def split_front_matter(path: Path, text: str) -> tuple[str, Metadata]:
    match = FRONT_MATTER.match(text)
    if not match:
        return text, Metadata()
    try:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as err:
        problem = str(err).strip().splitlines()[0]
        raise InputError(path, f"front matter is not valid YAML ({problem})", "fix the YAML between the --- lines") from err
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError(path, "front matter is not a mapping", "write `key: value` lines, e.g. `title: ...`")
    return text[match.end():], _metadata(path, data)


def _metadata(path: Path, data: Mapping[Any, Any]) -> Metadata:
    unknown = sorted(str(k) for k in data if k not in META_FIELDS)
    if unknown:
        raise InputError(path, f"unknown front matter field(s): {', '.join(unknown)}", f"valid: {', '.join(META_FIELDS)}")
    for key in ("title", "outlet", "url", "author", "language"):
        if data.get(key) is not None and not isinstance(data[key], str | int | float):
            raise InputError(path, f"front matter `{key}` must be text", f"write `{key}: some text`")
    published = data.get("published")
    return Metadata(
        title=_clean(data.get("title")),
        outlet=_clean(data.get("outlet")),
        url=_clean(data.get("url")),
        published=_date(path, published) if published is not None else None,
        author=_clean(data.get("author")),
        language=_clean(data.get("language")),
    )


def _date(path: Path, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as err:
        problem = f"`published: {value}` is not a date"
        raise InputError(path, problem, "write it as YYYY-MM-DD, e.g. published: 2017-01-24") from err


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


READERS: Mapping[str, Callable[[Path, str], RawDocument]] = MappingProxyType({
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
})
