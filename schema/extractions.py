"""Extracted facts: statements, events (+ participants), alleged embargo violations (+ denials), foreign support,
and analysts' rejections of wrong rows.

Every row references its article, carries half-open character offsets into `articles.body_text`, the extractor
version and a confidence, and a `row_fingerprint` (stable across re-extraction) that rejections key on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ARRAY, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from loaders.model import EVENT_TYPES, PRECISIONS, STATEMENT_KINDS
from schema.base import confidence_check, created_at_column, one_of, span_check

ROW_KINDS = ("statement", "event", "allegation", "support")


class Statement(SQLModel, table=True):
    __tablename__ = "statements"
    __table_args__ = (
        one_of("kind", STATEMENT_KINDS),
        one_of("said_date_precision", PRECISIONS),
        span_check(),
        span_check("evidence_start", "evidence_end", "evidence_span_valid"),
        confidence_check(),
        Index("ix_statements_article_id", "article_id"),
        Index("ix_statements_speaker_actor_id", "speaker_actor_id"),
        Index("ix_statements_said_date", "said_date"),
    )

    statement_id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.article_id", ondelete="CASCADE")
    speaker_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    speaker_description: str | None = Field(default=None, sa_column=Column(Text))
    is_anonymous: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})
    kind: str
    quote_text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    said_date: dt.date | None = None
    said_date_precision: str | None = None
    cue: str | None = None
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))
    evidence_start: int
    evidence_end: int
    confidence: float
    extractor_version: str
    row_fingerprint: str
    is_rejected: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})


class Event(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (
        one_of("event_type", EVENT_TYPES),
        one_of("occurred_date_precision", PRECISIONS),
        span_check(),
        confidence_check(),
        Index("ix_events_article_id", "article_id"),
        Index("ix_events_occurred_date", "occurred_date"),
        Index("ix_events_event_type", "event_type"),
    )

    event_id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.article_id", ondelete="CASCADE")
    event_type: str
    occurred_date: dt.date | None = None
    occurred_date_precision: str | None = None
    location_text: str | None = Field(default=None, sa_column=Column(Text))
    trigger: str | None = None
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    confidence: float
    extractor_version: str
    row_fingerprint: str
    is_rejected: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})


class EventParticipant(SQLModel, table=True):
    __tablename__ = "event_participants"
    __table_args__ = (Index("ix_event_participants_actor_id", "actor_id"),)

    event_id: int = Field(foreign_key="events.event_id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actors.actor_id", primary_key=True)
    role: str = Field(primary_key=True)
    position: int = 0


class EmbargoAllegation(SQLModel, table=True):
    __tablename__ = "embargo_allegations"
    __table_args__ = (
        span_check(),
        confidence_check(),
        Index("ix_embargo_allegations_article_id", "article_id"),
        Index("ix_embargo_allegations_supplier_actor_id", "supplier_actor_id"),
    )

    allegation_id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.article_id", ondelete="CASCADE")
    supplier_actor_id: int = Field(foreign_key="actors.actor_id")
    recipient_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    materiel: list[str] = Field(sa_column=Column(ARRAY(Text), nullable=False, server_default="{}"))
    quantity_text: str | None = None
    alleged_by_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    alleged_by_description: str | None = Field(default=None, sa_column=Column(Text))
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    confidence: float
    extractor_version: str
    row_fingerprint: str
    is_rejected: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})


class AllegationDenial(SQLModel, table=True):
    __tablename__ = "allegation_denials"

    allegation_id: int = Field(foreign_key="embargo_allegations.allegation_id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actors.actor_id", primary_key=True)


class ForeignSupport(SQLModel, table=True):
    __tablename__ = "foreign_support"
    __table_args__ = (
        span_check(),
        confidence_check(),
        Index("ix_foreign_support_article_id", "article_id"),
        Index("ix_foreign_support_supporter_actor_id", "supporter_actor_id"),
        Index("ix_foreign_support_supported_actor_id", "supported_actor_id"),
    )

    support_id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.article_id", ondelete="CASCADE")
    supporter_actor_id: int = Field(foreign_key="actors.actor_id")
    supported_actor_id: int = Field(foreign_key="actors.actor_id")
    alleged_by_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    confidence: float
    extractor_version: str
    row_fingerprint: str
    is_rejected: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})


class Rejection(SQLModel, table=True):
    """An analyst's verdict that an extracted row is wrong. Keyed on the article's content hash and the row's
    fingerprint, so it survives `lcdb reextract` and even deleting and reloading the article."""

    __tablename__ = "rejections"
    __table_args__ = (UniqueConstraint("content_hash", "row_kind", "row_fingerprint"), one_of("row_kind", ROW_KINDS))

    rejection_id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(sa_column=Column(Text, nullable=False))
    row_kind: str
    row_fingerprint: str
    reason: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = Field(sa_column=created_at_column())
