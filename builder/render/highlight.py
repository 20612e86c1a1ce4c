"""Article body -> HTML with <mark> highlights, built from offsets over html-escaped text.

The body is never given to Markdown: it becomes one raw HTML block with no blank line inside, so Python-Markdown
passes it through untouched. Overlapping and nested spans are handled by cutting the text at every span
boundary (and paragraph break) and wrapping each piece in the marks that cover it, outermost first; the
id goes on the first piece of each span.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.compare import attribution_anchor, hedge_anchor
from builder.models import Attribution, Source, Span, TextAnalysis
from builder.render.escape import attr, text_html
from builder.render.sanitize import clean_body

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    anchor: str
    css: str
    title: str
    rank: int  # nesting order among marks with the same extent: lower is outer


def label(kind: str) -> str:
    return kind.replace("_", " ")


def source_title(role: str, source: Source) -> str:
    title = f"{role} · {source.kind.value} · {source.name}"
    if source.antecedent is not None or source.span.text != source.name:
        title += f" (“{source.span.text}”)"
    return title


def attribution_marks(index: int, attribution: Attribution) -> list[Mark]:
    marks = []
    who = attribution.source.name if attribution.source else "no source"
    for piece in attribution.content_pieces():  # one anchor: the first piece carries it
        marks.append(_mark(piece, attribution_anchor(index, "txt"), "hl-content",
                           f"content · {attribution.style.value} · {attribution.type.value} · {who}", 0))
    for role, part, source in (("source", "src", attribution.source), ("via", "via", attribution.via)):
        if source is not None:
            marks.append(_mark(source.span, attribution_anchor(index, part),
                               f"hl-src hl-{source.kind.value.replace('_', '-')}", source_title(role, source), 1))
    marks.append(_mark(attribution.cue, attribution_anchor(index), "hl-cue",
                       f"cue · {attribution.type.value} · {attribution.cue.text}", 2))
    return marks


def _mark(span: Span, anchor: str, css: str, title: str, rank: int) -> Mark:
    return Mark(span.start, span.end, anchor, css, title, rank)


def analysis_marks(analysis: TextAnalysis) -> list[Mark]:
    marks = [m for i, a in enumerate(analysis.attributions) for m in attribution_marks(i, a)]
    for index, hedge in enumerate(analysis.hedges):
        marks.append(_mark(hedge.span, hedge_anchor(index), f"hl-hedge hl-hedge-{hedge.voice.value}",
                           f"hedge · {hedge.type.value} · {hedge.voice.value} voice · {hedge.cue}", 3))
    return marks


def body_html(text: str, analysis: TextAnalysis) -> str:
    """The whole body as one raw HTML block: <div class="article-body"> with a <p> per paragraph."""
    marks = analysis_marks(analysis)
    placed = [m for m in marks if m.end <= len(text)]
    opened: set[str] = set()
    paragraphs = [_paragraph(text, start, end, placed, opened) for start, end in paragraph_ranges(text)]
    # a span outside the text (or only over blank lines) still gets its anchor, so links to it stay valid
    lost = "".join(f'<span id="{m.anchor}" class="hl-lost"></span>' for m in marks if m.anchor not in opened)
    return clean_body('<div class="article-body">\n' + "\n".join(paragraphs) + lost + "\n</div>")


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((start, gap.start()))
        start = gap.end()
    ranges.append((start, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()] or [(0, 0)]


def _paragraph(text: str, start: int, end: int, marks: Sequence[Mark], opened: set[str]) -> str:
    inside = [m for m in marks if (m.start < end and m.end > start) or (m.start == m.end and start <= m.start <= end)]
    cuts = sorted({start, end} | {p for m in inside for p in (m.start, m.end) if start < p < end})
    pieces = [_points(inside, start, opened)]
    for left, right in itertools.pairwise(cuts):
        pieces.append(_segment(text, left, right, inside, opened))
        pieces.append(_points(inside, right, opened))
    return "<p>" + "".join(pieces) + "</p>"


def _segment(text: str, left: int, right: int, marks: Sequence[Mark], opened: set[str]) -> str:
    covering = sorted((m for m in marks if m.start <= left and right <= m.end and m.start < m.end),
                      key=lambda m: (m.start, -m.end, m.rank, m.anchor))
    body = text_html(text[left:right]).replace("\n", "<br>")
    for mark in reversed(covering):
        anchor = ""
        if mark.anchor not in opened:
            opened.add(mark.anchor)
            anchor = f' id="{mark.anchor}"'
        body = f'<mark{anchor} class="{mark.css}" title="{attr(mark.title)}">{body}</mark>'
    return body


def _points(marks: Sequence[Mark], at: int, opened: set[str]) -> str:
    """Anchors for empty spans at this offset (nothing to highlight, but links may point to them)."""
    out = []
    for mark in marks:
        if mark.start == mark.end == at and mark.anchor not in opened:
            opened.add(mark.anchor)
            out.append(f'<span id="{mark.anchor}" class="hl-point" title="{attr(mark.title)}"></span>')
    return "".join(out)


LEGEND = (
    '<div class="hl-legend"><span class="hl-legend-title">Highlights:</span> '
    '<mark class="hl-cue" title="cue">cue (said, according to…)</mark> '
    '<mark class="hl-src hl-named-person" title="source · named_person">named person</mark> '
    '<mark class="hl-src hl-named-org" title="source · named_org">named organisation</mark> '
    '<mark class="hl-src hl-unnamed-person" title="source · unnamed_person">unnamed person</mark> '
    '<mark class="hl-src hl-unnamed-group" title="source · unnamed_group">unnamed group</mark> '
    '<mark class="hl-content" title="content">attributed content</mark> '
    '<mark class="hl-hedge hl-hedge-outlet" title="hedge · outlet voice">hedge, outlet’s voice</mark> '
    '<mark class="hl-hedge hl-hedge-attributed" title="hedge · attributed voice">hedge, attributed</mark>'
    "</div>"
)
