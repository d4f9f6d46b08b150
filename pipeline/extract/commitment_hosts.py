"""Clause hosts: subjects whose predicate is no trigger, for a later coordinated trigger.

"Ukraine has achieved progress ... and intends to": a subject before a finite auxiliary; "The United States
and Mongolia also promoted X ... and noted Y": a run of actor mentions before a past verb; round 12:
"Today, we begin new cooperation ... and pledge to work": a pronoun subject before any verb. The scan
(``commitments``) picks among these by verb agreement (``commitment_kinds._agrees``).
"""
from __future__ import annotations

from pipeline.extract.commitment_grammar import (
    _FINITE_AUX,
    ADVERBS,
    BOUNDARY,
    MODALS,
    NEGATION,
    PREPOSITIONS,
    RELATIVES,
    _is_boundary_token,
    _Subj,
    _Tokens,
)

# words after "we" / "they" that are no predicate of theirs: modals and adverbs (their verb comes later),
# subordinators and relatives (round 12)
_NOT_PREDICATES = MODALS | ADVERBS | NEGATION | RELATIVES | frozenset("to and or but all both each".split())


class HostRules:
    """Mixin of the extractor (with ``SubjectRules``: ``_collective_subject``, ``_run_subject``)."""

    def _pronoun_subject(self, w: str, start: int) -> _Subj:
        """"we": the parties; "they": the parties last named together (or all of them)."""
        if w == "we":
            return _Subj(self.party_ids, "1pl", start)
        return _Subj(self.last_plural or self.party_ids, "pl", start)

    def _aux_subjects(self, tokens: _Tokens, floor: int) -> list[_Subj]:
        """Clause subjects right before a finite auxiliary ("Ukraine has achieved ...", "The X does not
        ..."), whatever the predicate: hosts for a later coordinated trigger ("... and intends to")."""
        out = []
        for j in range(floor + 1, len(tokens.spans)):
            w = tokens.low[j]
            k = j - 1
            if w not in _FINITE_AUX:
                # "The United States and Mongolia also promoted X ... and noted Y": a past verb that is no
                # trigger, right after a run of actor mentions (adverbs between)
                if tokens.low[k] in ("we", "they") and w.isalpha() and w not in _NOT_PREDICATES \
                        and _is_boundary_token(tokens, k - 1, floor) == "main":
                    # "Today, we begin X and pledge to Y": a pronoun subject whose verb is no trigger (round 12)
                    subj = self._pronoun_subject(tokens.low[k], tokens.spans[k][0])
                    subj.last_end = -2 - tokens.spans[j][1]
                    subj.past = w.endswith("ed")
                    subj.weak = True
                    out.append(subj)
                    continue
                if not (len(w) > 4 and w.endswith("ed")):
                    continue
                while k > floor and tokens.low[k] in ADVERBS:
                    k -= 1
                if self.by_end.get(tokens.spans[k][1]) is None:
                    continue
                subj, status = self._run_subject(tokens, k, floor)
                if subj is None or subj.committers is None:
                    continue
            elif tokens.low[k] in ("we", "they") and _is_boundary_token(tokens, k - 1, floor) == "main":
                subj, status = self._pronoun_subject(tokens.low[k], tokens.spans[k][0]), "main"
            else:
                subj, status = self._collective_subject(tokens, k, floor)
            if subj is None and status != "sub":
                subj, status = self._run_subject(tokens, k, floor)
            if status == "sub" or subj is None:
                continue
            p = tokens.last_before(subj.start)
            if not (p < floor or tokens.low[p] in BOUNDARY
                    or (tokens.low[p] == "," and tokens.low[floor] in PREPOSITIONS)):
                continue  # "the belief that cooperation between A, B and C is ...": no clause subject
            if status == "nonparty" or subj.committers is None:
                subj = _Subj(None, "3sg", subj.start)
            subj.last_end = -2 - tokens.spans[j][1]  # marks a subject without a trigger predicate
            subj.past = w in ("had", "did", "was", "were") or w not in _FINITE_AUX
            subj.weak = w not in _FINITE_AUX  # a past verb read as such by its ending: hosts "and" only
            out.append(subj)
        return out
