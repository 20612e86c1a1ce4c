"""Giving memory back to the system once the corpus is no longer needed."""

from __future__ import annotations

import ctypes
import gc


def release_freed_memory() -> None:
    """Collect what is unreachable, then ask the C allocator to return its free pages to the system.

    CPython hands the memory of freed strings and lists to the C allocator, and glibc keeps it for reuse: at
    50k articles the build process still held 1.31 of its 1.88 GB after letting the corpus go. The mkdocs
    processes that run next are the ones that need it. Without glibc (macOS, musl) this does nothing."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
