"""Write the DuckDB file: DDL generated from tables.yaml, rows in dependency order."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.metadata import TABLES, duckdb_ddl, table_order
from pipeline.metadata.to_duckdb import quote_ident
from pipeline.metadata.views import views_ddl

from .csv_io import conformed_tables

DUCKDB_CONFIG = {"threads": 1}
INSERT_CHUNK_ROWS = 50_000  # rows handed to DuckDB at a time (each insert is its own transaction) ...
INSERT_CHUNK_CHARS = 10_000_000  # ... or fewer, so that a chunk holds about this much text


def _chunk_rows(table, frame: pd.DataFrame) -> int:
    """Rows per insert: ``INSERT_CHUNK_ROWS``, fewer for tables of long texts
    (statements), whose strings DuckDB copies as it reads them."""
    if not len(frame):
        return INSERT_CHUNK_ROWS
    sample = frame.iloc[:1000]
    chars = sum(sample[f.name].str.len().fillna(0).mean() for f in table.fields if f.type == "string")
    return max(100, min(INSERT_CHUNK_ROWS, int(INSERT_CHUNK_CHARS / max(chars, 1.0))))


def write_duckdb(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """Create a fresh DuckDB database at ``path`` (an existing file is
    replaced) with every table's DDL (types, NOT NULL, PRIMARY/FOREIGN KEY,
    CHECKs, COMMENT ON) and every view of ``views.yaml`` (with COMMENT ON
    VIEW / COLUMN), insert the rows in foreign-key dependency order
    (sorted by primary key), in chunks, with a checkpoint after each table,
    and close. The file is complete only when this returns.

    Raises ``duckdb.ConstraintException`` when a key or CHECK is violated
    (the file is then left half-written: write it to a temporary path, as
    :func:`publish_atomically` does)."""
    path = Path(path)
    tables = conformed_tables(tables)
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    # one thread, a checkpoint per table and rows in chunks: a fraction of the memory, little slower
    con = duckdb.connect(str(path), config=DUCKDB_CONFIG)
    try:
        order = table_order()
        for name in order:
            con.execute(duckdb_ddl(TABLES[name]))
        con.execute(views_ddl())
        for name in order:
            t = TABLES[name]
            frame = tables[name]
            cols = ", ".join(quote_ident(c) for c in t.field_names)
            select = ", ".join(
                f"CAST({quote_ident(f.name)} AS DATE)" if f.type == "date" else quote_ident(f.name) for f in t.fields
            )
            step = _chunk_rows(t, frame)
            for start in range(0, len(frame), step):
                con.register("__rows", frame.iloc[start:start + step])
                con.execute(f"INSERT INTO {quote_ident(name)} ({cols}) SELECT {select} FROM __rows")
                con.unregister("__rows")
            con.execute("CHECKPOINT")  # the table's blocks go to the file, out of memory
            con.close()  # and DuckDB's buffers (key indexes included) are freed
            con = duckdb.connect(str(path), config=DUCKDB_CONFIG)
    finally:
        con.close()
    return path
