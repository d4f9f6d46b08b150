"""Vocabularies and shared helpers of the agreement rules: head nouns, lower-case
heads, organisation markers, the instrument gazetteer (``agreements_*.csv``), the
candidate record and word-level helpers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.extract.regions import DATA_DIR, PhraseIndex, read_data_csv, words
from pipeline.extract.regions import gazetteer as region_gazetteer


def _words_of(kind: str) -> dict[str, str]:
    """``agreements_words.csv`` rows of one kind: word -> value."""
    return {r["word"]: r["value"] for r in read_data_csv(DATA_DIR / "agreements_words.csv") if r["kind"] == kind}


_CONNECTORS = {"and", "of", "for", "on", "&"}
_TAIL_PREPS = {"of", "on", "for", "against"}
_TAIL_INNER = {"of", "the", "and", "&", "for", "on", "in", "to"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "both", "all"}
_YEAR = re.compile(r"(?:19|20)\d\d$")
_EST_NOUNS = set(_words_of("establishment_noun"))
_RECURRING = re.compile(r"\b(?:previous|next|annual|annually|regular|regularly|future|upcoming|every\s+year)\b", re.I)
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&+.-]{1,11}$")


@dataclass
class _Lex:
    heads: dict[tuple[str, ...], tuple[str, str]]
    max_head: int
    lower_heads: dict[str, str]
    markers_word: set[str]
    markers_phrase: list[tuple[str, ...]]
    gaz: PhraseIndex
    gaz_names: dict[str, tuple[str, str]]  # normalised alias -> (canonical, kind)
    country_words: set[tuple[str, ...]]
    lower_head_re: re.Pattern
    named_heads: dict[str, str]
    head_first: set[str] = field(default_factory=set)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    heads = {}
    for row in read_data_csv(DATA_DIR / "agreements_heads.csv"):
        heads[tuple(w for w, _, _ in words(row["head"]))] = (row["kind"], row["needs"] or "")
    rows = read_data_csv(DATA_DIR / "agreements_lowercase_heads.csv")
    lower = {r["head"]: r["kind"] for r in rows if r["mode"] == "created"}
    named = {r["head"]: r["kind"] for r in rows if r["mode"] == "named"}
    mw, mp = set(), []
    for row in read_data_csv(DATA_DIR / "agreements_org_markers.csv"):
        t = tuple(w for w, _, _ in words(row["marker"]))
        (mp.append(t) if len(t) > 1 else mw.add(t[0]))
    gaz = PhraseIndex()
    gaz_names = {}
    for row in read_data_csv(DATA_DIR / "agreements_gazetteer.csv"):
        for alias in [row["name"], *(a for a in row["aliases"].split("|") if a)]:
            gaz.add(alias, (row["name"], row["kind"]))
            gaz_names[_norm(alias)] = (row["name"], row["kind"])
    countries = set()
    regions, rindex = region_gazetteer()
    for first, lst in rindex.by_first.items():
        for key, rid in lst:
            if regions[rid][0].region_type in ("country", "territory"):
                countries.add(key)
    for extra in _words_of("grouping"):
        countries.add((extra,))
    # "establish a joint Task Force": a capitalised multi-word head after lower-case modifiers (round 13)
    heads_alt = "|".join(sorted((re.escape(h) for h in lower), key=len, reverse=True)
                         + sorted((re.escape(h.title()) for h in lower if " " in h and " of " not in h), key=len, reverse=True))
    lower_head_re = re.compile(
        r"\b(?:(?P<verb>establish|launch|create|form|set up|stand up|inaugurate|convene|develop|draft|begin|creating|convening|inaugurating|initiate|initiating)(?:e?s|ed|d|ing)?\s+"
        # "commit to launching this coming week a task force": a time phrase may stand between verb and object
        r"(?:(?:this|next|later\s+this)\s+(?:coming\s+)?(?:week|month|year)\s+|in\s+the\s+coming\s+(?:weeks|months)\s+)?"
        # "commit to convening our bilateral cyber working group": a possessive opens an existing mechanism
        # "form three high-level committees", "convene additional trilateral exchanges": a number or
        # "additional" determines a plural object (round 9)
        r"(?P<det>a|an|the|our|(?:two|three|four|five|six|several|additional)(?=\s))"
        # "announced the launch of semiconductor workforce initiatives": the noun of the act
        r"|(?<=the\s)(?:launch|establishment|creation|formation)\s+of(?:\s+(?:a|an))?"
        # "through a newly-established high-level dialogue": a creation participle before the description (round 13)
        r"|(?:(?<=\ba\s)|(?<=\ban\s))newly[-\s](?:established|created|launched|formed))"
        # "the creation of a \u201cnew space dialogue\u201d": an opening quote before the description (round 13)
        r"\s+[\u201c\"]?(?:new\s+)?"
        # "a U.S.-Mexico operational task force": a hyphenated pair of names may open the description
        r"(?P<np>(?:[A-Z][\w.]*(?:-[A-Z][\w.]*)+\s+(?=[a-z]))?"
        # "a new sustainable, catalytic health security financing mechanism": adjectives may be comma-joined
        r"(?:(?!(?:and|or|to|of|for|the|with|on|in)\b)[a-z][\w\u2019'-]*-?,?(?:\s+and)?\s+){0,5}?"
        rf"(?P<head>{heads_alt}))\b"
        # "a dialogue among the three governments on economic security": who takes part stands before the subject
        r"(?:\s+(?:among|between)\s+(?:the|our)\s+(?:two\s+|three\s+|four\s+)?(?:governments|countries|nations|sides))?"
        r"(?:\s+on\s+(?:the\s+)?(?P<tail>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)"
        # "a working group to advance electrical interconnection in the Americas": its purpose names it
        # "a working group to strengthen our response to child migration": inner prepositions before a plain word
        r"|\s+(?P<purpose>(?:to\s+(?!(?:the|a|an|this|that|these|their|our|its|all|be)\b)[a-z]+|on)(?:\s+(?:(?:and|to|of|for)\s+)?(?!(?:to|and|or|in|of|the|for|with|that|which|by|on|at|a|an|across|through|within|from|into|under|among|between)\b)"
        r"[a-z][\w-]*){1,7}(?:\s+(?:in|of)\s+the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
        # "a dialogue on scaling finance in the forest and land use sectors": the sector it covers (round 14)
        r"|\s+in\s+the\s+(?:[a-z][\w-]*\s+){1,5}?sectors?)?)(?=\s*[,.;:]|\s+(?:to|and|by|that|which|across|at|in|among|between|through|within|from|into|under)\b))?"
    )
    return _Lex(heads, max(len(k) for k in heads), lower, mw, mp, gaz, gaz_names, countries, lower_head_re, named,
                {k[0] for k in heads} | set(named))


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


_NORM_PUNCT = re.compile(r"[^\w\s'-]")
_NORM_SPACES = re.compile(r"\s+")
_NORM_THE = re.compile(r"^the ")


@lru_cache(maxsize=1 << 16)  # a pure function of the name; names recur within a statement (pairwise merges)
def _norm(s: str) -> str:
    s = s.translate(_DASHES).replace("\u2019", "'").casefold()
    s = _NORM_PUNCT.sub(" ", s)
    s = _NORM_SPACES.sub(" ", s).strip()
    return _NORM_THE.sub("", s)


def _clean(s: str) -> str:
    # "Indo- Pacific": a hyphen left before a line break or space joins the compound
    return re.sub(r"(?<=[A-Za-z])-\s+(?=[A-Z][a-z])", "-", re.sub(r"\s+", " ", s)).strip()


@dataclass
class _Cand:
    start: int  # surface span in text
    end: int
    name: str  # canonical name
    kind: str
    year: int | None = None
    core: str | None = None  # name without its tail / country prefix variants, for coreference
    aliases: list[str] = field(default_factory=list)
    head: str = ""  # lower-cased head noun, for "the Roadmap" coreference
    prio: int = 1  # gazetteer 3, pattern 2, described 1
    status_at: int | None = None  # where status cues are read (default: start; -1: none, referenced; -2: planned)
    acronym: str | None = None  # defined inside the name: "Terms of Reference (TOR) on ..."
    event: bool = False  # a summit: kept only when some mention shows a recurring series
    recurring: bool = False


def _is_cap(w: str) -> bool:
    if "-" in w and w.rsplit("-", 1)[1][:1].islower():  # "U.S.-led", "Paris-aligned"
        return False
    return w[:1].isupper() or (w[:1].isdigit() and not _YEAR.match(w))


# "Action Plan to Address X" has a verb after "to"; "the Strategy to Prime Minister X" does not
_TITLES = set(_words_of("title_word"))

_MONTHS = set(_words_of("month"))
# modifiers that make a "Council"/"Commission" a bilateral mechanism rather than an organisation
_BODY_MARKERS = frozenset(_words_of("body_marker"))
# words of a body that adopts resolutions ("General Assembly Resolution 68/262")
_RESOLUTION_BODIES = frozenset(_words_of("resolution_body"))
# lower-case words inside the full name of a treaty ("Convention for the Suppression of Unlawful Acts against ...")
_TREATY_INNER = frozenset(_words_of("treaty_inner"))
_ROMAN = re.compile(r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")


def _sentence_starts(ws, text) -> list[bool]:
    out = []
    prev_end = 0
    prev = None
    for w, s, _e in ws:
        gap = text[prev_end:s]
        out.append(prev is None or prev in {".", "!", "?", ";", ":", "(", "\u201c", '"'} or "\n" in gap
                   or (prev.isdigit() and False))
        prev, prev_end = w, _e
    return out


def _country_like(seq: tuple[str, ...], lex: _Lex) -> bool:
    if seq in lex.country_words:
        return True
    if len(seq) == 1 and "-" in seq[0]:  # U.S.-Canada, Canada-Japan
        parts = tuple(seq[0].split("-"))
        # "ASEAN-U.S": a source typo without the final dot is still the state
        # "U.S.-Philippine Alliance": a national adjective stands for its state inside a pair
        return all((p,) in lex.country_words or (p + ".",) in lex.country_words or p in _demonyms()
                   for p in parts if p)
    return False


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(r["demonym"] for r in read_data_csv(DATA_DIR / "actors_demonyms.csv"))


def _strip_acr(s: str) -> str:
    """A name without an acronym defined inside it ("Terms of Reference (TOR) on ...", "X (CoRe) Partnership")."""
    return _clean(re.sub(r"\s*\([A-Z][A-Za-z0-9&+.-]{1,11}\)(?=\s+(?:of|on|for|against|to|between|[A-Z0-9]))", "", s))
