"""Agreement rules from the misses of blind batch 7 (issue 11, round 3); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.agreement_identity import drop_events
from pipeline.extract.agreements import statement_status
from tests.test_agreements import run, table


def test_a_name_never_starts_with_a_single_letter_fragment():
    # "X-U.S" (a typo without the final dot) and "X-U.S." are one word: no "S Comprehensive ..."
    t = table("They advance the Lakeland-U.S Comprehensive Strategic Partnership and the Mekong-U.S. Green Partnership.")
    assert not any(n.split()[0] in ("S", "S.", "U") for n in t), t
    assert "Lakeland-U.S Comprehensive Strategic Partnership" in t and "Mekong-U.S. Green Partnership" in t
    # round 6: a pair with a grouping keeps its name ("ASEAN-U.S. X" is another partnership than a bilateral X)
    assert "ASEAN-U.S Comprehensive Strategic Partnership" in table("Japan and the ASEAN-U.S Comprehensive Strategic Partnership.")


def test_signed_in_a_year_without_a_comma():
    t = table("They recalled the Norland-Estaria Agreement on Fisheries Cooperation signed in 1991, which remains valid.")
    assert t["Norland-Estaria Agreement on Fisheries Cooperation"][1] == "signed"


def test_a_horizon_year_after_a_framework_name_is_part_of_it():
    t = table("They support the Lakeside Community Vision 2035 and the Master Plan on Lakeside Connectivity 2030.")
    assert "Lakeside Community Vision 2035" in t and "Master Plan on Lakeside Connectivity 2030" in t


def test_plan_of_action_with_an_acronym_and_an_infinitive_tail():
    t = table("They recall the Plan of Action (POA) to Implement the Norland-Estaria Strategic Partnership, "
              "including the POA Annex for the Norland-Estaria Green Partnership.")
    assert t["Plan of Action to Implement the Norland-Estaria Strategic Partnership"][0] == "framework"
    assert "POA Annex for the Norland-Estaria Green Partnership" in t


def test_a_numbered_annex_or_an_annex_to_an_order_is_no_instrument():
    t = table("Goods listed in the Aligned Partners Annex to Executive Order 14346 and in Annex III are exempt.")
    assert t == {}, t


def test_vision_and_leaders_statements_named_with_their_tails():
    t = table("They recall the Joint Vision Statement of the Norland-U.S. Special Summit held in May and the "
              "Norland-U.S. Leaders' Statement on Ocean Cooperation, adopted in 2022.")
    assert t["Joint Vision Statement of the Norland-U.S. Special Summit"][0] == "declaration"
    assert t["Norland-U.S. Leaders' Statement on Ocean Cooperation"][0] == "declaration"


def test_a_resolution_named_by_its_document_symbol():
    t = table("They NOTE the United Nations General Assembly Resolution A/RES/71/312 which emphasises peace.")
    assert t == {"A/RES/71/312": ("resolution", "referenced", None)}, t


def test_a_compound_split_by_a_stray_space_stays_one_name():
    t = table("They back the Lakes Outlook on the Indo- Pacific (LOIP).")
    assert "Lakes Outlook on the Indo-Pacific" in t, t


def test_a_summit_shown_as_a_series_is_a_mechanism_and_hosting_its_next_session_is_planned():
    text = ("We will co-host the second Lakeside Summit for Growth in March. "
            "They visited the Harbour Summit on Trade. They committed to work toward holding another "
            "Trilateral Leaders' Summit. They will continue to hold the Ridge Summit annually.")
    doc, ms = run(text)
    kept = drop_events(ms, doc.text)
    st = statement_status(kept)
    names = {m.entity.name: st[m.entity.agreement_id] for m in kept}
    assert names.get("Lakeside Summit for Growth") == "planned", names
    assert names.get("Trilateral Leaders' Summit") == "planned", names
    assert names.get("Ridge Summit") == "referenced", names
    assert "Harbour Summit on Trade" not in names


def test_a_session_number_is_no_part_of_the_name_and_a_date_no_tail():
    t = table("They will hold the 2nd Norland-Estaria Cyber Dialogue in May and recalled the previous "
              "Norland-U.S. Summits and the 6th Norland-U.S. Summit on 15 November 2018.")
    assert "Norland-Estaria Cyber Dialogue" in t and not any("on 15" in n or n[:1].isdigit() for n in t), t


def test_an_ordinal_word_inside_a_name_stays():
    t = table("They recalled the Safe Third Country Agreement and the Third Country Training Program.")
    assert "Safe Third Country Agreement" in t and "Third Country Training Program" in t, t


def test_a_created_mechanism_named_by_its_purpose():
    t = table("The leaders pledged to establish a working group to advance river navigation in the Lakes Basin "
              "to help trade. They agreed to set up a task force on critical minerals supply.")
    assert t["working group to advance river navigation in the Lakes Basin"] == ("mechanism", "planned", None)
    assert t["task force on critical minerals supply"][1] == "established"
    assert table("They will launch a working group to the end.") == {}


def test_memorandum_of_cooperation_letter_of_intent_and_the_framework_a_memorandum_is_on():
    t = table("The ministers signed the Memorandum of Cooperation on the Trilateral Maritime Security Framework "
              "(TMSF) today and a Letter of Intent on space cooperation.")
    assert t["Memorandum of Cooperation on the Trilateral Maritime Security Framework"] == ("agreement", "signed", None)
    assert t["Trilateral Maritime Security Framework"][0] == "framework"
    assert t["Letter of Intent on space cooperation"][0] == "agreement"


def test_a_proper_name_before_a_lower_case_agreement_or_dialogue():
    t = table("They implement the Phase One trade agreement and the Harbour Nations dialogue.")
    assert t["Phase One trade agreement"][0] == "agreement" and t["Harbour Nations dialogue"][0] == "mechanism"
    assert table("They discussed the U.S. trade agreement and a bilateral agreement.") == {}


def test_an_acronym_with_its_own_tail_is_the_instrument_again():
    doc, ms = run("They recall the Plan of Action (POA) to Implement the Norland-Estaria Strategic Partnership. "
                  "They FULFILL the goals outlined in the POA to Implement the Norland-Estaria Strategic Partnership.")
    assert {m.entity.name for m in ms} == {"Plan of Action to Implement the Norland-Estaria Strategic Partnership"}
    assert [doc.text[m.start:m.end] for m in ms][-1] == "POA"
