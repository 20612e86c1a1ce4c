"""Per-article analysis on a Dask cluster (`build --scheduler ADDRESS`), for corpora beyond one machine.

Tasks are chunks of texts; each Dask worker process loads the pipeline once (the per-process cache in
builder/analysis/parallel.py) and returns small `TextAnalysis` records, gathered back in input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from builder.analysis.parallel import analyse_chunk, chunks
from builder.errors import ConfigError
from builder.models import TextAnalysis


def analyse_on_cluster(address: str, model: str, texts: Sequence[str]) -> Iterator[TextAnalysis]:
    if not texts:
        return iter(())
    try:
        from distributed import Client
    except ImportError as err:
        raise ConfigError("--scheduler needs dask.distributed — `pip install -r requirements/site.txt`") from err
    return _gather(Client, address, model, texts)


def _gather(client_class: type, address: str, model: str, texts: Sequence[str]) -> Iterator[TextAnalysis]:
    try:
        client = client_class(address, timeout=30)
    except OSError as err:
        raise ConfigError(f"cannot reach the Dask scheduler at {address!r} ({err}) — start it "
                          "(`dask scheduler` and `dask worker ADDRESS`) or leave out --scheduler") from err
    with client:
        workers = max(1, sum(client.nthreads().values()))
        parts = chunks(texts, workers)
        # pure=False: equal chunks in one build are still separate tasks (no key collisions, no shared result)
        futures = client.map(analyse_chunk, [model] * len(parts), parts, pure=False)
        for future in futures:
            yield from future.result()
