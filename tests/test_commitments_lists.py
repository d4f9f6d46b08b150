"""Lists under an introducing clause (ANNOTATION.md, "Lists"): item forms and kinds.

All texts are invented for the tests.
"""
from tests.test_commitments import BOTH, extract, rows


def test_subjectless_operative_clause_with_inline_numbered_items():
    t = ("WE, the Leaders of Norvia and Selda, met in Lorta;\n\n"
         "RECALLING the treaty of friendship;\n\n"
         "Hereby decide to:\n\n"
         "1. Support the new port in Lorta; 2. Expand trade in grain and fish; and 3. Encourage Ozaria "
         "to join the accord; 4. Creating a fund for farmers.")
    cs = extract(t)
    assert [(c.trigger, c.kind, c.committers) for c in cs] == [
        ("met", "consultation", BOTH),
        ("Support", "pledge", BOTH), ("Expand", "pledge", BOTH), ("Encourage", "appeal", BOTH),
        ("Creating", "establishment", BOTH)]
    # the next item's number is not part of a row's text
    assert [t[c.start:c.end] for c in cs][1:3] == ["Support the new port in Lorta", "Expand trade in grain and fish"]


def test_lower_case_gerund_items_and_a_noun_phrase_item_inside_the_list():
    t = ("We, the Leaders of Norvia and Selda, commit to:\n\n"
         "working within our systems to open markets;\n\n"
         "robust information sharing on fisheries; and\n\n"
         "preventing the export of arms to Ozaria.")
    assert rows(t) == [("commit", "pledge", BOTH), ("working", "pledge", BOTH), ("preventing", "pledge", BOTH)]


def test_items_in_capitals_and_a_heading_in_capitals():
    t = ("Norvia and Selda will:\n\nADOPT a plan for the river basin;\n\nRENEW the fisheries accord;\n\n"
         "CONDEMN piracy in the strait.\n\nNEXT STEPS AND OUTLOOK\n\nThe river is long.")
    assert rows(t) == [("ADOPT", "establishment", BOTH), ("RENEW", "pledge", BOTH),
                       ("CONDEMN", "opposition", BOTH)]


def test_item_kinds_under_an_intention_intro_and_under_a_plain_intro():
    future = "We resolve to take these steps:\n\nWelcome new members to the forum.\n\nSupport the river commission."
    assert rows(future) == [("resolve", "pledge", BOTH), ("Welcome", "welcome", BOTH), ("Support", "pledge", BOTH)]
    plain = "We:\n\n1. Support the river commission.\n\n2. Recognize the work of the fishers."
    assert rows(plain) == [("Support", "support", BOTH), ("Recognize", "emphasis", BOTH)]


def test_gerund_opening_a_sentence_with_its_own_subject_is_no_item():
    t = ("Norvia and Selda agree to:\n\nExpand trade in grain.\n\n"
         "Recognizing the value of trade, we will open the border.")
    assert rows(t) == [("agree", "pledge", BOTH), ("Expand", "pledge", BOTH), ("will", "pledge", BOTH)]


def test_title_case_items_are_not_commitments():
    t = "We will work together on:\n\nTrade and Investment;\n\nStrengthening Supply Chains;\n\nAccess for all."
    assert rows(t) == [("will", "pledge", BOTH)]


def test_lower_case_bare_verbs_with_an_object_and_gerund_subjects():
    t = ("We are determined to work together to:\n\nfoster a strong market for grain;\n\n"
         "support a free river passage;\n\nstronger adherence to the rules; and\n\n"
         "Building trust between farmers requires patience.")
    assert rows(t) == [("determined", "pledge", BOTH), ("foster", "pledge", BOTH), ("support", "pledge", BOTH)]


def test_prepositions_and_trigger_nouns_do_not_open_items():
    t = "We agree on the following:\n\nBeyond these priorities, trade matters.\n\nsupport for the farmers of Ozaria."
    assert rows(t) == []


def test_gerunds_under_a_noun_describe_it():
    t = ("We agree our focus will be a dialogue around these areas:\n\nChampioning free data flows with trust;\n\n"
         "Encouraging Ozaria to open its ports.")
    assert rows(t) == [("agree", "pledge", BOTH), ("Encouraging", "appeal", BOTH)]


def test_gerunds_after_will_by():
    t = "We will champion open seas by:\n\nupholding the law of the sea;\n\npromoting safe fishing."
    assert rows(t) == [("will", "pledge", BOTH), ("upholding", "pledge", BOTH), ("promoting", "pledge", BOTH)]


def test_glued_intro_capital_items_under_headings_and_adverb_before_the_item_verb():
    t = ("WE, the Leaders of Norvia and Selda, gathered in Lorta;\n\nREAFFIRMING the treaty of friendship;\n\n"
         "WE HEREBY COMMITTO:\n\n1. FULFILL the goals of the river plan;\n\nRiver Cooperation\n\n"
         "1. EXPAND cooperation on fisheries; protect the coast;\n\n1. NOTE the report of the river board;\n\n"
         "1. SUPPORT OZA fishers in the delta;\n\nTrade and Ports\n\n"
         "1. FURTHER PROMOTE the stability of the basin;\n\n1. FURTHER collaborate to build ports;\n\n"
         "1. SEEK to engage, where appropriate, with Ozaria.")
    assert rows(t) == [("FULFILL", "pledge", BOTH), ("EXPAND", "pledge", BOTH), ("NOTE", "pledge", BOTH),
                       ("SUPPORT", "pledge", BOTH), ("PROMOTE", "pledge", BOTH),
                       ("collaborate", "pledge", BOTH), ("SEEK", "pledge", BOTH)]
    cs = extract(t)
    assert t[cs[4].start:cs[4].end] == "FURTHER PROMOTE the stability of the basin"


def test_a_heading_does_not_carry_a_list_into_prose_and_a_bare_heading_is_no_intro():
    t = ("Norvia and Selda will:\n\n- Expand trade in grain;\n\n- Build a port.\n\nRiver Basin\n\n"
         "The river is long.\n\nDeepen ties with fishers.\n\nSupport:\n\n- Grain trade.")
    assert rows(t) == [("Expand", "pledge", BOTH), ("Build", "pledge", BOTH)]


def test_items_inside_one_sentence_after_an_intention_colon():
    from tests.test_commitments import BOTH, rows
    got = rows("To chart a course, the two leaders will seek to: promote business opportunities; strengthen their "
               "industrial bases and collaborate to lead; enhance efforts to counter coercion; and jointly promote "
               "growth in the region.")
    assert got == [("will", "pledge", BOTH), ("strengthen", "pledge", BOTH), ("enhance", "pledge", BOTH),
                   ("promote", "pledge", BOTH)]
    got = rows("Norvia and Selda commit to: (a) expand trade; (b) establish a joint fund; and (c) urge all states to act.")
    assert got[1:] == [("establish", "establishment", BOTH), ("urge", "appeal", BOTH)]
    assert rows("We discussed three topics: trade; energy security; and health.") == [("discussed", "consultation", BOTH)]
    assert rows("We call on the junta to: change course; free all detainees; and hold elections.") == \
        [("call", "appeal", BOTH)]
