"""Publish the whole package so that a failure or a kill leaves the previous one as it was.

What is atomic, and how:

1. Everything (11 CSVs, README.md, datapackage.json, the DuckDB file, and
   whatever ``write_extra`` adds, e.g. a ``review/`` folder made by the same
   build) is written into a fresh staging folder ``.<name>.publish-<pid>-<random>``
   next to ``out_dir`` (same parent, hence the same file system). Any exception
   while writing (bad rows, a DuckDB key violation, a full disk, the optional
   validation failing) removes that folder and re-raises: ``out_dir`` is not
   touched at all.
2. Top-level files and folders of the old ``out_dir`` that this build does not
   generate (a user's notes, a ``.cache/``) are carried over into the staging
   folder (hard links, or copies where links are not possible), so the swap
   loses nothing. A folder the build generates (``data/``, ``charts/``,
   ``review/``) is replaced as a whole: no stale page or table survives.
   Caches had better live outside ``out_dir`` (the extraction cache does, in
   ``<parent>/.joint_statements_cache``).
3. Every file and folder of the staging folder is fsync'ed, then the staging
   folder and ``out_dir`` are swapped in ONE step: on Linux with
   ``renameat2(..., RENAME_EXCHANGE)`` (called through ctypes), which
   exchanges the two directory entries atomically. A reader, or a SIGKILL /
   power loss at any moment, sees either the complete old folder or the
   complete new one, never a mix. The old folder, now under the staging name,
   is then deleted. When ``out_dir`` does not exist yet, a plain
   ``os.rename`` of the staging folder is the atomic step.
4. Staging folders left behind by a killed build (``.<name>.publish-*`` whose
   process is gone) are deleted by the next publish.

A reader that holds a file of the old folder open (e.g. a read-only DuckDB
connection) keeps reading the old, now unlinked, file; a new open sees the
new one.

Fallback, not atomic as a whole: where ``renameat2``/``RENAME_EXCHANGE`` is not
available (not Linux, an old kernel or C library, or a file system that does not
support it: ``ENOSYS``/``EINVAL``/``ENOTSUP``), the generated files are moved
into ``out_dir`` one by one with ``os.replace`` (atomic per file on POSIX):
CSVs first, then README.md, the DuckDB file, the other generated files, and
``datapackage.json`` last, so a reader that starts from the descriptor never
sees a new descriptor with old data. A crash between two moves can then leave
a mix of old and new files.
"""
from __future__ import annotations

import ctypes
import errno
import filecmp
import json
import os
import platform
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.memory import release_freed_memory

from .csv_io import conformed_tables
from .duckdb_file import write_duckdb
from .package import DUCKDB_FILENAME, write_package


class PublishError(RuntimeError):
    """The package was not published (the previous files were left in place)."""


@dataclass(frozen=True)
class PublishResult:
    """Where :func:`publish_atomically` put things (all paths absolute, inside ``out_dir``)."""

    out_dir: Path
    files: dict[str, Path]  # relative path ("data/actors.csv", ...) -> final path; datapackage.json last
    row_counts: dict[str, int]
    atomic_swap: bool = True  # False when the per-file fallback was used

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


# ------------------------------------------------------------------ low level

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


def _fsync_tree(root: Path) -> None:
    """fsync every regular file and every folder under ``root`` (root last)."""
    for folder, _dirs, names in os.walk(root, topdown=False):
        for name in names:
            p = os.path.join(folder, name)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())
        _fsync_dir(Path(folder))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 1 << 1
# renameat2 syscall numbers, for a C library without the renameat2() wrapper (glibc < 2.28).
_SYS_RENAMEAT2 = {"x86_64": 316, "amd64": 316, "aarch64": 276, "arm64": 276, "i386": 353, "i686": 353,
                  "riscv64": 276, "ppc64le": 357, "s390x": 347}
_NOT_SUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EBUSY}


def _libc_renameat2() -> Callable[[bytes, bytes, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    fn = getattr(libc, "renameat2", None)
    if fn is not None:
        fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        fn.restype = ctypes.c_int
        return lambda a, b, flags: fn(_AT_FDCWD, a, _AT_FDCWD, b, flags)
    nr = _SYS_RENAMEAT2.get(platform.machine().lower())
    syscall = getattr(libc, "syscall", None)
    if nr is None or syscall is None:
        return None
    syscall.restype = ctypes.c_long
    return lambda a, b, flags: syscall(ctypes.c_long(nr), ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(a),
                                       ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(b), ctypes.c_uint(flags))


def exchange_dirs(a: Path, b: Path) -> bool:
    """Atomically swap the directory entries ``a`` and ``b`` (both must exist).

    True when done; False when the platform or file system cannot do it
    (then nothing was changed). Other errors raise ``OSError``."""
    fn = _libc_renameat2()
    if fn is None:
        return False
    if fn(os.fsencode(str(a)), os.fsencode(str(b)), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in _NOT_SUPPORTED:
        return False
    raise OSError(err, f"renameat2(RENAME_EXCHANGE) failed: {os.strerror(err)}", str(a), None, str(b))


# -------------------------------------------------------- staging folders

_STAGING = re.compile(r"^\.(?P<name>.+)\.publish-(?:(?P<pid>\d+)-)?[^/]*$")
_ACTIVE: set[str] = set()  # staging folders this process is using right now


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.publish-{os.getpid()}-"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Delete the staging folders a killed publish left next to ``out_dir``
    (``.<name>.publish-<pid>-*`` whose process is gone). Returns what was removed."""
    out_dir = Path(out_dir).absolute()
    parent = out_dir.parent
    removed: list[Path] = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        m = _STAGING.match(entry.name)
        if not m or m.group("name") != out_dir.name:
            continue
        path = Path(entry.path)
        pid = int(m.group("pid")) if m.group("pid") else None
        if pid == os.getpid():
            if str(path) in _ACTIVE:
                continue
        elif pid is not None and _pid_alive(pid):
            continue  # another publish is writing it now
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(path)
    return removed


def _folder_mode(target: Path) -> int:
    """The permission bits the published folder gets: the old folder's, else what mkdir would give."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o777 & ~mask


def _link_or_copy(src: str, dst: str) -> str:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)
    return dst


def _carry_over(old: Path, new: Path) -> list[str]:
    """Hard-link (or copy) into ``new`` every top-level entry of ``old`` that the build did not
    generate (absent from ``new``); returns their names. A folder the build generates
    (``data/``, ``review/``, ...) is replaced as a whole, so no stale page or table survives."""
    carried: list[str] = []
    for entry in sorted(os.scandir(old), key=lambda e: e.name):
        src, dst = Path(entry.path), new / entry.name
        if dst.exists() or dst.is_symlink():
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(src), dst)
        elif entry.is_dir(follow_symlinks=False):
            shutil.copytree(src, dst, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(src), str(dst))
        carried.append(entry.name)
    return carried


# ---------------------------------------------------------------- publish

def _data_files(folder: Path) -> dict[str, Path]:
    data = folder / "data"
    return {p.name: p for p in sorted(data.glob("*.csv"))} if data.is_dir() else {}


def keep_created_when_unchanged(old: Path, new: Path) -> bool:
    """Give the new descriptor the old one's ``created`` when every table's CSV
    is byte-identical to the published one's: ``created`` then says when this
    content was first published, and rebuilding an unchanged corpus changes no
    file (a fresh clone's ``make run`` leaves ``git status`` clean). Not done
    when SOURCE_DATE_EPOCH is set (that fixes ``created`` already). Returns
    True when the old time was kept."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return False
    old_json, new_json = old / "datapackage.json", new / "datapackage.json"
    try:
        before = json.loads(old_json.read_text(encoding="utf-8")).get("created")
        after = json.loads(new_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    old_data, new_data = _data_files(old), _data_files(new)
    if not isinstance(before, str) or not old_data or set(old_data) != set(new_data):
        return False
    if any(not filecmp.cmp(old_data[n], new_data[n], shallow=False) for n in new_data):
        return False
    after["created"] = before
    new_json.write_text(json.dumps(after, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
    return True


def publish_atomically(
    tables: Mapping[str, pd.DataFrame],
    out_dir: Path,
    sources: Iterable[Mapping[str, Any]] = (),
    *,
    version: str | None = None,
    created: str | None = None,
    validate: bool = False,
    on_file_written: Callable[[Path], None] | None = None,
    write_extra: Callable[[Path], Mapping[str, Path]] | None = None,
    before_swap: Callable[[Path], None] | None = None,
) -> PublishResult:
    """Write the data package and the DuckDB file into a staging folder next
    to ``out_dir``, then swap it with ``out_dir`` in one atomic step (see the
    module docstring). Returns a :class:`PublishResult` whose paths point into
    ``out_dir``.

    ``validate=True`` re-reads the written package with
    :func:`pipeline.checks.validate_package` (Pandera, keys, spans; not the slow
    ``frictionless validate``) before anything is swapped, and raises
    :class:`PublishError` if a check fails. ``on_file_written`` is called with
    each file written into the staging folder. ``write_extra(staging)`` may add
    more generated files (returns ``{relative path: path}``); they are published
    in the same swap. ``before_swap(staging)`` is called just before the swap
    (tests use it).
    """
    out_dir = Path(out_dir).absolute()
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    if out_dir.exists() and not out_dir.is_dir():
        raise PublishError(f"{out_dir} exists and is not a folder; remove it or choose another --out-dir")
    # Swap the real folder when out_dir is a link to one (the link itself stays).
    target = Path(os.path.realpath(out_dir)) if out_dir.is_symlink() else out_dir
    clean_stale_staging(target)
    tables = conformed_tables(tables)  # checked once here, not again by each writer
    tmp = Path(tempfile.mkdtemp(prefix=_staging_prefix(target), dir=target.parent))
    _ACTIVE.add(str(tmp))
    try:
        os.chmod(tmp, _folder_mode(target))  # mkdtemp makes it 0700
        # DuckDB first: its peak (key indexes) then adds to the least (before the
        # chart's plotting library is loaded and the pages' garbage is made)
        db = write_duckdb(tables, tmp / DUCKDB_FILENAME)
        if on_file_written is not None:
            on_file_written(db)
        release_freed_memory()
        written = write_package(
            tables, tmp, sources, version=version, created=created, on_file_written=on_file_written
        )
        if created is None:
            keep_created_when_unchanged(target, tmp)
        extra = dict(write_extra(tmp)) if write_extra is not None else {}
        descriptor = written.pop("datapackage.json")
        csvs = sorted(rel for rel in written if rel.startswith("data/"))
        order = csvs + ["README.md", DUCKDB_FILENAME]
        order += sorted((set(written) | set(extra)) - set(order) - {"datapackage.json"})
        order.append("datapackage.json")
        staged = {**written, **{rel: tmp / rel for rel in extra}, DUCKDB_FILENAME: db,
                  "datapackage.json": descriptor}
        if validate:
            from pipeline.checks import validate_package

            failed = [o for o in validate_package(tmp, run_frictionless=False) if not o.passed]
            if failed:
                raise PublishError("; ".join(f"{o.name}: {o.summary}" for o in failed))
        final = {rel: out_dir / rel for rel in order}
        counts = {name: len(df) for name, df in tables.items()}

        if not target.exists():
            _fsync_tree(tmp)
            if before_swap is not None:
                before_swap(tmp)
            os.rename(tmp, target)  # atomic: the folder appears complete
            _fsync_dir(target.parent)
            return PublishResult(out_dir, final, counts)

        _carry_over(target, tmp)
        _fsync_tree(tmp)
        if before_swap is not None:
            before_swap(tmp)
        if exchange_dirs(tmp, target):  # the one atomic step
            _fsync_dir(target.parent)
            return PublishResult(out_dir, final, counts)

        # Fallback (no RENAME_EXCHANGE here): per-file os.replace, descriptor last.
        for rel in order:
            dst = target / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged[rel], dst)
        for folder in {(target / rel).parent for rel in order}:
            _fsync_dir(folder)
        _fsync_dir(target)
        return PublishResult(out_dir, final, counts, atomic_swap=False)
    finally:
        # After a swap this is the OLD folder; otherwise the unfinished new one.
        shutil.rmtree(tmp, ignore_errors=True)
        _ACTIVE.discard(str(tmp))
