"""Parse checks that decide whether a lexicon cue is used as a hedge in this sentence.

Each check takes the matched token and returns the tokens the hedge covers (first, last), or None when the
parse shows another use: "May" the month, "talk about the plan", "could not open", "appeared in a film".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Token

Extent = tuple[Token, Token] | None
PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who"})


@dataclass(frozen=True)
class HedgeWords:
    """Word classes from `hedges_words.tsv` that the checks consult."""

    speech: frozenset[str]  # verbs of saying, thinking, showing
    specific: frozenset[str]  # definite and possessive determiners
    quantity: frozenset[str]  # "half", "all", "dozens"
    measure: frozenset[str]  # "a third", "a year"
    narrative: frozenset[str]  # "later", "often": "would" of the narrative past
    renown: frozenset[str]  # "known", "famous", "popular"
    tentative: frozenset[str]  # verbs "would" softens: "would seem", "would suggest"
    holder: frozenset[str]  # people whose business is views: "many critics", "some scholars"
    group: frozenset[str]  # other people and groups: "many residents believe", but "several people died"
    claim: frozenset[str]  # nouns for claims and their sources: "some accounts", "several studies"
    stative: frozenset[str]  # verbs of state: "may be", "may have" (possession) lean epistemic
    relational: frozenset[str]  # people named by what they judge: "Buchanan's critics" are still unnamed
    fame: frozenset[str]  # public esteem: "extremely popular" implies unnamed judges


Check = Callable[[Token, HedgeWords], Extent]


def _previous(token: Token) -> str:
    return token.doc[token.i - 1].lower_ if token.i > token.sent.start else ""


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _past_narrative(verb: Token, words: HedgeWords) -> bool:
    """The modal sits in a past-tense narration ("she could swim"), not in reported words ("said it could fail")."""
    clause = verb
    while clause.dep_ in {"conj", "relcl", "advcl", "xcomp"}:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_ in words.speech:
        return False
    return any(t.tag_ == "VBD" for t in verb.sent)


def _subject(verb: Token) -> Token | None:
    """The subject, also through coordination ("... and may cause")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if subjects or verb.dep_ != "conj":
            return subjects[0] if subjects else None
        verb = verb.head


def _generic(subject: Token | None, words: HedgeWords) -> bool:
    """A bare plural or an indefinite ("patients", "a visitor"): the statement is about any member of a kind."""
    if subject is None or subject.pos_ != "NOUN":
        return False
    return not any(c.lower_ in words.specific or c.dep_ == "poss" or c.pos_ == "PROPN" for c in subject.subtree
                   if c is not subject)


def _dynamic(verb: Token, words: HedgeWords) -> bool:
    """An action, not a state: "may cause", but "may be", "may have been", "may be involved", "may be leaving"."""
    if verb.lemma_ in words.stative:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} and c.lemma_ in {"be", "have"} for c in verb.children)


def _specific(subject: Token | None, words: HedgeWords) -> bool:
    """A subject that picks out a particular referent: a name, a person, a pronoun (it points back to one), a
    definite, possessive or named noun group ("the talks", "Clinton's proposals", "U.S. involvement")."""
    if subject is None:
        return False
    if subject.pos_ == "PROPN" or subject.tag_ in {"PRP", "DT"} or subject.lemma_ in words.holder | words.group:
        return True
    modifiers = [t for c in subject.children if c.dep_ not in {"relcl", "acl"} for t in c.subtree]
    return any((t.dep_ in {"det", "poss"} and t.lower_ in words.specific) or t.pos_ == "PROPN" for t in modifiers)


def _root_possibility(modal: Token, verb: Token, subject: Token | None, words: HedgeWords) -> bool:
    """An action with no particular agent ("strategies that may lead to", "what could cause"): what can happen,
    like "can" (Coates 1983: root possibility goes with dynamic verbs and non-specific subjects). "could" and
    "might" with a noun subject ("regulators could act") predict, as news uses them: left as hedges."""
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        subject = verb.head  # "strategies that may lead": the relative pronoun stands for its antecedent
    elif modal.lower_ != "may" and subject is not None and subject.pos_ == "NOUN":
        return False
    return _dynamic(verb, words) and not _specific(subject, words)


def _conditional(verb: Token) -> bool:
    """The modal's clause is the consequence of a condition ("if placed on a wall, the user could crawl"): the
    possibility is claimed under a hypothesis the writer sets up, not doubted (as for "would collapse if")."""
    return any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in verb.children)


def _tentative(verb: Token, perfect: bool, words: HedgeWords) -> bool:
    """ "would" that softens a claim ("this would explain", "it would have been"), not a conditional's consequence
    ("would collapse if"), a reported future ("said it would") or a habit ("would often play")."""
    if _conditional(verb):
        return False
    if any(c.lower_ in words.narrative for c in verb.children):
        return False
    return perfect or verb.lemma_ in words.tentative


def modal(token: Token, words: HedgeWords) -> Extent:
    if token.tag_ != "MD":
        return None  # "May 5", "Theresa May", "with all his might"
    verb = token.head
    subject = _subject(verb)
    if verb is token or (token.lower_ == "may" and subject is not None and subject.i > token.i):
        return None  # "if I may", "May I ask": asking permission, not doubting
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    if token.lower_ == "may" and not perfect and _generic(subject, words):
        return None  # "visitors may enter", "patients may feel dizzy": permission or what can happen, no doubt
    if token.lower_ in {"may", "might", "could"} and _root_possibility(token, verb, subject, words):
        return None  # "it may also serve as", "what could cause": what can happen in general, no doubt
    if token.lower_ == "could" and not perfect and (_negated(verb) or _past_narrative(verb, words)):
        return None  # "could not open the door", "she could swim": (in)ability, no doubt
    if token.lower_ in {"could", "might"} and not perfect and _conditional(verb):
        return None  # "if placed on a wall, the user could crawl through": what the hypothesis allows
    if token.lower_ == "would" and not _tentative(verb, perfect, words):
        return None
    return token, token


def word(token: Token, words: HedgeWords) -> Extent:
    return None if token.pos_ == "PROPN" else (token, token)


def attributive(token: Token, words: HedgeWords) -> Extent:
    if token.dep_ not in {"amod", "compound", "nmod"} or token.head.i < token.i:
        return None
    if token.head.pos_ not in {"NOUN", "PROPN"} or _previous(token) in {"all", "every", "total"}:
        return None  # "all possible means": the range of options, not doubt
    return token, token


def predicate(token: Token, words: HedgeWords) -> Extent:
    if token.dep_ == "amod" or _previous(token) in {"as", "if", "where", "whenever", "wherever", "when", "not"}:
        return None  # "as soon as possible", "where possible"
    if _comparative_tendency(token):
        return None  # "a species is more likely to practise": a comparison of tendencies, not doubt
    if token.lower_ == "unknown" and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        return None  # "remained unknown to scholars": who lacked the knowledge, which the writer has
    if token.lower_ == "possible" and token.head.lemma_ in {"make", "render"}:
        return None  # "made possible"
    if token.lower_ == "possible" and not any(c.dep_ == "ccomp" for c in (*token.children, *token.head.children)):
        return None  # "it was possible to cross", "evenings would not be possible": ability; "possible that" doubts
    return token, token


def _comparative_tendency(token: Token) -> bool:
    """ "more likely to", "the less likely": how the chance varies across cases (a tendency), unlike "more likely
    that" or "most likely", which weigh one claim."""
    graded = any(c.lower_ in {"more", "less"} and c.dep_ == "advmod" for c in token.children)
    return graded and not any(c.dep_ == "ccomp" for c in (*token.children, *token.head.children))


def raising(token: Token, words: HedgeWords) -> Extent:
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    complements = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "acomp", "attr", "oprd"}]
    if token.lemma_ == "tend" and any(t.tag_ in {"JJR", "RBR"} for c in complements for t in c.subtree):
        return None  # "tends to use more elbow strikes than": a tendency compared across kinds, as "more likely to"
    return (token, token) if token.lemma_ == "seem" or complements else None


def _animate(subject: Token) -> bool:
    return subject.lower_ in PERSONAL_PRONOUNS or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}


def evidential(token: Token, words: HedgeWords) -> Extent:
    if token.pos_ != "VERB":
        return None
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
    if any(c.dep_ == "ccomp" for c in token.children) or (subjects and not _animate(subjects[0])):
        return token, token
    return None


def _vague_agent(verb: Token, words: HedgeWords) -> bool | None:
    """True for "by many", False for "by Reuters", None when there is no agent."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        return bool(objects) and all(vague_group(o, words) for o in objects)
    return None


def agentless(token: Token, words: HedgeWords) -> Extent:
    """A passive that leaves out who acts: "has been criticized", "is disputed" (by whom?)."""
    if token.tag_ != "VBN":
        return None
    auxiliaries = [c for c in token.children if c.dep_ in {"auxpass", "aux"} and c.i < token.i]
    is_passive = any(c.dep_ == "auxpass" for c in token.children)
    reduced = token.dep_ == "acl" and any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "as")
                                          for c in token.children)
    if not (is_passive or reduced) or _vague_agent(token, words) is False or _stipulated(token):
        return None
    return (auxiliaries[0] if auxiliaries else token), token


def _stipulated(verb: Token) -> bool:
    """A rule or definition, not a view held by unnamed people: "is considered guilty if", "is said to be prime
    if" ("when" is left out: "the era when" is often parsed as a condition)."""
    return any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def passive(token: Token, words: HedgeWords) -> Extent:
    """An agentless passive of saying or thinking with the claim as complement: "is said to be", "it is believed
    that", "is regarded as"; not "nothing is said about syntax"."""
    extent = agentless(token, words)
    if extent is None:
        return None
    complement = any(c.dep_ in {"xcomp", "ccomp", "oprd", "acomp", "attr"} or (c.dep_ == "prep" and c.lower_ == "as")
                     for c in token.children)
    expletive = any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in token.children)
    return extent if complement or expletive else None


def _quantity_follows(token: Token, words: HedgeWords) -> bool:
    following = [t for t in token.doc[token.i + 1: token.i + 4] if t.tag_ != "$" and t.lower_ != "some"]
    if not following:
        return False
    first = following[0]
    if first.like_num or first.lower_ in words.quantity:
        return True
    return first.lower_ in {"a", "an"} and len(following) > 1 and following[1].lemma_.lower() in words.measure


def _noun_group(token: Token) -> Token:
    """The head of the noun group a determiner or adjective belongs to."""
    return token.head if token.dep_ in {"det", "amod", "nummod"} else token


def _plural_next(noun: Token) -> bool:
    """A singular noun right before a plural one modifies it, whatever the parse: "some gameplay modes"."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.tag_ == "NNS"


def _equative(token: Token) -> bool:
    """ "as many ... as": the second "as" follows the quantifier or hangs on the noun it counts."""
    if _previous(token) != "as" or token.i + 1 >= len(token.doc):
        return False
    noun = token.head if token.dep_ in {"amod", "det"} else token
    return token.doc[token.i + 1].lower_ == "as" or any(c.lower_ == "as" and c.i > token.i for c in noun.children)


def quantifier(token: Token, words: HedgeWords) -> Extent:
    previous = _previous(token)
    if token.pos_ not in {"DET", "ADJ", "PRON", "NOUN"} or previous in {"how", "at", "-"}:
        return None
    if previous == "the" and token.lower_ not in {"many", "several", "numerous", "countless"}:
        return None  # "the most", "the certain knowledge"; "the many critics" still leaves the count vague
    if _equative(token) or (token.lower_ == "some" and _quantity_follows(token, words)):
        return None  # "as many as 300", "some 40 soldiers": a figure is given, only rounded (hedges.tsv)
    if token.lower_ == "some" and token.dep_ == "det" and token.head.tag_ in {"NN", "NNP"} and not _plural_next(token.head):
        head = token.head
        if head.lemma_ in words.speech:
            return token, head  # "some claim that ...", misparsed as a noun group: a weasel all the same
        if head.lemma_ not in {"kind", "sort", "type", "form"}:
            return None  # "some dialogue", "for some reason": an amount or an unidentified one, not a vague group
    if token.lower_ == "most" and (token.tag_ == "RBS" or _noun_group(token).dep_ not in {"nsubj", "nsubjpass"}):
        return None  # "most famous" is a superlative; "most" hedges as a generalization about a group's members
    if token.lower_ == "certain" and token.dep_ in {"acomp", "attr", "conj"}:
        return None  # "it is certain" asserts, it does not hedge
    return token, token


def vague_group(noun: Token, words: HedgeWords) -> bool:
    """A collective noun group that names nobody: "experts", "some analysts", not "Harvard experts". The possessor
    of a relational noun is what the people judge, not who they are: "Buchanan's critics" names nobody."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG"}:
        return False
    relational = noun.lemma_.lower() in words.relational
    for child in noun.children:
        if relational and child.dep_ in {"poss", "case"}:
            continue
        if child.dep_ in {"det", "poss", "case"} and child.lower_ in words.specific:
            return False
        if child.dep_ in {"compound", "appos", "poss"} and child.pos_ == "PROPN":
            return False
        named_origin = child.dep_ == "acl" or (child.dep_ == "prep" and child.lower_ in {"at", "from", "with", "for"})
        if named_origin and any(t.pos_ == "PROPN" for t in child.subtree):
            return False  # "experts at Harvard", "data from the ministry": a named origin
    return True


def topic_only(verb: Token) -> bool:
    """ "others are thinking about her", "critics talk about the film": a topic, no claim voiced ("spoke of a
    betrayal" can voice one, so only "about")."""
    topic = any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)
    return topic and not any(c.dep_ in {"ccomp", "xcomp", "dobj", "oprd"} for c in verb.children)


def weasel(token: Token, words: HedgeWords) -> Extent:
    subject = token.dep_ in {"nsubj", "nsubjpass"}
    if (token.pos_ not in {"NOUN", "PRON"} and not subject) or not vague_group(token, words):
        return None
    head = token.head
    if subject and head.lemma_ in words.speech and not topic_only(head):
        first = min(token.subtree, key=lambda t: t.i)
        return (first, head) if 0 < head.i - token.i <= 3 else (first, token)
    clauses = [c for c in token.children if c.dep_ == "relcl" and c.lemma_ in words.speech]
    if token.dep_ in {"attr", "dobj"} and clauses and clauses[0].i - token.i <= 3:
        return token, clauses[0]  # "there are scholars who believe"
    if token.dep_ == "pobj" and head.lower_ == "to" and _previous(head) == "according":
        return head.doc[head.i - 1], max(token.subtree, key=lambda t: t.i)
    return None


CHECKS: Mapping[str, Check] = MappingProxyType({
    "modal": modal, "word": word, "attributive": attributive, "predicate": predicate, "raising": raising,
    "evidential": evidential, "passive": passive, "agentless": agentless,
    "quantifier": quantifier, "weasel": weasel,
})
