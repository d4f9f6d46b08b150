"""Lists under an introducing clause.

A sentence ending in ":" with a party subject ("We: ", "The leaders agreed to the following
steps:") introduces list items; each following item (a paragraph or an enumerated/bulleted
line) that opens with a verb is a commitment of that subject, with the kind of its own verb
(``_item``). A bullet opening with a past-tense trigger after a paragraph with a party
subject elides that subject (``_elided_item``).
"""
from __future__ import annotations

import re

from pipeline.extract.commitment_grammar import PREPOSITIONS, _Found, _Subj
from pipeline.model import Sentence

_ENUM = re.compile(r"\s*(?:\(?(?:\d{1,3}|[ivxlcIVXLC]{1,5}|[a-zA-Z])[.)]+|[-•*–·▪])\s+")
_ITEM_STOP = frozenset("""we they it our the a an this these those both all each in on at as with for to by
from under through during after before since while when if first second third fourth fifth sixth seventh
finally furthermore moreover additionally further also today together however therefore thus lastly next
then here there in-person upon regarding pursuant following without within given""".split()) | PREPOSITIONS
_VERB_INTRO = re.compile(r"\b(?:to|will|shall)\s+(?:take\s+)?(?:the\s+following\b|:)|\b(?:to|will|shall)\s*:\s*$")
_PARTICIPLE_AFTER_ITEM = re.compile(r"(?:ed|ing)$")
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-•*–·▪][ \t]+$")


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
            if intro is not None:
                intro.verb_items = bool(_VERB_INTRO.search(text, sent.start, sent.end))
            # "declare the following:" / "agree to the following steps:" : the items carry the content
            # but "agree to / commit to the following steps:" is itself a pledge
            found = [f for f in found if f.kind == "pledge" and f.rule in ("agree", "")
                     and re.search(r"\bto\s*$", text[f.trigger_start:f.match_end])
                     or not re.match(r"\s*(?:to\s+)?the\s+following\b", text[f.match_end:sent.end])]
        elif is_item and list_intro is not None:
            intro = list_intro
        return intro, found

    def _elided_item(self, body_start: int, sent: Sentence, stack, found) -> bool:
        """A bullet opening with a past-tense trigger ("- Recognized the importance of ...") after a
        paragraph with a party subject: that subject, elided."""
        text = self.text
        m0 = re.match(r"([A-Z][a-z]+)\b", text[body_start:sent.end])
        if not m0 or self.lex.form_of.get(m0.group(1).lower()) != "past":
            return False
        lm = self.lex.regex.match(text, body_start, sent.end)
        if lm is None:
            return False
        nxt = re.match(r"\s*([\w'’]+)", text[lm.end():sent.end])
        if nxt and (nxt.group(1).lower() in PREPOSITIONS or nxt.group(1).lower() in ("by", "at")):
            return False  # "Signed at X on ...": a participle, not an elided subject
        rule = self.lex.rules[lm.lastgroup]
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
        """A list item opening with a verb under a party's introducing clause."""
        text = self.text
        m0 = re.match(r"([A-Z][a-z]+)\b", text[body_start:sent.end])
        if not m0:
            return False
        word = m0.group(1)
        lm = self.lex.regex.match(text, body_start, sent.end)
        words = re.findall(r"[\w'’-]+", text[body_start:sent.end])
        kind = None
        if word.lower() in _ITEM_STOP:
            return False
        if lm is not None and self.lex.form_of.get(word.lower(), "base") == "base":
            rule = self.lex.rules[lm.lastgroup]
            kind = self._kind(rule, "base", lm, text[lm.end():sent.end], False, sent, intro, False)
        elif (len(words) >= 3 and not _PARTICIPLE_AFTER_ITEM.search(word.lower()) and words[1][:1].islower()
              and not text[body_start + len(word):].startswith(",") and not word.lower().endswith("ly")
              and (intro.verb_items or not word.lower().endswith(("tion", "ment", "ity", "ness", "al", "ic", "ies")))):
            kind = "pledge"
        if kind is None:
            return False
        if lm is None or kind == "pledge":
            kind = kind if lm is not None else "pledge"
        stack.append(_Subj(intro.committers, "pl", body_start))
        found.append(_Found(body_start, word, body_start, body_start + len(word), kind, intro.committers, ""))
        return True
