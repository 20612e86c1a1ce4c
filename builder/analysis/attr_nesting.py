"""Reports nested in other reports: which stay attributions of their own and which are part of what another
source says (PARC 3.0 and PolNeAR annotate the outermost report, and chains such as "X reported, citing Y").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from builder.analysis.attr_cues import Candidate
from builder.analysis.quotes import style_of
from builder.models import AttributionType, QuoteStyle

STATES = frozenset({AttributionType.BELIEF, AttributionType.EVIDENCE})
SAYINGS = frozenset({AttributionType.SPEECH, AttributionType.WRITING})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUPPLEMENTARY_MARKS = frozenset({",", "(", "-", "–", "—"})  # set off before a relative pronoun: a supplement


def _speaker_noun(source: SpacySpan) -> bool:
    """A source reached through a sender ("threats from X, saying") or a relative clause ("X, who said"):
    a description of someone the content mentions, not part of what is reported."""
    if source[-1].lower_ in ("who", "which", "that") or source.root.lower_ in ("who", "which", "that"):
        return True
    return source.root.pos_ in ("PROPN", "NOUN") and source.root.dep_ == "pobj"


def _described(candidate: Candidate) -> bool:
    """A speaker introduced inside the content, whose own words the outlet reports ("threats from X, saying
    ...", "Ruth Amsel, who said ...")."""
    source = candidate.source
    if source is None:
        return False
    return (source.root.dep_ == "pobj" and source.root.head.lower_ == "from") or source[-1].lower_ in RELATIVE_PRONOUNS


def _same_speaker(host: Candidate, candidate: Candidate) -> bool:
    """ "X said ..., adding ...": the speaker goes on; the parser only hung the participle on the clause."""
    return host.source is not None and candidate.source is not None and host.source.start == candidate.source.start


def _adverbial(text: str, candidate: Candidate) -> bool:
    """ "According to X, ...", "In X's view, ...": a frame around the sentence, whose own verb may report."""
    return text[candidate.cue[0] : candidate.cue[1]].lower().startswith(("according", "in"))


def outermost(text: str, candidates: list[Candidate], quotes: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """A report inside another's indirect content is part of what that source says ("officials said the
    company had warned ..."), and annotators mostly leave it as such; a statement reported inside
    someone's belief ("she thinks he said ...") is still reported speech."""
    indirect = [c for c in candidates if c.content is not None and style_of(c.content, quotes) != QuoteStyle.DIRECT]
    hosts = [c for c in indirect if not _adverbial(text, c)]
    voiced = {c.cue: host for c in candidates if (host := _coordinated(c, hosts)) is not None}
    candidates = [Candidate(c.cue, voiced[c.cue].source, c.content, c.type, c.via) if c.cue in voiced else c
                  for c in candidates]

    def nested(candidate: Candidate) -> bool:
        if _own_report(candidate) or candidate.cue in voiced:
            return False
        if candidate.type in STATES and any(_reports(host, candidate) for host in indirect):
            return True
        if candidate.type in SAYINGS and candidate.via is None and not _described(candidate) and any(
                _reports(host, candidate) and not _same_speaker(host, candidate) for host in indirect):
            return True  # "officials said the group, which says it ..., had ...": PolNeAR leaves most unannotated
        if _relative_act(candidate) and any(_within(host, candidate) for host in hosts):
            return True  # "he denounced supporters that level sexist attacks": a description of whom it mentions
        if candidate.via is not None or (candidate.source is not None and _speaker_noun(candidate.source)):
            return False
        return any(host is not candidate and host.content is not None
                   and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1]
                   and not _same_speaker(host, candidate)
                   and not (host.type == AttributionType.BELIEF and candidate.type == AttributionType.SPEECH)
                   for host in hosts)

    inner = [c for c in candidates if nested(c)]
    return [_absorbing(c, inner) for c in candidates if not any(c is d for d in inner)]


def _own_report(candidate: Candidate) -> bool:
    """ "a finish that he said defied expectations", "... and Sanders said ...": "say" with a subject of its own
    in a relative or coordinated clause is a report of its own speaker, not part of the clause around it."""
    if candidate.source is None:
        return False
    words = candidate.source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    return (verb is not None and verb.lemma_ == "say" and verb.dep_ in ("relcl", "conj")
            and any(c.dep_ == "nsubj" for c in verb.children))


def _relative_act(candidate: Candidate) -> bool:
    """ "a union that has endorsed Sanders", "anybody who complains about ...": a restrictive relative clause is
    part of the description of its noun (Huddleston & Pullum 2002, 12.3), so inside a report it is part of what
    is reported. A supplementary one ("the AP, which first reported the story") asserts on its own; and "say"
    keeps its own speaker ("voters who said they ...", a report of a report: PolNeAR marks those)."""
    source = candidate.source
    if source is None:
        return False
    pronoun = source[-1] if source[-1].lower_ in RELATIVE_PRONOUNS else source.root
    if pronoun.lower_ not in RELATIVE_PRONOUNS or (pronoun.i > 0 and pronoun.nbor(-1).text in SUPPLEMENTARY_MARKS):
        return False
    words = source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    return verb is not None and verb.dep_ == "relcl" and verb.lemma_ != "say"


def _within(host: Candidate, candidate: Candidate) -> bool:
    return (host is not candidate and host.content is not None
            and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1])


def _coordinated(candidate: Candidate, hosts: list[Candidate]) -> Candidate | None:
    """ "X said Y had failed and called on Z to ...": a reporting verb without a subject of its own, coordinated
    with a verb of a reported clause, is mostly the reporter's next act, the parser having hung the conjunct
    on the nearer verb; it speaks with the reporter's voice, not the reported clause's subject."""
    if candidate.type not in SAYINGS or candidate.source is None:
        return None
    words = candidate.source.doc.char_span(*candidate.cue, alignment_mode="expand")
    verb = words[0] if words is not None and len(words) else None
    if verb is None or verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((host for host in hosts if host.type in SAYINGS and host.source is not None
                 and host.content is not None and host.cue != candidate.cue
                 and host.content[0] <= verb.head.idx < host.content[1]
                 and host.content[0] <= candidate.cue[0] < host.content[1]), None)


def _absorbing(host: Candidate, inner: list[Candidate]) -> Candidate:
    """A host's content takes in the contents of the reports nested in it (a quotation they run on to)."""
    if host.content is None:
        return host
    start, end = host.content
    for candidate in inner:
        if candidate.content is not None and start <= candidate.cue[0] < end:
            start, end = min(start, candidate.content[0]), max(end, candidate.content[1])
    return Candidate(host.cue, host.source, (start, end), host.type, host.via)


def _reports(host: Candidate, candidate: Candidate) -> bool:
    """A belief or finding inside what someone said is described by the speaker ("officials said voters who
    believe X ...", "he said records show ..."), even in a relative clause or a participle of the speaker's."""
    return (host is not candidate and host.type in SAYINGS and host.content is not None
            and host.content[0] <= candidate.cue[0] and candidate.cue[1] <= host.content[1])
