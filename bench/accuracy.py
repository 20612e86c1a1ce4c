"""Measure the detectors on ../shared/eval with its score.py and record the figures for the site.

    .venv/bin/python bench/accuracy.py            # all tasks, writes bench/accuracy.json
The corpora are not redistributable and absent from clones: this script needs ../shared/eval beside the
project. The methodology page (docs/methodology/figures.md) renders bench/accuracy.json.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
OUT = ROOT / "bench" / "accuracy.json"


def main() -> int:
    if not SCORE.exists():
        print(f"error: {SCORE} not found — the evaluation corpora live in ../shared/eval beside the project",
              file=sys.stderr)
        return 1
    command = [sys.executable, str(SCORE), "all", "--cmd", f"{sys.executable} -m builder"]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return proc.returncode
    figures = json.loads(proc.stdout)
    record = {"measured": dt.date.today().isoformat(), "command": "python ../shared/eval/score.py all",
              "corpora": "dev splits in ../shared/eval (PolNeAR dev, source-kinds, CoNLL-2010 wiki dev, ECB+, BASIL)",
              "figures": figures}
    OUT.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"written to {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
