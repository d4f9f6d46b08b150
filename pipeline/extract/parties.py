"""Parties of a joint statement: who issues it.

Sources, in order:
1. sidecar ``parties`` (when present they are the answer);
2. the title: states/organisations in hyphenated compounds ("U.S.-Canada Joint
   Statement") and in the issuer part before "on/regarding/announcing/:..."
   ("Joint Statement from Canada, Mexico and the United States following ...");
   a grouping anywhere in the title when the issuer part names no state
   ("Joint Leaders Statement on AUKUS");
3. the opening subject: the states/organisations named before the first main
   verb ("We, the Prime Ministers of Canada and Japan, meet", "The African Union
   and the United States reaffirm", "President X of A and President Y of B met"),
   continued over "hosted/welcomed/received/met" when the subject is a person
   ("President Biden hosted Mexican President ...");
4. fallbacks: "between A and B" early in the text; then the two states most
   mentioned.
A grouping listed in ``actors_groupings.csv`` (G7, Quad, AUKUS, I2U2, GCC, ...)
that issues a statement stands for its member states. Organisations with their
own standing as a party (the EU, the African Union, ASEAN) are kept as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actors import (
    _CONNECTORS,
    _tokenize,
    doc_text,
    find_actors,
    read_data,
    resolve_actor,
    state_actor,
)
from pipeline.model import Actor, Mention, Statement

_PARTY_TYPES = ("state", "international_organization", "forum")

# The title's issuer part ends at the topic ("on ..."), a colon, or a verb.
_TITLE_STOP = re.compile(
    r"\s(?:on|On|regarding|Regarding|concerning|Concerning|announcing|Announcing|to|in|at|"
    r"against|Against|about|About|as witnessed|witnessed)\s|:")

# A crawl line and dateline before the text proper: " date 2026-03-06 TOKYO, March 6, 2026 /CNW/ - "
_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"
    r"(?:[A-Z][A-Z .'\u2019-]+,\s+(?:[A-Z][a-z]+,\s+)?)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
    r"\s*(?:/[^/\n]{1,30}/)?\s*[-\u2013\u2014]+\s+")

# lower-case words that may stand in the subject of the opening sentence
_SUBJECT_WORDS = frozenset({
    "we", "leaders", "heads", "government", "governments", "member", "states", "state",
    "prime", "minister", "ministers", "president", "presidents", "foreign", "of", "and", "the",
    "representatives", "delegations", "delegation", "countries", "country", "nations", "partners",
})
_CONTINUE_VERBS = frozenset({"hosted", "welcomed", "received", "met", "hosts", "welcomes",
                             "receives", "meets"})
_PUNCT_OK = frozenset({",", "(", ")", "\u201c", "\u201d", '"', "\u2014", "\u2013", "-", "\u2019s",
                       "'s", "\u2019", "'", ".", "&", "/"})


@lru_cache(maxsize=1)
def _groupings() -> dict[str, tuple[str, ...]]:
    return {r["grouping"]: tuple(r["members"].split()) for r in read_data("actors_groupings.csv")}


def _expand(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    groups = _groupings()
    for a in actors:
        if a.actor_id in groups:
            out.extend(filter(None, (state_actor(iso) for iso in groups[a.actor_id])))
        else:
            out.append(a)
    return out


def _dedupe(actors) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a is not None:
            seen.setdefault(a.actor_id, a)
    return list(seen.values())


def _title_parties(title: str | None) -> list[Actor]:
    if not title:
        return []
    title = re.sub(r"\s+", " ", title.replace("\u00a0", " ")).strip()
    ms = [m for m in find_actors(title) if m.entity.actor_type in _PARTY_TYPES]
    stop = _TITLE_STOP.search(title)
    seg_end = stop.start() if stop else len(title)

    def hyphenated(m: Mention) -> bool:
        return (title[m.end:m.end + 1] == "-" and title[m.end + 1:m.end + 2].isupper()) or \
               (m.start > 1 and title[m.start - 1] == "-" and not title[m.start - 2].isspace())

    picked = [m.entity for m in ms if m.start < seg_end or hyphenated(m)]
    if not any(a.actor_type == "state" for a in picked):
        picked += [m.entity for m in ms if m.entity.actor_id in _groupings()]
    return picked


def _opening_parties(text: str, mentions: list[Mention]) -> list[Actor]:
    m = _DATELINE.match(text)
    start = m.end() if m else 0
    head = text[start:start + 1500]
    toks = _tokenize(head)
    by_start = {mm.start - start: mm for mm in mentions if start <= mm.start < start + 1500}
    covered_until = -1
    parties: list[Actor] = []
    saw_person = False
    i = 0
    n = len(toks)
    while i < n and i < 200:
        t = toks[i]
        if t.start < covered_until:
            i += 1
            continue
        mm = by_start.get(t.start)
        if mm is not None:
            covered_until = mm.end - start
            if mm.entity.actor_type in _PARTY_TYPES:
                parties.append(mm.entity)
            elif mm.entity.actor_type == "person":
                saw_person = True
            i += 1
            continue
        w = t.text
        ok = (w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS or w in _PUNCT_OK
              or w.lower() in _SUBJECT_WORDS or (w == "\n" and not parties))
        if ok:
            i += 1
            continue
        if w in _CONTINUE_VERBS and saw_person:
            j = i + 1
            if j < n and toks[j].text == "with":
                j += 1
            if j < n and (toks[j].text[:1].isupper() or toks[j].text == "the"):
                saw_person = False
                i = j
                continue
        break
    return parties


def _between_parties(text: str, mentions: list[Mention]) -> list[Actor]:
    head_end = min(len(text), 2000)
    states = [m for m in mentions if m.start < head_end and m.entity.actor_type in _PARTY_TYPES]
    for bm in re.finditer(r"\bbetween\s+", text[:head_end]):
        pos = bm.end()
        chain: list[Actor] = []
        for m in states:
            if m.start < pos:
                continue
            gap = text[pos:m.start]
            if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
                break
            chain.append(m.entity)
            pos = m.end
        if len(_dedupe(chain)) >= 2:
            return chain
    return []


def find_parties(statement: Statement, doc, actor_mentions: list[Mention]) -> list[Actor]:
    """The parties of ``statement``, ordered (title, then opening) and deduplicated."""
    if statement.parties:
        return _dedupe(_expand([resolve_actor(p) for p in statement.parties]))
    text = doc_text(doc) if doc is not None else statement.text
    parties = _dedupe(_expand(_title_parties(statement.title) + _opening_parties(text, actor_mentions)))
    if len(parties) < 2:
        parties = _dedupe(parties + _expand(_between_parties(text, actor_mentions)))
    if not parties:
        counts: dict[str, list] = {}
        for m in actor_mentions:
            if m.entity.actor_type == "state":
                counts.setdefault(m.entity.actor_id, [0, m.entity])[0] += 1
        ranked = sorted(counts.values(), key=lambda c: -c[0])
        parties = [a for c, a in ranked[:2] if c >= 2]
    return parties
