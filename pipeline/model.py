"""Plain data classes shared by ingest, extraction and publishing.

Nothing here imports Dagster: ingest and extraction are plain Python (text in,
rows out) and the Dagster layer in ``pipeline.definitions`` only wires them up.
All offsets are Python ``str`` indices into ``Statement.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Statement:
    """One accepted raw file, normalised to plain text."""

    statement_id: str
    source_file: str  # path relative to the raw folder
    sha256: str  # of the raw file's bytes
    text: str  # normalised plain text that every offset points into
    title: str | None = None  # sidecar / front matter title; else derived after extraction
    date: dt.date | None = None
    place: str | None = None
    source: str | None = None  # wire or publisher from the dateline, e.g. "CNW"
    url: str | None = None
    language: str | None = None
    license: str | None = None
    parties: tuple[str, ...] = ()  # from a sidecar: ISO 3166 alpha-3 codes or actor names
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejection:
    """A raw file that was not published, and why (said so a user can fix it)."""

    source_file: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph_index: int


@dataclass(frozen=True)
class Actor:
    actor_id: str  # ISO3 for states, else kebab-case slug
    name: str
    actor_type: str  # state | international_organization | forum | organization | person | office
    iso3: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Region:
    region_id: str
    name: str
    region_type: str  # country | sea | strait | region | territory
    iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Agreement:
    agreement_id: str
    name: str
    kind: str  # treaty | agreement | resolution | ruling | declaration | framework | mechanism
    year: int | None = None


@dataclass(frozen=True)
class Mention:
    """A grounded mention: text[start:end] is the surface form."""

    start: int
    end: int
    entity: Actor | Region | Agreement

    @property
    def entity_type(self) -> str:
        return {Actor: "actor", Region: "region", Agreement: "agreement"}[type(self.entity)]

    @property
    def entity_id(self) -> str:
        return getattr(self.entity, f"{self.entity_type}_id")


@dataclass(frozen=True)
class AgreementMention(Mention):
    """A mention of an instrument plus the status its governing words give it."""

    status: str = "referenced"  # planned | established | signed | in_force | referenced


@dataclass(frozen=True)
class Commitment:
    start: int
    end: int
    trigger: str
    trigger_start: int
    kind: str
    committers: tuple[str, ...]  # actor_ids
    addressees: tuple[str, ...] = ()
    time_expression: str | None = None
    topic: str | None = None


ACTION_KINDS = frozenset({"pledge", "establishment", "instruction"})


@dataclass
class IngestResult:
    statements: list[Statement] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
