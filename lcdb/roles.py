"""The read-only role for analysts and BI tools: SELECT on the reporting views, nothing else."""

from __future__ import annotations

from psycopg import sql

from lcdb.database import connect
from lcdb.migrations import ensure_upgraded

READER_ROLE = "lcdb_reader"


def create_reader(password: str | None = None) -> None:
    """Create (or update) lcdb_reader and grant it read access to schema reporting only."""
    ensure_upgraded()
    with connect(autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_roles where rolname = %s", (READER_ROLE,)).fetchone()
        role = sql.Identifier(READER_ROLE)
        if not exists:
            conn.execute(sql.SQL("create role {} login").format(role))
        if password is not None:
            conn.execute(sql.SQL("alter role {} login password {}").format(role, sql.Literal(password)))
        database = conn.execute("select current_database()").fetchone()[0]
        conn.execute(sql.SQL("grant connect on database {} to {}").format(sql.Identifier(database), role))
        conn.execute(sql.SQL("grant usage on schema reporting to {}").format(role))
        conn.execute(sql.SQL("grant select on all tables in schema reporting to {}").format(role))
        conn.execute(sql.SQL("alter default privileges in schema reporting grant select on tables to {}").format(role))
        conn.execute(sql.SQL("revoke all on all tables in schema public from {}").format(role))
        conn.execute("revoke create on schema public from public")
