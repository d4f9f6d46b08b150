"""Dagster resources: where the raw statements are and where the package goes."""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.ingest import DEFAULT_MAX_BYTES


class PipelineFolders(dg.ConfigurableResource):
    """The raw folder read and the output folder published to.

    Relative paths are taken from the working directory (the repository root
    when run through ``dagster dev`` or ``python -m pipeline``).
    """

    raw_dir: str = "raw"
    out_dir: str = "datapackage"
    max_bytes: int = DEFAULT_MAX_BYTES
    # Per-statement extraction cache (pipeline/cache.py): None = <out_dir parent>/.joint_statements_cache,
    # "" = no cache. workers: processes for extraction (0 = every core when it pays,
    # 1 = this process only, n = this process and n - 1 spawned workers).
    cache_dir: str | None = None
    workers: int = 0
    # Publishing a package of no statement replaces the previous package with an
    # empty one: refused unless asked for (``build --allow-empty``).
    allow_empty: bool = False

    @classmethod
    def from_env(cls) -> "PipelineFolders":
        """Defaults, overridden by JOINT_STATEMENTS_RAW_DIR / JOINT_STATEMENTS_OUT_DIR when set
        (so ``dagster dev`` can be pointed at other folders without editing code)."""
        overrides = {field: os.environ[var] for field, var in (
            ("raw_dir", "JOINT_STATEMENTS_RAW_DIR"), ("out_dir", "JOINT_STATEMENTS_OUT_DIR")) if os.environ.get(var)}
        return cls(**overrides)

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir)

    @property
    def out_path(self) -> Path:
        return Path(self.out_dir)

    @property
    def cache_path(self) -> Path | None:
        from pipeline.cache import default_cache_dir

        if self.cache_dir is None:
            return default_cache_dir(self.out_path)
        return Path(self.cache_dir) if self.cache_dir else None
