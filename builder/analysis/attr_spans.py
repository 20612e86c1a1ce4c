"""The last pass over attributions: spans of one role are well formed across the whole article.

Pages highlight every span, and figures count sources by mention, so:
- a source mention never swallows another attribution's cue ("X wrote" is not a speaker of "claimed");
- two source mentions are either the same mention or disjoint: where the parse gave one speaker two
  extents, every attribution takes the extent seen first;
- contents are disjoint, identical or nested — nesting is real ("He thought [Clinton said [the plan
  failed]]": a report inside a belief), crossing is a parse error and the later content gives way.
"""

from __future__ import annotations

from dataclasses import replace

from builder.models import Attribution, Source, Span

TRIM = " \t\n,;:\"'“”‘’"


def well_formed(text: str, attributions: list[Attribution]) -> tuple[Attribution, ...]:
    cues = [a.cue for a in attributions]
    seen: list[Span] = []
    contents: list[Span] = []
    result = []
    for attribution in attributions:
        source = _mention(text, attribution.source, cues, seen)
        via = _mention(text, attribution.via, cues, seen)
        content = _content(attribution.content, contents)
        result.append(replace(attribution, source=source, via=via, content=content))
    return tuple(result)


def _mention(text: str, source: Source | None, cues: list[Span], seen: list[Span]) -> Source | None:
    if source is None:
        return None
    span = _before_cues(text, source.span, cues)
    if span is None:
        return None
    for earlier in seen:
        if earlier == span or not earlier.overlaps(span):
            continue
        if earlier.contains(span) or span.contains(earlier):
            span = earlier
            break
        return None  # crossing extents of two mentions: the speaker is not reliable
    if span not in seen:
        seen.append(span)
    return source if span == source.span else replace(source, span=span)


def _before_cues(text: str, span: Span, cues: list[Span]) -> Span | None:
    inside = [cue.start for cue in cues if span.contains(cue) and cue.end - cue.start > 0]
    if not inside:
        return span
    end = min(inside)
    while end > span.start and text[end - 1] in TRIM:
        end -= 1
    return Span.of(text, span.start, end) if end > span.start else None


def _content(content: Span | None, accepted: list[Span]) -> Span | None:
    """Cut a content that crosses an earlier one back to where the earlier one ends (or drop it)."""
    while content is not None:
        crossing = next((e for e in accepted if e.overlaps(content) and not (e.contains(content) or content.contains(e))),
                        None)
        if crossing is None:
            accepted.append(content)
            return content
        if crossing.start < content.start < crossing.end < content.end:
            content = Span(crossing.end, content.end, content.text[crossing.end - content.start:])
        else:
            content = None
    return None
