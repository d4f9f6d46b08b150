"""Ingest: a raw folder -> normalised Statement objects plus rejections.

``read_raw_dir(raw_dir, max_bytes)`` reads every ``.txt``, ``.md``, ``.html``
and ``.htm`` file under ``raw_dir`` (subfolders included; ``source_file`` is
the POSIX path relative to ``raw_dir``), with an optional ``<stem>.yaml``
sidecar next to each. Hidden files and folders, sidecars and OS junk files
(``Thumbs.db``, ``desktop.ini``, ``*~``) are ignored; every other problem
becomes a ``Rejection`` with a reason that says how to fix it. See
DATA_MODEL.md, "Inputs: raw/".
"""
from .reader import DEFAULT_MAX_BYTES, IngestError, read_raw_dir, read_statement_file

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "read_raw_dir", "read_statement_file"]
