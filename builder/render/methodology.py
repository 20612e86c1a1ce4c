"""The methodology figures page: measured accuracy (bench/accuracy.json) and the lexicons, entry by entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from builder.lexicons import lexicon_files, load_table
from builder.render.accuracy import accuracy_section
from builder.render.escape import front_matter, md

# Longer tables (word-frequency lists) are summarised: entry count, origins and the first entries.
FULL_TABLE_LIMIT = 400
SAMPLE_ROWS = 25


@dataclass(frozen=True)
class LexiconTable:
    name: str
    rows: tuple[tuple[str, ...], ...]  # last field: where the entry comes from
    notes: str = ""  # the file's leading comment block


def load_lexicon_tables() -> tuple[LexiconTable, ...]:
    """Every lexicon under builder/lexicons/, with its column count read from its first entry."""
    tables = []
    for name in lexicon_files():
        text = resources.files("builder.lexicons").joinpath(f"{name}.tsv").read_text(encoding="utf-8")
        lines = text.splitlines()
        first = next((line for line in lines if line.strip() and not line.lstrip().startswith("#")), "")
        notes = []
        for line in lines:
            if not line.lstrip().startswith("#"):
                break
            notes.append(line.lstrip()[1:].strip())
        tables.append(LexiconTable(name, load_table(name, len(first.split("\t")) if first else 1), " ".join(notes)))
    return tuple(tables)


def lexicon_section(table: LexiconTable) -> str:
    heading = f"### {md(table.name)} ({len(table.rows)} entries)\n\n"
    notes = f"{md(table.notes)}\n\n" if table.notes else ""
    if not table.rows:
        return heading + notes + "Empty.\n"
    shown = table.rows
    if len(table.rows) > FULL_TABLE_LIMIT:
        origins: dict[str, int] = {}
        for row in table.rows:
            origins[row[-1]] = origins.get(row[-1], 0) + 1
        listed = "; ".join(f"{md(origin)} ({count})" for origin, count in sorted(origins.items()))
        notes += (f"Too long to list here: the first {SAMPLE_ROWS} entries are shown; the full table is "
                  f"{md('builder/lexicons/' + table.name + '.tsv')}. Origins: {listed}.\n\n")
        shown = table.rows[:SAMPLE_ROWS]
    width = max(len(r) for r in shown)
    head = "| " + " | ".join(["Entry"] + [f"Field {i}" for i in range(2, width)] + ["Origin"]) + " |"
    rule = "|" + "---|" * width
    rows = "\n".join("| " + " | ".join(md(cell) for cell in row) + " |" for row in shown)
    return f"{heading}{notes}{head}\n{rule}\n{rows}\n"


def render_figures(accuracy: Mapping[str, Any] | None, lexicons: tuple[LexiconTable, ...]) -> str:
    parts = [
        front_matter("Methodology figures", "Measured accuracy and the word lists the detectors use"),
        "# Methodology figures\n",
        "Definitions are on the [methodology page](index.md).\n",
        "## Accuracy { #accuracy }\n",
        "How often the detectors agree with human annotators, on corpora annotated by others (the corpora "
        "are not part of the site). **Precision**: of what a detector found, the share the annotators marked "
        "too. **Recall**: of what the annotators marked, the share found. **F1**: the harmonic mean of the two. "
        "B³ scores a grouping article by article: the share of an article's group that belongs with it, and "
        "the share of what belongs with it that is in its group.\n",
        accuracy_section(accuracy),
        "## Lexicons\n",
        "The word lists the detectors use; the last column says where each entry comes from.\n",
    ]
    parts += [lexicon_section(t) for t in lexicons] or ["No lexicon files.\n"]
    return "\n".join(parts)
