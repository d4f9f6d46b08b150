"""Content-hash cache of per-statement extraction results.

A statement is extracted again only when its content changes or the extractor
does. Each entry is one pickle file keyed by the SHA-256 of

- the *extractor version*: a hash of the source of ``pipeline/extract/*.py``,
  ``pipeline/model.py``, ``pipeline/ids.py``, every file of ``pipeline/data/``
  and the Python and spaCy versions, so any change to code or lexicons misses;
- the statement itself (``repr`` of the frozen ``Statement``: text and every
  metadata field, sidecar parties included).

Layout, beside the published package by default (``default_cache_dir``)::

    <out_dir parent>/.joint_statements_cache/
        <version[:16]>/<key[:2]>/<key>.pkl   one StatementExtraction per file
        <version[:16]>/index.json            source_file -> key of the last run

Folders of other extractor versions are removed the first time a new entry is
written. The cache is safe to delete at any time (the next run re-extracts
everything); unreadable or corrupt entries count as misses and are removed.
Entries are written to a temporary file and renamed, so a crash never leaves a
half-written entry that looks valid. Pickle is only safe for files this
pipeline wrote: do not point the cache at a folder others can write to.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.model import Statement

CACHE_DIRNAME = ".joint_statements_cache"
INDEX_NAME = "index.json"
_PKG = Path(__file__).resolve().parent
# What extraction results depend on (besides the statement): any change here invalidates the cache.
VERSION_SOURCES = ("extract/*.py", "data/*", "model.py", "ids.py")


def default_cache_dir(out_dir: Path | str) -> Path:
    """``<out_dir parent>/.joint_statements_cache``: beside the outputs, never inside them."""
    return Path(out_dir).absolute().parent / CACHE_DIRNAME


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """SHA-256 over the extractor's code and data files (names and bytes) and library versions."""
    import spacy

    h = hashlib.sha256()
    h.update(f"python {platform.python_version()} spacy {spacy.__version__}\0".encode())
    files = sorted({p for pattern in VERSION_SOURCES for p in _PKG.glob(pattern) if p.is_file()})
    for p in files:
        h.update(p.relative_to(_PKG).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def statement_key(st: Statement, version: str | None = None) -> str:
    """Cache key of one statement: its text and metadata under one extractor version."""
    h = hashlib.sha256((version or extractor_version()).encode())
    h.update(b"\0")
    h.update(repr(st).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class CacheStats:
    """What one run found in the cache (lists of source_file, in input order)."""

    new: list[str] = field(default_factory=list)  # never seen under this cache (miss)
    changed: list[str] = field(default_factory=list)  # seen before with other content or code (miss)
    reused: list[str] = field(default_factory=list)  # unchanged: taken from the cache (hit)
    removed: list[str] = field(default_factory=list)  # in the previous run, not in this one

    @property
    def misses(self) -> int:
        return len(self.new) + len(self.changed)


class ExtractionCache:
    """Pickled ``StatementExtraction`` per statement, under ``root/<version[:16]>/``."""

    def __init__(self, root: Path | str, version: str | None = None):
        self.root = Path(root)
        self.version = version or extractor_version()
        self.dir = self.root / self.version[:16]
        self._pruned = False

    def key(self, st: Statement) -> str:
        return statement_key(st, self.version)

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, key: str):
        """The cached extraction, or None (missing, unreadable or corrupt: then removed)."""
        path = self.path(key)
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss, never an error
            try:
                path.unlink()
            except OSError:
                pass
            return None

    def put(self, key: str, value) -> None:
        """Write one entry atomically; a failure to write (full disk, read-only) is ignored."""
        self._prune_other_versions()
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            pass

    def _prune_other_versions(self) -> None:
        if self._pruned:
            return
        self._pruned = True
        try:
            for child in self.root.iterdir():
                if child.is_dir() and child.name != self.dir.name:
                    shutil.rmtree(child, ignore_errors=True)
        except OSError:
            pass

    # -- which statements were new, changed or reused ------------------------------------

    def read_index(self) -> dict[str, str]:
        try:
            data = json.loads((self.dir / INDEX_NAME).read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def write_index(self, keys: dict[str, str]) -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-index-", dir=self.dir)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(keys, fh, sort_keys=True)
            os.replace(tmp, self.dir / INDEX_NAME)
        except OSError:
            pass

    def classify(self, statements: Iterable[Statement]) -> CacheStats:
        """New / changed / reused / removed, by source_file, against the last run's index
        (an entry that is missing or corrupt counts as changed, not reused)."""
        index = self.read_index()
        stats = CacheStats()
        seen = set()
        for st in statements:
            seen.add(st.source_file)
            key = self.key(st)
            if self.path(key).is_file():
                stats.reused.append(st.source_file)
            elif st.source_file in index:
                stats.changed.append(st.source_file)
            else:
                stats.new.append(st.source_file)
        stats.removed = sorted(set(index) - seen)
        return stats


def open_cache(cache_dir: Path | str | None) -> ExtractionCache | None:
    return ExtractionCache(cache_dir) if cache_dir else None


# -- extracting many statements: cache first, then the misses across processes ---------------

# Below this much text to extract, starting worker processes costs more than it saves.
PARALLEL_MIN_CHARS = 400_000
CHUNK_STATEMENTS = 4


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int | None, n_chars: int) -> int:
    """Processes to use: ``workers`` if given (0 or None = as many as the cores, but only
    when there is enough text for it to pay)."""
    if workers is not None and workers >= 1:
        return workers
    return available_cores() if n_chars >= PARALLEL_MIN_CHARS else 1


def _picklable(obj) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:  # noqa: BLE001
        return False


def _pool_context():
    """spawn: fresh worker interpreters. Forking the build process is unsafe: Dagster
    (and logging) may hold locks in other threads at fork time, and a forked worker
    then waits on such a lock for ever (seen on a 1,000-statement build). Workers
    import the extractors themselves; ``python -m pipeline`` guards its entry point so
    spawning does not rerun the command line."""
    import multiprocessing as mp

    return mp.get_context("spawn")


def _worker_init() -> None:
    """Workers leave interrupts to the parent, which terminates the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_many(statements: list[Statement], extract, *, cache_dir: Path | str | None = None,
                 workers: int | None = None):
    """Yield ``(st, extract(st))`` for every statement, in input order.

    Results come from the cache in ``cache_dir`` when the statement and the
    extractor are unchanged; the others are extracted, in ``workers`` processes
    when there are enough of them (``None``: every core, if it pays; ``1``: in
    this process), and written to the cache. Results do not depend on
    ``workers``. After the last result the cache's index records this run's
    statements (see :meth:`ExtractionCache.classify`).
    """
    statements = list(statements)
    cache = open_cache(cache_dir)
    keys = [cache.key(st) for st in statements] if cache else [None] * len(statements)
    cached: dict[int, object] = {}
    if cache:
        for i, key in enumerate(keys):
            value = cache.get(key)
            if value is not None:
                cached[i] = value
    todo = [st for i, st in enumerate(statements) if i not in cached]
    n = resolve_workers(workers, sum(len(st.text) for st in todo))
    pool = None
    ctx = _pool_context() if n > 1 and len(todo) > 1 else None
    if ctx is not None and _picklable(extract):
        # this process extracts one statement in every n itself, n - 1 spawned workers
        # the others: all n cores busy, one interpreter (and its memory) fewer
        remote = [st for j, st in enumerate(todo) if j % n]
        pool = ctx.Pool(min(n - 1, len(remote)), initializer=_worker_init)
        from_pool = pool.imap(extract, remote, chunksize=CHUNK_STATEMENTS)
        fresh = (extract(st) if j % n == 0 else next(from_pool) for j, st in enumerate(todo))
    else:
        fresh = map(extract, todo)
    try:
        for i, st in enumerate(statements):
            if i in cached:
                yield st, cached.pop(i)
                continue
            ex = next(fresh)
            if cache:
                cache.put(keys[i], ex)
            yield st, ex
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    if cache:
        cache.write_index({st.source_file: key for st, key in zip(statements, keys)})


def changes_markdown(stats: CacheStats, rejected_files: Iterable[str] = (), limit: int = 50) -> str:
    """Which statements were new, changed, reused, removed or rejected (at most ``limit`` names each)."""
    lines = ["| status | statements | files |", "|---|---|---|"]
    rows = (("new", stats.new), ("changed", stats.changed), ("reused", stats.reused),
            ("removed", stats.removed), ("rejected", list(rejected_files)))
    for status, names in rows:
        shown = ", ".join(f"`{n}`" for n in names[:limit]) + (f" … and {len(names) - limit} more"
                                                             if len(names) > limit else "")
        shown = shown.replace("|", "\\|")
        lines.append(f"| {status} | {len(names)} | {shown} |")
    return "\n".join(lines)
