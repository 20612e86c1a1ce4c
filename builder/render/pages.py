"""Story, event, outlet, sources and home pages."""

from __future__ import annotations

from collections.abc import Sequence

from builder.compare import compare, cross_sources
from builder.models import AnalysedArticle, Event, Story
from builder.render import rawhtml
from builder.render.chart_sets import home_charts, outlet_timeline
from builder.render.charts import figures as chart_figures
from builder.render.escape import attr, front_matter, http_url, md
from builder.render.figures import KIND_LABELS, UNSEARCHED, figures_table, summary_line
from builder.render.outlet_view import articles_table, sources_table
from builder.render.paths import link, outlet_path
from builder.render.site import SiteIndex, date_text, newest_date, newest_first
from builder.render.story_view import blindspot_line, comparison_section


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def article_list(page: str, site: SiteIndex, articles: Sequence[AnalysedArticle]) -> str:
    """Date · outlet: title, one raw HTML list item per article."""
    if not articles:
        return "None.\n"
    return rawhtml.items(
        rawhtml.item(f"{date_text(a.article.published)} · {rawhtml.text(site.outlet_name(a.article.outlet))}: "
                     + rawhtml.a(site.article_link(page, a.article.id), rawhtml.text(a.article.title)))
        for a in articles
    ) + "\n"


def wide(front: str) -> str:
    """Front matter that hides the side navigation and table of contents: outlet columns and wide tables need
    the width."""
    return front.replace("\n---\n", "\nhide:\n  - navigation\n  - toc\n---\n")


def render_story(site: SiteIndex, story: Story) -> str:
    page = site.story_paths[story.id]
    articles = site.story_articles(story)
    events = [site.events[e] for e in story.event_ids if e in site.events]
    event_lines = rawhtml.items(
        rawhtml.item(rawhtml.page_link(page, site.event_paths[e.id], rawhtml.text(e.title))
                     + f" ({plural(len(e.article_ids), 'article')})") for e in events
    ) if events else ""
    outlets = sorted({a.article.outlet for a in articles})
    comparison = site.story_comparison(story)
    return "\n".join([
        wide(front_matter(story.title, f"How {plural(len(outlets), 'outlet')} covered: {story.title}")),
        f"# {md(story.title)} {{ #title }}\n",
        f"Story · {plural(len(events), 'event')} · {plural(len(articles), 'article')} · "
        f"{plural(len(outlets), 'outlet')} · "
        f"latest {date_text(newest_date(articles))}\n",
        f"**At a glance:** {summary_line(site, comparison)}\n" if articles else "",
        comparison_section(page, site, articles, comparison, story=True),
        "## Events\n",
        (event_lines or "None.") + "\n",
        "## Articles { #articles }\n",
        article_list(page, site, articles),
    ])


def render_event(site: SiteIndex, event: Event) -> str:
    page = site.event_paths[event.id]
    articles = site.event_articles(event)
    story = site.stories.get(site.story_of_event.get(event.id, ""))
    comparison = compare(articles)
    part_of = (f"Part of the story [{md(story.title)}]({link(page, site.story_paths[story.id])}).\n"
               if story is not None else "")
    return "\n".join([
        # out of the search index: an event's title is found on its story page (under Events), and its
        # columns and evidence repeat the story's; indexing them cost more than any other page kind
        wide(front_matter(event.title, f"Event: {event.title}", searchable=False)),
        f"# {md(event.title)} {{ #title }}\n",
        f"Event · {plural(len(articles), 'article')} · latest {date_text(newest_date(articles))}\n",
        part_of,
        f"**At a glance:** {summary_line(site, comparison)}\n" if articles else "",
        comparison_section(page, site, articles, comparison),
        "## Articles { #articles }\n",
        article_list(page, site, articles),
    ])


def stories_by_date(site: SiteIndex) -> list[Story]:
    """Newest first by the newest article's date; undated stories last; ties by title then id."""
    def key(story: Story) -> tuple[bool, int, str, str]:
        latest = newest_date(site.story_articles(story))
        return (latest is None, -latest.toordinal() if latest else 0, story.title.casefold(), story.id)
    return sorted(site.corpus.stories, key=key)


def render_home(site: SiteIndex, title: str) -> str:
    lines = [front_matter(title, "How news outlets frame the same events: attribution, sources, hedging."),
             f"# {md(title)}\n",
             "How different outlets report the same events: who they quote, how they name their sources, "
             "how much they hedge. See the [methodology](methodology/index.md) for definitions.\n",
             "New stories as a feed: [Atom](feed.xml). Every figure and span as open data: "
             "[JSON and CSV](reference/open-data.md).\n"]
    lines.append("## Latest stories { #stories }\n")
    stories = stories_by_date(site)
    for story in stories:
        articles = site.story_articles(story)
        comparison = site.story_comparison(story)
        outlets = ", ".join(site.outlet_link("index.md", o) for o in dict.fromkeys(a.article.outlet for a in articles))
        lines.append(f"### [{md(story.title)}]({site.story_paths[story.id]})\n")
        lines.append(f"{date_text(newest_date(articles))} · {plural(len(articles), 'article')} · "
                     f"{outlets or 'no outlets'}\n")
        lines.append(f"{summary_line(site, comparison)}\n")
        teaser = blindspot_line(site, comparison)
        if teaser:
            lines.append(f"[Blindspot]({site.story_paths[story.id]}#blindspot): {teaser}\n")
    if not stories:
        lines.append("No stories yet.\n")
    charts = home_charts(site)
    if charts:
        lines += ["## Outlets side by side { #outlets }\n", "Over all their articles.\n", chart_figures(charts)]
    return "\n".join(lines)


def render_outlet(site: SiteIndex, slug: str) -> str:
    page = outlet_path(slug)
    outlet = next((o for o in site.corpus.outlets if o.slug == slug), None)
    name = site.outlet_name(slug)
    articles = [a for a in site.corpus.articles if a.article.outlet == slug]
    figures = site.outlet_totals(slug)
    about = []
    if outlet is not None and outlet.country:
        about.append(f"Country: {md(outlet.country)}")
    homepage = http_url(outlet.homepage) if outlet is not None else None
    if homepage:
        about.append(f'Website: <a href="{attr(homepage)}" rel="nofollow noopener">{md(homepage)}</a>')
    top = sorted(figures.sources, key=lambda s: (-len(s.mentions), s.key))[:15]
    top_lines = [f"| {md(s.name)} | {KIND_LABELS[s.kind]} | {len(s.mentions)} |" for s in top]
    return "\n".join([
        wide(front_matter(name, f"{name}: sources, attribution and hedging over {len(articles)} articles")),
        f"# {md(name)} {{ #title }}\n",
        (" · ".join(about) + "\n") if about else "",
        "## Figures over all its articles\n",
        "Each figure links to the table below that breaks it down, by article or by source; from there each "
        "count links to the highlighted words.\n",
        figures_table(page, site, [figures]),
        f"## Over time {{ #over-time {UNSEARCHED} }}\n",
        chart_figures(outlet_timeline(slug, articles)) if articles else "No articles yet.\n",
        "## Most cited sources\n",
        "| Source | Kind | Mentions |\n|---|---|---:|\n" + ("\n".join(top_lines) or "| none | | |") + "\n",
        f"## Articles {{ #articles {UNSEARCHED} }}\n",
        articles_table(page, site, figures, newest_first(articles)),
        f"## All sources {{ #sources {UNSEARCHED} }}\n",
        sources_table(page, site, figures),
    ])


def render_outlets_index(site: SiteIndex) -> str:
    lines = [front_matter("Outlets"), "# Outlets\n", "| Outlet | Articles | Sources | Named share |",
             "|---|---:|---:|---:|"]
    for slug in site.outlet_slugs():
        figures = site.outlet_totals(slug)
        share = "–" if figures.named_share is None else f"{round(100 * figures.named_share)}%"
        lines.append(f"| {site.outlet_link('outlets/index.md', slug)} | {len(figures.article_ids)} | "
                     f"{len(figures.sources)} | {share} |")
    return "\n".join(lines) + "\n"


def render_sources_index(site: SiteIndex) -> str:
    page = "sources/index.md"
    figures = [(o, site.outlet_totals(o).sources) for o in site.outlet_slugs()]
    lines = [front_matter("Sources", "Who is cited by which outlets"), "# Sources\n",
             "Every source named or described in the articles, and the outlets that cite it "
             "(sources are matched by name, ignoring case).\n"]
    rows = []
    for source in cross_sources(figures):
        by = ", ".join(
            rawhtml.a(site.article_link(page, c.mentions[0].article_id, c.mentions[0].anchor),
                      rawhtml.text(site.outlet_name(o))) + f" ({len(c.mentions)})"
            for o, c in zip(source.outlets, source.cited_by, strict=True)
        )
        total = sum(len(c.mentions) for c in source.cited_by)
        rows.append([rawhtml.text(source.name), KIND_LABELS[source.kind], str(total), by])
    lines.append(rawhtml.table(["Source", "Kind", "Mentions", "Cited by"], rows, numeric=[False, False, True]))
    return "\n".join(lines) + "\n"
