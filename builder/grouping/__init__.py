"""Events (articles about the same happening) and stories (similar events).

Events first: greedy average linkage over articles on a similarity that leans on names and numbers (who,
where, how many), relative to how tight each candidate event already is, never across a large gap in
publication dates, and never between two events each tight on figures of its own that they do not share
(the numbers veto: agglomerate.Linkage.check_ratio), while two events that share such figures as much as
they share them inside merge on less alike words (agglomerate.Linkage.agreeing_ratio). Stories then join
whole events on word and name similarity: strongly similar events that share names, weakly similar ones that
are each other's nearest neighbour, and small stray pieces of an event with the event nearest to them
(stories.py; a correction for hub events, alike to many, is there but off by default: see GroupingConfig);
so every event lies inside one story.
Documents are sorted by id first and cluster ids are derived from the member ids, so the result does not
depend on input order. The work grows linearly: articles are compared only when they share one of their
heaviest words or names and lie within the event date window (blocking.py), events are clustered on that
sparse graph, and stories compare events through their summed vectors (bench/grouping_scale.txt).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from builder.errors import ContractError
from builder.grouping.agglomerate import Graph, Linkage, agglomerate
from builder.grouping.blocking import Blocking
from builder.grouping.cluster import Views, cluster_id, day_ordinals, similarities, within_days
from builder.grouping.features import Background
from builder.grouping.records import Assignment, GroupingConfig, GroupingDoc
from builder.grouping.stories import StoryLinkage, link_events

__all__ = ["Assignment", "Background", "GroupingConfig", "GroupingDoc", "group_documents"]

# Counting is a third of the grouping at scale and per document, so large corpora count in runs of documents,
# one per worker; below this many documents a forked process costs more than it saves.
PARALLEL_LEAST = 2_000


def group_documents(docs: Sequence[GroupingDoc], config: GroupingConfig | None = None,
                    background: Background | None = None, workers: int = 1) -> Assignment:
    """Event and story ids per document id. `background` may be passed in to load the lexicon once.
    `workers`: processes that count the documents' words at once (from `PARALLEL_LEAST` documents; the
    result is the same)."""
    config = config or GroupingConfig()
    ordered = sorted(docs, key=lambda d: d.id)
    ids = [d.id for d in ordered]
    duplicates = sorted({i for i, j in itertools.pairwise(ids) if i == j})
    if duplicates:
        raise ContractError(f"duplicate document id(s) {', '.join(map(repr, duplicates))}: each article needs its own id")
    if not ordered:
        return Assignment({}, {})
    background = background or Background.load()
    views = Views.of(ordered, background, config, workers if len(ordered) >= PARALLEL_LEAST else 1)
    days = day_ordinals(ordered)
    blocking = Blocking(config.block_keys, config.block_window, config.block_shared)
    pairs = blocking.pairs(views.keys(), days, ids, lambda p: within_days(days, p, config.event_max_gap_days))
    event_sim, numbers_sim = similarities(views, pairs, config)
    near = event_sim >= config.event_least
    event_graph = Graph(len(ordered), pairs.left[near], pairs.right[near], event_sim[near], numbers_sim[near])
    event_linkage = Linkage(config.event_floor, config.event_ratio, config.event_prior, config.event_prior_strength,
                            config.event_numbers_ratio, config.event_numbers_missing, config.event_agreeing_ratio)
    events = agglomerate(event_graph, event_linkage)
    story_linkage = StoryLinkage(config.story_strong, config.story_weak, config.story_weak_choices,
                                 config.story_fragment, config.story_hub_neighbours, config.story_names_least,
                                 config.story_strong_average)
    stories = link_events(views.story(config.story_names_share), events, story_linkage,
                          Blocking(config.story_keys, config.story_window), days, ids, views.names)
    return Assignment(_names("e", ids, events), _names("s", ids, stories))


def _names(prefix: str, ids: list[str], labels: list[int]) -> dict[str, str]:
    members: dict[int, list[str]] = defaultdict(list)
    for doc_id, label in zip(ids, labels, strict=True):
        members[label].append(doc_id)
    name = {label: cluster_id(prefix, group) for label, group in members.items()}  # once per cluster, not per member
    return {doc_id: name[label] for doc_id, label in zip(ids, labels, strict=True)}
