"""Agreement identity: generic names qualified by the parties
(pipeline/extract/agreement_identity.py). Statements are invented."""
import pytest

from pipeline.extract.agreement_identity import is_generic, qualified_id
from pipeline.extract.corpus import assemble_tables
from pipeline.extract.statement import extract_statement
from pipeline.model import Actor, Statement


def build(*texts):
    exs = [extract_statement(Statement(statement_id=f"s{i}", source_file=f"s{i}.txt", sha256=f"{i:064x}", text=t))
           for i, t in enumerate(texts)]
    return assemble_tables(exs)


def ids_named(tables, fragment):
    ag = tables["agreements"]
    return sorted(ag.loc[ag.name.str.contains(fragment), "agreement_id"])


@pytest.mark.parametrize("name, generic", [
    ("Comprehensive Strategic Partnership", True),
    ("Roadmap", True),
    ("Strategic Framework Agreement", True),
    ("Terms of Reference", True),
    ("Plan of Action", True),
    ("Mutual Legal Assistance Treaty", True),
    ("Paris Agreement", False),                      # a place: one instrument
    ("Canada-Japan Action Plan", False),            # the parties are in the name
    ("Indo-Pacific Economic Framework for Prosperity", False),
    ("Roadmap for Global Food Security", False),
])
def test_generic_names(name, generic):
    assert is_generic(name) is generic


def test_qualifier_is_the_sorted_party_codes():
    parties = [Actor("JPN", "Japan", "state", "JPN", "JPN"), Actor("CAN", "Canada", "state", "CAN", "CAN")]
    assert qualified_id("comprehensive-strategic-partnership", parties) == "can-jpn-comprehensive-strategic-partnership"
    assert qualified_id("roadmap", []) == "roadmap"


def test_disjoint_parties_never_share_a_generic_id():
    t = build(
        "Joint Statement by Canada and Japan\n\nCanada and Japan welcome the Comprehensive Strategic Partnership.",
        "Joint Statement by India and Australia\n\nIndia and Australia welcome the Comprehensive Strategic Partnership.",
    )
    assert ids_named(t, "Comprehensive Strategic Partnership") == [
        "aus-ind-comprehensive-strategic-partnership", "can-jpn-comprehensive-strategic-partnership"]
    sa = t["statement_agreements"]
    assert set(sa.loc[sa.statement_id == "s0", "agreement_id"]) == {"can-jpn-comprehensive-strategic-partnership"}


def test_the_same_parties_share_the_id():
    t = build(
        "Joint Statement by Canada and Japan\n\nCanada and Japan will launch a Comprehensive Strategic Partnership.",
        "Joint Statement by Japan and Canada\n\nJapan and Canada welcome the Comprehensive Strategic Partnership.",
    )
    assert ids_named(t, "Comprehensive Strategic Partnership") == ["can-jpn-comprehensive-strategic-partnership"]
    sa = t["statement_agreements"]
    assert sorted(sa.loc[sa.agreement_id == "can-jpn-comprehensive-strategic-partnership", "statement_id"]) == [
        "s0", "s1"]


def test_a_specific_name_is_not_qualified_and_is_shared():
    t = build(
        "Joint Statement by Canada and Japan\n\nCanada and Japan reaffirm their commitment to the Paris Agreement.",
        "Joint Statement by India and Australia\n\nIndia and Australia reaffirm their commitment to the Paris Agreement.",
    )
    assert ids_named(t, "Paris Agreement") == ["paris-agreement"]
    # every mention still points at an agreement row (grounding and keys hold)
    m = t["mentions"]
    assert set(m.loc[m.entity_type == "agreement", "entity_id"]) <= set(t["agreements"].agreement_id)


# ---- near-duplicate names ------------------------------------------------------------

from pipeline.extract.agreement_identity import merge_near_duplicates
from pipeline.model import Agreement


def A(name, kind="framework"):
    from pipeline.ids import slug
    return Agreement(slug(name), name, kind)


def test_near_duplicates_merge():
    out = merge_near_duplicates([A("Partnership for Global Infrastructure and Investment"),
                                 A("Partnership for Global Infrastructure Investment"),
                                 A("Partners in the Blue Pacific"), A("Partners of the Blue Pacific"),
                                 A("Agricultural Innovation Mission for Climate"),
                                 A("Agriculture Innovation Mission for Climate")],
                                {"partnership-for-global-infrastructure-and-investment": 3,
                                 "partners-in-the-blue-pacific": 2})
    ids = {k: v.agreement_id for k, v in out.items()}
    assert ids["partnership-for-global-infrastructure-investment"] == \
        "partnership-for-global-infrastructure-and-investment"
    assert ids["partners-of-the-blue-pacific"] == "partners-in-the-blue-pacific"
    assert ids["agriculture-innovation-mission-for-climate"] == ids["agricultural-innovation-mission-for-climate"]


def test_different_instruments_and_generic_names_do_not_merge():
    assert merge_near_duplicates([A("Paris Agreement"), A("Paris Declaration"),
                                  A("Treaty of Rome"), A("Treaty of Lisbon"),
                                  A("Strategic Partnership"), A("Strategic Partnerships")]) == {}


def test_assembled_tables_keep_one_row_per_statement_and_instrument():
    t = build(
        "Joint Statement by Canada and Japan\n\nCanada and Japan support the Partners in the Blue Pacific "
        "and the Partners of the Blue Pacific.",
        "Joint Statement by India and Australia\n\nIndia and Australia support the Partners in the Blue Pacific.",
    )
    assert ids_named(t, "Blue Pacific") == ["partners-in-the-blue-pacific"]
    sa = t["statement_agreements"]
    assert not sa.duplicated(["statement_id", "agreement_id"]).any()
    row = sa[(sa.statement_id == "s0") & (sa.agreement_id == "partners-in-the-blue-pacific")]
    assert row.mentions.iloc[0] == 2


# ---- events ----------------------------------------------------------------------

from pipeline.extract.agreement_identity import is_event


@pytest.mark.parametrize("name, event", [
    ("G7 Hiroshima Summit", True), ("Ukraine Recovery Conference", True), ("COP 28", True), ("COP30", True),
    ("North American Leaders’ Summit", True), ("Summit for Open Societies", True), ("Summit on Ocean Health", True),
    ("Conference of the Parties to the Lake Convention", True), ("NATO Summit Communique", False),
    ("Conference on Disarmament", False), ("Summit Accord", False), ("Paris Agreement", False),
    ("Cyber Policy Dialogue", False),
])
def test_events(name, event):
    assert is_event(name) is event


def test_a_summit_is_not_an_agreement_row():
    t = build("Joint Statement by Canada and Japan\n\nCanada and Japan welcome the Osaka Summit "
              "and the Fisheries Agreement.")
    names = set(t["agreements"].name)
    assert not any("Summit" in n for n in names)
    assert any("Fisheries Agreement" in n for n in names), names
