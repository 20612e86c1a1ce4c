"""Error analysis of the attribution finder on PolNeAR (../shared/eval), as Markdown.

    .venv/bin/python bench/error_analysis_attribution.py [--limit 300] [--cache DIR] [--out bench/errors-attribution.md]

Cues, sources and contents are measured on the first LIMIT train articles (sorted by id, one annotator per
article, as score.py does); source kinds on the labelled dev sources (the only labels there are). Each error
class has a count and up to three short excerpts (a few words around the cue, never whole sentences: the
corpus may not be redistributed). `--cache DIR` keeps the parsed articles as a DocBin for reruns. Skips
(exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from builder.analysis import load_pipeline  # noqa: E402
from builder.analysis.attribution import AttributionLexicon, find_attributions, load_attribution_lexicon  # noqa: E402
from builder.analysis.quotes import quotations  # noqa: E402
from builder.models import Attribution  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
WINDOW = 5  # words either side of the cue: excerpts stay under 15 words
RELATIVES = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"})
Examples = dict[str, list[str]]


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    gold: tuple[dict[str, Any], ...]
    doc: Doc
    found: tuple[Attribution, ...]


def load_polnear(path: Path) -> list[dict[str, Any]]:
    """One annotation per article (the first annotator in sorted order), as score.py reads it."""
    by_article: dict[str, dict[str, Any]] = {}
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        if record["article"] not in by_article or record["annotator"] < by_article[record["article"]]["annotator"]:
            by_article[record["article"]] = record
    return [by_article[key] for key in sorted(by_article)]


def parse(nlp: Language, records: list[dict[str, Any]], cache: Path | None) -> list[Doc]:
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
    return docs


def articles(nlp: Language, lexicon: AttributionLexicon, records: list[dict[str, Any]],
             cache: Path | None) -> list[Article]:
    docs = parse(nlp, records, cache)
    return [Article(r["article"], r["text"], tuple(a for a in r["attributions"] if a.get("cue")), doc,
                    find_attributions(doc, lexicon)) for r, doc in zip(records, docs, strict=True)]


def bounds(role: dict[str, Any] | None) -> tuple[int, int] | None:
    if not role:
        return None
    segments = role["segments"]
    return min(s for s, _ in segments), max(e for _, e in segments)


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) if a and b else 0


def match(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching by overlap size, {system index: gold index} (score.py's rule)."""
    pairs = sorted(((overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system)
                    if overlap(g, s) > 0), reverse=True)
    used_g: set[int] = set()
    result: dict[int, int] = {}
    for _, gi, si in pairs:
        if gi not in used_g and si not in result:
            used_g.add(gi)
            result[si] = gi
    return result


def excerpt(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end][:60]
    first, last = max(0, span.start - WINDOW), min(len(doc), span.end + WINDOW)
    words = [t.text if not (span.start <= t.i < span.end) else f"[{t.text}]" for t in doc[first:last]]
    return " ".join(w for w in words if w.strip()).replace("] [", " ")


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if not t.is_punct]
    verbs = [t for t in words if t.pos_ == "VERB"]
    return (verbs or [t for t in words if t.pos_ in ("NOUN", "ADJ")] or words or list(span))[0]


def _headline(text: str, at: int) -> bool:
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = text[start:end if end >= 0 else len(text)].split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def missed_cue_class(article: Article, cue: tuple[int, int], lexicon: AttributionLexicon) -> str:
    if any(q0 < cue[0] and cue[1] <= q1 for q0, q1 in quotations(article.text)):
        return "inside a quotation (the outlet attributes the quotation, not what it reports)"
    head = _head(article.doc, *cue)
    if head is None or head.is_punct:
        return "punctuation cue (colon or dash) not read as a speaker label"
    lemma, cues = head.lemma_.lower(), lexicon.cues
    if _headline(article.text, cue[0]):
        return "title-cased headline (the tagger reads the verb as a name)"
    if head.pos_ == "VERB" and lemma in cues.verbs:
        if head.tag_ == "VB" or head.dep_ in ("acl", "amod", "relcl"):
            return "lexicon verb in a filtered form (infinitive, participle, relative clause)"
        return "lexicon verb in a filtered construction (embedded, no complement, no source)"
    if head.pos_ == "VERB":
        return "verb not in the lexicon (actions and stances: 'unleashed', 'is encouraging')"
    if head.pos_ == "NOUN":
        known = lemma in cues.nouns or lemma in cues.verbs
        return "nominal cue " + ("in the lexicon, construction not covered" if known else "not in the lexicon")
    if head.pos_ == "ADJ" or head.lemma_ == "be":
        return "'be' + attitude adjective or noun ('was sure', 'is a supporter of')"
    return "other (prepositions, multi-word idioms)"


def false_cue_class(article: Article, found: Attribution) -> str:
    cue = (found.cue.start, found.cue.end)
    if any(overlap(cue, c) for s in article.gold for c in _gold_segments(s)):
        return "inside another attribution's content (embedded report or belief)"
    if found.source is None:
        return "no source (agentless or a noun use of the verb)"
    head = _head(article.doc, *cue)
    if head is not None and head.pos_ == "VERB" and head.tag_ in ("VBG", "VBN"):
        return "participle ('backing', 'focused on'): often a modifier, not a report"
    if found.source.span.text.lower() in PRONOUNS:
        return "pronoun source (a state of mind in narration: 'he wants', 'they hope')"
    return "other (mostly unannotated reports: 'what he called X', poll respondents)"


def source_error_class(text: str, gold: tuple[int, int] | None, system: tuple[int, int] | None) -> str:
    if gold is None:
        return "system source where gold has none (agentless, 'it seems')"
    if system is None:
        return "no system source (participle or embedded cue, subject not reached)"
    if text[gold[0]:gold[1]].strip().lower() in RELATIVES or text[system[0]:system[1]].strip().lower() in RELATIVES:
        return "relative pronoun against its antecedent"
    return "another noun phrase (coordination, misattached participle, parser subject)"


def _chars(spans: Iterable[tuple[int, int] | None]) -> set[int]:
    return {i for span in spans if span for i in range(*span)}


def _tokens(text: str, chars: set[int]) -> set[int]:
    return {i for i in chars if text[i].isalnum() and (i == 0 or not text[i - 1].isalnum())}


def _gold_segments(gold: dict[str, Any]) -> list[tuple[int, int]]:
    content = gold.get("content")
    return [(s, e) for s, e in content["segments"]] if content else []


def analyse(items: list[Article], lexicon: AttributionLexicon) -> tuple[Counter[str], Examples]:
    counts: Counter[str] = Counter()
    examples: Examples = defaultdict(list)

    def note(kind: str, article: Article, start: int, end: int) -> None:
        counts[kind] += 1
        if len(examples[kind]) < 3:
            examples[kind].append(excerpt(article.doc, start, end))

    for article in items:
        gold_cues = [bounds(g["cue"]) or (0, 0) for g in article.gold]
        system = [(a.cue.start, a.cue.end) for a in article.found]
        matched = match(gold_cues, system)
        counts["gold cues"] += len(gold_cues)
        counts["system cues"] += len(system)
        for gi, cue in enumerate(gold_cues):
            if gi not in matched.values():
                note("cue missed: " + missed_cue_class(article, cue, lexicon), article, *cue)
        for si, found in enumerate(article.found):
            if si not in matched:
                note("false cue: " + false_cue_class(article, found), article, found.cue.start, found.cue.end)
                continue
            gold = article.gold[matched[si]]
            g_src, s_src = bounds(gold.get("source")), (found.source.span.start, found.source.span.end) if found.source else None
            if not ((g_src is None and s_src is None) or overlap(g_src, s_src)):
                note("wrong source: " + source_error_class(article.text, g_src, s_src), article, found.cue.start, found.cue.end)
        content_counts(article, matched, counts)
    return counts, examples


def content_counts(article: Article, matched: dict[int, int], counts: Counter[str]) -> None:
    """Content words (score.py's unit) lost or added, by whether their cue was found."""
    text = article.text
    found_gold = set(matched.values())
    gold_all = _tokens(text, _chars(s for g in article.gold for s in _gold_segments(g)))
    gold_of_found = _tokens(text, _chars(s for i, g in enumerate(article.gold) if i in found_gold
                                         for s in _gold_segments(g)))
    spans = [(a.content.start, a.content.end) if a.content else None for a in article.found]
    sys_all = _tokens(text, _chars(spans))
    sys_of_matched = _tokens(text, _chars(span for i, span in enumerate(spans) if i in matched))
    missing, extra = gold_all - sys_all, sys_all - gold_all
    counts["content words gold"] += len(gold_all)
    counts["content words system"] += len(sys_all)
    counts["content missed: cue found, content shorter or elsewhere"] += len(missing & gold_of_found)
    counts["content missed: cue missed"] += len(missing - gold_of_found)
    counts["content extra: cue found, content longer"] += len(extra & sys_of_matched)
    counts["content extra: false cue"] += len(extra - sys_of_matched)


def kind_errors(nlp: Language, lexicon: AttributionLexicon, counts: Counter[str], examples: Examples) -> None:
    """Source kinds on the labelled dev sources: the system source overlapping each most (score.py's rule)."""
    labels = EVAL / "source-kinds" / "polnear_dev_source_kinds.tsv"
    records = {r["article"]: r for r in load_polnear(EVAL / "polnear" / "dev.jsonl")}
    rows = list(csv.DictReader(labels.open(encoding="utf-8"), delimiter="\t"))
    wanted = sorted({r["article"] for r in rows})
    docs = dict(zip(wanted, nlp.pipe((records[a]["text"] for a in wanted), batch_size=16), strict=True))
    found = {a: find_attributions(doc, lexicon) for a, doc in docs.items()}
    for row in rows:
        span = (int(row["start"]), int(row["end"]))
        best = max((a.source for a in found[row["article"]] if a.source is not None),
                   key=lambda s: overlap(span, (s.span.start, s.span.end)), default=None)
        if best is None or not overlap(span, (best.span.start, best.span.end)):
            kind = "kinds: source not found (its cue missed, or another span)"
        elif best.kind.is_named == row["kind"].startswith("named"):
            counts["kinds: right named/unnamed"] += 1
            continue
        else:
            kind = f"kinds: {row['kind']} labelled as {best.kind.value}"
        counts[kind] += 1
        if len(examples[kind]) < 3:
            examples[kind].append(excerpt(docs[row["article"]], *span))


def render(counts: Counter[str], examples: Examples, limit: int) -> str:
    lines = ["# Attribution: error analysis", "",
             f"Produced by `bench/error_analysis_attribution.py` on the first {limit} PolNeAR train articles "
             "(cues, sources, contents) and the labelled PolNeAR dev sources (source kinds). Excerpts are a few "
             "words around the cue (in brackets) or the source, for maintainers only. Regenerate with "
             "`.venv/bin/python bench/error_analysis_attribution.py --out bench/errors-attribution.md`.", "",
             f"Gold cues {counts['gold cues']}, system cues {counts['system cues']}; content words gold "
             f"{counts['content words gold']}, system {counts['content words system']}.", ""]
    for title, prefix in (("Cues missed", "cue missed: "), ("False cues", "false cue: "),
                          ("Wrong sources on matched cues", "wrong source: "), ("Content words", "content "),
                          ("Source kinds (dev labels)", "kinds: ")):
        lines += [f"## {title}", "", "| class | count | examples |", "|---|---:|---|"]
        rows = sorted(((k, v) for k, v in counts.items() if k.startswith(prefix)), key=lambda kv: -kv[1])
        for key, value in rows:
            shown = " · ".join(f"`{e}`" for e in examples.get(key, []))
            lines.append(f"| {key[len(prefix):]} | {value} | {shown} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--cache", type=Path, help="directory for the parsed articles (DocBin)")
    parser.add_argument("--out", type=Path, help="write the Markdown here instead of stdout")
    args = parser.parse_args(argv)
    train = EVAL / "polnear" / "train.jsonl"
    if not train.exists():
        print(f"skipped: {train} is absent (the evaluation corpora are not part of the repository)", file=sys.stderr)
        return 0
    nlp, lexicon = load_pipeline(), load_attribution_lexicon()
    records = load_polnear(train)[: args.limit]
    cache = args.cache / f"polnear-train-{args.limit}.spacy" if args.cache else None
    counts, examples = analyse(articles(nlp, lexicon, records, cache), lexicon)
    kind_errors(nlp, lexicon, counts, examples)
    write_report(render(counts, examples, args.limit) + "\n", args.out)
    return 0


def write_report(report: str, out: Path | None) -> None:
    """To `out` (--out), else to stdout."""
    if out:
        out.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)


if __name__ == "__main__":
    sys.exit(main())
