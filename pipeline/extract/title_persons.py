"""Persons named only in a statement's title.

Many statements are issued "by U.S. President Joseph R. Biden, Dutch Prime
Minister Dick Schoof, ..." and never name the leaders again in the body. The
title is not part of ``statements.text``, so such a person has no grounded
mention; they are still actors of the statement: a ``statement_actors`` row
with ``mentions`` 0 (as for a party never named), the office the title gives
(``title``) and the state its national adjective or "of <state>" gives
(``actors.country``).

The title goes through the same actor rules as the body (``find_actors``), and
only its persons are kept. A heading is title-cased, so the office read before a
name ("Joint Statement Following the Meeting Between President") is cut to its
last office phrase: the last office word of ``actors_office_titles.csv`` with
the capitalised words before it that are not heading words
(``titles_heading_words.csv``) and what follows it ("President of the UAE",
"National Security Advisor"). The person's state is the state named inside that
office ("President of France"), else a national adjective before it or "of
<state>" after the name (``titles.person_countries``), else what the actor rules
found. A title person who is also named in the body (same
person by the name rule of ``persons.py``: one name's words all among the
other's, "President Biden" / "Joe Biden") is left to the body's mention.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from pipeline.extract.persons import name_tokens
from pipeline.extract.titles import _offices, _rows, person_countries, person_titles
from pipeline.model import Actor, Mention

__all__ = ["TitlePerson", "heading_office", "title_persons"]

HEADING_WORDS = Path(__file__).resolve().parent.parent / "data" / "titles_heading_words.csv"


@lru_cache(maxsize=1)
def _heading_words() -> frozenset[str]:
    return frozenset(r["word"].strip() for r in _rows(HEADING_WORDS))


def heading_office(office: str | None) -> str | None:
    """The last office phrase of an office read from a title-cased heading
    ("Joint Readout of the Meeting Between President" -> "President")."""
    if not office:
        return None
    words = office.split()
    last = max((i for i, w in enumerate(words) if w in _offices()), default=None)
    if last is None:
        return None
    k = last
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1] not in _heading_words() \
            and not words[k - 1].endswith("."):
        k -= 1
    return " ".join(words[k:])


@dataclass(frozen=True)
class TitlePerson:
    actor: Actor
    office: str | None


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def title_persons(title: str | None, body_mentions: list[Mention]) -> list[TitlePerson]:
    """The persons of ``title`` not named in the body (``body_mentions``), in title order."""
    if not title or not title.strip():
        return []
    mentions = find_actors(make_doc(title))
    persons = [m for m in mentions if m.entity.actor_type == "person"]
    if not persons:
        return []
    offices = {a: heading_office(o) for a, o in person_titles(title, mentions).items()}
    countries = person_countries(title, mentions)
    states = [m for m in mentions if m.entity.actor_type == "state" and m.entity.iso3]
    in_body = [name_tokens(m.entity.name) for m in body_mentions if m.entity.actor_type == "person"]
    out: list[TitlePerson] = []
    seen: set[str] = set()
    for m in persons:
        actor = m.entity
        toks = name_tokens(actor.name)
        if actor.actor_id in seen or any(_same_person(toks, b) for b in in_body):
            continue
        seen.add(actor.actor_id)
        office = offices.get(actor.actor_id)
        country = _state_in_office(title, m, office, states) or countries.get(actor.actor_id) or actor.country
        out.append(TitlePerson(replace(actor, country=country), office))
    return out


def _state_in_office(title: str, person: Mention, office: str | None, states: list[Mention]) -> str | None:
    """The state named inside the office written right before the person ("President of France")."""
    if not office:
        return None
    at = title.rfind(office, 0, person.start)
    if at < 0:
        return None
    inside = [s.entity.iso3 for s in states if at <= s.start and s.end <= at + len(office)]
    return inside[-1] if inside else None
