"""Commitments extractor: voices, splitting, exclusions, kinds, items, time, topic, grounding.

All texts are invented for the tests.
"""
import re

import pytest

from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.sentences import split_sentences
from pipeline.model import ACTION_KINDS, Actor, Mention

NORVIA = Actor("NRV", "Norvia", "state", "NRV", "NRV")
SELDA = Actor("SLD", "Selda", "state", "SLD", "SLD")
KORAN = Actor("KRN", "Koran Republic", "state", "KRN", "KRN")
OZ = Actor("OZA", "Ozaria", "state", "OZA", "OZA")
HEALTH_ORG = Actor("world-health-organization", "World Health Organization", "international_organization")
LEAGUE = Actor("league", "the League", "forum")
PRES_A = Actor("anna-berg", "Anna Berg", "person", None, "NRV")
PRES_B = Actor("tomas-ruiz", "Tomas Ruiz", "person", None, "SLD")
NAMES = {
    "Norvia": NORVIA, "Norvian": NORVIA, "Selda": SELDA, "Seldan": SELDA, "the Koran Republic": KORAN,
    "Ozaria": OZ, "World Health Organization": HEALTH_ORG, "the League": LEAGUE,
    "President Berg": PRES_A, "President Ruiz": PRES_B,
}
PARTIES = [NORVIA, SELDA]


def mentions(text):
    out = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(o.start < m.end() and m.start() < o.end for o in out):
                out.append(Mention(m.start(), m.end(), NAMES[name]))
    return sorted(out, key=lambda m: m.start)


def extract(text, parties=PARTIES):
    cs = find_commitments(make_doc(text), split_sentences(text), parties, mentions(text))
    for c in cs:  # grounding invariant for every row
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end].strip() == text[c.start:c.end]
        assert text[c.trigger_start:].startswith(c.trigger)
        assert c.start <= c.trigger_start < c.end
    return cs


def rows(text, parties=PARTIES):
    return [(c.trigger, c.kind, c.committers) for c in extract(text, parties)]


BOTH = ("NRV", "SLD")


# ---- voices --------------------------------------------------------------

def test_first_person_we():
    assert rows("We welcome the new fisheries accord.") == [("welcome", "welcome", BOTH)]


def test_third_person_collectives():
    t = ("Both sides welcomed the progress. The two leaders reaffirmed their friendship. "
         "The Parties commit to reduce tariffs. Officials from both governments resolved to meet. "
         "Our two nations are determined to act.")
    assert rows(t) == [("welcomed", "welcome", BOTH), ("reaffirmed", "reaffirmation", BOTH),
                       ("commit", "pledge", BOTH), ("resolved", "pledge", BOTH),
                       ("determined", "pledge", BOTH)]


def test_one_party_alone_by_name_and_adjective_side():
    t = "The Seldan side reiterated its position. Norvia is committed to funding the road. Selda intends to join."
    assert rows(t) == [("reiterated", "reaffirmation", ("SLD",)), ("committed", "pledge", ("NRV",)),
                       ("intends", "pledge", ("SLD",))]


def test_named_party_list_and_persons():
    t = "Norvia and Selda will open a consulate. President Berg and President Ruiz reaffirmed the treaty."
    assert rows(t) == [("will", "pledge", BOTH), ("reaffirmed", "reaffirmation", BOTH)]


def test_mixed_third_person_then_we_and_they():
    t = ("Norvia and Selda held talks in Lisbon. They noted the progress made. "
         "We underscore the value of trade.")
    assert rows(t) == [("held", "consultation", BOTH), ("noted", "emphasis", BOTH),
                       ("underscore", "emphasis", BOTH)]


def test_remain_committed_is_reaffirmation():
    assert rows("Selda remains committed to the accord.") == [("committed", "reaffirmation", ("SLD",))]


def test_forum_of_the_parties_and_it():
    parties = [NORVIA, SELDA, OZ]
    t = "Full of promise, the League looks forward to the future; it seeks to uphold peace."
    assert rows(t, parties) == [("looks", "support", ("NRV", "SLD", "OZA")), ("seeks", "pledge", ("NRV", "SLD", "OZA"))]


# ---- splitting and exclusions --------------------------------------------

def test_coordinated_predicates_are_split():
    t = "We underscore the need for open seas, and strongly oppose any attempt to change borders by force."
    cs = extract(t)
    assert [(c.trigger, c.kind) for c in cs] == [("underscore", "emphasis"), ("oppose", "opposition")]
    assert t[cs[1].start:cs[1].end].startswith("strongly oppose")
    assert cs[0].end <= cs[1].start


def test_coordination_goes_back_over_a_nonparty_clause():
    t = "We are deeply concerned that the Koran Republic has reiterated its threats, and reaffirm our resolve."
    assert rows(t) == [("concerned", "concern", BOTH), ("reaffirm", "reaffirmation", BOTH)]


def test_announce_establishment_and_reiterate():
    t = "We announce the establishment of a Joint Council and reiterate our shared determination."
    assert rows(t) == [("announce", "establishment", BOTH), ("reiterate", "reaffirmation", BOTH)]


def test_nonparty_subjects_are_not_commitments():
    t = ("The Koran Republic has reiterated its intent to test missiles. The Roadmap will serve as a guide. "
         "This framework will support growth.")
    assert rows(t) == []


def test_relative_clause_is_not_a_commitment():
    t = "We welcome the signing of the treaty, which will contribute to safer borders."
    assert rows(t) == [("welcome", "welcome", BOTH)]


def test_participial_opener_is_not_a_commitment():
    t = "Recognising the importance of trade, Norvia and Selda are well placed to grow together."
    assert rows(t) == []


def test_subordinate_and_reduced_relative_are_not():
    t = "As we celebrate the anniversary, the endeavour we launch today will help. We reaffirm our ties."
    assert rows(t) == [("reaffirm", "reaffirmation", BOTH)]


def test_noun_readings_are_not_predicates():
    t = "We reaffirm our strong support for the court, the rule of law, support for free trade, and the pledge of aid."
    assert rows(t) == [("reaffirm", "reaffirmation", BOTH)]


# ---- kind rules -----------------------------------------------------------

def test_future_modal_makes_a_pledge_with_the_modal_as_trigger():
    t = "We will continue to support the reforms. We'll condemn any attack."
    cs = extract(t)
    assert [(c.trigger, c.kind) for c in cs] == [("will", "pledge"), ("'ll", "pledge")]


def test_agreed_to_establish_vs_agreed_to_act():
    t = "The two leaders agreed to establish a Water Commission. They agreed to expand flights by 2027."
    assert rows(t) == [("agreed", "establishment", BOTH), ("agreed", "pledge", BOTH)]


def test_look_forward_to_verb_vs_noun():
    t = "We look forward to working together. We look forward to a successful summit."
    assert [c.kind for c in extract(t)] == ["pledge", "support"]


def test_verb_decides_kind_with_commitment_object():
    t = "We reaffirm our commitment to peace. The leaders affirmed their commitment to trade. We renew our commitment to aid."
    assert [c.kind for c in extract(t)] == ["reaffirmation", "emphasis", "reaffirmation"]


def test_negated_support_is_opposition():
    assert [c.kind for c in extract("We do not support unilateral sanctions.")] == ["opposition"]


@pytest.mark.parametrize("sentence,kind,trigger", [
    ("We pledge to rebuild the port.", "pledge", "pledge"),
    ("We reiterate our call for calm.", "reaffirmation", "reiterate"),
    ("We establish a joint fund.", "establishment", "establish"),
    ("We instruct our ministers to report.", "instruction", "instruct"),
    ("We commend the mediators.", "welcome", "commend"),
    ("We endorse the peace plan.", "support", "endorse"),
    ("We encourage dialogue.", "appeal", "encourage"),
    ("We condemn the attack.", "opposition", "condemn"),
    ("We share serious concerns over the blockade.", "concern", "concerns"),
    ("We express deep concern over the floods.", "concern", "express"),
    ("We recognise the role of ports.", "emphasis", "recognise"),
    ("We recognize the role of ports.", "emphasis", "recognize"),
    ("We take note of the report.", "emphasis", "take"),
    ("We remain in close communication on the crisis.", "consultation", "remain"),
    ("We are pleased to announce a new office.", "establishment", "announce"),
    ("The leaders exchanged views on the region.", "consultation", "exchanged"),
    ("We celebrated the anniversary.", "welcome", "celebrated"),
    ("Both sides are concerned about the drought.", "concern", "concerned"),
])
def test_every_kind(sentence, kind, trigger):
    cs = extract(sentence)
    assert [(c.kind, c.trigger) for c in cs] == [(kind, trigger)]


# ---- addressees, lists ----------------------------------------------------

def test_instruction_and_appeal_addressees():
    t = "We urge Ozaria to release the detainees. We call for reform at the World Health Organization."
    cs = extract(t)
    assert [(c.kind, c.addressees) for c in cs] == [("appeal", ("OZA",)),
                                                    ("appeal", ("world-health-organization",))]


def test_list_items_with_verbs_under_an_introducing_clause():
    t = ("We agree to the following steps:\n\nImplement the ceasefire along the border.\n\n"
         "Refrain from hostile rhetoric in the media.\n\nEncourage trade across the border.\n\n"
         "The river is long.")
    cs = extract(t)
    # "agree to the following steps" is itself a pledge; each verb item is one more
    assert [(c.trigger, c.kind, c.committers) for c in cs] == [
        ("agree", "pledge", BOTH), ("Implement", "pledge", BOTH), ("Refrain", "pledge", BOTH),
        ("Encourage", "appeal", BOTH)]


def test_noun_phrase_items_are_not_commitments():
    t = ("We adopt a plan with shared priorities, namely:\n\n(1) Enhanced Maritime Cooperation;\n\n"
         "(2) Trade and Investment;\n\n(3) Energy Security and Food Security.")
    assert [(c.trigger, c.kind) for c in extract(t)] == [("adopt", "establishment")]


def test_numbered_sentences_with_their_own_subject():
    t = "We declare the following:\n\n1. We reaffirm the ceasefire.\n\n2. We call on Ozaria to withdraw."
    assert rows(t) == [("reaffirm", "reaffirmation", BOTH), ("call", "appeal", BOTH)]


def test_apposition_after_we():
    t = "We, the Prime Ministers of Norvia and Selda, meet today to deepen our partnership."
    assert rows(t) == [("meet", "consultation", BOTH)]


def test_consultation_with_counterparts():
    t = "President Berg convened the meeting with Seldan officials. The Norvian envoy met with Seldan officials."
    assert [c.committers for c in extract(t)] == [BOTH, BOTH]


# ---- time and topic -------------------------------------------------------

@pytest.mark.parametrize("sentence,expr", [
    ("We will hold a summit by the end of 2026.", "by the end of 2026"),
    ("We will meet again this summer.", "this summer"),
    ("We will open the line in 2028.", "in 2028"),
    ("We will report within 90 days.", "within 90 days"),
    ("We will meet in the coming months.", "in the coming months"),
    ("We will convene a first meeting this calendar year.", "this calendar year"),
    ("We will cut emissions by 2030.", "by 2030"),
    ("We welcome the progress.", None),
])
def test_time_expressions(sentence, expr):
    assert [c.time_expression for c in extract(sentence)] == [expr]


@pytest.mark.parametrize("sentence,topic", [
    ("We will expand vaccine production and pandemic preparedness.", "health"),
    ("We will deepen defence cooperation and naval interoperability.", "security_defence"),
    ("We will strengthen supply chain resilience.", "economic_security"),
    ("We will cut emissions and fight climate change.", "environment_climate"),
    ("We will lower tariffs and boost trade.", "economy_trade"),
    ("We will expand student exchanges.", "people_culture"),
    ("We welcome the progress.", None),
])
def test_topics(sentence, topic):
    assert [c.topic for c in extract(sentence)] == [topic]


def test_spans_stay_in_one_sentence_and_actions():
    t = "We will build a bridge. The two sides also welcomed the new railway; they will extend it by 2030."
    ss = split_sentences(t)
    cs = extract(t)
    for c in cs:
        assert any(s.start <= c.start and c.end <= s.end for s in ss)
    assert [c.kind in ACTION_KINDS for c in cs] == [True, False, True]
    assert cs[2].time_expression == "by 2030"


def test_no_parties_no_commitments():
    assert find_commitments(make_doc("We welcome it."), split_sentences("We welcome it."), [], []) == []


# ---- coordination, single-party persons, groupings, intention nouns -----

def test_comma_coordinated_past_predicate_after_a_reported_clause():
    t = "Both leaders noted they continue to oppose piracy in the strait, condemned attacks on shipping, and reaffirmed their resolve."
    assert rows(t) == [("noted", "emphasis", BOTH), ("condemned", "opposition", BOTH),
                       ("reaffirmed", "reaffirmation", BOTH)]


def test_infinitive_series_is_still_not_split():
    t = "We agreed to expand trade, create jobs, support farmers and protect rivers."
    assert [r[0] for r in rows(t)] == ["agreed"]


def test_a_single_party_person_speaks_for_that_party():
    t = "President Ruiz welcomed the progress on the bridge. President Berg expressed appreciation for the new port."
    assert rows(t) == [("welcomed", "welcome", ("SLD",)), ("expressed", "welcome", ("NRV",))]


def test_leaders_of_a_grouping_among_the_parties(monkeypatch):
    import pipeline.extract.commitments as mod
    league = Actor("league-of-three", "League of Three", "international_organization")
    monkeypatch.setattr(mod, "_groupings", lambda: {"league-of-three": ("NRV", "SLD", "KRN")})
    NAMES["League of Three"] = league
    try:
        parties = [NORVIA, SELDA, OZ]
        t = ("At the invitation of the host, the leaders of the League of Three member states and Ozaria met "
             "today in the capital. In this context, the leaders of the League of Three member states welcomed "
             "the visit.")
        assert rows(t, parties) == [("met", "consultation", ("NRV", "SLD", "OZA")),
                                    ("welcomed", "welcome", ("NRV", "SLD"))]
    finally:
        del NAMES["League of Three"]


def test_decided_to_instruct_is_an_instruction():
    t = "They decided to instruct the Working Group to reconvene before the summer."
    assert [(r[0], r[1]) for r in rows(t)] == [("decided", "instruction")]


@pytest.mark.parametrize("sentence,trigger,kind", [
    ("The leaders expressed their determination to end hunger.", "determination", "pledge"),
    ("The two leaders expressed their intent to work together on reform.", "intent", "pledge"),
    ("They voiced their resolve to protect the forests.", "resolve", "pledge"),
    ("The leaders expressed their determination in the face of adversity.", "determination", "emphasis"),
    ("They reaffirmed their intention to build resilience.", "reaffirmed", "reaffirmation"),
])
def test_intention_nouns_after_express(sentence, trigger, kind):
    got = extract(sentence)
    assert [(c.trigger, c.kind) for c in got] == [(trigger, kind)]
    assert sentence[got[0].trigger_start:].startswith(trigger)


@pytest.mark.parametrize("sentence,kind", [
    ("They expressed concern about prices and voiced support for the grain corridor.", ["concern", "support"]),
    ("We note with deep appreciation the mediation of Ozaria.", ["welcome"]),
    ("We note with grave concern the missile launches.", ["concern"]),
    ("We commemorate the progress made in our cooperation.", ["welcome"]),
    ("We hold an unshakeable belief that cooperation is indispensable.", ["emphasis"]),
    ("We firmly believe that trade benefits both peoples.", ["emphasis"]),
    ("We stand by our commitment to consult on regional challenges.", ["reaffirmation"]),
    ("We stand by the people of Ozaria.", ["support"]),
    ("The leaders expressed their gratitude to the hosts.", ["welcome"]),
])
def test_more_position_phrases(sentence, kind):
    assert [c.kind for c in extract(sentence)] == kind


def test_modal_inside_a_belief_clause_is_not_the_parties_pledge():
    t = "We hold a firm belief that our cooperation is indispensable and will set the stage for prosperity."
    assert rows(t) == [("hold", "emphasis", BOTH)]


def test_plural_title_with_two_surnames_is_both_parties():
    from pipeline.extract.actors import find_actors
    t = ("President Anna Berg of Norvia and President Tomas Ruiz of Selda met in Norvia. "
         "Presidents Berg and Ruiz recalled the river treaty.")
    doc = make_doc(t)
    ms = [m for m in find_actors(doc) if m.entity.actor_type == "person"]
    assert [t[m.start:m.end] for m in ms][-2:] == ["Berg", "Ruiz"]
    cs = find_commitments(doc, split_sentences(t), PARTIES, mentions(t) + [
        Mention(m.start, m.end, PRES_A if "Berg" in t[m.start:m.end] else PRES_B) for m in ms[-2:]])
    assert ("recalled", "emphasis", BOTH) in [(c.trigger, c.kind, c.committers) for c in cs]


# ---- party leaders named by title (texts invented; real states so the actor lexicon resolves them) ----

def _full(text):
    from pipeline.extract.actors import find_actors
    from pipeline.extract.actors import state_actor
    doc = make_doc(text)
    ms = find_actors(doc)
    parties = [state_actor("NOR"), state_actor("CHL")]
    return [(c.trigger, c.kind, c.committers) for c in
            find_commitments(doc, split_sentences(text), parties, ms)], ms


def test_bare_title_resolves_to_the_leader_party():
    text = ("Today, the President of Chile, Tomas Ruizago, welcomed the Prime Minister of Norway, "
            "Anna Bergvik, to Santiago. The President and the Prime Minister agreed to expand trade. "
            "The President commended Norway's reforms, and encouraged further progress. "
            "Prime Minister Bergvik emphasized the role of fisheries.")
    rows_, ms = _full(text)
    assert ("welcomed", "consultation", ("NOR", "CHL")) in rows_
    assert ("agreed", "pledge", ("NOR", "CHL")) in rows_
    assert ("commended", "welcome", ("CHL",)) in rows_
    assert ("encouraged", "appeal", ("CHL",)) in rows_
    assert ("emphasized", "emphasis", ("NOR",)) in rows_
    persons = {m.entity.name: m.entity.country for m in ms if m.entity.actor_type == "person"}
    assert persons["Tomas Ruizago"] == "CHL" and persons["Anna Bergvik"] == "NOR"


def test_two_presidents_make_the_bare_title_ambiguous():
    from pipeline.extract.actors import find_actors, state_actor
    text = ("President Tomas Ruizago of Chile hosted President Anna Bergvik of Norway. "
            "The President noted the progress.")
    doc = make_doc(text)
    rows_ = [(c.trigger, c.kind, c.committers) for c in find_commitments(
        doc, split_sentences(text), [state_actor("NOR"), state_actor("CHL")], find_actors(doc))]
    assert ("hosted", "consultation", ("NOR", "CHL")) in rows_
    assert not any(t == "noted" for t, _, _ in rows_)


def test_leader_without_country_is_the_party_left_without_a_leader():
    text = ("President Tomas Ruizago hosted Taoiseach Anna Bergvik for a virtual meeting. "
            "The President and the Taoiseach paid tribute to the late poet.")
    from pipeline.extract.actors import find_actors, state_actor
    doc = make_doc(text)
    rows_ = [(c.trigger, c.kind, c.committers) for c in find_commitments(
        doc, split_sentences(text), [state_actor("USA"), state_actor("IRL")], find_actors(doc))]
    assert ("hosted", "consultation", ("USA", "IRL")) in rows_
    assert ("paid", "welcome", ("USA", "IRL")) in rows_


def test_hosted_needs_a_leader_or_a_meeting():
    assert rows("Norvia hosted the Selda trade fair.") == []
    assert rows("Norvia and Selda hosted a joint summit on fisheries.") == [("hosted", "consultation", BOTH)]


def test_grouping_expressed_commitment_regard_and_continue():
    assert rows("This unique grouping of countries aims to harness innovation.") == [("aims", "pledge", BOTH)]
    assert rows("The leaders expressed their commitment to the ongoing talks.") == [
        ("commitment", "pledge", BOTH)]
    assert rows("Both leaders regard climate action as a critical issue.") == [("regard", "emphasis", BOTH)]
    assert rows("We are proud to continue our work together.") == [("continue", "pledge", BOTH)]
    assert rows("Norvia pledged continued support for Selda.") == [("pledged", "pledge", ("NRV",))]


def test_lowercase_we_apposition_and_dash_parenthetical():
    assert rows("On July 4, we, the leaders of Norvia and Selda, convened for the first meeting.") == [
        ("convened", "consultation", BOTH)]
    assert rows("Norvia – home to the fisheries secretariat – will invest in ports.") == [
        ("will", "pledge", ("NRV",))]


def test_and_intend_to_is_a_verb_and_announce_that_will_is_a_pledge():
    assert rows("Our countries look forward to trading more and intend to work with industry.") == [
        ("look", "pledge", BOTH), ("intend", "pledge", BOTH)]
    assert rows("Today we are announcing that Norvia will host the next summit.")[0][:2] == ("announcing", "pledge")


def test_verb_opening_paragraph_takes_the_lead_in_subject():
    text = ("Norvia and Selda recognized the importance of open trade.\n\n"
            "Recognized the importance of job creation, and highlighted new investment.\n\n"
            "Signed at Oslo on May 1.")
    assert rows(text) == [("recognized", "emphasis", BOTH), ("Recognized", "emphasis", BOTH),
                          ("highlighted", "emphasis", BOTH)]


# ---- added triggers and subjects ---------------------------------------------

def test_remain_resolved_is_a_reaffirmation():
    assert rows("We remain resolved to protect the wetlands.") == [("resolved", "reaffirmation", BOTH)]


def test_united_in_determination_to_act_is_a_pledge():
    assert rows("We are united in our determination to rebuild the port.") == [("determination", "pledge", BOTH)]


def test_stand_in_solidarity_is_support():
    assert rows("We stand in solidarity with the flood victims.") == [("stand", "support", BOTH)]
    assert rows("We stand united and in solidarity with the farmers.") == [("stand", "support", BOTH)]


def test_share_a_commitment_is_a_pledge():
    assert rows("Norvia and Selda share a commitment to a clean river basin.") == [("share", "pledge", BOTH)]


def test_state_with_an_adverb_is_emphasis():
    assert rows("We state clearly that the canal must stay open.") == [("state", "emphasis", BOTH)]


def test_announce_support_and_announce_a_future_act():
    assert rows("We have announced support for the new rail line.") == [("announced", "support", BOTH)]
    got = rows("At the forum, we announced that the Norvian Export Credit Agency and the Seldan Development "
               "Bank of the Southern Provinces will each lend funds.")
    assert got[0][:2] == ("announced", "pledge")


def test_agreed_to_restart_is_an_establishment():
    assert rows("The leaders agreed to re-start the Fisheries Dialogue.") == [("agreed", "establishment", BOTH)]


def test_we_the_leaders_without_commas():
    got = rows("We the Leaders of Norvia and Selda remain resolved to support the miners.")
    assert got[0] == ("resolved", "reaffirmation", BOTH)


def test_clause_after_a_need_verb_is_not_the_parties_position():
    assert rows("The crisis demands that Norvia and Selda continue to cooperate.") == []


def test_he_after_a_party_leader_is_that_party():
    got = rows("President Berg praised the dam. He also reaffirmed that the treaty covers the islands.")
    assert ("reaffirmed", "reaffirmation", ("NRV",)) in got


def test_hosted_demonym_title_and_name_is_a_consultation():
    text = "President Berg hosted Seldan President Tomas Ruiz for a virtual meeting."
    ms = [Mention(text.index("President Berg"), text.index("President Berg") + 14, PRES_A),
          Mention(text.index("Seldan"), text.index("Seldan") + 6, SELDA),
          Mention(text.index("Tomas Ruiz"), text.index("Tomas Ruiz") + 10, PRES_B)]
    cs = find_commitments(make_doc(text), split_sentences(text), PARTIES, ms)
    assert [(c.trigger, c.kind, c.committers) for c in cs] == [("hosted", "consultation", BOTH)]


# ---- batch-5 rules (invented sentences) ----------------------------------------------------

def test_finalize_and_reach_agreement():
    assert rows("Norvia and Selda have finalized a Fisheries Framework.") == [("finalized", "establishment", BOTH)]
    assert rows("Norvia and Selda have reached agreement on maintaining a hotline.") == [("reached", "pledge", BOTH)]


def test_shared_recognition_and_understanding_are_emphasis():
    assert rows("We also shared the recognition that a safe internet is vital.") == [("recognition", "emphasis", BOTH)]
    assert rows("We already share an understanding and commitment to fair work.") == [
        ("understanding", "emphasis", BOTH)]


def test_our_administrations_speak_for_the_parties():
    assert rows("Our Administrations affirm our mutual commitment to fair work.") == [("affirm", "emphasis", BOTH)]


def test_coordinated_predicate_after_a_clause_without_trigger():
    assert rows("Norvia has made progress in building institutions and intends, with U.S. support, to continue "
                "to fight corruption.") == [("intends", "pledge", ("NRV",))]
    assert rows("In support of reform, the Norvian government has provided aid since 2014 and plans to allocate "
                "more.") == [("plans", "pledge", ("NRV",))]
    assert rows("Norvia does not and will never recognize the annexation of the island and reaffirms its full "
                "support for talks.") == [("will", "pledge", ("NRV",)), ("reaffirms", "reaffirmation", ("NRV",))]


def test_no_host_from_an_infinitive_series_or_an_embedded_clause():
    assert rows("Norvia and Selda are making investments to decarbonize industry and support good jobs.") == []
    assert rows("We hold a belief that cooperation between Norvia, Ozaria, and Selda is vital and will set "
                "the stage.") == [("hold", "emphasis", BOTH)]
