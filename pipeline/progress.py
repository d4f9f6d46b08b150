"""Progress of long build stages, on stderr.

>>> from pipeline.progress import progress, stage
>>> for st in progress(statements, total=len(statements), stage="extracting"):
...     extract(st)
>>> with stage("publishing"):
...     publish(...)

On a terminal (stderr is a TTY) ``progress`` draws a tqdm bar; otherwise it
prints plain lines such as ``extracting 120/1000 statements`` (about every
10 %, and always the first and last item), so CI logs stay readable.

Off by default, so library use and tests stay quiet: the CLI turns it on with
:func:`configure` (``python -m pipeline build``); the environment variable
``PIPELINE_PROGRESS=1`` / ``0`` turns it on / off regardless.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")

_enabled = False
_stream: IO[str] | None = None
_tty: bool | None = None


def configure(enabled: bool = True, *, stream: IO[str] | None = None, tty: bool | None = None) -> None:
    """Turn progress reporting on or off. ``stream`` defaults to ``sys.stderr``
    (looked up at each call); ``tty`` forces bar (True) or plain lines (False)
    instead of asking ``stream.isatty()``."""
    global _enabled, _stream, _tty
    _enabled, _stream, _tty = enabled, stream, tty


def enabled() -> bool:
    env = os.environ.get("PIPELINE_PROGRESS", "").strip().lower()
    if env in {"1", "true", "yes", "on"}:
        return True
    if env in {"0", "false", "no", "off"}:
        return False
    return _enabled


def _out() -> IO[str]:
    return _stream if _stream is not None else sys.stderr


def _is_tty(stream: IO[str]) -> bool:
    if _tty is not None:
        return _tty
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def progress(iterable: Iterable[T], total: int | None = None, stage: str = "processing",
             unit: str = "statements") -> Iterator[T]:
    """Yield the items of ``iterable`` and report progress (see the module doc).
    ``total`` defaults to ``len(iterable)`` when it has one."""
    if total is None:
        try:
            total = len(iterable)  # type: ignore[arg-type]
        except TypeError:
            total = None
    if not enabled():
        yield from iterable
        return
    stream = _out()
    if _is_tty(stream):
        from tqdm import tqdm

        with tqdm(iterable, total=total, desc=stage, unit=f" {unit}", file=stream, leave=True,
                  dynamic_ncols=True) as bar:
            yield from bar
        return
    step = max(1, -(-total // 10)) if total else 0
    n = 0
    for n, item in enumerate(iterable, start=1):
        yield item
        if n == 1 or (step and n % step == 0) or (total and n == total):
            print(f"{stage} {n}/{total if total is not None else '?'} {unit}", file=stream, flush=True)
    if not total or n != total:  # no total, or the iterable was shorter than said
        print(f"{stage} {n}/{n} {unit}", file=stream, flush=True)


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Report the start and end (with seconds taken) of a stage without items."""
    if not enabled():
        yield
        return
    stream = _out()
    print(f"{name} ...", file=stream, flush=True)
    t0 = time.monotonic()
    yield
    print(f"{name} done ({time.monotonic() - t0:.1f} s)", file=stream, flush=True)
