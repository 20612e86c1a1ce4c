"""The evidence on an outlet page: a row per article and a row per source, instead of every span.

An outlet's figures cover all its articles, so listing every span behind them (as story and event pages do)
grew with the outlet: 4 MB of Markdown per outlet page at 10,000 articles. Here each count is traced in two
steps. The articles table gives each article's share of a figure, linked to the list of highlighted spans on
the article page; the sources table lists each distinct source under its kind, linked to its first mention.
The figures table's links land on these tables (the same anchors as on story pages)."""

from __future__ import annotations

from collections.abc import Sequence

from builder.compare import CitedSource, OutletFigures
from builder.models import AnalysedArticle, QuoteStyle, SourceKind, Voice
from builder.render import rawhtml
from builder.render.figures import KIND_LABELS, VOICE_LABELS, anchor
from builder.render.site import SiteIndex, date_text


def articles_table(page: str, site: SiteIndex, figures: OutletFigures, articles: Sequence[AnalysedArticle]) -> str:
    """Newest first: date, title, then words, attributions, direct quotes and hedges by voice, each linked to
    the article's highlights."""
    def titled(measure: str, title: str) -> str:
        return f'<span id="{anchor(figures, measure)}">{title}</span>'

    head = [titled("articles", "Date"), "Article", "Words", titled("attributions", "Attributions"),
            titled("direct", "Direct quotes"),
            *(titled(f"hedges-{v.value}", f"Hedges, {VOICE_LABELS[v]}") for v in Voice)]
    rows = []
    for item in articles:
        found = item.analysis
        to = site.article_link
        aid = item.article.id
        direct = sum(1 for a in found.attributions if a.style is QuoteStyle.DIRECT)
        rows.append([date_text(item.article.published), rawhtml.a(to(page, aid), rawhtml.short(item.article.title)),
                     rawhtml.a(to(page, aid, "text"), str(found.readability.words)),
                     rawhtml.a(to(page, aid, "attributions"), str(len(found.attributions))),
                     rawhtml.a(to(page, aid, "attributions"), str(direct)),
                     *(rawhtml.a(to(page, aid, f"hedges-{v.value}"), str(sum(1 for h in found.hedges if h.voice is v)))
                       for v in Voice)])
    if not rows:
        return "None.\n"
    return rawhtml.table(head, rows, numeric=[False, False, True, True, True, True, True]) + "\n"


def sources_table(page: str, site: SiteIndex, figures: OutletFigures) -> str:
    """Every distinct source, grouped by kind (named kinds first), most mentioned first."""
    rows: list[list[str]] = []
    head = ["Source", "Mentions", "First mention"]
    for kind in SourceKind:
        found = sorted(figures.sources_of(kind), key=lambda s: (-len(s.mentions), s.key))
        ids = [anchor(figures, f"sources-{kind.value}")]
        if kind is SourceKind.NAMED_PERSON:
            ids += [anchor(figures, "sources"), anchor(figures, "named")]
        label = "".join(f'<span id="{i}"></span>' for i in ids) + f"<strong>{KIND_LABELS[kind]} ({len(found)})</strong>"
        rows.append([label, "", ""])
        rows += [_source_row(page, site, source) for source in found] or [["none", "", ""]]
    return rawhtml.table(head, rows, numeric=[False, True, False]) + "\n"


def _source_row(page: str, site: SiteIndex, source: CitedSource) -> list[str]:
    first = source.mentions[0]
    return [rawhtml.text(source.name), str(len(source.mentions)),
            rawhtml.a(site.article_link(page, first.article_id, first.anchor), rawhtml.short(first.text, 40))]
