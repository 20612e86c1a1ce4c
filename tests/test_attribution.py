"""Attribution finder: one-sentence cases per construction, and the two seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.analysis import Analyser
from builder.analysis.attribution import find_attributions, load_attribution_lexicon
from builder.models import Attribution, AttributionType, QuoteStyle, SourceKind

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
N_PERSON, N_ORG = SourceKind.NAMED_PERSON, SourceKind.NAMED_ORG
U_PERSON, U_GROUP = SourceKind.UNNAMED_PERSON, SourceKind.UNNAMED_GROUP


def attributions(analyser: Analyser, text: str) -> tuple[Attribution, ...]:
    return find_attributions(analyser.nlp(text), analyser.attribution)


def by_cue(found: tuple[Attribution, ...], cue: str) -> Attribution:
    matches = [a for a in found if a.cue.text == cue or a.cue.text.startswith(cue)]
    assert matches, f"no attribution with cue {cue!r} in {[a.cue.text for a in found]}"
    return matches[0]


CASES = [
    # text, cue, source text, kind, style, via name
    ("The minister said that the talks had failed.", "said", "The minister", U_PERSON, QuoteStyle.INDIRECT, None),
    ("“We will not give up,” Maria Lopez said.", "said", "Maria Lopez", N_PERSON, QuoteStyle.DIRECT, None),
    ("Officials told reporters the bridge would reopen on Monday.", "told", "Officials", U_GROUP,
     QuoteStyle.INDIRECT, None),
    ("The plan will cost $3 billion, according to the Treasury Department.", "according to",
     "the Treasury Department", N_ORG, QuoteStyle.INDIRECT, None),
    ("The Daily Planet reported, citing Senator John Marsh, that the vote was delayed.", "citing",
     "Senator John Marsh", N_PERSON, QuoteStyle.INDIRECT, "Daily Planet"),
    ("The factory will close next year, Reuters quoted a company spokesperson as saying.", "quoted",
     "a company spokesperson", U_PERSON, QuoteStyle.INDIRECT, "Reuters"),
    ("The Foreign Ministry said, according to Al Jazeera, that the embassy was closed.", "said",
     "The Foreign Ministry", N_ORG, QuoteStyle.INDIRECT, "Al Jazeera"),
    ("According to Al Jazeera, the Foreign Ministry said the embassy was closed.", "said", "the Foreign Ministry",
     N_ORG, QuoteStyle.INDIRECT, "Al Jazeera"),
    ("Critics argued that the new law was unconstitutional.", "argued", "Critics", U_GROUP,
     QuoteStyle.INDIRECT, None),
    ("Ankara accused Berlin of harbouring militants.", "accused", "Ankara", N_ORG, QuoteStyle.INDIRECT, None),
    ("The mayor said the budget was “completely out of control” after the vote.", "said", "The mayor", U_PERSON,
     QuoteStyle.MIXED, None),
    ("A senior official, who spoke on condition of anonymity, warned that the ceasefire could collapse.",
     "warned", "A senior official", U_PERSON, QuoteStyle.INDIRECT, None),
]


@pytest.mark.parametrize(("text", "cue", "source", "kind", "style", "via"), CASES)
def test_one_sentence(analyser: Analyser, text: str, cue: str, source: str, kind: SourceKind,
                      style: QuoteStyle, via: str | None) -> None:
    found = by_cue(attributions(analyser, text), cue)
    assert found.source is not None
    assert found.source.span.text == source
    assert found.source.kind == kind
    assert found.style == style
    assert (found.via.name if found.via else None) == via


TYPES = [
    ("Experts believe that prices will rise further.", "believe", AttributionType.BELIEF, "Experts", U_GROUP),
    ("A new poll shows that most voters oppose the plan.", "shows", AttributionType.EVIDENCE, "A new poll", U_GROUP),
    ("The central bank wrote in its report that inflation had peaked.", "wrote", AttributionType.WRITING,
     "The central bank", N_ORG),
    ("In the governor's view, the bill is a mistake.", "In", AttributionType.BELIEF, "the governor", U_PERSON),
]


@pytest.mark.parametrize(("text", "cue", "kind", "source", "source_kind"), TYPES)
def test_attribution_types(analyser: Analyser, text: str, cue: str, kind: AttributionType, source: str,
                           source_kind: SourceKind) -> None:
    found = by_cue(attributions(analyser, text), cue)
    assert found.type == kind
    assert found.source is not None and found.source.span.text == source
    assert found.source.kind == source_kind


def test_passive_report_has_no_source(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "It was reported that the talks had collapsed."), "reported")
    assert found.source is None


@pytest.mark.parametrize("text", [
    "Asked whether the harbour would reopen, the mayor said it would.",
    "Asked what a firm commitment would mean, the mayor smiled.",  # tagged as a past tense
    "The mayor spoke to reporters on Monday when asked how ties with the council would fare.",
])
def test_the_one_asked_is_no_source_of_the_question(analyser: Analyser, text: str) -> None:
    found = by_cue(attributions(analyser, text), "Asked" if text.startswith("Asked") else "asked")
    assert found.source is None


def test_indirect_yes_no_question_is_the_content(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "Asked if the harbour would reopen, the mayor smiled."), "Asked")
    assert found.source is None and found.content is not None and found.content.text == "if the harbour would reopen"


def test_speaker_label_before_colon(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "Mayor Lindqvist: We will rebuild the harbour"), ":")
    assert found.source is not None and found.source.span.text == "Mayor Lindqvist"
    assert found.content is not None and found.content.text == "We will rebuild the harbour"


def test_fronted_verb_before_a_speaker_label(analyser: Analyser) -> None:
    text = "The mayor spoke about the harbour plan. Said Ellis: “I do not like the harbour plan.”"
    found = by_cue(attributions(analyser, text), "Said")
    assert found.source is not None and found.source.span.text == "Ellis"
    assert found.source.kind == SourceKind.NAMED_PERSON


def test_pronoun_takes_antecedent(analyser: Analyser) -> None:
    text = "Anna Berg is a lawyer in Oslo. She said the ruling was unfair."
    found = by_cue(attributions(analyser, text), "said")
    assert found.source is not None and found.source.span.text == "She"
    assert found.source.kind == N_PERSON and found.source.name == "Anna Berg"
    assert found.source.antecedent is not None and found.source.antecedent.text == "Anna Berg"


def test_definite_description_takes_earlier_mention(analyser: Analyser) -> None:
    text = "The Morning Herald newspaper reported the deal on Monday. The newspaper said it was worth $2 million."
    found = by_cue(attributions(analyser, text), "said")
    assert found.source is not None and found.source.span.text == "The newspaper"
    assert found.source.kind == N_ORG and found.source.name == "Morning Herald"


def test_consecutive_quotes_keep_their_speaker(analyser: Analyser) -> None:
    text = "“We are ready,” Klaus Weber said. “The army has trained for months.”"
    found = attributions(analyser, text)
    assert len(found) == 1
    assert found[0].content is not None and found[0].content.text.endswith("trained for months.”")
    assert found[0].style == QuoteStyle.DIRECT


def test_quote_paragraph_continues_previous_speaker(analyser: Analyser) -> None:
    text = ("“The bridge is safe,” the engineer Tom Hale said.\n\n"
            "“We checked every cable twice and found nothing wrong with any of them.”")
    found = attributions(analyser, text)
    assert len(found) == 1
    assert found[0].content is not None and found[0].content.text.endswith("any of them.”")


def test_lexicon_loads_with_types() -> None:
    lexicon = load_attribution_lexicon()
    assert lexicon.cues.verbs["say"].type == AttributionType.SPEECH
    assert lexicon.cues.verbs["believe"].type == AttributionType.BELIEF
    assert lexicon.sources.roles["spokesperson"] == "person"


def _seed(analyser: Analyser, path: str) -> tuple[Attribution, ...]:
    return analyser.analyse((SEEDS / path).read_text(encoding="utf-8")).attributions


def _named(found: tuple[Attribution, ...]) -> dict[str, SourceKind]:
    sources = [a.source for a in found if a.source] + [a.via for a in found if a.via]
    return {s.name: s.kind for s in sources}


def test_seed_panarmenian(analyser: Analyser) -> None:
    found = _seed(analyser, "panarmenian/000_4c61d7137088035a.txt")
    kinds = _named(found)
    for name in ("German Defence Ministry", "Rudaw", "Reuters", "Spiegel Online", "Anadolu Agency", "Ankara"):
        assert kinds.get(name) == N_ORG, (name, kinds)
    assert kinds.get("ministry spokesperson") == U_PERSON
    assert kinds.get("persons within the Turkish military") == U_GROUP
    quoted = by_cue(found, "quoted")
    assert quoted.via is not None and quoted.via.name == "Reuters"
    assert quoted.content is not None and "“solely to the anti-Islamic State coalition”" in quoted.content.text
    said = next(a for a in found if a.source and a.source.name == "German Defence Ministry")
    assert said.via is not None and said.via.name == "Rudaw"


def test_seed_southfront(analyser: Analyser) -> None:
    found = _seed(analyser, "southfront/002_b65fdd79a100ce5b.txt")
    kinds = _named(found)
    assert kinds.get("Izvestiya") == N_ORG
    assert kinds.get("Franz Klintsevich") == N_PERSON
    assert kinds.get("Experts") == U_GROUP
    newspaper = next(a.source for a in found if a.source and a.source.span.text == "the newspaper")
    assert newspaper.name == "Izvestiya"
    the_source = next(a.source for a in found if a.source and a.source.span.text == "the source")
    assert the_source.kind == U_PERSON and the_source.antecedent is not None
    cited = [a for a in found if a.cue.text == "citing"]
    assert {a.via.name for a in cited if a.via} == {"Izvestiya"}
    quotes = [a for a in found if a.source and a.source.name == "Franz Klintsevich" and a.style == QuoteStyle.DIRECT]
    assert len(quotes) >= 2
    assert any(a.content is not None and a.content.text.endswith("very good agents in Syria.”") for a in quotes)


def test_pronoun_agrees_in_gender(analyser: Analyser) -> None:
    text = "Mrs. Okafor criticised Mr. Brandt on Monday. Mr. Brandt said the attack was unfair. She said he was lying."
    found = [a for a in attributions(analyser, text) if a.source is not None and a.source.span.text == "She"]
    assert found and found[0].source is not None and found[0].source.name == "Okafor"


CONSTRUCTIONS = [
    # text, cue, source text, content text (None: no content)
    ("The governor will discuss the new budget on Friday.", "discuss", "The governor", "the new budget"),
    ("The fund bought land, which the mayor said was worth little.", "said", "the mayor", "was worth little"),
    ("Voters thanked Senator Ruth Amsel, who argued that the tax was unfair.", "argued",
     "Senator Ruth Amsel, who", "that the tax was unfair"),
    ("Jon Pike said the plan was reckless, adding that it would fail.", "adding", "Jon Pike", "that it would fail"),
    ("The minister told reporters on Monday that the border would stay open.", "told", "The minister",
     "that the border would stay open"),
    ("Lena Ortiz Slams Council Over Park Closure\nThe park closed.", "Slams", "Lena Ortiz",
     "Council Over Park Closure"),
    ("I believe the court made a mistake.", "believe", "I", "the court made a mistake"),
    ("He wants to win the race.", "wants", "He", "to win the race"),
    ("The senator spoke about the drought, as the vote neared.", "spoke about", "The senator", "the drought"),
    ("The council continued to insist that the bridge was safe.", "insist", "The council", "that the bridge was safe"),
    ("Rural voters are more likely to say that the economy is weak.", "say", "Rural voters",
     "that the economy is weak"),
    ("The mayor maintained that the budget was balanced.", "maintained", "The mayor", "that the budget was balanced"),
    ("The union criticised the new contract.", "criticised", "The union", "the new contract"),
    ("Ruth Amsel spoke first.\nAmsel: We will fight the closure", ":", "Amsel", "We will fight the closure"),
    ("FARM PRICES KEEP CLIMBING - Ruth Amsel: Wheat costs more than last year", ":", "Ruth Amsel",
     "Wheat costs more than last year"),
    ("The harbour plan was rejected by the city council.", "rejected", "the city council", "The harbour plan"),
    ("OSLO (Reuters) - Ruth Amsel said the harbour would reopen.", "said", "Ruth Amsel", "the harbour would reopen"),
    ("Most farmers backed the candidates promising lower fuel taxes.", "promising", "the candidates",
     "lower fuel taxes"),
    ("The mayor is calling for the council to reopen the harbour.", "calling", "The mayor",
     "the council to reopen the harbour"),
    ("The mayor made it clear that the harbour would reopen.", "made it clear", "The mayor",
     "that the harbour would reopen"),
    ("The mayor's call for a new harbour angered the farmers.", "call", "The mayor", "a new harbour"),
    # a subject the parser hung on the clause before (here as a conjunct of its object)
    ("The revelation set off a round of fireworks: farmers said they were convinced the council mishandled the "
     "review and fishermen accused the mayor of stoking the issue for political gain.", "accused", "fishermen",
     "the mayor of stoking the issue for political gain"),
    ("The senator used a harsh word to describe the new tax.", "describe", "The senator", "the new tax"),
    ("The governor used to support the harbour plan.", "support", "The governor", "the harbour plan"),
    ("After Long Delay, Lena Ortiz Slams Council Over Park Closure\nThe park closed.", "Slams", "Lena Ortiz",
     "Council Over Park Closure"),
    ("As the mayor put it, the harbour plan was a costly failure.", "put it", "the mayor",
     "the harbour plan was a costly failure"),
    ("“The harbour must stay open for all of us.” ― Ana Ruiz “We need the harbour for our boats.” ― Lena Ortiz",
     "―", "Ana Ruiz", "“The harbour must stay open for all of us.”"),
    ("“The harbour must stay open for everyone,” the letter reads.", "reads", "the letter",
     "“The harbour must stay open for everyone,”"),
    ("The mayor stopped short of calling the plan a failure.", "calling", "The mayor", "the plan a failure"),
    ("The senator has a long history of blaming others for the deficit.", "blaming", "The senator",
     "others for the deficit"),
    ("The mayor unleashed a tirade against the harbour board.", "unleashed a tirade against", "The mayor",
     "the harbour board"),
    ("The fishermen are nervous about the new harbour rules.", "are nervous about", "The fishermen",
     "the new harbour rules"),
    ("The mayor's fear is that the harbour will close.", "fear", "The mayor", "that the harbour will close"),
    ("The fishermen pushed for a new harbour wall.", "pushed for", "The fishermen", "a new harbour wall"),
    ("The senator castigated the mayor for the delay.", "castigated", "The senator", "the mayor for the delay"),
    ("Ana Ruiz toured the harbour on Monday, describing the mayor as a coward.", "describing", "Ana Ruiz",
     "the mayor as a coward"),
    ("“The harbour will reopen,” the mayor said, adding, “We owe it to the fishermen.”", "adding", "the mayor",
     "“We owe it to the fishermen.”"),
    ("The mayor retweeted a photo of the flooded harbour.", "retweeted", "The mayor",
     "a photo of the flooded harbour"),
    ("The mayor spoke openly on Monday about the new toll.", "spoke openly on Monday about",
     "The mayor", "the new toll"),
    ("The mayor was quick to point out that the harbour had reopened.", "point out", "The mayor",
     "that the harbour had reopened"),
    # documents cited are the citer's evidence, not someone whose words the citer passes on
    ("The mayor defended the budget, citing internal audits from the harbour board.", "citing", "The mayor",
     "internal audits from the harbour board"),
    # a participle describing an occasion of speaking reports the speaker's words, not the occasion's
    ("The mayor spent much of her speech praising the fishermen.", "praising", "The mayor", "the fishermen"),
    ("Despite criticising the harbour plan, the mayor voted for it.", "criticising", "the mayor", "the harbour plan"),
    ("The mayor was suspended after slamming the council for the delay.", "slamming", "The mayor",
     "the council for the delay"),
    ("The council issued a statement saying the harbour would reopen.", "issued a statement saying", "The council",
     "the harbour would reopen"),
    ("The mayor went on to say that the harbour would reopen.", "went on to say", "The mayor",
     "that the harbour would reopen"),
    # a present-tense verb the tagger read as a plural noun heading the sentence
    ("Ortiz claims that the harbour will reopen.", "claims", "Ortiz", "that the harbour will reopen"),
    # the conjunct hung on the reported clause's verb is the reporter's next act
    ("The mayor said the council had failed the fishermen and called on the governor to step in.", "called on",
     "The mayor", "to step in"),
    # a fronted "to" phrase naming a person: the one to whom the sentence holds
    ("To Ana Ruiz, the harbour plan is a costly mistake.", "To", "Ana Ruiz", "the harbour plan is a costly mistake"),
    ("But to others, the mayor is a hero of the fishermen.", "to", "others", "the mayor is a hero of the fishermen"),
    ("The mayor outlined her plan for the harbour on Monday.", "outlined", "The mayor", "her plan for the harbour"),
    ("The mayor promoted her plan for the harbour.", "promoted", "The mayor", "her plan for the harbour"),
    ("The mayor cast her rival as a friend of the developers.", "cast her rival as", "The mayor",
     "her rival as a friend of the developers"),
    # a causative entails its infinitive, done by its object
    ("The storm led the mayor to declare that the harbour was closed.", "declare", "the mayor",
     "that the harbour was closed"),
    # a finite-only cue still as a free adjunct sharing its clause's subject
    ("The mayor spoke on Monday, comparing the harbour to a graveyard.", "comparing", "The mayor",
     "the harbour to a graveyard"),
    # publishing a message states what it says
    ("The council released an ad attacking the mayor.", "released an ad attacking", "The council", "the mayor"),
    # a testimonial whose quotation marks do not pair (a quote inside it, a mistyped opening mark)
    ("”The harbour is what the mayor calls “a burden” but it feeds us all.” ― Ana Ruiz\n“We need the harbour.” ― "
     "Lena Ortiz", "―", "Ana Ruiz", "”The harbour is what the mayor calls “a burden” but it feeds us all.”"),
    # a past tense the parser misread as a participle after a parenthetical
    ("Ana Ruiz, the head of the fishermen's union, tweeted on Friday that the harbour would reopen.", "tweeted",
     "Ana Ruiz, the head of the fishermen's union", "that the harbour would reopen"),
    # a supplementary relative clause asserts on its own, inside a report or not
    ("The mayor praised the union, which has endorsed the harbour plan.", "endorsed", "the union, which",
     "the harbour plan"),
    # "sound" with an object is its subject's act, not the raising verb whose subject is only the topic
    ("The mayor sounded a warning about the harbour walls.", "sounded", "The mayor",
     "a warning about the harbour walls"),
    # a participle hung on a clause whose head the parser found in the quotation after it: the clause's subject
    ("Weaver did not seem impressed with the remarks, telling reporters, “A lot of people said the mayor should "
     "resign.”", "telling", "Weaver", "“A lot of people said the mayor should resign.”"),
    # a candidness adjective after "be": how openly the subject speaks about something
    ("The mayor was upfront about her distaste for the harbour plan.", "was upfront about", "The mayor",
     "her distaste for the harbour plan"),
    # an attitude adjective toward an object
    ("The fishermen are leery of the new harbour rules.", "are leery of", "The fishermen", "the new harbour rules"),
    # an attitude adjective set off as a supplement: the stance of the clause's subject
    ("The council cancelled two meetings, wary of angering the fishermen.", "wary of", "The council",
     "angering the fishermen"),
    # others' judgment received: the judges in the "from" phrase, what they judge the subject
    ("The harbour plan has drawn harsh criticism from the fishermen.", "drawn harsh criticism", "the fishermen",
     "The harbour plan"),
    ("The mayor made no secret of her dislike for the harbour plan.", "made no secret of", "The mayor",
     "her dislike for the harbour plan"),
    # a partitive passes the light verb on to the noun it counts
    ("The mayor unleashed a flurry of tweets attacking the council.", "unleashed a flurry of", "The mayor",
     "tweets attacking the council"),
    ("The mayor took issue with the council's harbour plan.", "took issue", "The mayor", "the council's harbour plan"),
    # a poll speaking through a share of its respondents
    ("In a new harbour survey, 38 percent of fishermen said the rules were too strict.", "In",
     "a new harbour survey", "38 percent of fishermen said the rules were too strict"),
    # a vote is a side taken: for or against something, to do something, in favor, by a tally
    ("Most of the fishermen voted against the harbour plan.", "voted against", "Most of the fishermen",
     "the harbour plan"),
    ("The council voted to close the harbour.", "voted", "The council", "to close the harbour"),
    # an agent noun of a stance said of the subject, with what the stance is toward
    ("The mayor has long been a vocal opponent of the harbour plan.", "has long been a vocal opponent of",
     "The mayor", "the harbour plan"),
    # stances of approval and disregard
    ("The fishermen welcomed the new harbour rules.", "welcomed", "The fishermen", "the new harbour rules"),
    ("The mayor has largely ignored the fishermen's complaints.", "ignored", "The mayor",
     "the fishermen's complaints"),
    # an amuse verb: the one angered holds the feeling, what angers is the content
    ("The harbour plan angered the fishermen.", "angered", "the fishermen", "The harbour plan"),
    ("The fishermen were angered by the new harbour rules.", "angered", "The fishermen", "the new harbour rules"),
    ("The fishermen were frustrated that the harbour stayed shut.", "frustrated", "The fishermen",
     "that the harbour stayed shut"),
    ("Mr. Ruiz is looking forward to the harbour debate.", "looking forward", "Mr. Ruiz", "the harbour debate"),
    ("In the end the mayor sided with the fishermen.", "sided with", "the mayor", "the fishermen"),
    ("The council has resisted calls from the fishermen.", "resisted", "The council", "calls from the fishermen"),
    ("The new report examines the harbour's finances.", "examines", "The new report", "the harbour's finances"),
    ("The mayor singled out the fishermen's union.", "singled out", "The mayor", "the fishermen's union"),
    # a present tense before an infinitive that the tagger read as a plural noun
    ("The Democratic harbour campaign plans to employ Mr. Ruiz.", "plans", "The Democratic harbour campaign",
     "to employ Mr. Ruiz"),
    ("Town council votes to close the harbour", "votes", "Town council", "to close the harbour"),
    ("Harbour fees rose in 2015 and, records show, fell again in 2016.", "show", "records",
     "Harbour fees rose in 2015"),
    ("“The harbour will reopen,” the mayor went on.", "went on", "the mayor", "“The harbour will reopen,”"),
    ("The fishermen were not impressed with the harbour plan.", "were not impressed with", "The fishermen",
     "the harbour plan"),
    ("The fishermen are against closing the harbour.", "are against", "The fishermen", "closing the harbour"),
    # a participle describing a writing its author made, or an occasion of speaking: the author or speaker
    ("Lawyers for the fishermen filed legal papers opposing the harbour sale.", "opposing",
     "Lawyers for the fishermen", "the harbour sale"),
    ("The mayor spoke at a news conference announcing the closure of the harbour.", "announcing", "The mayor",
     "the closure of the harbour"),
    # a share of those polled as the subject before the verb
    ("About 4 in 10 say they want a new harbour.", "say", "About 4 in 10", "they want a new harbour"),
    # quotative inversion, though the parser made the speaker and what follows into a second clause
    ("“I am better with boats than with words,” said Ana Ruiz, half joking.", "said", "Ana Ruiz",
     "“I am better with boats than with words,”"),
    # the next clause's subject joined to the content's last noun: a singular verb cannot agree with "X and Y"
    ("The council voted last June to recognize the treaty and Germany has been vocal in its criticism.", "voted",
     "The council", "to recognize the treaty"),
    ("The mayor criticised the plan and Congress has since dropped it.", "criticised", "The mayor", "the plan"),
    # but a plural verb can: the whole coordination stays where the parser put it
    ("She said the senators and the governor were wrong.", "said", "She", "the senators and the governor were wrong"),
]


def test_subject_the_parser_hung_on_a_fronted_phrase(analyser: Analyser) -> None:
    text = "In a letter to the council, her deputy, Jon Pike, said the harbour would reopen."
    found = by_cue(attributions(analyser, text), "said")
    assert found.source is not None and "Jon Pike" in found.source.span.text


@pytest.mark.parametrize(("text", "cue", "source", "content"), CONSTRUCTIONS)
def test_constructions(analyser: Analyser, text: str, cue: str, source: str, content: str | None) -> None:
    found = by_cue(attributions(analyser, text), cue)
    assert found.source is not None and found.source.span.text == source
    assert (found.content.text if found.content else None) == content


def test_quotation_after_the_cue_sentence_continues_it(analyser: Analyser) -> None:
    text = "The mayor spoke about the harbour plan at a meeting on Monday.\n\n“We will rebuild it stone by stone.”"
    found = by_cue(attributions(analyser, text), "spoke about")
    assert found.content is not None and found.content.text.endswith("stone by stone.”")


def test_addressee_is_no_content(analyser: Analyser) -> None:
    text = "“We are not leaving,” the mayor told reporters on Tuesday."
    found = by_cue(attributions(analyser, text), "told")
    assert found.content is not None and found.content.text.startswith("“We are not leaving")


def test_relative_source_names_antecedent(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "Voters cheered Ruth Amsel, who said the tax was unfair."), "said")
    assert found.source is not None and found.source.name == "Ruth Amsel"
    assert found.source.antecedent is not None and found.source.antecedent.text == "Ruth Amsel"


def test_predicate_of_a_name_is_that_person(analyser: Analyser) -> None:
    """ "Ortiz was a novice candidate who ...": the description is the named person, and so is a later "she"."""
    text = ("Lena Ortiz was a novice candidate who had never debated. Her rivals were career politicians. "
            "She claimed that the harbour would reopen.")
    found = by_cue(attributions(analyser, text), "claimed")
    assert found.source is not None and found.source.kind == N_PERSON


def test_document_with_named_author(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "A study conducted by the Brookings Institution found that wages rose."),
                   "found")
    assert found.source is not None and found.source.kind == N_ORG


def test_headline_needs_a_verb_form(analyser: Analyser) -> None:
    found = attributions(analyser, "Monday Morning Email: Storm Hits The Coast\nThe storm hit.")
    assert not [a for a in found if a.cue.text == "Email"]


def test_headline_second_verb_in_coordination_has_the_first_ones_speaker(analyser: Analyser) -> None:
    found = attributions(analyser, "Harbour Union Backs Mayor And Denounces Council Plan\n\nThe council met.")
    second = by_cue(found, "Denounces")
    assert second.source is not None and second.source.span.text == "Harbour Union"


def test_headline_bare_verb_after_a_plural_subject(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "Angry Harbour Workers Rip Council Over Pier Plan\n\nThe council met."), "Rip")
    assert found.source is not None and found.source.span.text == "Angry Harbour Workers"


@pytest.mark.parametrize(("text", "cue"), [
    ("I read the letter twice before the meeting.", "read"),
    ("The mayor maintained control of the council.", "maintained"),  # a clause-only cue without a clause
    ("Ruth Amsel spoke first.\nAmsel: 547.", ":"),  # a tally, not a statement
    ("Officials said that voters who believe the tax is unfair will stay home.", "believe"),  # the officials' words
    ("The mayor left the meeting without saying a word.", "saying"),  # an act not done
    ("The mayor found himself in a tight race.", "found"),  # a situation, not a finding
    ("The council found a way to keep the harbour open.", "found"),  # means, not a finding
    ("The harbour added 200 jobs last year.", "added"),  # an increase, not a statement
    ("The storm added to the council's troubles.", "added"),
    ("The mayor took questions from the fishermen.", "took questions"),  # speech received, not given
    ("To date, the harbour has cost the town $3 million.", "To"),  # no person to whom it holds
    ("In a new harbour survey, the mayor said the rules were too strict.", "In"),  # the mayor speaks, not the poll
    # gerunds after these prepositions name an act as a topic or aim, not one reported
    ("The mayor is leaning toward supporting the harbour plan.", "supporting"),
    ("The council decided against labeling the strike illegal.", "labeling"),
    ("The mayor was praised for her success at persuading the council.", "persuading"),
    ("The senator chided the mayor for making rude remarks about the fishermen.", "making rude remarks about"),
    # a restrictive relative clause inside a report describes its noun, as part of what is reported
    ("The mayor said she had met farmers who criticized the harbour plan.", "criticized"),
    ("The mayor denounced a union that has endorsed the harbour plan.", "endorsed"),
    ("The program, called Harbour First, pays the fishermen.", "called"),  # a participle naming its noun
    ("The station aired an ad about the harbour.", "aired an ad"),  # placing an ad, not publishing one
    ("The mayor changed her mind after seeing the flooded harbour.", "seeing"),  # an act of perceiving
    ("Groups promoting the harbour plan met on Monday.", "promoting"),  # a finite-only cue as a participle
    ("The council is on board with comparing the two harbour plans.", "comparing"),
    ("Groups publishing the harbour data met on Monday.", "publishing"),
    ("The fishermen cast their nets at dawn.", "cast"),  # "cast" is a cue only with its "as" predicate
    ("Donors reluctant to give money stayed home.", "reluctant"),  # an integrated adjective describes its noun
    ("The council took up the issue on Monday.", "took"),  # "issue" with a determiner: a topic taken up
    ("The fishermen voted in the harbour district on Tuesday.", "voted"),  # taking part in a ballot, no side
    ("The mayor is a tireless advocate for the fishermen.", "is a tireless advocate for"),  # a role, not a stance
    ("The new mayor will assume office in January.", "assume"),  # taking up an office, not a belief
    ("Fishing was against the harbour rules.", "was against"),  # said of a thing, not a stance
    ("The storm went on for hours.", "went on"),  # going on, not speaking on
    ("What is clear is that the harbour will close.", "is clear"),  # a free relative holds no stance
])
def test_no_cue(analyser: Analyser, text: str, cue: str) -> None:
    assert not [a for a in attributions(analyser, text) if a.cue.text == cue]


SPLIT_QUOTES = [
    ("“We will not leave,” the minister said. “The talks go on.”", "said",
     ["“We will not leave,”", "“The talks go on.”"]),
    ("“It is over,” she told reporters on Monday, “and we won.”", "told",
     ["“It is over,”", "“and we won.”"]),
]


@pytest.mark.parametrize(("text", "cue", "pieces"), SPLIT_QUOTES)
def test_quote_cut_by_its_cue_comes_in_pieces(analyser: Analyser, text: str, cue: str, pieces: list[str]) -> None:
    """PARC and PolNeAR annotate the speaker's words without the 'she said' inside them."""
    found = next(a for a in attributions(analyser, text) if a.cue.text == cue)
    assert [p.text for p in found.content_pieces()] == pieces
    assert found.content is not None and found.content.start == found.content_segments[0].start


def test_uncut_content_is_one_piece(analyser: Analyser) -> None:
    found = next(a for a in attributions(analyser, "The minister said the talks would go on.") if a.cue.text == "said")
    assert found.content_segments == () and [p.text for p in found.content_pieces()] == ["the talks would go on"]


def test_quote_ending_a_paragraph_is_not_the_next_paragraphs(analyser: Analyser) -> None:
    text = ("“We stay,” the source said. “The sides discussed what will be shared.”\n\n"
            "According to Klintsevich, the cooperation grows.")
    found = {a.cue.text: a for a in attributions(analyser, text)}
    assert found["According to"].content is not None
    assert found["According to"].content.text == "the cooperation grows"
    assert found["said"].content is not None and "The sides discussed" in found["said"].content.text


def test_speaker_beside_a_telling_verb_is_before_it(analyser: Analyser) -> None:
    """After "told" comes the addressee: the speaker next to the verb is the one before it."""
    from spacy.tokens import Doc

    from builder.analysis.attr_speakers import adjacent_speaker

    words = ["“", "Go", "”", ",", "Ramos", ",", "58", ",", "told", "AFP", "."]
    pos = ["PUNCT", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PROPN", "PUNCT"]
    doc = Doc(analyser.nlp.vocab, words=words, pos=pos, lemmas=[w.lower() for w in words[:8]] + ["tell", "afp", "."])
    speaker = adjacent_speaker(doc[8], (doc[0].idx, doc[2].idx + 1))
    assert speaker is not None and speaker.text == "Ramos"
    said = Doc(analyser.nlp.vocab, words=["“", "Go", "”", ",", "said", "Ramos", "."],
               pos=["PUNCT", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"])
    speaker = adjacent_speaker(said[4], (said[0].idx, said[2].idx + 1))
    assert speaker is not None and speaker.text == "Ramos"


def test_subject_before_a_party_label(analyser: Analyser) -> None:
    """A finite verb the parser left without a subject takes the name before it, across a party label."""
    from spacy.tokens import Doc

    from builder.analysis.attr_speakers import _preceding_subject

    words = ["Lena", "Ortiz", "(", "D-Vt.", ")", "called", "the", "plan", "a", "sham", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "DT", "NN", "DT", "NN", "."]
    doc = Doc(analyser.nlp.vocab, words=words, pos=pos, tags=tags)
    subject = _preceding_subject(doc[5])
    assert subject is not None and subject.text == "Ortiz"


def test_parenthetical_as_clause_has_its_own_speaker(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "The harbour, as one of the council's engineers noted, rarely floods in winter."),
                   "noted")
    assert found.source is not None and "engineers" in found.source.span.text


def test_speaker_after_the_verb_in_a_quotative_inversion(analyser: Analyser) -> None:
    """'“...,” added another Democrat': the parser may read the speaker as the object."""
    from spacy.tokens import Doc

    from builder.analysis.attr_speakers import _inverted_subject

    words = ["“", "Go", ",", "”", "added", "another", "Maine", "Democrat", "."]
    doc = Doc(analyser.nlp.vocab, words=words,
              pos=["PUNCT", "VERB", "PUNCT", "PUNCT", "VERB", "DET", "PROPN", "PROPN", "PUNCT"],
              tags=["``", "VB", ",", "''", "VBD", "DT", "NNP", "NNP", "."],
              heads=[4, 4, 4, 4, 4, 7, 7, 4, 4],
              deps=["punct", "ccomp", "punct", "punct", "ROOT", "det", "compound", "dobj", "punct"])
    subject = _inverted_subject(doc[4])
    assert subject is not None and subject.text == "Democrat"


def test_relative_pronoun_beside_a_name_already_a_source(analyser: Analyser) -> None:
    """'“...,” said Ruth Amsel, who noted ...': the second speaker mention is the pronoun beside the first."""
    found = attributions(analyser, "“The tax is unfair to every fisherman here,” said Ruth Amsel, who noted that it would fail.")
    said, noted = by_cue(found, "said"), by_cue(found, "noted")
    assert said.source is not None and said.source.span.text == "Ruth Amsel"
    assert noted.source is not None and noted.source.span.text == "who" and noted.source.kind == N_PERSON


@pytest.mark.parametrize("text", [
    "The harbour is “a place for every family in the region“ in the mayor's words, said Ruth Amsel.",
    "\"The harbour must stay open for every family in the region,” said Ruth Amsel.",
])
def test_quotation_closed_by_another_kind_of_mark(text: str) -> None:
    """A closing mark typed as “ (after a word, before a space) or a straight quotation closed by ” still ends
    the quotation: the rest of the sentence is the narrator's."""
    from builder.analysis.quotes import quotations

    quotes = quotations(text)
    assert len(quotes) == 1 and "said" not in text[quotes[0][0]:quotes[0][1]]


def test_admire_verb_reports_an_attitude(analyser: Analyser) -> None:
    """Levin's admire verbs (31.2) report the subject's attitude to their object, as PolNeAR annotates them."""
    found = by_cue(attributions(analyser, "Many fishermen distrust the new harbour master."), "distrust")
    assert found.type == AttributionType.BELIEF
    assert found.source is not None and found.source.span.text == "Many fishermen"


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Turnout was far higher than the organisers expected.", "expected", "the organisers"),
    ("The vote went the way the fishermen had hoped.", "hoped", "the fishermen"),
])
def test_attitude_with_elided_complement(analyser: Analyser, text: str, cue: str, source: str) -> None:
    """A finite attitude verb with its subject holds the attitude though its complement is left out."""
    found = by_cue(attributions(analyser, text), cue)
    assert found.source is not None and found.source.span.text == source


def test_attitude_participle_without_complement_is_no_cue(analyser: Analyser) -> None:
    assert not any(a.cue.text == "Hoping" for a in attributions(analyser, "Hoping, the fishermen waited at the harbour."))


def test_say_in_a_relative_clause_inside_a_report_is_its_own_report(analyser: Analyser) -> None:
    text = "Officials said the new harbour rules, which the mayor said were unfair, would take effect in May."
    sources = [a.source.span.text for a in attributions(analyser, text) if a.cue.text == "said" and a.source]
    assert sources == ["Officials", "the mayor"]


def test_present_tense_read_as_infinitive_is_a_cue(analyser: Analyser) -> None:
    """'The fishermen that backed him say ...': the tagger reads 'say' as a base form; with its own subject and
    no auxiliary it is a present tense. After 'let' a base form stays a bare infinitive."""
    found = by_cue(attributions(analyser, "The fishermen that backed him say the harbour must stay open."), "say")
    assert found.source is not None and found.source.span.text.startswith("The fishermen")
    assert not attributions(analyser, "Let me say that the harbour plan is a mistake.")


def test_passive_of_an_attitude_verb_has_its_complement_as_subject(analyser: Analyser) -> None:
    """'backed' needs an object; in the passive the object is the subject and the agent holds the stance."""
    found = by_cue(attributions(analyser, "The mayor was backed by most of the fishermen."), "backed")
    assert found.source is not None and found.source.span.text == "most of the fishermen"


def test_stance_under_a_modal_is_hypothetical(analyser: Analyser) -> None:
    found = attributions(analyser, "The fishermen would be happy to see the harbour reopen.")
    assert not any("happy" in a.cue.text for a in found)


@pytest.mark.parametrize(("text", "cue"), [
    ("Two senators who are seeking the nomination spoke in Denver on Monday.", "seeking"),
    ("The fishermen complained about what they saw as an unfair tax.", "saw"),
])
def test_stance_describing_a_noun_is_no_cue(analyser: Analyser, text: str, cue: str) -> None:
    assert not any(a.cue.text == cue for a in attributions(analyser, text))


def test_existential_cue_noun_is_a_holderless_cue(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "There are fears that the harbour will close."), "are fears")
    assert found.source is None
    assert found.content is not None and found.content.text == "that the harbour will close"


def test_reportedly_marks_hearsay_without_a_source(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "The mayor is reportedly considering a run for governor."), "reportedly")
    assert found.source is None and found.content is not None and "considering a run" in found.content.text


def test_subject_before_a_past_tense_read_as_a_participle() -> None:
    """The parser hung the name on the verb as a compound and tagged the verb a participle: the name before it
    is still its subject."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from builder.analysis.attr_speakers import speaker

    doc = Doc(Vocab(), words=["Ruiz", "barked", "."], tags=["NNP", "VBN", "."], pos=["PROPN", "VERB", "PUNCT"],
              deps=["compound", "ROOT", "punct"], heads=[1, 1, 1])
    found = speaker(doc[1], None)
    assert found is not None and found.text == "Ruiz"


def test_participle_after_an_inverted_report_keeps_its_speaker() -> None:
    """ "Ruiz cannot say it, Pike added, saying ...": the parser made "added" a complement of "say"; the
    participle right after it is still Pike's."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from builder.analysis.attr_subjects import subject_of

    words = ["Ruiz", "cannot", "say", "it", ",", "Pike", "added", ",", "saying", "more", "."]
    doc = Doc(Vocab(), words=words, lemmas=["Ruiz", "can", "say", "it", ",", "Pike", "add", ",", "say", "more", "."],
              tags=["NNP", "MD", "VB", "PRP", ",", "NNP", "VBD", ",", "VBG", "JJR", "."],
              pos=["PROPN", "AUX", "VERB", "PRON", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "ADJ", "PUNCT"],
              deps=["nsubj", "aux", "ROOT", "dobj", "punct", "nsubj", "ccomp", "punct", "advcl", "dobj", "punct"],
              heads=[2, 2, 2, 2, 6, 6, 2, 8, 6, 8, 2])
    found = subject_of(doc[8])
    assert found is not None and found.text == "Pike"


def test_quoting_a_statement_is_the_quoters_report(analyser: Analyser) -> None:
    found = by_cue(attributions(analyser, "“The harbour stays open,” the mayor tweeted, quoting the council’s statement."),
                   "quoting")
    assert found.source is not None and found.source.span.text == "the mayor"


def test_plural_noun_read_as_a_verb_is_no_cue() -> None:
    """ "responded to Pike's remarks": a present tense as the object of a preposition is a plural noun."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from builder.analysis.attr_cues import CueEntry, is_cue_verb

    doc = Doc(Vocab(), words=["He", "responded", "to", "Pike", "'s", "remarks", "."],
              tags=["PRP", "VBD", "IN", "NNP", "POS", "VBZ", "."],
              pos=["PRON", "VERB", "ADP", "PROPN", "PART", "VERB", "PUNCT"],
              deps=["nsubj", "ROOT", "prep", "poss", "case", "pobj", "punct"], heads=[1, 1, 1, 5, 3, 2, 1])
    assert not is_cue_verb(doc[5], CueEntry(AttributionType.SPEECH, False), False)
