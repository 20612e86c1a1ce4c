"""Where each page goes (docs-relative paths) and how pages link to one another."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or "untitled"


def unique_slugs(items: Iterable[tuple[str, str]], limit: int = 60) -> dict[str, str]:
    """id -> slug of its title, made unique with -2, -3 ... in order of id (stable across builds)."""
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for item_id, title in sorted(items):
        base = slugify(title, limit)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[item_id] = slug
    return slugs


def article_paths(articles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """article id -> page path, from (id, outlet) pairs: `articles/<outlet>/<slug of the file name>.md`.
    Slugs are cut at 80 characters, so two long file names can share one; `unique_slugs` numbers them
    (-2, -3 ... in order of id) rather than let one page overwrite the other."""
    by_outlet: dict[str, list[str]] = {}
    for article_id, outlet in articles:
        by_outlet.setdefault(slugify(outlet), []).append(article_id)
    paths: dict[str, str] = {}
    for folder, ids in by_outlet.items():
        slugs = unique_slugs(((i, i.split("/", 1)[-1]) for i in ids), 80)
        paths.update({i: f"articles/{folder}/{slug}.md" for i, slug in slugs.items()})
    return paths


def outlet_path(outlet: str) -> str:
    return f"outlets/{slugify(outlet)}.md"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link from one docs page to another (mkdocs resolves and checks `.md` links)."""
    target = "" if to_page == from_page else relative(from_page, to_page)
    return f"{target}#{anchor}" if anchor else (target or "#")


def relative(from_page: str, to_page: str) -> str:
    """`posixpath.relpath(to_page, dirname(from_page))` for docs-relative paths, by string alone: relpath
    asks the file system for the working directory on every call, and a site makes hundreds of thousands."""
    folders, parts = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])
