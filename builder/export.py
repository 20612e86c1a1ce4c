"""Open data: every figure and every highlighted span as JSON and CSV under docs/data/ (schema:
docs/reference/open-data.md). Deterministic: sorted keys and rows, rounded floats, no build time.

CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading
apostrophe; the JSON files keep every text exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from builder.compare import OutletFigures, attribution_anchor, hedge_anchor
from builder.models import AnalysedArticle, Attribution, SourceKind, Voice
from builder.render.site import SiteIndex, newest_date

SCHEMA = "framing-open-data/1"
FIGURE_FIELDS = ("scope", "scope_id", "scope_title", "outlet", "articles", "words", "attributions", "direct_quotes",
                 "sources", *(f"sources_{k.value}" for k in SourceKind), "named_share", "direct_share",
                 *(f"hedges_{v.value}" for v in Voice), *(f"hedges_per_1000_{v.value}" for v in Voice),
                 "reading_ease", "grade")
SPAN_FIELDS = ("article", "outlet", "part", "number", "anchor", "start", "end", "text", "source_kind", "source_name",
               "style", "type", "voice", "cue")
ARTICLE_FIELDS = ("article", "outlet", "title", "published", "url", "words", "page", "story")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def figure_row(scope: str, scope_id: str, title: str, f: OutletFigures) -> dict[str, Any]:
    row: dict[str, Any] = {"scope": scope, "scope_id": scope_id, "scope_title": title, "outlet": f.outlet,
                           "articles": len(f.article_ids), "words": f.words, "attributions": len(f.attributions),
                           "direct_quotes": len(f.direct), "sources": len(f.sources)}
    row.update({f"sources_{k.value}": len(f.sources_of(k)) for k in SourceKind})
    row.update(named_share=_round(f.named_share), direct_share=_round(f.direct_share))
    row.update({f"hedges_{v.value}": len(f.hedges_of(v)) for v in Voice})
    row.update({f"hedges_per_1000_{v.value}": _round(f.hedges_per_1000(v)) for v in Voice})
    row.update(reading_ease=f.reading_ease, grade=f.grade)
    return row


def figure_rows(site: SiteIndex) -> list[dict[str, Any]]:
    """Per story and outlet, then per outlet over all its articles; stories in id order."""
    rows = []
    for story in sorted(site.corpus.stories, key=lambda s: s.id):
        for figures in sorted(site.story_comparison(story).outlets, key=lambda f: f.outlet):
            rows.append(figure_row("story", story.id, story.title, figures))
    for slug in site.outlet_slugs():
        rows.append(figure_row("outlet", slug, site.outlet_name(slug), site.outlet_totals(slug)))
    return rows


def attribution_rows(item: AnalysedArticle, index: int, a: Attribution) -> list[dict[str, Any]]:
    base = {"article": item.article.id, "outlet": item.article.outlet, "number": index + 1,
            "style": a.style.value, "type": a.type.value}
    rows = [{**base, "part": "cue", "anchor": attribution_anchor(index), "start": a.cue.start, "end": a.cue.end,
             "text": a.cue.text}]
    for part, key, source in (("source", "src", a.source), ("via", "via", a.via)):
        if source is not None:
            rows.append({**base, "part": part, "anchor": attribution_anchor(index, key), "start": source.span.start,
                         "end": source.span.end, "text": source.span.text, "source_kind": source.kind.value,
                         "source_name": source.name})
    for piece in a.content_pieces():  # a content cut by its own cue or source: one row per piece
        rows.append({**base, "part": "content", "anchor": attribution_anchor(index, "txt"), "start": piece.start,
                     "end": piece.end, "text": piece.text})
    return rows


def span_rows(articles: Iterable[AnalysedArticle]) -> Iterator[dict[str, Any]]:
    """Row by row, so that the largest open-data file is never held whole (at 10,000 articles its rows took
    most of a build's memory)."""
    for item in sorted(articles, key=lambda a: a.article.id):
        rows: list[dict[str, Any]] = []
        for index, attribution in enumerate(item.analysis.attributions):
            rows.extend(attribution_rows(item, index, attribution))
        for index, hedge in enumerate(item.analysis.hedges):
            rows.append({"article": item.article.id, "outlet": item.article.outlet, "part": "hedge",
                         "number": index + 1, "anchor": hedge_anchor(index), "start": hedge.span.start,
                         "end": hedge.span.end, "text": hedge.span.text, "type": hedge.type.value,
                         "voice": hedge.voice.value, "cue": hedge.cue})
        yield from ({field: row.get(field) for field in SPAN_FIELDS} for row in rows)


def article_rows(site: SiteIndex) -> list[dict[str, Any]]:
    rows = []
    for item in sorted(site.corpus.articles, key=lambda a: a.article.id):
        a = item.article
        event = site.event_of_article.get(a.id)
        rows.append({"article": a.id, "outlet": a.outlet, "title": a.title,
                     "published": a.published.isoformat() if a.published else None, "url": a.url,
                     "words": item.analysis.readability.words, "page": site.article_page(a.id).removesuffix(".md") + ".html",
                     "story": site.story_of_event.get(event) if event else None})
    return rows


def story_list(site: SiteIndex) -> list[dict[str, Any]]:
    out = []
    for story in sorted(site.corpus.stories, key=lambda s: s.id):
        articles = site.story_articles(story)
        latest = newest_date(articles)
        out.append({"id": story.id, "title": story.title, "page": site.story_paths[story.id][:-3] + ".html",
                    "latest": latest.isoformat() if latest else None,
                    "articles": sorted(a.article.id for a in articles)})
    return out


def to_json(data: Mapping[str, Any]) -> str:
    return "".join(json_chunks(data))


def json_chunks(data: Mapping[str, Any]) -> Iterator[str]:
    """Sorted keys, each record of a top-level list (or iterator) on a line of its own: readable and diffable,
    written piece by piece, and by json's C encoder (with `indent` json falls back to its pure-Python encoder:
    a minute at 10,000 articles)."""
    yield "{\n"
    for number, key in enumerate(sorted(data)):
        value = data[key]
        yield ",\n" if number else ""
        if isinstance(value, (list, Iterator)):
            yield f"{_dumps(key)}: ["
            empty = True
            for record in value:
                yield ("\n" if empty else ",\n") + _dumps(record)
                empty = False
            yield "]" if empty else "\n]"
        else:
            yield f"{_dumps(key)}: {_dumps(value)}"
    yield "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    return "".join(csv_chunks(fields, rows))


def csv_chunks(fields: Sequence[str], rows: Iterable[Mapping[str, Any]], batch: int = 2000) -> Iterator[str]:
    """The header, then the rows `batch` at a time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    cells: list[list[object]] = []
    for row in rows:
        cells.append(["" if (value := row.get(k)) is None else safe_cell(value) for k in fields])
        if len(cells) == batch:  # written `batch` rows at a time by the C writer
            writer.writerows(cells)
            cells.clear()
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    writer.writerows(cells)
    yield out.getvalue()


def export_files(site: SiteIndex) -> Iterator[tuple[str, Iterator[str]]]:
    """docs-relative path and text, in pieces, of every open-data file; each file is made as it is written."""
    figures, articles = figure_rows(site), article_rows(site)
    yield "data/figures.json", json_chunks({"schema": SCHEMA, "stories": story_list(site), "figures": figures})
    yield "data/figures.csv", csv_chunks(FIGURE_FIELDS, figures)
    yield "data/spans.json", json_chunks({"schema": SCHEMA, "spans": span_rows(site.corpus.articles)})
    yield "data/spans.csv", csv_chunks(SPAN_FIELDS, span_rows(site.corpus.articles))
    yield "data/articles.json", json_chunks({"schema": SCHEMA, "articles": articles})
    yield "data/articles.csv", csv_chunks(ARTICLE_FIELDS, articles)
