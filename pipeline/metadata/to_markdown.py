"""Field documentation in Markdown, generated from tables.yaml."""
from __future__ import annotations

from collections.abc import Iterable

from .resources import Field, Table


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _constraints(table: Table, f: Field) -> str:
    parts = []
    if f.name in table.primary_key:
        parts.append("primary key" if len(table.primary_key) == 1 else "part of primary key")
    elif f.unique:
        parts.append("unique")
    for fk in table.foreign_keys:
        if f.name in fk.fields:
            i = fk.fields.index(f.name)
            parts.append(f"→ `{fk.resource}.{fk.reference_fields[i]}`")
    for p in table.polymorphic_foreign_keys:
        if f.name == p.field:
            targets = ", ".join(f"`{r.resource}.{r.field}` if {p.discriminator} = `{r.value}`" for r in p.references)
            parts.append(f"→ {targets}")
    if f.enum is not None:
        parts.append("one of " + ", ".join(f"`{v}`" for v in f.enum))
    if f.pattern is not None:
        parts.append(f"matches `{f.pattern}`")
    if f.minimum is not None:
        parts.append(f"≥ {f.minimum}")
    if f.maximum is not None:
        parts.append(f"≤ {f.maximum}")
    return "; ".join(parts)


def table_markdown(table: Table, heading: str = "###") -> str:
    lines = [f"{heading} `{table.name}`: {table.title}", "", table.description, ""]
    lines.append(f"Primary key: {', '.join(f'`{c}`' for c in table.primary_key)}.")
    if table.foreign_keys:
        fks = "; ".join(
            f"{', '.join(f'`{c}`' for c in fk.fields)} → `{fk.resource}` "
            f"({', '.join(f'`{c}`' for c in fk.reference_fields)})"
            for fk in table.foreign_keys
        )
        lines.append(f"Foreign keys: {fks}.")
    for p in table.polymorphic_foreign_keys:
        targets = ", ".join(f"`{r.resource}` when `{p.discriminator}` is `{r.value}`" for r in p.references)
        lines.append(
            f"`{p.field}` refers to {targets} (a polymorphic reference: not a Table Schema or SQL "
            "foreign key, checked by the pipeline)."
        )
    lines += ["", "| field | type | required | constraints | description |", "|---|---|---|---|---|"]
    for f in table.fields:
        lines.append(
            f"| `{f.name}` | {f.type} | {'yes' if f.required else 'no'} | "
            f"{_cell(_constraints(table, f))} | {_cell(f.description)} |"
        )
    return "\n".join(lines) + "\n"


def markdown_docs(tables: dict[str, Table] | Iterable[Table], heading: str = "###") -> str:
    """A section per table: description, keys and a Markdown table of its fields
    (name, type, required, constraints, description)."""
    items = tables.values() if isinstance(tables, dict) else tables
    return "\n".join(table_markdown(t, heading) for t in items)
