"""Associated and non-sovereign governments as state-like actors (round 10).

Self-governing and associated entities with an ISO 3166-1 alpha-3 code that are no UN members
("the Cook Islands", "Niue", "French Polynesia", "New Caledonia") issue statements with states, but
their names are far more often places. They are state actors (``actor_type`` state, their ISO code)
only where the text names them as governments:

- an item of a list of states headed by "the governments / leaders / heads of government / parties of"
  ("the governments of Australia, the Cook Islands, Niue and Samoa"), the list holding at least one
  sovereign state;
- "the Government of X" / "the Governments of X and Y".

Elsewhere ("tourism in the Cook Islands") the name stays a place (regions). Names come from pycountry
(name, official and common names), for every alpha-3 code the sovereign-state lexicon lacks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actor_lexicon import _trie_regex, lexicon
from pipeline.extract.actor_tokens import _Cand
from pipeline.model import Actor

_HEAD = re.compile(
    r"(?:\b(?:[Gg]overnments?|[Ll]eaders|[Hh]eads\s+of\s+(?:[Ss]tate\s+and\s+)?[Gg]overnment|[Pp]arties)"
    r"\s+of\s+(?:the\s+)?)$")
_SINGLE_HEAD = re.compile(r"\b[Gg]overnments?\s+of\s+(?:the\s+)?$")
_GAP = re.compile(r"\s*,?\s*(?:and\s+)?(?:the\s+)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def associated_names() -> dict[str, Actor]:
    """Written form -> state-like Actor, for ISO 3166-1 entities that are not in the state lexicon."""
    import pycountry

    lx = lexicon()
    out: dict[str, Actor] = {}
    for c in pycountry.countries:
        iso = c.alpha_3
        if iso in lx.states:
            continue
        name = getattr(c, "common_name", None) or c.name
        if "," in name or "(" in name:
            continue
        actor = Actor(iso, name, "state", iso3=iso, country=iso)
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n and "," not in n and "(" not in n and n not in lx.state_alias:
                out.setdefault(n, actor)
    return out


@lru_cache(maxsize=1)
def _name_re() -> re.Pattern:
    return re.compile(r"(?<![\w.])(" + _trie_regex(sorted(associated_names())) + r")(?![\w-])")


def associated_governments(text: str, state_hits: list[tuple[int, int, str]]) -> list[_Cand]:
    """Candidates for associated governments named as governments (see the module docstring)."""
    names = associated_names()
    hits = [(m.start(1), m.end(1), names[re.sub(r"\s+", " ", m.group(1))]) for m in _name_re().finditer(text)]
    if not hits:
        return []
    sovereign = lexicon().states
    # a state word inside an associated name ("French" in "French Polynesia") is no item of its own
    own = [(s, e, None) for s, e, iso in state_hits if iso in sovereign
           and not any(hs < e and s < he for hs, he, _ in hits)]
    items = sorted(own + hits, key=lambda t: t[0])
    out: list[_Cand] = []
    k = 0
    while k < len(items):  # maximal runs of list items joined by commas / "and"
        run, q = [items[k]], k + 1
        while q < len(items) and items[q][0] >= run[-1][1] and _GAP.fullmatch(text, run[-1][1], items[q][0]):
            run.append(items[q])
            q += 1
        first = run[0][0]
        head = text[max(0, first - 60):first]
        assoc = [r for r in run if r[2] is not None]
        if assoc:
            if len(run) > len(assoc) and _HEAD.search(head):
                out.extend(_Cand(s, e, a, 0) for s, e, a in assoc)
            elif _SINGLE_HEAD.search(head):
                out.extend(_Cand(s, e, a, 0) for s, e, a in assoc)
        k = q
    return out


def associated_actor(iso3: str) -> Actor | None:
    """The state-like Actor of an associated government by its ISO code (a grouping's member)."""
    return next((a for a in associated_names().values() if a.iso3 == iso3), None)
