"""Context checks: what a vague quantifier counts, rankings and praise without a judge, first-person opinion.

"Many critics", "some scholars", "several sources" generalise about unnamed people or claims: a weasel
(vague attribution). "Several albums", "many of his songs", "for many years" leave a count vague: an
approximator. Both are uncertain to a reader (the CoNLL-2010 Wikipedia annotation marks both), but only the
first hides who holds a view, which is what the framing pages compare.

"One of the most influential", "among the finest": a ranking that nobody is said to have made (Wikipedia
"Words to watch": puffery and weasel). There is no peacock hedge type (builder/models.py), so the lexicon
maps it to vague_attribution: the ranking implies unnamed judges. So do graded praise ("best known", "most
famous") and fame graded up ("extremely popular": a peacock term in Vincze 2013).

Contexts that might seem to make a vague count precise were tested for leaving out, and each lost on both
halves of CoNLL-2010 Wikipedia dev (uncertain-class F1 on even / odd ids, 0.8486 / 0.8538 before): a partitive
of a definite set ("many of his songs") 0.8289 / 0.8295; an existential ("there are many") 0.8449 / 0.8444;
members named after the count ("several, including") 0.8460 / 0.8501; a measure noun counted ("several
weeks", "for many years") 0.8429 / 0.8516. The annotators mark the vague quantity in all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Token

from builder.analysis.hedge_base import Check, Extent, HedgeWords
from builder.analysis.hedge_rules import quantifier
from builder.analysis.hedge_sources import agentless, topic_only


def quantified(token: Token) -> Token | None:
    """The noun a quantifier generalises over ("many critics"), or None: a partitive counts members of a known
    set ("many of his songs", "many of them were killed") and a lone quantifier counts ("many were killed")."""
    if token.dep_ in {"det", "amod", "nummod", "quantmod"} and token.head.i > token.i:
        return token.head
    return None


def _claim_frame(noun: Token, words: HedgeWords) -> bool:
    """The people hold or voice a view: "many residents believe", "seen by many people as", "those who say"."""
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_ in words.speech:
        return not topic_only(noun.head)
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.lemma_ in words.speech:
        return True
    return any(c.dep_ == "relcl" and c.lemma_ in words.speech for c in noun.children)


def about_people(token: Token, words: HedgeWords) -> bool:
    """The quantifier generalises about the holders of a view ("some scholars", "many residents believe") or
    about claims ("many accounts"); a count of people ("several people died") is a vague count."""
    noun = quantified(token)
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    if lemma in words.holder or lemma in words.claim:
        return True
    # Agent nouns of belonging and belief: "Marxists", "Christians", "theologians".
    person = lemma in words.group or noun.ent_type_ == "NORP" or (noun.tag_ == "NNS" and lemma.endswith(("ist", "ian")))
    return person and _claim_frame(noun, words)


def group_quantifier(token: Token, words: HedgeWords) -> Extent:
    if not about_people(token, words):
        return None
    previous = token.doc[token.i - 1].lower_ if token.i > token.sent.start else ""
    if token.lower_ == "most" and token.tag_ == "JJS" and previous not in {"the", "at"}:
        return token, token  # "used by most researchers": a generalisation about people wherever it stands
    return quantifier(token, words)


def count_quantifier(token: Token, words: HedgeWords) -> Extent:
    extent = quantifier(token, words)
    return extent if extent is not None and not about_people(token, words) else None


def _determiner_end(doc: Doc, i: int) -> int | None:
    """Where the definite determiner at `i` ends: "the", "his", "Europe's" (a possessor: as definite as "the")."""
    if i >= len(doc):
        return None
    if doc[i].lower_ == "the" or doc[i].tag_ == "PRP$":
        return i + 1
    if i + 1 < len(doc) and doc[i].pos_ in {"PROPN", "NOUN"} and doc[i + 1].tag_ == "POS":
        return i + 2
    return None


def _superlative_after(token: Token, opening: tuple[str, ...]) -> Token | None:
    """The graded word after `opening` ("of") and a definite determiner ("the", "his", "nature's"): "finest", or
    the adjective of "most influential"."""
    doc = token.doc
    after = token.i + 1 + len(opening)
    start = _determiner_end(doc, after) if tuple(t.lower_ for t in doc[token.i + 1: after]) == opening else None
    end = min(start + 2, token.sent.end) if start is not None else 0
    if start is None or start >= end:
        return None
    graded = doc[start]
    if graded.tag_ == "JJS":
        return graded
    following = doc[start + 1] if start + 1 < end else None
    if graded.tag_ == "RBS" and following is not None and following.pos_ in {"ADJ", "ADV", "VERB"}:
        return following
    return None


def ranking(token: Token, words: HedgeWords) -> Extent:
    """A ranking among peers with no judge: "one of the greatest", "among the most beautiful"."""
    opening = ("of",) if token.lower_ == "one" else ()
    graded = _superlative_after(token, opening)
    return (token, graded) if graded is not None else None


def epistemic_noun(token: Token, words: HedgeWords) -> Extent:
    """ "the possibility that", "a likelihood of": a noun weighing a claim; not a term naming a field
    ("probability theory")."""
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return None
    return token, token


def impersonal(token: Token, words: HedgeWords) -> Extent:
    """ "it is known that": knowledge claimed for nobody in particular; "is known as" only names a thing."""
    expletive = any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in token.children)
    clause = any(c.dep_ == "ccomp" for c in token.children)
    return agentless(token, words) if expletive and clause else None


def _next_word(token: Token) -> Token | None:
    """The next token in the sentence, skipping a hyphen ("best-known"); walks tokens, as `token.sent` is slow."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 3, len(doc))):
        if doc[i].is_sent_start:
            return None
        if doc[i].text != "-":
            return doc[i]
    return None


def renown(token: Token, words: HedgeWords) -> Extent:
    """An evaluation graded without saying by whom: "best known", "most famous", "one of the most popular"."""
    nxt = _next_word(token)
    if nxt is None or nxt.pos_ not in {"ADJ", "VERB", "ADV"}:
        return None
    if nxt.lower_ in words.renown:
        return token, nxt
    opening = token.doc[max(token.sent.start, token.i - 3): token.i]
    if [t.lower_ for t in opening] == ["one", "of", "the"]:
        return opening[0], nxt
    return None


def intensified(token: Token, words: HedgeWords) -> Extent:
    """ "extremely popular", "hugely influential": fame graded up implies a judging public that is not named
    (Vincze 2013: peacock). "very effective", "very important" only grade the speaker's own evaluation."""
    graded = _next_word(token)
    return (token, graded) if graded is not None and graded.lower_ in words.fame else None


def first_person(token: Token, words: HedgeWords) -> Extent:
    """ "I think", "I suspect that": the speaker marks a claim as their own guess (Hyland 1998: hedging through
    personal attribution); "he thinks" reports someone else's view, "I think of her" is no claim, and the
    institutional "we believe" declares a conviction rather than a guess."""
    if token.pos_ != "VERB" or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lemma_ == "do") for c in token.children):
        return None  # "I don't think" commits to the opposite, emphatic "I do think" insists: neither hedges
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ == "i"]
    if not subjects or not any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
        return None
    return (subjects[0], token) if subjects[0].i < token.i else (token, subjects[0])


def interrogative(token: Token, words: HedgeWords) -> Extent:
    """ "whether" opening an open question ("it is unclear whether", "asked whether"); not the concessive
    "whether or not he runs", "citizens, whether rich or poor", which says the alternatives do not matter."""
    following = _next_word(token)
    if (following is not None and following.lower_ == "or") or token.head.dep_ in {"advcl", "amod", "appos"}:
        return None
    return token, token


CONTEXT_CHECKS: Mapping[str, Check] = MappingProxyType({
    "group_quantifier": group_quantifier, "count_quantifier": count_quantifier, "ranking": ranking,
    "epistemic_noun": epistemic_noun, "impersonal": impersonal, "first_person": first_person,
    "renown": renown, "interrogative": interrogative, "intensified": intensified,
})
