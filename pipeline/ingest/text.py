"""Character-level normalisation shared by every input format.

The output of :func:`finish` is the ``Statement.text`` every offset points
into: NFC, no control characters, Unicode spaces folded to " ", runs of
spaces collapsed, one paragraph per block, paragraphs separated by exactly
one blank line ("\\n\\n"), no leading or trailing whitespace.
"""
from __future__ import annotations

import re
import unicodedata

# Presentational variants folded to their plain form: every Unicode space
# separator becomes " ", the non-breaking hyphen becomes "-"; invisible
# characters (zero-width space, word joiner, BOM, soft hyphen) are dropped.
_FOLD = {cp: " " for cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
_FOLD.update({0x2011: "-", 0x200B: None, 0x2060: None, 0xFEFF: None, 0x00AD: None, 0x0009: " ",
              0x000B: " ", 0x000C: " ", 0x2028: "\n", 0x2029: "\n\n"})
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")
# Other C0 and C1 control characters (and the replacement character) carry no text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")


def fold_chars(s: str) -> str:
    """NFC, Unicode spaces -> " ", non-breaking hyphen -> "-", invisibles and
    control characters removed, line ends -> "\\n". Keeps line structure."""
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if not s.isascii():
        s = _FOLD_RE.sub(_fold_one, s)
        if not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)
    return _CONTROL.sub("", s)


def _fold_one(m: re.Match) -> str:
    return _FOLD[ord(m.group(0))] or ""


def control_ratio(s: str) -> float:
    """Share of characters that are control characters or U+FFFD (binary data)."""
    if not s:
        return 0.0
    return len(_CONTROL.findall(s)) / len(s)


def squash(s: str) -> str:
    """Collapse any run of whitespace (line breaks included) to one space.

    On :func:`fold_chars` output ``str.split()`` sees exactly the ASCII
    whitespace (other spaces were folded, other separators removed)."""
    return " ".join(s.split())


def finish(paragraphs: list[str]) -> str:
    """Join paragraphs (each squashed to one line) with one blank line."""
    out = []
    for p in paragraphs:
        p = squash(p)
        if p:
            out.append(p)
    return "\n\n".join(out)


def split_paragraphs(s: str) -> list[str]:
    """Blocks separated by blank lines (lines of only whitespace count as blank)."""
    return [p for p in _PARA_BREAK.split(s) if p.strip()]


def plain_text_paragraphs(s: str) -> list[str]:
    """Paragraphs of a plain ``.txt`` body (already :func:`fold_chars`-ed).

    Blank lines separate paragraphs and hard-wrapped lines are joined. A file
    without any blank line whose lines are long (average > 100 characters) is
    taken as one paragraph per line, the way many exports write it.
    """
    if not _PARA_BREAK.search(s):
        lines = [ln for ln in s.split("\n") if ln.strip()]
        if len(lines) > 1 and sum(map(len, lines)) / len(lines) > 100:
            return lines
    return split_paragraphs(s)
