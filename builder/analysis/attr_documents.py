"""Written texts that speak through "read": "the letter reads", "“...,” the headline read", "a sign read: ...".

"Read" with a text as its subject reports the text's wording (Levin 1993, 37.7 and the "text as
speaker" metonymy of news language); with a person as subject it is an act of reading, no attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from spacy.tokens import Doc

from builder.analysis.attr_content import verb_content
from builder.analysis.attr_cues import Candidate, noun_phrase
from builder.models import AttributionType

# Found in the text first, so that only these few words are looked at in the parse.
READ_FORMS = re.compile(r"\b[Rr]eads?\b")


def document_reads(doc: Doc, text: str, roles: Mapping[str, str]) -> Iterator[Candidate]:
    """`text` is `doc.text`; `roles` the source roles, whose "document" class names the texts."""
    for match in READ_FORMS.finditer(text):
        words = doc.char_span(match.start(), match.end())
        if words is None or words[0].lemma_ != "read" or words[0].pos_ != "VERB":
            continue
        verb = words[0]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ == "it" or roles.get(subject.lemma_.lower()) == "document"):
            continue
        yield Candidate((verb.idx, verb.idx + len(verb)), noun_phrase(subject), verb_content(verb, text),
                        AttributionType.WRITING)
