"""Pandera schema of a table, generated from its definition in tables.yaml."""
from __future__ import annotations

import pandera.pandas as pa

from .resources import Field, Table

# Pandas dtypes per Table Schema type: nullable extension types, so that a
# missing integer stays an integer (no float "1.0") and a missing boolean is <NA>.
PANDAS_DTYPES: dict[str, object] = {
    "string": pa.String,
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": pa.Date,  # python datetime.date values
}


def _checks(field: Field) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if field.enum is not None:
        checks.append(pa.Check.isin(list(field.enum)))
    if field.pattern is not None:
        checks.append(pa.Check.str_matches(field.pattern))
    if field.minimum is not None:
        checks.append(pa.Check.ge(field.minimum))
    if field.maximum is not None:
        checks.append(pa.Check.le(field.maximum))
    return checks


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """``DataFrameSchema`` for ``table``: dtypes coerced, nullability from
    ``required``, enum/pattern/minimum/maximum as checks, uniqueness of the
    primary key (composite keys through the schema's ``unique``), and exactly
    the defined columns (``strict``)."""
    single_pk = len(table.primary_key) == 1
    columns = {
        f.name: pa.Column(
            PANDAS_DTYPES[f.type],
            checks=_checks(f),
            nullable=f.nullable,
            unique=f.unique or (single_pk and f.name in table.primary_key),
            coerce=True,
            required=True,
            description=f.description,
            title=f.name,
        )
        for f in table.fields
    }
    return pa.DataFrameSchema(
        columns,
        strict=True,
        coerce=True,
        unique=list(table.primary_key) if not single_pk else None,
        report_duplicates="all",
        name=table.name,
        description=table.description,
    )
