"""An organisation and its executive body speak as one party in a commitment.

The executive body of an organisation (``actors_executive_bodies.csv``: the European Commission for
the European Union, the African Union Commission for the African Union, ...) issues statements in the
organisation's name (ANNOTATION.md, "Members and sub-bodies": a body of a party speaks for it). So
when one of the two is a party, a clause whose subject names the other is the party's: "The European
Commission will intensify work" in a statement of the EU, "The United States and the EU are
committed to" in one whose party is the Commission.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.extract.parties import _executive_bodies


@lru_cache(maxsize=64)
def same_speaker(party_set: frozenset[str]) -> dict[str, str]:
    """actor_id of a body or organisation that is no party -> the party it speaks as."""
    out: dict[str, str] = {}
    for body, (org, leaders) in _executive_bodies().items():
        if leaders:
            continue  # the leaders' body (the European Council) mostly reports its own past decisions
        if org.actor_id in party_set and body not in party_set:
            out[body] = org.actor_id
        elif body in party_set and org.actor_id not in party_set:
            out[org.actor_id] = body
    return out
