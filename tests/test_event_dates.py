"""statement_agreements.event_date (pipeline/extract/event_dates.py). Sentences are invented."""
import datetime as dt

import pandas as pd
import pytest

from pipeline.extract.corpus import assemble_tables
from pipeline.extract.event_dates import event_date
from pipeline.extract.statement import extract_statement
from pipeline.model import Statement


def ev(text, name, status="signed"):
    a = text.index(name)
    return event_date(text, 0, len(text), a, a + len(name), status)


@pytest.mark.parametrize("text, status, expected", [
    ("We welcome the Fisheries Accord, signed in January 2023, and its results.", "signed", dt.date(2023, 1, 1)),
    ("We welcome the Fisheries Accord, which entered into force on 1 May 2020.", "in_force", dt.date(2020, 5, 1)),
    ("We welcome the Fisheries Accord, concluded on March 15, 2024.", "signed", dt.date(2024, 3, 15)),
    ("We recall the Fisheries Accord established in 2015, which created a council.", "established",
     dt.date(2015, 1, 1)),
    ("On March 3, 2024, Norvia and Selda signed the Fisheries Accord.", "signed", dt.date(2024, 3, 3)),
    ("In 2019, the two sides launched the Fisheries Accord.", "established", dt.date(2019, 1, 1)),
])
def test_dates_given_for_the_status(text, status, expected):
    assert ev(text, "Fisheries Accord", status) == expected


@pytest.mark.parametrize("text, status", [
    ("Today Norvia and Selda sign the Fisheries Accord.", "signed"),                   # no date given
    ("We welcome the Fisheries Accord and the summit held in 2019.", "signed"),       # a date of something else
    ("We recall the Fisheries Accord signed in 1993.", "referenced"),                 # no status reported
    ("We welcome the Fisheries Accord. It was signed in 1993.", "signed"),            # another sentence
])
def test_no_event_date(text, status):
    assert ev(text, "Fisheries Accord", status) is None


def test_assembled_rows_carry_the_date_of_their_own_agreement():
    text = ("Joint Statement by Canada and Japan\n\n"
            "Canada and Japan welcome the signing of the Fisheries Accord and the Ocean Science Agreement, "
            "signed in May 2024.")
    ex = extract_statement(Statement(statement_id="s", source_file="s.txt", sha256="0" * 64, text=text))
    sa = assemble_tables([ex])["statement_agreements"].set_index("agreement_id")
    dates = {k: (None if pd.isna(v) else pd.Timestamp(v).date()) for k, v in sa.event_date.items()}
    accord = [k for k in dates if "fisheries-accord" in k]
    ocean = [k for k in dates if "ocean-science-agreement" in k]
    assert accord and ocean, dates
    assert dates[accord[0]] is None          # the date follows the other instrument
    assert dates[ocean[0]] == dt.date(2024, 5, 1)
