"""Metadata: dates, crawl lines, datelines, and the strict sidecar loader."""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from dateutil import parser as date_parser

# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?")
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))


def parse_date(value: object) -> dt.date:
    """A complete calendar date from a YAML value or free text.

    Raises ValueError (with a readable message) when the value is not a real
    date or lacks a year, month or day: "2026-02-30" and "March 2026" fail.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a date (write it as YYYY-MM-DD)")
    s = value.strip()
    m = _ISO.fullmatch(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as e:
            raise ValueError(f"{s!r} is not a real date ({e})") from None
    try:
        a, b = (date_parser.parse(s, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError) as e:
        raise ValueError(f"{s!r} is not a real date ({e})") from None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise ValueError(f"{s!r} is not a complete date (year, month and day are needed)")
    return a.date()


def parse_date_or_none(value: object) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


# ------------------------------------------------------------ crawl line, dateline

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})")
_WORD = r"[A-Z][\w.'’-]*"
_PLACE = rf"{_WORD}(?:[ ](?:{_WORD}|of|de|du|la|al|el))*?"
_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}"
_REGION = rf"(?:,[ ]{_WORD}(?:[ ]{_WORD}){{0,2}}?)?"
_WIRE = r"(?:/\s*(?P<wire>[^/\s][^/\n]{0,39}?)\s*/|\((?P<wire2>[A-Za-z][\w .&'-]{0,39})\))"
_DASH = r"(?:\s*[-–—]{1,2}\s+|\s*[-–—]{1,2}$|\s*:\s+|[ ]*\n\s*|$)"  # "\n": end of its paragraph

CRAWL_LINE = re.compile(r"\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?(?:\s+|$)",
                        re.IGNORECASE)
# "TOKYO, March 6, 2026 /CNW/ - ", "Washington, March 6 (Reuters) - ", "KUALA LUMPUR, Malaysia, 26 October 2025 -"
DATELINE_WITH_DATE = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>{_REGION}),?\s+(?P<date>{_DATE})\s*{_WIRE}?{_DASH}")
# "WASHINGTON — ", "WASHINGTON, D.C. (Reuters) - " (a place in capitals, no date)
DATELINE_CAPS = re.compile(rf"(?P<place>{_CAPS_PLACE})(?P<region>,[ ][A-Z][A-Z.]*)?\s*{_WIRE}?\s*[-–—]{{1,2}}\s+")
# "March 6, 2026 - " or a first paragraph that is only a date
DATELINE_DATE_ONLY = re.compile(rf"(?P<date>{_DATE})\s*{_WIRE}?(?:\s*[-–—]{{1,2}}\s+|[ ]*\n\s*|$)")
BODY_DATE = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b")

# Words that open a sentence rather than name a place ("Today, March 6, 2026 - we ...").
_NOT_PLACES = frozenset(["today", "yesterday", "tonight", "on", "in", "at", "as", "by", "this", "since", "from", "until", "now", "earlier", "later", "last", "next", "we", "our", "the", "a", "an", "and", "or", "but", "that", "when", "while", "after", "before", "during"])


@dataclass
class Dateline:
    consumed: int  # characters of the paragraph that the crawl line and dateline take
    date: dt.date | None = None
    place: str | None = None
    source: str | None = None
    crawl_date: dt.date | None = None
    warning: str | None = None


def title_case_place(s: str) -> str:
    """``TOKYO`` -> ``Tokyo``, ``WASHINGTON, D.C.`` -> ``Washington, D.C.``; mixed case is kept."""
    if not any(c.isupper() for c in s) or any(c.islower() for c in s):
        return s

    def word(w: str, after_comma: bool) -> str:
        if "." in w.strip(".") or (after_comma and len(w) <= 2):
            return w  # D.C., U.S., a state or province code
        return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), w.lower())

    out, after_comma = [], False
    for tok in re.split(r"(\s+|,)", s):
        if tok.strip() and tok != ",":
            out.append(word(tok, after_comma))
        else:
            out.append(tok)
            if tok == ",":
                after_comma = True
    return "".join(out)


def _dateline_date(text: str, fallback_year: int | None) -> dt.date | None:
    if re.search(r"\d{4}", text):
        return parse_date_or_none(text)
    if fallback_year is None:
        return None
    return parse_date_or_none(f"{text} {fallback_year}")


def read_dateline(paragraph: str) -> Dateline:
    """Crawl line and dateline at the start of the text, if any.

    ``paragraph`` is the first paragraph, or the first two joined by one
    "\\n" (a crawl line or dateline may stand alone in its own paragraph).
    """
    res = Dateline(consumed=0)
    pos = 0
    m = CRAWL_LINE.match(paragraph)
    if m:
        res.crawl_date = parse_date_or_none(m.group(1))
        if res.crawl_date is not None:
            pos = m.end()
    rest = paragraph[pos:]
    year = res.crawl_date.year if res.crawl_date else None
    m = DATELINE_WITH_DATE.match(rest)
    if m and m.group("place").split()[0].lower() in _NOT_PLACES:
        m = None
    if m:
        res.place = title_case_place(m.group("place") + (m.group("region") or ""))
        res.date = _dateline_date(m.group("date"), year)
        res.source = (m.group("wire") or m.group("wire2") or "").strip() or None
        pos += m.end()
    else:
        m = DATELINE_CAPS.match(rest)
        if m and sum(c.isalpha() for c in m.group("place")) >= 3:
            res.place = title_case_place(m.group("place") + (m.group("region") or ""))
            res.source = (m.group("wire") or m.group("wire2") or "").strip() or None
            pos += m.end()
        else:
            m = DATELINE_DATE_ONLY.match(rest)
            if m and re.search(r"\d{4}", m.group("date")):
                res.date = _dateline_date(m.group("date"), year)
                res.source = (m.group("wire") or m.group("wire2") or "").strip() or None
                if res.date is not None:
                    pos += m.end()
    if res.date and res.crawl_date and res.date != res.crawl_date:
        res.warning = (f"dateline date {res.date.isoformat()} differs from crawl date "
                       f"{res.crawl_date.isoformat()}; the dateline's is used")
    if res.date is None:
        res.date = res.crawl_date
    res.consumed = pos
    return res


def first_sentence_date(text: str) -> dt.date | None:
    """A full date in the first sentence of the body ("On this historic occasion of March 12, 2021")."""
    head = text[:600]
    m = re.search(r"[.!?](?=\s+[A-Z\"“(])", head)
    head = head[: m.start()] if m else head
    m = BODY_DATE.search(head)
    return parse_date_or_none(m.group(0)) if m else None


_NAME_WORD = r"[A-Z][A-Za-z'’.-]*[a-z]"
_PLACE_NAME = rf"(?:{_NAME_WORD}|St\.)(?:(?: |-)(?:{_NAME_WORD}|de|del|da|do|al|el|an|am)){{0,3}}"
# "met today in Jeddah", "gathered virtually ... in Ottawa", "the meeting took place in Leuven": verbs of a
# meeting that has happened (not "will meet in"), then "in" and a capitalised name that ends there (so the
# adjective of "in German coffeehouses" is no place)
MEETING_PLACE = re.compile(
    r"\b(?:met|meeting|convened|gathered|assembled|(?:was|were) held|hosted|took place)\b"
    r"[^.;:!?\n]{0,60}?\bin (?P<place>" + _PLACE_NAME + r")"
    r"(?=\s*(?:[,.;:()]|(?:on|from|for|to|at|and|during|this|today|last|earlier)\b|$))")
NOT_PLACES = re.compile(rf"^(?:{_MONTH}|Person|Parallel|Particular|Support|Accordance|Addition|Light|"
                        r"Response|Order|View|Recognition|Line|Partnership|Honor|Honour|Celebration)\b")


VENUE_HEADS_FILE = Path(__file__).resolve().parent.parent / "data" / "places_venue_heads.csv"


@lru_cache(maxsize=1)
def _meeting_venue() -> re.Pattern:
    """"met today at the White House", "welcomed the Prime Minister to Rideau Hall",
    "convened at Camp David": a named building or estate after a verb of a meeting."""
    with VENUE_HEADS_FILE.open(encoding="utf-8") as fh:
        heads = [r["head"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    venue = (rf"(?:Camp(?: {_NAME_WORD})+|(?:{_NAME_WORD} ){{1,3}}(?:{'|'.join(map(re.escape, heads))}))")
    return re.compile(r"\b(?:met|meeting|convened|gathered|hosted|welcomed|received)\b[^.;:!?\n]{0,80}?"
                      rf"\b(?:at|to) (?:the )?(?P<place>{venue})\b(?!['’]s)")


def first_meeting_place(text: str, window: int = 1200) -> str | None:
    """The place of the meeting a statement reports, from its opening: a
    capitalised name after "in" that follows a verb of a meeting held, else a
    named venue after "at"/"to" ("met at the White House" -> "White House"; "met
    today in Jeddah, Saudi Arabia" -> "Jeddah"; "the Leaders gathered in
    Hiroshima"). A month ("held in May") and nouns such as "in Person" are not
    places; a meeting to come ("will meet in") is not this statement's place."""
    for m in MEETING_PLACE.finditer(text[:window]):
        place = m.group("place")
        if not NOT_PLACES.match(place):
            return place
    m = _meeting_venue().search(text, 0, window)  # no city named: the venue ("the White House")
    return m.group("place") if m else None


# --------------------------------------------------------------------------- sidecar

class PlainYamlError(yaml.YAMLError):
    pass


class PlainSafeLoader(yaml.SafeLoader):
    """SafeLoader that accepts plain YAML only: any tag (``!!python/...``,
    ``!!str``, ``!custom``, even ``!``), anchor or alias is an error, so nothing
    but strings, numbers, booleans, nulls, dates, lists and mappings can load."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise PlainYamlError(f"aliases (*{event.anchor}) are not allowed{_where(event)}")
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise PlainYamlError(f"anchors (&{event.anchor}) are not allowed{_where(event)}")
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise PlainYamlError(f"tags such as {tag!r} are not allowed{_where(event)}")
        return super().compose_node(parent, index)


def _where(event) -> str:
    mark = getattr(event, "start_mark", None)
    return f" (line {mark.line + 1})" if mark is not None else ""


def load_plain_yaml(text: str) -> object:
    return yaml.load(text, Loader=PlainSafeLoader)


SIDECAR_KEYS = ("title", "date", "place", "url", "parties", "language", "license")
_HTTP_URL = re.compile(r"https?://[^\s/?#]+\S*", re.I)


def http_url(value: str) -> str | None:
    """``value`` stripped when it is an absolute http(s) URL with a host, else None.
    Only these are published: a ``javascript:``, ``data:`` or ``file:`` URL from
    untrusted metadata would become a live link in the package README."""
    value = value.strip()
    return value if _HTTP_URL.fullmatch(value) else None
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def validate_sidecar(data: object) -> dict:
    """Checked sidecar values, or ValueError saying which key is wrong and why."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(  # noqa: TRY004 - reported as a bad value, like the others
            "it must be a mapping of key: value lines (title, date, place, url, parties, language, license)")
    unknown = [str(k) for k in data if k not in SIDECAR_KEYS]
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(SIDECAR_KEYS)}")
    out: dict = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "date":
            try:
                out["date"] = parse_date(value)
            except ValueError as e:
                raise ValueError(f"date: {e}") from None
        elif key == "parties":
            if isinstance(value, str) or not isinstance(value, list):
                raise ValueError("parties must be a list, e.g. parties: [CAN, JPN]")
            parties: list[str] = []
            for p in value:
                if not isinstance(p, str) or not p.strip():
                    raise ValueError(f"parties: {p!r} is not a name or ISO3 code (quote it if needed)")
                p = " ".join(p.split())
                if p not in parties:
                    parties.append(p)
            out["parties"] = tuple(parties)
        else:
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{key} must be a non-empty text (quote it if needed), not {value!r}")
            value = " ".join(value.split())
            if key == "url" and not http_url(value):
                raise ValueError(f"url {value!r} is not an http(s) URL such as https://example.org/page")
            if key == "language" and not _LANG.fullmatch(value):
                raise ValueError(f"language {value!r} is not a language code such as en or en-GB")
            out[key] = value
    return out
