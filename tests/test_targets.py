"""The target role (pipeline/extract/targets.py). Sentences are invented."""
import re

from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import make_doc
from pipeline.extract.sentences import split_sentences
from pipeline.extract.targets import clause_targets
from pipeline.model import Actor, Mention

NORVIA = Actor("NRV", "Norvia", "state", "NRV", "NRV")
SELDA = Actor("SLD", "Selda", "state", "SLD", "SLD")
KORAN = Actor("KRN", "Koran Republic", "state", "KRN", "KRN")
OZ = Actor("OZA", "Ozaria", "state", "OZA", "OZA")
LEAGUE = Actor("league", "the League", "international_organization")
MINISTERS = Actor("ministers", "Ministers", "office")
NAMES = {"Norvia": NORVIA, "Selda": SELDA, "the Koran Republic": KORAN, "Ozaria": OZ, "the League": LEAGUE,
         "ministers": MINISTERS}


def targets(text):
    ms = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(o.start < m.end() and m.start() < o.end for o in ms):
                ms.append(Mention(m.start(), m.end(), NAMES[name]))
    cs = find_commitments(make_doc(text), split_sentences(text), [NORVIA, SELDA], ms)
    return [(c.kind, clause_targets(c, ms)) for c in cs]


def test_concern_about_a_third_state():
    assert targets("We are concerned that the Koran Republic continues its missile launches.") == [
        ("concern", ("KRN",))]


def test_opposition_and_welcome_and_support():
    assert targets("We oppose Ozaria's occupation of the islands.") == [("opposition", ("OZA",))]
    assert targets("We welcome the League's decision to send observers.") == [("welcome", ("league",))]
    assert targets("We support Ozaria's sovereignty.") == [("support", ("OZA",))]


def test_committers_addressees_and_offices_are_not_targets():
    assert targets("Norvia welcomes Selda's new port.") == [("welcome", ("SLD",))]
    assert targets("We welcome the work of our ministers.") == [("welcome", ())]


def test_other_kinds_have_no_target():
    assert targets("We will build a bridge with Ozaria.") == [("pledge", ())]
    assert targets("We call on the Koran Republic to stop its launches.")[0][1] == ()


def test_an_actor_named_in_passing_late_in_the_clause_is_not_a_target():
    text = ("We oppose any unilateral attempt to change the status quo by force or coercion, or any other "
            "action at odds with the principles that the League upholds.")
    assert targets(text) == [("opposition", ())]
