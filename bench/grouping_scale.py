"""Time and memory of the grouping step on synthetic corpora of 1,000 / 10,000 / 50,000 articles.

    .venv/bin/python bench/grouping_scale.py [--sizes 1000 10000] [--workers N]   # output: bench/grouping_scale.txt
The corpora are made in memory from the texts in ../shared/eval (ECB+, BASIL, PolNeAR; not redistributable,
never written anywhere): every original is replicated with its sentences shuffled after the lead and some
dropped, a new id, another outlet, and a date moved by about seven weeks per replica, so a corpus of 50,000
spans several years of news in which each replica of a topic is a new event of the same story. Peak memory
is the process's maximum resident set size (resource.getrusage), measured after each size, the largest last;
`child MB` is that of the largest counting process.
Grouping counts words in `--workers` processes at once (default: one per core, as the build does when grouping
does not run beside the analysis). Wall seconds depend on what else runs on the machine; CPU seconds (of this
process and the counting processes) much less.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.grouping import Background, GroupingDoc, group_documents  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SIZES = (1_000, 10_000, 50_000)
OUTLETS = ("wire", "daily", "herald", "tribune", "post", "times", "chronicle", "observer", "gazette", "courier")


def originals() -> list[GroupingDoc]:
    """The evaluation texts as articles; ECB+ gets a made-up date per event (it has none)."""
    rng = random.Random(7)
    docs: list[GroupingDoc] = []
    start: dict[str, dt.date] = {}
    for line in (EVAL / "ecbplus" / "clustering.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        day = start.setdefault(row["subtopic"], dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(365)))
        docs.append(GroupingDoc(row["doc_id"], "", row["text"], None, day))
    for line in (EVAL / "basil" / "clustering-2010-2014.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        docs.append(GroupingDoc(row["doc_id"], row["title"], row["text"], row["outlet"], dt.date.fromisoformat(row["date"])))
    seen: set[str] = set()
    for name in ("train", "dev"):
        for line in (EVAL / "polnear" / f"{name}.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            if row["article"] not in seen:
                seen.add(row["article"])
                docs.append(GroupingDoc(row["article"], row["title"] or "", row["text"], row["publisher"],
                                        dt.date.fromisoformat(row["date"]) if row.get("date") else None))
    return docs


def variant(doc: GroupingDoc, replica: int, rng: random.Random) -> GroupingDoc:
    """Another telling of the same text: the lead kept, the rest shuffled and thinned, later in time."""
    lines = [line for line in doc.text.splitlines() if line.strip()]
    sentences = [s for line in lines[1:] for s in line.split(". ")]
    rng.shuffle(sentences)
    kept = [s for s in sentences if rng.random() > 0.15]
    text = "\n".join([*lines[:1], ". ".join(kept)])
    day = (doc.published or dt.date(2012, 1, 1)) + dt.timedelta(days=49 * replica + rng.randrange(3))
    return dataclasses.replace(doc, id=f"r{replica}-{doc.id}", text=text, outlet=rng.choice(OUTLETS), published=day)


def corpus(base: list[GroupingDoc], size: int) -> list[GroupingDoc]:
    """`size` variants of the originals taken in one fixed shuffled order, so every size mixes the three
    corpora alike (short ECB+ texts, long PolNeAR ones)."""
    order = random.Random(0).sample(range(len(base)), len(base))
    rng = random.Random(size)
    return [variant(base[order[k % len(base)]], k // len(base), rng) for k in range(size)]


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the counting processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mb(children: bool = False) -> float:
    """Peak resident memory of this process, or of the largest counting process so far."""
    return resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss / 1024  # kB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N", help="corpus sizes to time")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes counting words")
    args = parser.parse_args()
    sizes = args.sizes
    if not EVAL.exists():
        print(f"error: {EVAL} not found: the benchmark builds its corpora from the evaluation texts", file=sys.stderr)
        return 1
    base = originals()
    background = Background.load()
    print(f"originals: {len(base)} articles; resident before grouping: {peak_mb():.0f} MB; workers: {args.workers}")
    print(f"{'articles':>9} {'seconds':>8} {'cpu s':>8} {'events':>7} {'stories':>8} {'peak MB':>8} {'child MB':>8}")
    walls: list[float] = []
    cpus: list[float] = []
    for size in sizes:
        docs = corpus(base, size)
        began, began_cpu = time.perf_counter(), cpu_seconds()
        result = group_documents(docs, background=background, workers=args.workers)
        walls.append(time.perf_counter() - began)
        cpus.append(cpu_seconds() - began_cpu)
        events, stories = len(set(result.event.values())), len(set(result.story.values()))
        print(f"{size:>9} {walls[-1]:>8.1f} {cpus[-1]:>8.1f} {events:>7} {stories:>8} {peak_mb():>8.0f} "
              f"{peak_mb(children=True):>8.0f}", flush=True)
    if len(sizes) > 1:
        print(f"growth exponent (log-log slope over articles): wall {slope(sizes, walls):.2f}, "
              f"cpu {slope(sizes, cpus):.2f}")
    print(f"load average while measuring (other processes share the {os.cpu_count()} cores): {os.getloadavg()[0]:.1f}")
    return 0


def slope(sizes: list[int], seconds: list[float]) -> float:
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)


if __name__ == "__main__":
    sys.exit(main())
