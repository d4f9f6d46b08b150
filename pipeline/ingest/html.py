"""HTML page -> plain paragraphs and page metadata (BeautifulSoup, html.parser).

Scripts, styles, navigation, page header/footer, asides, forms, templates,
hidden elements and comments are dropped. Block elements (p, div, li, h1-h6,
br, tr, section, article, blockquote, ...) become paragraph breaks; table
cells in one row are joined with a space. Items of an ``<ol>`` get their
number ("1. ") as a reader sees it, like the numbered items of Markdown.
The first ``<h1>`` (else ``<title>``, without a " | Site" suffix) gives the
title; ``<meta>`` dates, ``<link rel=canonical>``/``og:url`` and
``<html lang>`` give date, url and language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import fold_chars, squash

DROP = frozenset({
    "script", "style", "nav", "header", "footer", "noscript", "template", "aside", "svg",
    "iframe", "object", "embed", "form", "button", "select", "option", "input", "textarea",
    "canvas", "audio", "video", "map", "dialog", "head", "title", "meta", "link", "base",
})
BLOCK = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "tfoot", "thead", "tr", "ul", "br",
})
CELL = frozenset({"td", "th"})
DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "dcterms.date",
             "dc.date.issued", "citation_date", "pubdate", "publication_date")
_BREAK = "\x00"  # paragraph break marker while walking (NULs were removed from the text)
_TITLE_SUFFIX = re.compile(r"\s+[|–—·-]\s+[^|–—·]{1,60}$")


@dataclass
class HtmlDoc:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    date_text: str | None = None
    url: str | None = None
    language: str | None = None


def _hidden(tag) -> bool:
    a = tag.attrs
    return "hidden" in a or str(a.get("aria-hidden", "")).lower() == "true" or \
        "display:none" in str(a.get("style", "")).replace(" ", "").lower()


def html_document(markup: str) -> HtmlDoc:
    from bs4 import BeautifulSoup  # imported once, on the first HTML file only
    from bs4.element import NavigableString, Tag

    soup = BeautifulSoup(markup, "html.parser")
    doc = HtmlDoc()

    for meta in soup.find_all("meta"):
        key = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if not content:
            continue
        if doc.date_text is None and key in DATE_META:
            doc.date_text = str(content)
        elif doc.url is None and key == "og:url":
            doc.url = str(content).strip()
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        doc.url = str(canonical["href"]).strip()
    root = soup.find("html")
    if root is not None and root.get("lang"):
        doc.language = str(root["lang"]).strip() or None
    page_title = soup.find("title")
    page_title = squash(fold_chars(page_title.get_text(" "))) if page_title else ""

    # Iterative walk (deeply nested pages must not hit the recursion limit).
    parts: list[str] = []
    h1: str | None = None
    stack: list = [(soup, False)]
    counters: list[int] = []
    while stack:
        node, leaving = stack.pop()
        if leaving:
            parts.append(_BREAK if node.name in BLOCK else " ")
            if node.name == "ol":
                counters.pop()
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a Comment, Doctype, CData ...
                parts.append(str(node).replace(_BREAK, ""))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if node is not soup and (name in DROP or _hidden(node)):
            continue
        if name == "h1" and h1 is None:
            h1 = squash(fold_chars(node.get_text(" "))) or None
        if name in BLOCK:
            parts.append(_BREAK)
        elif name in CELL:
            parts.append(" ")
        if name == "ol":
            try:
                counters.append(int(str(node.get("start", "1")).strip()) - 1)
            except ValueError:
                counters.append(0)
        if name == "li" and counters and node.parent is not None and node.parent.name == "ol":
            try:
                counters[-1] = int(str(node.get("value")).strip()) if node.get("value") else counters[-1] + 1
            except ValueError:
                counters[-1] += 1
            parts.append(f"{counters[-1]}. ")
        if name in BLOCK or name in CELL or name == "ol":
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))

    chunks = "".join(parts).split(_BREAK)
    doc.paragraphs = [p for p in (squash(fold_chars(c)) for c in chunks) if p]
    title = h1 or (_TITLE_SUFFIX.sub("", page_title) if page_title else None)
    doc.title = title or None
    return doc
