"""Blind batches from ../shared/corpus/pool (evaluation/pool-batches/batch-N): each was
annotated per ANNOTATION.md by someone who had not seen the pipeline's output on it, and
scored before any rule was written from it (the figures are in evaluation/README.md).
Floors sit a little under the latest scores, so that a rule that helps one text but
hurts these is caught."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, REPO, need

BATCHES = REPO / "evaluation" / "pool-batches"
# batch -> (parties exact, actors F1, agreements F1, regions F1, commitments F1, committers accuracy)
FLOORS = {
    "batch-6": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95),
    "batch-7": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95),
    "batch-8": (0.95, 0.95, 0.80, 0.88, 0.93, 0.73),
    "batch-9": (0.95, 0.91, 0.90, 0.95, 0.97, 0.97),
    "batch-10": (0.95, 0.90, 0.82, 0.86, 0.97, 0.97),
    "batch-11": (0.95, 0.94, 0.84, 0.93, 0.96, 0.95),  # blind in round 6, then round 7 was written from it
    "batch-12": (0.95, 0.91, 0.90, 0.97, 0.96, 0.97),  # blind in round 6, then round 7 was written from it
    "batch-13": (0.95, 0.95, 0.93, 0.90, 0.95, 0.95),  # after rounds 6-7 (rules written from it)
    "batch-14": (0.95, 0.92, 0.93, 0.92, 0.92, 0.95),  # blind until round 7 was measured, then round 8
    "batch-15": (0.95, 0.90, 0.83, 0.95, 0.94, 0.97),  # blind until round 7 was measured, then rounds 8-9
    "batch-16": (0.95, 0.94, 0.85, 0.92, 0.94, 0.97),  # blind until round 8 was measured, then round 9
    "batch-17": (0.80, 0.90, 0.74, 0.88, 0.92, 0.95),  # blind until round 8 was measured, then round 9
    "batch-18": (0.95, 0.81, 0.67, 0.95, 0.92, 0.96),  # blind, final (no rule written from it)
    "batch-19": (0.95, 0.90, 0.70, 0.77, 0.92, 0.97),  # blind until round 9 was measured, then round 10
    "batch-20": (0.95, 0.94, 0.80, 0.93, 0.94, 0.97),  # blind until round 11 was measured, then rounds 12-13
    "batch-21": (0.95, 0.93, 0.84, 0.86, 0.94, 0.97),  # blind until round 11 was measured, then rounds 12-13
    "batch-22": (0.95, 0.92, 0.88, 0.91, 0.96, 0.97),  # blind until round 11 was measured, then rounds 12-13
    "batch-23": (0.95, 0.89, 0.88, 0.95, 0.96, 0.97),  # blind until round 11 was measured, then rounds 12-13
    "batch-24": (0.95, 0.96, 0.88, 0.91, 0.94, 0.95),  # blind until round 12 was measured, then round 13
    "batch-25": (0.95, 0.87, 0.83, 0.93, 0.94, 0.95),  # blind until round 12 was measured, then round 13
    "batch-26": (0.95, 0.94, 0.67, 0.88, 0.92, 0.97),  # blind until round 13 was measured, then round 14
    "batch-27": (0.95, 0.92, 0.91, 0.95, 0.94, 0.97),  # blind until round 13 was measured, then round 14
    "batch-28": (0.80, 0.94, 0.76, 0.86, 0.93, 0.97),  # blind, final (no rule written from it)
    "batch-29": (0.80, 0.87, 0.72, 0.94, 0.96, 0.96),  # blind, final (no rule written from it)
}


@pytest.fixture(scope="module")
def pool_build(tmp_path_factory):
    from pipeline.build import run_build

    raw = tmp_path_factory.mktemp("pool-batches") / "raw"
    raw.mkdir()
    for gold in sorted(BATCHES.glob("batch-*/*.yaml")):
        shutil.copy2(need(CORPUS / "pool" / f"{gold.stem}.md"), raw / f"{gold.stem}.md")
    out = raw.parent / "package"
    report = run_build(raw, out)
    assert report.published and not report.rejected, report
    return out


def test_every_batch_has_a_floor():
    assert sorted(p.name for p in BATCHES.iterdir() if p.is_dir()) == sorted(FLOORS)


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_pool_batch_scores_keep_their_floor(pool_build, batch):
    gold = BATCHES / batch
    proc = subprocess.run([sys.executable, str(need(CORPUS.parent / "eval" / "score.py")), str(pool_build),
                           str(gold), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(proc.stdout)
    assert scores["missing_statements"] == []
    parties, actors, agreements, regions, commitments, committers = FLOORS[batch]
    assert scores["parties_accuracy"] >= parties, scores["parties_accuracy"]
    for table, floor in (("actors", actors), ("agreements", agreements), ("regions", regions),
                         ("commitments", commitments)):
        assert scores[table]["f1"] >= floor, (table, scores[table])
    assert scores["commitments"]["committers_accuracy"] >= committers, scores["commitments"]
