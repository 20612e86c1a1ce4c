"""The article page: metadata, the highlighted text, the lists of attributions and hedges, removed boilerplate."""

from __future__ import annotations

from builder.compare import attribution_anchor, hedge_anchor
from builder.models import AnalysedArticle, Attribution, RemovedBlock, Source, SourceKind, Voice
from builder.render import rawhtml
from builder.render.escape import attr, front_matter, http_url, md, text_html
from builder.render.figures import DASH, KIND_LABELS, VOICE_LABELS, number
from builder.render.highlight import LEGEND
from builder.render.paths import link
from builder.render.sanitize import clean_removed
from builder.render.site import SiteIndex, date_text


def render_article(site: SiteIndex, item: AnalysedArticle) -> str:
    article = item.article
    page = site.article_page(article.id)
    outlet = site.outlet_name(article.outlet)
    parts = [
        front_matter(article.title, f"{outlet}: {article.title}", searchable=False),
        f"# {md(article.title)} {{ #title }}\n",
        metadata(page, site, item),
        "## Text { #text }\n",
        LEGEND + "\n",
        site.body(item) + "\n",
        removed_section(article.removed),
        attributions_section(item),
        sources_section(item),
        hedges_section(item),
    ]
    return "\n".join(p for p in parts if p)


def metadata(page: str, site: SiteIndex, item: AnalysedArticle) -> str:
    article, readability = item.article, item.analysis.readability
    url = http_url(article.url)
    rows = [
        ("Outlet", site.outlet_link(page, article.outlet)),
        ("Published", date_text(article.published)),
        ("Author", md(article.author) if article.author else DASH),
        ("URL", f'<a href="{attr(url)}" rel="nofollow noopener">{md(url)}</a>' if url else
         (md(article.url) if article.url else DASH)),
    ]
    event_id = site.event_of_article.get(article.id)
    if event_id is not None and event_id in site.event_paths:
        story = site.stories.get(site.story_of_event.get(event_id, ""))
        if story is not None and story.id in site.story_paths:
            rows.append(("Story", f"[{md(story.title)}]({link(page, site.story_paths[story.id])})"))
        rows.append(("Event", f"[{md(site.events[event_id].title)}]({link(page, site.event_paths[event_id])})"))
    rows += [
        ("Length", f"{readability.words} words, {readability.sentences} sentences"),
        ("Readability", f"Flesch reading ease {number(readability.flesch_reading_ease)}, "
                        f"grade {number(readability.flesch_kincaid_grade)}"),
    ]
    return "\n".join(f"- **{k}:** {v}" for k, v in rows) + "\n"


def removed_section(removed: tuple[RemovedBlock, ...]) -> str:
    """A collapsed <details> in raw HTML: the removed text is escaped and never read as Markdown."""
    lines = sum(max(1, len(block.text.splitlines())) for block in removed)
    items = "".join(f'<li><em>{text_html(block.reason)}</em><pre class="removed-text">'
                    f"{text_html(block.text)}</pre></li>"
                    for block in removed)
    body = f"<ul>{items}</ul>" if removed else "<p>Nothing was removed.</p>"
    block = clean_removed(f'<details class="note"><summary>Removed boilerplate ({lines} lines)</summary>'
                          f"{body}</details>")
    # one line: a blank line would end the raw HTML block and let Markdown read the rest ("---" as a rule)
    return block.replace("\n", "&#10;") + "\n"


def _source_cell(source: Source | None, anchor: str = "") -> str:
    """"mention → resolved name" (the name only when it differs); the mention links to its highlight."""
    if source is None:
        return DASH
    label = rawhtml.short(source.span.text, 40)
    cell = rawhtml.a(f"#{anchor}", label) if anchor else label
    if source.name != source.span.text:
        cell += f" → {rawhtml.text(source.name)}"
    return cell


def _attribution_row(index: int, attribution: Attribution) -> list[str]:
    """Five cells, two links (the cue and the source): the via and the content are highlighted beside them.
    The site build parses every tag of a page two or three times, and this table is most of an article page's
    tags (bench/build_scale.txt)."""
    source = _source_cell(attribution.source, attribution_anchor(index, "src"))
    if attribution.source is not None:
        source += f" · {KIND_LABELS[attribution.source.kind]}"
    if attribution.via is not None:
        source += f" · via {_source_cell(attribution.via)}"
    content = rawhtml.short(attribution.content.text, 50) if attribution.content else DASH
    return [str(index + 1), rawhtml.a(f"#{attribution_anchor(index)}", rawhtml.text(attribution.cue.text)),
            source, f"{attribution.style.value} · {attribution.type.value}", content]


def attributions_section(item: AnalysedArticle) -> str:
    attributions = item.analysis.attributions
    head = f"## Attributions ({len(attributions)}) {{ #attributions }}\n"
    if not attributions:
        return head + "\nNone found.\n"
    rows = [_attribution_row(i, a) for i, a in enumerate(attributions)]
    return head + "\n" + rawhtml.table(["#", "Cue", "Source · kind · via", "Style · type", "Content"], rows,
                                        numeric=[True]) + "\n"


def sources_section(item: AnalysedArticle) -> str:
    entries = []
    for kind in SourceKind:
        found = [(i, part, s) for i, a in enumerate(item.analysis.attributions)
                 for part, s in (("src", a.source), ("via", a.via)) if s is not None and s.kind is kind]
        links = ", ".join(rawhtml.a(f"#{attribution_anchor(i, part)}", rawhtml.short(s.span.text, 40))
                          for i, part, s in found)
        entries.append(rawhtml.item(f"<strong>{KIND_LABELS[kind]}</strong> ({len(found)}): {links or 'none'}",
                                    f"sources-{kind.value}"))
    return "## Sources by kind { #sources }\n\n" + rawhtml.items(entries) + "\n"


def hedges_section(item: AnalysedArticle) -> str:
    hedges = item.analysis.hedges
    entries = []
    for voice in Voice:
        found = [(i, h) for i, h in enumerate(hedges) if h.voice is voice]
        links = ", ".join(f"{rawhtml.a(f'#{hedge_anchor(i)}', rawhtml.short(h.span.text, 40))} ({h.type.value})"
                          for i, h in found)
        entries.append(rawhtml.item(f"<strong>{VOICE_LABELS[voice]}</strong> ({len(found)}): {links or 'none'}",
                                    f"hedges-{voice.value}"))
    return f"## Hedges ({len(hedges)}) {{ #hedges }}\n\n" + rawhtml.items(entries) + "\n"
