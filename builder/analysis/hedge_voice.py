"""Whose hedge it is: the outlet's own narration, or words the outlet attributes to a source."""

from __future__ import annotations

import re

from builder.models import Span, Voice

# An opening mark, the quoted words, then the closing mark, or a paragraph end: in news a quotation that runs
# over several paragraphs leaves each paragraph but the last unclosed.
QUOTATION = re.compile(r"“([^”\n]*)(?:”|(?=\n)|$)|(?<![\w\"])\"([^\"\n]*)(?:\"|(?=\n)|$)")
# Scare quotes ("so-called" terms, titles) are short; a quoted stretch of this many words is somebody's speech.
MIN_QUOTED_WORDS = 4


def quoted_regions(text: str) -> tuple[tuple[int, int], ...]:
    regions = []
    for match in QUOTATION.finditer(text):
        if len(match.group(0).split()) >= MIN_QUOTED_WORDS:
            regions.append((match.start(), match.end()))
    return tuple(regions)


def voice_of(span: Span, contents: tuple[Span, ...], quotes: tuple[tuple[int, int], ...]) -> Voice:
    if any(content.contains(span) for content in contents):
        return Voice.ATTRIBUTED
    if any(start <= span.start and span.end <= end for start, end in quotes):
        return Voice.ATTRIBUTED
    return Voice.OUTLET
