"""Agreement names from capitalised head nouns (``agreements_heads.csv``): the head
extended to the left over capitalised modifiers (a year before it is the name's
year, a list of single capitalised words may lead it), a capitalised
``of/on/for/against`` tail, a number after the head, the parties of a
memorandum (``between A and B``), a lower-case subject of a memorandum, and the
checks that keep organisations, bare heads and self-references out."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.extract.agreement_lexicon import (
    _ACRONYM,
    _BODY_MARKERS,
    _CONNECTORS,
    _EST_NOUNS,
    _MONTHS,
    _RECURRING,
    _RESOLUTION_BODIES,
    _ROMAN,
    _TAIL_INNER,
    _TAIL_PREPS,
    _TITLES,
    _TREATY_INNER,
    _YEAR,
    _Cand,
    _clean,
    _country_like,
    _is_cap,
    _Lex,
    _strip_acr,
    _words_of,
)


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
            if _ORDINAL.match(w):
                break  # "the 4th X Dialogue": the session's number is no part of the name
            if (_is_cap(w) or _common_compound(w, lex)) and w not in ("(", ")") and w[:1].isalnum():
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
                    and sum(ch.isupper() or ch.isdigit() for ch in ws[k - 1][0]) >= 2 and _is_cap(ws[k - 3][0]) \
                    and ws[k - 3][0][:1].isalnum() and not starts[k - 2] and not starts[k - 3] \
                    and ws[k - 2][1] - ws[k - 3][2] <= 1:
                # "Competitiveness and Resilience (CoRe) Partnership": an acronym inside the name
                left_acr = ws[k - 1][0]
                k -= 3
                continue
            if _YEAR.match(w) and k >= 1 and ws[k - 1][0] in ("Agenda", "Vision", "Strategy", "Plan") \
                    and ws[k][1] - ws[k - 1][2] <= 1 and not starts[k - 1]:
                # "Clean Energy Agenda 2030 Partnership": a horizon-year framework inside a longer name
                left = k - 1
                k -= 2
                continue
            if w == "-" and k == left - 1 and k >= 1 and ws[k - 1][0][:1].isupper() and not starts[k] \
                    and _spaced_pair(ws[k - 1][0], ws[k + 1][0], lex):
                # "the Vietnam – U.S. Labor Dialogue": a pair written with a spaced dash is one modifier
                left = k - 1
                if starts[k - 1]:
                    break
                k -= 2
                continue
            if w in (",", "and") and _comma_list_item(ws, starts, k, h0, lex):
                # "Research, Development, Test, and Evaluation Agreement": a list of single words
                k -= 2 if w == "and" else 1
                continue
            if w == "to" and k >= 1 and ws[k - 1][0].isalpha() and ws[k - 1][0][:1].isupper() \
                    and ws[k - 1][0].lower() not in STOP_WORDS and not _country_like((ws[k - 1][0],), lex) \
                    and (k < 2 or starts[k - 1] or not _is_cap(ws[k - 2][0])) and not starts[k]:
                # "the Access to Clean Water Accelerator": one capitalised word and "to" open the name (round 8)
                k -= 1
                continue
            if w in _CONNECTORS and k - 1 >= 0 and _is_cap(ws[k - 1][0]) and ws[k - 1][0][:1].isalnum():
                prev = ws[k - 1][0]
                if prev.isdigit() or prev.lower() in STOP_WORDS or any(
                        tuple(x for x, _, _ in ws[k - q:k]) in lex.heads for q in range(1, min(lex.max_head, k) + 1)):
                    break  # "X Agreement and Y Protocol", "Task Force 153 and Task Force 59": two names
                if w == "on" and _country_like((prev,), lex):
                    break  # "consult Japan on AUKUS Pillar II": the state is the object of the verb
                if w == "and" and _ends_tail(ws, k - 1, lex):
                    break  # "X Forum on A and Taskforce on B": the left words are the tail of another name
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
        first = 1  # words of the first modifier
        if len(mods) >= 3 and mods[1] == "-" and ws[left + 1][1] > ws[left][2]:
            mods = [f"{mods[0]}-{mods[2]}", *mods[3:]]  # "Vietnam – U.S.": one pair
            first = 3
        if left_acr is not None:  # the inner "(ACR)" is no modifier
            q = mods.index(left_acr)
            mods = mods[:q - 1] + mods[q + 2:]
        # a number right after the head belongs to it ("Task Force 153", "Resolution 2231")
        numbered = False
        if h1 < n and (ws[h1][0].isdigit() and not _YEAR.match(ws[h1][0]) or _ROMAN.match(ws[h1][0])) \
                and ws[h1][1] - ws[h1 - 1][2] <= 1:
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
                and (ws[r + 3][0] in _TAIL_PREPS or kind == "framework" and ws[r + 3][0] == "to"
                     # "a Memorandum of Understanding (MoU) between A and B" (round 11)
                     or ws[r + 3][0] == "between" and ws[h0][0].startswith("Memorand")):
            r += 3  # "Terms of Reference (TOR) on the ...": the acronym stands before the tail
            inner_acr = ws[r - 2][0]
        inner = None
        inner_planned = False
        if r == h1:
            inner_acr = None
        to_tail = (kind == "framework" and r + 2 < n and ws[r][0] == "to" and _is_cap(ws[r + 1][0])
                   and ws[r + 1][0][:1].isalpha() and not starts[r + 1] and ws[r + 1][0] not in _TITLES
                   and ws[r + 1][0].lower() not in STOP_WORDS and not _country_like((ws[r + 1][0],), lex)
                   and (ws[r + 1][0],) not in lex.heads
                   and (_is_cap(ws[r + 2][0]) and ws[r + 2][0][:1].isalnum()
                        # "Plan of Action to Implement the X Partnership": a capitalised verb and its object
                        or ws[r + 2][0] == "the" and r + 3 < n and _is_cap(ws[r + 3][0]) and ws[r + 3][0][:1].isalnum()))
        if r < n and (ws[r][0] in _TAIL_PREPS or to_tail) and not numbered:  # "Pillar IV", "Standard 7": no tail
            j = r + 1
            if j < n and ws[j][0] == "the":
                j += 1
            elif j + 1 < n and ws[j][0] in ("a", "an") and kind == "framework" and ws[r][0] in ("for", "on") \
                    and _names_instrument(ws, j + 1, lex):
                # "a Framework for / on an Agreement on Reciprocal Trade": the framework of an instrument still to
                # be made; the instrument is named too (nested, like "on the establishment of"), and is planned
                j += 1
                inner = j
                inner_planned = True
            if j + 1 < n and ws[j][0] in _EST_NOUNS and ws[j + 1][0] == "of":
                # "... on the establishment of the X Team": the instrument that creates X
                j += 2
                if j < n and ws[j][0] == "the":
                    j += 1
                inner = j
            dated = _dated_tail(ws, r, j, kind) if j == r + 1 and left == h0 else None
            if dated is not None:
                tail_end = dated  # "the Treaty of 29 March 1923", "the Agreement of May 5, 2010": the date names it
            elif j + 1 < n and ws[j][0].isdigit() and ws[j + 1][0] in _MONTHS:
                pass  # "the X Summit on 15 November": a date, no tail
            elif j < n and (_is_cap(ws[j][0]) or _common_compound(ws[j][0], lex)) and ws[j][0][:1].isalnum() \
                    and not starts[j]:
                last_cap = None
                comma_seen = False
                and_after_comma = False
                m = j
                while m < n:
                    w = ws[m][0]
                    if w in _MONTHS or (m + 1 < n and ws[m + 1][0] == "'") or _SESSION.match(w):
                        break  # a date, a possessive ("... and Canada's role") or a session ("COP-15") ends the name
                    if w == "and" and m + 1 < n and ws[m + 1][0] == "the" and not (
                            any(ws[q][0] in ("Between", "between") for q in range(j, m)) and m + 2 < n and _is_cap(ws[m + 2][0])):
                        break  # but "Agreement on X Between the A and the B": its parties close the name (round 11)
                    if w == "and" and _second_name(ws, m + 1, lex):
                        break  # "X Forum on A and Taskforce on B": two names, each with its own tail
                    if w in _CURRENCIES or (m == j and w[:1] in "$\u20ac\u00a3"):
                        break  # "Programme for Norland of EUR 330 million": an amount is no part of the name (round 13)
                    if (_is_cap(w) or _common_compound(w, lex)) and w[:1].isalnum() and not starts[m]:
                        last_cap = m
                    elif w == "-" and last_cap == m - 1 and m + 1 < n and _is_cap(ws[m + 1][0]) \
                            and ws[m][1] == ws[m - 1][2]:
                        pass  # "the Indo- Pacific": a compound split by a stray space
                    elif kind == "treaty" and w in _TREATY_INNER and m + 1 < n \
                            and not _country_like((ws[m + 1][0],), lex) and ws[m + 1][0] != ws[m][0]:
                        pass  # "Convention on the Rights of Persons with Disabilities", "... and on their Destruction"
                    elif w in _TAIL_INNER:
                        if w == "and" and comma_seen:
                            and_after_comma = True
                    elif w == "," and m + 1 < n and _is_cap(ws[m + 1][0]):
                        comma_seen = True
                        and_after_comma = False
                    elif w == "," and comma_seen and m + 2 < n and ws[m + 1][0] == "and" and _is_cap(ws[m + 2][0]):
                        pass  # the serial comma of "for Security, Public Health, and Safe Communities"
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
                    if any(ws[q][0] in _MEMBER_OFFICES for q in range(j, tail_end)):
                        tail_end = h1  # "Dialogue of the Foreign and Defense Ministers of A and B": who meets in it
                    if tail_end <= j:
                        tail_end = h1
        if r < n and ws[r][0] == "for" and not numbered:
            # "Implementing Arrangement for Gateway cooperation", "Working Group for commercial space
            # collaboration": a "for" tail closed by a lower-case cooperation noun names it (round 11)
            q = tail_end if tail_end > h1 else r + 1
            while q < n and q - r <= 4 and tail_end == h1 and re.fullmatch(r"[a-z][a-z-]+", ws[q][0]) \
                    and ws[q][0] not in STOP_WORDS and ws[q][0] not in _COOP_NOUNS:
                q += 1
            if q < n and ws[q][0] in _COOP_NOUNS and q > r + 1 and not starts[q]:
                tail_end = q + 1
        if kind == "framework" and tail_end < n and _YEAR.match(ws[tail_end][0]) and not numbered \
                and ws[tail_end][1] - ws[tail_end - 1][2] <= 1 and not starts[tail_end] \
                and not (tail_end + 1 < n and ws[tail_end + 1][0] in ("-", "/")):
            tail_end += 1  # "Community Vision 2035", "Master Plan on X Connectivity 2030": the horizon year names it
        if tail_end == h1 and r < n and ws[r][0] == "between" and (ws[h0][0].startswith("Memorand") or ws[h0][0] in ("MOU", "MoU")):
            # "Memorandum of Understanding between Poetry Ireland and the X Foundation": the parties
            # to it name it (up to the end of the noun phrase)
            m, last_cap, saw_and = r + 1, None, False
            while m < n:
                w = ws[m][0]
                if _is_cap(w) and w[:1].isalnum() and not starts[m]:  # "Bharat 6G Alliance"
                    last_cap = m
                elif w in ("the", "of", "and", "'", "s") or (w.endswith("-based") and w[:1].isupper()):
                    saw_and = saw_and or w == "and"
                else:
                    break
                m += 1
            if last_cap is not None and saw_and and last_cap > r + 1:
                tail_end = last_cap + 1
        if tail_end == h1 and r + 1 < n and ws[r][0] in _MOU_PREPS and (ws[h0][0].startswith("Memorand") or ws[h0][0] in ("MOU", "MoU", "Letter")):
            # "a Memorandum of Understanding on commercial cooperation, ...", "... concerning cooperation on
            # mineral resource development and governance, ...": a lower-case subject names the memorandum when
            # the noun phrase ends the clause (inner "and/on/of/in/for" allowed, never last)
            m = r + 1
            last = None
            while m < n and m - r <= 10:
                w = ws[m][0]
                if w == "signed" and last is not None:
                    break
                if re.fullmatch(r"[a-z][a-z-]+", w) and w not in STOP_WORDS:
                    last = m
                elif w not in _MOU_INNER or last is None:
                    break
                m += 1
            # "... on security assistance signed by ...": a participle ends the noun phrase too (round 11)
            if last is not None and (last + 1 == n or ws[last + 1][0] in {",", ".", ";", ":", ")", "that", "which", "signed"}):
                tail_end = last + 1
        if inner is None and tail_end > h1 and ws[h0][0].startswith("Memorand") and ws[r][0] == "on" \
                and (ws[tail_end - 1][0],) in lex.heads and tail_end - (r + 1) >= 3:
            # "the Memorandum of Cooperation on the Trilateral Security Framework": the framework is named too
            inner = r + 2 if ws[r + 1][0] == "the" else r + 1
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
        if _org_marked(core_words, len(mods), lex) and ws[h0][0] != "Facility":
            if not (kind in ("agreement", "treaty") and tail_end > h1 and mods):
                continue  # "the Extended Fund Facility": the facility of a fund is its instrument, not a body (round 13)
            # "the Norland Fisheries Agency Memorandum of Understanding on Coastal Cooperation": the bodies
            # before an instrument with its own subject sign it; the instrument is named from its head (round 14)
            left, mods, year, left_acr = h0, [], None, None
            core_words = tuple(w for w, _, _ in ws[h0:h1])
        if ws[h0][0] == "Facility" and (tail_end < n and ws[tail_end][0] == "at" and tail_end + 1 < n
                                        and _is_cap(ws[tail_end + 1][0]) or left >= 2 and ws[left - 1][0] == "the"
                                        and ws[left - 2][0] == "of" and left >= 3 and ws[left - 3][0] == "construction"):
            continue  # "the X Replacement Facility at Henoko", "the construction of the X Facility": a site (round 13)
        if ws[h0][0] == "Facility" and _SITE_APPOSITION.match(text, ws[tail_end - 1][2]):
            continue  # "the X Facility \u2014 the largest research facility in ...": described as a site (round 13)
        if kind == "framework" and tail_end > h1 and ws[r][0] == "of" and _owner_tail(text, ws, r, tail_end):
            tail_end = h1  # "the Connecting Norland Facility of the European Commission": its owner, no part of it
        specific_mods = [m for m in mods if (m,) not in lex.country_words and not _country_like((m,), lex)
                         and not m.isupper()]
        recurring = (ws[h0][0] == "Summit" and len(mods) == 1 and "-" in mods[0] and _country_like((mods[0],), lex)
                     and _RECURRING.search(text, max(0, ws[left][1] - 30), min(len(text), ws[h1 - 1][2] + 30)))
        if needs == "specific" and not specific_mods and tail_end == h1 and not numbered and not recurring:
            continue
        if ws[h0][0] == "Annex" and tail_end > h1 and not numbered:
            # "the Sectoral Annex for X to the Agreement on Y": a part of another text; that text is named (round 11)
            q = next((q for q in range(r + 1, tail_end - 1) if ws[q][0] == "to"), None)
            if q is not None:
                q += 1 if ws[q + 1][0] == "the" else 0
                out.extend(_pattern_candidates(text, ws[q + 1:tail_end], starts[q + 1:tail_end], lex))
                i = max(i, tail_end)
                continue
        if ws[h0][0] == "Annex" and (numbered or tail_end == h1 or ws[r][0] not in ("for", "of")):
            continue  # "Annex III", "X Annex to Executive Order 1": a part of another text; "X Annex for the Y Partnership" names one
        if needs == "numbered" and not numbered:
            continue  # "Standard 7", not "the highest standard"
        if needs == "body" and not numbered and not any(m in _RESOLUTION_BODIES for m in mods):
            continue  # "the Peaceful Resolution of the Dispute": a settlement, not a resolution
        if needs == "event" and not specific_mods and tail_end == h1 and not recurring:
            continue
        if needs == "named" and (len(mods) < 2 or starts[left] or _country_like((mods[0],), lex)
                                 or mods[0].isupper() or not any(_country_like((m,), lex) for m in mods)):
            continue
        if needs == "pair" and not (mods and "-" in mods[0] and _country_like((mods[0],), lex)) \
                and not (mods and _CREATED_BEFORE.search(text, max(0, ws[left][1] - 60), ws[left][1])):
            continue  # "the U.S.-Japan Alliance", "the A-B CEO Forum": a pair's own format; "the Solar Alliance" is a body
        if needs == "bilateral" and not (any(m in _BODY_MARKERS for m in mods) and "Education" not in mods or any(_country_like((m,), lex) and "-" in m for m in mods)) \
                and not (mods and _CREATED_BEFORE.search(text, max(0, ws[left][1] - 60), ws[left][1])
                         and not re.search(r"\bthe\s+(?:[a-z]+-?[a-z]+\s+)?$", text[max(0, ws[left][1] - 30):ws[left][1]])):
            # "the establishment of a ministerial-level X Council": a new body created here is a mechanism;
            # "the establishment of the X Council" may be a government's own organ (round 11)
            continue
        if left - 1 >= 0 and ws[left - 1][0].lower() in ("this", "these") and kind == "declaration":
            continue  # self-reference: "this Joint Statement"
        s = ws[year_start(ws, left, year)][1]
        e = ws[tail_end - 1][2]
        full = _strip_acr(text[ws[left][1]:e])
        core = _strip_acr(text[ws[left][1]:ws[h1 - 1][2]])
        name = full
        # a bare head ("Agreement" of "Agreement on X") is no alias: "Agreement on Y" is another instrument
        aliases = [full, core] if mods or numbered or tail_end == h1 or needs == "standalone" else [full]
        if left_acr is not None:
            aliases.append(_clean(text[ws[left][1]:e]))  # as written, with the acronym
        if not mods and tail_end > h1 and ws[h1][0] == "between":
            aliases, core = [full], full  # two MoUs "between A and B", "between C and D" are distinct
        # a leading country pair ("U.S.-Canada", "Canada-Japan") is dropped when the rest is specific
        # but not a pair with a grouping ("ASEAN-U.S. Comprehensive Strategic Partnership"): the grouping's
        # partnership is another instrument than a bilateral one of the same name
        if len(mods) >= 2 and _country_like((mods[0],), lex) and "-" in mods[0] and \
                not any(p in _GROUPINGS for p in mods[0].split("-")) and \
                any(not _country_like((m,), lex) for m in mods[1:]):
            name = _strip_acr(text[ws[left + first][1]:e])
            aliases += [name, _strip_acr(text[ws[left + first][1]:ws[h1 - 1][2]])]
        if mods and (len(mods) >= 2 or tail_end > h1) and _country_like((mods[0],), lex) and "-" not in mods[0]:
            aliases.append(_strip_acr(text[ws[left + first][1]:e]))  # "U.S. Partnership for ..." ~ "Partnership for ..."
        year = year or _year_after(ws, tail_end, lex)
        if ws[h0][0] == "Summits":  # the recurring summit, in the singular
            name = _clean(text[ws[left][1]:ws[h0][1]]) + " Summit"
            aliases += [name]
        out.append(_Cand(s, e, name, kind, year, core, aliases, " ".join(core_words[len(mods):]).lower(), 2,
                         acronym=(inner_acr if tail_end > h1 else None) or left_acr))
        if needs == "event" or ws[h0][0] == "Summits":
            # a summit is one session (an event); a series ("previous X Summits", "hold the X Summit annually",
            # "the X Summit process") is a regular meeting, a mechanism
            out[-1].event = True
            out[-1].recurring = bool(ws[h0][0] == "Summits" or recurring or _SERIES.search(
                text, max(0, ws[left][1] - 30), min(len(text), e + 30)))
        if inner is not None:
            # the instrument's mention ends where the name of what it establishes begins
            sub = _pattern_candidates_in(text, ws, starts, lex, inner, tail_end)
            if sub:
                if inner_planned:
                    for c in sub:
                        c.status_at = -2
                out[-1].end = ws[inner - 1][2]
                out.extend(sub)
                i = max(i, tail_end)
    return out


_SESSION = re.compile(r"(?:COP|CMP|CMA|MOP)-?\d+$")
_CURRENCIES = frozenset({"EUR", "USD", "US$", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "KRW", "INR", "$", "\u20ac", "\u00a3"})
_SITE_APPOSITION = re.compile(r"\s*[,\u2014\u2013-]+\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,5}?(?:facility|site|laboratory|plant|base)\b")
_PARTICIPLE_ENDS = ("ed", "led", "made", "based", "style", "wide", "bound", "owned", "backed", "funded", "flagged")


def _owner_tail(text: str, ws, r: int, tail_end: int) -> bool:
    """The "of" tail ws[r:tail_end] is "of the <a body the actors lexicon lists>" (round 13)."""
    from pipeline.extract.agreements import _actor_bodies
    from pipeline.extract.agreement_lexicon import _norm
    if r + 1 >= tail_end or ws[r + 1][0] != "the":
        return False
    return _norm(text[ws[r + 2][1]:ws[tail_end - 1][2]]) in _actor_bodies()


def _common_compound(w: str, lex: _Lex) -> bool:
    """"Multi-agency", "E-commerce", "Supply-chain": a hyphenated word whose first part is a capitalised common word
    (not a name, as in "U.S.-led", "Paris-aligned", nor a particle, as in "In-person") is a capitalised word of a
    name (round 13)."""
    if w.count("-") != 1:
        return False
    a, b = w.split("-")
    if not (a[:1].isupper() and a.isalpha() and b.isalpha() and b.islower() and len(b) >= 3):
        return False
    if b.endswith(_PARTICIPLE_ENDS) or a.lower() in STOP_WORDS or _country_like((a,), lex) or _country_like((a + ".",), lex):
        return False
    from pipeline.extract.agreement_lowercase import _known_names
    return a not in _known_names() and not (len(a) > 1 and a.isupper())
_GROUPINGS = frozenset(_words_of("grouping"))
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")  # not the words: "Safe Third Country Agreement"
# plural offices in an "of" tail name the members of a mechanism, not the mechanism
_MEMBER_OFFICES = frozenset({"Ministers", "Leaders", "Presidents", "Secretaries", "Heads", "Ambassadors", "Advisors",
                             "Advisers"})
_CREATED_BEFORE = re.compile(r"\b(?:establish(?:es|ed|ing)?|establishment\s+of|creat(?:e|es|ed|ing)|creation\s+of|set\s+up"
                             r"|launch(?:es|ed|ing)?|launch\s+of|form(?:s|ed|ing)?|formation\s+of)\s+(?:a|an|the)\s+(?:new\s+)?"
                             r"(?:[a-z]+-?[a-z]+\s+)?$")
_COOP_NOUNS = frozenset({"cooperation", "collaboration"})
_MOU_PREPS = {"on", "concerning", "regarding", "for"}
_MOU_INNER = {"and", "on", "of", "in", "for"}
_SERIES = re.compile(r"\b(?:previous|annual|annually|regular|regularly|every\s+year|process|series|platform|"
                     r"another|next|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                     r"biennial|successive)\b", re.IGNORECASE)


def _names_instrument(ws, j: int, lex: _Lex) -> bool:
    """ws[j:] opens a capitalised name whose run holds an instrument head ("Agreement on ...")."""
    q = j
    while q < len(ws) and q - j < 8 and (_is_cap(ws[q][0]) and ws[q][0][:1].isalpha()):
        if (ws[q][0],) in lex.heads and lex.heads[(ws[q][0],)][0] in ("agreement", "treaty"):
            return True
        q += 1
    return False


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


_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])$")


def _dated_tail(ws, r: int, j: int, kind: str) -> int | None:
    """"Treaty of 29 March 1923", "Agreement of May 5, 2010", "Protocol of 1997": an instrument named by the
    date it was made ("of" + a date); returns the end of the date, or None."""
    n = len(ws)
    if kind not in ("treaty", "agreement", "declaration") or ws[r][0] != "of" or j >= n:
        return None
    w = [x for x, _, _ in ws[j:j + 4]] + ["", "", "", ""]
    if _DAY.match(w[0]) and w[1] in _MONTHS and _YEAR.match(w[2]):
        return j + 3
    if w[0] in _MONTHS and _DAY.match(w[1]) and w[2] == "," and _YEAR.match(w[3]):
        return j + 4
    if w[0] in _MONTHS and _YEAR.match(w[1]):
        return j + 2
    return None


def _second_name(ws, q: int, lex: _Lex) -> bool:
    """ws[q:] opens another capitalised head with its own tail ("Taskforce on ...", "Working Group for ...")."""
    for L in range(min(lex.max_head, len(ws) - q - 1), 0, -1):
        if tuple(w for w, _, _ in ws[q:q + L]) in lex.heads:
            return q + L < len(ws) and ws[q + L][0] in _TAIL_PREPS
    return False


def _ends_tail(ws, q: int, lex: _Lex) -> bool:
    """ws[..q] ends the capitalised tail of a head ("Forum on Clean Energy Transformation")."""
    while q >= 0 and (_is_cap(ws[q][0]) and ws[q][0][:1].isalnum() or ws[q][0] in ("the", "&")):
        q -= 1
    if q < 1 or ws[q][0] not in _TAIL_PREPS:
        return False
    return any(tuple(w for w, _, _ in ws[q - L:q]) in lex.heads for L in range(1, min(lex.max_head, q) + 1))


def _spaced_pair(a: str, b: str, lex: _Lex) -> bool:
    """"Vietnam – U.S.", "Mekong – U.S.": two names joined by a spaced dash, a state and a state or region."""
    from pipeline.extract.agreement_lowercase import _known_names
    def known(w: str) -> bool:
        return _country_like((w,), lex) or _country_like((w + ".",), lex) or w in _known_names()
    return known(a) and known(b) and (_country_like((a,), lex) or _country_like((b,), lex))
