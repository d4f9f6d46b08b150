"""Named bodies the head-noun rules miss (round 7):

- an international organisation's own commission: "the ECOWAS Commission" (the gazetteer names the
  organisation; "Commission" right after it names its executive body, a distinct actor), unless the
  gazetteer lists a commission among the organisation's own names ("African Union Commission": then
  "AU Commission" is the organisation too);
- a multilateral forum named as "Global/International ... Forum" or "Global Forum on Cyber Expertise",
  a "Global Coalition to/for ..." (pair forums such as "U.S.-India CEO Forum" are mechanisms, left to
  the agreement rules); "the Coalition for X Y" is an international body;
- hospitals named in a list: "the Lotus and Green River hospitals" are two hospitals;
- an office named after its head's title: "the Attorney General's Office", "the Prosecutor General's
  Office" (a title of two words or more that the lexicon lists; the state before it owns it);
- a person written with a nickname in quotes inside the name: Ana “La Jefa” Ruiz Soto is the person
  "Ana Ruiz Soto".
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actor_lexicon import lexicon
from pipeline.extract.actor_tokens import _Cand
from pipeline.ids import slug
from pipeline.model import Actor

_IO_BODY_RE = re.compile(r"[ \t]+(Commission)\b(?![ \t]+(?:of|on|for)\b)")
# a pre-filter for speed: every match of _FORUM_RE contains "Forum" or "Coalition"
_FORUM_RE = re.compile(
    r"(?<![\w.\u2010\u2011\u2013-])((?:Global|International)[ \t]+(?:[A-Z][\w-]*[ \t]+){0,4}?(Forum|Coalition)"
    r"(?:[ \t]+(?:on|for|to)[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+(?:and[ \t]+|of[ \t]+(?:the[ \t]+)?)?(?!Global\b|International\b)[A-Z][\w-]*){0,3})?)\b")
# a pre-filter for speed: every match of _COALITION_FOR_RE contains "Coalition for"
_COALITION_FOR_RE = re.compile(r"\bthe[ \t]+(Coalition[ \t]+for[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})\b")
# a pre-filter for speed: every match of _HOSPITALS_RE contains "hospitals"
_HOSPITALS_RE = re.compile(
    r"\b((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)[ \t]+and[ \t]+((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)[ \t]+(hospitals)\b")


@lru_cache(maxsize=1)
def _orgs_with_a_commission() -> frozenset[str]:
    return frozenset(a.actor_id for k, a in lexicon().orgs.items() if k.endswith(" Commission"))


# a pre-filter for speed: every match of _TITLE_OFFICE_RE contains "Office"
_TITLE_OFFICE_RE = re.compile(r"\b((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)[\u2019']s[ \t]+Office\b")


# a pre-filter for speed: every match of _NICKNAME_RE contains a double quote mark
_NICKNAME_RE = re.compile(
    r"\b([A-Z][a-z\u00e0-\u00ff]+)[ \t]+[\u201c\"][A-Z][^\u201d\"\n]{1,25}[\u201d\"][ \t]+"
    r"([A-Z][a-z\u00e0-\u00ff]+(?:[ \t]+[A-Z][a-z\u00e0-\u00ff]+){0,2})\b")


def named_group_bodies(text: str, gaz: list[_Cand]) -> list[_Cand]:
    lx = lexicon()
    out: list[_Cand] = []
    for c in gaz:
        if c.actor.actor_type != "international_organization":
            continue
        m = _IO_BODY_RE.match(text, c.end)
        if m is None:
            continue
        name = re.sub(r"\s+", " ", text[c.start:m.end()])
        if name in lx.orgs or c.actor.actor_id in _orgs_with_a_commission():
            continue  # the gazetteer names it ("European Commission", "African Union Commission")
        out.append(_Cand(c.start, m.end(), Actor(slug(name), name, "international_organization"), 0))
    if "Forum" in text or "Coalition" in text:
        for m in _FORUM_RE.finditer(text):
            name = re.sub(r"\s+", " ", m.group(1))
            if name in lx.orgs or len(name.split()) < 3:
                continue  # a bare "Global Coalition" is the short name of one named before
            out.append(_Cand(m.start(1), m.end(1), Actor(slug(name), name, "forum"), 2))
    if "Coalition for" in text:
        for m in _COALITION_FOR_RE.finditer(text):
            name = re.sub(r"\s+", " ", m.group(1))
            if name in lx.orgs:
                continue
            out.append(_Cand(m.start(1), m.end(1), Actor(slug(name), name, "international_organization"), 2))
    if "hospitals" in text:
        for m in _HOSPITALS_RE.finditer(text):
            for g in (1, 2):
                first = m.group(g).split()[0]
                if first in lx.lead_skip or first in lx.state_alias or first in lx.demonyms:
                    break
            else:
                for g in (1, 2):
                    name = f"{m.group(g)} hospital"
                    out.append(_Cand(m.start(g), m.end(g), Actor(slug(name), name, "organization"), 2))
    if "Office" in text:
        for m in _TITLE_OFFICE_RE.finditer(text):
            words = m.group(1).split()
            for q in range(len(words)):  # the longest title that ends the words
                if len(words) - q >= 2 and " ".join(words[q:]) in lx.titles:
                    start = m.start(1) + m.group(1).index(" ".join(words[q:]))
                    name = re.sub(r"\s+", " ", text[start:m.end()])
                    owner = re.search(r"([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)[\u2019']s[ \t]+$", text[max(0, start - 40):start])
                    country = lx.state_alias.get(owner.group(1)) if owner else None
                    out.append(_Cand(start, m.end(), Actor(slug(name), name, "organization", None, country), 2))
                    break
    if "\u201c" in text or '"' in text:
        for m in _NICKNAME_RE.finditer(text):
            words = [m.group(1)] + m.group(2).split()
            if m.group(1) in lx.lead_skip or m.group(1) in lx.state_alias or m.group(1) in lx.demonyms \
                    or any(w in lx.title_last or w in lx.org_heads or w in lx.name_stop for w in words):
                continue
            name = f"{m.group(1)} {re.sub(chr(92) + 's+', ' ', m.group(2))}"
            out.append(_Cand(m.start(), m.end(), Actor(slug(name), name, "person"), 1))
    return out
