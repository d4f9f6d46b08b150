"""The views of issue 10 (views.yaml), queried in DuckDB on the example tables."""
import datetime

import duckdb
import pandas as pd
import pytest

from pipeline.metadata.example import example_tables
from pipeline.publish.duckdb_file import write_duckdb


def db(tmp_path, tables):
    return duckdb.connect(str(write_duckdb(tables, tmp_path / "x.duckdb")), read_only=True)


@pytest.fixture
def tables():
    t = example_tables()
    # c0 of canada-japan-2026: Canada alone commits; c3: nobody of the parties
    ca = t["commitment_actors"]
    ca = ca[~((ca.commitment_id == "canada-japan-2026:c0") & (ca.actor_id == "JPN"))]
    t["commitment_actors"] = ca
    return t


def test_v_commitments_scope_ids_and_position(tmp_path, tables):
    con = db(tmp_path, tables)
    rows = con.execute("SELECT commitment_id, char_start, committer_ids, committer_scope, due_date, due_precision, "
                       "plover_type FROM v_commitments ORDER BY statement_id, char_start").fetchall()
    con.close()
    by_id = {r[0]: r[1:] for r in rows}
    assert by_id["canada-japan-2026:c0"][1:3] == (["CAN"], "one party")
    assert by_id["canada-japan-2026:c1"][1:3] == (["CAN", "JPN"], "all parties")
    assert by_id["canada-japan-2026:c2"][3:5] == (datetime.date(2030, 12, 31), "year")
    assert by_id["us-canada-na-statement:c0"][1:3] == (["CAN", "USA"], "all parties")
    starts = [r[1] for r in rows if r[0].startswith("canada-japan-2026")]
    assert starts == sorted(starts) and starts[0] > 0
    texts = tables["statements"].set_index("statement_id").text
    for cid, (start, *_rest) in by_id.items():
        sid = cid.split(":")[0]
        clause = tables["commitments"].set_index("commitment_id").text[cid]
        assert texts[sid][start:start + len(clause)] == clause


def test_some_parties_and_no_party(tmp_path):
    t = example_tables()
    # a third party for the Canada-Japan statement: then CAN + JPN are "some parties"
    t["statement_actors"] = pd.concat([t["statement_actors"], pd.DataFrame([
        {"statement_id": "canada-japan-2026", "actor_id": "USA", "is_party": True, "mentions": 0, "title": None}])],
        ignore_index=True)
    # nobody commits to the welcome of the second statement
    ca = t["commitment_actors"]
    t["commitment_actors"] = ca[ca.commitment_id != "us-canada-na-statement:c0"]
    con = db(tmp_path, t)
    scope = dict(con.execute("SELECT commitment_id, committer_scope FROM v_commitments").fetchall())
    ids = dict(con.execute("SELECT commitment_id, committer_ids FROM v_commitments").fetchall())
    con.close()
    assert scope["canada-japan-2026:c1"] == "some parties"
    assert scope["us-canada-na-statement:c0"] is None and ids["us-canada-na-statement:c0"] is None


def test_v_statements(tmp_path, tables):
    con = db(tmp_path, tables)
    rows = con.execute("SELECT statement_id, party_ids, party_names, n_parties, n_commitments, n_reaffirmation, "
                       "n_concern, n_instruction, n_pledge FROM v_statements ORDER BY statement_id").fetchall()
    con.close()
    assert rows == [
        ("canada-japan-2026", ["CAN", "JPN"], "Canada; Japan", 2, 3, 1, 1, 1, 0),
        ("us-canada-na-statement", ["CAN", "USA"], "Canada; United States", 2, 1, 0, 0, 0, 0),
    ]


def test_v_agreement_timeline(tmp_path):
    t = example_tables()
    t["statement_agreements"] = pd.concat([t["statement_agreements"], pd.DataFrame([
        {"statement_id": "us-canada-na-statement", "agreement_id": "security-dialogue", "status": "established",
         "event_date": datetime.date(2026, 11, 1), "mentions": 0}])], ignore_index=True)
    t["statements"].loc[1, "date"] = datetime.date(2027, 1, 1)
    con = db(tmp_path, t)
    rows = con.execute("SELECT statement_id, statement_number, status, event_date, n_statements, first_status, "
                       "first_status_date, latest_status, latest_status_date FROM v_agreement_timeline "
                       "WHERE agreement_id = 'security-dialogue' ORDER BY statement_number").fetchall()
    con.close()
    assert rows == [
        ("canada-japan-2026", 1, "planned", None, 2, "planned", datetime.date(2026, 3, 6), "established",
         datetime.date(2027, 1, 1)),
        ("us-canada-na-statement", 2, "established", datetime.date(2026, 11, 1), 2, "planned",
         datetime.date(2026, 3, 6), "established", datetime.date(2027, 1, 1)),
    ]
