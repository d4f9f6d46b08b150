"""CSV form of a table, as the data package stores it, and reading it back.

Written: UTF-8, header row, "," separator, LF line ends, minimal quoting; rows
sorted by primary key; null as the empty field; integers without ".0";
booleans ``true``/``false``; dates ``YYYY-MM-DD``; numbers as the shortest
repr that round-trips.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.metadata import TABLES, Table

_ID_SUFFIX = re.compile(r"^(.*):([a-z]?)([0-9]+)$")


def _table(table: Table | str) -> Table:
    return TABLES[table] if isinstance(table, str) else table


def conform(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """The defined columns, in definition order, cast to the nullable pandas
    dtypes of their types (dates as ``datetime64``). Raises ``KeyError`` for a
    missing column, ``ValueError``/``TypeError`` for an uncastable one; extra
    columns are dropped (validation with the Pandera schema reports them)."""
    table = _table(table)
    missing = [c for c in table.field_names if c not in df.columns]
    if missing:
        raise KeyError(f"{table.name}: missing columns {missing}")
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


def csv_frame(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """All cells as the strings the CSV holds ('' for null), rows sorted by primary key."""
    table = _table(table)
    typed = sort_by_primary_key(table, conform(table, df))
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


def write_table_csv(table: Table | str, df: pd.DataFrame, path: Path) -> Path:
    """Write one table as CSV (see the module docstring for the format)."""
    table = _table(table)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv_frame(table, df).to_csv(fh, index=False, lineterminator="\n")
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
