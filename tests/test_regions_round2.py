"""Region rules from the misses of blind batch 6 (issue 11, round 2); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.nlp import make_doc
from pipeline.extract.regions import find_regions
from tests.test_regions import names


def test_a_partys_country_as_the_place_of_shootings():
    doc = make_doc("They condemned recent mass shootings in the United States, including in Dayton, and praised "
                   "the United States for its aid.")
    got = [doc.text[m.start:m.end] for m in find_regions(doc, frozenset({"USA", "NZL"}))]
    assert got == ["United States"]


def test_a_national_adjective_before_a_crisis_noun_is_the_place():
    assert names("They stressed the need to solve the Syrian crisis and the Libyan conflict.") == {"Syria", "Libya"}
    assert names("The Chinese side and the Syrian delegation met.") == set()
    doc = make_doc("Both leaders discussed the Chilean economy and the Chilean peace process.")
    assert find_regions(doc, frozenset({"CHL", "PER"})) == []  # a party's own place needs a crisis


def test_coordinated_situation_nouns_before_the_place():
    assert names("The leaders emphasized commitment to the stability and security of Iraq.") == {"Iraq"}
    assert names("They stressed peace, stability and prosperity in Lebanon.") == {"Lebanon"}


def test_jerusalem_only_as_a_place_and_areas_of_a_country():
    assert names("They stressed the historic status quo in Jerusalem’s holy sites.") == {"Jerusalem"}
    assert names("The ministers met in Jerusalem.") == set()
    assert names("Strikes hit targets in rebel-held areas of Yemen.") == {"Yemen"}


def test_a_region_ending_a_bodys_name_before_its_acronym_is_none():
    assert names("They support the Relief Agency for Refugees in the Near East (URAPR) and peace in the South "
                 "China Sea (SCS).") == {"South China Sea"}


def test_no_place_from_peace_with_a_neighbour_or_a_place_name_inside_a_title():
    assert names("A Palestinian state lives in peace and security with Israel.") == set()
    assert names("They recalled the Jerusalem U.S.-Israel Joint Declaration.") == set()
    assert names("They support the Outlook on the Indo-Pacific (AOIP).") == {"Indo-Pacific"}
