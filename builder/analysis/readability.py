"""Readability scores (textstat) and plain counts."""

from __future__ import annotations

import textstat

from builder.models import Readability


def measure(text: str) -> Readability:
    if not text.strip():
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0)
    return Readability(
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(text)), 1),
        flesch_kincaid_grade=round(float(textstat.flesch_kincaid_grade(text)), 1),
        gunning_fog=round(float(textstat.gunning_fog(text)), 1),
        smog_index=round(float(textstat.smog_index(text)), 1),
        words=int(textstat.lexicon_count(text, removepunct=True)),
        sentences=int(textstat.sentence_count(text)),
    )
