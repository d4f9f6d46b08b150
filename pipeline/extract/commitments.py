"""Commitments: clauses in which the parties state an intention or a position.

Rule-based and single pass per sentence (see spec/ANNOTATION.md, "Commitments"). This module
holds the clause scan; each rule family has its own module:

| family | module |
|---|---|
| the trigger lexicon (data/commitment_triggers.csv), compiled into one regex | ``commitment_lexicon`` |
| word classes, the token view, the subject/predicate records | ``commitment_grammar`` |
| who speaks: collectives, runs of actor mentions, appositions, clause hosts | ``commitment_subjects`` |
| individuals: which party a named person or a leader's title speaks for | ``commitment_leaders`` |
| lists under an introducing clause, elided-subject bullets; numbered section headings | ``commitment_lists``, ``commitment_headings`` |
| kinds (modal = pledge, "agree to establish", negation, ...) and verb agreement | ``commitment_kinds`` |
| hosts of a coordinated trigger; an organisation and its executive body as one speaker | ``commitment_hosts``, ``commitment_bodies`` |

The scan (``_Extractor.sentence``):

1. The trigger lexicon finds candidate predicates left to right.
2. For each candidate the words just before it are read backwards, skipping
   auxiliaries and adverbs ("are deeply", "will also"), to decide its subject:
   - a subject pronoun at a clause start ("we", "they" = the parties, "it" =
     a forum of the parties named earlier in the sentence; "He"/"She" opening a
     sentence = the party of the person last named);
   - a collective of the parties or a run of grounded actor mentions
     (``commitment_subjects``);
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
4. List items under an introducing clause (``commitment_lists``).
5. The kind is refined by ``commitment_kinds``; spans run to the next predicate's
   subject; addressees, consultation partners, time phrase and topic are added.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.commitment_grammar import (
    ADVERBS, AUX, COORD, MODALS, NEGATION, NOUN_LIKE, NOUNISH_NEXT, PLEASED, PREPOSITIONS, RELATIVES, ZERO_THAT,
    _Found, _is_boundary_token, _Subj, _Tokens)
from pipeline.extract.commitment_agencies import agency_subject
from pipeline.extract.commitment_bodies import same_speaker
from pipeline.extract.commitment_kinds import KindRules
from pipeline.extract.commitment_leaders import appositions, leader_map
from pipeline.extract.commitment_headings import NumberedSections
from pipeline.extract.commitment_lexicon import load as load_lexicon
from pipeline.extract.commitment_lists import _BULLET_BEFORE, _ENUM, _ENUM_AT_END, _ENUM_BEFORE, ListRules, is_heading
from pipeline.extract.actors import doc_text
from pipeline.extract.commitment_subjects import SubjectRules
from pipeline.extract.parties import _groupings
from pipeline.extract.time_expressions import find_time_expression
from pipeline.extract.topics import find_topic
from pipeline.model import Actor, Commitment, Mention, Sentence

# "and intends, with X support, to continue": a verb whose complement follows a parenthetical
_PARENTHETICAL_TO = re.compile(r"\s*,[^,;:]{1,60},\s+to\s+[a-z]")
_ADJECTIVE = re.compile(r"(?:ary|ive|al|ous|ble|ic|ful|ant|(?<!m)ent)$")  # not "-ment": a noun ("environment")
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|our\b|their\b|its\b)[a-z]+")
_WE_APPOSITIVE = re.compile(r"(?:(?<![\w'’])(?:We|WE)|(?<=,\s)we)\s*,(?=\s*(?:the|as|having|being|leaders|[A-Z]))"
                            r"|(?:^|(?<=[\n.]\s))We(?=\s+the\s+(?:Leaders|Heads|Presidents|Prime|Ministers|Foreign|Governments)\b)")
_EMBEDDED_FINITE = re.compile(r"[^;:]{0,40}?\b(?:belief|conviction|view|assessment|expectation)\s+that\s+[^;:]*?\b(?:is|are|was|were|remains?|has|have)\b[^;:]*$")
@lru_cache(maxsize=1)
def _adjectival_triggers() -> frozenset[str]:
    """Participles the lexicon reads as adjectives ("are committed to", "remain resolved"): no passive."""
    out = set()
    for r in load_lexicon().rules.values():
        if r.rule == "adj":
            toks = r.pattern.split()
            tok = next((x for x in toks if x.startswith("^")), toks[0])
            out.update(w.lower() for w in tok.lstrip("^").split("|"))
    return frozenset(out)


# "delighted to (also) partner": the verb of an adjective frame; verbs of perception keep the reaction
_ADJ_INFINITIVE = re.compile(r"\s*to\s+(?:(?:also|further|jointly|once\s+again|again)\s+)?([A-Za-z]+)")
# "pleased to see X", "proud to have delivered X": a reaction to what is seen or done (the adjective's kind)
# "proud to stand with X", "honored to welcome X": the frame, not the verb, is the act (a pledge)
_ADJ_FRAME_KINDS = frozenset(("support", "welcome"))
_PERCEIVE = frozenset("see learn hear witness observe read find receive have".split())
_OPPORTUNITY = re.compile(r"(?<![\w-])(?:take|takes|took|taking|use|uses|used|seize|seized)\s+(?:this|the|that|today[’']s)\s+"
                          r"(?:[\w’'-]+\s+){0,4}?(?:as\s+(?:an?|the)\s+)?(?:[a-z]+\s+)?opportunity\s+$", re.IGNORECASE)
BE = frozenset("am is are was were be been 're ’re 'm ’m".split())
_MODAL_PASSIVE = re.compile(r"\s+(?:(?:also|further|then|not|[a-z]+ly)\s+)?be\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|held|made|given|taken|sent|done"
                            r"|built|led|set|kept|paid|known|shown|seen|chosen|drawn|written)\b")
# an item paragraph that ends like a list item ("robust information sharing;", "...; and"): more follow
_LIST_GOES_ON = re.compile(r"[;,]\s*(?:and|or)?\s*$")
# "demonstrated X in Prague, where they engaged ... and noted": a clause of another subject between
_SUBORDINATE_BETWEEN = re.compile(r"\b(?:where|which|who|whom|when|while|whereas|that|as|after|before|since|because)\b",
                                  re.IGNORECASE)
# "and pledge to work": after "and", a verb of promising with an infinitive (not "a pledge to")
_PROMISE_VERBS = frozenset("pledge pledges vow vows promise promises".split())
_DETERMINERS = frozenset("the a an any all every each their our its this these those".split())
# "will be receiving / getting from": the subject is a recipient, not a party acting
# "the representatives from the X side will be Anna Berg": who someone is, no intention
_MODAL_NAME = re.compile(r"\s+be\s+(?:[A-Z][a-z]+\.?\s+){1,3}[A-Z]")
_MODAL_RECEIVE = re.compile(r"\s+(?:also\s+)?be\s+(?:receiving|getting|obtaining|benefit+ing|given|granted)\b")
# "we see cooperation in this space as essential": "as" and a word of value within the clause
_AS_FRAME = re.compile(r"[^.;:]{1,90}?\bas\s+(?:an?\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:essential|vital|critical|crucial|key"
                       r"|important|indispensable|fundamental|central|necessary|integral|paramount|priority|priorities"
                       r"|cornerstone|pillar|foundation|opportunity|opportunities|threat|threats|partners?|model)\b")
# "are (currently) in (close) discussion(s) / talks": the "in" before a noun of talks, after a form of "be"
_IN_TALKS = re.compile(r"\b(?:is|are|was|were|been|remain|remains|remained)\s+(?:[a-z]+ly\s+)?in\s+"
                       r"(?:(?:close|active|ongoing|advanced|further|intensive|regular|continued)\s+)?$")
# a connective phrase opening the sentence without a comma: "In this regard we", "To that end they"
_OPENING_PP = re.compile(r"(?:(?:In|On|To|At|For)\s+(?:this|that|these|the\s+same)\s+(?:[a-z]+(?:al|ic|ous|ant|ent)\s+)?(?:regard|context|connection|respect|spirit"
                         r"|vein|light|sense|end|basis|occasion|note|direction|framework|reason)|In\s+(?:addition|particular"
                         r"|turn|parallel|response|short|sum)|At\s+the\s+same\s+time|For\s+(?:our|their)\s+part)\s+")
# ", in cooperation with X," between a subject and its predicate
_WITH_PARENTHETICAL = re.compile(r",\s*(?:in\s+(?:close\s+)?(?:cooperation|coordination|partnership|consultation|collaboration)"
                                 r"|together|jointly|along)\s+with\s+[^,;:]{1,60},$")
# what a commitment's span does not end with: spaces, separators, a dangling "and" / "but"
_TRAILING = re.compile(r"(?:[\s,;:—–]|\band\b|\bbut\b)+$")
_NO_TRAILING = frozenset(".!?)]\"'”’")
_MEETING_OBJECT = re.compile(r"\s+(?:(?:the|a|an|their|its|our)\s+)?(?:[\w-]+\s+){0,4}?"
                             r"(?:meeting|meetings|summit|talks|dialogue|consultations|visit|session|call)\b")


class _Extractor(SubjectRules, ListRules, KindRules):
    def __init__(self, text: str, parties: list[Actor], mentions: list[Mention], title: str | None = None,
                 date=None):
        self.text = text
        self.lex = load_lexicon()
        seen = []
        for a in parties:
            if a.actor_id not in seen:
                seen.append(a.actor_id)
        self.party_ids = tuple(seen)
        self.party_set = frozenset(seen)
        self.same_speaker = same_speaker(self.party_set)  # "the EU" where its Commission is the party, and back
        self.mentions = sorted((m for m in mentions if isinstance(m.entity, Actor)),
                               key=lambda m: (m.start, -m.end))
        self.person_party, self.title_party = leader_map(text, parties, self.mentions, title, date)
        self.appositions = appositions(text, self.mentions)
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
        self.absorbed: set[int] = set()  # modals that an "agree that" pledge carries (no row of their own)
        self.lead: _Subj | None = None
        self.groupings = _groupings()

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
        # "...; 2. Support X": an item numbered inline, its number left at the end of the previous sentence
        inline = None if em else _ENUM_BEFORE.search(text, max(0, sent.start - 16), sent.start)
        if list_intro is not None and list_intro.committers and (first_in_para or em or inline):
            is_item = self._item(tokens, floor, body_start, sent, list_intro, stack, found)
        # "Recognizing X, we will ...": a gerund that opens a sentence with its own subject is no item
        item_gerund = found[-1] if is_item and found[-1].trigger.lower().endswith("ing") and found[-1].rule != "heading" else None
        item_subj = stack[-1] if is_item else None
        item_at = found[-1].trigger_start if is_item else -1  # "FURTHER PROMOTE": the verb after an adverb
        own_subject = False
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
            first_word = re.match(r"[\w'’]+(?:-\w+)*", m.group(0)).group(0).lower()
            form = self.lex.form_of.get(first_word, "base")
            if is_item and m.start() in (body_start, item_at):
                continue
            if rule.rule == "report" and form != "past":
                continue  # "considered X", "focused on X": a report of the meeting only in the past tense
            if rule.rule == "progressive" and form != "ing":
                continue  # "work", "expand": a trigger only as a progressive (checked below)
            after = text[m.end():sent.end]
            nxt = re.match(r"\s*([\w'’]+|[^\w\s])", after)
            nxt_w = nxt.group(1).lower() if nxt else ""
            if rule.pattern.startswith("task") and nxt_w == "force":
                continue
            if rule.pattern == "form" and nxt_w == "of":
                continue
            if first_word in ("value", "values") and nxt_w in ("chain", "chains", "added"):
                continue  # "value chains": a noun
            if first_word in ZERO_THAT and nxt_w in ("we", "they"):
                continue  # "pleased to announce we will co-host": the clause after it decides
            if first_word.startswith("hail") and nxt_w == "from":
                continue  # "hails from": an origin
            if rule.rule == "as_frame" and not _AS_FRAME.match(after):
                continue  # "see", "view": a position only as "see X as essential"
            if rule.pattern == "continue" and form == "past":
                continue  # "pledged continued support": not an intention
            adj_pledge = pair_host = False
            if first_word == "proud" and nxt_w not in ("of", "to", "that"):
                continue  # "are proud partners in X": an attributive adjective, no reaction
            if rule.rule == "adj" and first_word in PLEASED and nxt_w == "to":
                vm = _ADJ_INFINITIVE.match(after)
                nv = self._item_trigger(m.end() + vm.start(1), sent.end) if vm else None
                if vm is None or (nv and vm.group(1).lower() not in _PERCEIVE
                                  and self.lex.rules[nv.lastgroup].kind not in _ADJ_FRAME_KINDS):
                    continue  # "pleased to announce": the next verb decides
                # "delighted to partner": an adjective frame with an infinitive is a pledge;
                # "pleased to see X": a reaction, the adjective's own kind
                adj_pledge = vm.group(1).lower() not in _PERCEIVE
            # read the left context backwards
            k = tokens.last_before(m.start())
            if rule.rule == "in_talks":
                # "are (currently) in discussion to finalize X": the predicate is "be in talks"
                im = _IN_TALKS.search(text, max(sent.start, m.start() - 40), m.start())
                if im is None:
                    continue
                k = tokens.last_before(im.start())
            aux = neg = be_aux = framed = False
            while k >= floor:
                w = tokens.low[k]
                if w in AUX:
                    aux = True
                    be_aux = be_aux or w in BE
                elif w in ADVERBS and not (w == "both" and _is_boundary_token(tokens, k - 1, floor) == "main"
                                           and len(self.party_ids) == 2):
                    pass  # ("Both look forward": the subject, see _collective_subject)
                elif w in NEGATION:
                    neg = True
                elif w == "more" and "than ever" in rule.pattern:
                    pass  # "are more prepared than ever to": the comparative of an adjective frame
                elif w == "to" and k - 1 >= floor and tokens.low[k - 1] in PLEASED:
                    if rule.kind in _ADJ_FRAME_KINDS and first_word not in _PERCEIVE:
                        framed = True  # "proud to stand with": the adjective's pledge row holds it
                    k -= 1
                    aux = True
                elif w == "to" and k - 2 >= floor and tokens.low[k - 1] == "opportunity" and \
                        (om := _OPPORTUNITY.search(text, max(tokens.spans[floor][0], tokens.spans[k][0] - 50),
                                                   tokens.spans[k][0])):
                    # "We take this opportunity to reaffirm": the verb after it is the predicate
                    k = tokens.first_from(om.start())
                    aux = True
                elif w == "," and k - 2 >= floor and tokens.low[k - 1] in ADVERBS and tokens.low[k - 2] == ",":
                    k -= 2
                elif w == "," and (pm := _WITH_PARENTHETICAL.search(text, max(tokens.spans[floor][0], m.start() - 120),
                                                                    tokens.spans[k][1])):
                    # "Norvia, in cooperation with Selda, will": the subject before the parenthetical
                    k = tokens.last_before(pm.start()) + 1
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
            if framed:
                continue
            coord_start = tokens.spans[k + 1][0] if k + 1 < len(tokens.spans) else m.start()
            if form == "ing" and not aux:
                continue  # participle: "Recognising ...", "..., focusing on"
            if rule.pattern == "continue" and form == "ing" and not be_aux:
                continue  # "continuing efforts": only "we are continuing our work" is an intention
            if rule.rule == "report" and (aux or tokens.low[k] == ","):
                continue  # "remains focused on X", "task forces, focused on X": a state or a participle, no report
            if rule.rule == "progressive" and not (form == "ing" and be_aux):
                continue  # "work", "expand": a trigger only as a progressive ("we are partnering to")
            if form == "past" and aux and nxt_w == "by" and m.end() == trig_start + len(trig):
                continue  # passive: "was supported by" ("have finalized commitments by X": the noun's)
            if form == "past" and be_aux and first_word not in _adjectival_triggers():
                continue  # passive without a party as agent: "the group is tasked to", "X was launched"
            if rule.rule == "modal" and (_MODAL_PASSIVE.match(after) or _MODAL_RECEIVE.match(after)
                                         or _MODAL_NAME.match(after)):
                continue  # "The Task Force will be chaired by ...", "X will be receiving": no intention of its subject
            if trig_start in self.absorbed:
                continue  # "agreed that we all must ...": the modal of an "agree that" pledge
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
            elif (prev == "the" and k == floor and form == "past" and tokens.low[k + 1] in ("also", "jointly", "further")
                  and nxt_w in _DETERMINERS and self.last_plural):
                # "The also emphasized the importance": a slip for "They" (an article before an adverb and a verb)
                subj = _Subj(self.last_plural, "pl", tokens.spans[k][0])
            elif prev == "our" and rule.rule == "aim" and _is_boundary_token(tokens, k - 1, floor) == "main":
                subj = _Subj(self.party_ids, "1pl", tokens.spans[k][0])  # "Our aim remains to": the speakers'
            elif prev in ("we", "they", "it", "us"):
                status = _is_boundary_token(tokens, k - 1, floor)
                if status != "main" and prev in ("we", "they") and (
                        _OPENING_PP.fullmatch(text, tokens.spans[floor][0], tokens.spans[k][0])
                        or self._party_run_before(tokens, k, floor)):
                    status = "main"  # "In this regard we ...", "the United States and Colombia we committed"
                if status != "main" and prev in ("we", "they") and k - 2 >= floor and (
                        (tokens.low[k - 1] in ZERO_THAT and (tokens.low[k - 2] == "to" or tokens.low[k - 2] in (
                            "we", "they") and _is_boundary_token(tokens, k - 3, floor) == "main"))
                        or (tokens.low[k - 1] == "why" and tokens.low[k - 2] in ("is", "was"))):
                    status = "main"  # "we know we must ...", "which is why we commit to ...": the clause stands
                if status != "main" and prev in ("we", "they") and found and k - 2 >= floor \
                        and tokens.low[k - 1] == "where" and tokens.low[k - 2] == ",":
                    status = "main"  # "X and Y held talks in Z, where they reaffirmed": what the parties did there
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
            elif prev == "," and (adj := self._adjunct_subject(tokens, k, floor)) is not None:
                subj = adj  # "X and Y, consistent with their procedures, will": the adjunct is no subject
            elif prev in COORD:
                if rule.rule == "own_subject":
                    continue  # "to bolster X and defend Y": a coordinated infinitive, not the parties' position
                if (form in ("base", "3sg") and nxt_w in NOUNISH_NEXT and rule.rule != "modal"
                        and not (nxt_w == "to" and first_word not in NOUN_LIKE)
                        and not (prev == "and" and first_word in _PROMISE_VERBS and _INFINITIVE.match(after.lstrip()))
                        and not (" " in m.group(0) and first_word not in NOUN_LIKE  # "and echo X's calls for": the noun's
                                 and nxt_w in ("for", "of", "from", "to"))
                        and not (nxt_w == ":" and m.group(0).lower().endswith(" to"))  # ", commit to:"
                        and not _PARENTHETICAL_TO.match(after)):
                    continue  # "..., support for X": a noun ("and intend to" is a verb)
                if form == "past" and nxt_w == "by":
                    continue  # "..., supported by X": a participle
                if (prev == "and" and form == "past" and k - 2 >= floor and tokens.low[k - 2] in BE
                        and (tokens.low[k - 1].endswith("ed") or self.lex.form_of.get(tokens.low[k - 1]) == "past")):
                    continue  # "agreements that have been negotiated and signed with X": one passive
                bare_comma = prev == "," and not aux
                if (bare_comma and form == "past" and nxt_w in PREPOSITIONS
                        and not (we and not found and len(stack) == 1 and stack[0].start == we.start())):
                    continue  # "the Agreement ..., signed in 1993"
                if (prev == "and" and form == "past" and k - 1 >= floor
                        and _ADJECTIVE.search(tokens.low[k - 1]) and nxt_w not in _DETERMINERS
                        and not text[tokens.spans[k - 1][0]].isupper()):  # "the Pacific and underscored": a name
                    continue  # "voluntary and mutually agreed terms"
                host = None
                # subjects of earlier clauses, with a predicate that is no trigger ("X has achieved
                # progress and intends to ...") among them
                hosts = stack + [a for a in aux_subjects if a.start < coord_start and a not in stack
                                 and not any(x.start == a.start for x in stack)
                                 and (not a.weak or prev == "and" and not _SUBORDINATE_BETWEEN.search(
                                     text, -2 - a.last_end, coord_start))]
                hosts.sort(key=lambda x: x.start)
                cands = [s for s in reversed(hosts) if self._agrees(form, rule.rule, s)]
                host = cands[0] if cands else None
                if (form == "past" and host is not None and host.committers is None and not host.past
                        and (host.last_end <= -2 or host.modal)):
                    # "The US noted that the MAF has X and thanked Mongolia": the reported clause's
                    # present-tense subject is no host of a past verb; the reporting party's is (so for "resolved
                    # that X must abide by Y and underscored Z": a modal subject)
                    host = next((s for s in cands[1:] if s.committers and (s.past or host.modal)), host)
                if (form == "base" and host is not None and host.committers is None and host.modal and prev == "and"
                        and k - 1 >= floor and tokens.low[k - 1] == ","
                        and not re.match(r"(?:which|who|that)\b", text[host.start:host.start + 6], re.IGNORECASE)):
                    # "X and Y underscore that the war must end, and fully endorse Z": after ", and" the
                    # reporting parties' present-tense predicate, not the reported clause's modal (a relative
                    # clause's verbs stay its own: "X, which will expand A, train B, and create C")
                    host = next((s for s in cands[1:] if s.committers and s.number in ("1pl", "pl") and not s.past), host)
                if host is None and form == "base" and prev == "and" and (
                        (nxt_w in _DETERMINERS or " " in m.group(0)) and rule.kind in ("support", "appeal", "welcome", "opposition", "concern", "emphasis")
                        or rule.kind == "pledge" and rule.rule != "modal" and (nxt_w == "to" or rule.rule == "complement")):
                    # "applauded X and look forward to Y", "supported X and intend to establish Y": the same slip
                    # "They noted with concern X and support any effort": a tense slip after a past predicate
                    host = next((s for s in reversed(hosts) if s.committers and s.past and s.number in ("1pl", "pl")
                                 and s.last_end >= 0), None)
                if host is None or host.committers is None:
                    continue
                if (form == "base" and rule.kind in ("pledge", "consultation") and rule.rule != "modal"
                        and first_word not in _PROMISE_VERBS and found and found[-1].kind in ("appeal", "instruction")
                        and found[-1].committers == host.committers and host.last_end == found[-1].match_end
                        and _INFINITIVE.search(text, host.last_end, m.start())):
                    continue  # "call on X to reverse A and seek B": the addressee's infinitives go on
                if host.last_end <= -2 and form != "past" and _INFINITIVE.search(text, -2 - host.last_end, m.start()):
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
                # "Advisors A, B, and C expressed": a plural title before the holders' names
                subj, status = (self._titled_names_subject(tokens, k, floor), "main") \
                    if text[tokens.spans[k][0]].isupper() else (None, "")
                if subj is None:
                    subj, status = self._collective_subject(tokens, k, floor)
                if subj is None and status == "" and text[tokens.spans[k][0]].isupper():
                    subj, status = self._named_body_subject(tokens, k, floor)
                if subj is None and status not in ("sub",):
                    subj, status = self._run_subject(tokens, k, floor)
                if (subj is None or subj.committers is None) and status in ("", "nonparty") \
                        and text[tokens.spans[k][0]].isupper():
                    # "the Seldan Minister of Foreign Affairs and the Norvian Secretary of State intend"
                    office, ostatus = self._office_holders_subject(tokens, k, floor)
                    if office is not None:
                        subj, status = office, ostatus
                if (subj is None or subj.committers is None) and status in ("", "nonparty") \
                        and (text[tokens.spans[k][0]].isupper() or tokens.low[k] == ")"):
                    # "The Norvian Coast Guard plans to": an agency speaks for its state
                    agency = agency_subject(self, tokens, k, floor)
                    if agency is not None:
                        subj, status = agency, "main"
                if status == "sub":
                    continue
                if (subj is not None and subj.committers is None and status == "nonparty"
                        and (rule.rule == "host" or "welcome" in rule.first_lemmas)
                        and self._unresolved_pair(tokens.spans[k][1], m.end(), sent.end)):
                    subj = _Subj(self.party_ids, "3sg", subj.start)
                    pair_host = True
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
            if adj_pledge:
                kind = "pledge"
            committers = subj.committers
            if rule.rule == "host" or (kind == "welcome" and "welcome" in rule.first_lemmas):
                # "President X hosted / welcomed the Prime Minister of Y": a report of the meeting
                guests = tuple(g for g in self._guests(m.end(), sent.end) if g not in committers)
                if not guests and len(self.party_ids) == 2 and len(committers) == 1 \
                        and committers[0] in self.party_set and self._unknown_guest(m.end(), sent.end) is not None:
                    # "Vice President A (of Norvia) welcomed Prime Minister B": a guest of unknown party in
                    # a two-party statement is the other party's
                    guests = (next(p for p in self.party_ids if p != committers[0]),)
                if pair_host:
                    kind = "consultation"
                elif guests:  # "X hosted A's Advisor Y and B's Advisor Z": every party met
                    kind, committers = "consultation", self._order(committers + guests)
                elif rule.rule == "host" and not _MEETING_OBJECT.match(text, m.end(), sent.end):
                    continue
            subj.last_end = m.end()
            if subj is not item_subj:
                own_subject = True
            found.append(_Found(span_start if span_start is not None else subj.start, trig, trig_start, m.end(),
                                kind, committers, rule.rule))
        if item_gerund is not None and own_subject:
            found.remove(item_gerund)

        self._inline_items(sent, found)  # "will seek to: promote X; strengthen Y; and enhance Z."
        # a sentence ending in ":" with a party subject introduces list items
        intro, found = self._list_intro(sent, body_start, stack, found, is_item, list_intro)
        if not em and not (bullet and is_item):  # the lead-in of a bulleted list whose items may elide its subject
            self.lead = next((x for x in reversed(stack) if x.committers), None)
        return self._finish(found, sent), intro

    def _party_run_before(self, tokens: _Tokens, k: int, floor: int) -> bool:
        """"..., the United States and Colombia we committed": a resumptive pronoun after the parties named
        as the clause's subject (a run of party mentions that is a main-clause subject)."""
        if k - 1 < floor or self.by_end.get(tokens.spans[k - 1][1]) is None:
            return False
        subj, status = self._run_subject(tokens, k - 1, floor)
        return status == "main" and subj is not None and subj.committers is not None and len(subj.committers) > 1

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
            if end == sent.end:
                seg = _ENUM_AT_END.sub("", seg)  # "...; 2." : the next item's number
            # a segment ending in a letter or digit other than "d" ("and") or "t" ("but"), or in ".", ")" or a
            # quote, has nothing to strip (most of them: the pattern is not run)
            last = seg[-1:]
            seg2 = seg if last and (last.isalnum() and last not in "dt" or last in _NO_TRAILING) \
                else _TRAILING.sub("", seg)
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
                     actor_mentions: list[Mention], title: str | None = None, date=None) -> list[Commitment]:
    """Commitment clauses of one statement, in text order (``title``: the statement's title, which may say whose
    leader a person named in the text is; ``date``: against it a leader named by surname is looked up in office terms)."""
    ex = _Extractor(doc_text(doc), parties, actor_mentions, title, date)  # cached: spaCy rebuilds doc.text per access
    if not ex.party_ids:
        return []
    out: list[Commitment] = []
    intro: _Subj | None = None
    prev_para, sections = None, NumberedSections(ex.text)  # numbered headings as items (commitment_headings)
    for sent in sentences:
        first, prev_para = sent.paragraph_index != prev_para, sent.paragraph_index
        rows, new_intro = ex.sentence(sent, used := sections.intro_for(sent, first) or intro, first)
        new_intro = None if sections.seen(sent, first, used, rows) else new_intro  # a section body is no item
        out.extend(rows)
        if new_intro is not None:
            intro = new_intro
        elif first and not _LIST_GOES_ON.search(ex.text, sent.start, sent.end) \
                and not (intro is not None and not rows and is_heading(ex.text, sent.start, sent.end)):
            intro = None  # a paragraph that is no item ends the list, unless it ends in "; (and)" or is a heading
    return out
