"""Round 12 rules for parties, actors and regions, on invented sentences."""
from __future__ import annotations

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc
from pipeline.extract.parties import find_parties
from pipeline.extract.regions import find_regions
from pipeline.model import Statement


def _parties(text: str, title: str | None = None) -> list[str]:
    st = Statement(statement_id="t", source_file="t.md", sha256="0", text=text, title=title)
    doc = make_doc(text)
    return sorted(a.actor_id for a in find_parties(st, doc, find_actors(doc)))


def _regions(text: str, parties: frozenset[str] = frozenset()) -> set[str]:
    doc = make_doc(text)
    out = set()
    for m in find_regions(doc, parties):
        assert doc.text[m.start:m.end]
        out.add(m.entity.name)
    return out


def test_the_commission_in_a_bilateral_speaks_for_its_union():
    text = ("Chile and the European Commission announce a shared plan on battery recycling. "
            "The Commission will report on the European Union's progress next spring.")
    assert _parties(text, "Chile and European Commission Joint Statement on Batteries") == ["CHL", "european-union"]


def test_the_commission_among_several_states_speaks_as_itself():
    text = ("The European Commission, Norway, Chile and Peru announce a shared plan on battery recycling. "
            "The European Union welcomes it.")
    got = _parties(text)
    assert "european-commission" in got and "european-union" not in got


def test_two_compass_words_name_one_sub_region():
    got = _regions("Gas links across South East Europe will be expanded, as will links in North West Africa.")
    assert {"South East Europe", "North West Africa"} <= got
    assert "East Europe" not in got and "West Africa" not in got


def test_a_new_clause_after_a_place_is_no_second_place():
    got = _regions("After the invasion of Sudria, Norland continues to threaten its neighbours.")
    assert "Norway" not in got
    got = _regions("After the invasion of Ukraine, Russia continues to threaten its neighbours.")
    assert got == {"Ukraine"}
    # a list that goes on keeps every place
    got = _regions("The situation in Iraq, Syria, and Yemen worries the ministers.")
    assert {"Iraq", "Syria", "Yemen"} <= got


def test_a_possessor_after_in_is_not_the_place():
    got = _regions("The ministers discussed recent developments in Russia's unlawful war in Ukraine.")
    assert "Russia" not in got and "Ukraine" in got
    # the place's own situation after the possessive still counts
    assert "Ukraine" in _regions("They stand firm in support of Ukraine's territorial integrity.")


def _actor_names(text: str) -> set[str]:
    doc = make_doc(text)
    return {m.entity.name for m in find_actors(doc)}


def test_a_month_before_a_body_dates_the_meeting():
    got = _actor_names("The Director General will report to the March IAEA Board of Governors meeting on the site.")
    assert "IAEA Board of Governors" in got
    assert not any(n.startswith("March") for n in got)


def test_a_part_of_the_place_after_in_keeps_the_place():
    assert "Jerusalem" in _regions("The ministers stressed the status quo in Jerusalem's holy sites.")


def test_the_commission_speaks_for_its_party_union_in_commitments():
    from pipeline.extract.commitments import find_commitments
    from pipeline.extract.sentences import split_sentences
    from pipeline.extract.actors import resolve_actor
    text = ("The European Commission will work with the member states to expand gas storage. "
            "Chile and the European Commission will launch a joint fund for hydrogen.")
    parties = [resolve_actor("Chile"), resolve_actor("European Union")]
    doc = make_doc(text)
    cs = find_commitments(doc, split_sentences(text), parties, find_actors(doc))
    assert [(c.trigger, c.committers) for c in cs] == [("will", ("european-union",)),
                                                       ("will", ("CHL", "european-union"))]


def test_an_initiative_framing_its_named_members_is_no_party():
    text = ("The members of the Export Controls and Human Rights Initiative, Chile, Norway and Peru, "
            "affirm their shared commitment to responsible export controls.")
    got = _parties(text, "Export Controls and Human Rights Initiative Joint Statement")
    assert got == ["CHL", "NOR", "PER"]
    assert "Export Controls and Human Rights Initiative" in _actor_names(text)


def test_a_listed_forum_member_stays_a_party():
    text = ("Chile, Norway, Peru and the Global Forum on Cyber Expertise affirm their shared commitment "
            "to resilient networks.")
    assert "global-forum-on-cyber-expertise" in _parties(text)


def test_the_river_basin_is_the_mekong_region():
    assert "Mekong" in _regions("The partners will promote water security in the Mekong River Basin.")
    assert "Mekong" not in _regions("The Mekong River Commission will host the partners.")
