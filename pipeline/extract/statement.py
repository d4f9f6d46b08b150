"""One statement in, everything extracted from it out (the unit that is cached and
run in worker processes). Imports only the extractors: no pandas, no Dagster, so a
spawned worker stays small."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.extract.actors import doc_text, drop_states_only_in_instruments, find_actors
from pipeline.extract.agreement_identity import drop_events, qualify_generic_agreements
from pipeline.extract.agreements import find_agreements, statement_status
from pipeline.extract.collector import settle_once
from pipeline.extract.commitments import find_commitments
from pipeline.extract.nlp import count_words, make_doc
from pipeline.extract.parties import find_parties, party_states
from pipeline.extract.regions import find_regions
from pipeline.extract.sentences import split_sentences
from pipeline.extract.title_persons import TitlePerson, title_persons
from pipeline.model import Actor, AgreementMention, Commitment, Mention, Sentence, Statement


@dataclass
class StatementExtraction:
    """Everything extracted from one statement, as grounded objects."""

    statement: Statement
    sentences: list[Sentence]
    n_words: int
    parties: list[Actor]
    actor_mentions: list[Mention]
    region_mentions: list[Mention]
    agreement_mentions: list[AgreementMention]
    agreement_status: dict[str, str]
    commitments: list[Commitment]
    # persons named only in the title (no grounded mention; ``title_persons.py``)
    title_persons: list[TitlePerson] = field(default_factory=list)


def derive_title(parties: list[Actor]) -> str:
    names = [p.name for p in parties]
    if len(names) <= 1:
        joined = "".join(names)
    else:
        joined = ", ".join(names[:-1]) + " and " + names[-1]
    return f"Joint statement by {joined}"




def extract_statement(st: Statement) -> StatementExtraction:
    doc = make_doc(st.text)
    sentences = split_sentences(st.text)
    actor_mentions = find_actors(doc)
    parties = find_parties(st, doc, actor_mentions)
    region_mentions = find_regions(doc, party_states(parties))
    agreement_mentions = qualify_generic_agreements(drop_events(find_agreements(doc), doc_text(doc)), parties)
    commitments = find_commitments(doc, sentences, parties, actor_mentions, st.title, st.date) if parties else []
    in_commitments = frozenset(a for c in commitments for a in (*c.committers, *c.addressees))
    actor_mentions = drop_states_only_in_instruments(actor_mentions, agreement_mentions, parties, in_commitments)
    in_title = title_persons(st.title, actor_mentions)
    if st.title is None and parties:
        st = replace(st, title=derive_title(parties))
    settle_once()  # the lexicons are loaded now: out of the collector's way (collector.py)
    return StatementExtraction(
        statement=st,
        sentences=sentences,
        n_words=count_words(doc),
        parties=parties,
        actor_mentions=actor_mentions,
        region_mentions=region_mentions,
        agreement_mentions=agreement_mentions,
        agreement_status=statement_status(agreement_mentions),
        commitments=commitments,
        title_persons=in_title,
    )
