"""Round 12: families from the misses of pool batches 20-23 (and 17-19).

All texts are invented for the tests.
"""
import re

from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.parties import resolve_actor
from pipeline.extract.sentences import split_sentences
from pipeline.model import Mention
from tests.test_commitments import BOTH, NORVIA, rows


def test_hyphenated_reaffirm_and_laud():
    assert rows("The members re-affirmed their commitment to the ferry accord.") == \
        [("re-affirmed", "reaffirmation", BOTH)]
    assert rows("The leaders re-emphasized that the harbour must stay open.") == \
        [("re-emphasized", "emphasis", BOTH)]
    assert rows("President Berg lauded Selda's work on the fisheries census.") == [("lauded", "welcome", ("NRV",))]


def test_invested_in_is_a_frame_of_dedication():
    assert rows("We are deeply invested in the prosperity of the islands.") == [("invested", "pledge", BOTH)]
    assert rows("Norvia has invested in three new ports.") == []  # a past act


def test_look_to_with_a_verb_is_an_intention():
    assert rows("We look to expand the ferry link between our islands.") == [("look", "pledge", BOTH)]
    assert rows("Both sides look to further deepen trade in grain.") == [("look", "pledge", BOTH)]
    assert rows("We look to the future with confidence.") == []
    assert rows("We look to Ozaria for leadership on fisheries.") == []


def test_stand_for_and_stand_together_are_support():
    assert rows("We stand for the freedom of navigation in the strait.") == [("stand", "support", BOTH)]
    assert rows("We stand together in support of the flood victims, and call on Ozaria to open its ports.") == \
        [("stand", "support", BOTH), ("call", "appeal", BOTH)]
    # inside a reported clause the reporting verb carries it
    assert rows("The leaders reaffirmed that Norvia and Selda stand together against piracy.") == \
        [("reaffirmed", "reaffirmation", BOTH)]


def test_calls_orders_and_challenges():
    assert rows("President Berg and President Ruiz spoke by telephone on Monday.") == \
        [("spoke", "consultation", BOTH)]
    assert rows("The two leaders ordered their coast guard teams to share radar data.") == \
        [("ordered", "instruction", BOTH)]
    assert rows("We challenge our governments to find new ways to cut tariffs.") == \
        [("challenge", "instruction", BOTH)]
    assert rows("The rising sea challenges our ability to plan.") == []  # no party speaks


def test_invitation_has_its_verb_as_trigger():
    got = rows("President Berg conveyed an invitation for President Ruiz to visit Norvia.")
    assert [(t, k, c) for t, k, c in got] == [("conveyed", "appeal", ("NRV",))]


def test_two_adjectives_before_concern():
    assert rows("We shared our grave and growing concern over the raids on fishing boats.") == \
        [("concern", "concern", BOTH)]


def test_negated_or_focused_promises():
    assert rows("Norvia has committed not to impose new port fees.") == [("committed", "pledge", ("NRV",))]
    assert rows("Selda is committed not only to opening its market but also to training inspectors.") == \
        [("committed", "pledge", ("SLD",))]
    assert rows("Both sides agreed not to raise tariffs on grain.") == [("agreed", "pledge", BOTH)]


def test_determined_that_and_warn_against():
    assert rows("We are determined that the smugglers will face justice.") == [("determined", "pledge", BOTH)]
    assert rows("We warn the pirates against any further raids.") == [("warn", "appeal", BOTH)]


def test_united_in_our_commitment_holds_to_it():
    assert rows("We are united in our support for the flood victims.") == [("united", "reaffirmation", BOTH)]
    assert rows("The leaders are unified in their commitment to open the harbour.") == \
        [("unified", "reaffirmation", BOTH)]
    # a shared vision stays a position (emphasis)
    assert rows("We are united in a shared vision of open seas.") == [("united", "emphasis", BOTH)]


def test_opening_phrase_with_an_adjective():
    assert rows("On this historic occasion we recommit to our partnership.") == [("recommit", "reaffirmation", BOTH)]


def test_our_working_groups_and_teams_speak_for_the_parties():
    assert rows("Our working groups will continue their steady work on fisheries.") == [("will", "pledge", BOTH)]
    assert rows("To that end, our teams will meet regularly.") == [("will", "pledge", BOTH)]
    # "the working groups established under X": a participle, no subject of its own
    assert [t for t, _, _ in rows("We ask that each of the working groups established under the accord carry on.")] \
        == ["ask"]


def test_announce_that_we_intend_is_one_pledge():
    assert rows("Our two countries announce today that we intend to hold joint drills every year.") == \
        [("announce", "pledge", BOTH)]
    assert rows("We announce our governments’ commitment to consult each other in a crisis.") == \
        [("announce", "pledge", BOTH)]


def test_organisation_and_its_executive_body_speak_as_one():
    eu, ec = resolve_actor("European Union"), resolve_actor("European Commission")
    names = {"Norvia": NORVIA, "the European Commission": ec, "the EU": eu}

    def run(text, parties):
        ms = []
        for name, a in names.items():
            for m in re.finditer(re.escape(name), text):
                ms.append(Mention(m.start(), m.end(), a))
        ms.sort(key=lambda m: m.start)
        return [(c.trigger, c.committers) for c in
                find_commitments(make_doc(text), split_sentences(text), parties, ms)]

    # the party is the EU: its Commission speaks for it
    assert run("Next year the European Commission will open a ferry office.", [NORVIA, eu]) == \
        [("will", (eu.actor_id,))]
    # the party is the Commission: "the EU" in the text is the same speaker
    assert run("Norvia and the EU are committed to cutting tariffs.", [NORVIA, ec]) == \
        [("committed", ("NRV", ec.actor_id))]


def test_pronoun_subject_hosts_a_coordinated_trigger():
    # "we begin X and pledge to": the pronoun's verb is no trigger, the coordinated one is the parties'
    assert rows("Today, we begin new cooperation in fisheries and pledge to work together against piracy.") == \
        [("pledge", "pledge", BOTH)]
    assert rows("We are mapping the supply chain of fish, including tuna, and affirm our commitment to open seas.") == \
        [("affirm", "emphasis", BOTH)]
    # a relative clause's pronoun hosts nothing
    assert rows("The region we share and support is vast.") == []


def test_opening_phrase_of_a_field():
    assert rows("In fisheries we will open new offices.") == [("will", "pledge", BOTH)]
    assert rows("In order that we may trade, the harbour must open.") == []


def test_lower_case_advisors_and_bare_officials():
    assert rows("The national security advisors reaffirmed their commitment to working together.") == \
        [("reaffirmed", "reaffirmation", BOTH)]
    assert rows("In this regard, officials pledged to enhance coordination.") == [("pledged", "pledge", BOTH)]
    assert rows("Ozarian officials pledged to enhance coordination.") == []  # another's officials


def test_stand_together_in_an_ing_verb_takes_its_kind():
    assert rows("We stand together with our friends in condemning the raids on the ferries.") == \
        [("stand", "opposition", BOTH)]
    assert rows("We stand together in calling for an end to the raids.") == [("stand", "appeal", BOTH)]
    assert rows("We stand together in support of the fishermen.") == [("stand", "support", BOTH)]
