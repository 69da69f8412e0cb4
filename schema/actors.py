"""Actors (curated from the gazetteer or discovered in text), their aliases, and their mentions in articles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from loaders.model import ACTOR_TYPES, SIDES
from schema.base import created_at_column, one_of, span_check

ALIAS_KINDS = ("alias", "demonym", "title", "discovered", "analyst", "merged")


class Actor(SQLModel, table=True):
    __tablename__ = "actors"
    __table_args__ = (
        UniqueConstraint("canonical_name"),
        one_of("actor_type", ACTOR_TYPES),
        one_of("side", SIDES),
        Index("ix_actors_actor_type", "actor_type"),
    )

    actor_id: int | None = Field(default=None, primary_key=True)
    canonical_name: str = Field(sa_column=Column(Text, nullable=False))
    actor_type: str
    country: str | None = None
    affiliation: str | None = None
    parent_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    side: str | None = None
    wikidata_qid: str | None = None
    description: str | None = Field(default=None, sa_column=Column(Text))
    is_discovered: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})
    merged_into_actor_id: int | None = Field(default=None, foreign_key="actors.actor_id")
    created_at: dt.datetime = Field(sa_column=created_at_column())


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"), one_of("alias_kind", ALIAS_KINDS))

    actor_alias_id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actors.actor_id", ondelete="CASCADE")
    alias: str = Field(sa_column=Column(Text, nullable=False))
    alias_kind: str = Field(default="alias")


class ActorMention(SQLModel, table=True):
    __tablename__ = "actor_mentions"
    __table_args__ = (
        span_check(),
        Index("ix_actor_mentions_article_id", "article_id"),
        Index("ix_actor_mentions_actor_id", "actor_id"),
    )

    actor_mention_id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.article_id", ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actors.actor_id")
    surface_form: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    extractor_version: str
