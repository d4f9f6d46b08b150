"""Actors found by the gazetteer: states (by name or by a demonym that stands for
the state: "the Chinese side"), international organisations and forums,
acronyms defined in the text, and office words."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actor_lexicon import _IO_BLOCK_NEXT, _trie_regex, lexicon
from pipeline.extract.actor_tokens import _Cand
from pipeline.ids import slug
from pipeline.model import Actor


def _gazetteer(text: str) -> tuple[list[_Cand], list[tuple[int, int, str]]]:
    """States, demonyms-as-actors and gazetteer bodies. Also returns every
    state-like hit (start, end, iso3), including rejected ones, for context rules."""
    lx = lexicon()
    cands: list[_Cand] = []
    state_hits: list[tuple[int, int, str]] = []
    for m in lx.gazetteer_re.finditer(text):
        s, e, w = m.start(1), m.end(1), re.sub(r"\s+", " ", m.group(1))
        before = text[max(0, s - 40):s]
        after = text[e:e + 60]
        prev_word = re.search(r"([\w\u2019']+)[\s-]+$", before)
        prev_word = prev_word.group(1) if prev_word else ""
        next_word = re.match(r"[\s-]+([\w\u2019'-]+)", after)
        next_word = next_word.group(1) if next_word else ""
        if w in lx.state_alias:
            iso = lx.state_alias[w]
            state_hits.append((s, e, iso))
            if w == "US" and next_word in ("dollar", "dollars", "cents"):
                continue
            if prev_word in lx.compass or next_word in lx.geo:
                continue
            if re.search(r"\b(?:Sea|Gulf|Bay|Strait|Straits)\s+of\s+(?:the\s+)?$", before):
                continue
            if iso in _place_territories() and _is_place_context(text, s):
                continue  # "our positions on Taiwan": a territory spoken of as a place, not acting
            cands.append(_Cand(s, e, lx.states[iso], 0))
        elif w in lx.demonyms:
            iso = lx.demonyms[w]
            state_hits.append((s, e, iso))
            if prev_word in lx.compass or next_word in lx.geo:
                continue
            if _demonym_is_actor(after):
                cands.append(_Cand(s, e, lx.states[iso], 0))
        else:
            a = lx.orgs[w]
            if next_word in _IO_BLOCK_NEXT:
                continue
            if text[e:e + 1] == "+":
                continue  # "G7++ Friends of X", "ASEAN+3": a different grouping built on the name
            if a.actor_type == "international_organization" and prev_word in lx.demonyms \
                    and re.search(r"\b" + re.escape(prev_word) + r"[ \t]+$", before):
                continue  # "the Russian Security Council": that state's own body, not the UN's
            cands.append(_Cand(s, e, a, 0))
    return cands, state_hits


@lru_cache(maxsize=1)
def _place_territories() -> frozenset[str]:
    """ISO codes of territories that are not sovereign states (regions gazetteer type ``territory``)."""
    from pipeline.extract.regions import gazetteer as region_gazetteer
    return frozenset(r.iso3 for r, _ in region_gazetteer()[0].values() if r.region_type == "territory" and r.iso3)


def _is_place_context(text: str, start: int) -> bool:
    from pipeline.extract.regions import is_place_context
    return is_place_context(text, start)


@lru_cache(maxsize=1)
def _demonym_chain_re() -> re.Pattern:
    lx = lexicon()
    dem = _trie_regex(sorted(lx.demonyms))
    return re.compile(r"^(?:\s*,?\s*(?:and\s+|or\s+)?(?:" + dem + r"))*"
                      r"(?:\s+[a-z]+(?:-[a-z]+)*){0,2}?\s+([A-Za-z]+)\b")


def _demonym_is_actor(after: str) -> bool:
    """The adjective stands for the state: followed (after other demonyms and at
    most two lower-case modifiers) by a word such as side, delegation, Minister."""
    lx = lexicon()
    m = _demonym_chain_re().match(after)
    return bool(m) and m.group(1) in lx.demonym_context


def _acronyms(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """"Federal Highway Administration (FHWA)": the acronym names the same body."""
    out: list[_Cand] = []
    acr: dict[str, Actor] = {}
    for c in chosen:
        if c.actor.actor_type in ("state", "person", "office"):
            continue
        m = re.match(r"\s*\((?:the\s+)?([A-Z][A-Za-z&]{1,9})\)", text[c.end:c.end + 16])
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
            acr.setdefault(m.group(1), c.actor)
    if acr:
        rx = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, acr)) + r")(?![\w])")
        out = [_Cand(m.start(), m.end(), acr[m.group()], 0) for m in rx.finditer(text)]
    return out


# "Japan-Australia-India-U.S. (Quad)": a dash chain of three or more members names the grouping in brackets
_MEMBER_CHAIN = re.compile(r"(?:[A-Z][\w.]*[-\u2010\u2011\u2013]){2,}[A-Z][\w.]*$")


def _drop_redefined_acronyms(text: str, gaz: list[_Cand]) -> list[_Cand]:
    """A gazetteer acronym that the statement defines for something else
    ("Strategic Partnership Commission (SPC)") is not the gazetteer body."""
    lx = lexicon()
    ends = {(c.end, c.actor.actor_id) for c in gaz}
    drop = set()
    for m in re.finditer(r"\s\((?:the\s+)?([A-Z][A-Za-z&]{1,9})\)", text):
        a = lx.orgs.get(m.group(1))
        if a is not None and (m.start(), a.actor_id) not in ends and not _MEMBER_CHAIN.search(text, 0, m.start()):
            drop.add(m.group(1))
    if not drop:
        return gaz
    return [c for c in gaz if text[c.start:c.end] not in drop]


def _offices(text: str) -> list[_Cand]:
    lx = lexicon()
    if lx.office_re is None:
        return []
    out = []
    for m in lx.office_re.finditer(text):
        name = m.group(1).lower()
        out.append(_Cand(m.start(1), m.end(1), Actor(slug(name), name, "office"), 3))
    return out
