"""Words, names and numbers of an article, weighted by a fixed background frequency.

Corpus IDF is meaningless for two documents and shifts with every batch, so word weights come from a general
English frequency list (lexicon `grouping_background`): the same pair of articles always gets the same score.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from builder.grouping.records import GroupingConfig, GroupingDoc
from builder.lexicons import load_table

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*")
# a token after one of these (or at the start) opens a sentence, where capitals say nothing about names
_SENTENCE_GAP = re.compile(r"(?:^|[.!?:;\n\"“`(]\s*|\n)$")
_RARE_ZIPF = 2.5  # words missing from the list are rarer than its last entry (Zipf ~3)
_TOP_ZIPF = 7.0  # words this frequent weigh nothing: "the", "of", "said" sit around 6-7.7
_MAX_WEIGHT = 4.5
_NAME_ZIPF = 5.0  # a capitalised sentence-initial (or headline) word this rare is still taken for a name
_HEADLINE_SHARE = 0.6  # a line with this share of capitalised words is in headline case, capitals say little


@dataclass(frozen=True)
class Background:
    """Zipf frequency (log10 per billion words) of common English words, and words that say nothing about
    what happened (weekdays, time zones, wire credits)."""

    zipf: Mapping[str, float]
    stop: frozenset[str]

    @classmethod
    def load(cls) -> Background:
        zipf = {word: float(value) for word, value, _origin in load_table("grouping_background", 3)}
        own = {word for word, _origin in load_table("grouping_stopwords", 2)}
        return cls(zipf, frozenset(own | ENGLISH_STOP_WORDS))

    def is_common(self, word: str) -> bool:
        return self.zipf.get(word, _RARE_ZIPF) >= _NAME_ZIPF

    def weight(self, word: str) -> float:
        """Information of a lowercase word, like an IDF in log10 units: 0 for 'the', up to 4.5 for rare."""
        return min(_MAX_WEIGHT, max(0.0, _TOP_ZIPF - self.zipf.get(word, _RARE_ZIPF)))


@dataclass(frozen=True)
class DocFeatures:
    """Separately normalised views of one document: words (names included), names, numbers."""

    words: dict[str, float]
    names: dict[str, float]
    numbers: dict[str, float]


@dataclass(frozen=True)
class _Counts:
    words: Counter[str]
    names: Counter[str]
    numbers: Counter[str]


def stem(word: str) -> str:
    """A crude suffix strip: 'checks', 'checked', 'checking' -> 'check'; enough to match inflections."""
    if len(word) == 4 and word.endswith(("ied", "ies")):
        return word[:3]  # died, dies -> die
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def _tokens(text: str) -> Iterator[tuple[str, bool]]:
    """(token, capital_is_uninformative) pairs: true at the start of a sentence and in headline-case lines."""
    for line in text.splitlines():
        matches = list(_TOKEN.finditer(line))
        long_words = [m.group() for m in matches if len(m.group()) > 3 and m.group()[0].isalpha()]
        capitals = sum(word[0].isupper() for word in long_words)
        headline = len(long_words) >= 3 and capitals >= _HEADLINE_SHARE * len(long_words)
        for match in matches:
            before = line[max(0, match.start() - 3) : match.start()]
            yield match.group(), headline or match.start() == 0 or bool(_SENTENCE_GAP.search(before))


def _count(text: str, background: Background) -> _Counts:
    """Stemmed words, names (single and adjacent pairs: 'angela_merkel') and numbers of two or more digits."""
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    numbers: Counter[str] = Counter()
    run: list[str] = []
    for token, initial in _tokens(text):
        lower = token.lower().replace("’", "'")
        if token[0].isdigit():
            run = []
            digits = token.replace(",", "")
            if len(digits) >= 2:
                numbers[digits] += 1
            continue
        if lower in background.stop:
            run = []
            continue
        is_name = token[0].isupper() and len(lower) > 1 and not (initial and background.is_common(lower))
        if is_name:
            names[lower] += 1
            if run:
                names[run[-1] + "_" + lower] += 1
            run = [lower]
        else:
            run = []
        if len(lower) > 2:
            words[stem(lower)] += 1
    return _Counts(words, names, numbers)


def _weigh(counts: Counter[str], title: Counter[str], weight: Mapping[str, float], title_weight: float,
           default: float) -> dict[str, float]:
    """Sublinear term frequency, plus `title_weight` for a feature of the title or lead, times its weight."""
    out: dict[str, float] = {}
    for key in set(counts) | set(title):
        tf = counts.get(key, 0)
        value = (1.0 + math.log(tf) if tf else 0.0) + title_weight * min(1, title.get(key, 0))
        out[key] = value * weight.get(key, default)
    return {key: value for key, value in out.items() if value > 0}


def _lead(text: str, chars: int) -> str:
    """The opening of the body up to the end of a sentence within `chars`: it states what happened."""
    head = text[:chars]
    end = max(head.rfind(". "), head.rfind("\n"))
    return head[: end + 1] if end > 0 else head


def doc_features(doc: GroupingDoc, background: Background, config: GroupingConfig) -> DocFeatures:
    body = _count(doc.text[: config.max_chars], background)
    title = _count(doc.title + "\n" + _lead(doc.text, config.lead_chars), background)
    word_weight = {w: background.weight(w) for w in body.words | title.words}
    # a name weighs like its last word, plus one: a capitalised mention is more specific than the bare word
    name_weight = {n: background.weight(n.rsplit("_", 1)[-1]) + 1.0 for n in body.names | title.names}
    return DocFeatures(
        words=_weigh(body.words, title.words, word_weight, config.title_weight, 0.0),
        names=_weigh(body.names, title.names, name_weight, config.title_weight, 0.0),
        numbers=_weigh(body.numbers, title.numbers, {}, config.title_weight, 1.0),
    )
