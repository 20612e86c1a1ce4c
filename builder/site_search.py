"""One search index for a site built in parts (builder.site_build).

Each part's `mkdocs build` writes a search index of its own pages (Material's search plugin:
search/search_index.json, {"config": ..., "docs": [entries]}). An entry's "location" is its page's URL, with
"#anchor" for a section, and a page's entries follow one another in the order mkdocs builds the pages: the
order in which it walks docs/. So the site's index is the core's, with every part's entries for its own
pages put in that order and written as the plugin writes it: the same bytes as one build's index.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


def page_entries(part_site: Path, pages: Iterable[str], use_directory_urls: bool) -> tuple[str, ...]:
    """The part's search entries for `pages` (docs-relative .md paths), each as compact JSON."""
    index = part_site / INDEX
    if not index.is_file():
        return ()
    wanted = {page_url(page, use_directory_urls) for page in pages}
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return tuple(_dump(entry) for entry in docs if str(entry["location"]).split("#", 1)[0] in wanted)


def join_index(site: Path, entries: Sequence[str], pages: Iterable[str], use_directory_urls: bool) -> None:
    """Put the parts' `entries` into the site's index, in the order mkdocs builds `pages` (every page)."""
    index = site / INDEX
    if not entries or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    order = {page_url(page, use_directory_urls): walk_key(page) for page in pages}
    docs = [*data["docs"], *(json.loads(entry) for entry in entries)]
    # sorted() is stable: a page's own entries keep their order
    data["docs"] = sorted(docs, key=lambda entry: order.get(str(entry["location"]).split("#", 1)[0], ((2, ""),)))
    index.write_text(_dump(data), encoding="utf-8")


def _dump(value: Mapping[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"), default=str)  # as Material's search plugin writes it


def page_url(page: str, use_directory_urls: bool) -> str:
    """The URL mkdocs gives the page docs/`page` (mkdocs.structure.files.File.url)."""
    folder, name = posixpath.split(page)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        url = f"{folder}/" if folder else ""
        return url if use_directory_urls else f"{url}index.html"
    if use_directory_urls:
        return posixpath.join(folder, stem) + "/"
    return posixpath.join(folder, f"{stem}.html")


def walk_key(page: str) -> tuple[tuple[int, str], ...]:
    """Where mkdocs meets the page walking docs/: a folder's files (index first) before its subfolders."""
    *folders, name = page.split("/")
    first = 0 if posixpath.splitext(name)[0] in ("index", "README") else 1
    return (*((1, folder) for folder in folders), (0, f"{first}{name}"))
