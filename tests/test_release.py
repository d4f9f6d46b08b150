"""``python -m pipeline release``: the zip's contents, Frictionless straight from
the zip, Parquet against CSV, SHA256SUMS, reproducibility, usage errors, and the
package README's "Get the data" lines run against a real release."""
from __future__ import annotations

import hashlib
import re
import shutil
import stat
import time
import tomllib
import zipfile
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pytest

from pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from pipeline.metadata import PACKAGE, TABLES
from pipeline.metadata.example import example_sources, example_tables
from pipeline.publish import DUCKDB_FILENAME, publish_atomically
from pipeline.publish.release import make_release, project_version, zip_name
from tests.conftest import EPOCH, REPO


def _publish(out: Path) -> Path:
    publish_atomically(example_tables(), out, example_sources())
    return out


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The example package built once and released once (SOURCE_DATE_EPOCH set)."""
    root = tmp_path_factory.mktemp("release")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        pkg = _publish(root / "datapackage")
        assert main(["release", "--out-dir", str(pkg), "--dist-dir", str(root / "dist")]) == EXIT_OK
    zpath = root / "dist" / zip_name()
    unpacked = root / "unpacked"
    with zipfile.ZipFile(zpath) as zf:
        zf.extractall(unpacked)
    return pkg, zpath, unpacked


def test_version_comes_from_pyproject_and_matches_the_package():
    with (REPO / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    assert project_version() == version
    assert PACKAGE.version == version  # tables.yaml's package version stays in step with the release name
    assert zip_name() == f"joint-statements-{version}.zip"


def test_zip_holds_package_duckdb_parquet_and_sums(released):
    pkg, zpath, _ = released
    with zipfile.ZipFile(zpath) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and len(set(names)) == len(names)
    expected = {"datapackage.json", "README.md", DUCKDB_FILENAME, "SHA256SUMS"}
    expected |= {t.csv_path for t in TABLES.values()} | {f"parquet/{n}.parquet" for n in TABLES}
    expected |= {p.relative_to(pkg).as_posix() for folder in ("charts", "review")
                 for p in (pkg / folder).rglob("*") if p.is_file()}
    assert set(names) == expected
    assert any(n.startswith("charts/") for n in names) and "review/index.html" in names
    when = time.gmtime(int(EPOCH))[:6]
    for i in infos:
        assert not i.is_dir()
        assert i.date_time == when
        assert stat.S_IMODE(i.external_attr >> 16) == 0o644 and stat.S_ISREG(i.external_attr >> 16)
    for rel in expected - {"SHA256SUMS"} - {n for n in expected if n.startswith("parquet/")}:
        with zipfile.ZipFile(zpath) as zf:
            assert zf.read(rel) == (pkg / rel).read_bytes(), rel  # the package as published


def test_frictionless_reads_and_validates_the_zip(released):
    _, zpath, _ = released
    report = frictionless.validate(str(zpath))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(str(zpath))
    assert [r.name for r in package.resources] == list(TABLES)
    assert len(package.get_resource("commitments").read_rows()) == len(example_tables()["commitments"])


def test_every_parquet_loads_in_duckdb_like_its_csv(released):
    _, _, unpacked = released
    con = duckdb.connect()
    try:
        for name, t in TABLES.items():
            pq = (unpacked / "parquet" / f"{name}.parquet").as_posix()
            csv_frame = pd.read_csv(unpacked / t.csv_path, dtype=str, keep_default_na=False)
            rows = con.execute(f"SELECT * FROM read_parquet('{pq}')").fetchall()
            assert len(rows) == len(csv_frame) == len(example_tables()[name]), name
            cols = [c[0] for c in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{pq}')").fetchall()]
            assert cols == list(csv_frame.columns), name
            key = t.primary_key[0]
            assert [str(r[cols.index(key)]) for r in rows] == list(csv_frame[key]), name  # same row order
            types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                                     f"read_parquet('{pq}'))").fetchall())
            for f in t.fields:  # typed like the DuckDB file, not all text
                if f.type == "date":
                    assert types[f.name] == "DATE", (name, f.name)
                if f.type == "integer":
                    assert types[f.name] in {"BIGINT", "INTEGER"}, (name, f.name)
    finally:
        con.close()


def test_sha256sums_match_every_file(released):
    _, zpath, _ = released
    with zipfile.ZipFile(zpath) as zf:
        names = set(zf.namelist())
        lines = zf.read("SHA256SUMS").decode("utf-8").splitlines()
        listed = {}
        for line in lines:
            digest, name = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line).groups()
            listed[name] = digest
        assert set(listed) == names - {"SHA256SUMS"}
        for name, digest in listed.items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == digest, name


def test_same_package_gives_byte_identical_zips(released, tmp_path, monkeypatch):
    pkg, zpath, _ = released
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = make_release(pkg, tmp_path / "dist")
    assert again.path.read_bytes() == zpath.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))
    later = make_release(pkg, tmp_path / "later")
    assert later.path.read_bytes() != zpath.read_bytes()  # the entry times do count


def test_two_builds_differ_only_in_the_duckdb_file(released, tmp_path, monkeypatch):
    _, zpath, _ = released
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    other = make_release(_publish(tmp_path / "datapackage"), tmp_path / "dist")
    with zipfile.ZipFile(zpath) as a, zipfile.ZipFile(other.path) as b:
        assert a.namelist() == b.namelist()
        differ = {n for n in a.namelist() if a.read(n) != b.read(n)}
    # DuckDB writes a random database identifier into its header: documented in release.py
    assert differ <= {DUCKDB_FILENAME, "SHA256SUMS"}


def test_readme_get_the_data_lines_run(released, tmp_path, monkeypatch):
    _, zpath, unpacked = released
    readme = (unpacked / "README.md").read_text(encoding="utf-8")
    assert readme.index("## Get the data") < readme.index("## Files")  # the first section
    assert f"`{zpath.name}`" in readme
    block = re.search(r"## Get the data.*?```python\n(.*?)\n```", readme, flags=re.DOTALL).group(1)
    assert "read_resource(" in readme and "read_package(" in readme  # R's frictionless
    folder = tmp_path / "joint-statements"
    shutil.copytree(unpacked, folder)
    n = len(example_tables()["commitments"])
    lines = [ln for ln in block.splitlines() if ln.strip()]
    assignments = [ln for ln in lines if ln.startswith("commitments = ")]
    assert len(assignments) == 4
    monkeypatch.chdir(folder)
    scope: dict = {}
    exec(lines[0], scope)  # noqa: S102  (the imports of the README block)
    for line in assignments:
        scope.pop("commitments", None)
        exec(line, scope)  # noqa: S102  (a README line, run as written)
        assert len(scope["commitments"]) == n, line
    assert len(frictionless.Package(str(zpath)).get_resource("commitments").to_pandas()) == n  # from the zip


# ------------------------------------------------------------------ errors


def test_missing_package_is_a_usage_error(tmp_path, capsys):
    assert main(["release", "--out-dir", str(tmp_path / "nowhere"), "--dist-dir", str(tmp_path / "d")]) == EXIT_USAGE
    assert "build the package first" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["release", "--out-dir", str(tmp_path / "empty"), "--dist-dir", str(tmp_path / "d")]) == EXIT_USAGE
    assert "no datapackage.json" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_package_without_duckdb_file_is_a_usage_error(released, tmp_path, capsys):
    pkg, _, _ = released
    copy = tmp_path / "committed"
    shutil.copytree(pkg, copy)
    (copy / DUCKDB_FILENAME).unlink()  # like a fresh clone: the DuckDB file is built, not committed
    assert main(["release", "--out-dir", str(copy), "--dist-dir", str(tmp_path / "d")]) == EXIT_USAGE
    msg = capsys.readouterr().err
    assert f"no {DUCKDB_FILENAME}" in msg and "make run" in msg
    assert not (tmp_path / "d").exists()


def test_dist_dir_that_is_a_file_or_bad_epoch_is_a_usage_error(released, tmp_path, capsys, monkeypatch):
    pkg, _, _ = released
    (tmp_path / "afile").write_text("x")
    assert main(["release", "--out-dir", str(pkg), "--dist-dir", str(tmp_path / "afile")]) == EXIT_USAGE
    assert "is not a folder" in capsys.readouterr().err
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["release", "--out-dir", str(pkg), "--dist-dir", str(tmp_path / "d")]) == EXIT_USAGE
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["release", "--no-such-option"])
    assert exc.value.code == EXIT_USAGE


def test_duckdb_file_from_another_build_fails_and_writes_nothing(released, tmp_path, capsys):
    pkg, _, _ = released
    copy = tmp_path / "stale"
    shutil.copytree(pkg, copy)
    csv = copy / TABLES["mentions"].csv_path
    csv.write_text("".join(csv.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8")
    dist = tmp_path / "d"
    assert main(["release", "--out-dir", str(copy), "--dist-dir", str(dist)]) == EXIT_FAILED
    assert "from another build" in capsys.readouterr().err
    assert list(dist.iterdir()) == []  # no zip, no leftovers


def test_descriptor_pointing_outside_the_package_is_refused(released, tmp_path, capsys):
    pkg, _, _ = released
    copy = tmp_path / "odd"
    shutil.copytree(pkg, copy)
    descriptor = copy / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8").replace('"data/regions.csv"', '"../regions.csv"')
    descriptor.write_text(text, encoding="utf-8")
    shutil.copy(copy / "data" / "regions.csv", tmp_path / "regions.csv")
    assert main(["release", "--out-dir", str(copy), "--dist-dir", str(tmp_path / "d")]) == EXIT_FAILED
    assert "points outside the package" in capsys.readouterr().err


def test_rows_are_counted_in_csv_files_with_very_long_fields(tmp_path):
    import csv

    from pipeline.publish.release import csv_rows

    path = tmp_path / "statements.csv"
    path.write_text('statement_id,text\na,"' + "word " * 60_000 + '\nmore"\nb,short\n', encoding="utf-8")
    before = csv.field_size_limit()
    assert csv_rows(path) == 2  # a 300,000-character field (a long communiqué) is one row
    assert csv.field_size_limit() == before
