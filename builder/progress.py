"""Progress for long steps (analysing articles, fetching feeds), on stderr so stdout stays data.

On a terminal: one bar redrawn in place. Elsewhere (CI logs, pipes): a short line at every tenth of the way,
so a log shows progress without thousands of lines.

    for result in track(analyser.analyse_many(texts), len(texts), "analysing", sys.stderr):
        ...
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")
BAR = 30


def bar_line(label: str, done: int, total: int) -> str:
    filled = BAR * done // total if total else BAR
    return f"{label} [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}"


def plain_line(label: str, done: int, total: int) -> str:
    return f"{label}: {done}/{total} ({100 * done // total if total else 100}%)"


def steps(total: int, parts: int = 10) -> frozenset[int]:
    """The counts at which a non-terminal stream gets a line: every 1/parts of the way, and the end."""
    return frozenset({max(1, total * k // parts) for k in range(1, parts + 1)} | {total})


def track(items: Iterable[T], total: int, label: str, stream: IO[str] | None) -> Iterator[T]:
    """Yield `items` unchanged, reporting how many of `total` are done. `stream=None`: silent."""
    if stream is None or total <= 0:
        yield from items
        return
    tty = stream.isatty()
    marks = steps(total)
    for done, item in enumerate(items, 1):
        yield item
        if tty:
            stream.write("\r" + bar_line(label, done, total))
        elif done in marks:
            stream.write(plain_line(label, done, total) + "\n")
        stream.flush()
    if tty:
        stream.write("\n")
        stream.flush()


class Stopwatch:
    """Wall-clock seconds per build stage, in order: the summary's `timings` line, so a maintainer sees
    where a slow rebuild spends its time (and the benchmark reads the same figures)."""

    def __init__(self) -> None:
        self._laps: list[tuple[str, float]] = []
        self._mark = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Closes the stage that ran since the previous lap."""
        now = time.perf_counter()
        self._laps.append((stage, now - self._mark))
        self._mark = now

    def laps(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._laps)


def timings_line(laps: Iterable[tuple[str, float]]) -> str:
    return "timings: " + " · ".join(f"{stage} {seconds:.1f} s" for stage, seconds in laps)
