"""Wikidata items of actors (``actors.wikidata_id``) from gazetteers shipped in
pipeline/data (no network look-up; each file's first line names its source).

- states: ``actors_wikidata_states.csv``, ISO 3166 alpha-3 -> Q-id, taken from Our
  World in Data's countries-regions table (tests check an excerpt of it);
- other actors: ``actors_wikidata_organizations.csv`` (actor_id -> Q-id), when
  present, for international organisations and forums.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pipeline.model import Actor

DATA = Path(__file__).resolve().parent.parent / "data"
STATES = DATA / "actors_wikidata_states.csv"
ORGANIZATIONS = DATA / "actors_wikidata_organizations.csv"
QID = re.compile(r"^Q[0-9]+$")

__all__ = ["actor_wikidata_id", "organization_qids", "state_qids"]


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _table(path: Path, key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in _rows(path):
        k, q = r[key].strip(), r["wikidata_id"].strip()
        if not QID.match(q):
            raise ValueError(f"{path.name}: {q!r} is not a Wikidata id")
        if k in out and out[k] != q:
            raise ValueError(f"{path.name}: two ids for {k!r}")
        out[k] = q
    return out


@lru_cache(maxsize=1)
def state_qids() -> dict[str, str]:
    """{ISO3: Q-id} of the shipped states table."""
    return _table(STATES, "iso3")


@lru_cache(maxsize=1)
def organization_qids() -> dict[str, str]:
    """{actor_id: Q-id} of the shipped organisations table (empty when none is shipped)."""
    return _table(ORGANIZATIONS, "actor_id")


def actor_wikidata_id(actor: Actor) -> str | None:
    """The actor's Wikidata item, where a shipped gazetteer knows it (persons: the office
    holders of ``persons_office_holders.csv``, pipeline/extract/office_holders.py)."""
    if actor.actor_type == "state" and actor.iso3:
        return state_qids().get(actor.iso3)
    if actor.actor_type == "person":
        from pipeline.extract.office_holders import holder_for_actor
        h = holder_for_actor(actor)
        return h.wikidata_id if h else None
    return organization_qids().get(actor.actor_id)
