"""Run the Dagster asset graph in-process (what ``python -m pipeline build`` does).

The same assets and checks as the UI, executed with an ephemeral instance and
an in-memory IO manager; the report says what was rejected, which checks
failed and whether the package was published.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipeline.model import Rejection


@dataclass
class BuildReport:
    published: bool = False
    n_statements: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source_file, message) of accepted files
    failed_checks: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None


QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_build(raw_dir: Path, out_dir: Path, max_bytes: int | None = None, definitions=None,
              allow_empty: bool = False) -> BuildReport:
    from pipeline.definitions import make_definitions
    from pipeline.resources import PipelineFolders

    folders = PipelineFolders(raw_dir=str(raw_dir), out_dir=str(out_dir), allow_empty=allow_empty,
                              **({"max_bytes": max_bytes} if max_bytes else {}))
    defs = definitions or make_definitions(folders)
    job = defs.resolve_implicit_global_asset_job_def()
    result = job.execute_in_process(
        instance=dg.DagsterInstance.ephemeral(),
        resources={"folders": folders, "io_manager": dg.mem_io_manager},
        run_config=QUIET,
        raise_on_error=False,
    )
    return report_from(result)


def report_from(result: dg.ExecuteInProcessResult) -> BuildReport:
    report = BuildReport()
    for ev in result.get_asset_check_evaluations():
        if not ev.passed:
            msg = ev.metadata.get("message")
            text = getattr(msg, "value", msg) or ""
            report.failed_checks.append(f"{ev.asset_key.to_user_string()}.{ev.check_name}: {text}")
    materialized = {e.asset_key.to_user_string(): e for e in result.get_asset_materialization_events()}
    report.published = "frictionless_package" in materialized and "duckdb_database" in materialized
    try:
        ingest = result.asset_value("raw_statements")
        report.rejected.extend(ingest.rejected)
        report.warnings.extend((st.source_file, w) for st in sorted(ingest.statements, key=lambda st: st.source_file)
                               for w in st.warnings)
        extraction = result.asset_value("extraction")
        report.rejected.extend(extraction.rejected)
        report.n_statements = extraction.n_statements
    except Exception:  # the run failed before these were produced
        pass
    for name, ev in materialized.items():
        meta = ev.materialization.metadata
        if "dagster/row_count" in meta:
            report.row_counts[name] = int(meta["dagster/row_count"].value)
    if not result.success:
        failures = [e for e in result.all_events if e.is_step_failure]
        if failures:
            data = failures[0].step_failure_data
            report.error = f"step {failures[0].step_key} failed: {underlying_cause(data)}"
        elif not report.failed_checks:
            report.error = "the run did not succeed"
    report.rejected.sort(key=lambda r: r.source_file)
    return report


def underlying_cause(failure_data) -> str:
    """The message a user needs from a step failure: Dagster wraps an exception
    raised in an asset ("Error occurred while executing op ...") and keeps the
    original as the error's cause; a ``dg.Failure`` carries its description in
    the user-failure data. Returns the innermost cause as ``Class: message``."""
    user = getattr(failure_data, "user_failure_data", None)
    if user is not None and user.description:
        return user.description
    error = failure_data.error
    if error is None:
        return "unknown error"
    while error.cause is not None:
        error = error.cause
    message = error.message.strip()
    name = error.cls_name or ""
    return message if not name or message.startswith(name) else f"{name}: {message}"
