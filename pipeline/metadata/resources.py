"""Load ``tables.yaml`` (the one definition of every table) into frozen dataclasses.

Nothing else in the project spells a schema out by hand: the Pandera schemas,
Frictionless Table Schemas, DuckDB DDL and field docs are generated from the
objects built here (see the ``to_*`` modules next to this one).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TABLES_YAML = Path(__file__).with_name("tables.yaml")

FIELD_TYPES = ("string", "integer", "number", "boolean", "date")

_FIELD_KEYS = {"name", "type", "description", "required", "unique", "enum", "pattern", "minimum", "maximum"}
_TABLE_KEYS = {"name", "title", "description", "primary_key", "foreign_keys", "polymorphic_foreign_keys", "fields"}


class MetadataError(ValueError):
    """tables.yaml is inconsistent (a typo there must fail loudly, at import)."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # one of FIELD_TYPES
    description: str
    required: bool = False  # non-nullable
    unique: bool = False  # single-column uniqueness (composite keys: Table.primary_key)
    enum: tuple[str, ...] | None = None
    pattern: str | None = None  # regular expression written ^...$, matched against the whole value
    minimum: int | float | None = None
    maximum: int | float | None = None

    @property
    def nullable(self) -> bool:
        return not self.required


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # referenced table
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class PolymorphicReference:
    value: str  # value of the discriminator column, e.g. "actor"
    resource: str  # e.g. "actors"
    field: str  # e.g. "actor_id"


@dataclass(frozen=True)
class PolymorphicForeignKey:
    """``field`` refers to ``references[i].resource`` when ``discriminator == references[i].value``."""

    field: str
    discriminator: str
    references: tuple[PolymorphicReference, ...]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    polymorphic_foreign_keys: tuple[PolymorphicForeignKey, ...] = ()

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def has_span(self) -> bool:
        """True when rows carry a grounded span (char_start, char_end, text) into statements.text."""
        return {"char_start", "char_end", "text"} <= set(self.field_names) and self.name != "statements"

    @property
    def csv_path(self) -> str:
        return f"data/{self.name}.csv"


@dataclass(frozen=True)
class License:
    name: str
    title: str
    path: str


@dataclass(frozen=True)
class Example:
    title: str
    sql: str


@dataclass(frozen=True)
class PackageInfo:
    name: str
    title: str
    description: str
    version: str
    licenses: tuple[License, ...]
    examples: tuple[Example, ...]


def _field(raw: dict[str, Any], patterns: dict[str, str], where: str) -> Field:
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise MetadataError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("name", "type", "description", "required"):
        if key not in raw:
            raise MetadataError(f"{where}: missing {key!r}")
    if raw["type"] not in FIELD_TYPES:
        raise MetadataError(f"{where}: type {raw['type']!r} not in {FIELD_TYPES}")
    if not str(raw["description"]).strip():
        raise MetadataError(f"{where}: empty description")
    pattern = raw.get("pattern")
    if pattern is not None:
        pattern = patterns.get(pattern, pattern)
        if not (pattern.startswith("^") and pattern.endswith("$")):
            raise MetadataError(f"{where}: pattern {pattern!r} must be written ^...$")
    enum = raw.get("enum")
    if enum is not None:
        if raw["type"] != "string" or not enum or len(set(enum)) != len(enum):
            raise MetadataError(f"{where}: enum must be a non-empty list of distinct strings")
        enum = tuple(str(v) for v in enum)
    return Field(
        name=raw["name"],
        type=raw["type"],
        description=" ".join(str(raw["description"]).split()),
        required=bool(raw["required"]),
        unique=bool(raw.get("unique", False)),
        enum=enum,
        pattern=pattern,
        minimum=raw.get("minimum"),
        maximum=raw.get("maximum"),
    )


def _table(raw: dict[str, Any], patterns: dict[str, str]) -> Table:
    where = f"table {raw.get('name')!r}"
    unknown = set(raw) - _TABLE_KEYS
    if unknown:
        raise MetadataError(f"{where}: unknown keys {sorted(unknown)}")
    fields = tuple(_field(f, patterns, f"{where}, field {f.get('name')!r}") for f in raw["fields"])
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise MetadataError(f"{where}: duplicate field names")
    pk = tuple(raw["primary_key"])
    fks = tuple(
        ForeignKey(tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
        for fk in raw.get("foreign_keys") or ()
    )
    pfks = tuple(
        PolymorphicForeignKey(
            field=p["field"],
            discriminator=p["discriminator"],
            references=tuple(
                PolymorphicReference(value, ref["resource"], ref["field"])
                for value, ref in p["references"].items()
            ),
        )
        for p in raw.get("polymorphic_foreign_keys") or ()
    )
    table = Table(
        name=raw["name"],
        title=raw["title"],
        description=" ".join(str(raw["description"]).split()),
        fields=fields,
        primary_key=pk,
        foreign_keys=fks,
        polymorphic_foreign_keys=pfks,
    )
    for col in list(pk) + [c for fk in fks for c in fk.fields] + [p.field for p in pfks]:
        if col not in names:
            raise MetadataError(f"{where}: key column {col!r} is not a field")
    for col in pk:
        if not table.field(col).required:
            raise MetadataError(f"{where}: primary-key column {col!r} must be required")
    return table


def _check_references(tables: dict[str, Table]) -> None:
    for t in tables.values():
        refs = [(fk.resource, fk.reference_fields) for fk in t.foreign_keys]
        refs += [(r.resource, (r.field,)) for p in t.polymorphic_foreign_keys for r in p.references]
        for resource, fields in refs:
            if resource not in tables:
                raise MetadataError(f"{t.name}: foreign key to unknown table {resource!r}")
            if tuple(fields) != tables[resource].primary_key:
                raise MetadataError(f"{t.name}: foreign key must reference the primary key of {resource}")
        for p in t.polymorphic_foreign_keys:
            enum = set(t.field(p.discriminator).enum or ())
            if enum != {r.value for r in p.references}:
                raise MetadataError(f"{t.name}: {p.discriminator} enum and references of {p.field} differ")


def load(path: Path = TABLES_YAML) -> tuple[PackageInfo, dict[str, Table]]:
    """Parse and check ``tables.yaml``; tables keep the file's order."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    patterns = dict(raw.get("patterns") or {})
    tables: dict[str, Table] = {}
    for t in raw["tables"]:
        table = _table(t, patterns)
        if table.name in tables:
            raise MetadataError(f"duplicate table {table.name!r}")
        tables[table.name] = table
    _check_references(tables)
    p = raw["package"]
    info = PackageInfo(
        name=p["name"],
        title=p["title"],
        description=" ".join(str(p["description"]).split()),
        version=str(p["version"]),
        licenses=tuple(License(lic["name"], lic["title"], lic["path"]) for lic in p["licenses"]),
        examples=tuple(Example(e["title"], e["sql"].strip()) for e in raw.get("examples") or ()),
    )
    return info, tables


def dependency_order(tables: dict[str, Table] | Iterable[Table]) -> list[str]:
    """Table names so that every table comes after the tables its foreign keys
    (including polymorphic ones) refer to; ties keep the definition order."""
    by_name = tables if isinstance(tables, dict) else {t.name: t for t in tables}
    deps = {
        t.name: {fk.resource for fk in t.foreign_keys}
        | {r.resource for p in t.polymorphic_foreign_keys for r in p.references}
        for t in by_name.values()
    }
    order: list[str] = []
    done: set[str] = set()
    while len(order) < len(by_name):
        ready = [n for n in by_name if n not in done and deps[n] - {n} <= done | (deps[n] - set(by_name))]
        if not ready:
            raise MetadataError(f"foreign-key cycle among {sorted(set(by_name) - done)}")
        order.append(ready[0])
        done.add(ready[0])
    return order
