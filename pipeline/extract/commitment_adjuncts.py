"""A hedging adjunct in commas between a party subject and its verb (round 9).

"X and Y, consistent with their respective procedures, will ...", "X, in accordance with its laws,
intends to ...": the adjunct qualifies the act, it is no subject; the subject ends before its
opening comma. Openers are a word list (pipeline/data/commitment_adjuncts.csv).
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.extract.actor_lexicon import read_data

_MAX_TOKENS = 16  # an adjunct longer than this is a clause of its own


@lru_cache(maxsize=1)
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r["opener"].split()) for r in read_data("commitment_adjuncts.csv"))


def adjunct_comma(low: list[str], k: int, floor: int) -> int | None:
    """Token k is the comma closing an adjunct; the index of the comma opening it, or None."""
    if low[k] != ",":
        return None
    j = k - 1
    while j > floor and k - j <= _MAX_TOKENS and low[j] not in (",", ";", ":"):
        j -= 1
    if j <= floor or low[j] != ",":
        return None
    words = tuple(low[j + 1:k])
    if any(words[:len(o)] == o for o in _openers()):
        return j
    return None
