"""The Dagster layer: definitions load, everything materializes, a failing check blocks publishing."""
from __future__ import annotations


import dagster as dg
import pandas as pd
import pytest

from pipeline import assets as assets_module
from pipeline.build import run_build
from pipeline.definitions import defs, make_definitions
from pipeline.extract.corpus import TABLE_ORDER
from pipeline.resources import PipelineFolders
from tests.conftest import snapshot


def test_definitions_load_with_every_table_and_check():
    job = defs.resolve_implicit_global_asset_job_def()
    keys = {k.to_user_string() for k in job.asset_layer.asset_graph.get_all_asset_keys()}
    assert {"raw_statements", "extraction", *TABLE_ORDER, "frictionless_package", "duckdb_database"} <= keys
    check_keys = {(c.asset_key.to_user_string(), c.name) for c in defs.resolve_asset_graph().asset_check_keys}
    for name in TABLE_ORDER:
        assert (name, f"{name}_schema") in check_keys
    assert ("statements", "foreign_keys_resolve") in check_keys
    assert ("statements", "spans_reproduce_text") in check_keys
    graph = defs.resolve_asset_graph()
    for key in graph.asset_check_keys:
        assert graph.get_check_spec(key).blocking, key


def test_materialize_all_in_process(tmp_path, repo, seed_raw):
    out = tmp_path / "pkg"
    folders = PipelineFolders(raw_dir=str(seed_raw), out_dir=str(out))
    job = make_definitions(folders).resolve_implicit_global_asset_job_def()
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        result = job.execute_in_process(instance=instance)
        assert result.success
        evaluations = result.get_asset_check_evaluations()
        assert len(evaluations) == len(TABLE_ORDER) + 2
        assert all(e.passed for e in evaluations)
        mat = instance.get_latest_materialization_event(dg.AssetKey("commitments")).asset_materialization
        assert mat.metadata["dagster/row_count"].value > 0
        assert "preview" in mat.metadata
        raw = instance.get_latest_materialization_event(dg.AssetKey("raw_statements")).asset_materialization
        assert raw.metadata["accepted"].value == 1 and raw.metadata["rejected"].value == 0
    assert (out / "datapackage.json").is_file()
    assert (out / "joint_statements.duckdb").is_file()




def duplicate_key(frames):
    frames["actors"] = pd.concat([frames["actors"], frames["actors"].head(1)], ignore_index=True)
    return "actors_schema"


def bad_enum(frames):
    df = frames["commitments"].copy()
    df.loc[df.index[0], "kind"] = "promise"
    frames["commitments"] = df
    return "commitments_schema"


def dangling_foreign_key(frames):
    df = frames["commitment_actors"].copy()
    df.loc[df.index[0], "actor_id"] = "XXX"
    frames["commitment_actors"] = df
    return "foreign_keys_resolve"


def broken_span(frames):
    df = frames["mentions"].copy()
    df.loc[df.index[0], "char_start"] = df.loc[df.index[0], "char_start"] + 1
    frames["mentions"] = df
    return "spans_reproduce_text"


@pytest.mark.parametrize("breaker", [duplicate_key, bad_enum, dangling_foreign_key, broken_span])
def test_a_broken_row_fails_its_check_and_nothing_is_published(breaker, tmp_path, monkeypatch, seed_raw):
    out = tmp_path / "pkg"
    first = run_build(seed_raw, out)
    assert first.published
    before = snapshot(out)

    real = assets_module.assemble_tables
    expected = {}

    def corrupted(extractions):
        frames = real(extractions)
        expected["check"] = breaker(frames)
        return frames

    monkeypatch.setattr(assets_module, "assemble_tables", corrupted)
    report = run_build(seed_raw, out)
    assert not report.published
    assert any(f".{expected['check']}:" in c for c in report.failed_checks), report.failed_checks
    assert snapshot(out) == before
