"""Region rules from the misses of blind batch 7 (issue 11, round 3); every sentence is invented."""
from __future__ import annotations

from pipeline.extract.regions import words
from tests.test_regions import names


def test_the_country_of_a_venue_is_no_region_of_concern():
    assert names("The leaders met in Harbourtown, Indonesia, on 6 May and adopted the plan.") == set()
    assert names("They discussed the situation in Indonesia.") == {"Indonesia"}


def test_a_battlefield_or_a_war_of_choice_against_the_place():
    assert names("Troops were sent for use on the battlefield against Ukraine.") == {"Ukraine"}
    assert names("Norland condemned the unprovoked war of choice against Ukraine.") == {"Ukraine"}


def test_a_compound_split_by_a_stray_space_is_one_word():
    assert [w for w, _, _ in words("the Indo- Pacific")] == ["the", "Indo-Pacific"]
    assert names("They support peace in the Indo- Pacific.") == {"Indo-Pacific"}


def test_hyphenated_initialisms_are_one_word():
    assert [w for w, _, _ in words("the Mekong-U.S. and ASEAN-U.S links")] == ["the", "Mekong-U.S.", "and", "ASEAN-U.S", "links"]


def test_the_darien_gap():
    assert names("Irregular migration through the Darien worries both.") == {"Darién Gap"}


def test_a_list_of_countries_is_no_venue():
    assert names("They fund solar projects in Fiji, Tonga, and Samoa.") == {"Fiji", "Tonga", "Samoa"}


def test_a_situation_of_the_place_after_a_possessive():
    assert names("They condemned Russia's violation of Ukraine's territorial integrity.") == {"Ukraine"}
    assert names("They praised Japan's leadership and Brazil's economy.") == set()
