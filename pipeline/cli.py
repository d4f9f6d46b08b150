"""Command line: ``python -m pipeline build|validate|query|evaluate|release`` (DATA_MODEL.md, "Command line"),
also installed as the ``joint-statements`` console script.

Exit status
  0  every input accepted, every check passed, package published
  1  a check failed or the run failed: nothing was published (the previous
     package, if any, is left as it was)
  2  usage error (bad option, missing folder, bad SQL)
  3  the package was published, but some input files were rejected
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
QUERY_FORMATS = ("table", "csv", "json")
CELL_WIDTH = 80  # characters of a cell shown by ``query --format table`` unless --wide


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Keeps the epilog's line breaks and shows every option's default."""


def _out_dir_option(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--out-dir", type=Path, default=Path("datapackage"), metavar="DIR",
                   help=f"the package folder {what}")


def _parser() -> argparse.ArgumentParser:
    from pipeline.ingest import DEFAULT_MAX_BYTES

    p = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0],
                                formatter_class=_Formatter,
                                epilog="\n".join(__doc__.splitlines()[3:]))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", formatter_class=_Formatter,
                       help="read raw statements, extract, validate and publish the package",
                       description="Read every statement of the raw folder, extract the tables, run the "
                                   "blocking checks and publish the package atomically.")
    b.add_argument("--raw-dir", type=Path, default=Path("raw"), metavar="DIR",
                   help="folder of statements (.txt, .md, .html; subfolders are read too)")
    _out_dir_option(b, "to publish to (replaced atomically; left as it was when anything fails)")
    b.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest raw file accepted, in bytes")
    b.add_argument("--allow-empty", action="store_true",
                   help="publish even when no statement is accepted (replaces the package with an empty one)")
    v = sub.add_parser("validate", formatter_class=_Formatter,
                       help="check a published package (Frictionless, Pandera, keys, spans, DuckDB)")
    _out_dir_option(v, "to check")
    q = sub.add_parser("query", formatter_class=_Formatter,
                       help="run SQL against the package's DuckDB file (read-only)",
                       description="Run one SQL query against joint_statements.duckdb (opened read-only) "
                                   "and print the result.")
    q.add_argument("sql", help="the SQL query, e.g. \"SELECT kind, count(*) FROM commitments GROUP BY kind\"")
    _out_dir_option(q, "whose DuckDB file is queried")
    q.add_argument("--format", choices=QUERY_FORMATS, default="table",
                   help="aligned table, CSV (header row) or JSON (one array of objects)")
    q.add_argument("--wide", action="store_true",
                   help=f"table format: show whole cells instead of cutting them at {CELL_WIDTH} characters")
    e = sub.add_parser("evaluate", formatter_class=_Formatter,
                       help="score a published package against gold annotations (ANNOTATION.md format)")
    e.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of <statement_id>.yaml gold files")
    _out_dir_option(e, "to score")
    e.add_argument("--verbose", action="store_true", help="list every miss")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    r = sub.add_parser("release", formatter_class=_Formatter,
                       help="zip a built package for download: package, DuckDB, Parquet, SHA256SUMS",
                       description="Write <dist-dir>/joint-statements-<version>.zip from an already-built "
                                   "package (version from pyproject.toml; entry times from SOURCE_DATE_EPOCH).")
    _out_dir_option(r, "to release (built first with `build`; its DuckDB file is needed)")
    r.add_argument("--dist-dir", "--dist", dest="dist_dir", type=Path, default=Path("dist"), metavar="DIR",
                   help="where the zip is written")
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
    if args.out_dir.exists() and not args.out_dir.is_dir():
        err(f"error: --out-dir {args.out_dir} exists and is not a folder; remove it or choose another folder")
        return EXIT_USAGE
    from pipeline import progress

    progress.configure(enabled=True)
    report = run_build(args.raw_dir, args.out_dir, max_bytes=args.max_bytes, allow_empty=args.allow_empty)
    for source_file, message in report.warnings:
        err(f"warning {source_file}: {message}")
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

    if not strip_sql_comments(args.sql).strip(" \t\r\n;"):
        err("error: the query is empty (or only comments); give one SQL statement, e.g. "
            "\"SELECT count(*) FROM statements\"")
        return EXIT_USAGE
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
    if args.format == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif args.format == "json":
        print(df.to_json(orient="records", date_format="iso", force_ascii=False, indent=1))
    else:
        print(format_table(df, width=None if args.wide else CELL_WIDTH))
    return EXIT_OK


def strip_sql_comments(sql: str) -> str:
    """``sql`` without ``-- ...`` line comments and ``/* ... */`` block comments
    (quoted strings are kept whole, so a ``--`` inside quotes is not a comment)."""
    token = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?(?:\*/|\Z)", re.S)
    return token.sub(lambda m: m.group(0) if m.group(0)[0] in "'\"" else " ", sql)


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


def format_table(df, width: int | None = CELL_WIDTH) -> str:
    """An aligned plain-text table, NULL shown as empty, line breaks shown as
    spaces, cells longer than ``width`` cut (``None``: never cut)."""
    if df.empty:
        return " | ".join(df.columns) + "\n(0 rows)"
    shown = df.astype("string").fillna("").map(lambda v: v.replace("\n", " "))
    if width is not None:
        shown = shown.map(lambda v: (v[: width - 3] + "...") if len(v) > width else v)
    widths = [max(len(str(c)), *(len(v) for v in shown[c])) for c in shown.columns]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(shown.columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(row, widths)) for row in shown.itertuples(index=False)]
    lines.append(f"({len(df)} row{'s' if len(df) != 1 else ''})")
    return "\n".join(lines)
