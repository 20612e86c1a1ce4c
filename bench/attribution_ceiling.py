"""How far rules keyed on words and their local syntax can take the attribution finder, measured on PolNeAR.

    .venv/bin/python bench/attribution_ceiling.py [--cache DIR] [--out bench/attribution-ceiling.md]

The finder is rules over the dependency parse and reviewed word lists. This script asks what any more rules
of that kind could add. It fits a decision table to the finder's output on PolNeAR train articles 0-600:
- a key is a word (lemma and part of speech), optionally with its relation to its head, its head's part of
  speech and whether it has a subject of its own;
- the table removes the system cues whose key is right less often than F1's break-even (F1 / 2), and adds
  every word whose key, where the finder found no cue, heads a missed gold cue more often than that, given
  at least SUPPORT examples.

Fitted on the data it is scored on, the table is an optimistic bound for any lexicon edit or local rule. It is
then applied, unchanged, to train articles 600-840, which it has never seen: the gain that carries over is
what such rules can add on new text. The table is a measurement only and is never shipped (the corpus's
licence forbids redistributing what is derived from it).

It also bounds the source-kinds measure by source finding: macro-F1 if every source found were classified
right (the labelled dev sources, score.py's overlap rule). Skips (exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Token

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
sys.path.insert(0, str(ROOT / "bench"))

from error_analysis_attribution import (  # noqa: E402
    EVAL,
    Article,
    articles,
    bounds,
    load_polnear,
    match,
    overlap,
    write_report,
)

from builder.analysis import load_pipeline  # noqa: E402
from builder.analysis.attribution import AttributionLexicon, find_attributions, load_attribution_lexicon  # noqa: E402

FIT, HELD = (0, 600), (600, 840)
Key = tuple[object, ...]


def word(t: Token) -> Key:
    return (t.lemma_.lower(), t.pos_)


def word_relation(t: Token) -> Key:
    return (t.lemma_.lower(), t.pos_, t.dep_)


def word_syntax(t: Token) -> Key:
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    return (t.lemma_.lower(), t.pos_, t.dep_, t.head.pos_, has_subject)


KEYS: dict[str, Callable[[Token], Key]] = {
    "word": word, "word + relation": word_relation, "word + relation + head + subject": word_syntax}


@dataclass
class Counts:
    """Per key: system cues right and wrong; words outside every system cue heading a missed gold cue, and
    words outside every cue at all (what adding the key would find, rightly and wrongly)."""

    right: Counter[Key]
    wrong: Counter[Key]
    missed: Counter[Key]
    idle: Counter[Key]
    gold: int = 0
    system: int = 0
    matched: int = 0

    def f1(self) -> float:
        return 2 * self.matched / (self.system + self.gold)


def count(items: Iterable[Article], key: Callable[[Token], Key]) -> Counts:
    counts = Counts(Counter(), Counter(), Counter(), Counter())
    for article in items:
        gold = [bounds(g["cue"]) or (0, 0) for g in article.gold]
        system = [(a.cue.start, a.cue.end) for a in article.found]
        matched = match(gold, system)
        counts.gold += len(gold)
        counts.system += len(system)
        counts.matched += len(matched)
        covered: set[int] = set()
        for si, (start, end) in enumerate(system):
            span = article.doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            covered.update(range(span.start, span.end))
            (counts.right if si in matched else counts.wrong)[key(span.root)] += 1
        in_gold: set[int] = set()
        missed_heads: set[int] = set()
        for gi, (start, end) in enumerate(gold):
            span = article.doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            in_gold.update(range(span.start, span.end))
            if gi not in matched.values():
                missed_heads.add(span.root.i)
        for token in article.doc:
            if token.i in covered:
                continue
            if token.i in missed_heads:
                counts.missed[key(token)] += 1
            elif token.i not in in_gold:
                counts.idle[key(token)] += 1
    return counts


@dataclass(frozen=True)
class Table:
    removed: frozenset[Key]
    added: frozenset[Key]


def fit(counts: Counts, support: int) -> Table:
    """Greedy edits at F1's break-even (an edit helps when its precision beats F1 / 2), repeated as F1 moves."""
    tp, system = counts.matched, counts.system
    removed: set[Key] = set()
    added: set[Key] = set()
    for _ in range(3):
        for key in set(counts.right) | set(counts.wrong):
            n = counts.right[key] + counts.wrong[key]
            if key not in removed and n >= support and counts.right[key] / n < tp / (system + counts.gold):
                removed.add(key)
                tp, system = tp - counts.right[key], system - n
        for key, n_missed in counts.missed.items():
            n = n_missed + counts.idle[key]
            if key not in added and n_missed >= support and n_missed / n > tp / (system + counts.gold):
                added.add(key)
                tp, system = tp + n_missed, system + n
    return Table(frozenset(removed), frozenset(added))


def apply(counts: Counts, table: Table) -> tuple[float, float, float]:
    """F1, precision and recall of the finder with the table's edits."""
    tp = counts.matched - sum(counts.right[k] for k in table.removed) + sum(counts.missed[k] for k in table.added)
    system = (counts.system - sum(counts.right[k] + counts.wrong[k] for k in table.removed)
              + sum(counts.missed[k] + counts.idle[k] for k in table.added))
    return 2 * tp / (system + counts.gold), tp / system, tp / counts.gold


def spread(counts: Counts) -> str:
    """How the missed cues spread over words: a long tail no word list reaches."""
    missed = Counter[Key]()
    for (lemma, pos, *_), n in counts.missed.items():
        missed[(lemma, pos)] += n
    total = sum(missed.values())
    once = sum(n for n in missed.values() if n == 1)
    few = sum(n for n in missed.values() if n <= 3)
    return (f"{total} missed gold cues outside every system cue, headed by {len(missed)} different words; "
            f"{once / total:.0%} by a word missed once, {few / total:.0%} by a word missed at most 3 times.")


def kinds_bound(nlp: Language, lexicon: AttributionLexicon) -> str:
    labels = EVAL / "source-kinds" / "polnear_dev_source_kinds.tsv"
    records = {r["article"]: r for r in load_polnear(EVAL / "polnear" / "dev.jsonl")}
    rows = list(csv.DictReader(labels.open(encoding="utf-8"), delimiter="\t"))
    wanted = sorted({r["article"] for r in rows})
    docs = dict(zip(wanted, nlp.pipe((records[a]["text"] for a in wanted), batch_size=16), strict=True))
    sources = {a: [(f.source.span.start, f.source.span.end) for f in find_attributions(doc, lexicon) if f.source]
               for a, doc in docs.items()}
    total, found = Counter[str](), Counter[str]()
    for row in rows:
        named = "named" if row["kind"].startswith("named") else "unnamed"
        total[named] += 1
        span = (int(row["start"]), int(row["end"]))
        found[named] += any(overlap(span, s) for s in sources[row["article"]])
    share = {k: found[k] / total[k] for k in total}
    bound = sum(2 * s / (1 + s) for s in share.values()) / len(share)
    return (f"Sources found: named {found['named']}/{total['named']} ({share['named']:.3f}), unnamed "
            f"{found['unnamed']}/{total['unnamed']} ({share['unnamed']:.3f}). With every source found classified "
            f"right, the end-to-end macro-F1 would be **{bound:.4f}** (a miss counts against recall).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="directory for the parsed articles (DocBin)")
    parser.add_argument("--out", type=Path, help="write the Markdown here instead of stdout")
    args = parser.parse_args(argv)
    train = EVAL / "polnear" / "train.jsonl"
    if not train.exists():
        print(f"skipped: {train} is absent (the evaluation corpora are not part of the repository)", file=sys.stderr)
        return 0
    nlp, lexicon = load_pipeline(), load_attribution_lexicon()
    records = load_polnear(train)

    def part(bounds_: tuple[int, int]) -> list[Article]:
        start, end = bounds_
        cache = args.cache / f"polnear-train-{start}-{end}.spacy" if args.cache else None
        return articles(nlp, lexicon, records[start:end], cache)

    fit_items, held_items = part(FIT), part(HELD)
    lines = ["# Attribution: how far word and syntax rules can go", "",
             f"Produced by `bench/attribution_ceiling.py` on {dt.date.today().isoformat()}. Decision tables fitted "
             f"to the finder's output on PolNeAR train articles {FIT[0]}-{FIT[1]} (in-sample: an optimistic bound) "
             f"and applied unchanged to articles {HELD[0]}-{HELD[1]} (held out). Cue F1, lenient, score.py's "
             "matching. The tables are measurements, never shipped.", "",
             "| key | support | keys removed / added | fitted, in-sample F1 (P / R) | held-out F1 (P / R) |",
             "|---|---:|---:|---|---|"]
    baseline = ""
    for name, key in KEYS.items():
        fitted, held = count(fit_items, key), count(held_items, key)
        if not baseline:
            baseline = (f"The finder as it is: F1 {fitted.f1():.4f} on articles {FIT[0]}-{FIT[1]}, "
                        f"{held.f1():.4f} on {HELD[0]}-{HELD[1]}. {spread(fitted)}")
        for support in (1, 3, 8):
            table = fit(fitted, support)
            f, p, r = apply(fitted, table)
            hf, hp, hr = apply(held, table)
            lines.append(f"| {name} | {support} | {len(table.removed)} / {len(table.added)} | "
                         f"{f:.4f} ({p:.3f} / {r:.3f}) | {hf:.4f} ({hp:.3f} / {hr:.3f}) |")
            print(lines[-1], file=sys.stderr, flush=True)
    lines[4:4] = [baseline, ""]
    lines += ["", "## Source kinds: bounded by finding the source", "", kinds_bound(nlp, lexicon), ""]
    write_report("\n".join(lines), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
