"""DuckDB file size (issue 12: "9 MB for one statement"): the file written by
``write_duckdb`` for K copies of a built package's tables, at DuckDB block sizes.

    .venv/bin/python benchmarks/duckdb_size.py PACKAGE_DIR [--copies 1,5,10,20,50,500]
                                              [--block-sizes auto,16384,65536,262144]

PACKAGE_DIR is a built package (e.g. ``python -m pipeline build --raw-dir
../shared/corpus/unlabeled --out-dir /tmp/u20``). Each copy gets its statement-,
sentence-, commitment- and mention-ids prefixed ``x<k>-`` (actors, agreements and
regions are shared, as in a real corpus), so the keys stay valid. Every size and
block size is written in a fresh process (``--one``), which prints the file size,
the seconds and the peak memory the write added; ``auto`` is the block size the
pipeline chooses (``block_size_for``).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCOPED = ("statement_id", "sentence_id", "commitment_id", "mention_id")


def copies_of(pkg: Path, k: int):
    import pandas as pd

    from pipeline.metadata import TABLES
    from pipeline.publish import read_table_csv, sort_by_primary_key

    tables = {}
    for name, t in TABLES.items():
        df = read_table_csv(t, pkg / t.csv_path)
        if any(c in df.columns for c in SCOPED):
            parts = []
            for i in range(k):
                c = df.copy()
                for col in SCOPED:
                    if col in c.columns:
                        c[col] = f"x{i:05d}-" + c[col].astype(str)
                parts.append(c)
            df = pd.concat(parts, ignore_index=True)
        tables[name] = sort_by_primary_key(t, df)
    return tables


def _status_mb(key: str) -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith(key))


def one(pkg: Path, k: int, block: str) -> str:
    """Write one file in this process; returns a Markdown table row."""
    import duckdb

    import pipeline.publish.duckdb_file as dfm
    from pipeline.memory import release_freed_memory

    tables = copies_of(pkg, k)
    release_freed_memory()
    chosen = dfm.block_size_for(tables)
    if block != "auto":
        dfm.block_size_for = lambda _tables: int(block)  # what write_duckdb will use
    with open("/proc/self/clear_refs", "w") as fh:  # reset the peak (VmHWM) to the current RSS
        fh.write("5")
    before = _status_mb("VmRSS")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.duckdb"
        t0 = time.perf_counter()
        dfm.write_duckdb(tables, path)
        seconds = time.perf_counter() - t0
        added = _status_mb("VmHWM") - before
        con = duckdb.connect(str(path), read_only=True)
        n = con.execute("SELECT count(*) FROM statements").fetchone()[0]
        blocks = con.execute("PRAGMA database_size").fetchone()[3]  # total_blocks
        con.close()
        size = path.stat().st_size
    label = f"auto ({chosen // 1024} KiB)" if block == "auto" else f"{int(block) // 1024} KiB"
    return f"| {n:,} | {label} | {blocks:,} | {size / 1e6:.2f} | {seconds:.1f} | {added} |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("package", type=Path)
    ap.add_argument("--copies", default="1,5,10,20,50")
    ap.add_argument("--block-sizes", default="auto,16384,65536,262144")
    ap.add_argument("--one", nargs=2, metavar=("COPIES", "BLOCK"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(one(args.package, int(args.one[0]), args.one[1]))
        return 0
    if not (args.package / "datapackage.json").is_file():
        sys.exit(f"{args.package} is not a built package (no datapackage.json)")
    print("| statements | block size | blocks | MB | write s | peak MB added |")
    print("|---:|---|---:|---:|---:|---:|")
    for k in (int(c) for c in args.copies.split(",")):
        for block in args.block_sizes.split(","):
            out = subprocess.run([sys.executable, __file__, str(args.package), "--one", str(k), block],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
