"""Actor extraction: states, international organisations, forums, named bodies,
persons and offices, as grounded mentions of ``doc.text``.

Everything is rule-based and driven by the data files in ``pipeline/data``.
Persons: a name after a title ("President X", "Presidents X and Y"), a name
with a title in apposition after it ("X Y, Secretary of the Treasury"), a
name-only paragraph of a signature block followed by a title line; a person's
country comes from its title ("of Japan", "United States Trade Representative"),
or a possessive ("X's affirmation of the United States' commitment"), shared by
all mentions of the person. A legislature named as such ("Congress", "the Diet")
belongs to the one state named before it in its sentence.

- ``actors_states.csv``        extra written forms of states (pycountry and
                               country_converter supply official/common names)
- ``actors_demonyms.csv``      national adjectives ("Chinese" in "the Chinese side")
- ``actors_organizations.csv`` international organisations, forums, well-known bodies
- ``actors_lexicon.csv``       titles, office nouns, organisation head nouns, ...

Gazetteer look-up is one compiled trie regex over the text (leftmost-longest);
persons and named bodies come from one pass over "capitalised runs" of a light
word tokenisation. Overlaps are resolved longest-first, so "UN Security
Council" yields the Council only and "Royal Australian Navy" is one body.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.ids import slug
from pipeline.model import Actor, Mention

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Grammatical words that may sit inside a capitalised run ("Department of
# State", "Ambassador to the United States", "Law and Justice").
_CONNECTORS = frozenset({"of", "for", "to", "the", "and", "at", "on", "&"})
_ORG_TAIL_CONNECTORS = frozenset({"of", "for", "on"})
_IO_BLOCK_NEXT = frozenset({
    "Convention", "Charter", "Treaty", "Protocol", "Declaration", "Agreement", "Framework",
    "Agenda", "Outlook", "Resolution", "Strategy", "Initiative", "Principles", "Guidelines",
})
_ABBREV = frozenset({"Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Lt", "Gen", "Col", "Sen", "Rep",
                     "Amb", "Hon", "St", "Prof", "Capt", "Adm", "Maj", "Smt", "Inc", "Ltd", "No"})


def read_data(name: str) -> list[dict]:
    """Rows of a data CSV, skipping ``#`` comment lines (the provenance line)."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


# --------------------------------------------------------------------------- lexicons


def _apostrophe_variants(s: str) -> set[str]:
    out = {s}
    if "'" in s:
        out.add(s.replace("'", "\u2019"))
    if "\u2019" in s:
        out.add(s.replace("\u2019", "'"))
    return out


def _country_converter_table() -> list[dict]:
    """country_converter's shipped table (read directly: its class API breaks
    under pandas 3). Columns used: name_short, name_official, ISO3, UNmember.
    The package is located, not imported: importing it loads pandas, which the
    extraction workers do not otherwise need."""
    import importlib.util

    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return []
    path = os.path.join(list(spec.submodule_search_locations)[0], "country_data.tsv")
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@dataclass(frozen=True)
class _Lexicon:
    states: dict[str, Actor]  # iso3 -> Actor
    state_alias: dict[str, str]  # written form -> iso3
    demonyms: dict[str, str]  # adjective -> iso3
    orgs: dict[str, Actor]  # written form -> Actor (IO, forum, well-known body)
    org_by_id: dict[str, Actor]
    titles: dict[str, str | None]  # title phrase -> country implied (Taoiseach -> IRL)
    title_last: frozenset[str]  # last word of every title phrase
    offices: tuple[str, ...]
    org_heads: frozenset[str]
    gov_heads: frozenset[str]
    org_block: frozenset[str]
    lead_skip: frozenset[str]
    compass: frozenset[str]
    geo: frozenset[str]
    demonym_context: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    name_stop: frozenset[str]
    gazetteer_re: re.Pattern
    office_re: re.Pattern | None
    plural_titles: frozenset[str] = frozenset()
    legislatures: frozenset[str] = frozenset()
    weak_heads: frozenset[str] = frozenset()
    apposition_re: re.Pattern | None = None
    title_start_re: re.Pattern | None = None


def _trie_regex(words) -> str:
    """A regex matching any of ``words``, longest alternative first at every
    branch (so the leftmost match is also the longest)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node) -> str:
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub)
                    for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    import pycountry

    cc_rows = {r["ISO3"]: r for r in _country_converter_table() if r.get("ISO3")}
    extra = read_data("actors_states.csv")
    extra_iso = {r["iso3"] for r in extra}
    # sovereign states: UN members plus the non-members the alias file names
    sovereign = {iso for iso, r in cc_rows.items() if r.get("UNmember")} | extra_iso
    state_alias: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        iso = c.alpha_3
        if iso not in sovereign:
            continue
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n and "," not in n and "(" not in n:
                state_alias.setdefault(n, iso)
    for iso, r in cc_rows.items():
        if iso not in sovereign:
            continue
        for n in (r.get("name_short"), r.get("name_official")):
            if n and "," not in n and "(" not in n:
                state_alias.setdefault(n, iso)
        names[iso] = r.get("name_short") or iso
    for r in extra:  # the alias file overrides generated forms
        state_alias[r["alias"]] = r["iso3"]
    state_alias = {v: iso for a, iso in state_alias.items() for v in _apostrophe_variants(a)}
    canon_overrides = {"KOR": "Republic of Korea", "PRK": "North Korea", "USA": "United States",
                       "GBR": "United Kingdom", "TUR": "Türkiye", "CIV": "Côte d'Ivoire",
                       "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
                       "PSE": "Palestine", "XKX": "Kosovo", "VAT": "Holy See"}
    states = {}
    for iso in set(state_alias.values()):
        name = canon_overrides.get(iso) or names.get(iso)
        if not name:
            c = pycountry.countries.get(alpha_3=iso)
            name = getattr(c, "common_name", None) or (c.name if c else iso)
        states[iso] = Actor(iso, name, "state", iso3=iso, country=iso)

    demonyms = {}
    for r in read_data("actors_demonyms.csv"):
        for v in _apostrophe_variants(r["demonym"]):
            demonyms[v] = r["iso3"]

    orgs: dict[str, Actor] = {}
    org_by_id: dict[str, Actor] = {}
    for r in read_data("actors_organizations.csv"):
        a = Actor(slug(r["name"]), r["name"], r["actor_type"], None, r.get("country") or None)
        org_by_id[a.actor_id] = a
        for n in [r["name"], *filter(None, (r.get("aliases") or "").split("|"))]:
            for v in _apostrophe_variants(n.strip()):
                v = v.removeprefix("the ")
                orgs.setdefault(v, a)

    lex: dict[str, list[dict]] = {}
    for r in read_data("actors_lexicon.csv"):
        lex.setdefault(r["kind"], []).append(r)
    terms = lambda k: frozenset(r["term"] for r in lex.get(k, []))
    titles = {r["term"]: (r.get("country") or None) for r in lex.get("title", [])}
    title_last = frozenset(t.split()[-1] for t in titles)
    offices = tuple(sorted(terms("office"), key=len, reverse=True))

    # titles that may follow a name in apposition ("X, Secretary of the Treasury"): not honorifics
    honorific = terms("honorific")
    appos = _trie_regex(sorted(t for t in titles if t not in honorific and not t.endswith(".")))

    keys = set(state_alias) | set(demonyms) | set(orgs)
    gaz = re.compile(r"(?<![\w.])(" + _trie_regex(sorted(keys)) + r")(?![\w$])")
    office_re = re.compile(r"(?<![\w-])(" + _trie_regex(offices) + r")(?![\w-])") if offices else None

    stop = set(terms("name_stop")) | set(title_last) | terms("lead_skip")
    stop |= terms("compass") | terms("org_head") | terms("geo")
    stop |= {w for t in terms("plural_title") | terms("legislature") for w in t.split()}
    for k in list(state_alias) + list(demonyms) + list(orgs):
        stop.update(w for w in k.split() if w[:1].isupper())
    return _Lexicon(
        states=states, state_alias=state_alias, demonyms=demonyms, orgs=orgs, org_by_id=org_by_id,
        titles=titles, title_last=title_last, offices=offices,
        org_heads=terms("org_head"), gov_heads=terms("gov_head"), org_block=terms("org_block"),
        lead_skip=terms("lead_skip"), compass=terms("compass"), geo=terms("geo"),
        demonym_context=terms("demonym_context"), particles=terms("name_particle"),
        suffixes=terms("name_suffix"), name_stop=frozenset(stop),
        gazetteer_re=gaz, office_re=office_re,
        plural_titles=terms("plural_title"), legislatures=terms("legislature"), weak_heads=terms("org_head_of"),
        apposition_re=re.compile(
            r",\s+(?:the\s+)?((?:[A-Z][\w.\u2019'-]*\s+){0,4}?)(" + appos + r")\b"
            r"(?=\s+(?:of|for|to|at|on|and)\b|\s*[,.;:)\n]|\s*$)"),
        title_start_re=re.compile(r"(?:" + _trie_regex(sorted(titles)) + r")\b"))


# --------------------------------------------------------------------------- public API


def state_actor(iso3: str) -> Actor | None:
    return lexicon().states.get(iso3)


def org_actor(actor_id: str) -> Actor | None:
    return lexicon().org_by_id.get(actor_id)


def _norm_key(s: str) -> str:
    s = s.replace("\u2019", "'").strip().strip(".,;:")
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"^(?i:the)\s+", "", s)


@lru_cache(maxsize=1)
def _casefold_index() -> dict[str, Actor]:
    lx = lexicon()
    idx: dict[str, Actor] = {}
    for alias, a in lx.orgs.items():
        idx.setdefault(_norm_key(alias).casefold(), a)
    for alias, iso in lx.state_alias.items():
        idx[_norm_key(alias).casefold()] = lx.states[iso]  # states win
    for a in lx.states.values():
        idx.setdefault(a.name.casefold(), a)
    for a in lx.org_by_id.values():
        idx.setdefault(a.actor_id, a)
    return idx


def resolve_actor(name_or_code: str) -> Actor | None:
    """An ISO 3166 code (alpha-3 or alpha-2) or a name of a state, international
    organisation or forum -> its Actor; None when unknown."""
    if not name_or_code or not name_or_code.strip():
        return None
    s = name_or_code.strip()
    lx = lexicon()
    if re.fullmatch(r"[A-Z]{3}", s) and s in lx.states:
        return lx.states[s]
    if re.fullmatch(r"[A-Z]{2}", s) and s not in ("UK", "US", "EU", "UN", "AU"):
        import pycountry
        c = pycountry.countries.get(alpha_2=s)
        if c and c.alpha_3 in lx.states:
            return lx.states[c.alpha_3]
    key = _norm_key(s)
    if key in lx.state_alias:
        return lx.states[lx.state_alias[key]]
    if key in lx.orgs:
        return lx.orgs[key]
    return _casefold_index().get(key.casefold())


# --------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., H.E.
    r"|[^\W\d_](?:[\w\u2019'\-]*\w)?"  # words, with inner hyphens/apostrophes
    r"|\d+(?:[.,]\d+)*"
    r"|\n"
    r"|[^\w\s]"
)


@dataclass
class _Tok:
    text: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        w, s, e = m.group(), m.start(), m.end()
        if toks and s < toks[-1].end:  # the "." already attached to "Dr."
            continue
        if w[:1].isalpha():
            if w.endswith(("\u2019s", "'s")) and len(w) > 2:  # possessive
                toks.append(_Tok(w[:-2], s, e - 2))
                toks.append(_Tok(w[-2:], e - 2, e))
                continue
            if e < len(text) and text[e] == "." and (len(w) == 1 and w.isupper() or w in _ABBREV):
                w, e = w + ".", e + 1
        toks.append(_Tok(w, s, e))
    return toks


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _runs(toks: list[_Tok], text: str) -> list[list[int]]:
    """Indices of maximal capitalised runs (connectors and name particles inside)."""
    lx = lexicon()
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(toks):
        gap_ok = not cur or "\n" not in text[toks[cur[-1]].end:t.start]
        if gap_ok and _is_cap(t.text) and t.text[:1].isalpha() or cur and gap_ok and (t.text in _CONNECTORS or t.text in lx.particles):
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
            cur = [i] if (_is_cap(t.text) and t.text[:1].isalpha()) else []
    if cur:
        runs.append(cur)
    out = []
    for r in runs:  # trim trailing connectors
        while r and not _is_cap(toks[r[-1]].text):
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


def _gazetteer(text: str) -> tuple[list[_Cand], list[tuple[int, int, str]]]:
    """States, demonyms-as-actors and gazetteer bodies. Also returns every
    state-like hit (start, end, iso3), including rejected ones, for context rules."""
    lx = lexicon()
    cands: list[_Cand] = []
    state_hits: list[tuple[int, int, str]] = []
    for m in lx.gazetteer_re.finditer(text):
        s, e, w = m.start(1), m.end(1), re.sub(r"\s+", " ", m.group(1))
        before = text[max(0, s - 40):s]
        after = text[e:e + 60]
        prev_word = re.search(r"([\w\u2019']+)[\s-]+$", before)
        prev_word = prev_word.group(1) if prev_word else ""
        next_word = re.match(r"[\s-]+([\w\u2019'-]+)", after)
        next_word = next_word.group(1) if next_word else ""
        if w in lx.state_alias:
            iso = lx.state_alias[w]
            state_hits.append((s, e, iso))
            if w == "US" and next_word in ("dollar", "dollars", "cents"):
                continue
            if prev_word in lx.compass or next_word in lx.geo:
                continue
            if re.search(r"\b(?:Sea|Gulf|Bay|Strait|Straits)\s+of\s+(?:the\s+)?$", before):
                continue
            if iso in _place_territories() and _is_place_context(text, s):
                continue  # "our positions on Taiwan": a territory spoken of as a place, not acting
            cands.append(_Cand(s, e, lx.states[iso], 0))
        elif w in lx.demonyms:
            iso = lx.demonyms[w]
            state_hits.append((s, e, iso))
            if prev_word in lx.compass or next_word in lx.geo:
                continue
            if _demonym_is_actor(after):
                cands.append(_Cand(s, e, lx.states[iso], 0))
        else:
            a = lx.orgs[w]
            if next_word in _IO_BLOCK_NEXT:
                continue
            if text[e:e + 1] == "+":
                continue  # "G7++ Friends of X", "ASEAN+3": a different grouping built on the name
            cands.append(_Cand(s, e, a, 0))
    return cands, state_hits


@lru_cache(maxsize=1)
def _place_territories() -> frozenset[str]:
    """ISO codes of territories that are not sovereign states (regions gazetteer type ``territory``)."""
    from pipeline.extract.regions import gazetteer as region_gazetteer
    return frozenset(r.iso3 for r, _ in region_gazetteer()[0].values() if r.region_type == "territory" and r.iso3)


def _is_place_context(text: str, start: int) -> bool:
    from pipeline.extract.regions import is_place_context
    return is_place_context(text, start)


@lru_cache(maxsize=1)
def _demonym_chain_re() -> re.Pattern:
    lx = lexicon()
    dem = _trie_regex(sorted(lx.demonyms))
    return re.compile(r"^(?:\s*,?\s*(?:and\s+|or\s+)?(?:" + dem + r"))*"
                      r"(?:\s+[a-z]+(?:-[a-z]+)*){0,2}?\s+([A-Za-z]+)\b")


def _demonym_is_actor(after: str) -> bool:
    """The adjective stands for the state: followed (after other demonyms and at
    most two lower-case modifiers) by a word such as side, delegation, Minister."""
    lx = lexicon()
    m = _demonym_chain_re().match(after)
    return bool(m) and m.group(1) in lx.demonym_context


def _persons_and_orgs(text: str, toks: list[_Tok], runs: list[list[int]],
                      state_hits: list[tuple[int, int, str]], gaz: list[_Cand]) -> list[_Cand]:
    lx = lexicon()
    cands: list[_Cand] = []
    hit_at = {s: iso for s, _, iso in state_hits}
    accepted = {c.start: c.actor.iso3 for c in gaz if c.actor.actor_type == "state"}
    person_tok: set[int] = set()

    def nameable(i: int) -> bool:
        w = toks[i].text
        return (_is_cap(w) and w not in lx.name_stop and w not in lx.orgs
                and not w.isdigit() and "-" not in w[:1])

    persons: list[tuple[int, int, str | None]] = []  # (first tok, last tok, country)
    for run in runs:
        plural_end = -1
        k = 0
        while k < len(run):
            if not nameable(run[k]):
                k += 1
                continue
            j = k
            while j + 1 < len(run):
                nxt = toks[run[j + 1]].text
                if nameable(run[j + 1]) or nxt in lx.suffixes:
                    j += 1
                elif nxt in lx.particles and j + 2 < len(run) and nameable(run[j + 2]):
                    j += 2
                else:
                    break
            n = j - k + 1
            ok = False
            prev = toks[run[k - 1]].text if k > 0 else None
            title_country = None
            prev2 = " ".join(toks[run[q]].text for q in range(max(0, k - 2), k))
            if prev is not None and prev in lx.title_last:
                ok = True
                title_country = lx.titles.get(prev)
            elif prev is not None and (prev in lx.plural_titles or prev2 in lx.plural_titles) \
                    and j + 2 < len(run) and toks[run[j + 1]].text == "and" and nameable(run[j + 2]):
                ok = True  # "Presidents Biden and Lula"
                plural_end = j
            elif prev in ("and",) and k >= 2 and plural_end == k - 2:
                ok = True  # the second name after a plural title
                plural_end = -1
            elif prev is not None and n >= 2 and prev not in _CONNECTORS and prev not in lx.particles:
                ok = any(toks[run[q]].text in lx.title_last for q in range(max(0, k - 15), k))
            elif k == 0 and n >= 2:
                # "the President of the United States, Joseph R. Biden Jr.,": the state is the country
                s0 = toks[run[0]].start
                tm = _title_of_re().search(text, max(0, s0 - 120), s0)
                ok = bool(tm)
                if tm:
                    title_country = next((iso for s_, _, iso in state_hits
                                          if tm.start(1) <= s_ < tm.end(1) and s_ in accepted), None)
                if not ok and n <= 4 and j == len(run) - 1:
                    # "Scott Bessent, Secretary of the Treasury": a title in apposition after the name
                    am = lx.apposition_re.match(text, toks[run[j]].end)
                    if am and not any(w in lx.geo or w in lx.compass for w in
                                      (toks[run[q]].text for q in range(k, j + 1))):
                        ok = True
                        title_country = _apposition_country(text, am, state_hits, accepted)
            if ok and j + 1 < len(run):
                nxt = toks[run[j + 1]].text
                if _is_cap(nxt) and nxt not in lx.suffixes:  # "General Border Committee"
                    ok = False
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
                        if iso:
                            country = iso
                            break
                persons.append((toks[first].start, end, country))
                person_tok.update(run[k:j + 1])
            k = j + 1

    persons += _signature_persons(text, persons)
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
    for key, (s_, e_, _) in zip(keys, persons):
        cands.append(_Cand(s_, e_, Actor(slug(key), key, "person", None, countries[key]), 1))

    # named bodies
    for run in runs:
        for k, ti in enumerate(run):
            w = toks[ti].text
            if w not in lx.org_heads:
                continue
            if w in ("Force", "Guard", "Corps") and k == 0:
                continue
            if w == "Executive" and (k + 1 < len(run) and _is_cap(toks[run[k + 1]].text)
                                     or k > 0 and (toks[run[k - 1]].text in lx.org_heads
                                                   or toks[run[k - 1]].text in lx.title_last)):
                continue  # "Executive Order", "Commission Executive Vice-President", "Chief Executive"
            head_first = False
            end_k = k
            if k + 1 < len(run) and toks[run[k + 1]].text in _ORG_TAIL_CONNECTORS:
                q = k + 2
                if q < len(run) and toks[run[q]].text == "the":
                    q += 1
                last = None
                while q < len(run):
                    tq = toks[run[q]].text
                    if run[q] in person_tok:
                        break
                    if tq in lx.org_heads and tq != "State":
                        if q > k + 2:  # "... of the State Council": the tail ends on a head
                            last = q
                        break
                    if _is_cap(tq):
                        last = q
                        q += 1
                    elif tq == "and" and q + 1 < len(run) and _is_cap(toks[run[q + 1]].text) \
                            and toks[run[q + 1]].text not in lx.org_heads \
                            and run[q + 1] not in person_tok \
                            and toks[run[q + 1]].start not in hit_at:
                        q += 1
                    else:
                        break
                if last is not None:
                    end_k, head_first = last, True
            if (w == "State" or w in lx.weak_heads) and not head_first:
                continue  # "Commission of the State Council", not "Joint Commission"
            b = k
            while b > 0:
                tp = toks[run[b - 1]].text
                if tp == "and" and b >= 2:  # "Trade and Development Agency"
                    tpp = toks[run[b - 2]].text
                    if _is_cap(tpp) and not tpp.isupper() and tpp not in lx.org_heads \
                            and tpp not in lx.orgs and toks[run[b - 2]].start not in hit_at \
                            and run[b - 2] not in person_tok and tpp not in lx.lead_skip:
                        b -= 1
                        continue
                    break
                if not _is_cap(tp) or run[b - 1] in person_tok or tp in lx.lead_skip \
                        or tp in lx.title_last or re.search(r"-[a-z]", tp):
                    break
                b -= 1
            while b < k and not _is_cap(toks[run[b]].text):
                b += 1
            if b == k and not head_first:
                continue
            span_toks = [toks[run[q]].text for q in range(b, end_k + 1)]
            if any(t in lx.org_block for t in span_toks):
                continue
            mods = [toks[run[q]].text for q in range(b, k)]
            if mods and all(m in lx.compass for m in mods) and not head_first:
                continue
            if any(run[q] in person_tok for q in range(b, end_k + 1)):
                continue
            start, end = toks[run[b]].start, toks[run[end_k]].end
            _add_org(cands, text, start, end, w, state_hits, k - b)
    # a legislature named as such ("work with Congress", "the Diet"): the state named
    # before it in the same sentence, when there is only one
    for run in runs:
        words = [toks[q].text for q in run]
        b = 0
        while b < len(words) - 1 and words[b] in lx.lead_skip:
            b += 1
        term = " ".join(words[b:])
        if term not in lx.legislatures:
            continue
        start, end = toks[run[b]].start, toks[run[-1]].end
        if re.match(r"\s+of\b", text[end:end + 4]):
            continue  # "Congress of X": a named body, handled above
        left = text[max(0, start - 200):start]
        cuts = [m.end() for m in re.finditer(r"(?<![A-Z])[.;]\s|\n\s*\n", left)]
        lo = start - len(left) + (cuts[-1] if cuts else 0)
        isos = {iso for s_, e_, iso in state_hits if lo <= s_ and e_ <= start and s_ in accepted}
        country = next(iter(isos)) if len(isos) == 1 else None
        actor = None
        if country:
            actor = next((a for a in lx.org_by_id.values() if a.country == country
                          and a.actor_type == "organization" and a.name.endswith(" " + term)), None)
        if actor is None:
            aid = slug(term) if country is None else slug(f"{term} {country}")
            actor = Actor(aid, term, "organization", None, country)
        cands.append(_Cand(start, end, actor, 2))
    # "Lomiko Metals, Inc." (a company with its legal form after a comma) and "Kurdistan Regional
    # Government" (a sub-national government named as such); leading "The"/"In"... dropped
    for rx in (_COMPANY_RE, _SUBNATIONAL_RE):
        for m in rx.finditer(text):
            start = m.start(1)
            for w in re.finditer(r"\S+", m.group(1)):
                if w.group(0) not in lx.lead_skip:
                    break
                start = m.start(1) + w.end()
            start += len(text[start:m.end()]) - len(text[start:m.end()].lstrip())
            first = re.match(r"[^\s,]+", text[start:m.end()])
            if start >= m.end(1) or first is None or first.group(0) in lx.state_alias \
                    or first.group(0) in lx.demonyms:
                continue
            name = re.sub(r"\s+", " ", text[start:m.end()])
            cands.append(_Cand(start, m.end(), Actor(slug(name), name, "organization"), 2))
    # "Foreign, Commonwealth, and Development Office"
    for m in _comma_org_re().finditer(text):
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1))
        if any(i in lx.state_alias or i in lx.demonyms for i in items):
            continue
        _add_org(cands, text, m.start(1), m.end(1), m.group(2), state_hits, 1)
    return cands


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
def _title_of_re() -> re.Pattern:
    """A title "of <state>," right before a name: group 1 is the state phrase."""
    lx = lexicon()
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(lx.title_last, key=len, reverse=True))
                      + r")\s+of\s+((?:the\s+)?[A-Z][^,;.\n]{1,60}),\s*$")


_COMPANY_RE = re.compile(
    r"((?:[A-Z][\w&\u2019'-]*[ \t\n]+){0,3}[A-Z][\w&\u2019'-]*),[ \t\n]+"
    r"(?:Inc\.|Ltd\.|LLC|L\.L\.C\.|PLC|plc|S\.A\.|GmbH|Corp\.|Co\.,[ \t\n]+Ltd\.|Limited|Incorporated)(?![\w])")
_SUBNATIONAL_RE = re.compile(
    r"\b((?:[A-Z][\w\u2019'-]+[ \t\n]+){1,3})(?:Regional|Provincial|Autonomous|Territorial)[ \t\n]+Government\b")


@lru_cache(maxsize=1)
def _comma_org_re() -> re.Pattern:
    lx = lexicon()
    heads = "|".join(sorted((re.escape(h) for h in lx.org_heads), key=len, reverse=True))
    cap = r"[A-Z][a-z]+"
    return re.compile(rf"\b({cap}(?:,\s+{cap})+,?\s+and\s+{cap}(?:\s+{cap})*?\s+({heads}))\b")


def _add_org(cands, text, start, end, head, state_hits, n_mods):
    lx = lexicon()
    country = None
    inside = [(s, e, iso) for s, e, iso in state_hits if start <= s and e <= end]
    # a leading state or demonym before a government head is the owner, not the name
    if inside and inside[0][0] == start and head in lx.gov_heads:
        rest = text[inside[0][1]:end].strip()
        if len(rest.split()) >= 2 and rest[:1].isupper():
            country = inside[0][2]
            start = end - len(rest)
            inside = inside[1:]
    isos = {iso for _, _, iso in inside}
    if country is None and len(isos) == 1:
        country = next(iter(isos))
    if country is None and head in lx.gov_heads:
        # "Australia's Department of ...", or a state's team or government named
        # shortly before in the same sentence ("The U.S. delegation ... included
        # representatives from the Department of State", "in the U.S. Government by the ...")
        left = text[max(0, start - 160):start]
        cuts = [m.end() for m in re.finditer(r"(?<![A-Z])[.;]\s|\n", left)]
        window_start = start - len(left) + (cuts[-1] if cuts else 0)
        for s, e, iso in reversed(state_hits):
            if not (window_start <= s and e <= start):
                continue
            if start - e <= 3 and text[e:start].strip() in ("\u2019s", "'s") or text[s:e].endswith(("Government", "government")) or re.match(
                    r"\s+(?:delegation|[Gg]overnment|side|officials|[Aa]dministration)\b", text[e:e + 16]):
                country = iso
            break
    name = re.sub(r"\s+", " ", text[start:end])
    cands.append(_Cand(start, end, Actor(slug(name), name, "organization", None, country), 2))


def _acronyms(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """"Federal Highway Administration (FHWA)": the acronym names the same body."""
    out: list[_Cand] = []
    acr: dict[str, Actor] = {}
    for c in chosen:
        if c.actor.actor_type in ("state", "person", "office"):
            continue
        m = re.match(r"\s*\((?:the\s+)?([A-Z][A-Za-z&]{1,9})\)", text[c.end:c.end + 16])
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
            acr.setdefault(m.group(1), c.actor)
    if acr:
        rx = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, acr)) + r")(?![\w])")
        out = [_Cand(m.start(), m.end(), acr[m.group()], 0) for m in rx.finditer(text)]
    return out


def _drop_redefined_acronyms(text: str, gaz: list[_Cand]) -> list[_Cand]:
    """A gazetteer acronym that the statement defines for something else
    ("Strategic Partnership Commission (SPC)") is not the gazetteer body."""
    lx = lexicon()
    ends = {(c.end, c.actor.actor_id) for c in gaz}
    drop = set()
    for m in re.finditer(r"\s\((?:the\s+)?([A-Z][A-Za-z&]{1,9})\)", text):
        a = lx.orgs.get(m.group(1))
        if a is not None and (m.start(), a.actor_id) not in ends:
            drop.add(m.group(1))
    if not drop:
        return gaz
    return [c for c in gaz if text[c.start:c.end] not in drop]


def _offices(text: str) -> list[_Cand]:
    lx = lexicon()
    if lx.office_re is None:
        return []
    out = []
    for m in lx.office_re.finditer(text):
        name = m.group(1).lower()
        out.append(_Cand(m.start(1), m.end(1), Actor(slug(name), name, "office"), 3))
    return out


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


def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it on every access)."""
    if isinstance(doc, str):
        return doc
    ud = doc.user_data
    text = ud.get("_joint_statements_text")
    if text is None:
        text = ud["_joint_statements_text"] = doc.text
    return text


def find_actors(doc) -> list[Mention]:
    """Grounded actor mentions in ``doc.text``: sorted by start, non-overlapping
    (the longest candidate wins; on a tie gazetteer > person > body > office)."""
    text = doc_text(doc)
    gaz, state_hits = _gazetteer(text)
    gaz = _drop_redefined_acronyms(text, gaz)
    toks = _tokenize(text)
    runs = _runs(toks, text)
    cands = gaz + _persons_and_orgs(text, toks, runs, state_hits, gaz) + _offices(text)
    chosen = _select(cands, len(text))
    extra = _acronyms(text, chosen)
    if extra:
        chosen = _select(chosen + extra, len(text))
    return [Mention(c.start, c.end, c.actor) for c in chosen]
