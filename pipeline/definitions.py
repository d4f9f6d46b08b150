"""The Dagster code location (loaded by workspace.yaml and [tool.dagster])."""
from __future__ import annotations

import dagster as dg

from pipeline.assets import ASSETS, CHECKS
from pipeline.resources import PipelineFolders
from pipeline.sensors import JOBS, SENSORS


def make_definitions(folders: PipelineFolders | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        jobs=JOBS,
        sensors=SENSORS,
        resources={"folders": folders or PipelineFolders.from_env()},
    )


defs = make_definitions()
