"""Regions of concern: seas, straits, regions, and countries/territories spoken of as places.

Gazetteer: ``pipeline/data/regions_gazetteer.csv`` (one row per region, aliases
``|``-separated, ``context=1`` for countries and the territories that are also
actors: those count only in a place context such as "peace in X", "the
situation in X", "denuclearization of X", "with regard to X", "discussed X").

Matching is done on a word tokenization of ``doc.text`` (hyphenated compounds
are one word, so "Canada-Japan" or "Trans-Pacific" never yield "Canada" or
"Pacific"); the gazetteer is indexed by first word and built once.

A compass word right before a gazetteer region or sea makes a sub-region of its own
("the Western Balkans", "the South Caucasus", "the eastern Mediterranean"; no
coordinates); before a country it names a part of it ("eastern Ukraine"). A named
corridor (capitalised words before a head of ``regions_corridor_heads.csv``: "the
Lobito Corridor", "the India-Middle East-Europe Economic Corridor") is a region
without coordinates; so is a named river delta ("the Red River Delta", round 6). Gazetteer rows without a cited centre leave the coordinates empty.

Also: a national adjective before a crisis noun names the place ("the Syrian crisis"; a party's own only
with crisis/conflict/civil war); coordinated situation nouns before of/in/for ("the stability and security
of X"); shootings, killings, bombings in a party's country; "areas of X"; a region right before an acronym
that does not end with its initials ends a body's name ("... Refugees in the Near East (UNRWA)"): none.
Round 3: the country of a venue ("met in Harbourtown, Norland", the city not itself a region) is none; a
situation after a possessive ("Ukraine's territorial integrity", "X's reconstruction") and "the battlefield /
a war of choice against X" speak of the place; "Mekong-U.S." and "Indo- Pacific" are one word.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.extract.nlp import doc_text
from pipeline.ids import slug
from pipeline.model import Mention, Region

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER = DATA_DIR / "regions_gazetteer.csv"

DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"} | {"\u2019": "'"})

# Words: "U.S.", "U.S.-Canada", "Mekong-U.S." (also the typo "ASEAN-U.S"), "Indo-Pacific", "cross-Strait", "d'Ivoire", "2+2", "Leaders’";
# a possessive "'s" is split off ("Korea's" -> "Korea", "'", "s").
WORD_RE = re.compile(
    r"(?:[A-Z]\.){2,}(?:[-\u2010\u2011\u2013][\w.]*\w)*"
    r"|\w+(?:(?:[-\u2010\u2011\u2013+&]|-\x20(?=[A-Z][a-z]))(?:(?:[A-Z]\.)+[A-Z]\b\.?|\w+)|['\u2019](?!s\b)\w+)*"
    r"(?:(?<=s)['\u2019](?=\s))?"
    r"|[^\w\s]"
)


def words(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) for every word and punctuation mark of ``text``."""
    out = []
    for m in WORD_RE.finditer(text):
        g = m.group()
        if not g.isascii():
            g = g.translate(DASHES)
        if " " in g:  # "Indo- Pacific": a compound split by a stray space
            g = g.replace(" ", "")
        out.append((g, m.start(), m.end()))
    return out


def doc_words(doc: Doc) -> tuple[str, list[tuple[str, int, int]]]:
    """``doc.text`` and its words, computed once per Doc (shared by the regions and agreements extractors)."""
    cached = doc.user_data.get("_regions_agreements_words")
    if cached is None or cached[0] != len(doc):
        text = doc_text(doc)  # the text cached on the Doc, shared with the actor extractor
        cached = (len(doc), text, words(text))
        doc.user_data["_regions_agreements_words"] = cached
    return cached[1], cached[2]


def read_data_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a shipped data CSV; ``#`` comment lines (provenance) are skipped."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


class PhraseIndex:
    """Word-tuple phrases indexed by first word; longest match wins at each position."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, phrase: str, value: object) -> None:
        key = tuple(w for w, _, _ in words(phrase))
        if not key:
            return
        lst = self.by_first.setdefault(key[0], [])
        if all(k != key for k, _ in lst):
            lst.append((key, value))
            lst.sort(key=lambda kv: -len(kv[0]))

    def matches(self, ws: list[tuple[str, int, int]]):
        """Yield (i, j, value): ws[i:j] is a phrase; non-overlapping, left to right."""
        by_first = self.by_first
        n = len(ws)
        nxt = 0  # the first word after the last phrase yielded
        # only the words that start some phrase are looked at (one pass in a comprehension)
        for i in [i for i, w in enumerate(ws) if w[0] in by_first]:
            if i < nxt:
                continue
            for key, value in by_first[ws[i][0]]:
                j = i + len(key)
                if j <= n and all(ws[i + k][0] == key[k] for k in range(1, len(key))):
                    yield i, j, value
                    nxt = j
                    break


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, tuple[Region, bool]], PhraseIndex]:
    """region_id -> (Region, needs_context) and the alias index (built once)."""
    regions: dict[str, tuple[Region, bool]] = {}
    index = PhraseIndex()
    for row in read_data_csv(GAZETTEER):
        region = Region(
            region_id=slug(row["name"]),
            name=row["name"],
            region_type=row["region_type"],
            iso3=row["iso3"] or None,
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
        )
        regions[region.region_id] = (region, row.get("context") == "1")
        for alias in [row["name"], *(a for a in row["aliases"].split("|") if a)]:
            index.add(alias, region.region_id)
    return regions, index


def all_regions() -> list[Region]:
    """Every gazetteer region (for publishing coordinates)."""
    return [r for r, _ in gazetteer()[0].values()]


# --- place context for countries -------------------------------------------------------

_SITUATION_NOUNS = (
    r"situations?|crisis|crises|wars?|conflicts?|peace|stability|denuclearization|denuclearisation|"
    r"invasion|occupation|annexation|reconstruction|recovery|rebuilding|people|peoples|sovereignty|"
    r"integrity|independence|future|supporters?|catastrophe|violence|coup|aggression|attacks?|"
    r"hostilities|fighting|rights|elections?|transition|ceasefire|cease-fire|escalation|tensions?|"
    r"militari[sz]ation|blockade|famine|democracy|refugees|victims|humanitarian|assistance|aid|"
    r"developments|issues?|question|events|dispute|border|borders|territory|shelling|bombing|"
    r"destruction|suffering|atrocities|abuses|repression|crackdown|shootings?|killings?|massacres?|bombings?|"
    r"strikes|areas|parts|provinces|coast|coastline|waters|airspace|soil|battlefields?|war\s+of\s+choice"
)
_PLACE_LEFT = re.compile(
    r"(?:(?:^\s*|\b)(?-i:in|across|throughout|within|inside|into|regarding|concerning|about|toward|towards|"
    r"over|around|on the ground in)"
    r"|^\s*(?:In|Across|Regarding|Concerning|On)"
    r"|\b(?:regard|respect|relation|reference) to"
    r"|\bdiscuss(?:ed|es|ing)?"
    r"|\b(?:positions?|polic(?:y|ies)|stances?|views?)\s+(?:on|toward|towards|regarding|concerning)"
    # "the stability and security of X", "peace, stability and prosperity in X": coordinated nouns
    # round 11: a meeting on the place ("the Paris conference on Norland", "talks on Norland")
    r"|\b(?:conferences?|talks|meetings?|summits?|negotiations|consultations)\s+on"
    rf"|\b(?:{_SITUATION_NOUNS})\s+(?:of|in|on|against|for|to|with|around|near|inside|within)"
    rf"|\b(?:{_SITUATION_NOUNS})(?:\s*,\s*[a-z]+)*,?\s+(?:and|or)\s+[a-z]+\s+(?:of|in|for|inside|within|across|throughout))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "in" after these words is not about the place ("invest in Canada", "partners in Japan")
_NOT_PLACE_IN = re.compile(
    r"\b(?:invest(?:s|ed|ing|ments?)?|partners?|allies|ally|interest|confidence|trust|"
    r"participat(?:e|es|ed|ing|ion)|role|join(?:ed|s)?|together|meet(?:s|ing)?|met|held|hosted|"
    r"summit|visit(?:s|ed)?|based|born|located|headquartered|embassy|offices?|"
    r"conduct(?:s|ed|ing)?|convene[sd]?|convening|alternately|place|organi[sz]ed|rotat(?:e|es|ed|ing))"
    r"\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = {"and", "or", "to", "is", "was", "has", "have", "had", "will", "would", "in", "on", "at", "as",
                   "for", "with", "by", "from", "of", "that", "which", "but", "since", "after", "before"}
_SENT_BOUNDARY = re.compile(r"(?:[.!?;:]\s+(?=[A-Z(\"“'‘\d])|\n)")


def _left_context(text: str, start: int, width: int = 100) -> str:
    left = text[max(0, start - width):start]
    last = None
    for last in _SENT_BOUNDARY.finditer(left):
        pass
    return left[last.end():] if last else left


# "in both Iraq and Syria", "in Iraq, Syria, and Yemen": a place coordinated with an earlier one
_COORD_PLACE = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+){0,2}[A-Z][\w'\u2019.-]*\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:the\s+)?"
                          r"|,?\s+as\s+well\s+as\s+(?:the\s+)?)$")
# "Ukraine's territorial integrity", "Norland's reconstruction": a situation of the place, after a possessive
_PLACE_RIGHT = re.compile(r"['\u2019]s?\s+(?:territorial\s+integrity|sovereignty|independence|reconstruction|recovery"
                          r"|humanitarian\s+situation|energy\s+(?:grid|infrastructure)|critical\s+infrastructure)\b")
# round 9: the place of nuclear and missile programs (ANNOTATION: "North Korea as the place of nuclear and
# missile programs"): "Norland's ballistic missile launches", "Norland's nuclear program", "ensure Norland never
# acquires a nuclear weapon" -- a possessive before a weapons program (not "Norland's nuclear threats": the
# state acting), or the country as the subject of acquiring one
_WEAPONS = r"(?:nuclear|missiles?|ballistic|weapons?|launch(?:es)?|provocations?|ICBMs?|WMD)"
_PROLIFERATION_RIGHT = re.compile(
    rf"['\u2019]s?\s+(?:[a-z][\w-]*\s+){{0,2}}{_WEAPONS}\s+(?:[a-z][\w-]*\s+){{0,3}}?"
    r"(?:programs?|programmes?|launch(?:es)?|tests?|testing|development|activities|arsenal|capabilit(?:y|ies))\b"
    rf"|\s+(?:never\s+|not\s+|will\s+never\s+|to\s+)?(?:develops?|acquires?|obtains?|pursues?|launch(?:es)?|tests?)"
    r"\b[^.;]{0,40}?\b(?:nuclear|ballistic|WMD|mass\s+destruction)\b")  # not "help X acquire weapons" for a war
# "in Harbourtown, Norland", "at Lakeside, Norland": a city and its country name a venue, not a place of concern
_VENUE = re.compile(r"\b(?:in|at)\s+([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}),\s*$")
_BOTH = re.compile(r"\s(?:both|either)\s+$")
# "Norland's sovereignty, territorial integrity": a party's own country spoken of as a place
_PARTY_PLACE_RIGHT = re.compile(r"['\u2019]s?\s+(?:territorial\s+integrity|sovereignty|independence)\b")
# a capitalised body head and "of"/"for" right before a region: the region ends the body's name
_BODY_OF = re.compile(r"\b(?:Council|Commission|Bank|Organi[sz]ation|Secretariat|Court|Parliament|Congress"
                      r"|Assembly|Union|Institute|University|Agency|Office"
                      # round 8: a named event or forum ("the Summit of the Americas", "the Forum of the Pacific")
                      r"|Summit|Conference|Forum|Games|Cup)\s+(?:of|for)\s+(?:the\s+)?$")
# round 8: a capitalised word glued before a continent or region names a body or programme ("Team Europe",
# "Prosper Africa"), unless it is a function word, a compass word or a place of its own
_NAME_WORD_BEFORE_EXEMPT = frozenset({
    "in", "at", "across", "for", "to", "with", "and", "of", "the", "throughout", "from", "on", "by", "within",
    "all", "both", "between", "including", "beyond", "toward", "towards", "into", "over", "under", "as", "like",
    "than", "whole", "wider", "greater", "entire", "broader", "outside", "inside", "about", "around", "regarding",
    "concerning", "through", "among", "while", "where", "when", "today", "our", "their", "its", "this", "that",
    "latin", "sub-saharan", "continental", "mainland", "central", "northeast", "northwest", "southeast", "southwest",
})
# an adjective of a people or a place before a region is part of the place ("the Arab Gulf", "Nordic Europe")
_ADJECTIVE_END = re.compile(r"(?:an|ic|ish|ese|i|Arab)$")
# round 8: an administrative designation after a place ("the Xinjiang Uyghur Autonomous Region", "Aleppo
# Governorate"): the whole name is the place
_ADMIN_NAME = re.compile(r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Autonomous[ \t]+Region|Special[ \t]+Administrative[ \t]+Region"
                         r"|Province|Oblast|Governorate|Prefecture)\b")


# round 12: after a place joined by a bare comma the list goes on or ends ("in Iraq, Syria, and Yemen", "in
# Iraq, Syria."); "the invasion of Ukraine, Russia continues" is a new clause, not a second place
_LIST_GOES_ON = re.compile(r"\s*(?:[,;:.)]|(?:and|or)\b|$)")
_BARE_COMMA = re.compile(r",\s*$")


def is_place_context(text: str, start: int, end: int | None = None) -> bool:
    """True when the words before ``start`` speak of a place or a situation there (with ``end``, the
    mention's end: a place joined to an earlier one by a bare comma only when the list goes on after it)."""
    left = _left_context(text, start)
    for step in range(4):
        left = _BOTH.sub(" ", left)
        if _PLACE_LEFT.search(left):
            return not _NOT_PLACE_IN.search(left)
        m = _COORD_PLACE.search(left)
        if not m or m.start() == 0:
            return False
        if step == 0 and end is not None and _BARE_COMMA.search(m.group()) and not _LIST_GOES_ON.match(text, end):
            return False
        left = left[:m.start()]
    return False


# round 12: "developments in Norland's war against Sudria": the preposition governs the possessed noun, an act
# of the state, not the place ("the status quo in Jerusalem's holy sites" stays a place)
_POSSESSIVE = re.compile(r"['\u2019]s?\s+(?:[a-z][\w-]*\s+){0,4}?(?:wars?|aggression|invasion|actions?|attacks?"
                         r"|polic(?:y|ies)|decisions?|efforts?|threats?|coercion|behaviou?r|conduct|campaigns?)\b")


# "the East and South China Seas": two seas, grounded on "East" and "South China Seas"
_COORD_SEAS = re.compile(
    r"\b(North|South|East|West|Eastern|Western|Northern|Southern|Yellow|Red|Black)"
    r"(\s*(?:,|and|&|or)\s+(?:the\s+)?)"
    r"((North|South|East|West|Eastern|Western|Northern|Southern|Yellow|Red|Black)((?:\s+[A-Z][a-z]+)?)\s+(Seas|Oceans))\b"
)


# A party's own country is a region of concern only where the statement speaks of a
# conflict or crisis on its soil ("Russia's war against Ukraine" in a U.S.-Ukraine statement).
_CONFLICT_BEFORE = re.compile(
    r"\b(?:war|aggression|invasion|occupation|conflict|crisis|attacks?|violence|fighting|hostilities"
    r"|shootings?|killings?|massacres?|bombings?"
    r"|annexation|territorial integrity|sovereignty|humanitarian situation|reconstruction)"
    r"(?:\s+(?:in|of|against|on|upon|within))?(?:\s+the)?\s*$",
    re.IGNORECASE,
)


def _conflict_context(text: str, start: int) -> bool:
    return bool(_CONFLICT_BEFORE.search(text[max(0, start - 60):start]))


# compass adjectives naming a part of a country ("Southern Mexico", "the war in eastern Ukraine")
_COMPASS = {"Northern", "Southern", "Eastern", "Western"}
_COMPASS_LOWER = {c.lower() for c in _COMPASS}
# round 13: also the intercardinal words ("northeast Syria", "the Northwest of Norland" is not one)
_COMPASS_LOWER |= {f"{a}{b}{c}" for a in ("north", "south") for b in ("", "-") for c in ("east", "west")}
_COMPASS_LOWER |= {f"{w}ern" for w in list(_COMPASS_LOWER) if w[-4:] in ("east", "west")}
# ... and of a region or sea, which makes a sub-region of its own ("the Western Balkans", "the South
# Caucasus", "Central Europe", "the eastern Mediterranean")
_SUB_COMPASS = _COMPASS | {"North", "South", "East", "West", "Central", "Northeast", "Northwest", "Southeast",
                           "Southwest", "North-East", "North-West", "South-East", "South-West"}
_SUB_COMPASS_LOWER = {c.lower() for c in _SUB_COMPASS}


@lru_cache(maxsize=1)
def _corridor_re() -> re.Pattern:
    """A named corridor: capitalised words (hyphenated compounds too) before a head of
    ``regions_corridor_heads.csv`` ("the Lobito Corridor", "the X-Y Economic Corridor")."""
    heads = sorted((r["head"] for r in read_data_csv(DATA_DIR / "regions_corridor_heads.csv")), key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, h.split())) for h in heads)
    return re.compile(r"(?<![\w\u2010-\u2014-])((?:[A-Z][\w\u2019'.]*(?:[-\u2010-\u2014][A-Z][\w\u2019'.]*)*[ \t]+){1,5})(?:"
                      + alt + r")\b")


def _corridors(text: str) -> list[Mention]:
    from spacy.lang.en.stop_words import STOP_WORDS

    out = []
    if "Corridor" not in text and "Route" not in text and "Delta" not in text:
        return out  # the common case: no head, no regex pass
    for m in _corridor_re().finditer(text):
        start = m.start(1)
        for w in re.finditer(r"\S+", m.group(1)):
            if w.group().lower() not in STOP_WORDS:
                break
            start = m.start(1) + w.end()
        start += len(text[start:m.end()]) - len(text[start:m.end()].lstrip())
        if re.search(r"[A-Z][\w-]*\s+(?:and|of|for|&)\s+$", text[max(0, start - 40):start]):
            # "the Partnership for Infrastructure and Investment Lobito Corridor": the first word ends another name
            w = re.match(r"\S+\s+", text[start:m.end(1)])
            start = start + w.end() if w else m.end(1)
        poss = re.match(r"[^\s]+(?:\u2019|')s[ \t]+", text[start:m.end(1)])
        if poss:
            start += poss.end()  # "Norland's Red River Delta": the owner is no part of the name
        if start >= m.end(1):
            continue  # no name before the head: "the Corridor"
        nxt = re.match(r"[ \t]+([A-Z][\w-]*)", text[m.end():m.end() + 30])
        if nxt and nxt.group(1).lower() not in STOP_WORDS:
            continue  # part of a longer name: "the X Corridor Partnership"
        name = re.sub(r"\s+", " ", text[start:m.end()])
        out.append(Mention(start, m.end(), Region(slug(name), name, "region", None, None, None)))
    return out


_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z]{3,8})\)")
# "the Syrian crisis", "the Yemeni conflict": a national adjective before a crisis noun names the place
_DEMONYM_CRISIS_NOUNS = r"crisis|crises|conflict|civil\s+war|situation|peace\s+process"
_PARTY_CRISIS_NOUNS = {"crisis", "crises", "conflict", "civil war"}


@lru_cache(maxsize=1)
def _demonym_re() -> tuple[re.Pattern, dict[str, Region]]:
    from pipeline.extract.actor_lexicon import lexicon
    dem = lexicon().demonyms
    by_iso = {r.iso3: r for r, _ in gazetteer()[0].values() if r.iso3 and r.region_type in ("country", "territory")}
    places = {d: by_iso[iso] for d, iso in dem.items() if iso in by_iso and d[:1].isupper() and not d.isupper()
              and "." not in d}
    alt = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
    return re.compile(rf"\b(?:the|a)\s+({alt})\s+({_DEMONYM_CRISIS_NOUNS})\b"), places


def _demonym_places(text: str, parties_iso3: frozenset[str]) -> list[Mention]:
    if not any(w in text for w in ("crisis", "crises", "conflict", "war", "situation", "process")):
        return []
    rx, places = _demonym_re()
    out = []
    for m in rx.finditer(text):
        region = places[m.group(1)]
        if region.iso3 in parties_iso3 and re.sub(r"\s+", " ", m.group(2)) not in _PARTY_CRISIS_NOUNS:
            continue
        out.append(Mention(m.start(1), m.end(1), region))
    return out


def find_regions(doc: Doc, parties_iso3: frozenset[str] = frozenset()) -> list[Mention]:
    """Grounded mentions of regions of concern, sorted and non-overlapping.

    A country that is a party of the statement (``parties_iso3``) is its actor, not a
    region of concern ("recovery in the United States and Ireland" in a U.S.-Ireland
    statement), unless a conflict or crisis there is spoken of.
    """
    text, ws = doc_words(doc)
    regions, index = gazetteer()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    for m in _COORD_SEAS.finditer(text):
        rest = m.group(5) or ""
        singular = m.group(6)[:-1]
        first = index_lookup(index, f"{m.group(1)}{rest} {singular}")
        second = index_lookup(index, f"{m.group(4)}{rest} {singular}")
        if first and second:
            found.append(Mention(m.start(1), m.end(1), regions[first][0]))
            found.append(Mention(m.start(3), m.end(3), regions[second][0]))
            taken.append((m.start(), m.end()))

    from pipeline.extract.regions_named import named_regions
    for nm in named_regions(text, _state_names()):
        if not any(s < nm.end and nm.start < e for s, e in taken):
            found.append(nm)
            taken.append((nm.start, nm.end))
    from pipeline.extract.regions_named import region_noun_names
    for nm in region_noun_names(text, _known_name_word):
        if not any(s < nm.end and nm.start < e for s, e in taken):
            found.append(nm)
            taken.append((nm.start, nm.end))
    for cm in _corridors(text):
        found.append(cm)
        taken.append((cm.start, cm.end))
    for dm in _demonym_places(text, parties_iso3):
        found.append(dm)
        taken.append((dm.start, dm.end))
    n = len(ws)
    matches = list(index.matches(ws))
    # a party whose soil sees a conflict ("the war in eastern Ukraine", "aggression against Ukraine"):
    # its other place-context mentions ("Russia violated this rule in Ukraine") speak of the place too
    conflict_parties = set()
    for i, j, rid in matches:
        region = regions[rid][0]
        if region.iso3 and region.iso3 in parties_iso3:
            at = ws[i - 1][1] if i > 0 and ws[i - 1][0] in _COMPASS | _COMPASS_LOWER else ws[i][1]
            if _conflict_context(text, at):
                conflict_parties.add(region.iso3)
    for i, j, rid in matches:
        start, end = ws[i][1], ws[j - 1][2]
        if any(s < end and start < e for s, e in taken):
            continue
        region, needs_context = regions[rid]
        nxt = ws[j] if j < n else None
        admin = _ADMIN_NAME.match(text, end) if region.region_type in ("territory", "region") else None
        if admin:
            end = admin.end()
            j = next((k for k in range(j, n) if ws[k][1] >= end), n)
            nxt = ws[j] if j < n else None
        # part of a longer proper name: "Indo-Pacific Strategy", "Arctic Council", "Pacific Islands Forum"
        if nxt and nxt[1] - end <= 1 and nxt[0][:1].isupper() and (nxt[0].isalpha() or re.match(r"[\w.]+-[A-Z]", nxt[0])) \
                and "\n" not in text[end:nxt[1]]:  # also "the Jerusalem U.S.-Israel Declaration"
            continue
        if _BODY_OF.search(text, max(0, start - 40), start):
            continue  # "the Council of Europe", "the Economic Commission for Africa": the end of a body's name
        prev = ws[i - 1] if i > 0 else None
        if region.region_type == "region" and prev and 0 < start - prev[2] <= 1 and prev[0][:1].isupper() \
                and prev[0].isalpha() and prev[0].lower() not in _NAME_WORD_BEFORE_EXEMPT \
                and prev[0] not in _SUB_COMPASS and index_lookup(index, prev[0]) is None \
                and prev[0] not in _state_words() and not _ADJECTIVE_END.search(prev[0]):
            continue  # "Team Europe", "Prosper Africa": a name that ends in the region
        if region.region_type in ("region", "sea") and prev and prev[0] in _SUB_COMPASS | _SUB_COMPASS_LOWER \
                and 0 < start - prev[2] <= 1:
            # "the Western Balkans", "the South Caucasus": a sub-region (no coordinates of its own)
            name = f"{prev[0][:1].upper()}{prev[0][1:]} {region.name}"
            at = prev[1]
            before = ws[i - 2] if i > 1 else None
            if before and before[0] in ("North", "South") and prev[0] in ("East", "West") and 0 < at - before[2] <= 1:
                # round 12: "South East Europe", "North West Africa": two compass words name one sub-region
                name, at = f"{before[0]} {name}", before[1]
            found.append(Mention(at, end, Region(slug(name), name, region.region_type, None, None, None)))
            continue
        if region.region_type == "country" and prev and prev[0] in _COMPASS | _COMPASS_LOWER \
                and 0 < start - prev[2] <= 1:
            # "Southern Mexico", "Eastern Ukraine": a part of the country, a place however it is spoken of
            name = f"{prev[0]} {text[start:end]}"
            found.append(Mention(prev[1], end, Region(slug(name), name, "region", None,
                                                      region.latitude, region.longitude)))
            continue
        if region.iso3 and region.iso3 in parties_iso3 and not _conflict_context(text, start) \
                and not _PARTY_PLACE_RIGHT.match(text, end) \
                and not (region.iso3 in conflict_parties and is_place_context(text, start)):
            continue
        if needs_context and not _PLACE_RIGHT.match(text, end) and not _PROLIFERATION_RIGHT.match(text, end) \
                and (not is_place_context(text, start, end) or _POSSESSIVE.match(text, end)):
            continue
        venue = _VENUE.search(text, max(0, start - 40), start) if needs_context else None
        if venue and index_lookup(index, venue.group(1)) is None and not _conflict_context(text, start):
            continue  # "met in Harbourtown, Norland": the country of a venue (not "in Fiji, Tonga")
        acr = _ACRONYM_AFTER.match(text, end)
        if acr and not acr.group(1).endswith("".join(w[:1] for w in re.split(r"[\s-]+", text[start:end])).upper()):
            continue  # "... Refugees in the Near East (UNRWA)": the end of a body's name
        # an abbreviation before a lower-case noun is an adjective: "U.S. medical devices"
        if needs_context and (("." in ws[i][0]) or ws[i][0].isupper()) and nxt and nxt[0][:1].islower() \
                and nxt[0] not in _FUNCTION_WORDS:
            continue
        found.append(Mention(start, end, region))
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Every name of a state (built once, not per statement)."""
    from pipeline.extract.actor_lexicon import lexicon as actor_lexicon
    return frozenset(actor_lexicon().state_alias)


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Single words that name a state or its people ("Japan", "Japanese"): "Japan Europe" is no name."""
    from pipeline.extract.actor_lexicon import lexicon as actor_lexicon
    return frozenset(w for w in actor_lexicon().state_alias if " " not in w)


def index_lookup(index: PhraseIndex, phrase: str) -> str | None:
    ws = words(phrase)
    for i, j, value in index.matches(ws):
        if i == 0 and j == len(ws):
            return value  # type: ignore[return-value]
    return None


def _known_name_word(w: str) -> bool:
    """A word (or words) that is a gazetteer region, a state, a people or a known body."""
    from pipeline.extract.actor_lexicon import lexicon
    _, index = gazetteer()
    lx = lexicon()
    return index_lookup(index, w) is not None or w in _state_words() or w in _state_names() \
        or w in lx.orgs or w in lx.demonyms
