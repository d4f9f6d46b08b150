"""The release: one zip to download, made from an already-built package folder.

``dist/joint-statements-<version>.zip`` holds, at its top level (so that
``frictionless`` reads the package straight from the zip):

- the package as published: ``datapackage.json``, ``README.md``, every
  resource's ``data/<table>.csv``, and the ``charts/`` and ``review/`` folders;
- the DuckDB file (``joint_statements.duckdb``);
- ``parquet/<table>.parquet``, one per table, written from the DuckDB file with
  DuckDB's ``COPY ... (FORMAT parquet)`` (same column types, same row order as
  the CSV);
- ``SHA256SUMS``: ``sha256sum -c SHA256SUMS`` checks every other file.

Reproducible: entries sorted by name, every entry's time is SOURCE_DATE_EPOCH
(the current time when it is not set; clamped to 1980, the earliest a zip can
hold), mode 0644, no folder entries, no extra fields; Parquet and PNG files are
stored as they are, the others deflated. Releasing the same package
folder twice gives byte-identical zips (with the same zlib and DuckDB versions:
Deflate and Parquet bytes depend on them). Two *builds* of the same statements
give the same files except ``joint_statements.duckdb``, whose bytes DuckDB does
not make deterministic (a random database identifier in its header, and
metadata blocks that differ with it), so its line in ``SHA256SUMS`` differs too.

Before zipping, the package is checked: it must have ``datapackage.json``,
``README.md``, each resource's CSV and the DuckDB file (else
:class:`UsageError`), and every DuckDB table must hold as many rows as its
CSV (else :class:`ReleaseError`: the DuckDB file is from another build).
"""
from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.metadata import TABLES
from pipeline.metadata.to_duckdb import quote_ident

from .package import DUCKDB_FILENAME

DIST_NAME = "joint-statements"  # the zip is <DIST_NAME>-<version>.zip
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PACKAGE_FOLDERS = ("charts", "review")  # generated folders released whole when present
PARQUET_DIR = "parquet"
SUMS_NAME = "SHA256SUMS"
FILE_MODE = 0o644
STORED_SUFFIXES = (".parquet", ".png")  # compressed already: stored, not deflated again
ZIP_MIN_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip entry can hold


class ReleaseError(RuntimeError):
    """The release was not made (nothing was written to the dist folder)."""


class UsageError(ReleaseError):
    """No built package (or part of one) where the release was asked for, a dist
    folder that is a file, or a SOURCE_DATE_EPOCH that is not a number."""


@dataclass(frozen=True)
class Release:
    path: Path  # the zip
    version: str
    entries: tuple[str, ...]  # names in the zip, in order
    sha256: str  # of the zip


def project_version() -> str:
    """The version in ``pyproject.toml`` beside the package (a source checkout),
    else the installed distribution's (``importlib.metadata``)."""
    if PYPROJECT.is_file():
        with PYPROJECT.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    return importlib.metadata.version(DIST_NAME)


def zip_name(version: str | None = None) -> str:
    return f"{DIST_NAME}-{version or project_version()}.zip"


def entry_time(environ: Mapping[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """The time every zip entry carries: SOURCE_DATE_EPOCH (UTC), else now."""
    env = os.environ if environ is None else environ
    raw = (env.get("SOURCE_DATE_EPOCH") or "").strip()
    if raw:
        try:
            epoch = int(raw)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}") from None
    else:
        epoch = int(time.time())
    return time.gmtime(max(epoch, ZIP_MIN_EPOCH))[:6]


def get_the_data_markdown(version: str | None = None) -> str:
    """The package README's opening section: the zip and a one-liner per tool
    (tests/test_release.py runs the Python lines against a real release)."""
    name = zip_name(version)
    return f"""## Get the data

Everything in one file: `{name}` (`python -m pipeline release` makes it
from a built package). It holds this package (`datapackage.json`,
`data/*.csv`, this README, the charts and the review pages), the DuckDB file
`{DUCKDB_FILENAME}`, one Parquet file per table in `{PARQUET_DIR}/`, and
`{SUMS_NAME}`. Its files are at the top level: unzip it into a folder of its own.

```sh
unzip {name} -d joint-statements && cd joint-statements && sha256sum -c {SUMS_NAME}
```

Then, in that folder, one line per tool (each reads the `commitments` table):

```python
import duckdb, frictionless, pandas as pd

commitments = pd.read_csv("data/commitments.csv")  # pandas
commitments = duckdb.read_csv("data/commitments.csv").df()  # DuckDB, CSV
commitments = duckdb.read_parquet("{PARQUET_DIR}/commitments.parquet").df()  # DuckDB, Parquet
commitments = frictionless.Package("datapackage.json").get_resource("commitments").to_pandas()  # typed by its schema
```

```r
commitments <- frictionless::read_resource(frictionless::read_package("datapackage.json"), "commitments")
```

The Python `frictionless` reads the zip without unzipping it too
(`frictionless.Package("{name}")`, or `frictionless validate {name}`);
`pd.read_parquet` works where pyarrow is installed; for SQL over all tables,
keys and views, open `{DUCKDB_FILENAME}` (see Querying below).
"""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def csv_rows(path: Path) -> int:
    """Data rows of a CSV file (quoted line breaks inside a field are one row; a
    statement's whole text is one field, far over the csv module's default limit)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return max(sum(1 for _ in csv.reader(fh)) - 1, 0)
    finally:
        csv.field_size_limit(limit)


def package_entries(pkg: Path) -> dict[str, Path]:
    """``{name in the zip: file}`` for the package part (everything but Parquet and SHA256SUMS)."""
    if not pkg.is_dir():
        raise UsageError(f"{pkg} is not a folder; build the package first "
                             "(`python -m pipeline build --out-dir ...`)")
    descriptor = pkg / "datapackage.json"
    if not descriptor.is_file():
        raise UsageError(f"no datapackage.json in {pkg}; run `python -m pipeline build` first")
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
        paths = [str(r["path"]) for r in resources]
    except (ValueError, KeyError, TypeError) as e:
        raise ReleaseError(f"{descriptor} is not a data package descriptor with resources: {e}") from None
    outside = [rel for rel in paths if Path(rel).is_absolute() or ".." in Path(rel).parts]
    if outside:
        raise ReleaseError(f"{descriptor} points outside the package: {outside}")
    entries = {"datapackage.json": descriptor}
    for rel in ["README.md", *paths, DUCKDB_FILENAME]:
        path = pkg / rel
        if not path.is_file():
            why = " (it is built, not committed)" if rel == DUCKDB_FILENAME else ""
            raise UsageError(f"{pkg} has no {rel}{why}: run `make run` or `python -m pipeline build` first")
        entries[rel] = path
    for folder in PACKAGE_FOLDERS:
        for path in sorted((pkg / folder).rglob("*")):
            if path.is_file() and not path.is_symlink():
                entries[path.relative_to(pkg).as_posix()] = path
    return entries


def write_parquet(db: Path, dest: Path, csvs: dict[str, Path]) -> dict[str, Path]:
    """``parquet/<table>.parquet`` for every table of the DuckDB file, rows in the
    file's (= the CSV's) order; checks each table's row count against its CSV."""
    dest.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    con = duckdb.connect(str(db), read_only=True, config={"threads": 1})  # one thread: rows stay in order
    try:
        for name in TABLES:
            n_db = con.execute(f"SELECT count(*) FROM {quote_ident(name)}").fetchone()[0]
            n_csv = csv_rows(csvs[name])
            if n_db != n_csv:
                raise ReleaseError(f"{db.name} has {n_db} rows in {name} but {csvs[name].name} has {n_csv}: "
                                   "the DuckDB file is from another build; rebuild the package")
            target = dest / f"{name}.parquet"
            quoted = target.as_posix().replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {quote_ident(name)}) TO '{quoted}' "
                        "(FORMAT parquet, COMPRESSION zstd)")
            out[f"{PARQUET_DIR}/{name}.parquet"] = target
    except duckdb.Error as e:
        raise ReleaseError(f"reading {db}: {e}") from None
    finally:
        con.close()
    return out


def _zip_info(name: str, date_time: tuple, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time)
    info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the mode below is read
    info.external_attr = (stat.S_IFREG | FILE_MODE) << 16
    info.file_size = size  # lets zipfile choose Zip64 up front for a large file
    return info


def write_zip(path: Path, entries: dict[str, Path], date_time: tuple) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(entries):
            src = entries[name]
            with open(src, "rb") as fin, zf.open(_zip_info(name, date_time, src.stat().st_size), "w") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)


def make_release(pkg: Path, dist: Path, *, version: str | None = None) -> Release:
    """Zip the built package in ``pkg`` with its DuckDB file, Parquet files and
    SHA256SUMS into ``dist/joint-statements-<version>.zip`` (replaced if it
    exists; written to a temporary name first, so a failure leaves no partial zip).

    Raises :class:`UsageError` (a usage error) when ``pkg`` holds no complete
    built package or ``dist`` is not a folder, :class:`ReleaseError` when the
    package is inconsistent."""
    pkg, dist = Path(pkg), Path(dist)
    version = version or project_version()
    date_time = entry_time()
    if dist.exists() and not dist.is_dir():
        raise UsageError(f"{dist} exists and is not a folder; choose another --dist-dir")
    entries = package_entries(pkg)
    csvs = {name: entries[t.csv_path] for name, t in TABLES.items() if t.csv_path in entries}
    if len(csvs) != len(TABLES):
        missing = sorted(t.csv_path for t in TABLES.values() if t.csv_path not in entries)
        raise ReleaseError(f"datapackage.json in {pkg} lacks the resources {missing}")
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / zip_name(version)
    with tempfile.TemporaryDirectory(prefix=".release-", dir=dist) as tmp:
        tmp = Path(tmp)
        entries.update(write_parquet(entries[DUCKDB_FILENAME], tmp / PARQUET_DIR, csvs))
        sums = "".join(f"{sha256_file(entries[name])}  {name}\n" for name in sorted(entries))
        (tmp / SUMS_NAME).write_text(sums, encoding="utf-8", newline="\n")
        entries[SUMS_NAME] = tmp / SUMS_NAME
        partial = tmp / target.name
        write_zip(partial, entries, date_time)
        os.chmod(partial, FILE_MODE)
        os.replace(partial, target)
    return Release(target, version, tuple(sorted(entries)), sha256_file(target))
