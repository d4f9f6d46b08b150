"""Named instruments and mechanisms (agreements) and the status each mention reports.

How a name is found (general rules; vocabularies are data files in ``pipeline/data``):

* a capitalised head noun (``agreements_heads.csv``: Agreement, Treaty, Roadmap,
  Action Plan, Dialogue, Working Group, ...) extended to the left over capitalised
  words and inner ``and``/``of``/``for``/``on`` (``Acquisition and Cross-Servicing
  Agreement``), a year just before the name is its ``year`` (``the 2016 ... Award``),
  lower-case words (``the defence ...``, ``a bilateral ...``) are not part of it;
  a capitalised ``of/on/for/against`` tail belongs to the name (``Convention on the
  Law of the Sea``, ``Framework for Security, Public Health and Safe Communities``);
* a leading hyphenated country pair (``Canada-Japan``, ``U.S.-Mexico``) is dropped
  from the canonical name when the rest still names something specific
  (``Opioid Action Plan``) and kept otherwise (``Canada-Japan Action Plan``);
* well-known instruments by name or acronym (``agreements_gazetteer.csv``);
* acronyms defined in parentheses right after a name (``(UNCLOS)``), ``called "X"``;
* described mechanisms in lower case after a creation verb (``establish a vaccine
  expert working group``, ``agreed to inaugurate a continuing dialogue on ...``);
* coreference: a later suffix of an earlier name (``the Interim Agreement``), the
  bare head (``the Roadmap``, ``this committee``) -> the latest agreement with it;
* a head marked ``standalone`` (``Terms of Reference``) names an instrument even without a modifier;
* ``Partners in/of/for (the) X`` (X not a state or an acronym) names an initiative (framework);
* a lower-case class noun right after a framework/mechanism name (``the X Mission initiative``) sets its kind;
* a name repeated in parentheses right after another (``Security Consultative Committee ("2+2")``) is the
  same agreement;
* a name may run left over a list of single capitalised words (``Research, Development, Test, and
  Evaluation Agreement``); a ``Memorandum of Understanding / MOU on <lower-case subject>`` ending the
  noun phrase is named by it; a title and its subtitle joined by a colon are one document
  (``X Partnership: Joint Principles``); a name that is another one less an inner word is that one;
* names whose last modifier is an organisation word (``Chambers Council``,
  ``Security Council``; ``agreements_org_markers.csv``) are not agreements.

Status comes from the governing words before a mention in its clause (``entry into
force of``, ``the signing of``, ``establish``/``the establishment of``/``launched``),
made ``planned`` by a future or infinitive frame (``will``, ``instruct ... to``,
``look forward to``, ``once it is established``), but ``decided/agreed to establish``
is ``established`` (so is ``agreed to re-start/relaunch X``); a future entry into force (``X will / is
expected to enter into force``, ``upon entry into force of X``) is ``planned``; a reaction to a creation (``welcomed the establishment of``)
and a relative clause (``..., which created X``) report an earlier act: ``referenced``;
``finalized X`` is ``established``, ``is developing / drafting X`` is ``planned``.
An instrument "on the establishment of the X Team" names X as a mechanism of its own.

Also: the full name of a treaty may hold lower-case words (``Convention for the Suppression
of Unlawful Acts against the Safety of ...``, ``... Persons with Disabilities``); a number or
Roman numeral after a head is part of the name (``Pillar II``, ``Standard 7``, heads marked
``numbered`` need one; a numbered name takes no tail); a ``Resolution`` needs a number or the
adopting body (so ``the Peaceful Resolution of`` is none); ``signed / concluded a memorandum of
understanding on customs data exchange`` names a lower-case instrument; statements of the
President of the Security Council are declarations; a summit is an event, not an agreement,
unless the statement shows a series (``previous X Summits``, ``annually``, ``process``); COPs
are not extracted. ``agreed on X`` is ``established``; ``X, signed in 2002`` is ``signed``.
UN resolutions are one per number (``resolutions ES-11/1 and ES-11/2``, ``68/262``); ``the completion of
negotiations on X`` and ``to enter into X`` are ``planned``; a right cue may follow a defined acronym
(``X (CAFTA-DR), which entered into force``); ``a Framework for an Agreement on X`` names both; a defined
term after a name (``X (Agreement)``) binds the later bare heads to it.

Round 3: ``X-U.S.`` (also the typo ``X-U.S``) is one word, so no name starts with a single-letter
fragment; a horizon year after a framework is part of it (``Community Vision 2035``); ``Plan of Action
(POA) to Implement the X`` is one name; ``Statement``/``Vision Statement``/``Annex for X`` are heads (a
numbered annex or one ``to`` another text is none); a UN document symbol names its resolution
(``A/RES/77/248``); a summit or conference the statement shows as a series (``the second X Summit``,
``another``, ``next``, ``annually``) is a mechanism, and hosting or holding its next session is
``planned``; ``X signed in 1991`` is ``signed``; a session ordinal (``the 4th X Dialogue``) and a date
(``Summit on 15 November``) are no part of a name; a bare lower-case mechanism created or planned is
named by its purpose (``a working group to advance X in the Y``).

Round 11: an opening quote before a name hides no cue (``plans to launch a "X"``); ``agreed in principle on X``
is ``established``; ``X signed during / by / under ...`` is ``signed`` and ``X signed in 2000 that entered into
force in 2001`` is ``in_force``; a reaction governs a coordinated act (``welcomed A, as well as the establishment
of X``: ``referenced``), also ``the re-launch of X``; ``work towards an X`` and ``committed to developing an X``
are ``planned``; the agreement a ``Framework for / on an Agreement on Y`` is for is ``planned``; a ``for`` tail
closed by ``cooperation``/``collaboration`` is part of the name; ``an Annex for A to the Agreement on B`` names
only the agreement; parties close a name (``... Between the A and the B``, a treaty's ``between the Governments
of ...``, ``a Memorandum of Understanding (MoU) between A and B``); a Council or Forum created here (``the
establishment of a ministerial-level X Council``, ``forming the X Forum``) is a mechanism; a described mechanism
and its name in apposition (``a senior-level experts group, the X Experts Group,``) are one agreement; created
panels of experts and codes of conduct; ``a year and a half ago`` dates a launch in the past.

Round 13: a hyphenated word opened by a capitalised common word is a word of a name (``Multi-agency``,
``E-commerce``, ``Supply-chain``; not ``U.S.-led``); an amount (``of EUR 330 million``) and an owning body
(``Facility of the European Commission``) end a name; an inner acronym may hold a digit (``(E3)``); new heads
(Facility, Fellowship, Masterplan, Formula, Lanes, Scheme, Club, Proposals); a capitalised head after a lower-case
description created here (``establish a joint Task Force``), ``a newly-established X dialogue`` and a quoted
description (``the creation of a "new X dialogue"``) are mechanisms; a dated lower-case arbitral ruling (``the
ruling of the 2016 arbitral tribunal``) is a ruling (``agreement_rulings.py``); a lower-case instrument the parties
negotiate (``begin negotiations on a critical minerals agreement``) is named by its description
(``agreement_negotiated.py``).

Round 14: bodies before an instrument with its own subject sign it (``the X Agency Memorandum of Understanding on Y``:
the memorandum, named from its head); ``announce a memorandum of understanding on X`` names it and ``announce a (new)
X`` is ``established``; a lower-case memorandum named by its two capitalised parties and a signed lower-case agreement
described by what it covers (``agreement_described.py``); a renewal still to come (``look forward to a planned
renewal of X``) is ``planned``; ``initiate a dialogue on X in the Y sectors`` creates a mechanism.

Modules, one per rule family: ``agreement_lexicon.py`` (vocabularies, helpers),
``agreement_names.py`` (capitalised head-noun names), ``agreement_patterns.py``
(other patterns, gazetteer, merging), ``agreement_lowercase.py`` (a proper name before a
lower-case class noun, ``Vision-2050``, ``A-B-C trilateral talks``, heading topics),
``agreement_status.py`` (status), ``agreement_described.py`` (round 6: lower-case instruments described
by purpose or parties, ``signed a statement of intent``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.agreement_described import described_candidates
from pipeline.extract.agreement_lexicon import _lex, _norm, _sentence_starts
from pipeline.extract.agreement_lowercase import drop_heading_topics, named_class_candidates, other_candidates
from pipeline.extract.agreement_names import _pattern_candidates
from pipeline.extract.agreement_patterns import (
    _class_noun_kinds,
    _gazetteer_candidates,
    _merge_appositive,
    _merge_parenthesised,
    _merge_shortened,
    _merge_subtitles,
    _regex_candidates,
    _resolve_overlaps,
)
from pipeline.extract.agreement_negotiated import negotiated_candidates
from pipeline.extract.agreement_rulings import ruling_candidates
from pipeline.extract.agreement_status import STATUS_RANK, _status, statement_status  # noqa: F401
from pipeline.extract.regions import doc_words
from pipeline.ids import slug
from pipeline.model import Agreement, AgreementMention


@lru_cache(maxsize=1)
def _actor_bodies() -> frozenset[str]:
    from pipeline.extract.actors import lexicon as actor_lexicon
    return frozenset(_norm(k) for k, a in actor_lexicon().orgs.items()
                     if a.actor_type in ("organization", "international_organization"))



_FORMAT_WORDS = frozenset({"joint", "new", "bilateral", "trilateral", "quadrilateral"})
_DEFINED_TERM = re.compile(r"\s*\(\s*(?:the\s+)?[\"\u201c']?([A-Z][a-z]+)[\"\u201d']?\s*\)")


def find_agreements(doc: Doc) -> list[AgreementMention]:
    """Grounded mentions of named instruments and mechanisms, sorted, non-overlapping."""
    text, ws = doc_words(doc)
    lex = _lex()
    starts = _sentence_starts(ws, text)
    cands = _pattern_candidates(text, ws, starts, lex) + _gazetteer_candidates(ws, lex) + _regex_candidates(text, lex)
    cands = drop_heading_topics(text, cands)
    # a plural "X and Y Partnerships" standing alone as a heading line is a topic (round 8)
    cands = [c for c in cands if not (c.head == "partnerships" and _own_line(text, c.start, c.end))]
    cands += named_class_candidates(text, ws, lex) + other_candidates(text, lex) + described_candidates(text) + ruling_candidates(text) \
        + negotiated_candidates(text)
    # a pattern name equal to a gazetteer alias takes the gazetteer identity
    for c in cands:
        if c.prio == 2:
            for a in c.aliases:
                hit = lex.gaz_names.get(_norm(a))
                if hit:
                    c.name, c.kind = hit
                    break
    # a name the actors gazetteer lists as a body ("Arab Coordination Group") is not an agreement
    bodies = _actor_bodies()
    cands = [c for c in cands if c.prio != 2 or _norm(c.name) not in bodies]
    # a summit is an event unless the statement shows it as a series (some mention recurring)
    series = {_norm(a) for c in cands if c.event and c.recurring for a in [c.name, *c.aliases]}
    cands = [c for c in cands if not c.event or any(_norm(a) in series for a in [c.name, *c.aliases])]
    cands = _merge_subtitles(text, _resolve_overlaps(cands))
    _merge_shortened(cands)
    _class_noun_kinds(text, cands)
    _merge_parenthesised(text, cands)
    _merge_appositive(text, cands)

    # identities: normalised alias -> Agreement
    registry: dict[str, Agreement] = {}
    by_head: dict[str, Agreement] = {}
    acronyms: dict[str, Agreement] = {}
    cores: list[tuple[tuple[str, ...], Agreement]] = []
    spans: list[tuple[int, int, Agreement, int | None]] = []
    pinned: dict[str, Agreement] = {}
    for c in cands:
        ag = None
        for a in [c.name, *c.aliases]:
            ag = registry.get(_norm(a))
            if ag:
                break
        if ag is None:
            # a later suffix of an earlier name ("the Interim Agreement")
            cw = tuple(_norm(c.core or c.name).split())
            for words_, other in cores:
                if len(cw) >= 2 and len(cw) < len(words_) and words_[-len(cw):] == cw:
                    ag = other
                    break
        if ag is None and c.head and c.head in by_head:
            # "the Joint Taskforce" after "the X Taskforce": a format word and the head name the earlier one (round 8)
            mods = _norm(c.name).split()[:-len(c.head.split())]
            if mods and all(w in _FORMAT_WORDS for w in mods):
                ag = by_head[c.head]
        if ag is None:
            ag = Agreement(slug(c.name), c.name, c.kind, c.year)
        for a in [c.name, *c.aliases]:
            registry.setdefault(_norm(a), ag)
        cores.append((tuple(_norm(c.core or c.name).split()), ag))
        if c.head:
            by_head[c.head] = ag
        spans.append((c.start, c.end, ag, c.status_at))
        # acronym defined right after the name: "(UNCLOS)"
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&+.-]{1,11})\s*\)", text[c.end:c.end + 20])
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
            acronyms.setdefault(m.group(1), ag)
        if c.acronym:
            acronyms.setdefault(c.acronym, ag)
        # a defined term right after the name: "Agreement on Reciprocal Trade (Agreement)", "X (the “Roadmap”)":
        # later bare mentions of that head are this agreement, not the latest one with the head
        d = _DEFINED_TERM.match(text[c.end:c.end + 40])
        if d and c.head and d.group(1).lower() == c.head.split()[-1]:
            pinned.setdefault(c.head, ag)

    by_head.update(pinned)
    taken = [(s, e) for s, e, _, _ in spans]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    extra = []
    if acronyms:
        for w, s, e in ws:
            ag = acronyms.get(w)
            if ag and free(s, e):
                extra.append((s, e, ag, None))
                taken.append((s, e))
    # bare-head coreference: "the Roadmap", "this committee", "the trilateral committee"
    if by_head:
        heads_alt = "|".join(sorted((re.escape(h) for h in by_head if h), key=len, reverse=True))
        if heads_alt:
            rx = _coref_re(heads_alt)
            for m in rx.finditer(text):
                key = m.group(1).lower()
                ag = by_head.get(key)
                s, e = m.start(1), m.end(1)
                # the antecedent must come first
                first = min((a for a, b, g, _ in spans if g is ag), default=None)
                if ag is None or first is None or first >= s or not free(s, e):
                    continue
                extra.append((m.start(), e, ag, None))
                taken.append((m.start(), e))
    spans += extra
    if acronyms:
        spans = _drop_inside_acronym_tails(text, spans, acronyms)
    spans.sort(key=lambda t: t[0])
    occupied = [(s, e) for s, e, _, _ in spans]
    out = []
    for s, e, ag, at in spans:
        cue_at = at if at is not None else s
        if at == -1:
            status = "referenced"
        elif at == -2:
            status = "planned"  # the agreement a framework is for: still to be made (round 11)
        else:
            status = _status(text, cue_at, e, [(a, b) for a, b in occupied if b <= cue_at])
        out.append(AgreementMention(s, e, ag, status=status))
    return out


def _own_line(text: str, s: int, e: int) -> bool:
    """The span is a line of its own (a heading)."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    return not text[ls:s].strip(" \t#*") and not text[e:le if le >= 0 else len(text)].strip(" \t*:")


def _drop_inside_acronym_tails(text: str, spans, acronyms: dict[str, Agreement]):
    """"the POA to Implement the X Partnership" after "Plan of Action (POA) to Implement the X Partnership":
    the acronym with its own tail is the instrument again; the name inside the tail is no agreement of its own."""
    keep = []
    for s, e, ag, at in spans:
        m = _ACR_TAIL.search(text, max(0, s - 40), s)
        inner = _norm(text[s:e])
        if m and m.end() == s:
            owner = acronyms.get(m.group(1))
            if owner is not None and owner is not ag and inner and inner in _norm(owner.name):
                continue
        keep.append((s, e, ag, at))
    return keep


@lru_cache(maxsize=1024)
def _coref_re(heads_alt: str) -> re.Pattern:
    """The bare-head coreference pattern for a statement's heads, compiled once per set of heads."""
    return re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]uch)\s+(?:(?:new|trilateral|bilateral|joint|[A-Z][\w-]*)\s+)?({heads_alt})\b",
                      re.IGNORECASE)


_ACR_TAIL = re.compile(r"\b([A-Z][A-Za-z0-9&+.-]{1,11})\s+(?:to|of|on|for)\s+(?:[A-Z][a-z]+\s+)?(?:the\s+)?")
