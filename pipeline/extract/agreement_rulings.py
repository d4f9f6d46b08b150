"""Rulings named in lower case by their year (round 13): ``the ruling of the 2016 arbitral tribunal``,
``the July 2016 award in the X Sea arbitration``, ``the 2016 arbitral award``. A dated award of an arbitration
is one specific ruling (ANNOTATION.md: ``ruling``), even when the statement does not capitalise its name."""
from __future__ import annotations

import re

from pipeline.extract.agreement_lexicon import _Cand, _clean

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RULING = re.compile(
    r"\b(?P<name>(?:ruling|award|decision)\s+of\s+the\s+(?P<y1>(?:19|20)\d\d)\s+arbitral\s+tribunal"
    rf"|(?:{_MONTH}\s+)?(?P<y2>(?:19|20)\d\d)\s+(?:arbitral\s+)?(?:award|ruling)\s+in\s+the\s+"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+arbitration"
    r"|(?P<y3>(?:19|20)\d\d)\s+arbitral\s+(?:tribunal\s+)?(?:award|ruling))\b")


def ruling_candidates(text: str) -> list[_Cand]:
    """Dated lower-case rulings of an arbitration; the text must hold "arbitra" (a cheap pre-filter)."""
    if "arbitra" not in text:
        return []
    out = []
    for m in _RULING.finditer(text):
        name = _clean(m.group("name"))
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        out.append(_Cand(m.start("name"), m.end("name"), name, "ruling", year, name, [name], "", 1))
    return out
