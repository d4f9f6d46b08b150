"""Agreement rules from the misses of pool batches 24-25 (round 13, with the same families in 20-23);
every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_a_hyphenated_common_word_is_part_of_a_name():
    t = table("We will work through the Multi-agency Fishery Coordination Platform for Norland.")
    assert "Multi-agency Fishery Coordination Platform for Norland" in t, t
    t = table("They support the Ostra Agreement on E-commerce in the region.")
    assert "Ostra Agreement on E-commerce" in t, t
    t = table("We will develop the Partnership for Resilient and Open Supply-chain Growth (ROSG) to help.")
    assert "Partnership for Resilient and Open Supply-chain Growth" in t, t
    t = table("They welcome the U.S.-led Coastal Partnership.")
    assert "Coastal Partnership" in t, "a name before a participle is no common word"


def test_an_amount_is_no_part_of_a_name():
    t = table("They welcomed the proposed Norland Emergency Support Programme for Sudia of EUR 330 million.")
    assert "Norland Emergency Support Programme for Sudia" in t, t


def test_an_inner_acronym_with_a_digit():
    t = table("They support the Ostra Trade Arrangement (OTA) and Expanded Fishing Engagement (E5) Work Plan, including more.")
    assert "Expanded Fishing Engagement Work Plan" in t, t


def test_new_heads_of_programmes():
    t = table("We welcome the approval of the Norland Facility of EUR 50 billion and the Ostra Digital Masterplan 2030.")
    assert t["Norland Facility"][0] == "framework", t
    assert "Ostra Digital Masterplan 2030" in t, t
    t = table("We support the Sudia Peace Formula, the Quad Fellowship and the Coastal Solidarity Lanes.")
    assert {"Sudia Peace Formula", "Quad Fellowship", "Coastal Solidarity Lanes"} <= set(t), t
    t = table("They implement the Fish Verification Scheme, the Ostra Proposals and the Ocean Club.")
    assert t["Ostra Proposals"][0] == "declaration", t
    assert {"Fish Verification Scheme", "Ocean Club"} <= set(t), t


def test_created_lower_case_mechanisms():
    t = table("Norland and Sudia will establish a joint Task Force to address fisheries.")
    assert t["joint Task Force"] == ("mechanism", "planned", None), t
    t = table("They coordinate aid through a newly-established high-level dialogue and a liaison.")
    assert t["high-level dialogue"][0] == "mechanism", t
    t = table("They will deepen cooperation, including through the creation of a \u201cnew fisheries dialogue\u201d to promote trade.")
    assert "new fisheries dialogue" in t, t
    assert not table("They recalled the work of a Task Force."), "a capitalised head needs a lower-case description"


def test_a_dated_arbitral_ruling_in_lower_case():
    t = table("The leaders note the ruling of the 2016 arbitral tribunal, constituted under the convention.")
    assert t["ruling of the 2016 arbitral tribunal"] == ("ruling", "referenced", 2016), t
    t = table("The July 2016 award in the Ostra Sea arbitration sets out the law.")
    assert t["July 2016 award in the Ostra Sea arbitration"][0] == "ruling", t
    assert not table("They discussed arbitration rules."), t


def test_facilities_of_funds_owners_and_sites():
    t = table("We welcome Norland's progress towards meeting the IMF Extended Fund Facility programme\u2019s conditionality.")
    assert "IMF Extended Fund Facility" in t, "the facility of a fund is an instrument"
    t = table("It was supported through the Connecting Norland Facility of the European Commission.")
    assert "Connecting Norland Facility" in t, "the owning body is no part of the name"
    assert not table("They confirmed the construction of the Ostra Replacement Facility at Ostra and the Field "
                     "Practice Facility at Kuma."), "a facility built at a place is a site"


def test_a_created_capitalised_head_with_a_tail_is_named():
    t = table("Norland and Sudia will immediately establish a joint Task Force on Fishery Security to set out the parameters.")
    assert list(t) == ["Task Force on Fishery Security"], t


def test_a_particle_compound_opens_no_name():
    t = table("They held the Ostra Cyber Group 3rd In-person Meeting of Principles in Ostra.")
    assert not any(k.startswith("In-person") for k in t), t


def test_a_facility_described_as_a_site():
    assert not table("They support the Deep Ostra Neutrino Facility \u2014 the first and largest research facility in Norland."), \
        "a facility described as a research facility is a place"
    assert "Norland Facility" in table("They welcome the Norland Facility, which will provide financing."), "a financing facility"


def test_an_instrument_the_parties_negotiate():
    t = table("The leaders tasked their teams with the negotiation of a broader strategic framework agreement between "
              "Canada and Chile.")
    assert t["strategic framework agreement"] == ("agreement", "planned", None), t
    t = table("We intend to immediately begin negotiations on a targeted critical minerals agreement for the purpose of trade.")
    assert "critical minerals agreement" in t, t
    t = table("Norland and Sudia will commit to negotiate a mutual recognition agreement on cybersecurity.")
    assert t["mutual recognition agreement on cybersecurity"][1] == "planned", t
    t = table("The leaders hail progress in negotiating a Norland-Sudia civil nuclear cooperation agreement.")
    assert "Norland-Sudia civil nuclear cooperation agreement" in t, t
    assert not table("They will negotiate a new agreement."), "a bare head names nothing"
    t = table("They welcomed the commencement of negotiations for a commercial agreement between Ostra Aerospace and "
              "Norland Aeronautics Limited to manufacture engines.")
    assert "commercial agreement between Ostra Aerospace and Norland Aeronautics Limited" in t, t
    t = table("They began the negotiation of a broader strategic framework agreement between Canada and Chile.")
    assert "strategic framework agreement" in t, "the parties of the statement do not name it"
