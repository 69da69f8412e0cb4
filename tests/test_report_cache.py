"""The persistent report cache against a real PostgreSQL: the change-log triggers, incremental refreshes that give
exactly what a fresh copy gives (load, reextract, reject, merge, delete, a new alias), full rebuilds when the
database, revision or views differ, crash safety, concurrent report runs and the fallbacks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psycopg
import pytest

from lcdb.database import to_sqlalchemy_url
from lcdb.migrations import downgrade, upgrade
from reports import cache
from reports.engine import REPORTING_VIEWS, execute_report, list_reports, open_session, validate_params
from tests.conftest import _reset_lcdb_caches

REPO_ROOT = Path(__file__).resolve().parent.parent
HELDOUT = REPO_ROOT / "tests" / "heldout" / "articles"
REQUIRED = {"actor": "Khalifa Haftar"}


def _views(url: str) -> dict[str, list[tuple]]:
    with open_session(REPORTING_VIEWS, url) as con:
        return {view: con.execute(f"select * from {view} order by all").fetchall() for view in REPORTING_VIEWS}


def _reports(url: str) -> dict[str, list[tuple]]:
    results = {}
    with open_session(REPORTING_VIEWS, url) as con:
        for spec in list_reports():
            params = {p.name: REQUIRED[p.name] for p in spec.parameters if p.required}
            results[spec.name] = execute_report(con, spec, validate_params(spec, params)).rows
    return results


def assert_cache_matches_postgres(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every view and every report read through the cache equals a fresh copy with the cache off."""
    cached_views, cached_reports = _views(url), _reports(url)
    with monkeypatch.context() as m:
        m.setenv(cache.CACHE_ENV, "off")
        fresh_views, fresh_reports = _views(url), _reports(url)
    for view in REPORTING_VIEWS:
        assert cached_views[view] == fresh_views[view], f"view {view} differs from PostgreSQL"
    for name in fresh_reports:
        assert cached_reports[name] == fresh_reports[name], f"report {name} differs from PostgreSQL"


def _cache_file(url: str) -> Path:
    with cache._connect(url) as conn:
        return cache.cache_path(cache.read_state(conn))


def _logged(conn: psycopg.Connection, since: int) -> list[tuple[int | None, str]]:
    return conn.execute("select article_id, table_name from change_log where change_id > %s "
                        "order by article_id nulls first, table_name", (since,)).fetchall()


def _last_change(conn: psycopg.Connection) -> int:
    return conn.execute("select coalesce(max(change_id), 0) from change_log").fetchone()[0]


# --------------------------------------------------------------------------------------------- triggers

TRIGGER_CASES = [
    # (what, SQL run in one transaction, rows it must log as (article_id or None, table)) on the example database;
    # {a} is some article with an event, {e} that event, {g} an allegation of article {ga}
    ("statement rejected", "update statements set is_rejected = true where article_id = {a}", [("{a}", "statements")]),
    ("participant moved", "update event_participants set position = position + 10 where event_id = {e}",
     [("{a}", "event_participants")]),
    ("denial added", "insert into actors (canonical_name, actor_type) values ('Denier', 'person'); "
                     "insert into allegation_denials (allegation_id, actor_id) "
                     "select {g}, actor_id from actors where canonical_name = 'Denier'",
     [("{ga}", "allegation_denials")]),
    ("mentions deleted", "delete from actor_mentions where article_id = {a}", [("{a}", "actor_mentions")]),
    ("article deleted (cascade)", "delete from articles where article_id = {a}",
     [("{a}", "actor_mentions"), ("{a}", "articles"), ("{a}", "embargo_allegations"), ("{a}", "events"),
      ("{a}", "foreign_support"), ("{a}", "statements")]),
    ("new actor: nothing", "insert into actors (canonical_name, actor_type) values ('Someone New', 'person')", []),
    ("loader's no-op upsert: nothing",
     "insert into actors (canonical_name, actor_type) select canonical_name, actor_type from actors limit 1 "
     "on conflict (canonical_name) do update set canonical_name = excluded.canonical_name", []),
    ("actor renamed", "update actors set canonical_name = canonical_name || ' (renamed)' "
                      "where actor_id = (select min(actor_id) from actors)", [(None, "actors")]),
    ("unreferenced actor deleted", "insert into actors (canonical_name, actor_type) values ('Gone', 'person'); "
                                   "delete from actors where canonical_name = 'Gone'", [(None, "actors")]),
    ("table truncated", "truncate foreign_support", [(None, "foreign_support")]),
]


@pytest.mark.parametrize("what,sql,expected", TRIGGER_CASES, ids=[c[0] for c in TRIGGER_CASES])
def test_triggers_log_the_changed_articles(loaded_db_url, what, sql, expected):
    with psycopg.connect(loaded_db_url) as conn:
        a, e = conn.execute("select article_id, event_id from events order by event_id limit 1").fetchone()
        ga, g = conn.execute("select article_id, allegation_id from embargo_allegations order by 2 limit 1").fetchone()
        since = _last_change(conn)
        ids = {"a": a, "e": e, "g": g, "ga": ga}
        for statement in sql.format(**ids).split("; "):
            conn.execute(statement)
        conn.commit()
        logged = _logged(conn, since)
        txids = {r[0] for r in conn.execute("select distinct txid::text from change_log where change_id > %s",
                                            (since,))}
    assert logged == [(int(x.format(**ids)) if x else None, table) for x, table in expected]
    assert len(txids) <= 1  # one transaction, one txid


def test_migration_round_trip_removes_and_restores_the_triggers(loaded_db_url, monkeypatch):
    url = to_sqlalchemy_url(loaded_db_url)

    def objects() -> tuple[int, int, bool]:
        with psycopg.connect(loaded_db_url) as conn:
            return conn.execute(
                """select (select count(*) from pg_trigger where tgname like '%\\_log\\_%' and not tgisinternal),
                          (select count(*) from pg_proc where proname like 'log\\_%'
                             and pronamespace = 'public'::regnamespace),
                          to_regclass('public.change_log') is not null""").fetchone()

    assert objects() == (35, 5, True)
    downgrade("0002", url=url)
    _reset_lcdb_caches()
    assert objects() == (0, 0, False)
    # A database older than 0003 still gets reports: the cache is rebuilt every time instead.
    stats = cache.refresh(loaded_db_url)
    assert (stats.kind, stats.reason) == ("full", "no cache yet")
    assert cache.refresh(loaded_db_url).kind == "full"
    assert_cache_matches_postgres(loaded_db_url, monkeypatch)
    upgrade(url=url)
    _reset_lcdb_caches()
    assert objects() == (35, 5, True)


# --------------------------------------------------------------------------------------------- refreshes


def _load_heldout(names: list[str]) -> None:
    from loaders.load import load_paths

    summary = load_paths([str(HELDOUT / name) for name in names], workers=1)
    assert summary.failed == 0 and summary.loaded == len(names)


def _reextract() -> None:
    from loaders.load import reextract

    assert reextract(workers=1).failed == 0


def _reject(url: str) -> None:
    from loaders.corrections import reject_row

    with psycopg.connect(url) as conn:
        (statement_id,) = conn.execute("select min(statement_id) from statements where not is_rejected").fetchone()
    reject_row("statement", statement_id, "wrong speaker")


def _merge(url: str) -> None:
    from loaders.corrections import merge_actors

    with psycopg.connect(url) as conn:
        source, target = conn.execute(
            """select a.canonical_name, b.canonical_name from actors a, actors b
               where a.actor_id in (select actor_id from actor_mentions) and b.actor_id in (select actor_id from
               actor_mentions) and a.actor_id < b.actor_id and a.actor_type = b.actor_type
               order by a.actor_id, b.actor_id limit 1""").fetchone()
    merge_actors(source, target)


def _delete_article(url: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("delete from articles where article_id = (select max(article_id) from articles)")


def _add_alias(url: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("insert into actor_aliases (actor_id, alias, alias_kind) "
                     "select min(actor_id), 'A Brand New Alias', 'analyst' from actors")


# (step, change, expected kind, expected number of articles re-fetched or None for "any")
STEPS = [
    ("first report", lambda url: None, "full", None),
    ("nothing changed", lambda url: None, "none", 0),
    ("two more articles loaded", lambda url: _load_heldout(["001_reuters.txt", "002_ap.txt"]), "incremental", None),
    ("reextract of every article", lambda url: _reextract(), "incremental", None),
    ("a statement rejected", _reject, "incremental", 1),
    ("a new alias (small views only)", _add_alias, "incremental", 0),
    ("two actors merged", _merge, "full", None),
    ("an article deleted", _delete_article, "incremental", 1),
    ("nothing changed again", lambda url: None, "none", 0),
]


def test_every_refresh_matches_a_fresh_copy(loaded_db_url, monkeypatch):
    for step, change, kind, articles in STEPS:
        change(loaded_db_url)
        stats = cache.refresh(loaded_db_url)
        assert stats.kind == kind, f"{step}: {stats}"
        if articles is not None:
            assert stats.articles == articles, f"{step}: {stats}"
        assert_cache_matches_postgres(loaded_db_url, monkeypatch)
    deleted = _views(loaded_db_url)["articles"]
    assert len(deleted) == 5 + 2 - 1


def test_loaded_articles_are_the_changed_ones(loaded_db_url):
    cache.refresh(loaded_db_url)
    _load_heldout(["003_aljazeera.txt"])
    stats = cache.refresh(loaded_db_url)
    assert (stats.kind, stats.articles) == ("incremental", 1)
    with duckdb.connect(str(stats.path), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 6
        assert con.execute("select count(*) from articles where source_name = '003_aljazeera.txt'").fetchone()[0] == 1


def test_many_changed_articles_rebuild_the_cache(loaded_db_url, monkeypatch):
    cache.refresh(loaded_db_url)
    monkeypatch.setattr(cache, "FULL_REBUILD_MIN_ARTICLES", 0)
    _load_heldout(["004_libyaobserver.txt", "005_libyaherald.txt"])  # 2 of 7 articles: more than 20%
    stats = cache.refresh(loaded_db_url)
    assert stats.kind == "full" and "2 of 5 articles changed" in stats.reason
    assert_cache_matches_postgres(loaded_db_url, monkeypatch)


def _set_meta(path: Path, column: str, value) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute(f"update cache_meta set {column} = ?", [value])


@pytest.mark.parametrize("column,value,reason", [
    ("revision", "0001", "schema revision 0001 -> "),
    ("views_hash", "0" * 64, "reporting view definitions changed"),
    ("database_oid", 1, "another database"),
    ("format", 0, "cache format 0"),
    ("watermark", str(2**62), "transaction ids went backwards"),
])
def test_a_different_database_state_rebuilds(loaded_db_url, column, value, reason):
    path = cache.refresh(loaded_db_url).path
    _set_meta(path, column, value)
    stats = cache.refresh(loaded_db_url)
    assert stats.kind == "full" and stats.reason.startswith(reason), stats
    assert cache.refresh(loaded_db_url).kind == "none"


def test_a_recreated_database_of_the_same_name_is_not_served_stale(pg_cluster, migrated_template, examples_template,
                                                                   monkeypatch):
    name = f"lcdb_recreated_{os.getpid()}"
    url = pg_cluster.create(name, template=examples_template)
    monkeypatch.setenv("LCDB_DATABASE_URL", url)
    try:
        cache.refresh(url)
        url = pg_cluster.create(name, template=migrated_template)  # same name, same server, no articles
        _reset_lcdb_caches()
        stats = cache.refresh(url)
        assert stats.kind == "full" and stats.reason.startswith("another database")
        assert _views(url)["articles"] == []
    finally:
        pg_cluster.drop(name)


def test_a_crash_during_a_rebuild_leaves_the_old_cache(loaded_db_url, monkeypatch):
    path = cache.refresh(loaded_db_url).path
    before = _views(loaded_db_url)
    _set_meta(path, "revision", "0001")
    old_meta = cache.read_meta(path)

    def crash(*args, **kwargs):
        raise RuntimeError("injected crash")

    with monkeypatch.context() as m:
        m.setattr(cache, "_write_meta", crash)
        with pytest.raises(RuntimeError, match="injected"):
            cache.refresh(loaded_db_url)
    assert cache.read_meta(path) == old_meta  # the old file, intact
    assert not list(path.parent.glob(f"{path.name}.tmp-*"))
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(before["articles"])
    assert cache.refresh(loaded_db_url).kind == "full"
    assert _views(loaded_db_url) == before


def test_a_crash_during_an_incremental_refresh_changes_nothing(loaded_db_url, monkeypatch):
    path = cache.refresh(loaded_db_url).path
    old_meta = cache.read_meta(path)
    _reject(loaded_db_url)
    with monkeypatch.context() as m:
        m.setattr(cache, "_postgres_rows", lambda view, ids: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            cache.refresh(loaded_db_url)
    assert cache.read_meta(path) == old_meta
    stats = cache.refresh(loaded_db_url)
    assert (stats.kind, stats.articles) == ("incremental", 1)
    assert_cache_matches_postgres(loaded_db_url, monkeypatch)


# --------------------------------------------------------------------------------------------- sessions


def test_a_report_session_reads_the_cache_and_is_locked_down(loaded_db_url, tmp_path):
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with open_session(["statements"], loaded_db_url) as con:
        databases = dict(con.execute("select database_name, readonly from duckdb_databases()").fetchall())
        assert databases["cache"] is True
        assert con.execute("select count(*) from statements").fetchone()[0] > 0
        with pytest.raises(duckdb.Error, match="disabled"):
            con.execute("select * from read_csv('/etc/passwd')")
        with pytest.raises(duckdb.Error, match="disabled"):
            con.execute(f"attach '{other}' as other (read_only)")
        with pytest.raises(duckdb.Error):
            con.execute(f"attach '{loaded_db_url}' as pg (type postgres, read_only)")
        with pytest.raises(duckdb.Error):
            con.execute("delete from cache.main.statements")
        with pytest.raises(duckdb.Error):
            con.execute("select * from events")  # only the views asked for have bare names


def test_cache_off_and_copy_loader_write_no_cache(loaded_db_url, monkeypatch):
    path = _cache_file(loaded_db_url)
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    with open_session(["articles"], loaded_db_url) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 5
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("LCDB_REPORT_LOADER", "copy")
    with open_session(["articles"], loaded_db_url) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 5
    assert not path.exists()


def test_a_nested_session_that_needs_a_refresh_copies_instead(loaded_db_url):
    with open_session(["articles"], loaded_db_url) as outer:
        _delete_article(loaded_db_url)
        with open_session(["articles"], loaded_db_url) as inner:
            assert inner.execute("select count(*) from articles").fetchone()[0] == 4
        assert outer.execute("select count(*) from articles").fetchone()[0] == 5
    assert cache.refresh(loaded_db_url).kind == "incremental"


def _lcdb(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lcdb.cli", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)


def test_two_concurrent_report_runs_both_succeed(loaded_db_url, tmp_path):
    env = {**os.environ, "LCDB_DATABASE_URL": loaded_db_url}
    runs = [_lcdb("report", "run", name, "--format", "json", "--out", str(tmp_path / name), env=env)
            for name in ("statements_timeline", "embargo_violations")]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert (tmp_path / "statements_timeline" / "statements_timeline.json").exists()
    assert (tmp_path / "embargo_violations" / "embargo_violations.json").exists()
    assert cache.refresh(loaded_db_url).kind == "none"


def test_a_refresh_waits_for_a_reader(loaded_db_url, tmp_path):
    env = {**os.environ, "LCDB_DATABASE_URL": loaded_db_url}
    with open_session(["articles"], loaded_db_url) as con:
        _delete_article(loaded_db_url)  # the next report must refresh: it needs the exclusive lock we block
        run = _lcdb("report", "run", "coverage_quality", "--format", "json", "--out", str(tmp_path), env=env)
        time.sleep(3)
        assert run.poll() is None, run.communicate()
        assert con.execute("select count(*) from articles").fetchone()[0] == 5  # our view did not change under us
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert cache.refresh(loaded_db_url).kind == "none"
