"""Which charts each page shows: per story, outlets side by side; per outlet, its figures by month; on the home
page, every outlet over all its articles. The numbers are the comparison figures (builder.compare)."""

from __future__ import annotations

from collections.abc import Sequence

from builder.compare import OutletFigures, outlet_figures
from builder.models import AnalysedArticle, SourceKind, Voice
from builder.render.charts import Bar, Chart, Group
from builder.render.figures import KIND_LABELS, number, percent
from builder.render.site import SiteIndex

VOICE_SHORT = {Voice.OUTLET: "outlet’s own voice", Voice.ATTRIBUTED: "inside quotes"}
Labelled = Sequence[tuple[str, OutletFigures]]
MONTHS = 12  # an outlet page charts at most this many months (the open data has every article)


def kinds_chart(chart_id: str, title: str, groups: Labelled) -> Chart:
    return Chart(chart_id, title, "distinct sources", tuple(
        Group(label, tuple(Bar(KIND_LABELS[k], float(len(f.sources_of(k))), str(len(f.sources_of(k))))
                           for k in SourceKind))
        for label, f in groups))


def hedges_chart(chart_id: str, title: str, groups: Labelled) -> Chart:
    def bar(voice: Voice, figures: OutletFigures) -> Bar:
        value = figures.hedges_per_1000(voice)
        return Bar(VOICE_SHORT[voice], value, number(value))

    return Chart(chart_id, title, "hedges per 1,000 words",
                 tuple(Group(label, tuple(bar(v, f) for v in Voice)) for label, f in groups))


def shares_chart(chart_id: str, title: str, groups: Labelled) -> Chart:
    def bar(label: str, value: float | None) -> Bar:
        return Bar(label, None if value is None else 100 * value, percent(value))

    return Chart(chart_id, title, "percent", tuple(
        Group(label, (bar("named sources", f.named_share), bar("direct quotes", f.direct_share)))
        for label, f in groups))


def story_charts(site: SiteIndex, outlets: Sequence[OutletFigures]) -> tuple[Chart, ...]:
    groups = [(site.outlet_name(f.outlet), f) for f in outlets]
    return (kinds_chart("chart-kinds", "Sources by kind, per outlet", groups),
            hedges_chart("chart-hedges", "Hedges per 1,000 words, by voice", groups))


def month(item: AnalysedArticle) -> str:
    published = item.article.published
    return published.strftime("%Y-%m") if published else "undated"


def outlet_timeline(slug: str, articles: Sequence[AnalysedArticle]) -> tuple[Chart, ...]:
    """Its figures month by month, oldest first, over the newest MONTHS months (undated articles last)."""
    dated = sorted({month(a) for a in articles} - {"undated"})
    months = dated[-MONTHS:] + (["undated"] if any(month(a) == "undated" for a in articles) else [])
    groups = [(m, outlet_figures(slug, [a for a in articles if month(a) == m])) for m in months]
    span = "month by month" if len(dated) <= MONTHS else f"month by month, the latest {MONTHS} months"
    return (kinds_chart("chart-time-kinds", f"Sources by kind, {span}", groups),
            hedges_chart("chart-time-hedges", f"Hedges per 1,000 words, {span}", groups))


def home_charts(site: SiteIndex) -> tuple[Chart, ...]:
    groups = [(site.outlet_name(slug), site.outlet_totals(slug)) for slug in site.outlet_slugs()]
    groups = [(name, f) for name, f in groups if f.article_ids]
    if not groups:
        return ()
    return (shares_chart("chart-outlet-shares", "Named sources and direct quotes, per outlet", groups),
            hedges_chart("chart-outlet-hedges", "Hedges per 1,000 words, per outlet", groups))

