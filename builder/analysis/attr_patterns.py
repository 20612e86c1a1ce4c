"""The attribution constructions, one finder each, all reading the dependency parse.

- reporting verbs ("X said that ...", "..., X said", "X wants to ..."), with chains: "X reported, citing Y",
  "X quoted Y as saying", "X said, according to Y";
- "according to X", "reportedly", "in X's view", "in a new poll";
- nominal and adjectival cues (attr_nominal) and reporting verbs in headlines (attr_headlines).
Who speaks is read by attr_speakers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy
from spacy.attrs import LOWER  # type: ignore[import-not-found]  # compiled
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from builder.analysis.attr_content import verb_content
from builder.analysis.attr_cues import (
    CAUSATIVES,
    VIEW_NOUNS,
    Candidate,
    CueLexicon,
    cue_extent,
    is_cue_verb,
    noun_phrase,
    subtree_chars,
)
from builder.analysis.attr_documents import document_reads
from builder.analysis.attr_headlines import headline_cues, misread_evidence, misread_verbs
from builder.analysis.attr_nominal import (
    against,
    copular_cues,
    light_verb_cues,
    made_clear,
    possessed_cues,
    received_judgments,
    stance_adjectives,
    stance_agents,
    supplementary_adjectives,
)
from builder.analysis.attr_speakers import mention, speaker
from builder.analysis.attr_subjects import subject_of
from builder.models import AttributionType

# Raising verbs: their grammatical subject is what the impression is about, not who holds it.
RAISING = frozenset({"seem", "appear", "sound"})

def find_candidates(doc: Doc, text: str, quotes: tuple[tuple[int, int], ...], lexicon: CueLexicon,
                    roles: Mapping[str, str]) -> list[Candidate]:
    """`text` is `doc.text` and `quotes` its quotations, passed in: spaCy rebuilds `Doc.text` on every access."""
    found = [*verb_cues(doc, text, quotes, lexicon, roles), *according_to(doc, text), *reportedly(doc, text),
             *view_phrases(doc), *to_phrases(doc, text), *document_phrases(doc, text, lexicon.verbs),
             *light_verb_cues(doc, lexicon.nouns), *possessed_cues(doc, lexicon.possessed),
             *copular_cues(doc, lexicon.nouns),
             *stance_adjectives(doc, lexicon.adjectives), *stance_agents(doc), *against(doc, text),
             *supplementary_adjectives(doc, lexicon.adjectives, roles),
             *made_clear(doc), *received_judgments(doc), *headline_cues(doc, text, lexicon.verbs),
             *misread_verbs(doc, lexicon.verbs), *misread_evidence(doc, text),
             *document_reads(doc, text, roles)]
    return sorted(found, key=lambda c: c.cue)


def _source_like(token: Token, roles: Mapping[str, str]) -> bool:
    """Whether a cited object is someone whose words the citer passes on ("citing Klintsevich", "citing a
    senior official"), rather than evidence the citer puts forward as its own argument ("citing internal
    documents", "citing the strategic importance of ...", "citing statistics")."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or roles.get(
        token.lemma_.lower(), "document") != "document"


def _raising(verb: Token) -> bool:
    """ "seem", "appear", "sound" as raising verbs; with an object "sound" is an act of its subject ("Obama
    sounded a call for ...", "sounded a cautious note"): the transitive verb, not the raising one (seem and
    appear take none; an object the parser gives them is a predicate, "seemed an insult away from")."""
    lemma = verb.lemma_.lower()
    return lemma in RAISING and not (lemma == "sound" and _object(verb) is not None)


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _according_source(verb: Token) -> Token | None:
    """Y in "X said, according to Y" or "According to Y, X said ...": the intermediary through which X's
    words reached the outlet. Found by position, since the parser hangs the phrase on either clause."""
    doc = verb.doc
    nearby = list(doc[verb.i + 1 : min(len(doc) - 1, verb.i + 3)])
    if verb.dep_ == "ROOT":
        nearby += list(doc[verb.sent.start : verb.sent.start + 1])
    for token in nearby:
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            return next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    return None


def _reporter(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The reporting verb a "citing" phrase belongs to: its head, or a reporting clause beside it
    ("As Izvestiya reported, citing its source, the agreement was reached")."""
    if verb.head.lemma_.lower() in lexicon.verbs and verb.head.i != verb.i:
        return verb.head
    return next((c for c in verb.head.children if c.dep_ == "advcl" and c.i != verb.i
                 and c.lemma_.lower() in lexicon.verbs), None)


def _sender(verb: Token) -> Token | None:
    """X in "received threats from X, saying ...": the participle reports X's message, not the receiver's."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for obj in verb.head.children:
        if obj.dep_ != "dobj":
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _misread_subject(verb: Token) -> SpacySpan | None:
    """The subject of a past tense the parser hung as a participle on the last noun of a parenthetical
    ("Murphy, the head of the PAC, tweeted"): the first noun phrase of the run of appositions before it."""
    token = verb.head
    while token.dep_ in ("appos", "pobj", "prep", "compound", "conj") and token.head.i < token.i:
        token = token.head
    return mention(token) if token.pos_ in ("NOUN", "PROPN", "PRON") else None


def _chained(verb: Token, plain: Candidate, text: str, lexicon: CueLexicon, roles: Mapping[str, str]) -> Candidate | None:
    """A source reached through another: "X quoted Y as saying", "X reported, citing Y"; `plain` is the cue
    read as a plain report (cue, type, content)."""
    cue, kind, content = plain.cue, plain.type, plain.content
    lemma, cited = verb.lemma_.lower(), _object(verb)
    if cited is None or lemma not in ("quote", "cite"):
        return None
    if lemma == "quote":
        if roles.get(cited.lemma_.lower()) == "document" and cited.pos_ == "NOUN":
            return None  # "quoting Comey's statement": what is quoted is the content, the quoter speaks
        return Candidate(cue, mention(cited), content, kind, speaker(verb, content))
    reporter = _reporter(verb, lexicon)
    if reporter is None or not _source_like(cited, roles):
        return None
    return Candidate(cue, mention(cited), verb_content(reporter, text) or content, kind, speaker(reporter, None))


def verb_cues(doc: Doc, text: str, quotes: tuple[tuple[int, int], ...], lexicon: CueLexicon,
              roles: Mapping[str, str]) -> Iterator[Candidate]:
    quoted_as: set[int] = set()
    for verb in doc:
        entry = lexicon.verbs.get(verb.lemma_.lower())
        if entry is None or verb.i in quoted_as:
            continue
        start, end, phrasal_type = cue_extent(verb, lexicon)
        if not is_cue_verb(verb, entry, phrasal_type is not None):
            continue
        kind = phrasal_type or entry.type
        content = verb_content(verb, text)
        chained = _chained(verb, Candidate((start, end), None, content, kind), text, lexicon, roles)
        if chained is not None:
            if verb.lemma_.lower() == "quote":  # the "as saying" is part of this cue
                quoted_as.update(t.i for t in verb.subtree if t.lemma_ == "say")
            yield chained
            continue
        sender = _sender(verb)
        subject = mention(sender) if sender is not None else speaker(verb, content, quotes)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # a past tense misread as a participle: its noun speaks
            subject = _misread_subject(verb)
        causee = _object(verb.head) if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CAUSATIVES else None
        if causee is not None:  # "prompted NATO to order": the one caused to act
            subject = mention(causee)
        if _raising(verb) and subject is not None and subject.root.lower_ not in ("he", "she", "i", "we"):
            subject = None  # "the plan seems to fail", "it appears that": the subject is the topic, no holder
        felt = _experienced(verb, content) if verb.lemma_.lower() in OBJECT_EXPERIENCER else None
        if felt is not None:  # "the remarks angered Republicans": the ones angered hold the feeling
            subject, content = felt
        yield Candidate((start, end), subject, content, kind, mention(_according_source(verb)))


# Verbs of psychological state whose object feels it (Levin 1993, 31.1 amuse verbs: "the remarks angered
# Republicans", "business leaders have been unsettled by his candor"): the experiencer, the object or in the
# passive the subject, holds the feeling; what causes it is its content.
OBJECT_EXPERIENCER = frozenset({"anger", "unsettle", "offend", "infuriate", "frustrate", "outrage", "dismay",
                                "worry", "alarm", "enrage", "disturb", "trouble"})


def _experienced(verb: Token, clause: tuple[int, int] | None) -> tuple[SpacySpan | None, tuple[int, int] | None] | None:
    """The experiencer and the cause of an amuse verb, or None where it reports the subject's own feeling
    ("worries that ..."); `clause` is what the verb's complement says ("were frustrated that ...")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = agent is not None or any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    if passive:  # "were frustrated that ...", "unsettled by the protests"
        felt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if felt is None and verb.dep_ == "acl":
            felt = verb.head  # "African-Americans angered by the remarks"
        elif felt is None and verb.dep_ == "advcl":
            felt = subject_of(verb.head)  # "Angered by the remarks, the senator left"
        cause = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return mention(felt), subtree_chars(cause) if cause is not None else clause
    felt, cause = _object(verb), next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if felt is None:
        return None
    return mention(felt), subtree_chars(cause) if cause is not None else None



def _sentence_without(token: Token, phrase_end: int, text: str) -> tuple[int, int] | None:
    """The sentence around a sentence adverbial ("according to X"), minus the adverbial: its longer side."""
    sent = token.sent
    before = (sent.start_char, token.idx)
    after = (phrase_end, sent.end_char)
    if min(len(text[before[0]:before[1]].split()), len(text[after[0]:after[1]].split())) >= 3:
        start, end = before[0], after[1]  # mid-sentence: the statement runs on both sides
    else:
        start, end = after if after[1] - after[0] >= before[1] - before[0] else before
    while start < end and not (text[start].isalnum() or text[start] in "\"“'‘"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "\"”'’"):
        end -= 1
    return (start, end) if end > start else None


def according_to(doc: Doc, text: str) -> Iterator[Candidate]:
    if "according" not in text.lower():
        return
    for token in doc[:-1]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in token.subtree if c.dep_ == "pobj"), None)
        phrase_end = pobj.right_edge.idx + len(pobj.right_edge) if pobj is not None else to.idx + len(to)
        content = _sentence_without(token, phrase_end, text)
        yield Candidate((token.idx, to.idx + len(to)), mention(pobj), content, AttributionType.SPEECH)


def reportedly(doc: Doc, text: str) -> Iterator[Candidate]:
    """ "Bloomberg reportedly considering a run": the adverb of reported evidentiality (Aikhenvald 2004) marks
    the clause it modifies as hearsay from an unnamed source."""
    if "reportedly" not in text.lower():
        return
    for token in doc:
        if token.lower_ == "reportedly" and token.head.i != token.i:
            yield Candidate((token.idx, token.idx + len(token)), None, subtree_chars(token.head, skip=token),
                            AttributionType.SPEECH)


def view_phrases(doc: Doc) -> Iterator[Candidate]:
    """ "In X's view", "in the words of X": the opinion holder is X."""
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep":
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lower_ not in VIEW_NOUNS:
            continue
        holder = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if holder is None:
            of = next((c for c in pobj.children if c.lower_ == "of"), None)
            holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if holder is None:
            continue
        head = token.head
        content = subtree_chars(head, skip=token) if head.i != token.i else None
        yield Candidate((token.idx, pobj.idx + len(pobj)), noun_phrase(holder), content, AttributionType.BELIEF)


# Pronouns and quantifiers that name people as the experiencer of "To X, ..." ("To them, it signals ...").
EXPERIENCERS = frozenset({"him", "her", "them", "me", "us", "others", "anyone", "everyone", "many", "some"})


def to_phrases(doc: Doc, text: str) -> Iterator[Candidate]:
    """ "To Frank, issues of class get attention only ...", "But to others, he is ...": a fronted "to" phrase with
    a person in it, set off by a comma, is the experiencer to whom the sentence holds (Quirk et al. 1985, 8.88
    viewpoint adjuncts), like "in X's view". Not "to date", "to this end", "to a person"."""
    rows = numpy.nonzero(doc.to_array([LOWER]) == doc.vocab.strings["to"])[0]  # no Python step per token
    for token in (doc[int(i)] for i in rows):
        if token.dep_ != "prep":
            continue
        opening = token.i == token.sent.start or (token.i - 1 == token.sent.start and doc[token.i - 1].dep_ == "cc")
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None) if opening else None
        if pobj is None or not (pobj.pos_ == "PROPN" or pobj.lower_ in EXPERIENCERS):
            continue
        after = pobj.right_edge.i + 1
        if after >= len(doc) or doc[after].text != ",":
            continue
        phrase_end = pobj.right_edge.idx + len(pobj.right_edge)
        yield Candidate((token.idx, token.idx + len(token)), noun_phrase(pobj), _sentence_without(token, phrase_end, text),
                        AttributionType.BELIEF)


# "In a new poll, most voters ...": the document is the source of what the sentence reports.
EVIDENCE_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "analysis", "memo", "letter", "filing",
                                "editorial", "column", "op-ed", "tweet", "post", "email", "book", "ad", "video",
                                "documentary", "lawsuit", "complaint", "ruling", "opinion", "review", "audit"})


# Documents that report what their respondents say: "In a CNN poll, 38 percent of voters said ...".
POLLS = frozenset({"poll", "survey"})


def _respondents(verb: Token) -> bool:
    """The subject of a report is a share of a poll's respondents ("38 percent of voters", "31% of Republicans"):
    the poll speaks, through them, and annotators mark its "In" as the cue (PolNeAR guidelines: the source of
    the sentence's claim)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in ("percent", "%") or subject.like_num or any(
        c.dep_ == "nummod" for c in subject.children))


def document_phrases(doc: Doc, text: str, verbs: Mapping[str, object]) -> Iterator[Candidate]:
    """A sentence-initial "In <document>, ..." whose main verb is no cue of its own, or a poll's respondents'."""
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or token.i != token.sent.start:
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in EVIDENCE_DOCUMENTS:
            continue
        if token.head.lemma_.lower() in verbs and not (pobj.lemma_.lower() in POLLS and _respondents(token.head)):
            continue
        phrase_end = pobj.right_edge.idx + len(pobj.right_edge)
        yield Candidate((token.idx, token.idx + len(token)), noun_phrase(pobj), _sentence_without(token, phrase_end, text),
                        AttributionType.EVIDENCE)
