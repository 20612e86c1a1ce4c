"""Article similarities on candidate pairs, and stable cluster ids."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack
from sklearn.preprocessing import normalize

from builder.grouping.blocking import Pairs
from builder.grouping.features import Background, count_views
from builder.grouping.records import GroupingConfig, GroupingDoc

Vector = NDArray[np.float64]
# stored entries copied at once when multiplying pairs of rows: a few MB, which stay in the CPU's cache (at 50k
# articles 2,000,000 took a quarter longer)
_CHUNK_ENTRIES = 125_000


@dataclass(frozen=True)
class Views:
    """One row per article and view, each row of unit length (an empty row stays zero); `story_words`: the
    words as weighed for stories (features.count_views)."""

    words: csr_matrix
    names: csr_matrix
    numbers: csr_matrix
    story_words: csr_matrix

    @classmethod
    def of(cls, docs: Sequence[GroupingDoc], background: Background, config: GroupingConfig,
           workers: int = 1) -> Views:
        words, story_words, names, numbers = count_views(docs, background, config, workers)
        return cls(csr_matrix(normalize(words)), csr_matrix(normalize(names)), csr_matrix(normalize(numbers)),
                   csr_matrix(normalize(story_words)))

    def story(self, names_share: float) -> csr_matrix:
        """Rows whose dot product is the story similarity: story words and names, weighted by their shares."""
        return csr_matrix(hstack([self.story_words * np.sqrt(1 - names_share), self.names * np.sqrt(names_share)],
                                 format="csr"))

    def keys(self) -> csr_matrix:
        """Words and names side by side: what the blocking indexes each article under."""
        return csr_matrix(hstack([self.words, self.names], format="csr"))


def pair_dots(matrix: csr_matrix, pairs: Pairs) -> Vector:
    """Dot product of the rows of each pair (the cosine, for unit rows)."""
    out = np.zeros(len(pairs.left))
    chunk = max(1, int(_CHUNK_ENTRIES * matrix.shape[0] / max(1, matrix.nnz)))
    for start in range(0, len(out), chunk):
        left, right = pairs.left[start : start + chunk], pairs.right[start : start + chunk]
        out[start : start + len(left)] = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    return out


def similarities(views: Views, pairs: Pairs, config: GroupingConfig) -> tuple[Vector, Vector]:
    """Event similarity (words, and above all who, where, how many) of each pair, and its numbers part.

    An article that states no numbers (a one-line brief) says nothing about how many or when: its numbers
    similarity to any other is taken as `event_numbers_missing`, a weak agreement, rather than 0, the mark
    of two articles that give different figures."""
    words = pair_dots(views.words, pairs)
    names = pair_dots(views.names, pairs)
    stated = np.diff(views.numbers.indptr) > 0
    numbers = np.where(stated[pairs.left] & stated[pairs.right], pair_dots(views.numbers, pairs),
                       config.event_numbers_missing)
    names_share, numbers_share = config.event_names_share, config.event_numbers_share
    event = (1 - names_share - numbers_share) * words + names_share * names + numbers_share * numbers
    return np.asarray(event), np.asarray(numbers)


def day_ordinals(docs: Sequence[GroupingDoc]) -> Vector:
    """Publication day as a number (NaN when unknown)."""
    return np.array([d.published.toordinal() if d.published else np.nan for d in docs], dtype=np.float64)


def within_days(days: Vector, pairs: Pairs, max_gap_days: int) -> NDArray[np.bool_]:
    """Pairs that may report one happening: published at most `max_gap_days` apart, or undated."""
    gap = np.abs(days[pairs.left] - days[pairs.right])
    return np.asarray(np.isnan(gap) | (gap <= max_gap_days))


def cluster_id(prefix: str, members: Sequence[str]) -> str:
    """A stable name from the sorted member ids: the same group gets the same id in every run."""
    digest = hashlib.sha1("\n".join(sorted(members)).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"
