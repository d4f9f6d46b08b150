"""Lower-case instruments the parties negotiate (round 13): ``begin negotiations on a targeted critical minerals
agreement``, ``progress in negotiating a U.S.-Philippines civil nuclear cooperation agreement``, ``commit to
negotiate a mutual recognition agreement on cybersecurity``. An instrument the parties themselves negotiate is
specific and planned (ANNOTATION.md: "plan it in this statement"); it is named by its modifiers (a hyphenated pair
of names may open them), its head and a lower-case ``on`` subject. Evaluative adjectives (``a broader``, ``a
targeted``; ``negotiated_drop`` in ``agreements_words.csv``) are no part of the name; a bare head (``negotiate an
agreement``) names nothing; an instrument between named parties that are not states (``a commercial agreement between
A Aerospace and B Limited``) is named with them."""
from __future__ import annotations

import re

from pipeline.extract.agreement_lexicon import _Cand, _clean, _country_like, _lex, _words_of

_HEADS = {"agreement": "agreement", "agreements": "agreement", "arrangement": "agreement", "accord": "agreement",
          "treaty": "treaty", "protocol": "treaty", "convention": "treaty"}
_STOP = r"(?!(?:and|or|to|of|for|the|with|on|in|between|that|which|by|at|as|a|an)\b)"
_NEGOTIATED = re.compile(
    r"\b(?:negotiat(?:e|es|ed|ing)|negotiations?\s+(?:of|on|for|toward|towards))\s+(?:a|an)\s+"
    r"(?P<np>(?:[A-Z][\w.]*(?:-[A-Z][\w.]*)+\s+)?(?:" + _STOP + r"[a-z][\w-]*\s+){1,5}?)"
    r"(?P<head>" + "|".join(_HEADS) + r")\b"
    r"(?:\s+on\s+(?P<subj>(?:" + _STOP + r"[a-z][\w-]*\s+(?:and\s+)?){0,3}" + _STOP + r"[a-z][\w-]*)(?=\s*[,.;:(]))?"
    # "a commercial agreement between GE Aerospace and X Limited": named parties that are not states name it
    r"(?:\s+between\s+(?P<parties>(?P<p1>[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*)*\s+and\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*))?")


def negotiated_candidates(text: str) -> list[_Cand]:
    """Instruments described after "negotiate a/an"; the text must hold "negotiat" (a cheap pre-filter)."""
    if "negotiat" not in text:
        return []
    drop = _words_of("negotiated_drop")
    out = []
    for m in _NEGOTIATED.finditer(text):
        s = m.start("np")
        words = m.group("np").split()
        while words and words[0] in drop:
            s = text.index(words[0], s) + len(words[0])
            s += len(text[s:]) - len(text[s:].lstrip())
            words = words[1:]
        if not words:
            continue  # "negotiate a new agreement": nothing specific
        e = m.end("subj") if m.group("subj") else m.end("head")
        if m.group("parties") and not m.group("subj") and not _country_like((m.group("p1"),), _lex()):
            e = m.end("parties")  # others' instrument: its parties name it ("optional" in ANNOTATION.md)
        name = _clean(text[s:e])
        head = m.group("head").lower()
        out.append(_Cand(s, e, name, _HEADS[head], None, _clean(text[s:m.end("head")]), [name], head, 1))
    return out
