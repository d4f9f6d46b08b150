"""Lower-case instruments the statement describes rather than names (round 6).

* a statement, letter or declaration of intent the parties sign: ``we have signed a statement of intent to
  advance ...`` (an agreement named by its head, with its subject when one follows ``on``);
* a memorandum or arrangement marked as new or still to come and described by its purpose, subject or
  parties: ``a forthcoming memorandum of understanding between our space agencies``, ``a new arrangement to
  advance seabed mapping`` (named by the head and the description, up to the end of the noun phrase).

* a memorandum of understanding in lower case named by its two capitalised parties (round 14): ``the renewal of
  the memorandum of understanding between the Norland Ministry of Fisheries and Ostra's Ministry of Health``.

* a lower-case agreement signed here and described by what it covers (round 14): ``signed a new joint
  fisheries and ocean partnership agreement aimed at ...`` (two or more describing words besides new, joint,
  bilateral; ``new`` and evaluative words are no part of the name).

Status comes from the usual cues (``signed``) and from a future adjective before the head (``forthcoming``,
``upcoming``, ``proposed``: planned; see ``agreement_status``).
"""
from __future__ import annotations

import re

from pipeline.extract.agreement_lexicon import _Cand, _clean, _words_of

_INTENT = r"(?:statement|letter|declaration)\s+of\s+intent"
_HEADS = rf"memorand(?:um|a)\s+of\s+(?:understanding|cooperation)|MOU|MoU|arrangement|{_INTENT}"
# the description: a purpose ("to advance X"), a subject ("on X") or the parties ("between our agencies"),
# lower-case or capitalised words with inner "and/of/the/our", up to the end of the noun phrase
_WORD = r"(?!(?:with|between|through|which|that|by|at|during|under|in|into|from|as|while|and\s+(?:the|a|an|to|will|we))\b)[\w][\w'\u2019-]*"
_DESC = (r"(?P<desc>(?:to\s+(?!(?:the|a|an|be)\b)[a-z]+|on|concerning|regarding|between|among)"
         rf"(?:\s+(?:(?:and|of|the|our|their|for)\s+)*{_WORD}){{1,8}}?)"
         r"(?=\s*[,.;:)]|\s+(?:with|between|through|which|that|by|at|during|under|in|to|from|as|while)\b)")
_DESCRIBED = re.compile(
    rf"\b(?P<adj>forthcoming|upcoming|proposed|future|new)\s+(?P<head>{_HEADS})(?:\s*\([A-Z][A-Za-z]{{1,6}}\))?\s+{_DESC}")
# "we intend to pursue a Memorandum of Understanding to reduce X", "renewed and expanded the MOU to deepen X":
# an act on a memorandum described by its purpose names it (capitalised or not)
_ACTED = re.compile(
    r"\b(?:pursu|negotiat|conclud|sign|renew|expand|finaliz|finalis|updat)(?:e|es|ed|ing|s)?\s+(?:and\s+[a-z]+\s+)?"
    r"(?:a|an|the)\s+(?:new\s+)?(?P<head>[Mm]emorand(?:um|a)\s+of\s+[Uu]nderstanding|MOU|MoU)\s+"
    r"(?P<desc>to\s+(?!(?:the|a|an|be)\b)[a-z]+(?:\s+(?:(?:and|of|the|our|their|for|on)\s+)*" + _WORD + r"){1,8}?)"
    r"(?=\s*[,.;:)]|\s+(?:with|between|through|which|that|by|at|during|under|in|to|from|as|while)\b)")
_SIGNED_INTENT = re.compile(
    rf"\b(?:sign|signs|signed|signing|conclude|concluded|concludes|concluding)\s+(?:a|an)\s+(?:joint\s+)?"
    rf"(?P<head>{_INTENT})\b(?:\s+on\s+(?P<subj>(?:[a-z][\w-]*\s+(?:and\s+)?){{0,4}}[a-z][\w-]*)(?=\s*[,.;:]))?")
_KIND = {"arrangement": "agreement"}
_SIGNED_DESCRIBED = re.compile(
    r"\b(?:signed|signs|sign|signing|concluded|conclude|concludes|concluding)\s+(?:a|an)\s+"
    r"(?P<np>(?:(?!(?:the|a|an|of|on|for|to|with|in|by|that|which)\b)[a-z][\w-]*\s+(?:and\s+)?){2,6}?)"
    r"(?P<head>agreement|arrangement|memorandum\s+of\s+understanding)\b"
    r"(?!\s+(?:on|for|to|concerning|regarding|between|with|in)\b|-)")
_PLAIN_ADJ = frozenset(_words_of("signed_plain")) | {"and"}
_DROPPED_ADJ = tuple(w + " " for w in _words_of("signed_drop"))
_MOU_BETWEEN = re.compile(r"\b(?:the|a|an)\s+(?P<head>memorandum\s+of\s+understanding|MOU|MoU)\s+between\s+")
_PARTY_WORD = re.compile(r"(?:[A-Z][\w.\u2019'-]*|the|of|and|for|[\u2019']s)(?!\w)\s*")


def _parties_end(text: str, i: int) -> int | None:
    """End of "A and B" from i: capitalised words with inner the/of/and/for/'s, closed by a capitalised word,
    holding an "and" with a capitalised word on both sides; None otherwise."""
    last, and_seen, prev_cap = None, False, False
    for _ in range(24):
        m = _PARTY_WORD.match(text, i)
        if not m:
            break
        w = m.group().strip()
        stop = w.endswith(".") and w.count(".") == 1  # "Health." ends the sentence; "U.S." is one word
        if w[:1].isupper():
            last, prev_cap = i + len(w) - stop, True
            if and_seen is None:
                and_seen = True
        if stop:
            break
        elif w == "and" and prev_cap and and_seen is False:
            and_seen = None  # an "and" after a capitalised word; a capitalised word must follow
        i = m.end()
    return last if and_seen is True else None


def described_candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _SIGNED_INTENT.finditer(text):
        head = _clean(m.group("head")).lower()
        s, e = m.start("head"), m.end("subj") if m.group("subj") else m.end("head")
        name = _clean(text[s:e]).lower() if m.group("subj") else head
        out.append(_Cand(s, e, name, "agreement", None, name, [name, head], head, 1))
    for m in _DESCRIBED.finditer(text):
        head = _clean(m.group("head"))
        desc = _clean(m.group("desc"))
        if m.group("adj") == "new" and desc.split()[0] in ("on", "concerning", "regarding", "among"):
            continue  # "a new arrangement on X": with "new", only a purpose or the parties make it specific
        s, e = m.start("head"), m.end("desc")
        name = _clean(f"{head} {desc}")
        kind = "agreement"
        out.append(_Cand(s, e, name, _KIND.get(head.lower(), kind), None, name, [name], head.lower(), 1))
    for m in _ACTED.finditer(text):
        s, e = m.start("head"), m.end("desc")
        name = _clean(text[s:e])
        out.append(_Cand(s, e, name, "agreement", None, name, [name], "memorandum of understanding", 1))
    for m in _SIGNED_DESCRIBED.finditer(text):
        np = m.group("np")
        if sum(w not in _PLAIN_ADJ for w in np.split()) < 2:
            continue  # "signed a new bilateral agreement": not specific
        s = m.start("np")
        while text.startswith(_DROPPED_ADJ, s):
            s = text.index(" ", s) + 1
        e = m.end("head")
        name = _clean(text[s:e])
        out.append(_Cand(s, e, name, "agreement", None, name, [name], m.group("head").lower(), 1))
    if "emorandum of understanding between" in text or "MOU between" in text or "MoU between" in text:
        for m in _MOU_BETWEEN.finditer(text):
            e = _parties_end(text, m.end())
            if e is None or not text[m.end():e].split()[0][:1].isupper() and not text[m.end():].startswith("the "):
                continue
            s = m.start("head")
            name = _clean(text[s:e])
            out.append(_Cand(s, e, name, "agreement", None, name, [name], "memorandum of understanding", 1))
    return out
