""""Our aim remains to X": the speakers' intention stated as a noun is a pledge of all the
parties (commitment_triggers.csv rule ``aim``; invented sentences)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.statement import extract_statement
from pipeline.model import Statement


def _rows(body: str):
    st = Statement(statement_id="t", source_file="t.txt", sha256="0" * 64,
                   title="Joint Statement by Norway and Chile", date=dt.date(2025, 1, 1),
                   text="Norway and Chile met in Oslo. " + body)
    ex = extract_statement(st)
    return [(ex.statement.text[c.start:c.end], c.trigger, c.kind, c.committers) for c in ex.commitments[1:]]


@pytest.mark.parametrize("body, trigger", [
    ("Our aim remains to restore calm on the river.", "aim"),
    ("Our goal is to double two-way trade by 2030.", "goal"),
    ("Our shared objective is to end the blockade.", None),  # an adjective between: not this frame
])
def test_our_aim_is_a_pledge_of_all_parties(body, trigger):
    rows = _rows(body)
    if trigger is None:
        assert rows == []
    else:
        assert rows == [(body, trigger, "pledge", ("NOR", "CHL"))]


@pytest.mark.parametrize("body", [
    "Their aim is to sow discord.",             # a third party's aim
    "The goal is to double trade.",             # nobody's
    "As our aim is to end the war, the talks went on.",  # subordinate
    "Our intention is clear.",                  # no infinitive
])
def test_other_aims_are_no_commitment(body):
    assert _rows(body) == []
