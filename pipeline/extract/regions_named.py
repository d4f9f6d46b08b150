"""Regions named by their own head noun (round 7), which the gazetteer does not list:

- coordinated names on one plural head: "the Amber and Silver River Deltas" are the "Amber Delta" and the
  "Silver River Delta" (grounded on "Amber" and on "Silver River Deltas");
- islands named after their state: "Norland's Northern Islands" (a possessive state, then capitalised
  words and "Islands");
- a region named by capitalised words before the noun "region" (round 11): "the Amber Partnership region",
  "the wider Kestrel Basin region", when none of the words is a gazetteer region, a state or a known body
  ("the Sahel region" is the gazetteer's Sahel; "the ASEAN region" names no region of its own).
"""
from __future__ import annotations

import re

from pipeline.ids import slug
from pipeline.model import Mention, Region

_PLURAL_HEADS = {"Deltas": "Delta", "Valleys": "Valley", "Basins": "Basin", "Islands": "Islands"}
# a pre-filter for speed: every match of _COORD_HEAD_RE contains one of _PLURAL_HEADS
_COORD_HEAD_RE = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+and[ \t]+(?:the[ \t]+)?"
    r"(([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(Deltas|Valleys|Basins))\b")
_POSSESSIVE_ISLANDS_RE = re.compile(
    r"\b([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})[\u2019']s[ \t]+((?:[A-Z][a-z]+[ \t]+){1,2}Islands)\b")


def named_regions(text: str, state_names: frozenset[str]) -> list[Mention]:
    out: list[Mention] = []
    if any(h in text for h in ("Deltas", "Valleys", "Basins")):
        for m in _COORD_HEAD_RE.finditer(text):
            if m.group(1) in state_names or m.group(3) in state_names:
                continue
            head = _PLURAL_HEADS[m.group(4)]
            for g, span in ((1, m.span(1)), (3, m.span(2))):
                name = f"{m.group(g)} {head}"
                out.append(Mention(span[0], span[1], Region(slug(name), name, "region", None, None, None)))
    if "Islands" in text:
        for m in _POSSESSIVE_ISLANDS_RE.finditer(text):
            if m.group(1) not in state_names:
                continue
            name = re.sub(r"\s+", " ", m.group(2))
            out.append(Mention(m.start(2), m.end(2), Region(slug(name), name, "territory", None, None, None)))
    return out


# "the (wider) Amber Partnership region": one to three words, the first capitalised
_REGION_NOUN_RE = re.compile(
    r"\bthe[ \t\n]+(?:(?:wider|broader|entire|whole|greater|larger)[ \t\n]+)?"
    r"([A-Z][\w\u2019'-]*(?:[ \t\n]+[A-Za-z][\w\u2019'-]*){0,2}?)[ \t\n]+region\b")
_COMPASS_WORDS = frozenset({"northern", "southern", "eastern", "western", "north", "south", "east", "west", "central",
                            "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
                            "south-east", "south-west"})  # "the Eastern region": no name of its own
_NOT_NAME_WORDS = frozenset({"and", "or", "of", "the", "to", "in", "for", "whole", "entire", "wider", "broader",
                             "same", "this", "that", "our", "their", "its", "own", "said", "above", "following"})


def region_noun_names(text: str, known) -> list[Mention]:
    """Regions named "the <Name> region"; ``known(word)`` says a word is a gazetteer region, a state or a
    known body (no new region then)."""
    out: list[Mention] = []
    if " region" not in text:
        return out
    for m in _REGION_NOUN_RE.finditer(text):
        ws = m.group(1).split()
        if any(w.lower() in _NOT_NAME_WORDS or known(w) for w in ws) or known(" ".join(ws)) \
                or all(w.lower() in _COMPASS_WORDS for w in ws):
            continue
        name = " ".join(ws) + " region"
        out.append(Mention(m.start(1), m.end(), Region(slug(name), name, "region", None, None, None)))
    return out
