"""Write the data package: ``data/<table>.csv``, ``README.md``, ``charts/*.png``,
``review/*.html`` and ``datapackage.json``."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.ingest.meta import http_url
from pipeline.memory import release_freed_memory
from pipeline.metadata import PACKAGE, TABLES, VIEWS, datapackage_descriptor, markdown_docs, views_markdown

from .chart import CHARTS, write_charts
from .csv_io import conformed_tables, write_table_csv
from .review import REVIEW_DIR, write_review

DUCKDB_FILENAME = "joint_statements.duckdb"
# the README's section on identity, dates and codes (prose with worked SQL; tests run its queries)
GUIDE = Path(__file__).resolve().parent.parent / "metadata" / "guide.md"
DUCKDB_NAME = DUCKDB_FILENAME  # alias


def statement_sources(
    statements: pd.DataFrame,
    *,
    urls: Mapping[str, str] | None = None,
    raw_prefix: str = "raw/",
) -> list[dict[str, str]]:
    """``sources`` for the descriptor: one per statement, in statement_id order,
    ``{"title", "path": raw_prefix + source_file}`` plus ``"url"`` when
    ``urls`` (statement_id -> URL) has one."""
    urls = urls or {}
    out = []
    for row in statements.sort_values("statement_id", kind="stable").itertuples(index=False):
        src = {"title": str(row.title), "path": f"{raw_prefix}{row.source_file}"}
        url = urls.get(row.statement_id)
        if url:
            src["url"] = str(url)
        out.append(src)
    return out


def _check_tables(tables: Mapping[str, pd.DataFrame]) -> None:
    unknown = set(tables) - set(TABLES)
    missing = set(TABLES) - set(tables)
    if unknown or missing:
        raise KeyError(f"tables: missing {sorted(missing)}, unknown {sorted(unknown)}")


REVIEW_INDEX = f"{REVIEW_DIR}/index.html"


def package_views() -> list[dict[str, Any]]:
    """The descriptor's ``views``: the charts and the review pages (files that
    are not tables, so they are not ``resources``, which hold exactly the 11
    tables; custom properties like this one are allowed by Data Package v2)."""
    return [
        *({"name": c.name, "title": c.title, "description": f"Chart (PNG, matplotlib). {c.caption}",
           "specType": "image", "path": c.path, "format": "png", "mediatype": "image/png",
           "resources": list(c.resources)} for c in CHARTS),
        {"name": "review", "title": "Review pages",
         "description": ("One self-contained HTML page per statement (review/<statement_id>.html) with "
                         "every mention and commitment highlighted in the text, and an index."),
         "specType": "html", "path": REVIEW_INDEX, "format": "html", "mediatype": "text/html",
         "resources": ["statements", "mentions", "commitments", "commitment_actors", "statement_actors",
                       "statement_agreements", "statement_regions", "actors", "agreements", "regions",
                       "sentences"]},
    ]


def write_datapackage_json(path: Path, sources: Iterable[Mapping[str, Any]], **kwargs: Any) -> Path:
    """Write ``datapackage.json`` (deterministic: fixed key order, 2-space
    indent, LF, trailing newline; ``created`` from SOURCE_DATE_EPOCH when set)."""
    descriptor = datapackage_descriptor(PACKAGE, TABLES.values(), sources, **kwargs)
    descriptor["views"] = package_views()
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    Path(path).write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_URL_UNSAFE = re.compile(r"[\s()<>\[\]\"'`\\]")


def markdown_text(text: str) -> str:
    """``text`` (a title from untrusted metadata) as inert Markdown: HTML
    special characters as entities, Markdown punctuation backslash-escaped,
    line breaks as spaces, so it can make no tag, link or emphasis."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown_code(text: str) -> str:
    """``text`` as an inline code span that no backtick inside it can close."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"`{text}`"


def markdown_url(url: str) -> str:
    """An http(s) URL percent-encoded where Markdown would end or nest the
    link (brackets, parentheses, quotes, spaces)."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), url)


def charts_markdown() -> list[str]:
    """The README's chart section: each chart with a sentence on what it shows."""
    lines = ["## Charts", ""]
    for c in CHARTS:
        lines += [f"**{c.title}.** {c.caption}", "", f"![{c.title}]({c.path})", ""]
    return lines


def readme_markdown(
    row_counts: Mapping[str, int],
    sources: Iterable[Mapping[str, Any]],
    *,
    version: str | None = None,
) -> str:
    """The package's README: what it holds, sources, row counts, example SQL, field docs."""
    from .release import get_the_data_markdown  # here: release.py imports this module

    sources = list(sources)
    lines = [
        f"# {PACKAGE.title}",
        "",
        ("_Generated by the joint-statements pipeline from `pipeline/metadata/tables.yaml`; "
         "do not edit by hand._"),
        "",
        PACKAGE.description,
        "",
        f"Version {version or PACKAGE.version}. License of the data package: "
        + ", ".join(f"[{lic.title}]({lic.path}) (`{lic.name}`)" for lic in PACKAGE.licenses)
        + ". The statements themselves remain under their publishers' terms.",
        "",
        get_the_data_markdown(),
        "## Files",
        "",
        "| file | what |",
        "|---|---|",
        "| `datapackage.json` | Frictionless Data Package (v2): one resource per table with its Table Schema |",
        ("| `data/<table>.csv` | the tables: UTF-8, header row, `,` separator, LF line ends, "
         "rows sorted by primary key, empty field = null |"),
        (f"| `{DUCKDB_FILENAME}` | the same tables in DuckDB, with primary and foreign keys and comments, "
         "plus the views below |"),
        "| `charts/*.png` | charts of the whole corpus (below) |",
        (f"| `{REVIEW_INDEX}`, `{REVIEW_DIR}/<statement_id>.html` | review pages: each statement's text with "
         "every actor, agreement and region mention and every commitment highlighted (hover for kind, status, "
         "committers and ids), and a side list of its rows; self-contained HTML, open in a browser |"),
        "| `README.md` | this file |",
        "",
        *charts_markdown(),
        "## Tables",
        "",
        "| table | rows | description |",
        "|---|---:|---|",
    ]
    for name, t in TABLES.items():
        lines.append(f"| `{name}` | {int(row_counts.get(name, 0))} | {t.description} |")
    lines += ["", f"## Sources ({len(sources)} statement{'' if len(sources) == 1 else 's'})", ""]
    for s in sources:
        title = markdown_text(str(s.get("title", "")))
        path = f" ({markdown_code(str(s['path']))})" if s.get("path") else ""
        url = http_url(str(s["url"])) if s.get("url") else None
        if url:
            lines.append(f"- [{title}]({markdown_url(url)})" + path)
        else:
            lines.append(f"- {title}" + path)
    if not sources:
        lines.append("(none)")
    lines += [
        "",
        "## Querying",
        "",
        ("With the pipeline: `python -m pipeline query \"SQL\"`; or open the file directly, e.g. "
         f"`duckdb -readonly {DUCKDB_FILENAME}` or `duckdb.connect(\"{DUCKDB_FILENAME}\", read_only=True)`."),
        "",
    ]
    for ex in PACKAGE.examples:
        lines += [f"{ex.title}:", "", "```sql", ex.sql, "```", ""]
    lines += [GUIDE.read_text(encoding="utf-8").rstrip("\n"), ""]
    lines += [
        "## Views",
        "",
        (f"The DuckDB file also holds {len(VIEWS)} views for the common questions "
         "(`COMMENT ON` every view and column, like the tables):"),
        "",
        views_markdown(VIEWS, heading="###"),
    ]
    lines += [
        "## Fields",
        "",
        ("Every `char_start`/`char_end`/`trigger_start` is a Python `str` index (code points) into "
         "`statements.text`, and `statements.text[char_start:char_end] == text` holds for every span."),
        "",
        markdown_docs(TABLES, heading="###"),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_package(
    tables: Mapping[str, pd.DataFrame],
    out_dir: Path,
    sources: Iterable[Mapping[str, Any]] = (),
    *,
    version: str | None = None,
    created: str | None = None,
    on_file_written: Callable[[Path], None] | None = None,
) -> dict[str, Path]:
    """Write ``data/<table>.csv`` for all 11 tables, ``README.md``, the charts
    (``charts/*.png``, see :mod:`.chart`), the review pages (``review/*.html``)
    and ``datapackage.json`` (last) into ``out_dir`` (in place: for a safe update use
    :func:`publish_atomically`). Returns ``{relative path: absolute path}``.

    ``tables`` maps every table name to a DataFrame with (at least) its defined
    columns. ``sources``: one dict per statement (``title`` plus ``path``
    and/or ``url``). ``created`` defaults to SOURCE_DATE_EPOCH or now.
    ``on_file_written`` is called after each file (progress; tests use it to
    inject failures).
    """
    _check_tables(tables)
    tables = conformed_tables(tables)
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    sources = list(sources)
    written: dict[str, Path] = {}

    def done(rel: str, path: Path) -> None:
        written[rel] = path
        if on_file_written is not None:
            on_file_written(path)

    for name, t in TABLES.items():
        done(t.csv_path, write_table_csv(t, tables[name], out_dir / t.csv_path, conformed=True))
    row_counts = {name: len(df) for name, df in tables.items()}
    readme = out_dir / "README.md"
    readme.write_text(readme_markdown(row_counts, sources, version=version), encoding="utf-8", newline="\n")
    done("README.md", readme)
    for chart in write_charts(tables, out_dir):
        done(chart.relative_to(out_dir).as_posix(), chart)
    release_freed_memory()
    for page in write_review(tables, out_dir):
        done(page.relative_to(out_dir).as_posix(), page)
    done(
        "datapackage.json",
        write_datapackage_json(out_dir / "datapackage.json", sources, version=version, created=created),
    )
    return written
