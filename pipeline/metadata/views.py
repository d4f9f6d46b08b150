"""SQL views of the DuckDB file (``views.yaml``): loading, DDL, README docs.

>>> from pipeline.metadata.views import VIEWS, views_ddl
>>> con.execute(views_ddl())   # after the tables exist
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .resources import Example, MetadataError
from .to_duckdb import quote_ident, sql_string

VIEWS_YAML = Path(__file__).with_name("views.yaml")

_VIEW_KEYS = {"name", "description", "sql", "columns", "example"}


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str  # the SELECT
    columns: tuple[tuple[str, str], ...]  # (name, description) in the SELECT's order
    example: Example | None = None

    @property
    def column_names(self) -> list[str]:
        return [c for c, _ in self.columns]


def load_views(path: Path = VIEWS_YAML) -> dict[str, View]:
    """Parse ``views.yaml``; views keep the file's order."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    views: dict[str, View] = {}
    for v in raw.get("views") or ():
        where = f"view {v.get('name')!r}"
        unknown = set(v) - _VIEW_KEYS
        if unknown:
            raise MetadataError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("name", "description", "sql", "columns"):
            if not v.get(key):
                raise MetadataError(f"{where}: missing {key!r}")
        if v["name"] in views:
            raise MetadataError(f"duplicate view {v['name']!r}")
        cols = tuple((str(k), " ".join(str(d).split())) for k, d in v["columns"].items())
        if any(not d for _, d in cols):
            raise MetadataError(f"{where}: empty column description")
        ex = v.get("example")
        views[v["name"]] = View(
            name=v["name"],
            description=" ".join(str(v["description"]).split()),
            sql=str(v["sql"]).strip().rstrip(";"),
            columns=cols,
            example=Example(ex["title"], str(ex["sql"]).strip().rstrip(";")) if ex else None,
        )
    return views


VIEWS = load_views()


def view_ddl(view: View) -> str:
    """``CREATE VIEW`` (column names fixed by the view's column list),
    ``COMMENT ON VIEW`` and one ``COMMENT ON COLUMN`` per column."""
    cols = ", ".join(quote_ident(c) for c in view.column_names)
    out = [
        f"CREATE VIEW {quote_ident(view.name)} ({cols}) AS\n{view.sql};",
        f"COMMENT ON VIEW {quote_ident(view.name)} IS {sql_string(view.description)};",
    ]
    out += [
        f"COMMENT ON COLUMN {quote_ident(view.name)}.{quote_ident(c)} IS {sql_string(d)};"
        for c, d in view.columns
    ]
    return "\n".join(out) + "\n"


def views_ddl(views: dict[str, View] | None = None) -> str:
    """DDL of all views (run after the tables exist)."""
    return "\n".join(view_ddl(v) for v in (VIEWS if views is None else views).values())


def views_markdown(views: dict[str, View] | None = None, heading: str = "###") -> str:
    """README section body: each view, its description, columns and example query."""
    lines: list[str] = []
    for v in (VIEWS if views is None else views).values():
        lines += [f"{heading} `{v.name}`", "", v.description, "", "| column | description |", "|---|---|"]
        lines += ["| `" + c + "` | " + d.replace("|", "\\|") + " |" for c, d in v.columns]
        lines.append("")
        if v.example:
            lines += [f"{v.example.title}:", "", "```sql", v.example.sql, "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
