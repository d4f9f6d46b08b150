"""Actor extraction: states, international organisations, forums, named bodies,
persons and offices, as grounded mentions of ``doc.text``.

Everything is rule-based and driven by the data files in ``pipeline/data``.
Persons: a name after a title ("President X", "Presidents X and Y"), a name
with a title in apposition after it ("X Y, Secretary of the Treasury"), a
name-only paragraph of a signature block followed by a title line; a person's
country comes from its title ("of Japan", "United States Trade Representative"),
or a possessive ("X's affirmation of the United States' commitment"), shared by
all mentions of the person. A legislature named as such ("Congress", "the Diet")
belongs to the one state named before it in its sentence. A state named only inside the names of instruments (agreements, treaties) is no actor
(``drop_states_only_in_instruments``, applied after the agreements are found).

- ``actors_states.csv``        extra written forms of states (pycountry and
                               country_converter supply official/common names)
- ``actors_demonyms.csv``      national adjectives ("Chinese" in "the Chinese side")
- ``actors_organizations.csv`` international organisations, forums, well-known bodies
- ``actors_lexicon.csv``       titles, office nouns, organisation head nouns, ...

Gazetteer look-up is one compiled trie regex over the text (leftmost-longest);
persons and named bodies come from one pass over "capitalised runs" of a light
word tokenisation. Overlaps are resolved longest-first, so "UN Security
Council" yields the Council only and "Royal Australian Navy" is one body.

Modules, one per rule family:

- ``actor_lexicon.py``   the lexicon (data files), ``resolve_actor``, ``state_actor``
- ``actor_tokens.py``    tokens, capitalised runs, candidates and their selection
- ``actor_gazetteer.py`` states, demonyms, organisations, acronyms, offices
- ``actor_persons.py``   persons and their countries
- ``actor_bodies.py``    named bodies, legislatures, companies
"""
from __future__ import annotations

from pipeline.extract.actor_associated import associated_governments
from pipeline.extract.actor_bodies import _bodies
from pipeline.extract.actor_gazetteer import _acronyms, _drop_redefined_acronyms, _gazetteer, _offices
from pipeline.extract.actor_lexicon import (  # noqa: F401  (the public API of the actor rules)
    _CONNECTORS,
    DATA_DIR,
    _trie_regex,
    lexicon,
    org_actor,
    read_data,
    resolve_actor,
    state_actor,
)
from pipeline.extract.actor_named_groups import named_group_bodies
from pipeline.extract.actor_persons import _persons
from pipeline.extract.actor_tokens import _runs, _select, _tokenize
from pipeline.extract.nlp import doc_text  # noqa: F401 - imported from here by other extractors
from pipeline.model import Mention




def find_actors(doc) -> list[Mention]:
    """Grounded actor mentions in ``doc.text``: sorted by start, non-overlapping
    (the longest candidate wins; on a tie gazetteer > person > body > office)."""
    text = doc_text(doc)
    gaz, state_hits = _gazetteer(text)
    gaz = _drop_redefined_acronyms(text, gaz)
    toks = _tokenize(text)
    runs = _runs(toks, text)
    persons, person_tok = _persons(text, toks, runs, state_hits, gaz)
    cands = gaz + persons + _bodies(text, toks, runs, state_hits, gaz, person_tok) + _offices(text) \
        + named_group_bodies(text, gaz) + associated_governments(text, state_hits)
    chosen = _select(cands, len(text))
    extra = _acronyms(text, chosen)
    if extra:
        chosen = _select(chosen + extra, len(text))
    return [Mention(c.start, c.end, c.actor) for c in chosen]


def drop_states_only_in_instruments(mentions: list[Mention], agreement_mentions, parties,
                                    keep: frozenset[str] = frozenset()) -> list[Mention]:
    """A state named only inside the names of instruments ("the Dominican Republic-Central America-United
    States Free Trade Agreement") is part of a name, not an actor of the statement; parties stay, and so do
    states named inside mechanisms ("the U.S.-Chile-Peru trilateral talks": they take part) and the actors of
    a commitment (``keep``)."""
    spans = [(a.start, a.end) for a in agreement_mentions if a.entity.kind in ("agreement", "treaty")]
    if not spans:
        return mentions
    party_ids = {p.actor_id for p in parties}
    outside: set[str] = set()
    states: set[str] = set()
    for m in mentions:
        if m.entity.actor_type != "state":
            continue
        states.add(m.entity.actor_id)
        if not any(s <= m.start and m.end <= e for s, e in spans):
            outside.add(m.entity.actor_id)
    drop = states - outside - party_ids - keep
    return [m for m in mentions if m.entity.actor_id not in drop] if drop else mentions
