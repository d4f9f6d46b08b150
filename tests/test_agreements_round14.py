"""Agreement rules from the misses of pool batches 26-27 (round 14, with the same families in 20-25);
every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_bodies_before_an_instrument_with_a_subject_sign_it():
    t = table("They cooperate through the Norland Ministry of Fisheries-Ostra Maritime Safety Agency "
              "Memorandum of Understanding on Coastal Cooperation and other channels.")
    assert t.get("Memorandum of Understanding on Coastal Cooperation", (None,))[0] == "agreement", t
    assert table("They met at the Ostra Development Bank Council.") == {}
    assert table("They praised the Ostra Trade Agency Agreement.") == {}, "no subject: the body's own name"


def test_an_announced_lower_case_memorandum_is_made_now():
    t = table("Norland and Ostra also announce a memorandum of understanding on coastal fisheries and port "
              "management that will advance cooperation.")
    assert t["memorandum of understanding on coastal fisheries and port management"] == ("agreement", "established", None), t
    assert table("Norland announced an agreement on the matter.") == {}, "a deal announced may be of others"
    t = table("We announce a new Coastal Fisheries Initiative.")
    assert t["Coastal Fisheries Initiative"][1] == "established", t


def test_a_lower_case_memorandum_named_by_its_parties():
    t = table("The leaders look forward to a planned five-year renewal of the memorandum of understanding between "
              "the Norland Ministry of Fisheries and Human Services and Ostra's Ministry of Health.")
    name = "memorandum of understanding between the Norland Ministry of Fisheries and Human Services and Ostra's Ministry of Health"
    assert t[name] == ("agreement", "planned", None), t
    assert table("They use the memorandum of understanding between Norland and the agencies of the region.") == {}
    t = table("They look forward to the renewal of the memorandum of understanding between\nthe N.R. Department of "
              "Fish and Ostra\u2019s Ministry of Health.")
    assert "memorandum of understanding between the N.R. Department of Fish and Ostra\u2019s Ministry of Health" in t, t


def test_a_renewal_still_to_come_is_planned():
    assert table("The leaders look forward to the renewal of the Coastal Fisheries Agreement.")[
        "Coastal Fisheries Agreement"][1] == "planned"
    assert table("We are pleased to announce the renewal of the Coastal Fisheries Agreement.")[
        "Coastal Fisheries Agreement"][1] == "established"
    assert table("The leaders welcomed the renewal of the Coastal Fisheries Agreement.")[
        "Coastal Fisheries Agreement"][1] == "referenced"


def test_an_initiated_dialogue_on_a_sector():
    t = table("Norland and Ostra will also initiate a dialogue on scaling ocean finance and investment in the "
              "fisheries and port sectors to support growth.")
    assert t["dialogue on scaling ocean finance and investment in the fisheries and port sectors"] == (
        "mechanism", "planned", None), t
    t = table("They initiated a working group to advance coastal mapping.")
    assert t["working group to advance coastal mapping"][1] == "established", t
    assert table("They will initiate a review of the fisheries rules.") == {}


def test_a_signed_lower_case_agreement_described_by_what_it_covers():
    t = table("The Norland Fisheries Agency and Ostra's Ministry of Fisheries signed a new joint fisheries and ocean "
              "partnership agreement aimed at protecting species.")
    assert t["joint fisheries and ocean partnership agreement"] == ("agreement", "signed", None), t
    assert table("They signed a new bilateral agreement yesterday.") == {}
    assert table("We signed a historic peace agreement.") == {}, "one describing word is not specific"
