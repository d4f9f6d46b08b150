"""The garbage collector and the extractors' long-lived data.

The lexicons, gazetteers and compiled patterns are loaded once per process
(``lru_cache``) and live as long as it does: hundreds of thousands of objects
that Python's cyclic collector would otherwise walk at every full collection,
while extraction allocates (and frees) millions of short-lived ones. Once the
first statement of a process has been extracted, everything alive is moved to
the collector's permanent generation (``gc.freeze``): it is never walked again
and never freed, which is what a process-long cache is anyway. Measured on the
pool: about 8% of extraction time (benchmarks/RESULTS.md). Objects created
later are collected as usual.
"""
from __future__ import annotations

import gc

_settled = False


def settle_once() -> None:
    """Collect, then freeze what survives; the first call in a process only."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
