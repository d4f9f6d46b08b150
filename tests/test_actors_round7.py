"""Actor rules of round 7 (misses of pool batches 10-13); every sentence is invented."""
from __future__ import annotations

from tests.test_actors import typed


def test_services_named_after_a_state_are_bodies():
    t = typed("The New Zealand Defence Force and the Canadian Border Force trained with the Japan Coast Guard. "
              "The United States Coast Guard will send a US Coast Guard cutter.")
    assert t["New Zealand Defence Force"][1] == "organization", t
    assert t["Canadian Border Force"][1] == "organization", t
    assert t["Japan Coast Guard"][1] == "organization", t
    # the short form of the state names the same body
    assert t["US Coast Guard"][0] == t["United States Coast Guard"][0] == "United States Coast Guard", t


def test_a_task_force_is_no_service():
    t = typed("The Joint Task Force will meet in May.")
    assert not any(k.endswith("Force") for k in t), t


def test_a_plural_department_head_names_two_bodies():
    t = typed("The Departments of Energy and Transportation will report to the leaders.")
    assert t["Departments of Energy"] == ("Department of Energy", "organization"), t
    assert t["Transportation"] == ("Department of Transportation", "organization"), t


def test_a_rank_title_after_a_ministry_is_not_part_of_its_name():
    t = typed("The talks included Ministry of Health Deputy Director Ana Sola and Department of Labor "
              "Senior Counsel Ben Fry.")
    assert t["Ministry of Health"][1] == "organization", t
    assert t["Department of Labor"][1] == "organization", t
    assert not any("Counsel" in k or "Deputy" in k for k in t if t[k][1] == "organization"), t


def test_an_organisations_commission_is_its_own_body():
    t = typed("The members are Peru, the ECOWAS Commission and the African Union Commission.")
    assert t["ECOWAS Commission"] == ("ECOWAS Commission", "international_organization"), t
    assert t["African Union Commission"][0] == "African Union", t  # the gazetteer lists it as the AU


def test_a_global_forum_is_a_forum():
    t = typed("Both sides work in the Global Forum on Maritime Expertise and the Global Data Rules Forum, "
              "and in the U.S.-Chile Business Forum.")
    assert t["Global Forum on Maritime Expertise"][1] == "forum", t
    assert t["Global Data Rules Forum"][1] == "forum", t
    assert "U.S.-Chile Business Forum" not in t, t


def test_two_hospitals_named_in_a_list():
    t = typed("The programme will equip the Lotus and Green River hospitals.")
    assert t["Lotus"] == ("Lotus hospital", "organization"), t
    assert t["Green River"] == ("Green River hospital", "organization"), t


def test_a_force_named_after_two_states_is_no_service():
    t = typed("They welcomed the Chile-Peru Enhanced Force posture and the U.S. Peace Corps.")
    assert not any(k.endswith("Force") for k in t), t
    assert t["U.S. Peace Corps"][0] == "U.S. Peace Corps", t


def test_generic_and_posture_forces_are_no_bodies():
    t = typed("We back the Enhanced Force Posture plan and the Air Force Capability Coalition. Its Coast Guard "
              "and the Space Force will help. A Global Force for Good. The UN Interim Force in Lebanon stays.")
    assert not any(k.endswith(("Force", "Guard", "Good")) and not k.startswith("UN") for k in t), t
    assert t["UN Interim Force in Lebanon"][1] == "international_organization", t


def test_a_un_force_keeps_its_place():
    t = typed("We value the United Nations Interim Force in Norland and its troops.")
    assert t["United Nations Interim Force in Norland"][1] == "international_organization", t


def test_two_persons_after_a_plural_title_and_a_body():
    t = typed("The team included Senior Advisers on the Prime Minister’s Policy Council Rosa Vidal and Tom Hale.")
    assert t["Rosa Vidal"][1] == "person" and t["Tom Hale"][1] == "person", t


def test_parties_and_cartels_are_bodies():
    t = typed("The Socialist Party of Norland met. Police seized goods of the Coastal Cartel. Both Parties agreed.")
    assert t["Socialist Party of Norland"][1] == "organization", t
    assert t["Coastal Cartel"][1] == "organization", t
    assert "Parties" not in t, t


def test_a_sub_office_after_a_possessive_has_no_name():
    t = typed("We thank the agency’s Regional Office in Lima.")
    assert "Regional Office" not in t, t


def test_an_acronym_shows_a_body_name_runs_on():
    t = typed("Students of the Lotus University Peru (LUP) will visit the Navy Air Station Bravo (NASB).")
    assert t["Lotus University Peru"][1] == "organization", t
    assert not any(k.startswith("Navy Air Station") for k in t), t


def test_an_office_named_after_its_heads_title():
    t = typed("Peru’s Attorney General’s Office will work with us. The President's Office said so.")
    assert t["Attorney General’s Office"][1] == "organization", t
    assert "President's Office" not in t, t


def test_a_grouping_in_brackets_after_its_members_chain():
    t = typed("We work in formats such as Japan-Australia-India-U.S. (Quad) and others.")
    assert t["Quad"][1] == "forum", t


def test_an_air_station_is_no_corps():
    t = typed("The return of Navy Marine Corps Air Station (NMCAS) Bravo was welcomed. The Army Corps of Engineers helped.")
    assert not any(k.endswith("Corps") for k in t), t
    assert t["Army Corps of Engineers"][1] == "organization", t


def test_global_coalitions_and_coalitions_for():
    t = typed("Both sides joined the Global Coalition to Counter Illicit Mining and the Coalition for Clean "
              "Harbour Infrastructure (CCHI).")
    assert t["Global Coalition to Counter Illicit Mining"][1] == "forum", t
    assert t["Coalition for Clean Harbour Infrastructure"][1] == "international_organization", t


def test_units_and_the_department_of_treasury():
    t = typed("The Department of Treasury’s sanctions office and Peru’s Financial Crimes Unit met. A Unit of Account.")
    assert t["Department of Treasury"][1] == "organization", t
    assert t["Financial Crimes Unit"][1] == "organization", t
    assert "Unit of Account" not in t, t


def test_a_bare_global_coalition_is_a_short_name():
    t = typed("The mission of the Global Coalition in the region will end.")
    assert "Global Coalition" not in t, t


def test_a_person_with_a_nickname_in_quotes():
    t = typed("Police arrested Rafael “El Gato” Mendez Ortiz, a trafficker. The Vessel “Sea Star” Captain spoke.")
    assert t["Rafael “El Gato” Mendez Ortiz"] == ("Rafael Mendez Ortiz", "person"), t
    assert not any(v[1] == "person" and "Captain" in v[0] for v in t.values()), t
