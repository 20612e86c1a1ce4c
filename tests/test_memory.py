"""The build's collector settings while rendering (builder/memory.py): the corpus left out of the collector's
passes and fewer collections inside the block, the interpreter's own settings back after it, even on error."""

from __future__ import annotations

import gc

import pytest

from builder.memory import YOUNG_OBJECTS, few_collections


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_few_collections_inside_and_the_defaults_back_after() -> None:
    before = gc.get_threshold()
    corpus = [Cycle() for _ in range(100)]
    with few_collections():
        assert gc.get_threshold()[0] == YOUNG_OBJECTS
        assert gc.get_freeze_count() >= len(corpus)  # alive before the block: out of the collector's passes
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_settings_come_back_when_rendering_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError("a page failed to render")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_cycles_made_inside_are_still_collected() -> None:
    with few_collections():
        Cycle()  # garbage at once: only the collector can free it
        assert gc.collect() > 0
