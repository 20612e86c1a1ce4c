"""Simple, rule-based reference resolution for source mentions.

Pronouns take the nearest preceding compatible mention (he/she -> a person, they -> a group or organisation,
it -> an organisation or document), preferring earlier *sources* (a "he said" usually continues the last
speaker) over any entity; a short definite form ("the newspaper", "the source") takes the last mention with
the same head noun; a unique title ("the president") the last named person.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from builder.analysis.attr_cues import noun_phrase
from builder.analysis.sources import Reading, SourceLexicon, is_plural, read_mention, role_of
from builder.models import Source, SourceKind, Span

# How far back (characters) a pronoun looks for an earlier source before settling for any entity.
SOURCE_WINDOW = 700
ENTITY_WINDOW = 1500
ENTITY_KINDS = {"PERSON": SourceKind.NAMED_PERSON, "ORG": SourceKind.NAMED_ORG, "GPE": SourceKind.NAMED_ORG}


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: SourceKind
    name: str
    lemma: str  # head noun lemma, lower-cased
    is_source: bool
    human: bool = True  # a person or a person role, not an abstract noun ("the lack of enthusiasm")
    gender: str = ""  # "m" / "f" when the text tells (Mr., Mrs., "she said"), else ""


GENDERED = {"mr.": "m", "mr": "m", "he": "m", "him": "m", "his": "m", "mrs.": "f", "mrs": "f", "ms.": "f",
            "ms": "f", "miss": "f", "she": "f", "her": "f"}


def gender_of(word: str) -> str:
    return GENDERED.get(word.lower(), "")


def span_of(phrase: SpacySpan) -> Span:
    """The record of a spaCy span, from its own text: `Doc.text` is rebuilt from every token on each call."""
    return Span(phrase.start_char, phrase.end_char, phrase.text)


def entity_mentions(doc: Doc) -> list[Mention]:
    found = []
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None and ent.label_ == "NORP" and is_plural(ent.root):
            kind = SourceKind.UNNAMED_GROUP
        if kind is not None:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            before = doc[ent.start - 1].text if ent.start > 0 else ""
            found.append(Mention(span_of(ent), kind, text,
                                 ent.root.lemma_.lower(), False, gender=gender_of(before)))
    return found


def _fits(reading: Reading, mention: Mention) -> bool:
    if reading.role == "person":
        return mention.kind == SourceKind.NAMED_PERSON or (mention.kind == SourceKind.UNNAMED_PERSON and mention.human)
    if reading.role == "it":
        return mention.kind in (SourceKind.NAMED_ORG, SourceKind.UNNAMED_GROUP) and mention.lemma not in ("percent",)
    if reading.role == "they":
        return mention.kind in (SourceKind.UNNAMED_GROUP, SourceKind.NAMED_ORG)
    if reading.role == "title":
        return mention.kind == SourceKind.NAMED_PERSON
    return False


def _nearest(before: int, mentions: list[Mention], reading: Reading, sources_only: bool, window: int,
             gender: str = "") -> Mention | None:
    """The latest fitting mention; a he/she skips a person the text has shown to be of the other gender."""
    genders = {m.name: m.gender for m in mentions if m.gender and m.span.start < before}
    best: Mention | None = None
    for mention in mentions:
        if mention.span.end > before or before - mention.span.start > window:
            continue
        if (sources_only and not mention.is_source) or (gender and genders.get(mention.name, gender) != gender):
            continue
        if _fits(reading, mention) and (best is None or mention.span.start > best.span.start):
            best = mention
    return best


def resolve(reading: Reading, lemma: str, at: int, mentions: list[Mention], pronoun: bool,
            gender: str = "") -> Mention | None:
    """The mention `reading` (at character `at`) refers to, or None when nothing fits."""
    if not reading.needs_antecedent:
        return None
    if not pronoun:
        same = [m for m in mentions if m.lemma == lemma and m.span.end <= at and m.is_source]
        if same:
            return max(same, key=lambda m: m.span.start)
        if reading.role != "title":
            return None
    found = _nearest(at, mentions, reading, True, SOURCE_WINDOW, gender)
    found = found or _nearest(at, mentions, reading, False, ENTITY_WINDOW, gender)
    if found is None and reading.role == "title":
        # "the novice politician" far into a profile: the one the article is about, named near its start.
        found = _nearest(at, mentions, reading, True, at, gender) or _nearest(at, mentions, reading, False, at, gender)
    return found


POSSESSIVE_ENTITIES = {"its": ("ORG", "GPE", "NORP"), "his": ("PERSON",), "her": ("PERSON",),
                       "their": ("ORG", "GPE", "NORP", "PERSON")}


def _clause_subject(pronoun: Token) -> Token | None:
    """What a possessive pronoun refers back to, inside its sentence: the clause subject ("Germany has been
    vocal in its criticism"), else the nearest preceding entity of a fitting type."""
    for ancestor in pronoun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < pronoun.i and subject.pos_ != "PRON":
                return subject
            break
    labels = POSSESSIVE_ENTITIES.get(pronoun.lower_, ())
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.ent_type_ in labels:
            return token
    return None


def _named_anchor(phrase: SpacySpan) -> SpacySpan:
    """ "Trump, a novice politician who ...": a description in apposition to a name is that named person; so
    is the predicate of a copula with a name as subject ("Trump was a novice politician who ...")."""
    head = phrase.root
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return noun_phrase(head.head)
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN" and subject.i < head.i:
            return noun_phrase(subject)
    return phrase


def _human(noun: Token, lexicon: SourceLexicon) -> bool:
    return noun.ent_type_ in ("PERSON", "NORP") or role_of(noun, lexicon.roles) in ("person", "title")


def _who_anchor(noun: Token, relative: Token, lexicon: SourceLexicon) -> Token:
    """"who" stands for a person: when the parser hung the clause on the place or thing ending a noun's
    modifier ("Democrats on Capitol Hill, who argued", "listeners to his program who said"), the person is
    the noun that modifier belongs to."""
    if relative.lower_ not in ("who", "whom") or _human(noun, lexicon):
        return noun
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        owner = noun.head.head
        if _human(owner, lexicon) or owner.tag_ in ("NNS", "NNPS"):
            return owner
    return noun


def _anchor_phrase(noun: Token, anchor: Token) -> SpacySpan:
    """The noun phrase of the anchor; for a noun climbed to, only up to that noun ("nervous Democrats")."""
    if anchor == noun:
        return noun_phrase(noun)
    return anchor.doc[anchor.left_edge.i:anchor.i + 1]


def _target(mention: SpacySpan, lexicon: SourceLexicon) -> SpacySpan:
    """The phrase that says who `mention` is: itself, or the noun a relative or possessive pronoun stands for."""
    head = mention.root
    if len(mention) > 1 and mention[-1].lower_ in ("who", "which", "that"):
        return _named_anchor(_anchor_phrase(head, _who_anchor(head, mention[-1], lexicon)))
    if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
        return _named_anchor(_anchor_phrase(head.head.head, _who_anchor(head.head.head, head, lexicon)))
    if head.dep_ == "poss" and head.pos_ == "PRON":
        subject = _clause_subject(head)
        if subject is not None:
            return noun_phrase(subject)
    return mention


def _same_name(mention: SpacySpan, mentions: list[Mention]) -> Mention | None:
    """A bare name seen before in full or as a source ("Klintsevich" after "Franz Klintsevich")."""
    last = mention.root
    if not last.text[:1].isupper() or last.pos_ not in ("PROPN", "NOUN"):
        return None
    word = last.text
    for other in sorted(mentions, key=lambda m: m.is_source, reverse=True):
        fits = other.kind == SourceKind.NAMED_PERSON or (other.is_source and other.kind.is_named)
        if fits and word in other.name.split() and other.span.start != mention.start_char:
            return other
    return None


def _previous_subject(pronoun: Token, lexicon: SourceLexicon) -> Token | None:
    """ "The former governor is a triathlete. He released a letter ...": a "he" or "she" opening a sentence
    continues the subject of the sentence before in its paragraph (the centre of attention, Grosz, Joshi &
    Weinstein 1995) rather than a source named in an earlier paragraph; that subject is one person."""
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ != "nsubj" or pronoun.i != pronoun.sent.start:
        return None
    if pronoun.i == 0:
        return None
    previous = pronoun.doc[pronoun.i - 1].sent.root
    subject = next((c for c in previous.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ not in ("NN", "NNP") or not _human(subject, lexicon):
        return None
    if subject.pos_ == "PRON" or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return None  # "Everyone can see ... He knows", "No candidate has less at stake ... He won": nobody in particular
    left = subject.doc[subject.left_edge.i : subject.i + 1]
    if any(gender_of(t.text) not in ("", gender_of(pronoun.text)) for t in left):
        return None  # "Mrs. Clinton ... He noted": someone else
    return subject


def _centre(topic: Token, mention: SpacySpan, found: Mention | None) -> bool:
    """The subject before is in the pronoun's paragraph and the source found for it is not (texts read only
    between the two: spaCy rebuilds `Doc.text` on each access)."""
    doc = mention.doc
    if "\n" in doc[topic.i : mention.start].text:
        return False
    if found is None:
        return True
    before = doc.char_span(found.span.start, mention.start_char, alignment_mode="expand")
    return before is not None and "\n" in before.text


def make_source(mention: SpacySpan, mentions: list[Mention], lexicon: SourceLexicon) -> Source:
    span = span_of(mention)
    target = _target(mention, lexicon)
    reading = read_mention(target, lexicon)
    if (target.start, target.end) != (mention.start, mention.end):
        return Source(span, reading.kind, reading.name, span_of(target))
    found = resolve(reading, target.root.lemma_.lower(), mention.start_char, mentions, target.root.pos_ == "PRON",
                    gender_of(target.root.text))
    topic = _previous_subject(target.root, lexicon)
    if topic is not None and _centre(topic, mention, found):
        described = make_source(noun_phrase(topic), mentions, lexicon)
        return Source(span, described.kind, described.name, described.antecedent or described.span)
    found = found or _same_name(mention, mentions)
    if found is not None:
        return Source(span, found.kind, found.name, found.span)
    if reading.kind == SourceKind.NAMED_PERSON and len(mention) == 1 and mention.root.pos_ == "PROPN":
        # News introduces a person by full name; a lone name never given in full is mostly an outlet or
        # a body the tagger took for a person ("according to Rudaw").
        return Source(span, SourceKind.NAMED_ORG, reading.name)
    return Source(span, reading.kind, reading.name)
