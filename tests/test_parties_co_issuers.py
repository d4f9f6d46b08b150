"""Session 5 (round 12): a person named with a title before name particles ("President von der
Leyen"), and the issuer a title names by a person whose state or body no gazetteer knows, taken
from the text where it speaks beside the known party (invented statements)."""
from __future__ import annotations

import datetime as dt

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from pipeline.extract.statement import extract_statement
from pipeline.model import Statement


def _persons(text: str) -> list[str]:
    return [m.entity.name for m in find_actors(make_doc(text)) if m.entity.actor_type == "person"]


def test_particles_may_open_a_name_after_a_title():
    assert _persons("Chancellor van Dalen and President de Souza met in Lima.") == ["van Dalen", "de Souza"]


def test_particles_without_a_title_open_no_name():
    assert _persons("The harbour of van Dalen was closed.") == []


def _parties(title: str, body: str) -> list[str]:
    st = Statement(statement_id="t", source_file="t.md", sha256="0" * 64, title=title,
                   date=dt.date(2031, 5, 4), url="https://www.regjeringen.no/en/t/", text=body)
    return [p.actor_id for p in extract_statement(st).parties]


BODY = ("Clean cooking saves lives. Since 2029 Norway and the African Union Commission are working to expand it. "
        "Last year Norway and the African Union Commission pooled their funds. The African Union will host the next round.")


def test_the_unknown_leaders_body_is_the_co_subject_of_the_known_party():
    # President Mbeki-Tanu is no office holder the gazetteers know; the AU Commission speaks beside Norway twice
    parties = _parties("Joint Statement by Prime Minister Store of Norway and President Mbeki-Tanu on Clean Cooking", BODY)
    assert "NOR" in parties and len(parties) == 2
    assert parties[1] in ("african-union", "african-union-commission")


def test_one_co_subject_mention_is_not_enough():
    body = BODY.replace("Last year Norway and the African Union Commission pooled", "Last year the partners pooled")
    parties = _parties("Joint Statement by Prime Minister Store of Norway and President Mbeki-Tanu on Clean Cooking", body)
    assert parties == ["NOR"]


def test_a_body_name_in_the_title_is_cut_at_the_topic():
    body = "Storms have hit the coast. Chile and the European Commission will fund sea walls together."
    parties = _parties("Joint Statement Between Chile and the European Commission on Ocean Security", body)
    assert parties[0] == "CHL" and parties[1] in ("european-union", "european-commission") and len(parties) == 2


def test_a_state_opening_the_text_without_a_position_is_no_party_when_the_title_names_issuers():
    body = ("Russia has cut gas supplies to several countries this winter. Norway and the African Union "
            "Commission condemn this coercion and will fund water storage.")
    parties = _parties("Joint Statement Between Norway and the African Union Commission on Energy Security", body)
    assert "RUS" not in parties and parties[0] == "NOR" and len(parties) == 2
    # with a position of its own the opening subject still speaks
    body2 = "Chile and Norway reaffirm their partnership. Chile will host the next meeting."
    assert _parties("Joint Statement by Chile and Norway", body2) == ["CHL", "NOR"]


def test_a_leader_in_the_opening_subject_list_speaks_for_the_holders_state():
    # Scholz is in the office-holder list (persons_office_holders.csv); the others name their state
    body = ("Today, Chancellor Olaf Scholz, Prime Minister Lind of Norway, and President Ruiz of Chile spoke "
            "about the floods. The leaders reiterated their support for the victims.")
    st = Statement(statement_id="t", source_file="t.md", sha256="0" * 64, title="Joint Statement on the Floods",
                   date=dt.date(2022, 8, 1), text=body)
    assert sorted(p.actor_id for p in extract_statement(st).parties) == ["CHL", "DEU", "NOR"]
