"""pipeline.checks: each kind of bad data fails the relevant check, readably; clean data passes."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.checks import (
    CheckOutcome,
    check_foreign_keys,
    check_spans,
    check_tables,
    validate_package,
    validate_table,
)
from pipeline.metadata import TABLES
from pipeline.metadata.example import example_sources, example_tables
from pipeline.publish import write_duckdb, write_package


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return example_tables()


def test_clean_tables_pass(tables):
    outcomes = check_tables(tables)
    assert [o.name for o in outcomes] == [f"schema:{n}" for n in TABLES] + ["foreign_keys", "spans"]
    assert all(o.passed for o in outcomes), [str(o) for o in outcomes if not o.passed]
    assert all(o.failure_cases.empty for o in outcomes)


@pytest.mark.parametrize("name", list(TABLES))
def test_validate_table_returns_coerced_frame(tables, name):
    outcome = validate_table(name, tables[name])
    assert outcome.passed and outcome.validated is not None
    assert str(outcome.validated[TABLES[name].primary_key[0]].dtype) in {"str", "string"}


def test_duplicate_single_key(tables):
    s = tables["statements"]
    tables["statements"] = pd.concat([s, s.iloc[[0]]], ignore_index=True)
    o = validate_table("statements", tables["statements"])
    assert not o.passed
    fc = o.failure_cases
    dup = fc[fc["column"] == "statement_id"]
    assert not dup.empty and "unique" in " ".join(dup["check"].astype(str))
    assert "canada-japan-2026" in dup["failure_case"].tolist()
    assert "statement_id" in o.summary


def test_duplicate_composite_key(tables):
    sa = tables["statement_actors"]
    dup_row = sa.iloc[[0]].assign(is_party=False, mentions=7)  # same (statement_id, actor_id), other values
    o = validate_table("statement_actors", pd.concat([sa, dup_row], ignore_index=True))
    assert not o.passed
    text = o.failure_cases.to_string()
    assert "canada-japan-2026" in text and "CAN" in text
    assert "statement_id" in o.summary or "<table>" in o.summary


def test_bad_enum_value(tables):
    tables["commitments"].loc[1, "kind"] = "worry"
    o = validate_table("commitments", tables["commitments"])
    assert not o.passed
    row = o.failure_cases.iloc[0]
    assert (row["table"], row["column"], row["failure_case"]) == ("commitments", "kind", "worry")
    assert "isin" in row["check"] and row["key"] == "canada-japan-2026:c1"
    assert "worry" in str(o)


@pytest.mark.parametrize("table,column,value,check", [
    ("actors", "iso3", "Can", "str_matches"),
    ("sentences", "char_start", -1, "greater_than_or_equal_to"),
    ("statements", "title", None, "not_nullable"),
    ("statements", "sha256", "xyz", "str_matches"),
    ("commitments", "is_action", "maybe", "coerce_dtype"),
])
def test_other_column_constraints(tables, table, column, value, check):
    df = tables[table].astype({column: object})
    df.loc[0, column] = value
    o = validate_table(table, df)
    assert not o.passed
    hits = o.failure_cases[o.failure_cases["column"] == column]
    assert hits["check"].astype(str).str.contains(check).any(), o.failure_cases.to_string()


def test_extra_and_missing_columns(tables):
    df = tables["regions"].drop(columns=["latitude"]).assign(colour="blue")
    o = validate_table("regions", df)
    assert not o.passed
    cases = set(o.failure_cases["failure_case"].astype(str))
    assert {"latitude", "colour"} <= cases


def test_dangling_foreign_key(tables):
    tables["statement_actors"].loc[0, "actor_id"] = "FRA"
    o = check_foreign_keys(tables)
    assert not o.passed
    row = o.failure_cases.iloc[0]
    assert (row["table"], row["column"], row["failure_case"]) == ("statement_actors", "actor_id", "FRA")
    assert row["detail"] == "not in actors.actor_id" and row["key"] == "canada-japan-2026|FRA"
    assert "statement_actors.actor_id" in o.summary


def test_dangling_polymorphic_entity_id(tables):
    m = tables["mentions"]
    i = m.index[m["entity_type"] == "region"][0]
    m.loc[i, "entity_id"] = "CAN"  # an actor, but entity_type says region
    o = check_foreign_keys(tables)
    assert not o.passed
    row = o.failure_cases.iloc[0]
    assert (row["table"], row["column"], row["failure_case"]) == ("mentions", "entity_id", "CAN")
    assert "entity_type=region" in row["detail"]


def test_sentence_of_another_statement(tables):
    c = tables["commitments"]
    c.loc[0, "sentence_id"] = "us-canada-na-statement:1"
    o = check_foreign_keys(tables)
    assert not o.passed
    assert o.failure_cases.iloc[0]["check"] == "same_statement"


def test_span_text_mismatch(tables):
    tables["mentions"].loc[0, "text"] = "Kanada"
    o = check_spans(tables)
    assert not o.passed
    row = o.failure_cases.iloc[0]
    assert (row["table"], row["check"], row["failure_case"]) == ("mentions", "span_text", "Kanada")
    assert "'Canada'" in row["detail"]


def test_span_out_of_bounds(tables):
    tables["sentences"].loc[0, "char_end"] = 10_000
    o = check_spans(tables)
    assert not o.passed and o.failure_cases.iloc[0]["check"] == "span_bounds"


def test_trigger_checks(tables):
    c = tables["commitments"]
    c.loc[0, "trigger"] = "affirm"  # the text at trigger_start says "reaffirm"
    c.loc[1, "trigger_start"] = int(c.loc[1, "char_end"])  # outside [char_start, char_end)
    o = check_spans(tables)
    assert not o.passed
    assert set(o.failure_cases["check"]) == {"trigger_text", "trigger_in_span"}


def test_outcome_str_is_readable(tables):
    tables["mentions"].loc[0, "text"] = "Kanada"
    text = str(check_spans(tables))
    assert text.startswith("FAIL spans:") and "Kanada" in text
    assert str(CheckOutcome("x", True, "fine")) == "PASS x: fine"


def test_validate_package(tmp_path, tables):
    write_package(tables, tmp_path, example_sources())
    write_duckdb(tables, tmp_path / "joint_statements.duckdb")
    outcomes = validate_package(tmp_path)
    assert all(o.passed for o in outcomes), [str(o) for o in outcomes if not o.passed]
    assert {"descriptor", "frictionless", "foreign_keys", "spans", "duckdb"} <= {o.name for o in outcomes}

    # break a span and a key in the published CSVs: the read-back checks see it
    path = tmp_path / "data" / "mentions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Japan\n", ",Japon\n")
                    .replace(",south-china-sea,", ",east-china-sea,"), encoding="utf-8")
    failed = {o.name: o for o in validate_package(tmp_path, run_frictionless=False) if not o.passed}
    assert set(failed) == {"spans", "foreign_keys"}
    assert "Japon" in failed["spans"].failure_cases["failure_case"].tolist()
    assert "east-china-sea" in failed["foreign_keys"].failure_cases["failure_case"].tolist()


def test_validate_package_keeps_na_strings(tmp_path, tables):
    tables["statements"].loc[1, "place"] = "NA"  # a string, not a missing value
    tables["actors"].loc[3, "name"] = "None"
    write_package(tables, tmp_path, [])
    write_duckdb(tables, tmp_path / "joint_statements.duckdb")
    outcomes = {o.name: o for o in validate_package(tmp_path, run_frictionless=False)}
    assert all(o.passed for o in outcomes.values())
    st = outcomes["schema:statements"].validated
    assert st.loc[st.statement_id == "us-canada-na-statement", "place"].iloc[0] == "NA"
    assert pd.isna(st.loc[st.statement_id == "us-canada-na-statement", "source"].iloc[0])


def test_validate_package_missing(tmp_path):
    (o,) = validate_package(tmp_path)
    assert not o.passed and "missing" in o.summary


def test_validate_package_catches_a_dangling_key_once(tmp_path):
    """Frictionless runs without its row-by-row foreign-key check; the vectorised
    check still catches a dangling key in a published package."""
    import csv

    from pipeline.checks import validate_package
    from pipeline.metadata.example import example_sources, example_tables
    from pipeline.publish import publish_atomically

    out = tmp_path / "pkg"
    publish_atomically(example_tables(), out, example_sources())
    path = out / "data" / "commitment_actors.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index("actor_id")] = "ZZZ"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    outcomes = {o.name: o for o in validate_package(out)}
    assert outcomes["frictionless"].passed
    assert not outcomes["foreign_keys"].passed
    assert "ZZZ" in outcomes["foreign_keys"].failures.to_string()
