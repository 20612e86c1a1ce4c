"""Hedge finder (placeholder: modal 'may' only; replaced by the real rules)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from builder.models import Attribution, Hedge, HedgeType, Span, Voice


@dataclass(frozen=True)
class HedgeLexicon:
    words: frozenset[str]


def load_hedge_lexicon() -> HedgeLexicon:
    return HedgeLexicon(frozenset({"may", "might"}))


def find_hedges(doc: Doc, attributions: tuple[Attribution, ...], lexicon: HedgeLexicon) -> tuple[Hedge, ...]:
    found = []
    for token in doc:
        if token.lower_ in lexicon.words:
            span = Span.of(doc.text, token.idx, token.idx + len(token))
            inside = any(a.content is not None and a.content.contains(span) for a in attributions)
            found.append(Hedge(span, HedgeType.MODAL, Voice.ATTRIBUTED if inside else Voice.OUTLET, token.lower_))
    return tuple(found)
