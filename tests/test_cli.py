"""The command-line contract (../shared/eval/README.md) through the real `python -m builder`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "builder", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_analyze_plain_jsonl_offsets_index_the_given_text() -> None:
    texts = {"a": "“We will win,” the mayor said on Monday.", "b": "Officials say the dam may fail.", "c": ""}
    stdin = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items())
    proc = run("analyze", "--plain", "--jsonl", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    for record in out:
        text = texts[record["id"]]
        for attribution in record["attributions"]:
            for role in ("cue", "source", "content"):
                span = attribution[role]
                if span:
                    assert text[span["start"]:span["end"]] == span["text"]
            if attribution["source"]:
                assert attribution["source"]["kind"] in {"named_person", "named_org", "unnamed_person", "unnamed_group"}
        for hedge in record["hedges"]:
            assert text[hedge["start"]:hedge["end"]] == hedge["text"]
    assert out[2]["attributions"] == [] and out[2]["hedges"] == []


def test_group_jsonl_gives_event_and_story_per_input() -> None:
    rows = [{"id": str(i), "title": f"T{i}", "text": "Some text.", "outlet": "x", "published": "2020-01-01"} for i in range(3)]
    proc = run("group", "--jsonl", stdin="".join(json.dumps(r) + "\n" for r in rows))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["0", "1", "2"]
    assert all(isinstance(o["event"], str) and isinstance(o["story"], str) for o in out)


def test_bad_jsonl_is_a_clear_error_not_a_traceback() -> None:
    proc = run("analyze", "--plain", "--jsonl", stdin='{"id": "a", "text": "ok"}\nnot json\n')
    assert proc.returncode == 1
    assert "stdin line 2" in proc.stderr and "Traceback" not in proc.stderr


def test_analyze_file_is_human_readable() -> None:
    proc = run("analyze", "data/articles/southfront/002_b65fdd79a100ce5b.txt")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Moscow to Share Intelligence on Syria with Turkey\n")
    assert "Attributions (" in proc.stdout and "Hedges (" in proc.stdout


def test_missing_file_names_it() -> None:
    proc = run("analyze", "no/such/file.txt")
    assert proc.returncode == 1
    assert "no/such/file.txt" in proc.stderr and "Traceback" not in proc.stderr
