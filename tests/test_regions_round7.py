"""Region rules of round 7 (misses of pool batches 10-13); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.nlp import make_doc
from pipeline.extract.regions import find_regions


def names(text: str, parties: frozenset[str] = frozenset()) -> dict[str, str]:
    return {text[m.start:m.end]: m.entity.name for m in find_regions(make_doc(text), parties)}


def test_two_names_on_one_plural_head():
    r = names("The experts will work in the Amber and Silver River Deltas on salinity.")
    assert r == {"Amber": "Amber Delta", "Silver River Deltas": "Silver River Delta"}, r


def test_islands_named_after_their_state():
    r = names("Both navies will train near Chile's Southern Islands next year.")
    assert r.get("Southern Islands") == "Southern Islands", r


def test_a_region_that_ends_a_bodys_name_is_none():
    r = names("The Council of Europe and the Economic Commission for Africa joined the talks.")
    assert r == {}, r


def test_a_partys_own_sovereignty_makes_it_a_place():
    r = names("The leaders support Peru's sovereignty and territorial integrity. Peru and Chile will trade.",
              frozenset({"PER", "CHL"}))
    assert list(r.values()) == ["Peru"], r
