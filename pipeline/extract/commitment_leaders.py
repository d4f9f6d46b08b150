"""Individuals as speakers: which party a named person (or a leader's bare title) speaks for.

``leader_map`` reads, per statement, the titles written before each person's name ("President X
of the United States", "the Prime Minister of Iraq, X", "Mexican President X") and maps persons
and titles to parties; the subject rules (``commitment_subjects``) then read "President X
reiterated ..." or "The President and the Taoiseach agreed ..." as those parties' commitments.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actors import _trie_regex, read_data, lexicon as actor_lexicon
from pipeline.model import Actor, Mention

# Titles of heads of state or government: a person introduced with one of them and
# still without a country, when exactly one party has no leader named, is that
# party's leader (general knowledge of the genre, not of one statement).
LEADER_TITLES = frozenset({
    "president", "prime minister", "chancellor", "premier", "taoiseach", "king", "queen", "emir", "amir",
    "sultan", "crown prince", "sheikh", "his majesty", "her majesty", "his royal highness", "his highness"})


@lru_cache(maxsize=1)
def _title_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(title right before a name, "Title of <state>, " before a name, any capitalised title)."""
    lx = actor_lexicon()
    honorific = {r["term"] for r in read_data("actors_lexicon.csv") if r["kind"] == "honorific"}
    honorific |= {t for t in lx.titles if t.endswith(".")}
    titles = sorted(t for t in lx.titles if t not in honorific)
    trie = _trie_regex(titles)
    before = re.compile(r"(?:(?<=[\s(\"“])|^)(" + trie + r")\s+$")
    title_of = re.compile(r"(?:(?<=[\s(\"“])|^)(" + trie + r")\s+of\s+(?:the\s+)?[A-Z][^,;.\n]{1,60},\s*$")
    anywhere = re.compile(r"(?<![\w-])(" + trie + r")(?![\w-])")
    return before, title_of, anywhere


def _norm_title(t: str) -> str:
    return re.sub(r"\s+", " ", t).lower()


def leader_map(text: str, parties: list[Actor], mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """Per statement: person actor_id -> party, and title ("president", "taoiseach") -> party.

    A person's party is its country when that is a party ("President X of the United States",
    "the Prime Minister of Iraq, X", "Taoiseach X", "Mexican President X"); a person introduced
    with a leader title and no country is the leader of the one party left without a leader.
    A title maps to a party when every person introduced with it in the statement belongs to
    that party (two Presidents: the bare title is ambiguous and maps to nothing).
    """
    before, title_of, _ = _title_regexes()
    lx = actor_lexicon()
    party_set = {a.actor_id for a in parties}
    person_titles: dict[str, set[str]] = {}
    country: dict[str, str | None] = {}
    for m in mentions:
        ent = m.entity
        if not isinstance(ent, Actor) or ent.actor_type != "person":
            continue
        country.setdefault(ent.actor_id, None)
        if ent.country and country[ent.actor_id] is None:
            country[ent.actor_id] = ent.country
        lo = max(0, m.start - 120)
        pos = m.start
        titles = person_titles.setdefault(ent.actor_id, set())
        tm = title_of.search(text, lo, pos)
        if tm:
            titles.add(_norm_title(tm.group(1)))
            pos = tm.start(1)
        for _ in range(3):  # "His Majesty King X", "Mexican President X"
            bm = before.search(text, max(0, pos - 60), pos)
            if not bm:
                break
            t = _norm_title(bm.group(1))
            titles.add(t)
            implied = lx.titles.get(bm.group(1))
            if implied and country[ent.actor_id] is None:
                country[ent.actor_id] = implied
            pos = bm.start(1)
    person_party = {pid: c for pid, c in country.items() if c in party_set}
    led = set(person_party.values())
    free_parties = [p.actor_id for p in parties if p.actor_id not in led]
    free_leaders = [pid for pid, c in country.items()
                    if c is None and person_titles.get(pid, set()) & LEADER_TITLES]
    if len(free_parties) == 1 and len(free_leaders) == 1:
        person_party[free_leaders[0]] = free_parties[0]
    owners: dict[str, set] = {}
    for pid, titles in person_titles.items():
        for t in titles:
            owners.setdefault(t, set()).add(person_party.get(pid) or country.get(pid) or pid)
    title_party = {t: next(iter(o)) for t, o in owners.items() if len(o) == 1 and next(iter(o)) in party_set}
    for t, iso in lx.titles.items():  # "the Taoiseach": a title only one state has
        if iso in party_set and _norm_title(t) not in owners:
            title_party[_norm_title(t)] = iso
    return person_party, title_party
