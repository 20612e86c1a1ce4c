"""Words, names and numbers of an article, weighted by a fixed background frequency.

Corpus IDF is meaningless for two documents and shifts with every batch, so word weights come from a general
English frequency list (lexicon `grouping_background`): the same pair of articles always gets the same score.
Counting is the costliest step at scale, so tokens are counted with C-level regex and Counter calls, stems and
name kinds are cached per call, and each view is built at once as a sparse matrix over a shared vocabulary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, diags
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from builder.beside import run_beside
from builder.grouping.records import GroupingConfig, GroupingDoc
from builder.lexicons import load_table

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
# a decimal point may stand between blanks, as in tokenised text ("a magnitude 4 . 6 quake"): read as one
# number, since split there its parts would be one-digit numbers, which say too little and are left out
_NUMBER = re.compile(r"\d+(?:(?:[.,]| \. )\d+)*")
_NUMBER_JOINERS = str.maketrans("", "", ", ")
_NAME = r"(?<![A-Za-z0-9'’-])[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)*"
# capitalised words in a row within a sentence, across blanks and commas: "Angela Merkel", "Antofagasta, Chile"
_NAME_RUN = re.compile(_NAME + r"(?:[^\w\n.!?]+" + _NAME + r")*")
_NAME_TOKEN = re.compile(_NAME)
_LONG = re.compile(r"\b[A-Za-z][A-Za-z'’-]{3,}")
_LONG_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’-]{3,}")
_HEADLINE_CHARS = 200  # longer lines are running text, never a headline
# a run after one of these (or at the start of a line) opens a sentence, where capitals say nothing about names
_SENTENCE_GAP = re.compile(r"(?:^|[.!?:;\"“`(]\s*)$")
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
    stem_zipf: Mapping[str, float]

    @classmethod
    def load(cls) -> Background:
        zipf = {word: float(value) for word, value, _origin in load_table("grouping_background", 3)}
        own = {word for word, _origin in load_table("grouping_stopwords", 2)}
        return cls(zipf, frozenset(own | ENGLISH_STOP_WORDS), stem_frequencies(zipf))

    def is_common(self, word: str) -> bool:
        return self.zipf.get(word, _RARE_ZIPF) >= _NAME_ZIPF

    def weight(self, word: str) -> float:
        """Information of a lowercase word, like an IDF in log10 units: 0 for 'the', up to 4.5 for rare."""
        return min(_MAX_WEIGHT, max(0.0, _TOP_ZIPF - self.zipf.get(word, _RARE_ZIPF)))

    def stem_weight(self, stemmed: str) -> float:
        """The same for a stem (`stem`), from the summed frequency of the words it stands for: a crude stem
        is often no word ('announc', 'charg'), which `weight` takes for a rare one."""
        return min(_MAX_WEIGHT, max(0.0, _TOP_ZIPF - self.stem_zipf.get(stemmed, _RARE_ZIPF)))


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


def stem_frequencies(zipf: Mapping[str, float]) -> dict[str, float]:
    """Zipf frequency of every stem: that of all the listed words that strip to it, summed ('charges',
    'charged', 'charging' -> 'charg')."""
    total: dict[str, float] = {}
    for word, value in zipf.items():
        key = stem(word)
        total[key] = total.get(key, 0.0) + 10.0**value
    return {key: math.log10(value) for key, value in total.items()}


def _headline(line: str) -> bool:
    """A short line in headline case (most long words capitalised), where capitals say little about names."""
    if len(line) > _HEADLINE_CHARS:
        return False
    capitals = len(_LONG_CAPITAL.findall(line))
    if capitals < 2:
        return False
    long_words = len(_LONG.findall(line))
    return long_words >= 3 and capitals >= _HEADLINE_SHARE * long_words


def _name_kind(token: str, background: Background) -> tuple[str, int]:
    """(lowercase, kind): kind 0 never a name (stop word, one letter), 1 a common word (a name unless it
    opens a sentence), 2 a name wherever it stands."""
    lower = token.lower().replace("’", "'")
    if lower in background.stop or len(lower) < 2:
        return lower, 0
    return lower, 1 if background.is_common(lower) else 2


def _names(text: str, background: Background, kinds: dict[str, tuple[str, int]]) -> Counter[str]:
    """Capitalised words that are not just sentence-initial, and adjacent pairs of them ('angela_merkel').
    `kinds`: a cache of `_name_kind` shared by the documents of one call."""
    names: Counter[str] = Counter()
    for line in text.splitlines():
        headline = None
        for run in _NAME_RUN.finditer(line):
            if headline is None:
                headline = _headline(line)
            initial = headline or bool(_SENTENCE_GAP.search(line[max(0, run.start() - 3) : run.start()]))
            previous = ""
            found = run.group()
            for token in [found] if found.isalpha() else _NAME_TOKEN.findall(found):
                lower, kind = kinds.get(token) or kinds.setdefault(token, _name_kind(token, background))
                if kind == 0 or (initial and kind == 1):
                    previous = ""
                else:
                    names[lower] += 1
                    if previous:
                        names[previous + "_" + lower] += 1
                    previous = lower
                initial = headline
    return names


def _count(text: str, background: Background, stems: dict[str, str], kinds: dict[str, tuple[str, int]]) -> _Counts:
    """Stemmed words, names and numbers of two or more digits. `stems`: token -> stem ('' for a stop word)
    and `kinds` (see `_names`): caches shared by the documents of one call, which repeat most of their words."""
    tokens = _WORD.findall(text)
    for token in set(tokens).difference(stems):
        lower = token.lower().replace("’", "'")
        stems[token] = "" if lower in background.stop or len(lower) < 3 else stem(lower)
    words = Counter(map(stems.__getitem__, tokens))
    words.pop("", None)
    numbers = Counter(digits for digits in (n.translate(_NUMBER_JOINERS) for n in _NUMBER.findall(text)) if len(digits) >= 2)
    return _Counts(words, _names(text, background, kinds), numbers)


def _lead(text: str, chars: int) -> str:
    """The opening of the body up to the end of a sentence within `chars`: it states what happened."""
    head = text[:chars]
    end = max(head.rfind(". "), head.rfind("\n"))
    return head[: end + 1] if end > 0 else head


class _Table:
    """Term counts of one view for a run of documents: body counts and title-or-lead presence, as the
    columns and values of sparse matrices over one growing vocabulary (local to one call)."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.body: tuple[list[int], list[float], list[int]] = ([], [], [0])
        self.title: tuple[list[int], list[float], list[int]] = ([], [], [0])

    def add(self, body: Counter[str], title: Counter[str]) -> None:
        for counts, (columns, values, indptr) in ((body, self.body), (title, self.title)):
            for key in [key for key in counts if key not in self.vocabulary]:
                self.vocabulary[key] = len(self.vocabulary)
            columns.extend(map(self.vocabulary.__getitem__, counts))
            values.extend(counts.values())
            indptr.append(len(columns))

    def counted(self) -> _Counted:
        def arrays(part: tuple[list[int], list[float], list[int]]) -> _Part:
            columns, values, indptr = part
            return (np.array(columns, dtype=np.int64), np.array(values, dtype=np.float64),
                    np.array(indptr, dtype=np.int64))

        return _Counted(list(self.vocabulary), arrays(self.body), arrays(self.title))


_Part = tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64]]  # columns, values, row pointers


@dataclass(frozen=True)
class _Counted:
    """A `_Table` as arrays: what a counting process sends back, and what runs of documents join into."""

    terms: list[str]  # in column order
    body: _Part
    title: _Part

    @staticmethod
    def join(runs: Sequence[_Counted]) -> _Counted:
        """The runs' rows one after another, over one vocabulary in order of first use, as one `_Table` over
        all their documents would have it: the matrices are the same, entry for entry."""
        if len(runs) == 1:
            return runs[0]
        vocabulary: dict[str, int] = {}
        columns: list[NDArray[np.int64]] = []
        for run in runs:
            for term in run.terms:
                vocabulary.setdefault(term, len(vocabulary))
            columns.append(np.array([vocabulary[term] for term in run.terms], dtype=np.int64))

        def joined(parts: Sequence[_Part]) -> _Part:
            offsets = np.cumsum([0, *(len(part[0]) for part in parts[:-1])])
            return (np.concatenate([new[part[0]] for new, part in zip(columns, parts, strict=True)]),
                    np.concatenate([part[1] for part in parts]),
                    np.concatenate([parts[0][2][:1], *(part[2][1:] + offset for part, offset in
                                                       zip(parts, offsets, strict=True))]))

        return _Counted(list(vocabulary), joined([run.body for run in runs]), joined([run.title for run in runs]))

    def _matrix(self, part: _Part) -> csr_matrix:
        columns, values, indptr = part
        return csr_matrix((values, columns, indptr), shape=(len(indptr) - 1, max(1, len(self.terms))))

    def matrix(self, weight: Callable[[str], float], title_weight: float) -> csr_matrix:
        """Sublinear term frequency, plus `title_weight` for a feature of the title or lead, times the
        feature's weight."""
        body, title = self._matrix(self.body), self._matrix(self.title)
        body.data = 1.0 + np.log(body.data)
        title.data = np.full(len(title.data), title_weight)
        weights = np.zeros(body.shape[1])
        weights[: len(self.terms)] = [weight(term) for term in self.terms]
        table = csr_matrix((body + title) @ diags(weights))
        table.eliminate_zeros()
        return table


def count_views(docs: Sequence[GroupingDoc], background: Background, config: GroupingConfig,
                workers: int = 1) -> tuple[csr_matrix, ...]:
    """Weighted words, story words, names and numbers of every document, one row each (not yet normalised).

    Words weigh by the frequency of all the forms a stem stands for. Story words are the same words weighed
    as if the stem were a word, the old way: a stem that is none ('includ', 'charg', 'busines') counts as
    rare, common verbs and nouns alike, by accident rather than design. On ECB+ dev the corrected weights
    gave events +0.002 B-cubed F1 but stories -0.027 (-0.022 with the present story links); flatter
    corrected weights (square root, a higher top), unstemmed words, words without names and a boost for
    event-trigger words (ACE 2005) all stayed 0.004-0.05 below. So stories keep the old weights until a
    principled story representation beats them. Event words count the title and lead less than the other
    views do (GroupingConfig.event_lead_words)."""
    words, names, numbers = _count_runs(docs, background, config, workers)
    return (words.matrix(background.stem_weight, config.event_lead_words),
            words.matrix(background.weight, config.title_weight),  # story words: see above
            # a name weighs like its last word, plus one: a capitalised mention is more specific than the bare word
            names.matrix(lambda name: background.weight(name.rsplit("_", 1)[-1]) + 1.0, config.title_weight),
            numbers.matrix(lambda _number: 1.0, config.title_weight))


def _count_runs(docs: Sequence[GroupingDoc], background: Background, config: GroupingConfig,
                workers: int) -> tuple[_Counted, ...]:
    """The words, names and numbers tables of `docs`, counted in `workers` runs of documents at once: every
    run but the first in a forked process (beside.py), which sends back its tables as arrays."""
    size = -(-len(docs) // max(1, workers))
    runs = [docs[start : start + size] for start in range(0, len(docs), size)] or [docs]
    pending = [run_beside(partial(_count_run, run, background, config), parallel=True) for run in runs[1:]]
    try:
        counted = [_count_run(runs[0], background, config), *(run.result() for run in pending)]
    finally:
        for run in pending:
            run.cancel()
    return tuple(_Counted.join([run[view] for run in counted]) for view in range(3))


def _count_run(docs: Sequence[GroupingDoc], background: Background, config: GroupingConfig) -> tuple[_Counted, ...]:
    stems: dict[str, str] = {}
    kinds: dict[str, tuple[str, int]] = {}
    tables = (_Table(), _Table(), _Table())
    for doc in docs:
        body = _count(doc.text[: config.max_chars], background, stems, kinds)
        title = _count(doc.title + "\n" + _lead(doc.text, config.lead_chars), background, stems, kinds)
        tables[0].add(body.words, title.words)
        tables[1].add(body.names, title.names)
        tables[2].add(body.numbers, title.numbers)
    return tuple(table.counted() for table in tables)
