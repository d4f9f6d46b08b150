"""The actor lexicon: states (pycountry, country_converter and ``actors_states.csv``),
demonyms, international organisations and forums, titles and office words, and
the look-up of a name or code (``resolve_actor``).

- ``actors_states.csv``        extra written forms of states (pycountry and
                               country_converter supply official/common names)
- ``actors_canonical.csv``     the canonical English name of states whose short name is not used
- ``actors_demonyms.csv``      national adjectives ("Chinese" in "the Chinese side")
- ``actors_organizations.csv`` international organisations, forums, well-known bodies
- ``actors_lexicon.csv``       titles, office nouns, organisation head nouns, ...

Gazetteer look-up is one compiled trie regex over the text (leftmost-longest).
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.ids import slug
from pipeline.model import Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Grammatical words that may sit inside a capitalised run ("Department of
# State", "Ambassador to the United States", "Law and Justice").
_CONNECTORS = frozenset({"of", "for", "to", "the", "and", "at", "on", "&"})
_ORG_TAIL_CONNECTORS = frozenset({"of", "for", "on"})


def read_data(name: str) -> list[dict]:
    """Rows of a data CSV, skipping ``#`` comment lines (the provenance line)."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]




def _terms_of(kind: str) -> frozenset[str]:
    return frozenset(r["term"] for r in read_data("actors_lexicon.csv") if r["kind"] == kind)


# an organisation acronym followed by one of these names an instrument ("ASEAN Charter"), not the body
_IO_BLOCK_NEXT = _terms_of("io_block_next")
# abbreviations that keep their full stop ("Dr.", "Jr.")
_ABBREV = _terms_of("abbreviation")
# --------------------------------------------------------------------------- lexicons


_Z_WORDS = re.compile(r"\b(Organi|Stabili|Moderni|Civili)([sz])ation")


def _spelling_variants(s: str) -> set[str]:
    out = {s}
    if _Z_WORDS.search(s):  # "Organisation" and "Organization" spell one name
        out.add(_Z_WORDS.sub(lambda m: m.group(1) + ("s" if m.group(2) == "z" else "z") + "ation", s))
    if "'" in s:
        out.add(s.replace("'", "\u2019"))
    if "\u2019" in s:
        out.add(s.replace("\u2019", "'"))
    for v in list(out):  # "UN Human Rights Council" is also written "U.N. Human Rights Council"
        if v.startswith("UN "):
            out.add("U.N. " + v[3:])
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
    state_alias = {v: iso for a, iso in state_alias.items() for v in _spelling_variants(a)}
    canon_overrides = {r["iso3"]: r["name"] for r in read_data("actors_canonical.csv")}
    states = {}
    for iso in set(state_alias.values()):
        name = canon_overrides.get(iso) or names.get(iso)
        if not name:
            c = pycountry.countries.get(alpha_3=iso)
            name = getattr(c, "common_name", None) or (c.name if c else iso)
        states[iso] = Actor(iso, name, "state", iso3=iso, country=iso)

    demonyms = {}
    for r in read_data("actors_demonyms.csv"):
        for v in _spelling_variants(r["demonym"]):
            demonyms[v] = r["iso3"]

    orgs: dict[str, Actor] = {}
    org_by_id: dict[str, Actor] = {}
    for r in read_data("actors_organizations.csv"):
        a = Actor(slug(r["name"]), r["name"], r["actor_type"], None, r.get("country") or None)
        org_by_id[a.actor_id] = a
        for n in [r["name"], *filter(None, (r.get("aliases") or "").split("|"))]:
            for v in _spelling_variants(n.strip()):
                v = v.removeprefix("the ")
                orgs.setdefault(v, a)
                # round 9: a one-word name written in capitals ("the QUAD", "EUROPOL") is the same body
                if " " not in v and len(v) >= 4 and v.isalpha() and v != v.upper():
                    orgs.setdefault(v.upper(), a)

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
