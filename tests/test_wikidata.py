"""Wikidata ids of actors from the shipped gazetteers, checked against an excerpt of
the cited source (tests/fixtures/owid_countries_regions_excerpt.csv)."""
import csv
from pathlib import Path

from pipeline.extract.wikidata import STATES, actor_wikidata_id, state_qids
from pipeline.model import Actor

FIXTURE = Path(__file__).parent / "fixtures" / "owid_countries_regions_excerpt.csv"


def source_rows():
    with FIXTURE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_provenance_names_the_source_file_and_commit():
    first = STATES.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:")
    assert "owid/owid-grapher" in first and "CountriesRegions.ts" in first
    assert "c7402d12e25bd1d45f5bd7d66cfc083342a1ed96" in first
    assert "c7402d12e25bd1d45f5bd7d66cfc083342a1ed96" in FIXTURE.read_text(encoding="utf-8").splitlines()[0]


def test_sample_agrees_with_the_cited_table():
    rows = source_rows()
    assert len(rows) >= 10
    qids = state_qids()
    checked = 0
    for r in rows:
        uri, iso3 = r["wikidata_uri"], r["iso_alpha3"]
        if uri and iso3:
            assert qids.get(iso3) == uri.rsplit("/", 1)[1], iso3
            checked += 1
        elif iso3:
            assert iso3 not in qids, f"{iso3} has no Wikidata URI in the source"
    assert checked >= 10
    # a row without ISO3 or URI in the source (Kosovo) gives nothing
    assert not any(r["code"] == "OWID_KOS" and r["wikidata_uri"] for r in rows)


def test_whole_table_is_well_formed():
    qids = state_qids()
    assert len(qids) > 200
    assert len(set(qids.values())) == len(qids), "one item per code"


def test_actor_lookup():
    assert actor_wikidata_id(Actor("CAN", "Canada", "state", "CAN", "CAN")) == "Q16"
    assert actor_wikidata_id(Actor("XXA", "Norvia", "state", "XXA", "XXA")) is None
    assert actor_wikidata_id(Actor("anna-berg", "Anna Berg", "person", None, "CAN")) is None


# ---- international organisations (SupraVerden) -------------------------------------

import re

from pipeline.extract.wikidata import ORGANIZATIONS, organization_qids
from pipeline.ids import slug

SUPRA = Path(__file__).parent / "fixtures" / "supraverden_all_bodies_excerpt.md"
GAZETTEER = Path(__file__).parents[1] / "pipeline" / "data" / "actors_organizations.csv"


def supra_rows():
    rows = []
    for line in SUPRA.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("English Name", "---"):
            m = re.match(r"\[(Q\d+)\]", cells[1])
            rows.append((cells[0], m.group(1) if m else None))
    return rows


def org_rows():
    with ORGANIZATIONS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_organisations_provenance_names_source_and_commit():
    first = ORGANIZATIONS.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:") and "confirmordeny/supraverden" in first
    assert "f89915feb4b68788fcf43576b83692ffd3e18ea9" in first
    assert "f89915feb4b68788fcf43576b83692ffd3e18ea9" in SUPRA.read_text(encoding="utf-8").splitlines()[0]


def _agrees_with(rows) -> None:
    """Every row of a cited table with a code agrees with ours; a row without one is not in ours."""
    ours = {r["source_name"]: r["wikidata_id"] for r in org_rows()}
    checked = 0
    for name, qid in rows:
        if qid is None:
            assert name not in ours, f"{name} has no Wikidata code in the source"
        else:
            assert ours.get(name) == qid, name
            checked += 1
    assert checked >= 10


def test_organisations_sample_agrees_with_the_cited_table():
    _agrees_with(supra_rows())


def test_organisation_ids_are_gazetteer_actors():
    with GAZETTEER.open(encoding="utf-8") as fh:
        known = {slug(r["name"]) for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    assert set(organization_qids()) <= known
    assert actor_wikidata_id(Actor("united-nations", "United Nations", "international_organization")) == "Q1065"
    assert actor_wikidata_id(Actor("quad", "Quad", "forum")) is None


SUPRA_YAML = Path(__file__).parent / "fixtures" / "supraverden_general_list_excerpt.yaml"
SUPRA_YAML_COMMIT = "01f0927192e79d69c9e2d726db3d40ce715645e0"


def supra_yaml_rows():
    """(Name_en, Wikidata_code) of the excerpt's blocks."""
    rows, name = [], None
    for line in SUPRA_YAML.read_text(encoding="utf-8").splitlines():
        if line.startswith("  Name_en:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("  Wikidata_code:"):
            code = line.split(":", 1)[1].strip()
        elif line.startswith("  Treaty_url:") and name:
            rows.append((name, code))
            name = None
    return rows


def test_organisations_from_the_source_data_agree_with_the_cited_file():
    first = ORGANIZATIONS.read_text(encoding="utf-8").splitlines()[0]
    assert "data/general_list.yaml" in first and SUPRA_YAML_COMMIT in first
    assert SUPRA_YAML_COMMIT in SUPRA_YAML.read_text(encoding="utf-8").splitlines()[0]
    ours = {r["source_name"]: r["wikidata_id"] for r in org_rows()}
    rows = supra_yaml_rows()
    assert len(rows) >= 3
    for name, qid in rows:
        assert ours.get(name) == qid, name
    assert actor_wikidata_id(Actor("mekong-river-commission", "Mekong River Commission",
                                   "international_organization")) == "Q935878"


# ---- round 11: a later version of SupraVerden's table --------------------------------

SUPRA_LATER = Path(__file__).parent / "fixtures" / "supraverden_all_bodies_0022708_excerpt.md"
SUPRA_LATER_COMMIT = "002270867a68cbc283fd62d6ecd1b5432f5d5635"


def table_rows(path):
    """(English Name, Wikidata Code or None) of a SupraVerden markdown table excerpt."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("English Name", "---"):
            m = re.fullmatch(r"\[(Q\d+)\]\(https://www\.wikidata\.org/wiki/(Q\d+)\)", cells[1])
            assert m is None or m.group(1) == m.group(2), line
            rows.append((cells[0], m.group(1) if m else None))
    return rows


def test_later_supraverden_version_agrees_with_the_table():
    first = ORGANIZATIONS.read_text(encoding="utf-8").splitlines()[0]
    assert SUPRA_LATER_COMMIT in first and "dist/ALL_BODIES.md" in first
    assert SUPRA_LATER_COMMIT in SUPRA_LATER.read_text(encoding="utf-8").splitlines()[0]
    rows = table_rows(SUPRA_LATER)
    _agrees_with(rows)
    assert ("Coalition for Disaster Resilient Infrastructure", "Q85753142") in rows


def test_cdri_and_un_forces_in_the_gazetteer():
    cdri = Actor("coalition-for-disaster-resilient-infrastructure", "Coalition for Disaster Resilient Infrastructure",
                 "international_organization")
    assert actor_wikidata_id(cdri) == "Q85753142"
    # no cited source gives the UN forces an item: they stay without id
    assert actor_wikidata_id(Actor("un-interim-force-in-lebanon", "UN Interim Force in Lebanon",
                                   "international_organization")) is None


def test_un_interim_force_spellings_are_one_actor():
    from pipeline.extract.actor_lexicon import lexicon
    lx = lexicon()
    ids = {lx.orgs[n].actor_id for n in ("UN Interim Force in Lebanon", "United Nations Interim Force in Lebanon",
                                          "U.N. Interim Force in Lebanon", "UNIFIL")}
    assert ids == {"un-interim-force-in-lebanon"}
    ids = {lx.orgs[n].actor_id for n in ("UN Disengagement Observer Force",
                                          "United Nations Disengagement Observer Force", "UNDOF")}
    assert ids == {"un-disengagement-observer-force"}
