"""Round 9: families from the misses of pool batches 16 and 17.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_stated_future_is_one_position():
    # "confirmed / affirmed that they will X": the reporting verb is the row; the reported modal has none
    assert rows("Norvia and Selda confirmed that they will keep expanding the ferry link.") == \
        [("confirmed", "emphasis", BOTH)]
    assert rows("The two leaders affirm that our nations will open a joint fisheries office.") == \
        [("affirm", "emphasis", BOTH)]
    # a modal in a sentence of its own stays a pledge
    assert rows("Norvia and Selda will keep expanding the ferry link.") == [("will", "pledge", BOTH)]


def test_manner_adverb_between_modal_and_verb():
    got = rows("Norvia and Selda will promptly conclude the harbour accord.")
    assert [(t, k) for t, k, _ in got] == [("will", "pledge")]


def test_hedging_adjunct_between_subject_and_verb():
    # "X and Y, consistent with their procedures, will": the adjunct in commas is no subject
    assert rows("Norvia and Selda, consistent with their laws, will finalize the harbour accord.") == \
        [("will", "pledge", BOTH)]
    assert rows("Norvia, in accordance with its laws, intends to lift the tariff on grain.") == \
        [("intends", "pledge", ("NRV",))]
    # the parties inside a prepositional phrase are still no subject
    assert rows("Trade between Norvia and Selda, consistent with the accord, will grow.") == []


def test_round9_trigger_families():
    assert rows("The two Presidents have charged their teams with drafting a ferry plan.") == \
        [("charged", "instruction", BOTH)]
    assert rows("Norvia charged the smugglers with fraud.") == []  # a legal charge
    assert rows("Norvia and Selda understand the importance of cutting tariffs on grain.") == \
        [("understand", "emphasis", BOTH)]
    assert rows("President Berg stated his determination to expand trade with Selda.") == \
        [("determination", "pledge", ("NRV",))]
    assert rows("The leaders exchanged perspectives on the future of the harbour.") == \
        [("exchanged", "consultation", BOTH)]


def test_demand_with_an_object_is_an_appeal():
    assert rows("We condemn these raids on the ferries, and demand an end to them.") == \
        [("condemn", "opposition", BOTH), ("demand", "appeal", BOTH)]
    assert rows("Global demand for fish has risen.") == []  # the noun


def test_stated_determination_past_form_only():
    assert rows("Selda stated its commitment to open the harbour to Norvian ships.") == \
        [("commitment", "pledge", ("SLD",))]
