"""The command line as a new user meets it: empty inputs, bad options, bad SQL,
failures that say why, untrusted metadata, and a rebuild that changes nothing."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import snapshot
from pipeline import assets as assets_module
from pipeline.build import run_build
from pipeline.cli import _parser, main, strip_sql_comments


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


@pytest.fixture(scope="module")
def seed_package(tmp_path_factory, seed_raw):
    out = tmp_path_factory.mktemp("front") / "pkg"
    assert run_build(seed_raw, out).published
    return out


def test_an_empty_raw_folder_publishes_nothing_and_keeps_the_package(tmp_path, seed_raw):
    out = tmp_path / "pkg"
    shutil.copytree(seed_raw, tmp_path / "raw")
    assert cli("build", "--raw-dir", tmp_path / "raw", "--out-dir", out).returncode == 0
    before = snapshot(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = cli("build", "--raw-dir", empty, "--out-dir", out)
    assert proc.returncode == 1, proc.stderr
    assert "no statement was accepted" in proc.stderr and "--allow-empty" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(out) == before
    # only rejected files count as none accepted too
    (empty / "notes.txt").write_text("")
    assert cli("build", "--raw-dir", empty, "--out-dir", out).returncode == 1
    assert snapshot(out) == before
    forced = cli("build", "--raw-dir", empty, "--out-dir", out, "--allow-empty")
    assert forced.returncode == 3, forced.stderr  # published (empty), one file rejected
    assert json.loads((out / "datapackage.json").read_text())["sources"] == []


def test_a_file_as_out_dir_is_refused_before_any_work(tmp_path, seed_raw):
    target = tmp_path / "package.txt"
    target.write_text("not a folder")
    proc = cli("build", "--raw-dir", seed_raw, "--out-dir", target)
    assert proc.returncode == 2
    assert "is not a folder" in proc.stderr and "reading raw files" not in proc.stderr
    assert target.read_text() == "not a folder"


def test_a_failed_build_says_the_underlying_cause(tmp_path, seed_raw, monkeypatch):
    def broken(_extractions):
        raise RuntimeError("the disk is full of invented trouble")

    monkeypatch.setattr(assets_module, "assemble_tables", broken)
    report = run_build(seed_raw, tmp_path / "pkg")
    assert not report.published
    assert "RuntimeError: the disk is full of invented trouble" in report.error
    assert "Error occurred while executing" not in report.error


@pytest.mark.parametrize("sql", ["", "   ", ";", "-- just a comment", "/* a block */ ;", "-- a\n/* b */"])
def test_an_empty_or_comment_only_query_is_a_usage_error(seed_package, sql, capsys):
    assert main(["query", sql, "--out-dir", str(seed_package)]) == 2
    err = capsys.readouterr().err
    assert "the query is empty" in err


def test_comments_are_stripped_but_strings_kept():
    assert strip_sql_comments("SELECT '--not a comment' -- but this is").strip() == "SELECT '--not a comment'"
    assert strip_sql_comments("SELECT /* x */ 1").split() == ["SELECT", "1"]


def test_query_formats(seed_package, capsys):
    sql = "SELECT statement_id, n_words FROM statements ORDER BY statement_id"
    assert main(["query", sql, "--out-dir", str(seed_package), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "statement_id,n_words" and out.splitlines()[1].startswith("canada-japan")
    assert main(["query", sql, "--out-dir", str(seed_package), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["statement_id"] == "canada-japan-2026-03-06" and rows[0]["n_words"] > 100
    long_sql = "SELECT text FROM statements"
    assert main(["query", long_sql, "--out-dir", str(seed_package)]) == 0
    cut = capsys.readouterr().out
    assert main(["query", long_sql, "--out-dir", str(seed_package), "--wide"]) == 0
    wide = capsys.readouterr().out
    assert "..." in cut and max(map(len, cut.splitlines())) <= 80
    assert max(map(len, wide.splitlines())) > 1000


def test_every_option_has_help():
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        for action in p._actions:
            if action.dest != "help":
                assert action.help, (name, action.dest)
        assert "(default:" in p.format_help() or name == "evaluate"


def test_untrusted_metadata_stays_inert_in_the_package(tmp_path, seed_raw):
    raw = tmp_path / "raw"
    shutil.copytree(seed_raw, raw)
    (raw / "hostile.md").write_text(
        '---\ntitle: "[click](javascript:alert(1)) <img src=x onerror=alert(2)> Canada and Japan"\n'
        'source_url: "javascript:alert(3)"\n---\nCanada and Japan will cooperate on clean energy.\n')
    (raw / "tricky.md").write_text(
        '---\ntitle: Canada and Japan on ports\nsource_url: "https://example.org/a)[x](javascript:alert(4))"\n'
        '---\nCanada and Japan will cooperate on ports.\n')
    out = tmp_path / "pkg"
    proc = cli("build", "--raw-dir", raw, "--out-dir", out)
    assert proc.returncode == 0, proc.stderr
    assert "hostile.md: front matter source_url 'javascript:alert(3)' is not an http(s) URL" in proc.stderr
    readme = (out / "README.md").read_text()
    assert "javascript:alert(3)" not in readme and "](javascript:" not in readme
    assert "<img" not in readme
    assert "https://example.org/a%29%5Bx%5D%28javascript:alert%284%29%29" in readme
    statements = (out / "data" / "statements.csv").read_text()
    assert "javascript:alert(3)" not in statements


def test_an_unchanged_rebuild_changes_no_file(tmp_path, seed_raw, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    raw = tmp_path / "raw"
    shutil.copytree(seed_raw, raw)
    out = tmp_path / "pkg"
    assert run_build(raw, out).published
    descriptor = out / "datapackage.json"
    data = json.loads(descriptor.read_text())
    data["created"] = "2001-02-03T04:05:06Z"  # as if first published long ago
    descriptor.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    before = {k: v for k, v in snapshot(out).items() if not k.endswith(".duckdb")}
    assert run_build(raw, out).published
    after = {k: v for k, v in snapshot(out).items() if not k.endswith(".duckdb")}
    assert after == before
    (raw / "more.txt").write_text("Canada and Japan will hold a new dialogue on fisheries in 2031.\n")
    assert run_build(raw, out).published
    assert json.loads(descriptor.read_text())["created"] != "2001-02-03T04:05:06Z"
