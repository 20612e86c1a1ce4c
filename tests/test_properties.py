"""Properties over any input (hypothesis): the analysers never raise, every span lies inside the text and
`text[start:end]` is its text, spans of one type never overlap; the readers and escapers hold up too."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.analysis import Analyser
from builder.errors import InputError
from builder.ingest.boilerplate import strip_generic
from builder.ingest.readers import decode, split_front_matter
from builder.models import Span, TextAnalysis
from builder.render.escape import http_url, md, one_line, plain_title, yaml_string
from builder.render.highlight import body_html

WORDS = ["said", "says", "told", "according", "to", "the", "ministry", "Reuters", "Mr.", "Smith", "she", "he",
         "may", "might", "reportedly", "experts", "believe", "some", "sources", "claimed", "that", "\"", "“", "”",
         "'", ",", ".", ":", "\n", "\n\n", "officials", "allegedly", "it", "is", "thought", "could", "be", "a",
         "spokesperson", "for", "Izvestiya", "wrote", "in", "statement", "(", ")", "-", "—", "possibly"]
# text that looks like news (so the parser finds cues, quotes and hedges) mixed with arbitrary Unicode
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=60).map(" ".join)
SUBJECTS = ["The ministry", "Reuters", "Mr. Smith", "She", "Experts", "A spokesperson", "Officials", "It"]
VERBS = ["said", "told reporters", "claimed", "believe", "wrote", "may have said", "reportedly said"]
CLAUSES = ["the talks might fail", "“we will leave,”", "\"it could rain\"", "some data show growth", "x"]
SENTENCE = st.builds(lambda s, v, c, junk: f"{s} {v} {c}{junk}.", st.sampled_from(SUBJECTS),
                     st.sampled_from(VERBS), st.sampled_from(CLAUSES), st.text(max_size=4))
# whole reported-speech sentences, news-like word salad and arbitrary Unicode, mixed
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY,
                     st.lists(st.one_of(SENTENCE, NEWSY, st.text(max_size=8)), max_size=8).map(" ".join))
ANALYSER_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans(analysis: TextAnalysis) -> Iterator[tuple[str, Span]]:
    for attribution in analysis.attributions:
        yield "cue", attribution.cue
        if attribution.content is not None:
            yield "content", attribution.content
        for source in (attribution.source, attribution.via):
            if source is not None:
                yield "source", source.span
                if source.antecedent is not None:
                    yield "antecedent", source.antecedent
    for hedge in analysis.hedges:
        yield "hedge", hedge.span


def overlapping(found: list[Span], nesting: bool = False) -> list[tuple[Span, Span]]:
    """Pairs of distinct spans that overlap; with `nesting`, a span wholly inside another is allowed."""
    distinct = sorted(set(found), key=lambda s: (s.start, s.end))
    return [(a, b) for a, b in itertools.combinations(distinct, 2)
            if a.overlaps(b) and not (nesting and (a.contains(b) or b.contains(a)))]


@pytest.fixture(scope="module")
def analyse(analyser: Analyser) -> Analyser:
    return analyser


@ANALYSER_SETTINGS
@given(text=ANY_TEXT)
def test_every_span_is_inside_the_text_and_exact(analyse: Analyser, text: str) -> None:
    for kind, span in spans(analyse.analyse(text)):
        assert 0 <= span.start <= span.end <= len(text), (kind, span)
        assert text[span.start:span.end] == span.text, (kind, span)


@ANALYSER_SETTINGS
@given(text=ANY_TEXT)
@pytest.mark.parametrize("kind", ["cue", "hedge", "source", "content"])
def test_spans_of_one_type_never_overlap(analyse: Analyser, text: str, kind: str) -> None:
    """Contents may nest (a report inside a belief: "He thought [Clinton said [it failed]]") but never cross;
    cues, hedges and source mentions never overlap at all (the same mention may serve several cues)."""
    found = [span for k, span in spans(analyse.analyse(text)) if k == kind]
    assert overlapping(found, nesting=kind == "content") == []


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=400))
def test_decode_gives_text_or_a_clear_error(raw: bytes) -> None:
    try:
        text = decode(Path("x.txt"), raw)
    except InputError as err:
        assert str(err).startswith("x.txt: ") and " — " in str(err)
        return
    assert text.strip() and "\r" not in text


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), st.text(max_size=200).map(lambda t: f"---\n{t}\n---\nbody")))
def test_front_matter_gives_metadata_or_a_clear_error(text: str) -> None:
    try:
        body, _ = split_front_matter(Path("x.md"), text)
    except InputError as err:
        assert " — " in str(err)
        return
    assert text.endswith(body)


@settings(max_examples=200, deadline=None)
@given(text=ANY_TEXT)
def test_boilerplate_removal_keeps_lines_of_the_text(text: str) -> None:
    cleaned = strip_generic(text)
    lines = {line.strip() for line in text.split("\n")}
    assert all(paragraph in lines for paragraph in cleaned.text.split("\n\n") if paragraph) or not cleaned.text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_escapes_leave_no_markup(text: str) -> None:
    escaped = md(text)
    assert not re.search(r"[<>\[\]{}()`*_|\\!#]", re.sub(r"&#\d+;", "", escaped))
    assert html.unescape(escaped) == one_line(text)
    assert not set(plain_title(text)) & set("<>&\"'`\\{}")
    assert yaml.safe_load(yaml_string(text)) == plain_title(text)
    url = http_url(text)
    assert url is None or (url.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>\"'`]", url))


@settings(max_examples=200, deadline=None)
@given(text=ANY_TEXT)
def test_body_html_is_only_the_highlighters_markup(text: str) -> None:
    from builder.models import Readability

    out = body_html(text, TextAnalysis((), (), Readability(0.0, 0.0, 0.0, 0.0, 0, 0)))
    assert set(re.findall(r"<(\w+)", out)) <= {"div", "p", "mark", "span", "br"}
    assert not re.search(r"\son\w+=", out)
