"""Cue finding over the dependency parse: reporting verbs, "according to", "in X's view", "X: ...".

Each finder returns `Candidate`s: character offsets for cue and content and the spaCy spans of the source
and of an intermediary (`via`). Source kinds, names and quotes are settled later (sources.py, quotes.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from builder.models import AttributionType

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# Participial or coordinated cues take the subject of the verb they hang from ("..., saying", "said and added").
INHERITS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})
VIEW_NOUNS = frozenset({"view", "opinion", "words", "estimation", "judgment", "judgement", "mind", "eyes"})
RELATIVE = frozenset({"who", "that", "which", "whom"})


@dataclass(frozen=True)
class CueEntry:
    type: AttributionType
    needs_complement: bool


@dataclass(frozen=True)
class CueLexicon:
    verbs: Mapping[str, CueEntry]
    phrasal: Mapping[tuple[str, str], AttributionType]


@dataclass(frozen=True)
class Candidate:
    cue: tuple[int, int]
    source: SpacySpan | None
    content: tuple[int, int] | None
    type: AttributionType
    via: SpacySpan | None = None


def noun_phrase(token: Token) -> SpacySpan:
    """The mention headed by `token`, without trailing punctuation or a relative clause tail."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl") and child.i > token.i:
            right = min(right, child.left_edge.i - 1)
            break
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left : right + 1]


def subtree_chars(token: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """Character range of `token`'s subtree, trimmed of outer punctuation; `skip`'s subtree cut off at an edge."""
    tokens = [t for t in token.subtree if skip is None or not (skip.left_edge.i <= t.i <= skip.right_edge.i)]
    if not tokens:
        return None
    left, right = tokens[0], tokens[-1]
    if skip is not None and left.i < skip.i < right.i:
        before = [t for t in tokens if t.i < skip.i]
        after = [t for t in tokens if t.i > skip.i]
        left, right = (before[0], before[-1]) if len(before) >= len(after) else (after[0], after[-1])
    doc = token.doc
    i, j = left.i, right.i
    while i < j and (doc[i].is_punct and doc[i].text not in "\"“‘'" or doc[i].is_space):
        i += 1
    while j > i and (doc[j].is_punct and doc[j].text not in "\"”’'" or doc[j].is_space):
        j -= 1
    return doc[i].idx, doc[j].idx + len(doc[j])


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject (or passive agent) of `verb`, climbing through participles and coordination."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.tag_ not in ("EX",):
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ not in INHERITS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def complement_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in COMPLEMENTS:
            return child
    return None


def cue_extent(verb: Token, lexicon: CueLexicon) -> tuple[int, int, AttributionType | None]:
    """The cue's character range: the verb plus a particle or preposition that forms a phrasal cue."""
    for child in verb.rights:
        key = (verb.lemma_.lower(), child.lower_)
        if child.dep_ in ("prt", "prep") and key in lexicon.phrasal and child.i <= verb.i + 2:
            return verb.idx, child.idx + len(child), lexicon.phrasal[key]
    return verb.idx, verb.idx + len(verb), None


def verb_content(verb: Token) -> tuple[int, int] | None:
    comp = complement_of(verb)
    if comp is not None:
        return subtree_chars(comp)
    if verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children)):
        return subtree_chars(verb.head, skip=verb)
    for child in verb.rights:
        if child.dep_ in ("dobj", "prep", "attr", "oprd") and child.i > verb.i:
            return subtree_chars(child) if child.dep_ != "prep" else _prep_content(child)
    return None


def _prep_content(prep: Token) -> tuple[int, int] | None:
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return subtree_chars(objects[0]) if objects else None


def is_cue_verb(verb: Token, entry: CueEntry) -> bool:
    if verb.pos_ not in ("VERB",) or verb.dep_ in ("amod", "compound", "nmod"):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl":  # "the so-called deal", "a report released Monday"
        return False
    if not entry.needs_complement:
        return True
    return any(c.dep_ in COMPLEMENTS or (c.dep_ == "dobj" and c.pos_ != "PRON") for c in verb.children)
