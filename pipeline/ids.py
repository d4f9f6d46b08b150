"""Identifiers: one place that says how IDs are spelled."""
from __future__ import annotations

import re

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """Kebab-case ASCII slug: ``Déclaration de Paris`` -> ``declaration-de-paris``.

    The statement_id rule of DATA_MODEL.md: fold to ASCII, lower-case, each run
    of characters outside ``[a-z0-9]`` becomes one ``-`` (none at the ends).
    """
    folded = anyascii(name).replace("'", "").lower()
    return _NON_ALNUM.sub("-", folded).strip("-")


def statement_id_for(stem: str) -> str:
    """DATA_MODEL.md's rule to the letter (apostrophes are runs like any other);
    leading and trailing dashes are dropped so an id never starts with ``-``."""
    return _NON_ALNUM.sub("-", anyascii(stem).lower()).strip("-")
