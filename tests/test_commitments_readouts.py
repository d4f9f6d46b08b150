"""Readouts: individuals as speakers, readout frames, coordination across tense (issue 11, round 2).

All texts are invented for the tests.
"""
import re

from pipeline.extract.actors import find_actors
from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.sentences import split_sentences
from pipeline.model import Actor, Mention
from tests.test_commitments import BOTH, rows


def _real(text, persons, party_ids, title=None):
    """States from the real actor finder, persons (no country known) from ``persons``."""
    doc = make_doc(text)
    ms = [m for m in find_actors(doc) if m.entity.actor_type != "person"]
    for name, actor in sorted(persons.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(o.start < m.end() and m.start() < o.end for o in ms):
                ms.append(Mention(m.start(), m.end(), actor))
    ms.sort(key=lambda m: (m.start, -m.end))
    parties = []
    for pid in party_ids:
        parties.append(next(m.entity for m in ms if m.entity.actor_id == pid))
    cs = find_commitments(doc, split_sentences(text), parties, ms, title)
    return [(c.trigger, c.kind, c.committers) for c in cs]


def test_a_person_named_in_the_title_with_of_state_and_the_other_leader():
    vidar = Actor("vidar-lund", "Vidar Lund", "person")
    omar = Actor("omar-said", "Omar Said", "person")
    text = ("The leaders of Norway and Chile met in Oslo. King Vidar Lund thanked President Omar Said for the visit. "
            "President Said reaffirmed support for polar research. His Majesty stressed the value of fisheries. "
            "The President noted the importance of ports.")
    title = "Meeting of President Omar Said and His Majesty King Vidar Lund of Norway"
    got = _real(text, {"Vidar Lund": vidar, "Omar Said": omar, "Said": omar},
                ["NOR", "CHL"], title)
    assert ("thanked", "welcome", ("NOR",)) in got
    assert ("reaffirmed", "reaffirmation", ("CHL",)) in got
    assert ("stressed", "emphasis", ("NOR",)) in got
    assert ("noted", "emphasis", ("CHL",)) in got


def test_without_the_title_two_unknown_leaders_stay_unresolved():
    vidar = Actor("vidar-lund", "Vidar Lund", "person")
    omar = Actor("omar-said", "Omar Said", "person")
    text = "The leaders of Norway and Chile met in Oslo. President Said reaffirmed support for polar research."
    got = _real(text, {"Vidar Lund": vidar, "Omar Said": omar, "Said": omar}, ["NOR", "CHL"])
    assert [r for r in got if r[0] == "reaffirmed"] == []


def test_a_vice_president_is_the_leader_of_the_party_left():
    rhea = Actor("rhea-moss", "Rhea Moss", "person")
    text = ("Prime Minister Ana Toro of Chile and Vice President Rhea Moss met in Lima to deepen the ties of "
            "Chile and Norway. "
            "The Vice President welcomed the new ferry line.")
    toro = Actor("ana-toro", "Ana Toro", "person", None, "CHL")
    got = _real(text, {"Rhea Moss": rhea, "Ana Toro": toro}, ["CHL", "NOR"])
    assert ("welcomed", "welcome", ("NOR",)) in got


def test_an_unresolved_host_and_guest_meet_for_both_parties():
    rhea = Actor("rhea-moss", "Rhea Moss", "person")
    ivo = Actor("ivo-kask", "Ivo Kask", "person")
    text = "Vice President Rhea Moss welcomed Prime Minister Ivo Kask to Oslo to mark the partnership of Norway and Chile."
    got = _real(text, {"Rhea Moss": rhea, "Ivo Kask": ivo}, ["NOR", "CHL"])
    assert got[0] == ("welcomed", "consultation", ("NOR", "CHL"))


def test_we_the_ministers_and_representatives_of_a_list():
    text = ("Having met in Lorta, we the Ministers and Representatives of Norvia, Ozaria, and Selda recognize "
            "that piracy is a threat. We are dedicated to enhancing our patrols.")
    from tests.test_commitments import OZ, NORVIA, SELDA
    got = rows(text, [NORVIA, OZ, SELDA])
    assert got == [("recognize", "emphasis", ("NRV", "OZA", "SLD")), ("dedicated", "pledge", ("NRV", "OZA", "SLD"))]


def test_a_parenthetical_of_short_names_inside_the_subject():
    text = "Norvia (the Kingdom, or NV) and Selda (Selda) have agreed to a Framework for a Ferry Agreement."
    assert rows(text) == [("agreed", "establishment", BOTH)]


def test_agreed_to_an_instrument_with_a_later_time_is_a_pledge():
    assert rows("Norvia and Selda agreed on a roadmap by 2030.") == [("agreed", "pledge", BOTH)]


def test_agreed_that_the_parties_will_is_a_pledge_with_no_row_for_the_modal():
    t = ("They agreed that our two nations will map the reefs. Norvia and Selda agreed that we all must protect "
         "the reefs. They agreed that Ozaria's navy must be able to patrol.")
    assert rows(t) == [("agreed", "pledge", BOTH), ("agreed", "pledge", BOTH), ("agreed", "emphasis", BOTH)]


def test_readout_frames():
    t = ("Both Governments hailed the new ferry accord. Our countries share a desire to deepen trade. "
         "Norvia and Selda shared respective views on the strait. Norvia and Selda had an open exchange of views "
         "on fisheries. We see cooperation on ports as essential for trade. We see the harbour. "
         "Norvia and Selda share the highest level of confidence that ties will grow. "
         "Norvia and Selda are pleased to announce an intention to open a library.")
    assert rows(t) == [("hailed", "welcome", BOTH), ("desire", "pledge", BOTH), ("views", "consultation", BOTH),
                       ("exchange", "consultation", BOTH), ("see", "emphasis", BOTH),
                       ("share", "emphasis", BOTH), ("announce", "pledge", BOTH)]


def test_have_held_talks_keeps_its_verb():
    assert rows("Norvia and Selda have held talks in Lorta.") == [("held", "consultation", BOTH)]


def test_coordination_after_a_past_verb_that_is_no_trigger():
    t = "Norvia and Selda also promoted social accountability to reinforce oversight and noted the importance of courts."
    assert rows(t) == [("noted", "emphasis", BOTH)]


def test_a_reported_present_clause_is_no_host_of_a_past_verb():
    t = "Norvia noted that the fleet has a long record and thanked Selda for its pilots."
    assert rows(t) == [("noted", "emphasis", ("NRV",)), ("thanked", "welcome", ("NRV",))]


def test_tense_slip_after_a_past_predicate():
    t = ("They noted with deep concern the floods in the delta and support any effort to rebuild. "
         "Norvia and Selda pledged to make 2030 the year of action and establish a ferry line.")
    assert rows(t) == [("noted", "concern", BOTH), ("support", "support", BOTH), ("pledged", "pledge", BOTH)]


def test_a_recipient_with_will_be_receiving_is_no_pledge():
    t = "Norvia noted the ten boats that Selda will be receiving from Norvia."
    assert rows(t) == [("noted", "emphasis", ("NRV",))]


def test_the_also_slip_for_they():
    t = "Norvia and Selda reaffirmed the alliance. The also emphasized the importance of ports."
    assert rows(t) == [("reaffirmed", "reaffirmation", BOTH), ("emphasized", "emphasis", BOTH)]


def test_a_possessive_after_welcomed_is_no_guest():
    rhea = Actor("rhea-moss", "Rhea Moss", "person")
    ivo = Actor("ivo-kask", "Ivo Kask", "person")
    text = "Prime Minister Ivo Kask welcomed President Rhea Moss's initiative to convene a summit of Norway and Chile."
    assert _real(text, {"Rhea Moss": rhea, "Ivo Kask": ivo}, ["NOR", "CHL"]) == []


def test_a_past_verb_host_does_not_reach_into_a_relative_clause():
    t = ("Norvia and Selda again demonstrated their commitment in Lorta, where they engaged with experts, "
         "welcomed new members and noted progress.")
    assert rows(t) == []


def test_continued_opening_a_paragraph_is_an_adjective():
    t = "Norvia and Selda will build a port.\n\nContinued investment in the port remains vital."
    assert rows(t) == [("will", "pledge", BOTH)]


def test_counterparts_plural_office_title_and_titled_names():
    from pipeline.model import Actor
    from tests import test_commitments as T
    berg = Actor("ann-berg", "Ann Berg", "person", None, None)
    ruiz = Actor("tomas-ruiz", "Tomas Ruiz", "person", None, "SLD")
    park = Actor("lee-park", "Lee Park", "person", None, "KRN")
    pres = Actor("kim", "Kim", "person", None, None)
    names = {"Ann Berg": berg, "Tomas Ruiz": ruiz, "Lee Park": park, "Berg": berg, "Park": park, "Kim": pres}
    saved = dict(T.NAMES)
    T.NAMES.update(names)
    try:
        t = ("National Security Advisor Ann Berg, Seldan National Security Advisor Tomas Ruiz, and Koran "
             "National Security Advisor Lee Park met in Lorta. National Security Advisors Berg, Ruiz, and Park "
             "expressed grave concern over the floods. The National Security Advisors call on Ozaria to open the "
             "dams. They welcomed President Kim's plan. The National Security Advisors strongly opposed any "
             "attempt to close the Pacific and underscored their commitment to the river order.")
        three = ("NRV", "SLD", "KRN")
        # Berg holds the office of the other parties' advisors: the remaining party's, not President Kim's party
        assert T.rows(t, [T.NORVIA, T.SELDA, T.KORAN]) == [
            ("met", "consultation", three), ("expressed", "concern", three), ("call", "appeal", three),
            ("welcomed", "welcome", three), ("opposed", "opposition", three), ("underscored", "emphasis", three)]
    finally:
        T.NAMES.clear()
        T.NAMES.update(saved)


def test_a_leader_of_known_state_and_one_of_unknown_state_speak_for_both_parties():
    # the other party's leader is unknown to the text's titles and the gazetteer: the run
    # "President X and President Y" still names both parties, one each
    rhea = Actor("rhea-moss", "Rhea Moss", "person", None, "NOR")
    ivo = Actor("ivo-kask", "Ivo Kask", "person")
    ada = Actor("ada-frey", "Ada Frey", "person")
    text = ("The leaders of Norway and Chile met in Oslo. Prime Minister Moss and President Kask welcomed the new "
            "ferry line. President Kask and Prime Minister Moss reaffirmed support for polar research. "
            "Queen Ada Frey sent her greetings.")
    got = _real(text, {"Moss": rhea, "Kask": ivo, "Ada Frey": ada}, ["NOR", "CHL"])
    assert ("welcomed", "welcome", ("NOR", "CHL")) in got
    assert ("reaffirmed", "reaffirmation", ("NOR", "CHL")) in got


def test_a_short_form_of_a_name_whose_state_the_text_gave():
    # "Sheikh Omar bin Said Al Rami, President of Chile, ..." then "Sheikh Omar bin Said" alone
    full = Actor("omar-bin-said-al-rami", "Omar bin Said Al Rami", "person")
    short = Actor("omar-bin-said", "Omar bin Said", "person")
    text = ("Sheikh Omar bin Said Al Rami, President of Chile, and Prime Minister Vidar Lund of Norway met in "
            "Oslo. His Highness President Sheikh Omar bin Said stressed the value of fisheries.")
    vidar = Actor("vidar-lund", "Vidar Lund", "person", None, "NOR")
    got = _real(text, {"Omar bin Said Al Rami": full, "Omar bin Said": short, "Vidar Lund": vidar},
                ["NOR", "CHL"])
    assert ("stressed", "emphasis", ("CHL",)) in got


def test_a_host_of_known_party_welcoming_a_guest_of_unknown_party_meets_for_both():
    rhea = Actor("rhea-moss", "Rhea Moss", "person", None, "NOR")
    ivo = Actor("ivo-kask", "Ivo Kask", "person")
    ada = Actor("ada-frey", "Ada Frey", "person")
    text = ("Vice President Rhea Moss welcomed Prime Minister Ivo Kask to Oslo to mark the partnership of Norway "
            "and Chile. Queen Ada Frey sent her greetings. Vice President Moss welcomed Prime Minister Kask's "
            "plan for new ports.")
    got = _real(text, {"Rhea Moss": rhea, "Ivo Kask": ivo, "Ada Frey": ada, "Moss": rhea, "Kask": ivo},
                ["NOR", "CHL"])
    assert got[0] == ("welcomed", "consultation", ("NOR", "CHL"))
    assert ("welcomed", "welcome", ("NOR",)) in got  # a possessive: no guest


def test_possessive_state_titles_and_a_host_with_several_guests():
    ana = Actor("ana-ruiz", "Ana Ruiz", "person")
    lea = Actor("lea-berg", "Lea Berg", "person")
    tom = Actor("tom-hale", "Tom Hale", "person")
    text = ("On May 5, 2024 Mexico’s Secretary of Security and Citizen Protection Ana Ruiz hosted the United States’ "
            "Homeland Security Advisor Dr. Lea Berg and Canada’s National Security and Intelligence Advisor Tom Hale "
            "(virtually) in the second meeting of the committee.")
    got = _real(text, {"Ana Ruiz": ana, "Lea Berg": lea, "Tom Hale": tom}, ["CAN", "MEX", "USA"])
    assert got == [("hosted", "consultation", ("CAN", "MEX", "USA"))]


def test_title_words_before_a_name_stay_on_its_line_and_after_the_person_before():
    ana = Actor("ana-ruiz", "Ana Ruiz", "person")
    lea = Actor("lea-berg", "Lea Berg", "person")
    text = ("Norway and Chile met in Oslo. Norwegian Prime Minister Lea Berg spoke.\n\n"
            "Deepening Norway – Chile Defense and Security Cooperation\n\nPresident Ana Ruiz welcomed the new port.")
    got = _real(text, {"Ana Ruiz": ana, "Lea Berg": lea}, ["NOR", "CHL"])
    assert ("welcomed", "welcome", ("CHL",)) in got  # not Norway's: the heading line is no title of hers


def test_a_leader_left_over_is_no_forum_party():
    putin = Actor("ivan-orlov", "Ivan Orlov", "person")
    text = "We, the Leaders of the G7, met today. We remain united in our resolve that President Orlov must not win."
    got = _real(text, {"Orlov": putin}, ["group-of-seven"])
    assert ("must", "pledge", ("group-of-seven",)) not in got


def test_two_office_holders_with_titles_joined_by_for_of_and():
    ana = Actor("ana-ruiz", "Ana Ruiz", "person", None, "USA")
    lea = Actor("lea-berg", "Lea Berg", "person")
    text = ("Today, U.S. Deputy National Security Advisor for International Economics Ana Ruiz and Norwegian Minister "
            "of Trade and Industry Lea Berg signaled their intent to move forward with a new memorandum.")
    got = _real(text, {"Ana Ruiz": ana, "Lea Berg": lea}, ["USA", "NOR"])
    assert got == [("intent", "pledge", ("USA", "NOR"))]
