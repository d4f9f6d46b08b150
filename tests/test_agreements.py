"""Agreements extractor: head nouns, prefixes, years, acronyms, coreference, statuses, grounding."""
from __future__ import annotations

import pytest

from pipeline.extract.agreements import find_agreements, statement_status
from pipeline.extract.nlp import make_doc


def run(text: str):
    doc = make_doc(text)
    ms = find_agreements(doc)
    for m in ms:
        assert doc.text[m.start:m.end] and m.start < m.end  # grounding
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))
    return doc, ms


def table(text: str) -> dict[str, tuple[str, str, int | None]]:
    """name -> (kind, statement status, year)."""
    _, ms = run(text)
    st = statement_status(ms)
    return {m.entity.name: (m.entity.kind, st[m.entity.agreement_id], m.entity.year) for m in ms}


@pytest.mark.parametrize("sentence,name,kind", [
    ("They recalled the Open Skies Agreement.", "Open Skies Agreement", "agreement"),
    ("They recalled the Lusaka Accord.", "Lusaka Accord", "agreement"),
    ("They recalled the Reciprocal Access Arrangement.", "Reciprocal Access Arrangement", "agreement"),
    ("They recalled the Fisheries Memorandum of Understanding.", "Fisheries Memorandum of Understanding", "agreement"),
    ("They recalled the Extradition Treaty.", "Extradition Treaty", "treaty"),
    ("They recalled the Aarhus Convention.", "Aarhus Convention", "treaty"),
    ("They recalled the Nagoya Protocol.", "Nagoya Protocol", "treaty"),
    ("They recalled the Hanseatic Charter.", "Hanseatic Charter", "treaty"),
    ("They recalled the Fisheries Arbitration Award.", "Fisheries Arbitration Award", "ruling"),
    ("They recalled the Lima Declaration.", "Lima Declaration", "declaration"),
    ("They recalled the Oslo Joint Statement.", "Oslo Joint Statement", "declaration"),
    ("They recalled the Green Growth Partnership.", "Green Growth Partnership", "framework"),
    ("They recalled the Digital Trade Roadmap.", "Digital Trade Roadmap", "framework"),
    ("They recalled the Ocean Action Plan.", "Ocean Action Plan", "framework"),
    ("They recalled the Blue Economy Strategy.", "Blue Economy Strategy", "framework"),
    ("They recalled the Clean Seas Initiative.", "Clean Seas Initiative", "framework"),
    ("They recalled the Space Cooperation Framework.", "Space Cooperation Framework", "framework"),
    ("They recalled the Maritime Policy Dialogue.", "Maritime Policy Dialogue", "mechanism"),
    ("They recalled the Joint Economic Commission.", "Joint Economic Commission", "mechanism"),
    ("They recalled the Border Liaison Committee.", "Border Liaison Committee", "mechanism"),
    ("They recalled the Critical Minerals Working Group.", "Critical Minerals Working Group", "mechanism"),
    ("They recalled the Wildfire Task Force.", "Wildfire Task Force", "mechanism"),
])
def test_head_nouns(sentence, name, kind):
    got = table(sentence)
    assert name in got, got
    assert got[name][0] == kind


def test_lower_case_prefix_is_not_part_of_the_name():
    assert set(table("They welcomed progress on the maritime Search and Rescue Agreement.")) == {
        "Search and Rescue Agreement"}


def test_country_pair_prefix_dropped_when_rest_is_specific():
    got = table("They built on the Peru-Chile Fisheries Action Plan and the Peru-Chile Action Plan.")
    assert set(got) == {"Fisheries Action Plan", "Peru-Chile Action Plan"}


def test_year_before_the_name_and_after_it():
    got = table("They recalled the 2019 Lisbon Fisheries Award and the Shared Peru-Chile priorities announced in 2018.")
    assert got["Lisbon Fisheries Award"] == ("ruling", "referenced", 2019)
    assert got["Shared Peru-Chile priorities"] == ("framework", "referenced", 2018)


def test_capitalised_tail_is_part_of_the_name():
    got = table("They upheld the Convention on Migratory Species and the Framework for Health, Safety and Trade.")
    assert set(got) == {"Convention on Migratory Species", "Framework for Health, Safety and Trade"}


def test_acronym_in_parentheses_corefers():
    doc, ms = run("They upheld the Convention on Regional Fisheries (CRF). The CRF remains vital.")
    assert len({m.entity.agreement_id for m in ms}) == 1
    assert [doc.text[m.start:m.end] for m in ms][-2:] == ["CRF", "CRF"]


def test_short_form_coreference():
    doc, ms = run("We establish the Peru-Chile Digital Roadmap. Officials will report under the Roadmap.")
    assert len({m.entity.agreement_id for m in ms}) == 1
    assert len(ms) == 2
    assert statement_status(ms) == {ms[0].entity.agreement_id: "established"}


def test_suffix_coreference():
    _, ms = run("They signed the Peru-Chile Interim Agreement. The Interim Agreement covers tariffs.")
    assert len({m.entity.agreement_id for m in ms}) == 1


def test_well_known_instrument_by_acronym():
    got = table("Both sides stressed the NPT and the Paris Agreement.")
    assert got["Treaty on the Non-Proliferation of Nuclear Weapons"][0] == "treaty"
    assert "Paris Agreement" in got


def test_organisations_are_not_agreements():
    assert table("They met the Peru-Chile Business Council and the National Security Council.") == {}
    assert table("The Peru-Chile Chambers Council hosted them.") == {}


@pytest.mark.parametrize("text,status", [
    ("We instruct our officials to establish a bilateral Ocean Policy Dialogue.", "planned"),
    ("The ministers will launch the Ocean Policy Dialogue next year.", "planned"),
    ("We look forward to signing the Ocean Policy Agreement.", "planned"),
    ("We announce the establishment of the Ocean Policy Dialogue.", "established"),
    ("We establish the Ocean Policy Dialogue.", "established"),
    ("The leaders decided to establish the Ocean Policy Dialogue.", "established"),
    ("They launched the Ocean Policy Dialogue.", "established"),
    ("Today, with the formation of the Ocean Policy Dialogue, we move forward.", "established"),
    ("We welcome the signing of the Ocean Policy Agreement.", "signed"),
    ("We welcome the entry into force of the Ocean Policy Agreement.", "in_force"),
    ("We reaffirm the Ocean Policy Agreement.", "referenced"),
])
def test_status(text, status):
    got = table(text)
    assert len(got) == 1, got
    assert next(iter(got.values()))[1] == status


def test_statement_status_keeps_the_strongest():
    got = table("We welcome the entry into force of the Ocean Policy Agreement. "
                "We will build upon the Ocean Policy Agreement.")
    assert got["Ocean Policy Agreement"][1] == "in_force"


def test_each_mention_has_its_own_status():
    _, ms = run("We welcome the entry into force of the Ocean Policy Agreement. "
                "We will build upon the Ocean Policy Agreement.")
    assert [m.status for m in ms] == ["in_force", "referenced"]


def test_described_mechanism_in_lower_case():
    got = table("We will establish a fisheries expert working group and will launch a "
                "critical- and emerging-fisheries task force.")
    assert got["fisheries expert working group"] == ("mechanism", "planned", None)
    assert got["critical- and emerging-fisheries task force"][1] == "planned"


def test_called_pattern():
    got = table('We are announcing the creation of a trilateral ocean partnership called "TOPAZ".')
    assert got["TOPAZ"] == ("framework", "established", None)


def test_self_reference_and_bare_head_are_not_agreements():
    assert table("This Joint Statement reflects the Agreement reached today.") == {}


# ---- reactions, relative clauses, numbered task forces, recurring summits, ToR ----

def test_welcomed_establishment_is_referenced():
    got = table("The leaders welcomed the establishment of the Coastal Patrol Task Force.")
    assert got["Coastal Patrol Task Force"][1] == "referenced"
    got = table("The leaders announced the establishment of the Coastal Patrol Task Force.")
    assert got["Coastal Patrol Task Force"][1] == "established"


def test_created_in_a_relative_clause_is_referenced():
    got = table("They recalled the Joint Initiative on Rivers of 2015, which created the Canada-Chile River Working Group.")
    assert got["River Working Group"][1] == "referenced"


def test_numbered_task_forces():
    got = table("The leaders welcomed Combined Task Force 201 and Task Force 77, which will enhance patrols.")
    assert got["Combined Task Force 201"][:2] == ("mechanism", "referenced")
    assert got["Task Force 77"][:2] == ("mechanism", "referenced")


def test_recurring_pair_summit():
    got = table("The leaders noted the previous Chile-ASEAN Summits held in 2015 and 2017.")
    assert "Chile-ASEAN Summit" in got and got["Chile-ASEAN Summit"][0] == "mechanism"
    assert table("The leaders met at the Chile-ASEAN Summit.") == {}


def test_terms_of_reference_on_the_establishment_of_a_team():
    t = ("We signed the Terms of Reference (TOR) on the establishment of the Regional Observer Team (ROT), "
         "which will monitor the border. Patrols will deploy under the ROT once it is established pursuant to the TOR. "
         "Patrols remain under the observation of the Interim Observer Team.")
    got = table(t)
    assert got["Terms of Reference on the establishment of the Regional Observer Team"][:2] == ("agreement", "signed")
    assert got["Regional Observer Team"][:2] == ("mechanism", "planned")
    assert got["Interim Observer Team"][:2] == ("mechanism", "referenced")


def test_gazetteer_body_is_not_an_agreement():
    assert table("They welcomed the decision by the Arab Coordination Group to provide funds.") == {}


def test_mou_between_named_parties_and_higher_commission():
    t = table("The leaders welcomed the signing of a Memorandum of Understanding between Nordic Poetry and "
              "the Oslo-based Verse Foundation. They welcomed a Memorandum of Understanding between the "
              "Health Agency and the Cancer Institute. They expressed their commitment to the Higher "
              "Military Commission process.")
    assert "Memorandum of Understanding between Nordic Poetry and the Oslo-based Verse Foundation" in t
    assert "Memorandum of Understanding between the Health Agency and the Cancer Institute" in t
    assert t["Higher Military Commission"][0] == "mechanism"


def test_intent_to_convene_is_planned():
    t = table("The leaders affirmed their intent to convene later this year the Joint Security Dialogue.")
    assert t["Joint Security Dialogue"][1] == "planned"


@pytest.mark.parametrize("sentence,status", [
    ("The Harbour Safety Agreement will enter into force next spring.", "planned"),
    ("The Harbour Safety Agreement is expected to enter into force in 2031.", "planned"),
    ("Upon entry into force of the Harbour Safety Agreement, inspectors will share data.", "planned"),
    ("Within a year of entry into force of the Harbour Safety Agreement, both sides will review it.", "planned"),
    ("They welcomed the entry into force of the Harbour Safety Agreement.", "in_force"),
    ("The Harbour Safety Agreement entered into force last month.", "in_force"),
])
def test_future_entry_into_force_is_planned(sentence, status):
    assert table(sentence)["Harbour Safety Agreement"][1] == status


@pytest.mark.parametrize("sentence,name,status", [
    ("The two governments reaffirmed their commitment to coastal resilience by establishing the Tidal Energy "
     "Partnership.", "Tidal Energy Partnership", "established"),
    ("The ministers agreed to re-start the Fisheries Policy Dialogue.", "Fisheries Policy Dialogue", "established"),
    ("The ministers agreed to relaunch the Fisheries Policy Dialogue.", "Fisheries Policy Dialogue", "established"),
    ("The ministers agreed to reinvigorate the Fisheries Policy Dialogue.", "Fisheries Policy Dialogue", "established"),
    ("They will continue to reinvigorate the Fisheries Policy Dialogue.", "Fisheries Policy Dialogue", "referenced"),
])
def test_creation_by_gerund_and_relaunch(sentence, name, status):
    assert table(sentence)[name][1] == status


def test_acronym_inside_a_name():
    doc, ms = run("They built on the Norway-Chile Ocean Safety and Resilience (OSAR) Partnership. The OSAR grows.")
    assert len({m.entity.agreement_id for m in ms}) == 1 and len(ms) == 2
    assert doc.text[ms[0].start:ms[0].end] == "Norway-Chile Ocean Safety and Resilience (OSAR) Partnership"
    assert ms[0].entity.name == "Ocean Safety and Resilience Partnership"
    assert doc.text[ms[1].start:ms[1].end] == "OSAR"


@pytest.mark.parametrize("sentence,name", [
    ("They endorsed the G20 Principles for Sustainable Forest Finance.", "G20 Principles for Sustainable Forest Finance"),
    ("They endorsed the Lisbon Principles.", "Lisbon Principles"),
    ("They supported the MDB Action Plan to Reduce Water Scarcity.", "MDB Action Plan to Reduce Water Scarcity"),
])
def test_principles_and_action_plan_to_verb(sentence, name):
    got = table(sentence)
    assert name in got and got[name][0] == "framework", got


def test_principles_and_to_tail_need_capitals():
    assert table("They upheld the principles of the Charter.") == {}
    assert set(table("They sent the Coastal Strategy to Prime Minister Ortiz.")) == {"Coastal Strategy"}


def test_terms_of_reference_alone_names_an_instrument():
    got = table("The negotiators kept to the schedule set out in the Terms of Reference.")
    assert got == {"Terms of Reference": ("agreement", "referenced", None)}
    # a later bare mention is the same instrument as an earlier full name
    _, ms = run("They signed the Terms of Reference on Harbour Pilotage. The Terms of Reference take effect soon.")
    assert len({m.entity.agreement_id for m in ms}) == 1


def test_name_repeated_in_parentheses_is_one_agreement():
    doc, ms = run("Their Maritime Consultative Committee (\u201c2+2\u201d) met in May. They praised the 2+2.")
    assert {m.entity.name for m in ms} == {"Maritime Consultative Committee"}
    assert len(ms) == 3 and ms[0].entity.kind == "mechanism"


def test_partners_in_or_for_the_area_is_an_initiative():
    got = table("They acted through the Partners for Coastal Resilience and the Partners in the Green Savanna initiative.")
    assert got == {"Partners for Coastal Resilience": ("framework", "referenced", None),
                   "Partners in the Green Savanna": ("framework", "referenced", None)}
    assert table("They thanked the Partners of Norway for their help.") == {}


def test_lower_case_class_noun_after_a_name_sets_the_kind():
    got = table("Selda joined the Soil Carbon Mission for Drylands initiative.")
    assert got == {"Soil Carbon Mission for Drylands": ("framework", "referenced", None)}
    # an instrument keeps its kind
    got = table("They worked within the Fisheries Agreement framework.")
    assert got["Fisheries Agreement"][0] == "agreement"


# ---- batch-5 rules (invented sentences) ---------------------------------------------------

def test_name_over_a_comma_list_of_single_words():
    t = table("The two sides have finalized a Research, Development, Test, and Evaluation Agreement today.")
    assert t == {"Research, Development, Test, and Evaluation Agreement": ("agreement", "established", None)}
    t = table("They recalled the Energy, Mining and Forestry Dialogue.")
    assert "Energy, Mining and Forestry Dialogue" in t
    # a list of separate names or of states is no list of words of one name
    t = table("We welcome the Health Agreement, Trade Treaty, and Investment Agreement.")
    assert set(t) == {"Health Agreement", "Trade Treaty", "Investment Agreement"}
    assert set(table("They cited the Canada, Japan, and Korea Agreement texts.")) == {"Korea Agreement"}


def test_mou_abbreviation_and_platform_heads():
    t = table("Norvia and Selda have signed a Satellite Data MOU that enables sharing.")
    assert t == {"Satellite Data MOU": ("agreement", "signed", None)}
    t = table("Selda supports efforts to use the Baltica Platform to focus attention.")
    assert t == {"Baltica Platform": ("framework", "referenced", None)}
    assert table("They signed an MOU yesterday.") == {}


def test_memorandum_on_a_lower_case_subject():
    t = table("The sides have finalized a Memorandum of Understanding on fisheries cooperation, designed to help.")
    assert t == {"Memorandum of Understanding on fisheries cooperation": ("agreement", "established", None)}
    # the noun phrase goes on: not a name
    assert table("They signed a Memorandum of Understanding on energy cooperation in the region.") == {}


def test_sustainable_development_goals_gazetteer():
    t = table("They will work toward the Sustainable Development Goals (SDGs).")
    assert t["Sustainable Development Goals"][0] == "framework"


def test_finalized_is_established_and_developing_is_planned():
    assert table("The partners have finalized a Joint Defense Framework.")["Joint Defense Framework"][1] == "established"
    t = table("Selda is developing an ambitious and comprehensive Plan of Renewal, to be reviewed next year.")
    assert t["Plan of Renewal"][1] == "planned"


def test_title_and_subtitle_joined_by_a_colon_are_one_document():
    t = table("We reaffirmed our support for the Ocean Data Partnership: Joint\nPrinciples and welcomed it.")
    assert t == {"Ocean Data Partnership: Joint Principles": ("framework", "referenced", None)}


def test_a_name_less_one_inner_word_is_the_same_agreement():
    _, ms = run("The press release of the Harbor Senior Group is out. The Harbor Senior Safety Group met twice.")
    assert {m.entity.name for m in ms} == {"Harbor Senior Safety Group"} and len(ms) == 2


# --- issue 11: coverage of agreement names and statuses (invented sentences) -----------------

@pytest.mark.parametrize("sentence,name", [
    ("They recalled the Convention on the Prohibition of the Development, Production and Use of Sonic "
     "Weapons and on their Destruction.",
     "Convention on the Prohibition of the Development, Production and Use of Sonic Weapons and on their Destruction"),
    ("They urged all states to join the Convention for the Suppression of Unlawful Acts against the Safety of "
     "River Navigation.", "Convention for the Suppression of Unlawful Acts against the Safety of River Navigation"),
    ("They recalled the Convention on the Rights of Persons with Hearing Loss.",
     "Convention on the Rights of Persons with Hearing Loss"),
])
def test_long_treaty_names_with_inner_commas_and_lower_case_words(sentence, name):
    assert table(sentence)[name][0] == "treaty"


def test_a_treaty_name_does_not_run_over_a_state():
    got = table("They recalled the Treaty on Open Skies with Norway.")
    assert "Treaty on Open Skies" in got and not any("Norway" in n for n in got)


def test_action_plan_for_the_implementation_of_an_agreement():
    got = table("The ministers adopted the Action Plan for the Implementation of the Tidal Fisheries Agreement.")
    assert got == {"Action Plan for the Implementation of the Tidal Fisheries Agreement": ("framework", "established", None)}


def test_signed_lower_case_memorandum_names_its_subject():
    got = table("The two ministers signed a memorandum of understanding on customs data exchange at the meeting.")
    assert got == {"memorandum of understanding on customs data exchange": ("agreement", "signed", None)}
    planned = table("They will sign an agreement on mutual recognition of diplomas, and review progress.")
    assert planned == {"agreement on mutual recognition of diplomas": ("agreement", "planned", None)}
    assert table("They signed an agreement with Peru.") == {}


def test_numbered_instruments_and_pillars():
    got = table("The Supply Pillar and Pillar III of the Harbour Economic Framework will be launched, and the "
                "ministers will apply Standard 9 under the Phase II Programme.")
    assert {"Supply Pillar", "Pillar III", "Harbour Economic Framework", "Standard 9", "Phase II Programme"} <= set(got)
    assert table("They will apply the highest standard of care.") == {}


def test_statement_of_the_president_of_the_security_council():
    got = table("They recalled the Statement by the President of the Security Council (S/PRST/2031/7).")
    assert got == {"Statement by the President of the Security Council S/PRST/2031/7": ("declaration", "referenced", None)}
    got = table("They welcomed the UN Security Council presidential statement on the Lake Basin.")
    assert got == {"Statement by the President of the Security Council": ("declaration", "referenced", None)}


def test_peaceful_resolution_is_not_a_resolution():
    assert table("They called for the Peaceful Resolution of the Border Question and the peaceful resolution "
                 "of disputes.") == {}
    assert table("They recalled General Assembly Resolution 79/12.") != {}


def test_summits_and_cops_are_events_unless_a_series():
    assert table("They look forward to a successful COP 41 and to the Global Harbour Summit in Lima.") == {}
    got = table("They will continue to hold the Nordic-Andean Summit annually.")
    assert got == {"Nordic-Andean Summit": ("mechanism", "referenced", None)}


def test_status_from_the_verbs_around():
    assert table("The ministers today agreed on the Framework for Seabed Minerals Cooperation.") == {
        "Framework for Seabed Minerals Cooperation": ("framework", "established", None)}
    assert table("The two sides will agree on a Joint Framework on River Data next year.") == {
        "Joint Framework on River Data": ("framework", "planned", None)}
    assert table("They recalled the Coastal Shipping Agreement, signed in Lima, and its annex.")[
        "Coastal Shipping Agreement"][1] == "signed"


def test_a_state_before_on_is_not_part_of_the_name():
    got = table("They will consult Norway on Harbour Pillar II projects.")
    assert "Harbour Pillar II" in got and not any("Norway" in n for n in got)


def test_signing_reported_in_other_words_and_agreed_to_a_document():
    assert table("The leaders witnessed the signing ceremony for the Coastal Shipping Agreement.") == {
        "Coastal Shipping Agreement": ("agreement", "signed", None)}
    assert table("Ministers signed today the Coastal Shipping Agreement.") == {
        "Coastal Shipping Agreement": ("agreement", "signed", None)}
    assert table("The ministers agreed to the Terms of Reference for the Harbour Board.")[
        "Terms of Reference for the Harbour Board"][1] == "established"
    assert table("The ministers agreed to strengthen the Coastal Shipping Agreement.")[
        "Coastal Shipping Agreement"][1] == "referenced"


def test_a_named_process_is_a_mechanism():
    # a named process is a series of meetings (ANNOTATION.md: mechanisms are "regular meetings"); blind batch 6
    assert table("They welcomed progress in the Lagos Ocean Process.") == {
        "Lagos Ocean Process": ("mechanism", "referenced", None)}
    assert table("They support the peace process.") == {}
