"""Readability figures equal textstat's own, figure for figure (builder/analysis/readability.py computes them
in one pass with textstat's word splitting, syllable counts and formulas)."""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.analysis.readability import measure
from builder.models import Readability

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def textstat_figures(text: str) -> Readability:
    """What the analysis reported before its one-pass rewrite: textstat's public functions, one by one."""
    if not text.strip():
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0)
    return Readability(
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(text)), 1),
        flesch_kincaid_grade=round(float(textstat.flesch_kincaid_grade(text)), 1),
        gunning_fog=round(float(textstat.gunning_fog(text)), 1),
        smog_index=round(float(textstat.smog_index(text)), 1),
        words=int(textstat.lexicon_count(text, removepunct=True)),
        sentences=int(textstat.sentence_count(text)),
    )


def article_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").rglob("*.txt"))]
    polnear = SHARED / "eval" / "polnear" / "dev.jsonl"
    if polnear.is_file():  # more real news when the corpora are beside the project (never copied into it)
        import json

        texts += [json.loads(line)["text"] for line in polnear.read_text(encoding="utf-8").splitlines()[:40]]
    return texts


@pytest.mark.parametrize("text", [
    "",
    "   \n ",
    "Yes.",
    "The minister said the deal was unprecedented, controversial and, frankly, extraordinarily complicated.",
    "DON'T PANIC! It's rock'n'roll... isn't it? Well-known, self-evident, 3.5 million.",
    "Experts believe it may be indirectly involved. According to some data, it is.",
    "«Quoted» — “curly” words; naïve café façade, İstanbul and ÆSIR.",
    "one two three",
])
def test_sentences_give_textstats_figures(text: str) -> None:
    assert measure(text) == textstat_figures(text)


def test_articles_give_textstats_figures() -> None:
    texts = article_texts()
    assert texts, "the seed articles under data/articles are missing"
    for text in texts:
        assert measure(text) == textstat_figures(text), text[:80]


WORDS = st.sampled_from([
    "said", "Minister", "unprecedented", "it's", "DON'T", "rock'n'roll", "well-known", "the", "a", "of",
    "Reuters", "intelligence", "3.5", "co-operation", "naïve", "—", "...", "'quoted'", "“curly”", "e.g.",
    "U.S.", "Mr.", "?", "!", ",", "extraordinarily", "xylophonist", "brrr", "Klintsevich", "İstanbul",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=12)), max_size=60),
       st.lists(st.sampled_from([" ", "  ", "\n", ". ", "? ", "\n\n"]), min_size=60, max_size=60))
def test_any_text_gives_textstats_figures(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    assert measure(text) == textstat_figures(text)
