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


# ---- near-duplicate names across statements ---------------------------------------

_MERGE_STOP = _STOP


def _merge_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in _words(name) if w not in _MERGE_STOP)


def _near(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words, or the same number of words each equal or sharing its first six
    letters ("Agricultural"/"Agriculture Innovation Mission for Climate")."""
    if a == b:
        return True
    return len(a) == len(b) >= 3 and all(x == y or (len(x) >= 6 and len(y) >= 6 and x[:6] == y[:6])
                                         for x, y in zip(a, b))


def merge_near_duplicates(agreements, weight: dict[str, int] | None = None) -> dict[str, object]:
    """{old agreement_id: kept Agreement} for specific (not generic) names that differ
    only in small words or endings: "Partnership for Global Infrastructure and
    Investment" = "Partnership for Global Infrastructure Investment", "Partners in
    the Blue Pacific" = "Partners of the Blue Pacific". The kept one is the most
    mentioned (then the longer name, then the smaller id). Generic names, whose ids
    carry the parties, are never merged."""
    weight = weight or {}
    items = sorted((a for a in agreements if not is_generic(a.name)), key=lambda a: a.agreement_id)
    keys = [_merge_key(a.name) for a in items]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if keys[i] and _near(keys[i], keys[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    out: dict[str, object] = {}
    for ms in groups.values():
        if len(ms) < 2:
            continue
        best = min(ms, key=lambda m: (-weight.get(items[m].agreement_id, 0), -len(items[m].name),
                                      items[m].agreement_id))
        for m in ms:
            out[items[m].agreement_id] = items[best]
    return out


def remap_agreement_frames(name: str, frame, mapping: dict[str, object]):
    """statement_agreements and mentions with merged agreements' ids replaced (a
    statement naming two merged spellings keeps one row: the strongest status, the
    first event date, the summed mentions); other tables as they are."""
    from pipeline.extract.agreements import STATUS_RANK

    ids = {old: a.agreement_id for old, a in mapping.items() if old != a.agreement_id}
    if not ids:
        return frame
    if name == "mentions":
        from pipeline.extract.persons import remap_mentions

        return remap_mentions(frame, "agreement", ids)
    if name != "statement_agreements":
        return frame
    frame = frame.copy()
    frame["agreement_id"] = frame["agreement_id"].replace(ids)
    keys = ["statement_id", "agreement_id"]
    if not frame.duplicated(keys).any():
        return frame
    frame["_rank"] = frame["status"].map(STATUS_RANK)
    frame = frame.sort_values(keys + ["_rank"], ascending=[True, True, False], kind="stable")
    agg = frame.groupby(keys, sort=False, as_index=False).agg(
        status=("status", "first"), event_date=("event_date", "first"), mentions=("mentions", "sum"))
    return agg[[c for c in frame.columns if c != "_rank"]]


# ---- events are not agreements ---------------------------------------------------

EVENTS = Path(__file__).resolve().parent.parent / "data" / "agreements_event_heads.csv"


@lru_cache(maxsize=1)
def _event_rules() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    with EVENTS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    heads = frozenset(r["head"].strip().lower() for r in rows if r["kind"].strip() == "head")
    pats = tuple(re.compile(r["head"].strip(), re.IGNORECASE) for r in rows if r["kind"].strip() == "pattern")
    return heads, pats


def is_event(name: str) -> bool:
    """True for a summit, conference, COP or similar one-off session."""
    heads, pats = _event_rules()
    words = _words(name)
    return bool(words and words[-1] in heads) or any(p.fullmatch(name.strip()) for p in pats)


def drop_events(mentions: list[AgreementMention], text: str | None = None) -> list[AgreementMention]:
    """The statement's agreement mentions without those of events. With the text, a summit or conference
    the statement shows as a series ("the second X Summit", "another X Summit", "the next X Conference",
    "the X Summit process") is a regular meeting, a mechanism, and stays."""
    from pipeline.extract.agreement_names import _SERIES
    series = set()
    if text is not None:
        for m in mentions:
            if _event_row(m):
                before = text[max(0, m.start - 25):m.start]
                before = re.split(r"[.;:!?]\s", before)[-1]
                if _SERIES.search(before) or re.match(r"\s+(?:process|series|platform|annually|regularly|every\s+year)\b", text[m.end:m.end + 16]):
                    series.add(m.entity.agreement_id)
    return [m for m in mentions if not _event_row(m) or m.entity.agreement_id in series]


def _event_row(m: AgreementMention) -> bool:
    """A meeting named as an event; a framework named after one ("X Summit Year of Action") is none."""
    return m.entity.kind == "mechanism" and is_event(m.entity.name)
