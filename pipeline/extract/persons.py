"""One actor per person across statements: spellings merged by a tested rule.

The rule, on normalised names (ASCII-folded, lower-cased, without honorifics,
suffixes such as "Jr." and single-letter initials, with short given names
mapped to their full form by ``pipeline/data/persons_nicknames.csv``, romanisation variants of
one given name mapped to one spelling by ``pipeline/data/persons_spelling_variants.csv``
("Mohamed" = "Mohammed" = "Muhammad"), and a hyphen inside a word whose next syllable is
lower-case read as a space, as in romanised Korean given names: "Suk-yeol" = "Suk Yeol"
(a hyphen before a capital joins two names and stays: "Sherwood-Randall")):

1. Two names of two words or more are one person when the words of one are all
   words of the other ("Joe Biden" = "Joseph R. Biden Jr."; "Kishida Fumio" =
   "Fumio Kishida"), and their countries do not differ.
2. A one-word name ("Biden", "Kishida") is that person when exactly one group of
   rule 1 contains the word, with no differing country; when two groups do
   ("Berg" with "Anna Berg" and "Tomas Berg"), it stays on its own -- unless exactly one
   of those groups has a member named in a statement that names the one-word name too
   (``statements``: actor_id -> statement ids), which is then the person meant.

Each group keeps the actor_id and name of its shortest full name, the common
form (fewest name words, then fewest characters: "Joe Biden" rather than
"Joseph R. Biden Jr."; among equals the one mentioned most often in the corpus,
then the smaller id), and
the first country any member has. :func:`merge_persons` gives {old actor_id: merged Actor};
:func:`remap_frames` applies it to the statement_actors, commitment_actors and
mentions tables (summing mentions, keeping the first title).
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from pipeline.model import Actor

NICKNAMES = Path(__file__).resolve().parent.parent / "data" / "persons_nicknames.csv"
VARIANTS = Path(__file__).resolve().parent.parent / "data" / "persons_spelling_variants.csv"
_DROP = {"jr", "sr", "ii", "iii", "iv", "dr", "mr", "mrs", "ms", "sir", "he", "hon"}

__all__ = ["merge_persons", "name_tokens", "remap_frames", "remap_mentions"]


def _pairs(path: Path, key: str, value: str) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        return {r[key].strip(): r[value].strip()
                for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, str]:
    """Short forms and spelling variants -> the one form names are compared by."""
    out = _pairs(VARIANTS, "variant", "canonical")
    out.update(_pairs(NICKNAMES, "short", "formal"))
    return out


def name_tokens(name: str) -> frozenset[str]:
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", anyascii(name))  # Suk-yeol = Suk Yeol
    words = re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text.lower())
    nick = _nicknames()
    return frozenset(nick.get(w, w) for w in words if w not in _DROP and len(w) > 1)


class _Groups:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _compatible(a: Actor, b: Actor) -> bool:
    return not (a.country and b.country and a.country != b.country)


def merge_persons(actors, weight: dict[str, int] | None = None,
                  statements: dict[str, set] | None = None) -> dict[str, Actor]:
    """{old actor_id: the merged Actor} for every person that is merged with another
    (persons left alone are not in the result)."""
    weight = weight or {}
    statements = statements or {}
    persons = sorted((a for a in actors if a.actor_type == "person"), key=lambda a: a.actor_id)
    toks = [name_tokens(a.name) for a in persons]
    groups = _Groups(len(persons))
    full = [i for i, t in enumerate(toks) if len(t) >= 2]
    for x, i in enumerate(full):  # rule 1
        for j in full[x + 1:]:
            if (toks[i] <= toks[j] or toks[j] <= toks[i]) and _compatible(persons[i], persons[j]):
                groups.union(i, j)
    # members of each rule-1 group, and the words they use
    members: dict[int, list[int]] = {}
    for i in full:
        members.setdefault(groups.find(i), []).append(i)
    for i, t in enumerate(toks):  # rule 2
        if len(t) != 1:
            continue
        (word,) = t
        hits = [g for g, ms in members.items() if any(word in toks[m] for m in ms)]
        if len(hits) > 1:  # the one group named alongside it, if only one is
            seen = statements.get(persons[i].actor_id, set())
            hits = [g for g in hits if any(seen & statements.get(persons[m].actor_id, set())
                                           for m in members[g])] or hits
        if len(hits) == 1 and all(_compatible(persons[i], persons[m]) for m in members[hits[0]]):
            groups.union(i, hits[0])
    clusters: dict[int, list[int]] = {}
    for i in range(len(persons)):
        clusters.setdefault(groups.find(i), []).append(i)
    out: dict[str, Actor] = {}
    for ms in clusters.values():
        if len(ms) < 2:
            continue
        best = min(ms, key=lambda m: (len(toks[m]) < 2, len(toks[m]), len(persons[m].name),
                                      -weight.get(persons[m].actor_id, 0), persons[m].actor_id))
        country = persons[best].country or next((persons[m].country for m in ms if persons[m].country), None)
        merged = replace(persons[best], country=country)
        for m in ms:
            out[persons[m].actor_id] = merged
    return out


def remap_mentions(frame, entity_type: str, ids: dict[str, str]):
    """``mentions`` with the entity ids of one entity type replaced (old id -> new id);
    shared by the person and the agreement merges."""
    of_type = frame["entity_type"] == entity_type
    frame.loc[of_type, "entity_id"] = frame.loc[of_type, "entity_id"].replace(ids)
    return frame


def remap_frames(name: str, frame, mapping: dict[str, Actor]):
    """The table with merged persons' ids replaced (rows of one statement / commitment
    that become duplicates are folded); other tables are returned as they are."""
    if not mapping:
        return frame
    ids = {old: a.actor_id for old, a in mapping.items() if old != a.actor_id}
    if not ids:
        return frame
    if name == "mentions":
        return remap_mentions(frame, "actor", ids)
    if name not in ("statement_actors", "commitment_actors"):
        return frame
    frame = frame.copy()
    frame["actor_id"] = frame["actor_id"].replace(ids)
    if name == "commitment_actors":
        return frame.drop_duplicates(["commitment_id", "actor_id", "role"]).reset_index(drop=True)
    keys = ["statement_id", "actor_id"]
    if not frame.duplicated(keys).any():
        return frame
    agg = frame.groupby(keys, sort=False, as_index=False).agg(
        is_party=("is_party", "max"), mentions=("mentions", "sum"), title=("title", "first"))
    return agg[list(frame.columns)]
