"""The ``target`` role of commitment_actors: whom a concern, opposition, welcome or
support is about ("We are concerned that North Korea ...": PRK), when it is
neither a committer nor the addressee of the clause.

Rule: for a clause of kind concern, opposition, welcome or support, every actor
mentioned in the clause after its trigger and starting within ``WINDOW``
characters of it (the object of the trigger, not an actor named in passing later
in a long clause) is a target, except the clause's committers and addressees and
actors of type ``office`` ("our ministers"). A
possessive or a subject of the complement counts alike ("welcome Japan's
decision", "concerned that North Korea continues"): the clause is about them.
"""
from __future__ import annotations

__all__ = ["TARGET_KINDS", "clause_targets"]

TARGET_KINDS = frozenset({"concern", "opposition", "welcome", "support"})
WINDOW = 80


def clause_targets(commitment, actor_mentions) -> tuple[str, ...]:
    """actor_ids of the clause's targets, in order of first mention."""
    if commitment.kind not in TARGET_KINDS:
        return ()
    taken = set(commitment.committers) | set(commitment.addressees)
    lo = commitment.trigger_start + len(commitment.trigger)
    out: list[str] = []
    for m in sorted(actor_mentions, key=lambda m: m.start):
        if m.start < lo or m.start > lo + WINDOW or m.end > commitment.end:
            continue
        a = m.entity
        if a.actor_type == "office" or a.actor_id in taken or a.actor_id in out:
            continue
        out.append(a.actor_id)
    return tuple(out)
