"""statement_actors.title (pipeline/extract/titles.py). Texts are invented."""
import pytest

from pipeline.extract.corpus import assemble_tables
from pipeline.extract.statement import extract_statement
from pipeline.extract.titles import person_titles, title_before
from pipeline.model import Actor, Mention, Statement


def before(text, name):
    return title_before(text, text.index(name))


@pytest.mark.parametrize("text, name, title", [
    ("Prime Minister Anna Berg met the press.", "Anna Berg", "Prime Minister"),
    ("The talks were led by Norvian Foreign Minister Tomas Ruiz.", "Tomas Ruiz", "Foreign Minister"),
    ("They thanked U.S. Homeland Security Advisor Dr. Ada Lind.", "Ada Lind", "Homeland Security Advisor"),
    ("The Seldan Ambassador to the United Nations Eva Stone attended.", "Eva Stone", "Ambassador to the United Nations"),
    ("President Berg and Prime Minister Ruiz met.", "Ruiz", "Prime Minister"),
    ("The Minister for Trade and Industry Eva Stone spoke.", "Eva Stone", "Minister for Trade and Industry"),
    ("with National Security and Intelligence Advisor Eva Stone", "Eva Stone",
     "National Security and Intelligence Advisor"),
    ("President Anna Berg, Jr. of Norvia and Prime Minister Tomas Ruiz met.", "Tomas Ruiz", "Prime Minister"),
])
def test_title_before_the_name(text, name, title):
    assert before(text, name) == title


@pytest.mark.parametrize("text, name", [
    ("We thank Anna Berg for her work.", "Anna Berg"),                 # no office written
    ("Witnessed by:\n\nAnna Berg", "Anna Berg"),                       # another line
    ("The delegation of the Foreign Ministry Anna Berg", "Anna Berg"),  # a body, not an office
    ("As President, Anna Berg spoke.", "Anna Berg"),                   # a comma between
])
def test_no_title(text, name):
    assert before(text, name) is None


def test_first_titled_mention_gives_the_persons_title():
    text = "Anna Berg opened the talks. Later, President Anna Berg and Foreign Minister Tomas Ruiz signed."
    berg = Actor("anna-berg", "Anna Berg", "person", None, "NRV")
    ruiz = Actor("tomas-ruiz", "Tomas Ruiz", "person", None, "SLD")
    norvia = Actor("NRV", "Norvia", "state", "NRV", "NRV")
    ms = [Mention(0, 9, berg), Mention(text.index("Anna Berg", 10), text.index("Anna Berg", 10) + 9, berg),
          Mention(text.index("Tomas"), text.index("Tomas") + 10, ruiz), Mention(0, 0, norvia)]
    assert person_titles(text, ms) == {"anna-berg": "President", "tomas-ruiz": "Foreign Minister"}


def test_assembled_statement_actors_title_only_for_persons():
    text = ("Joint Statement by Canada and Japan\n\n"
            "Prime Minister Justin Trudeau of Canada and Prime Minister Fumio Kishida of Japan met in Tokyo.")
    ex = extract_statement(Statement(statement_id="s", source_file="s.txt", sha256="0" * 64, text=text))
    sa = assemble_tables([ex])["statement_actors"].set_index("actor_id")
    persons = [a for a in sa.index if a[0].islower()]
    assert persons, sa
    assert all(sa.title[a] == "Prime Minister" for a in persons)
    assert sa.title[["CAN", "JPN"]].isna().all()


def test_person_countries_from_a_national_adjective_or_of_state():
    from pipeline.extract.titles import person_countries
    text = ("Prime Minister Justin Trudeau of Canada met Russian President Vladimir Putin and "
            "U.S. Homeland Security Advisor Dr. Ada Lind. Anna Berg attended.")
    trudeau = Actor("justin-trudeau", "Justin Trudeau", "person")
    putin = Actor("vladimir-putin", "Vladimir Putin", "person")
    lind = Actor("ada-lind", "Ada Lind", "person")
    berg = Actor("anna-berg", "Anna Berg", "person")
    canada = Actor("CAN", "Canada", "state", "CAN", "CAN")

    def at(name, actor):
        i = text.index(name)
        return Mention(i, i + len(name), actor)

    ms = [at("Justin Trudeau", trudeau), at("Canada", canada), at("Vladimir Putin", putin), at("Ada Lind", lind),
          at("Anna Berg", berg)]
    assert person_countries(text, ms) == {"justin-trudeau": "CAN", "vladimir-putin": "RUS", "ada-lind": "USA"}
