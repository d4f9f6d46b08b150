"""DuckDB DDL, generated from tables.yaml: types, NOT NULL, PRIMARY KEY,
FOREIGN KEY ... REFERENCES, CHECKs for enum/pattern/minimum/maximum, and
COMMENT ON TABLE / COLUMN for every table and column."""
from __future__ import annotations

from collections.abc import Iterable

from .resources import Field, Table, dependency_order

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}


def sql_string(value: str) -> str:
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_checks(f: Field) -> list[str]:
    col = quote_ident(f.name)
    checks = []
    if f.enum is not None:
        checks.append(f"{col} IN ({', '.join(sql_string(v) for v in f.enum)})")
    if f.pattern is not None:
        checks.append(f"regexp_full_match({col}, {sql_string(f.pattern)})")
    if f.minimum is not None:
        checks.append(f"{col} >= {f.minimum}")
    if f.maximum is not None:
        checks.append(f"{col} <= {f.maximum}")
    return checks


def create_table_sql(table: Table) -> str:
    """``CREATE TABLE`` statement of one table (no comments)."""
    lines = []
    for f in table.fields:
        line = f"    {quote_ident(f.name)} {DUCKDB_TYPES[f.type]}"
        if f.required:
            line += " NOT NULL"
        if f.unique and table.primary_key != (f.name,):
            line += " UNIQUE"
        for check in _column_checks(f):
            line += f" CHECK ({check})"
        lines.append(line)
    lines.append(f"    PRIMARY KEY ({', '.join(quote_ident(c) for c in table.primary_key)})")
    for fk in table.foreign_keys:
        lines.append(
            f"    FOREIGN KEY ({', '.join(quote_ident(c) for c in fk.fields)}) "
            f"REFERENCES {quote_ident(fk.resource)} ({', '.join(quote_ident(c) for c in fk.reference_fields)})"
        )
    return f"CREATE TABLE {quote_ident(table.name)} (\n" + ",\n".join(lines) + "\n);"


def comment_sql(table: Table) -> list[str]:
    """``COMMENT ON TABLE`` and one ``COMMENT ON COLUMN`` per column."""
    out = [f"COMMENT ON TABLE {quote_ident(table.name)} IS {sql_string(table.description)};"]
    for f in table.fields:
        out.append(
            f"COMMENT ON COLUMN {quote_ident(table.name)}.{quote_ident(f.name)} IS {sql_string(f.description)};"
        )
    return out


def duckdb_ddl(table: Table) -> str:
    """DDL of one table: ``CREATE TABLE`` then its ``COMMENT ON`` statements."""
    return "\n".join([create_table_sql(table), *comment_sql(table)]) + "\n"


def duckdb_schema_sql(tables: dict[str, Table] | Iterable[Table]) -> str:
    """DDL of all tables, in foreign-key dependency order."""
    by_name = tables if isinstance(tables, dict) else {t.name: t for t in tables}
    return "\n".join(duckdb_ddl(by_name[n]) for n in dependency_order(by_name))
