"""Who speaks: members, sub-bodies, collectives with a numeral (ANNOTATION.md, "Members and sub-bodies").

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, rows


def test_members_and_participants_speak_for_all_parties():
    t = ("Members will share data on river levels. Initiative participants affirmed the value of open ports. "
         "The members reaffirmed the charter.")
    assert rows(t) == [("will", "pledge", BOTH), ("affirmed", "emphasis", BOTH),
                       ("reaffirmed", "reaffirmation", BOTH)]


def test_some_members_or_members_of_another_body_are_not_resolved():
    t = ("The founding members welcomed the new ones. Previously participating members welcomed Ozaria. "
         "Ozaria members will meet.")
    assert rows(t) == []


def test_a_body_of_the_parties_speaks_for_them():
    t = ("The Joint Task Force will map the supply chains. The working group will report by June. "
         "This Steering Committee intends to meet twice a year.")
    assert rows(t) == [("will", "pledge", BOTH), ("will", "pledge", BOTH), ("intends", "pledge", BOTH)]


def test_numeral_collectives_of_officials():
    t = ("The two National Security Advisors reaffirmed the alliance. The three NSAs discussed the strait. "
         "The officials pledged to meet again.")
    assert rows(t) == [("reaffirmed", "reaffirmation", BOTH), ("discussed", "consultation", BOTH),
                       ("pledged", "pledge", BOTH)]


def test_passives_have_no_party_as_agent():
    t = ("The working group is tasked to map the river. The Task Force will be chaired by two envoys. "
         "The fund was launched in May. Norvia and Selda are firmly opposed to piracy. "
         "We make clear that these attacks have no justification and must be universally condemned.")
    assert rows(t) == [("opposed", "opposition", BOTH), ("make", "emphasis", BOTH)]


# ---- individuals ------------------------------------------------------------

def _rows_with(text, names, parties=None):
    import re as _re

    from pipeline.extract.commitments import find_commitments
    from pipeline.extract.nlp import make_doc
    from pipeline.extract.sentences import split_sentences
    from pipeline.model import Mention
    from tests.test_commitments import PARTIES
    out = []
    for name in sorted(names, key=len, reverse=True):
        for m in _re.finditer(r"(?<!\w)" + _re.escape(name) + r"(?!\w)", text):
            if not any(o.start < m.end() and m.start() < o.end for o in out):
                out.append(Mention(m.start(), m.end(), names[name]))
    out.sort(key=lambda m: m.start)
    cs = find_commitments(make_doc(text), split_sentences(text), parties or PARTIES, out)
    return [(c.trigger, c.kind, c.committers) for c in cs]


def _people():
    from pipeline.model import Actor
    from tests.test_commitments import NORVIA, SELDA
    vidal = Actor("tomas-vidal", "Tomas Vidal", "person")  # no country known
    holm = Actor("lars-holm", "Lars Holm", "person")
    return {"Norvia": NORVIA, "Selda": SELDA, "Norvian": NORVIA, "Seldan": SELDA,
            "Tomas Vidal": vidal, "Vidal": vidal, "Lars Holm": holm, "Holm": holm}


def test_name_then_title_of_state_in_commas():
    t = ("Tomas Vidal, Minister of Foreign Affairs of Norvia, and Lars Holm, Minister for Trade of Selda, "
         "signed a memorandum on grain. Mr. Holm welcomed the new ferry route.")
    assert _rows_with(t, _people()) == [("signed", "establishment", BOTH), ("welcomed", "welcome", ("SLD",))]


def test_host_of_a_guest_from_the_other_party():
    t = ("Senior Advisor Tomas Vidal hosted Seldan National Security Advisor Lars Holm in Lorta for a meeting. "
         "Mr. Vidal reaffirmed the commitment to polar research.")
    assert _rows_with(t, _people()) == [("hosted", "consultation", BOTH), ("reaffirmed", "reaffirmation", ("NRV",))]


def test_office_holders_named_by_state_and_office_speak_for_their_states():
    t = ("The Seldan Minister of Foreign Affairs, Trade and Cooperation and the Norvian Secretary of State intend "
         "to meet often, and the Seldan Secretary of State for Global Affairs and the Norvian Deputy Secretary of "
         "State intend to talk. The Ozarian Minister of Trade intends to visit.")
    assert rows(t) == [("intend", "pledge", BOTH), ("intend", "pledge", BOTH)]


def test_opening_connective_and_resumptive_pronoun_keep_a_main_clause():
    t = ("In this regard we welcome the new port. With the new fund, Norvia and Selda we committed to work "
         "with others. The deal with Selda we signed is old. In the areas we welcomed, trade grew.")
    assert rows(t) == [("welcome", "welcome", BOTH), ("committed", "pledge", BOTH)]


def test_a_clause_without_that_after_know_or_announce_stands():
    # "We know we must ...", "pleased to announce we will ...": the dropped "that" clause is the commitment
    assert rows("We know we must prepare now to build the capacity we need.") == [("must", "pledge", BOTH)]
    assert rows("Norvia and Selda are pleased to announce we will co-host the third summit.") == \
        [("will", "pledge", BOTH)]
    # inside a relative or subordinate clause it does not
    assert rows("The project we know we launched is done.") == []
    assert rows("As we know we must act, we welcome the plan.") == [("welcome", "welcome", BOTH)]


def test_which_is_why_we_opens_a_clause_of_the_parties():
    assert rows("We recognize the need to protect our networks, which is why we commit to using trusted vendors.") == \
        [("recognize", "emphasis", BOTH), ("commit", "pledge", BOTH)]


def test_a_contrastive_while_after_a_comma_is_a_main_clause():
    assert rows("Norvia will build the roads, while Selda will build the ports.") == \
        [("will", "pledge", ("NRV",)), ("will", "pledge", ("SLD",))]
    # an opening "While" stays subordinate
    assert rows("While we will build roads, we welcome the plan.") == [("welcome", "welcome", BOTH)]


def test_where_they_after_a_reported_meeting_is_what_the_parties_did():
    assert rows("President Berg and President Ruiz held their first meeting yesterday in Lorta, "
                "where they confirmed their resolve to deepen ties.") == \
        [("held", "consultation", BOTH), ("confirmed", "emphasis", BOTH)]
    # no commitment before it, or no comma: a plain relative clause
    assert rows("We visited the port, where they launched the ship.") == []
    assert rows("We welcome the fund in the region where we work.") == [("welcome", "welcome", BOTH)]


def test_authorities_from_both_countries_speak_for_the_parties():
    assert rows("Labor and education authorities from both countries will share best practices on training.") == \
        [("will", "pledge", BOTH)]
    assert rows("The authorities will share data.") == []


def test_a_participle_coordinated_with_a_passive_is_no_predicate():
    # "that have been negotiated and signed with X": one passive, not the parties' act
    assert rows("We will each work to provide Ozaria with support aligned with the accords that have been "
                "negotiated and signed with Ozaria.") == [("will", "pledge", BOTH)]
    assert rows("Norvia and Selda have met and signed a fisheries accord.") == \
        [("met", "consultation", BOTH), ("signed", "establishment", BOTH)]


def test_officials_from_the_parties_with_modifiers_speak_for_them():
    assert rows("Today, senior government officials from Norvia and Selda met in Lorta to convene the dialogue.") == \
        [("met", "consultation", BOTH)]
    assert rows("Senior officials of Norvia and Selda met in Lorta.") == [("met", "consultation", BOTH)]
    # after a verb, the officials are its object
    assert rows("The spokesman said officials from Norvia and Selda met in Lorta.") == []
    assert rows("Ozaria thanked officials of Norvia and Selda, who will meet in Lorta.") == []


def test_a_modal_copula_before_a_name_is_no_intention():
    # "the representatives from the X side will be <Name>": who represents them, not a pledge
    assert rows("The talks will go on, and the representatives from Norvia will be Anna Berg, Minister of Trade, "
                "and Tomas Ruiz.") == []
    assert rows("Norvia and Selda will be ready to help.") == [("will", "pledge", BOTH)]
