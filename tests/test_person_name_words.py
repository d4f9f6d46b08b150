"""Which words can be part of a person's name (pipeline/extract/actor_persons.py); invented sentences."""
from __future__ import annotations

from pipeline.extract.actors import find_actors
from pipeline.extract.nlp import make_doc


def _persons(text: str) -> list[str]:
    return [m.entity.name for m in find_actors(make_doc(text)) if m.entity.actor_type == "person"]


def test_a_model_code_with_digits_after_a_title_word_is_no_person():
    assert _persons("Norway will buy twelve General Dynamics XR-7B drones from Chile.") == []
    assert all(not any(ch.isdigit() for ch in p) for p in _persons("Admiral Tern 4G will sail."))


def test_names_after_titles_are_still_persons():
    assert _persons("President Alvarez and Prime Minister Lind met in Oslo.") == ["Alvarez", "Lind"]


def test_a_capitalised_name_after_a_model_code_is_no_person():
    assert _persons("Norway will buy General Dynamics XR-7B Sky Hawks for its coast guard.") == []
