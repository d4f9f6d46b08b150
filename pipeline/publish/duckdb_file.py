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
# DuckDB stores every table and every key index (one per primary and per foreign
# key: 24 here) in blocks of its own, so a file holds at least ~36 blocks. At
# DuckDB's default block size (256 KiB) that is 9 MB even for one statement; the
# block size is therefore chosen from the data (see block_size_for).
MIN_BLOCK_SIZE, MAX_BLOCK_SIZE = 16 * 1024, 256 * 1024  # DuckDB's smallest and its default
BYTES_PER_BLOCK = 160  # about this many bytes of table data per byte of block size
INSERT_CHUNK_ROWS = 50_000  # rows handed to DuckDB at a time (each insert is its own transaction) ...
INSERT_CHUNK_CHARS = 10_000_000  # ... or fewer, so that a chunk holds about this much text


def _row_chars(table, frame: pd.DataFrame) -> float:
    """Mean characters of text per row (from the first 1,000 rows)."""
    sample = frame.iloc[:1000]
    return float(sum(sample[f.name].str.len().fillna(0).mean() for f in table.fields if f.type == "string"))


def _chunk_rows(table, frame: pd.DataFrame) -> int:
    """Rows per insert: ``INSERT_CHUNK_ROWS``, fewer for tables of long texts
    (statements), whose strings DuckDB copies as it reads them."""
    if not len(frame):
        return INSERT_CHUNK_ROWS
    return max(100, min(INSERT_CHUNK_ROWS, int(INSERT_CHUNK_CHARS / max(_row_chars(table, frame), 1.0))))


def block_size_for(tables: Mapping[str, pd.DataFrame]) -> int:
    """The DuckDB block size for these tables: the largest power of two from
    16 KiB to 256 KiB that is at most 1/``BYTES_PER_BLOCK`` of the data (text
    characters plus 8 bytes per other field, estimated from samples).

    Measured on copies of the 20 unlabeled statements: 16 KiB gives the
    smallest file up to ~100 statements (20: 1.3 MB against 9.4 MB at 256 KiB),
    but larger files than 256 KiB from ~1,000 statements on (10,000: 353 MB
    against 230 MB), because a small block compresses less and spills long
    strings; 64-128 KiB is best in between."""
    data = 0.0
    for name, frame in tables.items():
        if len(frame):
            t = TABLES[name]
            other = sum(8 for f in t.fields if f.type != "string")
            data += len(frame) * (_row_chars(t, frame) + other)
    size = MIN_BLOCK_SIZE
    while size < MAX_BLOCK_SIZE and 2 * size * BYTES_PER_BLOCK <= data:
        size *= 2
    return size


def write_duckdb(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """Create a fresh DuckDB database at ``path`` (an existing file is
    replaced) with every table's DDL (types, NOT NULL, PRIMARY/FOREIGN KEY,
    CHECKs, COMMENT ON) and every view of ``views.yaml`` (with COMMENT ON
    VIEW / COLUMN) and a block size proportionate to the data
    (:func:`block_size_for`), insert the rows in foreign-key dependency order
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
    config = {**DUCKDB_CONFIG, "default_block_size": block_size_for(tables)}  # a new file's block size
    con = duckdb.connect(str(path), config=config)
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
            con = duckdb.connect(str(path), config=config)
    finally:
        con.close()
    return path
