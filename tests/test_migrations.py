"""Migrations on a real PostgreSQL: round trip, no drift, documented reporting views, the read-only role."""

from __future__ import annotations

import psycopg
import pytest

from lcdb.database import to_sqlalchemy_url
from lcdb.migrations import check, current_revision, downgrade, head_revision, upgrade

CORE_TABLES = {
    "articles", "stories", "article_bands", "actors", "actor_aliases", "actor_mentions", "statements", "events",
    "event_participants", "embargo_allegations", "allegation_denials", "foreign_support", "rejections",
    "load_runs", "load_errors",
}
# The BI contract from the foundation issue: these views and columns must exist with exactly these names.
CONTRACT = {
    "articles": "article_id source_name url title outlet published_on published_precision language is_relevant",
    "actor_mentions": "article_id source_name actor_id actor_name actor_type surface_form char_start char_end",
    "statements": "statement_id article_id source_name speaker_actor_id speaker_name speaker_type is_anonymous kind "
                  "quote_text said_on said_on_precision char_start char_end confidence",
    "events": "event_id article_id source_name event_type occurred_on occurred_on_precision participants "
              "evidence_text confidence",
    "embargo_allegations": "allegation_id article_id source_name supplier_name recipient_name recipient_side materiel "
                           "quantity_text alleged_by_name denied_by evidence_text confidence",
    "foreign_support": "support_id article_id source_name supporter_name supported_name supported_side "
                       "alleged_by_name evidence_text confidence",
}


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("select table_name from information_schema.tables where table_schema = 'public'")
        return {r[0] for r in rows}


def test_upgrade_creates_every_table_and_view(empty_db_url):
    upgrade(url=to_sqlalchemy_url(empty_db_url))
    assert CORE_TABLES <= _tables(empty_db_url)
    with psycopg.connect(empty_db_url) as conn:
        views = {r[0] for r in conn.execute("select table_name from information_schema.views "
                                            "where table_schema = 'reporting'")}
    assert set(CONTRACT) <= views


def test_round_trip_and_no_drift(empty_db_url):
    url = to_sqlalchemy_url(empty_db_url)
    upgrade(url=url)
    assert current_revision(url) == head_revision()
    downgrade("base", url=url)
    assert current_revision(url) is None
    assert not (CORE_TABLES & _tables(empty_db_url))
    upgrade(url=url)
    assert CORE_TABLES <= _tables(empty_db_url)
    check(url)  # raises on drift between models and migrations


@pytest.mark.parametrize("view", sorted(CONTRACT))
def test_contract_columns_exist_and_are_documented(db_url, view):
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            """select a.attname, col_description(c.oid, a.attnum)
               from pg_attribute a join pg_class c on c.oid = a.attrelid
               join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'reporting' and c.relname = %s and a.attnum > 0 and not a.attisdropped""",
            (view,),
        ).fetchall()
        view_comment = conn.execute("select obj_description(%s::regclass, 'pg_class')",
                                    (f"reporting.{view}",)).fetchone()[0]
    columns = dict(rows)
    assert set(CONTRACT[view].split()) <= set(columns)
    undocumented = [name for name, comment in columns.items() if not comment]
    assert undocumented == []
    assert view_comment


def test_every_reporting_view_and_column_is_documented(db_url):
    with psycopg.connect(db_url) as conn:
        missing = conn.execute(
            """select c.relname, a.attname from pg_class c
               join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'reporting'
               join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
               where c.relkind = 'v' and col_description(c.oid, a.attnum) is null"""
        ).fetchall()
    assert missing == []


def test_every_enumerated_column_has_a_named_check(db_url):
    with psycopg.connect(db_url) as conn:
        checks = {r[0] for r in conn.execute(
            "select conname from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace")}
    for name in ("ck_articles_published_precision_allowed", "ck_actors_actor_type_allowed",
                 "ck_statements_kind_allowed", "ck_events_event_type_allowed", "ck_actors_side_allowed",
                 "ck_statements_said_date_precision_allowed", "ck_events_occurred_date_precision_allowed"):
        assert name in checks


def _reader_url(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    netloc = "lcdb_reader@" + parts.netloc.split("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=netloc))


def test_reader_can_select_reporting_and_write_nothing(loaded_db_url):
    with psycopg.connect(_reader_url(loaded_db_url), autocommit=True) as conn:
        assert conn.execute("select count(*) from reporting.articles").fetchone()[0] == 5
        for statement in (
            "insert into articles (source_name, content_hash, raw_text, body_text) values ('x', 'x', 'x', 'x')",
            "update articles set title = 'x'",
            "delete from articles",
            "select * from articles",
            "create table reporting.evil (id int)",
            "create table public.evil (id int)",
            "delete from reporting.articles",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
