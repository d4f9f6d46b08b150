"""Folding extractions into the eleven tables (pipeline/extract/corpus.py: TableAssembler)
and the memory-saving paths of publishing (chunked CSV and DuckDB writes)."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from pipeline.extract.corpus import TABLE_ORDER, TableAssembler, assemble_tables
from pipeline.extract.statement import extract_statement
from pipeline.metadata import TABLES
from pipeline.model import Statement
from pipeline.publish import csv_io, duckdb_file
from pipeline.publish.csv_io import (
    Conformed,
    conform,
    conformed_tables,
    csv_frame,
    is_sorted_by_primary_key,
    sort_by_primary_key,
)

TEXTS = {
    "b-two": ("We, the Prime Ministers of Canada and Japan, will establish a joint task force on critical "
              "minerals by 2027.\n\nCanada and Japan reaffirm their support for the Paris Agreement and call "
              "on all parties to respect freedom of navigation in the South China Sea."),
    "a-one": ("The United States and Mexico commit to strengthen cooperation on fentanyl. The two leaders "
              "will meet again in 2026 and intend to sign a Memorandum of Understanding on border security."),
    "c-three": ("Australia, the United Kingdom and the United States announce a new partnership in the "
                "Indo-Pacific. The three leaders express concern about the situation in the Red Sea.\n\n"
                "They will convene the AUKUS Joint Steering Group every year."),
}


@pytest.fixture(scope="module")
def extractions():
    return [extract_statement(Statement(statement_id=sid, source_file=f"{sid}.txt", sha256=f"{i:064x}", text=t))
            for i, (sid, t) in enumerate(TEXTS.items())]


def test_streamed_tables_equal_those_of_a_list_in_any_order(extractions):
    by_id = sorted(extractions, key=lambda e: e.statement.statement_id)
    streamed = assemble_tables(iter(by_id))  # what the extraction asset does
    from_list = assemble_tables(list(reversed(extractions)))
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(streamed[name], from_list[name], check_exact=True)
    assert list(streamed["statements"]["statement_id"]) == ["a-one", "b-two", "c-three"]
    assert len(streamed["commitments"]) >= 6 and len(streamed["mentions"]) >= 10


def test_statements_streamed_out_of_order_still_give_sorted_tables(extractions):
    shuffled = assemble_tables(iter([extractions[2], extractions[0], extractions[1]]))
    in_order = assemble_tables(extractions)
    for name in TABLE_ORDER:
        assert is_sorted_by_primary_key(name, shuffled[name]), name
        pd.testing.assert_frame_equal(shuffled[name], in_order[name], check_exact=True)


def test_conformed_tables_checks_once_and_passes_unknown_names_through(extractions):
    frames = assemble_tables(extractions)
    conformed = conformed_tables({**frames, "extra": pd.DataFrame({"x": [1]})})
    assert isinstance(conformed, Conformed) and conformed_tables(conformed) is conformed
    assert all(conformed[name] is frames[name] for name in TABLE_ORDER)  # nothing copied
    assert list(conformed["extra"]["x"]) == [1]
    reversed_mentions = frames["mentions"].iloc[::-1].reset_index(drop=True)
    fixed = conformed_tables({"mentions": reversed_mentions})["mentions"]
    pd.testing.assert_frame_equal(fixed, frames["mentions"], check_exact=True)


def test_frames_come_conformed_and_sorted_so_publishing_copies_nothing(extractions):
    frames = assemble_tables(extractions)
    for name in TABLE_ORDER:
        df = frames[name]
        assert conform(name, df) is df, name
        assert is_sorted_by_primary_key(name, df), name
        assert sort_by_primary_key(name, df) is df, name


def test_ids_and_texts_made_after_extraction_are_grounded_and_numbered(extractions):
    frames = assemble_tables(extractions)
    text = dict(zip(frames["statements"]["statement_id"], frames["statements"]["text"]))
    for name in ("sentences", "commitments", "mentions"):
        for row in frames[name].itertuples(index=False):
            assert row.text == text[row.statement_id][row.char_start:row.char_end], (name, row)
    sentences = frames["sentences"].set_index("sentence_id")
    for name, letter in (("commitments", "c"), ("mentions", "m")):
        df = frames[name]
        id_column = f"{name[:-1]}_id"
        for sid, part in df.groupby("statement_id"):
            assert list(part[id_column]) == [f"{sid}:{letter}{n}" for n in range(1, len(part) + 1)]
        for row in df.itertuples(index=False):
            s = sentences.loc[row.sentence_id]
            start = row.trigger_start if name == "commitments" else row.char_start
            assert s.statement_id == row.statement_id and s.char_start <= start < s.char_end, row
    for sid, part in frames["sentences"].groupby("statement_id"):
        assert list(part["sentence_id"]) == [f"{sid}:{i}" for i in range(len(part))]
    assert set(frames["commitment_actors"]["commitment_id"]) <= set(frames["commitments"]["commitment_id"])


def test_a_statement_added_twice_is_refused(extractions):
    assembler = TableAssembler()
    assembler.add(extractions[0])
    with pytest.raises(ValueError, match="added twice"):
        assembler.add(extractions[0])


def test_extraction_workers_do_not_load_pandas():
    """Spawned workers import only pipeline.extract.statement: without pandas each is ~30 MB smaller."""
    code = ("import sys; from pipeline.extract.statement import extract_statement; "
            "from pipeline.model import Statement; "
            "ex = extract_statement(Statement(statement_id='x', source_file='x.txt', sha256='0' * 64, "
            "text='Canada and Japan will cooperate in the South China Sea.')); "
            "assert ex.parties and ex.commitments; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


# --- the primary-key order check -------------------------------------------------------


def test_sorted_check_follows_the_numbered_id_order():
    ok = pd.DataFrame({"sentence_id": ["a:0", "a:2", "a:10", "b:1"]})
    assert is_sorted_by_primary_key("sentences", ok)
    assert not is_sorted_by_primary_key("sentences", ok.iloc[::-1].reset_index(drop=True))
    # plain text order would put a:10 before a:2: that is not the id order
    assert not is_sorted_by_primary_key("sentences", pd.DataFrame({"sentence_id": ["a:0", "a:10", "a:2"]}))
    # a null or a mix of id forms is never taken as sorted (the full sort decides)
    assert not is_sorted_by_primary_key("sentences", pd.DataFrame({"sentence_id": ["a:0", None]}))
    assert not is_sorted_by_primary_key("sentences", pd.DataFrame({"sentence_id": ["a:0", "b"]}))
    composite = pd.DataFrame({"statement_id": ["s", "s", "t"], "actor_id": ["CAN", "JPN", "AUS"]})
    assert is_sorted_by_primary_key("statement_actors", composite)
    assert not is_sorted_by_primary_key("statement_actors", composite.iloc[[1, 0, 2]].reset_index(drop=True))


def test_sort_copies_only_when_the_order_is_wrong():
    df = pd.DataFrame({"sentence_id": ["a:10", "a:2"], "x": [1, 2]})
    out = sort_by_primary_key("sentences", df)
    assert out is not df and list(out["sentence_id"]) == ["a:2", "a:10"] and list(out["x"]) == [2, 1]
    assert sort_by_primary_key("sentences", out) is out


# --- chunked writers -------------------------------------------------------------------


def test_csv_written_in_chunks_is_the_same_file(extractions, tmp_path, monkeypatch):
    frames = assemble_tables(extractions)
    monkeypatch.setattr(csv_io, "CSV_CHUNK_ROWS", 3)
    for name in ("mentions", "statements", "actors"):
        path = csv_io.write_table_csv(name, frames[name], tmp_path / f"{name}.csv")
        whole = csv_frame(name, frames[name]).to_csv(index=False, lineterminator="\n")
        assert path.read_text(encoding="utf-8") == whole
    empty = frames["mentions"].iloc[0:0]
    path = csv_io.write_table_csv("mentions", empty, tmp_path / "empty.csv")
    assert path.read_text(encoding="utf-8") == ",".join(TABLES["mentions"].field_names) + "\n"


def test_duckdb_written_in_chunks_holds_every_row(extractions, tmp_path, monkeypatch):
    frames = assemble_tables(extractions)
    monkeypatch.setattr(duckdb_file, "INSERT_CHUNK_ROWS", 4)
    monkeypatch.setattr(duckdb_file, "INSERT_CHUNK_CHARS", 50)  # statements: the floor of rows per insert
    path = duckdb_file.write_duckdb(frames, tmp_path / "x.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    try:
        for name in TABLE_ORDER:
            key = ", ".join(TABLES[name].primary_key)
            got = con.execute(f"SELECT {key} FROM {name} ORDER BY rowid").fetchall()
            want = list(frames[name][list(TABLES[name].primary_key)].itertuples(index=False, name=None))
            assert got == want, name
        assert con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
                           ).fetchone()[0] > 0
    finally:
        con.close()


def test_chunk_rows_shrink_for_long_texts(extractions):
    frames = assemble_tables(extractions)
    long = duckdb_file._chunk_rows(TABLES["statements"], frames["statements"])
    short = duckdb_file._chunk_rows(TABLES["commitment_actors"], frames["commitment_actors"])
    assert 100 <= long < short == duckdb_file.INSERT_CHUNK_ROWS


def test_a_row_with_an_unknown_column_is_refused():
    from pipeline.extract.corpus import _Columns

    columns = _Columns("statement_regions")
    columns.append({"statement_id": "s", "region_id": "south-china-sea", "mentions": 1})
    with pytest.raises(KeyError, match="regoin_id"):
        columns.append({"statement_id": "s", "regoin_id": "x", "mentions": 1})
