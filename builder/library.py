"""The articles already under data/articles/ (for duplicate checks) and adding one more."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from builder.add import (
    Added,
    AddError,
    DuplicateError,
    Known,
    duplicate_of,
    extract,
    is_url,
    normal_url,
    outlet_for,
    read_source,
    save,
    shingles,
)
from builder.errors import InputError
from builder.ingest.readers import ARTICLE_SUFFIXES, read_document
from builder.models import Outlet


def known_articles(articles_dir: Path) -> list[Known]:
    """Every stored article's URL and word 5-grams; unreadable files are skipped (the build reports them)."""
    found = []
    for path in sorted(articles_dir.rglob("*")) if articles_dir.is_dir() else []:
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.startswith(".") or not path.is_file():
            continue
        try:
            doc = read_document(path, path.read_bytes())
        except (InputError, OSError):
            continue
        found.append(Known(path, normal_url(doc.meta.url), shingles(doc.body)))
    return found


def add_article(articles_dir: Path, source: str, outlets: Sequence[Outlet], known: list[Known],
                outlet: str | None = None, url: str | None = None) -> Added:
    """Extract `source` (URL or .html file) into a new file; `known` grows by the added article.

    `url` is the article's address when `source` is a saved copy (feeds give both).
    """
    page_url = url or (source if is_url(source) else None)
    same = duplicate_of([k for k in known if k.url], page_url, "") if page_url else None
    if same:  # checked before downloading: a known page is not fetched again
        raise DuplicateError(f"{page_url}: already added ({same})")
    html, _ = read_source(source)
    extracted = extract(html, source, page_url)
    reason = duplicate_of(known, extracted.url, extracted.text)
    if reason:
        raise DuplicateError(f"{source}: already added ({reason})")
    slug = outlet_for(extracted.url, outlets, outlet)
    path = save(articles_dir, slug, extracted)
    known.append(Known(path, normal_url(extracted.url), shingles(extracted.text)))
    return Added(path, slug, extracted.title)


__all__ = ["AddError", "Added", "DuplicateError", "add_article", "known_articles"]
