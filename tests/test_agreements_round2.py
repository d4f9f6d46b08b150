"""Agreement rules from the misses of blind batch 6 (issue 11, round 2); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_numbered_un_resolutions_one_per_number():
    t = table("Recalling United Nations General Assembly resolutions ES-11/7 and ES-11/9, the ministers spoke. "
              "They also recalled Security Council resolutions 2231, 2397 and 1718 and General Assembly "
              "Resolution 79/12.")
    for name in ("UN General Assembly Resolution ES-11/7", "UN General Assembly Resolution ES-11/9",
                 "UN Security Council Resolution 2231", "UN Security Council Resolution 2397",
                 "UN Security Council Resolution 1718", "UN General Assembly Resolution 79/12"):
        assert t[name][0] == "resolution", (name, t)
    assert not any("and" in n for n in t)


def test_completed_negotiations_leave_the_instrument_planned():
    t = table("The ministers welcomed the completion of negotiations on the bilateral Lunar Framework Agreement, "
              "which will guide cooperation.")
    assert t["Lunar Framework Agreement"][1] == "planned"


def test_right_cue_after_a_defined_acronym():
    t = table("They recalled the Andean-Pacific Free Trade Agreement (APFTA), which entered into force in 2009.")
    assert t["Andean-Pacific Free Trade Agreement"][1] == "in_force"


def test_intention_to_enter_into_is_planned():
    t = table("Minister Ruiz announced the intention of Norland to enter into a new Fisheries Arrangement with Estaria.")
    assert t["Fisheries Arrangement"][1] == "planned"


def test_framework_for_an_agreement_names_both_and_a_defined_term_binds_the_head():
    t = table("Norland and Estaria have agreed to a Framework for an Agreement on Reciprocal Fisheries (Agreement) "
              "that builds on the Coastal Trade Agreement. Norland will also implement the Ocean Agreement on Fish "
              "Stocks. In the coming weeks, both will work to finalize the Agreement.")
    assert t["Framework for an Agreement on Reciprocal Fisheries"][:2] == ("framework", "established")
    assert t["Agreement on Reciprocal Fisheries"][:2] == ("agreement", "planned")
    assert t["Ocean Agreement on Fish Stocks"][1] == "referenced"


def test_framework_for_a_better_future_is_not_nested():
    t = table("They adopted the Framework for a Better Future.")
    assert "Better Future" not in " ".join(t)


def test_process_is_a_mechanism_and_a_compact_an_agreement():
    t = table("They cooperate through the Lagoon Process and the Millennium Rivers Water Compact.")
    assert t["Lagoon Process"][0] == "mechanism"
    assert t["Millennium Rivers Water Compact"][0] == "agreement"
