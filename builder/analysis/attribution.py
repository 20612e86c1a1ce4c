"""Attribution finder: who says (writes, finds, believes) what, read off the spaCy dependency parse.

A sequence of passes over one parsed `Doc`:
1. cues and their frames (attr_patterns; their speakers, attr_speakers): reporting verbs, "according to",
   "in X's view", "X: ..."; a dash and a name after a quotation (quotes);
2. contents widened to whole quotations, unclaimed quotations continuing the previous speaker (quotes), reports
   nested in another's content folded into it (attr_nesting);
3. source mentions read (sources) and resolved to what they refer to (coref), in text order.
Lexicons: cues.tsv (cue lemmas, type and frame), source_roles.tsv (role nouns of sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from builder.analysis.attr_cues import Candidate, CueEntry, CueLexicon
from builder.analysis.attr_headlines import speaker_labels
from builder.analysis.attr_nesting import outermost
from builder.analysis.attr_patterns import find_candidates
from builder.analysis.attr_spans import well_formed
from builder.analysis.coref import Mention, entity_mentions, gender_of, make_source
from builder.analysis.quotes import (
    continue_quotes,
    dash_speakers,
    preceding_quotes,
    quotations,
    style_of,
    widen_to_quote,
)
from builder.analysis.sources import SourceLexicon
from builder.lexicons import load_table
from builder.models import Attribution, AttributionType, Source, Span

FRAMES = {"report": False, "complement": True, "clause": True, "objectless": False, "finite": False}
ROLE_CLASSES = frozenset({"person", "title", "org", "document"})
HUMAN_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "who"})


@dataclass(frozen=True)
class AttributionLexicon:
    cues: CueLexicon
    sources: SourceLexicon


def _attribution_type(value: str, where: str) -> AttributionType:
    try:
        return AttributionType(value)
    except ValueError:
        valid = ", ".join(t.value for t in AttributionType)
        raise ValueError(f"{where}: unknown attribution type {value!r}; valid: {valid}") from None


def _spellings(lemma: str) -> tuple[str, ...]:
    """The lemma and its British -ise spelling ("criticize", "criticise"): the lemmatizer keeps the text's."""
    return (lemma, lemma[:-3] + "ise") if lemma.endswith("ize") else (lemma,)


def load_cue_lexicon(name: str = "cues") -> CueLexicon:
    verbs: dict[str, CueEntry] = {}
    phrasal: dict[tuple[str, str], AttributionType] = {}
    for cue, kind, frames, _origin in load_table(name, 4):
        frame, _plus, finite = frames.partition("+")  # "complement+finite": both conditions
        if frame not in FRAMES or finite not in ("", "finite"):
            raise ValueError(f"lexicon {name}.tsv: unknown frame {frame!r} for {cue!r}; valid: {', '.join(FRAMES)}")
        cue_type = _attribution_type(kind, f"lexicon {name}.tsv, {cue!r}")
        words = cue.lower().split()
        if len(words) > 2:
            raise ValueError(f"lexicon {name}.tsv: {cue!r}: a cue is a verb or a verb and one particle")
        if len(words) == 2:
            phrasal[(words[0], words[1])] = cue_type
            verbs.setdefault(words[0], CueEntry(cue_type, False, needs_particle=True))
        else:
            entry = CueEntry(cue_type, FRAMES[frame], needs_clause=frame == "clause", objectless=frame == "objectless",
                             finite="finite" in (frame, finite))
            for spelling in _spellings(words[0]):
                verbs.setdefault(spelling, entry)
    nouns = load_table("cue_nouns", 4)
    light = {noun.lower(): _attribution_type(kind, f"lexicon cue_nouns.tsv, {noun!r}") for noun, kind, _f, _o in nouns}
    possessed = {noun: kind for noun, kind in light.items() if (noun, "possessed") in {(n, f) for n, _k, f, _o in nouns}}
    adjectives = frozenset(adjective.lower() for adjective, _origin in load_table("cue_adjectives", 2))
    return CueLexicon(MappingProxyType(verbs), MappingProxyType(phrasal), MappingProxyType(light),
                      MappingProxyType(possessed), adjectives)


def load_source_lexicon(name: str = "source_roles") -> SourceLexicon:
    roles: dict[str, str] = {}
    for noun, role, _origin in load_table(name, 3):
        if role not in ROLE_CLASSES:
            raise ValueError(f"lexicon {name}.tsv: unknown class {role!r} for {noun!r}; valid: {', '.join(sorted(ROLE_CLASSES))}")
        roles.setdefault(noun.lower(), role)
    return SourceLexicon(MappingProxyType(roles))


def load_attribution_lexicon() -> AttributionLexicon:
    return AttributionLexicon(load_cue_lexicon(), load_source_lexicon())


def find_attributions(doc: Doc, lexicon: AttributionLexicon) -> tuple[Attribution, ...]:
    text = doc.text
    quotes = quotations(text)
    # Words inside a quotation are the speaker's; the outlet attributes the quotation, not what it reports.
    # A cue with neither source nor content is mostly another use of the word ("pledged delegates").
    candidates = [c for c in find_candidates(doc, text, quotes, lexicon.cues, lexicon.sources.roles)
                  if not _inside(c.cue, quotes) and not _narration(c) and (c.source or c.content)]
    candidates += [*speaker_labels(doc, text, lexicon.sources.roles), *dash_speakers(doc, text, quotes)]
    candidates = _dedupe([_widened(c, quotes) for c in candidates])
    candidates = preceding_quotes(text, [_clipped(text, c) for c in candidates], quotes)
    candidates = outermost(text, continue_quotes(text, candidates, quotes), quotes)
    mentions = entity_mentions(doc)
    found = []
    for candidate in candidates:
        source = _source(candidate.source, mentions, lexicon.sources)
        via = _source(candidate.via, mentions, lexicon.sources)
        content = Span.of(text, *candidate.content) if candidate.content else None
        found.append(Attribution(Span.of(text, *candidate.cue), source, content,
                                 style_of(candidate.content, quotes), candidate.type, via))
    return well_formed(text, found)


def _narration(candidate: Candidate) -> bool:
    """Generic "you" ("you know", "you see") addresses the reader and reports nobody. A writer's "I think"
    and a third person's beliefs ("he wants to win") are attributions all the same (PARC 3.0, PolNeAR)."""
    return candidate.source is not None and len(candidate.source) == 1 and candidate.source[0].lower_ == "you"


def _inside(cue: tuple[int, int], quotes: tuple[tuple[int, int], ...]) -> bool:
    return any(start < cue[0] and cue[1] <= end for start, end in quotes)


def _widened(candidate: Candidate, quotes: tuple[tuple[int, int], ...]) -> Candidate:
    content = widen_to_quote(candidate.content, quotes)
    return Candidate(candidate.cue, candidate.source, content, candidate.type, candidate.via)


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _clipped(text: str, candidate: Candidate) -> Candidate:
    """Keep content and source inside their paragraph: a headline without a full stop is not part of the
    first sentence, though the parser may join them. Quotations running on are joined again later."""
    content = candidate.content
    if content is not None:
        start, end = _line(text, candidate.cue[0])
        if min(end, content[1]) > max(start, content[0]):
            content = max(start, content[0]), min(end, content[1])
        else:
            start, end = _line(text, content[0])
            content = content[0], min(end, content[1])
    source = candidate.source
    if source is not None and "\n" in source.text:
        start, end = _line(text, source.root.idx)
        source = source.doc.char_span(max(start, source.start_char), min(end, source.end_char), alignment_mode="contract")
    return Candidate(candidate.cue, source, content, candidate.type, candidate.via)


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One attribution per cue position (a cue found by two finders keeps the first); a cue inside another
    is part of it ("issued a statement saying")."""
    kept: list[Candidate] = []
    group, reach, group_reach = -1, -1, -1  # reach: the furthest end of the cues starting before `group`
    for candidate in sorted(candidates, key=lambda c: c.cue):  # one pass: sorted, not a pair per two cues
        start, end = candidate.cue
        if start != group:
            group, reach, group_reach = start, max(reach, group_reach), end
        group_reach = max(group_reach, end)
        if end > reach and not (kept and kept[-1].cue[0] == start):
            kept.append(candidate)
    return kept


def _source(mention: SpacySpan | None, mentions: list[Mention], lexicon: SourceLexicon) -> Source | None:
    if mention is None or not mention.text.strip():
        return None
    source = make_source(mention, mentions, lexicon)
    lemma = mention.root.lemma_.lower()
    human = lexicon.roles.get(lemma) in ("person", "title") or lemma in HUMAN_PRONOUNS
    gender = gender_of(mention.root.text) or gender_of(mention[0].text)
    mentions.append(Mention(source.span, source.kind, source.name, lemma, True, human, gender))
    return source
