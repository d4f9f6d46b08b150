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


# round 5: status families from the misses of pool batches 9 and 10 (invented sentences)

def test_an_instrument_under_negotiation_is_planned():
    t = table("The ministers noted ongoing negotiations on a Fisheries Access Agreement and committed to an early "
              "conclusion. They signaled their intent to move forward with a Norland-Estaria Memorandum of "
              "Understanding on Port Safety. They looked forward to the finalization of a Seabed Mapping "
              "Memorandum of Understanding.")
    assert t["Fisheries Access Agreement"][1] == "planned", t
    assert t["Norland-Estaria Memorandum of Understanding on Port Safety"][1] == "planned", t
    assert t["Seabed Mapping Memorandum of Understanding"][1] == "planned", t


def test_reviving_a_mechanism_later_is_planned():
    t = table("The leaders looked forward to reviving the Lakeland Technology Cooperation Group in early 2027.")
    assert t["Lakeland Technology Cooperation Group"][1] == "planned", t


def test_an_earlier_act_used_as_a_time_mark_or_credited_is_referenced():
    t = table("They welcomed the progress made since the signing of the Harbour Accords. "
              "Norland's leadership in establishing the Coral Reef Initiative was integral to this effort.")
    assert t["Harbour Accords"][1] == "referenced", t
    assert t["Coral Reef Initiative"][1] == "referenced", t


def test_a_creation_at_a_dated_past_event_is_referenced():
    t = table("The three presidents established the Trilateral Water Committee, made up of senior officials "
              "of the three countries, during the Lakeland Leaders' Summit on March 4-5, 2022, to guide action.")
    assert t["Trilateral Water Committee"][1] == "referenced", t


def test_will_develop_a_plan_is_planned():
    t = table("Norland, in cooperation with Estaria, will develop an implementation plan to eliminate routine "
              "flaring of gas at offshore platforms.")
    assert t["implementation plan to eliminate routine flaring of gas"][1] == "planned", t


def test_described_mechanisms_keep_their_pair_subject_and_purpose():
    t = table("We pledged to establish a Norland-Estaria joint task force to disrupt the flow of weapons. "
              "The two countries reaffirmed their commitment to launch a bilateral working group on seasonal labor "
              "pathways and worker protections. They will also convene a working group to strengthen our joint "
              "response to river pollution, a problem for both countries.")
    assert t["Norland-Estaria joint task force"][1] == "planned", t
    assert t["bilateral working group on seasonal labor pathways and worker protections"][0] == "mechanism", t
    assert t["working group to strengthen our joint response to river pollution"][1] == "planned", t


def test_a_national_plan_is_no_instrument():
    t = table("Norland will develop a national action plan to reduce methane emissions.")
    assert not any("action plan" in k for k in t), t


def test_name_shapes_serial_comma_horizon_year_and_member_offices():
    t = table("Through the Lakeland Framework for Security, Public Health, and Safe Communities, we act. "
              "Under the Peru-Chile Clean Energy Agenda 2030 Partnership, the two will cooperate. "
              "They welcomed the 2+2 Ministerial Dialogue of the Foreign and Defense Ministers of Peru and Chile.")
    assert "Lakeland Framework for Security, Public Health, and Safe Communities" in t, t
    assert "Clean Energy Agenda 2030 Partnership" in t, t
    assert "2+2 Ministerial Dialogue" in t, t


def test_a_pairs_alliance_forum_and_guidelines():
    t = table("The Peru-Chile Alliance is the cornerstone of peace. They will convene the Peru-Chile Trade Policy "
              "Forum. In line with the Guidelines for Defense Cooperation, Chile acts. The International Solar "
              "Alliance met at the Lima Forum.")
    assert t["Peru-Chile Alliance"][0] == "framework", t
    assert "Trade Policy Forum" in t and "Guidelines for Defense Cooperation" in t, t
    assert not any("Solar" in k or "Lima" in k for k in t), t


def test_a_trilateral_partnership_of_a_named_chain():
    t = table("Both affirmed the importance of the Peru-Chile-Bolivia trilateral partnership in responding to threats, "
              "and of the Peru-Chile partnership.")
    assert t["Peru-Chile-Bolivia trilateral partnership"][0] == "framework", t
    assert "Peru-Chile partnership" not in t, t


def test_an_alliance_initiative_and_a_subject_that_is_a_clause():
    t = table("We welcome the European Ports Alliance initiative to fight drug trafficking. "
              "We will establish a high-level dialogue on how we implement our measures.")
    assert "European Ports Alliance initiative" in t, t
    assert "high-level dialogue" in t, t
