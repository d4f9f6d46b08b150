"""Publish the whole package so that a failure leaves the previous one as it was.

What is atomic, and what is not:

- Everything (11 CSVs, README.md, the DuckDB file, datapackage.json) is first
  written into a fresh temporary folder next to ``out_dir`` (same parent, so
  the same file system). Any exception while writing (bad rows, a DuckDB key
  violation, a full disk, the optional validation failing) removes that
  folder and re-raises: ``out_dir`` is not touched at all.
- Only then are the files moved into ``out_dir``, each with ``os.replace``,
  which is atomic per file on POSIX: a reader sees the old or the new file,
  never a half-written one. The CSVs go first, then README.md and the DuckDB
  file, and ``datapackage.json`` last, so a reader that starts from the
  descriptor never sees a new descriptor with old data.
- The set of moves is not one atomic step: a crash (power loss, SIGKILL)
  between two ``os.replace`` calls can leave a mix of old and new files. Other
  files in ``out_dir`` (e.g. ``.cache/``) are left alone.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .duckdb_file import write_duckdb
from .package import DUCKDB_FILENAME, write_package


class PublishError(RuntimeError):
    """The package was not published (the previous files were left in place)."""


@dataclass(frozen=True)
class PublishResult:
    """Where :func:`publish_atomically` put things (all paths absolute)."""

    out_dir: Path
    files: dict[str, Path]  # relative path ("data/actors.csv", ...) -> final path, in move order
    row_counts: dict[str, int]

    @property
    def datapackage_json(self) -> Path:
        return self.files["datapackage.json"]

    @property
    def readme(self) -> Path:
        return self.files["README.md"]

    @property
    def duckdb_path(self) -> Path:
        return self.files[DUCKDB_FILENAME]

    @property
    def csv_paths(self) -> dict[str, Path]:
        return {Path(rel).stem: p for rel, p in self.files.items() if rel.startswith("data/")}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def publish_atomically(
    tables: Mapping[str, pd.DataFrame],
    out_dir: Path,
    sources: Iterable[Mapping[str, Any]] = (),
    *,
    version: str | None = None,
    created: str | None = None,
    validate: bool = False,
    on_file_written: Callable[[Path], None] | None = None,
) -> PublishResult:
    """Write the data package and the DuckDB file into a temporary folder next
    to ``out_dir``, then move every file into ``out_dir`` (see the module
    docstring for what is atomic). Returns a :class:`PublishResult`.

    ``validate=True`` re-reads the written package with
    :func:`pipeline.checks.validate_package` (Pandera, keys, spans; not the slow
    ``frictionless validate``) before moving anything, and raises
    :class:`PublishError` if a check fails. ``on_file_written`` is called with
    each file written into the temporary folder.
    """
    out_dir = Path(out_dir).absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.publish-", dir=out_dir.parent))
    try:
        written = write_package(
            tables, tmp, sources, version=version, created=created, on_file_written=on_file_written
        )
        db = write_duckdb(tables, tmp / DUCKDB_FILENAME)
        if on_file_written is not None:
            on_file_written(db)
        written = {**written, DUCKDB_FILENAME: db}
        if validate:
            from pipeline.checks import validate_package

            failed = [o for o in validate_package(tmp, run_frictionless=False) if not o.passed]
            if failed:
                raise PublishError("; ".join(f"{o.name}: {o.summary}" for o in failed))
        # Move: data first, the descriptor (the package's entry point) last.
        order = sorted(rel for rel in written if rel.startswith("data/"))
        order += ["README.md", DUCKDB_FILENAME, "datapackage.json"]
        (out_dir / "data").mkdir(parents=True, exist_ok=True)
        final: dict[str, Path] = {}
        for rel in order:
            src = tmp / rel
            with open(src, "rb") as fh:
                os.fsync(fh.fileno())
            dst = out_dir / rel
            os.replace(src, dst)
            final[rel] = dst
        _fsync_dir(out_dir / "data")
        _fsync_dir(out_dir)
        return PublishResult(out_dir, final, {name: len(df) for name, df in tables.items()})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
