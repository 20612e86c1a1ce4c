"""Grouping articles into events (one happening) and stories (similar happenings), on short made-up articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from builder.errors import ConfigError, ContractError
from builder.grouping import Assignment, Background, GroupingConfig, GroupingDoc, group_documents
from builder.grouping.agglomerate import Graph, Linkage, agglomerate
from builder.grouping.blocking import Blocking, Pairs, candidate_pairs
from builder.grouping.cluster import Views, pair_dots, similarities
from builder.grouping.features import count_views, stem
from builder.grouping.stories import StoryLinkage, link_events

ROOT = Path(__file__).resolve().parent.parent

CHILE_A = GroupingDoc(
    "chile-a", "Magnitude 6.8 earthquake shakes northern Chile, 14 dead",
    "A magnitude 6.8 earthquake struck near Antofagasta in northern Chile on Tuesday, killing at least 14 people "
    "and damaging hundreds of homes, Chile's emergency office Onemi said. The quake hit at a depth of 35 "
    "kilometres. President Gabriel Boric flew to Antofagasta to inspect collapsed buildings, and rescue teams "
    "searched the rubble through the night.", "Outlet A", dt.date(2024, 3, 5))
CHILE_B = GroupingDoc(
    "chile-b", "Deadly quake hits Antofagasta",
    "At least 14 people were killed when a powerful 6.8-magnitude earthquake rocked the Antofagasta region of "
    "Chile, officials at Onemi reported. Boric visited the damaged port city, where several buildings collapsed "
    "and residents spent the night outdoors fearing aftershocks of the earthquake.", "Outlet B", dt.date(2024, 3, 6))
PERU = GroupingDoc(
    "peru", "Earthquake of magnitude 5.9 strikes southern Peru near Arequipa",
    "A magnitude 5.9 earthquake struck southern Peru near Arequipa, damaging homes and churches and killing "
    "two people. Peru's civil defence institute said rescue teams searched collapsed buildings in the villages "
    "around Arequipa, where residents spent the night outdoors fearing aftershocks.", "Outlet C", dt.date(2024, 3, 20))
RATES = GroupingDoc(
    "rates", "Central bank holds interest rates at 4.5 percent",
    "The central bank kept its benchmark interest rate at 4.5 percent on Thursday, saying inflation was easing "
    "more slowly than expected. Governor Maria Lindqvist told reporters that borrowing costs would stay high "
    "until wage growth cools, and bond yields rose after the decision.", "Outlet A", dt.date(2024, 3, 7))
FOOTBALL = GroupingDoc(
    "football", "Striker Okafor joins Valencia in record transfer",
    "Valencia signed striker Daniel Okafor from Porto for a club-record fee of 48 million euros, the Spanish "
    "club announced. The 24-year-old forward agreed a five-year contract and will wear the number nine shirt "
    "at Mestalla this season.", "Outlet B", None)
CORPUS = (CHILE_A, CHILE_B, PERU, RATES, FOOTBALL)


@pytest.fixture(scope="module")
def background() -> Background:
    return Background.load()


@pytest.fixture(scope="module")
def grouped(background: Background) -> Assignment:
    return group_documents(CORPUS, background=background)


def test_same_happening_from_two_outlets_is_one_event(grouped: Assignment) -> None:
    assert grouped.event["chile-a"] == grouped.event["chile-b"]


def test_similar_happening_is_same_story_other_event(grouped: Assignment) -> None:
    assert grouped.story["peru"] == grouped.story["chile-a"]
    assert grouped.event["peru"] != grouped.event["chile-a"]


@pytest.mark.parametrize("doc_id", ["rates", "football"])
def test_unrelated_articles_are_stories_of_their_own(grouped: Assignment, doc_id: str) -> None:
    others = {grouped.story[d.id] for d in CORPUS if d.id != doc_id}
    assert grouped.story[doc_id] not in others


def test_every_event_lies_inside_one_story(grouped: Assignment) -> None:
    story_of_event: dict[str, set[str]] = {}
    for doc_id, event in grouped.event.items():
        story_of_event.setdefault(event, set()).add(grouped.story[doc_id])
    assert all(len(stories) == 1 for stories in story_of_event.values())


def test_ids_are_prefixed_and_derived_from_members(grouped: Assignment) -> None:
    assert all(value.startswith("e-") for value in grouped.event.values())
    assert all(value.startswith("s-") for value in grouped.story.values())
    assert grouped.event["rates"] != grouped.event["football"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_input_order_does_not_matter(grouped: Assignment, background: Background, seed: int) -> None:
    shuffled = list(CORPUS)
    random.Random(seed).shuffle(shuffled)
    assert group_documents(shuffled, background=background) == grouped


def test_same_input_gives_same_ids(grouped: Assignment, background: Background) -> None:
    assert group_documents(CORPUS, background=background) == grouped


def test_a_subset_keeps_its_grouping(background: Background) -> None:
    """Fixed background weights: two articles are compared the same way whatever else is in the batch."""
    pair = group_documents([CHILE_A, CHILE_B], background=background)
    assert pair.event["chile-a"] == pair.event["chile-b"]


@pytest.mark.parametrize("word", ["charged", "announced", "released", "including", "business"])
def test_a_common_word_weighs_as_common_after_stemming(background: Background, word: str) -> None:
    """A crude stem that is no word ('charg') weighs by the forms it stands for, not as a rare word."""
    assert background.stem_weight(stem(word)) == pytest.approx(background.weight(word), abs=0.5)
    assert background.stem_weight(stem(word)) < background.stem_weight("antofagasta")


def test_a_stem_is_at_least_as_frequent_as_each_of_its_forms(background: Background) -> None:
    forms = ["charges", "charged", "charging"]
    assert {stem(form) for form in forms} == {"charg"}
    assert all(background.stem_weight("charg") <= background.weight(form) for form in forms)


def test_empty_input() -> None:
    assert group_documents([]) == Assignment({}, {})


def test_single_document(background: Background) -> None:
    single = group_documents([RATES], background=background)
    assert set(single.event) == set(single.story) == {"rates"}


def test_empty_text_is_grouped_alone(background: Background) -> None:
    blank = GroupingDoc("blank", "", "")
    result = group_documents([blank, CHILE_A, CHILE_B], background=background)
    assert result.story["blank"] != result.story["chile-a"]


def test_duplicate_ids_are_refused(background: Background) -> None:
    with pytest.raises(ContractError, match="duplicate"):
        group_documents([RATES, RATES], background=background)


def test_a_large_date_gap_splits_the_event_not_the_story(background: Background) -> None:
    later = dataclasses.replace(CHILE_B, id="chile-later", published=dt.date(2024, 9, 1))
    result = group_documents([CHILE_A, later], background=background)
    assert result.event["chile-a"] != result.event["chile-later"]
    assert result.story["chile-a"] == result.story["chile-later"]


def test_config_thresholds_are_respected(background: Background) -> None:
    strict = GroupingConfig(story_strong=0.99, story_weak=0.99, event_floor=0.99)
    result = group_documents(CORPUS, strict, background)
    assert len(set(result.story.values())) == len(CORPUS)


@pytest.mark.parametrize("change", [{"story_strong": 1.5}, {"event_ratio": -0.1}, {"event_names_share": 0.9}, {"max_chars": -1}])
def test_config_out_of_range_is_refused(change: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        GroupingConfig(**change)  # type: ignore[arg-type]


def test_weights_above_one_are_allowed() -> None:
    assert GroupingConfig(title_weight=3.0, event_prior_strength=6.0).title_weight == 3.0


def _seed(path: str) -> GroupingDoc:
    title, _, body = (ROOT / path).read_text(encoding="utf-8").partition("\n")
    return GroupingDoc(path, title.strip(), body)


def test_seed_articles_are_one_story_two_events(background: Background) -> None:
    german = _seed("data/articles/panarmenian/000_4c61d7137088035a.txt")
    russian = _seed("data/articles/southfront/002_b65fdd79a100ce5b.txt")
    result = group_documents([german, russian], background=background)
    assert result.story[german.id] == result.story[russian.id]
    assert result.event[german.id] != result.event[russian.id]


def _two_tight_groups(between: float) -> np.ndarray:
    """Rows 0-2 and 3-5 each similar at 0.6 inside, `between` across."""
    matrix = np.full((6, 6), between)
    matrix[:3, :3] = matrix[3:, 3:] = 0.6
    np.fill_diagonal(matrix, 1.0)
    return matrix


def _vectors(similarity: np.ndarray) -> csr_matrix:
    """Rows whose dot products are `similarity` (a positive semi-definite matrix)."""
    values, vectors = np.linalg.eigh(similarity)
    return csr_matrix(vectors * np.sqrt(np.clip(values, 0.0, None)))


def _link(similarity: np.ndarray, events: list[int]) -> list[int]:
    size = similarity.shape[0]
    return link_events(_vectors(similarity), events, StoryLinkage(0.14, 0.07, choices=1), Blocking(0, 0),
                       np.full(size, np.nan), [str(k) for k in range(size)])


def test_relative_linkage_keeps_two_tight_groups_apart() -> None:
    relative = Linkage(floor=0.1, ratio=0.7, prior=0.25, strength=3.0)
    labels = agglomerate(Graph.dense(_two_tight_groups(0.25)), relative)
    assert labels[:3] == [labels[0]] * 3 and labels[3:] == [labels[3]] * 3
    assert labels[0] != labels[3]


def test_plain_average_linkage_joins_them_above_the_floor() -> None:
    assert len(set(agglomerate(Graph.dense(_two_tight_groups(0.25)), Linkage(floor=0.2)))) == 1
    assert len(set(agglomerate(Graph.dense(_two_tight_groups(0.15)), Linkage(floor=0.2)))) == 2


def _with_check(between: float) -> Graph:
    """Six nodes alike at 0.5 throughout, and on the check view two tight groups `between` apart (the
    groups are given as the start: a single node is never vetoed)."""
    alike = Graph.dense(np.full((6, 6), 0.5))
    check = _two_tight_groups(between)[alike.left, alike.right]
    return Graph(alike.size, alike.left, alike.right, alike.weight, check)


@pytest.mark.parametrize(("between", "check_ratio", "clusters"), [(0.0, 0.3, 2), (0.0, 0.0, 1), (0.4, 0.3, 1)])
def test_check_view_vetoes_merging_groups_that_disagree_on_it(between: float, check_ratio: float,
                                                              clusters: int) -> None:
    linkage = Linkage(floor=0.1, ratio=0.7, prior=0.25, strength=3.0, check_ratio=check_ratio)
    labels = agglomerate(_with_check(between), linkage, start=[0, 0, 0, 1, 1, 1])
    assert len(set(labels)) == clusters


@pytest.mark.parametrize(("check_between", "agreeing_ratio", "clusters"),
                         [(0.4, 0.35, 1), (0.2, 0.35, 2), (0.4, math.inf, 2), (0.4, 0.5, 2)])
def test_groups_that_agree_on_the_check_view_merge_at_a_lower_score(check_between: float, agreeing_ratio: float,
                                                                     clusters: int) -> None:
    """Two tight groups 0.2 apart score 0.47 relative to their cohesion (0.425 each), under the ratio of
    0.7; on the check view each has cohesion 0.3, so a check similarity of 0.4 between them agrees."""
    alike = Graph.dense(_two_tight_groups(0.2))
    graph = Graph(alike.size, alike.left, alike.right, alike.weight,
                  _two_tight_groups(check_between)[alike.left, alike.right])
    linkage = Linkage(floor=0.1, ratio=0.7, prior=0.25, strength=3.0, check_ratio=0.3, check_least=0.1,
                      agreeing_ratio=agreeing_ratio)
    assert len(set(agglomerate(graph, linkage, start=[0, 0, 0, 1, 1, 1]))) == clusters


def test_article_without_numbers_is_weakly_alike_on_numbers(background: Background) -> None:
    config = GroupingConfig()
    docs = [GroupingDoc("a", "Quake strikes coast", "A quake of magnitude 6.4 killed 12 people on the coast."),
            GroupingDoc("b", "Quake strikes coast", "A strong quake killed several people on the coast."),
            GroupingDoc("c", "Quake strikes coast", "A quake of magnitude 5.1 killed 40 people on the coast.")]
    views = Views.of(docs, background, config)
    _, numbers = similarities(views, Pairs(np.array([0, 0]), np.array([1, 2])), config)
    assert numbers.tolist() == [config.event_numbers_missing, 0.0]


def test_a_decimal_point_between_blanks_is_one_number(background: Background) -> None:
    config = GroupingConfig()
    docs = [GroupingDoc("a", "", "A quake of magnitude 4 . 6 hit the coast ."),
            GroupingDoc("b", "", "A magnitude 4.6 quake hit the coast."),
            GroupingDoc("c", "", "A magnitude 4 . 4 quake hit the coast .")]
    views = Views.of(docs, background, config)
    _, numbers = similarities(views, Pairs(np.array([0, 0]), np.array([1, 2])), config)
    assert numbers.tolist() == pytest.approx([1.0, 0.0])


@pytest.mark.parametrize(("check_least", "clusters"), [(0.2, 2), (0.35, 1)])
def test_a_group_loose_on_the_check_view_is_never_vetoed(check_least: float, clusters: int) -> None:
    """Each group's check cohesion is 0.3 (three pairs at 0.6, shrunk with the weight of three pairs at 0)."""
    linkage = Linkage(floor=0.1, ratio=0.7, prior=0.25, strength=3.0, check_ratio=0.3, check_least=check_least)
    labels = agglomerate(_with_check(0.0), linkage, start=[0, 0, 0, 1, 1, 1])
    assert len(set(labels)) == clusters


@pytest.mark.parametrize(("lead_words", "alike"), [(0.0, False), (0.5, True)])
def test_title_words_count_for_events_by_the_lead_weight(background: Background, lead_words: float,
                                                         alike: bool) -> None:
    """Two articles alike in their titles only: their event words meet through the titles unless the lead
    weight is 0; their story words always do."""
    config = GroupingConfig(event_lead_words=lead_words)
    docs = [GroupingDoc("a", "Avalanche buries glacier hut", "Rescuers dug through snow near the summit."),
            GroupingDoc("b", "Avalanche buries glacier hut", "Helicopters flew climbers to hospital in town.")]
    views = Views.of(docs, background, config)
    pair = Pairs(np.array([0]), np.array([1]))
    assert (pair_dots(views.words, pair)[0] > 0) == alike
    assert pair_dots(views.story_words, pair)[0] > 0


@pytest.mark.parametrize("workers", [2, 3])
def test_counting_in_several_processes_gives_the_same_matrices(background: Background, workers: int) -> None:
    """Runs of documents counted apart join into one vocabulary in order of first use: entry for entry the
    matrices of one run, whatever words a later run shares with an earlier one or adds."""
    texts = ["Rescuers dug through snow near the summit of Mont Blanc.", "Helicopters flew 12 climbers to Chamonix.",
             "The avalanche buried a hut near the summit.", "Police in Lyon arrested 3 men on Tuesday.",
             "Climbers from Chamonix said the snow was 40 cm deep."]
    docs = [GroupingDoc(f"d{k}", f"Title {k} Alps", text) for k, text in enumerate(texts)]
    alone = count_views(docs, background, GroupingConfig())
    for one, apart in zip(alone, count_views(docs, background, GroupingConfig(), workers=workers), strict=True):
        assert one.shape == apart.shape and (one != apart).nnz == 0
        assert np.array_equal(one.indices, apart.indices) and np.array_equal(one.indptr, apart.indptr)


def test_agglomerate_starts_from_given_clusters() -> None:
    labels = agglomerate(Graph.dense(np.eye(3)), Linkage(floor=0.5), start=[7, 7, 9])
    assert labels[0] == labels[1] != labels[2]


@pytest.mark.parametrize(("between", "same_story"), [(0.2, True), (0.08, True), (0.03, False)])
def test_events_link_when_strong_or_mutual_nearest(between: float, same_story: bool) -> None:
    stories = _link(_two_tight_groups(between), [0, 0, 0, 1, 1, 1])
    assert (stories[0] == stories[3]) is same_story


def test_a_weak_link_needs_mutual_nearest_neighbours() -> None:
    """Event 2 is weakly like event 0, but event 0 is much closer to event 1: 2 stays a story of its own."""
    similarity = np.array([[1.0, 0.3, 0.09], [0.3, 1.0, 0.0], [0.09, 0.0, 1.0]])
    stories = _link(similarity, [0, 1, 2])
    assert stories[0] == stories[1] != stories[2]


def test_blocking_pairs_rows_that_share_a_heavy_feature() -> None:
    """Rows 0 and 2 share their heaviest feature, row 1 shares only a light one with row 0."""
    matrix = csr_matrix(np.array([[0.9, 0.1, 0.0], [0.0, 0.2, 0.9], [0.8, 0.0, 0.0]]))
    pairs = candidate_pairs(matrix, np.arange(3), keys=1, window=5)
    assert list(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == [(0, 2)]


def test_blocking_window_bounds_the_pairs_of_a_common_feature() -> None:
    """Ten rows all holding one feature: with a window of 2, each is paired with its two successors only."""
    matrix = csr_matrix(np.ones((10, 1)))
    assert len(candidate_pairs(matrix, np.arange(10), keys=1, window=2).left) == 9 + 8
    assert len(candidate_pairs(matrix, np.arange(10), keys=1, window=9).left) == len(Pairs.every(10).left)


def test_blocked_grouping_equals_exhaustive(background: Background) -> None:
    docs = [*CORPUS, *(dataclasses.replace(d, id=d.id + "-copy") for d in CORPUS)]
    exhaustive = GroupingConfig(block_keys=0, story_keys=0)
    blocked = GroupingConfig(block_keys=10, block_window=2, story_keys=10, story_window=2)
    assert group_documents(docs, blocked, background) == group_documents(docs, exhaustive, background)


def _chain_or_group(events: int, chained: bool) -> np.ndarray:
    """Events at 0.2 from the next one only (a chain), or from every other one (a tight group)."""
    similarity = np.eye(events)
    for k in range(events - 1):
        similarity[k, k + 1] = similarity[k + 1, k] = 0.2
    return similarity if chained else np.full((events, events), 0.2) + 0.8 * np.eye(events)


@pytest.mark.parametrize(("strong_average", "chained", "stories"), [
    (0.0, True, 1),  # connected components: every strong link joins, so a chain is one story
    (0.5, True, 2),  # average linkage: runs of three (a pair and the next event: 1 link of 2 pairs); then
    #                  two runs have 1 link among 9 pairs, too few to join them
    (0.5, False, 1),  # a tight group stays one story
])
def test_strong_links_join_groups_by_average_linkage(strong_average: float, chained: bool, stories: int) -> None:
    linkage = StoryLinkage(0.14, 0.9, choices=1, strong_average=strong_average)  # no weak links
    found = link_events(_vectors(_chain_or_group(6, chained)), list(range(6)), linkage, Blocking(0, 0),
                        np.full(6, np.nan), [str(k) for k in range(6)])
    assert len(set(found)) == stories
    if chained:  # each story a run of neighbours
        assert all(found[k] == found[k + 1] or found[k + 1] not in found[:k + 1] for k in range(5))


@pytest.mark.parametrize(("events", "linked"), [(2, False), (4, True)])
def test_a_weak_link_needs_other_events_to_choose_from(events: int, linked: bool) -> None:
    """Two events at 0.1 are mutual nearest neighbours; that is evidence only when others were on offer."""
    similarity = np.eye(events)
    similarity[0, 1] = similarity[1, 0] = 0.1
    for k in range(2, events):
        similarity[0, k] = similarity[k, 0] = 0.02
    stories = link_events(_vectors(similarity), list(range(events)), StoryLinkage(0.14, 0.07, choices=3),
                          Blocking(0, 0), np.full(events, np.nan), [str(k) for k in range(events)])
    assert (stories[0] == stories[1]) is linked


def test_two_unrelated_articles_are_two_stories(background: Background) -> None:
    result = group_documents([RATES, FOOTBALL], background=background)
    assert result.story["rates"] != result.story["football"]


def _link_with_fragments(similarity: np.ndarray, events: list[int], fragment: int) -> list[int]:
    size = similarity.shape[0]
    return link_events(_vectors(similarity), events, StoryLinkage(0.5, 0.07, choices=1, fragment=fragment),
                       Blocking(0, 0), np.full(size, np.nan), [str(k) for k in range(size)])


@pytest.mark.parametrize(("fragment", "linked"), [(0, False), (1, True)])
def test_a_fragment_does_not_hide_a_similar_event(fragment: int, linked: bool) -> None:
    """Articles 0-1 are one event, 2-3 another weakly like it; article 4 alone is a stray piece of the first
    event and its nearest neighbour. Judged among the larger events, the two choose each other."""
    similarity = np.zeros((5, 5))
    similarity[:2, :2] = similarity[2:4, 2:4] = 0.6
    similarity[:2, 2:4] = similarity[2:4, :2] = 0.09
    similarity[:2, 4] = similarity[4, :2] = 0.3
    np.fill_diagonal(similarity, 1.0)
    stories = _link_with_fragments(similarity, [0, 0, 1, 1, 2], fragment)
    assert stories[0] == stories[4]
    assert (stories[0] == stories[2]) is linked


@pytest.mark.parametrize(("fragment", "to_nearest", "linked"), [(0, 0.1, False), (1, 0.1, True), (1, 0.03, False)])
def test_a_fragment_joins_the_event_nearest_to_it(fragment: int, to_nearest: float, linked: bool) -> None:
    """Articles 0-1 and 2-3 are two similar events, each the other's nearest; article 4 alone is nearest to
    the first event, which does not choose it back. As a stray piece it joins it (if at least weakly alike)."""
    similarity = np.zeros((5, 5))
    similarity[:2, :2] = similarity[2:4, 2:4] = 0.6
    similarity[:2, 2:4] = similarity[2:4, :2] = 0.3
    similarity[:2, 4] = similarity[4, :2] = to_nearest
    similarity[2:4, 4] = similarity[4, 2:4] = to_nearest / 2
    np.fill_diagonal(similarity, 1.0)
    stories = _link_with_fragments(similarity, [0, 0, 1, 1, 2], fragment)
    assert stories[0] == stories[2]
    assert (stories[4] == stories[0]) is linked


@pytest.mark.parametrize(("neighbours", "hub_wins"), [(0, True), (2, False)])
def test_a_hub_event_does_not_take_the_place_of_the_similar_one(neighbours: int, hub_wins: bool) -> None:
    """Event 2 is told in a field's common words: a little like events 0, 3, 4 and 5 alike (0.12, 0 a shade
    more). Events 0 and 1 are two similar happenings (0.10). Raw nearness pairs 0 with the hub; less each
    event's usual nearness (the hub correction), 0 and 1 choose each other."""
    similarity = np.eye(6)
    for k, value in ((0, 0.125), (3, 0.12), (4, 0.12), (5, 0.12)):
        similarity[2, k] = similarity[k, 2] = value
    similarity[0, 1] = similarity[1, 0] = 0.10
    linkage = StoryLinkage(0.5, 0.07, choices=1, neighbours=neighbours)
    stories = link_events(_vectors(similarity), list(range(6)), linkage, Blocking(0, 0), np.full(6, np.nan),
                          [str(k) for k in range(6)])
    assert (stories[0] == stories[2]) is hub_wins
    assert (stories[0] == stories[1]) is not hub_wins


@pytest.mark.parametrize(("shared_names", "linked"), [(0.0, False), (0.2, True)])
def test_a_strong_link_needs_shared_names(shared_names: float, linked: bool) -> None:
    """Events 0 and 1 are strongly alike in wording (0.3), but each is nearer to an event of its own (0.4,
    2 and 3): without shared names (who, where) the strong link does not hold."""
    similarity = np.eye(4)
    similarity[0, 1] = similarity[1, 0] = 0.3
    similarity[0, 2] = similarity[2, 0] = similarity[1, 3] = similarity[3, 1] = 0.4
    names = np.eye(4)
    names[0, 1] = names[1, 0] = shared_names
    linkage = StoryLinkage(0.14, 0.07, choices=1, names_least=0.05)
    stories = link_events(_vectors(similarity), list(range(4)), linkage, Blocking(0, 0), np.full(4, np.nan),
                          [str(k) for k in range(4)], _vectors(names))
    assert stories[0] == stories[2] and stories[1] == stories[3]
    assert (stories[0] == stories[1]) is linked


def test_a_story_is_named_after_its_most_covered_event() -> None:
    """Not after its earliest article: a stray early piece would title a story about something else."""
    import datetime as dt

    from builder.models import Article, Event
    from builder.pipeline import main_event

    def article(article_id: str, day: int) -> Article:
        return Article(article_id, "o", f"{article_id}.txt", f"Title {article_id}", "Text.", dt.date(2024, 1, day))

    by_id = {a.id: a for a in (article("a", 1), article("b", 5), article("c", 6), article("d", 9), article("e", 2))}
    stray, main, other = Event("x", ("a",), "Title a"), Event("y", ("b", "c"), "Title b"), Event("z", ("d", "e"), "Title e")
    assert main_event([stray, main], by_id) is main
    assert main_event([stray, main, other], by_id) is other  # two articles each: the earlier lead (e, day 2)
