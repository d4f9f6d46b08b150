"""Shared grammar of the commitment rules: word classes, the token view of a sentence, and the
records the rule families pass to each other (a subject, a found predicate).

Word classes here are closed grammatical classes of English (auxiliaries, modals, subordinators,
prepositions), not lexicon entries: the triggers themselves are data
(data/commitment_triggers.csv, compiled by ``commitment_lexicon``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.actor_lexicon import read_data

_TOK = re.compile(r"\w+(?:[.\-]\w+)*|['’]\w+|[^\w\s]")

AUX = frozenset("""am is are was were be been 're ’re 'm ’m have has had 've ’ve do does did
remain remains remained stand stands stood""".split())
ADVERBS = frozenset("""also then further furthermore strongly deeply fully firmly jointly together hereby again once
still therefore thus today now all both each collectively warmly sincerely gravely seriously greatly
particularly especially highly very equally truly unequivocally categorically resolutely steadfastly
wholeheartedly unwaveringly actively closely always ever respectively likewise similarly additionally
moreover formally officially publicly readily consistently fundamentally profoundly immensely sharply
emphatically explicitly expressly duly swiftly urgently hence accordingly firmly unanimously mutually
too individually separately recently previously already consequently""".split())
# manner adverbs between a modal and its verb ("will promptly finalize"): a word list (round 9)
ADVERBS = ADVERBS | frozenset(r["adverb"] for r in read_data("commitment_adverbs.csv"))
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
NOUNISH_NEXT = frozenset("for of and or from among between , . ; : ) to".split())
# trigger words that are also common nouns ("our support for", "a call for")
NOUN_LIKE = frozenset("""support supports pledge pledges plan plans aim aims call calls note notes request requests
welcome concern concerns regret regrets promise promises vow vows stress mandate mandates appeal appeals
launch adopt sign task tasks form forms back meet thanks review reviews value values""".split())
PREPOSITIONS = frozenset("in on at by under with during since from into within between among".split())
# verbs of a non-party subject whose "that" clause states a need, not the parties' position
# "We know we must ...", "pleased to announce we will ...": a verb of knowing or telling whose
# clause drops "that"; the clause's own subject and verb are the parties' commitment
ZERO_THAT = frozenset("know knew think thought trust announce announced".split())
_NECESSITY_VERBS = frozenset("demands demanded requires required necessitates necessitated dictates dictated "
                             "means meant implies implied".split())


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
    weak: bool = False  # subject of an "-ed" verb that is no trigger: hosts a trigger after "and" only


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
        ms = list(_TOK.finditer(text, start, end))
        self.spans = [m.span() for m in ms]
        self.low = [m.group().lower() for m in ms]
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


# a time phrase opening the sentence without a comma: "This year our countries will", "In 2025 the leaders will"
_OPENING_TIME = re.compile(r"(?:(?:This|Next|Last|Later\s+this|Earlier\s+this|Each|Every)\s+(?:year|month|week|spring|summer|autumn"
                           r"|fall|winter|decade)|Today|Tonight|Tomorrow|Yesterday|Earlier\s+today|Later\s+today"
                           r"|(?:In|By|Since|Until|Through)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d"
                           r"|(?:In|Over|During)\s+the\s+(?:coming|next|past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades?))")


# "In space", "In our industrial sectors", "Across borders": a prepositional phrase of lower-case words that opens
# the sentence (round 12); "In order that", "In ways that": no such phrase
_OPENING_FIELD = re.compile(r"(?:In|Across|Within|Beyond)\s+(?!(?:the|an?|this|these|those|order|case|which|that|what|ways?|turn|addition)\b)"
                            r"(?:our\s+)?(?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*")  # not "In the areas we welcomed": a relative


def _is_boundary_token(tokens: _Tokens, k: int, floor: int) -> str:
    """'main' if a clause subject may start right after token k, 'sub' after a subordinator, else ''."""
    if k < floor:
        return "main"
    w = tokens.low[k]
    if w in ("while", "whereas") and k - 1 >= floor and tokens.low[k - 1] == ",":
        return "main"  # "X will build roads, while Y will build ports": a contrast between two main clauses
    if w in SUBORDINATORS:
        return "sub"
    if w == "that" and k - 1 >= floor and tokens.low[k - 1] in _NECESSITY_VERBS:
        return "sub"  # "this situation demands that the two countries continue to ...": not their own words
    if not w[0].isalnum() and w not in (")", "’", "'"):
        return "main"
    if w in BOUNDARY or w.isdigit():
        return "main"
    if _OPENING_TIME.fullmatch(tokens.text, tokens.spans[floor][0], tokens.spans[k][1]):
        return "main"  # "This year our countries will": an opening time phrase without a comma
    if _OPENING_FIELD.fullmatch(tokens.text, tokens.spans[floor][0], tokens.spans[k][1]):
        return "main"  # "In space we will": a short opening phrase of the field, without a comma
    return ""

