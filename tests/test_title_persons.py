"""Persons named only in a statement's title (pipeline/extract/title_persons.py).
Titles and texts are invented."""
import pytest

from pipeline.extract.corpus import assemble_tables
from pipeline.extract.statement import extract_statement
from pipeline.extract.title_persons import heading_office, title_persons
from pipeline.model import Statement


def people(title, body_mentions=()):
    return [(p.actor.name, p.office, p.actor.country) for p in title_persons(title, list(body_mentions))]


@pytest.mark.parametrize("office, expected", [
    ("Joint Readout of the Meeting Between President", "President"),
    ("Joint Statement on National Security Advisor", "National Security Advisor"),
    ("Assistant to the President and Homeland Security Advisor", "Homeland Security Advisor"),
    ("President of the United States", "President of the United States"),
    ("Jr. and the President of Finland", "President of Finland"),
    ("Joint Statement Following", None),
    (None, None),
])
def test_heading_office_is_the_last_office_phrase(office, expected):
    assert heading_office(office) == expected


def test_leaders_in_a_heading_with_their_offices_and_states():
    title = ("Joint Statement Following the Meeting Between the President of Finland Aino Virtanen "
             "and Estonian Prime Minister Karl Tamm")
    assert people(title) == [("Aino Virtanen", "President of Finland", "FIN"),
                             ("Karl Tamm", "Prime Minister", "EST")]


def test_no_person_in_the_title():
    assert people("Joint Statement by Finland and Estonia on Energy Security") == []
    assert people(None) == []
    assert people("   ") == []


def test_title_person_enters_statement_actors_with_zero_mentions_and_body_person_is_not_doubled():
    title = "Joint Statement by President Aino Virtanen and Prime Minister Karl Tamm"
    text = ("Finland and Estonia reaffirmed their commitment to energy security. "
            "President Virtanen welcomed the new interconnector.")
    ex = extract_statement(Statement(statement_id="s0", source_file="s0.txt", sha256="0" * 64, text=text,
                                     title=title))
    assert [p.actor.name for p in ex.title_persons] == ["Karl Tamm"]  # Virtanen is named in the body
    t = assemble_tables([ex])
    sa = t["statement_actors"].merge(t["actors"], on="actor_id")
    tamm = sa[sa.name == "Karl Tamm"].iloc[0]
    assert tamm.mentions == 0 and not tamm.is_party and tamm.title == "Prime Minister"
    virtanen = sa[sa.name.str.contains("Virtanen")]
    assert len(virtanen) == 1 and virtanen.mentions.iloc[0] == 1
    # no mention row (nothing to ground) for the title person
    m = t["mentions"]
    assert tamm.actor_id not in set(m.entity_id)
