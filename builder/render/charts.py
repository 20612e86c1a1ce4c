"""Bar charts as inline SVG, drawn at build time: no JavaScript, no clock, same input -> same bytes.

A chart is groups of labelled bars (an outlet and its four source kinds, a month and its figures). Every bar
carries its label and value as text, so nothing is told by colour alone; the figure is followed by a table with
the same numbers for screen readers and copying. Every text is XML-escaped: labels come from outlet names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.render.escape import md, one_line

WIDTH = 480
LABEL_W = 170  # left column: bar labels
BAR_W = 230  # longest bar; the value is written after the bar
BAR_H = 16
ROW_H = 22
GROUP_H = 26  # the group heading line
SERIES = 4  # bar classes cycle over chart-s0..chart-s3 (fill colour and opacity in framing.css)
# characters XML 1.0 forbids even as references (the feed is parsed as strict XML)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not measurable (no words, no sources) — drawn as "–", no bar
    display: str  # the value as written beside the bar and in the table


@dataclass(frozen=True)
class Group:
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    id: str  # unique on its page: used for the SVG's title/desc ids
    title: str
    unit: str  # what the bars measure, for the caption and the table header
    groups: tuple[Group, ...]

    @property
    def series(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(b.label for g in self.groups for b in g.bars))

    @property
    def largest(self) -> float:
        return max((b.value for g in self.groups for b in g.bars if b.value is not None), default=0.0)


def xml(text: str) -> str:
    """Untrusted text for SVG/XML element content or a double-quoted attribute."""
    return html.escape(_NOT_XML.sub("", one_line(text)), quote=True)


def alt_text(chart: Chart) -> str:
    """A one-paragraph description of every number, for screen readers (the SVG's <desc>)."""
    parts = [f"{g.label}: " + ", ".join(f"{b.label} {b.display}" for b in g.bars) for g in chart.groups]
    return f"{chart.title} ({chart.unit}). " + "; ".join(parts) + "."


def svg(chart: Chart) -> str:
    """The chart as one line-break-free SVG element (safe inside a raw HTML block in Markdown)."""
    series = chart.series
    scale = BAR_W / chart.largest if chart.largest > 0 else 0.0
    shapes: list[str] = []
    y = 0
    for group in chart.groups:
        y += GROUP_H
        shapes.append(f'<text class="chart-group" x="0" y="{y - 8}">{xml(group.label)}</text>')
        for bar in group.bars:
            shapes.append(_bar(bar, series.index(bar.label) % SERIES, y, scale))
            y += ROW_H
    height = max(y + 4, GROUP_H)
    title_id, desc_id = f"{chart.id}-title", f"{chart.id}-desc"
    return (f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{title_id}">{xml(chart.title)}</title><desc id="{desc_id}">{xml(alt_text(chart))}</desc>'
            + "".join(shapes) + "</svg>")


def _bar(bar: Bar, series: int, y: int, scale: float) -> str:
    length = round((bar.value or 0.0) * scale, 1)
    if bar.value and length < 1.5:
        length = 1.5  # a non-zero value stays visible
    label = f'<text class="chart-label" x="{LABEL_W - 6}" y="{y + BAR_H - 4}" text-anchor="end">{xml(bar.label)}</text>'
    rect = (f'<rect class="chart-bar chart-s{series}" x="{LABEL_W}" y="{y}" width="{length}" height="{BAR_H}"/>'
            if length else "")
    value = f'<text class="chart-value" x="{LABEL_W + length + 5}" y="{y + BAR_H - 4}">{xml(bar.display)}</text>'
    return label + rect + value


def table(chart: Chart) -> str:
    """The same numbers as a Markdown table: one row per group, one column per series."""
    series = chart.series
    head = f"| {md(chart.unit)} | " + " | ".join(md(s) for s in series) + " |"
    rows = [head, "|---|" + "---:|" * len(series)]
    for group in chart.groups:
        values = {b.label: b.display for b in group.bars}
        rows.append(f"| {md(group.label)} | " + " | ".join(md(values.get(s, "–")) for s in series) + " |")
    return "\n".join(rows) + "\n"


def figure(chart: Chart) -> str:
    """The SVG in a <figure> with its caption (raw HTML, one line)."""
    caption = f"{xml(chart.title)} <span class=\"chart-unit\">({xml(chart.unit)})</span>"
    return f'<figure class="chart-figure" id="{chart.id}">{svg(chart)}<figcaption>{caption}</figcaption></figure>'


def numbers(chart: Chart) -> str:
    """The chart's table in a collapsed block (pymdownx.details)."""
    body = "\n".join(f"    {line}" for line in table(chart).splitlines())
    return f'??? info "The numbers: {plain(chart.title)}"\n\n{body}\n'


def plain(text: str) -> str:
    """Text for a details title: its quotes would end the title, so they become typographic."""
    return md(text.replace('"', "”"))


def figures(charts: Sequence[Chart]) -> str:
    """Charts side by side on wide screens (stacked on phones), each followed by its numbers."""
    if not charts:
        return ""
    row = '<div class="chart-row">' + "".join(figure(c) for c in charts) + "</div>\n"
    return row + "\n" + "\n".join(numbers(c) for c in charts)
