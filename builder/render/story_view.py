"""The comparison on story and event pages: charts, the speaker blindspot, the articles side by side (one column
per outlet, stacked on phones) with their highlights, the figures table and the evidence behind it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from builder.compare import Comparison, OutletFigures, SharedSource
from builder.models import AnalysedArticle
from builder.render import rawhtml
from builder.render.chart_sets import story_charts
from builder.render.charts import figures as chart_figures
from builder.render.escape import md
from builder.render.figures import KIND_LABELS, UNSEARCHED, evidence_section, figures_table, percent
from builder.render.highlight import LEGEND
from builder.render.paths import link, slugify
from builder.render.site import SiteIndex, date_text, newest_first

_ID = re.compile(r' id="')
COLUMN_OTHERS = 10  # an outlet's other articles listed under its column; all of them are under Articles
# sources named in each blindspot list, the most widely cited first (then the most mentioned): a story of
# thousands of articles named thousands, in the search index too; every source is listed under Evidence
BLINDSPOT_NAMES = 40


def comparison_section(page: str, site: SiteIndex, articles: Sequence[AnalysedArticle], comparison: Comparison,
                       story: bool = False) -> str:
    """`story`: a story page, whose long evidence lists link to its events' lists instead of every span."""
    if not comparison.outlets:
        return "No articles.\n"
    return "\n".join([
        f"## Charts {{ #charts {UNSEARCHED} }}\n",
        chart_figures(story_charts(site, comparison.outlets)),
        "## Speaker blindspot { #blindspot }\n",
        "Who each outlet quotes that the others leave out, and who everyone quotes "
        "(sources are matched by name, ignoring case).\n",
        blindspot_section(page, site, comparison),
        f"## The articles side by side {{ #side-by-side {UNSEARCHED} }}\n",
        columns_section(page, site, comparison, articles),
        f"## Figures {{ #figures {UNSEARCHED} }}\n",
        "Every figure links to the highlighted words it counts (listed under *Evidence* below). "
        f"What each row measures: [methodology]({link(page, 'methodology/index.md')}); how often the detectors "
        f"agree with human annotators: [accuracy]({link(page, 'methodology/figures.md', 'accuracy')}).\n",
        figures_table(page, site, comparison.outlets),
        f"## Evidence {{ #evidence {UNSEARCHED} }}\n",
        "The spans behind each figure; each links to the highlight in the article text.\n",
        *(evidence_section(page, site, f, by_event=story) for f in comparison.outlets),
    ])


def blindspot_section(page: str, site: SiteIndex, comparison: Comparison) -> str:
    total = len(comparison.outlets)
    if total < 2:
        return "Only one outlet covers this; nothing to compare.\n"
    everyone = [s for s in comparison.shared if len(s.outlets) == total]
    some = [s for s in comparison.shared if len(s.outlets) < total]
    entries = [rawhtml.item(f"<strong>Quoted by all {total} outlets:</strong> " + (_names(page, site, everyone) or "nobody"))]
    if some:
        entries.append(rawhtml.item("<strong>Quoted by some outlets:</strong> " + _first(some, "; ", lambda s: (
            f"{_name_link(page, site, s)} ({', '.join(rawhtml.text(site.outlet_name(o)) for o in s.outlets)})"))))
    for figures in comparison.outlets:
        own = [s for s in comparison.unique if s.outlets == (figures.outlet,)]
        entries.append(rawhtml.item(f"<strong>Only {rawhtml.text(site.outlet_name(figures.outlet))}:</strong> "
                                    + (_names(page, site, own) or "nobody")))
    return rawhtml.items(entries) + "\n"


def _first(sources: Sequence[SharedSource], separator: str, entry: Callable[[SharedSource], str]) -> str:
    """The first BLINDSPOT_NAMES sources, and how many more there are."""
    rest = len(sources) - BLINDSPOT_NAMES
    shown = separator.join(entry(s) for s in sources[:BLINDSPOT_NAMES])
    return shown + (f" and {rest} more, under <a href=\"#evidence\">Evidence</a>" if rest > 0 else "")


def blindspot_line(site: SiteIndex, comparison: Comparison) -> str:
    """"2 sources quoted by every outlet · only PanARMENIAN.Net: 8 · only SouthFront: 4" (empty for one outlet)."""
    total = len(comparison.outlets)
    if total < 2:
        return ""
    everyone = sum(1 for s in comparison.shared if len(s.outlets) == total)
    parts = [f"{everyone} {'source' if everyone == 1 else 'sources'} quoted by every outlet"]
    for figures in comparison.outlets:
        own = sum(1 for s in comparison.unique if s.outlets == (figures.outlet,))
        parts.append(f"only {md(site.outlet_name(figures.outlet))}: {own}")
    return " · ".join(parts)


def _names(page: str, site: SiteIndex, sources: Sequence[SharedSource]) -> str:
    return _first(sources, ", ", lambda s: _name_link(page, site, s))


def _name_link(page: str, site: SiteIndex, source: SharedSource) -> str:
    first = source.cited_by[0].mentions[0]
    name = rawhtml.a(site.article_link(page, first.article_id, first.anchor), rawhtml.text(source.name))
    return f"{name} ({KIND_LABELS[source.kind]})"


def columns_section(page: str, site: SiteIndex, comparison: Comparison, articles: Sequence[AnalysedArticle]) -> str:
    """One raw HTML block: a grid of outlet columns, each with its newest article's highlighted text."""
    columns = [_column(page, site, n, f, newest_first(a for a in articles if a.article.outlet == f.outlet))
               for n, f in enumerate(comparison.outlets, 1)]
    return LEGEND + "\n\n" + '<div class="outlet-columns">' + "".join(columns) + "</div>\n"


def _column(page: str, site: SiteIndex, number: int, figures: OutletFigures,
            articles: Sequence[AnalysedArticle]) -> str:
    name = site.outlet_name(figures.outlet)
    heading_id = f"col-{slugify(figures.outlet)}"
    lead = articles[0]
    summary = (f"{len(figures.sources)} sources, {percent(figures.named_share)} named · "
               f"{len(figures.attributions)} attributions")
    others = "".join(f"<li>{rawhtml.a(site.article_link(page, a.article.id), rawhtml.text(a.article.title))} "
                     f"({date_text(a.article.published)})</li>" for a in articles[1:1 + COLUMN_OTHERS])
    if len(articles) > 1 + COLUMN_OTHERS:
        rest = len(articles) - 1 - COLUMN_OTHERS
        others += f'<li>and {rest} more, under <a href="#articles">Articles</a></li>'
    more = f'<p class="outlet-more">Also in this story:</p><ul>{others}</ul>' if others else ""
    # each column repeats the article page's anchor ids: prefix them so the page's ids stay unique
    body = _ID.sub(f' id="c{number}-', site.body(lead)).replace("\n", "")
    return (f'<section class="outlet-column" aria-labelledby="{heading_id}">'
            f'<h3 id="{heading_id}" {UNSEARCHED}>{rawhtml.text(name)}</h3>'
            f'<p class="outlet-meta">{rawhtml.text(summary)}</p>'
            f'<p class="outlet-article">{rawhtml.a(site.article_link(page, lead.article.id), rawhtml.text(lead.article.title))}'
            f" · {date_text(lead.article.published)}</p>"
            f"{body}{more}</section>")
