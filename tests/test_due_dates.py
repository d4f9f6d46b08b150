"""Due-date resolver (pipeline/extract/due_dates.py). All sentences are invented."""
import datetime as dt

import pytest

from pipeline.extract.due_dates import find_due_candidates, resolve_due_date

D = dt.date(2025, 3, 6)  # the statement date of every case below unless said otherwise


@pytest.mark.parametrize("clause, due, precision", [
    # deadlines: the last day of the period named
    ("Norvia and Selda will complete the grid link by 2030.", dt.date(2030, 12, 31), "year"),
    ("The ministers will cut tariffs by 40 percent by 2028.", dt.date(2028, 12, 31), "year"),
    ("We will sign the accord by March 2027.", dt.date(2027, 3, 31), "month"),
    ("We will sign the accord by March 15, 2027.", dt.date(2027, 3, 15), "day"),
    ("We will sign the accord no later than 15 March 2027.", dt.date(2027, 3, 15), "day"),
    ("The two sides will open the consulate by the end of next year.", dt.date(2026, 12, 31), "year"),
    ("We will finish the review by the end of the year.", dt.date(2025, 12, 31), "year"),
    ("We will finish the review by the end of this decade.", dt.date(2029, 12, 31), "year"),
    ("The task force will report within six months.", dt.date(2025, 9, 6), "month"),
    ("The task force will report within ninety (90) days.", dt.date(2025, 6, 4), "day"),
    ("The task force will report within two weeks.", dt.date(2025, 3, 20), "day"),
    ("We aim to triple capacity in the next two years.", dt.date(2027, 3, 6), "year"),
    ("The first dialogue will take place in the first quarter of 2027.", dt.date(2027, 3, 31), "quarter"),
    ("The first dialogue will take place by the end of the second quarter of 2026.", dt.date(2026, 6, 30),
     "quarter"),
    ("The plant will open by mid-2026.", dt.date(2026, 6, 30), "quarter"),
    ("The plant will open in the second half of 2026.", dt.date(2026, 12, 31), "year"),
    # target dates relative to the statement date
    ("The ministers will meet again this fall.", dt.date(2025, 11, 30), "quarter"),
    ("The ministers will meet again next spring.", dt.date(2026, 5, 31), "quarter"),
    ("The ministers will meet again later this year.", dt.date(2025, 12, 31), "year"),
    ("The ministers will meet again early next year.", dt.date(2026, 3, 31), "quarter"),
    ("The ministers will meet again next month.", dt.date(2025, 4, 30), "month"),
    ("A first meeting is to be held this calendar year.", dt.date(2025, 12, 31), "year"),
    ("The summit will take place in June.", dt.date(2025, 6, 30), "month"),
    ("The summit will take place in February.", dt.date(2026, 2, 28), "month"),  # the next February
    ("The exercise is planned for 2026.", dt.date(2026, 12, 31), "year"),
    ("The two sides will hold the forum in 2028.", dt.date(2028, 12, 31), "year"),
])
def test_deadlines_and_targets(clause, due, precision):
    assert resolve_due_date(clause, D) == (due, precision)


@pytest.mark.parametrize("clause", [
    # durations, spans of validity and starts are not deadlines
    "The ceasefire will hold for five years.",
    "Norvia will suspend the duties for an initial period of 90 days.",
    "We will invest two billion over the next decade.",
    "The agreement remains in effect until 2030.",
    "The programme runs through 2030.",
    "Starting in 2026, the ministers will meet in Selda.",
    "We have cooperated on fisheries since 2020.",
    # frequencies
    "The leaders will meet annually.",
    "The council will meet twice a year.",
    "The council will meet at least once a year.",
    # vague
    "The ministers will meet in the coming months.",
    # relative to another event, not to the statement
    "Selda will decide within six months of entry into force of the Agreement.",
    # not a date at all
    "We reaffirm our commitment to the 2030 Agenda for Sustainable Development.",
    "We will cut emissions by 2030 tonnes.",
])
def test_not_deadlines(clause):
    assert resolve_due_date(clause, D) == (None, None)


def test_a_past_date_is_not_the_deadline():
    clause = "Building on the accord signed in March 2021, we will conclude the talks by March 15, 2027."
    assert resolve_due_date(clause, D) == (dt.date(2027, 3, 15), "day")
    (past, _) = find_due_candidates(clause, D)
    assert past.text == "in March 2021" and past.excluded == "before the statement date"
    assert resolve_due_date("We recall the summit held in 2019.", D) == (None, None)


def test_an_event_of_the_statement_period_told_in_the_past_is_not_a_deadline():
    assert resolve_due_date("We recall the summit held in March 2025.", D) == (None, None)
    assert resolve_due_date("The summit will be held in March 2025.", D) == (dt.date(2025, 3, 31), "month")


def test_a_deadline_marker_beats_a_bare_target():
    clause = "In 2026 the partners will start the survey and complete it by the end of 2027."
    assert resolve_due_date(clause, D) == (dt.date(2027, 12, 31), "year")


def test_the_year_of_an_event_named_in_passing_is_not_the_deadline():
    clause = "Selda, host of the Games in 2026, will fund ten new clinics."
    assert resolve_due_date(clause, D) == (None, None)


def test_relative_expressions_need_the_statement_date():
    assert resolve_due_date("The ministers will meet again this fall.", None) == (None, None)
    assert resolve_due_date("We will report within six months.", None) == (None, None)
    # an absolute year needs no anchor
    assert resolve_due_date("We will finish the link by 2030.", None) == (dt.date(2030, 12, 31), "year")


def test_winter_runs_into_the_next_year():
    assert resolve_due_date("We will meet this winter.", dt.date(2025, 10, 1)) == (dt.date(2026, 2, 28), "quarter")
    assert resolve_due_date("We will meet this winter.", dt.date(2024, 1, 10)) == (dt.date(2024, 2, 29), "quarter")


def test_a_day_range_is_due_on_its_last_day():
    clause = "The ministers will convene the conference on January 25-27, 2026."
    assert resolve_due_date(clause, D) == (dt.date(2026, 1, 27), "day")


def test_a_season_meeting_is_the_next_such_season():
    clause = "The partners plan to review the accord at the fall meeting of the Council."
    assert resolve_due_date(clause, D) == (dt.date(2025, 11, 30), "quarter")


def test_a_clause_in_the_present_perfect_reports_and_sets_no_deadline():
    clause = "Norvia has committed two billion to the fund, including four hundred million this year alone."
    assert resolve_due_date(clause, D) == (None, None)
    assert resolve_due_date("Norvia will provide four hundred million this year.", D) == (dt.date(2025, 12, 31), "year")
    # a deadline marker still counts: "has agreed to finish by 2027"
    assert resolve_due_date("Selda has agreed to finish the road by 2027.", D) == (dt.date(2027, 12, 31), "year")


def test_the_statements_own_day_is_not_a_deadline():
    d = dt.date(2025, 5, 20)
    assert resolve_due_date("The leaders met in Selda on May 20, 2025 for their fifth summit.", d) == (None, None)
    assert resolve_due_date("The leaders will meet in Selda on May 22, 2025.", d) == (dt.date(2025, 5, 22), "day")


def test_a_bare_month_already_past_is_not_a_deadline_without_a_future_cue():
    d = dt.date(2025, 6, 14)
    assert resolve_due_date("We endorse the statement made by our ministers in May.", d) == (None, None)
    assert resolve_due_date("We welcome the ministerial meeting in March, which made progress.", d) == (None, None)
    assert resolve_due_date("The ministers will meet again in March.", d) == (dt.date(2026, 3, 31), "month")
    assert resolve_due_date("We look forward to the ministerial meeting in October.", d) == (dt.date(2025, 10, 31),
                                                                                               "month")


def test_this_month_name():
    d = dt.date(2025, 5, 1)
    assert resolve_due_date("The leaders will meet again this November.", d) == (dt.date(2025, 11, 30), "month")


def test_coming_year_and_coming_decade():
    d = dt.date(2025, 6, 13)
    assert resolve_due_date("Donors plan to commit two billion in the coming year.", d) == (dt.date(2026, 6, 13), "year")
    assert resolve_due_date("The free trade area will be essential in the coming decade.", d) == (None, None)


def test_hosting_an_event_is_a_target_but_host_of_names_it_in_passing():
    assert resolve_due_date("We look forward to Selda's hosting of the games in 2027.", D) == (
        dt.date(2027, 12, 31), "year")
    assert resolve_due_date("Selda, host of the games in 2027, will fund ten clinics.", D) == (None, None)
