"""Analysis speed against the bare spaCy pipeline, on the same texts in the same run.

    .venv/bin/python bench/analysis_speed.py [--limit N] [--json FILE]

Texts: PolNeAR dev articles from ../shared/eval (not redistributable, absent from clones). Prints words per
second by wall clock and by CPU time (CPU time is steadier on a shared machine), for
  bare     spaCy's full pipeline, nlp.pipe (what any spaCy-based analysis has to pay at least),
  analysis the project's Analyser.analyse_many (parse + attribution + hedging + readability),
and the cost ratio analysis / bare.
"""

from __future__ import annotations

import argparse
import json
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
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in work():
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"error: {CORPUS} not found (the evaluation corpora live in ../shared/eval)", file=sys.stderr)
        return 1
    from builder.analysis import Analyser

    seen: set[str] = set()
    texts = []
    for line in CORPUS.open(encoding="utf-8"):
        record = json.loads(line)
        if record["article"] not in seen:
            seen.add(record["article"])
            texts.append(record["text"])
    texts = texts[: args.limit]
    words = sum(len(WORD.findall(t)) for t in texts)
    analyser = Analyser.load()
    analyser.analyse("Warm-up: the pipeline said it was ready.")
    bare_wall, bare_cpu = timed(lambda: analyser.nlp.pipe(texts, batch_size=32))
    ours_wall, ours_cpu = timed(lambda: analyser.analyse_many(texts))
    figures = {
        "articles": len(texts),
        "words": words,
        "bare_spacy": {"words_per_second": round(words / bare_wall), "words_per_cpu_second": round(words / bare_cpu)},
        "analysis": {"words_per_second": round(words / ours_wall), "words_per_cpu_second": round(words / ours_cpu)},
        "cost_ratio_wall": round(ours_wall / bare_wall, 3),
        "cost_ratio_cpu": round(ours_cpu / bare_cpu, 3),
    }
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
