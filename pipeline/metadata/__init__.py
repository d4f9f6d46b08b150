"""The one definition of every table (``tables.yaml``) and what is generated from it.

>>> from pipeline.metadata import TABLES, pandera_schema
>>> pandera_schema(TABLES["statements"]).validate(df)

- ``TABLES``: ``dict[str, Table]`` in the order of DATA_MODEL.md; ``PACKAGE``:
  package-level metadata (name, title, licenses, example queries).
- ``pandera_schema(table)``, ``frictionless_schema(table)``,
  ``datapackage_descriptor(...)``, ``duckdb_ddl(table)``,
  ``markdown_docs(tables)``: the generators.
"""
from __future__ import annotations

from .resources import (
    FIELD_TYPES,
    TABLES_YAML,
    Example,
    Field,
    ForeignKey,
    License,
    MetadataError,
    PackageInfo,
    PolymorphicForeignKey,
    PolymorphicReference,
    Table,
    dependency_order,
    load,
)

PACKAGE, TABLES = load()


def table_names() -> list[str]:
    """Names of all tables, in definition order."""
    return list(TABLES)


def table_order() -> list[str]:
    """Names of all tables in foreign-key dependency order (referenced tables first)."""
    return dependency_order(TABLES)


from .to_duckdb import DUCKDB_TYPES, duckdb_ddl, duckdb_schema_sql
from .to_frictionless import (
    DATAPACKAGE_PROFILE,
    created_timestamp,
    datapackage_descriptor,
    frictionless_schema,
)
from .to_markdown import markdown_docs
from .to_pandera import PANDAS_DTYPES, pandera_schema
from .views import VIEWS, View, views_ddl, views_markdown

__all__ = [
    "DATAPACKAGE_PROFILE",
    "DUCKDB_TYPES",
    "FIELD_TYPES",
    "PACKAGE",
    "PANDAS_DTYPES",
    "TABLES",
    "TABLES_YAML",
    "VIEWS",
    "Example",
    "Field",
    "ForeignKey",
    "License",
    "MetadataError",
    "PackageInfo",
    "PolymorphicForeignKey",
    "PolymorphicReference",
    "Table",
    "View",
    "created_timestamp",
    "datapackage_descriptor",
    "dependency_order",
    "duckdb_ddl",
    "duckdb_schema_sql",
    "frictionless_schema",
    "load",
    "markdown_docs",
    "pandera_schema",
    "table_names",
    "table_order",
    "views_ddl",
    "views_markdown",
]
