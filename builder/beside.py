"""Work run in a forked process beside the build, while the build goes on with other work.

Grouping reads only the articles' texts, titles, outlets and dates, not their analyses, so it can run while
the articles are analysed: a warm rebuild then waits for the longer of the two instead of their sum. The
child is forked, so its inputs are inherited rather than pickled; only its result (or its exception) comes
back through a pipe. Without fork (or with one worker asked for) the work runs in this process, when its
result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Beside(Generic[T]):
    """The pending result of `work()`: `result()` waits for it, and raises what the work raised."""

    work: Callable[[], T]
    process: BaseProcess | None = None
    connection: Connection | None = None

    def result(self) -> T:
        if self.process is None or self.connection is None:  # not started beside: the work is done here, now
            return self.work()
        try:
            failed, value = self.connection.recv()
        except EOFError:  # the child died without an answer (killed, out of memory): do the work here
            return self.work()
        finally:
            self.connection.close()
            self.process.join()
        if failed:
            raise value
        result: T = value
        return result

    def cancel(self) -> None:
        """Stop the child if the build failed before asking for the result."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is not None:  # the work that went on beside this one failed: stop this one too
            self.cancel()


def run_beside(work: Callable[[], T], parallel: bool) -> Beside[T]:
    """Start `work` in a forked child when `parallel` and fork is available; else it runs here when its result
    is asked for (so also in a daemonic process, which multiprocessing does not let have children: the build's
    grouping process)."""
    if not parallel or "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return Beside(work)
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_child, args=(work, sender), daemon=True)
    process.start()
    sender.close()  # the child holds its own end: recv() sees EOF if the child dies
    return Beside(work, process, receiver)


def _child(work: Callable[[], Any], sender: Connection) -> None:
    try:
        answer: tuple[bool, Any] = (False, work())
    except BaseException as err:  # every failure goes back to the parent, which raises it
        answer = (True, err)
    sender.send(answer)
    sender.close()
    os._exit(0)  # no atexit handlers or finalizers of the parent's objects in the child
