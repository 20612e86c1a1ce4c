"""The last pass over attributions: spans of one role are well formed across the whole article.

Pages highlight every span, and figures count sources by mention, so:
- a source mention never swallows another attribution's cue ("X wrote" is not a speaker of "claimed");
- two source mentions are either the same mention or disjoint: where the parse gave one speaker two
  extents, every attribution takes the extent seen first;
- a content cut by its own cue or source ('"A," she said. "B"') also comes as the pieces around them;
- contents are disjoint, identical or nested — nesting is real ("He thought [Clinton said [the plan
  failed]]": a report inside a belief), crossing is a parse error and the later content gives way.
"""

from __future__ import annotations

from dataclasses import replace

from builder.models import Attribution, Source, Span

TRIM = " \t\n,;:\"'“”‘’"
OPENING = "“\"‘"
FRAME = 80  # characters: a frame is a few words ("she told reporters on Monday"), never a sentence
# the commas, spaces and full stop around "she said" are the narrator's; quotation marks stay with the words
CUT_TRIM = " \t\n,;:."


def well_formed(text: str, attributions: list[Attribution]) -> tuple[Attribution, ...]:
    cues = [a.cue for a in attributions]
    seen: list[Span] = []
    contents: list[Span] = []
    result = []
    for attribution in attributions:
        source = _mention(text, attribution.source, cues, seen)
        via = _mention(text, attribution.via, cues, seen)
        content = _content(attribution.content, contents)
        own = [attribution.cue, *(s.span for s in (source, via) if s is not None)]
        pieces = segments(text, content, own) if content is not None else ()
        result.append(replace(attribution, source=source, via=via, content=content, content_segments=pieces))
    return tuple(result)


def segments(text: str, content: Span, own: list[Span]) -> tuple[Span, ...]:
    """The content without the attribution's own cue and source inside it ('"A," she said. "B"': the
    speaker's words are A and B, as PARC and PolNeAR annotate them); () when nothing cuts it."""
    cuts = sorted((span for span in own if content.start < span.end and span.start < content.end),
                  key=lambda span: (span.start, span.end))
    if not cuts:
        return ()
    pieces, start = [], content.start
    for cut in cuts:
        cut = _frame(text, cut, content)
        end = cut.start
        while end > start and text[end - 1] in CUT_TRIM:  # the comma, full stop or space left at the cut
            end -= 1
        pieces.append((start, end))
        start = max(start, cut.end)
        while start < content.end and text[start] in CUT_TRIM:
            start += 1
    pieces.append((start, content.end))
    return tuple(Span.of(text, s, e) for s, e in pieces if e > s)


def _frame(text: str, cut: Span, content: Span) -> Span:
    """The cut widened over the rest of the narrator's frame between two quotations ('“A,” she told
    reporters on Monday, “B”': the frame is 'she told reporters on Monday')."""
    start, end = cut.start, cut.end
    back = text.rfind("\n", content.start, start) + 1
    closing = max(text.rfind("”", back, start), text.rfind('"', back, start))
    if closing >= 0 and start - closing <= FRAME and not set(text[closing + 1:start]) & set(OPENING):
        start = closing + 1
    for i in range(end, min(content.end, end + FRAME)):
        if text[i] in OPENING:
            end = i
            break
        if text[i] in "”\n":
            break
    return Span.of(text, start, max(start, end))


def _mention(text: str, source: Source | None, cues: list[Span], seen: list[Span]) -> Source | None:
    if source is None:
        return None
    span = _before_cues(text, source.span, cues)
    if span is None:
        return None
    for earlier in seen:
        if earlier == span or not earlier.overlaps(span):
            continue
        relative = _relative_after(text, span, earlier)
        if relative is not None:
            span = relative  # "Harvey, who": the relative pronoun, beside the name seen before
            break
        if earlier.contains(span) or span.contains(earlier):
            span = earlier
            break
        return None  # crossing extents of two mentions: the speaker is not reliable
    if span not in seen:
        seen.append(span)
    return source if span == source.span else replace(source, span=span)


RELATIVES = ("who", "which", "that")


def _relative_after(text: str, span: Span, earlier: Span) -> Span | None:
    """The relative pronoun that ends `span` after the name `earlier` it starts with ("Harvey" -> "Harvey, who")."""
    if span.start != earlier.start or span.end <= earlier.end:
        return None
    rest = text[earlier.end:span.end]
    word = rest.strip(TRIM)
    if word.lower() not in RELATIVES:
        return None
    start = earlier.end + rest.index(word)
    return Span.of(text, start, start + len(word))


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
