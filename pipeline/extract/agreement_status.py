"""The status an agreement mention reports, from the words around it: the
governing cue before it in its clause (``entry into force of``, ``the signing of``,
``establish``/``the establishment of``/``launched``), made ``planned`` by a future or
infinitive frame, ``established`` by ``decided/agreed to``; cues after it (``X will
enter into force``, ``X was signed``); reactions and relative clauses report an
earlier act (``referenced``)."""
from __future__ import annotations

import re

from pipeline.model import AgreementMention

STATUS_RANK = {"in_force": 5, "signed": 4, "established": 3, "planned": 2, "referenced": 1}

_CUES = (
    r"(?P<in_force>entry into force of|entering into force of|entered into force of|coming into force of)"
    r"|(?P<signed>signing\s+ceremony\s+(?:of|for)|signing of|signature of|signing|signed|sign|signs)"
    r"|(?P<established>establishment of|creation of|formation of|launch of|launching of|inauguration of|adoption of"
    r"|(?:inaugural|first)\s+(?:meeting|session)s?\s+of"
    r"|establish(?:ed|es|ing)?|launch(?:ed|es|ing)?|creat(?:e|ed|es|ing)|form(?:ed|s|ing)?"
    r"|inaugurat(?:e|ed|es|ing)|initiat(?:e|ed|es|ing)(?=\s+(?:a|an)\s)|begin(?:s|ning)?|set(?:ting)?\s+up"
    # "elevating their nations' relationship to a Comprehensive Strategic Partnership": the new framework
    # "Norland and Ostra announce a memorandum of understanding on X", "announce a new X": made now (round 14)
    r"|announces?(?=\s+(?:a|an)\s)"
    r"|elevat(?:e|ed|es|ing)\s+(?:[\w\u2019'.-]+\s+){0,3}?(?:relationship|relations|ties|partnership)\s+to|stood\s+up|stand(?:ing)?\s+up|adopt(?:ed|s|ing)?"
    r"|conven(?:e|es|ed|ing)(?=\s+(?:an?|additional|two|three|four|five|six|several)\s)"  # "convene a working group": a new body, not a session of one
    # "will embark on X", "have reached an Agreement on X" (round 8)
    r"|embark(?:ed|s|ing)?\s+(?:together\s+)?(?:up)?on|reach(?:ed|es|ing)?(?=\s+(?:an?|the)\s)"
    r"|finali[sz](?:e|ed|es|ing)|agreed\s+(?:in\s+principle\s+)?(?:on|upon|to)|agree\s+(?:in\s+principle\s+)?(?:on|upon|to)|reached\s+(?:an\s+)?agreement\s+on)"
    r"|(?P<develop>(?:is|are)\s+(?:\w+ly\s+)?(?:developing|drafting|preparing|elaborating)"
    r"|(?:will|shall|to)\s+(?:\w+ly\s+)?(?:develop|draft|prepare|elaborate)(?=\s+(?:a|an)\s)|towards?\s+developing"
    # "committed to developing a binational campaign" (round 11)
    r"|to\s+(?:\w+ly\s+)?(?:developing|drafting|preparing|elaborating)(?=\s+(?:a|an)\s)"
    # "work towards an Administrative Arrangement": an instrument still to be made (round 11)
    r"|work(?:s|ing)?\s+towards?(?=\s+(?:a|an)\s))"
    r"|(?P<conclude>conclusion of|conclude|concluding|pursue|pursuing|negotiations? of|negotiations on|negotiate|enter into|entering into"
    r"|finali[sz]ation of|move\s+forward\s+with|moving\s+forward\s+with|proceed\s+with|proceeding\s+with)"
    r"|(?P<host>(?:co-?)?host(?:ing)?|hold(?:ing)?|convene|convening)"
    r"|(?P<restart>re-?start(?:ed|ing|s)?|re-?launch(?:ed|es|ing)?|re-?establish(?:ed|es|ing)?"
    r"|reviv(?:e|ed|es|ing)|reinvigorat(?:e|ed|es|ing)|revitali[sz](?:e|ed|es|ing)|re-?convene[ds]?|re-?convening|renewal\s+of|extension\s+of"
    r"|re-launch\s+of|relaunch\s+of)"
)
_MOD = r"(?:\s+(?!(?:to|of|for|on|in|with|by|under|from|and|or|as|at|which|that)\b)[a-z][\w\u2019'-]*)"
_GAP_UNIT = (rf"(?:\s+(?:the|a|an|our|their|its|this|these|both|all|another|next){_MOD}{{0,3}}(?:\s+and{_MOD}{{1,2}})?"
             r"|\s*AGR|\s*,|\s+(?:and|or|as well as)|\s+new|\s+(?:bilateral|trilateral|joint)"
             # "form three committees", "launch this coming week a task force" (round 9)
             r"|\s+(?:two|three|four|five|six|several|additional)"
             r"|\s+(?:(?:this|next)\s+(?:coming\s+)?(?:week|month|year)|in\s+the\s+coming\s+(?:weeks|months))"
             r"|\s+(?:today|formally|officially|jointly|also|together|promptly|swiftly|expeditiously)"
             r"|\s+in\s+an?\s+(?:timely|swift|prompt|expeditious)\s+manner|\s+as\s+soon\s+as\s+possible)")
_CUE_RE = re.compile(rf"\b(?:{_CUES})(?:{_GAP_UNIT})*\s*$", re.IGNORECASE)
# "X will enter into force", "X is expected to enter into force": a future entry into force
_RIGHT_FUTURE_FORCE = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:(?:will|shall|would|should|could|may)(?:\s+\w+ly)?"
    r"|(?:is|are)\s+(?:\w+ly\s+)?(?:expected|scheduled|set|due|likely|intended|to)(?:\s+to)?)"
    r"\s+(?:enter|come)\s+into\s+force")
# "upon entry into force of X", "pending the entry into force of", "within six months of entry into force of":
# a time still to come; "the entry into force of X" alone is reported
_FUTURE_FORCE_LEFT = re.compile(r"(?:\b(?:upon|pending|until|prior\s+to|ahead\s+of|before)\s+(?:the\s+|its\s+|their\s+)?"
                                r"|\b(?:of|on|after|following|from)\s+)$", re.IGNORECASE)
# "X, signed in 2000, which entered into force in 2001" (round 11): the dated signing stands between the name and
# its entry into force
_RIGHT_IN_FORCE = re.compile(r"^\s*,?\s*(?:signed\s+(?:in|on)\s+[\w ,]{1,25}?\s*,?\s*(?:which|that|and)\s+|which\s+)?"
                             r"(?:has\s+|have\s+|had\s+)?(?:entered|came|come|enters)\s+into\s+force")
# "X signed during the visit", "X signed by successive administrations" (round 11)
_RIGHT_SIGNED = re.compile(r"^\s*(?:(?:was|were|has been|have been)\s+signed"
                           r"|,?\s*signed\s+(?:in|on|at|today|by|last|this|during|between|with|under)\b)")
_RIGHT_PLANNED = re.compile(
    r"^\s*,?\s*(?:(?:which\s+)?(?:(?:will|shall)\s+be|to\s+be)"
    r"|(?:once|when|after|until)\s+(?:it|they)\s+(?:is|are|has\s+been|have\s+been))"
    r"\s+(?:fully\s+)?(?:established|launched|created|signed|concluded|set up|held|operational)")
# "decided to convene additional exchanges in the coming months": a time still to come right after the new body
_RIGHT_FUTURE_TIME = re.compile(r"^\s*,?\s*(?:in\s+the\s+(?:coming|next)\s+(?:days|weeks|months|year)|later\s+this\s+year"
                                r"|(?:early\s+)?next\s+(?:week|month|year))\b")
# "welcomed the establishment of X": X was created before (a reaction, not the act)
_REACTION = re.compile(r"\b(?:welcom|commend|celebrat|applaud|appreciat|recall|not|hail|prais)\w*"
                       r"(?:\s+(?:the|its|their|our|recent|successful|ongoing))*\s*$", re.IGNORECASE)
# "welcomed the X Conference, as well as the establishment of Y": the reaction governs a coordinated act too (round 11)
_REACTION_COORD = re.compile(r"\b(?:welcom|commend|celebrat|applaud|appreciat|hail|prais)\w*\b[^;:]{0,160}?"
                             r"(?:,?\s+as\s+well\s+as|,?\s+and)(?:\s+(?:the|its|their|our|recent|successful))*\s*$",
                             re.IGNORECASE)
# "..., which created X": a past act reported in a relative clause
_RELATIVE_PAST = re.compile(r"\b(?:which|that)\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)
# "U.S. Forum", "U.K. Taskforce": the dot of an abbreviation ends no clause
_SEG_BOUNDARY = re.compile(r"(?:(?<![.\s][A-Z])[.]|[!?;:])\s+|\n|\(\d+\)|\b\d+\.\s")
_PLANNED_FRAME = re.compile(
    r"(?:\b(?:will|shall|would)\b(?!.*\b(?:and|but)\s+(?:we|they|the)\b)"
    r"|\b(?:to|look(?:s|ed|ing)? forward to(?: the)?|towards?(?: the)?|plans? (?:for|to)(?: the)?|intend(?:s|ed)? to)\s+(?:\w+ly\s+)?$)",
    re.IGNORECASE,
)
# "affirmed their intent to convene later this year the X Dialogue": still to be convened
_CONVENE_PLANNED = re.compile(r"\b(?:intent|intention|intends?|intended|plans?|planned)\s+to\s+convene\b"
                              r"(?:\s+(?!AGR\b)[\w-]+){0,4}?\s+(?:the\s+)?(?:first\s+|inaugural\s+)?$", re.IGNORECASE)
# "a forthcoming memorandum of understanding", "the upcoming Harbour Accord": still to be made
# (an instrument only: "the upcoming X Working Group" is the next session of a mechanism that exists)
_FUTURE_ADJ = re.compile(r"\b(?:forthcoming|upcoming|proposed|prospective)\s+$", re.IGNORECASE)
_INSTRUMENT_WORD = re.compile(r"(?i)\b(?:memorand\w*|agreements?|arrangements?|accords?|treaty|protocol|intent|MOU)\b")
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|for|with|between|by|in|to|that|which|and|or|as|at|under|of|from|is|are|will|would)\b)[a-z]")
_OPEN_QUOTE = re.compile(r"\s*[\u201c\u2018\"]\s*$")
_LEAD_PAREN = re.compile(r"^\s*\([^()\n]{1,40}\)")
_CONTINUE = re.compile(r"\bcontinu\w*\s+(?:to\s+)?$", re.IGNORECASE)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "In December 2021, the agencies launched X", "Last year's summit launched X", "X, launched three years
# ago": an establishment dated in the past is reported, not made by this statement
_PAST_DATE_LEFT = re.compile(rf"(?:^|[,;]\s*|\b)(?:[Ii]n|[Ss]ince|[Oo]n)\s+(?:{_MONTH}\s+(?:\d{{1,2}},\s+)?)?(?:19|20)\d\d\b"
                             r"|\b[Ll]ast\s+(?:year|month)\b|\b[Pp]reviously\b|\bearlier\s+(?:this|that)\s+year\b"
                             # "A year and a half ago, we launched X" (round 11)
                             r"|\b(?i:a|an|one|two|three|four|five|six|ten|\d+)\s+(?:years?|months?)(?:\s+and\s+a\s+half)?\s+ago\b")
_DAY = r"\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?"  # "9-10": a meeting of two days
_PAST_DATE_RIGHT = re.compile(rf"^[^.;:!?\n]{{0,60}}?\b(?:(?:in|on)\s+(?:{_MONTH}\s+(?:{_DAY},\s+)?)?(?:19|20)\d\d\b"
                              r"|last\s+(?:year|month)\b|(?:\w+\s+)?years?\s+ago\b)"
                              # "established X, made up of ..., during the Y Summit on January 9-10, 2023": the
                              # event that created X is dated
                              rf"|^[^.;:!?\n]{{0,120}}?\bduring\s+the\s+[^.;:!?\n]{{0,60}}?\b(?:in|on)\s+"
                              rf"(?:{_MONTH}\s+(?:{_DAY},\s+)?)?(?:19|20)\d\d\b")
# "progress since the signing of X", "the anniversary of the establishment of X": a past act as a time mark;
# "Norland's leadership in establishing X": credit for an earlier act
_TIME_MARK = re.compile(r"\b(?:since|anniversary\s+of)\s+(?:the\s+)?$"
                        r"|\b(?:leadership|role|efforts?|work|contributions?|success)\s+in\s+$", re.IGNORECASE)
# "decided to establish X", "are pleased to launch X": the act happens now
_SINCE_CLAUSE = re.compile(r"\bsince\b[^,;]{0,80}$", re.IGNORECASE)
_ESTABLISHED_FRAME = re.compile(r"\b(?:decided|decide|decides|agreed|agree|agrees|resolved|pleased|delighted|proud|happy|glad)"
                                r"\s+to\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _status(text: str, start: int, end: int, others: list[tuple[int, int]]) -> str:
    seg_start = max(0, start - 300)
    left = text[seg_start:start]
    last = None
    for last in _SEG_BOUNDARY.finditer(left):
        pass
    if last:
        seg_start += last.end()
    # replace other agreement mentions in the window by a placeholder
    pieces, pos = [], seg_start
    for s, e in others:
        if s >= seg_start and e <= start:
            pieces.append(text[pos:s])
            pieces.append(" AGR ")
            pos = e
    pieces.append(text[pos:start])
    left = "".join(pieces).replace("\n", " ")
    # "plans to launch a \u201cX\u201d": an opening quote before the name stands in no cue's way (round 11)
    left = _OPEN_QUOTE.sub(" ", left)
    # a defined acronym or term right after the name stands between it and a right cue: "X (CAFTA-DR), which
    # entered into force"
    right = _LEAD_PAREN.sub("", text[end:end + 160], count=1)
    if _RIGHT_FUTURE_FORCE.match(right):
        return "planned"
    if _RIGHT_IN_FORCE.match(right):
        return "in_force"
    if _RIGHT_SIGNED.match(right):
        return "signed"
    if _RIGHT_FUTURE_TIME.match(right) and _CUE_RE.search(left) and _CUE_RE.search(left).group("established"):
        return "planned"
    if _RIGHT_PLANNED.match(right):
        return "planned"
    if _CONVENE_PLANNED.search(left) or (_FUTURE_ADJ.search(left) and _INSTRUMENT_WORD.search(text, start, end)):
        return "planned"
    m = _CUE_RE.search(left)
    if not m:
        return "referenced"
    before = left[:m.start()]
    if _ESTABLISHED_FRAME.search(before):
        planned = False
    else:
        planned = bool(_PLANNED_FRAME.search(before))
    if m.group("conclude"):
        if _ESTABLISHED_FRAME.search(before):
            return "planned"  # "resolved / agreed to conclude X": concluded later (round 8)
        if m.group("conclude").lower().startswith("negotiation"):
            # "the completion of negotiations on X", "noted ongoing negotiations on X": X is still to be signed
            return "planned"
        return "planned" if planned else "referenced"
    if re.match(r"reach", m.group(0), re.IGNORECASE) and (
            not _INSTRUMENT_WORD.search(text, start, end)
            or re.match(r"\s*(?:['\u2019]s\s+)?(?:[a-z]+\s+)?(?:goals?|targets?|objectives?|aims?|commitments?)\b", text[end:end + 40])):
        return "referenced"  # "reach the X Initiative's goals": only an instrument is reached (concluded)
    if _TIME_MARK.search(before):
        return "referenced"
    if re.search(r"(?:ed|up)$", m.group(0).split()[0] if m.group(0).split() else "", re.IGNORECASE) \
            and _SINCE_CLAUSE.search(before):
        return "referenced"  # "in the ten years since A and B formed X": a past act as a time mark
    if m.group("host"):
        # "will co-host the second X Summit", "work toward holding another X Summit": a session still to come;
        # "continue to hold X annually", "co-hosting X today", a dialogue held again: referenced
        event = re.search(r"\b(?:Summit|Conference|Meeting)s?\b", text[start:end])
        again = re.match(r"\W*(?:today|annually|regularly|every|each)\b", text[end:end + 20], re.IGNORECASE)
        return "planned" if planned and event and not again and not _CONTINUE.search(before) else "referenced"
    if m.group("develop"):
        if m.group("develop").lower().startswith("work") and _NOUN_AFTER.match(text[end:end + 30]):
            return "referenced"  # "work towards a mutually beneficial X Pillar outcome": the name is a modifier
        return "planned"  # "X is developing a new Y": Y is still to be created
    if m.group("restart") and re.match(r"(?:renewal|extension|re-?launch\s+of)", m.group("restart"), re.IGNORECASE):
        # "are pleased to announce the renewal of the X Task Force": extended by this statement now;
        # "welcomed the extension of X": a reaction to an earlier act; "look forward to a planned five-year
        # renewal of X": renewed later (round 14)
        if planned or re.search(r"\b(?:planned|proposed|upcoming|forthcoming)\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE):
            return "planned"
        return "established" if re.search(r"\b(?:announc\w*|agreed\s+(?:on|to)|decided\s+on|approved?)\s+(?:the\s+)?$",
                                           before, re.IGNORECASE) else "referenced"
    if m.group("restart"):
        # "agreed to re-start / relaunch the X Dialogue": relaunched at this meeting; "relaunched X": too
        if _ESTABLISHED_FRAME.search(before) or (re.search(r"ed$", m.group("restart"), re.I)
                                                 and not _RELATIVE_PAST.search(before)):
            return "established"
        return "planned" if planned and re.match(r"re-?(?:start|launch|establish)|reviv", m.group("restart"), re.I) \
            else "referenced"
    if m.group("in_force") and (planned or _FUTURE_FORCE_LEFT.search(before)):
        return "planned"
    if planned:
        return "planned"
    cue = m.group("established")
    if cue and re.search(r"\bof$", cue) and (_REACTION.search(before) or _REACTION_COORD.search(before)):
        return "referenced"
    if cue and re.search(r"(?:ed|up)$", cue) and _RELATIVE_PAST.search(before):
        return "referenced"
    if cue and re.search(r"(?:ed|up)$", re.sub(r"\s+\w+(?:\s+\S+){0,3}?\s+to$", "", cue), re.IGNORECASE) and (
            _PAST_DATE_LEFT.search(before) or _PAST_DATE_RIGHT.match(text[end:end + 120])):
        return "referenced"  # "In May 2021, the ministers launched X", "established X in January 2023"
    for g in ("in_force", "signed", "established"):
        if m.group(g):
            return g
    return "referenced"



def statement_status(mentions: list[AgreementMention]) -> dict[str, str]:
    """agreement_id -> the strongest status any of its mentions reports
    (in_force > signed > established > planned > referenced)."""
    out: dict[str, str] = {}
    for m in mentions:
        aid = m.entity.agreement_id
        if aid not in out or STATUS_RANK[m.status] > STATUS_RANK[out[aid]]:
            out[aid] = m.status
    return out
