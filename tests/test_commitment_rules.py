"""The rule behind a commitment row, named on the review pages
(pipeline/extract/commitment_rules.py). Sentences are invented."""
from pipeline.extract.commitment_rules import explain_trigger
from pipeline.extract.corpus import assemble_tables
from pipeline.extract.statement import extract_statement
from pipeline.model import Statement
from pipeline.publish.review import _Lookups, statement_page


def explain(text, trigger, kind=None):
    return explain_trigger(text, text.index(trigger), kind)


def test_a_modal_row_is_named_by_its_lexicon_row_and_code_rule():
    assert explain("Norvia and Seldan will expand their cooperation.", "will", "pledge") == \
        "commitment_triggers.csv row \"will\" (kind pledge; refined by the code rule 'modal')"


def test_a_verb_row_without_refinement():
    assert explain("Norvia and Seldan reaffirmed their commitment to the alliance.", "reaffirmed",
                   "reaffirmation") == 'commitment_triggers.csv row "reaffirm" (kind reaffirmation)'


def test_a_pattern_whose_trigger_is_not_its_first_word():
    # the trigger token is marked ^ in the pattern; the match starts earlier
    assert explain("Norvia and Seldan remain committed to the peace process.", "committed", "reaffirmation") == \
        "commitment_triggers.csv row \"remain ^committed\" (kind reaffirmation; refined by the code rule 'adj')"


def test_a_list_item_has_no_trigger_row():
    text = "Norvia and Seldan have agreed a shared agenda for action to:\n\nBuild the new ports together."
    assert explain(text, "Build") == "list item or inline item under an introducing clause (no trigger row)"


def test_every_commitment_of_a_statement_page_names_its_rule():
    text = ("Joint Statement by Norway and Chile\n\nNorway and Chile reaffirmed their partnership. "
            "They will open a trade office in Oslo and urged all states to respect the law of the sea.")
    ex = extract_statement(Statement(statement_id="s0", source_file="s0.txt", sha256="0" * 64, text=text))
    t = assemble_tables([ex])
    assert len(t["commitments"]) >= 2
    st = next(t["statements"].itertuples(index=False))
    page = statement_page(st, t, _Lookups(t))
    assert page.count("rule: commitment_triggers.csv row") == len(t["commitments"])
