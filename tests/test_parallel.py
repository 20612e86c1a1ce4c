"""Analysis in worker processes: the same records, in the same order, as in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.analysis import Analyser
from builder.analysis.parallel import MIN_PARALLEL_TEXTS, chunks, effective_workers
from builder.config import load_config
from builder.errors import ConfigError

SENTENCES = [
    "The minister said the talks had failed.",
    '"We will not give up," the union leader told reporters on Monday.',
    "According to officials, the bridge may be closed until spring.",
    "Experts believe the prices could rise again.",
    "The report found that emissions fell by a tenth.",
    "A spokesperson for the company declined to comment.",
    "Residents fear the river might flood the village.",
    "The council wrote that it would review the plan.",
]


def texts(count: int) -> list[str]:
    # varied lengths, so that chunks differ in cost and any reordering would show
    return [" ".join(SENTENCES[i % len(SENTENCES): i % len(SENTENCES) + 1 + i % 3]) for i in range(count)]


def test_two_workers_give_the_single_process_results_in_order(analyser: Analyser) -> None:
    corpus = texts(MIN_PARALLEL_TEXTS + 6)
    alone = list(analyser.analyse_many(corpus))
    assert list(Analyser.load(workers=2).analyse_many(corpus)) == alone


def test_few_texts_stay_in_this_process() -> None:
    assert effective_workers(2, MIN_PARALLEL_TEXTS - 1) == 1
    assert effective_workers(2, MIN_PARALLEL_TEXTS) == 2
    assert effective_workers(0, 100) == 1


@pytest.mark.parametrize("count", [1, 7, 33, 250])
def test_chunks_keep_every_text_in_order(count: int) -> None:
    corpus = [str(i) for i in range(count)]
    parts = chunks(corpus, 2)
    assert [t for part in parts for t in part] == corpus
    assert max(len(part) for part in parts) <= 32


def test_workers_default_to_the_cores_and_refuse_zero(tmp_path: Path) -> None:
    (tmp_path / "data" / "articles").mkdir(parents=True)
    assert load_config(tmp_path).workers >= 1
    assert load_config(tmp_path, workers=3).workers == 3
    with pytest.raises(ConfigError, match="--workers 0"):
        load_config(tmp_path, workers=0)
