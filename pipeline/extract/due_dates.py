"""Due dates: a commitment clause's own deadline or target date, resolved
against the statement's date (``commitments.due_date`` / ``due_precision``).

Plain Python, no spaCy: :func:`resolve_due_date` reads the clause text and the
statement date and returns ``(date, precision)`` or ``(None, None)``.

Convention (documented in tables.yaml): a due date is the LAST day of the
period the expression names, so "due by" reads as "on or before":

===================================  ==========================  =========
expression                           due_date (statement 2025-03-06)  precision
===================================  ==========================  =========
by 2030 / in 2030 / by the end of 2030  2030-12-31               year
by March 2027 / by the end of March     2027-03-31 / 2025-03-31  month
by March 15, 2027                    2027-03-15                  day
in the first quarter of 2027         2027-03-31                  quarter
by early 2027 / mid-2027 / late 2027  03-31 / 06-30 / 12-31      quarter
in the first / second half of 2027   06-30 / 12-31               year
this year / later this year / by the end of the year  2025-12-31  year
next year / by the end of next year  2026-12-31                  year
early next year                      2026-03-31                  quarter
this month / next month              2025-03-31 / 2025-04-30     month
this fall / next spring (seasons, northern hemisphere: spring Mar-May,
summer Jun-Aug, fall Sep-Nov, winter Dec-Feb)  2025-11-30 / 2026-05-31  quarter
by the end of this decade            2029-12-31                  year
within six months / in the next two years  2025-09-06 / 2027-03-06
                                     (statement date + span)    month / year
within 90 days / within two weeks    2025-06-04 / 2025-03-20     day
===================================  ==========================  =========

What is NOT a due date:

- a date that lies before the statement's date (a past event the clause
  mentions: "the agreement signed in 2019"), and a date in the statement's own
  period introduced by a past participle ("held in March 2025");
- durations and spans of validity ("for five years", "over the next decade",
  "until 2030", "through 2030", "from 2025", "since 2020", "starting in
  2026") and frequencies ("annually", "twice a year", "every year");
- vague periods ("in the coming months", "soon");
- relative expressions when the statement has no date.

When a clause holds several candidates, a deadline marker ("by", "before", "no
later than", "within", "by the end of") wins over a bare target ("in 2028",
"this fall", "next year"); among equals the first in the clause wins.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.extract.months import MONTH, MONTHS

__all__ = ["Candidate", "find_due_candidates", "resolve_due_date"]

_MONTHS, _MONTH = MONTHS, MONTH
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d%,.]\d)(?!\s*(?:%|percent|per cent|tons?|tonnes?|people|Agenda)\b)"
_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "fifteen": 15,
            "twenty": 20, "thirty": 30, "forty-five": 45, "forty": 40, "fifty": 50, "sixty": 60,
            "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100, "hundred and twenty": 120}
_NUM = r"(?P<num>\d{1,3}|" + "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True)) + r")"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"

# Strong markers: a deadline. Weak markers: a target date ("in 2028").
_STRONG = r"(?P<strong>by|before|no later than|not later than|prior to|ahead of)"
_WEAK = r"(?P<weak>in|on|during|for|towards?|at)"
_MARK = rf"(?:{_STRONG}|{_WEAK})"

# (name, regex). Order matters only for overlapping matches at one place (longest wins).
_PATTERNS: list[tuple[str, str]] = [
    # by the end of [the first quarter of] 2027 / by the end of March 2027 / by end-2027 / by year-end 2027
    ("end_quarter", rf"{_MARK}\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                    rf"\s+quarter\s+(?:of\s+)?(?:(?:calendar|fiscal)\s+year\s+)?{_YEAR}"),
    ("quarter", rf"{_MARK}\s+(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+"
                rf"(?:of\s+)?{_YEAR}"),
    ("quarter", rf"{_MARK}\s+(?:the\s+)?(?:end\s+of\s+)?Q(?P<qn>[1-4])\s+(?:of\s+)?{_YEAR}"),
    ("half", rf"{_MARK}\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?P<ord>first|second)\s+half\s+(?:of\s+)?{_YEAR}"),
    ("part", rf"{_MARK}\s+(?:the\s+)?(?:(?P<part>early|mid|late|middle|beginning|start)[- ](?:of\s+)?)"
             rf"(?:\s*(?:the\s+)?year\s+)?{_YEAR}"),
    ("day", rf"{_MARK}\s+(?:the\s+end\s+of\s+)?{_MONTH}\s+(?:\d{{1,2}}\s*[-–]\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"{_YEAR}"),
    ("day", rf"{_MARK}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
    ("month_year", rf"{_MARK}\s+(?:the\s+end\s+of\s+)?(?:(?P<mpart>early|mid|late)[- ])?{_MONTH},?\s+{_YEAR}"),
    ("month", rf"{_MARK}\s+(?:the\s+end\s+of\s+)?(?:(?P<mpart>early|mid|late)[- ])?{_MONTH}\b(?!\s+\d)"),
    ("month", rf"(?:{_MARK}\s+)?(?P<this>this|next)\s+{_MONTH}\b(?!\s+\d)"),
    ("year", rf"{_MARK}\s+(?:the\s+end\s+of\s+|end[- ]|year[- ]end\s+)?(?:(?:calendar|fiscal)\s+year\s+)?{_YEAR}"),
    ("year_end", rf"{_MARK}\s+(?:the\s+end\s+of\s+(?:the|this)\s+(?:calendar\s+)?year|year[- ]end|the\s+year'?s\s+end)"),
    ("rel_end", rf"{_MARK}\s+the\s+end\s+of\s+(?P<rel>this|next|the)\s+(?P<unit>year|decade|month|quarter)"),
    ("rel_end", rf"{_MARK}\s+the\s+end\s+of\s+(?P<rel>this|next|the)\s+{_SEASON}"),
    ("rel_part", rf"(?:{_MARK}\s+)?(?P<part>early|late|later|earlier)\s+(?P<rel>this|next)\s+(?P<unit>year|month|decade)"),
    ("rel", rf"(?:{_MARK}\s+)?(?:the\s+)?(?P<rel>this|next|coming)\s+(?:calendar\s+)?(?P<unit>year|month|decade|quarter)\b"
            rf"(?!'s|’s|\s+(?:and|or)\s+beyond)"),
    ("rel_season", rf"(?:{_MARK}\s+)?(?:the\s+)?(?P<rel>this|next|coming)\s+{_SEASON}\b"),
    ("season_year", rf"{_MARK}\s+(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}"),
    ("rel_season", rf"(?P<weak>at|during|in)\s+the\s+(?:next\s+|upcoming\s+|coming\s+)?{_SEASON}\s+"
                   rf"(?:meeting|session|summit|round|dialogue|conference)\b"),
    ("span", rf"(?P<within>within|in|by the end of|before the end of)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?"
             rf"{_NUM}(?:\s*\(\d+\))?[\s-]+(?P<unit>days?|weeks?|months?|years?)\b"
             rf"(?!\s+(?:ago|earlier|before|since|of\b))"),
]
_COMPILED = [(name, re.compile(r"(?<![\w-])" + pat, re.IGNORECASE)) for name, pat in _PATTERNS]

# words just before a match that make it a start, a span of validity or a past event
_START_BEFORE = re.compile(r"(?:\b(?:starting|beginning|commencing|effective|since|from|after|until|through|"
                           r"throughout|over|for\s+the\s+period|ago)\s*)$", re.IGNORECASE)
_PAST_BEFORE = re.compile(
    r"(?:\b(?:was|were|has\s+been|have\s+been|had\s+been|had)\s+(?:\w+\s+)?\w+|"
    r"(?<!\bbe\s)(?<!\bbeing\s)\b(?:held|signed|launched|adopted|agreed|concluded|issued|announced|"
    r"established|made|took\s+place|met|convened|released|hosted|endorsed|entered\s+into\s+force))\s*$",
    re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|to|would|plan(?:ned|s)?|scheduled|expected|slated|set|intend\w*)\s+"
                            r"(?:be\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# "The United States has committed $2.5 billion ... this year": a report, not a deadline
_PERFECT_CLAUSE = re.compile(r"^[^,;:]{0,80}?\b(?:has|have)\s+(?:already\s+)?(?!to\b)\w+(?:ed|en|t)\b", re.IGNORECASE)
# "host of COP28 in 2023": the date of an event the clause names in passing
_HOSTED_EVENT_BEFORE = re.compile(r"\bhost\s+of\s+(?:the\s+)?[\w-]+\s*$", re.IGNORECASE)
# a future cue before a bare month ("will meet in February", "to be held in May", "the upcoming ... in May")
_FUTURE_CUE = re.compile(r"\b(?:will|shall|to\s+be|planned|plans?|scheduled|upcoming|next|forthcoming|intends?|"
                         r"look(?:s|ing)?\s+forward)\b", re.IGNORECASE)
_TARGET_FOR = re.compile(r"\b(?:scheduled|planned|slated|set|expected|targeted|timed)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    start: int  # offsets in the clause text
    end: int
    text: str
    strong: bool  # a deadline marker ("by", "within", "no later than") rather than a bare target
    due: dt.date | None
    precision: str | None
    excluded: str | None = None  # why the candidate is not a due date


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _ordinal(word: str) -> int:
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[word.lower()]


def _season_end(season: str, year: int) -> dt.date:
    """Last day of the season that starts in ``year`` (winter runs into the next year)."""
    start, end = _SEASONS[season.lower()]
    return _last_day(year + (1 if end < start else 0), end)


def _season_start(season: str, year: int) -> dt.date:
    return dt.date(year, _SEASONS[season.lower()][0], 1)


def _resolve(name: str, g: dict, anchor: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(due date, precision) of one match's groups; None where it needs an anchor it has not."""
    year = int(g["year"]) if g.get("year") else None
    if name in ("end_quarter", "quarter"):
        q = int(g["qn"]) if g.get("qn") else _ordinal(g["ord"])
        return _last_day(year, 3 * q), "quarter"
    if name == "half":
        return _last_day(year, 6 if _ordinal(g["ord"]) == 1 else 12), "year"
    if name == "part":
        month = {"early": 3, "beginning": 3, "start": 3, "mid": 6, "middle": 6, "late": 12}[g["part"].lower()]
        return _last_day(year, month), "quarter"
    if name == "day":
        month = _MONTHS[g["month"].lower().rstrip(".")]
        try:
            return dt.date(year, month, int(g["day"])), "day"
        except ValueError:
            return None, None
    if name in ("month_year", "month"):
        month = _MONTHS[g["month"].lower().rstrip(".")]
        if name == "month":
            if anchor is None:
                return None, None
            year = anchor.year if month >= anchor.month else anchor.year + 1  # the next such month
        return _last_day(year, month), "month"
    if name == "year":
        return dt.date(year, 12, 31), "year"
    if name == "season_year":
        return _season_end(g["season"], year), "quarter"
    if anchor is None:
        return None, None
    if name == "year_end":
        return dt.date(anchor.year, 12, 31), "year"
    if name in ("rel_end", "rel", "rel_part") and g.get("unit"):
        unit, rel = g["unit"].lower(), g["rel"].lower()
        step = 1 if rel in ("next", "coming") else 0
        part = (g.get("part") or "").lower()
        if rel == "coming" and unit == "decade":
            return None, None  # "in the coming decade": too vague to date
        if rel == "coming" and unit == "year":
            return _add_months(anchor, 12), "year"  # "in the coming year": the next twelve months
        if unit == "year":
            if part == "early":
                return _last_day(anchor.year + step, 3), "quarter"
            return dt.date(anchor.year + step, 12, 31), "year"
        if unit == "month":
            first = _add_months(anchor.replace(day=1), step)
            return _last_day(first.year, first.month), "month"
        if unit == "quarter":
            q = (anchor.month - 1) // 3 + step
            y, q = anchor.year + q // 4, q % 4
            return _last_day(y, 3 * q + 3), "quarter"
        if unit == "decade":
            return dt.date(anchor.year - anchor.year % 10 + 10 * step + 9, 12, 31), "year"
    if g.get("season"):
        season, rel = g["season"], (g.get("rel") or "this").lower()
        year = anchor.year
        if season.lower() == "winter" and anchor.month <= 2:
            year -= 1  # January and February belong to the winter that began in December
        if rel in ("next", "coming") and _season_start(season, year) <= anchor:
            year += 1  # "next spring" said in spring or later: the one after
        return _season_end(season, year), "quarter"
    if name == "span":
        n = g["num"].lower()
        n = int(n) if n.isdigit() else _NUMBERS[n]
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return anchor + dt.timedelta(days=n), "day"
        if unit == "week":
            return anchor + dt.timedelta(weeks=n), "day"
        if unit == "month":
            return _add_months(anchor, n), "month"
        return _add_months(anchor, 12 * n), "year"
    return None, None


def find_due_candidates(clause: str, statement_date: dt.date | None) -> list[Candidate]:
    """Every time phrase of the clause that could be a due date, resolved, each with
    the reason it is excluded (None for a usable one). Overlaps: the longest wins."""
    found: list[tuple[int, int, str, re.Match]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(clause):
            found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, re.Match]] = []
    for f in found:
        if not any(k[0] < f[1] and f[0] < k[1] for k in kept):
            kept.append(f)
    out = []
    for start, end, name, m in kept:
        g = m.groupdict()
        text = clause[start:end]
        before = clause[max(0, start - 60):start]
        strong = bool(g.get("strong")) or (name == "span" and g["within"].lower() != "in") or \
            text.lower().startswith(("by the end", "before the end"))
        due, precision = _resolve(name, g, statement_date)
        excluded = None
        if _START_BEFORE.search(before):
            excluded = "start or span of validity"
        elif g.get("weak") and g["weak"].lower() == "for" and not _TARGET_FOR.search(before) or name == "span" and g["within"].lower() == "in" and not re.match(
                r"in\s+(?:the\s+)?(?:next|coming)\b", text, re.IGNORECASE) and g["unit"].lower().startswith("year") \
                and re.match(r"\s+(?:of|time)\b", clause[end:]):
            excluded = "duration"
        elif due is None:
            excluded = "needs the statement date" if statement_date is None else "not resolvable"
        elif statement_date is not None and due < statement_date:
            excluded = "before the statement date"
        elif not strong and _PAST_BEFORE.search(before) and not _FUTURE_BEFORE.search(before):
            excluded = "past event"
        elif not strong and precision == "day" and due == statement_date:
            excluded = "the statement's own day (what happens as it is issued)"
        elif name == "month" and not g.get("year") and statement_date is not None and (
                due.year > statement_date.year and (g.get("this") or "").lower() != "next"
                and not _FUTURE_CUE.search(clause[:start])):
            excluded = "a month already past in the statement's year, told without a future cue"
        elif not strong and _HOSTED_EVENT_BEFORE.search(before):
            excluded = "date of a hosted event named in passing"
        elif not strong and name in ("rel", "rel_part") and _PERFECT_CLAUSE.match(clause):
            excluded = "the clause reports what was done (present perfect)"
        out.append(Candidate(start, end, text, strong, due, precision, excluded))
    return out


def resolve_due_date(clause: str, statement_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The clause's own deadline or target date and its precision, or (None, None)."""
    usable = [c for c in find_due_candidates(clause, statement_date) if c.excluded is None]
    if not usable:
        return None, None
    best = min(usable, key=lambda c: (not c.strong, c.start))
    return best.due, best.precision
