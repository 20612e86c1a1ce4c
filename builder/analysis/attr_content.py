"""What an attribution says: the content of a reporting verb, read off the dependency parse.

In order: the words after a colon ("He said: ..."), a clausal complement ("said that ..."), the main
clause around an "as"-clause ("As X reported, ..."), else the object and the predicative phrases after it
("called the senator a liar", "accused Berlin of harbouring militants") without the addressee, time, place
or medium ("told reporters on Monday", "said in an interview").
"""

from __future__ import annotations

from spacy.tokens import Token

from builder.analysis.attr_cues import ADDRESSEE_VERBS, SUBJECTS, complement_of, subtree_chars

OBJECT_DEPS = frozenset({"dobj", "dative", "prep", "attr", "oprd"})
PREDICATIVE_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "acomp", "attr"})
# Prepositions that introduce what is said ("spoke about", "commented on") and, after an object, what is
# said of it ("described X as", "accused X of", "blamed X for", "compared X to").
CONTENT_PREPOSITIONS = frozenset({"about", "of", "on", "against", "for", "over", "as", "to", "at", "with", "into",
                                  "toward", "towards", "that", "upon", "from"})
PREDICATIVE_PREPOSITIONS = frozenset({"as", "of", "for", "to", "with", "from", "against", "about", "into"})
QUESTIONING = frozenset({"ask", "wonder", "question", "inquire", "query"})
# The channel of a statement: "said in an interview", "wrote on Twitter".
MEDIA = frozenset({"twitter", "facebook", "instagram", "television", "tv", "radio", "air", "show", "program",
                   "programme", "website", "blog", "page", "call", "phone", "telephone", "interview", "statement",
                   "conference", "speech", "rally", "event", "stage", "trail", "site", "podcast", "broadcast",
                   "camera", "record", "condition", "behalf", "way", "occasion"})
# A noun phrase's words, and the singular noun tags a stray next subject carries ("... and Germany has").
NOMINAL = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"})
SINGULAR_NOUNS = frozenset({"NN", "NNP"})


def verb_content(verb: Token, text: str) -> tuple[int, int] | None:
    """`text` is `verb.doc.text`, passed in: spaCy rebuilds it from every token on each access."""
    found = _verb_content(verb, text)
    return _without_next_subject(verb, found, text) if found is not None else None


def _verb_content(verb: Token, text: str) -> tuple[int, int] | None:
    if verb.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
        act = next((c for c in verb.rights if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"), None)
        if act is not None:  # "went on to say that ...": what the act says
            return _verb_content(act, text)
    colon = _after_colon(verb, text)
    if colon is not None:
        return colon
    comp = complement_of(verb)
    if comp is not None:
        if comp.left_edge.i < verb.i < comp.i:
            # A fronted relative or wh-word ("which he said were ...", "what Trump says his plan would do"):
            # the clause runs on after the cue; the speaker between is no part of it.
            return _object_span(verb.nbor(1).idx, comp.right_edge) if verb.i + 1 < len(verb.doc) else None
        return subtree_chars(comp)
    # "As X reported, ...": the subordinator "as", not the preposition of "calling Trump as unfit"
    as_clause = verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in verb.children)
    if as_clause and verb.i < verb.head.i:
        return _main_clause(verb.head)
    if verb.dep_ == "parataxis" or as_clause:
        return subtree_chars(verb.head, skip=verb)
    return _object_content(verb) or _for_clause(verb) or _question(verb) or _passive_subject(verb)


def _question(verb: Token) -> tuple[int, int] | None:
    """ "Asked if he was ever bullied", "wondered whether ...": the indirect yes-no question the parser hung on a
    verb of asking as an adverbial clause (Quirk et al. 1985, 15.4)."""
    if verb.lemma_.lower() not in QUESTIONING:
        return None
    clause = next((c for c in verb.rights if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
    return subtree_chars(clause) if clause is not None else None


def _for_clause(verb: Token) -> tuple[int, int] | None:
    """ "called for the United States to act": an infinitive clause with its own subject, opened by "for"."""
    for child in verb.rights:
        mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if child.dep_ in ("advcl", "ccomp") and mark is not None and mark.i == verb.i + 1:
            return _object_span(mark.nbor(1).idx, child.right_edge)
    return None


def _passive_subject(verb: Token) -> tuple[int, int] | None:
    """ "The deal was rejected by Congress", "the move was first reported by MSNBC": what is reported is the
    passive subject; not for verbs whose object is the addressee ("he was told", "she was asked")."""
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subtree_chars(subject)


def _circumstance(verb: Token, child: Token) -> bool:
    """An object or phrase that is not what is said: the addressee ("told reporters"), the time, place or
    medium ("said on Monday", "wrote in a statement", "said by telephone")."""
    if child.dep_ in ("dobj", "dative"):
        return verb.lemma_.lower() in ADDRESSEE_VERBS and (
            child.pos_ in ("PRON", "PROPN") or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or child.tag_ == "NNS")
    if child.dep_ != "prep":
        return False
    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return (child.lower_ not in CONTENT_PREPOSITIONS or pobj is None or pobj.ent_type_ in ("DATE", "TIME")
            or pobj.lemma_.lower() in MEDIA)


def _object_content(verb: Token) -> tuple[int, int] | None:
    """ "called the senator a liar", "cited X as a reason", "accused Berlin of harbouring militants": the
    object and the predicative phrases after it, not the adverbials that close the clause."""
    parts = [c for c in verb.rights if c.dep_ in OBJECT_DEPS and not _circumstance(verb, c)]
    if not parts:
        return None
    first = parts[0]
    start = first.left_edge.idx if first.dep_ != "prep" else _prep_start(first)
    if start is None:
        return None
    last = max(c.right_edge.i for c in verb.rights if c.i >= first.i and (
        c in parts[:1] or c.dep_ in PREDICATIVE_DEPS or (c.dep_ == "prep" and c.lower_ in PREDICATIVE_PREPOSITIONS)))
    return _object_span(start, verb.doc[last])


def _prep_start(prep: Token) -> int | None:
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return objects[0].left_edge.idx if objects else None


def _object_span(start: int, last: Token) -> tuple[int, int] | None:
    while last.i > 0 and ((last.is_punct and last.text not in "\"”’'") or last.is_space) and last.idx > start:
        last = last.nbor(-1)
    end = last.idx + len(last)
    return (start, end) if end > start else None


def _after_colon(verb: Token, text: str) -> tuple[int, int] | None:
    """ "He said:" / "made the following statement:": the words after the colon, on the same line or the next."""
    doc = verb.doc
    following = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(doc) else None
    colon = next((c for c in verb.rights if c.text == ":"), None) or (
        following if following is not None and following.text == ":" else None)
    if colon is None or colon.i > verb.i + 6:
        return None
    comp = complement_of(verb)
    if comp is not None and comp.i < colon.i:
        return None  # "pointed out that X was ignored:": the colon announces an exhibit, the clause is the content
    start = colon.idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return (start, end) if end > start else None


def _main_clause(head: Token) -> tuple[int, int] | None:
    """ "As X reported, [the agreement was reached ...]": from the main clause's subject to its end."""
    subject = next((c for c in head.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"), None)
    first = subject.left_edge if subject is not None else head
    last = head.right_edge
    while last.i > first.i and last.is_punct:
        last = last.nbor(-1)
    return first.idx, last.idx + len(last)



def _without_next_subject(verb: Token, found: tuple[int, int], text: str) -> tuple[int, int]:
    """ "voted to recognize the genocide and Germany has been vocal": the parser joined the next clause's subject
    to the content's last noun. A singular verb right after the content cannot take "X and Germany" as its
    subject (subject-verb agreement; "or" agrees with its last member, so only "and"), so "Germany" alone is,
    and the content ends before "and"."""
    doc = verb.doc
    start, end = found
    # cheap checks first (this runs on every content): an "and" near the end, a lower-case word after it
    if text.rfind(" and ", max(start, end - 60), end) < 0 or not text[end + 1:end + 2].islower():
        return found
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span) or span.end >= len(doc):
        return found
    after, noun = doc[span.end], doc[span.end - 1]
    if not (after.tag_ == "VBZ" or after.lower_ == "was") or noun.tag_ not in SINGULAR_NOUNS:
        return found
    i = span.end - 1
    while i > span.start and doc[i].pos_ in NOMINAL:
        i -= 1
    if doc[i].lower_ != "and" or doc[i].dep_ != "cc" or i <= span.start:
        return found
    return _object_span(start, doc[i - 1]) or found
