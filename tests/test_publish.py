"""Publishing: CSV format, Frictionless validity, DuckDB keys and comments,
reproducibility, atomicity."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pytest

import pipeline.publish.atomic as atomic_mod
from pipeline.checks import validate_package
from pipeline.metadata import DATAPACKAGE_PROFILE, PACKAGE, TABLES, VIEWS
from pipeline.metadata.example import example_sources, example_tables
from pipeline.publish import DUCKDB_FILENAME, publish_atomically, read_table_csv, write_duckdb, write_package
from pipeline.publish.chart import CHART_PATHS
from pipeline.publish.package import GUIDE
from tests.conftest import EPOCH, snapshot







EXTRA_FILES = {*CHART_PATHS, "review/index.html", "review/canada-japan-2026.html",
               "review/us-canada-na-statement.html"}


def test_files_written(published):
    names = set(snapshot(published))
    assert names == ({"datapackage.json", "README.md", DUCKDB_FILENAME} | {t.csv_path for t in TABLES.values()}
                     | EXTRA_FILES)
    # no temporary folder left next to out_dir
    assert [p.name for p in published.parent.iterdir()] == ["datapackage"]


def test_frictionless_validate_passes(published):
    report = frictionless.validate(str(published / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_validate_catches_a_bad_file(published):
    path = published / "data" / "commitments.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",concern,", ",worry,"), encoding="utf-8")
    report = frictionless.validate(str(published / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {e.type for t in report.tasks for e in t.errors}


def test_descriptor(published):
    d = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert d["$schema"] == DATAPACKAGE_PROFILE
    assert d["name"] == PACKAGE.name and d["title"] and d["description"] and d["version"]
    assert d["created"] == "2023-11-14T22:13:20Z"  # SOURCE_DATE_EPOCH
    assert d["licenses"][0]["name"] == "CC-BY-4.0"
    assert d["sources"] == example_sources()
    assert [r["name"] for r in d["resources"]] == list(TABLES)
    for r in d["resources"]:
        assert r["path"] == f"data/{r['name']}.csv"
        assert (r["format"], r["mediatype"], r["encoding"]) == ("csv", "text/csv", "utf-8")
        assert r["schema"]["primaryKey"]
    mentions = next(r for r in d["resources"] if r["name"] == "mentions")
    assert {fk["reference"]["resource"] for fk in mentions["schema"]["foreignKeys"]} == {"statements", "sentences"}


def test_csv_format(published):
    raw = (published / "data" / "statements.csv").read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    assert raw.startswith(b"statement_id,title,date,place,source,source_file,source_url,sha256,text,n_sentences,n_words\n")
    text = raw.decode("utf-8")
    assert ",2026-03-06,Tokyo,CNW," in text
    assert "U.S.-Canada Joint Statement on NA Cooperation,,,," in text  # nulls are empty fields
    commitments = (published / "data" / "commitments.csv").read_text(encoding="utf-8")
    assert ",false," in commitments and ",true," in commitments and "True" not in commitments
    agreements = (published / "data" / "agreements.csv").read_text(encoding="utf-8")
    assert ",treaty,1985,\n" in agreements and "1985.0" not in agreements
    # rows sorted by primary key
    ids = pd.read_csv(published / "data" / "sentences.csv", dtype=str)["sentence_id"].tolist()
    assert ids[0] == "canada-japan-2026:0" and ids[-1] == "us-canada-na-statement:1"


def test_natural_key_order(tmp_path):
    tables = example_tables()
    s = tables["sentences"]
    extra = [{**s.iloc[-1].to_dict(), "sentence_id": f"us-canada-na-statement:{n}", "sentence_index": n}
             for n in (10, 2)]
    tables["sentences"] = pd.concat([pd.DataFrame(extra), s], ignore_index=True)
    write_package(tables, tmp_path, [])
    ids = pd.read_csv(tmp_path / "data" / "sentences.csv", dtype=str)["sentence_id"].tolist()
    assert ids[-3:] == ["us-canada-na-statement:1", "us-canada-na-statement:2", "us-canada-na-statement:10"]


def test_round_trip_keeps_values(published):
    ex = example_tables()
    back = read_table_csv("statements", published / "data" / "statements.csv")
    assert back.loc[1, "title"] == "U.S.-Canada Joint Statement on NA Cooperation"
    assert back.loc[1, "place"] is None
    assert back["text"].tolist() == ex["statements"]["text"].tolist()


def test_readme(published):
    readme = (published / "README.md").read_text(encoding="utf-8")
    assert "| `sentences` | 6 |" in readme  # row counts
    assert "Joint Statement by Canada and Japan" in readme  # sources
    assert "```sql" in readme
    for table in TABLES.values():
        assert f"`{table.name}`" in readme
        for f in table.fields:
            assert f"| `{f.name}` |" in readme


def test_duckdb_keys_comments_rows(published):
    con = duckdb.connect(str(published / DUCKDB_FILENAME), read_only=True)
    try:
        cons = con.execute(
            "SELECT table_name, constraint_type, constraint_column_names, referenced_table "
            "FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchall()
        for t in TABLES.values():
            assert (t.name, "PRIMARY KEY", list(t.primary_key), None) in cons
            for fk in t.foreign_keys:
                assert (t.name, "FOREIGN KEY", list(fk.fields), fk.resource) in cons
        tcomments = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        assert all(tcomments[name] for name in TABLES)
        missing = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
            "AND (comment IS NULL OR comment = '')").fetchall()
        assert missing == []
        ex = example_tables()
        for name in TABLES:
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(ex[name])
        assert con.execute("SELECT date, place FROM statements ORDER BY statement_id").fetchall()[0][1] == "Tokyo"
        assert con.execute("SELECT year FROM agreements WHERE kind = 'treaty'").fetchone() == (1985,)
        for example in PACKAGE.examples:  # the README's example queries run
            con.execute(example.sql).fetchall()
    finally:
        con.close()


def test_duckdb_rejects_dangling_foreign_key(tmp_path):
    tables = example_tables()
    tables["mentions"].loc[0, "sentence_id"] = "canada-japan-2026:99"
    with pytest.raises(duckdb.ConstraintException):
        write_duckdb(tables, tmp_path / "x.duckdb")


def test_reproducible_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    builds = []
    for i in range(2):
        tables = example_tables()
        if i:  # input row order must not matter
            tables = {k: v.iloc[::-1].reset_index(drop=True) for k, v in tables.items()}
        write_package(tables, tmp_path / f"b{i}", example_sources())
        builds.append(snapshot(tmp_path / f"b{i}"))
    assert builds[0] == builds[1]  # the chart PNG and the review pages too
    assert len(builds[0]) == 19  # 11 CSVs, datapackage.json, README.md, 3 charts, review index + 2 pages
    assert EXTRA_FILES <= set(builds[0])


def test_created_is_now_without_epoch(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_package(example_tables(), tmp_path, [])
    created = json.loads((tmp_path / "datapackage.json").read_text())["created"]
    assert created != "2023-11-14T22:13:20Z" and created.endswith("Z")


# mid-CSVs, after the first chart, after the review index, after a review page, after datapackage.json,
# after the DuckDB file
@pytest.mark.parametrize("fail_after", [3, 13, 16, 17, 19, 20])
def test_failure_mid_write_leaves_previous_files(published, monkeypatch, fail_after):
    before = snapshot(published)
    changed = example_tables()
    changed["actors"].loc[0, "name"] = "Dominion of Canada"
    calls = []

    def boom(path):
        calls.append(path)
        if len(calls) == fail_after:
            raise OSError("disk full (injected)")

    with pytest.raises(OSError, match="injected"):
        publish_atomically(changed, published, example_sources(), on_file_written=boom)
    assert snapshot(published) == before
    assert [p.name for p in published.parent.iterdir()] == ["datapackage"]


def test_failure_in_duckdb_leaves_previous_files(published, monkeypatch):
    before = snapshot(published)

    def broken(tables, path):
        Path(path).write_bytes(b"half a database")
        raise duckdb.IOException("injected")

    monkeypatch.setattr(atomic_mod, "write_duckdb", broken)
    with pytest.raises(duckdb.IOException):
        publish_atomically(example_tables(), published, example_sources())
    assert snapshot(published) == before


def test_invalid_tables_are_not_published(published):
    before = snapshot(published)
    bad = example_tables()
    bad["commitments"].loc[0, "text"] = "not what the statement says"
    with pytest.raises(atomic_mod.PublishError, match="spans"):
        publish_atomically(bad, published, example_sources(), validate=True)
    assert snapshot(published) == before


def test_successful_republish_replaces_files(published):
    changed = example_tables()
    changed["actors"].loc[0, "name"] = "Dominion of Canada"
    publish_atomically(changed, published, example_sources(), validate=True)
    assert "Dominion of Canada" in (published / "data" / "actors.csv").read_text(encoding="utf-8")
    assert all(o.passed for o in validate_package(published, run_frictionless=False))


def test_publish_result_and_statement_sources(tmp_path, monkeypatch):
    from pipeline.publish import statement_sources

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    tables = example_tables()
    sources = statement_sources(tables["statements"], urls={"canada-japan-2026": "https://example.org/cj"})
    assert sources == [
        {"title": "Joint Statement by Canada and Japan", "path": "raw/canada-japan-2026.txt",
         "url": "https://example.org/cj"},
        {"title": "U.S.-Canada Joint Statement on NA Cooperation", "path": "raw/us-canada-na-statement.txt"},
    ]
    result = publish_atomically(tables, tmp_path / "out", sources)
    assert result.datapackage_json == tmp_path / "out" / "datapackage.json"
    assert result.duckdb_path == tmp_path / "out" / DUCKDB_FILENAME and result.duckdb_path.is_file()
    assert list(result.files)[-1] == "datapackage.json"  # the descriptor is moved last
    assert set(result.csv_paths) == set(TABLES) and result.row_counts["sentences"] == 6
    assert frictionless.validate(str(result.datapackage_json)).valid


def readme_sql(readme: str) -> list[str]:
    return re.findall(r"```sql\n(.*?)\n```", readme, flags=re.DOTALL)


def test_readme_lists_chart_views_and_review(published):
    readme = (published / "README.md").read_text(encoding="utf-8")
    assert all(f"]({path})" in readme for path in CHART_PATHS) and "review/index.html" in readme
    for view in VIEWS.values():
        assert f"### `{view.name}`" in readme and view.description in readme
        for col in view.column_names:
            assert f"| `{col}` |" in readme
    d = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert {v["path"] for v in d["views"]} == {*CHART_PATHS, "review/index.html"}
    assert all((published / v["path"]).is_file() for v in d["views"])


def test_readme_example_queries_return_rows(published):
    readme = (published / "README.md").read_text(encoding="utf-8")
    queries = readme_sql(readme)
    guide = readme_sql(GUIDE.read_text(encoding="utf-8"))
    assert len(guide) == 3 and all(q in queries for q in guide)
    queries = [q for q in queries if q not in guide]
    assert len(queries) == len(PACKAGE.examples) + len(VIEWS)
    assert sum("FROM v_" in q for q in queries) == len(VIEWS)
    con = duckdb.connect(str(published / DUCKDB_FILENAME), read_only=True)
    try:
        for sql in queries:
            assert con.execute(sql).fetchall(), sql
        for sql in guide:  # the worked examples name real agreements and countries: they must run here
            con.execute(sql).fetchall()
    finally:
        con.close()


def test_views_columns_comments_and_content(published):
    con = duckdb.connect(str(published / DUCKDB_FILENAME), read_only=True)
    try:
        comments = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
        assert comments == {v.name: v.description for v in VIEWS.values()}
        for v in VIEWS.values():
            cols = con.execute(
                "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                [v.name]).fetchall()
            assert cols == list(v.columns)
        rows = con.execute("SELECT commitment_id, statement_date, committers, addressees, kind, topic "
                           "FROM v_commitments ORDER BY commitment_id").fetchall()
        assert len(rows) == 4
        assert rows[2][1:] == (datetime.date(2026, 3, 6), "Canada; Japan", "Ministers", "instruction",
                               "security_defence")
        assert rows[3][3] is None
        ag = con.execute("SELECT agreement_id, statement_id, status, previous_status FROM v_agreements "
                         "ORDER BY agreement_id").fetchall()
        assert ("mutual-legal-assistance-treaty", "us-canada-na-statement", "signed", None) in ag
        reg = con.execute("SELECT region_id, statement_id, commitment_id, commitment_kind "
                          "FROM v_regions_of_concern").fetchall()
        assert reg == [("south-china-sea", "canada-japan-2026", "canada-japan-2026:c1", "concern")]
    finally:
        con.close()


def test_agreement_status_over_time(tmp_path):
    tables = example_tables()
    sa = tables["statement_agreements"]
    tables["statement_agreements"] = pd.concat([sa, pd.DataFrame([
        {"statement_id": "us-canada-na-statement", "agreement_id": "security-dialogue", "status": "established",
         "mentions": 0}])], ignore_index=True)
    tables["statements"].loc[1, "date"] = datetime.date(2027, 1, 1)
    db = write_duckdb(tables, tmp_path / "x.duckdb")
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT statement_id, status, previous_status FROM v_agreements "
                           "WHERE agreement_id = 'security-dialogue' ORDER BY statement_date").fetchall()
    finally:
        con.close()
    assert rows == [("canada-japan-2026", "planned", None), ("us-canada-na-statement", "established", "planned")]
