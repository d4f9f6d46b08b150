"""Dagster assets and asset checks: a thin layer over ingest, extract, checks, publish.

Graph: raw_statements -> extraction, which also yields the eleven tables (one step) ->
blocking checks (Pandera per table; foreign keys and spans across tables) ->
published_package (Frictionless package + DuckDB file, written atomically).
A failing check stops publishing, so what was published before stays as it was.
"""

from dataclasses import dataclass, field

import dagster as dg
import pandas as pd

from pipeline import checks
from pipeline.cache import CacheStats, changes_markdown, open_cache
from pipeline.extract.corpus import TABLE_ORDER, assemble_tables, iter_extractions
from pipeline.ingest import read_raw_dir
from pipeline.memory import release_freed_memory
from pipeline.metadata import TABLES
from pipeline.model import IngestResult, Rejection
from pipeline.progress import stage
from pipeline.publish import publish_atomically, statement_sources
from pipeline.resources import PipelineFolders

PREVIEW_ROWS = 5


def rejections_markdown(rejected: list[Rejection]) -> str:
    if not rejected:
        return "No file was rejected."
    lines = ["| file | reason |", "|---|---|"]
    for r in rejected:
        reason = r.reason.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{r.source_file}` | {reason} |")
    return "\n".join(lines)


def report_rejections(context: dg.AssetExecutionContext, rejected: list[Rejection]) -> dict:
    """Log each rejected file and return the metadata that lists them in the UI."""
    for r in rejected:
        context.log.warning(f"rejected {r.source_file}: {r.reason}")
    return {"rejected": len(rejected), "rejected_files": dg.MetadataValue.md(rejections_markdown(rejected))}


def table_schema(name: str) -> dg.TableSchema:
    table = TABLES[name]
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=f.name,
                type=f.type,
                description=f.description,
                constraints=dg.TableColumnConstraints(nullable=not f.required, unique=f.unique),
            )
            for f in table.fields
        ]
    )


def preview_markdown(df: pd.DataFrame, rows: int = PREVIEW_ROWS, width: int = 60) -> str:
    head = df.head(rows).astype("string").fillna("")
    head = head.map(lambda v: (v[: width - 1] + "…") if len(v) > width else v)
    head = head.map(lambda v: v.replace("|", "\\|").replace("\n", " "))
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(r) + " |" for r in head.itertuples(index=False)]
    return "\n".join(lines)


@dg.asset(group_name="ingest", kinds={"python"})
def raw_statements(context: dg.AssetExecutionContext, folders: PipelineFolders) -> IngestResult:
    """Every file of the raw folder, decoded and normalised to plain text, with its
    metadata (date, place, source, title). Rejected files are listed with reasons."""
    with stage("reading raw files"):
        result = read_raw_dir(folders.raw_path, max_bytes=folders.max_bytes)
    warned = [(st.source_file, w) for st in result.statements for w in st.warnings]
    for source_file, message in warned:
        context.log.warning(f"{source_file}: {message}")
    context.add_output_metadata({
        "accepted": len(result.statements),
        "warnings": len(warned),
        **report_rejections(context, result.rejected),
        "raw_dir": dg.MetadataValue.path(str(folders.raw_path.resolve())),
    })
    return result


@dataclass
class ExtractionSummary:
    """What the ``extraction`` asset holds besides the tables: the statements
    rejected at extraction (naming no party) and the accepted statements' URLs."""

    n_statements: int
    rejected: list[Rejection] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)


@dg.multi_asset(
    outs={
        "extraction": dg.AssetOut(
            group_name="extract", kinds={"python", "spacy"},
            description=("Actors, parties, agreements, regions and commitments of every accepted statement "
                         "(rule-based, spaCy blank English), with the statements rejected here (no party)."),
        ),
        **{
            name: dg.AssetOut(
                group_name="tables",
                description=TABLES[name].description,
                metadata={"dagster/column_schema": table_schema(name)},
                kinds={"pandas"},
            )
            for name in TABLE_ORDER
        },
    },
    name="extraction",
)
def extraction(context: dg.AssetExecutionContext, raw_statements: IngestResult, folders: PipelineFolders):
    """Extracts every statement (unchanged ones come from the per-statement cache,
    pipeline/cache.py) and folds each result into the eleven tidy tables of
    DATA_MODEL.md as it arrives, so the corpus is never held as extraction objects."""
    cache = open_cache(folders.cache_path)
    changes = cache.classify(raw_statements.statements) if cache else CacheStats(new=[
        st.source_file for st in raw_statements.statements])
    statements = sorted(raw_statements.statements, key=lambda st: st.statement_id)
    rejected: list[Rejection] = []
    frames = assemble_tables(iter_extractions(statements, cache_dir=folders.cache_path, workers=folders.workers,
                                              rejected=rejected))
    release_freed_memory()  # the extraction objects, each dropped once folded into the tables
    accepted = set(frames["statements"]["statement_id"])
    summary = ExtractionSummary(
        n_statements=len(frames["statements"]), rejected=rejected,
        urls={st.statement_id: st.url for st in statements if st.url and st.statement_id in accepted})
    yield dg.Output(summary, output_name="extraction", metadata={
        "statements": summary.n_statements,
        **report_rejections(context, rejected),
        "commitments": len(frames["commitments"]),
        "statements_new": len(changes.new),
        "statements_changed": len(changes.changed),
        "statements_reused": len(changes.reused),
        "statements_removed": len(changes.removed),
        "statement_changes": dg.MetadataValue.md(
            changes_markdown(changes, [r.source_file for r in rejected])),
    })
    for name in TABLE_ORDER:
        df = frames.pop(name)
        yield dg.Output(
            df,
            output_name=name,
            metadata={
                "dagster/row_count": len(df),
                "preview": dg.MetadataValue.md(preview_markdown(df)),
            },
        )
        del df


def check_result(outcome: checks.CheckOutcome) -> dg.AssetCheckResult:
    metadata = {"message": outcome.message}
    if outcome.failures is not None and len(outcome.failures):
        metadata["failure_cases"] = dg.MetadataValue.md(preview_markdown(outcome.failures, rows=20, width=80))
        metadata["n_failures"] = len(outcome.failures)
    return dg.AssetCheckResult(passed=outcome.passed, metadata=metadata, severity=dg.AssetCheckSeverity.ERROR)


def pandera_check(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(name),
        name=f"{name}_schema",
        blocking=True,
        description=f"Pandera schema of `{name}` (types, required, enums, patterns, keys), run lazily.",
    )
    def _check(df: pd.DataFrame) -> dg.AssetCheckResult:
        return check_result(checks.validate_table(name, df))

    return _check


CROSS_TABLE_CHECKS = {
    "foreign_keys_resolve": ("Every foreign key of every table resolves (mentions.entity_id by entity_type too).",
                             checks.check_foreign_keys),
    "spans_reproduce_text": ("Grounding: every span's text equals statements.text[char_start:char_end].",
                             checks.check_spans),
}


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(name, asset=dg.AssetKey("statements"), blocking=True, description=description,
                             additional_deps=[dg.AssetKey(t) for t in TABLE_ORDER if t != "statements"])
           for name, (description, _) in CROSS_TABLE_CHECKS.items()],
    ins={name: dg.AssetIn(dg.AssetKey(name)) for name in TABLE_ORDER},
    name="cross_table_checks",
)
def cross_table_checks(**frames: pd.DataFrame):
    """Checks that need several tables at once; both block publishing."""
    for name, (_, check) in CROSS_TABLE_CHECKS.items():
        result = check_result(check(frames))
        yield dg.AssetCheckResult(check_name=name, asset_key=dg.AssetKey("statements"), passed=result.passed,
                                  metadata=result.metadata, severity=result.severity)


@dg.multi_asset(
    outs={
        "frictionless_package": dg.AssetOut(
            group_name="publish", description="datapackage.json, data/*.csv and README.md", kinds={"csv"},
        ),
        "duckdb_database": dg.AssetOut(
            group_name="publish", description="joint_statements.duckdb with keys and comments", kinds={"duckdb"},
        ),
    },
    ins={"extraction": dg.AssetIn(dg.AssetKey("extraction")),
         **{name: dg.AssetIn(dg.AssetKey(name)) for name in TABLE_ORDER}},
    name="published_package",
)
def published_package(context: dg.AssetExecutionContext, folders: PipelineFolders, extraction: ExtractionSummary,
                      **frames: pd.DataFrame):
    """Writes the package and the DuckDB file to a temporary folder and moves them into
    place only when everything was written (runs only after every blocking check passed)."""
    tables_by_name = {name: frames[name] for name in TABLE_ORDER}
    if not len(tables_by_name["statements"]) and not folders.allow_empty:
        raise dg.Failure(
            description=(f"no statement was accepted from {folders.raw_path}: nothing published, "
                         f"{folders.out_path} is left as it was (build --allow-empty publishes an empty "
                         "package anyway)"))
    sources = statement_sources(tables_by_name["statements"], urls=extraction.urls)
    with stage("publishing"):
        written = publish_atomically(tables_by_name, folders.out_path, sources)
    counts = {f"rows/{name}": len(df) for name, df in tables_by_name.items()}
    yield dg.Output(
        str(written.datapackage_json), output_name="frictionless_package",
        metadata={"path": dg.MetadataValue.path(str(written.datapackage_json)), **counts},
    )
    yield dg.Output(
        str(written.duckdb_path), output_name="duckdb_database",
        metadata={"path": dg.MetadataValue.path(str(written.duckdb_path))},
    )


ASSETS = [raw_statements, extraction, published_package]
CHECKS = [*(pandera_check(name) for name in TABLE_ORDER), cross_table_checks]
