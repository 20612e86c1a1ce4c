"""What the hedge checks share: the word classes they consult, the shape of a check, small parse helpers.

A check takes the matched token and returns the tokens the hedge covers (first, last), or None when the parse
shows another use: "May" the month, "talk about the plan", "could not open", "appeared in a film".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


def previous(token: Token) -> str:
    """The word before, within the sentence ("" at its start)."""
    return token.doc[token.i - 1].lower_ if token.i > token.sent.start else ""


def negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)
