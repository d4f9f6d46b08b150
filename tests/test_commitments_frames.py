"""Other frames (ANNOTATION.md): adjective + infinitive, speech verbs with a content, nouns of position
after other verbs, "take this opportunity to", and a few more trigger verbs.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_adjective_frames_with_an_infinitive_are_pledges():
    assert rows("We are delighted to partner with Ozaria on ports.") == [("delighted", "pledge", BOTH)]
    assert rows("We are eager to deepen trade ties.") == [("eager", "pledge", BOTH)]
    assert rows("Norvia and Selda stand ready to provide grain.") == [("ready", "pledge", BOTH)]
    # a trigger verb after the adjective decides; a verb of perception keeps the reaction
    assert rows("We are pleased to announce the launch of a fund.") == [("announce", "establishment", BOTH)]
    assert rows("We are pleased to see progress on the road.") == [("pleased", "welcome", BOTH)]


def test_speech_verbs_take_the_kind_of_what_they_carry():
    assert rows("Norvia conveyed that it will open a consulate in Selda.") == [("conveyed", "pledge", ("NRV",))]
    assert rows("Selda assured Norvia of its full support for the bid.") == [("assured", "support", ("SLD",))]
    assert rows("The two leaders conveyed their determination to finish the bridge.") == [
        ("determination", "pledge", BOTH)]
    assert rows("Norvia told reporters that the weather was fine.") == []


def test_nouns_of_position_after_other_verbs():
    assert rows("Selda offered its full backing to the plan.") == [("offered", "support", ("SLD",))]
    assert rows("Norvia raised concerns about the dam.") == [("raised", "concern", ("NRV",))]
    assert rows("We share an interest in open seas.") == [("share", "emphasis", BOTH)]
    assert rows("Norvia extended its condolences to the families.") == [("extended", "support", ("NRV",))]


def test_take_this_opportunity_to():
    assert rows("Norvia and Selda take this opportunity to reaffirm their friendship.") == [
        ("reaffirm", "reaffirmation", BOTH)]
    assert rows("Selda took the opportunity to thank Norvia for its help.") == [("thank", "welcome", ("SLD",))]


def test_more_trigger_verbs_and_their_nouns():
    assert rows("The leaders reviewed progress on the bridge.") == [("reviewed", "consultation", BOTH)]
    assert rows("They concurred that the river must stay open.") == [("concurred", "emphasis", BOTH)]
    assert rows("Norvia reemphasized its support for the bid.") == [("reemphasized", "emphasis", ("NRV",))]
    assert rows("Thanks to the fund, the road was built. A review of the accord is due.") == []


def test_concur_to_is_agree_to():
    assert rows("The two leaders concurred to expand trade in grain.") == [("concurred", "pledge", BOTH)]


def test_progressive_of_a_party_is_an_action_under_way():
    t = ("To advance these interests, we are partnering to counter piracy and commit to open markets. "
         "Norvia and Selda are reinvigorating their trade council. Ozaria is expanding its navy. "
         "We work in many fields.")
    assert rows(t) == [("partnering", "pledge", BOTH), ("commit", "pledge", BOTH),
                       ("reinvigorating", "pledge", BOTH)]
    # an item that opens with such a verb is still an item, a pledge under an intention intro
    assert rows("We will:\n\nExpand trade in grain.\n\nDeepen ties between ports.") == [
        ("Expand", "pledge", BOTH), ("Deepen", "pledge", BOTH)]


def test_value_and_cherish_are_emphasis_the_noun_is_not():
    assert rows("President Berg highly valued the talks and reiterated Norvia's respect for the accord.") == [
        ("valued", "emphasis", ("NRV",)), ("reiterated", "reaffirmation", ("NRV",))]
    assert rows("We cherish our friendship. The value of trade is clear, and value chains matter.") == [
        ("cherish", "emphasis", BOTH)]


def test_engage_in_talks_and_an_occasion_taken_as_an_opportunity():
    assert rows("Senior officials from our governments have engaged in intensive talks in Lorta.") == [
        ("engaged", "consultation", BOTH)]
    assert rows("Our two countries take this joint statement as an opportunity to reaffirm our friendship.") == [
        ("reaffirm", "reaffirmation", BOTH)]


def test_holding_frames_gratitude_consensus_and_making_clear():
    assert rows("We remain steadfast in our support for the accord.") == [("steadfast", "reaffirmation", BOTH)]
    assert rows("We are unwavering in our commitment to peace.") == [("unwavering", "reaffirmation", BOTH)]
    assert rows("We are particularly grateful to Ozaria for its help.") == [("grateful", "welcome", BOTH)]
    assert rows("Today, we have reached a consensus on how to fund the port.") == [("reached", "pledge", BOTH)]
    assert rows("We have once again made clear our commitment to Selda. We make a clear case for trade.") == [
        ("made", "emphasis", BOTH)]


def test_round3_frames_stand_united_defend_commitment_nouns_and_agreements_reached():
    assert rows("We stand united in our determination to end the war.") == [("united", "reaffirmation", BOTH)]
    assert rows("We are united in our determination to end the war.") == [("determination", "pledge", BOTH)]
    assert rows("Norvia and Selda defend a free river passage.") == [("defend", "support", BOTH)]
    assert rows("Norvia has made commitments on fishing quotas. We made clear our view.") == [
        ("commitments", "pledge", ("NRV",)), ("made", "emphasis", BOTH)]
    # commitments finalised are undertakings (pledge); "by X" after the noun is no passive agent
    assert rows("Norvia and Selda have finalized commitments by Selda to open ports. "
                "They have finalized the text of the accord.") == [
        ("finalized", "pledge", BOTH), ("finalized", "establishment", BOTH)]
    # agreement reached on an instrument: concluded now; on steps to take: a pledge
    assert rows("Norvia and Selda have reached agreement on an Agreement on River Trade. "
                "They reached agreement on steps to open ports.") == [
        ("reached", "establishment", BOTH), ("reached", "pledge", BOTH)]


def test_round3_continue_to_appeal_and_an_intention_noun_with_its_owner():
    assert rows("We continue to encourage Ozaria to open the dams. We continue to support Ozaria.") == [
        ("continue", "appeal", BOTH), ("continue", "pledge", BOTH)]
    assert rows("President Berg expressed the willingness and commitment of Norvia to cooperate with Selda. "
                "President Berg expressed the willingness of Norvia.") == [
        ("willingness", "pledge", ("NRV",)), ("willingness", "emphasis", ("NRV",))]


def test_a_count_of_commitments_made_is_no_pledge():
    assert rows("Norvia has made a firm commitment to open ports. Both sides have made hundreds of commitments "
                "since 2020.") == [("commitment", "pledge", ("NRV",))]


def test_defend_needs_its_own_subject_and_continue_to_encourage_needs_an_addressee():
    assert rows("We are determined to help Ozaria repair and defend its ports. Norvia and Ozaria stand united "
                "in this hard time.") == [("determined", "pledge", BOTH), ("united", "reaffirmation", ("NRV",))]
    assert rows("We continue to encourage exchanges between students.") == [("continue", "pledge", BOTH)]


def test_being_in_talks_is_a_consultation():
    t = ("Norvia and Selda are in discussion to finalize a deal. The two sides remain in close talks on fish. "
         "The talks will resume. We welcome talks in Lorta. Ozaria is in talks with Norvia.")
    assert rows(t) == [("discussion", "consultation", BOTH), ("talks", "consultation", BOTH),
                       ("welcome", "welcome", BOTH)]


def test_proud_is_a_pleased_adjective():
    # "proud to + verb": an adjective frame with an infinitive (a pledge); "proud of X": a positive reaction
    assert rows("We are proud to partner on space research.") == [("proud", "pledge", BOTH)]
    assert rows("We are proud of our work on the river.") == [("proud", "welcome", BOTH)]
    # "to have + participle": a reaction to what was done; "proud partners": an attributive adjective
    assert rows("We are proud to have delivered a million doses.") == [("proud", "welcome", BOTH)]
    assert rows("We are pleased to have signed the accord.") == [("pleased", "welcome", BOTH)]
    assert rows("Norvia and Selda are proud partners in the new port.") == []


def test_optimistic_or_confident_that_is_a_stated_belief():
    assert rows("We are optimistic that our joint efforts will help the farmers.") == [("optimistic", "emphasis", BOTH)]
    assert rows("Norvia and Selda are confident that the new port will grow.") == [("confident", "emphasis", BOTH)]


def test_dispel_a_notion_is_opposition():
    assert rows("We dispel any false notion that time is on the side of the smugglers.") == \
        [("dispel", "opposition", BOTH)]


def test_accepting_an_invitation_is_a_pledge():
    assert rows("President Berg accepted President Ruiz’s invitation to visit Selda next year.") == \
        [("accepted", "pledge", ("NRV",))]


def test_are_continuing_is_a_pledge():
    # the progressive "are continuing our work" is an intention; "the continuing efforts" is a noun phrase
    assert rows("We are continuing our joint work on the canal.") == [("continuing", "pledge", BOTH)]
    assert rows("We welcome the continuing efforts of Ozaria.") == [("welcome", "welcome", BOTH)]
