"""The DuckDB file's size stays proportionate to its data (issue 12: 9 MB for one statement)."""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metadata import TABLES
from pipeline.metadata.example import example_tables
from pipeline.publish import DUCKDB_FILENAME
from pipeline.publish.duckdb_file import MAX_BLOCK_SIZE, MIN_BLOCK_SIZE, block_size_for


def test_small_package_gets_a_small_file(published):
    db = published / DUCKDB_FILENAME
    con = duckdb.connect(str(db), read_only=True)
    try:
        block_size, total_blocks = con.execute("PRAGMA database_size").fetchone()[2:4]
        n_keys = con.execute("SELECT count(*) FROM duckdb_constraints() "
                             "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchone()[0]
    finally:
        con.close()
    assert block_size == MIN_BLOCK_SIZE
    assert n_keys >= len(TABLES)  # the keys are still there (each costs a block of its own)
    # DuckDB's default 256 KiB blocks made this 9 MB; at 16 KiB it is well under 1 MB
    assert db.stat().st_size <= (total_blocks + 1) * block_size + 64 * 1024
    assert db.stat().st_size < 1_000_000


def test_block_size_grows_with_the_data():
    small = example_tables()
    assert block_size_for(small) == MIN_BLOCK_SIZE
    empty = {name: df.iloc[:0] for name, df in small.items()}
    assert block_size_for(empty) == MIN_BLOCK_SIZE

    def with_text(n_rows: int, chars: int) -> dict[str, pd.DataFrame]:
        st = small["statements"]
        big = st.loc[st.index.repeat(-(-n_rows // len(st)))].head(n_rows).reset_index(drop=True)
        big["text"] = "x" * chars
        return {**small, "statements": big}

    sizes = [block_size_for(with_text(n, 10_000)) for n in (10, 100, 1_000, 10_000)]
    assert sizes == sorted(sizes) and len(set(sizes)) > 2  # grows in steps
    assert all(s & (s - 1) == 0 and MIN_BLOCK_SIZE <= s <= MAX_BLOCK_SIZE for s in sizes)  # powers of two
    assert sizes[-1] == MAX_BLOCK_SIZE  # 100 MB of text: DuckDB's default
