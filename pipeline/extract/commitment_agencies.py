"""Agencies speaking for a state: "The Norvian Coast Guard plans to ...", "The Norvia Development
Finance Corporation (NDFC) intends to ...".

A clause subject made of "the", one party's name or adjective and one to six title-case words
(an optional "(ABBR)" after them) is a body of that state: the clause is that party's commitment
(ANNOTATION.md: a leader, minister or delegation speaks for its state; round 7 extends this to
its named agencies). A subject that names a second state, or a state that is not a party, is no
agency of a party.
"""
from __future__ import annotations

import re

from pipeline.extract.commitment_grammar import _is_boundary_token, _Subj, _Tokens

# what follows the state's name: title-case words ("Coast Guard", "Development Finance Corporation",
# "Department of Commerce") and an optional abbreviation in brackets, up to the predicate; no "and"
# ("the United States and Africa will" is two subjects)
_AGENCY_TAIL = re.compile(r"(?:\s+(?:(?:of|for|on)\s+)?[A-Z][\w’'-]*){1,6}(?:\s*\([A-Z][A-Za-z.]{1,9}\))?\s*")
_THE = re.compile(r"(?:^|(?<=\s))[Tt]he\s+$")


def agency_subject(ex, tokens: _Tokens, k: int, floor: int) -> _Subj | None:
    """The subject ending at token ``k`` as an agency of one party, or None."""
    end = tokens.spans[k][1]
    lo = max(tokens.spans[floor][0], end - 160)
    for m in ex.mentions:
        if not lo <= m.start < end or m.end >= end:
            continue
        if m.entity.actor_type != "state" or not _THE.search(ex.text, max(0, m.start - 5), m.start):
            continue
        tail = _AGENCY_TAIL.fullmatch(ex.text, m.end, end)
        if tail is None or any(m.end <= o.start < end for o in ex.mentions):
            continue  # "the Norvia-Selda Council", "The Norvian Embassy in Selda": another actor in it
        party = ex._party_of(m.entity)
        if party is None:
            return None
        the = ex.text.rfind("he", 0, m.start) - 1
        if _is_boundary_token(tokens, tokens.first_from(the) - 1, floor) != "main":
            return None
        return _Subj((party,), "3sg", the)
    return None
