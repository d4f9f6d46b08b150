"""Data checks in plain Python (no Dagster): Pandera schemas, keys, grounding.

Used by the Dagster asset checks and by ``python -m pipeline validate``. Every
check returns a :class:`CheckOutcome`: ``passed``, a one-line ``summary`` and
a ``failure_cases`` DataFrame (one row per failing value, readable as is, so
a caller can show ``outcome.failure_cases.head(20)`` as metadata).

Schemas and keys come from ``pipeline.metadata`` (tables.yaml); nothing here
spells a column out except the grounding rule (char_start, char_end, text,
trigger, trigger_start), which is the spec's invariant rather than a schema.

Speed: key and span checks are vectorised with pandas (span checks slice in
one Python pass over the rows: ~1 s per million rows). ``frictionless
validate`` (``run_frictionless=True`` in :func:`validate_package`) checks
rows and foreign keys one by one and is by far the slowest step on a large
package (minutes for ~1M rows); the Pandera and pandas checks cover the same
constraints, so it can be skipped for speed.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipeline.metadata import TABLES, Table, frictionless_schema, pandera_schema

FAILURE_COLUMNS = ["table", "column", "check", "key", "failure_case", "detail"]


@dataclass
class CheckOutcome:
    """Result of one check. ``failure_cases`` is empty when ``passed``."""

    name: str
    passed: bool
    summary: str
    failure_cases: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FAILURE_COLUMNS))
    table: str | None = None
    validated: pd.DataFrame | None = None  # validate_table: the coerced frame when it passed

    @property
    def n_failures(self) -> int:
        return len(self.failure_cases)

    @property
    def message(self) -> str:
        """Alias of ``summary``."""
        return self.summary

    @property
    def failures(self) -> pd.DataFrame:
        """Alias of ``failure_cases``."""
        return self.failure_cases

    def __str__(self) -> str:
        head = f"{'PASS' if self.passed else 'FAIL'} {self.name}: {self.summary}"
        if self.passed or self.failure_cases.empty:
            return head
        return head + "\n" + self.failure_cases.head(20).to_string(index=False)


def _failures(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=FAILURE_COLUMNS) if rows else pd.DataFrame(columns=FAILURE_COLUMNS)


def _key_of(table: Table, df: pd.DataFrame) -> pd.Series:
    """The primary key of each row as one readable string."""
    cols = [c for c in table.primary_key if c in df.columns]
    if not cols:
        return pd.Series([str(i) for i in df.index], index=df.index, dtype="object")
    key = df[cols[0]].astype("string").fillna("<null>")
    for c in cols[1:]:
        key = key + "|" + df[c].astype("string").fillna("<null>")
    return key.astype("object")


# ---------------------------------------------------------------- Pandera


def validate_table(name: str, df: pd.DataFrame) -> CheckOutcome:
    """Validate one table with its generated Pandera schema (``lazy=True``:
    every failure, not just the first). ``failure_cases`` is Pandera's
    (schema_context, column, check, check_number, failure_case, index) plus
    ``table`` and the row's primary ``key``; ``validated`` holds the coerced
    frame when the table passed."""
    check_name = f"schema:{name}"
    if name not in TABLES:
        return CheckOutcome(check_name, False, f"unknown table {name!r}", table=name)
    table = TABLES[name]
    try:
        validated = pandera_schema(table).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases.copy()
        fc.insert(0, "table", name)
        idx = pd.to_numeric(fc["index"], errors="coerce")
        keys = _key_of(table, df)
        fc["key"] = [keys.get(int(i)) if pd.notna(i) and int(i) in keys.index else None for i in idx]
        fc["failure_case"] = fc["failure_case"].astype(str)
        fc = fc.sort_values(["column", "check", "index"], key=lambda s: s.astype(str), kind="stable")
        counts = fc.groupby(["column", "check"], dropna=False, sort=True).size()
        parts = [f"{col or '<table>'} {chk} ×{n}" for (col, chk), n in counts.items()]
        return CheckOutcome(
            check_name, False, f"{len(fc)} failure(s): " + "; ".join(parts), fc.reset_index(drop=True), name
        )
    except Exception as err:  # noqa: BLE001 - a frame Pandera cannot even read is a failed check
        fc = _failures([{"table": name, "column": None, "check": type(err).__name__,
                         "key": None, "failure_case": str(err), "detail": "schema could not be applied"}])
        return CheckOutcome(check_name, False, f"{type(err).__name__}: {err}", fc, name)
    return CheckOutcome(check_name, True, f"{len(df)} rows valid", table=name, validated=validated)


# ----------------------------------------------------------- foreign keys


def _as_str(s: pd.Series) -> pd.Series:
    return s.astype("string")


def check_foreign_keys(tables: Mapping[str, pd.DataFrame]) -> CheckOutcome:
    """Every foreign key of the metadata resolves (null values are skipped),
    ``mentions.entity_id`` resolves in the table its ``entity_type`` names,
    and a row's ``sentence_id`` belongs to the row's ``statement_id`` (the
    sentence with that id has the same statement)."""
    rows: list[dict] = []
    for name, table in TABLES.items():
        if name not in tables:
            continue
        df = tables[name]
        keys = None
        for fk in table.foreign_keys:
            ref = tables.get(fk.resource)
            target = f"{fk.resource}.{','.join(fk.reference_fields)}"
            if ref is None:
                rows.append({"table": name, "column": ",".join(fk.fields), "check": "foreign_key",
                             "key": None, "failure_case": None, "detail": f"table {fk.resource} missing"})
                continue
            child = pd.DataFrame({c: _as_str(df[c]) for c in fk.fields}, index=df.index).dropna()
            parent = pd.DataFrame({c: _as_str(ref[r]) for c, r in zip(fk.fields, fk.reference_fields)})
            if len(fk.fields) == 1:
                bad = child.index[~child[fk.fields[0]].isin(parent[fk.fields[0]])]
            else:
                merged = child.reset_index().merge(parent.drop_duplicates(), how="left", on=list(fk.fields),
                                                   indicator=True)
                bad = pd.Index(merged.loc[merged["_merge"] == "left_only", "index"])
            if len(bad):
                keys = _key_of(table, df) if keys is None else keys
                for i in bad:
                    value = "|".join(str(child.at[i, c]) for c in fk.fields)
                    rows.append({"table": name, "column": ",".join(fk.fields), "check": "foreign_key",
                                 "key": keys[i], "failure_case": value, "detail": f"not in {target}"})
        for p in table.polymorphic_foreign_keys:
            disc = _as_str(df[p.discriminator])
            value = _as_str(df[p.field])
            known = set()
            for r in p.references:
                known.add(r.value)
                ref = tables.get(r.resource)
                sel = (disc == r.value).fillna(False) & value.notna()
                if ref is None:
                    if sel.any():
                        rows.append({"table": name, "column": p.field, "check": "foreign_key",
                                     "key": None, "failure_case": None, "detail": f"table {r.resource} missing"})
                    continue
                bad = df.index[sel & ~value.isin(_as_str(ref[r.field]))]
                if len(bad):
                    keys = _key_of(table, df) if keys is None else keys
                    for i in bad:
                        rows.append({"table": name, "column": p.field, "check": "foreign_key",
                                     "key": keys[i], "failure_case": value[i],
                                     "detail": f"{p.discriminator}={r.value}: not in {r.resource}.{r.field}"})
            bad = df.index[disc.notna() & ~disc.isin(sorted(known))]
            if len(bad):
                keys = _key_of(table, df) if keys is None else keys
                for i in bad:
                    rows.append({"table": name, "column": p.discriminator, "check": "foreign_key",
                                 "key": keys[i], "failure_case": disc[i],
                                 "detail": f"{p.field} cannot be resolved: {p.discriminator} not in {sorted(known)}"})
        # The sentence a row points at belongs to the row's statement.
        fk_targets = {fk.resource for fk in table.foreign_keys}
        if {"statements", "sentences"} <= fk_targets and "sentences" in tables and name != "sentences":
            sent = tables["sentences"]
            lookup = pd.Series(_as_str(sent["statement_id"]).values, index=_as_str(sent["sentence_id"]).values)
            lookup = lookup[~lookup.index.duplicated()]
            sid = _as_str(df["sentence_id"])
            owner = sid.map(lookup)
            stmt = _as_str(df["statement_id"])
            bad = df.index[(owner.notna() & stmt.notna() & (owner != stmt)).fillna(False)]
            if len(bad):
                keys = _key_of(table, df) if keys is None else keys
                for i in bad:
                    rows.append({"table": name, "column": "sentence_id", "check": "same_statement",
                                 "key": keys[i], "failure_case": sid[i],
                                 "detail": f"sentence belongs to {owner[i]}, row to {stmt[i]}"})
    fc = _failures(rows)
    if fc.empty:
        return CheckOutcome("foreign_keys", True, "every reference resolves")
    counts = fc.groupby(["table", "column"], sort=True).size()
    summary = f"{len(fc)} dangling reference(s): " + "; ".join(f"{t}.{c} ×{n}" for (t, c), n in counts.items())
    return CheckOutcome("foreign_keys", False, summary, fc)


# ------------------------------------------------------------------ spans


def _int_or_none(v) -> int | None:
    try:
        if v is None or pd.isna(v):
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


def check_spans(tables: Mapping[str, pd.DataFrame]) -> CheckOutcome:
    """The grounding invariant: for every table with a span (sentences,
    commitments, mentions) ``0 <= char_start <= char_end <= len(text)`` and
    ``statements.text[char_start:char_end] == text``; for commitments,
    ``char_start <= trigger_start < char_end`` and the statement text at
    ``trigger_start`` starts with ``trigger``."""
    rows: list[dict] = []
    if "statements" not in tables:
        fc = _failures([{"table": "statements", "column": None, "check": "span", "key": None,
                         "failure_case": None, "detail": "table statements missing"}])
        return CheckOutcome("spans", False, "table statements missing", fc)
    st = tables["statements"]
    texts = dict(zip(_as_str(st["statement_id"]).tolist(), st["text"].tolist()))
    n_rows = 0
    for name, table in TABLES.items():
        if not table.has_span or name not in tables:
            continue
        df = tables[name]
        n_rows += len(df)
        keys = _key_of(table, df).tolist()
        has_trigger = "trigger" in df.columns and "trigger_start" in df.columns
        triggers = df["trigger"].tolist() if has_trigger else [None] * len(df)
        tstarts = df["trigger_start"].tolist() if has_trigger else [None] * len(df)
        for key, sid, cs, ce, text, trig, ts in zip(
            keys, _as_str(df["statement_id"]).tolist(), df["char_start"].tolist(), df["char_end"].tolist(),
            df["text"].tolist(), triggers, tstarts,
        ):
            def fail(column, check, case, detail, name=name, key=key):
                rows.append({"table": name, "column": column, "check": check, "key": key,
                             "failure_case": case, "detail": detail})

            doc = texts.get(sid) if sid is not None and not pd.isna(sid) else None
            if not isinstance(doc, str):
                fail("statement_id", "span", sid, "statement (or its text) not found")
                continue
            cs, ce = _int_or_none(cs), _int_or_none(ce)
            if cs is None or ce is None or not (0 <= cs <= ce <= len(doc)):
                fail("char_start,char_end", "span_bounds", f"[{cs}, {ce})",
                     f"not a span of a text of length {len(doc)}")
                continue
            if doc[cs:ce] != text:
                fail("text", "span_text", text, f"text[{cs}:{ce}] is {doc[cs:ce]!r}")
            if has_trigger:
                ts = _int_or_none(ts)
                if ts is None or not (cs <= ts < ce):
                    fail("trigger_start", "trigger_in_span", ts, f"not inside the clause [{cs}, {ce})")
                elif not isinstance(trig, str) or not trig or not doc.startswith(trig, ts):
                    fail("trigger", "trigger_text", trig,
                         f"text at {ts} is {doc[ts:ts + max(len(trig) if isinstance(trig, str) else 0, 10)]!r}")
    fc = _failures(rows)
    if fc.empty:
        return CheckOutcome("spans", True, f"{n_rows} spans grounded in statements.text")
    counts = fc.groupby(["table", "check"], sort=True).size()
    summary = f"{len(fc)} ungrounded span(s): " + "; ".join(f"{t} {c} ×{n}" for (t, c), n in counts.items())
    return CheckOutcome("spans", False, summary, fc)


# --------------------------------------------------------------- packages


def _frictionless_outcome(descriptor_path: Path) -> CheckOutcome:
    """``frictionless validate`` of the package, less its row-by-row foreign-key check:
    foreign keys are checked once, vectorised, by :func:`check_foreign_keys` (on a
    10,000-statement package Frictionless spends about a third of its time on them).
    ``frictionless validate datapackage.json`` on the command line still checks them too."""
    import copy
    import json

    import frictionless

    descriptor = copy.deepcopy(json.loads(descriptor_path.read_text(encoding="utf-8")))
    for resource in descriptor.get("resources", []):
        resource.get("schema", {}).pop("foreignKeys", None)
    report = frictionless.Package(descriptor, basepath=str(descriptor_path.parent)).validate()
    if report.valid:
        return CheckOutcome("frictionless", True, f"frictionless validate: valid ({report.stats.get('tasks')} tasks)")
    rows = []
    for task in report.tasks:
        for err in task.errors:
            rows.append({"table": task.name, "column": getattr(err, "field_name", None), "check": err.type,
                         "key": getattr(err, "row_number", None), "failure_case": getattr(err, "cell", None),
                         "detail": err.message})
    for err in report.errors:
        rows.append({"table": None, "column": None, "check": err.type, "key": None, "failure_case": None,
                     "detail": err.message})
    fc = _failures(rows)
    return CheckOutcome("frictionless", False, f"frictionless validate: {len(fc)} error(s)", fc)


def _descriptor_outcome(descriptor: dict) -> CheckOutcome:
    """The descriptor's resources are exactly the defined tables, with the schemas tables.yaml generates."""
    rows = []
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    for name, table in TABLES.items():
        r = resources.get(name)
        if r is None:
            rows.append({"table": name, "column": None, "check": "descriptor", "key": None,
                         "failure_case": None, "detail": "resource missing"})
            continue
        if r.get("path") != table.csv_path:
            rows.append({"table": name, "column": "path", "check": "descriptor", "key": None,
                         "failure_case": r.get("path"), "detail": f"expected {table.csv_path}"})
        if r.get("schema") != frictionless_schema(table):
            rows.append({"table": name, "column": "schema", "check": "descriptor", "key": None,
                         "failure_case": None, "detail": "Table Schema differs from tables.yaml"})
    for extra in sorted(set(resources) - set(TABLES), key=str):
        rows.append({"table": extra, "column": None, "check": "descriptor", "key": None,
                     "failure_case": None, "detail": "resource not defined in tables.yaml"})
    fc = _failures(rows)
    if fc.empty:
        return CheckOutcome("descriptor", True, "resources and schemas match tables.yaml")
    return CheckOutcome("descriptor", False, f"{len(fc)} difference(s) from tables.yaml", fc)


def check_duckdb(db_path: Path, tables: Mapping[str, pd.DataFrame]) -> CheckOutcome:
    """The DuckDB file holds every table with the same number of rows, and its primary and foreign keys."""
    import duckdb

    rows = []
    if not Path(db_path).exists():
        fc = _failures([{"table": None, "column": None, "check": "duckdb", "key": None,
                         "failure_case": str(db_path), "detail": "file missing"}])
        return CheckOutcome("duckdb", False, "DuckDB file missing", fc)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        cons = con.execute(
            "SELECT table_name, constraint_type, constraint_column_names, referenced_table "
            "FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')"
        ).fetchall()
        for name, table in TABLES.items():
            if name not in present:
                rows.append({"table": name, "column": None, "check": "duckdb", "key": None,
                             "failure_case": None, "detail": "table missing"})
                continue
            n = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            if name in tables and n != len(tables[name]):
                rows.append({"table": name, "column": None, "check": "duckdb_rows", "key": None,
                             "failure_case": n, "detail": f"CSV has {len(tables[name])} rows"})
            if (name, "PRIMARY KEY", list(table.primary_key), None) not in [tuple(c) for c in cons]:
                rows.append({"table": name, "column": ",".join(table.primary_key), "check": "duckdb_keys",
                             "key": None, "failure_case": None, "detail": "primary key missing"})
            for fk in table.foreign_keys:
                if (name, "FOREIGN KEY", list(fk.fields), fk.resource) not in [tuple(c) for c in cons]:
                    rows.append({"table": name, "column": ",".join(fk.fields), "check": "duckdb_keys",
                                 "key": None, "failure_case": None, "detail": f"foreign key to {fk.resource} missing"})
    finally:
        con.close()
    fc = _failures(rows)
    if fc.empty:
        return CheckOutcome("duckdb", True, "tables, row counts and keys match")
    return CheckOutcome("duckdb", False, f"{len(fc)} problem(s) in the DuckDB file", fc)


def read_package_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """Read every ``data/<table>.csv`` of a published package (see
    :func:`pipeline.publish.read_table_csv`: text kept as text, empty = null in
    nullable columns); types are coerced by :func:`validate_table`."""
    from pipeline.publish.csv_io import read_table_csv

    return {name: read_table_csv(t, Path(out_dir) / t.csv_path) for name, t in TABLES.items()
            if (Path(out_dir) / t.csv_path).exists()}


def validate_package(out_dir: Path, *, run_frictionless: bool = True) -> list[CheckOutcome]:
    """Check a published package: ``frictionless validate`` of datapackage.json
    (slow on large packages: ``run_frictionless=False`` skips it), the
    descriptor against tables.yaml, each CSV with its Pandera schema, foreign
    keys, spans, and the DuckDB file. All checks run; inspect ``passed``."""
    from pipeline.publish.package import DUCKDB_FILENAME

    out_dir = Path(out_dir)
    outcomes: list[CheckOutcome] = []
    descriptor_path = out_dir / "datapackage.json"
    if not descriptor_path.exists():
        fc = _failures([{"table": None, "column": None, "check": "descriptor", "key": None,
                         "failure_case": str(descriptor_path), "detail": "file missing"}])
        return [CheckOutcome("descriptor", False, "datapackage.json missing", fc)]
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [CheckOutcome("descriptor", False, f"datapackage.json unreadable: {err}")]
    outcomes.append(_descriptor_outcome(descriptor))
    if run_frictionless:
        outcomes.append(_frictionless_outcome(descriptor_path))
    raw = read_package_tables(out_dir)
    typed: dict[str, pd.DataFrame] = {}
    for name, table in TABLES.items():
        if name not in raw:
            fc = _failures([{"table": name, "column": None, "check": "file", "key": None,
                             "failure_case": table.csv_path, "detail": "file missing"}])
            outcomes.append(CheckOutcome(f"schema:{name}", False, f"{table.csv_path} missing", fc, name))
            continue
        outcome = validate_table(name, raw[name])
        outcomes.append(outcome)
        typed[name] = outcome.validated if outcome.validated is not None else raw[name]
    outcomes.append(check_foreign_keys(typed))
    outcomes.append(check_spans(typed))
    outcomes.append(check_duckdb(out_dir / DUCKDB_FILENAME, raw))
    return outcomes


def check_tables(tables: Mapping[str, pd.DataFrame]) -> list[CheckOutcome]:
    """All in-memory checks of a set of tables: one Pandera outcome per table,
    then foreign keys and spans (on the coerced frames where a table passed)."""
    outcomes = [validate_table(name, tables[name]) if name in tables else
                CheckOutcome(f"schema:{name}", False, "table missing", table=name) for name in TABLES]
    typed = {o.table: (o.validated if o.validated is not None else tables[o.table])
             for o in outcomes if o.table in tables}
    return outcomes + [check_foreign_keys(typed), check_spans(typed)]
