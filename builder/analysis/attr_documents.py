"""Written texts that speak through "read": "the letter reads", "“...,” the headline read", "a sign read: ...".

"Read" with a text as its subject reports the text's wording (Levin 1993, 37.7 and the "text as
speaker" metonymy of news language); with a person as subject it is an act of reading, no attribution.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc

from builder.analysis.attr_content import verb_content
from builder.analysis.attr_cues import Candidate, noun_phrase
from builder.models import AttributionType


def document_reads(doc: Doc, text: str, roles: Mapping[str, str]) -> Iterator[Candidate]:
    """`text` is `doc.text`; `roles` the source roles, whose "document" class names the texts."""
    for verb in doc:
        if verb.lemma_ != "read" or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ == "it" or roles.get(subject.lemma_.lower()) == "document"):
            continue
        yield Candidate((verb.idx, verb.idx + len(verb)), noun_phrase(subject), verb_content(verb, text),
                        AttributionType.WRITING)
