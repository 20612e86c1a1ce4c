"""Parse checks that decide whether a lexicon cue is used as a hedge in this sentence: adverbs, adjectives,
verbs of seeming and evidence, vague quantifiers; the table of every check by the name `hedges.tsv` uses.

Each check takes the matched token and returns the tokens the hedge covers (first, last), or None when the
parse shows another use. Modals live in `hedge_modal`, vague sources and agentless passives in `hedge_sources`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Token

from builder.analysis.hedge_base import PERSONAL_PRONOUNS, Check, Extent, HedgeWords, previous
from builder.analysis.hedge_modal import modal
from builder.analysis.hedge_sources import agentless, passive, weasel


def word(token: Token, words: HedgeWords) -> Extent:
    return None if token.pos_ == "PROPN" else (token, token)


def attributive(token: Token, words: HedgeWords) -> Extent:
    if token.dep_ not in {"amod", "compound", "nmod"} or token.head.i < token.i:
        return None
    if token.head.pos_ not in {"NOUN", "PROPN"} or previous(token) in {"all", "every", "total"}:
        return None  # "all possible means": the range of options, not doubt
    return token, token


def predicate(token: Token, words: HedgeWords) -> Extent:
    if token.dep_ == "amod" or previous(token) in {"as", "if", "where", "whenever", "wherever", "when", "not"}:
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


def _quantity_follows(token: Token, words: HedgeWords) -> bool:
    following = [t for t in token.doc[token.i + 1: token.i + 4] if t.tag_ != "$" and t.lower_ != "some"]
    if not following:
        return False
    first = following[0]
    if first.like_num or first.lower_ in words.quantity:
        return True
    return first.lower_ in {"a", "an"} and len(following) > 1 and following[1].lemma_.lower() in words.measure


def _multiplier(token: Token, words: HedgeWords) -> bool:
    """ "several hundred", "many thousands": a vague multiplier of a round number gives the order of magnitude, a
    rounded figure like "some 300" (left out: hedges.tsv, approximators of quantity)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (following.tag_ == "CD" or following.lower_ in words.quantity - {"all", "every"})


def _noun_group(token: Token) -> Token:
    """The head of the noun group a determiner or adjective belongs to."""
    return token.head if token.dep_ in {"det", "amod", "nummod"} else token


def _plural_next(noun: Token) -> bool:
    """A singular noun right before a plural one modifies it, whatever the parse: "some gameplay modes"."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.tag_ == "NNS"


def _equative(token: Token) -> bool:
    """ "as many ... as": the second "as" follows the quantifier or hangs on the noun it counts."""
    if previous(token) != "as" or token.i + 1 >= len(token.doc):
        return False
    noun = token.head if token.dep_ in {"amod", "det"} else token
    return token.doc[token.i + 1].lower_ == "as" or any(c.lower_ == "as" and c.i > token.i for c in noun.children)


def quantifier(token: Token, words: HedgeWords) -> Extent:
    before = previous(token)
    if token.pos_ not in {"DET", "ADJ", "PRON", "NOUN"} or before in {"how", "at", "-"}:
        return None
    if before == "the" and token.lower_ not in {"many", "several", "numerous", "countless"}:
        return None  # "the most", "the certain knowledge"; "the many critics" still leaves the count vague
    if _equative(token) or (token.lower_ == "some" and _quantity_follows(token, words)) or _multiplier(token, words):
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


CHECKS: Mapping[str, Check] = MappingProxyType({
    "modal": modal, "word": word, "attributive": attributive, "predicate": predicate, "raising": raising,
    "evidential": evidential, "passive": passive, "agentless": agentless,
    "quantifier": quantifier, "weasel": weasel,
})
