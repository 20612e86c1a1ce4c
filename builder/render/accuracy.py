"""The accuracy section of the methodology figures page, from bench/accuracy.json (score.py's figures).

Readers get one row per question a detector answers ("is this the cue an annotator marked?"), with the corpus
it was measured on and precision, recall and F1; then the figures that are not a P/R/F1 triple; then every
recorded figure, folded, for those who want the file itself. A figure the file lacks leaves its row out, so
a partial run (one task) still renders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from builder.render.escape import md


@dataclass(frozen=True)
class Measure:
    question: str  # what a right answer is, in a reader's words
    corpus: str  # a template over the figures: {attribution.articles}
    path: tuple[str, ...]  # where the precision/recall/f1 mapping sits under "figures"


MEASURES: tuple[Measure, ...] = (
    Measure("Attributions: the cue an annotator marked is found (overlapping)",
            "PolNeAR dev, {attribution.articles} articles, {attribution.gold_relations} attributions",
            ("attribution", "cue_lenient")),
    Measure("… and exactly (the same words)", "PolNeAR dev", ("attribution", "cue_strict")),
    Measure("… with the annotator's source", "PolNeAR dev", ("attribution", "cue_and_source_lenient")),
    Measure("Attributed content: the words of what was said", "PolNeAR dev", ("attribution", "content_tokens")),
    Measure("Sources named by the article, found and told named",
            "{source-kinds.gold_sources} labelled PolNeAR dev sources", ("source-kinds", "named")),
    Measure("Unnamed sources, found and told unnamed", "the same sources", ("source-kinds", "unnamed")),
    Measure("Hedging: sentences annotated uncertain are flagged",
            "CoNLL-2010 Wikipedia dev, {hedging.sentences} sentences", ("hedging", "uncertain_class")),
    Measure("Events: articles about the same happening grouped together (B³)",
            "ECB+, {grouping.documents} documents", ("grouping", "event", "bcubed")),
    Measure("Stories: articles about similar happenings grouped together (B³)", "ECB+",
            ("grouping", "story", "bcubed")),
    Measure("Events, the same happening told by three outlets (B³)",
            "BASIL 2010–2014, {grouping_basil.documents} documents", ("grouping_basil", "event", "bcubed")),
)

# Single figures that are not a precision/recall/F1 triple: (label, path, format).
SINGLE: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Source right, when the cue is right", ("attribution", "source_accuracy_given_cue"), "{:.3f}"),
    ("Labelled sources found at all", ("source-kinds", "found"), "{:.3f}"),
    ("Named or unnamed right, on the sources found", ("source-kinds", "binary_accuracy_on_found"), "{:.3f}"),
    ("Source kinds, macro-F1 end to end (misses count as errors)", ("source-kinds", "macro_f1_end_to_end"),
     "{:.3f}"),
    ("Attribution finding, words per second", ("attribution", "words_per_second"), "{:,.0f}"),
    ("Hedge finding, sentences per second", ("hedging", "sentences_per_second"), "{:,.0f}"),
)


def _get(figures: Mapping[str, Any], path: Sequence[str]) -> Any:
    node: Any = figures
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def _number(value: Any, template: str = "{:.3f}") -> str | None:
    return template.format(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _corpus(template: str, figures: Mapping[str, Any]) -> str:
    """The corpus label with its counts filled in; a count the file lacks is left out with its clause."""
    parts = []
    for clause in template.split(", "):
        if "{" not in clause:
            parts.append(clause)
            continue
        filled = clause
        for field in [f.split("}")[0] for f in clause.split("{")[1:]]:
            value = _number(_get(figures, field.split(".")), "{:,}")
            if value is None:
                filled = ""
                break
            filled = filled.replace("{" + field + "}", value)
        if filled:
            parts.append(filled)
    return ", ".join(parts)


def flatten(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Nested JSON -> (dotted key, value) rows, in key order so the page is stable."""
    if isinstance(data, Mapping):
        rows: list[tuple[str, str]] = []
        for key in sorted(data, key=str):
            rows += flatten(data[key], f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(data, list):
        return [(prefix, ", ".join(str(x) for x in data))]
    if isinstance(data, float):
        return [(prefix, f"{data:.4f}")]
    return [(prefix, str(data))]


def measure_rows(figures: Mapping[str, Any]) -> list[str]:
    rows = []
    for measure in MEASURES:
        triple = _get(figures, measure.path)
        cells = [_number(_get(triple, (k,))) for k in ("precision", "recall", "f1")] if triple else [None]
        if None in cells:
            continue
        precision, recall, f1 = cells
        rows.append(f"| {md(measure.question)} | {md(_corpus(measure.corpus, figures))} | {precision} | {recall} "
                    f"| **{f1}** |")
    return rows


def single_rows(figures: Mapping[str, Any]) -> list[str]:
    rows = []
    for label, path, template in SINGLE:
        value = _number(_get(figures, path), template)
        if value is not None:
            rows.append(f"| {md(label)} | {value} |")
    return rows


def named_share_note(figures: Mapping[str, Any], true_share: float = 0.7) -> str | None:
    """What unequal recall of named and unnamed sources does to the share of named sources the site shows."""
    named, unnamed = (_get(figures, ("source-kinds", kind, "recall")) for kind in ("named", "unnamed"))
    if _number(named) is None or _number(unnamed) is None or not named or not unnamed:
        return None
    shown = true_share * named / (true_share * named + (1 - true_share) * unnamed)
    if abs(shown - true_share) < 0.01:
        return None
    direction = "overstated" if shown > true_share else "understated"
    return (f"Named sources are found with recall {named:.3f}, unnamed ones with {unnamed:.3f}, so the share of "
            f"named sources the site shows is {direction}: an outlet whose sources are {true_share:.0%} named "
            f"would show about {shown:.0%} named. Comparisons between outlets are affected less, as every outlet "
            "is measured the same way.")


def accuracy_section(accuracy: Mapping[str, Any] | None) -> str:
    if not accuracy:
        return ("Not measured yet: `bench/accuracy.json` is absent. Run the scorer "
                "(see [the data interface](../reference/data.md)) to measure it.\n")
    figures = accuracy.get("figures")
    figures = figures if isinstance(figures, Mapping) else {}
    measured, command = accuracy.get("measured"), accuracy.get("command")
    lead = "Measured"
    if measured:
        lead += f" on {md(str(measured))}"
    if command:
        lead += f" with {md(str(command))}"
    parts = [lead + (f", on {md(str(accuracy['corpora']))}" if accuracy.get("corpora") else "") + ".\n"]
    rows = measure_rows(figures)
    if rows:
        parts.append("| What counts as right | Measured on | Precision | Recall | F1 |\n|---|---|---:|---:|---:|\n"
                     + "\n".join(rows) + "\n")
    note = named_share_note(figures)
    if note:
        parts.append(note + "\n")  # the project's own words and figures, no file text
    singles = single_rows(figures)
    if singles:
        parts.append("| Other figures | |\n|---|---:|\n" + "\n".join(singles) + "\n")
    every = "\n".join(f"    | {md(key)} | {md(value)} |" for key, value in flatten(accuracy))
    parts.append('??? note "Every recorded figure (bench/accuracy.json)"\n\n    | Figure | Value |\n    |---|---:|\n'
                 + every + "\n")
    return "\n".join(parts)
