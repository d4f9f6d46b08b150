"""Actor rules from the misses of blind batch 6 (issue 11, round 2); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.statement import extract_statement
from pipeline.model import Statement
from tests.test_actors import typed


def test_well_known_agencies_and_coalitions():
    t = typed("They thanked the United Nations Relief and Works Agency for Palestine Refugees in the Near East "
              "(UNRWA) and USAID. Both are members of the Freedom Online Coalition.")
    assert t["United Nations Relief and Works Agency for Palestine Refugees in the Near East"] == (
        "UNRWA", "international_organization")
    assert t["UNRWA"][1] == "international_organization"
    assert t["USAID"][1] == "organization"
    assert t["Freedom Online Coalition"][1] == "forum"


def test_a_date_is_no_tail_of_a_body_and_a_resolution_keeps_its_council():
    t = typed("They recalled the statement by the UN Security Council on March 4, 2022, on the strait.")
    assert t == {"UN Security Council": ("UN Security Council", "international_organization")}
    t = typed("They acted consistent with United Nations Security Council Resolution 2118 (2013).")
    assert t["United Nations Security Council"][1] == "international_organization"


def test_a_ministry_inside_an_instrument_name_is_one_word_long():
    t = typed("They announced the signing of a new NORAID\u2013Ministry of Finance Development Objective Grant "
              "Agreement, valued at up to $5 million.")
    assert t["Ministry of Finance"][1] == "organization"
    assert "Ministry of Foreign Affairs" in typed("They met the Ministry of Foreign Affairs.")


def test_a_state_named_only_inside_an_instrument_name_is_no_actor():
    text = ("Chile and Peru agreed to deepen trade under the Bolivia-Ecuador-Chile-Peru Free Trade Agreement, "
            "and reviewed the Chile-Peru-Brazil trilateral talks.")
    ex = extract_statement(Statement(statement_id="x", source_file="x.txt", sha256="0" * 64, text=text))
    states = {m.entity.actor_id for m in ex.actor_mentions if m.entity.actor_type == "state"}
    assert {"CHL", "PER", "BRA"} <= states  # parties, and a state inside a mechanism's name
    assert not states & {"BOL", "ECU"}


def test_a_bureau_of_an_organisation_keeps_its_tail():
    t = typed("They thanked the Telecommunication Standardization Bureau of the International Telecommunication "
              "Union.")
    assert "Telecommunication Standardization Bureau of the International" not in t
    t = typed("They met the Executive Office for Immigration Review and the Cabinet of the European Commission.")
    assert "Executive Office for Immigration Review" in t and "Cabinet of the European Commission" in t
