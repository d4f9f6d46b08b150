"""Actor, region and party rules of round 13 (misses of pool batches 24-25 with 20-23); every sentence is
invented."""
from __future__ import annotations

from pipeline.extract.nlp import make_doc
from pipeline.extract.parties import _title_parties
from pipeline.extract.regions import find_regions
from tests.test_actors import typed


def test_plural_title_with_a_particle_name_second():
    t = typed("The task force was announced by Presidents Morland and von der Tael on Monday.")
    assert t["Morland"][1] == "person", t
    assert t["von der Tael"] == ("von der Tael", "person"), t


def test_hon_without_dot_and_postnominal_letters():
    t = typed("Hosted by the Prime Minister of Norland, the Hon Anika Varsh MP, the leaders met.")
    assert t["Anika Varsh"] == ("Anika Varsh", "person"), t
    assert not any("MP" in k for k in t), t


def test_surname_in_capitals_takes_the_office_holders_label():
    t = typed("KISHIDA Fumio, Prime Minister of Japan, greeted the delegates warmly.")
    assert t["KISHIDA Fumio"] == ("Fumio Kishida", "person"), t


def test_possessive_surname_of_a_head_of_state_is_the_person():
    t = typed("The partners will keep raising the costs of Putin’s war of choice.")
    assert t["Putin"] == ("Vladimir Putin", "person"), t
    # a titled mention and a possessive one stay one person
    t = typed("President Putin spoke first. They condemned Putin's aggression.")
    assert {v for v in t.values() if v[1] == "person"} == {("Vladimir Putin", "person")}, t
    # a bare surname without a possessive, or one not in the gazetteer, is left alone
    assert "Varsh" not in typed("They discussed Varsh's plan.")


def test_intercardinal_word_before_a_country_names_a_part_of_it():
    text = "They discussed the return of detainees from northeast Norway and southeastern Chile."
    got = {text[m.start:m.end] for m in find_regions(make_doc(text))}
    assert {"northeast Norway", "southeastern Chile"} <= got, got


def test_meeting_readout_title_names_its_issuers():
    title = ("Joint Statement on National Security Advisor Jake Sullivan\u2019s Meeting with Russian Security "
             "Council Secretary Nikolay Patrushev")
    assert {a.actor_id for a in _title_parties(title)} == {"USA", "RUS"}
    # a topic that is no meeting of named persons names no issuer
    assert _title_parties("Joint Statement on the Norland Energy Transition") == []
