"""Parties of a joint statement: who issues it.

Sources, in order:
1. sidecar ``parties`` (when present they are the answer);
2. the title: states/organisations in dash pairs ("U.S.-Canada", "US \u2013 Japan \u2013
   Republic of Korea") and in the issuer part before "on/regarding/announcing/:..."
   ("Joint Statement from Canada, Mexico and the United States following ..."), an
   issuer part after the topic that names offices ("Joint Statement on X from U.S.
   President A, Dutch Prime Minister B"), a state after an office anywhere ("... the
   Prime Minister of the United Kingdom"), a leader named in the title whose state the
   text gives ("Meeting between President Ruiz and Prime Minister Holm"); a grouping
   anywhere in the title when the issuer part names no state ("Joint Leaders
   Statement on AUKUS");
3. the opening subject: the states/organisations named before the first main
   verb ("We, the Prime Ministers of Canada and Japan, meet", "The African Union
   and the United States reaffirm", "We, the members of the X Initiative: A, B, ...
   and the European Union, affirm", one member a line), continued over
   "hosted/welcomed/received/met" when the subject is a person; a first-person or
   member subject after a short preamble ("A year ago, we the leaders of ...");
   a possessor that ends the walk ("Russia's aggression ...") is no party;
   a preface that reports who joined the statement ("Twenty countries and the African Union
   have agreed to join the X Declaration. Those countries are A, B, ... and C.") names every
   party: the listed states with the organisations of the joining clause (before title/opening);
4. fallbacks: "between A and B" early in the text (not after "war", "border", ...);
   then the subject that most often speaks with a predicate of position, with the
   states coordinated with it ("A of X, B of Y and C of Z reaffirmed"); last, the
   government whose office published the statement (``actors_publishers.csv``).
   A state is never a party only because it is named often or early.
A grouping listed in ``actors_groupings.csv`` (G7, Quad, AUKUS, I2U2, GCC, ...)
stands for its member states when the statement names every member; a grouping
that speaks as one with unnamed members ("the leaders of the GCC member states",
"We the Leaders of the G7") is the party itself. Organisations with their own
standing as a party (the EU, the African Union, ASEAN) are kept as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actors import (
    _CONNECTORS,
    _tokenize,
    doc_text,
    find_actors,
    lexicon,
    read_data,
    resolve_actor,
    state_actor,
)
from pipeline.extract.actor_associated import associated_actor
from pipeline.extract.office_holders import holder_state
from pipeline.model import Actor, Mention, Statement

_PARTY_TYPES = ("state", "international_organization", "forum")

# The title's issuer part ends at the topic ("on ..."), a colon, or a verb.
_TITLE_STOP = re.compile(
    r"\s(?:on|On|regarding|Regarding|concerning|Concerning|announcing|Announcing|to|in|at|"
    r"against|Against|about|About|as witnessed|witnessed)\s|:")

# A crawl line and dateline before the text proper: " date 2026-03-06 TOKYO, March 6, 2026 /CNW/ - "
_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"
    r"(?:[A-Z][A-Z .'\u2019-]+,\s+(?:[A-Z][a-z]+,\s+)?)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
    r"\s*(?:/[^/\n]{1,30}/)?\s*[-\u2013\u2014]+\s+")

# lower-case words that may stand in the subject of the opening sentence
_SUBJECT_WORDS = frozenset({
    "we", "leaders", "heads", "government", "governments", "member", "states", "state",
    "prime", "minister", "ministers", "president", "presidents", "foreign", "of", "and", "the",
    "representatives", "delegations", "delegation", "countries", "country", "nations", "partners",
    "members", "participants", "signatories", "endorsers", "participating", "founding", "namely",
    "undersigned",
})
_CONTINUE_VERBS = frozenset({"hosted", "welcomed", "received", "met", "hosts", "welcomes",
                             "receives", "meets"})
_PUNCT_OK = frozenset({",", "(", ")", "\u201c", "\u201d", '"', "\u2014", "\u2013", "-", "\u2019s",
                       "'s", "\u2019", "'", ".", "&", "/", ":", ";"})
# the predicate that ends a subject after an adverbial opener: a verb of meeting, speech or position
_POSITION_VERB = re.compile(
    r"(?:(?:have|has|will|would|also|jointly|together|today|again|further|firmly|strongly|hereby|,)\s+)*"
    r"(?:agree|reaffirm|welcome|commit|affirm|express|underscore|emphasi[sz]|stress|reiterat|recogni[sz]|"
    r"decide|resolve|pledge|announce|intend|share|look|sign|meet|met|convene|held|hold|issue|discuss|adopt|"
    r"launch|endorse|declare|condemn|call|urge|note|remain|are\b|were\b|conclude|exchange|spoke|speak|"
    r"establish|renew|highlight|acknowledge|seek|plan|aim|support|stand|deplore|oppose|reject|approve)", re.IGNORECASE)
# a place line before the text: "Leuven, Belgium\n\n"
_PLACE_LINE = re.compile(r"\s*[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3},[ \t]+[A-Z][\w.'\u2019-]*"
                         r"(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}[ \t]*\n")
# "A year ago, we the leaders of ...", "In 2023, the members of the Initiative, ...": a first-person or
# member subject after a short preamble opens the issuer list
_LATE_SUBJECT = re.compile(
    r"(?:(?<=[,;:\n])|(?<=^))\s*(?:(?:[Ww]e|WE)\b\s*,?\s*(?:the\s+)?|(?:[Tt]he|[Aa]ll)\s+(?:founding\s+)?"
    r"(?=(?:members|participants|signatories|endorsers|undersigned|governments|leaders|heads)\b))")
# "the war between A and B", "tensions between A and B": a relation spoken about, not the issuers
_BETWEEN_CONFLICT = re.compile(
    r"\b(?:wars?|conflicts?|tensions?|hostilities|fighting|disputes?|clash(?:es)?|border|boundary|ceasefire|"
    r"cease-fire|truce|escalation|violence|confrontation|rivalry|frontier|exchange\s+of\s+fire)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _groupings() -> dict[str, tuple[str, ...]]:
    return {r["grouping"]: tuple(r["members"].split()) for r in read_data("actors_groupings.csv")}


def _expand(actors: list[Actor], named: frozenset[str] | None = None) -> list[Actor]:
    """A grouping (``actors_groupings.csv``) stands for its member states when the
    statement names every one of them (``named``: the states it mentions; None:
    always, as for a sidecar); a grouping that speaks as one with unnamed members
    ("the leaders of the GCC member states") is the party itself."""
    out: list[Actor] = []
    groups = _groupings()
    for a in actors:
        if a.actor_id in groups and (named is None or set(groups[a.actor_id]) <= named):
            out.extend(filter(None, (state_actor(iso) or associated_actor(iso) for iso in groups[a.actor_id])))
        else:
            out.append(a)
    return out


def party_states(parties: list[Actor]) -> frozenset[str]:
    """ISO3 codes of the party states, with the member states of a party grouping ("the GCC")."""
    groups = _groupings()
    out = {p.iso3 for p in parties if p.iso3}
    for p in parties:
        out.update(groups.get(p.actor_id, ()))
    return frozenset(out)


def _dedupe(actors) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a is not None:
            seen.setdefault(a.actor_id, a)
    return list(seen.values())


def _title_parties(title: str | None, mentions: list[Mention] = (), date=None) -> list[Actor]:
    if not title:
        return []
    title = _norm_title(title)
    all_ms = _title_actors(title)
    ms = [m for m in all_ms if m.entity.actor_type in _PARTY_TYPES]
    stop = _TITLE_STOP.search(title)
    seg_end = stop.start() if stop else len(title)

    def hyphenated(m: Mention) -> bool:
        # "U.S.-Canada", "US \u2013 Japan \u2013 Republic of Korea"
        return bool(re.match(rf" ?[{_DASH_CHARS}] ?[A-Z]", title[m.end:m.end + 4])) or \
            bool(m.start > 1 and re.search(rf"[\w.] ?[{_DASH_CHARS}] ?$", title[max(0, m.start - 4):m.start]))

    def after_office(m: Mention) -> bool:
        # "... Biden, President of the United States, at the Invitation of the Prime Minister of the United Kingdom"
        w = re.search(r"([A-Z][\w-]*)\s+of\s+(?:the\s+)?$", title[max(0, m.start - 40):m.start])
        return bool(w) and w.group(1) in _office_words()

    # "Joint Statement on X from President A of B and Prime Minister C of D": issuers after the topic
    issuer = re.search(r"\s(?:from|by)\s+(?=(?:the\s+)?(?:[A-Z]|U\.S\.))", title[seg_end:]) if stop else None
    from_at = seg_end + issuer.end() if issuer else len(title)
    if issuer and not _names_an_office(title[from_at:]):
        from_at = len(title)  # "on the attacks by Russia on Ukraine": an agent spoken about, not an issuer
    if stop and _MEETING_TOPIC.match(title, stop.start()):
        from_at = seg_end  # round 13: "Joint Statement on A's Meeting with B": the persons met are the issuers
    picked = [(m.start, m.entity) for m in ms
              if m.start < seg_end or m.start >= from_at or hyphenated(m) or after_office(m)]
    for m in all_ms:  # session 5: "the European Commission on Energy Security": a body's name cut at the topic
        if m.start < seg_end < m.end and m.entity.actor_type not in _PARTY_TYPES:
            cut = resolve_actor(title[m.start:seg_end].strip())
            if cut is not None and cut.actor_type in _PARTY_TYPES:
                picked.append((m.start, cut))
    # "Meeting between President Ruiz and Prime Minister Holm": a leader named in the title speaks
    # for the state the text gives the same person
    for m in all_ms:
        if m.entity.actor_type == "person" and (m.start < seg_end or m.start >= from_at):
            # the text's own country for that person, else the office holder the full name is
            iso = _person_country(m.entity.name, mentions) or holder_state(m.entity.name, date) \
                or _body_country_before(m, all_ms, title)
            if iso and state_actor(iso):
                picked.append((m.start, state_actor(iso)))
    # "U.S.-EU Trade and Technology Council": the members of a dash pair that a longer name swallowed
    for pm in re.finditer(rf"(?<![\w.])((?:[A-Z][\w.]*)(?:[{_DASH_CHARS}][A-Z][\w.]*)+)", title):
        parts = re.split(rf"[{_DASH_CHARS}]", pm.group(1))
        actors = [resolve_actor(x) for x in parts]
        if all(a is not None and a.actor_type in _PARTY_TYPES for a in actors):
            picked += [(pm.start(1) + q / 10, a) for q, a in enumerate(actors)]
    picked = [a for _, a in sorted(picked, key=lambda t: t[0])]
    if not any(a.actor_type == "state" for a in picked):
        picked += [m.entity for m in ms if m.entity.actor_id in _groupings()]
    return picked


# round 13: a readout titled on a meeting of named officials ("on Adviser A's Meeting with Minister B")
_MEETING_TOPIC = re.compile(r"\s(?:on|On)\s+(?:the\s+)?[^:;]{3,80}?['\u2019]s\s+(?:Meeting|Call|Talks|Consultations)"
                            r"\s+(?:with|in)\s")


def _body_country_before(m: Mention, all_ms, title: str) -> str | None:
    """Round 13: "the Norland Security Council Secretary A": a person titled by a national body right before
    the title word speaks for the body's state."""
    body = next((b for b in all_ms if b.end <= m.start and b.entity.actor_type == "organization"
                 and b.entity.country and re.fullmatch(r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+", title[b.end:m.start])),
                None)
    return body.entity.country if body else None


@lru_cache(maxsize=1)
def _opening_prepositions() -> frozenset[str]:
    return frozenset(r["term"] for r in read_data("actors_lexicon.csv") if r["kind"] == "opening_preposition")


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    lx = lexicon()
    return frozenset(lx.title_last | lx.plural_titles | {"Leaders", "Governments", "Ministers", "Heads"})


def _names_an_office(segment: str) -> bool:
    """The segment opens with an office within its first four words ("U.S. President A", "the Leaders of")."""
    return any(w.strip(",") in _office_words() for w in segment.split()[:4])


_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014"


def _person_country(name: str, mentions: list[Mention]) -> str | None:
    """The state of the one person of the text whose surname is the last word of ``name``."""
    last = name.split()[-1].rstrip(".,") if name.split() else ""
    if len(last) < 3:
        return None
    isos = {m.entity.country for m in mentions
            if m.entity.actor_type == "person" and m.entity.country
            and last in m.entity.name.replace(",", " ").split()}
    isos.discard(None)
    return next(iter(isos)) if len(isos) == 1 else None


def _opening_parties(text: str, mentions: list[Mention], strict: bool = False) -> list[Actor]:
    """The subject that opens the text; ``strict`` (the title named issuers already): only one with a
    predicate of position ("Russia has demonstrated ...", in a statement of others, is spoken about)."""
    m = _DATELINE.match(text)
    start = m.end() if m else 0
    pl = _PLACE_LINE.match(text, start)
    if pl:
        start = pl.end()  # "Leuven, Belgium" on a line of its own: where, not who
    parties = _subject_walk(text, start, mentions, strict)
    if parties:
        return parties
    # a preamble before the subject: "A year ago, we the leaders of A, B and C launched ..."
    for lm in _LATE_SUBJECT.finditer(text, 0, min(len(text), 2000)):
        parties = _subject_walk(text, lm.start(), mentions, strict)
        if parties:
            return parties
    return []


def _subject_walk(text: str, start: int, mentions: list[Mention], strict: bool = False) -> list[Actor]:
    """The states/organisations of the subject that opens at ``start``: the walk goes over
    capitalised words, connectors and subject nouns ("we, the members of the X Initiative:
    A, B, ... and C") and stops at the first other word (the verb). The text is tokenised
    600 characters at first, 3000 when the walk runs to the end of those (a long member list)."""
    for size in (600, 3000):
        parties, ran_out = _walk(text, start, mentions, size, strict)
        if not ran_out or start + size >= len(text):
            return parties
    return parties


def _walk(text: str, start: int, mentions: list[Mention], size: int, strict: bool = False) -> tuple[list[Actor], bool]:
    head = text[start:start + size]
    toks = _tokenize(head)
    by_start = {mm.start - start: mm for mm in mentions if start <= mm.start < start + size}
    first = 0
    opener = False
    while first < len(toks) and toks[first].text in ("\n", "-", "*", "\u2022"):
        first += 1
    if first < len(toks) and toks[first].text in _opening_prepositions():
        # "In Lima, ...", "At the invitation of the King of Spain, the leaders of ...": an adverbial
        # opener names places and hosts, not the subject; the walk starts after its comma
        comma = next((q for q in range(first, min(len(toks), first + 40)) if toks[q].text == ","), None)
        if comma is not None:
            first = comma + 1
            opener = True
            # "..., King X, King of Y, the leaders of A and B met": a subject noun after a later comma
            # opens the subject (the appositions before it belong to the opener)
            late = _LATE_SUBJECT.search(head, toks[comma].end, min(len(head), toks[comma].end + 400))
            if late is not None and late.start() > toks[comma].end + 1:
                first = next((q for q in range(first, len(toks)) if toks[q].start >= late.start()), first)
    covered_until = -1
    parties: list[Actor] = []
    saw_person = False
    i = first
    n = len(toks)
    while i < n and i < 400:
        t = toks[i]
        if t.start < covered_until:
            i += 1
            continue
        mm = by_start.get(t.start)
        if mm is not None:
            covered_until = mm.end - start
            if mm.entity.actor_type in _PARTY_TYPES:
                parties.append(mm.entity)
            elif mm.entity.actor_type == "person":
                saw_person = True
                # "Today, President A B, Prime Minister C of D, ... spoke": a leader of the subject list
                # without "of <state>" speaks for the state the text or the office-holder list gives him
                iso = mm.entity.country or holder_state(mm.entity.name, None)
                nxt = text[mm.end:mm.end + 5].lstrip(" ,")
                if iso and not nxt.startswith("of ") and state_actor(iso) is not None:
                    parties.append(state_actor(iso))
            i += 1
            continue
        w = t.text
        ok = (w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS or w in _PUNCT_OK
              or w.lower() in _SUBJECT_WORDS or (w == "\n" and (not parties or _list_goes_on(toks, i, by_start))))
        if ok:
            i += 1
            continue
        if w in _CONTINUE_VERBS and saw_person:
            j = i + 1
            if j < n and toks[j].text == "with":
                j += 1
            if j < n and (toks[j].text[:1].isupper() or toks[j].text == "the"):
                saw_person = False
                i = j
                continue
        if i > 0 and toks[i - 1].text in ("\u2019s", "'s") and parties and parties[-1] is by_start.get(
                toks[i - 2].start, Mention(0, 0, None)).entity:
            parties.pop()  # "Russia's aggression against ...": a possessor, not the subject
        break
    if (opener or strict) and parties and i < n and not _POSITION_VERB.match(head, toks[i].start):
        return [], False  # "Following the invasion, Russia continues to ...": a state spoken about
    return parties, i >= n or i >= 400


def _list_goes_on(toks, i: int, by_start) -> bool:
    """A line break inside a list of members: the list item before it ends with "," or ":" (or
    the line after opens with a bullet) and the next line names a state or organisation."""
    prev = next((toks[q].text for q in range(i - 1, -1, -1) if toks[q].text != "\n"), "")
    j = i + 1
    bullet = False
    while j < len(toks) and toks[j].text in ("\n", "-", "*", "\u2022", "the", "The"):
        bullet = bullet or toks[j].text in ("-", "*", "\u2022")
        j += 1
    if j >= len(toks) or (prev not in (",", ":", ";", "and") and not bullet):
        return False
    mm = by_start.get(toks[j].start)
    return mm is not None and mm.entity.actor_type in _PARTY_TYPES


def _between_parties(text: str, mentions: list[Mention]) -> list[Actor]:
    head_end = min(len(text), 2000)
    states = [m for m in mentions if m.start < head_end and m.entity.actor_type in _PARTY_TYPES]
    for bm in re.finditer(r"\bbetween\s+", text[:head_end]):
        if _BETWEEN_CONFLICT.search(text, max(0, bm.start() - 40), bm.start()):
            continue  # "the war between A and B": a relation spoken about, not the issuers
        pos = bm.end()
        chain: list[Actor] = []
        for m in states:
            if m.start < pos:
                continue
            gap = text[pos:m.start]
            if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
                break
            chain.append(m.entity)
            pos = m.end
        if len(_dedupe(chain)) >= 2:
            return chain
    return []


# a state as the subject of a predicate of position: "Chile reaffirmed", "the Peruvian side stressed",
# "Chile and Peru agreed"
_SPEAKS_AFTER = re.compile(
    r"(?:\s+(?:side|delegation|government|Government|leaders?|[Pp]resident|[Pp]rime\s+[Mm]inister))?"
    r"(?:\s+(?:and|,)\s+[^,.;:\n]{1,60}?)?\s+(?:(?:has|have|will|would|also|further|jointly|again|firmly|strongly)\s+)*"
    r"(?:agree|reaffirm|welcome|commit|affirm|express|underscore|emphasi[sz]|stress|reiterat|recogni[sz]|"
    r"decide|resolve|pledge|announce|intend|share|look\s+forward|sign)")


def _speaking_states(text: str, mentions: list[Mention]) -> list[Actor]:
    """Last resort: the subject that most often speaks with a predicate of position (a state with the
    states coordinated with it: "A, B and C reaffirmed"); two single speakers when no subject names
    more than one. Never a state only spoken about, however often or early it is named."""
    groups: dict[tuple[str, ...], list] = {}
    for m in mentions:
        if m.entity.actor_type == "state" and _SPEAKS_AFTER.match(text, m.end):
            left = text[max(0, m.start - 30):m.start]
            if re.search(r"\b(?:of|against|with|to|by|on|in|from|for)\s+(?:the\s+)?$", left) \
                    and not re.search(r"[A-Z][\w.]*,?\s+of\s+(?:the\s+)?$", left):
                continue  # "the war against Chile", "talks with Peru": an object, not the subject
            members = _dedupe([co.entity for co in _co_subjects(text, m, mentions)] + [m.entity])
            key = tuple(a.actor_id for a in members)
            groups.setdefault(key, [0, m.start, members])[0] += 1
    ranked = sorted(groups.values(), key=lambda g: (-g[0], -len(g[2]), g[1]))
    if not ranked:
        return []
    if len(ranked[0][2]) > 1:
        return ranked[0][2]
    return _dedupe(a for g in ranked if len(g[2]) == 1 for a in g[2])[:2]


def _co_subjects(text: str, m: Mention, mentions: list[Mention]) -> list[Mention]:
    """The states/organisations coordinated with ``m`` in one subject, leftwards: "Prime Minister A of
    Japan, President B of Korea, and President C of the United States reaffirmed" (over capitalised
    words, names, connectors, commas and brackets; a lower-case word or a sentence end stops)."""
    lo = max(0, m.start - 400)
    toks = _tokenize(text[lo:m.start])
    stop_at = lo
    for t in reversed(toks):
        w = t.text
        if w[:1].isupper() or w[:1].isdigit() or w in ("of", "the", "and", "&", ",", "(", ")", "\u2019s", "'s"):
            continue
        stop_at = lo + t.end
        break
    return [o for o in mentions if stop_at <= o.start and o.end <= m.start and o.entity.actor_type in _PARTY_TYPES]


_PAIR_PREDICATE = re.compile(r"\s+(?!(?:of|on|in|for|to|with|and|or|at|by|from|as|under)\b)[a-z]+\b")


def _co_issuers(parties: list[Actor], text: str, mentions: list[Mention]) -> list[Actor]:
    """Session 5: a state or organisation named at least twice as the co-subject of a known party before a
    predicate ("the United States and the European Commission have made ..."): the issuer the title names
    by a person whose state or body no gazetteer knows ("by President A and President B")."""
    known = {p.actor_id for p in parties}
    counts: dict[str, list] = {}
    for m in mentions:
        if m.entity.actor_type in _PARTY_TYPES and m.entity.actor_id not in known \
                and _PAIR_PREDICATE.match(text, m.end) \
                and any(c.entity.actor_id in known for c in _co_subjects(text, m, mentions)):
            counts.setdefault(m.entity.actor_id, [0, m.entity])[0] += 1
    best = sorted(counts.values(), key=lambda c: -c[0])
    return [best[0][1]] if best and best[0][0] >= 2 and (len(best) == 1 or best[1][0] < best[0][0]) else []


# "N countries and the EU have agreed to join / have joined / have endorsed the X Declaration"
_JOIN_CLAUSE = re.compile(
    r"\b(?:have|has)\s+(?:(?:now|also|today|formally)\s+)?(?:(?:agreed|decided|chosen)\s+to\s+)?"
    r"(?:join(?:ed)?|endorse(?:d)?|sign(?:ed)?\s+on\s+to|signed|subscribed\s+to|subscribe\s+to|"
    r"associated\s+themselves\s+with|align(?:ed)?\s+themselves\s+with)\b")
# "Those countries are", "These signatories include", "The following countries have joined:"
_JOIN_LIST = re.compile(
    r"\b(?:[Tt]hose|[Tt]hese|[Tt]he\s+(?:following|joining|participating|endorsing))\s+"
    r"(?:countries|states|nations|governments|signatories|endorsers|participants|members|partners)\s+"
    r"(?:are|were|include|included|comprise|(?:have|had)\s+(?:joined|endorsed|signed)(?:\s+[^.:\n]{0,80})?)\s*:?\s*")
_SENTENCE_END = re.compile(r"[.!?](?=[\s*_)\]]|$)")


def _sentence_end(text: str, pos: int, mentions: list[Mention]) -> int:
    """The end of the sentence from ``pos``: the first full stop not inside a name ("U.S.")."""
    for m in _SENTENCE_END.finditer(text, pos):
        if not any(mm.start <= m.start() < mm.end for mm in mentions):
            return m.start()
    return len(text)


def _joiner_parties(text: str, mentions: list[Mention]) -> list[Actor]:
    """A preface reporting who joined the statement: "More than 20 countries and the African Union
    have agreed to join the X Declaration. Those countries are A, B, ... and C." The parties are the
    listed states with the organisations named in the joining clause's subject."""
    head_end = min(len(text), 1500)
    jm = _JOIN_CLAUSE.search(text, 0, head_end)
    if jm is None:
        return []
    lm = _JOIN_LIST.search(text, jm.start() - 400 if jm.start() > 400 else 0, min(len(text), jm.end() + 600))
    if lm is None:
        return []
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, jm.start())), default=0)
    subject = [m.entity for m in mentions if start <= m.start and m.end <= jm.start()
               and m.entity.actor_type in _PARTY_TYPES]
    end = _sentence_end(text, lm.end(), mentions)
    listed = [m.entity for m in mentions if lm.end() <= m.start and m.end <= end
              and m.entity.actor_type in _PARTY_TYPES]
    if len(_dedupe(listed)) < 2:
        return []
    return _dedupe(listed + subject)


def find_parties(statement: Statement, doc, actor_mentions: list[Mention]) -> list[Actor]:
    """The parties of ``statement``, ordered (title, then opening) and deduplicated."""
    if statement.parties:
        return _dedupe(_expand([resolve_actor(p) for p in statement.parties]))
    text = doc_text(doc) if doc is not None else statement.text
    named = frozenset(m.entity.actor_id for m in actor_mentions if m.entity.actor_type == "state")
    title = statement.title or _heading_line(text)
    parties = _dedupe(_expand(_joiner_parties(text, actor_mentions), named)) or \
        _dedupe(_expand((tp := _title_parties(title, actor_mentions, statement.date))
                        + _opening_parties(text, actor_mentions, strict=len(tp) >= 2), named))
    fp = _first_person_list(text, actor_mentions)
    if parties and fp and len(fp) > len(parties) and {p.actor_id for p in parties} <= {p.actor_id for p in fp}:
        parties = _dedupe(parties + _expand(fp, named))  # more issuers speak in the body than the title names
    if len(parties) < 2 and not any(p.actor_type != "state" for p in parties):
        # one state found (a grouping speaking as one is complete): the other from "between A and B"
        parties = _dedupe(parties + _expand(_between_parties(text, actor_mentions), named))
    if not parties:
        parties = _speaking_states(text, actor_mentions)
    if not parties or len(parties) < _title_leaders(statement.title):
        # "Meeting between National Security Advisor A and National Security Advisor B" with one state
        # found: the publishing government is the other
        parties = _dedupe(parties + _publisher_party(statement.url))
    if parties and len(parties) < _title_leaders(statement.title):
        # "by President A and President B" with B's party unknown: who speaks beside the known party in the text
        parties = _dedupe(parties + _co_issuers(parties, text, actor_mentions))
    return _body_for_union(_drop_frame_forums(parties, text, title, actor_mentions), actor_mentions)


_MEMBERS_OF = re.compile(r"\b(?:members|participants|partners|endorsers)\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _drop_frame_forums(parties: list[Actor], text: str, title: str | None, mentions: list[Mention]) -> list[Actor]:
    """Round 12: a grouping without a member list (not in ``actors_groupings.csv``) that frames the issuers
    ("International X Initiative Joint Statement", "The members of the X Initiative: A, B, ...") is an actor,
    not a party, when two or more states are named as the issuers (ANNOTATION.md: the named members are
    the parties, the initiative is not)."""
    if sum(p.actor_type == "state" for p in parties) < 2:
        return parties
    groups = _groupings()
    framing = {p.actor_id for p in parties if p.actor_type == "forum" and p.actor_id not in groups}
    if not framing:
        return parties
    frames = {m.entity.actor_id for m in _title_actors(_norm_title(title))} if title else set()
    for m in mentions:
        if m.entity.actor_id in framing and _MEMBERS_OF.search(text, max(0, m.start - 40), m.start):
            frames.add(m.entity.actor_id)
    return [p for p in parties if p.actor_id not in framing & frames]


@lru_cache(maxsize=1)
def _executive_bodies() -> dict[str, tuple[Actor, bool]]:
    """actor_id of an organisation's executive body -> (the organisation, whether the body is its leaders'
    body) (``actors_executive_bodies.csv``)."""
    out = {}
    for r in read_data("actors_executive_bodies.csv"):
        body, org = resolve_actor(r["body"]), resolve_actor(r["organization"])
        if body is not None and org is not None and body.actor_id != org.actor_id:
            out[body.actor_id] = (org, r.get("leaders") == "1")
    return out


def _body_for_union(parties: list[Actor], mentions: list[Mention]) -> list[Actor]:
    """An executive body that issues a statement for its organisation ("United States–European
    Commission Joint Statement" whose text speaks of the EU's efforts) stands for the organisation
    when the text names the organisation and never the body itself (the body named in the text speaks
    there as itself: "The European Commission will work with the Member States"). Otherwise the body
    stays the party. Round 10: the body of the organisation's leaders (the European Council) stands for
    the organisation whenever the text names the organisation, as a leader speaks for a state. Round 12: so
    does any body that issues a bilateral statement with one state (the Commission speaking for the EU)."""
    bodies = _executive_bodies()
    named = {m.entity.actor_id for m in mentions}
    # round 12: a body that issues with one state only (a bilateral: "The United States and the European
    # Commission announce ...") negotiates for its organisation, as a minister for its state, even where the
    # text names the body; beside several states (a list of issuers) it speaks as itself
    bilateral = len(parties) == 2 and sum(p.actor_type == "state" for p in parties) == 1
    return _dedupe(bodies[p.actor_id][0] if p.actor_id in bodies and bodies[p.actor_id][0].actor_id in named
                   and (bodies[p.actor_id][1] or bilateral or p.actor_id not in named) else p for p in parties)


_LIST_OPEN = re.compile(r"(?:^|[.,;:]\s*|\n\s*)(?:the\s+)?$", re.IGNORECASE)  # a list item opens here
_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?,?\s*(?:and\s+)?(?:the\s+)?")
_FIRST_PERSON_AFTER = re.compile(r"\s*(?:(?:also|jointly|together|hereby|today)\s+)?[a-z]+\s+(?:[a-z]+\s+){0,2}?(?:our|we|ourselves)\b")


def _first_person_list(text: str, mentions: list[Mention]) -> list[Actor]:
    """"Today, the European Commission, A, B, ... and C announce our intent to ...": a plain list of three
    or more states/organisations that speaks in the first person (a verb, then "our"/"we") is the issuers,
    though the title may name fewer of them (a declaration others joined)."""
    limit = min(len(text), 3000)
    ms = [m for m in mentions if m.start < limit]
    k = 0
    while k < len(ms):
        m = ms[k]
        if m.entity.actor_type not in _PARTY_TYPES or not _LIST_OPEN.search(text[max(0, m.start - 8):m.start]):
            k += 1
            continue
        group, q = [m], k + 1
        while q < len(ms) and ms[q].entity.actor_type in _PARTY_TYPES \
                and _LIST_GAP.fullmatch(text[group[-1].end:ms[q].start]):
            group.append(ms[q])
            q += 1
        if len({g.entity.actor_id for g in group}) >= 3 and _FIRST_PERSON_AFTER.match(text, group[-1].end):
            return _dedupe([g.entity for g in group])
        k = q
    return []


def _heading_line(text: str) -> str | None:
    """The text's first line when it reads as a heading (a plain-text statement whose
    title is its first line: short, no full stop at its end, more text after it)."""
    if _DATELINE.match(text) or _PLACE_LINE.match(text):
        return None  # "Leuven, Belgium" on a line of its own says where, not who
    line, sep, rest = text.partition("\n")
    line = line.strip()
    if not sep or not rest.strip() or not line or len(line) > 200 or line[-1] in ".;:,":
        return None
    return line


def _norm_title(title: str) -> str:
    """Unicode spaces (no-break, thin, narrow, ideographic) and zero-width breaks as one space."""
    return re.sub(r"[\s\u200b\u200c\u200d\u2060\ufeff]+", " ", title).strip()


def _title_leaders(title: str | None) -> int:
    """How many persons the title names ("Joint Statement by President A and President B")."""
    if not title:
        return 0
    title = _norm_title(title)
    return len({m.entity.actor_id for m in _title_actors(title) if m.entity.actor_type == "person"})


@lru_cache(maxsize=512)
def _title_actors(title: str) -> tuple[Mention, ...]:
    return tuple(find_actors(title))


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    return {r["domain"].lower(): r["party"] for r in read_data("actors_publishers.csv")}


def _publisher_party(url: str | None) -> list[Actor]:
    """The government whose office published the statement (``actors_publishers.csv``)."""
    m = re.match(r"[a-z][a-z0-9+.-]*://([^/:?#]+)", (url or "").strip().lower())
    if not m:
        return []
    host = m.group(1).removeprefix("www.")
    pubs = _publishers()
    for dom, party in pubs.items():
        if host == dom or host.endswith("." + dom):
            a = resolve_actor(party)
            return [a] if a else []
    return []
