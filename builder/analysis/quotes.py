"""Direct quotations: where they are, whose they are, and the style of an attribution's content.

A quotation opens with “, '' or " and closes with the matching mark, with the other kind of double mark
(careless typing mixes “ and " in: '“...,"', '"...,”'), with a “ that ends a word ('“...,“ said X': a closing
mark typed as an opening one, as it follows a word and precedes a space or punctuation) or at the end of the paragraph (in news, a
quotation running over several paragraphs leaves each paragraph but the last unclosed). A quotation that no
cue claims, following straight on from an attribution, continues that speaker's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from builder.analysis.attr_cues import Candidate
from builder.models import AttributionType, QuoteStyle

QUOTATION = re.compile(r"“[^”\"\n]*?(?:[”\"]|(?<=\S)“(?=[\s,.;:!?)]|$)|(?=\n)|$)"
                       r"|''(?:(?!'')[^\n])*(?:''|(?=\n)|$)"
                       r"|(?<![\w\"])\"[^\"”\n]*(?:[\"”]|(?=\n)|$)")
# Scare quotes and titles are short; a quoted stretch of this many words is somebody's words.
MIN_QUOTED_WORDS = 3
# "“...” ― Sonya Herridge": a dash and a short name after a quotation.
# the name ends its line, a clause or the testimonial, before the next one's quotation ('” ― Ana Ruiz “...')
DASH_SPEAKER = re.compile(r"\s*[―—–]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?=\n|$|,|[“\"])")
# A line that opens with a quotation mark and whose quotation closes just before a dash: the end is group 1.
QUOTED_LINE = re.compile(r"(?m)^[“”\"][^\n]*?[”\"]()(?=\s*[―—–])")
BETWEEN = re.compile(r"[\s,.;:]*")
QUOTE_MARKS = re.compile(r"[“”\"]|''")
# The longest rest-of-sentence between a quotation's cue and the quotation that continues it.
MAX_GAP = 150


def quotations(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in QUOTATION.finditer(text) if len(m.group(0).split()) >= MIN_QUOTED_WORDS)


def style_of(content: tuple[int, int] | None, quotes: tuple[tuple[int, int], ...]) -> QuoteStyle:
    if content is None:
        return QuoteStyle.INDIRECT
    start, end = content
    inside = quoted = 0
    for q_start, q_end in quotes:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > 0:
            quoted += overlap
            inside += q_start - 2 <= start and end <= q_end + 2
    # A content joined over several quotations has the cue between them: mostly quoted is direct.
    if inside or quoted >= 0.7 * (end - start):
        return QuoteStyle.DIRECT
    return QuoteStyle.MIXED if quoted else QuoteStyle.INDIRECT


def widen_to_quote(content: tuple[int, int] | None, quotes: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """A content clause that starts or ends inside a quotation takes in the whole quotation."""
    if content is None:
        return None
    start, end = content
    for q_start, q_end in quotes:
        if (q_start <= start < q_end or q_start < end <= q_end) and (q_start >= start - 3 or q_end <= end + 3):
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def _quoted_lines(text: str, quotes: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Lines opening and closing with a quotation mark that no quotation found spans, as when a quote inside it
    ('he calls “hell” than ...') or a mistyped opening mark ('”Mr. Trump ...”') broke the pairing: a
    testimonial given whole, whose dash may name its speaker."""
    ends = {end for _start, end in quotes}
    found = []
    for line in QUOTED_LINE.finditer(text):
        end = line.start(1)
        if end not in ends:
            found.append((line.start(), end))
    return found


def dash_speakers(doc: Doc, text: str, quotes: tuple[tuple[int, int], ...]) -> Iterator[Candidate]:
    for q_start, q_end in [*quotes, *_quoted_lines(text, quotes)]:
        match = DASH_SPEAKER.match(text, q_end)
        if match is None:
            continue
        dash = text.index(match.group(0).strip()[0], q_end)
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is not None:
            yield Candidate((dash, dash + 1), name, (q_start, q_end), AttributionType.SPEECH)


def _reach(candidate: Candidate) -> int:
    ends = [candidate.cue[1]]
    if candidate.content:
        ends.append(candidate.content[1])
    if candidate.source is not None:
        ends.append(candidate.source.end_char)
    return max(ends)


def _claimed(candidates: list[Candidate], q_start: int, q_end: int) -> bool:
    return any(c.content and c.content[0] < q_end and q_start < c.content[1] for c in candidates)


def _joinable(text: str, gap_start: int, gap_end: int, cues: list[int]) -> bool:
    """Between the end of one attribution and a quotation: punctuation, or the rest of the cue's sentence
    ('“...,” Weber told reporters. “...”'), with no quotation and no other cue inside."""
    gap = text[gap_start:gap_end]
    if BETWEEN.fullmatch(gap):
        return gap.count("\n") <= 2
    body = gap.rstrip()  # the rest of the sentence, then at most a paragraph break ("..., he said on Fox.\n\n“...”")
    return len(body) <= MAX_GAP and "\n" not in body and gap.count("\n") <= 2 and not QUOTE_MARKS.search(body) and not any(
        gap_start <= cue < gap_end for cue in cues)


def continue_quotes(text: str, candidates: list[Candidate], quotes: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """Extend an attribution's content over the unclaimed quotations that follow it directly: a quotation
    after a paraphrase ('He said the region mattered. “That is why we stay,” ...') is the same speaker's."""
    result = list(candidates)
    cues = [c.cue[0] for c in candidates]
    for q_start, q_end in quotes:
        if _claimed(result, q_start, q_end):
            continue
        before = [i for i, c in enumerate(result) if _reach(c) <= q_start]
        if not before:
            continue
        index = max(before, key=lambda i: _reach(result[i]))
        previous = result[index]
        if previous.content is None:
            if _joinable(text, _reach(previous), q_start, cues):
                result[index] = Candidate(previous.cue, previous.source, (q_start, q_end), previous.type, previous.via)
            continue
        if not _joinable(text, _reach(previous), q_start, cues):
            continue
        start = min(previous.content[0], q_start)
        result[index] = Candidate(previous.cue, previous.source, (start, q_end), previous.type, previous.via)
    return result


def preceding_quotes(text: str, candidates: list[Candidate], quotes: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """A cue right after a quotation ('“...,” he said') reports that quotation, before any clause of its own."""
    result: list[Candidate] = []
    for candidate in candidates:
        first = min([candidate.cue[0]] + ([candidate.source.start_char] if candidate.source is not None else []))
        for q_start, q_end in quotes:
            gap = text[q_end:first]
            # in one sentence: a quotation that ends a paragraph is not reported by the next paragraph's cue
            if (q_end <= first and BETWEEN.fullmatch(gap) and "\n" not in gap
                    and not _claimed([*result, candidate], q_start, q_end)):
                # '“...,” she said, adding that ...': the quotation and the clause are one statement.
                end = q_end if candidate.content is None else max(q_end, candidate.content[1])
                candidate = Candidate(candidate.cue, candidate.source, (q_start, end), candidate.type, candidate.via)
        result.append(candidate)
    return result
