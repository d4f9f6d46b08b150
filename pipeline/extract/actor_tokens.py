"""A light word tokenisation for the actor rules: tokens, capitalised runs,
candidate mentions and their longest-first selection."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.actor_lexicon import _ABBREV, _CONNECTORS, lexicon
from pipeline.model import Actor

# --------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., H.E.
    # round 9: two capitalised acronyms joined by a slash are one word of a name ("the Defense POW/MIA Office")
    r"|[A-Z]{3,}/[A-Z]{3,}(?![\w/])"
    # words, with inner hyphens/apostrophes; one ending in "-U" goes on over ".S." ("Mekong-U.S.", "EU-U.S.-Japan")
    r"|[^\W\d_](?:[\w\u2019'\-]*\w)?(?:(?<=-[A-Z])(?:\.[A-Z])+\b\.?(?:-[\w\u2019']*\w)*)?"
    r"|\d+(?:[.,]\d+)*"
    r"|\n"
    r"|[^\w\s]"
)


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    append = toks.append
    n = len(text)
    last_end = -1  # the end of the last token
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if s < last_end:  # the "." already attached to "Dr."
            continue
        w = m.group()
        if w[:1].isalpha():
            if w.endswith(("\u2019s", "'s")) and len(w) > 2:  # possessive
                append(_Tok(w[:-2], s, e - 2))
                append(_Tok(w[-2:], e - 2, e))
                last_end = e
                continue
            if e < n and text[e] == "." and (len(w) == 1 and w.isupper() or w in _ABBREV):
                w, e = w + ".", e + 1
        append(_Tok(w, s, e))
        last_end = e
    return toks


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _runs(toks: list[_Tok], text: str) -> list[list[int]]:
    """Indices of maximal capitalised runs (connectors and name particles inside)."""
    particles = lexicon().particles
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(toks):
        w = t.text
        cap = w[:1].isupper() and w[:1].isalpha()  # _is_cap(w), inlined (one call per token)
        gap_ok = not cur or text.find("\n", toks[cur[-1]].end, t.start) < 0
        if gap_ok and cap or cur and gap_ok and (w in _CONNECTORS or w in particles):
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
            cur = [i] if cap else []
    if cur:
        runs.append(cur)
    out = []
    for r in runs:  # trim trailing connectors
        while r and not toks[r[-1]].text[:1].isupper():
            r.pop()
        if r:
            out.append(r)
    return out


# --------------------------------------------------------------------------- candidates

@dataclass
class _Cand:
    start: int
    end: int
    actor: Actor
    prio: int  # lower wins a tie in length


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    taken = bytearray(n + 1)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
