"""Alembic environment: targets SQLModel.metadata with every table module imported (see schema/__init__.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

import schema  # noqa: F401  (registers every table)
from lcdb.database import database_url
from schema.base import metadata

config = context.config
target_metadata = metadata
# Serialises concurrent `upgrade`s from several lcdb processes on one database.
MIGRATION_LOCK_KEY = 0x6C636462


def include_object(obj, name, type_, reflected, compare_to):
    # The reporting schema is made of hand-written views; autogenerate must not try to manage it.
    return getattr(obj, "schema", None) != "reporting"


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url") or database_url(), target_metadata=target_metadata,
                      literal_binds=True, include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or database_url()
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, include_object=include_object,
                      compare_type=True)
    with context.begin_transaction():
        connection.execute(text("select pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
