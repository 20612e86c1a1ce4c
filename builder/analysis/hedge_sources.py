"""Vague sources: unnamed groups voicing a claim ("critics say", "according to some data") and passives that
leave out who acts ("is said to be", "has been criticized")."""

from __future__ import annotations

from spacy.tokens import Token

from builder.analysis.hedge_base import Extent, HedgeWords, previous


def _vague_agent(verb: Token, words: HedgeWords) -> bool | None:
    """True for "by many", False for "by Reuters", None when there is no agent."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        return bool(objects) and all(vague_group(o, words) for o in objects)
    return None


def reduced(token: Token) -> bool:
    """A participle clause with no auxiliary, passive by its form: "a sculptor, considered the finest of his age",
    "regarded as a classic, the book ...". Its object is what the noun is held to be, not one acted on."""
    if token.dep_ not in {"acl", "advcl"} or any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return False
    return any(c.dep_ in {"xcomp", "oprd", "dobj"} or (c.dep_ == "prep" and c.lower_ == "as") for c in token.children)


def agentless(token: Token, words: HedgeWords) -> Extent:
    """A passive that leaves out who acts: "has been criticized", "is disputed" (by whom?)."""
    if token.tag_ != "VBN" and not (token.tag_ == "VBD" and token.dep_ == "acl"):
        return None  # a finite past cannot modify a noun: an acl "considered" is a participle the tagger missed
    auxiliaries = [c for c in token.children if c.dep_ in {"auxpass", "aux"} and c.i < token.i]
    is_passive = any(c.dep_ == "auxpass" for c in token.children)
    if not (is_passive or reduced(token)) or _vague_agent(token, words) is False or _stipulated(token):
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
    complement = reduced(token) or any(c.dep_ in {"xcomp", "ccomp", "oprd", "acomp", "attr"}
                                       or (c.dep_ == "prep" and c.lower_ == "as") for c in token.children)
    expletive = any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in token.children)
    return extent if complement or expletive else None


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
    if token.dep_ == "pobj" and head.lower_ == "to" and previous(head) == "according":
        return head.doc[head.i - 1], max(token.subtree, key=lambda t: t.i)
    return None
