"""The Dagster UI end to end: `dagster dev` on a free localhost port, asked over GraphQL.

Starts the webserver and daemon with a temporary DAGSTER_HOME and output folder,
lists the assets and their checks, launches a run of every asset, waits for
SUCCESS, checks that every check result was recorded, and shuts everything down.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from pipeline.extract.corpus import TABLE_ORDER

STARTUP_SECONDS = 120
RUN_SECONDS = 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dagster_dev(tmp_path, repo, seed_raw):
    port = free_port()
    home, out = tmp_path / "dagster_home", tmp_path / "out"
    home.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(home), "JOINT_STATEMENTS_OUT_DIR": str(out),
           "JOINT_STATEMENTS_RAW_DIR": str(seed_raw), "DAGSTER_DISABLE_TELEMETRY": "yes"}
    dagster = Path(sys.executable).with_name("dagster")
    log = (tmp_path / "dagster_dev.log").open("w")
    proc = subprocess.Popen([str(dagster), "dev", "-h", "127.0.0.1", "-p", str(port)], cwd=repo, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if requests.get(f"{url}/server_info", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert proc.poll() is None, (tmp_path / "dagster_dev.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "dagster dev did not start"
            time.sleep(1)
        yield url, out
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def graphql(url: str, query: str, variables: dict | None = None) -> dict:
    r = requests.post(f"{url}/graphql", json={"query": query, "variables": variables or {}}, timeout=30)
    r.raise_for_status()
    body = r.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


CHECKS_QUERY = """{ assetNodes { assetKey { path } groupName description
  assetChecksOrError { ... on AssetChecks { checks { name blocking
    executionForLatestMaterialization { runId status evaluation { success } } } } } } }"""

LAUNCH = """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
  __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }"""

STATUS = """query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"""


def test_ui_lists_assets_runs_everything_and_records_checks(dagster_dev):
    url, out = dagster_dev
    nodes = {"/".join(n["assetKey"]["path"]): n for n in graphql(url, CHECKS_QUERY)["assetNodes"]}
    assert {"raw_statements", "extraction", *TABLE_ORDER, "frictionless_package", "duckdb_database"} <= set(nodes)
    assert all(nodes[name]["description"] for name in nodes)
    for name in TABLE_ORDER:
        checks = {c["name"]: c for c in nodes[name]["assetChecksOrError"]["checks"]}
        assert checks[f"{name}_schema"]["blocking"]

    params = {"selector": {"repositoryLocationName": "joint_statements", "repositoryName": "__repository__",
                           "jobName": "__ASSET_JOB"}, "runConfigData": {}}
    launched = graphql(url, LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]
    deadline = time.monotonic() + RUN_SECONDS
    status = None
    while time.monotonic() < deadline:
        status = graphql(url, STATUS, {"id": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(2)
    assert status == "SUCCESS"

    nodes = {"/".join(n["assetKey"]["path"]): n for n in graphql(url, CHECKS_QUERY)["assetNodes"]}
    recorded = [c for n in nodes.values() for c in n["assetChecksOrError"]["checks"]]
    assert len(recorded) == len(TABLE_ORDER) + 2
    for check in recorded:
        execution = check["executionForLatestMaterialization"]
        assert execution and execution["runId"] == run_id, check
        assert execution["status"] == "SUCCEEDED" and execution["evaluation"]["success"], check
    assert (out / "datapackage.json").is_file() and (out / "joint_statements.duckdb").is_file()
