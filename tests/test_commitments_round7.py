"""Round 7: verb families, frames and speakers from the misses of pool batches 11, 12 and 13.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


# ---- verb families ---------------------------------------------------------

def test_seek_with_an_object_and_need_to_are_pledges():
    assert rows("Norvia seeks cooperation with all partners who share our goals.") == [("seeks", "pledge", ("NRV",))]
    assert rows("We need to address illegal fishing and reduce pollution.") == [("need", "pledge", BOTH)]


def test_and_pledge_to_after_a_coordinator_is_a_verb():
    got = rows("We seek adherence to the harbour code and pledge to deepen our cooperation on fisheries.")
    assert got == [("seek", "pledge", BOTH), ("pledge", "pledge", BOTH)]
    got = rows("Both countries condemn piracy in all its forms and pledge to work together to counter it.")
    assert ("pledge", "pledge", BOTH) in got


def test_share_frames():
    got = rows("We share the importance of maintaining readiness and also share our willingness to help reunite families.")
    assert got == [("share", "emphasis", BOTH), ("willingness", "pledge", BOTH)]
    got = rows("They share condemnation in the strongest terms of the attacks and call for the release of hostages.")
    assert got == [("condemnation", "opposition", BOTH), ("call", "appeal", BOTH)]


def test_join_in_takes_the_kind_of_the_gerund():
    assert rows("Finally, we join voices in condemning attacks on journalists.") == [("join", "opposition", BOTH)]
    assert rows("We join the League in calling for restraint.") == [("join", "appeal", BOTH)]
    assert rows("They join hands in the harbour.") == []


def test_pride_emphasis_and_cognizance_frames():
    assert rows("We take great pride in celebrating the tenth anniversary of the exchange.") == [("take", "welcome", BOTH)]
    assert rows("Moving forward, we place particular emphasis on supporting young scientists.") == \
        [("place", "emphasis", BOTH)]
    assert rows("President Berg and President Ruiz are cognizant of the hurdles facing Norvia.") == \
        [("cognizant", "emphasis", BOTH)]
    assert rows("Norvia and Selda also reinforced the importance of strengthening institutions.") == \
        [("reinforced", "emphasis", BOTH)]


def test_frames_that_hold_to_a_commitment():
    assert rows("We remain resolute as ever in supporting the islands.") == [("resolute", "reaffirmation", BOTH)]
    assert rows("Norvia and Selda stand firm in the commitment to disrupt these networks.") == \
        [("firm", "reaffirmation", BOTH)]


def test_invitations_congratulations_and_echoed_calls():
    # round 12: the verb is the trigger ("extended X an invitation": the noun may stand far from it)
    assert rows("President Ruiz extends an invitation for President Berg to visit Selda.") == \
        [("extends", "appeal", ("SLD",))]
    assert rows("The two Leaders offered congratulations on the launch of the exchange program.") == \
        [("offered", "welcome", BOTH)]
    got = rows("The Leaders stressed the importance of the plan and echo the League's calls for an end to violence.")
    assert ("echo", "appeal", BOTH) in got


def test_continue_to_call_for_is_an_appeal_and_announced_plans_a_pledge():
    assert rows("Our two countries continue to call for restraint by all sides.") == [("continue", "appeal", BOTH)]
    assert rows("Norvia announced concrete plans to assist Selda in training workers.") == \
        [("announced", "pledge", ("NRV",))]


def test_reflected_on_reports_the_meeting():
    assert rows("President Berg and President Ruiz also reflected on the close partnership.") == \
        [("reflected", "consultation", BOTH)]


def test_then_between_the_verb_and_the_frame():
    assert rows("We are then prepared to fully support all efforts to conclude a deal.") == [("prepared", "pledge", BOTH)]


def test_tense_slip_after_a_past_predicate_for_intentions():
    got = rows("The Leaders supported improving the dialogue and intend to establish an annual forum.")
    assert ("intend", "pledge", BOTH) in got
    got = rows("Both sides applauded the progress thus far and look forward to further progress.")
    assert ("look", "support", BOTH) in got


# ---- speakers ----------------------------------------------------------------

def test_an_agency_speaks_for_its_state():
    assert rows("The Norvian Coast Guard plans to deploy a cutter to the region in 2025.") == \
        [("plans", "pledge", ("NRV",))]
    assert rows("The Norvia Development Finance Corporation (NDFC) intends to continue to finance projects.") == \
        [("intends", "pledge", ("NRV",))]
    assert rows("The Koran Republic Navy will sail into Seldan waters.") == []
    # "and" joins two subjects, not the words of an agency's name
    assert rows("The Norvia and Harbour Africa Partnership will grow.") == []


def test_the_addressees_infinitives_are_not_the_parties_commitments():
    got = rows("We call on the Koran Republic to reverse these measures and seek solutions with the companies.")
    assert got == [("call", "appeal", BOTH)]
    got = rows("We urge the Koran Republic to refrain from provocations, and engage in substantive dialogue.")
    assert got == [("urge", "appeal", BOTH)]
    assert rows("Norvia does not seek conflict.") == []
