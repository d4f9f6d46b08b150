"""Round 14: families from the misses of pool batches 26-27 (and 20-25).

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_numbered_section_headings_under_an_intention_intro():
    text = ("Norvia and Selda will work together to:\n\n"
            "1. Expand Ferry Links and Ports: Ferry traffic doubled last year.\n\n"
            "Last year the harbour office opened new routes.\n\n"
            "2. Protecting Coastal Fisheries: Norvia and Selda committed to a census of fish stocks.\n\n"
            "3. Regional Trade: Markets are open.")
    got = rows(text)
    assert ("Expand", "pledge", BOTH) in got
    # a gerund heading keeps its row when the section's body has its own subject
    assert ("Protecting", "pledge", BOTH) in got and ("committed", "pledge", BOTH) in got
    # the body of a section is no list item
    assert not any(t == "Last" for t, _, _ in got)
    assert not any(t == "Regional" for t, _, _ in got)


def test_numbered_headings_without_an_intro_are_titles():
    text = ("The harbour office reported new routes.\n\n"
            "1. Expand Ferry Links: Ferry traffic doubled last year.\n\n"
            "2. Protecting Coastal Fisheries: Fish stocks are under pressure.")
    assert rows(text) == []


def test_adjectives_of_dismay_are_concern():
    assert rows("We are appalled by the attacks on the harbour.") == [("appalled", "concern", BOTH)]
    assert rows("The leaders were deeply dismayed by the closure of the strait.") == [("dismayed", "concern", BOTH)]


def test_conveyed_commitment_is_a_pledge():
    assert rows("Norvia and Selda conveyed their firm commitment to the ferry accord.") == \
        [("commitment", "pledge", BOTH)]


def test_determine_to_is_a_pledge():
    assert rows("They determine to take concrete steps on fisheries.") == [("determine", "pledge", BOTH)]


def test_participial_adjunct_between_subject_and_verb():
    assert rows("Norvia and Selda, guided by their shared values, commit to uphold the river treaty.") == \
        [("commit", "pledge", BOTH)]
    assert rows("Norvia and Selda, recognizing the risks, will expand the ferry link.") == [("will", "pledge", BOTH)]
    assert rows("The ferry office, guided by the rules, will expand the link.") == []
