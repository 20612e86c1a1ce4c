"""The records that flow through the pipeline: frozen dataclasses, no behaviour beyond small helpers.

Offsets are Python string indices into the article's cleaned body text (`Article.text`), end exclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    """Who is speaking, as a reader can tell (definitions: docs/methodology.md)."""

    NAMED_PERSON = "named_person"
    NAMED_ORG = "named_org"
    UNNAMED_PERSON = "unnamed_person"
    UNNAMED_GROUP = "unnamed_group"

    @property
    def is_named(self) -> bool:
        return self in (SourceKind.NAMED_PERSON, SourceKind.NAMED_ORG)


class QuoteStyle(StrEnum):
    DIRECT = "direct"  # the content is inside quotation marks
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # reported speech with a quoted fragment


class AttributionType(StrEnum):
    SPEECH = "speech"  # said, told, according to, added, ":" before a quote
    WRITING = "writing"  # wrote, reported, tweeted, published
    EVIDENCE = "evidence"  # shows, found, data, polls
    BELIEF = "belief"  # believes, wants, plans, expects (beliefs and intentions)


class HedgeType(StrEnum):
    MODAL = "modal"  # may, might, could
    REPORTING = "reporting"  # reportedly, allegedly, is said to
    VAGUE_ATTRIBUTION = "vague_attribution"  # experts believe, according to some data
    EPISTEMIC = "epistemic"  # possibly, likely, appears, seems, suggest
    APPROXIMATOR = "approximator"  # about, roughly, some, several


class Voice(StrEnum):
    OUTLET = "outlet"  # the outlet's own narration
    ATTRIBUTED = "attributed"  # inside content attributed to a source


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}..{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Source:
    """A source as mentioned in the text.

    `span` is the mention ("he", "the newspaper", "Reuters"); `name` is what it refers to, after pronoun and
    definite-description resolution ("Franz Klintsevich"), used to compare sources across articles.
    `antecedent` is the mention `name` was resolved from, when the span itself is a pronoun or a short form.
    """

    span: Span
    kind: SourceKind
    name: str
    antecedent: Span | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: cue, who (source, may be absent) and what (content)."""

    cue: Span
    source: Source | None
    content: Span | None
    style: QuoteStyle
    type: AttributionType
    via: Source | None = None  # the intermediary in a chain: Klintsevich cited *via* Izvestiya
    # the pieces of `content` around this attribution's own cue and source when they cut it ('"A," she said.
    # "B"' -> "A", "B"); empty when the content is one piece. `content` spans from the first piece to the last.
    content_segments: tuple[Span, ...] = ()

    def content_pieces(self) -> tuple[Span, ...]:
        if self.content is None:
            return ()
        return self.content_segments or (self.content,)


@dataclass(frozen=True, slots=True)
class Hedge:
    span: Span
    type: HedgeType
    voice: Voice
    cue: str  # the lexicon entry that matched, lower-cased ("according to some data")


@dataclass(frozen=True, slots=True)
class Readability:
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    words: int
    sentences: int


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """Everything found in one text (the `analyze --plain` unit)."""

    attributions: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]
    readability: Readability


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """Boilerplate taken out of a raw article, kept so readers can see what was removed and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # "<outlet>/<slug>", unique, stable across builds
    outlet: str  # outlet slug (the folder name under data/articles/)
    path: str  # source file, relative to the data directory
    title: str
    text: str  # cleaned body: the text every offset refers to
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    removed: tuple[RemovedBlock, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    article: Article
    analysis: TextAnalysis


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_ids: tuple[str, ...]
    title: str


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    event_ids: tuple[str, ...]
    title: str  # the most covered event's: it changes as coverage grows
    # the founding (earliest) article's title: the page is named after it, so a story keeps its address when
    # another of its events becomes the most covered ("" for the title itself)
    address_title: str = ""


@dataclass(frozen=True, slots=True)
class Outlet:
    slug: str
    name: str
    homepage: str | None = None
    country: str | None = None
    boilerplate_lines: tuple[str, ...] = ()
    boilerplate_patterns: tuple[str, ...] = ()
    # Lines from which everything to the end of the article is chrome ("Top stories", "Leave a Reply").
    tail_markers: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything the renderer needs: the output of ingest -> analyse -> group."""

    outlets: tuple[Outlet, ...]
    articles: tuple[AnalysedArticle, ...]
    events: tuple[Event, ...]
    stories: tuple[Story, ...]
