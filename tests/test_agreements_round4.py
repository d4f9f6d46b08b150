"""Agreement rules from the misses of blind batch 8 (issue 11, round 4); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_an_establishment_dated_in_the_past_is_referenced():
    t = table("In May 2021, the two ministries launched the Lakeland-Norland Water Working Group. "
              "The leaders established the Coastal Fisheries Committee in March 2019. "
              "Last year's summit created the Harbour Safety Dialogue.")
    assert t["Lakeland-Norland Water Working Group"][1] == "referenced", t
    assert t["Coastal Fisheries Committee"][1] == "referenced", t
    assert t["Harbour Safety Dialogue"][1] == "referenced", t


def test_an_establishment_now_stays_established():
    t = table("Today the ministers launched the Lakeland-Norland Water Working Group, building on the 2019 talks.")
    assert t["Lakeland-Norland Water Working Group"][1] == "established", t


def test_a_project_called_a_name_with_inner_connectors():
    t = table("The agency has launched a new development project called Upland Farming Employment and "
              "Sustainability (UFES) to mobilize investment.")
    assert t["Upland Farming Employment and Sustainability"][0] == "framework", t


def test_the_un_2030_agenda_in_lower_case():
    t = table("They will meet their commitments under the UN\u2019s 2030 agenda and green their ports.")
    assert t["2030 Agenda for Sustainable Development"][0] == "framework", t



def test_announcing_the_renewal_of_a_mechanism_establishes_it_again():
    t = table("Norland and Estaria are pleased to announce the renewal of the bilateral Norland-Estaria Energy "
              "Task Force for an additional year. They welcomed the extension of the Harbour Safety Dialogue.")
    assert t["Norland-Estaria Energy Task Force"][1] == "established", t
    assert t["Harbour Safety Dialogue"][1] == "referenced", t
