"""Two named bodies joined by "and" (round 11): "officials of the White House and State Department",
"a deal between Vanta Aerospace and Korvel Aeronautical Limited". A body's modifiers may run back over
"and" ("Trade and Development Agency", "National Oceanic and Atmospheric Administration"), but not when the
words before "and" already name a body of their own: a gazetteer body ("White House"), or two or more
capitalised words holding a body head ("Lakeview University-Marsh") or an acronym of no known body
("GE Aerospace"). The words before "and" are then a body of their own (``left_conjunct_body``)."""
from __future__ import annotations

import re

from pipeline.extract.actor_lexicon import lexicon
from pipeline.extract.actor_tokens import _is_cap


def _left_words(toks, run, j, person_tok, hit_at) -> list[int]:
    """Indexes (into ``run``) of the capitalised words right before run[j] (the "and")."""
    lx = lexicon()
    out: list[int] = []
    q = j - 1
    while q >= 0:
        t = toks[run[q]].text
        if not _is_cap(t) or t in lx.lead_skip or t in lx.title_last or run[q] in person_tok \
                or toks[run[q]].start in hit_at:
            break
        out.insert(0, q)
        q -= 1
    return out


def _is_acronym(word: str) -> bool:
    lx = lexicon()
    return len(word) >= 2 and word.isalpha() and word.isupper() and word not in lx.orgs \
        and word not in lx.state_alias


def left_names_a_body(toks, run, j, person_tok, hit_at) -> tuple[bool, list[int]]:
    """Whether the capitalised words before the "and" at run[j] name a body of their own; with the words,
    when they are a new body (not one the gazetteer finds anyway)."""
    lx = lexicon()
    idx = _left_words(toks, run, j, person_tok, hit_at)
    words = [toks[run[q]].text for q in idx]
    if not words:
        return False, []
    for n in range(len(words)):
        if " ".join(words[n:]) in lx.orgs and len(words) - n >= 2:
            return True, []  # "the White House and State Department": the gazetteer names the first
    if len(words) < 2:
        return False, []
    if any(w.split("-")[0] in lx.org_heads for w in words[1:]) or any(_is_acronym(w) for w in words):
        return True, idx
    return False, []


# "the Norland/South Norland/ABC Cancer Consortium": names joined by slashes before a body are its name too
_SLASH_CHAIN = re.compile(r"(?<![\w/])(?:[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2}/){1,4}$")


def slash_chain_start(text: str, start: int) -> int:
    """The start of a body's name that runs back over a slash-joined chain of capitalised names
    ("Norland/South Norland/ABC Cancer Consortium"); ``start`` when there is none."""
    if start == 0 or text[start - 1] != "/":
        return start
    m = _SLASH_CHAIN.search(text, max(0, start - 80), start)
    if m is None or any(w.strip() in lexicon().orgs for w in m.group(0).split("/")):
        return start  # "the G20/OECD Principles": a known body before the slash is one of its own
    return m.start()
