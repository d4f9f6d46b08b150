"""The committed datapackage/ is what raw/ builds to (rebuild and compare).

The review pages and the DuckDB file are built by ``make run``, not committed."""
from __future__ import annotations

import json

from pipeline.build import run_build


def test_committed_package_is_current(tmp_path, repo):
    committed = repo / "datapackage"
    out = tmp_path / "pkg"
    report = run_build(repo / "raw", out)
    assert report.published, report
    def committed_kind(rel) -> bool:
        return rel.suffix != ".duckdb" and rel.parts[0] != "review" and ".cache" not in rel.parts

    built = sorted(rel for p in out.rglob("*") if p.is_file() and committed_kind(rel := p.relative_to(out)))
    kept = sorted(rel for p in committed.rglob("*")
                  if p.is_file() and committed_kind(rel := p.relative_to(committed)))
    assert built == kept, "files differ: run `make run` and commit datapackage/"
    for rel in built:
        if rel.name == "datapackage.json":
            a, b = json.loads((out / rel).read_text()), json.loads((committed / rel).read_text())
            a.pop("created", None), b.pop("created", None)
            assert a == b, "datapackage.json differs: run `make run` and commit datapackage/"
        elif rel.suffix == ".png":
            continue  # rendered by the installed matplotlib: pixels may differ across its versions
        else:
            assert (out / rel).read_bytes() == (committed / rel).read_bytes(), (
                f"{rel} differs: run `make run` and commit datapackage/")
