"""Candidate pairs: which articles are worth comparing at all.

Comparing every article with every other grows with the square of the corpus. Two reports of one happening,
and two similar happenings, share some of their most telling words and names, so each article is indexed
under its `keys` heaviest features, and articles are compared only when they share a key. A key held by
many articles (a country, a president) would still pair everything with everything: its articles are
sorted by publication date and each is paired with the next `window` of them only (the sorted-neighbourhood
method of record linkage), which keeps the articles closest in time, the likeliest to report one event,
and bounds the work to about n * keys * window pairs. A key held by at most window + 1 articles pairs all
of them, so small corpora are compared exhaustively on every shared key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

Index = NDArray[np.int64]


@dataclass(frozen=True)
class Pairs:
    """Unordered article pairs (left < right), sorted."""

    left: Index
    right: Index

    def where(self, keep: Callable[[Pairs], NDArray[np.bool_]]) -> Pairs:
        """The pairs for which `keep` is true."""
        mask = keep(self)
        return Pairs(self.left[mask], self.right[mask])

    @classmethod
    def every(cls, size: int) -> Pairs:
        left, right = np.triu_indices(size, k=1)
        return cls(left.astype(np.int64), right.astype(np.int64))


@dataclass(frozen=True)
class Blocking:
    """`keys` features indexed per row, pairs within `window` per feature; keys 0 compares every pair."""

    keys: int
    window: int
    min_shared: int = 1

    def pairs(self, matrix: csr_matrix, days: NDArray[np.float64], ids: Sequence[str],
              keep: Callable[[Pairs], NDArray[np.bool_]] | None = None) -> Pairs:
        """Candidate pairs of rows; `keep`: a further test of pairs (such as a date window)."""
        if not self.keys:
            every = Pairs.every(matrix.shape[0])
            return every if keep is None else every.where(keep)
        return candidate_pairs(matrix, time_order(days, ids), self.keys, self.window, self.min_shared, keep)


def top_keys(matrix: csr_matrix, keys: int) -> tuple[Index, Index]:
    """(row, column) of the `keys` largest entries of every row (ties: lower column first)."""
    if not matrix.has_sorted_indices:
        matrix = matrix.sorted_indices()
    counts = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), counts)
    # by row, then by weight, ties in the (sorted) column order: two stable sorts, a fifth faster than lexsort
    order = np.argsort(-matrix.data, kind="stable")
    order = order[np.argsort(rows[order], kind="stable")]
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    chosen = order[rank < keys]
    return rows[chosen], matrix.indices[chosen].astype(np.int64)


def time_order(ordinals: NDArray[np.float64], ids: Sequence[str]) -> Index:
    """Rank of every article by publication day (undated last), ties by a hash of the id: ids often encode
    a source or topic, and a window over them would compare neighbours by accident of naming."""
    days = np.where(np.isnan(ordinals), np.inf, ordinals)
    salt = [hashlib.blake2b(i.encode("utf-8"), digest_size=8).hexdigest() for i in ids]
    order = np.lexsort((np.array(salt), days))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    return rank


def candidate_pairs(matrix: csr_matrix, rank: Index, keys: int, window: int, min_shared: int = 1,
                    keep: Callable[[Pairs], NDArray[np.bool_]] | None = None) -> Pairs:
    """Pairs of rows that share `min_shared` of their top `keys` features, within `window` of each other
    (in `rank` order) among the rows holding that feature; only those `keep` accepts, if given."""
    rows, columns = top_keys(matrix, keys)
    order = np.lexsort((rank[rows], columns))
    rows, columns = rows[order], columns[order]
    found: list[NDArray[np.int64]] = []
    size = np.int64(matrix.shape[0])
    for step in range(1, window + 1):
        same = np.flatnonzero(columns[step:] == columns[:-step])
        if not len(same):
            break
        a, b = rows[same], rows[same + step]
        if keep is not None:
            accepted = keep(Pairs(a, b))
            a, b = a[accepted], b[accepted]
        found.append(np.minimum(a, b) * size + np.maximum(a, b))
    if not found:
        return Pairs(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    codes, shared = np.unique(np.concatenate(found), return_counts=True)
    codes = codes[shared >= min_shared]
    return Pairs(codes // size, codes % size)
