"""Attributions on headline-like lines: reporting verbs in title-cased headlines ("Sanders Vows To Stay In
Race", "Clinton Slams Trump On Taxes") and speaker labels before a colon ("Pence: ...", "TAPPER: ...").

Headline case makes the tagger read every word as a proper noun, so the parse has no verb to find. A
headline is one line in which nearly every word is capitalised; in it, a capitalised word whose inflected
form (-s, -es, -ies, -ed) is a reporting verb of the lexicon, after a name, is the cue: the words before it
on the line are the source, the words after it the content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import numpy
from spacy.attrs import DEP, LOWER, TAG  # type: ignore[import-not-found]  # compiled
from spacy.tokens import Doc, Span, Token

from builder.analysis.attr_cues import Candidate, CueEntry
from builder.models import AttributionType

WORD = re.compile(r"[A-Za-z][\w'’]*")
LINE = re.compile(r"[^\n]+")
COLON = re.compile(":")
# Words that start a headline without being part of who speaks ("How Paul Ryan Thinks About Trump").
LEAD = re.compile(r"\s*(?:(?:how|why|what|when|where|whether|as|after|before|while)\s+)+", re.IGNORECASE)
# A capitalised word after these is a noun ("The Calls", "Of Plans"), not a verb.
NOT_BEFORE_VERB = frozenset({"the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "with", "by", "at", "his",
                             "her", "their", "its", "new", "more", "no", "about", "from", "over", "'s", "’s"})


# Title-cased section labels that introduce a text, not a speaker.
RUBRICS = frozenset({"note", "update", "excerpt", "latest", "exclusive", "analysis", "opinion", "editorial",
                     "watch", "video", "photos", "transcript", "breaking", "related", "correction", "read",
                     "review", "column", "commentary", "interview", "live", "timeline", "factbox", "explainer"})


# A dash before a label closes a headline the label belongs to; a lead-in names no one.
LABEL_DASHES = (" - ", " – ", " — ")
LABEL_LEAD = re.compile(r"\s*(?:more\s+)?from\s+", re.IGNORECASE)


def _headline(line: str) -> bool:
    words = WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def verb_forms(word: str) -> tuple[str, ...]:
    """Lemma candidates of an inflected verb form, by English morphology (-ies, -es, -s, -ed)."""
    w = word.lower()
    forms: list[str] = []  # the bare form is left out: in a headline it is mostly a noun ("Email", "Notice")
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("ed"):
        forms += [w[:-2], w[:-1]]
    return tuple(forms)


def _cue_lemma(token: Token, verbs: Mapping[str, CueEntry]) -> str | None:
    if not token.text[:1].isupper() or token.i == 0:
        return None
    before = token.nbor(-1)
    if not before.text[:1].isupper() or before.lower_ in NOT_BEFORE_VERB or before.is_punct:
        return None
    # a phrasal or clause-only cue is no cue on its own ("All Bets Are Off"); the bare form is a present tense
    # after a plural subject ("Black Lawmakers Rip Trump", "Moderators Ignore Scandals")
    bare = (token.lower_,) if _plural(before) else ()
    forms = (f for f in (*verb_forms(token.text), *bare) if f in verbs)
    return next((f for f in forms if not (verbs[f].needs_particle or verbs[f].needs_clause)), None)


def _plural(token: Token) -> bool:
    word = token.lower_
    if token.pos_ not in ("NOUN", "PROPN"):
        return False  # "Crash Seems Like ...": a verb, not a plural subject
    return token.tag_ in ("NNS", "NNPS") or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "’'\"”":
        end -= 1
    return start, end


def _headline_tokens(doc: Doc, text: str) -> Iterator[tuple[Token, int, int]]:
    """The words of headline lines, with their line's bounds (only these lines are read: the rest is prose)."""
    for line in LINE.finditer(text):
        if _headline(line.group()):
            words = doc.char_span(line.start(), line.end(), alignment_mode="expand")
            yield from ((token, line.start(), line.end()) for token in words or ())


MISPARSED = frozenset({"compound", "amod", "nmod"})


def headline_cues(doc: Doc, text: str, verbs: Mapping[str, CueEntry]) -> Iterator[Candidate]:
    first: dict[int, Span] = {}  # line start -> the speaker of the line's first cue verb
    for token, line_start, line_end in _headline_tokens(doc, text):
        # a verb is the parse's, unless the parser hung it inside a noun phrase ("Grassley Compares Trump's ...")
        if token.pos_ == "VERB" and token.dep_ not in MISPARSED:
            if line_start not in first and _cue_lemma(token, verbs) is not None:
                speaker = doc.char_span(*_trimmed(text, line_start, token.idx), alignment_mode="contract")
                if speaker is not None and len(speaker):
                    first[line_start] = speaker
            continue
        lemma = _cue_lemma(token, verbs)
        if lemma is None:
            # a second verb in coordination ("Le Pen Backs Trump And Denounces Clinton", "..., Calls ..."): the
            # speaker of the first
            lemma = _coordinated_lemma(token, verbs)
            speaker = first.get(line_start)
            if lemma is not None and speaker is not None and len(speaker):
                content = _trimmed(text, token.idx + len(token), line_end)
                if content[1] > content[0]:
                    yield Candidate((token.idx, token.idx + len(token)), speaker, content, verbs[lemma].type)
            continue
        colon = text.rfind(":", line_start, token.idx)
        start = colon + 1 if colon >= 0 else line_start
        lead = LEAD.match(text, start, token.idx)
        start = lead.end() if lead is not None else start
        # a fronted phrase ends at its comma ("Railing Against Taxes, Amsel Vows ..."): the speaker follows it
        start = max(start, text.rfind(",", start, token.idx) + 1)
        source = doc.char_span(*_trimmed(text, start, token.idx), alignment_mode="contract")
        content = _trimmed(text, token.idx + len(token), line_end)
        # A list of names ("Iowa: Tim Albrecht, Brad Anderson, ...") is no speaker.
        if source is None or not len(source) or content[1] <= content[0] or source.text.count(",") > 1:
            continue
        entry = verbs[lemma]
        first.setdefault(line_start, source)
        yield Candidate((token.idx, token.idx + len(token)), source, content, entry.type)


def _coordinated_lemma(token: Token, verbs: Mapping[str, CueEntry]) -> str | None:
    if not token.text[:1].isupper() or token.i == 0 or token.nbor(-1).lower_ not in ("and", ","):
        return None
    forms = (f for f in verb_forms(token.text) if f in verbs)
    return next((f for f in forms if not (verbs[f].needs_particle or verbs[f].needs_clause)), None)


# Words after which a plural noun is a verb with its object or clause ("Trump claims that", "Biden trashes Trump").
CLAUSE_OPENERS = frozenset({"that", "how", "whether", "what", "why"})


def misread_verbs(doc: Doc, verbs: Mapping[str, CueEntry]) -> Iterator[Candidate]:
    """A present-tense reporting verb the tagger read as a plural noun heading the sentence ("Trump charges that
    ...", "leaked documents show he ...", "Biden trashes Trump"): the words before it are the speaker, those after
    it what is said. Only where the sentence's head is that noun, so it has no verb of its own."""
    tags = doc.to_array([TAG, DEP])  # found by array: a Python step per token costs more than the rest
    rows = numpy.nonzero((tags[:, 0] == doc.vocab.strings["NNS"]) & (tags[:, 1] == doc.vocab.strings["ROOT"]))[0]
    for token in (doc[int(i)] for i in rows):
        if token.i == 0 or token.i + 1 >= len(doc):
            continue
        lemma = next((f for f in verb_forms(token.text) if f in verbs), None)
        before, after = token.nbor(-1), token.nbor(1)
        if lemma is None or verbs[lemma].needs_particle or not (before.pos_ in ("NOUN", "PROPN", "PRON") or before.is_quote):
            continue
        if after.tag_ in ("VBN", "VBD") or not (  # "Clinton emails released": a noun and its participle
                before.pos_ == "PROPN" or after.lower_ in CLAUSE_OPENERS or after.pos_ in ("DET", "PROPN", "PRON")
                or _infinitive_after(after)):  # "The campaign plans to employ ...", "House panel votes to hold
            continue
        sent = token.sent
        source = doc[sent.start : token.i]
        if not len(source) or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in source):
            continue
        last = sent[-1] if not sent[-1].is_punct or len(sent) < 2 else sent[-2]
        yield Candidate((token.idx, token.idx + len(token)), source, (after.idx, last.idx + len(last)),
                        verbs[lemma].type)


# "records show", "campaign finance records show.": a plural noun and the base form of a verb of evidence agree
# as subject and present tense, though the tagger read the verb as the head noun of a compound.
EVIDENCE_FORMS = frozenset({"show", "suggest", "indicate"})


def misread_evidence(doc: Doc, text: str) -> Iterator[Candidate]:
    """A present-tense verb of evidence after a plural noun, tagged as a singular noun: the words before it
    in its phrase are the source; what they show is the clause after it or, for a parenthetical or final
    "records show", the rest of the sentence before it."""
    lowered = text.lower()  # the forms are matched by their lower case below: "Records Show" too
    if not any(form in lowered for form in EVIDENCE_FORMS):
        return
    forms = [doc.vocab.strings[form] for form in EVIDENCE_FORMS]  # by array: a Python step per word costs more
    rows = numpy.nonzero(numpy.isin(doc.to_array(LOWER), forms))[0]
    for token in (doc[int(i)] for i in rows):
        if token.tag_ != "NN" or token.i == 0 or token.i + 1 >= len(doc):
            continue
        before, after = token.nbor(-1), token.nbor(1)
        if before.tag_ != "NNS" or (before.head.i not in (token.i, before.i) and before.dep_ != "compound"):
            continue
        start = token.left_edge.i if token.left_edge.i < token.i else before.left_edge.i
        while start < before.i and doc[start].pos_ in ("SCONJ", "ADP", "CCONJ", "PUNCT"):
            start += 1  # "as records show"
        source = doc[start : token.i]
        sent = token.sent
        if after.text in (",", ".") and start > sent.start:
            first, last = sent.start, start - 1
        elif after.lower_ == "that" or after.pos_ in ("PRON", "DET", "PROPN"):
            first, last = after.i, sent.end - 1
        else:
            continue
        while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
            last -= 1
        content = (doc[first].idx, doc[last].idx + len(doc[last]))
        yield Candidate((token.idx, token.idx + len(token)), source, content, AttributionType.EVIDENCE)


def _infinitive_after(token: Token) -> bool:
    doc = token.doc
    return token.lower_ == "to" and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "VB"


def _speaker_like(head: Token, roles: Mapping[str, str], names: frozenset[str]) -> bool:
    """A name or a role can speak ("Pence:", "Poll:"); a rubric cannot ("Editor's Note:", "The Latest:").
    A lone capitalised word opening a line is often tagged as a common noun ("Trump:", "TAPPER:"): it is a
    name when the article names it elsewhere."""
    if head.lower_ in RUBRICS:  # before the roles: "Editor's Note:" is no note that speaks
        return False
    if head.lemma_.lower() in roles:
        return True
    return head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.lower_ in names)


def _names(doc: Doc) -> frozenset[str]:
    return frozenset(t.lower_ for t in doc if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))


def _label_start(text: str, line_start: int, colon: int) -> int:
    """Where a speaker label before `colon` begins: the line start, or after a dash that closes a headline
    ("POLLS NOT WRONG, JUST EARLY - Mark Blumenthal:") or a lead-in ("More from the report:")."""
    dashes = [text.rfind(dash, line_start, colon) for dash in LABEL_DASHES]
    start = max([line_start] + [at + 3 for at in dashes if at >= 0])
    lead = LABEL_LEAD.match(text, start, colon)
    return lead.end() if lead is not None else start


def speaker_labels(doc: Doc, text: str, roles: Mapping[str, str]) -> Iterator[Candidate]:
    """A short name before a colon at the start of a line: headlines ("Pence: ...") and transcripts."""
    names: frozenset[str] | None = None
    for colon in COLON.finditer(text):
        span = doc.char_span(colon.start(), colon.end())  # None inside a token ("12:30")
        if span is None or span.start == 0 or span.start > len(doc) - 2:
            continue
        token = span[0]
        line_start = text.rfind("\n", 0, token.idx) + 1
        start = _label_start(text, line_start, token.idx)
        fronted = FRONTED_OPENING.search(text, start, token.idx)  # "... complicated. Said Ellis: ..."
        if fronted is not None and fronted.start() > start and token.sent.start_char == fronted.start():
            start = fronted.start()  # a fronted verb opens the label mid-line
        label = text[start : token.idx].strip().strip("\"“")
        words = label.split()
        if not 0 < len(words) <= 6 or not all(w[:1].isupper() for w in words):
            continue
        first = doc.char_span(start + text[start:token.idx].find(label), token.idx, alignment_mode="expand")
        names = _names(doc) if names is None else names
        if first is None or not _speaker_like(first.root, roles, names):
            continue
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        content = (doc[token.i + 1].idx, line_end)
        if any(c.isalpha() for c in text[content[0] : content[1]]):  # not a tally ("Clinton: 547.")
            yield _fronted(first, content) or Candidate((token.idx, token.idx + 1), first, content,
                                                        AttributionType.SPEECH)


# Verbs of saying fronted before their speaker in a label ("Said Ellis: ..."; quotative inversion with the verb
# first, Quirk et al. 1985, 18.50): the verb is the cue, the words after it the speaker.
FRONTED = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "noted",
                     "recalled", "tweeted"})
FRONTED_OPENING = re.compile(r"\b(?:" + "|".join(sorted(w.title() for w in FRONTED)) + r")\b")


def _fronted(label: Span, content: tuple[int, int]) -> Candidate | None:
    if len(label) < 2 or label[0].lower_ not in FRONTED:
        return None
    verb = label[0]
    return Candidate((verb.idx, verb.idx + len(verb)), label[1:], content, AttributionType.SPEECH)
