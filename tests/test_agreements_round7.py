"""Agreement rules from the misses of pool batches 11 and 12 (and 8, 10, 13) (round 7); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_network_pathway_pledge_panel_regime_coalition_heads():
    t = table("Both countries pledge to create a Network for Flood Prevention. They support the Global Soil Pledge "
              "and the Global Soil Pledge Farming Pathway, the Maritime Drone Capability Coalition and the Seed "
              "Technology Control Regime. Norland established a new Public-Private Sector Advisory Panel.")
    assert t["Network for Flood Prevention"] == ("mechanism", "planned", None), t
    assert t["Global Soil Pledge Farming Pathway"][0] == "framework", t
    assert t["Global Soil Pledge"][0] == "framework", t
    assert t["Maritime Drone Capability Coalition"][0] == "framework", t
    assert t["Seed Technology Control Regime"][0] == "framework", t
    assert t["Public-Private Sector Advisory Panel"] == ("mechanism", "established", None), t


def test_organisation_and_technology_networks_are_not_mechanisms():
    t = table("They funded the Riverside Hospital Network and deployed Open Radio Access Network technology.")
    assert not t, t


def test_ministerial_meeting_series_consensus_and_pillar_kinds():
    t = table("We commend the launch of the first trilateral Energy and Transport Ministerial Meeting and look "
              "forward to the next convening. We support the Lima Five Point Consensus and the Policy Pillar.")
    assert t["Energy and Transport Ministerial Meeting"][0] == "mechanism", t
    assert t["Lima Five Point Consensus"][0] == "agreement", t
    assert t["Policy Pillar"][0] == "mechanism", t


def test_a_pair_with_a_national_adjective():
    t = table("The ministers reiterated their commitment to the U.S.-Philippine Alliance.")
    assert t["U.S.-Philippine Alliance"] == ("framework", "referenced", None), t


def test_described_mechanisms_purpose_possessive_and_comma_adjectives():
    t = table("We intend to create a bilateral working group on fertilizer regulation to standardize protocols. "
              "The two sides commit to convening our bilateral space working group by 2026. They will create a "
              "new sustainable, catalytic water security financing mechanism. Norland will develop an "
              "implementation plan to eliminate open burning across farms and forests.")
    assert t["bilateral working group on fertilizer regulation"][0] == "mechanism", t
    assert "bilateral space working group" in t, t
    assert "sustainable, catalytic water security financing mechanism" in t, t
    assert "implementation plan to eliminate open burning" in t, t


def test_a_memorandum_pursued_or_renewed_named_by_its_purpose():
    t = table("We intend to pursue a Memorandum of Understanding to reduce river pollution and associated harms, "
              "with new plans. The two countries renewed and expanded the MOU to deepen cooperation on port "
              "development to cover new projects.")
    assert t["Memorandum of Understanding to reduce river pollution and associated harms"] == \
        ("agreement", "planned", None), t
    assert "MOU to deepen cooperation on port development" in t, t
