"""Shared schema helpers: the metadata naming convention and the named-CHECK helper for enumerated columns."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, DateTime, func
from sqlmodel import SQLModel

# Must be set before any table class is defined, so every constraint has a predictable name (STACK.md).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A named CHECK that `column` is NULL or one of `values`."""
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} is null or {column} in ({allowed})", name=name or f"{column}_allowed")


def span_check(start: str = "char_start", end: str = "char_end", name: str = "span_valid") -> CheckConstraint:
    return CheckConstraint(f"{start} >= 0 and {end} > {start}", name=name)


def confidence_check() -> CheckConstraint:
    return CheckConstraint("confidence >= 0 and confidence <= 1", name="confidence_range")


def created_at_column() -> Column:
    return Column(DateTime(timezone=True), nullable=False, server_default=func.now())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
