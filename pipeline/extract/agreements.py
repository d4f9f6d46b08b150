"""Named instruments and mechanisms (agreements) and the status each mention reports.

How a name is found (general rules; vocabularies are data files in ``pipeline/data``):

* a capitalised head noun (``agreements_heads.csv``: Agreement, Treaty, Roadmap,
  Action Plan, Dialogue, Working Group, ...) extended to the left over capitalised
  words and inner ``and``/``of``/``for``/``on`` (``Acquisition and Cross-Servicing
  Agreement``), a year just before the name is its ``year`` (``the 2016 ... Award``),
  lower-case words (``the defence ...``, ``a bilateral ...``) are not part of it;
  a capitalised ``of/on/for/against`` tail belongs to the name (``Convention on the
  Law of the Sea``, ``Framework for Security, Public Health and Safe Communities``);
* a leading hyphenated country pair (``Canada-Japan``, ``U.S.-Mexico``) is dropped
  from the canonical name when the rest still names something specific
  (``Opioid Action Plan``) and kept otherwise (``Canada-Japan Action Plan``);
* well-known instruments by name or acronym (``agreements_gazetteer.csv``);
* acronyms defined in parentheses right after a name (``(UNCLOS)``), ``called "X"``;
* described mechanisms in lower case after a creation verb (``establish a vaccine
  expert working group``, ``agreed to inaugurate a continuing dialogue on ...``);
* coreference: a later suffix of an earlier name (``the Interim Agreement``), the
  bare head (``the Roadmap``, ``this committee``) -> the latest agreement with it;
* a head marked ``standalone`` (``Terms of Reference``) names an instrument even without a modifier;
* ``Partners in/of/for (the) X`` (X not a state or an acronym) names an initiative (framework);
* a lower-case class noun right after a framework/mechanism name (``the X Mission initiative``) sets its kind;
* a name repeated in parentheses right after another (``Security Consultative Committee ("2+2")``) is the
  same agreement;
* a name may run left over a list of single capitalised words (``Research, Development, Test, and
  Evaluation Agreement``); a ``Memorandum of Understanding / MOU on <lower-case subject>`` ending the
  noun phrase is named by it; a title and its subtitle joined by a colon are one document
  (``X Partnership: Joint Principles``); a name that is another one less an inner word is that one;
* names whose last modifier is an organisation word (``Chambers Council``,
  ``Security Council``; ``agreements_org_markers.csv``) are not agreements.

Status comes from the governing words before a mention in its clause (``entry into
force of``, ``the signing of``, ``establish``/``the establishment of``/``launched``),
made ``planned`` by a future or infinitive frame (``will``, ``instruct ... to``,
``look forward to``, ``once it is established``), but ``decided/agreed to establish``
is ``established`` (so is ``agreed to re-start/relaunch X``); a future entry into force (``X will / is
expected to enter into force``, ``upon entry into force of X``) is ``planned``; a reaction to a creation (``welcomed the establishment of``)
and a relative clause (``..., which created X``) report an earlier act: ``referenced``;
``finalized X`` is ``established``, ``is developing / drafting X`` is ``planned``.
An instrument "on the establishment of the X Team" names X as a mechanism of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.extract.regions import DATA_DIR, PhraseIndex, doc_words, gazetteer as region_gazetteer, read_data_csv, words
from pipeline.ids import slug
from pipeline.model import Agreement, AgreementMention

STATUS_RANK = {"in_force": 5, "signed": 4, "established": 3, "planned": 2, "referenced": 1}

_CONNECTORS = {"and", "of", "for", "on", "&"}
_TAIL_PREPS = {"of", "on", "for", "against"}
_TAIL_INNER = {"of", "the", "and", "&", "for", "on", "in", "to"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "both", "all"}
_YEAR = re.compile(r"(?:19|20)\d\d$")
_EST_NOUNS = {"establishment", "creation", "formation", "implementation", "operation", "functioning"}
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
    for extra in ("EU", "UN", "U.N.", "ASEAN", "NATO", "Quad", "G7", "G20", "AU", "OAS", "GCC", "APEC", "OECD"):
        countries.add((extra,))
    heads_alt = "|".join(sorted((re.escape(h) for h in lower), key=len, reverse=True))
    lower_head_re = re.compile(
        r"\b(?P<verb>establish|launch|create|form|set up|stand up|inaugurate|convene)(?:e?s|ed|d|ing)?\s+"
        r"(?P<det>a|an|the)\s+(?:new\s+)?"
        r"(?P<np>(?:(?!(?:and|or|to|of|for|the|with|on|in)\b)[a-z][\w\u2019'-]*-?(?:\s+and)?\s+){0,4}?"
        rf"(?P<head>{heads_alt}))\b"
        r"(?:\s+on\s+(?:the\s+)?(?P<tail>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*))?"
    )
    return _Lex(heads, max(len(k) for k in heads), lower, mw, mp, gaz, gaz_names, countries, lower_head_re, named,
                {k[0] for k in heads} | set(named))


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def _norm(s: str) -> str:
    s = s.translate(_DASHES).replace("\u2019", "'").casefold()
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# --- candidates ---------------------------------------------------------------------------

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
    status_at: int | None = None  # where status cues are read (default: start; -1: none, referenced)
    acronym: str | None = None  # defined inside the name: "Terms of Reference (TOR) on ..."


def _is_cap(w: str) -> bool:
    if "-" in w and w.rsplit("-", 1)[1][:1].islower():  # "U.S.-led", "Paris-aligned"
        return False
    return w[:1].isupper() or (w[:1].isdigit() and not _YEAR.match(w))


# "Action Plan to Address X" has a verb after "to"; "the Strategy to Prime Minister X" does not
_TITLES = {"President", "Prime", "Minister", "Secretary", "Ambassador", "King", "Queen", "Crown", "Chancellor",
           "Governor", "Mr", "Mrs", "Ms", "Dr", "General", "Vice", "Foreign", "Deputy", "His", "Her", "Their",
           "Congress", "Parliament", "Government"}

_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"}


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
        return all((p,) in lex.country_words for p in parts if p)
    return False


def _strip_acr(s: str) -> str:
    """A name without an acronym defined inside it ("Terms of Reference (TOR) on ...", "X (CoRe) Partnership")."""
    return _clean(re.sub(r"\s*\([A-Z][A-Za-z0-9&+.-]{1,11}\)(?=\s+(?:of|on|for|against|[A-Z0-9]))", "", s))


def _pattern_candidates(text: str, ws, starts, lex: _Lex) -> list[_Cand]:
    out = []
    n = len(ws)
    i = 0
    head_first = lex.head_first
    while i < n:
        if ws[i][0] not in head_first:
            i += 1
            continue
        hit = None
        for L in range(min(lex.max_head, n - i), 0, -1):
            key = tuple(w for w, _, _ in ws[i:i + L])
            if key in lex.heads:
                hit = (L, *lex.heads[key])
                break
        if not hit and ws[i][0] in lex.named_heads and i > 0 and _is_cap(ws[i - 1][0]):
            hit = (1, lex.named_heads[ws[i][0]], "named")
        if not hit:
            i += 1
            continue
        L, kind, needs = hit
        h0, h1 = i, i + L  # head words ws[h0:h1]
        # left extension
        k = h0 - 1
        left = h0
        left_acr = None
        while k >= 0:
            w = ws[k][0]
            attached = ws[k + 1][1] - ws[k][2] <= 1
            if not attached:
                break
            if _is_cap(w) and w not in ("(", ")") and w[:1].isalnum():
                if w.lower() in STOP_WORDS and (starts[k] or w in ("The", "This", "These", "That", "Our", "Its", "Their", "A", "An")):
                    break
                if starts[k] and (w.endswith("ing") or w.lower() in STOP_WORDS):
                    break
                left = k
                if starts[k]:
                    break
                k -= 1
                continue
            if w == ")" and k >= 3 and ws[k - 2][0] == "(" and _ACRONYM.match(ws[k - 1][0]) \
                    and sum(ch.isupper() for ch in ws[k - 1][0]) >= 2 and _is_cap(ws[k - 3][0]) \
                    and ws[k - 3][0][:1].isalnum() and not starts[k - 2] and not starts[k - 3] \
                    and ws[k - 2][1] - ws[k - 3][2] <= 1:
                # "Competitiveness and Resilience (CoRe) Partnership": an acronym inside the name
                left_acr = ws[k - 1][0]
                k -= 3
                continue
            if w in (",", "and") and _comma_list_item(ws, starts, k, h0, lex):
                # "Research, Development, Test, and Evaluation Agreement": a list of single words
                k -= 2 if w == "and" else 1
                continue
            if w in _CONNECTORS and k - 1 >= 0 and _is_cap(ws[k - 1][0]) and ws[k - 1][0][:1].isalnum():
                prev = ws[k - 1][0]
                if prev.isdigit() or prev.lower() in STOP_WORDS or any(
                        tuple(x for x, _, _ in ws[k - q:k]) in lex.heads for q in range(1, min(lex.max_head, k) + 1)):
                    break  # "X Agreement and Y Protocol", "Task Force 153 and Task Force 59": two names
                k -= 1
                continue
            break
        # drop connectors at the left edge
        while left < h0 and ws[left][0] in _CONNECTORS | {"the"}:
            left += 1
        year = None
        if left - 1 >= 0 and _YEAR.match(ws[left - 1][0]) and ws[left][1] - ws[left - 1][2] <= 1:
            year = int(ws[left - 1][0])
        if left_acr is not None and not any(w == left_acr for w, _, _ in ws[left:h0]):
            left_acr = None  # the acronym was left of where the name begins
        mods = [w for w, _, _ in ws[left:h0]]
        if left_acr is not None:  # the inner "(ACR)" is no modifier
            q = mods.index(left_acr)
            mods = mods[:q - 1] + mods[q + 2:]
        # a number right after the head belongs to it ("Task Force 153", "Resolution 2231")
        numbered = False
        if h1 < n and ws[h1][0].isdigit() and not _YEAR.match(ws[h1][0]) and ws[h1][1] - ws[h1 - 1][2] <= 1:
            h1 += 1
            numbered = True
        # the head is not the last word of the name ("Plan Act", "Summit Communique"): not this head
        if h1 < n and _is_cap(ws[h1][0]) and ws[h1][0][:1].isalpha() and not starts[h1] \
                and ws[h1][1] - ws[h1 - 1][2] <= 1 and ws[h1][0] not in _MONTHS:
            i = h0 + L
            continue
        # right tail: "of/on/for/against (the) Capitalised ..."
        r = h1
        tail_end = h1
        if r + 3 < n and ws[r][0] == "(" and _ACRONYM.match(ws[r + 1][0]) and ws[r + 2][0] == ")" \
                and ws[r + 3][0] in _TAIL_PREPS:
            r += 3  # "Terms of Reference (TOR) on the ...": the acronym stands before the tail
            inner_acr = ws[r - 2][0]
        inner = None
        if r == h1:
            inner_acr = None
        to_tail = (kind == "framework" and r + 2 < n and ws[r][0] == "to" and _is_cap(ws[r + 1][0])
                   and ws[r + 1][0][:1].isalpha() and not starts[r + 1] and ws[r + 1][0] not in _TITLES
                   and ws[r + 1][0].lower() not in STOP_WORDS and not _country_like((ws[r + 1][0],), lex)
                   and (ws[r + 1][0],) not in lex.heads and _is_cap(ws[r + 2][0]) and ws[r + 2][0][:1].isalnum())
        if r < n and (ws[r][0] in _TAIL_PREPS or to_tail):
            j = r + 1
            if j < n and ws[j][0] == "the":
                j += 1
            if j + 1 < n and ws[j][0] in _EST_NOUNS and ws[j + 1][0] == "of":
                # "... on the establishment of the X Team": the instrument that creates X
                j += 2
                if j < n and ws[j][0] == "the":
                    j += 1
                inner = j
            if j < n and _is_cap(ws[j][0]) and ws[j][0][:1].isalnum() and not starts[j]:
                last_cap = None
                comma_seen = False
                and_after_comma = False
                m = j
                while m < n:
                    w = ws[m][0]
                    if w in _MONTHS or (m + 1 < n and ws[m + 1][0] == "'"):
                        break  # a date or a possessive ("... and Canada's role") ends the name
                    if w == "and" and m + 1 < n and ws[m + 1][0] == "the":
                        break
                    if _is_cap(w) and w[:1].isalnum() and not starts[m]:
                        last_cap = m
                    elif w in _TAIL_INNER:
                        if w == "and" and comma_seen:
                            and_after_comma = True
                    elif w == "," and m + 1 < n and _is_cap(ws[m + 1][0]):
                        comma_seen = True
                        and_after_comma = False
                    else:
                        break
                    m += 1
                if last_cap is not None:
                    tail_end = last_cap + 1
                    if comma_seen and not and_after_comma:
                        # "X for Security, Japan ...": cut at the first comma
                        for q in range(j, tail_end):
                            if ws[q][0] == ",":
                                tail_end = q
                                break
                        while tail_end > j and not _is_cap(ws[tail_end - 1][0]):
                            tail_end -= 1
                    if tail_end <= j:
                        tail_end = h1
        if tail_end == h1 and r < n and ws[r][0] == "between" and ws[h0][0].startswith("Memorand"):
            # "Memorandum of Understanding between Poetry Ireland and the X Foundation": the parties
            # to it name it (up to the end of the noun phrase)
            m, last_cap, saw_and = r + 1, None, False
            while m < n:
                w = ws[m][0]
                if _is_cap(w) and w[:1].isalpha() and not starts[m]:
                    last_cap = m
                elif w in ("the", "of", "and", "'", "s") or (w.endswith("-based") and w[:1].isupper()):
                    saw_and = saw_and or w == "and"
                else:
                    break
                m += 1
            if last_cap is not None and saw_and and last_cap > r + 1:
                tail_end = last_cap + 1
        if tail_end == h1 and r + 1 < n and ws[r][0] == "on" and (ws[h0][0].startswith("Memorand") or ws[h0][0] in ("MOU", "MoU")):
            # "a Memorandum of Understanding on commercial cooperation, ...": a lower-case subject names
            # the memorandum when the noun phrase ends the clause
            m = r + 1
            while m < n and m - r <= 3 and re.fullmatch(r"[a-z][a-z-]+", ws[m][0]) and ws[m][0] not in STOP_WORDS:
                m += 1
            if m > r + 1 and (m == n or ws[m][0] in {",", ".", ";", ":", ")", "that", "which"}):
                tail_end = m
        if inner is not None and tail_end == h1:
            inner = None
        i = h1
        # checks
        core_words = tuple(mods) + tuple(w for w, _, _ in ws[h0:h1])
        if not mods and tail_end == h1 and not numbered and needs != "standalone":
            continue  # bare head: only coreference (handled later)
        if ws[h0][0] == "Summits" and not (mods and "-" in mods[0] and _country_like((mods[0],), lex)):
            continue  # "previous U.S.-GCC Summits": a recurring summit of a pair
        if ws[h0][0] == "Group" and tail_end > h1 and ws[h1][0] == "of":
            continue  # "Group of Seven", "Group of Twenty": forums
        if _org_marked(core_words, len(mods), lex):
            continue
        specific_mods = [m for m in mods if (m,) not in lex.country_words and not _country_like((m,), lex)
                         and not m.isupper()]
        recurring = (ws[h0][0] == "Summit" and len(mods) == 1 and "-" in mods[0] and _country_like((mods[0],), lex)
                     and _RECURRING.search(text, max(0, ws[left][1] - 30), min(len(text), ws[h1 - 1][2] + 30)))
        if needs == "specific" and not specific_mods and tail_end == h1 and not numbered and not recurring:
            continue
        if needs == "named" and (len(mods) < 2 or starts[left] or _country_like((mods[0],), lex)
                                 or mods[0].isupper() or not any(_country_like((m,), lex) for m in mods)):
            continue
        if needs == "bilateral" and not (any(m in {"Joint", "Bilateral", "Trilateral", "Binational", "Ministerial",
                                                     "Consultative", "Coordinating", "Coordination", "Strategic",
                                                     "Higher", "Mixed", "Intergovernmental"}
                                                   for m in mods) and "Education" not in mods or any(_country_like((m,), lex) and "-" in m for m in mods)):
            continue
        if left - 1 >= 0 and ws[left - 1][0].lower() in ("this", "these") and kind == "declaration":
            continue  # self-reference: "this Joint Statement"
        s = ws[year_start(ws, left, year)][1]
        e = ws[tail_end - 1][2]
        full = _strip_acr(text[ws[left][1]:e])
        core = _strip_acr(text[ws[left][1]:ws[h1 - 1][2]])
        name = full
        aliases = [full, core]
        if left_acr is not None:
            aliases.append(_clean(text[ws[left][1]:e]))  # as written, with the acronym
        if not mods and tail_end > h1 and ws[h1][0] == "between":
            aliases, core = [full], full  # two MoUs "between A and B", "between C and D" are distinct
        # a leading country pair ("U.S.-Canada", "Canada-Japan") is dropped when the rest is specific
        if len(mods) >= 2 and _country_like((mods[0],), lex) and "-" in mods[0] and \
                any(not _country_like((m,), lex) for m in mods[1:]):
            name = _strip_acr(text[ws[left + 1][1]:e])
            aliases += [name, _strip_acr(text[ws[left + 1][1]:ws[h1 - 1][2]])]
        if mods and (len(mods) >= 2 or tail_end > h1) and _country_like((mods[0],), lex) and "-" not in mods[0]:
            aliases.append(_strip_acr(text[ws[left + 1][1]:e]))  # "U.S. Partnership for ..." ~ "Partnership for ..."
        year = year or _year_after(ws, tail_end, lex)
        if ws[h0][0] == "Summits":  # the recurring summit, in the singular
            name = _clean(text[ws[left][1]:ws[h0][1]]) + " Summit"
            aliases += [name]
        out.append(_Cand(s, e, name, kind, year, core, aliases, " ".join(core_words[len(mods):]).lower(), 2,
                         acronym=(inner_acr if tail_end > h1 else None) or left_acr))
        if inner is not None:
            # the instrument's mention ends where the name of what it establishes begins
            sub = _pattern_candidates_in(text, ws, starts, lex, inner, tail_end)
            if sub:
                out[-1].end = ws[inner - 1][2]
                out.extend(sub)
                i = max(i, tail_end)
    return out


def _list_word(ws, starts, q: int, lex: _Lex) -> bool:
    w = ws[q][0]
    return (q >= 0 and _is_cap(w) and w[:1].isalpha() and w.lower() not in STOP_WORDS and not starts[q]
            and not _country_like((w,), lex) and (w,) not in lex.heads and w not in _TITLES)


def _comma_list_item(ws, starts, k: int, h0: int, lex: _Lex) -> bool:
    """Token k ("," or the "and" of ", and") continues a name leftwards over a list of single capitalised
    words ("Research, Development, Test, and Evaluation Agreement"): the words right of k up to the
    list's "and" alternate word/comma, and the list has at least three items."""
    if ws[k][0] == "and":  # ", and": the Oxford comma; two more items must stand before it
        return (k >= 4 and ws[k - 1][0] == "," and _list_word(ws, starts, k - 2, lex) and ws[k - 3][0] == ","
                and _list_word(ws, starts, k - 4, lex) and ws[k - 1][1] - ws[k - 2][2] == 0)
    if k < 1 or not _list_word(ws, starts, k - 1, lex) or ws[k][1] != ws[k - 1][2]:
        return False
    right = [w for w, _, _ in ws[k + 1:h0]]
    if "and" not in right:
        return False
    q = right.index("and")
    seq = [x for x in right[:q] if x != ","]
    commas = right[:q].count(",")
    if any(not (_is_cap(x) and x[:1].isalpha()) for x in seq) or len(seq) not in (commas, commas + 1):
        return False
    # the Oxford "and" was already passed with its two items; without it, 3 items: this word, seq, after "and"
    return len(seq) >= 1 and all(right[j] != "," or (j > 0 and right[j - 1] != ",") for j in range(q))


def _pattern_candidates_in(text, ws, starts, lex, lo: int, hi: int) -> list[_Cand]:
    """Names inside words[lo:hi] (the mechanism an instrument establishes), allowed to nest."""
    sub = _pattern_candidates(text, ws[lo:hi], starts[lo:hi], lex)
    for c in sub:
        c.status_at = -1  # the creation cue belongs to the instrument's name
    return sub


def year_start(ws, left: int, year: int | None) -> int:
    return left - 1 if year else left


def _year_after(ws, j: int, lex: _Lex) -> int | None:
    """"... announced in 2021", "... region in 2022": a year stated with the name before the clause ends."""
    for q in range(j, min(j + 14, len(ws) - 1)):
        w = ws[q][0]
        if w in {",", ";", ".", ":", "(", ")", "'", "as"}:
            return None
        if (w,) in lex.heads:
            return None
        if w == "in" and _YEAR.match(ws[q + 1][0]):
            return int(ws[q + 1][0])
    return None


def _org_marked(core_words: tuple[str, ...], n_mods: int, lex: _Lex) -> bool:
    if n_mods and core_words[n_mods - 1] in lex.markers_word:
        return True
    for p in lex.markers_phrase:
        if len(core_words) >= len(p) and core_words[-len(p):] == p:
            return True
        if n_mods >= len(p) and core_words[n_mods - len(p):n_mods] == p:
            return True
    return False


_CALLED = re.compile(
    r"\b(?:a|an|the)\s+(?P<np>(?:(?!(?:of|a|an|the|to|and|or|for|in|on|with|by)\b)[a-z][\w-]*\s+){0,5}?(?P<head>partnership|dialogue|initiative|framework|mechanism|"
    r"group|committee|agreement|arrangement|pact|programme|program|alliance|compact))\s*,?\s+"
    r"(?:called|named|known as|entitled|dubbed)\s+[\"\u201c']?(?P<name>[A-Z][\w+&.-]*(?:\s+[A-Z][\w+&.-]*)*)[\"\u201d']?"
)
_LOWER_HEAD_KIND = {"partnership": "framework", "initiative": "framework", "framework": "framework",
                    "programme": "framework", "program": "framework", "alliance": "framework", "compact": "framework",
                    "agreement": "agreement", "arrangement": "agreement", "pact": "agreement"}
_UNSC = re.compile(
    r"\b(?:(?:UN|U\.N\.|United Nations)\s+)?(?P<body>Security Council|General Assembly)\s+"
    r"(?P<res>[Rr]esolutions?)(?P<num>\s+\d{2,4}(?:\s*(?:,|and)\s*\d{2,4})*)?"
    r"|\bUNSC(?:R|\s+[Rr]esolutions?)(?P<num2>\s+\d{2,4})?"
)
_COP = re.compile(r"\bCOP\s?(\d{1,2})\b")
_TWO_PLUS_TWO = re.compile(r"(?<![\w+])2\s?\+\s?2(?![\w+])")


def _regex_candidates(text: str, lex: _Lex) -> list[_Cand]:
    out = []
    for m in lex.lower_head_re.finditer(text):
        np_words = text[m.start("np"):m.start("head")].split()
        tail = m.group("tail")
        if not np_words and not tail:
            continue
        s = m.start("np")
        e = m.end("tail") if tail else m.end("head")
        name = _clean(text[s:e])
        head = m.group("head")
        out.append(_Cand(s, e, name, lex.lower_heads[head], None, _clean(text[s:m.end("head")]),
                         [name], head.lower(), 1, status_at=m.start("np")))
    for m in _CALLED.finditer(text):
        kind = _LOWER_HEAD_KIND.get(m.group("head"), "mechanism")
        name = m.group("name")
        np_s, np_e = m.start("np"), m.end("np")
        # the description and the name are one agreement; the description carries the status cue
        out.append(_Cand(np_s, np_e, name, kind, None, _clean(m.group("np")), [name, _clean(m.group("np"))],
                         m.group("head"), 2))
        out.append(_Cand(m.start("name"), m.end("name"), name, kind, None, name, [name], m.group("head"), 2,
                         status_at=np_s))
    for m in _UNSC.finditer(text):
        num = (m.group("num") or m.group("num2") or "").strip()
        body = m.group("body") or "Security Council"
        if num:
            name = f"UN {body} Resolution {num}"
        else:
            name = f"UN {body} resolutions"
        out.append(_Cand(m.start(), m.end(), name, "resolution", None, name, [name], "resolution", 2))
    for m in _COP.finditer(text):
        name = f"COP {m.group(1)}"
        out.append(_Cand(m.start(), m.end(), name, "mechanism", None, name, [name, f"COP{m.group(1)}"], "cop", 2))
    for m in _PARTNERS.finditer(text):
        tail = m.group("tail")
        if _country_like(tuple(w for w, _, _ in words(tail)), lex) or tail.split()[0] in _TITLES:
            continue  # "Partners of Japan": the partners of a state
        if len(tail.split()) == 1 and tail.isupper():
            continue  # "Partners of ASEAN": of an organisation
        written = _clean(text[m.start():m.end("tail")])
        aliases = [written]
        for prep in ("in", "of", "for"):
            aliases.append(re.sub(r"^Partners \w+", f"Partners {prep}", written))
        if m.group("noun"):
            aliases.append(f"{written} {m.group('noun')}")
        out.append(_Cand(m.start(), m.end("tail"), written, "framework", None, written, aliases, "", 2))
    for m in _TWO_PLUS_TWO.finditer(text):
        out.append(_Cand(m.start(), m.end(), "2+2", "mechanism", None, "2+2", ["2+2"], "2+2", 2))
    return out


def _gazetteer_candidates(ws, lex: _Lex) -> list[_Cand]:
    out = []
    for i, j, (name, kind) in lex.gaz.matches(ws):
        out.append(_Cand(ws[i][1], ws[j - 1][2], name, kind, None, name, [name], "", 3))
    return out


# "the X initiative", "the X partnership": a lower-case class noun right after a name says what it is
_CLASS_NOUN = re.compile(r"^\s+(?P<noun>initiative|partnership|framework|strategy|roadmap|dialogue|mechanism)\b")
_CLASS_NOUN_KIND = {"initiative": "framework", "partnership": "framework", "framework": "framework",
                    "strategy": "framework", "roadmap": "framework", "dialogue": "mechanism", "mechanism": "mechanism"}


def _class_noun_kinds(text: str, cands: list[_Cand]) -> None:
    for c in cands:
        if c.prio != 2 or c.kind not in ("framework", "mechanism"):
            continue  # "the X Agreement framework" stays an agreement
        m = _CLASS_NOUN.match(text[c.end:c.end + 30])
        if m:
            c.kind = _CLASS_NOUN_KIND[m.group("noun")]
            c.aliases.append(f"{c.name} {m.group('noun')}")


# "the Security Consultative Committee ("2+2")", "the Law of the Sea Convention (UNCLOS)": a name written in
# parentheses right after another is the same agreement
_PAREN_OPEN = re.compile(r"^\s*\(\s*[\"\u201c\u2018']?\s*$")
_PAREN_CLOSE = re.compile(r"^\s*[\"\u201d\u2019']?\s*\)")


def _merge_parenthesised(text: str, cands: list[_Cand]) -> None:
    for a, b in zip(cands, cands[1:]):
        if b.start - a.end > 6 or not _PAREN_OPEN.match(text[a.end:b.start]) \
                or not _PAREN_CLOSE.match(text[b.end:b.end + 4]):
            continue
        keep, other = (b, a) if b.prio > a.prio else (a, b)
        other.aliases = [other.name, *other.aliases]
        other.name, other.kind, other.year = keep.name, keep.kind, keep.year or other.year


# "Partners in the Blue Lagoon", "Partners for Coastal Resilience": a grouping named by its purpose or area
_PARTNERS = re.compile(
    r"(?<![\w-])Partners\s+(?P<prep>in|of|for)\s+(?:the\s+)?"
    r"(?P<tail>[A-Z][\w-]*(?:\s+(?:and\s+|of\s+(?:the\s+)?)?[A-Z][\w-]*){0,5})"
    r"(?:\s+(?P<noun>initiative|partnership))?")


# --- status -------------------------------------------------------------------------------

_CUES = (
    r"(?P<in_force>entry into force of|entering into force of|entered into force of|coming into force of)"
    r"|(?P<signed>signing of|signature of|signing|signed|sign|signs)"
    r"|(?P<established>establishment of|creation of|formation of|launch of|launching of|inauguration of|adoption of"
    r"|(?:inaugural|first)\s+(?:meeting|session)s?\s+of"
    r"|establish(?:ed|es|ing)?|launch(?:ed|es|ing)?|creat(?:e|ed|es|ing)|form(?:ed|s|ing)?"
    r"|inaugurat(?:e|ed|es|ing)|set(?:ting)?\s+up|stood\s+up|stand(?:ing)?\s+up|adopt(?:ed|s|ing)?"
    r"|finali[sz](?:e|ed|es|ing))"
    r"|(?P<develop>(?:is|are)\s+(?:\w+ly\s+)?(?:developing|drafting|preparing|elaborating))"
    r"|(?P<conclude>conclusion of|conclude|concluding|negotiation of|negotiations on|negotiate)"
    r"|(?P<restart>re-?start(?:ed|ing|s)?|re-?launch(?:ed|es|ing)?|re-?establish(?:ed|es|ing)?"
    r"|reinvigorat(?:e|ed|es|ing)|revitali[sz](?:e|ed|es|ing)|re-?convene[ds]?|re-?convening)"
)
_MOD = r"(?:\s+(?!(?:to|of|for|on|in|with|by|under|from|and|or|as|at|which|that)\b)[a-z][\w\u2019'-]*)"
_GAP_UNIT = (rf"(?:\s+(?:the|a|an|our|their|its|this|these|both|all){_MOD}{{0,3}}(?:\s+and{_MOD}{{1,2}})?"
             r"|\s*AGR|\s*,|\s+(?:and|or|as well as)|\s+new|\s+(?:bilateral|trilateral|joint))")
_CUE_RE = re.compile(rf"\b(?:{_CUES})(?:{_GAP_UNIT})*\s*$", re.IGNORECASE)
# "X will enter into force", "X is expected to enter into force": a future entry into force
_RIGHT_FUTURE_FORCE = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:(?:will|shall|would|should|could|may)(?:\s+\w+ly)?"
    r"|(?:is|are)\s+(?:\w+ly\s+)?(?:expected|scheduled|set|due|likely|intended|to)(?:\s+to)?)"
    r"\s+(?:enter|come)\s+into\s+force")
# "upon entry into force of X", "pending the entry into force of", "within six months of entry into force of":
# a time still to come; "the entry into force of X" alone is reported
_FUTURE_FORCE_LEFT = re.compile(r"(?:\b(?:upon|pending|until|prior\s+to|ahead\s+of|before)\s+(?:the\s+|its\s+|their\s+)?"
                                r"|\b(?:of|on|after|following|from)\s+)$", re.IGNORECASE)
_RIGHT_IN_FORCE = re.compile(r"^\s*,?\s*(?:which\s+)?(?:has\s+|have\s+|had\s+)?(?:entered|came|come|enters)\s+into\s+force")
_RIGHT_SIGNED = re.compile(r"^\s*(?:was|were|has been|have been)\s+signed")
_RIGHT_PLANNED = re.compile(
    r"^\s*,?\s*(?:(?:which\s+)?(?:(?:will|shall)\s+be|to\s+be)"
    r"|(?:once|when|after|until)\s+(?:it|they)\s+(?:is|are|has\s+been|have\s+been))"
    r"\s+(?:fully\s+)?(?:established|launched|created|signed|concluded|set up|held|operational)")
# "welcomed the establishment of X": X was created before (a reaction, not the act)
_REACTION = re.compile(r"\b(?:welcom|commend|celebrat|applaud|appreciat|recall|not|hail|prais)\w*"
                       r"(?:\s+(?:the|its|their|our|recent|successful|ongoing))*\s*$", re.IGNORECASE)
# "..., which created X": a past act reported in a relative clause
_RELATIVE_PAST = re.compile(r"\b(?:which|that)\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)
_SEG_BOUNDARY = re.compile(r"[.!?;:]\s+|\n|\(\d+\)|\b\d+\.\s")
_PLANNED_FRAME = re.compile(
    r"(?:\b(?:will|shall|would)\b(?!.*\b(?:and|but)\s+(?:we|they|the)\b)"
    r"|\b(?:to|look(?:s|ed|ing)? forward to(?: the)?|towards?(?: the)?|plans? (?:for|to)(?: the)?|intend(?:s|ed)? to)\s+(?:\w+ly\s+)?$)",
    re.IGNORECASE,
)
# "affirmed their intent to convene later this year the X Dialogue": still to be convened
_CONVENE_PLANNED = re.compile(r"\b(?:intent|intention|intends?|intended|plans?|planned)\s+to\s+convene\b"
                              r"(?:\s+(?!AGR\b)[\w-]+){0,4}?\s+(?:the\s+)?(?:first\s+|inaugural\s+)?$", re.IGNORECASE)
_ESTABLISHED_FRAME = re.compile(r"\b(?:decided|decide|decides|agreed|agree|agrees|resolved)\s+to\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _status(text: str, start: int, end: int, others: list[tuple[int, int]]) -> str:
    seg_start = max(0, start - 300)
    left = text[seg_start:start]
    last = None
    for last in _SEG_BOUNDARY.finditer(left):
        pass
    if last:
        seg_start += last.end()
    # replace other agreement mentions in the window by a placeholder
    pieces, pos = [], seg_start
    for s, e in others:
        if s >= seg_start and e <= start:
            pieces.append(text[pos:s])
            pieces.append(" AGR ")
            pos = e
    pieces.append(text[pos:start])
    left = "".join(pieces).replace("\n", " ")
    right = text[end:end + 120]
    if _RIGHT_FUTURE_FORCE.match(right):
        return "planned"
    if _RIGHT_IN_FORCE.match(right):
        return "in_force"
    if _RIGHT_SIGNED.match(right):
        return "signed"
    if _RIGHT_PLANNED.match(right):
        return "planned"
    if _CONVENE_PLANNED.search(left):
        return "planned"
    m = _CUE_RE.search(left)
    if not m:
        return "referenced"
    before = left[:m.start()]
    if _ESTABLISHED_FRAME.search(before):
        planned = False
    else:
        planned = bool(_PLANNED_FRAME.search(before))
    if m.group("conclude"):
        return "planned" if planned else "referenced"
    if m.group("develop"):
        return "planned"  # "X is developing a new Y": Y is still to be created
    if m.group("restart"):
        # "agreed to re-start / relaunch the X Dialogue": relaunched at this meeting; "relaunched X": too
        if _ESTABLISHED_FRAME.search(before) or (re.search(r"ed$", m.group("restart"), re.I)
                                                 and not _RELATIVE_PAST.search(before)):
            return "established"
        return "planned" if planned and re.match(r"re-?(?:start|launch|establish)", m.group("restart"), re.I) \
            else "referenced"
    if m.group("in_force") and (planned or _FUTURE_FORCE_LEFT.search(before)):
        return "planned"
    if planned:
        return "planned"
    cue = m.group("established")
    if cue and re.search(r"\bof$", cue) and _REACTION.search(before):
        return "referenced"
    if cue and re.search(r"(?:ed|up)$", cue) and _RELATIVE_PAST.search(before):
        return "referenced"
    for g in ("in_force", "signed", "established"):
        if m.group(g):
            return g
    return "referenced"


# --- assembly -----------------------------------------------------------------------------

def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    cands = sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    chosen: list[_Cand] = []
    for c in cands:
        clash = [o for o in chosen if o.start < c.end and c.start < o.end]
        if not clash:
            chosen.append(c)
            continue
        # the same span found by the gazetteer and a pattern: keep the gazetteer identity
        for o in clash:
            if o.start == c.start and o.end == c.end and c.prio > o.prio:
                chosen[chosen.index(o)] = c
    return sorted(chosen, key=lambda c: c.start)


@lru_cache(maxsize=1)
def _actor_bodies() -> frozenset[str]:
    from pipeline.extract.actors import lexicon as actor_lexicon
    return frozenset(_norm(k) for k, a in actor_lexicon().orgs.items()
                     if a.actor_type in ("organization", "international_organization"))


_SUBTITLE_GAP = re.compile(r":[ \t]*\n?[ \t]*$")


def _merge_subtitles(text: str, cands: list[_Cand]) -> list[_Cand]:
    """"the X Partnership: Joint Principles": a title and its subtitle, two names joined by a colon
    inside one line (or its wrap), are one document."""
    cands = sorted(cands, key=lambda c: c.start)
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.prio == 2 and c.prio == 2 and c.start - prev.end <= 4
                and _SUBTITLE_GAP.match(text[prev.end:c.start]) and c.start < len(text) and text[c.start].isupper()):
            sub = _clean(text[c.start:c.end])
            name = f"{prev.name}: {sub}"
            prev.aliases = [name, _clean(text[prev.start:c.end]), *prev.aliases, sub]
            prev.name, prev.end = name, c.end
            continue
        out.append(c)
    return out


def _merge_shortened(cands: list[_Cand]) -> None:
    """"the Quad Senior Group" beside "the Quad Senior Cyber Group": a name of three or more words that
    is another name of the statement less one inner word is that name, shortened."""
    for c in cands:
        if c.prio != 2:
            continue
        cw = _norm(c.name).split()
        if len(cw) < 3:
            continue
        for d in cands:
            dw = _norm(d.name).split()
            if d.prio < 2 or len(dw) != len(cw) + 1 or dw[0] != cw[0] or dw[-1] != cw[-1]:
                continue
            if any(dw[:q] + dw[q + 1:] == cw for q in range(1, len(dw) - 1)):
                c.aliases = [c.name, *c.aliases]
                c.name, c.kind = d.name, d.kind
                break


def find_agreements(doc: Doc) -> list[AgreementMention]:
    """Grounded mentions of named instruments and mechanisms, sorted, non-overlapping."""
    text, ws = doc_words(doc)
    lex = _lex()
    starts = _sentence_starts(ws, text)
    cands = _pattern_candidates(text, ws, starts, lex) + _gazetteer_candidates(ws, lex) + _regex_candidates(text, lex)
    # a pattern name equal to a gazetteer alias takes the gazetteer identity
    for c in cands:
        if c.prio == 2:
            for a in c.aliases:
                hit = lex.gaz_names.get(_norm(a))
                if hit:
                    c.name, c.kind = hit
                    break
    # a name the actors gazetteer lists as a body ("Arab Coordination Group") is not an agreement
    bodies = _actor_bodies()
    cands = [c for c in cands if c.prio != 2 or _norm(c.name) not in bodies]
    cands = _merge_subtitles(text, _resolve_overlaps(cands))
    _merge_shortened(cands)
    _class_noun_kinds(text, cands)
    _merge_parenthesised(text, cands)

    # identities: normalised alias -> Agreement
    registry: dict[str, Agreement] = {}
    by_head: dict[str, Agreement] = {}
    acronyms: dict[str, Agreement] = {}
    cores: list[tuple[tuple[str, ...], Agreement]] = []
    spans: list[tuple[int, int, Agreement, int | None]] = []
    for c in cands:
        ag = None
        for a in [c.name, *c.aliases]:
            ag = registry.get(_norm(a))
            if ag:
                break
        if ag is None:
            # a later suffix of an earlier name ("the Interim Agreement")
            cw = tuple(_norm(c.core or c.name).split())
            for words_, other in cores:
                if len(cw) >= 2 and len(cw) < len(words_) and words_[-len(cw):] == cw:
                    ag = other
                    break
        if ag is None:
            ag = Agreement(slug(c.name), c.name, c.kind, c.year)
        for a in [c.name, *c.aliases]:
            registry.setdefault(_norm(a), ag)
        cores.append((tuple(_norm(c.core or c.name).split()), ag))
        if c.head:
            by_head[c.head] = ag
        spans.append((c.start, c.end, ag, c.status_at))
        # acronym defined right after the name: "(UNCLOS)"
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&+.-]{1,11})\s*\)", text[c.end:c.end + 20])
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
            acronyms.setdefault(m.group(1), ag)
        if c.acronym:
            acronyms.setdefault(c.acronym, ag)

    taken = [(s, e) for s, e, _, _ in spans]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    extra = []
    if acronyms:
        for w, s, e in ws:
            ag = acronyms.get(w)
            if ag and free(s, e):
                extra.append((s, e, ag, None))
                taken.append((s, e))
    # bare-head coreference: "the Roadmap", "this committee", "the trilateral committee"
    if by_head:
        heads_alt = "|".join(sorted((re.escape(h) for h in by_head if h), key=len, reverse=True))
        if heads_alt:
            rx = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]uch)\s+(?:(?:new|trilateral|bilateral|joint|[A-Z][\w-]*)\s+)?({heads_alt})\b",
                            re.IGNORECASE)
            for m in rx.finditer(text):
                key = m.group(1).lower()
                ag = by_head.get(key)
                s, e = m.start(1), m.end(1)
                # the antecedent must come first
                first = min((a for a, b, g, _ in spans if g is ag), default=None)
                if ag is None or first is None or first >= s or not free(s, e):
                    continue
                extra.append((m.start(), e, ag, None))
                taken.append((m.start(), e))
    spans += extra
    spans.sort(key=lambda t: t[0])
    occupied = [(s, e) for s, e, _, _ in spans]
    out = []
    for s, e, ag, at in spans:
        cue_at = at if at is not None else s
        if at == -1:
            status = "referenced"
        else:
            status = _status(text, cue_at, e, [(a, b) for a, b in occupied if b <= cue_at])
        out.append(AgreementMention(s, e, ag, status=status))
    return out


def statement_status(mentions: list[AgreementMention]) -> dict[str, str]:
    """agreement_id -> the strongest status any of its mentions reports
    (in_force > signed > established > planned > referenced)."""
    out: dict[str, str] = {}
    for m in mentions:
        aid = m.entity.agreement_id
        if aid not in out or STATUS_RANK[m.status] > STATUS_RANK[out[aid]]:
            out[aid] = m.status
    return out
