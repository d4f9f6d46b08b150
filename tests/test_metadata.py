"""tables.yaml against the contract (DATA_MODEL.md), and the generators against tables.yaml."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pandera.pandas as pa
import pytest

from pipeline.metadata import (
    PACKAGE,
    TABLES,
    MetadataError,
    dependency_order,
    duckdb_ddl,
    frictionless_schema,
    load,
    markdown_docs,
    pandera_schema,
    table_names,
)
from pipeline.metadata.example import example_tables

SPEC = Path(__file__).parents[1] / ".." / "shared" / "spec" / "DATA_MODEL.md"


def parse_spec(text: str) -> dict[str, dict]:
    """{table: {"columns": {name: {"type", "nullable", "pk", "pk_with", "fk", "enum"}}}} from the
    '### <table>' sections of DATA_MODEL.md, in order."""
    tables: dict[str, dict] = {}
    section = text.split("## Tables", 1)[1].split("\n## ", 1)[0]
    current = None
    for line in section.splitlines():
        m = re.match(r"^###\s+(\w+)", line)
        if m:
            current = tables.setdefault(m.group(1), {"columns": {}})
            continue
        if current is None or not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "field":
            continue
        names, type_cell, notes = cells[0], cells[1], cells[2] if len(cells) > 2 else ""
        parts = [p.strip() for p in type_cell.split(",")]
        info = {
            "type": parts[0],
            "nullable": "nullable" in parts,
            "pk": any(p == "PK" for p in parts) or notes.startswith("PK with"),
            "fk": next((p.split()[1] for p in parts if p.startswith("FK ")), None),
            "pk_with": re.findall(r"\b(\w+_id|role)\b", notes.split("PK with", 1)[1]) if "PK with" in notes else [],
            "enum": re.findall(r"`([^`]+)`", notes) if parts[0] == "enum" else None,
        }
        for name in [n.strip() for n in names.split(",")]:
            current["columns"][name] = info
    return tables


@pytest.fixture(scope="module")
def spec() -> dict[str, dict]:
    assert SPEC.exists(), f"spec not found at {SPEC.resolve()}"
    return parse_spec(SPEC.read_text(encoding="utf-8"))


def test_spec_parser_sees_all_tables(spec):
    assert len(spec) == 11
    assert spec["commitments"]["columns"]["kind"]["enum"][:2] == ["pledge", "reaffirmation"]
    assert spec["statement_actors"]["columns"]["statement_id"]["pk_with"] == ["actor_id"]
    assert spec["commitment_actors"]["columns"]["commitment_id"]["pk_with"] == ["actor_id", "role"]


def test_tables_in_spec_order(spec):
    assert table_names() == list(spec)


@pytest.mark.parametrize("name", list(TABLES))
def test_columns_types_enums_match_spec(spec, name):
    table = TABLES[name]
    cols = spec[name]["columns"]
    assert table.field_names == list(cols), "same columns in the same order"
    for col, info in cols.items():
        f = table.field(col)
        expected_type = "string" if info["type"] == "enum" else info["type"]
        assert f.type == expected_type, col
        assert f.required == (not info["nullable"]), col
        if info["enum"] is not None:
            assert f.enum == tuple(info["enum"]), col
        else:
            assert f.enum is None, col
        assert f.description.strip(), col
    assert table.description.strip()


@pytest.mark.parametrize("name", list(TABLES))
def test_keys_match_spec(spec, name):
    table = TABLES[name]
    cols = spec[name]["columns"]
    pk = [c for c, info in cols.items() if info["pk"]]
    for c, info in cols.items():
        if info["pk_with"]:
            pk = [c, *info["pk_with"]]
    assert list(table.primary_key) == pk
    spec_fks = {(c, info["fk"]) for c, info in cols.items() if info["fk"]}
    yaml_fks = {(fk.fields[0], fk.resource) for fk in table.foreign_keys}
    assert yaml_fks == spec_fks
    for fk in table.foreign_keys:
        assert fk.reference_fields == TABLES[fk.resource].primary_key


def test_mentions_entity_id_is_polymorphic():
    (p,) = TABLES["mentions"].polymorphic_foreign_keys
    assert p.field == "entity_id" and p.discriminator == "entity_type"
    assert {(r.value, r.resource, r.field) for r in p.references} == {
        ("actor", "actors", "actor_id"), ("agreement", "agreements", "agreement_id"),
        ("region", "regions", "region_id")}


def test_patterns_accept_example_and_reject_junk():
    ex = example_tables()
    for name, table in TABLES.items():
        for f in table.fields:
            if f.pattern:
                values = ex[name][f.name].dropna().astype(str)
                assert values.str.fullmatch(f.pattern).all(), (name, f.name)
    sid = TABLES["sentences"].field("sentence_id").pattern
    assert re.fullmatch(sid, "a-b:3") and not re.fullmatch(sid, "a-b:c3")
    assert not re.fullmatch(TABLES["commitments"].field("commitment_id").pattern, "a:m1")
    assert not re.fullmatch(TABLES["actors"].field("iso3").pattern, "Can")
    assert not re.fullmatch(TABLES["statements"].field("statement_id").pattern, "-a")


def test_offsets_and_counts_have_minimum_zero():
    for table in TABLES.values():
        for f in table.fields:
            if f.name in {"char_start", "char_end", "trigger_start", "mentions", "n_words", "n_sentences",
                          "paragraph_index", "sentence_index"}:
                assert f.minimum == 0, (table.name, f.name)


def test_dependency_order_puts_referenced_tables_first():
    order = dependency_order(TABLES)
    for t in TABLES.values():
        for fk in t.foreign_keys:
            assert order.index(fk.resource) < order.index(t.name)


def test_loader_rejects_inconsistent_yaml(tmp_path):
    text = (Path(__file__).parents[1] / "pipeline" / "metadata" / "tables.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("type: boolean", "type: bool", 1), encoding="utf-8")
    with pytest.raises(MetadataError):
        load(bad)
    bad.write_text(text.replace("reference: {resource: actors,", "reference: {resource: actorz,", 1),
                   encoding="utf-8")
    with pytest.raises(MetadataError):
        load(bad)


# ------------------------------------------------------------ generators


PANDERA_TYPES = {"string": "string[python]", "integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "date"}


@pytest.mark.parametrize("name", list(TABLES))
def test_pandera_schema_agrees_with_yaml(name):
    table = TABLES[name]
    schema = pandera_schema(table)
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == table.field_names
    assert schema.strict is True
    for f in table.fields:
        col = schema.columns[f.name]
        assert col.nullable == f.nullable, f.name
        assert str(col.dtype).lower() == PANDERA_TYPES[f.type].lower(), f.name
        stats = [c.statistics for c in col.checks]
        if f.enum:
            assert {"allowed_values": list(f.enum)} in stats
        if f.pattern:
            assert any(s.get("pattern") == f.pattern for s in stats)
        if f.minimum is not None:
            assert {"min_value": f.minimum} in stats
    if len(table.primary_key) == 1:
        assert schema.columns[table.primary_key[0]].unique
    else:
        assert list(schema.unique) == list(table.primary_key)


@pytest.mark.parametrize("name", list(TABLES))
def test_pandera_schema_accepts_example(name):
    pandera_schema(TABLES[name]).validate(example_tables()[name], lazy=True)


@pytest.mark.parametrize("name", list(TABLES))
def test_frictionless_schema_agrees_with_yaml(name):
    table = TABLES[name]
    schema = frictionless_schema(table)
    assert [f["name"] for f in schema["fields"]] == table.field_names
    assert schema["primaryKey"] == list(table.primary_key)
    for fd, f in zip(schema["fields"], table.fields):
        assert fd["type"] == f.type and fd["description"] == f.description
        c = fd.get("constraints", {})
        assert c.get("required", False) == f.required
        assert c.get("enum") == (list(f.enum) if f.enum else None)
        assert c.get("pattern") == f.pattern
        assert c.get("minimum") == f.minimum
    fks = [(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
           for fk in schema.get("foreignKeys", [])]
    assert fks == [(list(fk.fields), fk.resource, list(fk.reference_fields)) for fk in table.foreign_keys]
    assert "entity_id" not in {f for fk in schema.get("foreignKeys", []) for f in fk["fields"]}


def test_frictionless_schemas_are_valid_table_schemas():
    from frictionless import Schema

    for table in TABLES.values():
        report = Schema.validate_descriptor(frictionless_schema(table))
        assert report.valid, (table.name, [e.message for e in report.errors])


@pytest.fixture(scope="module")
def ddl_db():
    con = duckdb.connect()
    for name in dependency_order(TABLES):
        con.execute(duckdb_ddl(TABLES[name]))
    yield con
    con.close()


DUCK_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


@pytest.mark.parametrize("name", list(TABLES))
def test_duckdb_ddl_agrees_with_yaml(ddl_db, name):
    table = TABLES[name]
    cols = ddl_db.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE table_name = ? ORDER BY column_index", [name]).fetchall()
    assert [c[0] for c in cols] == table.field_names
    for (col, dtype, nullable, comment), f in zip(cols, table.fields):
        assert dtype == DUCK_TYPES[f.type], col
        assert nullable == f.nullable, col
        assert comment == f.description, col
    (tcomment,) = ddl_db.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()
    assert tcomment == table.description
    cons = ddl_db.execute(
        "SELECT constraint_type, constraint_column_names, referenced_table, referenced_column_names "
        "FROM duckdb_constraints() WHERE table_name = ?", [name]).fetchall()
    assert ("PRIMARY KEY", list(table.primary_key), None, []) in cons
    for fk in table.foreign_keys:
        assert ("FOREIGN KEY", list(fk.fields), fk.resource, list(fk.reference_fields)) in cons


def test_duckdb_checks_enforce_enum_pattern_minimum(ddl_db):
    ok = ("CAN", "Canada", "state", "CAN", "CAN", "Q16")
    try:
        ddl_db.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?)", ok)
        for bad in [("JPN", "Japan", "country", None, None, None), ("JP", "Japan", "state", None, None, None),
                    ("JPN", "Japan", "state", "jpn", None, None), ("CAN", "Canada", "state", None, None, None),
                    ("JPN", "Japan", "state", "JPN", "JPN", "17")]:
            with pytest.raises(duckdb.ConstraintException):
                ddl_db.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?)", bad)
        with pytest.raises(duckdb.ConstraintException):
            ddl_db.execute("INSERT INTO statement_regions VALUES ('no-such-statement', 'x', 1)")
    finally:
        ddl_db.execute("DELETE FROM actors")


def test_markdown_docs_cover_every_field():
    md = markdown_docs(TABLES)
    for table in TABLES.values():
        assert f"`{table.name}`" in md
        for f in table.fields:
            assert re.search(rf"^\| `{f.name}` \| {f.type} \| {'yes' if f.required else 'no'} \|", md, re.MULTILINE), \
                (table.name, f.name)
    assert "`pledge`" in md and "→ `statements.statement_id`" in md


def test_package_info():
    assert PACKAGE.name == "joint-statements" and PACKAGE.licenses and PACKAGE.examples
    assert isinstance(example_tables()["statements"], pd.DataFrame)


def test_views_load_and_reject_bad_yaml(tmp_path):
    from pipeline.metadata import VIEWS
    from pipeline.metadata.views import load_views, view_ddl

    assert {"v_commitments", "v_agreements", "v_regions_of_concern"} <= set(VIEWS)
    for v in VIEWS.values():
        assert v.description and v.example and v.columns
        ddl = view_ddl(v)
        assert ddl.startswith(f'CREATE VIEW "{v.name}"') and f'COMMENT ON VIEW "{v.name}"' in ddl
        assert ddl.count("COMMENT ON COLUMN") == len(v.columns)
    bad = tmp_path / "views.yaml"
    bad.write_text("views:\n  - name: v\n    description: d\n    sql: SELECT 1\n    colums: {a: b}\n")
    with pytest.raises(MetadataError, match="unknown keys"):
        load_views(bad)
    bad.write_text("views:\n  - name: v\n    description: d\n    sql: SELECT 1\n    columns: {a: ''}\n")
    with pytest.raises(MetadataError, match="empty column description"):
        load_views(bad)
