"""A sensor on the raw folder: a build is requested when files are added, changed or removed.

The cursor is JSON: ``{"runs": n, "files": {relative path: sha256[:16]}}``
(every statement file and sidecar under the raw folder; hidden files, editor
backups and OS junk are ignored, as ingest ignores them). Each evaluation hashes
the folder; if the state differs from the cursor's, one ``RunRequest`` of the
whole asset graph is emitted with

    run_key = "raw-" + sha256(folder state)[:16] + "-" + n

and the cursor moves on (``runs`` becomes n + 1). The key is idempotent: an
evaluation that is repeated before the cursor was saved asks for the same key,
which Dagster runs only once; and because ``n`` counts requests, a folder that
returns to an earlier state (a file removed, then put back) still gets a new run.
Unchanged folder: ``SkipReason``. Unchanged statements cost little in the run
itself: their extraction comes from the per-statement cache.

Default status STOPPED: turned on in the UI (Automation) or with
``dagster sensor start raw_folder_sensor``. Running by default would make every
``dagster dev`` start rebuilding ``datapackage/`` (a committed folder) as soon as
the daemon runs, which nobody asked for.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath

import dagster as dg

from pipeline.ingest.reader import JUNK_NAMES
from pipeline.resources import PipelineFolders

BUILD_JOB_NAME = "build_package"
build_job = dg.define_asset_job(
    BUILD_JOB_NAME,
    selection=dg.AssetSelection.all(),
    description="Every asset and check: raw folder to the published package.",
)
HASH_CHARS = 16
MAX_LISTED = 20


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.lower() in JUNK_NAMES or name.endswith("~")


def folder_state(raw_dir: Path) -> dict[str, str]:
    """``{relative POSIX path: sha256[:16] of the bytes}`` for every file the pipeline may read."""
    raw_dir = Path(raw_dir)
    state: dict[str, str] = {}
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not _ignored(d))
        for name in files:
            if _ignored(name):
                continue
            path = Path(root) / name
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_CHARS]
            except OSError:  # vanished or unreadable: ingest will say why
                digest = "unreadable"
            state[PurePosixPath(path.relative_to(raw_dir)).as_posix()] = digest
    return dict(sorted(state.items()))


def state_hash(state: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def read_cursor(cursor: str | None) -> tuple[int, dict[str, str]]:
    if not cursor:
        return 0, {}
    try:
        data = json.loads(cursor)
        return int(data.get("runs", 0)), {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (ValueError, TypeError, AttributeError):
        return 0, {}


def diff_states(old: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": sorted(set(new) - set(old)),
        "changed": sorted(k for k in set(new) & set(old) if new[k] != old[k]),
        "removed": sorted(set(old) - set(new)),
    }


def _listed(names: list[str]) -> str:
    more = f" (+{len(names) - MAX_LISTED} more)" if len(names) > MAX_LISTED else ""
    return ", ".join(names[:MAX_LISTED]) + more


@dg.sensor(
    name="raw_folder_sensor",
    job=build_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Requests a build when files in the raw folder are added, changed or removed.",
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, folders: PipelineFolders):
    raw_dir = folders.raw_path
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw folder {raw_dir} does not exist")
    runs, old = read_cursor(context.cursor)
    new = folder_state(raw_dir)
    if new == old:
        if not context.cursor:
            context.update_cursor(json.dumps({"runs": runs, "files": new}, sort_keys=True))
        return dg.SkipReason(f"no file added, changed or removed in {raw_dir} ({len(new)} files)")
    delta = diff_states(old, new)
    run_key = f"raw-{state_hash(new)[:16]}-{runs}"
    context.update_cursor(json.dumps({"runs": runs + 1, "files": new}, sort_keys=True))
    context.log.info("; ".join(f"{k}: {_listed(v)}" for k, v in delta.items() if v) or "first evaluation")
    return dg.RunRequest(
        run_key=run_key,
        tags={f"joint_statements/{k}": str(len(v)) for k, v in delta.items()},
    )


SENSORS = [raw_folder_sensor]
JOBS = [build_job]
