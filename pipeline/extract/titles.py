"""The office a person holds in a statement (``statement_actors.title``).

The title is the capitalised phrase written right before a mention of the person
("Prime Minister Justin Trudeau", "Canadian Ambassador to the United States
Kirsten Hillman"): a run of capitalised words, joined by "of", "for", "and",
"the", "to", that contains an office word of ``pipeline/data/actors_office_titles.csv``.
A leading national adjective or code ("U.S.", "Russian", "Canadian", from
``actors_demonyms.csv``) and a trailing honorific ("Dr.", "Mr.", "H.E.") are not part
of the office. The first mention of the person that has such a phrase gives the
title; a person never written with one has none.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
OFFICES = DATA / "actors_office_titles.csv"
DEMONYMS = DATA / "actors_demonyms.csv"

__all__ = ["person_titles", "title_before"]

_HONORIFICS = {"dr.", "dr", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "h.e.", "sir", "madam", "his", "her",
               "excellency", "majesty", "highness", "hon.", "honourable", "honorable", "sheikh", "shaikh"}
_CONNECTORS = {"of", "for", "and", "the", "to", "on"}
# a national adjective the list may lack ("Norvian", "Japanese", "Iraqi") before an office
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|i)$")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    return frozenset(r["word"].strip() for r in _rows(OFFICES))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(r["demonym"].strip() for r in _rows(DEMONYMS)) | {"US", "UK", "U.K.", "EU", "E.U."}


def title_before(text: str, start: int, line_start: int = 0) -> str | None:
    """The office written right before offset ``start`` (the person's name), or None."""
    lo = max(line_start, text.rfind("\n", 0, start) + 1, start - 120)
    before = text[lo:start]
    if before and not before[-1].isspace():
        return None
    words = before.split()
    run: list[str] = []
    for w in reversed(words):
        bare = w.rstrip(",;:")
        if bare != w and run:  # a comma ends the phrase ("..., President X": the comma is before it)
            break
        if bare != w:
            return None
        if bare.endswith((".", "!", "?")) and bare.lower() not in _HONORIFICS and not re.fullmatch(
                r"(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.", bare):
            break  # the previous sentence ends here ("... Ada Lind. Anna Berg")
        if bare[:1].isupper() or (bare in _CONNECTORS and run):
            run.append(bare)
        else:
            break
    run.reverse()
    # "President Biden and Prime Minister", "Biden, Jr. of the United States and Prime
    # Minister", "President Berg and Foreign Minister": the office after the last
    # "and" stands alone when it starts with an office word or when an office and a
    # name come before it ("National Security and Intelligence Advisor", "Minister
    # for Trade and Industry" keep their "and")
    if "and" in run:
        k = len(run) - 1 - run[::-1].index("and")
        before, after = run[:k], run[k + 1:]
        if after and any(w in _offices() for w in after) and (
                after[0] in _offices() or (any(w in _offices() for w in before) and before[-1] not in _offices())):
            run = run[k + 1:]
    while run and run[-1].lower() in _HONORIFICS:
        run.pop()
    while run and (run[0].lower() in _CONNECTORS or run[0] in _demonyms() or run[0].lower() in _HONORIFICS
                   or (len(run) > 1 and run[0] not in _offices() and _DEMONYM_SHAPE.match(run[0]))):
        run.pop(0)
    while run and run[-1] in _CONNECTORS:
        run.pop()
    # the office starts at its first office word's phrase: drop leading words before
    # an office word only when they are demonyms (done above); keep "Homeland Security Advisor"
    if not run or not any(w in _offices() for w in run):
        return None
    return " ".join(run)


def person_titles(text: str, actor_mentions) -> dict[str, str]:
    """{actor_id: title} for the persons of one statement."""
    out: dict[str, str] = {}
    for m in sorted(actor_mentions, key=lambda m: m.start):
        a = m.entity
        if a.actor_type != "person" or a.actor_id in out:
            continue
        t = title_before(text, m.start)
        if t:
            out[a.actor_id] = t
    return out


@lru_cache(maxsize=1)
def _demonym_iso3() -> dict[str, str]:
    out = {r["demonym"].strip(): r["iso3"].strip() for r in _rows(DEMONYMS)}
    out.setdefault("US", "USA")
    out.setdefault("UK", "GBR")
    out.setdefault("U.K.", "GBR")
    return out


_OF_STATE = re.compile(r",?\s+of\s+(?:the\s+)?$")


def person_countries(text: str, actor_mentions) -> dict[str, str]:
    """{actor_id: ISO3} for persons whose state the text gives next to the name: a
    national adjective right before the office ("Canadian Ambassador ... Kirsten
    Hillman", "U.S. Homeland Security Advisor ...", "Russian President Vladimir
    Putin") or "of <state>" right after the name ("Prime Minister Justin Trudeau of
    Canada"). The first mention that says so wins."""
    ordered = sorted(actor_mentions, key=lambda m: m.start)
    out: dict[str, str] = {}
    for k, m in enumerate(ordered):
        a = m.entity
        if a.actor_type != "person" or a.actor_id in out:
            continue
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if (nxt is not None and nxt.entity.actor_type == "state" and nxt.entity.iso3
                and _OF_STATE.fullmatch(text[m.end:nxt.start])):
            out[a.actor_id] = nxt.entity.iso3
            continue
        title = title_before(text, m.start)
        if not title:
            continue
        lo = max(text.rfind("\n", 0, m.start) + 1, m.start - 160)
        at = text.rfind(title, lo, m.start)
        if at < 0:
            continue
        prev = re.search(r"([\w.'’-]+)\s+$", text[lo:at])
        iso = _demonym_iso3().get(prev.group(1)) if prev else None
        if iso:
            out[a.actor_id] = iso
    return out
