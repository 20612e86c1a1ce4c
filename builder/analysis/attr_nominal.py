"""Attributions carried by nouns (PARC's nominal cues, Pareti 2016).

- a light verb with a cue noun as object: "made the allegation", "expressed concern", "took a swipe at";
- a cue noun with its holder as possessor or by-/from-phrase: "Trump's claim that ...", "criticism from X";
- a cue noun specified by a clause after "be" ("the fear is that ...") or asserted by "there is" ("there are
  fears that ...").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy
from spacy.attrs import DEP, LOWER  # type: ignore[import-not-found]  # compiled
from spacy.tokens import Doc, Token

from builder.analysis.attr_content import verb_content
from builder.analysis.attr_cues import Candidate, noun_phrase, subtree_chars, topical_gerund
from builder.analysis.attr_subjects import subject_of
from builder.models import AttributionType

LIGHT_VERBS = frozenset({"make", "offer", "issue", "give", "deliver", "express", "raise", "voice", "take", "level",
                         "lodge", "file", "post", "send", "publish", "release", "reiterate", "repeat", "renew",
                         "air", "register", "share", "pen", "write",
                         # support verbs of verbal attacks (FrameNet Attack: "launched an attack on", "unleashed a
                         # tirade", "hurled insults at")
                         "launch", "unleash", "mount", "wage", "hurl", "lob", "sharpen", "intensify", "escalate"})
# Speech that "take" receives rather than gives ("took questions", "taking calls from listeners").
RECEIVED = frozenset({"question", "call", "comment", "complaint", "request"})
# Prepositions that introduce what the nominal cue is about ("criticism of", "call for", "swipe at").
CONTENT_PREPS = frozenset({"of", "for", "on", "about", "against", "at", "to", "over", "that", "with"})


def _content(noun: Token) -> tuple[int, int] | None:
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
            return subtree_chars(child)
        if child.dep_ in ("acl", "ccomp"):
            return subtree_chars(child)
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return subtree_chars(objects[0])
    return None


def _cue_end(noun: Token) -> int:
    """The cue ends after the noun, or after its content preposition ("criticism of")."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.dep_ == "prep" and following.lower_ in CONTENT_PREPS and following.head.i == noun.i:
        return following.idx + len(following)
    return noun.idx + len(noun)


def _message(noun: Token) -> tuple[int, tuple[int, int] | None]:
    """Cue end and content of a message noun. "issued a statement saying", "issued statements condemning": the
    participle that tells what the message says is part of the cue (as PARC and PolNeAR mark it), not a report
    of its own; what it says is the content."""
    participle = next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBG" and c.i <= noun.i + 3), None)
    if participle is None:
        return _cue_end(noun), _content(noun)
    return participle.idx + len(participle), verb_content(participle, noun.doc.text)


def light_verb_cues(doc: Doc, nouns: Mapping[str, AttributionType]) -> Iterator[Candidate]:
    for verb in doc:
        if verb.lemma_.lower() not in LIGHT_VERBS or verb.pos_ != "VERB" or verb.tag_ == "VB" or topical_gerund(verb):
            continue  # "criticised X for making rude statements": the judging verb reports
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        kind = _light_noun(verb, obj, nouns)
        if obj is None or kind is None:
            continue
        if verb.lemma_.lower() == "take" and obj.lemma_.lower() in RECEIVED:
            continue  # "took questions from the crowd": the speech of others, received
        subject = subject_of(verb)
        end, content = _message(obj)
        if content is None and _took_issue(verb, obj):
            content = _content(verb)  # the "with" phrase the parser hung on the verb
        yield Candidate((verb.idx, end), noun_phrase(subject) if subject is not None else None, content, kind)


# Messages their author puts out ("released an ad attacking X", "sent a letter to Y", "issued a memo"): the act of
# publishing one is the author's statement of what it says (PARC 3.0 marks "released a statement"); not ads run
# or aired, which are placements, nor emails, mostly sent about something else. Reports, lists, stories and op-eds
# published or issued likewise ("issued a report charging", "released a list of donors"); "ed" is the last token
# of "op-ed" as the tokenizer splits it.
PUBLISHING = frozenset({"release", "launch", "issue", "send", "publish", "write", "pen", "post", "share"})
PUBLISHED = frozenset({"ad", "advertisement", "memo", "letter", "report", "list", "story", "op-ed", "ed"})


# Nouns of number that pass the light verb on to their "of" noun: "unleashed a flurry of tweets", "a series of
# attacks", "a barrage of insults" (Quirk et al. 1985, 5.9 partitives).
PARTITIVES = frozenset({"flurry", "series", "barrage", "stream", "string", "volley", "torrent", "spate", "litany",
                        "salvo", "slew", "number", "couple", "pair"})


def _light_noun(verb: Token, obj: Token | None, nouns: Mapping[str, AttributionType]) -> AttributionType | None:
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    if lemma in PARTITIVES:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        lemma = counted.lemma_.lower() if counted is not None else lemma
    if lemma in PUBLISHED and verb.lemma_.lower() in PUBLISHING and not (lemma == "ad" and verb.lemma_.lower() == "send"):
        return AttributionType.WRITING
    if _took_issue(verb, obj):
        return AttributionType.SPEECH
    return nouns.get(lemma)


def _took_issue(verb: Token, obj: Token) -> bool:
    """ "took issue with the prediction": the idiom of disagreeing, bare "issue" and its "with" (not "took up the
    issue", "raised issues")."""
    return (verb.lemma_.lower() == "take" and obj.lower_ == "issue" and not any(c.dep_ == "det" for c in obj.children)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in (*obj.children, *verb.children)))


# "made (it) clear that ...": a light verb with a predicate of manifestness states the clause (PARC 3.0 cues).
MANIFEST = frozenset({"clear", "plain", "known"})


def made_clear(doc: Doc) -> Iterator[Candidate]:
    for verb in doc:
        if verb.lemma_.lower() != "make" or verb.pos_ != "VERB" or verb.tag_ == "VB":
            continue
        predicate = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp")
                          and c.lower_ in MANIFEST), None)
        if predicate is None:
            continue
        clause = next((c for c in predicate.children if c.dep_ in ("advcl", "csubj", "ccomp")
                       or (c.dep_ == "nsubj" and c.lower_ != "it")), None)
        subject = subject_of(verb)
        yield Candidate((verb.idx, predicate.idx + len(predicate)), noun_phrase(subject) if subject is not None else None,
                        subtree_chars(clause) if clause is not None else None, AttributionType.SPEECH)


def stance_adjectives(doc: Doc, adjectives: frozenset[str]) -> Iterator[Candidate]:
    """ "X has been critical of Y", "X is confident that Y": the subject holds the stance."""
    for adjective in doc:
        # a participial adjective the tagger read as a participle has the verb's lemma ("convinced": "convince")
        if adjective.dep_ != "acomp" or (adjective.lemma_.lower() not in adjectives and adjective.lower_ not in adjectives):
            continue
        copula = adjective.head
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("i", "you", "it", "that", "this", "what"):
            continue  # "what is clear is that ...": a free relative, no holder
        if any(c.tag_ == "MD" for c in copula.children):
            continue  # a stance under a modal is hypothetical ("would be happy to", "might be willing")
        start = min([copula.idx] + [c.idx for c in copula.children if c.dep_ in ("aux", "neg") and c.i < copula.i])
        if _cue_end(adjective) <= start:  # inverted order ("critical though he was")
            continue
        yield Candidate((start, _cue_end(adjective)), noun_phrase(subject), _content(adjective) or _content(copula),
                        AttributionType.BELIEF)


# Agent nouns of a stance ("is a staunch opponent of", "has been an outspoken supporter of", "a vocal advocate
# of"; FrameNet Taking_sides: supporter, opponent, backer, advocate, critic): said of the subject by "be", they
# state the subject's stance toward the "of" phrase. Only with "of": "an advocate for children" names a role.
STANCE_AGENTS = frozenset({"supporter", "opponent", "backer", "advocate", "proponent", "critic", "defender",
                           "champion", "foe", "detractor", "skeptic", "sceptic"})


def stance_agents(doc: Doc) -> Iterator[Candidate]:
    deps = doc.to_array([DEP])  # found by array, as for supplementary adjectives
    for noun in (doc[int(i)] for i in numpy.nonzero(deps == doc.vocab.strings["attr"])[0]):
        copula = noun.head
        if noun.lemma_.lower() not in STANCE_AGENTS or copula.lemma_ != "be" or copula.i > noun.i:
            continue
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if of is None or target is None or subject is None or subject.lower_ in ("it", "that", "this", "there"):
            continue
        if any(c.tag_ == "MD" for c in copula.children):
            continue  # hypothetical, as for stance adjectives ("would be a strong proponent of")
        start = min([copula.idx] + [c.idx for c in copula.children if c.dep_ in ("aux", "neg") and c.i < copula.i])
        yield Candidate((start, of.idx + len(of)), noun_phrase(subject), subtree_chars(target), AttributionType.BELIEF)


def against(doc: Doc, text: str) -> Iterator[Candidate]:
    """ "Sanders is against it", "Republicans who are against adding regulation": "be against" states its
    subject's opposition (FrameNet Taking_sides), said of people, not of things ("against its terms of service")."""
    if "against" not in text:
        return
    rows = numpy.nonzero(doc.to_array([LOWER]) == doc.vocab.strings["against"])[0]  # no Python step per token
    for prep in (doc[int(i)] for i in rows):
        copula = prep.head
        if prep.dep_ != "prep" or copula.lemma_ != "be" or copula.i > prep.i:
            continue
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if target is None or subject is None or not (
                subject.pos_ in ("PROPN", "PRON") or subject.tag_ == "NNS" or subject.ent_type_ in ("PERSON", "NORP", "ORG")):
            continue
        if subject.lower_ in ("it", "that", "this", "there") or any(c.tag_ == "MD" for c in copula.children):
            continue
        start = min([copula.idx] + [c.idx for c in copula.children if c.dep_ in ("aux", "neg") and c.i < copula.i])
        yield Candidate((start, prep.idx + len(prep)), noun_phrase(subject), subtree_chars(target), AttributionType.BELIEF)


# Verbs of receiving and causing (FrameNet Receiving, Getting, Cause_to_start) whose object is others' judgment
# of the subject: "drew criticism from X", "has won overwhelming support from X", "prompted blowback from X".
RECEIVING = frozenset({"draw", "receive", "win", "earn", "face", "attract", "garner", "gain", "prompt", "spark",
                       "trigger"})
JUDGMENTS = frozenset({"criticism", "praise", "scorn", "fire", "boo", "condemnation", "backlash",
                       "blowback", "rebuke", "applause", "ridicule", "outrage", "ire", "complaint", "objection",
                       "derision", "accolade", "plaudit", "support", "endorsement", "approval", "opposition",
                       "adulation"})
STANCES = frozenset({"support", "endorsement", "approval", "opposition", "adulation"})


def received_judgments(doc: Doc) -> Iterator[Candidate]:
    """ "The proposal has drawn harsh criticism from fellow Republicans": the ones in the "from" (or "of",
    "among") phrase judge, and what they judge is the subject (PolNeAR marks it so). Only with that phrase:
    without it the judges are unknown ("came under criticism")."""
    deps = doc.to_array([DEP])  # found by array, as for supplementary adjectives
    for obj in (doc[int(i)] for i in numpy.nonzero(deps == doc.vocab.strings["dobj"])[0]):
        verb = obj.head
        if obj.lemma_.lower() not in JUDGMENTS or verb.lemma_.lower() not in RECEIVING or verb.tag_ == "VB":
            continue
        judge = next((p for p in (*obj.rights, *verb.rights) if p.dep_ == "prep" and p.lower_ in ("from", "of", "among")
                      and p.i > obj.i), None)
        pobj = next((c for c in judge.children if c.dep_ == "pobj"), None) if judge is not None else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if pobj is None or subject is None:
            continue
        kind = AttributionType.BELIEF if obj.lemma_.lower() in STANCES else AttributionType.SPEECH
        yield Candidate((verb.idx, obj.idx + len(obj)), noun_phrase(pobj), subtree_chars(subject), kind)


SUPPLEMENT_MARKS = frozenset({",", "—", "–", "--", "("})
HOLDER_ROLES = frozenset({"person", "title", "org"})  # source_roles classes that can hold a stance


def supplementary_adjectives(doc: Doc, adjectives: frozenset[str], roles: Mapping[str, str]) -> Iterator[Candidate]:
    """ "Republicans, concerned about the party's appeal, ...", "..., wary of overextending him": an attitude
    adjective set off as a supplement asserts the stance of the one it is said of, as a supplementary relative
    clause would (Huddleston & Pullum 2002, 6.4, 12.3); an integrated one describes ("donors reluctant to give").
    Only with a complement saying what the stance is about."""
    deps = doc.to_array([DEP])  # found by array: a Python step per token would cost more than the pass
    rows = numpy.nonzero(numpy.isin(deps, [doc.vocab.strings["amod"], doc.vocab.strings["advcl"]]))[0]
    for adjective in (doc[int(i)] for i in rows):
        if adjective.lemma_.lower() not in adjectives:
            continue
        edge = adjective.left_edge.i
        content = _content(adjective)
        if edge == 0 or doc[edge - 1].text not in SUPPLEMENT_MARKS or content is None:
            continue
        holder = _supplemented(adjective)
        if holder is not None and (holder.pos_ == "PROPN" or holder.ent_type_ in ("PERSON", "ORG", "NORP")
                                   or roles.get(holder.lemma_.lower()) in HOLDER_ROLES
                                   or (holder.pos_ == "PRON" and holder.lower_ != "it")):
            yield Candidate((adjective.idx, _cue_end(adjective)), noun_phrase(holder), content, AttributionType.BELIEF)


def _supplemented(adjective: Token) -> Token | None:
    """Whom a supplementary adjective is said of: the noun it follows, or else (the parser hung it on a thing,
    "scrapped some events, wary of") the subject of the clause, as for a free adjunct (Quirk et al. 1985, 16.80)."""
    head = adjective.head
    if adjective.dep_ == "amod" and head.i < adjective.i and head.pos_ in ("NOUN", "PROPN", "PRON") and (
            head.pos_ != "NOUN" or head.ent_type_):
        return head
    subject = next((c for c in adjective.children if c.dep_ == "nsubj"), None)
    while subject is None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return subject or subject_of(head)


def _holder(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "PRON", "NOUN"):
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
                return pobj
    return None


def possessed_cues(doc: Doc, nouns: Mapping[str, AttributionType]) -> Iterator[Candidate]:
    """`nouns`: only those that hold a proposition on their own (claim, fear), not "plan" or "remarks"."""
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
            continue
        holder = _holder(noun)
        if holder is None or (holder.lower_ in ("its",) and noun.lemma_.lower() in ("support", "position")):
            continue
        content = _content(noun)
        if content is None:  # "his remarks", "her plan": a mention of speech, not an attributed statement
            continue
        yield Candidate((noun.idx, _cue_end(noun)), noun_phrase(holder), content, nouns[noun.lemma_.lower()])



def copular_cues(doc: Doc, nouns: Mapping[str, AttributionType]) -> Iterator[Candidate]:
    """ "The fear is that ...", "one view is that ...": a specificational copula (Higgins 1979) gives the cue
    noun its content, the holder a possessor or by-phrase if any. "There are fears that ...": an existential
    "be" asserts the attitude or speech the noun names, mostly holderless."""
    be = doc.vocab.strings["be"]
    for copula in doc:
        if copula.lemma != be:  # the hash: a string per token would cost more than the rest of the pass
            continue
        children = list(copula.children)
        for noun in children:
            if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "attr") or noun.lemma_.lower() not in nouns:
                continue
            holder = _holder(noun)
            source = noun_phrase(holder) if holder is not None else None
            kind = nouns[noun.lemma_.lower()]
            if noun.dep_ == "nsubj":
                clause = next((c for c in children if c.i > copula.i and (c.dep_ == "ccomp" or (
                    c.dep_ == "attr" and any(m.dep_ == "mark" for m in c.children)))), None)
                if clause is not None:
                    yield Candidate((noun.idx, noun.idx + len(noun)), source, subtree_chars(clause), kind)
            elif any(c.dep_ == "expl" for c in children) and (content := _content(noun)) is not None:
                yield Candidate((copula.idx, noun.idx + len(noun)), source, content, kind)
