"""Records -> plain JSON-ready dicts: the project's data interface (docs/reference/data.md)."""

from __future__ import annotations

from typing import Any

from builder.models import Attribution, Hedge, Readability, Source, Span, TextAnalysis


def span_json(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def source_json(source: Source) -> dict[str, Any]:
    data = span_json(source.span)
    data["kind"] = source.kind.value
    data["name"] = source.name
    data["antecedent"] = span_json(source.antecedent) if source.antecedent else None
    return data


def attribution_json(attribution: Attribution) -> dict[str, Any]:
    return {
        "cue": span_json(attribution.cue),
        "source": source_json(attribution.source) if attribution.source else None,
        "content": span_json(attribution.content) if attribution.content else None,
        "style": attribution.style.value,
        "type": attribution.type.value,
        "via": source_json(attribution.via) if attribution.via else None,
    }


def hedge_json(hedge: Hedge) -> dict[str, Any]:
    data = span_json(hedge.span)
    data.update(type=hedge.type.value, voice=hedge.voice.value, cue=hedge.cue)
    return data


def readability_json(readability: Readability) -> dict[str, Any]:
    return {
        "flesch_reading_ease": readability.flesch_reading_ease,
        "flesch_kincaid_grade": readability.flesch_kincaid_grade,
        "gunning_fog": readability.gunning_fog,
        "smog_index": readability.smog_index,
        "words": readability.words,
        "sentences": readability.sentences,
    }


def analysis_json(analysis: TextAnalysis) -> dict[str, Any]:
    return {
        "attributions": [attribution_json(a) for a in analysis.attributions],
        "hedges": [hedge_json(h) for h in analysis.hedges],
        "readability": readability_json(analysis.readability),
    }
