"""Round 9 rules for actors and regions, on invented sentences."""
from __future__ import annotations

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from pipeline.extract.regions import find_regions


def _actors(text: str) -> dict[str, str]:
    doc = make_doc(text)
    out = {}
    for m in find_actors(doc):
        assert doc.text[m.start:m.end]
        out[m.entity.name] = m.entity.actor_type
    return out


def _regions(text: str) -> set[str]:
    return {m.entity.name for m in find_regions(make_doc(text))}


def test_un_system_body_is_an_international_organization():
    got = _actors("The ministers briefed the UN Commission on Forest Soils and the International Seed Control "
                  "Board on the plan.")
    assert got.get("UN Commission on Forest Soils") == "international_organization"
    assert got.get("International Seed Control Board") == "international_organization"


def test_national_body_stays_an_organization():
    got = _actors("Norland's Ministry of Coastal Affairs will report to the Board.")
    assert all(t != "international_organization" for n, t in got.items() if "Ministry" in n)


def test_eu_agencies_are_found():
    got = _actors("Officials will share leads with Europol, Eurojust and Frontex on smuggling networks.")
    assert {"Europol", "Eurojust", "Frontex"} <= set(got)
    assert got["Europol"] == "international_organization"


def test_one_word_forum_written_in_capitals():
    got = _actors("The partners welcomed the QUAD's new fellowship for young engineers.")
    assert got.get("Quad") == "forum"


def test_slash_joined_acronyms_stay_in_the_name():
    got = _actors("Experts of the Defense POW/MIA Accounting Agency will travel to the site next spring.")
    assert "Defense POW/MIA Accounting Agency" in got
    assert "MIA Accounting Agency" not in got


def test_place_of_weapons_programs_is_a_region():
    assert "Iran" in _regions("The ministers condemned Iran's ballistic missile launches last month.")
    assert "Iran" in _regions("They resolved to ensure Iran never acquires a nuclear weapon.")


def test_state_without_weapons_context_is_no_region():
    assert "Iran" not in _regions("Iran's delegation signed the memorandum on trade.")


def test_a_states_international_agency_stays_an_organization():
    got = _actors("The ministers welcomed ties between the Norland International\nAid Agency and local groups.")
    assert all(t == "organization" for n, t in got.items() if "Agency" in n)


def test_a_states_nuclear_threats_are_no_region():
    assert "Iran" not in _regions("They reject Iran's nuclear threats to coerce its neighbours.")


def test_an_international_standards_body_stays_an_organization():
    got = _actors("They support the International Widget Standards Board and the International Seed Agency.")
    assert got.get("International Widget Standards Board") == "organization"
    assert got.get("International Seed Agency") == "international_organization"


def test_acquiring_arms_for_a_war_is_no_weapons_program():
    assert "Iran" not in _regions("Firms must not help Iran acquire weapons or drones.")
