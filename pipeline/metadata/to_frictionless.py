"""Frictionless Table Schema and Data Package descriptors, generated from tables.yaml."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Any

from .resources import PackageInfo, Table

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"


def frictionless_schema(table: Table) -> dict[str, Any]:
    """Table Schema (v2) of ``table``: fields with type, description and
    constraints; primaryKey; foreignKeys (``mentions.entity_id`` is polymorphic
    and cannot be one: it is described in its field and checked by
    ``pipeline.checks.check_foreign_keys``)."""
    fields = []
    for f in table.fields:
        constraints: dict[str, Any] = {}
        if f.required:
            constraints["required"] = True
        if f.unique or table.primary_key == (f.name,):
            constraints["unique"] = True
        if f.enum is not None:
            constraints["enum"] = list(f.enum)
        if f.pattern is not None:
            constraints["pattern"] = f.pattern
        if f.minimum is not None:
            constraints["minimum"] = f.minimum
        if f.maximum is not None:
            constraints["maximum"] = f.maximum
        field: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "date":
            field["format"] = "default"  # ISO 8601 YYYY-MM-DD
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.resource, "fields": list(fk.reference_fields)}}
            for fk in table.foreign_keys
        ]
    return schema


def created_timestamp(now: dt.datetime | None = None) -> str:
    """ISO 8601 UTC time for ``created``: ``SOURCE_DATE_EPOCH`` when set
    (reproducible builds, https://reproducible-builds.org/specs/source-date-epoch/),
    else ``now`` (default: the current time), to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return when.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _source(raw: Mapping[str, Any]) -> dict[str, Any]:
    src = {k: v for k, v in raw.items() if v is not None and v != ""}
    if "title" not in src:
        raise ValueError(f"a source needs a title: {dict(raw)!r}")
    return {k: str(v) for k, v in src.items()}


def datapackage_descriptor(
    info: PackageInfo,
    tables: Iterable[Table],
    sources: Iterable[Mapping[str, Any]] = (),
    *,
    created: str | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """Data Package (v2, ``$schema`` profile) descriptor with one tabular
    resource per table at ``data/<table>.csv``.

    ``sources``: one dict per statement with ``title`` and ``path`` and/or
    ``url`` (anything else such as ``email``/``version`` is kept; ``None`` and
    empty values are dropped). ``created`` defaults to :func:`created_timestamp`.
    """
    return {
        "$schema": DATAPACKAGE_PROFILE,
        "name": info.name,
        "title": info.title,
        "description": info.description,
        "version": version or info.version,
        "created": created or created_timestamp(),
        "licenses": [{"name": lic.name, "title": lic.title, "path": lic.path} for lic in info.licenses],
        "sources": [_source(s) for s in sources],
        "resources": [
            {
                "name": t.name,
                "type": "table",
                "title": t.title,
                "description": t.description,
                "path": t.csv_path,
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True, "quoteChar": '"', "doubleQuote": True},
                "schema": frictionless_schema(t),
            }
            for t in tables
        ],
    }
