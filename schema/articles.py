"""Articles as loaded: raw and cleaned text, metadata, content hash; near-duplicate story grouping."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from loaders.model import PRECISIONS
from schema.base import created_at_column, one_of

PUBLISHED_SOURCES = ("metadata", "inferred")


class Story(SQLModel, table=True):
    """A group of near-duplicate articles (the same wire story republished); corroboration counts a story once."""

    __tablename__ = "stories"

    story_id: int | None = Field(default=None, primary_key=True)
    first_article_id: int | None = Field(default=None, description="The earliest-loaded article of the story.")
    created_at: dt.datetime = Field(sa_column=created_at_column())


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("content_hash"),
        one_of("published_precision", PRECISIONS),
        one_of("published_source", PUBLISHED_SOURCES),
        Index("ix_articles_published_date", "published_date"),
        Index("ix_articles_outlet", "outlet"),
        Index("ix_articles_story_id", "story_id"),
        Index("ix_articles_raw_hash", "raw_hash"),
    )

    article_id: int | None = Field(default=None, primary_key=True)
    source_name: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, sa_column=Column(Text))
    outlet: str | None = Field(default=None, sa_column=Column(Text))
    title: str | None = Field(default=None, sa_column=Column(Text))
    standfirst: str | None = Field(default=None, sa_column=Column(Text))
    published_date: dt.date | None = None
    published_precision: str | None = None
    published_source: str | None = None
    language: str | None = None
    is_relevant: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})
    content_hash: str = Field(sa_column=Column(Text, nullable=False))
    raw_hash: str | None = Field(default=None, sa_column=Column(Text))
    raw_text: str = Field(sa_column=Column(Text, nullable=False))
    body_text: str = Field(sa_column=Column(Text, nullable=False))
    story_id: int | None = Field(default=None, foreign_key="stories.story_id")
    loaded_at: dt.datetime = Field(sa_column=created_at_column())
    extracted_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    extractor_version: str | None = None


class ArticleBand(SQLModel, table=True):
    """MinHash LSH bands of an article's shingles: articles sharing a band are near-duplicate candidates."""

    __tablename__ = "article_bands"
    __table_args__ = (Index("ix_article_bands_band_hash", "band_hash"),)

    article_id: int = Field(foreign_key="articles.article_id", primary_key=True, ondelete="CASCADE")
    band_number: int = Field(primary_key=True)
    band_hash: int = Field(sa_column=Column(BigInteger, nullable=False))
