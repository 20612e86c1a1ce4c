"""Reviewed word lists, stored as tab-separated data files beside this module.

Format: one entry per line, fields separated by TABs, the last field says where the entry comes from.
Lines starting with '#' and blank lines are ignored. Each detector turns the rows into its own structure.
"""

from __future__ import annotations

from importlib import resources


def load_table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of `<name>.tsv`, each with exactly `columns` fields (the last one being the origin note)."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(part.strip() for part in line.split("\t"))
        if len(fields) != columns:
            raise ValueError(f"lexicon {name}.tsv line {number}: expected {columns} tab-separated fields, got {len(fields)}")
        rows.append(fields)
    return tuple(rows)


def lexicon_files() -> tuple[str, ...]:
    """Names of all lexicon tables (for the methodology page and the cache key)."""
    return tuple(sorted(p.name[:-4] for p in resources.files(__package__).iterdir() if p.name.endswith(".tsv")))
