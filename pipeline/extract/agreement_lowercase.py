"""Agreement names written with a lower-case class noun, and headings that are topics.

* a proper name before a lower-case class noun (``agreements_words.csv`` kind ``named_class``:
  policy, initiative, program, partnership): ``Mongolia's New Recovery policy``, ``the "Blue Rivers"
  initiative``, ``USAID's Media and Civil Society Strengthening program``, ``our Fulbright binational
  partnership`` (one format adjective, kind ``named_class_adjective``, may stand between). The name must say
  something of its own: a run that is only states, demonyms, regions, organisations or forums ("the U.S.
  policy", "the Quad partnership", "the EU initiative"), a title or a month is none, and so is a run that
  opens its sentence;
* a long-term plan named by its horizon year: ``Vision-2050``, ``Agenda 2063`` (``Vision``/``Agenda``
  before a year);
* talks named by their parties: ``U.S.-Norland-Estaria trilateral talks``, ``the A-B bilateral dialogue``
  (a hyphenated chain of states, a format adjective, ``talks``/``dialogue``/``consultations``): a mechanism;
* a pair's alliance or strategic partnership written in lower case or with a two-word state (round 8):
  ``the Norland-Estaria alliance``, ``the Norland-United States Alliance``, ``the United States-Norland
  strategic partnership`` (a hyphenated pair of states, one format adjective at most): a framework;
* a name standing in a Title-Case heading ("Promoting Democratic Principles") is a topic, not an
  instrument, when the same words are written in lower case in the body.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.extract.agreement_lexicon import (
    _DETS,
    _MONTHS,
    _TITLES,
    _Cand,
    _clean,
    _country_like,
    _is_cap,
    _Lex,
    _words_of,
)
from pipeline.extract.regions import gazetteer as region_gazetteer
from pipeline.extract.regions import words

_NAMED_CLASS = _words_of("named_class")
_NAMED_ADJ = set(_words_of("named_class_adjective"))
_BLOCK_NEXT = set(_words_of("named_class_blocking_next"))
_QUOTES_CLOSE = {"\u201d", '"', "\u2019"}
_QUOTES_OPEN = {"\u201c", '"', "\u2018"}


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Written forms of actors and regions: a run that is only one of these says nothing of its own."""
    from pipeline.extract.actor_lexicon import lexicon
    lx = lexicon()
    names = set(lx.demonyms) | set(lx.state_alias) | set(lx.orgs)
    _regions, index = region_gazetteer()
    for lst in index.by_first.values():
        for key, _rid in lst:
            names.add(" ".join(key))
    return frozenset(names)


def _plain(w: str, lex: _Lex) -> bool:
    """A word that is only a state, demonym, region or organisation name (or a pair of them: "U.S.-Italian")."""
    known = _known_names()
    return w in known or _country_like((w,), lex) or ("-" in w and all(p in known for p in w.split("-") if p))


def _all_plain(words_: list[str], lex: _Lex) -> bool:
    """The run is covered by names of states, demonyms, regions and organisations ("United States DPRK")."""
    known = _known_names()
    i, n = 0, len(words_)
    while i < n:
        for j in range(n, i, -1):
            if " ".join(words_[i:j]) in known or (j == i + 1 and _plain(words_[i], lex)):
                i = j
                break
        else:
            return False
    return True


def _starts(ws, text: str) -> list[bool]:
    """Sentence starts; a single line break inside a hard-wrapped paragraph starts nothing."""
    out, prev, prev_end = [], None, 0
    for w, s, e in ws:
        out.append(prev is None or prev in {".", "!", "?", ";", ":", "("} or "\n\n" in text[prev_end:s].replace(" ", ""))
        prev, prev_end = w, e
    return out


def named_class_candidates(text: str, ws, lex: _Lex) -> list[_Cand]:
    out: list[_Cand] = []
    n = len(ws)
    starts = _starts(ws, text)
    for i in range(1, n):
        head = ws[i][0]
        if head not in _NAMED_CLASS:
            continue
        j = i - 1
        if ws[j][0] in _NAMED_ADJ and j > 0:
            j -= 1
        quoted = False
        if ws[j][0] in _QUOTES_CLOSE and j > 0:
            quoted, j = True, j - 1
        # the capitalised run ending at j
        k = j
        while k >= 0:
            w = ws[k][0]
            opens_quote = quoted and k > 0 and ws[k - 1][0] in _QUOTES_OPEN
            if _is_cap(w) and w[:1].isalnum() and (not starts[k] or opens_quote) and "\n" not in text[ws[k][2]:ws[k + 1][1]]:
                k -= 1
                continue
            if w == "and" and k - 1 >= 0 and k < j and _is_cap(ws[k - 1][0]) and not starts[k - 1]:
                k -= 1
                continue
            break
        b = k + 1
        while b <= j and any(ws[q][0].endswith(("'", "\u2019")) for q in range(b, j + 1)):
            b += 1  # "the United States’ DPRK policy": the name starts after the possessive
        if b > j:
            continue
        if b == j and b - 1 >= 0 and ws[b - 1 - (1 if quoted else 0)][0].lower() in ("a", "an"):
            continue  # "an AI partnership": one word after an indefinite article is a common noun phrase
        if i + 1 < n and ws[i + 1][0] in _BLOCK_NEXT:
            continue  # "the DPRK policy review", "the Eastern partnership region": a compound noun
        if quoted and not (b - 1 >= 0 and ws[b - 1][0] in _QUOTES_OPEN):
            continue
        if not quoted and b - 1 >= 0 and _is_cap(ws[b - 1][0]) and starts[b - 1] and ws[b - 1][0].lower() not in STOP_WORDS:
            continue  # the run opens its sentence: "Fulbright program grants ..." may be a subject's name
        if b >= 2 and ws[b - 1][0] in ("for", "of", "on", "and", "to", "&", "in") and _is_cap(ws[b - 2][0]):
            continue  # "AIM for Climate initiative": the tail of a longer name
        if lex.heads.get((ws[j][0],), ("", "pair"))[1] != "pair" or any(ws[q][0] in _NAMED_CLASS for q in range(b, j + 1)):
            continue  # "the Quad Vaccine Partnership initiative": a name with its class noun (see _class_noun_kinds)
        run = [w for w, _, _ in ws[b:j + 1]]
        content = [w for w in run if w != "and"]
        if not content or run[-1] == "and":
            continue
        joined = _clean(text[ws[b][1]:ws[j][2]])
        chain = (len(content) == 1 and content[0].count("-") >= 2 and ws[j + 1][0] in ("trilateral", "quadrilateral")
                 and all(_country_like((p,), lex) for p in content[0].split("-")))
        if not chain and (joined in _known_names() or _all_plain(content, lex)):
            continue  # "the U.S. policy", "the Quad partnership"; but "the A-B-C trilateral partnership" is a format
        if len(content) == 1 and not quoted and not content[0].isupper() and re.search(r"(?<![\w-])" + re.escape(content[0].lower()) + r"(?![\w-])", text):
            continue  # "Alliance policy" where the text also writes "alliance": a common noun capitalised
        if any(w in _MONTHS or w in _TITLES for w in content) or content[0].lower() in _DETS:
            continue
        if any(w.isupper() and len(w) > 1 and _plain(w, lex) for w in content[:1]) and len(content) == 1:
            continue
        s, e = ws[b][1], ws[i][2]
        if quoted:  # "the “Blue Rivers” initiative": named without its quotes, grounded with them
            name = _clean(joined + " " + text[ws[j + 1][2]:e])
            s = ws[b - 1][1]
        else:
            name = _clean(text[s:e])
        out.append(_Cand(s, e, name, _NAMED_CLASS[head], None, name, [name, _clean(text[s:e])], head, 2))
    return out


_HORIZON = re.compile(r"(?<![\w-])(?P<name>(?:Vision|Agenda)[- ](?:20\d\d))(?![\w-])")
_RES = r"(?:[A-Z][\w.]*(?:\s+of\s+[A-Z]\w*)?)"
_TALKS = re.compile(
    rf"(?<![\w.-])(?P<chain>{_RES}(?:-{_RES}){{1,3}})(?:\s*\((?P<acr>[A-Z]{{2,5}})\))?\s+"
    r"(?P<adj>bilateral|trilateral|quadrilateral)\s+(?P<head>talks|dialogue|consultations)\b")


_PW = r"[A-Z][\w.]*"
_PAIR_FRAME = re.compile(
    rf"(?<![\w.-])(?:(?P<pre>{_PW})\s+)?(?P<pair>{_PW}(?:-{_PW}){{1,2}})(?:\s+(?P<post>{_PW}))?\s+"
    r"(?:(?P<adj>strategic|security|defen[cs]e|comprehensive|global|bilateral|trilateral)\s+)?"
    r"(?P<head>[Aa]lliance|(?<=strategic )partnership)\b")


def _pair_frames(text: str, lex: _Lex) -> list[_Cand]:
    """``the A-B alliance``, ``the A-United States Alliance``, ``the A-B strategic partnership``."""
    out = []
    for m in _PAIR_FRAME.finditer(text):
        if m.group("head")[0] == "A" and m.group("adj"):
            continue  # "A-B Strategic Alliance" is a capitalised name (agreement_names)
        # the pair may take a two-word state on either side ("Japan-United States", "United States-Japan")
        best = None
        for pre in ([m.group("pre")] if m.group("pre") else []) + [None]:
            for post in ([m.group("post")] if m.group("post") else []) + [None]:
                chain = " ".join(x for x in (pre, m.group("pair"), post) if x)
                parts = chain.split("-")
                if all(_country_like(tuple(p.split()), lex) for p in parts):
                    best = best or (pre, post, chain)
        if best is None:
            continue
        pre, post, chain = best
        if m.group("post") and post is None:
            continue  # "A-B Defense Alliance": another word of the name
        s = m.start("pre") if pre else m.start("pair")
        tail = " ".join(x for x in (m.group("adj"), m.group("head")) if x)
        name = f"{chain} {tail}"
        out.append(_Cand(s, m.end(), name, "framework", None, name, [name, _clean(text[s:m.end()])],
                         m.group("head").lower(), 2))
    return out


def other_candidates(text: str, lex: _Lex) -> list[_Cand]:
    out: list[_Cand] = []
    if "Vision" in text or "Agenda" in text:
        for m in _HORIZON.finditer(text):
            name = m.group("name")
            out.append(_Cand(m.start(), m.end(), name, "framework", None, name,
                             [name, name.replace("-", " "), name.replace(" ", "-")], "", 2))
    if "lliance" in text or "strategic partnership" in text:
        out += _pair_frames(text, lex)
    if "lateral" in text:
        for m in _TALKS.finditer(text):
            parts = m.group("chain").split("-")
            if not all(_country_like(tuple(w for w, _, _ in words(p)), lex) for p in parts):
                continue
            tail = f"{m.group('adj')} {m.group('head')}"
            name = f"{_clean(m.group('chain'))} {tail}"
            aliases = [name, _clean(text[m.start():m.end()])]
            if m.group("acr"):
                aliases.append(f"{'-'.join(parts[:-1])}-{m.group('acr')} {tail}")
            out.append(_Cand(m.start(), m.end(), name, "mechanism", None, name, aliases, m.group("head"), 2))
    return out


_PARA = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*([^\n]{1,90}?)[ \t]*(?=\n[ \t]*\n|$)")


def drop_heading_topics(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A pattern name inside a Title-Case heading paragraph ("Promoting Democratic Principles") whose words the
    body writes in lower case ("democratic principles") is the heading's topic, not an instrument."""
    heads = [(m.start(1), m.end(1)) for m in _PARA.finditer(text)
             if not m.group(1).rstrip().endswith((".", ":", ";", ",")) and len(m.group(1).split()) <= 10]
    if not heads:
        return cands
    out = []
    for c in cands:
        if c.prio == 2 and any(s <= c.start and c.end <= e for s, e in heads):
            low = text[c.start:c.end].lower()
            if low != text[c.start:c.end] and re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text):
                continue
        out.append(c)
    return out
