"""Attribution finder (placeholder: 'said' only; replaced by the real rules)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from builder.models import Attribution, AttributionType, QuoteStyle, Span


@dataclass(frozen=True)
class AttributionLexicon:
    cues: frozenset[str]


def load_attribution_lexicon() -> AttributionLexicon:
    return AttributionLexicon(frozenset({"say"}))


def find_attributions(doc: Doc, lexicon: AttributionLexicon) -> tuple[Attribution, ...]:
    found = []
    for token in doc:
        if token.lemma_ in lexicon.cues and token.pos_ == "VERB":
            found.append(Attribution(Span.of(doc.text, token.idx, token.idx + len(token)), None, None,
                                     QuoteStyle.INDIRECT, AttributionType.SPEECH))
    return tuple(found)
