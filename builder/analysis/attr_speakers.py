"""Who reports: the speaker of a reporting verb, read off the dependency parse and, where the parser went
astray, off the word order of English reporting clauses (subject before the verb, quotative inversion,
a name in apposition or before a parenthesis, a relative pronoun with its antecedent).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from builder.analysis.attr_cues import ADDRESSEE_VERBS, RELATIVE, noun_phrase
from builder.analysis.attr_subjects import subject_of


def mention(token: Token | None, floor: int = 0) -> SpacySpan | None:
    if token is None:
        return None
    if token.lower_ in RELATIVE and token.dep_ in ("nsubj", "nsubjpass"):
        return _relative(token)
    return noun_phrase(token, floor)


def _relative(pronoun: Token) -> SpacySpan:
    """A relative pronoun with the noun phrase it stands for ("the senator, who"): the mention is both, the
    pronoun in the clause and its antecedent naming the speaker."""
    doc = pronoun.doc
    clause = pronoun.head
    if clause.dep_ == "relcl" and clause.head.i < pronoun.i:
        antecedent = noun_phrase(clause.head)
        if antecedent.end <= pronoun.i and all(t.is_punct for t in doc[antecedent.end : pronoun.i]):
            return doc[antecedent.start : pronoun.i + 1]
    return doc[pronoun.i : pronoun.i + 1]


def _stranded_subject(verb: Token) -> Token | None:
    """The speaker of a main verb the parser left without a subject, having hung the name on a fronted phrase
    ("In a statement to the Observer, her adviser, Jake Sullivan, said"): the phrase ending just before the
    verb, up to its first proper noun ("Jay Ruiz, the club's president and manager, suggested")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "auxpass") for c in verb.children):
        return None
    token = verb.nbor(-1) if verb.nbor(-1).text != "," else verb.nbor(-2)
    for _ in range(4):
        if token.dep_ in ("compound", "flat"):
            token = token.head
        elif token.dep_ not in ("appos", "conj") or token.head.i >= token.i:
            return None
        elif token.pos_ == "PROPN":
            return token
        else:
            token = token.head
    return None


# Words that may stand between a finite verb and its subject ("Democrats also accused", "he has not said").
BETWEEN_SUBJECT_AND_VERB = frozenset({"ADV", "AUX", "PART"})


def _preceding_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser hung elsewhere: the noun just before it ("the investigation and
    Democrats accused the GOP", "which Apple's chief executive, Tim Cook, called ..."), as English puts the
    subject of a finite active clause before its verb (Quirk et al. 1985, 10.3)."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
        return None
    # a past tense the tagger read as a participle heading its clause ("Trump barked", "Skelly called him"),
    # or a perfect ("a coalition ... have vouched for")
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp")):
        return None
    token = verb.nbor(-1) if verb.i > 0 else None
    while token is not None and token.pos_ in BETWEEN_SUBJECT_AND_VERB and token.i > 0 and token.head.i == verb.i:
        token = token.nbor(-1)
    if token is not None and token.text == "," and token.i > 0 and (
            token.nbor(-1).pos_ == "PROPN" or token.nbor(-1).dep_ == "appos"):
        token = token.nbor(-1)  # a name or share in apposition, closed by a comma ("voters, 67 percent, say")
    elif token is not None and token.text == ")":
        token = _before_parenthesis(token)  # "Sen. Lindsey Graham (R-SC) called out ..."
    if token is None or not (token.pos_ in ("NOUN", "PROPN", "PRON") or token.like_num) or token.lower_ in RELATIVE:
        return None  # a number is a share of those polled ("About 4 in 10 say")
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.i != verb.i:
        token = token.head
    return token


def _before_parenthesis(closing: Token) -> Token | None:
    """The word before a short parenthesis ("(R-S.C.)", "(pictured)") that `closing` ends."""
    doc = closing.doc
    for i in range(closing.i - 1, max(0, closing.i - 8), -1):
        if doc[i].text == "(":
            return doc[i - 1] if i > 0 else None
    return None


CLOSING = frozenset({",", "”", "''", '"', "’"})


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after the verb in a quotative inversion ('“...,” added another Republican', '..., said
    Skelly'; Quirk et al. 1985, 18.50), which the parser reads as the object or an adverb."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or verb.i + 1 >= len(verb.doc) or verb.nbor(-1).text not in CLOSING:
        return None
    # a clause after the verb is what it reports ("..., said the plan would fail"), unless the quotation before
    # it is that already: then the parser made the speaker and a clause of his into a second one ('"...," said
    # Jim Bopp, a member of the committee, who told ...')
    quoted = verb.nbor(-1).is_quote and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") or (c.dep_ == "ccomp" and c.i > verb.i and not quoted)
           for c in verb.children):
        return None
    token = verb.nbor(1)
    if token.dep_ == "det" and token.head.i > token.i:
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN", "PRON") and not (token.text[:1].isupper() and token.is_alpha):
        return None
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token


def _parenthetical_as(verb: Token, subject: Token) -> bool:
    """ "Hawaii, as one of his advisers pointed out, ...": the parser took the main clause's subject for the
    subject of the verb of a parenthetical "as"-clause; the noun phrase after "as" is its subject."""
    between = verb.doc[subject.i + 1 : verb.i]
    marks = [t.i for t in between if t.lower_ == "as" and t.i > subject.i + 1 and t.nbor(-1).text == ","]
    return bool(marks) and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[marks[-1] + 1 : verb.i])


def adjacent_speaker(verb: Token, content: tuple[int, int] | None) -> Token | None:
    """The speaker next to a verb after a quotation ('"...," said Hester', '"...," Hester said'), used when
    the parser took a word of the quotation for the subject."""
    doc = verb.doc
    # after "told" comes the addressee ('"...," Ramos, 58, told AFP'): the speaker stands before it
    telling = verb.lemma_.lower() in ADDRESSEE_VERBS
    before = list(reversed(doc[max(0, verb.i - (5 if telling else 3)) : verb.i]))
    candidates = (before if telling else list(doc[verb.i + 1 : verb.i + 3]) + before)
    for token in candidates:
        if token.is_punct or token.pos_ not in ("PROPN", "NOUN", "PRON") or token.ent_type_ in ("DATE", "TIME"):
            continue
        if content is not None and content[0] <= token.idx < content[1]:
            continue
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        return token
    return None


def speaker(verb: Token, content: tuple[int, int] | None, quotes: tuple[tuple[int, int], ...] = ()) -> SpacySpan | None:
    subject = subject_of(verb) or _stranded_subject(verb) or _inverted_subject(verb) or _preceding_subject(verb)
    if subject is not None and subject.i < verb.i and _parenthetical_as(verb, subject):
        subject = _preceding_subject(verb) or subject
    inside = next(((s, e) for s, e in quotes if subject is not None and s < subject.idx < e <= verb.idx), None)
    if subject is not None and (inside or (content is not None and content[0] <= subject.idx < content[1])):
        # The parser took a word of the quotation for the subject ('"..., it will," said James Acton').
        subject = adjacent_speaker(verb, inside or content)
    floor = content[1] if content is not None and content[1] <= verb.idx else 0
    return mention(subject, floor)
