"""Which rule made a commitment row: the row of ``pipeline/data/commitment_triggers.csv``
whose pattern matches at the row's trigger (for the review pages, so that a reader
can find the rule behind any row in a minute).

The extractor keeps no provenance in the published tables (the contract fixes their
columns), so the rule is found again from the text: the trigger lexicon is run over
the sentence around the trigger, and the pattern whose trigger token starts at the
row's ``trigger_start`` is the rule. A row that no pattern explains there came from
a code path with no lexicon row (a bare-verb or gerund list item under an
introducing clause, an inline "will seek to: A; B" item): it is named as such.
"""
from __future__ import annotations

from pipeline.extract.commitment_lexicon import _WORD, load

__all__ = ["explain_trigger"]

_WINDOW = 240  # characters before the trigger where a pattern may start ("express their deep ^concern")


def explain_trigger(text: str, trigger_start: int, kind: str | None = None) -> str:
    """A short description of the rule behind the commitment whose trigger starts at
    ``trigger_start`` in ``text``: the lexicon row (its pattern, its kind, and the code rule that
    refines it: "complement", "modal", ...; the row's kind can differ from the pattern's when such
    a rule applies, e.g. "look forward to" + a noun is support)."""
    lex = load()
    lo = max(0, text.rfind("\n", 0, trigger_start) + 1, trigger_start - _WINDOW)
    hi = min(len(text), trigger_start + _WINDOW)
    found = []
    for w in _WORD.finditer(text, lo, hi):  # every word a pattern can start with, up to the trigger
        if w.start() > trigger_start:
            break
        if w.group(0).lower() not in lex.first_words:
            continue
        m = lex.regex.match(text, w.start(), hi)
        if not m:
            continue
        name = m.lastgroup if m.lastgroup in lex.rules else next(n for n in lex.rules if m.group(n) is not None)
        tg = lex.trigger_group.get(name)
        if tg and m.start(tg) == trigger_start:
            found.append(lex.rules[name])
    if not found:
        return "list item or inline item under an introducing clause (no trigger row)"
    best = next((r for r in found if kind is None or r.kind == kind), found[0])
    refinement = f"; refined by the code rule '{best.rule}'" if best.rule else ""
    return f'commitment_triggers.csv row "{best.pattern}" (kind {best.kind}{refinement})'
