"""Agreement rules from the misses of pool batches 14-17 (round 9); every sentence is invented."""
from __future__ import annotations

from tests.test_agreements import table


def test_a_number_or_additional_opens_plural_created_mechanisms():
    t = table("The ministers agreed to form four regional coordination committees tasked with drafting joint rules.")
    assert t["regional coordination committees"] == ("mechanism", "established", None), t
    t = table("The envoys decided to convene additional bilateral exchanges in the coming months among their agencies.")
    assert t["bilateral exchanges"] == ("mechanism", "planned", None), t


def test_a_time_phrase_between_the_creation_verb_and_its_object():
    t = table("We commit to launching next week a joint maritime task force that will track illicit cargo.")
    assert t["joint maritime task force"] == ("mechanism", "planned", None), t


def test_a_future_time_after_a_created_body_makes_it_planned():
    t = table("They decided to establish a cross-border health working group in the coming months.")
    assert t["cross-border health working group"][1] == "planned", t
    t = table("The leaders agreed to establish a cross-border health working group.")
    assert t["cross-border health working group"][1] == "established", t


def test_a_bare_plural_or_a_plain_exchange_is_none():
    t = table("They will form three committees to study the matter. We will create new student exchanges.")
    assert not t, t
