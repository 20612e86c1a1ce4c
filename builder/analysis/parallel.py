"""Analysis spread over worker processes (local cores) or a Dask cluster, results in input order.

Each worker loads the pipeline once (`worker_analyser`, cached per process) and sends back only the small,
picklable `TextAnalysis` records: shipping parsed `Doc`s between processes would cost more than parsing.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import TYPE_CHECKING

from builder.memory import few_collections
from builder.models import TextAnalysis

if TYPE_CHECKING:
    from builder.analysis import Analyser

# below this many texts, starting workers (each loads the model, ~1-2 s) costs more than it saves
MIN_PARALLEL_TEXTS = 20


@cache
def worker_analyser(model: str) -> Analyser:
    """The analyser of this process, loaded on first use: one load per worker, not per task (and none in
    workers forked from a parent that loaded it already)."""
    from builder.analysis import Analyser
    from builder.analysis.readability import measure

    analyser = Analyser.load(model, workers=1)
    # textstat loads its pronunciation dictionary (about 1 s) on first use: once here, not in every worker
    measure("Warm-up: the dictionary is loaded once.")
    return analyser


def analyse_chunk(model: str, texts: Sequence[str]) -> list[TextAnalysis]:
    """One task: a few texts analysed by this worker's analyser (top-level, so that it pickles by name)."""
    # the analyser runs BLAS on one thread (blas.one_blas_thread): with a thread per core in every worker, the
    # workers' threads fought over the same cores. The collector: 1.5% of the analysis with its default
    # thresholds, for the model's objects and the records the detectors make
    with few_collections():
        return list(worker_analyser(model).analyse_many(texts))


def chunks(texts: Sequence[str], workers: int) -> list[list[str]]:
    """About four chunks per worker, so that a worker with long texts does not hold the others up."""
    size = max(1, min(32, -(-len(texts) // (workers * 4))))
    return [list(texts[i:i + size]) for i in range(0, len(texts), size)]


def analyse_in_processes(model: str, texts: Sequence[str], workers: int) -> Iterator[TextAnalysis]:
    # fork: workers start in milliseconds and inherit the imported modules; spaCy holds no threads here
    context = multiprocessing.get_context("fork")
    parts = chunks(texts, workers)
    with ProcessPoolExecutor(max_workers=min(workers, len(parts)), mp_context=context) as pool:
        for part in pool.map(analyse_chunk, [model] * len(parts), parts):
            yield from part


def effective_workers(workers: int, count: int) -> int:
    return 1 if count < MIN_PARALLEL_TEXTS else max(1, workers)
