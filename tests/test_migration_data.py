"""Migrations on real data: downgrading and upgrading again loses no row, and the reporting views come back.

The parametrised test walks every revision in alembic/versions, so a new migration is covered as soon as it is
added: downgrade to its down_revision with the examples loaded, upgrade to head, and compare row counts (and the
full table snapshot). Revisions whose downgrade drops the core tables (0001 -> base) are skipped by design.
"""

from __future__ import annotations

import psycopg
import pytest
from alembic.script import ScriptDirectory

from lcdb.database import to_sqlalchemy_url
from lcdb.migrations import alembic_config, current_revision, downgrade, head_revision, upgrade
from tests.conftest import _reset_lcdb_caches, table_snapshot

CORE_TABLES = ("articles", "actors", "actor_aliases", "actor_mentions", "statements", "events",
               "event_participants", "embargo_allegations", "allegation_denials", "foreign_support", "stories",
               "article_bands", "load_runs", "load_errors", "rejections")


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("postgresql://unused"))


def _revisions() -> list:
    return list(reversed(list(_script().walk_revisions())))  # base first


def _tables(conn: psycopg.Connection, schema: str) -> set[str]:
    return {r[0] for r in conn.execute(
        "select table_name from information_schema.tables where table_schema = %s", (schema,)).fetchall()}


def _core_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        present = _tables(conn, "public")
        return {t: conn.execute(f"select count(*) from public.{t}").fetchone()[0] for t in CORE_TABLES if t in present}


def _reporting_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        views = sorted(_tables(conn, "reporting"))
        return {v: conn.execute(f"select count(*) from reporting.{v}").fetchone()[0] for v in views}


def _drops_core_tables(revision) -> bool:
    """True when downgrading past `revision` removes core tables (the initial migration)."""
    return revision.down_revision is None


def _round_trip(url: str, target: str | None) -> None:
    sa_url = to_sqlalchemy_url(url)
    downgrade(target or "base", url=sa_url)
    _reset_lcdb_caches()
    assert current_revision(sa_url) == target
    upgrade(url=sa_url)
    _reset_lcdb_caches()
    assert current_revision(sa_url) == head_revision()


def test_downgrade_one_and_upgrade_keeps_every_row(loaded_db_url):
    before = table_snapshot(loaded_db_url)
    views_before = _reporting_counts(loaded_db_url)
    assert before["articles"] and before["statements"] and views_before
    sa_url = to_sqlalchemy_url(loaded_db_url)
    downgrade("-1", url=sa_url)
    _reset_lcdb_caches()
    assert current_revision(sa_url) != head_revision()
    assert table_snapshot(loaded_db_url) == before, "downgrading one revision lost or changed rows"
    upgrade(url=sa_url)
    _reset_lcdb_caches()
    assert current_revision(sa_url) == head_revision()
    assert table_snapshot(loaded_db_url) == before
    assert _reporting_counts(loaded_db_url) == views_before
    with psycopg.connect(loaded_db_url) as conn:  # the views are queryable and carry their documentation again
        conn.execute("select * from reporting.statements limit 1").fetchall()
        commented = conn.execute(
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "where n.nspname = 'reporting' and c.relkind = 'v' and obj_description(c.oid, 'pg_class') is not null"
        ).fetchone()[0]
        assert commented == len(views_before)


def test_reader_role_can_read_the_views_again_after_a_round_trip(loaded_db_url):
    _round_trip(loaded_db_url, _script().get_revision(head_revision()).down_revision)
    with psycopg.connect(loaded_db_url) as conn:
        if not conn.execute("select 1 from pg_roles where rolname = 'lcdb_reader'").fetchone():
            pytest.skip("no lcdb_reader role on this server (no CREATEROLE)")
        conn.execute("set role lcdb_reader")
        assert conn.execute("select count(*) from reporting.articles").fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select count(*) from public.articles")


REVISIONS = _revisions()


@pytest.mark.parametrize("revision", REVISIONS, ids=[r.revision for r in REVISIONS])
def test_every_revision_round_trips_with_data(loaded_db_url, revision):
    if _drops_core_tables(revision):
        pytest.skip(f"{revision.revision} is the initial migration: its downgrade drops the core tables")
    counts = _core_counts(loaded_db_url)
    snapshot = table_snapshot(loaded_db_url)
    assert counts["articles"] > 0
    _round_trip(loaded_db_url, revision.down_revision)
    assert _core_counts(loaded_db_url) == counts
    assert table_snapshot(loaded_db_url) == snapshot
    assert _reporting_counts(loaded_db_url)  # the views exist again and answer


def test_some_revision_is_round_tripped():
    """Guards the parametrised test above against skipping everything."""
    exercised = [r.revision for r in REVISIONS if not _drops_core_tables(r)]
    assert exercised, "no revision past the initial one: the data-preserving round trip tests nothing"
    assert head_revision() in exercised or len(REVISIONS) == 1
