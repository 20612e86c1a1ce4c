"""Analysis on a Dask cluster (`build --scheduler ADDRESS`) gives exactly the local results, in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.analysis import Analyser
from builder.ingest.boilerplate import strip_generic

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("data/articles/panarmenian/000_4c61d7137088035a.txt", "data/articles/southfront/002_b65fdd79a100ce5b.txt")
MORE = [
    "The minister said the talks had failed.",
    '"We will not give up," the union leader told reporters on Monday.',
    "According to officials, the bridge may be closed until spring. Experts believe prices could rise.",
    "A spokesperson for the company declined to comment, but the report found that emissions fell.",
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


def test_cluster_analysis_equals_the_local_run(analyser: Analyser, scheduler: str) -> None:
    texts = [*(strip_generic((ROOT / path).read_text(encoding="utf-8")).text for path in SEEDS), *MORE]
    local = list(analyser.analyse_many(texts))
    remote = list(analyser.with_workers(1, scheduler).analyse_many(texts))
    assert remote == local
    assert any(a.attributions for a in remote)
