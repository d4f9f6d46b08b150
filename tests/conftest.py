"""Shared fixtures: where the shared corpus is, and builds that several tests reuse."""
from __future__ import annotations

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


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    """The six development statements (../shared/corpus/raw) built once per session."""
    from pipeline.build import run_build

    raw = need(CORPUS / "raw")
    out = tmp_path_factory.mktemp("dev") / "package"
    report = run_build(raw, out)
    return report, out


@pytest.fixture(scope="session")
def unlabeled_build(tmp_path_factory):
    """The twenty unlabeled statements built once per session."""
    from pipeline.build import run_build

    raw = need(CORPUS / "unlabeled")
    out = tmp_path_factory.mktemp("unlabeled") / "package"
    report = run_build(raw, out)
    return report, out
