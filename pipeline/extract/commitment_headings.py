"""Numbered section headings that carry a list's verbs.

"The two countries will work together to:" followed by paragraphs that open with numbered
headings in title case ("1. Expand Trade Links: <body>", "2. Protecting Coastal Waters: <body>")
hangs each heading's verb on the intro (ANNOTATION.md, "Lists": items with their own verb under a
party's introducing clause; under an intention intro they are pledges). The sections' bodies (other
paragraphs) do not end the list: the next heading continues it when it carries the next number.

Only a heading opening its paragraph, numbered, in title case and closed by ":" counts, and its
first word must look like a verb (no noun suffix, no preposition or determiner).
"""
from __future__ import annotations

import re

_NUM = re.compile(r"\s*(\d{1,2})\.\s+")
_HEAD = re.compile(r"([A-Z][a-z]+)\b([^\n:.;!?]{0,120}?)\s*:")
_MINOR = frozenset("of and or for the on in to a an with our their its at by from across".split())
_NOUNISH = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ism", "ship", "al", "ic", "ies", "ly", "ure")


def heading_word(text: str, start: int, end: int):
    """(number, first word's start, first word) when ``text[start:end]`` opens with a numbered
    title-case heading closed by ":" whose first word looks like a verb; else None."""
    n = _NUM.match(text, start, end)
    if not n:
        return None
    h = _HEAD.match(text, n.end(), end)
    if not h:
        return None
    word = h.group(1)
    low = word.lower()
    if low.endswith(_NOUNISH) or (low.endswith("s") and not low.endswith("ss")) or low in _MINOR:
        return None
    words = re.findall(r"[\w'’-]+", h.group(0))
    if not 1 <= len(words) <= 14 or not all(w[:1].isupper() or w[:1].isdigit() or w in _MINOR for w in words):
        return None
    return int(n.group(1)), h.start(1), word


class NumberedSections:
    """Keeps a list intro alive across the bodies of numbered sections whose headings are its items."""

    def __init__(self, text: str):
        self.text = text
        self.intro = None
        self.next = 0

    def intro_for(self, sent, first: bool):
        """The intro a paragraph opening with the next numbered heading continues, or None."""
        if not first or self.intro is None:
            return None
        hw = heading_word(self.text, sent.start, sent.end)
        return self.intro if hw is not None and hw[0] == self.next else None

    def seen(self, sent, first: bool, used, rows) -> bool:
        """Remember the intro when this paragraph's numbered heading became one of its items (True:
        the section's body paragraphs that follow are then no items; the next heading continues)."""
        hw = heading_word(self.text, sent.start, sent.end) if first else None
        if hw is None:
            return False
        if used is not None and getattr(used, "verb_items", False) \
                and any(r.trigger_start == hw[1] for r in rows):
            self.intro, self.next = used, hw[0] + 1
            return True
        self.intro = None
        return False
