"""Command line: ``python -m pipeline build|validate|query`` (DATA_MODEL.md, "Command line").

Exit status
  0  every input accepted, every check passed, package published
  1  a check failed or the run failed: nothing was published (the previous
     package, if any, is left as it was)
  2  usage error (bad option, missing folder, bad SQL)
  3  the package was published, but some input files were rejected
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    from pipeline.ingest import DEFAULT_MAX_BYTES

    p = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n".join(__doc__.splitlines()[2:]))
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read raw statements, extract, validate and publish the package")
    b.add_argument("--raw-dir", type=Path, default=Path("raw"))
    b.add_argument("--out-dir", type=Path, default=Path("datapackage"))
    b.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"largest raw file accepted, in bytes (default {DEFAULT_MAX_BYTES})")
    v = sub.add_parser("validate", help="check a published package (Frictionless and Pandera)")
    v.add_argument("--out-dir", type=Path, default=Path("datapackage"))
    q = sub.add_parser("query", help="run SQL against the package's DuckDB file (read-only)")
    q.add_argument("sql")
    q.add_argument("--out-dir", type=Path, default=Path("datapackage"))
    e = sub.add_parser("evaluate", help="score a published package against gold annotations (ANNOTATION.md format)")
    e.add_argument("--gold", type=Path, required=True, help="folder of <statement_id>.yaml gold files")
    e.add_argument("--out-dir", type=Path, default=Path("datapackage"))
    e.add_argument("--verbose", action="store_true", help="list every miss")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    r = sub.add_parser("release", help="zip a built package for download: CSV + datapackage.json, DuckDB, "
                       "Parquet, SHA256SUMS")
    r.add_argument("--out-dir", type=Path, default=Path("datapackage"),
                   help="the built package to release (default datapackage)")
    r.add_argument("--dist-dir", "--dist", dest="dist_dir", type=Path, default=Path("dist"),
                   help="where joint-statements-<version>.zip is written (default dist)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return cmd_build(args)
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "query":
            return cmd_query(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "release":
            return cmd_release(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE


def err(msg: str) -> None:
    print(msg, file=sys.stderr)


def cmd_build(args) -> int:
    from pipeline.build import run_build

    if not args.raw_dir.is_dir():
        err(f"error: raw folder {args.raw_dir} does not exist or is not a folder")
        return EXIT_USAGE
    if args.max_bytes <= 0:
        err("error: --max-bytes must be a positive number of bytes")
        return EXIT_USAGE
    from pipeline import progress

    progress.configure(enabled=True)
    report = run_build(args.raw_dir, args.out_dir, max_bytes=args.max_bytes)
    for r in report.rejected:
        err(f"rejected {r.source_file}: {r.reason}")
    for c in report.failed_checks:
        err(f"check failed: {c}")
    if report.error:
        err(f"error: {report.error}")
    if not report.published:
        err(f"nothing published: {args.out_dir} is left as it was")
        return EXIT_FAILED
    print(f"published {report.n_statements} statement(s) to {args.out_dir}: "
          + ", ".join(f"{name} {n}" for name, n in report.row_counts.items()))
    if report.rejected:
        err(f"{len(report.rejected)} file(s) rejected; the others were published")
        return EXIT_REJECTED
    return EXIT_OK


def cmd_validate(args) -> int:
    from pipeline.checks import validate_package

    if not (args.out_dir / "datapackage.json").is_file():
        err(f"error: no datapackage.json in {args.out_dir}; run `python -m pipeline build` first")
        return EXIT_USAGE
    outcomes = validate_package(args.out_dir)
    ok = True
    for o in outcomes:
        print(f"{'ok  ' if o.passed else 'FAIL'} {o.name}: {o.message}")
        if not o.passed:
            ok = False
            if o.failures is not None and len(o.failures):
                print(o.failures.head(20).to_string(index=False))
    return EXIT_OK if ok else EXIT_FAILED


def cmd_query(args) -> int:
    import duckdb

    from pipeline.publish import DUCKDB_NAME

    db = args.out_dir / DUCKDB_NAME
    if not db.is_file():
        err(f"error: no {DUCKDB_NAME} in {args.out_dir}; run `python -m pipeline build` first")
        return EXIT_USAGE
    con = duckdb.connect(str(db), read_only=True)
    try:
        df = con.execute(args.sql).fetchdf()
    except duckdb.Error as e:
        err(f"error: {e}")
        return EXIT_USAGE
    finally:
        con.close()
    print(format_table(df))
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from pipeline.evaluate import evaluate, format_report, to_json

    if not (args.out_dir / "data").is_dir():
        err(f"error: no data/ folder in {args.out_dir}; run `python -m pipeline build` first")
        return EXIT_USAGE
    if not args.gold.is_dir() or not any(args.gold.glob("*.yaml")):
        err(f"error: {args.gold} holds no gold files (<statement_id>.yaml)")
        return EXIT_USAGE
    result, tallies = evaluate(args.out_dir, args.gold)
    print(to_json(result) if args.json else format_report(result, tallies, verbose=args.verbose))
    return EXIT_OK


def cmd_release(args) -> int:
    from pipeline.publish.release import ReleaseError, UsageError, make_release

    try:
        rel = make_release(args.out_dir, args.dist_dir)
    except UsageError as e:
        err(f"error: {e}")
        return EXIT_USAGE
    except ReleaseError as e:
        err(f"error: {e}; no release was written")
        return EXIT_FAILED
    print(f"released {rel.path}: {rel.path.stat().st_size:,} bytes, {len(rel.entries)} files, "
          f"sha256 {rel.sha256}")
    return EXIT_OK


def format_table(df) -> str:
    """An aligned plain-text table, NULL shown as empty, long cells cut."""
    if df.empty:
        return " | ".join(df.columns) + "\n(0 rows)"
    shown = df.astype("string").fillna("")
    shown = shown.map(lambda v: (v[:77] + "...") if len(v) > 80 else v.replace("\n", " "))
    widths = [max(len(str(c)), *(len(v) for v in shown[c])) for c in shown.columns]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(shown.columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(row, widths)) for row in shown.itertuples(index=False)]
    lines.append(f"({len(df)} row{'s' if len(df) != 1 else ''})")
    return "\n".join(lines)
