"""Statements in, the eleven tables out: runs every extractor and assembles rows.

Plain Python, no Dagster. ``extract_statement`` works on one statement (the unit
that is cached and parallelised); ``assemble_tables`` merges many into the
tables of DATA_MODEL.md, with deterministic row order and IDs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import pandas as pd

from pipeline.extract.actors import find_actors
from pipeline.extract.agreements import find_agreements, statement_status
from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.parties import find_parties
from pipeline.extract.regions import find_regions
from pipeline.extract.sentences import split_sentences
from pipeline.model import (
    ACTION_KINDS,
    Actor,
    AgreementMention,
    Commitment,
    Mention,
    Rejection,
    Sentence,
    Statement,
)

NO_PARTY_REASON = (
    "names no party that the pipeline can identify: add a sidecar file {sidecar} "
    "with a line such as `parties: [CAN, JPN]` (ISO 3166 alpha-3 codes or actor names)"
)


@dataclass
class StatementExtraction:
    """Everything extracted from one statement, as grounded objects."""

    statement: Statement
    sentences: list[Sentence]
    n_words: int
    parties: list[Actor]
    actor_mentions: list[Mention]
    region_mentions: list[Mention]
    agreement_mentions: list[AgreementMention]
    agreement_status: dict[str, str]
    commitments: list[Commitment]


@dataclass
class CorpusExtraction:
    extractions: list[StatementExtraction] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def derive_title(parties: list[Actor]) -> str:
    names = [p.name for p in parties]
    if len(names) <= 1:
        joined = "".join(names)
    else:
        joined = ", ".join(names[:-1]) + " and " + names[-1]
    return f"Joint statement by {joined}"


def count_words(doc) -> int:
    return sum(1 for t in doc if not (t.is_punct or t.is_space))


def extract_statement(st: Statement) -> StatementExtraction:
    doc = make_doc(st.text)
    sentences = split_sentences(st.text)
    actor_mentions = find_actors(doc)
    parties = find_parties(st, doc, actor_mentions)
    region_mentions = find_regions(doc, frozenset(p.iso3 for p in parties if p.iso3))
    agreement_mentions = find_agreements(doc)
    commitments = find_commitments(doc, sentences, parties, actor_mentions) if parties else []
    if st.title is None and parties:
        st = replace(st, title=derive_title(parties))
    return StatementExtraction(
        statement=st,
        sentences=sentences,
        n_words=count_words(doc),
        parties=parties,
        actor_mentions=actor_mentions,
        region_mentions=region_mentions,
        agreement_mentions=agreement_mentions,
        agreement_status=statement_status(agreement_mentions),
        commitments=commitments,
    )


def sidecar_name(source_file: str) -> str:
    stem, _, _ = source_file.rpartition(".")
    return f"{stem or source_file}.yaml"


def extract_corpus(statements: list[Statement], extract=extract_statement, *, cache_dir=None,
                   workers: int | None = None) -> CorpusExtraction:
    """Extract every statement; one that names no party is rejected, with a fix.

    ``cache_dir``: reuse the results of unchanged statements (``pipeline.cache``;
    None = no cache). ``workers``: processes for the statements not in the cache
    (None = every core when there is enough text; 1 = this process only). The
    result is the same, in input order, whatever the cache and workers.
    """
    from pipeline.cache import extract_many
    from pipeline.progress import progress

    out = CorpusExtraction()
    extracted = extract_many(statements, extract, cache_dir=cache_dir, workers=workers)
    for st, ex in progress(extracted, total=len(statements), stage="extracting"):
        if not ex.parties:
            reason = NO_PARTY_REASON.format(sidecar=sidecar_name(st.source_file))
            out.rejected.append(Rejection(st.source_file, reason))
            continue
        out.extractions.append(ex)
    return out


# --- assembling the tables -------------------------------------------------------------


def _sentence_index(sentences: list[Sentence], pos: int) -> int:
    """Index of the sentence holding offset ``pos`` (the last one starting at or before it)."""
    lo, hi = 0, len(sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= pos:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


def _count_mentions(mentions: list[Mention], registry: dict) -> Counter[str]:
    """Mentions per entity id; each entity is registered (first seen wins) for its table."""
    counts: Counter[str] = Counter()
    for m in mentions:
        registry.setdefault(m.entity_id, m.entity)
        counts[m.entity_id] += 1
    return counts


class _Columns:
    """Rows appended one at a time but stored column-wise: a dict kept per row would
    cost several times the memory on a corpus of 10,000 statements (~1.4M rows)."""

    def __init__(self, name: str):
        from pipeline.metadata import TABLES

        self.data: dict[str, list] = {f.name: [] for f in TABLES[name].fields}

    def append(self, row: dict) -> None:
        unknown = set(row) - set(self.data)
        if unknown:
            raise KeyError(f"unknown columns {sorted(unknown)}")
        for column, values in self.data.items():
            values.append(row.get(column))


def assemble_tables(extractions: list[StatementExtraction]) -> dict[str, pd.DataFrame]:
    rows: dict = {name: _Columns(name) for name in TABLE_ORDER}
    actors: dict[str, Actor] = {}
    agreements: dict = {}
    regions: dict = {}

    for ex in sorted(extractions, key=lambda e: e.statement.statement_id):
        st = ex.statement
        sid = st.statement_id
        text = st.text
        rows["statements"].append({
            "statement_id": sid, "title": st.title, "date": st.date, "place": st.place,
            "source": st.source, "source_file": st.source_file, "sha256": st.sha256,
            "text": text, "n_sentences": len(ex.sentences), "n_words": ex.n_words,
        })
        for i, s in enumerate(ex.sentences):
            rows["sentences"].append({
                "sentence_id": f"{sid}:{i}", "statement_id": sid, "paragraph_index": s.paragraph_index,
                "sentence_index": i, "char_start": s.start, "char_end": s.end, "text": text[s.start:s.end],
            })

        def sentence_id(pos: int) -> str:
            return f"{sid}:{_sentence_index(ex.sentences, pos)}"

        # actors: every mention, plus the parties (a party never named has mentions 0)
        actor_counts = _count_mentions(ex.actor_mentions, actors)
        party_ids = []
        for p in ex.parties:
            actors.setdefault(p.actor_id, p)
            party_ids.append(p.actor_id)
        for actor_id in sorted(set(actor_counts) | set(party_ids)):
            rows["statement_actors"].append({
                "statement_id": sid, "actor_id": actor_id, "is_party": actor_id in party_ids,
                "mentions": actor_counts[actor_id],
            })

        agreement_counts = _count_mentions(ex.agreement_mentions, agreements)
        for agreement_id in sorted(agreement_counts):
            rows["statement_agreements"].append({
                "statement_id": sid, "agreement_id": agreement_id,
                "status": ex.agreement_status.get(agreement_id, "referenced"),
                "mentions": agreement_counts[agreement_id],
            })

        region_counts = _count_mentions(ex.region_mentions, regions)
        for region_id in sorted(region_counts):
            rows["statement_regions"].append({
                "statement_id": sid, "region_id": region_id, "mentions": region_counts[region_id],
            })

        known_actors = set(actor_counts) | set(party_ids)
        for n, c in enumerate(sorted(ex.commitments, key=lambda c: (c.start, c.trigger_start)), start=1):
            cid = f"{sid}:c{n}"
            rows["commitments"].append({
                "commitment_id": cid, "statement_id": sid, "sentence_id": sentence_id(c.trigger_start),
                "char_start": c.start, "char_end": c.end, "text": text[c.start:c.end],
                "trigger": c.trigger, "trigger_start": c.trigger_start, "kind": c.kind,
                "is_action": c.kind in ACTION_KINDS, "time_expression": c.time_expression, "topic": c.topic,
            })
            seen = set()
            for role, ids in (("committer", c.committers), ("addressee", c.addressees)):
                for actor_id in ids:
                    if actor_id in known_actors and (actor_id, role) not in seen:
                        seen.add((actor_id, role))
                        rows["commitment_actors"].append({"commitment_id": cid, "actor_id": actor_id, "role": role})

        all_mentions = sorted(
            [*ex.actor_mentions, *ex.agreement_mentions, *ex.region_mentions],
            key=lambda m: (m.start, m.end, m.entity_type),
        )
        for n, m in enumerate(all_mentions, start=1):
            rows["mentions"].append({
                "mention_id": f"{sid}:m{n}", "statement_id": sid, "sentence_id": sentence_id(m.start),
                "entity_type": m.entity_type, "entity_id": m.entity_id, "char_start": m.start,
                "char_end": m.end, "text": text[m.start:m.end],
            })

    rows["actors"] = [
        {"actor_id": a.actor_id, "name": a.name, "actor_type": a.actor_type, "iso3": a.iso3, "country": a.country}
        for a in sorted(actors.values(), key=lambda a: a.actor_id)
    ]
    rows["agreements"] = [
        {"agreement_id": a.agreement_id, "name": a.name, "kind": a.kind, "year": a.year}
        for a in sorted(agreements.values(), key=lambda a: a.agreement_id)
    ]
    rows["regions"] = [
        {"region_id": r.region_id, "name": r.name, "region_type": r.region_type, "iso3": r.iso3,
         "latitude": r.latitude, "longitude": r.longitude}
        for r in sorted(regions.values(), key=lambda r: r.region_id)
    ]
    return {name: to_frame(name, rows[name]) for name in TABLE_ORDER}


TABLE_ORDER = (
    "statements", "sentences", "actors", "statement_actors", "agreements", "statement_agreements",
    "regions", "statement_regions", "commitments", "commitment_actors", "mentions",
)


def to_frame(name: str, rows: "_Columns | list[dict]") -> pd.DataFrame:
    """A DataFrame with the table's columns in contract order (types are coerced by
    the Pandera check and the publisher, both generated from the same definition)."""
    from pipeline.metadata import TABLES

    columns = [f.name for f in TABLES[name].fields]
    if isinstance(rows, _Columns):
        return pd.DataFrame(rows.data, columns=columns)
    return pd.DataFrame(rows, columns=columns)
