"""Who speaks: members, sub-bodies, collectives with a numeral (ANNOTATION.md, "Members and sub-bodies").

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_members_and_participants_speak_for_all_parties():
    t = ("Members will share data on river levels. Initiative participants affirmed the value of open ports. "
         "The members reaffirmed the charter.")
    assert rows(t) == [("will", "pledge", BOTH), ("affirmed", "emphasis", BOTH),
                       ("reaffirmed", "reaffirmation", BOTH)]


def test_some_members_or_members_of_another_body_are_not_resolved():
    t = ("The founding members welcomed the new ones. Previously participating members welcomed Ozaria. "
         "Ozaria members will meet.")
    assert rows(t) == []


def test_a_body_of_the_parties_speaks_for_them():
    t = ("The Joint Task Force will map the supply chains. The working group will report by June. "
         "This Steering Committee intends to meet twice a year.")
    assert rows(t) == [("will", "pledge", BOTH), ("will", "pledge", BOTH), ("intends", "pledge", BOTH)]


def test_numeral_collectives_of_officials():
    t = ("The two National Security Advisors reaffirmed the alliance. The three NSAs discussed the strait. "
         "The officials pledged to meet again.")
    assert rows(t) == [("reaffirmed", "reaffirmation", BOTH), ("discussed", "consultation", BOTH),
                       ("pledged", "pledge", BOTH)]


def test_passives_have_no_party_as_agent():
    t = ("The working group is tasked to map the river. The Task Force will be chaired by two envoys. "
         "The fund was launched in May. Norvia and Selda are firmly opposed to piracy.")
    assert rows(t) == [("opposed", "opposition", BOTH)]
