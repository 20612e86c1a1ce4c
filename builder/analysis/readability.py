"""Readability scores and plain counts, as textstat 0.7.8 computes them, each word's syllables counted once.

textstat memoises its per-word counts in caches of 128 entries, so over an article nearly every lookup
misses: the polysyllable count (SMOG) and the difficult-word check (Gunning fog) each look every word up in
the CMU dictionary again, and readability cost about 3% of the whole analysis. Here the text is split once
with textstat's own `list_words`, a word's syllables come from textstat's own `count_syllables` through a
larger cache, and the four formulas are textstat's, term for term (so the floats come out bit for bit the
same). `tests/test_readability.py` checks that every figure equals textstat's on real articles and on
generated text, so a textstat upgrade that changes a formula fails there rather than drifting silently.
"""

from __future__ import annotations

from functools import lru_cache

from textstat.backend.counts import count_sentences, count_syllables
from textstat.backend.selections import list_words
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root

from builder.models import Readability

LANG = "en_US"  # textstat's default language, which the module-level `textstat` functions use
WORDS_REMEMBERED = 1 << 16  # an article's vocabulary is a few hundred words; a corpus's common ones fit


@lru_cache(maxsize=WORDS_REMEMBERED)
def syllables(word: str) -> int:
    """Syllables of one lowercased word: CMU dictionary, else Pyphen's hyphenation points (textstat's rule)."""
    return int(count_syllables(word, LANG))


def measure(text: str) -> Readability:
    if not text.strip():
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0)
    words = list_words(text)
    counts = [syllables(word.lower()) for word in words]
    sentences = int(count_sentences(text))
    return Readability(
        flesch_reading_ease=round(reading_ease(len(words), sentences, sum(counts)), 1),
        flesch_kincaid_grade=round(kincaid_grade(len(words), sentences, sum(counts)), 1),
        gunning_fog=round(gunning_fog(len(words), sentences, difficult_words(words, counts)), 1),
        smog_index=round(smog_index(sentences, sum(1 for count in counts if count >= 3)), 1),
        words=len(words),
        sentences=sentences,
    )


def _per(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def reading_ease(words: int, sentences: int, syllable_total: int) -> float:
    per_sentence, per_word = _per(words, sentences), _per(syllable_total, words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    root = get_lang_root(LANG)
    return float(get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * per_sentence
                 - get_lang_cfg(root, "fre_syll_per_word") * per_word)


def kincaid_grade(words: int, sentences: int, syllable_total: int) -> float:
    per_sentence, per_word = _per(words, sentences), _per(syllable_total, words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59


def difficult_words(words: list[str], counts: list[int]) -> int:
    """Words outside the Dale-Chall easy words with at least the language's syllable threshold (textstat's
    `count_difficult_words`, every occurrence counted)."""
    threshold = int(get_lang_cfg(LANG, "syllable_threshold"))
    easy: set[str] = get_lang_easy_words(LANG)
    return sum(1 for word, count in zip(words, counts, strict=True)
               if count >= threshold and word.lower() not in easy)


def gunning_fog(words: int, sentences: int, difficult: int) -> float:
    if not words:
        return 0.0
    return 0.4 * (_per(words, sentences) + 100 * difficult / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    if not sentences:
        return 0.0
    return float((1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291)
