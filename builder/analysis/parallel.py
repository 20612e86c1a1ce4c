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

from builder.models import TextAnalysis

if TYPE_CHECKING:
    from builder.analysis import Analyser

# below this many texts, starting workers (each loads the model, ~1-2 s) costs more than it saves
MIN_PARALLEL_TEXTS = 20
MAX_CHUNK = 32  # texts per task: results stream back as they come, for the progress line
MIN_CHUNK_CHARS = 2_000  # about one short article: a smaller task costs more to send than to analyse


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
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]  # no stubs published

    # one BLAS thread per worker: with a thread per core in every worker, the workers' BLAS threads
    # fight over the same cores and two workers ran slower than one
    with threadpool_limits(limits=1):
        return list(worker_analyser(model).analyse_many(texts))


def chunks(texts: Sequence[str], workers: int) -> list[list[str]]:
    """The texts in order, in chunks that shrink as the work left shrinks (guided scheduling): each takes
    about a sixth of a worker's share of what is left, so the first are large (few tasks to send) and the
    last small (no worker is left alone with a long last chunk while the others wait). Sized by characters,
    since articles differ tenfold in length; at most MAX_CHUNK texts, at least MIN_CHUNK_CHARS."""
    left = sum(map(len, texts))
    parts: list[list[str]] = []
    current: list[str] = []
    size = target = 0
    for text in texts:
        if current and (size >= target or len(current) >= MAX_CHUNK):
            parts.append(current)
            left -= size
            current, size = [], 0
        if not current:
            target = max(left // (workers * 6), MIN_CHUNK_CHARS)
        current.append(text)
        size += len(text)
    return [*parts, current] if current else parts


def analyse_in_processes(model: str, texts: Sequence[str], workers: int) -> Iterator[TextAnalysis]:
    # fork: workers start in milliseconds and inherit the imported modules; spaCy holds no threads here
    context = multiprocessing.get_context("fork")
    parts = chunks(texts, workers)
    with ProcessPoolExecutor(max_workers=min(workers, len(parts)), mp_context=context) as pool:
        for part in pool.map(analyse_chunk, [model] * len(parts), parts):
            yield from part


def effective_workers(workers: int, count: int) -> int:
    return 1 if count < MIN_PARALLEL_TEXTS else max(1, workers)
