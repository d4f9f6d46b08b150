"""Lists under an introducing clause.

A sentence ending in ":" with a party subject ("We: ", "The leaders agreed to the following
steps:") introduces list items; each following item (a paragraph or an enumerated/bulleted
line) that opens with a verb is a commitment of that subject, with the kind of its own verb
(``_item``). A bullet opening with a past-tense trigger after a paragraph with a party
subject elides that subject (``_elided_item``).

- intros: a party subject before ":", "We:", or an operative clause without its subject
  ("Hereby decide to:", after a "WE, the Leaders of ..." preamble: ``_subjectless_intro``), or
  one whose "to" is glued on or oddly spaced ("WE HEREBY COMMITTO:": ``_glued_intro``);
  "to:", "will:", "to take these steps:", "will ... by:" make it an intention intro;
- a section heading between items ("Maritime Cooperation": ``is_heading``) keeps the list going;
- items: bare verbs ("Expand ..."), gerunds ("Creating a fund", "working within ..."), capitals
  ("ADOPT ...", "FURTHER PROMOTE ...": an adverb before the verb), lower-case verbs with an object ("foster a strong ..."), numbered or bulleted,
  also numbered inline ("...; 2. Support ...": ``_ENUM_BEFORE``); noun phrases, headings in
  capitals or title case, and gerund subjects ("Building X requires ...") are not items, but an
  item line ending in ";" or "; and" keeps the list going;
- items inside one sentence after "will seek to:" and separated by ";" (``_inline_items``);
- kinds: under an intention intro an item is a pledge unless its own verb is an establishment,
  instruction, appeal, welcome or opposition (ANNOTATION.md, "Lists").
"""
from __future__ import annotations

import re

from pipeline.extract.commitment_headings import heading_word
from pipeline.extract.commitment_grammar import NOUN_LIKE, PREPOSITIONS, _Found, _Subj
from pipeline.model import Sentence

_ENUM = re.compile(r"\s*(?:\(?(?:\d{1,3}|[ivxlcIVXLC]{1,5}|[a-zA-Z])[.)]+|[-•*–·▪])\s+")
# an item number written inline after the previous item ("...; 2. Support", "...; and (c) Expand")
_ENUM_BEFORE = re.compile(r"(?:^|[;:,]|\band|\bor)\s*\(?(?:\d{1,3}|[ivx]{1,5}|[a-z])[.)]\s*$")
_ENUM_AT_END = re.compile(r"(?<=[;:,])\s*(?:(?:and|or)\s+)?\(?(?:\d{1,3}|[ivx]{1,5}|[a-z])[.)]$")
_ITEM_STOP = frozenset("""we they it our the a an this these those both all each in on at as with for to by
from under through during after before since while when if first second third fourth fifth sixth seventh
finally furthermore moreover additionally further also today together however therefore thus lastly next
then here there in-person upon regarding pursuant following without within given beyond against across
around along toward towards via despite including like unlike amid amidst alongside throughout per""".split()) | PREPOSITIONS
_VERB_INTRO = re.compile(r"\b(?:to|will|shall)\s+(?:take\s+)?(?:the\s+following\b|:)|\b(?:to|will|shall)\s*:\s*$"
                         r"|\b(?:to|will|shall)\s+(?:take|pursue|undertake)\s+(?:these|the\s+following)\b"
                         r"|\b(?:will|shall)\b[^:]*\bby\s*:\s*$")  # "We will champion X by: - upholding ..."
# the first word of an item: capitalised, in capitals, or lower-case (a gerund or bare verb after "commit to:")
_ITEM_WORD = re.compile(r"([A-Z][a-z]+|[A-Z]{2,}|[a-z]+)\b")
# an operative clause without its subject: "Hereby decide to:", "Further resolve to:"
_SUBJECTLESS = re.compile(r"(?:(?:[Hh]ereby|HEREBY|[Ff]urther|FURTHER|[Aa]lso|[Jj]ointly|[Tt]herefore)\s+)*"
                          r"([A-Z][a-z]+|[A-Z]{2,}|(?<=\s)[a-z]+)\b")
# a lower-case word that is no known trigger is a verb when an object follows ("foster a strong X")
_OBJECT_START = re.compile(r"\s+(?:the|a|an|our|their|its|this|these|those|all|any|each|every|both|such)\s")
# "Building resilience requires ...", "Underpinning all of this, is ...": a gerund phrase as subject
_GERUND_SUBJECT = re.compile(r"[A-Za-z]+ing\s(?:[^,;:.]{0,80}?\s|[^;:.]{0,160}?,\s*)(?:is|are|was|were|requires?|remains?)\s")
# kinds an item's own verb keeps under a future intro (ANNOTATION.md, "Lists")
_OWN_KIND_ITEMS = frozenset(("establishment", "instruction", "appeal", "welcome", "opposition"))
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-•*–·▪][ \t]+$")
# "WE HEREBY COMMITTO:", "We hereby commit  to :": an operative verb with its "to" glued on or spaced oddly
_GLUED_INTRO = re.compile(r"(?:(?:We|WE|we)\s+)?(?:(?:hereby|further|also|jointly|therefore)\s+)*([A-Za-z]+?)(\s*to)?\s*:\s*$",
                          re.IGNORECASE)
# "FURTHER PROMOTE the X", "Also expand Y": an adverb before the item's verb
_ITEM_ADVERB = re.compile(r"(?:further|also|jointly|together|actively|continue\s+to)\s+(?=[A-Za-z])", re.IGNORECASE)
# an intention ending in a colon inside a sentence ("will seek to:", "commit to:", "will:")
_INLINE_INTRO = re.compile(r"\b(?:to|will|shall)\s*:$")
# an inline item after ";": "; and (b) jointly promote X" (its verb: group "verb")
_INLINE_ITEM = re.compile(r"\s*(?:and\s+|or\s+)?(?P<item>(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?"
                          r"(?:(?:jointly|further|also|together|continue\s+to)\s+)?(?P<verb>[a-z]+)\b)")
# a heading between items ("Maritime Cooperation", "2030 Agenda for Sustainable Development"): a
# one-line paragraph without final punctuation, its words capitalised
_HEADING = re.compile(r"[A-Z0-9][^\n.;:!?,]{0,100}[^\s.;:!?,]")
_MINOR = frozenset("of and or for the on in to a an with".split())


def is_heading(text: str, start: int, end: int) -> bool:
    """A section heading: one short line, no final punctuation, every content word capitalised."""
    m = _HEADING.fullmatch(text, start, end)
    if not m or (start > 0 and text[start - 1] != "\n") or text[end:end + 1] not in ("", "\n"):
        return False
    words = re.findall(r"[\w'’-]+", text[start:end])
    return 0 < len(words) <= 14 and all(w[:1].isupper() or w[:1].isdigit() or w in _MINOR for w in words)


class ListRules:
    """Mixin of the extractor: list intros and list items."""

    def _list_intro(self, sent: Sentence, body_start: int, stack, found, is_item: bool,
                    list_intro: _Subj | None):
        """(the subject this sentence introduces list items for, or None; the found rows kept)."""
        text = self.text
        intro = None
        stripped = text[sent.start:sent.end].rstrip()
        if stripped.endswith(":"):
            party = [s for s in stack if s.committers]
            if party:
                intro = _Subj(party[-1].committers, "pl", party[-1].start)
            elif re.match(r"(?:We|we)\s*:", text[body_start:sent.end]):
                intro = _Subj(self.party_ids, "1pl", body_start)
            elif self._subjectless_intro(body_start, sent):
                intro = _Subj(self.party_ids, "1pl", body_start)
            glued = None if intro is not None else self._glued_intro(body_start, sent)
            if glued is not None:
                intro = _Subj(self.party_ids, "1pl", body_start)
            if intro is not None:
                intro.verb_items = bool(_VERB_INTRO.search(text, sent.start, sent.end)) or bool(glued)
            # "declare the following:" / "agree to the following steps:" : the items carry the content
            # but "agree to / commit to the following steps:" is itself a pledge
            # "Norvia and Selda will:": the modal has its verbs in the items
            found = [f for f in found if not (f.rule == "modal" and re.match(r"\s*:", text[f.match_end:sent.end]))]
            found = [f for f in found if f.kind == "pledge" and f.rule in ("agree", "")
                     and re.search(r"\bto\s*$", text[f.trigger_start:f.match_end])
                     or not re.match(r"\s*(?:to\s+)?the\s+following\b", text[f.match_end:sent.end])]
        elif is_item and list_intro is not None:
            intro = list_intro
        return intro, found

    def _inline_items(self, sent: Sentence, found: list) -> None:
        """"the leaders will seek to: promote X; strengthen Y; and jointly promote Z.": items run on
        inside one sentence after a party's intention ending in "to:" / "will:"; each item after the
        first (the intro's own row holds the first) that opens with a verb is a commitment of the intro's
        subject, a pledge unless its verb keeps its own kind."""
        text = self.text
        colon = text.find(":", sent.start, sent.end)
        if colon < 0 or not text[colon + 1:sent.end].strip() or ";" not in text[colon:sent.end]:
            return
        head = next((f for f in reversed(found) if f.trigger_start < colon and f.committers), None)
        if head is None or not _INLINE_INTRO.search(text, head.trigger_start, colon + 1) \
                or head.kind in ("appeal", "instruction"):
            return  # "We call on X to: change course; hold elections": what the addressee is to do
        committers = head.committers
        pos = text.find(";", colon, sent.end)
        while pos >= 0:
            im = _INLINE_ITEM.match(text, pos + 1, sent.end)
            nxt = text.find(";", pos + 1, sent.end)
            if im is not None:
                word, vstart = im.group("verb"), im.start("verb")
                low = word.lower()
                lm = self._item_trigger(vstart, sent.end)
                verb = self.lex.form_of.get(low) == "base" or (
                    low not in _ITEM_STOP and not low.endswith(("ing", "ed", "ly", "s"))
                    and _OBJECT_START.match(text, im.end("verb"), sent.end))
                if verb:
                    kind = "pledge"
                    if lm is not None and lm.start() == vstart:
                        own = self.lex.rules[lm.lastgroup].kind
                        kind = own if own in _OWN_KIND_ITEMS else "pledge"
                    found.append(_Found(im.start("item"), word, vstart, vstart + len(word), kind, committers, ""))
            pos = nxt

    def _item_trigger(self, start: int, end: int):
        """The trigger an item (or an operative clause) opens with; progressive-only verbs are none."""
        lm = self.lex.regex.match(self.text, start, end)
        if lm is not None and self.lex.rules[lm.lastgroup].rule == "progressive":
            return None
        return lm

    def _subjectless_intro(self, body_start: int, sent: Sentence) -> bool:
        """"Hereby decide to:", "Decide to:", "AGREE on the following:": the operative clause of a
        formal declaration whose subject ("WE, the Leaders of ...") opened the statement."""
        m = _SUBJECTLESS.match(self.text, body_start, sent.end)
        if not m:
            return False
        word = m.group(1).lower()
        if self.lex.form_of.get(word) != "base" or self._item_trigger(m.start(1), sent.end) is None:
            return False
        return not re.match(r"\s+(?:for|of)\b", self.text[m.end(1):sent.end])  # "Support for X:": a heading

    def _glued_intro(self, body_start: int, sent: Sentence) -> bool | None:
        """"WE HEREBY COMMITTO:": an operative verb (a trigger) whose "to" is glued on or spaced
        oddly; None when it is not one, else whether it takes "to" (its items are then verbs)."""
        m = _GLUED_INTRO.match(self.text, body_start, sent.end)
        if not m:
            return None
        word = m.group(1)
        to = bool(m.group(2))
        if not to and word.lower().endswith("to") and len(word) > 4:
            word, to = word[:-2], True
        if not to or self.lex.form_of.get(word.lower()) != "base":
            return None
        if m.start(1) == body_start and not self.text[body_start:body_start + 1].isupper():
            return None
        return to

    def _elided_item(self, body_start: int, sent: Sentence, stack, found) -> bool:
        """A bullet opening with a past-tense trigger ("- Recognized the importance of ...") after a
        paragraph with a party subject: that subject, elided."""
        text = self.text
        m0 = re.match(r"([A-Z][a-z]+)\b", text[body_start:sent.end])
        if not m0 or self.lex.form_of.get(m0.group(1).lower()) != "past":
            return False
        lm = self._item_trigger(body_start, sent.end)
        if lm is None:
            return False
        nxt = re.match(r"\s*([\w'’]+)", text[lm.end():sent.end])
        if nxt and (nxt.group(1).lower() in PREPOSITIONS or nxt.group(1).lower() in ("by", "at")):
            return False  # "Signed at X on ...": a participle, not an elided subject
        rule = self.lex.rules[lm.lastgroup]
        if rule.rule == "continue":
            return False  # "Continued investment in X": an adjective, as in the clause scan
        subj = _Subj(self.lead.committers, "pl", body_start, past=True)
        kind = self._kind(rule, "past", lm, text[lm.end():sent.end], False, sent, subj, False)
        if kind is None:
            return False
        tg = self.lex.trigger_group[lm.lastgroup]
        stack.append(subj)
        subj.last_end = lm.end()
        found.append(_Found(body_start, lm.group(tg), lm.start(tg), lm.end(), kind, subj.committers, rule.rule))
        return True

    def _item(self, tokens, floor, body_start, sent, intro: _Subj, stack, found) -> bool:
        """A list item opening with a verb under a party's introducing clause: a bare verb
        ("Expand ..."), a gerund ("Expanding ...", "creating a fund ...") or capitals ("ADOPT ...").

        Its kind: the item verb's own kind when that is an establishment, instruction, appeal,
        welcome or opposition, or when the intro carries no intention ("We: 1. Express ...");
        under a future or intention intro ("will:", "commit to:", "decide to:") otherwise a pledge.
        """
        text = self.text
        adv = _ITEM_ADVERB.match(text, body_start, sent.end)
        vstart = adv.end() if adv else body_start  # "FURTHER PROMOTE X": the verb after the adverb
        m0 = _ITEM_WORD.match(text, vstart, sent.end)
        if not m0:
            return False
        word = m0.group(1)
        low = word.lower()
        if low in _ITEM_STOP or low.endswith("ly"):
            return False
        form = self.lex.form_of.get(low, "base")
        gerund = low.endswith("ing")
        if word[0].islower() and not (gerund or low in self.lex.form_of and form == "base"
                                      or _OBJECT_START.match(text, m0.end(), sent.end)):
            return False  # "robust information sharing": a noun phrase ("foster a strong X": a verb)
        if _GERUND_SUBJECT.match(text, vstart, sent.end):
            return False  # "Building resilience requires ...": a gerund as the subject of a sentence
        if low in NOUN_LIKE and re.match(r"\s+(?:for|of)\b", text[m0.end():sent.end]):
            return False  # "support for the interests of ...": a noun
        lm = self._item_trigger(vstart, sent.end)
        words = re.findall(r"[\w'’-]+", text[vstart:sent.end])
        second_lower = len(words) >= 2 and words[1][:1].islower()
        if word.isupper() and len(word) > 1 and not any(w[:1].islower() for w in words[1:4]):
            return False  # "NEXT STEPS AND OUTLOOK", "SUPPORT FOR X": a heading in capitals
        kind = None
        head = heading_word(text, sent.start, sent.end)
        if head is not None and head[1] == vstart and intro.verb_items:
            # "1. Expand Trade Links: ..." under "will work together to:": a numbered section heading's verb
            own = self.lex.rules[lm.lastgroup].kind if lm is not None and lm.start() == vstart else None
            kind = own if own in _OWN_KIND_ITEMS else "pledge"
        title_case = sum(w[:1].isupper() for w in words[:4]) >= 3 or len(words) < 3
        if kind is not None:
            pass
        elif lm is not None and (form == "base" or (gerund and form == "ing" and not title_case)):
            rule = self.lex.rules[lm.lastgroup]
            kind = self._kind(rule, "base", lm, text[lm.end():sent.end], False, sent, intro, False)
            if intro.verb_items and kind not in _OWN_KIND_ITEMS:
                kind = "pledge"
        elif (len(words) >= 3 and not low.endswith("ed") and second_lower
              and not (low.endswith("s") and not low.endswith(("ss", "us")))  # "Efforts to X": a plural noun
              and words[1] not in ("of", "for")  # "Access for all": a noun phrase
              and not (words[1] in ("and", "or") and words[2][:1].isupper())  # "Trade and Investment": a title
              and not text[vstart + len(word):].startswith(",")
              # a gerund that is no trigger opens an item only under a verb intro ("commit to:");
              # under a noun ("a dialogue around these areas:") it describes the noun
              and (intro.verb_items
                   or not gerund and not low.endswith(("tion", "ment", "ity", "ness", "al", "ic", "ies")))):
            kind = "pledge"
        if kind is None:
            return False
        stack.append(_Subj(intro.committers, "pl", body_start))
        found.append(_Found(body_start, word, vstart, vstart + len(word), kind, intro.committers,
                            "heading" if head is not None and head[1] == vstart else ""))  # the heading's colon ends it
        return True
