"""Hand memory freed by a finished stage back to the operating system.

CPython frees objects into glibc's heap, which keeps the pages; after a stage
that made and dropped many objects (extraction, a table turned into CSV) the
process would carry that garbage into the next stage's peak. ``malloc_trim``
returns the free pages. Elsewhere (macOS, musl) this is a no-op.
"""
from __future__ import annotations

import ctypes
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    try:  # the symbols already loaded (find_library would fork a subprocess)
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def release_freed_memory() -> None:
    """Collect garbage, then give free heap pages back to the OS (glibc only)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
