"""PLOVER mapping (pipeline/data/plover_mapping.csv, pipeline/extract/plover.py).
Sentences are invented."""
from pathlib import Path

import pytest

from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.plover import MAPPING, lemma_candidates, load_mapping, plover_type
from pipeline.extract.sentences import split_sentences
from pipeline.metadata import TABLES
from pipeline.model import Actor, Mention

CATEGORIES = {line.strip() for line in (Path(__file__).parent / "fixtures" / "plover_categories.txt")
              .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
NORVIA = Actor("NRV", "Norvia", "state", "NRV", "NRV")
SELDA = Actor("SLD", "Selda", "state", "SLD", "SLD")


def coded(text):
    mentions = [Mention(text.index(n), text.index(n) + len(n), a) for n, a in (("Norvia", NORVIA), ("Selda", SELDA))
                if n in text]
    cs = find_commitments(make_doc(text), split_sentences(text), [NORVIA, SELDA], mentions)
    return [(c.kind, plover_type(c.kind, c.trigger)) for c in cs]


def test_mapping_file_has_provenance_and_only_codebook_categories():
    first = MAPPING.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# provenance:") and "openeventdata/PLOVER" in first and "PLOVER_MANUAL.tex" in first
    types = {t for t in load_mapping().values() if t}
    assert types <= CATEGORIES, types - CATEGORIES
    assert {"AGREE", "CONSULT", "SUPPORT", "DEMAND", "REJECT", "ACCUSE"} <= types


def test_every_kind_has_a_default_row():
    kinds = set(TABLES["commitments"].field("kind").enum)
    assert {k for k, lemma in load_mapping() if lemma == ""} == kinds


@pytest.mark.parametrize("sentence, expected", [
    ("Norvia and Selda will build a joint port.", ("pledge", "AGREE")),
    ("We reaffirm our commitment to the fisheries accord.", ("reaffirmation", "AGREE")),
    ("Today Norvia and Selda launch a Joint Energy Council.", ("establishment", "SUPPORT")),
    ("We welcome the release of the fishermen.", ("welcome", "SUPPORT")),
    ("Norvia and Selda discussed regional trade.", ("consultation", "CONSULT")),
    ("We urge all parties to cease hostilities.", ("appeal", "DEMAND")),
    ("We encourage all parties to cease hostilities.", ("appeal", None)),
    ("We oppose any unilateral change to the border.", ("opposition", "REJECT")),
    ("We condemn the attack on the harbour.", ("opposition", "ACCUSE")),
    ("We are concerned about the drought in the valley.", ("concern", "ACCUSE")),
    ("We emphasize the importance of free navigation.", ("emphasis", None)),
])
def test_invented_sentences(sentence, expected):
    assert coded(sentence)[0] == expected


def test_trigger_lemmas():
    assert "condemn" in lemma_candidates("condemned")
    assert "urge" in lemma_candidates("Urges")
    assert "deplore" in lemma_candidates("deploring")
    assert "commit" in lemma_candidates("committed")
    assert lemma_candidates("met")[0] == "meet"
    assert plover_type("opposition", "Denounced") == "ACCUSE"
    assert plover_type("opposition", "rejects") == "REJECT"
    assert plover_type("no-such-kind", "will") is None
