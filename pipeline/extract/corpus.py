"""Statements in, the eleven tables out: runs every extractor and assembles rows.

Plain Python, no Dagster. ``extract_statement`` (pipeline/extract/statement.py)
works on one statement, the unit that is cached and parallelised;
``iter_extractions`` yields the accepted ones as they come; ``TableAssembler``
folds each into the tables of DATA_MODEL.md (deterministic row order and IDs)
so that a corpus is never held as extraction objects; ``assemble_tables`` does
both for any iterable.
"""
from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from pipeline.extract.agreement_identity import merge_near_duplicates, remap_agreement_frames
from pipeline.extract.due_dates import resolve_due_date
from pipeline.extract.event_dates import statement_event_dates
from pipeline.extract.persons import merge_persons, remap_frames
from pipeline.extract.plover import plover_type
from pipeline.extract.statement import StatementExtraction, extract_statement
from pipeline.extract.targets import clause_targets
from pipeline.extract.titles import person_countries, person_titles
from pipeline.extract.office_holders import person_country
from pipeline.extract.wikidata import actor_wikidata_id
from pipeline.model import ACTION_KINDS, Actor, Mention, Rejection, Sentence, Statement

__all__ = [
    "TABLE_ORDER",
    "CorpusExtraction",
    "StatementExtraction",
    "TableAssembler",
    "assemble_tables",
    "extract_corpus",
    "extract_statement",
    "iter_extractions",
]

NO_PARTY_REASON = (
    "names no party that the pipeline can identify: add a sidecar file {sidecar} "
    "with a line such as `parties: [CAN, JPN]` (ISO 3166 alpha-3 codes or actor names)"
)


@dataclass
class CorpusExtraction:
    extractions: list[StatementExtraction] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def sidecar_name(source_file: str) -> str:
    stem, _, _ = source_file.rpartition(".")
    return f"{stem or source_file}.yaml"


def iter_extractions(statements: Iterable[Statement], extract=extract_statement, *, cache_dir=None,
                     workers: int | None = None, rejected: list[Rejection] | None = None,
                     ) -> Iterator[StatementExtraction]:
    """Extract every statement and yield the accepted ones one at a time, in input
    order, so a caller can fold them into tables without holding them all. A
    statement that names no party is not yielded: it is appended to ``rejected``,
    with the fix. ``cache_dir`` and ``workers`` as in :func:`extract_corpus`."""
    from pipeline.cache import extract_many
    from pipeline.progress import progress

    statements = list(statements)
    extracted = extract_many(statements, extract, cache_dir=cache_dir, workers=workers)
    for st, ex in progress(extracted, total=len(statements), stage="extracting"):
        if not ex.parties:
            if rejected is not None:
                rejected.append(Rejection(st.source_file, NO_PARTY_REASON.format(sidecar=sidecar_name(st.source_file))))
            continue
        yield ex


def extract_corpus(statements: list[Statement], extract=extract_statement, *, cache_dir=None,
                   workers: int | None = None) -> CorpusExtraction:
    """Extract every statement; one that names no party is rejected, with a fix.

    ``cache_dir``: reuse the results of unchanged statements (``pipeline.cache``;
    None = no cache). ``workers``: processes for the statements not in the cache
    (None = every core when there is enough text; 1 = this process only). The
    result is the same, in input order, whatever the cache and workers.
    """
    out = CorpusExtraction()
    out.extractions.extend(iter_extractions(statements, extract, cache_dir=cache_dir, workers=workers,
                                            rejected=out.rejected))
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


# columns made in TableAssembler.frames() rather than row by row
_DEFERRED = {"sentences": ("sentence_id", "text"), "commitments": ("commitment_id", "sentence_id", "text"),
             "commitment_actors": ("commitment_id",), "mentions": ("mention_id", "sentence_id", "text")}


class _Columns:
    """Rows appended one at a time but stored column-wise: a dict kept per row would
    cost several times the memory on a corpus of 10,000 statements (~1.7M rows).
    Required integer columns are packed into ``array('q')`` (8 bytes a value, not a
    Python int each)."""

    def __init__(self, name: str, deferred: tuple[str, ...] = ()):
        from pipeline.metadata import TABLES

        fields = [f for f in TABLES[name].fields if f.name not in deferred]
        self.data: dict[str, list | array] = {
            f.name: array("q") if f.type == "integer" and f.required else [] for f in fields}
        self._names = frozenset(self.data)

    def append(self, row: dict) -> None:
        if not row.keys() <= self._names:  # a view comparison: no set built per row
            raise KeyError(f"unknown columns {sorted(set(row) - self._names)}")
        for column, values in self.data.items():
            values.append(row.get(column))


def _short(value):
    """Short repeated strings (mention texts, triggers, ids) are stored once."""
    return sys.intern(value) if isinstance(value, str) and len(value) <= 64 else value


class TableAssembler:
    """The eleven tables of DATA_MODEL.md, folded from one statement's extraction
    at a time (so a corpus is never held as extraction objects), with
    deterministic row order and IDs. :meth:`frames` returns them conformed to
    their column types and sorted by primary key."""

    def __init__(self) -> None:
        self.rows: dict[str, _Columns] = {name: _Columns(name, _DEFERRED.get(name, ())) for name in TABLE_ORDER}
        # Row ids and text slices are made in frames(), after extraction, from the
        # integers below: while statements are extracted, only those are held.
        self._texts: list[str] = []  # statement text, by statement number
        self._sentence_statement = array("q")  # statement number of each sentence row
        self._mention_sentence = array("q")  # sentence row of each mention
        self._commitment_sentence = array("q")  # sentence row of each commitment
        self._commitment_actor_commitment = array("q")  # commitment row of each commitment_actors row
        self.actors: dict[str, Actor] = {}
        self.agreements: dict = {}
        self.regions: dict = {}
        self._seen: set[str] = set()
        self._in_order, self._last_id = True, None

    def add(self, ex: StatementExtraction) -> None:
        rows = self.rows
        st = ex.statement
        sid = st.statement_id
        if sid in self._seen:
            raise ValueError(f"statement {sid!r} added twice")
        self._seen.add(sid)
        # rows come out in primary-key order when statements are added in statement_id order
        self._in_order = self._in_order and (self._last_id is None or sid > self._last_id)
        self._last_id = sid
        text = st.text
        number = len(self._texts)
        self._texts.append(text)
        rows["statements"].append({
            "statement_id": sid, "title": st.title, "date": st.date, "place": st.place,
            "source": st.source, "source_file": st.source_file, "source_url": st.url, "sha256": st.sha256,
            "text": text, "n_sentences": len(ex.sentences), "n_words": ex.n_words,
        })
        first_sentence = len(self._sentence_statement)
        for i, s in enumerate(ex.sentences):
            rows["sentences"].append({
                "statement_id": sid, "paragraph_index": s.paragraph_index,
                "sentence_index": i, "char_start": s.start, "char_end": s.end,
            })
            self._sentence_statement.append(number)

        def sentence_row(pos: int) -> int:
            return first_sentence + _sentence_index(ex.sentences, pos)

        # actors: every mention, plus the parties (a party never named has mentions 0)
        actor_counts = _count_mentions(ex.actor_mentions, self.actors)
        party_ids = []
        for p in ex.parties:
            self.actors.setdefault(p.actor_id, p)
            party_ids.append(p.actor_id)
        titles = person_titles(text, ex.actor_mentions)
        for actor_id, iso3 in person_countries(text, ex.actor_mentions).items():  # a person's state, when known
            known = self.actors.get(actor_id)
            if known is not None and known.country is None:
                self.actors[actor_id] = replace(known, country=iso3)
        for tp in ex.title_persons:  # a person named only in the title: mentions 0
            if tp.actor.actor_id in actor_counts or tp.actor.actor_id in party_ids:
                continue
            self.actors.setdefault(tp.actor.actor_id, tp.actor)
            titles.setdefault(tp.actor.actor_id, tp.office)
            actor_counts[tp.actor.actor_id] = 0
        for actor_id in sorted(set(actor_counts) | set(party_ids)):
            rows["statement_actors"].append({
                "statement_id": sid, "actor_id": _short(actor_id), "is_party": actor_id in party_ids,
                "mentions": actor_counts[actor_id], "title": _short(titles.get(actor_id)),
            })

        agreement_counts = _count_mentions(ex.agreement_mentions, self.agreements)
        event_dates = statement_event_dates(text, ex.sentences, ex.agreement_mentions, ex.agreement_status)
        for agreement_id in sorted(agreement_counts):
            rows["statement_agreements"].append({
                "statement_id": sid, "agreement_id": _short(agreement_id),
                "status": ex.agreement_status.get(agreement_id, "referenced"),
                "event_date": event_dates.get(agreement_id),
                "mentions": agreement_counts[agreement_id],
            })

        region_counts = _count_mentions(ex.region_mentions, self.regions)
        for region_id in sorted(region_counts):
            rows["statement_regions"].append({
                "statement_id": sid, "region_id": _short(region_id), "mentions": region_counts[region_id],
            })

        known_actors = set(actor_counts) | set(party_ids)
        for n, c in enumerate(sorted(ex.commitments, key=lambda c: (c.start, c.trigger_start)), start=1):
            row = len(self._commitment_sentence)
            due_date, due_precision = resolve_due_date(text[c.start:c.end], st.date)
            rows["commitments"].append({
                "statement_id": sid, "char_start": c.start, "char_end": c.end,
                "trigger": _short(c.trigger), "trigger_start": c.trigger_start, "kind": c.kind,
                "is_action": c.kind in ACTION_KINDS, "time_expression": _short(c.time_expression),
                "due_date": due_date, "due_precision": due_precision,
                "plover_type": plover_type(c.kind, c.trigger), "topic": _short(c.topic),
            })
            self._commitment_sentence.append(sentence_row(c.trigger_start))
            roles = {(actor_id, role) for role, ids in (("committer", c.committers), ("addressee", c.addressees),
                                                        ("target", clause_targets(c, ex.actor_mentions)))
                     for actor_id in ids if actor_id in known_actors}
            for actor_id, role in sorted(roles):  # primary-key order
                rows["commitment_actors"].append({"actor_id": _short(actor_id), "role": role})
                self._commitment_actor_commitment.append(row)

        all_mentions = sorted(
            [*ex.actor_mentions, *ex.agreement_mentions, *ex.region_mentions],
            key=lambda m: (m.start, m.end, m.entity_type),
        )
        for m in all_mentions:
            rows["mentions"].append({
                "statement_id": sid, "entity_type": m.entity_type, "entity_id": _short(m.entity_id),
                "char_start": m.start, "char_end": m.end,
            })
            self._mention_sentence.append(sentence_row(m.start))

    def frames(self) -> dict[str, pd.DataFrame]:
        """The eleven tables, each conformed to its column types and sorted by primary
        key (the rows already are, when statements were added in statement_id
        order: then nothing is sorted or copied). Persons written in several ways
        and near-duplicate agreement names are merged across statements first
        (pipeline/extract/persons.py, agreement_identity.py); tables whose ids that
        changes are re-sorted. The assembler is emptied as it goes."""
        from pipeline.publish.csv_io import conform, sort_by_primary_key

        # one actor per person across statements (pipeline/extract/persons.py)
        sa = self.rows["statement_actors"].data
        weight: Counter[str] = Counter()
        for actor_id, n in zip(sa["actor_id"], sa["mentions"]):
            weight[actor_id] += n
        together: dict[str, set] = {}
        for sid, actor_id in zip(sa["statement_id"], sa["actor_id"]):
            together.setdefault(actor_id, set()).add(sid)
        merged = merge_persons(self.actors.values(), weight, together)
        for old, actor in merged.items():
            del self.actors[old]
        for actor in merged.values():
            self.actors[actor.actor_id] = actor
        # near-duplicate spellings of one instrument across statements
        sg = self.rows["statement_agreements"].data
        ag_weight: Counter[str] = Counter()
        for agreement_id, n in zip(sg["agreement_id"], sg["mentions"]):
            ag_weight[agreement_id] += n
        merged_ags = merge_near_duplicates(self.agreements.values(), ag_weight)
        for old in merged_ags:
            self.agreements.pop(old, None)
        for ag in merged_ags.values():
            self.agreements[ag.agreement_id] = ag
        self.rows["actors"] = [
            {"actor_id": a.actor_id, "name": a.name, "actor_type": a.actor_type, "iso3": a.iso3,
             "country": a.country or person_country(a), "wikidata_id": actor_wikidata_id(a)}
            for a in sorted(self.actors.values(), key=lambda a: a.actor_id)
        ]
        self.rows["agreements"] = [
            {"agreement_id": a.agreement_id, "name": a.name, "kind": a.kind, "year": a.year, "wikidata_id": None}
            for a in sorted(self.agreements.values(), key=lambda a: a.agreement_id)
        ]
        self.rows["regions"] = [
            {"region_id": r.region_id, "name": r.name, "region_type": r.region_type, "iso3": r.iso3,
             "latitude": r.latitude, "longitude": r.longitude}
            for r in sorted(self.regions.values(), key=lambda r: r.region_id)
        ]
        self._statement_ids = list(self.rows["statements"].data["statement_id"])
        self._numbers = None
        out = {}
        for name in TABLE_ORDER:
            self._fill_deferred(name)
            frame = conform(name, to_frame(name, self.rows.pop(name)))
            remapped = remap_agreement_frames(name, remap_frames(name, frame, merged), merged_ags)
            # in order by construction (tests check it); otherwise sorted here
            out[name] = frame if self._in_order and remapped is frame else sort_by_primary_key(name, remapped)
            del frame
        self._texts, self._sentence_ids, self._commitment_ids, self._numbers = [], [], [], None
        return out


    def _fill_deferred(self, name: str) -> None:
        """Row ids (``<statement_id>:<n>``, ``:c<n>``, ``:m<n>``) and text slices of
        one table, made just before its frame (so one table's worth at a time)."""
        if name not in _DEFERRED:
            return
        texts = self._texts
        data = self.rows[name].data
        if name == "sentences":
            self._sentence_ids = [f"{sid}:{i}" for sid, i in zip(data["statement_id"], data["sentence_index"])]
            data["sentence_id"] = self._sentence_ids
            data["text"] = [texts[k][a:b] for k, a, b in
                            zip(self._sentence_statement, data["char_start"], data["char_end"])]
            return
        if self._numbers is None:
            self._numbers = {sid: k for k, sid in enumerate(self._statement_ids)}
        number = self._numbers

        def numbered(letter: str) -> list[str]:
            ids, previous, n = [], None, 0
            for sid in data["statement_id"]:
                n = n + 1 if sid == previous else 1
                previous = sid
                ids.append(f"{sid}:{letter}{n}")
            return ids

        if name == "commitments":
            self._commitment_ids = data["commitment_id"] = numbered("c")
            data["sentence_id"] = [self._sentence_ids[r] for r in self._commitment_sentence]
            data["text"] = [texts[number[sid]][a:b] for sid, a, b in
                            zip(data["statement_id"], data["char_start"], data["char_end"])]
        elif name == "commitment_actors":
            data["commitment_id"] = [self._commitment_ids[r] for r in self._commitment_actor_commitment]
        elif name == "mentions":
            data["mention_id"] = numbered("m")
            data["sentence_id"] = [self._sentence_ids[r] for r in self._mention_sentence]
            data["text"] = [_short(texts[number[sid]][a:b]) for sid, a, b in
                            zip(data["statement_id"], data["char_start"], data["char_end"])]


def assemble_tables(extractions: Iterable[StatementExtraction]) -> dict[str, pd.DataFrame]:
    """The eleven tables from statements' extractions (any order; an iterator is
    consumed one statement at a time)."""
    assembler = TableAssembler()
    if isinstance(extractions, (list, tuple)):  # first-seen names are then the same whatever the order
        extractions = sorted(extractions, key=lambda e: e.statement.statement_id)
    for ex in extractions:
        assembler.add(ex)
    return assembler.frames()


TABLE_ORDER = (
    "statements", "sentences", "actors", "statement_actors", "agreements", "statement_agreements",
    "regions", "statement_regions", "commitments", "commitment_actors", "mentions",
)


def to_frame(name: str, rows: _Columns | list[dict]) -> pd.DataFrame:
    """A DataFrame with the table's columns in contract order (types are coerced by
    :func:`pipeline.publish.csv_io.conform`, generated from the same definition)."""
    from pipeline.metadata import TABLES

    columns = [f.name for f in TABLES[name].fields]
    if isinstance(rows, _Columns):
        data, rows.data = rows.data, {}
        for column, values in data.items():
            if isinstance(values, array):  # the packed integers, without a Python int each
                data[column] = np.frombuffer(values, dtype=np.int64) if len(values) else np.zeros(0, np.int64)
        return pd.DataFrame(data, columns=columns)
    return pd.DataFrame(rows, columns=columns)
