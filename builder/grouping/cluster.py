"""Similarity matrices between articles, and stable cluster ids."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.preprocessing import normalize

from builder.grouping.agglomerate import Matrix
from builder.grouping.features import DocFeatures
from builder.grouping.records import GroupingConfig, GroupingDoc


def cosine(rows: Sequence[dict[str, float]]) -> Matrix:
    """Pairwise cosine similarity of sparse feature dicts (an empty row is similar to nothing)."""
    if not any(rows):
        return np.zeros((len(rows), len(rows)))
    matrix = normalize(DictVectorizer(sort=True).fit_transform(rows))
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)


def similarities(features: Sequence[DocFeatures], config: GroupingConfig) -> tuple[Matrix, Matrix]:
    """Story similarity (what the articles are about) and event similarity (who, where, how many)."""
    words = cosine([f.words for f in features])
    names = cosine([f.names for f in features])
    numbers = cosine([f.numbers for f in features])
    story = (1 - config.story_names_share) * words + config.story_names_share * names
    names_share, numbers_share = config.event_names_share, config.event_numbers_share
    event = (1 - names_share - numbers_share) * words + names_share * names + numbers_share * numbers
    return story, event


def date_mask(docs: Sequence[GroupingDoc], max_gap_days: int) -> Matrix:
    """1 where two articles may report one happening, 0 where their dates lie too far apart."""
    days = np.array([d.published.toordinal() if d.published else np.nan for d in docs], dtype=np.float64)
    gap = np.abs(days[:, None] - days[None, :])
    return np.where(np.isnan(gap) | (gap <= max_gap_days), 1.0, 0.0)


def cluster_id(prefix: str, members: Sequence[str]) -> str:
    """A stable name from the sorted member ids: the same group gets the same id in every run."""
    digest = hashlib.sha1("\n".join(sorted(members)).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"
