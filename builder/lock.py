"""One build at a time per project: an advisory lock on .cache/build.lock.

A second build started while one runs exits at once with a message naming the running build's pid, rather
than waiting: two builds swapping docs/ and site/ in turn would each undo the other's work. The kernel drops
the lock when its holder dies (even by SIGKILL), so a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.errors import BuildLockedError


def lock_path(root: Path) -> Path:
    return root / ".cache" / "build.lock"


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    path = lock_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BuildLockedError(
                f"{path}: another build is running (pid {holder}) — wait for it to finish, then build again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
