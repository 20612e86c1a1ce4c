"""Stories: groups of events joined by strong links, then connected by weak ones.

Two events are linked when the mean similarity of their articles is strong and they share names (who, where),
or when each is the other's most similar event and the similarity is at least weak. Similar happenings are
often told with different names and places (two celebrity rehab check-ins, two pin-up icons dying), so their
absolute similarity can sit below that of unrelated articles sharing a place; being each other's nearest
neighbour is the better evidence there. Clusters are whole events, so every event lies inside one story.

Strong links join groups of events by average linkage, not pair by pair: in a large corpus strong links chain
(a story of one campaign to a story of another through one speech each of them reported), and a story reached
by chaining is one no reader would call one story.

Article similarity is a dot product of vectors, so the mean similarity of the articles of two events is the
dot product of the events' summed vectors divided by both sizes: exact, without comparing articles one by
one. Only event pairs found by the blocking are compared.

What ECB+ dev stories still miss (0.9606) is the kind of happening: two court cases, two killings, two
deaths of pin-up icons share a field's words or a place more than each other's (the partner ranks 2nd to
14th), and the one wrong join is a strong link between mutually nearest events (two Athens riots, mean 0.23,
names 0.27). Tried and dropped (48 random 30-topic subsets each; nearest-event accuracy 79 of 89 events here):
event IDF over the batch's events (0.915-0.949), a lone event joining the story it is mutually nearest to
(0.943, 44 subsets worse), the hub correction among whole events only (k=2 0.966, k=1, 3, 4, 6 0.956: fitted
as before), max or best-match linkage of member articles (71, 76 of 89), centroid cosine, terms weighted by
the share of an event's articles holding them, centroids cut to their top 10-160 terms (58-79), word bigrams
(0.952, 38 worse), the lead weighted 2 or cut at 150 characters (0.957, 0.955), other term frequencies or a
decay by position, stems merged with their final -e (75), parts of multi-word names left out of the words
(0.948), and, as an upper bound for a gazetteer, spaCy entity types: places, persons or organisations
weighted 0-2 (74-79). Names share, strong, weak and fragment settings sit on plateaus (same on every subset).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from builder.grouping.agglomerate import Graph, Linkage, agglomerate
from builder.grouping.blocking import Blocking, Index, Pairs
from builder.grouping.cluster import pair_dots


def _nearest(size: int, pairs: Pairs, mean: NDArray[np.float64]) -> Index:
    """The most similar event of every event (lowest number on ties), -1 for an event compared with none."""
    rows = np.concatenate([pairs.left, pairs.right])
    others = np.concatenate([pairs.right, pairs.left])
    values = np.concatenate([mean, mean])
    order = np.lexsort((others, -values, rows))
    nearest = np.full(size, -1, dtype=np.int64)
    if len(order):
        first = order[np.r_[True, rows[order][1:] != rows[order][:-1]]]
        nearest[rows[first]] = others[first]
    return nearest


def _local_scale(size: int, pairs: Pairs, mean: NDArray[np.float64], neighbours: int) -> NDArray[np.float64]:
    """The mean similarity of every event to its `neighbours` most similar events (0 for one compared with none)."""
    rows = np.concatenate([pairs.left, pairs.right])
    values = np.concatenate([mean, mean])
    order = np.lexsort((-values, rows))
    rows, values = rows[order], values[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    top = rank < neighbours
    total = np.bincount(rows[top], weights=values[top], minlength=size)
    return np.asarray(total / np.maximum(np.bincount(rows[top], minlength=size), 1))


def _corrected_nearest(size: int, pairs: Pairs, mean: NDArray[np.float64], neighbours: int) -> Index:
    """The nearest event of every event among `pairs` (see `_nearest`), after the hub correction
    (cross-domain similarity local scaling, Conneau et al. 2018): a pair's similarity less the mean
    similarity of each event to its `neighbours` nearest ones. An event told in the common words of a
    whole field (a court case, a shooting) is near to many events and would otherwise be every one's
    nearest neighbour, taking the place of the one similar happening (0: no correction)."""
    if neighbours:
        scale = _local_scale(size, pairs, mean, neighbours)
        mean = 2 * mean - scale[pairs.left] - scale[pairs.right]
    return _nearest(size, pairs, mean)


def _mutual(size: int, pairs: Pairs, mean: NDArray[np.float64], neighbours: int) -> NDArray[np.bool_]:
    """Pairs whose two events are each other's nearest neighbour among `pairs` (after the hub correction)."""
    nearest = _corrected_nearest(size, pairs, mean, neighbours)
    return np.asarray((nearest[pairs.left] == pairs.right) & (nearest[pairs.right] == pairs.left))


def _weak_links(fragment: NDArray[np.bool_], pairs: Pairs, mean: NDArray[np.float64],
                neighbours: int) -> NDArray[np.bool_]:
    """Mutual nearest neighbours among all events, and among the events that are not fragments: a stray
    piece of one event, nearest to it, would otherwise hide a similar event that chose it. And a fragment
    with its nearest whole event, whether or not that event chooses it back: the piece belongs with what it
    is nearest to, while the whole event may rightly be nearer to another whole one. A fragment has one
    nearest event, so nearness links it to one event only: pieces hang off whole events, never bridge two."""
    whole = ~fragment[pairs.left] & ~fragment[pairs.right]
    among_whole = np.zeros(len(mean), dtype=bool)
    among_whole[whole] = _mutual(len(fragment), Pairs(pairs.left[whole], pairs.right[whole]), mean[whole],
                                 neighbours)
    nearest = _corrected_nearest(len(fragment), pairs, mean, neighbours)
    piece = (fragment[pairs.left] & ~fragment[pairs.right] & (nearest[pairs.left] == pairs.right)) \
        | (fragment[pairs.right] & ~fragment[pairs.left] & (nearest[pairs.right] == pairs.left))
    return np.asarray(_mutual(len(fragment), pairs, mean, neighbours) | among_whole | piece)


@dataclass(frozen=True)
class StoryLinkage:
    """Link two events at a mean similarity of `strong`, or of `weak` when each is the other's nearest
    neighbour among at least `choices` other events. Being nearest says nothing when there is hardly anything
    else to be near: two unrelated articles on a small site are each other's nearest neighbour. An event of
    at most `fragment` articles is often a stray piece of a larger one (a report told with other names or
    numbers), the nearest neighbour of its own event: so nearness is also judged among the larger events
    alone, where two similar events can choose each other past their fragments, and a fragment joins the
    whole event nearest to it. Nearness is judged after the hub correction over `neighbours` nearest events
    (see `_corrected_nearest`). A strong link also needs the two
    events to share someone or somewhere, a mean similarity of their names of `names_least`: a field's
    common words make every two earthquakes or court cases alike, and strong links chain (Iran's quake to
    Indonesia's to California's); similar happenings told with other names join only by choosing each other.
    Groups of strongly linked events merge while the mean over all pairs of events across them, a pair without
    a strong link counting 0, is at least `strong_average` times `strong` (agglomerate.py); 0 gives the
    connected components of strong links."""

    strong: float
    weak: float
    choices: int = 3
    fragment: int = 0
    neighbours: int = 0
    names_least: float = 0.0
    strong_average: float = 0.0


def link_events(vectors: csr_matrix, events: Sequence[int], linkage: StoryLinkage, blocking: Blocking,
                days: NDArray[np.float64], ids: Sequence[str], names: csr_matrix | None = None) -> list[int]:
    """A story number per row of `vectors` (articles, dot product = similarity): groups of strongly linked
    `events` (average linkage), connected by weak mutual-nearest-neighbour links. `names`: the articles' unit name vectors, for
    the names a strong link needs (None: strong links need none)."""
    labels, index = np.unique(np.asarray(events, dtype=np.int64), return_inverse=True)
    if len(labels) < 2:
        return [0] * len(events)
    member = csr_matrix((np.ones(len(index)), (index, np.arange(len(index)))), shape=(len(labels), len(index)))
    sums = csr_matrix(member @ vectors)
    size = np.bincount(index).astype(np.float64)
    first = np.full(len(labels), len(index), dtype=np.int64)
    np.minimum.at(first, index, np.arange(len(index)))
    event_days = np.full(len(labels), np.inf)
    np.fmin.at(event_days, index, days)  # the first known day of each event; fmin skips unknown ones
    event_days[np.isinf(event_days)] = np.nan
    pairs = blocking.pairs(sums, event_days, [ids[k] for k in first.tolist()])
    pair_size = size[pairs.left] * size[pairs.right]
    mean = pair_dots(sums, pairs) / pair_size
    strong = mean >= linkage.strong
    if names is not None:
        strong &= pair_dots(csr_matrix(member @ names), pairs) / pair_size >= linkage.names_least
    weak = linkage.weak if len(labels) - 1 >= linkage.choices else np.inf
    link = _weak_links(size <= linkage.fragment, pairs, mean, linkage.neighbours) & (mean >= weak)
    if linkage.strong_average:
        grown = np.asarray(agglomerate(Graph(len(labels), pairs.left[strong], pairs.right[strong], mean[strong]),
                                       Linkage(floor=linkage.strong * linkage.strong_average)), dtype=np.int64)
    else:
        grown, link = np.arange(len(labels)), link | strong
    # each event tied to its group (the group's number is one of its events), and the links between events
    rows, columns = np.concatenate([np.arange(len(labels)), pairs.left[link]]), np.concatenate([grown, pairs.right[link]])
    graph = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(labels),) * 2)
    _, component = connected_components(graph, directed=False)
    return [int(c) for c in component[index]]
