"""Per-outlet figures over a set of articles (a story, an event, an outlet's whole output), with evidence.

Every figure keeps the highlighted spans it was computed from (`Evidence`), so a page can link each number
to the words that produced it. Anchor ids are defined here because both the figures and the article page
(which carries the anchors) must agree on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from builder.models import AnalysedArticle, Attribution, QuoteStyle, Source, SourceKind, Voice

KINDS = tuple(SourceKind)
VOICES = tuple(Voice)


def attribution_anchor(index: int, part: str = "cue") -> str:
    """Id of one part ("cue", "src", "via", "txt") of the index-th attribution on its article page."""
    return f"a{index + 1}-{part}"


def hedge_anchor(index: int) -> str:
    return f"h{index + 1}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One highlighted span that a figure counts: where it is (article + anchor) and what it says."""

    article_id: str
    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class CitedSource:
    """One source as cited by one outlet: all its mentions, possibly over several articles."""

    name: str
    kind: SourceKind
    mentions: tuple[Evidence, ...]

    @property
    def key(self) -> str:
        return source_key(self.name)


def source_key(name: str) -> str:
    """Sources are compared by name, case- and whitespace-insensitively."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class OutletFigures:
    outlet: str
    article_ids: tuple[str, ...]
    words: int
    attributions: tuple[Evidence, ...]
    direct: tuple[Evidence, ...]
    sources: tuple[CitedSource, ...]
    hedges: tuple[tuple[Voice, tuple[Evidence, ...]], ...]
    reading_ease: float | None  # word-weighted mean over the articles; None without text
    grade: float | None

    def sources_of(self, kind: SourceKind) -> tuple[CitedSource, ...]:
        return tuple(s for s in self.sources if s.kind is kind)

    @property
    def named(self) -> tuple[CitedSource, ...]:
        return tuple(s for s in self.sources if s.kind.is_named)

    @property
    def named_share(self) -> float | None:
        return share(len(self.named), len(self.sources))

    @property
    def direct_share(self) -> float | None:
        return share(len(self.direct), len(self.attributions))

    def hedges_of(self, voice: Voice) -> tuple[Evidence, ...]:
        return next((found for v, found in self.hedges if v is voice), ())

    def hedges_per_1000(self, voice: Voice) -> float | None:
        return per_1000(len(self.hedges_of(voice)), self.words)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def per_1000(count: int, words: int) -> float | None:
    return 1000 * count / words if words else None


def outlet_figures(outlet: str, articles: Sequence[AnalysedArticle]) -> OutletFigures:
    """Figures for one outlet over the given articles (those of other outlets are ignored)."""
    mine = tuple(a for a in articles if a.article.outlet == outlet)
    attributions: list[Evidence] = []
    direct: list[Evidence] = []
    mentions: list[tuple[Source, Evidence]] = []
    hedges: dict[Voice, list[Evidence]] = {v: [] for v in VOICES}
    for item in mine:
        aid = item.article.id
        for index, attribution in enumerate(item.analysis.attributions):
            cue = Evidence(aid, attribution_anchor(index), attribution.cue.text)
            attributions.append(cue)
            if attribution.style is QuoteStyle.DIRECT:
                direct.append(_content_evidence(aid, index, attribution) or cue)
            mentions.extend(_source_mentions(aid, index, attribution))
        for index, hedge in enumerate(item.analysis.hedges):
            hedges[hedge.voice].append(Evidence(aid, hedge_anchor(index), hedge.span.text))
    words = sum(a.analysis.readability.words for a in mine)
    return OutletFigures(
        outlet=outlet,
        article_ids=tuple(a.article.id for a in mine),
        words=words,
        attributions=tuple(attributions),
        direct=tuple(direct),
        sources=group_sources(mentions),
        hedges=tuple((v, tuple(hedges[v])) for v in VOICES),
        reading_ease=_weighted(mine, lambda a: a.analysis.readability.flesch_reading_ease),
        grade=_weighted(mine, lambda a: a.analysis.readability.flesch_kincaid_grade),
    )


def _content_evidence(article_id: str, index: int, attribution: Attribution) -> Evidence | None:
    if attribution.content is None:
        return None
    return Evidence(article_id, attribution_anchor(index, "txt"), attribution.content.text)


def _source_mentions(article_id: str, index: int, attribution: Attribution) -> list[tuple[Source, Evidence]]:
    found = []
    if attribution.source is not None:
        found.append((attribution.source, Evidence(article_id, attribution_anchor(index, "src"),
                                                   attribution.source.span.text)))
    if attribution.via is not None:
        found.append((attribution.via, Evidence(article_id, attribution_anchor(index, "via"),
                                                attribution.via.span.text)))
    return found


def group_sources(mentions: Iterable[tuple[Source, Evidence]]) -> tuple[CitedSource, ...]:
    """One `CitedSource` per distinct name, in order of first mention; kind = the most frequent one."""
    names: dict[str, str] = {}
    kinds: dict[str, list[SourceKind]] = {}
    evidence: dict[str, list[Evidence]] = {}
    for source, mention in mentions:
        key = source_key(source.name)
        if not key:
            continue
        names.setdefault(key, source.name)
        kinds.setdefault(key, []).append(source.kind)
        evidence.setdefault(key, []).append(mention)
    return tuple(CitedSource(names[k], _most_common(kinds[k]), tuple(evidence[k])) for k in names)


def _most_common(kinds: list[SourceKind]) -> SourceKind:
    # ties go to the kind listed first in SourceKind, so the result does not depend on mention order
    return max(KINDS, key=lambda kind: (kinds.count(kind), -KINDS.index(kind)))


def _weighted(articles: Sequence[AnalysedArticle], get: Callable[[AnalysedArticle], float]) -> float | None:
    total = sum(a.analysis.readability.words for a in articles)
    if not total:
        return None
    return round(sum(float(get(a)) * a.analysis.readability.words for a in articles) / total, 1)


@dataclass(frozen=True, slots=True)
class SharedSource:
    """A source name and the outlets that cite it (with their figures' `CitedSource`)."""

    name: str
    kind: SourceKind
    cited_by: tuple[CitedSource, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Side-by-side figures for the outlets covering one story or event."""

    outlets: tuple[OutletFigures, ...]
    shared: tuple[SharedSource, ...]  # cited by two or more outlets
    unique: tuple[SharedSource, ...]  # cited by exactly one outlet


def compare(articles: Sequence[AnalysedArticle]) -> Comparison:
    """Figures per outlet (in order of first appearance) and the sources they share or not."""
    outlets = tuple(dict.fromkeys(a.article.outlet for a in articles))
    figures = tuple(outlet_figures(o, articles) for o in outlets)
    sources = cross_sources([(f.outlet, f.sources) for f in figures])
    return Comparison(figures, tuple(s for s in sources if len(s.outlets) > 1),
                      tuple(s for s in sources if len(s.outlets) == 1))


def cross_sources(outlets: Sequence[tuple[str, Sequence[CitedSource]]]) -> tuple[SharedSource, ...]:
    """Every distinct source name over the (outlet, its sources) pairs, most widely cited first, then by name."""
    by_key: dict[str, list[tuple[str, CitedSource]]] = {}
    for outlet, sources in outlets:
        for cited in sources:
            by_key.setdefault(cited.key, []).append((outlet, cited))
    found = [
        SharedSource(pairs[0][1].name, _most_common([c.kind for _, c in pairs for _ in c.mentions]),
                     tuple(c for _, c in pairs), tuple(o for o, _ in pairs))
        for pairs in by_key.values()
    ]
    return tuple(sorted(found, key=lambda s: (-len(s.outlets), -_mention_count(s), source_key(s.name))))


def _mention_count(source: SharedSource) -> int:
    return sum(len(c.mentions) for c in source.cited_by)
