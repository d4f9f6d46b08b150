"""Persons: a name after a title ("President X", "Presidents X and Y"), a name
with a title in apposition after it ("X Y, Secretary of the Treasury"), a
name-only paragraph of a signature block followed by a title line; a person's
country comes from its title ("of Japan", "United States Trade Representative"),
or a possessive ("X's affirmation of the United States' commitment"), shared by
all mentions of the person."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actor_person_lists import office_item_before
from pipeline.extract.actor_lexicon import _ABBREV, _CONNECTORS, lexicon, read_data
from pipeline.extract.actor_tokens import _Cand, _is_cap, _Tok
from pipeline.ids import slug
from pipeline.model import Actor

_AFTER_OF = re.compile(r"\bof\s+(?:the\s+)?$")  # "... of (the) " just before a state
_DIGITS = frozenset("0123456789")  # no word of a person's name has one ("MQ-9B" is a model, not a name)


def _plural_title_before(text: str, start: int) -> bool:
    """A plural title ("Senior Directors on the ... Council") earlier in the clause before ``start``."""
    left = text[max(0, start - 100):start]
    cut = max(left.rfind(". "), left.rfind(";"), left.rfind(":"))
    title_last = lexicon().title_last
    return any(w[:-1] in title_last for w in re.findall(r"\b[A-Z][a-z]+s\b", left[cut + 1:]))


def _plural_of_title(w: str) -> bool:
    """Round 11: the plural of a title word ("Directors", "Advisors", "Secretaries") is a plural title, never
    a name: "Senior Directors Ana Ruiz and Tom Bell" names two persons (one set look-up per token)."""
    return w in _title_plurals()


@lru_cache(maxsize=1)
def _title_plurals() -> frozenset[str]:
    """The plurals ("-s", "-y" -> "-ies") of the title words of at least three letters."""
    out = set()
    for t in lexicon().title_last:
        if len(t) >= 3 and not t.endswith("s"):
            out.add(t + "s")
            if t.endswith("y"):
                out.add(t[:-1] + "ies")
    return frozenset(out)


def _particle_name(toks, run, p, nameable) -> bool:
    """Round 13: name particles then a name ("von der Leyen") from ``run[p]`` on."""
    particles = lexicon().particles
    while p < len(run) and toks[run[p]].text in particles:
        p += 1
    return p < len(run) and nameable(run[p])


def _acronym_before_name(toks, run, k, nameable) -> bool:
    """Round 11: an acronym after "of"/"for" ends a title's tail, it opens no name: "Deputy Assistant
    Secretary of INL Mara Quill" names Mara Quill."""
    w = toks[run[k]].text
    return (len(w) >= 2 and w.isalpha() and w.isupper() and 0 < k and k + 2 < len(run)
            and toks[run[k - 1]].text in ("of", "for") and nameable(run[k + 1]) and nameable(run[k + 2]))


def _persons(text: str, toks: list[_Tok], runs: list[list[int]],
             state_hits: list[tuple[int, int, str]], gaz: list[_Cand]) -> tuple[list[_Cand], set[int]]:
    """Persons (one Actor per person, its country from titles and context) and the
    indices of the tokens they cover."""
    lx = lexicon()
    cands: list[_Cand] = []
    accepted = {c.start: c.actor.iso3 for c in gaz if c.actor.actor_type == "state"}
    person_tok: set[int] = set()

    post = _postnominals()

    def nameable(i: int) -> bool:
        w = toks[i].text
        return (_is_cap(w) and w not in lx.name_stop and w not in lx.orgs
                and _DIGITS.isdisjoint(w) and "-" not in w[:1] and not _plural_of_title(w)
                and w not in post)

    persons: list[tuple[int, int, str | None]] = []  # (first tok, last tok, country)
    for run in runs:
        plural_end = -1
        k = 0
        while k < len(run):
            if not nameable(run[k]) or _acronym_before_name(toks, run, k, nameable):
                k += 1
                continue
            j = k
            while j + 1 < len(run):
                nxt = toks[run[j + 1]].text
                if nameable(run[j + 1]) or nxt in lx.suffixes:
                    j += 1
                elif nxt in lx.particles:
                    # "Ursula von der Leyen": one or more particles before the surname
                    p = j + 1
                    while p < len(run) and toks[run[p]].text in lx.particles:
                        p += 1
                    if p < len(run) and nameable(run[p]):
                        j = p
                    else:
                        break
                else:
                    break
            lead = k  # "President von der Leyen": name particles may open a name after its title
            while lead > 1 and toks[run[lead - 1]].text in lx.particles:
                lead -= 1
            if lead < k and (toks[run[lead - 1]].text in lx.title_last
                             or toks[run[lead - 1]].text == "and" and plural_end == lead - 2):
                k = lead
            n = j - k + 1
            ok = False
            prev = toks[run[k - 1]].text if k > 0 else None
            title_country = None
            prev2 = " ".join(toks[run[q]].text for q in range(max(0, k - 2), k))
            if prev is not None and prev in lx.title_last:
                ok = True
                title_country = lx.titles.get(prev)
            elif prev is not None and (prev in lx.plural_titles or prev2 in lx.plural_titles
                                       or _plural_of_title(prev)) \
                    and j + 2 < len(run) and toks[run[j + 1]].text == "and" \
                    and (nameable(run[j + 2]) or _particle_name(toks, run, j + 2, nameable)):
                ok = True  # "Presidents Biden and Lula", round 13: "Presidents Biden and von der Leyen"
                plural_end = j
            elif prev in ("and",) and k >= 2 and plural_end == k - 2:
                ok = True  # the second name after a plural title
                plural_end = -1
            elif prev is not None and n >= 2 and prev not in _CONNECTORS and prev not in lx.particles:
                before = range(max(0, k - 15), k)
                # a word with digits between the title and the name ("General Dynamics XR-7B Sky Hawks")
                # is a model's code: what follows names a thing, not a person
                ok = any(toks[run[q]].text in lx.title_last for q in before) \
                    and all(_DIGITS.isdisjoint(toks[run[q]].text) for q in before)
                if not ok and j + 2 < len(run) and toks[run[j + 1]].text == "and" and nameable(run[j + 2]) \
                        and _plural_title_before(text, toks[run[k]].start):
                    ok = True  # "Senior Directors on the X Council Ana Ruiz and Tom Bell": two persons
                    plural_end = j
            elif k == 0 and n >= 2:
                # "the President of the United States, Joseph R. Biden Jr.,": the state is the country
                s0 = toks[run[0]].start
                tm = _title_of_re().search(text, max(0, s0 - 120), s0)
                ok = bool(tm)
                if tm:
                    title_country = next((iso for s_, _, iso in state_hits
                                          if tm.start(1) <= s_ < tm.end(1) and s_ in accepted), None)
                if not ok and n <= 4 and j == len(run) - 1 and office_item_before(text, s0, toks[run[j]].end):
                    ok = True  # "...; the head of the Customs Service, Jon Dahl; ...": a delegation list
                if not ok and n <= 4 and j == len(run) - 1:
                    # "Scott Bessent, Secretary of the Treasury": a title in apposition after the name
                    am = lx.apposition_re.match(text, toks[run[j]].end)
                    if am and not any(w in lx.geo or w in lx.compass for w in
                                      (toks[run[q]].text for q in range(k, j + 1))):
                        ok = True
                        title_country = _apposition_country(text, am, state_hits, accepted)
            if ok and n == 1 and prev is not None and prev in lx.title_last and j + 1 < len(run) \
                    and (j + 2 == len(run) or toks[run[j + 2]].text in _CONNECTORS) \
                    and toks[run[j + 1]].text in _gazetteer_words():
                # "Attorney General Lisa Jordan", "Trade Representative Ann White": after a title, a
                # first name and a last word that is also a state's or a body's word, ending the run
                j += 1
                n = 2
            if ok and j + 1 < len(run):
                nxt = toks[run[j + 1]].text
                if _is_cap(nxt) and nxt not in lx.suffixes and nxt not in post:  # "General Border Committee"
                    ok = False  # (round 13: not "the Hon Ana Ruiz MP", a post-nominal after the name)
            if ok and n <= 7:
                first, last = run[k], run[j]
                # ", Jr." after the name
                m = re.match(r",\s*(Jr\.?|Sr\.?)", text[toks[last].end:toks[last].end + 6])
                end = toks[last].end + (m.end() if m else 0)
                country = title_country
                m2 = re.match(r",?\s+of\s+(?:the\s+)?", text[end:end + 12])
                if country is None and m2:  # "... Kishida Fumio of Japan"
                    country = accepted.get(end + m2.end())
                if country is None:  # "King X, King of the Kingdom of Y"
                    am = lx.apposition_re.match(text, end)
                    if am:
                        country = _apposition_country(text, am, state_hits, accepted)
                if country is None:
                    # a state before this person's title ("Canadian Ambassador to ...")
                    lo = max([q + 1 for q in range(k) if run[q] in person_tok] + [0])
                    for q in range(lo, k):
                        if toks[run[q]].text in lx.title_last:
                            break
                        iso = accepted.get(toks[run[q]].start)
                        if iso and _AFTER_OF.search(text, max(0, toks[run[q]].start - 9), toks[run[q]].start):
                            # "Prime Minister A of Chile and Vice President B": Chile is A's
                            break
                        if iso:
                            country = iso
                            break
                persons.append((toks[first].start, end, country))
                person_tok.update(run[k:j + 1])
            k = j + 1

    persons += _signature_persons(text, persons)
    poss = _possessive_holders(toks, person_tok)
    persons += poss
    poss_at = {p[0] for p in poss}
    persons = [(s_, e_, c or _possessive_country(text, e_, accepted)) for s_, e_, c in persons]

    # coreference: one Actor per person; a surname alone joins a full name; the
    # person's country is the first one any of its mentions shows
    def words_of(s_: int, e_: int) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_][\w\u2019'\-.]*", text[s_:e_])
                if w.rstrip(".") not in ("Jr", "Sr") and w not in lx.particles]

    full: list[list[str]] = []
    full_name: dict[int, str] = {}
    for s_, e_, _ in persons:
        words = words_of(s_, e_)
        if len(words) < 2 or any(fw[-1] == words[-1] and fw[0][0] == words[0][0] for fw in full):
            continue
        full_name[len(full)] = re.sub(r"\s+", " ", text[s_:e_])
        full.append(words)
    keys: list[str] = []
    for s_, e_, _ in persons:
        words = words_of(s_, e_)
        idx = None
        if len(words) >= 2:
            idx = next((n for n, fw in enumerate(full) if fw[-1] == words[-1] and fw[0][0] == words[0][0]), None)
        else:
            matches = [n for n, fw in enumerate(full) if words and len(words[0]) > 2
                       and words[0] in {p for w in fw for p in (w, *w.split("-"))}]
            idx = matches[0] if len(matches) == 1 else None
        keys.append(full_name[idx] if idx is not None else re.sub(r"\s+", " ", text[s_:e_]))
    countries: dict[str, str | None] = {}
    for key, (_, _, country) in zip(keys, persons):
        if countries.get(key) is None:
            countries[key] = country
    poss_keys = {key for key, p in zip(keys, persons) if p[0] in poss_at}
    for key, (s_, e_, _) in zip(keys, persons):
        name = _holder_label(key, countries[key]) if " " in key or key in poss_keys else key
        cands.append(_Cand(s_, e_, Actor(slug(name), name, "person", None, countries[key]), 1))
    return cands, person_tok


_NAME_PARA = re.compile(r"[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){1,3}")


def _signature_persons(text: str, persons: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """A signature block: a paragraph that is only a name (2-4 capitalised words), followed
    within a few short paragraphs by one that opens with a title ("Prime Minister of ...")."""
    lx = lexicon()
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    taken = [(s, e) for s, e, _ in persons]
    out = []
    for n, (s, e) in enumerate(paras):
        para = text[s:e].strip()
        if not _NAME_PARA.fullmatch(para):
            continue
        words = para.split()
        if any(w in lx.name_stop or w in lx.orgs or w in lx.state_alias or w in lx.demonyms
               or w.rstrip(".") in _ABBREV and not w.endswith(".") for w in words):
            continue
        ok = False
        for s2, e2 in paras[n + 1:n + 7]:
            p2 = text[s2:e2].strip()
            if len(p2) > 80:
                break
            if lx.title_start_re.match(p2) and not _NAME_PARA.fullmatch(p2):
                ok = True
                break
        if not ok:
            continue
        ps = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        pe = ps + len(para)
        if not any(a < pe and ps < b for a, b in taken):
            out.append((ps, pe, None))
    return out


def _apposition_country(text: str, am: re.Match, state_hits, accepted: dict[int, str]) -> str | None:
    """The state of an apposed title: "United States Trade Representative", "Prime Minister of Japan"."""
    for s, _, iso in state_hits:
        if am.start(1) <= s < am.end(2) and s in accepted:
            return iso
    m = re.match(r"\s+of\s+(?:the\s+)?", text[am.end(2):am.end(2) + 12])
    return accepted.get(am.end(2) + m.end()) if m else None


def _possessive_country(text: str, end: int, accepted: dict[int, str]) -> str | None:
    """"President X's affirmation of the United States' commitment": the person speaks for that state."""
    m = re.match(r"[\u2019']s\s+(?:[a-z]+\s+){1,2}?of\s+(?:the\s+)?", text[end:end + 60])
    if not m:
        return None
    iso = accepted.get(end + m.end())
    if iso is None:
        return None
    tail = text[end + m.end():end + m.end() + 40]
    return iso if re.match(r"[^,.;\n]*?[\u2019'](?:s\b|\s)", tail) else None



@lru_cache(maxsize=1)
def _postnominals() -> frozenset[str]:
    """Round 13: letters after a person's name ("MP", "KC"): they end the name, not a body's."""
    return frozenset(r["term"] for r in read_data("actors_lexicon.csv") if r["kind"] == "postnominal")


@lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    """Capitalised words that are stop words only because a state or organisation name holds them
    ("Jordan", "White" of "White House"): they may end a person's name after a title. Words of
    the hand-written vocabulary (titles, body heads, portfolio and geographic words) never do."""
    lx = lexicon()
    words = {k for k in lx.state_alias if k.isalpha() and k[:1].isupper()}  # "Jordan", "Chad"
    words |= {w for k in lx.orgs for w in k.split()[:-1] if w[:1].isupper() and w.isalpha()}  # "White House"
    vocab = {w for r in read_data("actors_lexicon.csv") for w in r["term"].split()}
    return frozenset(w for w in words if w not in vocab and w not in lx.title_last and w not in lx.demonyms)


@lru_cache(maxsize=1)
def _title_of_re() -> re.Pattern:
    """A title "of <state>," right before a name: group 1 is the state phrase."""
    lx = lexicon()
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(lx.title_last, key=len, reverse=True))
                      + r")\s+of\s+((?:the\s+)?[A-Z][^,;.\n]{1,60}),\s*$")


def _holder_label(name: str, country: str | None) -> str:
    """Round 13: a name written with its surname in capitals ("KISHIDA Fumio", "Fumio KISHIDA") or a
    surname alone that stands for one head of state or government ("Putin's war") takes the label of
    the office holder it is (``persons_office_holders.csv``); other names stay as written."""
    words = name.split()
    caps = any(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)
    if not caps and not (len(words) == 1 and words[0] in _holder_surnames()):
        return name
    from pipeline.extract.office_holders import holder_for_actor
    if len(words) == 1:
        h = _holder_surnames()[words[0]]
        return h.name if country in (None, h.country) else name
    h = holder_for_actor(Actor(slug(name), name, "person", None, country))
    return h.name if h else name


def _possessive_holders(toks: list[_Tok], person_tok: set[int]) -> list[tuple[int, int, str | None]]:
    """Round 13: the surname of a head of state or government alone before a possessive ("Kovar's war",
    "Kovar's aggression"), when that surname is one holder's only and no word of a body or state:
    the person, with the holder's state."""
    sur = _holder_surnames()
    out = []
    for i in range(len(toks) - 1):
        h = sur.get(toks[i].text)
        if h is not None and i not in person_tok and toks[i + 1].text in ("\u2019s", "'s") \
                and (i == 0 or not _is_cap(toks[i - 1].text)):
            out.append((toks[i].start, toks[i].end, h.country))
    return out


@lru_cache(maxsize=1)
def _holder_surnames() -> dict:
    """{surname: Holder} of the heads of state and government whose last name word is theirs alone and
    no word of the lexicon's states, bodies or titles (so "Jordan" or "Lee" never answer)."""
    from pipeline.extract.office_holders import holders
    lx = lexicon()
    seen: dict[str, set] = {}
    first: dict[str, object] = {}
    for h in holders():
        words = [w for w in h.name.split() if w.rstrip(".") not in ("Jr", "Sr") and w[:1].isupper()]
        if len(words) < 2:
            continue
        w = words[-1]
        seen.setdefault(w, set()).add(h.wikidata_id)
        first.setdefault(w, h)
    from pipeline.extract.office_holders import ministers
    vocab = {w for r in read_data("actors_lexicon.csv") for w in r["term"].split()}
    given = {w for h in (*holders(), *ministers()) for w in h.name.split()[:-1]}  # "Martin", "Khan" open names
    blocked = vocab | given | set(lx.state_alias) | set(lx.demonyms) | set(lx.title_last) | set(lx.name_stop) \
        | {w for k in lx.orgs for w in k.split()}
    return {w: first[w] for w, ids in seen.items()
            if len(ids) == 1 and len(w) >= 4 and w.isalpha() and w not in blocked}
