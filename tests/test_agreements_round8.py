"""Agreement rules from the misses of pool batches 14 and 15 (round 8); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_armistice_accelerator_and_plural_partnerships_heads():
    t = table("We mark the anniversary of the Borland Valley Armistice. Both sides back the Access to Clean Water "
              "Accelerator (ACWA) and the Partnerships for Coastal Seed Banks (PCSB).")
    assert t["Borland Valley Armistice"][0] == "agreement", t
    assert t["Access to Clean Water Accelerator"][0] == "framework", t
    assert t["Partnerships for Coastal Seed Banks"][0] == "framework", t


def test_a_pair_alliance_in_lower_case_or_with_a_two_word_state():
    t = table("The ministers praised the ironclad Norway-Chile alliance. They reaffirmed the Chile-United States "
              "Alliance and the Peru-United States Alliance. Both sides deepen the Norway-Peru strategic partnership.")
    assert t["Norway-Chile alliance"] == ("framework", "referenced", None), t
    assert t["Chile-United States Alliance"][0] == "framework", t
    assert t["Peru-United States Alliance"][0] == "framework", t
    assert t["Norway-Peru strategic partnership"][0] == "framework", t


def test_a_pair_without_states_or_a_plain_partnership_is_none():
    t = table("The Hudson-Raritan alliance of ports met. The Norway-Chile partnership on fisheries grows.")
    assert not t, t


def test_a_format_word_and_the_head_name_the_earlier_mechanism():
    t = table("Norland and Estaria launched the Seed Bank and Fisheries Taskforce. The Joint Taskforce intends to "
              "meet monthly.")
    assert list(t) == ["Seed Bank and Fisheries Taskforce"], t


def test_statuses_from_embark_reach_conclude_and_developing():
    t = table("Norland and Estaria will embark together on a bilateral Coastal Resilience Dialogue next year. "
              "They have reached an Agreement on Seed Exchange. We resolved to conclude in a timely manner a "
              "multi-year Port Access Agreement. We instruct ministers to accelerate work toward developing the "
              "Clean Grid Policy Framework.")
    assert t["Coastal Resilience Dialogue"][1] == "planned", t
    assert t["Agreement on Seed Exchange"][1] == "established", t
    assert t["Port Access Agreement"][1] == "planned", t
    assert t["Clean Grid Policy Framework"][1] == "planned", t


def test_reaching_the_goals_of_a_framework_is_no_conclusion():
    t = table("We will work together to reach the Blue Ocean Initiative targets.")
    assert t["Blue Ocean Initiative"][1] != "established", t


def test_a_plural_partnerships_heading_is_a_topic():
    t = table("Health and Culture Partnerships\n\nNorland and Estaria will deepen ties in health and culture.")
    assert not t, t


def test_reaching_the_goals_of_an_agreement_is_no_conclusion():
    t = table("They recognize the need to reach the Lima Climate Agreement goals.")
    assert t["Lima Climate Agreement"][1] == "referenced", t
