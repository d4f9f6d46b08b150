"""Agreement rules from the misses of blind pool batch 13 (round 6); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_two_instruments_with_the_same_head_stay_apart():
    t = table("The parties intend to conclude an Agreement on Fair Fisheries Trade. They reaffirm their commitments "
              "under the plurilateral Agreement on Port Procurement and their other obligations.")
    assert "Agreement on Fair Fisheries Trade" in t and "Agreement on Port Procurement" in t, t


def test_a_second_head_with_its_own_tail_ends_the_first_name():
    t = table("The newly-established Canada-U.S. Forum on Clean Water Transformation and Taskforce on Rare Earths "
              "will deepen cooperation.")
    assert t["Canada-U.S. Forum on Clean Water Transformation"] == ("mechanism", "established", None), t
    assert t["Taskforce on Rare Earths"] == ("mechanism", "established", None), t


def test_an_instrument_named_by_its_date():
    t = table("Recognizing the Treaty of 12 April 1931 between Norland and Estaria, and the Agreement of "
              "May 5, 2010, the parties intend to act.")
    assert t["Treaty of 12 April 1931"][0] == "treaty", t
    assert t["Agreement of May 5, 2010"][0] == "agreement", t


def test_a_code_of_conduct_still_to_be_concluded():
    t = table("They supported efforts to conclude an effective Code of Conduct in the Coral Sea.")
    assert t["Code of Conduct"] == ("agreement", "planned", None), t


def test_a_pair_written_with_a_spaced_dash():
    t = table("They held the annual Vietnam \u2013 U.S. Fisheries Dialogue. Both sides welcomed the "
              "Mekong \u2013 U.S. Water Partnership.")
    assert t["Fisheries Dialogue"][0] == "mechanism", t
    assert t["Mekong \u2013 U.S. Water Partnership"][0] == "framework", t


def test_a_grouping_pair_names_another_partnership():
    t = table("The leaders elevated relations to a Comprehensive Strategic Partnership. They welcomed the "
              "ASEAN-U.S. Comprehensive Strategic Partnership.")
    assert "Comprehensive Strategic Partnership" in t and "ASEAN-U.S. Comprehensive Strategic Partnership" in t, t


def test_described_mechanisms_and_campaigns_created_now_or_later():
    t = table("The leaders are pleased to launch a dialogue among the three governments on food security. "
              "Norland and Estaria will also begin a new binational road safety campaign to reduce speeding. "
              "The two sides announced the launch of battery workforce development initiatives, supported by grants.")
    assert t["dialogue among the three governments on food security"] == ("mechanism", "established", None), t
    assert t["binational road safety campaign"] == ("framework", "planned", None), t
    assert t["battery workforce development initiatives"] == ("framework", "established", None), t


def test_a_signed_statement_of_intent_and_described_memoranda():
    t = table("Today we have signed a statement of intent to advance our water cooperation. Norland will share "
              "data through a forthcoming memorandum of understanding between our weather agencies. This work is "
              "enhanced through a new arrangement to advance Arctic seabed mapping between the two surveys. "
              "They discussed a new arrangement on trade.")
    assert t["statement of intent"] == ("agreement", "signed", None), t
    assert t["memorandum of understanding between our weather agencies"] == ("agreement", "planned", None), t
    assert t["arrangement to advance Arctic seabed mapping"][0] == "agreement", t
    assert not any("on trade" in k for k in t), t


def test_elevating_relations_to_a_partnership_establishes_it():
    t = table("The leaders elevated their nations\u2019 relationship to a Comprehensive Strategic Partnership for peace.")
    assert t["Comprehensive Strategic Partnership"][1] == "established", t


def test_a_framework_formed_since_an_earlier_date_is_referenced():
    t = table("In the ten years since President A and President B formed the Canada-Japan Comprehensive "
              "Partnership, the two countries grew closer.")
    assert t["Comprehensive Partnership"][1] == "referenced", t


def test_an_upcoming_session_of_a_mechanism_is_not_planned():
    t = table("They noted that the upcoming Canada-Japan Fisheries Joint Working Group will strengthen ties.")
    assert t["Fisheries Joint Working Group"][1] == "referenced", t


def test_a_decision_of_a_committee_is_named_by_its_tail():
    t = table("They intend to apply the Decision of the Fisheries Committee on Principles for Catch Limits to it.")
    assert t["Decision of the Fisheries Committee on Principles for Catch Limits"][0] == "resolution", t


def test_a_named_river_delta_is_a_region():
    from pipeline.extract.regions import find_regions
    from pipeline.extract.nlp import make_doc
    names = [m.entity.name for m in find_regions(make_doc(
        "They will help farmers in Norland\u2019s Tana Delta region and in the Blue River Delta."))]
    assert "Tana Delta" in names and "Blue River Delta" in names, names


def test_review_mends_sessions_dates_past_elevation_and_process_dialogues():
    t = table("In support of outcomes at the Convention on Biological Diversity COP-15 in Kunming this year, we act. "
              "One year ago, Norland and Estaria elevated bilateral relations to a Comprehensive Strategic "
              "Partnership. They recalled the Harbour Agreement of October 2023. They called for the establishment "
              "of constructive dialogue in Norland.")
    assert "Convention on Biological Diversity" in t, t
    assert t["Comprehensive Strategic Partnership"][1] == "referenced", t
    assert "Harbour Agreement" in t, t
    assert not any("dialogue" in k for k in t), t


def test_a_shortened_list_name_is_the_long_one():
    t = table("The two sides reached a Framework for an Agreement on Reciprocal, Fair and Balanced Fisheries. "
              "The benefits of the Agreement on Reciprocal Fisheries accrue to both.")
    assert "Agreement on Reciprocal Fisheries" not in t, t
