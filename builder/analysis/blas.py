"""Matrix products of the spaCy pipeline through numpy's BLAS rather than BLIS.

thinc's `NumpyOps.gemm` hands every matrix product of the tagger, parser and entity recogniser (their
embedding and convolution layers) to BLIS. The BLIS wheel thinc depends on carries optimised kernels for a
few CPU families only (Sandy Bridge, Haswell, Zen 2) and runs its generic C reference code on anything it does
not recognise: on the AMD EPYC (Zen 4) this project is measured on, that reference code was a quarter of bare
spaCy's CPU time (`bench/build_scale.txt`). numpy ships OpenBLAS built for every x86-64 family it knows
(`DYNAMIC_ARCH`), choosing at run time. thinc's own fallback for a `NumpyOps(use_blis=False)` is numpy's `dot`,
so the products are the same up to the order of floating-point additions. The parser's and recogniser's
inner step (a small product per parse state, through thinc's `CBlas`, out of reach from Python) keeps BLIS.

Callers run the pipeline with numpy's BLAS limited to one thread (`one_blas_thread`): products this small
gain nothing from threads, and worker processes would fight over the same cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from thinc.api import NumpyOps


def use_numpy_blas(nlp: Language) -> None:
    """Point every model node of `nlp` that multiplies through BLIS at numpy instead."""
    numpy_ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps) and node.ops.use_blis:
                node.ops = numpy_ops


@contextmanager
def one_blas_thread() -> Iterator[None]:
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]  # no stubs published

    with threadpool_limits(limits=1, user_api="blas"):
        yield
