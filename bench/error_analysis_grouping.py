"""Error analysis of event and story grouping on ECB+ and BASIL (../shared/eval), written to
bench/errors-grouping.md.

    .venv/bin/python -m bench.error_analysis_grouping      (from the project root)

Groups each corpus as `python -m builder group` does (builder.grouping.group_documents, default settings) and
sorts the errors into their two classes, at each level:
- split: one gold group (an ECB+ subtopic or topic, a BASIL event) spread over several system groups: recall
  lost, counted in documents outside the gold group's largest piece;
- merged: one system group holding documents of several gold groups: precision lost, counted in documents
  outside its largest gold group.
For ECB+ stories, also the nearness of the events of every split story: its nearest event and the nearest of its
own story elsewhere, with that one's rank (a link rule's miss or the representation's).
Each error is listed with its gold labels, piece sizes and the first words of one document per piece (at most
eight words: the corpora may not be redistributed). Skips (exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from builder.grouping import Assignment, Background, GroupingConfig, GroupingDoc, group_documents
from builder.grouping.cluster import Views

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "bench" / "errors-grouping.md"
CORPORA = (  # (name, file, {level: gold field})
    ("ECB+", EVAL / "ecbplus" / "clustering.jsonl", {"event": "subtopic", "story": "topic"}),
    ("BASIL", EVAL / "basil" / "clustering-2010-2014.jsonl", {"event": "event_id"}),
)
LEVEL_TITLES = {"event": "Events", "story": "Stories"}
SNIPPET_WORDS = 8
LISTED = 12  # errors listed per class and level; the counts cover all


@dataclass(frozen=True)
class GroupError:
    """One gold group split over system groups, or one system group merging gold groups."""

    label: str  # the gold group (split) or the system group's largest gold group (merged)
    pieces: tuple[tuple[str, int, str], ...]  # (gold or system label, documents, first words of one), largest first
    cost: int  # documents outside the largest piece


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def snippet(record: Mapping[str, object]) -> str:
    words = str(record.get("title") or record.get("text") or "").split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")


def spread(groups: Mapping[str, str], across: Mapping[str, str], records: Mapping[str, Mapping[str, object]],
           short: Mapping[str, str]) -> list[GroupError]:
    """Each group of `groups` whose documents lie in more than one group of `across`, costliest first."""
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(groups):
        members[groups[doc_id]].append(doc_id)
    errors = []
    for label, docs in members.items():
        pieces: dict[str, list[str]] = defaultdict(list)
        for doc_id in docs:
            pieces[across[doc_id]].append(doc_id)
        if len(pieces) < 2:
            continue
        ranked = sorted(pieces.items(), key=lambda p: (-len(p[1]), p[0]))
        errors.append(GroupError(label, tuple((short[k], len(v), snippet(records[v[0]])) for k, v in ranked),
                                 len(docs) - len(ranked[0][1])))
    return sorted(errors, key=lambda e: (-e.cost, e.label))


def short_names(labels: Mapping[str, str]) -> dict[str, str]:
    """System labels are long hashes: S1, S2, ... by first document id."""
    order = list(dict.fromkeys(labels[d] for d in sorted(labels)))
    return {label: f"S{number}" for number, label in enumerate(order, 1)}


def level_section(level: str, gold: dict[str, str], system: dict[str, str],
                  records: Mapping[str, Mapping[str, object]]) -> list[str]:
    names = short_names(system)
    splits = spread(gold, system, records, names)
    merges = spread(system, gold, records, {g: g for g in set(gold.values())})
    merges = [GroupError(names[e.label], e.pieces, e.cost) for e in merges]
    lines = [f"### {LEVEL_TITLES[level]}\n",
             f"{len(set(gold.values()))} gold groups, {len(set(system.values()))} system groups. "
             f"**Split** (recall): {count(len(splits), 'gold group')} over several system groups, "
             f"{count(sum(e.cost for e in splits), 'document')} outside their group's largest piece. "
             f"**Merged** (precision): {count(len(merges), 'system group')} holding several gold groups, "
             f"{count(sum(e.cost for e in merges), 'document')} outside the largest.\n"]
    for title, errors, own, other in (("Split", splits, "gold", "system"), ("Merged", merges, "system", "gold")):
        if not errors:
            continue
        lines += [f"{title}, costliest first ({own} group: its {other} groups, documents, first words of one):\n"]
        for error in errors[:LISTED]:
            parts = "; ".join(f"{label} ({size}): “{words}”" for label, size, words in error.pieces)
            lines.append(f"- {own} {error.label}, {error.cost} outside the largest: {parts}")
        if len(errors) > LISTED:
            lines.append(f"- … and {len(errors) - LISTED} more")
        lines.append("")
    return lines


def majority(labels: list[str]) -> str:
    return max(sorted(set(labels)), key=labels.count)


def nearness_section(docs: list[GroupingDoc], assignment: Assignment, gold_event: Mapping[str, str],
                     gold_story: Mapping[str, str]) -> list[str]:
    """For every event of a gold story split over system stories: its nearest event by story similarity (the
    mean similarity of their articles, as stories.py compares events) and the nearest event of its own gold
    story outside its system story, with that event's rank. A partner ranked first but not linked is a link
    rule's miss; one ranked lower, the representation's (the words of similar happenings told apart)."""
    config = GroupingConfig()
    ordered = sorted(docs, key=lambda d: d.id)
    vectors = Views.of(ordered, Background.load(), config).story(config.story_names_share)
    events = sorted({assignment.event[d.id] for d in ordered})
    number = {label: k for k, label in enumerate(events)}
    index = np.array([number[assignment.event[d.id]] for d in ordered])
    member = csr_matrix((np.ones(len(index)), (index, np.arange(len(index)))), shape=(len(events), len(index)))
    sums = (member @ vectors).toarray()
    size = np.bincount(index).astype(np.float64)
    mean = sums @ sums.T / np.outer(size, size)
    np.fill_diagonal(mean, -np.inf)
    ids = [[d.id for d, k in zip(ordered, index, strict=True) if k == e] for e in range(len(events))]
    story = [assignment.story[members[0]] for members in ids]
    gold = [majority([gold_story[i] for i in members]) for members in ids]
    label = [f"{majority([gold_event[i] for i in members])} ({len(members)})" for members in ids]
    lines = []
    for e in range(len(events)):
        apart = [f for f in range(len(events)) if gold[f] == gold[e] and story[f] != story[e]]
        if not apart:
            continue
        order = list(np.argsort(-mean[e], kind="stable"))
        best = max(apart, key=lambda f: mean[e, f])
        lines.append(f"- {label[e]}: nearest {label[order[0]]} at {mean[e, order[0]]:.3f}; its own story's "
                     f"{label[best]} at {mean[e, best]:.3f}, rank {order.index(best) + 1}")
    if not lines:
        return []
    return ["Story nearness of the events of split stories (event: nearest event; nearest event of its own gold "
            "story in another system story, by the story similarity, rank among all events):\n", *lines, ""]


def corpus_section(name: str, path: Path, levels: Mapping[str, str]) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [GroupingDoc(r["doc_id"], str(r.get("title") or ""), r["text"], r.get("outlet") or None,
                        dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None) for r in rows]
    assignment = group_documents(docs)
    records = {r["doc_id"]: r for r in rows}
    lines = [f"## {name} ({len(rows)} documents)\n"]
    for level, field in levels.items():
        gold = {r["doc_id"]: str(r[field]) for r in rows}
        lines += level_section(level, gold, getattr(assignment, level), records)
    if "story" in levels:
        lines += nearness_section(docs, assignment, {r["doc_id"]: str(r[levels["event"]]) for r in rows},
                                  {r["doc_id"]: str(r[levels["story"]]) for r in rows})
    return lines


def main() -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the corpora are not redistributable)")
        return 0
    lines = ["# Grouping: error analysis\n",
             f"Generated by `bench/error_analysis_grouping.py` on {dt.date.today().isoformat()} (default settings, "
             "the ECB+ and BASIL files in ../shared/eval). B-cubed figures: bench/accuracy.json.\n",
             "Two error classes per level: **split**, a gold group the system spread over several groups (recall), "
             "and **merged**, a system group holding several gold groups (precision). Labels: ECB+ topics (a "
             "story) and subtopics (an event, `N_ecb` / `N_ecbplus`), BASIL event ids; S1, S2, … are system "
             "groups numbered by their first document.\n"]
    for name, path, levels in CORPORA:
        lines += corpus_section(name, path, levels)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({sum(line.startswith('- ') for line in lines)} errors listed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
