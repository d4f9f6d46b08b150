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
