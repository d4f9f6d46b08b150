"""Round 8: verb families, frames and speakers from the misses of pool batches 14 and 15.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_the_countries_without_modifier_are_the_parties():
    assert rows("The countries affirm that the harbour code protects fishermen.") == [("affirm", "emphasis", BOTH)]
    assert rows("The nations condemn the attacks on the ferry.") == [("condemn", "opposition", BOTH)]
    # a modifier makes them others
    assert rows("The neighbouring countries condemn the attacks on the ferry.") == []


def test_reassert_and_realize_that():
    assert rows("We reassert our commitment to the harbour code.") == [("reassert", "reaffirmation", BOTH)]
    assert rows("We realise that our nations must lead on ocean science.") == [("realise", "emphasis", BOTH)]


def test_speech_verb_carrying_pride_or_enthusiasm():
    assert rows("Both leaders expressed their pride in the new ferry link.") == [("expressed", "welcome", BOTH)]
    got = rows("The two sides express enthusiasm to move forward with the port project.")
    assert [(k, c) for _, k, c in got] == [("pledge", BOTH)]


def test_gathered_is_a_report_of_the_meeting():
    assert rows("The foreign ministers of Norvia and Selda gathered in Lisbon for the first time.") == \
        [("gathered", "consultation", BOTH)]
    assert rows("We will gather data on fish stocks.") == [("will", "pledge", BOTH)]


def test_comparative_adjective_frame():
    assert rows("Today we are more prepared than ever to address the crisis.") == [("prepared", "pledge", BOTH)]


def test_pleased_to_plus_a_support_verb_is_a_pledge():
    assert rows("Norvia is proud to stand with Selda in rebuilding the port.") == [("proud", "pledge", ("NRV",))]
    assert rows("Norvia is honored to welcome President Ruiz to Norvia.") == [("honored", "pledge", ("NRV",))]
