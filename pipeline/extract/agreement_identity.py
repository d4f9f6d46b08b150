"""Agreement identity across statements: a generic name is qualified by the parties.

"Comprehensive Strategic Partnership" names a different instrument for Canada and
Japan than for India and Australia, so its ``agreement_id`` carries the parties'
codes: ``can-jpn-comprehensive-strategic-partnership`` (DATA_MODEL.md,
agreement_id). Which names are generic is data: ``pipeline/data/agreements_generic.csv``
lists heads ("partnership", "roadmap", "dialogue") and modifiers ("comprehensive",
"strategic", "economic"); a name all of whose words are heads or modifiers, with at
least one head, is generic. A name with any other word ("Paris Agreement",
"Canada-Japan Action Plan", "Indo-Pacific Economic Framework") is specific and keeps
its slug.

The qualifier is the statement's parties: the ISO 3166 alpha-3 codes of its state
parties (the actor_id of any other party), lower-cased, sorted and joined by "-".
Two statements of the same parties give the same id; disjoint parties never do.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.ids import slug
from pipeline.model import Actor, AgreementMention

DATA = Path(__file__).resolve().parent.parent / "data" / "agreements_generic.csv"
_STOP = frozenset({"and", "of", "on", "for", "the", "in", "to", "a", "an"})

__all__ = ["is_generic", "party_qualifier", "qualified_id", "qualify_generic_agreements"]


@lru_cache(maxsize=1)
def _terms() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(term words, role), longest terms first (so "strategic partnership" wins)."""
    with DATA.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    terms = []
    for r in rows:
        role = r["role"].strip()
        if role not in ("head", "modifier"):
            raise ValueError(f"{DATA.name}: bad role {role!r}")
        terms.append((tuple(_words(r["term"])), role))
    return tuple(sorted(terms, key=lambda t: -len(t[0])))


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", name.lower().replace("’", "'"))]


def is_generic(name: str) -> bool:
    """True when every word of the name is a generic head or modifier, with one head at least."""
    words = _words(name)
    i, heads = 0, 0
    while i < len(words):
        if words[i] in _STOP:
            i += 1
            continue
        for term, role in _terms():
            # "the" etc. inside a term are kept ("terms of reference", "plan of action")
            if tuple(words[i:i + len(term)]) == term:
                heads += role == "head"
                i += len(term)
                break
        else:
            return False
    return heads > 0


def party_qualifier(parties: list[Actor]) -> str:
    codes = sorted({(p.iso3 or p.actor_id).lower() for p in parties})
    return "-".join(codes)


def qualified_id(agreement_id: str, parties: list[Actor]) -> str:
    q = party_qualifier(parties)
    return slug(f"{q} {agreement_id}") if q else agreement_id


def qualify_generic_agreements(mentions: list[AgreementMention], parties: list[Actor]) -> list[AgreementMention]:
    """The statement's agreement mentions, with the id of each generic name qualified by
    the parties (the same Agreement object for all mentions of one instrument)."""
    if not parties:
        return mentions
    renamed: dict[int, object] = {}
    out = []
    for m in mentions:
        ag = m.entity
        if is_generic(ag.name):
            new = renamed.get(id(ag))
            if new is None:
                new = renamed[id(ag)] = replace(ag, agreement_id=qualified_id(ag.agreement_id, parties))
            m = replace(m, entity=new)
        out.append(m)
    return out
