"""The one spaCy pipeline every extractor shares: blank English, rule-based only.

No statistical model is loaded (nothing is fetched at run time). Extractors get
the same ``Doc`` so the text is tokenized once per statement.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    return spacy.blank("en")


def make_doc(text: str) -> Doc:
    """Tokenize ``text`` (no pipes run: tokenization is all the extractors need).

    spaCy's tokenization is non-destructive (``doc.text == text``), so the text is
    cached on the Doc for ``doc_text`` right away instead of being rebuilt from the tokens."""
    doc = get_nlp().make_doc(text)
    doc.user_data["_joint_statements_text"] = text
    return doc


def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on
    every access); a ``str`` is returned as it is."""
    if isinstance(doc, str):
        return doc
    ud = doc.user_data
    text = ud.get("_joint_statements_text")
    if text is None:
        text = ud["_joint_statements_text"] = doc.text
    return text


def count_words(doc: Doc) -> int:
    """Tokens that are neither punctuation nor space (read as one array, not token by token)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int((flags.sum(axis=1) == 0).sum())
