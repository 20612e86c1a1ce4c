"""Analysis speed against the bare spaCy pipeline, on the same texts in the same run.

    .venv/bin/python bench/analysis_speed.py [--limit N] [--warm-up N] [--json FILE]

Texts: PolNeAR dev articles from ../shared/eval (not redistributable, absent from clones). For each way of
running it prints words per second by wall clock and the CPU seconds spent (own process plus workers; CPU
time is steadier on a shared machine):
  bare spaCy      the unmodified full pipeline (`spacy.load`, `nlp.pipe`), in 1 process and with n_process=2:
                  what any analysis built on spaCy's small English model pays at least
  analysis        the project's Analyser.analyse_many (its pipeline + attribution + hedging + readability),
                  in 1 process and with 2 worker processes
Each pipeline first runs over --warm-up other articles (PolNeAR train), so that the figures are those of a
build's steady state rather than of its first seconds. Then the ratios the performance issue asks about:
analysis on 2 workers / bare spaCy (throughput), and the CPU cost per word of the analysis / bare spaCy.
`bench/build_scale.py` reuses `speed_rows`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
WORD = re.compile(r"\w+")


def timed(work: Callable[[], Iterable[object]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and of the worker processes it waited for)."""
    before, wall = os.times(), time.perf_counter()
    for _ in work():
        pass
    wall, after = time.perf_counter() - wall, os.times()
    return wall, sum(after[:4]) - sum(before[:4])


def measure(texts: list[str], warm_up: list[str] | None = None) -> dict[str, object]:
    """Figures on `texts`; each pipeline first runs over `warm_up` (other articles), as it has in a build
    after its first few hundred articles (the lemmatizer's and the memoised components' caches are full)."""
    import spacy

    from builder.analysis import MODEL, Analyser

    words = sum(len(WORD.findall(t)) for t in texts)
    warm_up = warm_up or ["Warm-up: the pipeline said it was ready."]
    bare = spacy.load(MODEL)
    list(bare.pipe(warm_up))
    single = Analyser.load(workers=1)
    list(single.analyse_many(warm_up))
    parallel = Analyser.load(workers=2)  # as a build loads it: the workers fork from this process's analyser
    list(parallel.with_workers(1).analyse_many(warm_up))
    runs: dict[str, Callable[[], Iterable[object]]] = {
        "bare spaCy, 1 process": lambda: bare.pipe(texts, batch_size=32),
        "bare spaCy, n_process=2": lambda: bare.pipe(texts, batch_size=32, n_process=2),
        "analysis, 1 process": lambda: single.analyse_many(texts),
        "analysis, 2 workers": lambda: parallel.analyse_many(texts),
    }
    figures: dict[str, dict[str, float]] = {}
    for label, work in runs.items():
        wall, cpu = timed(work)
        figures[label] = {"words_per_second": round(words / wall), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}
    bare_one, bare_two = figures["bare spaCy, 1 process"], figures["bare spaCy, n_process=2"]
    ours_one, ours_two = figures["analysis, 1 process"], figures["analysis, 2 workers"]
    return {
        "articles": len(texts),
        "words": words,
        "runs": figures,
        "throughput_2_workers_vs_bare_1_process": round(ours_two["words_per_second"] / bare_one["words_per_second"], 2),
        "throughput_2_workers_vs_bare_2_processes": round(ours_two["words_per_second"] / bare_two["words_per_second"], 2),
        "cpu_cost_per_word_vs_bare": round(ours_one["cpu_s"] / bare_one["cpu_s"], 3),
        "warm_up_articles": len(warm_up),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def speed_rows(texts: list[str], warm_up: list[str] | None = None) -> list[str]:
    figures = measure(texts, warm_up)
    rows = [f"analysis speed on {figures['articles']} articles, {figures['words']} words "
            "(wall w/s; CPU s incl. workers):"]
    for label, run in dict(figures["runs"]).items():  # type: ignore[call-overload]
        rows.append(f"  {label:<26} {run['words_per_second']:>7} w/s  wall {run['wall_s']:6.1f} s  "
                    f"cpu {run['cpu_s']:6.1f} s")
    rows.append(f"  analysis on 2 workers vs bare spaCy: {figures['throughput_2_workers_vs_bare_1_process']}x "
                f"(1 process), {figures['throughput_2_workers_vs_bare_2_processes']}x (n_process=2); CPU cost per "
                f"word analysis/bare {figures['cpu_cost_per_word_vs_bare']}; load average {figures['load_average']}")
    return rows


def polnear_texts(limit: int | None, corpus: Path = CORPUS) -> list[str]:
    seen: set[str] = set()
    texts = []
    for line in corpus.open(encoding="utf-8"):
        record = json.loads(line)
        if record["article"] not in seen:
            seen.add(record["article"])
            texts.append(record["text"])
    return texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--warm-up", type=int, default=40, help="PolNeAR train articles run first (0: none)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"error: {CORPUS} not found (the evaluation corpora live in ../shared/eval)", file=sys.stderr)
        return 1
    warm_up = polnear_texts(args.warm_up, CORPUS.with_name("train.jsonl")) if args.warm_up else None
    figures = measure(polnear_texts(args.limit), warm_up)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
