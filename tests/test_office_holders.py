"""Office holders (pipeline/data/persons_office_holders.csv): rows checked against verbatim excerpts
of the cited source at both commits; Q-ids for person actors; a leader's state from the gazetteer when
the text gives none (invented statements and names)."""
import csv
import datetime as dt
from pathlib import Path

from pipeline.extract import office_holders as oh
from pipeline.extract.office_holders import HOLDERS, holder_for_actor, holder_state
from pipeline.extract.wikidata import actor_wikidata_id
from pipeline.model import Actor

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = {"f86a60185eb89a2a7d8c200b0e22ad40b05087a9": ("world_leaders_2021_f86a601.csv", "2021"),
            "05e3baa24155a10fe12db26a25fa4494eec7e711": ("world_leaders_2021_05e3baa.csv", "2026"),
            # an early-2022 version: holders the later version lacks (Olaf Scholz)
            "e08c10227230494c592fa71211bc5baf1a4dc3a7": ("world_leaders_2021_e08c102.csv", "2022")}
COLS = ["countryid", "country", "position", "positionLabel", "officeholder", "officeholderLabel",
        "start_year", "end_year"]


def _rows(path):
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_provenance_names_source_and_both_commits():
    first = HOLDERS.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:") and "every-politician-scrapers/world-leaders-2021" in first
    for commit, (fixture, _) in VERSIONS.items():
        assert commit in first
        assert commit in (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()[0]


def test_rows_are_verbatim_rows_of_the_cited_versions():
    ours = _rows(HOLDERS)
    for commit, (fixture, as_of) in VERSIONS.items():
        mine = {tuple(r[c] for c in COLS) for r in ours if r["as_of"] == as_of}
        source = [tuple(r[c] for c in COLS) for r in _rows(FIXTURES / fixture)]
        assert len(source) >= 8
        assert all(row in mine for row in source), commit


def test_whole_table_is_well_formed():
    rows = _rows(HOLDERS)
    assert len(rows) > 100
    assert all(r["officeholder"].startswith("Q") and r["officeholder"][1:].isdigit() for r in rows)
    assert all(r["as_of"] in ("2021", "2022", "2026") for r in rows)
    assert all(r["start_year"] <= (r["end_year"] or r["as_of"]) for r in rows)


def _person(name, country=None):
    return Actor(name.lower().replace(" ", "-"), name, "person", None, country)


def test_person_actor_gets_the_holders_qid_and_state():
    assert actor_wikidata_id(_person("KISHIDA Fumio", "JPN")) == "Q359480"
    assert actor_wikidata_id(_person("López Obrador")) == "Q318508"
    assert oh.person_country(_person("López Obrador")) == "MEX"
    assert actor_wikidata_id(_person("Joseph R. Biden Jr.", "USA")) == "Q6279"
    # a differing country, a surname alone, an unknown name: no id
    assert actor_wikidata_id(_person("Fumio Kishida", "CAN")) is None
    assert actor_wikidata_id(_person("Kishida", "JPN")) is None
    assert actor_wikidata_id(_person("Anna Berg", "SWE")) is None


def _gazetteer(monkeypatch, rows, ministers=()):
    monkeypatch.setattr(oh, "holders", lambda: tuple(rows))
    monkeypatch.setattr(oh, "ministers", lambda: tuple(ministers))
    _clear()


def _clear():
    oh._tokens.cache_clear()
    oh._all_tokens.cache_clear()


def test_surname_resolves_only_to_a_holder_in_office(monkeypatch):
    _gazetteer(monkeypatch, [oh.Holder("Marta Alvarez", "Q1", "XXA", "President of Norvia", 2019, 2022),
                             oh.Holder("Tomas Brandt", "Q2", "XXB", "Prime Minister of Seldan", 2010, 2015),
                             oh.Holder("Lena Okoro", "Q3", "XXC", "President of Koran", 2020, 2024),
                             oh.Holder("Piet Okoro", "Q4", "XXD", "Prime Minister of Vela", 2021, 2023)])
    try:
        assert holder_state("Alvarez", dt.date(2021, 3, 1)) == "XXA"
        assert holder_state("Marta Alvarez", None) == "XXA"  # a full name needs no date
        # out of office at the statement's date, or no date: no guess
        assert holder_state("Brandt", dt.date(2021, 3, 1)) is None
        assert holder_state("Alvarez", None) is None
        # two holders in office share the surname: no guess
        assert holder_state("Okoro", dt.date(2022, 6, 1)) is None
        assert holder_state("Okoro", dt.date(2020, 6, 1)) == "XXC"
    finally:
        _clear()


def test_committer_is_the_state_of_a_president_named_by_surname(monkeypatch):
    from pipeline.extract.commitment_leaders import leader_map
    from pipeline.extract.actors import find_actors
    _gazetteer(monkeypatch, [oh.Holder("Marta Alvarez", "Q1", "CAN", "Prime Minister of Canada", 2019, 2022),
                             oh.Holder("Tomas Brandt", "Q2", "JPN", "Prime Minister of Japan", 2010, 2015)])
    try:
        text = ("Canada, Japan and Mexico issued the following statement. Prime Minister Alvarez reiterated "
                "the commitment to clean energy. Prime Minister Brandt welcomed the talks.")
        mentions = [m for m in find_actors(text) if isinstance(m.entity, Actor)]
        parties = [Actor("CAN", "Canada", "state", "CAN", "CAN"), Actor("JPN", "Japan", "state", "JPN", "JPN"),
                   Actor("MEX", "Mexico", "state", "MEX", "MEX")]
        person_party, _ = leader_map(text, parties, mentions, None, dt.date(2021, 5, 1))
        ids = {m.entity.name: m.entity.actor_id for m in mentions if m.entity.actor_type == "person"}
        assert person_party.get(ids["Alvarez"]) == "CAN"
        # Brandt was out of office in 2021: not resolved from the gazetteer
        assert ids["Brandt"] not in person_party
    finally:
        _clear()


# ---- ministers and cabinet members (pipeline/data/persons_ministers.csv) ----
MINISTER_SOURCES = {  # source key -> (fixture, column map ours -> source's, country added or None)
    "world-foreign": ("ministers_world_foreign_c1e0c8f.csv",
                      {"person": "person", "personLabel": "personLabel", "country": "country",
                       "positionLabel": "positionLabel", "start": "start"}),
    "us-cabinet": ("ministers_us_cabinet_766aa43.csv",
                   {"person": "wdid", "personLabel": "wdLabel", "positionLabel": "position", "start": "start"}),
    "mexico-ministers": ("ministers_mexico_c5e3c61.csv",
                         {"person": "wdid", "personLabel": "wdLabel", "positionLabel": "position"}),
    "uk-cabinet": ("ministers_uk_cabinet_0e939fa.csv",
                   {"person": "wdid", "personLabel": "wdLabel", "positionLabel": "position"}),
}
_CURRENT = {"person": "personID", "personLabel": "person", "positionLabel": "position", "start": "start"}
MINISTER_SOURCES.update({  # EveryPolitician html/current.csv files (officials in office)
    "us-current": ("officials_us_current_0822b96.csv", _CURRENT),
    "mexico-current": ("officials_mexico_current_5f88db8.csv", _CURRENT),
    "korea-current": ("officials_korea_current_18ee2fc.csv", _CURRENT),
    "uae-current": ("officials_uae_current_044af3c.csv", _CURRENT),
    "israel-current": ("officials_israel_current_263d914.csv", _CURRENT),
    "philippines-current": ("officials_philippines_current_394a3b9.csv", _CURRENT),
    # html/holders21.csv: holders since 2001 (a start and an end; only the columns above are kept)
    "japan-holders21": ("officials_japan_holders21_eecce79.csv", _CURRENT),
})
MINISTER_COMMITS = {"world-foreign": "c1e0c8fca19dcce9b77bc424425958be2a18365b",
                    "us-cabinet": "766aa439d329d140194cdae915f1bc0e4f6dc48c",
                    "mexico-ministers": "c5e3c61a2e939ddbcdf73699837f69d8a0915751",
                    "uk-cabinet": "0e939fa5eca7a4b1bc9e2c65a64a73d2fae72e51",
                    "us-current": "0822b9626ab34b3c1e1ce7be9b957beb1f91cf95",
                    "mexico-current": "5f88db8da733bb90ae57c9bbfb1ebdb4bd4d7185",
                    "korea-current": "18ee2fc4dcacb3d53d219037644193a29e8f81ef",
                    "uae-current": "044af3cc4de7e7c251178b56f6902a7ecb952249",
                    "israel-current": "263d914f5ecb7d84b8d217f57fae13eb82773727",
                    "philippines-current": "394a3b971b749f41de8221fd0647be2db5d0a43a",
                    "japan-holders21": "eecce799a6eb724da4b296c40d7748091476a5ef"}


def test_ministers_provenance_names_each_source_and_commit():
    first = oh.MINISTERS.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:")
    for key, commit in MINISTER_COMMITS.items():
        assert f"({key})" in first and commit in first
        fixture = MINISTER_SOURCES[key][0]
        assert commit in (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()[0]


def test_minister_rows_are_verbatim_rows_of_the_cited_files():
    ours = _rows(oh.MINISTERS)
    assert all(r["source"] in MINISTER_SOURCES for r in ours)
    assert all(r["person"].startswith("Q") and r["person"][1:].isdigit() for r in ours)
    for key, (fixture, cols) in MINISTER_SOURCES.items():
        mine = {tuple(r[c] for c in cols) for r in ours if r["source"] == key}
        source = [tuple(r[c] for c in cols.values()) for r in _rows(FIXTURES / fixture)]
        assert len(source) >= 3
        assert all(row in mine for row in source), key


def test_a_minister_gets_a_qid_by_full_name_only(monkeypatch):
    _gazetteer(monkeypatch, [oh.Holder("Marta Alvarez", "Q1", "NOR", "Prime Minister of Norway", 2019, 2022)],
               [oh.Holder("Piet Okoro Varela", "Q7", "CHL", "Minister of Foreign Affairs", 0, 0)])
    try:
        assert actor_wikidata_id(_person("Piet Okoro Varela")) == "Q7"
        assert actor_wikidata_id(_person("Piet Okoro", "CHL")) == "Q7"  # a shorter form of the full name
        assert oh.person_country(_person("Piet Okoro")) == "CHL"
        assert actor_wikidata_id(_person("Piet Okoro", "NOR")) is None  # another state: not that person
        assert holder_state("Piet Okoro", None) == "CHL"
        # a surname alone never answers from a minister (no term to check it against)
        assert holder_state("Okoro", dt.date(2021, 5, 1)) is None
        assert holder_state("Alvarez", dt.date(2021, 5, 1)) == "NOR"
    finally:
        _clear()


def test_the_shipped_ministers_resolve():
    _clear()
    assert actor_wikidata_id(_person("Antony Blinken", "USA")) == "Q7821917"
    assert oh.person_country(_person("Marcelo Ebrard")) == "MEX"
    # officials beyond the cabinet (html/current.csv files) and a later government
    assert actor_wikidata_id(_person("Jake Sullivan", "USA")) == "Q16730147"
    assert oh.person_country(_person("Rosa Icela Rodríguez")) == "MEX"
    assert actor_wikidata_id(_person("Rishi Sunak", "GBR")) == "Q20055561"


def test_leaders_from_the_added_versions_resolve():
    """Olaf Scholz (world-leaders early-2022 version), Shigeru Ishiba (japan-ministers holders table,
    where he is a former minister) and Eduardo Año (Philippine cabinet): Q-id and state by full name,
    in either name order."""
    _clear()
    assert actor_wikidata_id(_person("Olaf Scholz", "DEU")) == "Q61053"
    assert oh.person_country(_person("Olaf Scholz")) == "DEU"
    assert actor_wikidata_id(_person("Ishiba Shigeru")) == "Q1335527"  # family name first
    assert oh.person_country(_person("Ishiba Shigeru")) == "JPN"
    assert actor_wikidata_id(_person("Shigeru Ishiba", "JPN")) == "Q1335527"
    assert actor_wikidata_id(_person("Eduardo Año")) == "Q20675880"
    assert oh.person_country(_person("Eduardo Año")) == "PHL"
    # a minister's row never answers a surname alone; Scholz's term in the 2022 version is 2021-2022
    assert holder_state("Ishiba", dt.date(2025, 3, 1)) is None
    assert holder_state("Scholz", dt.date(2022, 3, 1)) == "DEU"
