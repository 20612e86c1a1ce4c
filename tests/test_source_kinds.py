"""Source kinds (named/unnamed, person/organisation/group) per the labelling guide, one sentence each."""

from __future__ import annotations

import pytest

from builder.analysis import Analyser
from builder.analysis.attribution import find_attributions
from builder.models import SourceKind

N_PERSON, N_ORG = SourceKind.NAMED_PERSON, SourceKind.NAMED_ORG
U_PERSON, U_GROUP = SourceKind.UNNAMED_PERSON, SourceKind.UNNAMED_GROUP

KINDS = [
    ("Donald Trump said the election was rigged.", "Donald Trump", N_PERSON, "Donald Trump"),
    ("The Washington Post reported that the deal was off.", "The Washington Post", N_ORG, "Washington Post"),
    ("A ministry spokesperson said the talks would continue.", "A ministry spokesperson", U_PERSON, None),
    ("Analysts said the merger would cut costs.", "Analysts", U_GROUP, None),
    ("Many Republicans said the bill went too far.", "Many Republicans", U_GROUP, None),
    ("A CNN poll found that the race was tied.", "A CNN poll", N_ORG, None),
    ("The Clinton campaign said it would appeal.", "The Clinton campaign", N_ORG, None),
    ("A witness told police that the car drove off.", "A witness", U_PERSON, None),
    ("The White House said the visit was postponed.", "The White House", N_ORG, "White House"),
    ("One aide said the senator was tired.", "One aide", U_PERSON, None),
    ("Sources familiar with the matter said the offer was withdrawn.", "Sources familiar with the matter", U_GROUP, None),
    ("Trump's campaign manager Kellyanne Conway said the polls were wrong.",
     "Trump's campaign manager Kellyanne Conway", N_PERSON, "Kellyanne Conway"),
    ("Ankara says the border will stay closed.", "Ankara", N_ORG, "Ankara"),
    ("Officials met on Tuesday. They said the talks went well.", "They", U_GROUP, None),
    ("Senator Jane Hill spoke in Denver. The senator said taxes would fall.", "The senator", N_PERSON, "Jane Hill"),
    # "who" stands for people, not for the place ending their description
    ("The plan may placate nervous Democrats on Capitol Hill, who have argued that it helps.", "Capitol Hill, who",
     U_GROUP, "nervous Democrats"),
    ("The plan pleased Ruth Amsel of Denver, who said that it helps.", "Ruth Amsel of Denver, who", N_PERSON,
     "Ruth Amsel"),
    # a capitalised plural role noun the tagger takes for a name
    ("How much do these figures matter? Scholars have long argued that they matter a great deal.", "Scholars",
     U_GROUP, None),
    # the writer, named in the byline, not the last person mentioned
    ("Senator Jane Hill spoke in Denver. I believe the harbour plan will fail.", "I", N_PERSON, "the writer"),
    # a functional noun with its possessor is one known person; a non-unique relation is not
    ("Her husband said the harbour plan would fail.", "Her husband", N_PERSON, None),
    ("Her neighbour said the harbour plan would fail.", "Her neighbour", U_PERSON, None),
    # a "he" opening a sentence continues the subject before it in its paragraph, not a source of the last one
    ("Senator Jon Pike's lawyer praised the verdict on Monday.\nThe senator is a keen sailor. He released a "
     "letter on Friday.", "He", N_PERSON, None),
    ("Senator Jon Pike's lawyer praised the verdict on Monday.\nHe released a letter on Friday.", "He", U_PERSON,
     None),
]


@pytest.mark.parametrize(("text", "source", "kind", "name"), KINDS)
def test_source_kind(analyser: Analyser, text: str, source: str, kind: SourceKind, name: str | None) -> None:
    found = find_attributions(analyser.nlp(text), analyser.attribution)
    sources = [a.source for a in found if a.source is not None and a.source.span.text == source]
    assert sources, f"no source {source!r} in {[a.source.span.text for a in found if a.source]}"
    assert sources[0].kind == kind
    if name is not None:
        assert sources[0].name == name
