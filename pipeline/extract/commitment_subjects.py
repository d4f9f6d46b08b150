"""Who speaks: the subject of a predicate, read backwards from it.

- a collective of the parties ("Both sides", "The two leaders", "our Foreign Ministers",
  "Officials from both governments", "the trilateral committee", "the three NSAs"), members
  ("Members will", "Initiative participants affirmed"; not "the founding members") and bodies
  of the parties ("the Joint Task Force", "the working group"): ``_collective_subject``;
- a run of grounded actor mentions ("The United States, Mexico, and Canada", "The Chinese side",
  "President X and President Y", "the leaders of the GCC member states"): ``_run_subject``;
- office holders: a capitalised plural office title ("The National Security Advisors"), a plural
  title with the holders' names ("Advisors A, B, and C": ``_titled_names_subject``), or holders named
  by state and office without a name ("the Seldan Minister of X and the Norvian Secretary of State":
  ``_office_holders_subject``);
- a named person in apposition ("the President of X, Y Z, welcomed"), or a name followed by its
  title of a state in commas ("Y Z, Minister of Foreign Affairs of X, signed"): ``_apposed_subject``;
- subjects of clauses whose predicate is no trigger ("Ukraine has achieved progress ... and
  intends to"), hosts for a coordinated trigger: ``_aux_subjects``;
- a party leader's bare title ("the President", "the Taoiseach") as a mention of its party:
  ``_title_mentions``; persons are mapped to parties by ``commitment_leaders``.
"""
from __future__ import annotations

import re

from pipeline.extract.commitment_adjuncts import adjunct_comma
from pipeline.extract.commitment_grammar import (
    AUX,
    MODALS,
    _is_boundary_token,
    _Subj,
    _Tokens,
)
from pipeline.extract.commitment_hosts import HostRules
from pipeline.extract.commitment_leaders import HONORIFIC_RE, MONARCH_HONORIFICS, _norm_title, _title_regexes
from pipeline.extract.titles import _offices
from pipeline.model import Actor, Mention

RUN_CONNECTORS = frozenset("""and the both of , ( ) “ ” " ' ’ ‘ government governments""".split())
HEAD_NOUNS = frozenset("""side sides government governments delegation delegations officials leaders
leader authorities administration ministers minister team teams representatives negotiators
president presidents envoy envoys ambassador ambassadors""".split())
PLURAL_HEADS = frozenset("sides governments delegations officials leaders authorities ministers teams "
                         "representatives negotiators presidents envoys ambassadors counterparts".split())
# words that end a run of modifiers before a head noun ("officials of X" after a verb is no subject)
_NOT_MODIFIERS = AUX | MODALS | frozenset("and or that which who with by to for in on at as we they it he she us".split())
MEMBER_WORDS = frozenset("member members states countries nations".split())
_COLLECTIVE = re.compile(
    r"(?:(?P<det>the|our|both|all|each|these|their|this)\s+)?"
    r"(?P<num>(?:(?:two|three|four|five|six|seven|eight|nine|ten|both|respective)\s+))?"
    r"(?P<mods>(?:[a-z][\w-]*\s+(?:and\s+)?){0,3}?)"
    r"(?P<head>sides|side|leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|governments"
    r"|government|administrations|countries|country|nations|nation|parties|participants|presidents|prime\s+ministers"
    r"|ministers|officials|authorities|delegations|experts|representatives|committee|task\s+force|co-chairs"
    r"|members|taskforce|working\s+groups?|sub-?committee|steering\s+(?:group|committee)|expert\s+group|teams|committees"
    r"|advis[eo]rs|nsas|secretaries|envoys|ambassadors|chairs|negotiators|sherpas|deputies|counterparts"
    r"|grouping(?:\s+of\s+(?:countries|nations|states))?)"
    r"(?P<from>\s+(?:from|of)\s+(?:both|the\s+two|the\s+three|the\s+four|our|all\s+(?:three|four))"
    r"\s+(?:governments|countries|sides|nations|parties))?$"
)
# a conjunction or subordinator is no modifier of a collective ("..., and our nations will"); "that" stays in
# the phrase, so a reported clause ("announce that our leaders will", "noted that the two sides plan") makes no
# row of its own: the reporting predicate carries it
_CLAUSE_WORD = re.compile(r"(?:and|or|but|nor|yet|so|then|which|while|as|because|since|when|where)\s")
# "the United States and like-minded partners": unnamed others beside a party (not parties themselves)
_PARTNER_WORDS = frozenset("partners allies".split())
_PARTNER_MODS = frozenset("other like-minded international key regional global its their our".split())
# "the U.S.-EU Task Force on Energy Security": a named body (head, then "on/for" and a title-case topic)
_NAMED_BODY = re.compile(r"(?:(?<=\s)|^)(?:[Tt]he|[Oo]ur)\s+(?:[A-Z][\w.’'-]*\s+){0,4}?(?:Joint\s+)?(?:Task\s*[Ff]orce|Working\s+Group"
                         r"|Steering\s+(?:Group|Committee)|(?:Joint|Bilateral|Trilateral|Coordinating|Coordination)\s+Committee"
                         r"|Sub-?[Cc]ommittee|Expert\s+Group)\s+(?:on|for)\s+(?:the\s+)?"
                         r"[A-Z][\w-]*(?:\s+(?:(?:and|of|the|on|for|in|to|&)\s+)*[A-Z][\w-]*){0,5}$")
# between two guests: "hosted X and Y", "X, Y, and Z" (a parenthetical "(virtually)" allowed)
_GUEST_SEP = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
# a word of a guest's title ("Homeland Security Advisor Dr.", "Security and Intelligence Advisor")
_GUEST_TITLE_WORD = re.compile(r"\s+(?:(?:and|of|for)\s+)?([A-Z][\w.-]*)")
_ARTICLE_IN_MODS = re.compile(r"(?:^|(?<!of)\s)(?:the|a|an|our|their|its|this|these|those)\s")
# "Both look forward to", "All three agreed": a collective without its head noun (the number must be the parties')
_BARE_ALL = re.compile(r"(?:^|(?<=[\s(\"“]))(both|all\s+(two|three|four|five|six|seven|eight|nine|ten))$")
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
_THE_HEADS = frozenset("leaders parties participants presidents prime ministers heads of state co-chairs sides "
                       "officials delegations representatives members counterparts".split())
_THE_STATES = frozenset("countries nations governments".split())
_BLOCK_MODS = frozenset("""other some many several partner like-minded local provincial regional member
foreign third neighbouring neighboring allied developing european african asian western donor""".split())
# a body of the parties ("the Joint Task Force will", "the working group will"): ANNOTATION.md, members and
# sub-bodies; it speaks for all the parties
SUB_BODIES = frozenset(("committee", "task force", "taskforce", "working group", "subcommittee", "sub-committee",
                        "steering group", "steering committee", "expert group"))
# "Members will", "Initiative participants affirmed": all the parties; "the founding members", "new
# members": only some of them (not resolved: no row)
MEMBER_HEADS = frozenset(("members", "participants"))
_PLURAL_BODIES = frozenset(("working groups", "teams", "committees"))  # round 12: only as "our ..."
_SOME_MEMBERS = frozenset("""founding new existing original previous previously participating current incoming
outgoing acceding observer associate prospective remaining""".split())

# words of a parenthetical that only gives a party's short names ("(United States, or U.S.)", "(hereinafter 'X')")
_PAREN_WORDS = frozenset("or and the hereinafter collectively together jointly referred to as".split())
_CAPITALISED_WORD = re.compile(r"\s+([A-Z][\w.-]*)")
# plural heads of the offices the parties' envoys hold: "The National Security Advisors", "the Foreign
# Ministers" (capitalised, a title) speak for all the parties met
OFFICE_PLURALS = frozenset("advisors advisers ministers secretaries envoys ambassadors sherpas negotiators "
                           "deputies nsas chancellors premiers presidents".split())
# "National Security Advisors A, B, and C expressed": a plural title and the office holders' names
_TITLED_NAMES = re.compile(r"(?:(?<=[\s(])|^)((?:[A-Z][\w-]*\s+){0,3}?(?:Advis[eo]rs|Ministers|Secretaries|Presidents"
                           r"|Envoys|Ambassadors|Chancellors|Premiers|Leaders|NSAs))\s+"
                           r"((?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+"
                           r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s*$")
_OFFICE_JOINERS = frozenset("the of for and on , to .".split())  # "." of "U.S."
_NAME_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


class SubjectRules(HostRules):
    """Mixin of the extractor: subject resolution."""

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
        found = [(tm.start(1), tm.end(1), tm.group(1)) for tm in _title_regexes()[2].finditer(text)]
        if any(h in self.title_party for h in MONARCH_HONORIFICS):
            found += [(hm.start(), hm.end(), hm.group(0)) for hm in HONORIFIC_RE.finditer(text)]
        for s, e, title in found:
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
                pid = self.title_party.get(_norm_title(title))
            if pid is None or pid not in by_id:
                continue
            out.append(Mention(s, e, by_id[pid]))
        return out

    def _guests(self, pos: int, end: int) -> list[str]:
        """The parties of the guests right after ``pos``: "hosted A's Advisor X and B's Advisor Y" (see ``_guest``)."""
        out: list[str] = []
        for _ in range(6):
            got = self._guest_mention(pos, end)
            if got is None:
                break
            party, mention = got
            if party is None:
                break
            out.append(party)
            sep = _GUEST_SEP.match(self.text, mention.end, end)
            if sep is None:
                break
            pos = sep.end() - 1
        return out

    def _guest(self, pos: int, end: int) -> str | None:
        got = self._guest_mention(pos, end)
        return got[0] if got is not None else None

    def _guest_mention(self, pos: int, end: int) -> tuple[str | None, Mention] | None:
        """The party whose leader (or the party itself) is the object right after ``pos``
        ("hosted Taoiseach X", "welcomed the Prime Minister of Y, X,"), not a possessive; with its mention."""
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
            # "hosted Mexican President X", "hosted Norwegian National Security Advisor X": a demonym
            # and a title (known or capitalised words) before the guest's name
            tm2 = _title_regexes()[2].match(self.text, cand.end + 1, end) if self.text[cand.end:cand.end + 1] == " " else None
            if tm2:
                sp = re.match(r"\s+", self.text[tm2.end():end])
                nxt_m = self.starts.get(tm2.end() + sp.end()) if sp else None
                if nxt_m is not None and nxt_m.entity.actor_type == "person":
                    cand = nxt_m
            q2 = cand.end
            poss = re.match(r"[’']s?(?=\s)", self.text[q2:q2 + 3])
            if poss:
                q2 += poss.end()  # "Canada’s National Security Advisor X", "the United States’ Advisor X"
            for _ in range(8):
                if cand.entity.actor_type != "state":
                    break
                cap = _GUEST_TITLE_WORD.match(self.text, q2, end)
                if cap is None:
                    break
                nxt_m = self.starts.get(cap.start(1))
                if nxt_m is not None and nxt_m.entity.actor_type == "person":
                    cand = nxt_m
                q2 = cap.end()
        if cand is None or re.match(r"[’']s\b", self.text[cand.end:cand.end + 3]):
            return None
        if cand.entity.actor_type != "person" and cand.start not in self.title_starts:
            return None  # "welcomed Finland's accession": a leader is the guest, not a state
        return self._party_of(cand.entity), cand

    def _unresolved_pair(self, subj_end: int, pos: int, end: int) -> bool:
        """"Vice President A welcomed Prime Minister B to X": in a two-party statement, a person whose
        party is unknown hosting another such person; the meeting is then both parties' whoever is who."""
        if len(self.party_ids) != 2:
            return False
        host = self.by_end.get(subj_end)
        if host is None or host.entity.actor_type != "person" or self._party_of(host.entity) is not None:
            return False
        guest = self._unknown_guest(pos, end)
        return guest is not None and guest.entity.actor_id != host.entity.actor_id

    def _unknown_guest(self, pos: int, end: int) -> Mention | None:
        """The person named (after title words) right after ``pos`` when its party is unknown and it is
        not a possessive ("welcomed President X's initiative": no guest)."""
        q = pos
        for _ in range(5):  # title words before the guest's name
            nxt = self.starts.get(q + 1) if self.text[q:q + 1] == " " else None
            if nxt is not None and nxt.entity.actor_type == "person":
                if re.match(r"[’']s\b", self.text[nxt.end:nxt.end + 3]) or self._party_of(nxt.entity) is not None:
                    return None
                return nxt
            cap = _CAPITALISED_WORD.match(self.text, q, end)
            if cap is None:
                return None
            q = cap.end()
        return None

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
        if ent.actor_id in self.same_speaker:
            return self.same_speaker[ent.actor_id]
        if ent.actor_type == "person":
            if ent.country in self.party_set:
                return ent.country
            return self.person_party.get(ent.actor_id)
        return None
    # ---- subjects -------------------------------------------------------
    def _adjunct_subject(self, tokens: _Tokens, k: int, floor: int) -> _Subj | None:
        """The party subject before a hedging adjunct in commas ending at token k."""
        j = adjunct_comma(tokens.low, k, floor)
        if j is None or j - 1 < floor:
            return None
        subj, status = self._run_subject(tokens, j - 1, floor)
        return subj if status == "main" and subj is not None and subj.committers else None

    def _apposed_subject(self, tokens: _Tokens, k: int, floor: int) -> _Subj | None:
        """A subject that ends in a name in apposition, before the comma at token k, or in a name
        followed by its title in commas ("X, Minister of Foreign Affairs of Norway, signed")."""
        if tokens.spans[k][1] in self.appositions:
            subj, status = self._run_subject(tokens, k, floor)
            return subj if status == "main" and subj is not None and subj.committers else None
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
        partners = self._partners_tail(tokens, k, floor)
        if partners is not None:
            i = partners  # "the United States and (like-minded) partners intend": the party named speaks
        while i >= floor:
            end = tokens.spans[i][1]
            appo = self.appositions.get(end)
            if appo is not None and appo[0].start >= tokens.spans[floor][0]:
                i = tokens.last_before(appo[0].end)  # skip ", Minister of Foreign Affairs of Norway,"
                continue
            m = self.by_end.get(end)
            w = tokens.low[i]
            if w == ")":
                # "X (United States, or U.S.) and Y (Guatemala) have": a parenthetical of short names
                j = i - 1
                while j > floor and i - j < 14 and tokens.low[j] != "(" and (
                        tokens.low[j] in _PAREN_WORDS or not tokens.low[j][0].isalnum()
                        or tokens.text[tokens.spans[j][0]].isupper()):
                    j -= 1
                if j > floor and tokens.low[j] == "(":
                    i = j - 1
                    continue
            if m is not None and m.start >= tokens.spans[floor][0]:
                j = i
                while j > floor and tokens.spans[j - 1][1] > m.start:
                    j -= 1
                items.append((j, "actor", m.entity))
                saw_person = m.entity.actor_type == "person"
                i = j - 1
                continue
            if w in HEAD_NOUNS and (not items or items[-1][1] == "head" or items[-1][2] == "of"
                                    or (items[-1][2] == "and" and len(items) > 1 and items[-2][1] == "head")):
                # "the Ministers and Representatives of X": two heads joined by "and"
                items.append((i, "head", w))  # "The Chinese side", "the leaders of X"
                i -= 1
                continue
            if w in MEMBER_WORDS and (not items or items[-1][1] in ("head", "conn")):
                items.append((i, "head", w))  # "the GCC member states"
                i -= 1
                continue
            if items and saw_person and w in ("for", "on") and items[-1][1] == "title":
                items.append((i, "conn", w))  # "Advisor for International Economics X": a title joiner
                i -= 1
                continue
            if items and w in RUN_CONNECTORS:
                items.append((i, "conn", w))
                i -= 1
                continue
            raw = tokens.text[tokens.spans[i][0]:tokens.spans[i][1]]
            if items and saw_person and w in ("’s", "'s") and items[-1][1] == "title" and i - 1 >= floor \
                    and self.by_end.get(tokens.spans[i - 1][1]) is not None:
                items.append((i, "title", w))  # "Mexico’s Secretary of Security X": the state before the title
                i -= 1
                continue
            if items and saw_person and raw[:1].isupper() and (
                    items[-1][1] in ("actor", "title")
                    # "Secretary of Security X", "National Security and Intelligence Advisor X": title joiners
                    or items[-1][2] in ("of", "and", "for", "on") and len(items) > 1 and items[-2][1] == "title"):
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
        j = None
        if not status and i - 1 >= floor and tokens.low[i] in ("from", "of") and tokens.low[i - 1] in PLURAL_HEADS:
            j = i - 2  # "Today, senior government officials from X and Y met": the parties' officials
        elif not status and i >= floor and items[-1][1] == "head":
            j = i  # "Senior officials of X and Y met" (the run holds "officials of")
        if j is not None:
            while j >= floor and i - j <= 5 and tokens.low[j].isalpha() \
                    and (tokens.text[tokens.spans[j][0]].islower() or j == floor) \
                    and not tokens.low[j].endswith(("ed", "id")) and tokens.low[j] not in _NOT_MODIFIERS \
                    and tokens.low[j] not in self.lex.form_of:  # "we welcome the officials of X": a verb ends it
                j -= 1
            if _is_boundary_token(tokens, j, floor) == "main":
                status = "main"
        if not status and i >= floor and tokens.low[i] == "we" and items[-1][2] == "the":
            status = "main"  # "..., we the Ministers of A, B and C recognize": an apposition of "we"
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
        if unknown_persons and len(set(ids)) + unknown_persons == len(self.party_ids) > 1:
            # "President A and President B welcomed": persons of unknown party beside the other parties'
            ids = list(self.party_ids)  # leaders (or none named) are the parties left, one each
        if not ids:
            return _Subj(None, "3sg", start), "nonparty" if nonparty or unknown_persons else ""
        committers = self._order(ids)
        n_actors = sum(1 for _, t, _ in items if t == "actor")  # "The G7 and Ukraine stand": plural
        plural = len(committers) > 1 or n_actors > 1 or any(h in PLURAL_HEADS for h in heads) or any(
            t == "actor" and ent.actor_type == "office" and ent.name.split()[-1].lower() in PLURAL_HEADS
            for _, t, ent in items)  # "We the Leaders of the G7 remain": an office in the plural
        return _Subj(committers, "pl" if plural or partners is not None else "3sg", start), "main"

    def _partners_tail(self, tokens: _Tokens, k: int, floor: int) -> int | None:
        """"X and (other / like-minded / its) partners": the token index where the run of X ends, or None.
        Partners left unnamed are no parties; the clause is X's."""
        if tokens.low[k] not in _PARTNER_WORDS:
            return None
        j = k - 1
        while j >= floor and tokens.low[j] in _PARTNER_MODS:
            j -= 1
        if j - 1 < floor or tokens.low[j] not in ("and", ",") or self.by_end.get(tokens.spans[j - 1][1]) is None:
            return None
        return j - 1

    def _collective_subject(self, tokens: _Tokens, k: int, floor: int) -> tuple[_Subj | None, str]:
        end = tokens.spans[k][1]
        lo = max(tokens.spans[floor][0], end - 90)
        left = self.text[lo:end].lower()
        bare = _BARE_ALL.search(left)
        if bare and (bare.group(2) or "two") == _NUMBERS.get(len(self.party_ids)):
            # "Both look forward to", "All three agreed": the parties, the head noun left out
            i = tokens.first_from(lo + bare.start()) - 1
            status = _is_boundary_token(tokens, i, floor)
            if status != "main":
                return None, status or ""
            return _Subj(self.party_ids, "pl", lo + bare.start()), "main"
        m = None
        for cand in re.finditer(r"(?:^|(?<=[\s(\"“]))", left):  # earliest start first: the longest phrase
            mm = _COLLECTIVE.match(left, cand.start())
            if mm and not _CLAUSE_WORD.match(left, cand.start()) and (
                    left.startswith("that ", cand.start()) or not _ARTICLE_IN_MODS.search(mm.group("mods"))):
                # "and our nations", "the plan and the two leaders": the phrase starts later ("each of our": a part)
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
        if not ok and det == "the" and not mods and head in _THE_STATES and len(self.party_ids) > 1:
            ok = True  # "The countries affirm", "the governments note": the parties (a modifier makes others)
        if not ok and det is None:
            ok = head in ("leaders", "governments") and not (set(mods) & _BLOCK_MODS)
        if not ok and det in (None, "the", "all") and head in MEMBER_HEADS:
            ok = not (set(mods) & _BLOCK_MODS)
        if not ok and det in ("the", "this", "our") and head in SUB_BODIES:
            ok = not (set(mods) & _BLOCK_MODS)
        title = False
        if not ok and det == "the" and head in OFFICE_PLURALS and len(self.party_ids) > 1:
            # "The National Security Advisors call on": a capitalised office title in the plural; round 12:
            # "The national security advisors reaffirmed": the same title in lower case, no modifier of another's
            h = lo + m.start("head")
            title = ok = self.text[h].isupper() or (head.startswith("advis") and not set(mods) & _BLOCK_MODS)
        if not ok and det is None and not mods and not num and head == "officials" and len(self.party_ids) > 1:
            ok = True  # "In this regard, officials pledged to": the meeting's officials (a modifier makes others')
        if ok and head in MEMBER_HEADS and set(mods) & _SOME_MEMBERS:
            ok = False
        if ok and not strong and not title and set(mods) & _BLOCK_MODS:
            ok = False
        if ok and head in _PLURAL_BODIES and det != "our":
            ok = False  # "our working groups / teams will": the parties'; "the working groups established under X": a participle
        if ok and det == "their":
            ok = False  # "their governments": someone else's
        if det == "this":
            # "This unique grouping of countries aims to", "This Steering Committee will": the parties
            ok = head.startswith("grouping") or (ok and head in SUB_BODIES)
        elif head.startswith("grouping"):
            ok = det == "our"
        if not ok:
            return None, ""
        start = lo + m.start()
        if (head in MEMBER_HEADS or head in SUB_BODIES) and self._foreign_mention(start, end):
            return None, ""  # "NATO members", "the UN Security Council committee": someone else's
        i = tokens.first_from(start) - 1
        status = _is_boundary_token(tokens, i, floor)
        if status != "main":
            return None, status or ""
        return _Subj(self.party_ids, "3sg" if (head in ("side", "country", "nation", "government")
                                                or head in SUB_BODIES or head.startswith("grouping"))
                     and det != "each" else "pl", start), "main"

    def _named_body_subject(self, tokens: _Tokens, k: int, floor: int) -> tuple[_Subj | None, str]:
        """"The U.S.-EU Task Force on Energy Security met": a body of the parties named by its head and
        a title-case topic; it speaks for all the parties when the states or organisations named in it
        are all parties (and, if any is named, they are all the parties)."""
        lo = max(tokens.spans[floor][0], tokens.spans[k][1] - 160)
        m = _NAMED_BODY.search(self.text, lo, tokens.spans[k][1])
        if not m:
            return None, ""
        named = [mm for mm in self.mentions if m.start() <= mm.start < m.end()
                 and mm.entity.actor_type in ("state", "international_organization")]
        ids = {self._party_of(mm.entity) for mm in named}
        if None in ids or (ids and ids != self.party_set):
            return None, ""
        i = tokens.first_from(m.start()) - 1
        status = _is_boundary_token(tokens, i, floor)
        if status != "main":
            return None, status
        return _Subj(self.party_ids, "3sg", m.start()), "main"

    def _titled_names_subject(self, tokens: _Tokens, k: int, floor: int) -> _Subj | None:
        """"National Security Advisors A, B, and C expressed": a plural office title and the holders'
        names. Each name is a person named elsewhere in the statement (any word of the name); when
        some are not, as many names as parties are all the parties."""
        lo = max(tokens.spans[floor][0], tokens.spans[k][1] - 160)
        m = _TITLED_NAMES.search(self.text, lo, tokens.spans[k][1])
        if not m:
            return None
        i = tokens.first_from(m.start()) - 1
        if _is_boundary_token(tokens, i, floor) != "main":
            return None
        names = [n for n in _NAME_SEP.split(m.group(2)) if n]
        words: dict[str, str | None] = {}
        for mm in self.mentions:
            if mm.entity.actor_type == "person":
                for w in re.findall(r"[\w’'-]+", self.text[mm.start:mm.end]):
                    words[w] = self._party_of(mm.entity) if words.get(w, 0) in (0, self._party_of(mm.entity)) else None
        ids = [words.get(n.split()[-1]) or words.get(n.split()[0]) for n in names]
        if all(ids):
            committers = self._order(ids)
        elif len(names) == len(self.party_ids):
            committers = self.party_ids
        else:
            return None
        return _Subj(committers, "pl", m.start())

    def _office_holders_subject(self, tokens: _Tokens, k: int, floor: int) -> tuple[_Subj | None, str]:
        """"The Seldan Minister of Foreign Affairs and Trade and the Norvian Secretary of State intend":
        office holders named by their state and office, without a name; each speaks for that state."""
        offices = _offices()
        i = k
        while i >= floor and (tokens.low[i] in _OFFICE_JOINERS
                              or tokens.text[tokens.spans[i][0]].isupper()):
            i -= 1
        j = i + 1
        while j <= k and tokens.low[j] in ("and", ","):
            j += 1
        if j > k or tokens.low[j] != "the" and self.starts.get(tokens.spans[j][0]) is None:
            return None, ""
        ids = []
        for m in self.mentions:
            if m.start < tokens.spans[j][0]:
                continue
            if m.end > tokens.spans[k][1]:
                break
            word = re.match(r" ([A-Z][\w-]*)", self.text[m.end:m.end + 30])
            if word and word.group(1) in offices and self._party_of(m.entity):
                ids.append(self._party_of(m.entity))
        if not ids:
            return None, ""
        status = _is_boundary_token(tokens, j - 1 if j - 1 > i else i, floor)  # ", and the X Minister"
        if status != "main":
            return None, status
        committers = self._order(ids)
        return _Subj(committers, "pl" if len(committers) > 1 else "3sg", tokens.spans[j][0]), "main"

    def _foreign_mention(self, start: int, end: int) -> bool:
        """A state or international organisation that is no party named in text[start:end]."""
        for m in self.mentions:
            if m.start >= end:
                break
            if m.start >= start and m.entity.actor_type in ("state", "international_organization") \
                    and self._party_of(m.entity) is None:
                return True
        return False

