"""Persons in a delegation list: "Representing Norland were the Minister of Finance, Ana Berg; the head
of the Customs Service, Jon Dahl; and the spokesperson for the Government, Eva Lind." A name of two to
four capitalised words right after a comma, whose comma-delimited item before it is an office (a title
word of ``actors_lexicon.csv``, or a lower-case head/spokesperson/chief), opening at a list boundary
(";", ":", a sentence start, "were", "included", "by", "and"), and ending the list item (";", ",", ".",
"(", " and")."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actor_lexicon import lexicon

_LOWER_OFFICES = ("head", "spokesperson", "spokesman", "spokeswoman", "chief", "deputy")
# the office item: from a list boundary to the comma before the name
_ITEM = re.compile(r"(?:^|[;:]|\n|\.\s|\b(?:were|was|included|includes|include|by|and|with)\b)\s*"
                   r"(?P<item>(?:the\s+)?[^;:,\n]{2,90}?),\s*$")
_ITEM_END = re.compile(r"\s*(?:\((?:virtual|virtually|remote|remotely)\))?\s*(?:[;.,(]|and\b|$)")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    lx = lexicon()
    return frozenset(w for t in lx.titles for w in t.split() if w[:1].isupper() and len(w) > 2
                     and w.rstrip(".") not in ("Mr", "Mrs", "Ms", "Dr", "Sir", "Lady", "Lord", "Dame", "Hon", "Shri",
                                              "Smt", "Excellency", "Justice", "General"))


def office_item_before(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] follows an office item of a delegation list."""
    m = _ITEM.search(text, max(0, start - 120), start)
    if not m or not _ITEM_END.match(text, end):
        return False
    words = re.findall(r"[\w.'\u2019-]+", m.group("item"))
    if not words:
        return False
    titles = _title_words()
    return any(w in titles or w.lower() in _LOWER_OFFICES for w in words)
