"""Stories: connected components of a graph over events.

Two events are linked when the mean similarity of their articles is strong, or when each is the other's
most similar event and the similarity is at least weak. Similar happenings are often told with different
names and places (two celebrity rehab check-ins, two pin-up icons dying), so their absolute similarity can
sit below that of unrelated articles sharing a place; being each other's nearest neighbour is the better
evidence there. Clusters are whole events, so every event lies inside one story.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from builder.grouping.agglomerate import Matrix


def event_similarity(similarity: Matrix, events: Sequence[int]) -> Matrix:
    """Mean article similarity between every two events (rows and columns in order of sorted event numbers)."""
    labels = sorted(set(events))
    member = np.zeros((len(labels), len(events)))
    member[[labels.index(label) for label in events], np.arange(len(events))] = 1.0
    pair_sim = similarity.copy()
    np.fill_diagonal(pair_sim, 0.0)
    size = member.sum(axis=1)
    return np.asarray((member @ pair_sim @ member.T) / np.outer(size, size), dtype=np.float64)


def link_events(similarity: Matrix, events: Sequence[int], strong: float, weak: float) -> list[int]:
    """A story number per row: components of strong links and weak mutual-nearest-neighbour links."""
    labels = sorted(set(events))
    if len(labels) < 2:
        return [0] * len(events)
    between = event_similarity(similarity, events)
    np.fill_diagonal(between, -np.inf)
    nearest = np.argmax(between, axis=1)
    mutual = nearest[nearest] == np.arange(len(labels))
    links = between >= strong
    for event in np.flatnonzero(mutual & (between[np.arange(len(labels)), nearest] >= weak)):
        links[event, nearest[event]] = True
    _, component = connected_components(csr_matrix(links), directed=False)
    return [int(component[labels.index(label)]) for label in events]
