"""Cue finding over the dependency parse: reporting verbs, "according to", "in X's view", "X: ...".

Each finder returns `Candidate`s: character offsets for cue and content and the spaCy spans of the source
and of an intermediary (`via`). Source kinds, names and quotes are settled later (sources.py, quotes.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from builder.models import AttributionType

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
VIEW_NOUNS = frozenset({"view", "opinion", "words", "estimation", "judgment", "judgement", "mind", "eyes"})
RELATIVE = frozenset({"who", "that", "which", "whom"})


# Verbs whose personal object is the addressee, not the message (Levin 37.2 tell, 37.9 advise).
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "brief", "notify", "advise",
                             "ask", "urge", "thank", "caution", "email", "text"})
# Verbs that are cues on their own but aspectual with an infinitive ("continued to rise").
ASPECTUAL = frozenset({"continue", "begin", "start"})
# Causatives whose object does the act of the infinitive: "led Trump to call", "prompted the council to demand".
CAUSATIVES = frozenset({"lead", "prompt"})
# Heads that assert the infinitive under them ("continued to insist", "went on to say", "tend to favour",
# "are more likely to say"): aspectual and raising predicates (Perlmutter 1970; Quirk et al. 1985, 16.38);
# "use" as instrument or past habit ("used an expletive to describe", "used to support") and implicatives,
# which entail their complement ("was quick to point out", "managed to say"; Karttunen 1971), report it too.
ASSERTING_HEADS = frozenset({*ASPECTUAL, "go", "tend", "likely", "unlikely", "keep", "use",
                             "quick", "manage", "bother", "hasten", "dare",
                             # causatives that entail their complement ("led Trump to call", "prompted the
                             # council to demand"; Karttunen 1971, implicative verbs)
                             *CAUSATIVES})


# Objects that make a verb of finding an idiom of situation or means: "found himself in trouble", "found a
# way to" (Quirk et al. 1985, 6.24 reflexive verbs; FrameNet Locating vs Becoming_aware), not a finding.
MANNER_OBJECTS = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself",
                            "way", "ways"})

# Nouns naming an utterance, objects of a verb of saying ("added the words", "added a note of caution").
SPOKEN_OBJECTS = frozenset({"word", "words", "note", "line", "caveat", "comment", "remark", "voice", "thought",
                            "plea", "warning", "message"})

# Verbs whose clausal object is a bare infinitive with its own subject ("let them say", "made him apologise").
BARE_INFINITIVE_HEADS = frozenset({"let", "make", "have", "help", "see", "hear", "watch", "feel", "notice", "bid"})


@dataclass(frozen=True)
class CueEntry:
    type: AttributionType
    needs_complement: bool
    needs_particle: bool = False  # only a cue with its particle: "talk about", "speak out"
    needs_clause: bool = False  # only a cue with a clause: "maintained that" (not "maintained control")
    objectless: bool = False  # only a cue without an object: "he added" (not "added jobs", "added to his lead")
    finite: bool = False  # only a cue as a finite verb: "Clinton promoted her plan" (not "groups promoting trade")


@dataclass(frozen=True)
class CueLexicon:
    verbs: Mapping[str, CueEntry]
    phrasal: Mapping[tuple[str, str], AttributionType]
    nouns: Mapping[str, AttributionType]  # cue nouns after a light verb ("made the claim")
    possessed: Mapping[str, AttributionType]  # cue nouns also with a possessor ("Trump's claim that")
    adjectives: frozenset[str]  # attitude adjectives after "be" ("was critical of")


@dataclass(frozen=True)
class Candidate:
    cue: tuple[int, int]
    source: SpacySpan | None
    content: tuple[int, int] | None
    type: AttributionType
    via: SpacySpan | None = None


def noun_phrase(token: Token, floor: int = 0) -> SpacySpan:
    """The mention headed by `token`, without trailing punctuation or a relative clause tail, and starting
    no earlier than character `floor` (the end of a quotation the parser wrongly attached to it)."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    while left < token.i and doc[left].idx < floor:
        left += 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl") and child.i > token.i:
            right = min(right, child.left_edge.i - 1)
            break
    while right > left and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "case"):
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
    while i < j and ((doc[i].is_punct and doc[i].text not in "\"“‘'") or doc[i].is_space):
        i += 1
    while j > i and ((doc[j].is_punct and doc[j].text not in "\"”’'") or doc[j].is_space):
        j -= 1
    return doc[i].idx, doc[j].idx + len(doc[j])


def complement_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in COMPLEMENTS:
            return child
    return None


# Prepositions a phrasal cue reaches across its object and adverbials: the topic of talk verbs ("spoke at the
# White House on Tuesday about rights"; Levin 1993, 37.5) and the predicate of "cast X as Y" (Levin 29.2
# characterize verbs, whose "as" phrase is the characterization).
FAR_PARTICLES = frozenset({("prep", "about"), ("prep", "as")})


def cue_extent(verb: Token, lexicon: CueLexicon) -> tuple[int, int, AttributionType | None]:
    """The cue's character range: the verb plus a particle or preposition that forms a phrasal cue."""
    for child in verb.rights:
        key = (verb.lemma_.lower(), child.lower_)
        # "put it" (PARC 3.0) read as a particle, the "back" of "shot back" as an adverb; the "about" of a topic
        # across adverbials ("spoke at the White House on Tuesday about rights"; Levin 1993, 37.5 talk verbs)
        near = child.dep_ in ("prt", "prep", "advmod") or (child.dep_, child.lower_) == ("dobj", "it")
        if key in lexicon.phrasal and ((near and child.i <= verb.i + 2) or (child.dep_, child.lower_) in FAR_PARTICLES):
            # "went on to say": the act it goes on to is part of the cue
            act = next((c for c in verb.rights if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"), None) \
                if key == ("go", "on") else None
            if key == ("go", "on") and act is None and not _speaking_on(verb, child):
                continue  # "the night went on", "went on the offensive": going on with something else
            return verb.idx, (act or child).idx + len(act or child), lexicon.phrasal[key]
    return verb.idx, verb.idx + len(verb), None


def _speaking_on(verb: Token, particle: Token) -> bool:
    """ "'...,' he went on", "went on about": going on speaking, after a quotation or with its topic."""
    doc = verb.doc
    after = doc[particle.i + 1] if particle.i + 1 < len(doc) else None
    return (after is not None and after.lower_ == "about") or any(t.is_quote for t in doc[max(0, verb.i - 4) : verb.i])


# Gerunds after these prepositions name an act someone is judged for ("criticised for saying", "known as
# saying", "quit from saying"); the judging verb is the attribution. After the others the act is not done
# or is a topic ("without saying", "talked into endorsing", "more than criticizing", "focus on attacking").
JUDGED_PREPOSITIONS = frozenset({"for", "as", "from", "without", "into", "than", "on", "about"})
# A gerund after these names an act as the topic, aim or manner of a noun or verb ("his policy of not attacking",
# "in hopes of persuading", "accused her of making remarks", "success at persuading", "leaning toward
# supporting", "a decision against labeling"): an act talked about or intended, not one the sentence reports
# (Quirk et al. 1985, 15.12 gerundive clauses as prepositional complements).
TOPIC_PREPOSITIONS = frozenset({"at", "against", "around", "toward", "towards", "within", "including", "past"})


# Verbs of perception: as a gerund after a preposition they name the act of perceiving ("after seeing the sign",
# "in hopes of seeing the duo"), not a view held (Levin 1993, 30.1 see verbs).
PERCEPTION = frozenset({"see", "hear", "watch", "notice", "witness"})


def topical_gerund(verb: Token) -> bool:
    """A gerund without a subject of its own after a preposition that makes it a topic or judged act ("footage
    of Trump talking about": the gerund has its own subject and reports him), or an act of perceiving."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "poss") for c in verb.children):
        return False
    return (verb.head.lower_ in JUDGED_PREPOSITIONS or verb.head.lower_ in TOPIC_PREPOSITIONS
            or verb.lemma_.lower() in PERCEPTION)


def _embedded(verb: Token, entry: CueEntry) -> bool:
    """A cue inside another attribution's content: only speech acts are reported there ("said she told"),
    beliefs and findings inside a clause are part of what is said."""
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in JUDGED_PREPOSITIONS:
        return True
    if topical_gerund(verb):
        return True
    if verb.dep_ == "ccomp" and verb.head.i > verb.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # a clause the parser hung on the one after it ("He thinks X; that's why ..."): a main clause
    if verb.dep_ == "ccomp":
        return verb.tag_ == "VBG" or entry.type != AttributionType.SPEECH
    return False


def _described_state(verb: Token, entry: CueEntry) -> bool:
    """A stance inside a noun phrase describes that noun rather than reporting the stance: in a progressive
    relative clause ("candidates who are seeking the nomination") or a free relative after a preposition
    ("in what he saw as a disaster")."""
    if entry.type != AttributionType.BELIEF:
        return False
    return (verb.tag_ == "VBG" and verb.dep_ == "relcl") or (verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ == "pcomp")


def misread_finite(verb: Token) -> bool:
    """A past tense the parser took for a participle describing a noun: after a parenthetical that separates it
    from its subject ("Murphy, the head of the PAC, tweeted ...", "De Blasio, speaking on WOR, called ...") or
    with a clause of its own ("A poll found last week that ..."). A reduced relative follows its noun directly
    ("the program, called EB-5") and is passive ("a letter signed by 200 members")."""
    if any(c.dep_ in ("agent", "auxpass") for c in verb.children) or verb.i < 2:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return verb.nbor(-1).text == "," and verb.nbor(-2).i != verb.head.i and verb.head.i < verb.i


def _finite(verb: Token) -> bool:
    """A tensed verb, a perfect ("has found"), "do" or a modal with a bare verb ("did not react", "will find") or
    a free adjunct sharing its clause's subject (", comparing him to Obama"): the act done by someone, not a
    participle describing a noun or an act ("a group finding", "on board with comparing")."""
    if verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VB" and _asserted_infinitive(verb)):
        return True
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _asserted_infinitive(verb: Token) -> bool:
    """A bare verb that still reports an act: with "do" ("did not say") or a modal in the main clause
    ("will discuss", "can say", "would call it"), a prediction or a stance the outlet puts to the source."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.lemma_ == "do" for c in auxiliaries):
        return True
    return verb.dep_ == "ROOT" and any(c.tag_ == "MD" for c in auxiliaries)


def _present_tense(verb: Token) -> bool:
    """A base form with a subject of its own and no auxiliary is a present tense the tagger read as an
    infinitive ("Democrats — and some Republicans — say that ...", "groups that endorsed him say ..."); after
    a causative or perception verb it is a bare infinitive ("let editorials tell them", "let's say";
    Quirk et al. 1985, 16.52)."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in BARE_INFINITIVE_HEADS:
        return False
    return verb.dep_ in ("ROOT", "ccomp", "conj") and any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ == "aux" for c in verb.children)


def _aspectual_infinitive(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASSERTING_HEADS


def is_cue_verb(verb: Token, entry: CueEntry, has_particle: bool) -> bool:
    if verb.pos_ not in ("VERB",) or verb.dep_ in ("amod", "compound", "nmod"):
        return False
    if verb.tag_ == "VBZ" and verb.dep_ in ("pobj", "dobj"):
        return False  # a plural noun the tagger read as a verb ("his afternoon remarks", "in Super Tuesday states")
    # The bare infinitive ("to say", "will tell", "wants to see") is mostly a hypothetical or intended act,
    # not an attributed statement ("did not say" is one); a participle modifying a noun is an adjective.
    if verb.tag_ == "VB" and not (_asserted_infinitive(verb) or _aspectual_infinitive(verb) or _present_tense(verb)):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not misread_finite(verb):
        return False
    if entry.needs_particle and not has_particle:
        return False
    if entry.objectless and _direct_object(verb):
        return False
    if entry.finite and not _finite(verb):
        return False
    if _embedded(verb, entry) or _described_state(verb, entry):
        return False
    if verb.lemma_.lower() in ASPECTUAL and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if verb.lemma_.lower() in BALLOT_VERBS:
        return has_particle or any(c.dep_ in COMPLEMENTS for c in verb.children) or _sided(verb)
    if not entry.needs_complement:
        return True
    if entry.needs_clause:
        return any(c.dep_ == "ccomp" for c in verb.children)
    if entry.type == AttributionType.EVIDENCE and any(c.dep_ == "dobj" and c.lower_ in MANNER_OBJECTS for c in verb.children):
        return any(c.dep_ in COMPLEMENTS for c in verb.children)
    # in the passive the object is the subject ("Pigs are considered unclean", "he was backed by 6 in 10")
    return any(c.dep_ in COMPLEMENTS or c.dep_ in ("dobj", "nsubjpass") for c in verb.children) or _elided_complement(verb)


# Taking part in a ballot ("Democrats vote in Arizona", "603,000 people voted") is no stance; what was voted for
# is ("voted to ban", "voted in favor", "voted 19-15"; FrameNet Taking_sides; "voted for" is a phrasal cue).
BALLOT_VERBS = frozenset({"vote"})
TALLY = re.compile(r"^\d+\s*(?:-|–|to)\s*\d+$")


def _sided(verb: Token) -> bool:
    """A side taken: "in favor (of)", or a tally that tells there were sides ("voted 19-15", "5 to 4")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in" and any(c.lemma_.lower() in ("favor", "favour") for c in child.children):
            return True
        if child.dep_ == "npadvmod" and TALLY.search(verb.doc[child.left_edge.i : child.right_edge.i + 1].text):
            return True
    return False


def _direct_object(verb: Token) -> bool:
    """An object or "to" phrase right after the verb, with no comma or quotation mark between: "added 1 million
    jobs", "adding to her lead" (Levin 1993, 22.1 mix verbs), not the quotation of '..., adding, "Hillary ..."'."""
    doc = verb.doc
    for child in verb.rights:
        if child.dep_ == "dobj" and child.lemma_.lower() in SPOKEN_OBJECTS:
            return False  # what is said, named: "added the words", "added a note of caution"
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ == "to"):
            return not any(t.is_punct or t.is_quote for t in doc[verb.i + 1 : child.left_edge.i])
    return False


def _elided_complement(verb: Token) -> bool:
    """A finite attitude verb with its subject states the attitude though the complement is left out ("more
    than insiders expected", "as she had hoped"): null complement anaphora (Hankamer & Sag 1976), the
    complement understood from the context. A bare or non-finite form stays a mere mention."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return (verb.tag_ in ("VBD", "VBZ", "VBP") or perfect) and any(c.dep_ == "nsubj" for c in verb.children)
