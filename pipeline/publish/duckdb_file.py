"""Write the DuckDB file: DDL generated from tables.yaml, rows in dependency order."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.metadata import TABLES, duckdb_ddl, table_order
from pipeline.metadata.to_duckdb import quote_ident
from pipeline.metadata.views import views_ddl

from .csv_io import conform, sort_by_primary_key


def write_duckdb(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """Create a fresh DuckDB database at ``path`` (an existing file is
    replaced) with every table's DDL (types, NOT NULL, PRIMARY/FOREIGN KEY,
    CHECKs, COMMENT ON) and every view of ``views.yaml`` (with COMMENT ON
    VIEW / COLUMN), insert the rows in foreign-key dependency order
    (sorted by primary key) in one transaction, checkpoint and close.

    Raises ``duckdb.ConstraintException`` when a key or CHECK is violated
    (the file is then left half-written: write it to a temporary path, as
    :func:`publish_atomically` does)."""
    path = Path(path)
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        order = table_order()
        for name in order:
            con.execute(duckdb_ddl(TABLES[name]))
        con.execute(views_ddl())
        con.execute("BEGIN TRANSACTION")
        for name in order:
            t = TABLES[name]
            frame = sort_by_primary_key(t, conform(t, tables[name]))
            con.register("__rows", frame)
            cols = ", ".join(quote_ident(c) for c in t.field_names)
            select = ", ".join(
                f"CAST({quote_ident(f.name)} AS DATE)" if f.type == "date" else quote_ident(f.name) for f in t.fields
            )
            con.execute(f"INSERT INTO {quote_ident(name)} ({cols}) SELECT {select} FROM __rows")
            con.unregister("__rows")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
