"""Modal auxiliaries (may, might, could, would): epistemic possibility, or root uses that do not hedge.

"it may rain" doubts; "visitors may enter" permits, "she could swim" tells ability, "would collapse if" states
a consequence, "said it would" reports a future: the checks below read the parse to tell them apart.

Tested and left as they are on CoNLL-2010 Wikipedia dev (uncertain-class F1 on even / odd ids, 0.8486 / 0.8538):
leaving out "may" before a passive ("may be obtained", "may also be expressed": a procedure one can follow)
0.8438 / 0.8527; leaving out "may" altogether 0.8369 / 0.8470. Where "may" is a sentence's only cue the sentence
is uncertain about 6 times in 10, well above the F1 / 2 a cue must beat, and no parse feature tested (the subject's
kind, verb class, "also", the clause's place) splits its uses into a part below that.
"""

from __future__ import annotations

from spacy.tokens import Token

from builder.analysis.hedge_base import Extent, HedgeWords, negated


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
    if token.lower_ == "could" and not perfect and (negated(verb) or _past_narrative(verb, words)):
        return None  # "could not open the door", "she could swim": (in)ability, no doubt
    if token.lower_ in {"could", "might"} and not perfect and _conditional(verb):
        return None  # "if placed on a wall, the user could crawl through": what the hypothesis allows
    if token.lower_ == "would" and not _tentative(verb, perfect, words):
        return None
    return token, token
