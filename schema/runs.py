"""Load runs and the errors they met: what was loaded when, and what failed and why."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, DateTime, Index, Text
from sqlmodel import Field, SQLModel

from schema.base import created_at_column, one_of

RUN_STATUSES = ("running", "succeeded", "partial", "failed", "interrupted")
RUN_COMMANDS = ("load", "reextract")


class LoadRun(SQLModel, table=True):
    __tablename__ = "load_runs"
    __table_args__ = (one_of("status", RUN_STATUSES), one_of("command", RUN_COMMANDS))

    load_run_id: int | None = Field(default=None, primary_key=True)
    command: str = Field(default="load", sa_column_kwargs={"server_default": "load"})
    started_at: dt.datetime = Field(sa_column=created_at_column())
    finished_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    status: str = Field(default="running")
    extractor_version: str
    inputs: list | None = Field(default=None, sa_column=Column(JSON))
    seen_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    loaded_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    unchanged_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    failed_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    skipped_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class LoadError(SQLModel, table=True):
    __tablename__ = "load_errors"
    __table_args__ = (Index("ix_load_errors_load_run_id", "load_run_id"),)

    load_error_id: int | None = Field(default=None, primary_key=True)
    load_run_id: int = Field(foreign_key="load_runs.load_run_id", ondelete="CASCADE")
    source_name: str = Field(sa_column=Column(Text, nullable=False))
    line_number: int | None = None
    error_kind: str
    message: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = Field(sa_column=created_at_column())
