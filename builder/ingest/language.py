"""Notice an article that is not in English although its front matter does not say so.

Function words are the most frequent words of a language and nearly disjoint across languages: a long text in
which English ones are rare is not English. Only the analysers need this: they are built for English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.lexicons import load_table

MIN_WORDS = 40  # below this the share says little (a headline, a caption)
MIN_SHARE = 0.12  # English news prose: 0.3-0.5; German, French, Russian prose: under 0.05
UNDETERMINED = "und"  # ISO 639-2 code for "undetermined"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class EnglishCheck:
    words: frozenset[str]

    @classmethod
    def load(cls) -> EnglishCheck:
        return cls(frozenset(word for word, _ in load_table("english_function_words", 2)))

    def share(self, text: str) -> float | None:
        """Share of English function words among the words of `text`; None when too short to tell."""
        words = _WORD.findall(text.casefold())
        if len(words) < MIN_WORDS:
            return None
        return sum(map(self.words.__contains__, words)) / len(words)  # a C loop: ingest checks every article

    def looks_english(self, text: str) -> bool:
        share = self.share(text)
        return share is None or share >= MIN_SHARE
