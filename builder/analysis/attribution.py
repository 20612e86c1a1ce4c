"""Attribution finder: who says (writes, finds, believes) what, read off the spaCy dependency parse.

A sequence of passes over one parsed `Doc`:
1. cues and their frames (attr_patterns; their speakers, attr_speakers): reporting verbs, "according to",
   "in X's view", "X: ..."; a dash and a name after a quotation (quotes);
2. contents widened to whole quotations, unclaimed quotations continuing the previous speaker (quotes);
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
from builder.models import Attribution, AttributionType, QuoteStyle, Source, Span

FRAMES = {"report": False, "complement": True, "clause": True, "objectless": False, "finite": False}
ROLE_CLASSES = frozenset({"person", "title", "org", "document"})
HUMAN_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "who"})
STATES = frozenset({AttributionType.BELIEF, AttributionType.EVIDENCE})
SAYINGS = frozenset({AttributionType.SPEECH, AttributionType.WRITING})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUPPLEMENTARY_MARKS = frozenset({",", "(", "-", "–", "—"})  # set off before a relative pronoun: a supplement


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
    candidates = _outermost(text, continue_quotes(text, candidates, quotes), quotes)
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


def _speaker_noun(source: SpacySpan) -> bool:
    """A source reached through a sender ("threats from X, saying") or a relative clause ("X, who said"):
    a description of someone the content mentions, not part of what is reported."""
    if source[-1].lower_ in ("who", "which", "that") or source.root.lower_ in ("who", "which", "that"):
        return True
    return source.root.pos_ in ("PROPN", "NOUN") and source.root.dep_ == "pobj"


def _described(candidate: Candidate) -> bool:
    """A speaker introduced inside the content, whose own words the outlet reports ("threats from X, saying
    ...", "Ruth Amsel, who said ...")."""
    source = candidate.source
    if source is None:
        return False
    return (source.root.dep_ == "pobj" and source.root.head.lower_ == "from") or source[-1].lower_ in RELATIVE_PRONOUNS


def _same_speaker(host: Candidate, candidate: Candidate) -> bool:
    """ "X said ..., adding ...": the speaker goes on; the parser only hung the participle on the clause."""
    return host.source is not None and candidate.source is not None and host.source.start == candidate.source.start


def _adverbial(text: str, candidate: Candidate) -> bool:
    """ "According to X, ...", "In X's view, ...": a frame around the sentence, whose own verb may report."""
    return text[candidate.cue[0] : candidate.cue[1]].lower().startswith(("according", "in"))


def _outermost(text: str, candidates: list[Candidate], quotes: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """A report inside another's indirect content is part of what that source says ("officials said the
    company had warned ..."), and annotators mostly leave it as such; a statement reported inside
    someone's belief ("she thinks he said ...") is still reported speech."""
    indirect = [c for c in candidates if c.content is not None and style_of(c.content, quotes) != QuoteStyle.DIRECT]
    hosts = [c for c in indirect if not _adverbial(text, c)]
    voiced = {c.cue: host for c in candidates if (host := _coordinated(c, hosts)) is not None}
    candidates = [Candidate(c.cue, voiced[c.cue].source, c.content, c.type, c.via) if c.cue in voiced else c
                  for c in candidates]

    def nested(candidate: Candidate) -> bool:
        if _own_report(candidate) or candidate.cue in voiced:
            return False
        if candidate.type in STATES and any(_reports(host, candidate) for host in indirect):
            return True
        if candidate.type in SAYINGS and candidate.via is None and not _described(candidate) and any(
                _reports(host, candidate) and not _same_speaker(host, candidate) for host in indirect):
            return True  # "officials said the group, which says it ..., had ...": PolNeAR leaves most unannotated
        if _relative_act(candidate) and any(_within(host, candidate) for host in hosts):
            return True  # "he denounced supporters that level sexist attacks": a description of whom it mentions
        if candidate.via is not None or (candidate.source is not None and _speaker_noun(candidate.source)):
            return False
        return any(host is not candidate and host.content is not None
                   and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1]
                   and not _same_speaker(host, candidate)
                   and not (host.type == AttributionType.BELIEF and candidate.type == AttributionType.SPEECH)
                   for host in hosts)

    inner = [c for c in candidates if nested(c)]
    return [_absorbing(c, inner) for c in candidates if not any(c is d for d in inner)]


def _own_report(candidate: Candidate) -> bool:
    """ "a finish that he said defied expectations", "... and Sanders said ...": "say" with a subject of its own
    in a relative or coordinated clause is a report of its own speaker, not part of the clause around it."""
    if candidate.source is None:
        return False
    words = candidate.source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    return (verb is not None and verb.lemma_ == "say" and verb.dep_ in ("relcl", "conj")
            and any(c.dep_ == "nsubj" for c in verb.children))


def _relative_act(candidate: Candidate) -> bool:
    """ "a union that has endorsed Sanders", "anybody who complains about ...": a restrictive relative clause is
    part of the description of its noun (Huddleston & Pullum 2002, 12.3), so inside a report it is part of what
    is reported. A supplementary one ("the AP, which first reported the story") asserts on its own; and "say"
    keeps its own speaker ("voters who said they ...", a report of a report: PolNeAR marks those)."""
    source = candidate.source
    if source is None:
        return False
    pronoun = source[-1] if source[-1].lower_ in RELATIVE_PRONOUNS else source.root
    if pronoun.lower_ not in RELATIVE_PRONOUNS or (pronoun.i > 0 and pronoun.nbor(-1).text in SUPPLEMENTARY_MARKS):
        return False
    words = source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    return verb is not None and verb.dep_ == "relcl" and verb.lemma_ != "say"


def _within(host: Candidate, candidate: Candidate) -> bool:
    return (host is not candidate and host.content is not None
            and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1])


def _coordinated(candidate: Candidate, hosts: list[Candidate]) -> Candidate | None:
    """ "X said Y had failed and called on Z to ...": a reporting verb without a subject of its own, coordinated
    with a verb of a reported clause, is mostly the reporter's next act, the parser having hung the conjunct
    on the nearer verb; it speaks with the reporter's voice, not the reported clause's subject."""
    if candidate.type not in SAYINGS or candidate.source is None:
        return None
    words = candidate.source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    if verb is None or verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((host for host in hosts if host.type in SAYINGS and host.source is not None
                 and host.content is not None and host.cue != candidate.cue
                 and host.content[0] <= verb.head.idx < host.content[1]
                 and host.content[0] <= candidate.cue[0] < host.content[1]), None)


def _absorbing(host: Candidate, inner: list[Candidate]) -> Candidate:
    """A host's content takes in the contents of the reports nested in it (a quotation they run on to)."""
    if host.content is None:
        return host
    start, end = host.content
    for candidate in inner:
        if candidate.content is not None and start <= candidate.cue[0] < end:
            start, end = min(start, candidate.content[0]), max(end, candidate.content[1])
    return Candidate(host.cue, host.source, (start, end), host.type, host.via)


def _reports(host: Candidate, candidate: Candidate) -> bool:
    """A belief or finding inside what someone said is described by the speaker ("officials said voters who
    believe X ...", "he said records show ..."), even in a relative clause or a participle of the speaker's."""
    return (host is not candidate and host.type in SAYINGS and host.content is not None
            and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1])


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
