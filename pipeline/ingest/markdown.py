"""Markdown body -> plain paragraphs (a small, predictable reducer, no library).

Block rules (one output paragraph per block):

- blank lines, headings (``#``/setext), list items, hard line breaks (two or
  more trailing spaces, or a trailing backslash) and ``<br>`` end a paragraph;
  hard-wrapped lines of one paragraph (indented list continuations included)
  are joined with one space;
- bullets (``-``, ``*``, ``+``, ``•``) are dropped; numbered labels (``1.``,
  ``2)``, ``(3)``) are kept as written because they are the statement's own
  paragraph numbering ("1. We have convened ...");
- end markers and rules (a line of only ``###``, ``\\###``, ``***``, ``---``,
  ``___``), HTML comments such as pandoc's ``<!-- -->``, code fences and link
  reference definitions are dropped.

Inline rules: emphasis (``*x*``, ``**x**``, ``***x***``, ``_x_``, ``__x__``,
``~~x~~``) and unmatched ``**``/``***`` runs, links and images (``[text](url)``
-> ``text``), code spans, inline HTML tags (``<u>``, ``<sup>``) and entities
are reduced to their text; backslash escapes (``\\_``, ``\\#``) give the
character itself.
"""
from __future__ import annotations

import html
import re

from .text import fold_chars, squash

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Three or more non-breaking spaces in a row are layout (pandoc's table cell padding,
# e.g. a signature block in two columns): a paragraph break, not a space.
_COLUMN_GAP = re.compile(r"(?:\u00a0[ \t]?){3,}")
_END_MARKER = re.compile(r"\\?(?:#{2,}|\*{3,}|-{3,}|_{3,}|={3,}|(?:\* ?){3,}|(?:- ?){3,})")
_FENCE = re.compile(r"(?:`{3,}|~{3,}).*")
_REFDEF = re.compile(r"\[[^\]]+\]:\s*\S+.*")
_HEADING = re.compile(r"#{1,6}(?:[ \t]+(.*))?")
_BULLET = re.compile(r"[-*+•][ \t]+(.*)")
_ORDERED = re.compile(r"(\d{1,3}[.)]|\(\d{1,3}\))[ \t]+(.*)")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_HARD_BREAK = re.compile(r"(?: {2,}|(?<!\\)(?:\\\\)*\\)$")

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\[[^\[\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_DELIMS = re.compile(r"\*+|_+|~~+")
_MARKER_START = frozenset("#-*+•=_`~[(\\0123456789")  # a line starting otherwise is running text
_MARKUP_ONLY = "*_~#=-`\\ "
_PUA = 0xE000  # escaped characters are parked here while emphasis is removed


def _protect(m: re.Match) -> str:
    return chr(_PUA + ord(m.group(1)))


_UNPROTECT = {_PUA + c: chr(c) for c in range(0x21, 0x7F)}
_PROTECTED = re.compile(f"[{chr(_PUA + 0x21)}-{chr(_PUA + 0x7E)}]")


def inline(s: str) -> str:
    """Reduce inline Markdown in one block of text to plain text (one line)."""
    # Each rule runs only when its marker character occurs (10,000 files: keep it cheap).
    s = " ".join(s.split())  # single spaces: no regex below can backtrack over long runs
    if "`" in s:
        s = _CODE.sub(lambda m: m.group(2).strip(), s)
    if "\\" in s:
        s = _ESCAPE.sub(_protect, s)
    if "<" in s:
        s = _TAG.sub("", _AUTOLINK.sub(r"\1", s))
    if "[" in s:
        s = _FOOTNOTE_REF.sub("", s)
        for _ in range(3):  # nested links/images such as [![alt](img)](url)
            s2 = _IMAGE_OR_LINK.sub(r"\1", s)
            if s2 == s:
                break
            s = s2
    if "*" in s or "_" in s or "~~" in s:
        s = _strip_emphasis(s)
    if "&" in s:
        s = html.unescape(s)
    if not s.isascii() and _PROTECTED.search(s):
        s = s.translate(_UNPROTECT)
    s = fold_chars(s)
    return squash(s)


def _strip_emphasis(s: str) -> str:
    """Remove emphasis delimiters in one linear pass (no regex backtracking).

    A run of ``*``, ``_`` or ``~~`` opens when followed by a non-space and closes
    when preceded by one (``_`` never inside a word, so snake_case stays); a
    closer pairs with the latest open run of the same character and both runs
    are dropped. Unpaired runs of two or more ``*`` touching a word (a bold
    marker cut by a line break) are dropped too; a lone ``*`` or ``_`` and a
    free-standing ``**`` ("5 ** 2") are kept.
    """
    runs = list(_DELIMS.finditer(s))
    drop: set[int] = set()
    open_runs: dict[str, list[int]] = {"*": [], "_": [], "~": []}
    n = len(s)
    for i, m in enumerate(runs):
        ch, start, end = m.group(0)[0], m.start(), m.end()
        before = s[start - 1] if start else " "
        after = s[end] if end < n else " "
        can_open = not after.isspace()
        can_close = not before.isspace()
        if ch == "_":
            can_open = can_open and not before.isalnum()
            can_close = can_close and not after.isalnum()
        stack = open_runs[ch]
        if can_close and stack:
            drop.add(stack.pop())
            drop.add(i)
        elif can_open:
            stack.append(i)
        elif can_close and ch == "*" and end - start >= 2:
            drop.add(i)  # "bold**": a closer whose opener was cut off
    for i in open_runs["*"]:
        if runs[i].end() - runs[i].start() >= 2:
            drop.add(i)
    if not drop:
        return s
    out, pos = [], 0
    for i in sorted(drop):
        out.append(s[pos:runs[i].start()])
        pos = runs[i].end()
    out.append(s[pos:])
    return "".join(out)


def markdown_paragraphs(body: str) -> list[str]:
    """Plain paragraphs of a Markdown body (line ends already "\\n").

    Characters are folded per block, after the hard-break test: that test must
    see the raw line ends, where pandoc puts a non-breaking space before line
    ends that are *not* breaks.
    """
    if "<!--" in body:
        body = _COMMENT.sub("", body)
    if "\u00a0\u00a0" in body or "\u00a0 \u00a0" in body or "\u00a0\t\u00a0" in body:
        body = _COLUMN_GAP.sub("\n\n", body)
    blocks: list[list[str]] = []
    cur: list[str] = []
    in_fence = False

    def flush() -> None:
        nonlocal cur
        if cur:
            blocks.append(cur)
            cur = []

    for raw in body.split("\n"):
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        hard = line.endswith("  ") or (line.endswith("\\") and _HARD_BREAK.search(line) is not None)
        s = line.strip()
        if _FENCE.fullmatch(s):
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            if s:
                blocks.append([s])
            continue
        if s and s[0] not in _MARKER_START:
            cur.append(s)  # the common case: a line of running text
            if hard:
                flush()
            continue
        if not s:
            flush()
            continue
        if _END_MARKER.fullmatch(s) or _REFDEF.fullmatch(s):
            flush()  # also closes a setext heading: its text stays one paragraph
            continue
        m = _HEADING.fullmatch(s)
        if m:
            flush()
            heading = (m.group(1) or "").rstrip()
            closed = heading.rstrip("#")
            if closed != heading and (not closed or closed[-1] in " \t"):
                heading = closed.rstrip()  # "## Title ##": the closing hashes go
            if heading:
                blocks.append([heading])
            continue
        b = _BULLET.fullmatch(s)
        if b:
            flush()
            cur = [b.group(1)]
            if hard:
                flush()
            continue
        o = _ORDERED.fullmatch(s)
        # CommonMark: a numbered item interrupts a paragraph only when it is "1."
        # (so "... in February\n2023. We ..." stays one paragraph).
        if o and (not cur or re.match(r"\(?1\b", s)):
            flush()
            cur = [f"{o.group(1)} {o.group(2)}"]
            if hard:
                flush()
            continue
        cur.append(s)
        if hard:
            flush()
    flush()

    out: list[str] = []
    for block in blocks:
        for part in _BR.split(" ".join(block)):
            text = inline(part)
            if text.strip(_MARKUP_ONLY):  # a block of only markup characters is a leftover
                out.append(text)
    return out


def clean_title(s: str) -> str:
    """A front-matter or sidecar title as plain text (escapes, emphasis, NBSP)."""
    return inline(fold_chars(s))
