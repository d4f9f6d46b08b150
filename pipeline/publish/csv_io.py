"""CSV form of a table, as the data package stores it, and reading it back.

Written: UTF-8, header row, "," separator, LF line ends, minimal quoting; rows
sorted by primary key; null as the empty field; integers without ".0";
booleans ``true``/``false``; dates ``YYYY-MM-DD``; numbers as the shortest
repr that round-trips.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from pipeline.metadata import TABLES, Table

_ID_SUFFIX = re.compile(r"^(.*):([a-z]?)([0-9]+)$")


def _table(table: Table | str) -> Table:
    return TABLES[table] if isinstance(table, str) else table


_DTYPES = {"string": pd.StringDtype(), "integer": pd.Int64Dtype(), "number": pd.Float64Dtype(),
           "boolean": pd.BooleanDtype()}


def conform(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """The defined columns, in definition order, cast to the nullable pandas
    dtypes of their types (dates as ``datetime64``). Raises ``KeyError`` for a
    missing column, ``ValueError``/``TypeError`` for an uncastable one; extra
    columns are dropped (validation with the Pandera schema reports them)."""
    table = _table(table)
    missing = [c for c in table.field_names if c not in df.columns]
    if missing:
        raise KeyError(f"{table.name}: missing columns {missing}")
    if list(df.columns) == table.field_names and all(
            df[f.name].dtype == _DTYPES[f.type] for f in table.fields if f.type != "date") and all(
            str(df[f.name].dtype).startswith("datetime64") for f in table.fields if f.type == "date"):
        return df  # already conformed: no copy
    out = {}
    for f in table.fields:
        s = df[f.name]
        if f.type == "string":
            out[f.name] = s.astype("string")
        elif f.type == "integer":
            out[f.name] = s.astype("Int64")
        elif f.type == "number":
            out[f.name] = s.astype("Float64")
        elif f.type == "boolean":
            out[f.name] = s.astype("boolean")
        elif f.type == "date":
            out[f.name] = pd.to_datetime(s, format="ISO8601") if s.dtype == object or s.dtype == "str" else (
                pd.to_datetime(s)
            )
    return pd.DataFrame(out, index=df.index)


def sort_by_primary_key(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in primary-key order, with a fresh 0..n-1 index. Ids of the form
    ``<prefix>:<n>`` / ``<prefix>:c<n>`` / ``<prefix>:m<n>`` sort by prefix then
    by number (``s:2`` before ``s:10``), everything else by value."""
    table = _table(table)
    if isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1 and (
            is_sorted_by_primary_key(table, df)):
        return df  # already in order: no copy
    keys: dict[str, object] = {}
    for col in table.primary_key:
        s = df[col]
        if table.field(col).type == "string" and len(s):
            values = s.astype("string").tolist()
            parts = [_ID_SUFFIX.match(v) if isinstance(v, str) else None for v in values]
            if all(parts):
                keys[f"__{col}_0"] = [m.group(1) for m in parts]
                keys[f"__{col}_1"] = [m.group(2) for m in parts]
                keys[f"__{col}_2"] = [int(m.group(3)) for m in parts]
                continue
        keys[f"__{col}_0"] = s.to_numpy()
    if not len(df):
        return df.reset_index(drop=True)
    order = pd.DataFrame(keys, index=df.index).sort_values(list(keys), kind="stable").index
    return df.loc[order].reset_index(drop=True)


class Conformed(dict):
    """Tables already conformed and in primary-key order (see :func:`conformed_tables`):
    the writers take them as they are instead of checking each again."""


def conformed_tables(tables: dict[str, pd.DataFrame]) -> Conformed:
    """Every table conformed and sorted by primary key, checked once (no copy of a
    table that already is). A name not defined in tables.yaml is passed through
    (the writers report it)."""
    if isinstance(tables, Conformed):
        return tables
    return Conformed({name: sort_by_primary_key(name, conform(name, df)) if name in TABLES else df
                      for name, df in tables.items()})


def _key_of(value: object) -> tuple:
    if isinstance(value, str):
        m = _ID_SUFFIX.match(value)
        if m:
            return (0, m.group(1), m.group(2), int(m.group(3)))
        return (1, value)
    return (2, value)


def is_sorted_by_primary_key(table: Table | str, df: pd.DataFrame) -> bool:
    """Whether the rows are already in the order :func:`sort_by_primary_key` gives
    (one pass, no copy; a null, or a key column of mixed forms, answers False)."""
    table = _table(table)
    if len(df) < 2:
        return True
    previous = None
    forms = None
    for values in zip(*(df[c] for c in table.primary_key)):
        if any(v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) for v in values):
            return False
        key = tuple(_key_of(v) for v in values)
        form = tuple(k[0] for k in key)
        if forms is None:
            forms = form
        elif form != forms:
            return False
        if previous is not None and key < previous:
            return False
        previous = key
    return True


CSV_CHUNK_ROWS = 50_000  # rows turned into text at a time when writing (bounds the memory used)


def csv_frame(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """All cells as the strings the CSV holds ('' for null), rows sorted by primary key."""
    table = _table(table)
    return _cells(table, sort_by_primary_key(table, conform(table, df)))


def _cells(table: Table, typed: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for f in table.fields:
        s = typed[f.name]
        if f.type == "boolean":
            text = pd.Series("", index=s.index, dtype="object")
            text[s.fillna(False).astype(bool)] = "true"
            text[(~s).fillna(False).astype(bool)] = "false"
            out[f.name] = text
        elif f.type == "date":
            out[f.name] = s.dt.strftime("%Y-%m-%d").astype("object").where(s.notna(), "")
        else:  # string, Int64 (no ".0"), Float64 (repr)
            out[f.name] = s.astype("string").fillna("").astype("object")
    return pd.DataFrame(out, columns=table.field_names)


def write_table_csv(table: Table | str, df: pd.DataFrame, path: Path, *, conformed: bool = False) -> Path:
    """Write one table as CSV (see the module docstring for the format), turning
    ``CSV_CHUNK_ROWS`` rows at a time into text. ``conformed``: ``df`` comes from
    :func:`conformed_tables` (not checked again)."""
    table = _table(table)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    typed = df if conformed else sort_by_primary_key(table, conform(table, df))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for start in range(0, max(len(typed), 1), CSV_CHUNK_ROWS):
            _cells(table, typed.iloc[start:start + CSV_CHUNK_ROWS]).to_csv(
                fh, index=False, header=start == 0, lineterminator="\n")
    return path


def read_table_csv(table: Table | str, path: Path) -> pd.DataFrame:
    """Read a table's CSV back with its Table Schema types in mind: every cell
    read as text (``"NA"``, ``"None"``, ``"null"`` stay strings), the empty
    field is null in nullable columns, ``true``/``false`` become booleans.
    Other types are left as text for the Pandera schema to coerce (so a bad
    value shows up as a failure case rather than an exception)."""
    table = _table(table)
    df = pd.read_csv(
        path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8", skip_blank_lines=False
    ).astype(object)
    for f in table.fields:
        if f.name not in df.columns:
            continue
        s = df[f.name]
        if f.nullable:
            s = s.where(s != "", None)
        if f.type == "boolean":
            s = s.map(lambda v: {"true": True, "false": False}.get(v, v) if v is not None else None)
        df[f.name] = s
    return df
