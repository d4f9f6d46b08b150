"""Individuals as speakers: which party a named person (or a leader's bare title) speaks for.

``leader_map`` reads, per statement, the titles written before each person's name ("President X
of the United States", "the Prime Minister of Iraq, X", "Mexican President X") and maps persons
and titles to parties; the subject rules (``commitment_subjects``) then read "President X
reiterated ..." or "The President and the Taoiseach agreed ..." as those parties' commitments.
It also reads a demonym or a possessive state before title words ("Seldan National Security Advisor X",
"Selda’s Minister of Health X"), a title of a
state in commas after the name ("X, Minister of Foreign Affairs of Norway,": ``appositions``),
and, in a two-party statement, the host of a guest of the other party ("X hosted Norwegian
Adviser Y"), the statement's title ("Meeting of President A and His Majesty King B of Jordan":
``_title_countries``), a bare "His Majesty" as the one monarch named, and the counterpart of the
other parties' office holders ("Advisor A, Seldan Advisor B and Koran Advisor C": A is the one party
left) before a free leader. A short form of a name whose state the text gave ("Sheikh A bin B" after
"Sheikh A bin B Al C, President of Seldan,") is of that state (``_short_forms``). When the text gives no state, the shipped gazetteer of office holders is
the fallback (``office_holders.holder_state``: a holder's full name, or a surname of exactly one holder
in office in the statement's year).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pipeline.extract.actors import _trie_regex, read_data, lexicon as actor_lexicon
from pipeline.extract.office_holders import holder_state
from pipeline.extract.persons import name_tokens
from pipeline.model import Actor, Mention

# Titles of heads of state or government: a person introduced with one of them and
# still without a country, when exactly one party has no leader named, is that
# party's leader (general knowledge of the genre, not of one statement).
LEADER_TITLES = frozenset({
    "president", "prime minister", "chancellor", "premier", "taoiseach", "king", "queen", "emir", "amir",
    "sultan", "crown prince", "sheikh", "his majesty", "her majesty", "his royal highness", "his highness",
    # their deputies and foreign ministers speak for their state in readouts the same way
    "vice president", "vice-president", "deputy prime minister", "foreign minister", "secretary of state"})


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


MONARCH_TITLES = frozenset({"king", "queen", "emir", "amir", "sultan", "crown prince", "his majesty", "her majesty",
                            "his royal highness", "his highness"})
# the honorifics that stand alone for a monarch ("His Majesty welcomed ...")
MONARCH_HONORIFICS = ("his majesty", "her majesty", "his royal highness", "her royal highness", "his highness",
                      "her highness")
HONORIFIC_RE = re.compile(r"(?<![\w-])(?:His|Her)\s+(?:Royal\s+)?(?:Majesty|Highness)(?![\w-])")

# "X, Minister of Foreign Affairs of Norway, ...": the title words between a name and "of <state>"
_APPOSED_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,8}?of\s+(?:the\s+)?")
_CLOSE = re.compile(r"\s*,")
_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w.-]*[ \t]+(?:(?:of|for|and|on)[ \t]+(?=[A-Z]))?){1,6}$")  # within one line
_CAP_WORD = re.compile(r"[A-Z][\w.-]*\s+")
_HOSTED = re.compile(r"\s+(?:hosted|welcomed|received|met\s+with)\s+")


def appositions(text: str, mentions: list[Mention]) -> dict[int, tuple[Mention, Mention]]:
    """Names followed by a title of their state in commas ("Espen Barth Eide, Minister of Foreign
    Affairs of Norway, signed"): end of the closing comma -> (person mention, state mention)."""
    starts: dict[int, Mention] = {}
    for m in mentions:
        starts.setdefault(m.start, m)
    out = {}
    for m in mentions:
        if not isinstance(m.entity, Actor) or m.entity.actor_type != "person":
            continue
        tm = _APPOSED_TITLE.match(text, m.end, m.end + 140)
        st = starts.get(tm.end()) if tm else None
        if st is None or st.entity.actor_type != "state":
            continue
        close = _CLOSE.match(text, st.end)
        if close:
            out[close.end()] = (m, st)
    return out


def _norm_title(t: str) -> str:
    return re.sub(r"\s+", " ", t).lower()


def _title_countries(title: str | None, parties: list[Actor], country: dict[str, str | None],
                     names: dict[str, set[str]]) -> None:
    """"Meeting of President A and His Majesty King B of Jordan": a person named in the statement's
    title right before "of <party>" is that party's (sets ``country`` for persons still without one)."""
    if not title:
        return
    from pipeline.extract.actors import find_actors  # the title is short: one look-up per statement
    party_ids = {a.actor_id for a in parties}
    title = re.sub(r"\s+", " ", title)
    for st in find_actors(title):
        if not isinstance(st.entity, Actor) or st.entity.actor_id not in party_ids:
            continue
        run = _TITLE_NAME_OF.search(title, max(0, st.start - 90), st.start)
        if run is None:
            continue
        words = run.group(1)
        for pid, forms in names.items():
            if country.get(pid) is None and any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", words) for f in forms):
                country[pid] = st.entity.actor_id


def _short_forms(person_names: dict[str, str], country: dict[str, str | None]) -> None:
    """"Sheikh A bin B Al C, President of Seldan, ... Sheikh A bin B welcomed": a person without a state
    whose name is part of the name of persons of one state in the same statement is of that state."""
    toks = {pid: name_tokens(n) for pid, n in person_names.items()}
    for pid, t in sorted(toks.items(), key=lambda kv: -len(kv[1])):  # the longer names first
        if country.get(pid) is not None or not t:
            continue
        states = {country.get(o) for o, ot in toks.items() if o != pid and t < ot}
        if len(states) == 1 and None not in states:
            country[pid] = next(iter(states))


# "... His Majesty King Abdullah II of (the) ": the capitalised run (a title and a name) before "of <state>"
_TITLE_NAME_OF = re.compile(r"((?:[A-Z][\w.’'-]*,?\s+){1,8}?)of\s+(?:the\s+)?$")


def leader_map(text: str, parties: list[Actor], mentions: list[Mention],
               title: str | None = None, date: dt.date | None = None) -> tuple[dict[str, str], dict[str, str]]:
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
    names: dict[str, set[str]] = {}
    for m in mentions:
        if isinstance(m.entity, Actor) and m.entity.actor_type == "person":
            names.setdefault(m.entity.actor_id, set()).add(text[m.start:m.end])
    _title_countries(title, parties, country, names)
    ends = {m.end: m for m in mentions if isinstance(m.entity, Actor) and m.entity.actor_type == "state"}
    for m in mentions:  # "Seldan National Security Advisor X": a demonym before the title words
        if not isinstance(m.entity, Actor) or m.entity.actor_type != "person" or country.get(m.entity.actor_id):
            continue
        words = _TITLE_WORDS_BEFORE.search(text, max(0, m.start - 80), m.start)
        pos = words.start() if words else m.start
        # "Seldan President A and President B": the title words of B start after the person named before
        pos = max([pos] + [p.end for p in mentions if pos <= p.end <= m.start and p.start < m.start
                           and isinstance(p.entity, Actor) and p.entity.actor_type == "person"])
        for w in (_CAP_WORD.finditer(text, pos, m.start) if words else ()):
            st = ends.get(w.start() - 1)
            if st is None and text[w.start() - 3:w.start() - 1] in ("’s", "'s"):
                st = ends.get(w.start() - 3)  # "Mexico’s Secretary of Security X": a possessive state before the title
            elif st is None and text[w.start() - 2] in "’'":
                st = ends.get(w.start() - 2)  # "the United States’ Homeland Security Advisor X"
            if st is not None and text[w.start() - 1] == " ":
                country[m.entity.actor_id] = st.entity.actor_id
                break
    for person, state in appositions(text, mentions).values():
        if country.get(person.entity.actor_id) is None:
            country[person.entity.actor_id] = state.entity.actor_id
    person_names = {m.entity.actor_id: m.entity.name for m in mentions
                    if isinstance(m.entity, Actor) and m.entity.actor_type == "person"}
    _short_forms(person_names, country)
    for pid, name in person_names.items():  # the gazetteer of office holders, when the text says nothing
        if country.get(pid) is None:
            country[pid] = holder_state(name, date)
    person_party = {pid: c for pid, c in country.items() if c in party_set}
    led = set(person_party.values())
    # a forum speaking as one party ("the G7") has no leader of its own to be left over
    free_parties = [p.actor_id for p in parties if p.actor_id not in led and p.actor_type != "forum"]
    free_leaders = [pid for pid, c in country.items()
                    if c is None and person_titles.get(pid, set()) & LEADER_TITLES]
    if len(free_parties) == 1:
        # "Advisor A, Korean Advisor B and Japanese Advisor C met": the one person left without a party
        # who holds the office of the other parties' persons (their counterpart) is the remaining party's
        held = {t for pid, c in person_party.items() for t in person_titles.get(pid, ())}
        counterparts = [pid for pid, c in country.items() if c is None and person_titles.get(pid, set()) & held]
        if len(counterparts) == 1:
            person_party[counterparts[0]] = free_parties[0]
            free_parties = []
    if len(free_parties) == 1 and len(free_leaders) == 1:
        person_party[free_leaders[0]] = free_parties[0]
    if len(party_set) == 2:
        # "X hosted Israeli Adviser Y": host and guest of a two-party meeting speak for different parties
        persons = [m for m in mentions if isinstance(m.entity, Actor) and m.entity.actor_type == "person"]
        for n, m in enumerate(persons):
            if m.entity.actor_id in person_party:
                continue
            hm = _HOSTED.match(text, m.end)
            guest = next((g for g in persons[n + 1:n + 2] if hm and g.start <= hm.end() + 80
                          and not re.search(r"[.;\n]", text[hm.end():g.start])), None)
            party = person_party.get(guest.entity.actor_id) if guest is not None else None
            if party is not None:
                person_party[m.entity.actor_id] = next(p for p in party_set if p != party)
    owners: dict[str, set] = {}
    for pid, titles in person_titles.items():
        for t in titles:
            owners.setdefault(t, set()).add(person_party.get(pid) or country.get(pid) or pid)
    title_party = {t: next(iter(o)) for t, o in owners.items() if len(o) == 1 and next(iter(o)) in party_set}
    monarchies = {person_party.get(pid) or country.get(pid) for pid, titles in person_titles.items()
                  if titles & MONARCH_TITLES}
    if len(monarchies) == 1 and next(iter(monarchies)) in party_set:
        # "His Majesty thanked ...": the bare honorific is the one monarch's (one party has a king)
        for h in MONARCH_HONORIFICS:
            title_party.setdefault(h, next(iter(monarchies)))
    for t, iso in lx.titles.items():  # "the Taoiseach": a title only one state has
        if iso in party_set and _norm_title(t) not in owners:
            title_party[_norm_title(t)] = iso
    return person_party, title_party
