"""The subject of a reporting verb: who does the reporting, read off the dependency parse, climbing through
participles, coordination and the nouns a participle describes ("X put out a statement saying", "during a
speech attacking")."""

from __future__ import annotations

from spacy.tokens import Token

from builder.analysis.attr_cues import ASSERTING_HEADS

# Participial or coordinated cues take the subject of the verb they hang from ("..., saying", "said and added").
INHERITS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})
# Verbs whose passive participle makes the main subject the one addressed ("Asked about X, he said").
QUESTIONED = frozenset({"ask", "press", "question", "quiz", "tell"})
# Messages whose content is their sender's words ("put out a statement saying ...").
MESSAGES = frozenset({"statement", "letter", "speech", "resolution", "ad", "advertisement", "notice", "email",
                      "memo", "tweet", "post", "video", "message", "release", "op-ed", "column", "note"})
# Writings whose content is their author's only when the verb makes them ("filed legal papers opposing", "drafted
# a report defending", "planted articles alleging"), not when it cites them ("noted reports alleging").
WRITINGS = frozenset({"paper", "report", "article", "brief"})
AUTHORING = frozenset({"file", "draft", "write", "author", "co-author", "publish", "plant", "issue", "release",
                       "prepare", "submit", "produce", "pen", "circulate"})
# Occasions of speaking: a participle describing one ("during a speech attacking") reports the speaker's words
# (a document speaks for itself: "ads attacking", "a statement announcing").
OCCASIONS = frozenset({"speech", "rally", "event", "appearance", "interview", "remarks", "address", "conversation",
                       "attempt", "point", "turn", "session", "hearing", "visit", "stop",
                       # a news conference or briefing, and being "on record opposing" (stating it publicly)
                       "conference", "briefing", "record"})


def subject_of(verb: Token) -> Token | None:
    """Who does the reporting: the subject or passive agent, climbing through participles ("..., saying",
    "by saying") and coordination. A passive subject is not the speaker ("he was asked", "is expected")."""
    gerund = False
    for _ in range(5):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and verb.lemma_.lower() in QUESTIONED and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Asked about X, he said", "when asked": the main subject was asked, not asking (a subjectless
            # clause is a reduced passive even where the tagger read a past tense)
            return _by_phrase(verb)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.tag_ != "EX"]
        if subjects:
            # two subjects: a dateline the parser took for one ("LONDON (Reuters) - Trump said"); the nearer speaks
            return subjects[-1] if len(subjects) > 1 and subjects[-1].i < verb.i else subjects[0]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return _passive_subject(verb, gerund)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and _authored(verb.head):
            verb = verb.head.head  # "X put out a statement saying ...": the author of the message speaks
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in OCCASIONS:
            # "during a speech attacking", "opened a rally blasting": the one speaking on that occasion
            verb = _clause_verb(verb.head)
            continue
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            # "X, who said", "voters saying ...", "a petition calling for ...": the noun described speaks
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN", "PRON") else None
        head = _climb(verb)
        if head is None:
            return None
        gerund = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp")
        verb = head
    return None


def _climb(verb: Token) -> Token | None:
    """The verb whose subject a subjectless reporting verb shares ("..., saying", "said and added", "Despite
    saying", "are more likely to say"), or None when it shares none."""
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.pos_ == "VERB" \
            and head.head.i < verb.i and not _inverted_report(head, verb):
        # "X said Y was insane, adding ...": the parser hangs the reporting participle on the reported
        # clause; its speaker is the one of the reporting verb. Not a verb after it, which the parser made
        # the head of the clause before ("X seemed unmoved, telling reporters, 'Many people said ...'").
        head = head.head
    elif verb.dep_ in ("pcomp", "pobj") and head.pos_ in ("ADP", "SCONJ"):  # "Despite/Since/Upon saying"
        head = head.head
        # a gerund after a noun or adjective phrase ("stopped short of calling", "has a history of
        # blaming", "are united in supporting") is done by the subject of the verb that phrase belongs to
        for _ in range(2):
            if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("dobj", "acomp", "advmod", "attr"):
                break
            head = head.head
    elif verb.dep_ == "acomp" and verb.lemma_.lower() in ASSERTING_HEADS:
        pass  # "voters are more likely to say": the subject of the copula
    elif verb.dep_ not in INHERITS:
        return None
    return None if head.i == verb.i else head


# Verbs of saying that close a quotation or a report before them ("..., Lewandowski added, saying ...").
QUOTATIVES = frozenset({"say", "add", "tell", "write", "tweet", "note", "continue", "explain", "recall", "argue",
                        "insist", "reply", "respond"})


def _inverted_report(clause: Token, participle: Token) -> bool:
    """ "Comey cannot say that ..., Lewandowski added, saying ...": the clause the parser made a complement is
    itself the report, its own subject before it and the participle right after it."""
    return (clause.lemma_.lower() in QUOTATIVES and clause.i == participle.i - 2 and participle.nbor(-1).text == ","
            and any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children))


def _passive_subject(verb: Token, gerund: bool) -> Token | None:
    """The agent of a passive; but a gerund hung on a passive clause is done by its surface subject ("she
    was suspended after slamming ...", "a lawsuit was filed challenging ..."; Quirk et al. 1985, 15.59)."""
    if gerund:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return subject
    return _by_phrase(verb)


def _clause_verb(noun: Token) -> Token:
    """The verb of the clause a noun phrase belongs to ("spent much of his speech", "during a speech")."""
    head = noun.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head


def _authored(noun: Token) -> bool:
    """A message its sender puts out ("issued a statement", "gave a speech", "ran ads")."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    lemma = noun.lemma_.lower()
    return lemma in MESSAGES or (lemma in WRITINGS and noun.head.lemma_.lower() in AUTHORING)


def _by_phrase(verb: Token) -> Token | None:
    """The agent of a passive that the parser left as a plain "by" phrase ("was called a fraud by critics")."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ in ("PROPN", "PRON") or pobj.ent_type_ in ("PERSON", "ORG", "NORP")
                                     or pobj.tag_ == "NNS"):
                return pobj
    return None
