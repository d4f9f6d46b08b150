"""Shared fixtures: where the shared corpus is, and builds that several tests reuse."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared corpus sits beside the repository)")
    return path


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


SEED_NAME = "canada-japan-2026-03-06.txt"


@pytest.fixture(scope="session")
def seed_raw(tmp_path_factory) -> Path:
    """A raw folder holding only the seed statement (raw/ holds the whole public
    corpus; tests that need one small, known statement build this folder)."""
    import shutil

    folder = tmp_path_factory.mktemp("seed") / "raw"
    folder.mkdir()
    shutil.copy2(REPO / "raw" / SEED_NAME, folder / SEED_NAME)
    return folder


def _build_corpus(tmp_path_factory, folder: str, name: str):
    from pipeline.build import run_build

    out = tmp_path_factory.mktemp(name) / "package"
    return run_build(need(CORPUS / folder), out), out


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    """The six development statements (../shared/corpus/raw) built once per session."""
    return _build_corpus(tmp_path_factory, "raw", "dev")


@pytest.fixture(scope="session")
def unlabeled_build(tmp_path_factory):
    """The twenty unlabeled statements built once per session."""
    return _build_corpus(tmp_path_factory, "unlabeled", "unlabeled")


EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for reproducible builds in tests


def snapshot(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of every file under ``folder`` (links not followed)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def published(tmp_path, monkeypatch) -> Path:
    """The example tables published once, reproducibly, into tmp_path/datapackage."""
    from pipeline.metadata.example import example_sources, example_tables
    from pipeline.publish import publish_atomically

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "datapackage"
    publish_atomically(example_tables(), out, example_sources())
    return out
