"""Agreement names found by other patterns than a capitalised head: described
mechanisms in lower case after a creation verb, ``a ... called "X"``, UN Security
Council and General Assembly resolutions, COPs, ``2+2``, ``Partners in/of/for X``,
the instrument gazetteer; and the rules that merge candidates (a class noun after a
name, a name repeated in parentheses, a title and its subtitle, a name less an
inner word) or resolve their overlaps."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.agreement_lexicon import _TITLES, _Cand, _clean, _country_like, _Lex, _norm, _words_of
from pipeline.extract.regions import words

_CALLED = re.compile(
    r"\b(?:a|an|the)\s+(?P<np>(?:(?!(?:of|a|an|the|to|and|or|for|in|on|with|by)\b)[a-z][\w-]*\s+){0,5}?(?P<head>partnership|dialogue|initiative|framework|mechanism|"
    r"group|committee|agreement|arrangement|pact|programme|program|alliance|compact|project|plan))\s*,?\s+"
    r"(?:called|named|known as|entitled|dubbed)\s+[\"\u201c']?"
    # "a project called Upland Generating Employment and Sustainability": inner "and/of/for/the" words
    r"(?P<name>[A-Z][\w+&.-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?[A-Z][\w+&.-]*)*)[\"\u201d']?"
)
_LOWER_HEAD_KIND = _words_of("described_head")
# a resolution's number: "2254", a session number "68/262", an emergency special session "ES-11/1", a document
# symbol "A/RES/68/262", "S/RES/2231"
_RES_NUM = r"(?:[AS]/RES/(?:[A-Z]{1,3}-)?\d{1,4}(?:/\d{1,4})?|[A-Z]{1,3}-\d{1,2}/\d{1,3}|\d{2}/\d{1,3}|\d{2,4})(?![\w/-])"
_UNSC = re.compile(
    r"\b(?:(?:UN|U\.N\.|United Nations)\s+)?(?P<body>Security Council|General Assembly)\s+"
    rf"(?P<res>[Rr]esolutions?)(?P<num>\s+{_RES_NUM}(?:\s*(?:,\s*and|,|and)\s*{_RES_NUM})*)?"
    r"|\bUNSC(?:R|\s+[Rr]esolutions?)(?P<num2>\s+\d{2,4})?"
)
_RES_NUM_RE = re.compile(_RES_NUM)
# COPs, like summits and conferences, are events (one session), not agreements: not extracted
# "... to enter into a new memorandum of understanding (MOU) for assistance for Norland": the subject may end on
# a state's name and an acronym may stand after the head
_SIGNED_LOWER = re.compile(
    r"\b(?:sign|signs|signed|signing|conclude|concludes|concluded|concluding|ink|inked|enter\s+into|entering\s+into"
    r"|announce|announces|announced)"  # "also announce a memorandum of understanding on X that ..." (round 14)
    r"\s+(?:a|an)\s+(?:new\s+)?"
    r"(?P<head>memorandum\s+of\s+understanding|memorandum|agreement|arrangement|protocol|treaty|MOU|MoU)"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z]{1,6})\))?\s+"
    r"(?P<prep>on|for|concerning|regarding|to\s+(?=[a-z]+\b))\s*"
    r"(?P<subj>(?:(?!(?:with|between|at|during|by|which|that|in|and\s+(?:the|a|an)|to)\b)[a-z][\w-]*\s+(?:and\s+)?){0,5}?"
    r"(?:[a-z][\w-]*|(?<=\bfor\s)(?P<state>[A-Z][\w-]*)))"
    r"(?=\s*[,.;:)]|\s+(?:with|between|at|during|by|which|that|in|and\s+(?:the|a|an|to|will))\b)")
_SIGNED_LOWER_KIND = {"memorandum": "agreement", "agreement": "agreement", "arrangement": "agreement",
                      "protocol": "treaty", "treaty": "treaty", "mou": "agreement"}
# "the Statement by the President of the Security Council (S/PRST/2021/4)", "a Security Council presidential statement"
_PRST = re.compile(
    r"(?P<stmt>\b[Ss]tatements?\s+(?:by|of)\s+the\s+President\s+of\s+the\s+(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?"
    r"Security\s+Council|\b(?:(?:UN|U\.N\.|United\s+Nations)\s+)?Security\s+Council\s+[Pp]residential\s+[Ss]tatements?)"
    r"(?:\s*\(?\s*(?P<prst>S/PRST/\d{4}/\d{1,3})\)?)?")
_TWO_PLUS_TWO = re.compile(r"(?<![\w+])2\s?\+\s?2(?![\w+])")


def _scan(rx: re.Pattern, text: str, hints: tuple[str, ...]):
    """``rx.finditer(text)``, or nothing when the text holds none of ``hints``: literals one of which every
    match of ``rx`` contains (a pre-filter for speed: a scan of the whole text is costly; keep the hints
    in step with the pattern)."""
    return rx.finditer(text) if any(h in text for h in hints) else ()


def _regex_candidates(text: str, lex: _Lex) -> list[_Cand]:
    out = []
    for m in lex.lower_head_re.finditer(text):
        np_words = text[m.start("np"):m.start("head")].split()
        tail = m.group("tail")
        purpose = m.group("purpose")
        if np_words and purpose and (not purpose.startswith("on ") or re.search(r"\b(?:how|what|whether|we|our)\b", purpose)):
            purpose = None  # "a vaccine expert working group to ...": named already; a subject ("on X") still names it
        if m.group("verb") in ("develop", "draft") and lex.lower_heads[m.group("head").lower()] != "framework":
            continue  # "develop a dialogue on": only plans and roadmaps are drafted
        if any(w in ("national", "domestic", "presidential", "constructive", "inclusive", "meaningful", "landmark")
               for w in np_words):
            continue  # a national plan is no instrument between the parties; "constructive dialogue" is a process
        if not np_words and not tail and not purpose:
            continue
        if m.group("head")[:1].isupper() and (not np_words or tail):
            continue  # a capitalised head needs its lower-case description ("a joint Task Force"); with a capitalised
            # tail it is named ("a joint Task Force on X": the name is "Task Force on X")
        s = m.start("np")
        if text[max(0, s - 5):s] in ("\u201cnew ", '"new '):
            s -= 4  # "a \u201cnew space dialogue\u201d": the quoted description is the name, "new" with it
        e = m.end("tail") if tail else m.end("purpose") if purpose else m.end("head")
        cut = re.search(r"\s+to\s+[a-z]", purpose) if purpose and purpose.startswith("on ") else None
        if cut:
            e = m.start("purpose") + cut.start()  # "a working group on X to standardize Y": the subject names it
        name = _clean(text[s:e])
        head = m.group("head")
        # a bare head named by its purpose is its own mechanism, not a shorter mention of an earlier one
        core = _clean(text[s:m.end("head")]) if np_words else name
        out.append(_Cand(s, e, name, lex.lower_heads[head.lower()], None, core,
                         [name], head.lower(), 1, status_at=m.start("np")))
    for m in _scan(_CALLED, text, ("called", "named", "known as", "entitled", "dubbed")):
        kind = _LOWER_HEAD_KIND.get(m.group("head"), "mechanism")
        name = m.group("name")
        np_s, np_e = m.start("np"), m.end("np")
        # the description and the name are one agreement; the description carries the status cue
        out.append(_Cand(np_s, np_e, name, kind, None, _clean(m.group("np")), [name, _clean(m.group("np"))],
                         m.group("head"), 2))
        out.append(_Cand(m.start("name"), m.end("name"), name, kind, None, name, [name], m.group("head"), 2,
                         status_at=np_s))
    for m in _scan(_UNSC, text, ("esolution", "UNSC")):
        body = m.group("body") or "Security Council"
        g = "num" if m.group("num") else "num2" if m.group("num2") else None
        if g is None:
            name = f"UN {body} resolutions"
            out.append(_Cand(m.start(), m.end(), name, "resolution", None, name, [name], "resolution", 2))
            continue
        # "resolutions ES-11/1 and ES-11/2", "Resolutions 2254 and 2231": one resolution per number
        for q, nm in enumerate(_RES_NUM_RE.finditer(text, m.start(g), m.end(g))):
            name = f"UN {body} Resolution {nm.group()}"
            aliases = [name, f"Resolution {nm.group()}"]
            if "/RES/" in nm.group():  # a document symbol names the resolution and its body: "A/RES/77/248"
                name = nm.group()
                aliases.append(name)
            out.append(_Cand(m.start() if q == 0 else nm.start(), nm.end(), name, "resolution", None, name,
                             aliases, "resolution", 2))
    for m in _scan(_SIGNED_LOWER, text, ("sign", "conclud", "ink", "enter", "announc")):
        # "signed a memorandum of understanding on customs data exchange": a described instrument the
        # parties sign (or conclude) is named by its head and subject
        if m.group("state") and not _country_like((m.group("state"),), lex):
            continue
        if text.startswith("announc", m.start()) and not m.group("head").lower().startswith(("memorandum", "mou")):
            continue  # "announced an agreement on X" may report a deal of others; a memorandum announced is one made
        s, e = m.start("head"), m.end("subj")
        acr = m.group("acr")
        name = _clean(text[s:m.end("head")] + " " + text[m.start("prep"):e]) if acr else _clean(text[s:e])
        head = m.group("head").lower()
        out.append(_Cand(s, e, name, _SIGNED_LOWER_KIND.get(head.split()[0].lower(), "agreement"), None, name, [name],
                         head, 1, acronym=acr if acr and sum(ch.isupper() for ch in acr) >= 2 else None))
    for m in _scan(_PRST, text, ("Security",)):
        prst = m.group("prst")
        name = "Statement by the President of the Security Council" + (f" {prst}" if prst else "")
        end = m.end("prst") + (1 if prst and text[m.end("prst"):m.end("prst") + 1] == ")" else 0) if prst else m.end("stmt")
        out.append(_Cand(m.start(), end, name, "declaration", None, name,
                         [name, "Presidential Statement", "Security Council Presidential Statement"], "", 2))
    for m in _scan(_PARTNERS, text, ("Partners",)):
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
    for m in _scan(_TWO_PLUS_TWO, text, ("+",)):
        out.append(_Cand(m.start(), m.end(), "2+2", "mechanism", None, "2+2", ["2+2"], "2+2", 2))
    return out


def _gazetteer_candidates(ws, lex: _Lex) -> list[_Cand]:
    out = []
    for i, j, (name, kind) in lex.gaz.matches(ws):
        out.append(_Cand(ws[i][1], ws[j - 1][2], name, kind, None, name, [name], "", 3))
    return out


# "the X initiative", "the X partnership": a lower-case class noun right after a name says what it is
_CLASS_NOUN_KIND = _words_of("class_noun")
_CLASS_NOUN = re.compile(r"^\s+(?P<noun>" + "|".join(sorted(map(re.escape, _CLASS_NOUN_KIND), key=len, reverse=True)) + r")\b")


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


_APPOSITIVE = re.compile(r"\s*,\s*(?:the\s+)?$")


def _merge_appositive(text: str, cands: list[_Cand]) -> None:
    """"we will launch a senior-level experts group, the X Experts Group, to ...": a described mechanism and the
    name in apposition right after it are one agreement (round 11)."""
    for a, b in zip(cands, cands[1:]):
        if a.prio == 1 and b.prio >= 2 and a.kind == b.kind and b.start - a.end <= 8 \
                and _APPOSITIVE.match(text[a.end:b.start]) and re.match(r"\s*[,.;)]", text[b.end:b.end + 3]):
            a.aliases = [a.name, *a.aliases]
            a.name, a.year = b.name, b.year or a.year


# "Partners in the Blue Lagoon", "Partners for Coastal Resilience": a grouping named by its purpose or area
_PARTNERS = re.compile(
    r"(?<![\w-])Partners\s+(?P<prep>in|of|for)\s+(?:the\s+)?"
    r"(?P<tail>[A-Z][\w-]*(?:\s+(?:and\s+|of\s+(?:the\s+)?)?[A-Z][\w-]*){0,5})"
    r"(?:\s+(?P<noun>initiative|partnership))?")



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
            if d.prio < 2 or not (len(cw) < len(dw) <= len(cw) + 3) or dw[0] != cw[0] or dw[-1] != cw[-1]:
                continue
            if len(dw) == len(cw) + 1 and any(dw[:q] + dw[q + 1:] == cw for q in range(1, len(dw) - 1)) \
                    or _shortened(cw, dw):
                c.aliases = [c.name, *c.aliases]
                c.name, c.kind = d.name, d.kind
                break


def _shortened(cw: list[str], dw: list[str]) -> bool:
    """"Agreement on Reciprocal Trade" in a statement with the "Agreement on Reciprocal, Fair and Balanced
    Trade" (round 6): a name of four or more words whose words stand in order inside a longer one with its first
    and last word, up to three more words, one of them a list word (after a comma or "and")."""
    if len(cw) < 4:
        return False
    it = iter(dw)
    return all(w in it for w in cw) and "and" in dw and "and" not in cw
