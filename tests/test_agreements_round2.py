"""Agreement rules from the misses of blind batch 6 (issue 11, round 2); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.agreements import statement_status
from tests.test_agreements import run, table


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


def test_memorandum_with_a_long_lower_case_subject():
    t = table("We welcome the May 3 signing of a bilateral Memorandum of Understanding concerning cooperation on "
              "forest sector management and governance, as well as the talks.")
    assert t == {"Memorandum of Understanding concerning cooperation on forest sector management and governance":
                 ("agreement", "signed", None)}
    assert table("They signed a Memorandum of Understanding on the protection of forests.") == {}


def test_lower_case_memorandum_entered_into_for_a_state():
    _doc, ms = run("President Alvarez announced the intention of Chile to enter into a new memorandum of "
                  "understanding (MOU) for assistance for Peru, in which Chile plans to help. The MOU is important.")
    names = {m.entity.name for m in ms}
    assert names == {"memorandum of understanding for assistance for Peru"}
    assert len(ms) == 2  # "The MOU" is the same memorandum
    assert statement_status(ms)[ms[0].entity.agreement_id] == "planned"


def test_proper_name_before_a_lower_case_class_noun():
    t = table("Norland presented the priorities of Norland’s Blue Harvest policy and Norland’s\nSecond Bridge policy. "
              "We celebrate the strategic Second Bridge partnership and the President’s “Ten Million Mangroves” "
              "initiative, growing our longstanding Heyerdahl binational partnership, and welcomed NORAID’s Media "
              "and Civic Voices Strengthening program.")
    for name in ("Blue Harvest policy", "Second Bridge policy", "Second Bridge partnership",
                 "Ten Million Mangroves initiative", "Heyerdahl binational partnership",
                 "Media and Civic Voices Strengthening program"):
        assert t[name][0] == "framework", (name, t)


def test_no_class_noun_name_from_states_groupings_regions_or_longer_names():
    assert table("They discussed the U.S. policy, the Quad partnership, the EU initiative, the ASEAN program, "
                 "the American program, the Indo-Pacific partnership and the AIM for Climate initiative.") == {}
    assert table("They praised the Quad Vaccine Partnership initiative.") == {
        "Quad Vaccine Partnership": ("framework", "referenced", None)}
    assert table("Fulbright program grants were raised.") == {}
    assert table("They welcome the conclusion of the United States’ DPRK policy review. It guides Alliance policy "
                 "and the alliance. They fund an AI partnership, the U.S.-Italian partnership and the wider Eastern "
                 "partnership region.") == {}


def test_plan_named_by_its_horizon_year():
    t = table("Norland’s Vision-2040 long-term development policy and Agenda 2063 guide the work.")
    assert t["Vision-2040"][0] == "framework" and t["Agenda 2063"][0] == "framework"


def test_talks_named_by_a_chain_of_states():
    t = table("They reviewed the U.S.-Chile-Republic of Korea (ROK) trilateral talks in 2023 and the "
              "continuation of Chile-Peru bilateral dialogue.")
    assert t["U.S.-Chile-Republic of Korea trilateral talks"][0] == "mechanism"
    assert t["Chile-Peru bilateral dialogue"][0] == "mechanism"
    assert table("They held Alpha-Beta trilateral talks.") == {}  # not states


def test_title_case_heading_topic_is_no_instrument():
    text = ("Both sides deepened ties.\n\nPromoting Shared Principles\n\nThey promote shared principles and "
            "institutions.\n\nThe Harbour Principles\n\nThey adopted the Harbour Principles.")
    t = table(text)
    assert "Shared Principles" not in t and "Harbour Principles" in t


def test_a_name_of_several_words_after_an_indefinite_article_and_an_acronym_name():
    t = table("We also announce a Clean Harbour Supply Chains initiative, and fund the $5 million CABLES program "
              "for undersea cables.")
    assert t["Clean Harbour Supply Chains initiative"][0] == "framework"
    assert t["CABLES program"][0] == "framework"

