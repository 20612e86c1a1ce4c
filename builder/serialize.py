"""Records -> plain JSON-ready dicts: the project's data interface (docs/reference/data.md)."""

from __future__ import annotations

from typing import Any

from builder.models import (
    Attribution,
    AttributionType,
    Hedge,
    HedgeType,
    QuoteStyle,
    Readability,
    Source,
    SourceKind,
    Span,
    TextAnalysis,
    Voice,
)


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
        "content": content_json(attribution) if attribution.content else None,
        "style": attribution.style.value,
        "type": attribution.type.value,
        "via": source_json(attribution.via) if attribution.via else None,
    }


def content_json(attribution: Attribution) -> dict[str, Any]:
    """The content's extent; with `segments` ([start, end] pairs) when the cue or source cuts it."""
    assert attribution.content is not None
    data = span_json(attribution.content)
    if attribution.content_segments:
        data["segments"] = [[piece.start, piece.end] for piece in attribution.content_segments]
    return data


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


# ---------------------------------------------------------------- back from JSON (the analysis cache)
def span_from(data: dict[str, Any]) -> Span:
    return Span(int(data["start"]), int(data["end"]), str(data["text"]))


def source_from(data: dict[str, Any]) -> Source:
    antecedent = data.get("antecedent")
    return Source(span_from(data), SourceKind(data["kind"]), str(data["name"]), span_from(antecedent) if antecedent else None)


def attribution_from(data: dict[str, Any]) -> Attribution:
    return Attribution(
        cue=span_from(data["cue"]),
        source=source_from(data["source"]) if data.get("source") else None,
        content=span_from(data["content"]) if data.get("content") else None,
        style=QuoteStyle(data["style"]),
        type=AttributionType(data["type"]),
        via=source_from(data["via"]) if data.get("via") else None,
        content_segments=segments_from(data["content"]) if data.get("content") else (),
    )


def segments_from(content: dict[str, Any]) -> tuple[Span, ...]:
    text, start = str(content["text"]), int(content["start"])
    return tuple(Span(int(s), int(e), text[int(s) - start:int(e) - start]) for s, e in content.get("segments", ()))


def hedge_from(data: dict[str, Any]) -> Hedge:
    return Hedge(span_from(data), HedgeType(data["type"]), Voice(data["voice"]), str(data["cue"]))


def analysis_from(data: dict[str, Any]) -> TextAnalysis:
    r = data["readability"]
    readability = Readability(float(r["flesch_reading_ease"]), float(r["flesch_kincaid_grade"]), float(r["gunning_fog"]),
                              float(r["smog_index"]), int(r["words"]), int(r["sentences"]))
    return TextAnalysis(tuple(attribution_from(a) for a in data["attributions"]),
                        tuple(hedge_from(h) for h in data["hedges"]), readability)
