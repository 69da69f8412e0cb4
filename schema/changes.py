"""The change log: which articles' rows changed in which transaction, written by triggers (migration 0003).

Internal to lcdb: the report cache (`reports/cache.py`) reads it to refresh only the articles that changed.
Nothing writes to it but the triggers, and `lcdb_reader` is granted nothing on it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, DateTime, Index, Text, func
from sqlalchemy.dialects.postgresql.base import ischema_names
from sqlalchemy.types import UserDefinedType
from sqlmodel import Field, SQLModel


class Xid8(UserDefinedType):
    """PostgreSQL's 64-bit transaction id (`pg_current_xact_id()`); it never wraps around, unlike xid."""

    cache_ok = True

    def get_col_spec(self, **kw) -> str:
        return "xid8"


# Lets reflection (and so `alembic check`) recognise the column instead of warning about an unknown type.
ischema_names.setdefault("xid8", Xid8)


class ChangeLog(SQLModel, table=True):
    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_txid", "txid"),
        {"comment": "Internal: one row per (statement, article) whose rows changed, written by triggers; the report "
                    "cache refreshes the articles logged since its watermark. article_id null means rows of many "
                    "articles may have changed (an actor was renamed, merged or deleted): rebuild everything."},
    )

    change_id: int | None = Field(default=None, sa_column=Column(
        BigInteger, primary_key=True, comment="Log row identifier."))
    article_id: int | None = Field(default=None, sa_column=Column(
        BigInteger, comment="Article whose rows changed; null when rows of many articles may have changed."))
    table_name: str = Field(sa_column=Column(Text, nullable=False, comment="Table the triggering statement changed."))
    txid: str | None = Field(default=None, sa_column=Column(
        Xid8(), nullable=False, server_default=func.pg_current_xact_id(),
        comment="Transaction that made the change (pg_current_xact_id()); compared with snapshot xmin watermarks."))
    changed_at: dt.datetime | None = Field(default=None, sa_column=Column(
        DateTime(timezone=True), nullable=False, server_default=func.now(),
        comment="Start time of that transaction (UTC)."))
