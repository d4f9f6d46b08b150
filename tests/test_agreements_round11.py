"""Agreement rules from the misses of pool batches 17-19 (round 11, with the same families in 11, 15, 16);
every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_an_opening_quote_does_not_hide_the_creation_cue():
    t = table("The Presidents welcome plans to launch a \u201cNorland-Sudia Bilateral Solar Partnership\u201d by the end of the year.")
    assert t["Norland-Sudia Bilateral Solar Partnership"][1] == "planned", t
    t = table("We are launching a new \u2018Coastal Energy Dialogue\u2019, led by the two energy ministries.")
    assert t["Coastal Energy Dialogue"][1] == "established", t


def test_a_reaction_governs_a_coordinated_establishment():
    t = table("Norland welcomed the Forum on Trade held on May 3 in Ostra, as well as the establishment of the "
              "\u201cOstra Process\u201d to promote fisheries.")
    assert t["Ostra Process"][1] == "referenced", t


def test_agreed_in_principle_on_establishes():
    t = table("The two sides announce that they have agreed in principle on a new Coastal Data Sharing Framework.")
    assert t["Coastal Data Sharing Framework"] == ("framework", "established", None), t


def test_a_signing_reported_after_the_name():
    t = table("The minister recalled the Harbor Bay Strategic Partnership Joint Declaration signed during the visit of the President.")
    assert t["Harbor Bay Strategic Partnership Joint Declaration"][1] == "signed", t
    t = table("The accord builds on the Norland-Sudia Bilateral Fisheries Agreement signed in 1998 that entered into force in 1999.")
    assert t["Norland-Sudia Bilateral Fisheries Agreement"][1] == "in_force", t


def test_a_lower_case_memorandum_subject_ends_before_signed():
    t = table("They praised the Memoranda of Understanding on fisheries assistance signed by successive governments.")
    assert t["Memoranda of Understanding on fisheries assistance"] == ("agreement", "signed", None), t


def test_the_agreement_a_framework_is_for_is_planned():
    t = table("Norland and Sudia have agreed on a Framework on an Agreement on Fair and Open Fisheries.")
    assert t["Framework on an Agreement on Fair and Open Fisheries"] == ("framework", "established", None), t
    assert t["Agreement on Fair and Open Fisheries"] == ("agreement", "planned", None), t
    t = table("This Framework for an Agreement on Reciprocal Fisheries Access seeks to drive growth.")
    assert t["Agreement on Reciprocal Fisheries Access"][1] == "planned", t


def test_a_for_tail_closed_by_a_cooperation_noun():
    t = table("Both ministers committed to conclude the Implementing Arrangement for Lunar Station cooperation.")
    assert "Implementing Arrangement for Lunar Station cooperation" in t, t
    t = table("The leaders welcomed efforts towards establishment of a Working Group for commercial fisheries "
              "collaboration under the existing Joint Ocean Working Group.")
    assert t["Working Group for commercial fisheries collaboration"] == ("mechanism", "planned", None), t
    assert not table("The Framework for cooperation is good."), "a bare head with a plain purpose is none"


def test_created_panels_and_codes_of_conduct():
    t = table("As a first step, the two countries will convene a binational panel of experts to share data on fisheries.")
    assert t["binational panel of experts"] == ("mechanism", "planned", None), t
    t = table("We commit to working to establish a voluntary, nonbinding written code of conduct around which states could pledge.")
    assert t["voluntary, nonbinding written code of conduct"] == ("agreement", "planned", None), t
    assert not table("They discussed the code of conduct of their officials."), "only a created code counts"


def test_a_council_created_here_is_a_mechanism():
    t = table("We will make progress through the establishment of a ministerial-level ABC Council that will meet annually.")
    assert t["ABC Council"] == ("mechanism", "planned", None), t
    assert not table("They met the ABC Council yesterday."), "an existing council is a body"


def test_plural_compacts():
    t = table("They welcomed progress on the Compacts of Free Trade between Norland and Sudia.")
    assert t["Compacts of Free Trade"] == ("agreement", "referenced", None), t


def test_a_forum_created_here_is_a_mechanism():
    t = table("They welcomed the meeting held in Ostra, forming the Ostra Forum on regional cooperation.")
    assert t["Ostra Forum"][0] == "mechanism", t
    assert not table("They met the Ostra Forum yesterday."), "an existing forum is a body"


def test_an_annex_to_an_agreement_names_the_agreement():
    t = table("Bodies can be designated in accordance with the Sectoral Annex for Marine Equipment to the Agreement on "
              "Mutual Recognition Between the European Community and Canada (1998) to carry out tasks.")
    assert set(t) == {"Agreement on Mutual Recognition Between the European Community and Canada"}, t


def test_work_towards_an_instrument_is_planned():
    t = table("They work towards an Administrative Arrangement for Norland, as decided at the summit.")
    assert t["Administrative Arrangement for Norland"][1] == "planned", t


def test_parties_name_a_memorandum_or_a_treaty():
    t = table("The leaders welcomed the signing of a Memorandum of Understanding (MoU) between Norland 5G Alliance and "
              "Next Wave Alliance, operated by a consortium.")
    assert t["Memorandum of Understanding between Norland 5G Alliance and Next Wave Alliance"] == ("agreement", "signed", None), t
    t = table("We welcome progress on the Treaty on Fisheries between the Governments of Certain Coastal States and the "
              "Government of Norland (\u201cCoastal Tuna Treaty\u201d).")
    assert list(t) == ["Treaty on Fisheries between the Governments of Certain Coastal States and the Government of Norland"], t
    t = table("They recalled the Treaty on Fisheries between the two countries.")
    assert list(t) == ["Treaty on Fisheries"], t


def test_a_council_created_by_others_or_named_with_the_is_no_mechanism():
    assert not table("We welcome the establishment of the Presidential Caretaker Council (PCC) as well as the appointment "
                     "of a prime minister."), "a government's own organ"


def test_a_relaunch_reacted_to_is_referenced_and_announced_is_established():
    t = table("The leaders also welcomed the re-launch of the Global Concerns Forum, which would meet later.")
    assert t["Global Concerns Forum"] == ("mechanism", "referenced", None), t
    t = table("We announce the re-launch of the Norland-Sudia Energy Dialogue.")
    assert t["Norland-Sudia Energy Dialogue"][1] == "established", t


def test_work_towards_a_name_used_as_a_modifier_is_referenced():
    t = table("Ten of us continue to work towards a mutually beneficial Trade Pillar outcome that advances rights.")
    assert t["Trade Pillar"][1] == "referenced", t


def test_committed_to_developing_an_instrument_is_planned():
    t = table("Norland and Sudia committed to developing a bilingual, binational public awareness prevention campaign in each country.")
    assert t["bilingual, binational public awareness prevention campaign"] == ("framework", "planned", None), t


def test_a_year_and_a_half_ago_dates_a_launch_in_the_past():
    t = table("A year and a half ago, we the leaders of Norland, Sudia, Ostra and Tarn launched the Coastal Economic "
              "Framework for Prosperity to advance resilience.")
    assert t["Coastal Economic Framework for Prosperity"][1] == "referenced", t
    t = table("Today, we the leaders of Norland, Sudia, Ostra and Tarn launched the Coastal Economic Framework for Prosperity.")
    assert t["Coastal Economic Framework for Prosperity"][1] == "established", t


def test_a_described_mechanism_and_its_name_in_apposition_are_one():
    t = table("To this end, we will launch a senior-level experts group, the Norland Global Vaccine Partnership Experts "
              "Group, to implement the partnership.")
    assert t == {"Norland Global Vaccine Partnership Experts Group": ("mechanism", "planned", None)}, t
