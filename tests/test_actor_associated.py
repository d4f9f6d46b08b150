"""Round 10: associated / non-sovereign governments named as governments are state actors;
the European Council stands for the EU; a grouping whose named members issue a statement expands."""
from pipeline.extract.actors import find_actors
from pipeline.extract.parties import _body_for_union, _expand
from pipeline.extract.actor_lexicon import resolve_actor
from pipeline.model import Mention


def _ids(text):
    return [(m.entity.actor_id, m.entity.actor_type, text[m.start:m.end]) for m in find_actors(text)]


def test_associated_governments_in_a_list_of_governments():
    t = "The governments of Australia, the Cook Islands, French Polynesia, New Caledonia, Niue and Samoa met."
    got = _ids(t)
    assert ("COK", "state", "Cook Islands") in got
    assert ("PYF", "state", "French Polynesia") in got
    assert ("NCL", "state", "New Caledonia") in got
    assert ("NIU", "state", "Niue") in got
    assert ("WSM", "state", "Samoa") in got


def test_government_of_an_associated_state():
    got = _ids("A delegation of the Government of Tokelau arrived on Monday.")
    assert ("TKL", "state", "Tokelau") in got


def test_associated_names_as_places_stay_places():
    assert not any(i in ("COK", "NIU", "GUM") for i, _, _ in _ids(
        "Visitors to the Cook Islands, Niue and Guam enjoy the reefs of the region."))
    # a list of places with a state, without "governments of": no actor
    assert not any(i == "NCL" for i, _, _ in _ids("Storms hit Vanuatu and New Caledonia last week."))


def test_european_council_stands_for_the_eu_even_when_named():
    t = "The European Council met the President of Norland. The European Union will act."
    ms = find_actors(t)
    council = resolve_actor("European Council")
    assert [p.actor_id for p in _body_for_union([council], ms)] == ["european-union"]
    # not without the EU named
    ms2 = [m for m in ms if m.entity.actor_id != "european-union"]
    assert [p.actor_id for p in _body_for_union([council], ms2)] == ["european-council"]


def test_pacific_islands_forum_expands_when_its_members_are_named():
    pif = resolve_actor("Pacific Islands Forum")
    members = frozenset("AUS COK FSM FJI PYF KIR NRU NCL NZL NIU PLW PNG MHL WSM SLB TON TUV VUT".split())
    assert {a.actor_id for a in _expand([pif], members)} == members
    assert [a.actor_id for a in _expand([pif], frozenset({"AUS", "NZL"}))] == ["pacific-islands-forum"]
