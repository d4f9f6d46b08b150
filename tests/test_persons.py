"""One actor per person across statements (pipeline/extract/persons.py). Names and
statements are invented."""
from pipeline.extract.corpus import assemble_tables
from pipeline.extract.persons import merge_persons, name_tokens
from pipeline.extract.statement import extract_statement
from pipeline.model import Actor, Statement


def P(actor_id, name, country=None):
    return Actor(actor_id, name, "person", None, country)


def merged_ids(actors, weight=None, statements=None):
    return {k: v.actor_id for k, v in merge_persons(actors, weight, statements).items()}


def test_name_tokens_drop_initials_suffixes_and_map_short_given_names():
    assert name_tokens("Joseph R. Biden Jr.") == name_tokens("Joe Biden") == {"joseph", "biden"}
    assert name_tokens("Kishida Fumio") == name_tokens("Fumio Kishida")
    assert name_tokens("Andrés Manuel López Obrador") == {"andres", "manuel", "lopez", "obrador"}


def test_among_equal_lengths_the_most_mentioned_spelling_is_kept():
    m = merged_ids([P("kishida-fumio", "Kishida Fumio"), P("fumio-kishida", "Fumio Kishida")], {"kishida-fumio": 4})
    assert m == {"kishida-fumio": "kishida-fumio", "fumio-kishida": "kishida-fumio"}


def test_spellings_initials_accents_and_order_merge():
    m = merged_ids([P("joe-biden", "Joe Biden", "USA"), P("joseph-r-biden-jr", "Joseph R. Biden Jr."),
                    P("biden", "Biden"), P("kishida-fumio", "Kishida Fumio", "JPN"), P("kishida", "Kishida"),
                    P("lopez-obrador", "López Obrador"), P("andres-manuel-lopez-obrador", "Andres Manuel Lopez Obrador")],
                   {"joseph-r-biden-jr": 7})
    assert m["biden"] == m["joseph-r-biden-jr"] == m["joe-biden"] == "joe-biden"  # the shortest full name
    assert m["kishida"] == m["kishida-fumio"] == "kishida-fumio"
    assert m["lopez-obrador"] == m["andres-manuel-lopez-obrador"] == "lopez-obrador"


def test_the_merged_actor_takes_a_members_country():
    out = merge_persons([P("anna-berg", "Anna Berg"), P("berg", "Berg", "NRV")])
    assert out["berg"].actor_id == "anna-berg" and out["berg"].country == "NRV"


def test_must_not_merge():
    # two people of one surname, and the bare surname that could be either
    assert merged_ids([P("anna-berg", "Anna Berg"), P("tomas-berg", "Tomas Berg"), P("berg", "Berg")]) == {}
    # the same name in two countries
    assert merged_ids([P("anna-berg", "Anna Berg", "NRV"), P("berg", "Berg", "SLD")]) == {}
    # a shared word is not enough
    assert merged_ids([P("kim-jong-un", "Kim Jong Un"), P("kim-yo-jong", "Kim Yo Jong")]) == {}
    # other actor types are never merged
    assert merged_ids([Actor("un", "United Nations", "international_organization"),
                       Actor("united-nations-x", "United Nations", "forum")]) == {}


def test_tables_across_statements_have_one_person():
    texts = [
        "Joint Statement by Canada and Japan\n\nPrime Minister Justin Trudeau and Prime Minister Kishida met in Tokyo.",
        "Joint Statement by Canada and Mexico\n\nPrime Minister Trudeau welcomed the talks with Mexico.",
    ]
    exs = [extract_statement(Statement(statement_id=f"s{i}", source_file=f"s{i}.txt", sha256=f"{i:064x}", text=t))
           for i, t in enumerate(texts)]
    t = assemble_tables(exs)
    persons = t["actors"][t["actors"].actor_type == "person"]
    trudeau = persons[persons.name.str.contains("Trudeau")]
    assert len(trudeau) == 1, persons
    tid = trudeau.actor_id.iloc[0]
    sa = t["statement_actors"]
    assert sorted(sa.loc[sa.actor_id == tid, "statement_id"]) == ["s0", "s1"]
    assert not sa.duplicated(["statement_id", "actor_id"]).any()
    m = t["mentions"]
    assert set(m.loc[m.entity_type == "actor", "entity_id"]) <= set(t["actors"].actor_id)
    # grounding still holds for every mention
    text = dict(zip(t["statements"].statement_id, t["statements"].text))
    assert all(text[s][a:b] == x for s, a, b, x in zip(m.statement_id, m.char_start, m.char_end, m.text))


# ---- spelling variants (pipeline/data/persons_spelling_variants.csv) and syllable hyphens ----
def test_variant_spellings_of_one_given_name_compare_equal():
    assert name_tokens("Mohamed bin Karim") == name_tokens("Muhammad bin Karim") == name_tokens("Mohammed Bin Karim")
    assert name_tokens("Youssef Tarek") == name_tokens("Yusuf Tarek")
    # a hyphen before a lower-case syllable is a space (romanised given names); before a capital it joins two names
    assert name_tokens("Kang Min-seo") == name_tokens("Kang Min Seo") == {"kang", "min", "seo"}
    assert name_tokens("Lena Ward-Price") == {"lena", "ward-price"}


def test_variant_spellings_merge_and_reach_a_gazetteer_row(monkeypatch):
    m = merged_ids([P("mohamed-bin-karim", "Mohamed bin Karim", "XXA"), P("mohammed-bin-karim", "Mohammed bin Karim"),
                    P("kang-min-seo", "Kang Min-seo"), P("kang-min-seo-2", "Kang Min Seo", "XXB")])
    assert m["mohamed-bin-karim"] == m["mohammed-bin-karim"]
    assert m["kang-min-seo"] == m["kang-min-seo-2"]
    from pipeline.extract import office_holders as oh
    from pipeline.extract.wikidata import actor_wikidata_id
    monkeypatch.setattr(oh, "holders", lambda: (oh.Holder("Muhammad bin Karim Al Tarek", "Q9", "XXA",
                                                          "President of Norvia", 2020, 2024),))
    monkeypatch.setattr(oh, "ministers", lambda: ())
    oh._tokens.cache_clear(); oh._all_tokens.cache_clear()
    try:
        assert actor_wikidata_id(P("mohamed-bin-karim", "Mohamed bin Karim", "XXA")) == "Q9"
    finally:
        oh._tokens.cache_clear(); oh._all_tokens.cache_clear()


def test_different_given_names_are_not_variants():
    # Mohamed and Mahmoud, Hassan and Hussein are two names, not two spellings
    assert merged_ids([P("mohamed-salim", "Mohamed Salim"), P("mahmoud-salim", "Mahmoud Salim")]) == {}
    assert merged_ids([P("hassan-idris", "Hassan Idris"), P("hussein-idris", "Hussein Idris")]) == {}
    # a double-barrelled surname does not split into one of its halves
    assert merged_ids([P("lena-ward-price", "Lena Ward-Price"), P("lena-price", "Lena Price")]) == {}


def test_a_one_word_name_shared_by_two_persons_goes_to_the_one_named_in_its_statement():
    actors = [P("anna-berg", "Anna Berg", "XXA"), P("tomas-berg", "Tomas Berg", "XXB"), P("berg", "Berg")]
    assert merged_ids(actors) == {}  # no statement known: ambiguous, left alone
    seen = {"anna-berg": {"s1"}, "tomas-berg": {"s2"}, "berg": {"s1"}}
    assert merged_ids(actors, None, seen)["berg"] == "anna-berg"
    seen["tomas-berg"] = {"s1"}  # both named alongside it: still ambiguous
    assert merged_ids(actors, None, seen) == {}
