"""Simple, rule-based reference resolution for source mentions.

Pronouns take the nearest preceding compatible mention (he/she -> a person, they -> a group or organisation,
it -> an organisation or document), preferring earlier *sources* (a "he said" usually continues the last
speaker) over any entity; a short definite form ("the newspaper", "the source") takes the last mention with
the same head noun; a unique title ("the president") the last named person.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from builder.analysis.sources import Reading, is_plural
from builder.models import SourceKind, Span

# How far back (characters) a pronoun looks for an earlier source before settling for any entity.
SOURCE_WINDOW = 700
ENTITY_WINDOW = 1500
ENTITY_KINDS = {"PERSON": SourceKind.NAMED_PERSON, "ORG": SourceKind.NAMED_ORG, "GPE": SourceKind.NAMED_ORG}


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: SourceKind
    name: str
    lemma: str  # head noun lemma, lower-cased
    is_source: bool


def entity_mentions(doc: Doc) -> list[Mention]:
    found = []
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None and ent.label_ == "NORP" and is_plural(ent.root):
            kind = SourceKind.UNNAMED_GROUP
        if kind is not None:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            found.append(Mention(Span.of(doc.text, ent.start_char, ent.end_char), kind, text,
                                 ent.root.lemma_.lower(), False))
    return found


def _fits(reading: Reading, mention: Mention) -> bool:
    if reading.role == "person":
        return mention.kind in (SourceKind.NAMED_PERSON, SourceKind.UNNAMED_PERSON)
    if reading.role == "it":
        return mention.kind in (SourceKind.NAMED_ORG, SourceKind.UNNAMED_GROUP) and mention.lemma not in ("percent",)
    if reading.role == "they":
        return mention.kind in (SourceKind.UNNAMED_GROUP, SourceKind.NAMED_ORG)
    if reading.role == "title":
        return mention.kind == SourceKind.NAMED_PERSON
    return False


def _nearest(before: int, mentions: list[Mention], reading: Reading, sources_only: bool, window: int) -> Mention | None:
    best: Mention | None = None
    for mention in mentions:
        if mention.span.end > before or before - mention.span.start > window:
            continue
        if sources_only and not mention.is_source:
            continue
        if _fits(reading, mention) and (best is None or mention.span.start > best.span.start):
            best = mention
    return best


def resolve(reading: Reading, lemma: str, at: int, mentions: list[Mention], pronoun: bool) -> Mention | None:
    """The mention `reading` (at character `at`) refers to, or None when nothing fits."""
    if not reading.needs_antecedent:
        return None
    if not pronoun:
        same = [m for m in mentions if m.lemma == lemma and m.span.end <= at and m.is_source]
        if same:
            return max(same, key=lambda m: m.span.start)
        if reading.role != "title":
            return None
    found = _nearest(at, mentions, reading, True, SOURCE_WINDOW)
    return found or _nearest(at, mentions, reading, False, ENTITY_WINDOW)
