"""Office holders: heads of state and government with their state, office, term and Wikidata
item, from ``pipeline/data/persons_office_holders.csv`` (rows of a cited Wikidata-derived table;
see its provenance line). Two uses:

- :func:`holder_for_actor`: a person actor whose name is a holder's full name ("Fumio Kishida",
  "KISHIDA Fumio", "López Obrador" within "Andrés Manuel López Obrador") and whose country does
  not differ gets that holder's Q-id (and its state when the text gave none);
- ministers and cabinet members (``persons_ministers.csv``, no terms) give a Q-id and state by full
  name only, never by a surname alone;
- :func:`holder_state`: a person the text names without its state ("President Alvarez
  reiterated ...") is a holder's state when the name is the holder's full name, or a surname
  alone and exactly one holder with that word in the name was in office in the statement's year.
  Two holders sharing the word, or none in office that year, give nothing (no guess).

Terms have year precision (the source gives years); an empty end year means in office in the
year of the source version (``as_of``), and no later.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.extract.actor_lexicon import read_data
from pipeline.extract.persons import name_tokens
from pipeline.extract.wikidata import state_qids
from pipeline.model import Actor

HOLDERS = Path(__file__).resolve().parent.parent / "data" / "persons_office_holders.csv"
# ministers, cabinet members: Q-id and state by full name only (no terms to check a surname against)
MINISTERS = Path(__file__).resolve().parent.parent / "data" / "persons_ministers.csv"

__all__ = ["Holder", "holder_for_actor", "holder_state", "holders", "ministers", "person_country"]


@dataclass(frozen=True)
class Holder:
    name: str
    wikidata_id: str
    country: str  # ISO3
    office: str
    start: int
    end: int  # last year in office (the version's year when still in office)

    def in_office(self, year: int) -> bool:
        return self.start <= year <= self.end


@lru_cache(maxsize=1)
def holders() -> tuple[Holder, ...]:
    iso = {q: code for code, q in state_qids().items()}
    out = []
    for r in read_data(HOLDERS.name):
        country = iso.get(r["countryid"])
        if country is None:
            continue
        end = int(r["end_year"]) if r["end_year"] else int(r["as_of"])
        out.append(Holder(r["officeholderLabel"], r["officeholder"], country, r["positionLabel"],
                          int(r["start_year"]), end))
    return tuple(out)


@lru_cache(maxsize=1)
def ministers() -> tuple[Holder, ...]:
    """Ministers and cabinet members (``persons_ministers.csv``): no end of term is known, so
    start and end are 0 and they never answer a surname alone."""
    iso = {q: code for code, q in state_qids().items()}
    out = []
    for r in read_data(MINISTERS.name):
        country = iso.get(r["country"])
        if country is not None and r["person"]:
            out.append(Holder(r["personLabel"], r["person"], country, r["positionLabel"], 0, 0))
    return tuple(out)


@lru_cache(maxsize=1)
def _tokens() -> tuple[tuple[Holder, frozenset[str]], ...]:
    return tuple((h, name_tokens(h.name)) for h in holders())


@lru_cache(maxsize=1)
def _all_tokens() -> tuple[tuple[Holder, frozenset[str]], ...]:
    return _tokens() + tuple((h, name_tokens(h.name)) for h in ministers())


def _full_name_matches(toks: frozenset[str]) -> list[Holder]:
    return [h for h, ht in _all_tokens() if len(ht) >= 2 and (toks <= ht or ht <= toks)]


def holder_for_actor(actor: Actor) -> Holder | None:
    """The holder a person actor is, by its full name (two words or more) and a country that
    does not differ; None when no holder or two different persons fit."""
    if actor.actor_type != "person":
        return None
    toks = name_tokens(actor.name)
    if len(toks) < 2:
        return None
    hits = [h for h in _full_name_matches(toks) if actor.country in (None, h.country)]
    if len({(h.wikidata_id, h.country) for h in hits}) != 1:
        return None
    return hits[0]


def holder_state(name: str, date: dt.date | None) -> str | None:
    """The state (ISO3) of the holder a name in a statement of ``date`` is: a full name of one
    holder, or a surname of exactly one holder in office in that year; else None."""
    toks = name_tokens(name)
    if not toks:
        return None
    if len(toks) >= 2:
        hits = _full_name_matches(toks)
    else:
        if date is None:
            return None
        (word,) = toks
        hits = [h for h, ht in _tokens() if word in ht and h.in_office(date.year)]
    if len({h.wikidata_id for h in hits}) != 1:
        return None
    return hits[0].country


def person_country(actor: Actor) -> str | None:
    """A person actor's state from the holder it is (None for other actors or no holder)."""
    h = holder_for_actor(actor)
    return h.country if h else None
