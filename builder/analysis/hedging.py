"""Hedge finder: epistemic hedges (may, reportedly, experts believe, probably, several villages) and whose they are.

One pass over the tokens looks each lemma and word form up in `hedges.tsv`; the entry's rule (a small parse
check in `hedge_rules`, `hedge_modal`, `hedge_sources` or `hedge_context`) decides whether this use hedges.
The voice is ATTRIBUTED when the hedge lies inside the content of an attribution or inside a quotation, else
OUTLET: "Experts believe" opening a sentence is the outlet hedging, "according to some data" inside a quoted
speaker's words is the speaker hedging.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

from builder.analysis.hedge_base import Check, HedgeWords
from builder.analysis.hedge_context import CONTEXT_CHECKS
from builder.analysis.hedge_rules import CHECKS
from builder.analysis.hedge_voice import quoted_regions, voice_of
from builder.lexicons import load_table
from builder.models import Attribution, Hedge, HedgeType, Span

RULES: Mapping[str, Check] = MappingProxyType({**CHECKS, **CONTEXT_CHECKS})
PHRASES = frozenset({"phrase", "adverbial"})  # rules that match the cue's words in sequence


@dataclass(frozen=True)
class HedgeCue:
    cue: str
    type: HedgeType
    rule: str
    words: tuple[str, ...]  # the cue split, for phrases


@dataclass(frozen=True)
class HedgeLexicon:
    """Cues by the lemma or lower-case word form they start from."""

    cues: Mapping[str, tuple[HedgeCue, ...]]
    words: HedgeWords

    def lookup(self, token: Token) -> tuple[HedgeCue, ...]:
        lower, lemma = token.lower_, token.lemma_.lower()
        found = self.cues.get(lower, ())
        return found if lemma == lower else found + self.cues.get(lemma, ())


def load_hedge_words(name: str = "hedges_words") -> HedgeWords:
    classes: dict[str, set[str]] = {field: set() for field in HedgeWords.__dataclass_fields__}
    for entry, kind, _origin in load_table(name, 3):
        if kind not in classes:
            raise ValueError(f"lexicon {name}.tsv: unknown class {kind!r} for {entry!r}; valid: {', '.join(classes)}")
        classes[kind].add(entry.lower())
    return HedgeWords(**{kind: frozenset(entries) for kind, entries in classes.items()})


def load_hedge_lexicon(name: str = "hedges") -> HedgeLexicon:
    cues: dict[str, list[HedgeCue]] = {}
    for cue, kind, rule, _origin in load_table(name, 4):
        if rule not in RULES and rule not in PHRASES:
            valid = ", ".join([*RULES, *sorted(PHRASES)])
            raise ValueError(f"lexicon {name}.tsv: unknown rule {rule!r} for {cue!r}; valid: {valid}")
        try:
            hedge_type = HedgeType(kind)
        except ValueError:
            valid = ", ".join(t.value for t in HedgeType)
            raise ValueError(f"lexicon {name}.tsv: unknown hedge type {kind!r} for {cue!r}; valid: {valid}") from None
        cues.setdefault(cue.lower().split()[0], []).append(HedgeCue(cue.lower(), hedge_type, rule, tuple(cue.lower().split())))
    return HedgeLexicon(MappingProxyType({key: tuple(value) for key, value in cues.items()}), load_hedge_words())


def _adverbial(first: Token, last: Token) -> bool:
    """The phrase stands as an adverbial of its own: not "in general manufacturing" (its last word an adjective of
    the noun that follows) nor "chocolates in general" (a noun's modifier: the whole class, no generalisation
    hedged)."""
    if last.dep_ in {"amod", "compound"} and last.head.i > last.i:
        return False
    return first.head.pos_ not in {"NOUN", "PROPN"}


def _candidates(doc: Doc, text: str, lexicon: HedgeLexicon) -> Iterator[tuple[Span, HedgeType]]:
    tokens = list(doc)
    # Phrases start from frequent words ("in", "to", "not"): compare plain strings, not Token objects.
    lowers = [token.lower_ for token in tokens]
    for token in tokens:
        for entry in lexicon.lookup(token):
            rule = RULES.get(entry.rule)
            if rule is not None:
                extent = rule(token, lexicon.words)
            else:
                end = token.i + len(entry.words)
                extent = (token, tokens[end - 1]) if tuple(lowers[token.i: end]) == entry.words else None
                if extent is not None and entry.rule == "adverbial" and not _adverbial(*extent):
                    extent = None
            if extent is not None:
                first, last = extent
                yield Span.of(text, first.idx, last.idx + len(last)), entry.type


def find_hedges(doc: Doc, attributions: tuple[Attribution, ...], lexicon: HedgeLexicon) -> tuple[Hedge, ...]:
    # Longer spans first, so "some experts believe" wins over the "some" inside it.
    text = doc.text  # built anew on every access
    candidates = sorted(_candidates(doc, text, lexicon), key=lambda c: (c[0].start - c[0].end, c[0].start))
    kept: list[tuple[Span, HedgeType]] = []
    for span, hedge_type in candidates:
        if not any(span.overlaps(other) for other, _ in kept):
            kept.append((span, hedge_type))
    quotes = quoted_regions(text)
    contents = tuple(a.content for a in attributions if a.content is not None)
    hedges = (Hedge(span, t, voice_of(span, contents, quotes), span.text.lower()) for span, t in kept)
    return tuple(sorted(hedges, key=lambda h: h.span.start))
