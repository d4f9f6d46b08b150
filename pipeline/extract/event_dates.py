"""The date a statement gives for an agreement's reported status
(``statement_agreements.event_date``): "signed in January 2023", "which entered
into force on 1 May 2020", "On March 3, 2024, the two sides signed ...".

The date is written as the FIRST day of the period the text names (a month gives
its 1st, a year its 1 January), as tables.yaml documents. Only a date next to the
mention counts: after it, within the same sentence and at most ``WINDOW``
characters away, introduced by a status verb or "in"/"on"; or at the start of the
sentence ("On March 3, 2024, ..."/"In 2015, ..."). A statement that reports a
status without a date (most do: "today we sign") gives null.
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.months import MONTH, MONTHS

__all__ = ["event_date"]

WINDOW = 80
_MONTHS, _MONTH = MONTHS, MONTH
_YEAR = r"(?P<year>(?:19|20)\d{2})\b"
_DATE = (rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"
         rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>January|February|March|April|May|June|July"
         rf"|August|September|October|November|December),?\s+(?P<year2>(?:19|20)\d{{2}})\b"
         rf"|(?P<month3>January|February|March|April|May|June|July|August|September|October|November|December)"
         rf",?\s+(?P<year3>(?:19|20)\d{{2}})\b"
         rf"|(?P<year4>(?:19|20)\d{{2}})\b)")
# after the mention: ", signed in January 2023", "which entered into force on 1 May 2020", "(2015)"
_AFTER = re.compile(
    r"[^.;:]{0,%d}?\b(?:signed|concluded|adopted|established|launched|created|agreed|finalized|finalised|"
    r"entered\s+into\s+force|came\s+into\s+force|in\s+force\s+since|ratified|inaugurated|announced|set\s+up)"
    r"\s+(?:\w+\s+){0,3}?(?:in|on|since)\s+(?:early\s+|mid-|late\s+)?" % WINDOW + _DATE, re.IGNORECASE)
# at the start of the sentence: "On March 3, 2024, ..." / "In 2015, ..."
_LEAD = re.compile(r"\s*(?:On|In)\s+" + _DATE + r"\s*,", re.IGNORECASE)


def _date_of(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("year"):
            return dt.date(int(g["year"]), _MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))
        if g.get("year2"):
            return dt.date(int(g["year2"]), _MONTHS[g["month2"].lower()], int(g["day2"]))
        if g.get("year3"):
            return dt.date(int(g["year3"]), _MONTHS[g["month3"].lower()], 1)
        if g.get("year4"):
            return dt.date(int(g["year4"]), 1, 1)
    except (ValueError, KeyError):
        return None
    return None


def event_date(text: str, sentence_start: int, sentence_end: int, mention_start: int, mention_end: int,
               status: str) -> dt.date | None:
    """The date the sentence gives for the status of the mentioned agreement, or None."""
    if status == "referenced":
        return None
    m = _AFTER.match(text, mention_end, sentence_end)
    if m:
        return _date_of(m)
    m = _LEAD.match(text, sentence_start, mention_start)
    if m:
        return _date_of(m)
    return None


def statement_event_dates(text: str, sentences, mentions, statuses: dict[str, str]) -> dict[str, dt.date]:
    """{agreement_id: event date} for one statement: for each agreement, only the
    first mention that reports the statement's status for it is read (up to the
    next agreement mention, so a date after another instrument is not taken; a
    later mention's sentence usually dates a later event, such as a first meeting)."""
    import bisect

    starts = [s.start for s in sentences]
    ordered = sorted(mentions, key=lambda m: m.start)
    out: dict[str, dt.date] = {}
    tried: set[str] = set()
    for k, m in enumerate(ordered):
        aid = m.entity.agreement_id
        status = statuses.get(aid, "referenced")
        if aid in tried or getattr(m, "status", "referenced") != status or not sentences:
            continue
        tried.add(aid)  # only the first mention that reports the status is read
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)]
        limit = sent.end
        if k + 1 < len(ordered) and ordered[k + 1].start < limit:
            limit = ordered[k + 1].start
        d = event_date(text, sent.start, limit, m.start, m.end, status)
        if d is not None:
            out[aid] = d
    return out
