"""Rule-based sentence splitter for normalised statement text.

Paragraphs are separated by a blank line ("\\n\\n"); a single remaining line
break (a list item, a heading) also ends a sentence. Inside a line, a sentence
ends at ``.``, ``!`` or ``?`` (plus closing quotes/brackets) followed by
whitespace and an upper-case letter, a digit, an opening quote or bracket --
unless the period belongs to an abbreviation (``U.S.``, ``Dr.``, ``No. 4``,
``e.g.``), an initial (``Joseph R. Biden``) or an item number (``1. We ...``).
"""
from __future__ import annotations

import re

from pipeline.model import Sentence

# Abbreviations after which a period never ends a sentence.
_NEVER_END = {
    "dr", "mr", "mrs", "ms", "mt", "lt", "gen", "col", "capt", "cmdr", "adm", "sgt", "gov", "sen",
    "rep", "amb", "hon", "rev", "prof", "st", "ste", "no", "nos", "vs", "e.g", "i.e", "cf", "viz",
    "approx", "art", "para", "paras", "sec", "fig", "vol", "pp", "p", "ch", "op", "et al", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Abbreviations that end a sentence only when a typical sentence opener follows.
_MAYBE_END = {"u.s", "u.k", "u.n", "e.u", "jr", "sr", "inc", "co", "corp", "ltd", "etc", "p.r.c", "r.o.k",
              "d.c", "a.m", "p.m", "s.a", "plc", "llc", "bros"}
_OPENERS = {
    "the", "we", "they", "this", "these", "those", "it", "its", "in", "on", "at", "as", "both", "our",
    "he", "she", "his", "her", "today", "together", "additionally", "furthermore", "moreover",
    "however", "further", "also", "under", "with", "for", "to", "during", "after", "since", "while",
    "there", "a", "an", "building", "recognizing", "recognising", "finally", "first", "second",
    "leaders", "officials", "through", "by", "each", "all", "given", "following", "going",
}

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"“‘(\[]?)(\w+)")
_ENUM_ONLY = re.compile(r"^\s*(?:\(?\d{1,3}|\(?[ivxlc]{1,5}|\(?[a-zA-Z])[.)]*$")
_LINE_BREAK = re.compile(r"\n[ \t]*(?:\n\s*)?")


def _is_boundary(line: str, end: int, sent_start: int) -> bool:
    """``end`` is just past a candidate terminator inside ``line``."""
    m = _NEXT.match(line, end)
    if not m:
        return False
    quote, word = m.group(1), m.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or quote):
        return False
    term = re.match(r"[.!?]+", line[_punct_start(line, end):end])
    if term is None or term.group(0) != ".":
        return True  # "!" / "?" / "..." always end a sentence
    dot = _punct_start(line, end)
    i = dot
    while i > 0 and (line[i - 1].isalnum() or line[i - 1] in ".&'-_"):
        i -= 1
    before = line[i:dot].rsplit("-", 1)[-1]  # "Canada-U.S." -> "U.S."
    low = before.lower().rstrip(".")
    if _ENUM_ONLY.match(line[sent_start:dot]):
        return False  # "1. We reaffirm", "(a). ..."
    if low in _NEVER_END:
        return False
    if len(before) == 1 and before.isupper():
        return False  # an initial: "Joseph R. Biden"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", before) or low in _MAYBE_END:
        # U.S. / U.K. / Inc. : a sentence end only before a typical opener
        return word.lower() in _OPENERS and not quote
    return True


def _punct_start(line: str, end: int) -> int:
    i = end
    while i > 0 and line[i - 1] in "\"'”’)]":
        i -= 1
    while i > 0 and line[i - 1] in ".!?":
        i -= 1
    return i


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, in order, each stripped and non-empty."""
    out: list[Sentence] = []
    para = 0
    pos = 0
    seen_text_in_para = False
    breaks = list(_LINE_BREAK.finditer(text)) + [None]
    for br in breaks:
        line_end = br.start() if br else len(text)
        line = text[pos:line_end]
        if line.strip():
            seen_text_in_para = True
            sent_start = 0
            for m in _CANDIDATE.finditer(line):
                if _is_boundary(line, m.end(), sent_start):
                    s, e = _strip_span(text, pos + sent_start, pos + m.end())
                    if s < e:
                        out.append(Sentence(s, e, para))
                    sent_start = m.end()
            s, e = _strip_span(text, pos + sent_start, line_end)
            if s < e:
                out.append(Sentence(s, e, para))
        if br is None:
            break
        if "\n" in br.group(0)[1:] and seen_text_in_para:
            para += 1  # a blank line: new paragraph
            seen_text_in_para = False
        pos = br.end()
    return out
