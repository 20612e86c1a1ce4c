"""Greedy average-linkage clustering, optionally relative to how tight each cluster is.

Plain average linkage cuts every merge at one absolute similarity, but articles about one happening can be
loosely similar (a long, wandering event) while two different but similar happenings can be closer than that
(two Klitschko title defences). The relative score compares the similarity between two clusters with
the similarity inside them: two tight clusters that are only half as similar to each other stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Linkage:
    """Merge while the mean similarity between two clusters is at least `floor` and at least `ratio` times
    the geometric mean of their cohesions (ratio 0: plain average linkage). Cohesion is the mean similarity
    of pairs inside a cluster, shrunk towards `prior` with the weight of `strength` pairs (a single article
    has only the prior)."""

    floor: float
    ratio: float = 0.0
    prior: float = 1.0
    strength: float = 1.0


def agglomerate(similarity: Matrix, linkage: Linkage, start: Sequence[int] | None = None) -> list[int]:
    """A cluster number per row. `start`: initial cluster numbers (rows already together), default singletons."""
    size = similarity.shape[0]
    start = list(range(size)) if start is None else list(start)
    labels = sorted(set(start))
    member = np.zeros((len(labels), size))
    member[[labels.index(label) for label in start], np.arange(size)] = 1.0
    if len(labels) < 2:
        return [0] * size
    pair_sim = similarity.copy()
    np.fill_diagonal(pair_sim, 0.0)
    between = member @ pair_sim @ member.T
    state = _State(between, member, linkage)
    while state.merge_best():
        pass
    return [int(row) for row in np.argmax(state.member[state.active], axis=0)]


class _State:
    """The working matrices of one clustering run (local to `agglomerate`, never shared)."""

    def __init__(self, between: Matrix, member: Matrix, linkage: Linkage) -> None:
        self.linkage = linkage
        self.member = member
        self.size = member.sum(axis=1)
        self.within = np.diag(between).copy() / 2.0
        self.between = between
        np.fill_diagonal(self.between, 0.0)
        self.active = np.ones(len(self.size), dtype=bool)
        self.cohesion = np.array([self._cohesion(i) for i in range(len(self.size))])
        self.score = np.vstack([self._scores(i) for i in range(len(self.size))])

    def _cohesion(self, i: int) -> float:
        pairs = self.size[i] * (self.size[i] - 1) / 2
        return float((self.linkage.prior * self.linkage.strength + self.within[i]) / (self.linkage.strength + pairs))

    def _scores(self, i: int) -> Matrix:
        mean = self.between[i] / (self.size[i] * self.size)
        score = mean / np.sqrt(np.maximum(self.cohesion[i] * self.cohesion, 1e-12)) if self.linkage.ratio > 0 else mean
        score[(mean < self.linkage.floor) | ~self.active] = -np.inf
        score[i] = -np.inf
        return np.asarray(score, dtype=np.float64)

    def merge_best(self) -> bool:
        """Merge the best-scoring pair if it qualifies; False when nothing does."""
        a, b = divmod(int(np.argmax(self.score)), len(self.size))
        if not np.isfinite(self.score[a, b]) or self.score[a, b] < self.linkage.ratio:
            return False
        a, b = min(a, b), max(a, b)
        self.within[a] += self.within[b] + self.between[a, b]
        self.size[a] += self.size[b]
        self.member[a] += self.member[b]
        self.between[a] += self.between[b]
        self.between[:, a] = self.between[a]
        self.between[a, a] = 0.0
        self.active[b] = False
        self.score[b] = self.score[:, b] = -np.inf
        self.cohesion[a] = self._cohesion(a)
        self.score[a] = self.score[:, a] = self._scores(a)
        return True
