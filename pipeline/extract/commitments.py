"""Commitments: clauses in which the parties state an intention or a position.

Rule-based and single pass per sentence (see spec/ANNOTATION.md, "Commitments"):

1. The trigger lexicon (data/commitment_triggers.csv, compiled once by
   ``commitment_lexicon``) finds candidate predicates left to right.
2. For each candidate the words just before it are read backwards, skipping
   auxiliaries and adverbs ("are deeply", "will also"), to decide its subject:
   - a subject pronoun at a clause start ("we", "they" = the parties, "it" =
     a forum of the parties named earlier in the sentence);
   - a collective of the parties ("Both sides", "The two leaders", "our Foreign
     Ministers", "Officials from both governments", "the trilateral committee");
   - a run of grounded actor mentions ("The United States, Mexico, and
     Canada", "The Chinese side", "President X and President Y");
   - a coordinator ("and", ",", ";") : the predicate shares the subject of an
     earlier clause of the sentence, chosen by verb agreement (so "We are
     concerned that North Korea has reiterated ..., and reaffirm" goes back to
     "We");
     A subject before a finite auxiliary whose predicate is no trigger ("Ukraine has achieved
     progress ... and intends to") hosts a coordinated trigger too, unless an infinitive
     stands between ("are making investments to X and support Y");
   - "to" or a modal before it: part of an earlier predicate's verb group;
   - anything else (a thing, a non-party, a relative pronoun): not a
     commitment, but remembered as a non-party subject for later coordination.
3. Participles without an auxiliary ("Recognising ...,", "..., focusing on")
   and clauses opened by a subordinator ("As we ...", "the endeavour we launch")
   are skipped.
4. A sentence ending in ":" with a party subject introduces list items; each
   following item that opens with a verb is a commitment of that subject.

Kind refinements (code, not data): a modal makes a pledge with the modal as
trigger; "look forward to" + -ing verb = pledge, + noun = support; "agree/decide
to" + establish/launch/create (no time phrase) = establishment; negation of a
support/welcome/emphasis verb ("do not support", "will not recognise" excepted:
the modal makes it a pledge) = opposition; "decide/agree to instruct" =
instruction; "express their determination/intent/resolve to" + verb = pledge,
the intention noun being the trigger. "The leaders of <grouping> member states"
are the grouping's members among the parties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from functools import lru_cache

from pipeline.extract.actors import _trie_regex, read_data, lexicon as actor_lexicon
from pipeline.extract.commitment_lexicon import load as load_lexicon
from pipeline.extract.parties import _groupings
from pipeline.extract.time_expressions import find_time_expression
from pipeline.extract.topics import find_topic
from pipeline.model import Actor, Commitment, Mention, Sentence

_TOK = re.compile(r"\w+(?:[.\-]\w+)*|['’]\w+|[^\w\s]")

AUX = frozenset("""am is are was were be been 're ’re 'm ’m have has had 've ’ve do does did
remain remains remained stand stands stood""".split())
ADVERBS = frozenset("""also further furthermore strongly deeply fully firmly jointly together hereby again once
still therefore thus today now all both each collectively warmly sincerely gravely seriously greatly
particularly especially highly very equally truly unequivocally categorically resolutely steadfastly
wholeheartedly unwaveringly actively closely always ever respectively likewise similarly additionally
moreover formally officially publicly readily consistently fundamentally profoundly immensely sharply
emphatically explicitly expressly duly swiftly urgently hence accordingly firmly unanimously mutually
too individually separately recently previously already consequently""".split())
# "and intends, with X support, to continue": a verb whose complement follows a parenthetical
_PARENTHETICAL_TO = re.compile(r"\s*,[^,;:]{1,60},\s+to\s+[a-z]")
_FINITE_AUX = frozenset("has have is are does do had did was were".split())
NEGATION = frozenset("not never n't 't ’t".split())
MODALS = frozenset("""will shall must would could should may might can cannot 'll ’ll wo won't won’t
'd ’d""".split())
PLEASED = frozenset("pleased glad delighted happy proud honored honoured".split())
COORD = frozenset([",", ";", "and", "but", "—", "–"])
# words that may stand right before a clause subject (the clause is a main clause)
BOUNDARY = frozenset("""and but so that then today now together also thus therefore hence here hereby
first second third finally further furthermore moreover additionally accordingly again yet or
consequently similarly likewise meanwhile jointly collectively lastly instead indeed""".split())
SUBORDINATORS = frozenset("""as while when whenever if because since although though once until unless
where whereas after before whether how which who whom whose what why so-that""".split())
RELATIVES = frozenset("which who that whom whose".split())
RUN_CONNECTORS = frozenset("""and the both of , ( ) “ ” " ' ’ ‘ government governments""".split())
HEAD_NOUNS = frozenset("""side sides government governments delegation delegations officials leaders
leader authorities administration ministers minister team teams representatives negotiators
president presidents envoy envoys ambassador ambassadors""".split())
PLURAL_HEADS = frozenset("sides governments delegations officials leaders authorities ministers teams "
                         "representatives negotiators presidents envoys ambassadors".split())
MEMBER_WORDS = frozenset("member members states countries nations".split())
NOUNISH_NEXT = frozenset("for of and or from among between , . ; : ) to".split())
_ENUM = re.compile(r"\s*(?:\(?(?:\d{1,3}|[ivxlcIVXLC]{1,5}|[a-zA-Z])[.)]+|[-•*–·▪])\s+")
_COLLECTIVE = re.compile(
    r"(?:(?P<det>the|our|both|all|each|these|their|this)\s+)?"
    r"(?P<num>(?:(?:two|three|four|five|six|seven|eight|nine|ten|both|respective)\s+))?"
    r"(?P<mods>(?:[a-z][\w-]*\s+(?:and\s+)?){0,3}?)"
    r"(?P<head>sides|side|leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|governments"
    r"|government|administrations|countries|country|nations|nation|parties|participants|presidents|prime\s+ministers"
    r"|ministers|officials|delegations|experts|representatives|committee|task\s+force|co-chairs"
    r"|grouping(?:\s+of\s+(?:countries|nations|states))?)"
    r"(?P<from>\s+(?:from|of)\s+(?:both|the\s+two|the\s+three|the\s+four|our|all\s+(?:three|four))"
    r"\s+(?:governments|countries|sides|nations|parties))?$"
)
_THE_HEADS = frozenset("leaders parties participants presidents prime ministers heads of state co-chairs sides".split())
_BLOCK_MODS = frozenset("""other some many several partner like-minded local provincial regional member
foreign third neighbouring neighboring allied developing european african asian western donor""".split())
# trigger words that are also common nouns ("our support for", "a call for")
NOUN_LIKE = frozenset("""support supports pledge pledges plan plans aim aims call calls note notes request requests
welcome concern concerns regret regrets promise promises vow vows stress mandate mandates appeal appeals
launch adopt sign task tasks form forms back meet""".split())
PREPOSITIONS = frozenset("in on at by under with during since from into within between among".split())
_ADJECTIVE = re.compile(r"(?:ary|ive|al|ous|ble|ic|ful|ant|ent)$")
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|our\b|their\b|its\b)[a-z]+")
_ITEM_STOP = frozenset("""we they it our the a an this these those both all each in on at as with for to by
from under through during after before since while when if first second third fourth fifth sixth seventh
finally furthermore moreover additionally further also today together however therefore thus lastly next
then here there in-person upon regarding pursuant following without within given""".split()) | PREPOSITIONS
_VERB_INTRO = re.compile(r"\b(?:to|will|shall)\s+(?:take\s+)?(?:the\s+following\b|:)|\b(?:to|will|shall)\s*:\s*$")
_WE_APPOSITIVE = re.compile(r"(?:(?<![\w'’])We|(?<=,\s)we)\s*,(?=\s*(?:the|as|having|being|leaders|[A-Z]))"
                            r"|(?:^|(?<=[\n.]\s))We(?=\s+the\s+(?:Leaders|Heads|Presidents|Prime|Ministers|Foreign|Governments)\b)")
_EMBEDDED_FINITE = re.compile(r"[^;:]{0,40}?\b(?:belief|conviction|view|assessment|expectation)\s+that\s+[^;:]*?\b(?:is|are|was|were|remains?|has|have)\b[^;:]*$")
_PARTICIPLE_AFTER_ITEM = re.compile(r"(?:ed|ing)$")
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-•*–·▪][ \t]+$")
# verbs of a non-party subject whose "that" clause states a need, not the parties' position
_NECESSITY_VERBS = frozenset("demands demanded requires required necessitates necessitated dictates dictated "
                             "means meant implies implied".split())
# "agreed to re-start / relaunch the X Dialogue": a creation at this meeting, like "agreed to launch"
_RESTART = re.compile(r"re-?(?:start|launch|establish|convene|activate)$")
_MEETING_OBJECT = re.compile(r"\s+(?:(?:the|a|an|their|its|our)\s+)?(?:[\w-]+\s+){0,4}?"
                             r"(?:meeting|meetings|summit|talks|dialogue|consultations|visit|session|call)\b")


# Titles of heads of state or government: a person introduced with one of them and
# still without a country, when exactly one party has no leader named, is that
# party's leader (general knowledge of the genre, not of one statement).
LEADER_TITLES = frozenset({
    "president", "prime minister", "chancellor", "premier", "taoiseach", "king", "queen", "emir", "amir",
    "sultan", "crown prince", "sheikh", "his majesty", "her majesty", "his royal highness", "his highness"})


@lru_cache(maxsize=1)
def _title_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(title right before a name, "Title of <state>, " before a name, any capitalised title)."""
    lx = actor_lexicon()
    honorific = {r["term"] for r in read_data("actors_lexicon.csv") if r["kind"] == "honorific"}
    honorific |= {t for t in lx.titles if t.endswith(".")}
    titles = sorted(t for t in lx.titles if t not in honorific)
    trie = _trie_regex(titles)
    before = re.compile(r"(?:(?<=[\s(\"“])|^)(" + trie + r")\s+$")
    title_of = re.compile(r"(?:(?<=[\s(\"“])|^)(" + trie + r")\s+of\s+(?:the\s+)?[A-Z][^,;.\n]{1,60},\s*$")
    anywhere = re.compile(r"(?<![\w-])(" + trie + r")(?![\w-])")
    return before, title_of, anywhere


def _norm_title(t: str) -> str:
    return re.sub(r"\s+", " ", t).lower()


def leader_map(text: str, parties: list[Actor], mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """Per statement: person actor_id -> party, and title ("president", "taoiseach") -> party.

    A person's party is its country when that is a party ("President X of the United States",
    "the Prime Minister of Iraq, X", "Taoiseach X", "Mexican President X"); a person introduced
    with a leader title and no country is the leader of the one party left without a leader.
    A title maps to a party when every person introduced with it in the statement belongs to
    that party (two Presidents: the bare title is ambiguous and maps to nothing).
    """
    before, title_of, _ = _title_regexes()
    lx = actor_lexicon()
    party_set = {a.actor_id for a in parties}
    person_titles: dict[str, set[str]] = {}
    country: dict[str, str | None] = {}
    for m in mentions:
        ent = m.entity
        if not isinstance(ent, Actor) or ent.actor_type != "person":
            continue
        country.setdefault(ent.actor_id, None)
        if ent.country and country[ent.actor_id] is None:
            country[ent.actor_id] = ent.country
        lo = max(0, m.start - 120)
        pos = m.start
        titles = person_titles.setdefault(ent.actor_id, set())
        tm = title_of.search(text, lo, pos)
        if tm:
            titles.add(_norm_title(tm.group(1)))
            pos = tm.start(1)
        for _ in range(3):  # "His Majesty King X", "Mexican President X"
            bm = before.search(text, max(0, pos - 60), pos)
            if not bm:
                break
            t = _norm_title(bm.group(1))
            titles.add(t)
            implied = lx.titles.get(bm.group(1))
            if implied and country[ent.actor_id] is None:
                country[ent.actor_id] = implied
            pos = bm.start(1)
    person_party = {pid: c for pid, c in country.items() if c in party_set}
    led = set(person_party.values())
    free_parties = [p.actor_id for p in parties if p.actor_id not in led]
    free_leaders = [pid for pid, c in country.items()
                    if c is None and person_titles.get(pid, set()) & LEADER_TITLES]
    if len(free_parties) == 1 and len(free_leaders) == 1:
        person_party[free_leaders[0]] = free_parties[0]
    owners: dict[str, set] = {}
    for pid, titles in person_titles.items():
        for t in titles:
            owners.setdefault(t, set()).add(person_party.get(pid) or country.get(pid) or pid)
    title_party = {t: next(iter(o)) for t, o in owners.items() if len(o) == 1 and next(iter(o)) in party_set}
    for t, iso in lx.titles.items():  # "the Taoiseach": a title only one state has
        if iso in party_set and _norm_title(t) not in owners:
            title_party[_norm_title(t)] = iso
    return person_party, title_party


@dataclass
class _Subj:
    committers: tuple[str, ...] | None  # None: not a party
    number: str  # 1pl | pl | 3sg
    start: int
    modal: bool = False
    past: bool = False
    forum: bool = False
    last_end: int = -1  # end of this subject's latest predicate
    verb_items: bool = False  # introduces items that are bare verbs ("agree to the following steps:")


@dataclass
class _Found:
    start: int
    trigger: str
    trigger_start: int
    match_end: int
    kind: str
    committers: tuple[str, ...]
    rule: str


class _Tokens:
    def __init__(self, text: str, start: int, end: int):
        self.spans = [(m.start(), m.end()) for m in _TOK.finditer(text, start, end)]
        self.low = [text[s:e].lower() for s, e in self.spans]
        self.text = text

    def last_before(self, pos: int) -> int:
        lo, hi = 0, len(self.spans)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.spans[mid][1] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def first_from(self, pos: int) -> int:
        return self.last_before(pos) + 1


def _is_boundary_token(tokens: _Tokens, k: int, floor: int) -> str:
    """'main' if a clause subject may start right after token k, 'sub' after a subordinator, else ''."""
    if k < floor:
        return "main"
    w = tokens.low[k]
    if w in SUBORDINATORS:
        return "sub"
    if w == "that" and k - 1 >= floor and tokens.low[k - 1] in _NECESSITY_VERBS:
        return "sub"  # "this situation demands that the two countries continue to ...": not their own words
    if not w[0].isalnum() and w not in (")", "’", "'"):
        return "main"
    if w in BOUNDARY or w.isdigit():
        return "main"
    return ""


class _Extractor:
    def __init__(self, text: str, parties: list[Actor], mentions: list[Mention]):
        self.text = text
        self.lex = load_lexicon()
        seen = []
        for a in parties:
            if a.actor_id not in seen:
                seen.append(a.actor_id)
        self.party_ids = tuple(seen)
        self.party_set = frozenset(seen)
        self.mentions = sorted((m for m in mentions if isinstance(m.entity, Actor)),
                               key=lambda m: (m.start, -m.end))
        self.person_party, self.title_party = leader_map(text, parties, self.mentions)
        titled = self._title_mentions(parties)
        self.title_starts = frozenset(m.start for m in titled)
        self.mentions = sorted(self.mentions + titled, key=lambda m: (m.start, -m.end))
        self.starts: dict[int, Mention] = {}
        for m in self.mentions:
            self.starts.setdefault(m.start, m)
        self.by_end: dict[int, Mention] = {}
        for m in self.mentions:
            cur = self.by_end.get(m.end)
            if cur is None or m.start < cur.start:
                self.by_end[m.end] = m
        self.last_plural: tuple[str, ...] | None = None
        self.lead: _Subj | None = None
        self.groupings = _groupings()

    def _title_mentions(self, parties: list[Actor]) -> list[Mention]:
        """A party leader's title without a name ("the President", "the Taoiseach", "the President
        of the United States") as a mention of that party, for subjects ("The President and the
        Taoiseach agreed") and consultation partners."""
        if not self.title_party:
            return []
        text = self.text
        by_id = {a.actor_id: a for a in parties}
        starts = {m.start: m for m in self.mentions}
        covered = bytearray(len(text) + 1)
        for m in self.mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        out = []
        for tm in _title_regexes()[2].finditer(text):
            s, e = tm.start(1), tm.end(1)
            if any(covered[s:e]):
                continue
            nxt = re.match(r"\s+(?:of\s+(?:the\s+)?)?", text[e:e + 12])
            follow = starts.get(e + nxt.end()) if nxt else None
            if follow is not None and follow.entity.actor_type == "person":
                continue  # "President Biden": the person is the mention
            if nxt and "of" in nxt.group(0):
                if follow is None:
                    continue  # "the Minister of Health": someone else's office
                pid = follow.entity.actor_id if follow.entity.actor_id in by_id else None
            else:
                if re.match(r"\s*[A-Z][a-z]", text[e:e + 3]):
                    continue  # "President Xyz" with an unrecognised name
                pid = self.title_party.get(_norm_title(tm.group(1)))
            if pid is None or pid not in by_id:
                continue
            out.append(Mention(s, e, by_id[pid]))
        return out

    def _guest(self, pos: int, end: int) -> str | None:
        """The party whose leader (or the party itself) is the object right after ``pos``
        ("hosted Taoiseach X", "welcomed the Prime Minister of Y, X,"), not a possessive."""
        m = re.match(r"\s+(?:the\s+)?", self.text[pos:end])
        if not m:
            return None
        q = pos + m.end()
        tm = _title_regexes()[2].match(self.text, q, end)
        cand = self.starts.get(q)
        if cand is None and tm:
            sp = re.match(r"\s+", self.text[tm.end():end])
            cand = self.starts.get(tm.end() + sp.end()) if sp else None
        if cand is not None and cand.entity.actor_type == "state":
            # "hosted Mexican President X": a demonym and a title before the guest's name
            tm2 = _title_regexes()[2].match(self.text, cand.end + 1, end) if self.text[cand.end:cand.end + 1] == " " else None
            if tm2:
                sp = re.match(r"\s+", self.text[tm2.end():end])
                nxt_m = self.starts.get(tm2.end() + sp.end()) if sp else None
                if nxt_m is not None and nxt_m.entity.actor_type == "person":
                    cand = nxt_m
        if cand is None or re.match(r"[’']s\b", self.text[cand.end:cand.end + 3]):
            return None
        if cand.entity.actor_type != "person" and cand.start not in self.title_starts:
            return None  # "welcomed Finland's accession": a leader is the guest, not a state
        return self._party_of(cand.entity)

    def _last_person_party(self, pos: int) -> str | None:
        """The party of the last person named in the 400 characters before ``pos`` (None: not a party's)."""
        last = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.start >= pos - 400 and m.entity.actor_type == "person":
                last = m
        return self._party_of(last.entity) if last is not None else None

    def _party_of(self, ent: Actor) -> str | None:
        """The party an actor speaks for: a party itself, or a party's leader."""
        if ent.actor_id in self.party_set:
            return ent.actor_id
        if ent.actor_type == "person":
            if ent.country in self.party_set:
                return ent.country
            return self.person_party.get(ent.actor_id)
        return None

    # ---- subjects -------------------------------------------------------
    def _apposed_subject(self, tokens: _Tokens, k: int, floor: int) -> _Subj | None:
        """A subject that ends in a name in apposition, before the comma at token k."""
        if k - 1 < floor:
            return None
        m = self.by_end.get(tokens.spans[k - 1][1])
        if m is None or m.entity.actor_type != "person" or self._party_of(m.entity) is None:
            return None
        subj, status = self._run_subject(tokens, k - 1, floor)
        return subj if status == "main" and subj is not None and subj.committers else None

    def _order(self, ids) -> tuple[str, ...]:
        s = set(ids)
        return tuple(p for p in self.party_ids if p in s)

    def _run_subject(self, tokens: _Tokens, k: int, floor: int) -> tuple[_Subj | None, str]:
        """Actor-mention run ending at token k. Returns (subject or None, status)."""
        items: list[tuple[int, str, object]] = []  # (token index of item start, type, payload)
        i = k
        saw_person = False
        while i >= floor:
            end = tokens.spans[i][1]
            m = self.by_end.get(end)
            w = tokens.low[i]
            if m is not None and m.start >= tokens.spans[floor][0]:
                j = i
                while j > floor and tokens.spans[j - 1][1] > m.start:
                    j -= 1
                items.append((j, "actor", m.entity))
                saw_person = m.entity.actor_type == "person"
                i = j - 1
                continue
            if w in HEAD_NOUNS and (not items or items[-1][1] == "head" or items[-1][2] == "of"):
                items.append((i, "head", w))  # "The Chinese side", "the leaders of X"
                i -= 1
                continue
            if w in MEMBER_WORDS and (not items or items[-1][1] in ("head", "conn")):
                items.append((i, "head", w))  # "the GCC member states"
                i -= 1
                continue
            if items and w in RUN_CONNECTORS:
                items.append((i, "conn", w))
                i -= 1
                continue
            raw = tokens.text[tokens.spans[i][0]:tokens.spans[i][1]]
            if items and saw_person and raw[:1].isupper() and items[-1][1] in ("actor", "title"):
                items.append((i, "title", w))
                i -= 1
                continue
            if items and raw == "." and i > floor and tokens.low[i - 1] in ("dr", "mr", "mrs", "ms"):
                items.append((i, "title", w))
                i -= 1
                continue
            break
        if not any(t == "actor" for _, t, _ in items):
            return None, ""
        status = _is_boundary_token(tokens, i, floor)
        if not status:
            # "Under the X Dialogue, the United States, Mexico, and Canada": restart after a comma
            commas = [n for n, (_, t, w) in enumerate(items) if t == "conn" and w == ","]
            if not commas:
                return None, "nonparty"
            items = items[: commas[-1]]
            if not any(t == "actor" for _, t, _ in items):
                return None, ""
            status = "main"
        items = items[::-1]
        while items and items[0][1] == "conn" and items[0][2] in (",", "and"):
            items.pop(0)
        if status == "sub":
            return None, "sub"
        start = tokens.spans[items[0][0]][0]
        ids, unknown_persons, heads = [], 0, [w for _, t, w in items if t == "head"]
        nonparty = False
        for _, t, ent in items:
            if t != "actor":
                continue
            if self._party_of(ent):
                ids.append(self._party_of(ent))
            elif ent.actor_type == "person" and not ent.country:
                unknown_persons += 1
            elif ent.actor_type == "forum" and len(self.party_ids) >= 3:
                return _Subj(self.party_ids, "3sg", start, forum=True), "main"
            elif ent.actor_id in self.groupings and set(self.groupings[ent.actor_id]) & self.party_set:
                # "the leaders of the GCC member states": its members among the parties
                ids.extend(iso for iso in self.groupings[ent.actor_id] if iso in self.party_set)
            else:
                nonparty = True
        if not ids and unknown_persons and unknown_persons == len(self.party_ids) > 1:
            ids = list(self.party_ids)
        if not ids:
            return _Subj(None, "3sg", start), "nonparty" if nonparty or unknown_persons else ""
        committers = self._order(ids)
        plural = len(committers) > 1 or any(h in PLURAL_HEADS for h in heads)
        return _Subj(committers, "pl" if plural else "3sg", start), "main"

    def _collective_subject(self, tokens: _Tokens, k: int, floor: int) -> tuple[_Subj | None, str]:
        end = tokens.spans[k][1]
        lo = max(tokens.spans[floor][0], end - 90)
        left = self.text[lo:end].lower()
        m = None
        for cand in re.finditer(r"(?:^|(?<=[\s(\"“]))", left):  # earliest start first: the longest phrase
            mm = _COLLECTIVE.match(left, cand.start())
            if mm:
                m = mm
                break
        if not m:
            return None, ""
        det, num, mods, head = m.group("det"), m.group("num"), m.group("mods").split(), m.group("head")
        mods = [w for w in mods if w != "and"]
        strong = det in ("our", "both", "each", "their") or bool(num) or bool(m.group("from"))
        ok = strong
        if not ok and det == "the":
            ok = head in _THE_HEADS or head.split()[0] in _THE_HEADS or any(w.endswith("lateral") for w in mods)
        if not ok and det is None:
            ok = head in ("leaders", "governments") and not (set(mods) & _BLOCK_MODS)
        if ok and not strong and set(mods) & _BLOCK_MODS:
            ok = False
        if ok and det == "their":
            ok = False  # "their governments": someone else's
        if det == "this":
            ok = head.startswith("grouping")  # "This unique grouping of countries aims to": the parties
        elif head.startswith("grouping"):
            ok = det == "our"
        if not ok:
            return None, ""
        start = lo + m.start()
        i = tokens.first_from(start) - 1
        status = _is_boundary_token(tokens, i, floor)
        if status != "main":
            return None, status or ""
        return _Subj(self.party_ids, "3sg" if (head in ("side", "country", "nation", "committee", "task force",
                                                         "government") or head.startswith("grouping"))
                     and det != "each" else "pl", start), "main"

    # ---- the sentence loop ---------------------------------------------
    def sentence(self, sent: Sentence, list_intro: _Subj | None, first_in_para: bool):
        text = self.text
        tokens = _Tokens(text, sent.start, sent.end)
        if not tokens.spans:
            return [], None
        em = _ENUM.match(text, sent.start, sent.end)
        body_start = em.end() if em else sent.start
        floor = tokens.first_from(body_start)
        stack: list[_Subj] = []
        found: list[_Found] = []
        we = _WE_APPOSITIVE.search(text, body_start, sent.end)
        if we:  # "We, the Prime Ministers of ..., meet": the predicate after the apposition
            stack.append(_Subj(self.party_ids, "1pl", we.start()))

        is_item = False
        if list_intro is not None and list_intro.committers and (first_in_para or em):
            is_item = self._item(tokens, floor, body_start, sent, list_intro, stack, found)
        # a paragraph (list item: the reader drops bullet marks) that opens with a verb
        bullet = first_in_para or _BULLET_BEFORE.search(text, max(0, sent.start - 12), sent.start) is not None
        if not is_item and bullet and self.lead is not None:
            is_item = self._elided_item(body_start, sent, stack, found)

        aux_subjects = self._aux_subjects(tokens, floor)
        for m in self.lex.finditer(text, sent.start, sent.end):
            g = m.lastgroup
            rule = self.lex.rules[g]
            tg = self.lex.trigger_group[g]
            trig_start, trig = m.start(tg), m.group(tg)
            first_word = re.match(r"[\w'’]+", m.group(0)).group(0).lower()
            form = self.lex.form_of.get(first_word, "base")
            if is_item and m.start() == body_start:
                continue
            after = text[m.end():sent.end]
            nxt = re.match(r"\s*([\w'’]+|[^\w\s])", after)
            nxt_w = nxt.group(1).lower() if nxt else ""
            if rule.pattern.startswith("task") and nxt_w == "force":
                continue
            if rule.pattern == "form" and nxt_w == "of":
                continue
            if rule.pattern == "continue" and form in ("past", "ing"):
                continue  # "pledged continued support", "continuing efforts": not an intention
            if rule.rule == "adj" and first_word in PLEASED and nxt_w == "to":
                continue  # "pleased to announce": the next verb decides
            # read the left context backwards
            k = tokens.last_before(m.start())
            aux = neg = False
            while k >= floor:
                w = tokens.low[k]
                if w in AUX:
                    aux = True
                elif w in ADVERBS:
                    pass
                elif w in NEGATION:
                    neg = True
                elif w == "to" and k - 1 >= floor and tokens.low[k - 1] in PLEASED:
                    k -= 1
                    aux = True
                elif w == "," and k - 2 >= floor and tokens.low[k - 1] in ADVERBS and tokens.low[k - 2] == ",":
                    k -= 2
                elif w in ("–", "—") and k - 1 >= floor:
                    # "The UAE – home to X – will invest": skip the parenthetical between two dashes
                    j = k - 1
                    while j > floor and tokens.low[j] != w and k - j < 40:
                        j -= 1
                    if j <= floor or tokens.low[j] != w:
                        break
                    k = j
                else:
                    break
                k -= 1
            coord_start = tokens.spans[k + 1][0] if k + 1 < len(tokens.spans) else m.start()
            if form == "ing" and not aux:
                continue  # participle: "Recognising ...", "..., focusing on"
            if form == "past" and aux and nxt_w == "by":
                continue  # passive: "was supported by"
            if k < floor:
                continue  # no subject (an item verb is handled by _item)
            prev = tokens.low[k]
            if prev == "to" or prev in MODALS:
                continue  # inside an earlier predicate's verb group
            subj: _Subj | None = None
            span_start = None
            if prev in ("he", "she") and k == floor and tokens.text[tokens.spans[k][0]].isupper() \
                    and self._last_person_party(sent.start) is not None:
                # "He also reaffirmed ...": the person the previous sentence spoke of, if a party's leader
                subj = _Subj((self._last_person_party(sent.start),), "3sg", tokens.spans[k][0])
            elif prev in ("we", "they", "it", "us"):
                status = _is_boundary_token(tokens, k - 1, floor)
                if status != "main":
                    continue  # "As we mark ...", "the endeavour we launch"
                if prev == "we":
                    subj = _Subj(self.party_ids, "1pl", tokens.spans[k][0])
                elif prev == "they":
                    subj = _Subj(self.last_plural or self.party_ids, "pl", tokens.spans[k][0])
                elif prev == "it":
                    forum = next((s for s in reversed(stack) if s.forum), None)
                    subj = _Subj(forum.committers if forum else None, "3sg", tokens.spans[k][0], forum=bool(forum))
                else:
                    continue
            elif prev == "," and self._apposed_subject(tokens, k, floor) is not None:
                # "the President of the United States, Joseph R. Biden Jr., welcomed"
                subj = self._apposed_subject(tokens, k, floor)
            elif prev in COORD:
                if (form in ("base", "3sg") and nxt_w in NOUNISH_NEXT and rule.rule != "modal"
                        and not (nxt_w == "to" and first_word not in NOUN_LIKE)
                        and not _PARENTHETICAL_TO.match(after)):
                    continue  # "..., support for X": a noun ("and intend to" is a verb)
                if form == "past" and nxt_w == "by":
                    continue  # "..., supported by X": a participle
                bare_comma = prev == "," and not aux
                if bare_comma and form == "past" and nxt_w in PREPOSITIONS:
                    continue  # "the Agreement ..., signed in 1993"
                if (prev == "and" and form == "past" and k - 1 >= floor
                        and _ADJECTIVE.search(tokens.low[k - 1])):
                    continue  # "voluntary and mutually agreed terms"
                host = None
                # subjects of earlier clauses, with a predicate that is no trigger ("X has achieved
                # progress and intends to ...") among them
                hosts = stack + [a for a in aux_subjects if a.start < coord_start and a not in stack
                                 and not any(x.start == a.start for x in stack)]
                hosts.sort(key=lambda x: x.start)
                for s in reversed(hosts):
                    if self._agrees(form, rule.rule, s):
                        host = s
                        break
                if host is None or host.committers is None:
                    continue
                if host.last_end <= -2 and _INFINITIVE.search(text, -2 - host.last_end, m.start()):
                    continue  # "X are making investments to decarbonize ... and support ...": infinitives
                if (bare_comma and form != "past" and host.last_end >= 0
                        and _INFINITIVE.search(text, host.last_end, m.start())):
                    continue  # "to bolster X, create Y, support Z": a series of infinitives
                if rule.rule == "modal" and host.last_end >= 0 and _EMBEDDED_FINITE.match(text, max(0, host.last_end - 14), m.start()):
                    continue  # "we hold the belief that X is vital and will ...": the noun's clause goes on
                subj = host
                span_start = coord_start
            elif prev in RELATIVES:
                stack.append(_Subj(None, "3sg", tokens.spans[k][0], modal=rule.rule == "modal"))
                continue
            else:
                subj, status = self._collective_subject(tokens, k, floor)
                if subj is None and status not in ("sub",):
                    subj, status = self._run_subject(tokens, k, floor)
                if status == "sub":
                    continue
                if subj is None and we and we.group(0) == "We" and status in ("", "nonparty") and not found and len(stack) == 1 \
                        and stack[0].start == we.start() and prev != "having":
                    # "We the Leaders of the X remain resolved": the predicate after an apposition without commas
                    subj = stack[0]
                if subj is None:
                    if aux or rule.rule == "modal" or status == "nonparty":
                        stack.append(_Subj(None, "3sg", tokens.spans[k][0], modal=rule.rule == "modal",
                                           past=form == "past"))
                    continue
            if (span_start is None and form in ("base", "3sg") and not aux and rule.rule != "modal"
                    and first_word in NOUN_LIKE and nxt_w in ("for", "of")):
                continue  # "our support for", "U.S. support for": a noun
            if span_start is None and subj.number == "3sg" and form == "base" and not aux:
                continue  # "U.S. support ...": no agreement, not a predicate
            if subj.committers is None:
                if subj not in stack:
                    subj.modal = rule.rule == "modal"
                    stack.append(subj)
                continue
            if subj not in stack:
                subj.modal = rule.rule == "modal"
                subj.past = form == "past"
                stack.append(subj)
            elif rule.rule == "modal":
                subj.modal = True
            if len(subj.committers) > 1:
                self.last_plural = subj.committers
            kind = self._kind(rule, form, m, after, neg, sent, subj, span_start is not None)
            if kind is None:
                continue
            committers = subj.committers
            if rule.rule == "host" or (kind == "welcome" and "welcome" in rule.first_lemmas):
                # "President X hosted / welcomed the Prime Minister of Y": a report of the meeting
                guest = self._guest(m.end(), sent.end)
                if guest is not None and guest not in committers:
                    kind, committers = "consultation", self._order(committers + (guest,))
                elif rule.rule == "host" and not _MEETING_OBJECT.match(text, m.end(), sent.end):
                    continue
            subj.last_end = m.end()
            found.append(_Found(span_start if span_start is not None else subj.start, trig, trig_start, m.end(),
                                kind, committers, rule.rule))

        # a sentence ending in ":" with a party subject introduces list items
        intro = None
        stripped = text[sent.start:sent.end].rstrip()
        if stripped.endswith(":"):
            party = [s for s in stack if s.committers]
            if party:
                intro = _Subj(party[-1].committers, "pl", party[-1].start)
            elif re.match(r"(?:We|we)\s*:", text[body_start:sent.end]):
                intro = _Subj(self.party_ids, "1pl", body_start)
            if intro is not None:
                intro.verb_items = bool(_VERB_INTRO.search(text, sent.start, sent.end))
            # "declare the following:" / "agree to the following steps:" : the items carry the content
            # but "agree to / commit to the following steps:" is itself a pledge
            found = [f for f in found if f.kind == "pledge" and f.rule in ("agree", "")
                     and re.search(r"\bto\s*$", text[f.trigger_start:f.match_end])
                     or not re.match(r"\s*(?:to\s+)?the\s+following\b", text[f.match_end:sent.end])]
        elif is_item and list_intro is not None:
            intro = list_intro
        if not em and not (bullet and is_item):  # the lead-in of a bulleted list whose items may elide its subject
            self.lead = next((x for x in reversed(stack) if x.committers), None)
        return self._finish(found, sent), intro

    def _aux_subjects(self, tokens: _Tokens, floor: int) -> list[_Subj]:
        """Clause subjects right before a finite auxiliary ("Ukraine has achieved ...", "The X does not
        ..."), whatever the predicate: hosts for a later coordinated trigger ("... and intends to")."""
        out = []
        for j in range(floor + 1, len(tokens.spans)):
            if tokens.low[j] not in _FINITE_AUX:
                continue
            subj, status = self._collective_subject(tokens, j - 1, floor)
            if subj is None and status != "sub":
                subj, status = self._run_subject(tokens, j - 1, floor)
            if status == "sub" or subj is None:
                continue
            p = tokens.last_before(subj.start)
            if not (p < floor or tokens.low[p] in BOUNDARY
                    or (tokens.low[p] == "," and tokens.low[floor] in PREPOSITIONS)):
                continue  # "the belief that cooperation between A, B and C is ...": no clause subject
            if status == "nonparty" or subj.committers is None:
                subj = _Subj(None, "3sg", subj.start)
            subj.last_end = -2 - tokens.spans[j][1]  # marks a subject without a trigger predicate
            subj.past = tokens.low[j] in ("had", "did", "was", "were")
            out.append(subj)
        return out

    def _elided_item(self, body_start: int, sent: Sentence, stack, found) -> bool:
        """A bullet opening with a past-tense trigger ("- Recognized the importance of ...") after a
        paragraph with a party subject: that subject, elided."""
        text = self.text
        m0 = re.match(r"([A-Z][a-z]+)\b", text[body_start:sent.end])
        if not m0 or self.lex.form_of.get(m0.group(1).lower()) != "past":
            return False
        lm = self.lex.regex.match(text, body_start, sent.end)
        if lm is None:
            return False
        nxt = re.match(r"\s*([\w'’]+)", text[lm.end():sent.end])
        if nxt and (nxt.group(1).lower() in PREPOSITIONS or nxt.group(1).lower() in ("by", "at")):
            return False  # "Signed at X on ...": a participle, not an elided subject
        rule = self.lex.rules[lm.lastgroup]
        subj = _Subj(self.lead.committers, "pl", body_start, past=True)
        kind = self._kind(rule, "past", lm, text[lm.end():sent.end], False, sent, subj, False)
        if kind is None:
            return False
        tg = self.lex.trigger_group[lm.lastgroup]
        stack.append(subj)
        subj.last_end = lm.end()
        found.append(_Found(body_start, lm.group(tg), lm.start(tg), lm.end(), kind, subj.committers, rule.rule))
        return True

    def _item(self, tokens, floor, body_start, sent, intro: _Subj, stack, found) -> bool:
        """A list item opening with a verb under a party's introducing clause."""
        text = self.text
        m0 = re.match(r"([A-Z][a-z]+)\b", text[body_start:sent.end])
        if not m0:
            return False
        word = m0.group(1)
        lm = self.lex.regex.match(text, body_start, sent.end)
        words = re.findall(r"[\w'’-]+", text[body_start:sent.end])
        kind = None
        if word.lower() in _ITEM_STOP:
            return False
        if lm is not None and self.lex.form_of.get(word.lower(), "base") == "base":
            rule = self.lex.rules[lm.lastgroup]
            kind = self._kind(rule, "base", lm, text[lm.end():sent.end], False, sent, intro, False)
        elif (len(words) >= 3 and not _PARTICIPLE_AFTER_ITEM.search(word.lower()) and words[1][:1].islower()
              and not text[body_start + len(word):].startswith(",") and not word.lower().endswith("ly")
              and (intro.verb_items or not word.lower().endswith(("tion", "ment", "ity", "ness", "al", "ic", "ies")))):
            kind = "pledge"
        if kind is None:
            return False
        if lm is None or kind == "pledge":
            kind = kind if lm is not None else "pledge"
        stack.append(_Subj(intro.committers, "pl", body_start))
        found.append(_Found(body_start, word, body_start, body_start + len(word), kind, intro.committers, ""))
        return True

    @staticmethod
    def _agrees(form: str, rule: str, s: _Subj) -> bool:
        if rule in ("modal", "adj") or form in ("modal", "adj"):
            return True
        if form == "past":
            return True
        if form == "base":
            if s.modal:
                return True
            if s.past:
                return False
            return s.number in ("1pl", "pl")
        if form == "3sg":
            return s.number == "3sg"
        return False

    def _kind(self, rule, form, m, after: str, neg: bool, sent: Sentence, subj: _Subj, coordinated: bool):
        kind = rule.kind
        if rule.rule == "modal":
            return "pledge"
        nxt = re.match(r"\s*(?:(?:" + "|".join(ADVERBS) + r")\s+)*([\w'’-]+)", after, re.IGNORECASE)
        nxt_w = nxt.group(1).lower() if nxt else ""
        if rule.rule == "complement":  # look forward to
            kind = "pledge" if nxt_w.endswith("ing") else "support"
        elif rule.rule in ("agree", "decide"):
            if (nxt_w in self.lex.establishing and self.lex.form_of.get(nxt_w) == "base") or _RESTART.match(nxt_w):
                t = find_time_expression(self.text, m.end(), sent.end)
                kind = "pledge" if t else "establishment"
            elif self.lex.form_of.get(nxt_w) == "base" and self.lex.kind_of_form.get(nxt_w) == "instruction":
                kind = "instruction"  # "decided to instruct X to ...": the inner verb decides
            else:
                kind = "pledge"
        elif rule.rule == "intent":  # "expressed their determination to + verb"
            if not re.match(r"\s*to\s+(?!the\b|a\b|an\b|this\b|these\b|that\b)[a-z]", after):
                kind = "emphasis"
        elif kind == "establishment" and rule.pattern == "announce" and re.match(
                r"\s*(?:its|their|our|the)\s+(?:\w+\s+)?(?:intent|intention|plans?|commitment|pledge)\b", after):
            kind = "pledge"  # "announced its intent to ..."
        elif kind == "establishment" and rule.pattern == "announce" and re.match(
                r"\s*that\b[^.;:]{0,160}?\b(?:will|shall|is\s+to|intends?\s+to|plans?\s+to)\b", after):
            kind = "pledge"  # "we are announcing that X will host": a future action
        elif rule.rule == "adj" and rule.pattern.startswith("^united"):
            if nxt_w.endswith("ing") and nxt_w in self.lex.kind_of_form:
                kind = self.lex.kind_of_form[nxt_w]
        if coordinated and subj.modal and rule.rule != "adj" and form not in ("3sg", "past"):
            kind = "pledge"  # "we will launch X and establish Y"
        if neg and kind in ("support", "welcome", "emphasis"):
            kind = "opposition"  # "we do not support / recognise"
        return kind

    def _finish(self, found: list[_Found], sent: Sentence) -> list[Commitment]:
        text = self.text
        found.sort(key=lambda f: f.trigger_start)
        out = []
        for n, f in enumerate(found):
            end = sent.end
            for g in found[n + 1:]:
                if g.start > f.trigger_start:
                    end = min(end, g.start)
                    break
            seg = text[f.start:end]
            seg2 = re.sub(r"(?:[\s,;:—–]|\band\b|\bbut\b)+$", "", seg)
            end = f.start + len(seg2)
            if end <= f.trigger_start:
                end = min(sent.end, f.trigger_start + len(f.trigger))
            time_expr = find_time_expression(text, f.start, end)
            topic = find_topic(text, f.start, end)
            addressees: tuple[str, ...] = ()
            if f.kind in ("appeal", "instruction"):
                addressees = self._addressees(f, end)
            committers = f.committers
            if f.kind == "consultation":
                committers = self._with_parties(f, end)
            out.append(Commitment(f.start, end, f.trigger, f.trigger_start, f.kind, committers, addressees,
                                  time_expr, topic))
        return out

    def _with_parties(self, f: _Found, end: int) -> tuple[str, ...]:
        """'X convened / met with Y': the parties met with also take part in the consultation."""
        w = re.search(r"\bwith\b", self.text[f.match_end:end])
        if not w:
            return f.committers
        ids = list(f.committers)
        for m in self.mentions:
            if f.match_end + w.end() <= m.start < end:
                aid = self._party_of(m.entity)
                if aid and aid not in ids:
                    ids.append(aid)
        return self._order(ids)

    def _addressees(self, f: _Found, end: int) -> tuple[str, ...]:
        stop = end
        to = re.search(r"\bto\s+\w", self.text[f.match_end:end])
        ids: list[str] = []
        for m in self.mentions:
            if m.start < f.match_end or m.start >= stop:
                continue
            if to and m.start >= f.match_end + to.start() and ids:
                break
            aid = m.entity.actor_id
            if aid not in f.committers and aid not in ids:
                ids.append(aid)
        return tuple(ids)


def find_commitments(doc: Doc, sentences: list[Sentence], parties: list[Actor],
                     actor_mentions: list[Mention]) -> list[Commitment]:
    """Commitment clauses of one statement, in text order."""
    ex = _Extractor(doc.text, parties, actor_mentions)
    if not ex.party_ids:
        return []
    out: list[Commitment] = []
    intro: _Subj | None = None
    prev_para = None
    for sent in sentences:
        first = sent.paragraph_index != prev_para
        prev_para = sent.paragraph_index
        rows, new_intro = ex.sentence(sent, intro, first)
        out.extend(rows)
        if new_intro is not None:
            intro = new_intro
        elif first:
            intro = None
    return out
