"""Work run beside the build in a forked process (builder.beside): the same result as running it here, the
same exception when it fails, and the work done here after all when the child dies without an answer."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from unittest import mock

import pytest
from project_kit import build, make_project

from builder.analysis import Analyser
from builder.beside import run_beside
from builder.errors import ContractError
from builder.models import Article, Event, Story
from builder.pipeline import group


def squares(count: int) -> dict[int, int]:
    return {number: number * number for number in range(count)}


def die_unless_in(process: int) -> int:
    if os.getpid() != process:
        os.kill(os.getpid(), signal.SIGKILL)
    return 7


def refuse() -> None:
    raise ContractError("duplicate document id(s) 'a': each article needs its own id")


@pytest.mark.parametrize("parallel", [True, False])
def test_the_result_is_the_work_done_here(parallel: bool) -> None:
    pending = run_beside(lambda: squares(10_000), parallel=parallel)
    assert (pending.process is not None) is parallel
    assert pending.result() == squares(10_000)


def test_work_not_run_beside_runs_when_its_result_is_asked_for() -> None:
    """So the build's timings give grouping its own stage after the analysis, not the model's loading."""
    calls: list[int] = []
    pending = run_beside(lambda: calls.append(1) or 5, parallel=False)
    assert calls == []
    assert pending.result() == 5 and calls == [1]


def nested_pending() -> tuple[bool, int]:
    inner = run_beside(lambda: squares(10), parallel=True)
    return inner.process is None, len(inner.result())


def test_work_asked_for_beside_a_child_runs_in_that_child() -> None:
    """multiprocessing lets no daemonic process (the build's grouping process) have children of its own."""
    assert run_beside(nested_pending, parallel=True).result() == (True, 10)


def test_the_childs_pid_is_not_ours() -> None:
    assert run_beside(os.getpid, parallel=True).result() != os.getpid()


@pytest.mark.parametrize("parallel", [True, False])
def test_a_failure_is_raised_with_its_type_and_message(parallel: bool) -> None:
    with pytest.raises(ContractError, match="each article needs its own id"):
        run_beside(refuse, parallel=parallel).result()


def test_a_child_that_dies_without_an_answer_means_the_work_is_done_here() -> None:
    pending = run_beside(partial(die_unless_in, os.getpid()), parallel=True)
    assert pending.result() == 7
    assert pending.process is not None and pending.process.exitcode == -signal.SIGKILL


def test_a_failure_here_stops_the_child_still_working() -> None:
    with pytest.raises(ContractError), run_beside(lambda: signal.pause(), parallel=True) as pending:
        refuse()
    assert pending.process is not None and not pending.process.is_alive()



def test_a_build_groups_beside_the_analysis_and_waits_for_it(tmp_path: Path, analyser: Analyser) -> None:
    """Grouping that outlasts the analysis is waited for, not stopped and done again in the build's process."""
    build_process = os.getpid()

    def slow_group(articles: Sequence[Article], workers: int) -> tuple[tuple[Event, ...], tuple[Story, ...]]:
        if os.getpid() == build_process:
            raise AssertionError("grouped in the build's process")
        time.sleep(2)  # longer than analysing the seeds with the loaded model
        return group(articles, workers)

    with mock.patch("builder.pipeline.group", slow_group):
        report = build(make_project(tmp_path / "project"), analyser, mkdocs=False)
    assert report.stories == 1 and [stage for stage, _ in report.timings][2:4] == ["analyse", "wait for grouping"]
