"""The one spaCy pipeline every extractor shares: blank English, rule-based only.

No statistical model is loaded (nothing is fetched at run time). Extractors get
the same ``Doc`` so the text is tokenized once per statement.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    return spacy.blank("en")


def make_doc(text: str) -> Doc:
    """Tokenize ``text`` (no pipes run: tokenization is all the extractors need)."""
    return get_nlp().make_doc(text)
