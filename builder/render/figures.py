"""The figures table (story, event and outlet pages), whose every figure links to the list of highlighted spans
that produced it, and those lists (the evidence). The page layout around them: builder/render/story_view.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from builder.compare import CitedSource, Comparison, Evidence, OutletFigures
from builder.models import SourceKind, Voice
from builder.render import rawhtml as html
from builder.render.escape import md
from builder.render.paths import slugify
from builder.render.site import SiteIndex

KIND_LABELS = {
    SourceKind.NAMED_PERSON: "named person",
    SourceKind.NAMED_ORG: "named organisation",
    SourceKind.UNNAMED_PERSON: "unnamed person",
    SourceKind.UNNAMED_GROUP: "unnamed group",
}
VOICE_LABELS = {Voice.OUTLET: "outlet’s own voice", Voice.ATTRIBUTED: "attributed (inside quotes)"}
DASH = "–"
# A story page lists every span behind a figure only while the list stays short: a story of thousands of
# articles listed hundreds of thousands of links (a 29 MB page at 10,000 articles, too big for a browser and
# the largest part of a mkdocs build). Past this many spans the list links each event instead, with its count,
# to the same list on the event page, where every span is linked: two clicks from a figure to its words.
STORY_SPANS_LISTED = 50


# Sections left out of the search index: article texts (searchable through their titles, listed on the
# page), chart tables and figures. Indexing them made the index grow with every word of every article
# (16 MB at 1,000 articles) where a reader searches for stories, events, outlets and sources. Outlet pages
# leave out their article lists (the titles are indexed on the event and story pages) and evidence.
UNSEARCHED = "data-search-exclude"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{round(100 * value)}%"


def number(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def anchor(figures: OutletFigures, measure: str) -> str:
    return f"ev-{slugify(figures.outlet)}-{measure}"


def summary_line(site: SiteIndex, comparison: Comparison) -> str:
    """"PanARMENIAN.Net: 7 sources, 86% named · SouthFront: 5 sources, 60% named" (plain Markdown text)."""
    parts = []
    for figures in comparison.outlets:
        count = len(figures.sources)
        noun = "source" if count == 1 else "sources"
        named = f", {percent(figures.named_share)} named" if count else ""
        parts.append(f"{md(site.outlet_name(figures.outlet))}: {count} {noun}{named}")
    return " · ".join(parts)


def figures_table(page: str, site: SiteIndex, outlets: Sequence[OutletFigures]) -> str:
    """One raw HTML table: a row per figure, a column per outlet, every cell a link to its evidence."""
    head = ["Figure", *(site.outlet_html(page, f.outlet) for f in outlets)]
    rows = [[title, *(cell(f) for f in outlets)] for title, cell in table_rows(page, site)]
    return html.table(head, rows, numeric=[False, *(True for _ in outlets)]) + "\n"


def table_rows(page: str, site: SiteIndex) -> list[tuple[str, Callable[[OutletFigures], str]]]:
    def to(measure: str, text: str, figures: OutletFigures) -> str:
        return html.a(f"#{anchor(figures, measure)}", text)

    def text_link(text: str, figures: OutletFigures) -> str:
        if len(figures.article_ids) != 1:
            return to("articles", text, figures)
        return html.a(site.article_link(page, figures.article_ids[0], "text"), text)

    rows: list[tuple[str, Callable[[OutletFigures], str]]] = [
        ("Articles", lambda f: to("articles", str(len(f.article_ids)), f)),
        ("Words", lambda f: text_link(str(f.words), f)),
        ("Attributions", lambda f: to("attributions", str(len(f.attributions)), f)),
        ("Sources (distinct)", lambda f: to("sources", str(len(f.sources)), f)),
    ]
    def kind_cell(kind: SourceKind) -> Callable[[OutletFigures], str]:
        return lambda f: to(f"sources-{kind.value}", str(len(f.sources_of(kind))), f)

    def voice_cell(voice: Voice) -> Callable[[OutletFigures], str]:
        return lambda f: to(f"hedges-{voice.value}", number(f.hedges_per_1000(voice)), f)

    rows += [(f"&nbsp;&nbsp;{KIND_LABELS[kind]}", kind_cell(kind)) for kind in SourceKind]
    rows += [
        ("Named sources, share", lambda f: to("named", percent(f.named_share), f)),
        ("Direct quotes, share of attributions", lambda f: to("direct", percent(f.direct_share), f)),
    ]
    rows += [(f"Hedges per 1,000 words, {VOICE_LABELS[voice]}", voice_cell(voice)) for voice in Voice]
    rows += [
        ("Flesch reading ease (higher = easier)", lambda f: text_link(number(f.reading_ease), f)),
        ("Flesch–Kincaid grade", lambda f: text_link(number(f.grade), f)),
    ]
    return rows


def evidence_links(page: str, site: SiteIndex, evidence: Sequence[Evidence]) -> str:
    if not evidence:
        return "none"
    return " · ".join(html.a(site.article_link(page, e.article_id, e.anchor), html.short(e.text) or DASH)
                      for e in evidence)


def event_links(page: str, site: SiteIndex, article_ids: Sequence[str], list_anchor: str) -> str:
    """"12 in 3 events: Title (5) · …" for items found in `article_ids` (one id per item), each event linking
    to the list `list_anchor` on its page; in the order the events' items first come."""
    counts = Counter(site.event_of_article[article_id] for article_id in article_ids)
    links = [html.page_link(page, site.event_paths[event], html.short(site.events[event].title), list_anchor)
             + f" ({count})" for event, count in counts.items()]
    return f"{len(article_ids)} in {len(counts)} {'event' if len(counts) == 1 else 'events'}: " + " · ".join(links)


def evidence_section(page: str, site: SiteIndex, figures: OutletFigures, by_event: bool = False) -> str:
    """The heading (Markdown, for the table of contents) and one raw HTML list. Each source is listed once,
    under its kind; the "named" figure points at the named kinds together, "sources" at the whole list.
    `by_event`: a story page, whose long lists link to the event pages' lists (STORY_SPANS_LISTED)."""
    def entry(measure: str, title: str, body: str) -> str:
        return html.item(f"<strong>{title}:</strong> {body}", anchor(figures, measure))

    def listed(measure: str, article_ids: Sequence[str], each: Callable[[], str]) -> str:
        """`each()`, a link per item; on a story page past STORY_SPANS_LISTED items, a link per event."""
        if by_event and len(article_ids) > STORY_SPANS_LISTED:
            return event_links(page, site, article_ids, anchor(figures, measure))
        return each()

    def spans(measure: str, evidence: Sequence[Evidence]) -> str:
        return listed(measure, [e.article_id for e in evidence], lambda: evidence_links(page, site, evidence))

    def kind_entry(kind: SourceKind) -> str:
        found = figures.sources_of(kind)
        brief = by_event and sum(len(s.mentions) for s in found) > STORY_SPANS_LISTED
        return entry(f"sources-{kind.value}", f"{KIND_LABELS[kind]} ({len(found)})",
                     source_list(page, site, found, brief))

    named = [kind_entry(k) for k in SourceKind if k.is_named]
    unnamed = [kind_entry(k) for k in SourceKind if not k.is_named]
    count = len(figures.sources)
    sources = html.items([
        html.item(f"<strong>Named ({len(figures.named)} of {count}):</strong>" + html.items(named),
                  anchor(figures, "named")),
        html.item(f"<strong>Unnamed ({count - len(figures.named)} of {count}):</strong>" + html.items(unnamed)),
    ])
    articles = listed("articles", figures.article_ids, lambda: " · ".join(
        html.a(site.article_link(page, a), html.short(site.articles[a].article.title)) for a in figures.article_ids))
    entries = [
        entry("articles", f"Articles ({len(figures.article_ids)})", articles),
        entry("attributions", f"Attributions ({len(figures.attributions)})", spans("attributions", figures.attributions)),
        entry("direct", f"Direct quotes ({len(figures.direct)} of {len(figures.attributions)})",
              spans("direct", figures.direct)),
        entry("sources", f"Sources ({count})", sources),
    ]
    for voice in Voice:
        found_hedges = figures.hedges_of(voice)
        entries.append(entry(f"hedges-{voice.value}",
                             f"Hedges, {VOICE_LABELS[voice]} ({len(found_hedges)} in {figures.words} words)",
                             spans(f"hedges-{voice.value}", found_hedges)))
    heading = f"### {md(site.outlet_name(figures.outlet))} {{ #outlet-{slugify(figures.outlet)} {UNSEARCHED} }}\n"
    return heading + "\n" + html.items(entries, "evidence") + "\n"


def source_list(page: str, site: SiteIndex, cited: Sequence[CitedSource], brief: bool = False) -> str:
    """"Name (link to each mention, …)" for each source, as HTML; `brief`: the name linked to its first
    mention, and the number of mentions (a source counts once, and one mention shows where it was cited)."""
    if not cited:
        return "none"

    def mentions(source: CitedSource) -> str:
        return ", ".join(html.a(site.article_link(page, m.article_id, m.anchor), html.short(m.text, 40))
                         for m in source.mentions)

    def first(source: CitedSource) -> str:
        where = source.mentions[0]
        name = html.a(site.article_link(page, where.article_id, where.anchor), html.text(source.name))
        return name + (f" ({len(source.mentions)} mentions)" if len(source.mentions) > 1 else "")

    return " · ".join(first(s) if brief else f"{html.text(s.name)} ({mentions(s)})" for s in cited)
