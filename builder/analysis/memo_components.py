"""Memoised stand-ins for spaCy's `attribute_ruler` and `lemmatizer`: the same output, a fifth of the cost.

Both components spend their time in per-token Python (a `Span` and an attribute write per rule match, a
method call per lemma), although what they compute depends on a handful of token attributes only:
- an attribute-ruler rule of one token looks at that token's TAG, LOWER, DEP and IS_SPACE, so its effect is a
  function of (tag, lower, dep); the few rules of two tokens ("gon na", "let 's") run as a small matcher;
- a rule lemma is a function of (orth, pos, morph).
So each distinct key is worked out once, by the original component's own rules, and the result is written
back for whole documents at a time through `Doc.from_array`. `tests/test_memo_components.py` checks that
every token attribute comes out identical to the original components on a corpus of real articles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG  # type: ignore[import-not-found]  # compiled
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Rule = tuple[int, dict[Any, Any]]  # (rule number: later rules win, normalised attributes)
Key = tuple[int, int, int]  # (TAG, LOWER, DEP) hashes


# What the single-token rules do to a token with a given key: the matching rules in order, and their combined
# effect on POS / MORPH / LEMMA (None when a rule also sets TAG or DEP: those tokens get the rules one by one).
Effect = tuple[tuple[Rule, ...], tuple[int, int, int] | None]


class MemoAttributeRuler:
    """Applies an `AttributeRuler`'s patterns with the effect of each (tag, lower, dep) memoised."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single = Matcher(self.vocab)
        self.multi = Matcher(self.vocab)
        self.rules: list[Rule] = [(number, attrs) for number, attrs in enumerate(ruler.attrs)]
        self.memo: dict[Key, Effect] = {}
        for number, entry in enumerate(ruler.patterns):
            for pattern in cast(list[list[dict[str, Any]]], entry["patterns"]):
                one_token = len(pattern) == 1 and "OP" not in pattern[0]
                (self.single if one_token else self.multi).add(str(number), [pattern])
        self.indices = list(ruler.indices)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array([TAG, LOWER, DEP])
        first, inverse = distinct_rows(keys)
        distinct: list[Key] = [(t, lw, d) for t, lw, d in keys[first].tolist()]
        self._learn(set(distinct))
        effects = numpy.zeros((len(distinct), 3), dtype="uint64")
        rule_by_rule = numpy.zeros(len(distinct), dtype=bool)
        for row, key in enumerate(distinct):
            effect = self.memo[key][1]
            if effect is None:
                rule_by_rule[row] = True
            else:
                effects[row] = effect
        before = doc.to_array([POS, MORPH, LEMMA])
        token_effects = effects[inverse]
        cast(Any, doc).from_array([POS, MORPH, LEMMA], numpy.where(token_effects != 0, token_effects, before))
        multi_hits = self._multi_matches(doc)
        for i in sorted(set(numpy.flatnonzero(rule_by_rule[inverse]).tolist()) | set(multi_hits)):
            token = doc[i]
            if i in multi_hits:  # start again from the tagger's output, then every rule in order
                token.pos, token.lemma = int(before[i, 0]), int(before[i, 2])
                cast(Any, token).set_morph(int(before[i, 1]))
            rules = self.memo[distinct[inverse[i]]][0]
            for _, attrs in sorted(rules + tuple(multi_hits.get(i, ()))):
                set_token_attrs(token, attrs)
        return doc

    def _multi_matches(self, doc: Doc) -> dict[int, list[Rule]]:
        hits: dict[int, list[Rule]] = {}
        for match_id, start, end in self.multi(doc):
            number = int(self.vocab.strings[match_id])
            index = self.indices[number]
            target = (start if index >= 0 else end) + index
            hits.setdefault(target, []).append(self.rules[number])
        return hits

    def _learn(self, keys: set[Key]) -> None:
        """Works out the rules for unseen keys on one synthetic document of one token per key."""
        new = sorted(k for k in keys if k not in self.memo)
        if not new:
            return
        strings = self.vocab.strings
        words = [strings[lower] for _, lower, _ in new]
        probe = Doc(self.vocab, words=words, spaces=[False] * len(words))
        cast(Any, probe).from_array([TAG, DEP], numpy.array([[tag, dep] for tag, _, dep in new], dtype="uint64"))
        found: dict[int, list[Rule]] = {}
        for match_id, start, _ in self.single(probe):
            found.setdefault(start, []).append(self.rules[int(strings[match_id])])
        for position, key in enumerate(new):
            rules = tuple(sorted(found.get(position, [])))
            self.memo[key] = (rules, self._effect(probe[position], rules))

    @staticmethod
    def _effect(token: Token, rules: tuple[Rule, ...]) -> tuple[int, int, int] | None:
        if not rules:
            return (0, 0, 0)
        if any(TAG in attrs or DEP in attrs for _, attrs in rules):
            return None
        for _, attrs in rules:
            set_token_attrs(token, attrs)
        touched = {name for _, attrs in rules for name in attrs}
        return (
            token.pos if POS in touched else 0,
            cast(Any, token.morph).key if MORPH in touched else 0,
            token.lemma if LEMMA in touched else 0,
        )


class MemoLemmatizer:
    """Fills the lemmas a `Lemmatizer` (rule mode) would, memoised by (orth, pos, morph)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatize: Callable[[Token], list[str]] = lemmatizer.lemmatize
        self.vocab = lemmatizer.vocab
        self.memo: dict[Key, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        todo = numpy.flatnonzero(lemmas == 0)  # the attribute ruler has set some lemmas already
        if not len(todo):
            return doc
        first, inverse = distinct_rows(rows[todo, :3])
        values = numpy.empty(len(first), dtype="uint64")
        for row, i in enumerate(todo[first].tolist()):
            orth, pos, morph = rows[i, :3].tolist()
            value = self.memo.get(key := (orth, pos, morph))
            if value is None:
                value = self.memo[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            values[row] = value
        lemmas[todo] = values[inverse]
        cast(Any, doc).from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def distinct_rows(rows: numpy.ndarray[Any, Any]) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    """(index of each distinct row's first occurrence, each row's distinct-row number), so that per-key Python
    work runs once per distinct row rather than once per token. Rows are grouped by a mix of their columns,
    then checked whole: on a collision of the mix (never seen; 64-bit hashes) the rows are told apart exactly."""
    mixed = numpy.zeros(len(rows), dtype="uint64")
    for column in range(rows.shape[1]):
        mixed = mixed * numpy.uint64(0x9E3779B97F4A7C15) + rows[:, column]
    _, first, inverse = numpy.unique(mixed, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    if not (rows[first][inverse] == rows).all():
        _, first, inverse = numpy.unique(rows, axis=0, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
    return first, inverse


@Language.factory("framing_memo_attribute_ruler")
def make_memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return MemoAttributeRuler(ruler)


@Language.factory("framing_memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return MemoLemmatizer(lemmatizer)


def use_memo_components(nlp: Language) -> None:
    """Swaps the two components for their memoised forms, in place (the originals stay, disabled)."""
    nlp.add_pipe("framing_memo_attribute_ruler", after="attribute_ruler")
    nlp.add_pipe("framing_memo_lemmatizer", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
