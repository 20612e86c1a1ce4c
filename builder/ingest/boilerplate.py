"""Boilerplate removal: site chrome out, article in, and a record of everything removed and why.

Rules, in order of precedence for each line:
1. the title line and lines repeating the title;
2. the outlet's own settings (data/outlets.yml): exact lines, patterns, tail markers, its dateline prefix;
3. lines repeated across several articles of the same outlet (found by the caller over the corpus);
4. generic chrome from builder/lexicons/boilerplate.tsv (comment forms, photo credits, separators, ...).
Nothing here knows about particular articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from builder.lexicons import load_table
from builder.models import Outlet, RemovedBlock

# A tail marker only counts once this many body paragraphs were kept: a marker-like line at the top is a heading.
MIN_PARAGRAPHS_BEFORE_TAIL = 2
# Captions are short and end without sentence punctuation; a long line carrying a credit is a paragraph.
CAPTION_MAX_CHARS = 200


@dataclass(frozen=True)
class ChromeRules:
    lines: dict[str, str]  # normalised line -> reason
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    tails: dict[str, str]

    @classmethod
    def generic(cls) -> ChromeRules:
        lines, patterns, tails = {}, [], {}
        for kind, value, origin in load_table("boilerplate", 3):
            reason = f"generic chrome: {origin}"
            if kind == "line":
                lines[normalise(value)] = reason
            elif kind == "pattern":
                patterns.append((re.compile(value), reason))
            elif kind == "tail":
                tails[normalise(value)] = reason
            else:
                raise ValueError(f"boilerplate.tsv: unknown kind {kind!r} (line, pattern, tail)")
        return cls(lines, tuple(patterns), tails)

    @classmethod
    def for_outlet(cls, outlet: Outlet) -> ChromeRules:
        reason = f"{outlet.name} boilerplate (data/outlets.yml)"
        dateline = re.compile(rf"^\s*{re.escape(outlet.name)}\s*[-–—:|]\s+")
        patterns = [(re.compile(p), reason) for p in outlet.boilerplate_patterns]
        patterns.append((dateline, f"{outlet.name} dateline prefix"))
        return cls(
            {normalise(line): reason for line in outlet.boilerplate_lines},
            tuple(patterns),
            {normalise(line): f"{outlet.name} trailing chrome (data/outlets.yml)" for line in outlet.tail_markers},
        )


@dataclass(frozen=True)
class Cleaned:
    title: str
    text: str
    removed: tuple[RemovedBlock, ...]


def normalise(line: str) -> str:
    return " ".join(line.split()).casefold()


def clean(body: str, title: str | None, rule_sets: Iterable[ChromeRules], repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Split `body` into paragraphs (one per non-empty line), drop chrome, keep what was dropped."""
    rules = tuple(rule_sets)
    lines = [line.strip() for line in body.split("\n")]
    removed: list[RemovedBlock] = []
    if title is None:
        first = next((i for i, line in enumerate(lines) if line), None)
        title = lines[first] if first is not None else ""
        if first is not None:
            removed.append(RemovedBlock(lines[first], "title line (used as the article title)"))
            lines[first] = ""
    kept: list[str] = []
    title_key = normalise(title)
    for index, line in enumerate(lines):
        if not line:
            continue
        key = normalise(line)  # once per line: a scraped paragraph can be thousands of words
        if key == title_key:
            removed.append(RemovedBlock(line, "repeats the title"))
            continue
        tail_reason = next((r.tails[key] for r in rules if key in r.tails), None)
        if tail_reason and len(kept) >= MIN_PARAGRAPHS_BEFORE_TAIL:
            rest = "\n".join(x for x in lines[index:] if x)
            removed.append(RemovedBlock(rest, tail_reason))
            break
        if key in repeated:
            removed.append(RemovedBlock(line, "line repeated across this outlet's articles"))
            continue
        line = _strip_line(line, key, rules, removed)
        if line:
            kept.append(line)
    return Cleaned(title, "\n\n".join(kept), tuple(removed))


def strip_generic(body: str) -> Cleaned:
    """Clean a text with the generic rules only (used by `analyze` on stdin text without an outlet)."""
    return clean(body, None, [ChromeRules.generic()])


def _strip_line(line: str, key: str, rules: tuple[ChromeRules, ...], removed: list[RemovedBlock]) -> str:
    """`line` less the chrome the rules find in it (`key`: the line normalised)."""
    for rule in rules:
        if key in rule.lines:
            removed.append(RemovedBlock(line, rule.lines[key]))
            return ""
    for rule in rules:
        for pattern, reason in rule.patterns:
            match = pattern.search(line)
            if not match:
                continue
            rest = (line[: match.start()] + line[match.end():]).strip()
            if not rest or _is_caption(rest, match.group()):
                removed.append(RemovedBlock(line, reason if not rest else f"photo caption ({reason})"))
                return ""
            removed.append(RemovedBlock(match.group().strip(), reason))
            line = rest
    return line


def _is_caption(rest: str, matched: str) -> bool:
    """A credit glued to a short line without final punctuation marks the whole line as a caption."""
    is_credit = matched.strip().startswith("(")
    return is_credit and len(rest) <= CAPTION_MAX_CHARS and not rest.endswith((".", "!", "?", "”", '"'))


def repeated_lines(bodies: Iterable[str], min_articles: int = 2, max_chars: int = 120) -> frozenset[str]:
    """Short lines found in at least half of an outlet's articles (and at least `min_articles`): its chrome."""
    texts = list(bodies)
    if len(texts) < min_articles:
        return frozenset()
    counts: dict[str, int] = {}
    for text in texts:
        for key in {normalise(line) for line in text.split("\n") if 0 < len(line.strip()) <= max_chars}:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(min_articles, (len(texts) + 1) // 2)
    return frozenset(key for key, count in counts.items() if count >= threshold)
