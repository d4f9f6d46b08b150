"""The garbage collector and the extractors' long-lived data.

The lexicons, gazetteers and compiled patterns are loaded once per process
(``lru_cache``) and live as long as it does: hundreds of thousands of objects
that Python's cyclic collector would otherwise walk at every full collection,
while extraction allocates (and frees) millions of short-lived ones. Once the
first statement of a process has been extracted, everything alive is moved to
the collector's permanent generation (``gc.freeze``): it is never walked again
and never freed, which is what a process-long cache is anyway. Measured on the
pool: about 5% of extraction time (benchmarks/RESULTS.md). Objects created
later are collected as usual, but less often: extraction makes and drops tens of
thousands of small objects per statement (tokens, matches, spans), so the
youngest generation is collected after 50,000 allocations instead of 700, which
saves another 3-4% (measured on the pool's CPU time, best of three, alternating
runs); the older generations keep their thresholds.
"""
from __future__ import annotations

import gc

_settled = False
YOUNG_THRESHOLD = 50_000


def settle_once() -> None:
    """Collect, then freeze what survives; the first call in a process only."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, old)
