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
    failed_checks: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None


QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_build(raw_dir: Path, out_dir: Path, max_bytes: int | None = None, definitions=None) -> BuildReport:
    from pipeline.definitions import make_definitions
    from pipeline.resources import PipelineFolders

    folders = PipelineFolders(raw_dir=str(raw_dir), out_dir=str(out_dir),
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
            report.error = f"step {failures[0].step_key} failed: {data.error.message.strip() if data.error else ''}"
        elif not report.failed_checks:
            report.error = "the run did not succeed"
    report.rejected.sort(key=lambda r: r.source_file)
    return report
