"""Figures on small hand-made records: shares, per-1,000-word rates, shared and single-outlet sources."""

from __future__ import annotations

import pytest

from builder.compare import compare, outlet_figures, per_1000, share, source_key
from builder.models import (
    AnalysedArticle,
    Article,
    Attribution,
    AttributionType,
    Hedge,
    HedgeType,
    QuoteStyle,
    Readability,
    Source,
    SourceKind,
    Span,
    TextAnalysis,
    Voice,
)

TEXT = "Reuters said it. Smith said “no”. An official said maybe. Experts said some may go."


def span(word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span.of(TEXT, start, start + len(word))


def said(source: str, kind: SourceKind, nth: int, style: QuoteStyle = QuoteStyle.INDIRECT,
         name: str | None = None, via: Source | None = None) -> Attribution:
    return Attribution(span("said", nth), Source(span(source), kind, name or source), None, style,
                       AttributionType.SPEECH, via)


def article(outlet: str, slug: str, attributions: tuple[Attribution, ...], hedges: tuple[Hedge, ...] = (),
            words: int = 200, ease: float = 50.0) -> AnalysedArticle:
    return AnalysedArticle(Article(f"{outlet}/{slug}", outlet, f"{slug}.txt", slug, TEXT),
                           TextAnalysis(attributions, hedges, Readability(ease, 10.0, 0.0, 0.0, words, 4)))


REUTERS = said("Reuters", SourceKind.NAMED_ORG, 0)
SMITH_DIRECT = said("Smith", SourceKind.NAMED_PERSON, 1, QuoteStyle.DIRECT)
OFFICIAL = said("An official", SourceKind.UNNAMED_PERSON, 2)
EXPERTS = said("Experts", SourceKind.UNNAMED_GROUP, 3)
HEDGES = (Hedge(span("maybe"), HedgeType.EPISTEMIC, Voice.ATTRIBUTED, "maybe"),
          Hedge(span("some"), HedgeType.APPROXIMATOR, Voice.OUTLET, "some"),
          Hedge(span("may"), HedgeType.MODAL, Voice.OUTLET, "may"))


def test_share_and_rate_helpers() -> None:
    assert share(1, 4) == 0.25 and share(0, 0) is None
    assert per_1000(3, 1500) == 2.0 and per_1000(1, 0) is None


def test_figures_for_one_outlet() -> None:
    figures = outlet_figures("a", [article("a", "one", (REUTERS, SMITH_DIRECT, OFFICIAL, EXPERTS), HEDGES, 500),
                                   article("b", "other", (REUTERS,))])
    assert figures.article_ids == ("a/one",)
    assert len(figures.attributions) == 4 and figures.words == 500
    assert [len(figures.sources_of(k)) for k in SourceKind] == [1, 1, 1, 1]
    assert figures.named_share == 0.5
    assert figures.direct_share == 0.25
    assert figures.hedges_per_1000(Voice.OUTLET) == 4.0
    assert figures.hedges_per_1000(Voice.ATTRIBUTED) == 2.0
    assert [e.anchor for e in figures.hedges_of(Voice.OUTLET)] == ["h2", "h3"]
    assert figures.direct[0].anchor == "a2-cue"  # no content span: the cue is the evidence


def test_repeated_source_counts_once_and_via_counts() -> None:
    again = said("Reuters", SourceKind.NAMED_ORG, 1, name="REUTERS")
    chain = said("Smith", SourceKind.NAMED_PERSON, 2, via=Source(span("Reuters"), SourceKind.NAMED_ORG, "Reuters"))
    figures = outlet_figures("a", [article("a", "one", (REUTERS, again, chain))])
    assert [(s.name, len(s.mentions)) for s in figures.sources] == [("Reuters", 3), ("Smith", 1)]
    assert [m.anchor for m in figures.sources[0].mentions] == ["a1-src", "a2-src", "a3-via"]


def test_readability_is_word_weighted() -> None:
    figures = outlet_figures("a", [article("a", "x", (), words=100, ease=20.0), article("a", "y", (), words=300, ease=60.0)])
    assert figures.reading_ease == 50.0
    assert outlet_figures("a", []).reading_ease is None


def test_shared_and_unique_sources() -> None:
    lower = said("Reuters", SourceKind.NAMED_ORG, 0, name="reuters")
    comparison = compare([article("a", "one", (REUTERS, SMITH_DIRECT)), article("b", "two", (lower, EXPERTS))])
    assert [f.outlet for f in comparison.outlets] == ["a", "b"]
    assert [(s.name, s.outlets) for s in comparison.shared] == [("Reuters", ("a", "b"))]
    assert sorted((s.name, s.outlets) for s in comparison.unique) == [("Experts", ("b",)), ("Smith", ("a",))]


@pytest.mark.parametrize(("name", "key"), [("Reuters", "reuters"), ("  The   Ministry ", "the ministry"), ("", "")])
def test_source_key(name: str, key: str) -> None:
    assert source_key(name) == key
