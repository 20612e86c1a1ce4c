"""Who a source mention is: its kind (named/unnamed, person/organisation/group) and a canonical name.

The rules follow the labelling guide for source kinds (the four SourceKind values): a name makes a
source named; a role noun without a name is unnamed, singular -> person, plural -> group; documents are
named only when their author is; pronouns and short definite forms ("the newspaper") take the kind of what
they refer to (resolved in coref.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from builder.models import SourceKind

NAMED_ENTITIES = frozenset({"ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "one", "another", "its",
                         "his", "her", "their", "our", "my", "your", "many", "several", "other", "most", "few"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
UNIQUE_RELATIVES = frozenset({"mother", "father", "wife", "husband", "mom", "dad", "widow", "widower"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us", "those", "these", "both", "all", "some", "many", "others"})
GROUP_WORDS = frozenset({"percent", "%", "majority", "minority", "half", "third", "quarter", "most", "many",
                         "some", "others", "few", "all", "both", "everyone", "everybody", "nobody", "people"})


@dataclass(frozen=True)
class SourceLexicon:
    roles: Mapping[str, str]  # head-noun lemma -> person / title / org / document


@dataclass(frozen=True)
class Reading:
    """What a mention says about itself before any resolution."""

    kind: SourceKind
    name: str
    needs_antecedent: bool = False  # a pronoun or a definite role noun: look back for what it means
    role: str = ""  # the head noun's role class, for matching antecedents


def head_of(span: SpacySpan) -> Token:
    return span.root


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in PLURAL_PRONOUNS


def clean_name(text: str) -> str:
    text = text.strip().strip(",;:\"“”'’").strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or text


def entities_within(span: SpacySpan) -> list[SpacySpan]:
    """`span.ents` read off the span's own tokens: spaCy's walks every token of the document on each call.
    The entities that start in the span, up to the first that runs past its end."""
    doc, found = span.doc, []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B" or not token.ent_type_:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end > span.end:
            break
        found.append(doc[i:end])
        i = end
    return found


def entity_name(span: SpacySpan, labels: frozenset[str]) -> str | None:
    head = head_of(span)
    ents = [e for e in entities_within(span) if e[0].ent_type_ in labels]
    for ent in ents:
        if ent.start <= head.i < ent.end:
            return clean_name(ent.text)
    return clean_name(ents[-1].text) if ents else None


def _determiner(head: Token) -> str:
    for child in head.children:
        if child.dep_ in ("det", "nummod", "amod") and child.lower_ in DETERMINERS | {"one"}:
            return child.lower_
        if child.dep_ == "poss":
            return "poss"
    return ""


def _named_modifier(head: Token) -> str | None:
    """A proper-noun modifier: "the Clinton campaign", "a CNN poll", "Trump's tweet"."""
    for child in head.children:
        if child.dep_ in ("compound", "poss", "nmod", "amod") and child.pos_ == "PROPN":
            return " ".join(t.text for t in child.subtree if t.pos_ == "PROPN") or child.text
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return clean_name(" ".join(t.text for t in pobj.subtree))
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a study conducted by Gallup", "a memo written by X"
            by = next((c for c in child.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"), None)
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON")):
                return clean_name(" ".join(t.text for t in pobj.subtree))
    return None


def _appositive_person(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return clean_name(" ".join(t.text for t in child.subtree if t.ent_type_ == "PERSON"))
    return None


def read_proper(span: SpacySpan, head: Token, roles: Mapping[str, str]) -> Reading:
    if len(span) == 1 and roles.get(head.lower_[:-1]) == "person" and head.lower_.endswith("s"):
        # a capitalised plural role noun the tagger took for a name ("Scholars have long debated ...")
        return Reading(SourceKind.UNNAMED_GROUP, clean_name(span.text), role="person")
    person = entity_name(span, frozenset({"PERSON"}))
    if head.ent_type_ == "PERSON" and person:
        return Reading(SourceKind.NAMED_PERSON, person)
    if head.ent_type_ == "NORP" or (is_plural(head) and role_of(head, roles) == "person"):
        kind = SourceKind.UNNAMED_GROUP if is_plural(head) else SourceKind.UNNAMED_PERSON
        return Reading(kind, clean_name(span.text), role="person")
    org = entity_name(span, NAMED_ENTITIES)
    if head.ent_type_ in NAMED_ENTITIES and org:
        return Reading(SourceKind.NAMED_ORG, org)
    if roles.get(head.lemma_.lower()) in ("org", "document"):
        return Reading(SourceKind.NAMED_ORG, clean_name(span.text))
    if person:
        return Reading(SourceKind.NAMED_PERSON, person)
    names = [t for t in span if t.pos_ == "PROPN"]
    if len(names) == 1 and not head.ent_type_:
        # A lone name the tagger does not know as a person, and not seen in full before (coref checks that):
        # news introduces people with a full name, so a lone unknown name is mostly an outlet or body ("Rudaw").
        return Reading(SourceKind.NAMED_ORG, clean_name(names[0].text))
    return Reading(SourceKind.NAMED_PERSON, clean_name(" ".join(t.text for t in names)))


def read_common(span: SpacySpan, head: Token, roles: Mapping[str, str]) -> Reading:
    role = roles.get(head.lemma_.lower(), "")
    named = _appositive_person(head)
    if named:
        return Reading(SourceKind.NAMED_PERSON, named)
    modifier = _named_modifier(head)
    det = _determiner(head)
    plural = is_plural(head) or head.lower_ in GROUP_WORDS
    name = clean_name(span.text)
    if role in ("org", "document") or (modifier and role not in ("person", "title")):
        if modifier:
            # "a CNN poll", "a Washington Post database", "research conducted by the Brookings Institution":
            # the author or publisher is named.
            return Reading(SourceKind.NAMED_ORG, clean_name(modifier) if role == "org" else name)
        if det in DEFINITE and not plural:
            return Reading(SourceKind.NAMED_ORG if role == "org" else SourceKind.UNNAMED_GROUP, name, True, role)
        return Reading(SourceKind.UNNAMED_GROUP, name, role=role)
    if plural:
        return Reading(SourceKind.UNNAMED_GROUP, name, role=role or "person")
    if det in DEFINITE:
        # "the novice politician", "the businessman": a role for someone the article has named, if any.
        return Reading(SourceKind.UNNAMED_PERSON, name, True, "title" if role in ("person", "title") else "person")
    if det == "poss" and head.lemma_.lower() in UNIQUE_RELATIVES:
        # "my mother", "Trump's wife": a functional noun with its possessor picks out one known person (Löbner 1985)
        return Reading(SourceKind.NAMED_PERSON, name)
    if det == "poss":
        return Reading(SourceKind.UNNAMED_PERSON, name, True, role or "person")
    return Reading(SourceKind.UNNAMED_PERSON, name, role=role or "person")


def read_pronoun(head: Token) -> Reading:
    word = head.lower_
    if word in ("it", "its", "which"):
        return Reading(SourceKind.NAMED_ORG, head.text, True, "it")
    if word in PLURAL_PRONOUNS:
        return Reading(SourceKind.UNNAMED_GROUP, head.text, True, "they")
    if word in GROUP_WORDS or word in ("no", "none", "nobody"):
        return Reading(SourceKind.UNNAMED_GROUP, head.text)
    if word in ("someone", "somebody", "anyone", "one"):
        return Reading(SourceKind.UNNAMED_PERSON, head.text)
    if word in FIRST_PERSON:
        # the writer, whom the byline names (a cue inside a quotation is the quoted speaker's, not read); one
        # name for "I", "me" and "my", which readers see on the pages (the byline gives the person's own name)
        return Reading(SourceKind.NAMED_PERSON, "the writer")
    return Reading(SourceKind.UNNAMED_PERSON, head.text, True, "person")


def _title_cased(head: Token) -> bool:
    """A capitalised noun inside a sentence is part of a name the tagger missed ("The Daily Caller")."""
    return head.text[:1].isupper() and not head.is_sent_start and head.i > 0 and head.nbor(-1).text[:1].isupper()


def role_of(head: Token, roles: Mapping[str, str]) -> str:
    lemma = head.lemma_.lower()
    if lemma not in roles and lemma.endswith("s"):
        lemma = lemma[:-1]  # a plural the tagger took for a name ("Scholars") keeps its lemma
    return roles.get(lemma, "")


def read_mention(span: SpacySpan, lexicon: SourceLexicon) -> Reading:
    head = head_of(span)
    if head.lower_ == "one" and any(c.lower_ == "of" for c in head.children):
        return Reading(SourceKind.UNNAMED_PERSON, clean_name(span.text), role="person")
    if head.pos_ == "PRON" or head.lower_ in ("who", "that", "which"):
        return read_pronoun(head)
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE") or _title_cased(head):
        return read_proper(span, head, lexicon.roles)
    if head.like_num or head.lower_ in GROUP_WORDS:
        return Reading(SourceKind.UNNAMED_GROUP, clean_name(span.text))
    return read_common(span, head, lexicon.roles)
