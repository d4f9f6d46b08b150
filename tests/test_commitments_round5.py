"""Round 5: frames, verb families and speakers from the misses of pool batches 9 and 10.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, KORAN, NORVIA, OZ, SELDA, rows


# ---- verb families ---------------------------------------------------------

def test_resolved_that_another_must_is_an_appeal_and_coordination_goes_back_to_the_leaders():
    got = rows("The Leaders resolved that the Koran Republic must abide by the ruling, "
               "and underscored the importance of combating piracy.")
    assert ("resolved", "appeal", BOTH) in got
    assert ("underscored", "emphasis", BOTH) in got


def test_resolved_that_the_parties_will_is_a_pledge():
    assert rows("The leaders resolved that our two countries will deepen trade.") == [("resolved", "pledge", BOTH)]


def test_neutral_speech_verbs_carrying_appreciation_or_intent():
    assert rows("Norvia conveyed its deep appreciation for the return of artefacts by Selda.") == \
        [("conveyed", "welcome", ("NRV",))]
    assert rows("The ministers of Norvia and Selda signaled their intent to move forward with a new memorandum.") == \
        [("intent", "pledge", BOTH)]


def test_reinforcing_a_commitment_is_a_reaffirmation():
    assert rows("Selda has reinforced its commitment to protect labour rights.") == \
        [("reinforced", "reaffirmation", ("SLD",))]


def test_demand_that_is_an_appeal():
    assert rows("We demand that the Koran Republic refrain from further launches.",
                [NORVIA, SELDA]) == [("demand", "appeal", BOTH)]


def test_considered_and_focused_on_report_the_meeting_only_in_the_past():
    got = rows("The participants welcomed Selda's efforts and considered new efficiency measures.")
    assert ("considered", "consultation", BOTH) in got
    assert rows("We consider this important.") == []
    assert rows("We remain focused on partnerships.") == []
    assert rows("We will launch two task forces, focused on radio networks.") == [("will", "pledge", BOTH)]


def test_took_stock_is_a_consultation():
    assert rows("We also took stock of the work of the joint task force.") == [("took", "consultation", BOTH)]


def test_a_wish_for_a_thing_to_happen_is_a_pledge():
    got = rows("The two leaders expressed their shared desire for maritime cooperation to grow stronger than ever.")
    assert got == [("desire", "pledge", BOTH)]
    assert rows("The two leaders expressed their desire for peace in the region.") == [("desire", "emphasis", BOTH)]


def test_a_noun_in_ment_before_and_is_no_adjective():
    got = rows("The two leaders shared views on the complex security environment and expressed their "
               "determination to cooperate closely.")
    assert ("determination", "pledge", BOTH) in got


# ---- speakers --------------------------------------------------------------

def test_counterparts_speak_for_all_the_parties():
    got = rows("The four counterparts looked forward to deepening the progress.",
               [NORVIA, SELDA, KORAN, OZ])
    assert got == [("looked", "pledge", ("NRV", "SLD", "KRN", "OZA"))]
    got = rows("The counterparts focused in particular on the climate crisis, and welcomed the new port.")
    assert got == [("focused", "consultation", BOTH), ("welcomed", "welcome", BOTH)]
    assert rows("Their counterparts welcomed the plan.") == []


def test_bare_both_opening_a_clause_in_a_two_party_statement():
    assert rows("Both look forward to remaining in close contact.") == [("look", "pledge", BOTH)]
    assert rows("Norvia and Selda met in May. Both welcomed the agreement.")[-1] == ("welcomed", "welcome", BOTH)
    assert rows("Both look forward to it.", [NORVIA, SELDA, KORAN]) == []


def test_a_collective_after_a_conjunction_or_an_opening_time_phrase():
    assert rows("The delivery will be complex, and our nations will continue to assess our efforts.") == \
        [("will", "pledge", BOTH)]
    assert rows("Norvia signed the plan and the two leaders welcomed it.")[-1] == ("welcomed", "welcome", BOTH)
    assert rows("Each of our governments has committed to working through budgets.") == [("committed", "pledge", BOTH)]
    assert rows("This year our countries will celebrate 200 years of relations.") == [("will", "pledge", BOTH)]
    assert rows("In March 2024 Norvia and Selda signed a treaty.") == [("signed", "establishment", BOTH)]


def test_a_party_and_unnamed_partners_is_the_party_alone():
    assert rows("In the coming months Norvia and partners intend to provide Ozaria with air defense systems.") == \
        [("intend", "pledge", ("NRV",))]
    assert rows("Norvia and its allies will respond.") == [("will", "pledge", ("NRV",))]
    assert rows("Ozaria and partners will respond.") == []


def test_a_with_parenthetical_between_subject_and_predicate():
    assert rows("In support of the pledge, Norvia, in cooperation with Selda, will develop a plan.") == \
        [("will", "pledge", ("NRV",))]
    assert rows("The plan, together with the road map, will guide us.") == []


def test_a_named_body_of_the_parties():
    assert rows("On 3 November, the Norvia-Selda Task Force on Energy Security met in Oslo.") == \
        [("met", "consultation", BOTH)]
    assert rows("The Norvia-Koran Republic Task Force on Energy Security met in Oslo.") == []
    assert rows("The World Health Organization Task Force on Pandemics met.") == []


def test_after_comma_and_a_present_predicate_goes_back_to_the_reporting_parties():
    got = rows("Norvia and Selda underscore that the war in Ozaria must end, and fully endorse the ceasefire talks.")
    assert got == [("underscore", "emphasis", BOTH), ("endorse", "support", BOTH)]
    assert rows("We believe the war must end and give way to peace.") == [("believe", "emphasis", BOTH)]
    assert rows("We welcome the investment by the firm, which will expand data centres, train workers, "
                "and create a cyber shield.") == [("welcome", "welcome", BOTH)]


def test_a_reported_clause_of_the_parties_makes_no_row_of_its_own():
    assert rows("We are pleased to announce that our leaders will co-host the summit.") == \
        [("announce", "pledge", BOTH)]
    assert rows("They noted that the two sides plan to hold a council meeting.") == [("noted", "emphasis", BOTH)]
