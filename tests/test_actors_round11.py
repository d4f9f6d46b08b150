"""Actor and region rules of round 11 (misses of pool batches 17-19, with 12 and 15); every sentence is
invented."""
from __future__ import annotations

from pipeline.extract.nlp import make_doc
from pipeline.extract.regions import find_regions
from tests.test_actors import typed


def regions(text: str, parties: frozenset[str] = frozenset()) -> dict[str, str]:
    return {text[m.start:m.end]: m.entity.name for m in find_regions(make_doc(text), parties)}


def test_two_bodies_joined_by_and_stay_two():
    t = typed("Officials of the White House and State Department met. A deal between KT Aerospace and Korvel "
              "Aeronautical Limited was signed, and Lakeview University-Marsh and ORT Kanpur Advanced Research "
              "Center will cooperate.")
    assert t["White House"][1] == "organization", t
    assert t["State Department"][1] == "organization", t
    assert t["KT Aerospace"] == ("KT Aerospace", "organization"), t
    assert t["Korvel Aeronautical Limited"][1] == "organization", t
    assert t["Lakeview University-Marsh"][1] == "organization", t
    assert t["ORT Kanpur Advanced Research Center"][1] == "organization", t
    assert not any(" and " in k for k in t), t


def test_and_inside_one_body_name_is_kept():
    t = typed("The National Oceanic and Atmospheric Administration and the Trade and Development Agency met "
              "the NATO Science and Technology Organization.")
    assert "National Oceanic and Atmospheric Administration" in t, t
    assert "Trade and Development Agency" in t, t
    assert "NATO Science and Technology Organization" in t, t


def test_companies_without_a_dot_and_consortia_are_bodies():
    t = typed("The contract went to Tarn Pty Ltd, a member of the Coastal Quantum Consortium.")
    assert t["Tarn Pty Ltd"] == ("Tarn Pty Ltd", "organization"), t
    assert t["Coastal Quantum Consortium"] == ("Coastal Quantum Consortium", "organization"), t
    assert not typed("The Consortium will meet.")


def test_plural_title_before_two_names():
    t = typed("The delegation included National Security Council Senior Directors Juan Ortiz and Lena Bask.")
    assert t["Juan Ortiz"] == ("Juan Ortiz", "person"), t
    assert t["Lena Bask"] == ("Lena Bask", "person"), t
    assert not any("Directors" in k for k in t), t


def test_an_acronym_ends_a_titles_tail():
    t = typed("The delegation included Deputy Assistant Secretary of INL Mara Quill.")
    assert t["Mara Quill"] == ("Mara Quill", "person"), t
    assert not any("INL" in k for k in t if t[k][1] == "person"), t


def test_short_name_of_bosnia():
    t = typed("The ministers discussed Bosnia.")
    assert t["Bosnia"] == ("Bosnia and Herzegovina", "state"), t
    assert regions("Peacekeepers served in the Sahel and in Bosnia.")["Bosnia"] == "Bosnia and Herzegovina"


def test_a_meeting_on_a_country_speaks_of_the_place():
    r = regions("They welcomed the Rome conference on Libya and talks on Norway.")
    assert r.get("Libya") == "Libya" and r.get("Norway") == "Norway", r
    assert "Libya" not in regions("They welcomed the Libya conference.")


def test_a_named_region_before_the_noun_region():
    r = regions("We support resilience in Moldova and the wider Amber partnership region.")
    assert r["Amber partnership region"] == "Amber partnership region", r
    r = regions("Trade in the ASEAN region, the Sahel region, the Eastern region and the whole region grew.")
    assert r == {"Sahel region": "Sahel"}, r


def test_slash_joined_names_before_a_body_are_its_name():
    t = typed("They established the Norland/South Norland/ABC Cancer Consortium in 1999.")
    assert t["Norland/South Norland/ABC Cancer Consortium"][1] == "organization", t
    t = typed("They welcomed the G20/Organisation for Economic Co-operation and Development report.")
    assert not any("/" in k for k in t), t
