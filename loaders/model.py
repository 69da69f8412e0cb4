"""The plain data that flows through the pipeline: read -> clean -> extract -> store.

Extractors are pure functions from an article body to these rows; `loaders.store` writes them. Every span is a
half-open character range into the cleaned body text, so `body[char_start:char_end]` is the verbatim evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EXTRACTOR_VERSION = "rules-2026.11.24-s13"

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[str, ...] = ("day", "month", "year")
ACTOR_TYPES: tuple[str, ...] = (
    "person",
    "country",
    "organization",
    "armed_group",
    "government",
    "international_org",
    "media",
)
SIDES: tuple[str, ...] = ("east", "west", "neutral", "foreign", "other")
STATEMENT_KINDS: tuple[str, ...] = ("direct", "indirect")
EVENT_TYPES: tuple[str, ...] = (
    "meeting",
    "phone_call",
    "offensive",
    "attack",
    "capture",
    "deployment",
    "arms_supply",
    "un_action",
    "diplomatic",
    "protest",
    "other",
)
MATERIEL: tuple[str, ...] = (
    "weapons",
    "drones",
    "mercenaries",
    "fighters",
    "air_defense",
    "armored_vehicles",
    "aircraft",
    "trucks",
    "military_personnel",
    "training",
    "equipment",
    "currency",
    "ships",
    "ammunition",
    "other",
)


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to a precision. `value` is the first day of the month/year for coarse precisions."""

    value: dt.date
    precision: Precision

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True, slots=True)
class Span:
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the extractor knows it. `name` is canonical (gazetteer) or the discovered surface name."""

    name: str
    actor_type: str
    is_discovered: bool = False
    country: str | None = None
    side: str | None = None
    description: str | None = None  # e.g. the apposition that introduced a discovered actor


@dataclass(frozen=True, slots=True)
class Mention:
    actor_name: str
    surface_form: str
    char_start: int
    char_end: int


@dataclass(slots=True)
class Statement:
    speaker_name: str | None  # canonical actor name; None when anonymous
    speaker_description: str | None  # "a senior UN diplomat"; set for anonymous speakers
    is_anonymous: bool
    kind: str  # direct | indirect
    char_start: int  # span of quote_text in the body
    char_end: int
    evidence_start: int  # the sentence(s) carrying the attribution
    evidence_end: int
    said: FuzzyDate | None = None
    confidence: float = 0.5
    cue: str | None = None  # the reporting verb or cue ("said", "according to")


@dataclass(slots=True)
class Participant:
    actor_name: str
    role: str  # initiator | target | participant | location_host | ...


@dataclass(slots=True)
class Event:
    event_type: str
    participants: list[Participant]
    evidence_start: int
    evidence_end: int
    occurred: FuzzyDate | None = None
    location_text: str | None = None
    confidence: float = 0.5
    trigger: str | None = None


@dataclass(slots=True)
class Allegation:
    supplier_name: str
    recipient_name: str | None
    materiel: list[str]
    evidence_start: int
    evidence_end: int
    quantity_text: str | None = None
    alleged_by_name: str | None = None  # canonical actor, or a description ("diplomats", "investigators")
    is_alleged_by_anonymous: bool = False
    denied_by: list[str] = field(default_factory=list)
    confidence: float = 0.5


@dataclass(slots=True)
class Support:
    supporter_name: str
    supported_name: str
    evidence_start: int
    evidence_end: int
    alleged_by_name: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article body."""

    actors: dict[str, ActorRef] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    allegations: list[Allegation] = field(default_factory=list)
    support: list[Support] = field(default_factory=list)
