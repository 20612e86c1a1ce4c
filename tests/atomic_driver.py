"""Run one build and SIGKILL it at a named point (used by test_atomic.py in a subprocess).

    python tests/atomic_driver.py ROOT FINGERPRINT POINT [--no-mkdocs]

Every article must already be in ROOT/.cache/analysis: the analyser is a stand-in that only knows the
fingerprint, so a run costs no spaCy load. POINT "none" runs the build to the end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from builder import cli, pipeline, site_build, swap


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class CachedOnly:
    def __init__(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint

    def fingerprint(self) -> str:
        return self._fingerprint

    def analyse_many(self, texts: Iterable[str]) -> Iterator[Any]:
        if list(texts):
            raise AssertionError("atomic_driver: an article was not in the analysis cache")
        return iter(())


def die_before(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        die()
        return function(*args, **kwargs)
    return wrapper


def die_on_call(original: Callable[..., Any], nth: int) -> Callable[..., Any]:
    calls = iter(range(1, 10**9))

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if next(calls) == nth:
            die()
        return original(*args, **kwargs)
    return wrapper


def mkdocs_then_die(command: list[str], **kwargs: Any) -> Any:
    subprocess.Popen(command, cwd=kwargs.get("cwd"), env=kwargs.get("env"),
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)  # mkdocs is busy writing the staged site by now
    die()


def rename_killing_site(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: Path, target: Any) -> Any:
        if self.name == "site" and self.parent.name == "staging":
            die()  # the old site/ is parked already: site/ does not exist on disk at this moment
        return original(self, target)
    return wrapper


def arm(point: str) -> None:
    if point == "before-stage":
        pipeline.stage_pages = die_before(pipeline.stage_pages)  # type: ignore[assignment]
    elif point.startswith("write-"):
        Path.write_bytes = die_on_call(Path.write_bytes, int(point[6:]))  # type: ignore[method-assign]
    elif point == "before-journal":
        pipeline.commit = die_before(pipeline.commit)  # type: ignore[assignment]
    elif point == "after-journal":
        swap._apply = die_before(swap._apply)  # type: ignore[assignment]
    elif point.startswith("rename-") and point[7:].isdigit():
        Path.rename = die_on_call(Path.rename, int(point[7:]))  # type: ignore[method-assign]
    elif point == "rename-site":
        Path.rename = rename_killing_site(Path.rename)  # type: ignore[method-assign]
    elif point == "cleanup":
        swap.shutil.rmtree = die_before(swap.shutil.rmtree)  # type: ignore[assignment]
    elif point == "mkdocs":
        site_build.subprocess.run = mkdocs_then_die  # type: ignore[assignment]
    elif point != "none":
        raise SystemExit(f"unknown kill point {point!r}")


def main(argv: list[str]) -> int:
    root, fingerprint, point, *rest = argv
    stand_in = CachedOnly(fingerprint)
    pipeline.Analyser.load = lambda *_: stand_in  # type: ignore[assignment, method-assign]
    arm(point)
    return cli.main(["build", "--root", root, *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
