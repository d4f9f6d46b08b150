"""The raw-folder sensor: a run when files are added, changed or removed; skip otherwise."""
from __future__ import annotations

import json

import dagster as dg
import pytest

from pipeline.definitions import defs
from pipeline.resources import PipelineFolders
from pipeline.sensors import BUILD_JOB_NAME, folder_state, raw_folder_sensor


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        yield inst


def evaluate(raw, cursor, instance):
    ctx = dg.build_sensor_context(cursor=cursor, instance=instance,
                                  resources={"folders": PipelineFolders(raw_dir=str(raw))})
    result = raw_folder_sensor(ctx)
    return result, ctx.cursor


def test_sensor_is_registered_on_the_build_job():
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    assert sensor.job_name == BUILD_JOB_NAME
    assert sensor.default_status == dg.DefaultSensorStatus.STOPPED
    job = defs.resolve_job_def(BUILD_JOB_NAME)
    keys = {k.to_user_string() for k in job.asset_layer.asset_graph.get_all_asset_keys()}
    assert {"raw_statements", "extraction", "statements", "frictionless_package"} <= keys


def test_add_change_remove_and_skip(tmp_path, instance):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("We, Canada and Japan, commit.")

    first, cursor = evaluate(raw, None, instance)
    assert isinstance(first, dg.RunRequest)
    assert first.tags["joint_statements/added"] == "1"
    assert json.loads(cursor)["files"].keys() == {"a.txt"}

    same, cursor2 = evaluate(raw, cursor, instance)
    assert isinstance(same, dg.SkipReason)
    assert cursor2 == cursor

    (raw / "sub").mkdir()
    (raw / "sub" / "b.md").write_text("# B\n\nText.")
    (raw / ".hidden.txt").write_text("ignored")
    (raw / "backup.txt~").write_text("ignored")
    added, cursor = evaluate(raw, cursor, instance)
    assert isinstance(added, dg.RunRequest)
    assert added.tags == {"joint_statements/added": "1", "joint_statements/changed": "0",
                          "joint_statements/removed": "0"}
    assert set(json.loads(cursor)["files"]) == {"a.txt", "sub/b.md"}

    (raw / "a.txt").write_text("We, Canada and Japan, commit again.")
    changed, cursor = evaluate(raw, cursor, instance)
    assert isinstance(changed, dg.RunRequest) and changed.tags["joint_statements/changed"] == "1"

    (raw / "sub" / "b.md").unlink()
    removed, cursor = evaluate(raw, cursor, instance)
    assert isinstance(removed, dg.RunRequest) and removed.tags["joint_statements/removed"] == "1"

    skipped, _ = evaluate(raw, cursor, instance)
    assert isinstance(skipped, dg.SkipReason)
    keys = [r.run_key for r in (first, added, changed, removed)]
    assert len(set(keys)) == len(keys)


def test_run_keys_are_idempotent_and_a_revert_still_runs(tmp_path, instance):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("one")
    r1, c1 = evaluate(raw, None, instance)
    again, c1_again = evaluate(raw, None, instance)  # the same tick evaluated twice
    assert again.run_key == r1.run_key and c1_again == c1

    (raw / "b.txt").write_text("two")
    r2, c2 = evaluate(raw, c1, instance)
    (raw / "b.txt").unlink()  # back to the first state: a new run, with a new key
    r3, _ = evaluate(raw, c2, instance)
    assert isinstance(r3, dg.RunRequest)
    assert r3.run_key not in {r1.run_key, r2.run_key}
    assert r3.tags["joint_statements/removed"] == "1"


def test_empty_or_missing_folder_skips(tmp_path, instance):
    raw = tmp_path / "raw"
    result, _ = evaluate(raw, None, instance)
    assert isinstance(result, dg.SkipReason) and "does not exist" in str(result.skip_message)
    raw.mkdir()
    result, cursor = evaluate(raw, None, instance)
    assert isinstance(result, dg.SkipReason)
    assert json.loads(cursor)["files"] == {}


def test_bad_cursor_counts_as_no_cursor(tmp_path, instance):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("one")
    result, cursor = evaluate(raw, "not json", instance)
    assert isinstance(result, dg.RunRequest)
    assert json.loads(cursor)["files"] == folder_state(raw)
