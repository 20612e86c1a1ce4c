"""Human-readable analysis of one article file (`python -m builder analyze FILE`)."""

from __future__ import annotations

from pathlib import Path

from builder.analysis import Analyser
from builder.errors import InputError
from builder.ingest.boilerplate import ChromeRules, clean
from builder.ingest.readers import read_document
from builder.models import Attribution, Hedge, Source, TextAnalysis


def describe_article(path: Path, *, plain: bool, analyser: Analyser) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})", "check the path and permissions") from err
    doc = read_document(path, raw)
    if plain:
        title, text, removed = doc.meta.title or path.name, doc.body, 0
    else:
        cleaned = clean(doc.body, doc.meta.title, [ChromeRules.generic()])
        title, text, removed = cleaned.title, cleaned.text, len(cleaned.removed)
    return render(title, removed, analyser.analyse(text))


def render(title: str, removed: int, analysis: TextAnalysis) -> str:
    r = analysis.readability
    lines = [
        title,
        "=" * min(len(title), 80),
        f"{r.words} words, {r.sentences} sentences; Flesch reading ease {r.flesch_reading_ease}, "
        f"grade {r.flesch_kincaid_grade}; {removed} boilerplate block(s) removed",
        "",
        f"Attributions ({len(analysis.attributions)})",
    ]
    lines += [f"  {n}. {_attribution(a)}" for n, a in enumerate(analysis.attributions, 1)]
    lines += ["", f"Hedges ({len(analysis.hedges)})"]
    lines += [f"  {n}. {_hedge(h)}" for n, h in enumerate(analysis.hedges, 1)]
    return "\n".join(lines) + "\n"


def _attribution(a: Attribution) -> str:
    source = _source(a.source) if a.source else "(no source)"
    via = f" via {_source(a.via)}" if a.via else ""
    content = f" — {_short(a.content.text)}" if a.content else ""
    return f"{source}{via} [{a.cue.text}] {a.type.value}, {a.style.value}{content}"


def _source(source: Source) -> str:
    resolved = f" = {source.name}" if source.name != source.span.text else ""
    return f"{source.span.text}{resolved} ({source.kind.value})"


def _hedge(h: Hedge) -> str:
    return f"{h.span.text!r} {h.type.value}, {h.voice.value} voice"


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
