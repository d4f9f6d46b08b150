"""Regions extractor: gazetteer aliases, place vs actor context, grounding, coordinates."""
from __future__ import annotations

import pytest

from pipeline.extract.nlp import make_doc
from pipeline.extract.regions import all_regions, find_regions


def regions(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text)
    ms = find_regions(doc)
    for m in ms:  # grounding
        assert doc.text[m.start:m.end] and m.start < m.end
    assert ms == sorted(ms, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))  # non-overlapping
    return [(m.entity.name, doc.text[m.start:m.end]) for m in ms]


def names(text: str) -> set[str]:
    return {n for n, _ in regions(text)}


def test_named_regions_and_aliases():
    got = names("The ministers reviewed maritime security in the Indo-Pacific region, the Middle East "
                "and the Arctic, and stability on the Korean Peninsula.")
    assert got == {"Indo-Pacific", "Middle East", "Arctic", "Korean Peninsula"}


def test_cross_strait_alias():
    got = regions("Both sides called for dialogue on cross-Strait matters.")
    assert got == [("Taiwan Strait", "cross-Strait")]


def test_coordinated_seas_are_two_grounded_mentions():
    got = regions("They opposed coercion in the East and South China Seas.")
    assert got == [("East China Sea", "East"), ("South China Sea", "South China Seas")]


def test_ocean_alias():
    assert names("Trade across the Atlantic Ocean grew.") == {"Atlantic"}


def test_country_as_place():
    assert names("With regard to Moldova, the ministers spoke.") == {"Moldova"}
    assert names("They seek lasting peace in Sudan.") == {"Sudan"}
    assert names("We support the denuclearization of North Korea.") == {"North Korea"}
    assert names("The two leaders also discussed Venezuela.") == {"Venezuela"}
    assert names("They deplored the humanitarian situation in Haiti.") == {"Haiti"}


def test_country_as_actor_is_not_a_region():
    assert names("Kenya has reiterated its support, and cooperation with Brazil will grow.") == set()
    assert names("They agreed to impose costs on Iran.") == set()
    assert names("Peru, Chile and Mexico support the initiative.") == set()


def test_country_inside_compound_or_adjective_is_not_a_region():
    assert names("The Kenya-Brazil partnership in U.S. markets grows.") == set()
    assert names("Partners signed the Trans-Pacific text.") == set()


def test_territory_counts_without_context():
    assert names("They also talked about Macao and the West Bank.") == {"Macao", "West Bank"}


def test_region_as_part_of_a_longer_name_is_skipped():
    assert names("Officials met the Arctic Council secretariat.") == set()


def test_dprk_alias_maps_to_north_korea():
    got = regions("We call for the complete denuclearization of the DPRK.")
    assert got == [("North Korea", "DPRK")]


def test_every_region_row_has_valid_coordinates_or_none_and_valid_type():
    rows = all_regions()
    assert len(rows) > 300
    assert sum(r.latitude is None for r in rows) < 10  # rows without a cited centre are the exception
    for r in rows:
        assert (r.latitude is None) == (r.longitude is None), r
        if r.latitude is not None:
            assert -90 <= r.latitude <= 90 and -180 <= r.longitude <= 180, r
        assert r.region_type in {"country", "sea", "strait", "region", "territory"}
        if r.region_type == "country":
            assert r.iso3 and len(r.iso3) == 3
    ids = [r.region_id for r in rows]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ["Indo-Pacific", "Sahel", "Western Hemisphere", "North America", "Pacific Islands",
                                  "Horn of Africa", "Northern Triangle", "Black Sea", "Baltic", "Balkans",
                                  "Caucasus", "Central Asia", "Latin America and the Caribbean", "Taiwan Strait"])
def test_gazetteer_has_named_regions(name):
    assert name in {r.name for r in all_regions()}


def test_more_regions_and_straits():
    got = names("They discussed the Middle East and North Africa region, the Brazilian Amazon, "
                "and navigation through the Bab Al-Mandab and the Strait of Hormuz.")
    assert got == {"Middle East and North Africa", "Amazon", "Bab el-Mandeb", "Strait of Hormuz"}


def test_meeting_venue_is_not_a_region():
    assert names("These discussions may be conducted alternately in China and Japan.") == set()
    assert names("The talks will take place in Japan.") == set()
    assert "China" in names("They discussed the situation in China.")


def test_coordinated_place_context_and_new_regions():
    assert names("the campaign's successes in both Iraq and Syria, where") >= {"Iraq", "Syria"}
    assert "Syria" in names("peace in Yemen, Syria, and Libya.")
    assert "Syria" not in names("Canada and Syria agreed to talk.")
    assert names("an integrated North American industry") == {"North America"}
    assert names("the North American Free Trade Agreement") == set()
    assert names("patients on the island of Ireland and in Northern Ireland") == {
        "island of Ireland", "Northern Ireland"}


def test_a_party_is_not_a_region_of_concern():
    doc = make_doc("a sustainable recovery in Chile and Norway and peace in Yemen")
    got = {m.entity.name for m in find_regions(doc, parties_iso3=frozenset({"CHL", "NOR"}))}
    assert got == {"Yemen"}


def test_a_party_at_war_on_its_soil_is_a_region_of_concern():
    doc = make_doc("We condemn Russia's war against Ukraine and support investment in the United States.")
    got = {m.entity.name for m in find_regions(doc, parties_iso3=frozenset({"UKR", "USA"}))}
    assert got == {"Ukraine"}


def test_corpus_passes_the_parties_to_the_regions():
    from pipeline.extract.corpus import extract_statement
    from pipeline.model import Statement

    st = Statement(statement_id="x", source_file="x.txt", sha256="0" * 64, parties=("CHL", "NOR"),
                   text="We, the leaders of Chile and Norway, welcome a recovery in Chile and peace in Yemen.")
    assert {m.entity.name for m in extract_statement(st).region_mentions} == {"Yemen"}


def test_disputed_islands_and_atlantic_basins():
    got = names("They discussed the Spratlys, the Paracel Islands, the Senkaku Islands and the Kuril Islands, "
                "as well as shipping in the South Atlantic and the North Atlantic.")
    assert got == {"Spratly Islands", "Paracel Islands", "Senkaku Islands", "Kuril Islands",
                   "South Atlantic", "North Atlantic"}
    types = {r.name: r.region_type for r in all_regions()}
    assert types["Senkaku Islands"] == "territory" and types["South Atlantic"] == "sea"


def test_capitalised_compass_part_of_a_country():
    doc = make_doc("Both leaders pledged to fund clinics in Eastern Peru.")
    (m,) = find_regions(doc, frozenset({"PER"}))
    assert (m.entity.name, m.entity.region_type, doc.text[m.start:m.end]) == ("Eastern Peru", "region", "Eastern Peru")
    assert m.entity.latitude is not None
    assert names("Northern Ireland remains calm.") == {"Northern Ireland"}
    assert "Southern Peru" not in names("They opened the Southern Peru Trade Office.")


def test_positions_on_a_territory_make_it_a_place():
    assert names("Our positions on Taiwan remain unchanged.") == {"Taiwan"}
    assert names("They explained their policy toward Cuba.") == {"Cuba"}
    assert names("They explained the policy of Cuba.") == set()


def test_the_pacific_is_a_region_and_the_pacific_ocean_a_sea():
    types = {r.name: r.region_type for r in all_regions()}
    assert names("They invested in telecoms across the Pacific region.") == {"Pacific"}
    assert types["Pacific"] == "region" and types["Pacific Ocean"] == "sea"
    assert names("Plastic waste fills the Pacific Ocean.") == {"Pacific Ocean"}


def test_lower_case_compass_part_of_a_party_at_war_and_the_party_itself():
    doc = make_doc("Aggression, including the war in eastern Ukraine, continues. Russia violated this rule in "
                   "Ukraine. We support investment in the United States.")
    got = {m.entity.name for m in find_regions(doc, parties_iso3=frozenset({"UKR", "USA"}))}
    assert got == {"eastern Ukraine", "Ukraine"}
    # without a conflict on its soil, a party named as a place stays the actor
    doc = make_doc("We support investment in Ukraine and in the United States.")
    assert {m.entity.name for m in find_regions(doc, parties_iso3=frozenset({"UKR", "USA"}))} == set()


def test_sub_regions_are_regions_of_their_own():
    got = regions("Hunger rose in sub-Saharan Africa, and the ministers discussed the Western Balkans, "
                  "the South Caucasus and the eastern Mediterranean.")
    assert [n for n, _ in got] == ["Sub-Saharan Africa", "Western Balkans", "South Caucasus", "Eastern Mediterranean"]
    assert ("Western Balkans", "Western Balkans") in got


def test_the_americas_and_named_corridors():
    doc = make_doc("They will invest in the Lobito Corridor and the Tana-Nile Economic Corridor across the Americas, "
                   "and in the Trans-Andean International Transport Route, but not in an economic corridor.")
    ms = find_regions(doc)
    assert [(m.entity.name, m.entity.region_type) for m in ms] == [
        ("Lobito Corridor", "region"), ("Tana-Nile Economic Corridor", "region"), ("Americas", "region"),
        ("Trans-Andean International Transport Route", "region")]
    assert all(m.entity.latitude is None for m in ms if "Corridor" in m.entity.name)


def test_a_corridor_inside_a_longer_name_is_not_a_region():
    assert names("They launched the Lobito Corridor Partnership with Zambia.") == set()


def test_a_country_stays_a_country_after_a_compass_word():
    doc = make_doc("They discussed the situation in eastern Chad and in Chad.")
    ms = find_regions(doc)
    assert ("Chad", "country") in [(m.entity.name, m.entity.region_type) for m in ms]


def test_corridor_names_with_dashes_and_after_another_name():
    doc = make_doc("They will develop the Tana\u2013Nile\u2013Delta Economic Corridor and projects of the Fund for Ports "
                   "and Investment Kivu Corridor.")
    assert [m.entity.name for m in find_regions(doc)] == ["Tana\u2013Nile\u2013Delta Economic Corridor", "Kivu Corridor"]
