"""PLOVER event types for commitment clauses (``commitments.plover_type``).

The mapping is data: ``pipeline/data/plover_mapping.csv`` (kind, optional trigger
lemma -> PLOVER category, with the codebook definition that justifies each row).
A trigger is matched by its lemma: the written form lower-cased, with regular
inflections (-s, -es, -d, -ed, -ing, doubled consonants) and the irregular
forms of ``commitment_irregular_verbs.csv`` undone.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
MAPPING = DATA / "plover_mapping.csv"
IRREGULAR = DATA / "commitment_irregular_verbs.csv"

__all__ = ["lemma_candidates", "load_mapping", "plover_type"]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=1)
def load_mapping() -> dict[tuple[str, str], str | None]:
    """{(kind, trigger lemma or ""): PLOVER type or None}."""
    out: dict[tuple[str, str], str | None] = {}
    for r in _rows(MAPPING):
        key = (r["kind"].strip(), r["trigger_lemma"].strip().lower())
        if key in out:
            raise ValueError(f"{MAPPING.name}: duplicate row for {key}")
        out[key] = r["plover_type"].strip() or None
    return out


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    out = {}
    for r in _rows(IRREGULAR):
        for col in ("third_person", "past", "ing"):
            if r.get(col):
                out[r[col].strip().lower()] = r["lemma"].strip().lower()
    return out


def lemma_candidates(trigger: str) -> list[str]:
    """Possible lemmas of a written trigger, most likely first."""
    t = trigger.strip().lower().split()[0] if trigger.strip() else ""
    out = [t]
    if t in _irregular():
        out.insert(0, _irregular()[t])
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if t.endswith(suffix) and len(t) > len(suffix) + 2:
            stem = t[: -len(suffix)]
            out.append(stem + repl)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # committed -> commit
                out.append(stem[:-1])
    return out


def plover_type(kind: str, trigger: str) -> str | None:
    """The PLOVER category of a clause of this kind and trigger, or None."""
    mapping = load_mapping()
    for lemma in lemma_candidates(trigger):
        if (kind, lemma) in mapping:
            return mapping[(kind, lemma)]
    return mapping.get((kind, ""))
