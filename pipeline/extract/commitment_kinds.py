"""Kinds of a found predicate: the lexicon's kind, refined by what follows and by the clause.

A modal makes a pledge with the modal as trigger; "look forward to" + -ing verb = pledge,
+ noun = support; "agree/decide to" + establish/launch/create (no time phrase) = establishment,
+ instruct = instruction; "resolved that X must" = appeal, "that we will" = pledge; "express their determination/intent/resolve to" + verb = pledge (the
intention noun is the trigger); "announce its intent / that X will" = pledge; a coordinated
predicate under a modal subject is a pledge; negated support/welcome/emphasis = opposition;
a neutral speech verb ("conveyed that X will", "assured Y of its support") takes the kind of
what it carries (pledge, support; nothing recognised: no row).
Also the verb-agreement test used to pick the subject of a coordinated predicate.
"""
from __future__ import annotations

import re

from pipeline.extract.commitment_grammar import ADVERBS, _Subj
from pipeline.extract.time_expressions import find_time_expression
from pipeline.model import Sentence

# "agreed to re-start / relaunch the X Dialogue": a creation at this meeting, like "agreed to launch"
_RESTART = re.compile(r"re-?(?:start|launch|establish|convene|activate)$")

# what a neutral speech verb carries: a future act or a commitment, or support (within its clause)
_SPEECH_FUTURE = re.compile(r"[^.;:]{0,120}?\b(?:will|shall|would|intends?\s+to|plans?\s+to|(?:is|are|remains?)\s+"
                            r"(?:\w+ly\s+)?(?:committed|determined|ready|prepared)\s+to|commit(?:s|ted)?\s+to)\b")
_SPEECH_SUPPORT = re.compile(r"[^.;:]{0,80}?\b(?:support|backing|solidarity)\b")


# "agreed that our two nations will work together": a future act agreed (pledge); the modal is its trigger's
_AGREED_FUTURE = re.compile(r"[^.;:]{0,100}?\b(will|shall|must)\b")
# "confirmed / affirmed that they will X": the modal of a clause stated by the parties (round 9)
# "announce (today) that X will / intends to": group 1 the clause after "that", group 2 the modal or intention verb
_ANNOUNCED_FUTURE = re.compile(r"\s*(?:(?:today|also|hereby|jointly)\s+)?that\b([^.;:]{0,160}?)\b(will|shall|is\s+to|intends?\s+to|plans?\s+to)\b")
# "look to": what follows "to" when it is no verb ("look to the future", "look to them")
_NOT_VERB_AFTER_TO = frozenset("the a an this that these those our their its his her my your them us him it each every all "
                               "both any such future".split())
_NOUN_ENDINGS = ("tion", "ment", "ness", "ity", "ship", "ance", "ence")
_STAND_IN_ING = re.compile(r"(?:\s+[\w-]+){0,5}?\s+in\s+([a-z]+ing)\b")
_THAT_BEFORE = re.compile(r"\bthat\s+$")
_HAVE_BEFORE = re.compile(r"\b(?:has|have|had|having)\s+(?:[a-z]+ly\s+|also\s+|already\s+)?$")
_STATED_FUTURE = re.compile(r"\s*that\s+[^.;:]{0,100}?\b(will|shall)\b")
# "resolved that X must / will": the modal of the resolved clause
_RESOLVED_MODAL = re.compile(r"[^.;:]{0,100}?\b(will|shall|must|should)\b")
# "agreed to a Framework for X", "agreed on the text of a declaration": an instrument agreed at this meeting
_AGREED_INSTRUMENT = re.compile(r"\s*(?:(?:to|on|upon)\s+)?(?:a|an|the)\s+(?:(?:new|joint|final|text\s+of\s+(?:a|an|the))\s+)?"
                                r"(?:[A-Z][\w-]*\s+){0,3}?(?:framework|agreement|roadmap|road\s+map|action\s+plan"
                                r"|declaration|memorandum|arrangement|protocol|charter|accord|treaty|extension|renewal)\b", re.IGNORECASE)


# adverbs before the next word ("look forward to further deepening"): built once, not per match
_ADVERB_RUN = r"\s*(?:(?:" + "|".join(ADVERBS) + r")\s+)*"
_NEXT_WORD = re.compile(_ADVERB_RUN + r"([\w'’-]+)", re.IGNORECASE)
_NEXT_ING = re.compile(_ADVERB_RUN + r"([a-z]+ing)\b")


# predicates of agreeing: "agreed on a Framework", "reached agreement on an Agreement on X" (concluded now)
_AGREE_PATTERNS = frozenset(("agree to", "agree on|upon", "agree", "reach agreement|consensus on|to",
                             "reach * agreement|consensus|understanding"))


def _clause_end(after: str, pos: int) -> int:
    """End of the clause that runs on at ``pos`` (a comma, a relative pronoun or the sentence end)."""
    m = re.search(r",|;|\b(?:that|which|who)\b", after[pos:])
    return pos + m.start() if m else len(after)


_PARTIES_WORD = re.compile(r"\b(?:we|they|our|both|each|the\s+(?:two|three|four)|all\s+(?:three|four)\s+)\b", re.IGNORECASE)


class KindRules:
    """Mixin of the extractor: kind refinement and agreement."""

    def _parties_subject(self, start: int, end: int) -> bool:
        """The clause subject in text[start:end] is the parties: "we", "our two nations", "both", "the two
        sides", or a party named (not "Iraq's security forces": a possessive names someone else)."""
        if _PARTIES_WORD.search(self.text, start, end):
            return True
        for mm in self.mentions:
            if start <= mm.start < end and self._party_of(mm.entity) is not None \
                    and not re.match(r"[’']s\b", self.text[mm.end:mm.end + 3]):
                return True
        return False

    @staticmethod
    def _agrees(form: str, rule: str, s: _Subj) -> bool:
        if rule in ("modal", "adj") or form in ("modal", "adj"):
            return True
        if form == "past":
            return True
        if form == "base":
            if s.modal:
                return True
            if s.past:
                return False
            return s.number in ("1pl", "pl")
        if form == "3sg":
            return s.number == "3sg"
        return False

    def _kind(self, rule, form, m, after: str, neg: bool, sent: Sentence, subj: _Subj, coordinated: bool):
        kind = rule.kind
        if rule.rule == "modal":
            return "pledge"
        nxt = _NEXT_WORD.match(after)
        nxt_w = nxt.group(1).lower() if nxt else ""
        if rule.rule == "complement":  # look forward to
            kind = "pledge" if nxt_w.endswith("ing") else "support"
        elif rule.rule == "look_to":  # "we look to enhance X": an intention; "look to the future / to Norvia": none
            if not (nxt and nxt.group(1).islower() and nxt_w not in _NOT_VERB_AFTER_TO
                    and not nxt_w.endswith(_NOUN_ENDINGS)):
                return None
        elif rule.pattern in ("stand together", "stand for") and _THAT_BEFORE.search(
                self.text, max(0, subj.start - 12), subj.start):
            return None  # "reaffirmed that X and Y stand together": the reporting verb's row carries it
        elif rule.pattern == "stand together" and (sm := _STAND_IN_ING.match(after)) \
                and (vm := self.lex.regex.match(self.text, m.end() + sm.start(1))) \
                and self.lex.rules[vm.lastgroup].kind in ("opposition", "appeal", "pledge"):
            kind = self.lex.rules[vm.lastgroup].kind  # "stand together in condemning X / calling for Y": its kind
        elif rule.rule == "adj" and rule.pattern.startswith("^invested") and _HAVE_BEFORE.search(
                self.text, max(0, m.start() - 30), m.start()):
            return None  # "Norvia has invested in ports": a past act, not a frame of dedication
        elif rule.pattern in _AGREE_PATTERNS and (im := _AGREED_INSTRUMENT.match(after)) \
                and not find_time_expression(self.text, m.end(), m.end() + _clause_end(after, im.end())):
            kind = "establishment"  # a later time in its own clause ("agreed on a roadmap by 2027"): pledge
        elif rule.rule in ("agree", "decide"):
            if (nxt_w in self.lex.establishing and self.lex.form_of.get(nxt_w) == "base") or _RESTART.match(nxt_w):
                t = find_time_expression(self.text, m.end(), sent.end)
                kind = "pledge" if t else "establishment"
            elif self.lex.form_of.get(nxt_w) == "base" and self.lex.kind_of_form.get(nxt_w) == "instruction":
                kind = "instruction"  # "decided to instruct X to ...": the inner verb decides
            else:
                kind = "pledge"
        elif rule.pattern == "agree that" and (fm := _AGREED_FUTURE.match(after)) \
                and self._parties_subject(m.end(), m.end() + fm.start(1)):
            kind = "pledge"
            self.absorbed.add(m.end() + fm.start(1))
        elif rule.rule == "resolve_that" and (fm := _RESOLVED_MODAL.match(after)):
            if self._parties_subject(m.end(), m.end() + fm.start(1)):
                kind = "pledge"  # "resolved that our countries will": a future act of the parties
                self.absorbed.add(m.end() + fm.start(1))
            elif fm.group(1) in ("must", "should"):
                kind = "appeal"  # "resolved that the X must abide by Y": what another is to do
        elif rule.rule == "speech":  # "conveyed that X will", "told Y that": the kind of what it carries
            if _SPEECH_FUTURE.match(after):
                kind = "pledge"
            elif _SPEECH_SUPPORT.match(after):
                kind = "support"
            else:
                return None
        elif rule.rule == "intent":  # "expressed their determination to + verb"
            # "the willingness and commitment of the United States to cooperate": a second noun and its owner between
            # "their shared desire for bilateral cooperation to grow stronger": a wish that a thing act (a pledge)
            wish = m.group(0).lower().endswith(("desire", "ambition", "wish"))
            if not re.match(r"(?:\s+and\s+[a-z]+)?(?:\s+of\s+(?:the\s+)?[A-Z][^,;:.()]{0,50}?"
                            + (r"|\s+for\s+[^,;:.()]{1,120}?" if wish else "") + r")?"
                            r"\s*to\s+(?!the\b|a\b|an\b|this\b|these\b|that\b)[a-z]", after):
                kind = "emphasis"
        elif rule.rule == "continue" and re.match(r"\s*(?:to\s+)?(?:(?:urge|encourage)\s+[^,;:.]{1,60}?\bto\s+[a-z]|call\s+(?:on|upon|for)\b)",
                                                 after, re.IGNORECASE):
            kind = "appeal"  # "we continue to encourage X to ...": the appeal is made (again) now ("encourage exchanges": pledge)
        elif kind == "establishment" and rule.pattern == "announce" and re.match(
                r"\s*(?:(?:its|their|our|the|an?)\s+)?(?:[\w’']+\s+)?(?:intent|intention|plans?|commitment|pledge)\b", after):
            kind = "pledge"  # "announced its intent to ...", "announced concrete plans to ..."
        elif kind == "establishment" and rule.pattern == "announce" and (am := _ANNOUNCED_FUTURE.match(after)):
            kind = "pledge"  # "we are announcing that X will host": a future action
            if self._parties_subject(m.end() + am.start(1), m.end() + am.start(2)):
                # "announce today that we intend to hold X": one announced intention; the inner one has no row
                self.absorbed.add(m.end() + am.start(2))
        elif rule.rule == "in_ing":
            # "join voices in condemning X": the -ing verb after "in" decides; none known: no row
            im = _NEXT_ING.match(after)
            vm = self.lex.regex.match(self.text, m.end() + im.start(1)) if im else None  # "calling for": a multiword rule
            kind = self.lex.rules[vm.lastgroup].kind if vm and self.lex.form_of.get(im.group(1).lower()) == "ing" else None
            if kind is None:
                return None
        elif rule.rule == "adj" and rule.pattern.startswith("^united"):
            if nxt_w.endswith("ing") and nxt_w in self.lex.kind_of_form:
                kind = self.lex.kind_of_form[nxt_w]
        if kind == "emphasis" and not rule.rule and (fm := _STATED_FUTURE.match(after)) \
                and self._parties_subject(m.end(), m.end() + fm.start(1)):
            # "they confirmed that they will X": one stated position; the reported modal has no row of its own
            self.absorbed.add(m.end() + fm.start(1))
        if coordinated and subj.modal and rule.rule != "adj" and form not in ("3sg", "past"):
            kind = "pledge"  # "we will launch X and establish Y"
        if neg and rule.pattern == "seek":
            return None  # "Norvia does not seek conflict": no goal pursued
        if neg and kind in ("support", "welcome", "emphasis"):
            kind = "opposition"  # "we do not support / recognise"
        return kind
