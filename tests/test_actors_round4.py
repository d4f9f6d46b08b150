"""Actor rules from the misses of blind batch 8 (issue 11, round 4); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from tests.test_actors import typed


def test_a_portfolio_title_before_a_name_is_not_part_of_the_name():
    t = typed("The talks were led by Secretary of Foreign Relations Marta Ruiz, Secretary of Finance and "
              "Public Credit Pablo Ortega and Secretary of the Interior Ana Luisa Prado.")
    assert t.get("Marta Ruiz", ("", ""))[1] == "person", t
    assert t.get("Pablo Ortega", ("", ""))[1] == "person", t
    assert t.get("Ana Luisa Prado", ("", ""))[1] == "person", t
    assert not any(k.startswith(("Relations", "Credit", "Interior")) for k in t), t


def test_a_surname_that_is_also_a_state_or_body_word_after_a_title():
    t = typed("Deputy Attorney General Lisa Jordan and Deputy Trade Representative Paul White attended. "
              "The ministers met in Jordan.")
    assert t["Lisa Jordan"][1] == "person" and t["Paul White"][1] == "person", t
    assert t["Jordan"][1] == "state", t


def test_a_name_with_two_particles_and_an_undersecretary():
    t = typed("Commission President Greta van der Berg welcomed Undersecretary Tomas Ibarra.")
    assert t["Greta van der Berg"][1] == "person", t
    assert t["Tomas Ibarra"][1] == "person", t


def test_canadian_departments_named_after_the_state_are_bodies():
    t = typed("Officials of Public Safety Canada and Health Canada met the Canadian delegation in Ottawa.")
    assert t["Public Safety Canada"] == ("Public Safety Canada", "organization"), t
    assert t["Health Canada"][1] == "organization", t


def test_a_body_whose_of_tail_is_a_list_of_nouns():
    t = typed("The Ministry of Agriculture, Fisheries and Food will share data with the Bureau of Alcohol, "
              "Tobacco, Firearms and Explosives. We met the Ministers of Chile, Peru and Brazil.")
    assert t["Ministry of Agriculture, Fisheries and Food"][1] == "organization", t
    assert t["Bureau of Alcohol, Tobacco, Firearms and Explosives"][1] == "organization", t
    assert t["Chile"][1] == "state" and t["Brazil"][1] == "state", t
    t = typed("The Ministry of Micro, Small and Medium Enterprises and the Department of Industry, Science and "
              "Resources Minister Ann Lee spoke.")
    assert t["Ministry of Micro, Small and Medium Enterprises"][1] == "organization", t
    assert t["Department of Industry, Science and Resources"][1] == "organization", t


def test_persons_of_a_delegation_list_after_their_offices():
    # round 5: "the <office>, <Name>;" items of a delegation list (invented names)
    t = ("Representing Norland were the Minister of Finance, Ana Berg; the head of the Customs Service, Jon Dahl; "
         "the fiscal Attorney General, Per Moen Lunde; and the spokesperson for the Government, Eva Lind. "
         "The delegation included the Senior Counsel Ola Vik and the Deputy Advisor for International Economics "
         "Kari Holm. In Lima, Peru, the talks went on.")
    got = {t[m.start:m.end]: m.entity.actor_type for m in find_actors(make_doc(t))}
    for name in ("Ana Berg", "Jon Dahl", "Per Moen Lunde", "Eva Lind", "Ola Vik", "Kari Holm"):
        assert got.get(name) == "person", got
    assert "Attorney" not in got and "Economics Kari Holm" not in got, got
