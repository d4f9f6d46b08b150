"""Publishing: the Frictionless data package, the DuckDB file, and an atomic
publish of both. Schemas come from ``pipeline.metadata`` (tables.yaml)."""
from __future__ import annotations

from .atomic import PublishError, PublishResult, publish_atomically
from .csv_io import conform, csv_frame, read_table_csv, sort_by_primary_key, write_table_csv
from .duckdb_file import write_duckdb
from .package import (
    DUCKDB_FILENAME,
    DUCKDB_NAME,
    readme_markdown,
    statement_sources,
    write_datapackage_json,
    write_package,
)

__all__ = [
    "DUCKDB_FILENAME",
    "DUCKDB_NAME",
    "PublishError",
    "PublishResult",
    "conform",
    "csv_frame",
    "publish_atomically",
    "read_table_csv",
    "readme_markdown",
    "sort_by_primary_key",
    "statement_sources",
    "write_datapackage_json",
    "write_duckdb",
    "write_package",
    "write_table_csv",
]
