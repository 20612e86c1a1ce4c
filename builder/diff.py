"""`python -m builder diff OLD NEW`: what changed between two builds' docs/data/figures.json, as Markdown
(the pull-request job summary): stories added and removed, and the figures that moved."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.errors import BuilderError
from builder.export import FIGURE_FIELDS
from builder.render.escape import md

MEASURES = tuple(f for f in FIGURE_FIELDS if f not in ("scope", "scope_id", "scope_title", "outlet"))
MAX_ROWS = 50


@dataclass(frozen=True)
class Moved:
    scope: str
    title: str
    outlet: str
    measure: str
    old: Any
    new: Any


def load_figures(path: Path) -> dict[str, Any]:
    """A figures.json, or an empty one when the file is absent (the base branch had no export yet)."""
    if not path.is_file():
        return {"stories": [], "figures": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise BuilderError(f"{path}: not a figures.json ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
        raise BuilderError(f"{path}: not a figures.json (no `figures` list) — see docs/reference/open-data.md")
    return data


def _rows(data: Mapping[str, Any]) -> dict[tuple[str, str, str], Mapping[str, Any]]:
    return {(r["scope"], r["scope_id"], r["outlet"]): r for r in data["figures"]}


def moved(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Moved]:
    before, after = _rows(old), _rows(new)
    found = []
    for key in sorted(before.keys() & after.keys()):
        for measure in MEASURES:
            if before[key].get(measure) != after[key].get(measure):
                found.append(Moved(key[0], str(after[key]["scope_title"]), key[2], measure,
                                   before[key].get(measure), after[key].get(measure)))
    return found


def _value(value: Any) -> str:
    return "–" if value is None else md(str(value))


def report(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    stories_old = {s["id"]: s["title"] for s in old.get("stories", [])}
    stories_new = {s["id"]: s["title"] for s in new.get("stories", [])}
    added = sorted((t, i) for i, t in stories_new.items() if i not in stories_old)
    removed = sorted((t, i) for i, t in stories_old.items() if i not in stories_new)
    changes = moved(old, new)
    lines = ["## Site changes", "",
             f"{len(stories_new)} stories ({len(added)} added, {len(removed)} removed); "
             f"{len(changes)} figures moved.", ""]
    for heading, items in (("Stories added", added), ("Stories removed", removed)):
        if items:
            lines += [f"### {heading}", "", *(f"- {md(t)}" for t, _ in items), ""]
    if changes:
        lines += ["### Figures that moved", "", "| Scope | Outlet | Figure | Before | After |", "|---|---|---|---:|---:|"]
        lines += [f"| {c.scope}: {md(c.title)} | {md(c.outlet)} | {c.measure} | {_value(c.old)} | {_value(c.new)} |"
                  for c in changes[:MAX_ROWS]]
        if len(changes) > MAX_ROWS:
            lines.append(f"\n… and {len(changes) - MAX_ROWS} more.")
    return "\n".join(lines).rstrip() + "\n"
