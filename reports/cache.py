"""The persistent report cache: one DuckDB file per database holding a copy of every `reporting.*` view, refreshed
incrementally from `public.change_log` (migration 0003) so that a report reads local tables instead of copying
millions of rows out of PostgreSQL on every run.

File: `$LCDB_HOME/cache/reports-<key>.duckdb`, key = a short hash of the database identity (cluster system
identifier, database name, host and port). Besides the ten views it holds one `cache_meta` row: the database's OID,
its alembic revision, a hash of the view definitions, the xid8 watermark, a signature of the small views and when it
was refreshed. A refresh is

- **none** when nothing was logged since the watermark and the small views are unchanged (no write at all);
- **incremental** when some articles changed: their rows are deleted from and re-fetched into the seven
  article-grained views, and the small views (actors, load_runs, load_errors) are re-copied in full; one DuckDB
  transaction;
- **full** otherwise (no cache yet, another database or revision, changed view definitions, an actor renamed,
  merged or deleted, more than FULL_REBUILD_SHARE of the articles changed, no change log): a new file is built
  beside the old one and renamed over it, so a crash never leaves a half-built cache.

Concurrency: a refresh holds an exclusive flock on `<cache>.lock`, readers a shared one for as long as they read.
Deleting the cache (and its .lock) at any time when no lcdb process is running is safe: the next report rebuilds it.
`LCDB_REPORT_CACHE=off` turns the cache off (every session copies the views it needs into memory, as before).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reports.engine import REPORTING_VIEWS, ReportError, _clean_error, _load_extension, _sql_string, quote_identifier

CACHE_ENV = "LCDB_REPORT_CACHE"
CACHE_FORMAT = 1  # bump when the cache file's layout changes: every existing cache is then rebuilt
ARTICLE_VIEWS: tuple[str, ...] = (
    "articles", "actor_mentions", "statements", "events", "event_participants", "embargo_allegations",
    "foreign_support",
)
SMALL_VIEWS: tuple[str, ...] = ("actors", "load_runs", "load_errors")
SMALL_VIEW_ORDER = {"actors": "actor_id", "load_runs": "load_run_id", "load_errors": "load_error_id"}
FULL_REBUILD_SHARE = 0.2  # rebuild when more than this share of the cached articles changed...
FULL_REBUILD_MIN_ARTICLES = 1000  # ...and more than this many: re-fetching a thousand articles is always cheap
FETCH_CHUNK = 5000  # article ids per query when re-fetching
REBUILD_THREADS = max(1, min(4, os.cpu_count() or 1))
REBUILD_ORDER: tuple[str, ...] = (  # largest first (rows per article at 100k: mentions ~70, statements ~24, ...)
    "actor_mentions", "statements", "embargo_allegations", "events", "foreign_support", "articles",
    "event_participants", "actors", "load_runs", "load_errors",
)
LOCK_TIMEOUT_SECONDS = 900.0  # a full rebuild at 100k articles takes a minute or two
CHANGE_LOG_RETENTION = dt.timedelta(days=30)  # change_log rows older than this are pruned...
STALE_AFTER = dt.timedelta(days=23)  # ...so a cache not refreshed for this long cannot trust the log: full rebuild
PRUNE_EVERY = dt.timedelta(days=1)

assert set(ARTICLE_VIEWS) | set(SMALL_VIEWS) == set(REPORTING_VIEWS) == set(REBUILD_ORDER)


class CacheUnavailable(ReportError):
    """The cache cannot be used here (no postgres extension, or this process already reads it); use no cache."""


@dataclass(frozen=True)
class RefreshStats:
    """What a refresh did: kind is "full", "incremental" or "none"; articles = article ids re-fetched (incremental)
    or articles in the rebuilt cache (full)."""

    kind: str
    reason: str
    articles: int
    seconds: float
    path: Path


@dataclass(frozen=True)
class DatabaseState:
    """What the cache must match, read from PostgreSQL before anything is copied."""

    watermark: int  # pg_snapshot_xmin(pg_current_snapshot()), read first
    system_identifier: str
    database_name: str
    database_oid: int
    host: str
    port: str
    revision: str | None
    views_hash: str
    small_signature: str
    has_change_log: bool
    now: dt.datetime

    @property
    def key(self) -> str:
        identity = "\x1f".join((self.system_identifier, self.database_name, self.host, self.port))
        return hashlib.sha256(identity.encode()).hexdigest()[:16]


def is_enabled() -> bool:
    return os.environ.get(CACHE_ENV, "on").strip().lower() not in ("off", "0", "false", "no")


def cache_dir() -> Path:
    from lcdb.database import lcdb_home

    return lcdb_home() / "cache"


def cache_path(state: DatabaseState) -> Path:
    return cache_dir() / f"reports-{state.key}.duckdb"


# --------------------------------------------------------------------------------------------- PostgreSQL side


def _connect(url: str):
    import psycopg

    from lcdb.database import CONNECT_TIMEOUT_SECONDS

    conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
    conn.execute("set timezone = 'UTC'")  # the small-view signature hashes timestamps as text
    return conn


def _small_signature(conn) -> str:
    parts = []
    for view in SMALL_VIEWS:
        (digest,) = conn.execute(
            f"select md5(coalesce(string_agg(v::text, E'\\n' order by v.{SMALL_VIEW_ORDER[view]}), '')) "
            f"from reporting.{quote_identifier(view, REPORTING_VIEWS)} v").fetchone()
        parts.append(digest)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def read_state(conn) -> DatabaseState:
    # The watermark comes first: anything a later copy might miss belongs to a transaction that commits after this
    # read, and every such transaction has txid >= this xmin, so the next refresh sees its change_log rows.
    (watermark,) = conn.execute("select pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()
    try:
        (system_identifier,) = conn.execute("select system_identifier::text from pg_control_system()").fetchone()
    except Exception:  # noqa: BLE001 - a managed server may hide it; database name, OID, host and port remain
        system_identifier = ""
    name, oid, has_log, has_alembic, now = conn.execute(
        """select current_database(), (select oid from pg_database where datname = current_database())::bigint,
                  to_regclass('public.change_log') is not null, to_regclass('public.alembic_version') is not null,
                  now()""").fetchone()
    revision = None
    if has_alembic:
        row = conn.execute("select version_num from public.alembic_version").fetchone()
        revision = row[0] if row else None
    (definitions,) = conn.execute(
        """select coalesce(string_agg(c.relname || ':' || pg_get_viewdef(c.oid) || ':' || (
                   select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ',' order by a.attnum)
                   from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
                 E'\\n' order by c.relname), '')
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'reporting' and c.relkind = 'v'""").fetchone()
    return DatabaseState(
        watermark=int(watermark), system_identifier=system_identifier, database_name=name, database_oid=oid,
        host=str(conn.info.host), port=str(conn.info.port), revision=revision,
        views_hash=hashlib.sha256(definitions.encode()).hexdigest(), small_signature=_small_signature(conn),
        has_change_log=has_log, now=now)


def _changes_since(conn, watermark: int) -> tuple[bool, list[int]]:
    """(was anything logged with article_id null, the distinct article ids logged) since the watermark."""
    has_null, ids = conn.execute(
        """select coalesce(bool_or(article_id is null), false),
                  coalesce(array_agg(distinct article_id) filter (where article_id is not null), '{}')
           from public.change_log where txid >= %s::text::xid8""", (str(watermark),)).fetchone()
    return has_null, sorted(ids)


def _prune_change_log(conn) -> None:
    try:
        conn.execute("delete from public.change_log where changed_at < now() - %s", (CHANGE_LOG_RETENTION,))
    except Exception:  # noqa: BLE001 - a role without DELETE on the log only loses the pruning
        pass


# --------------------------------------------------------------------------------------------- the cache file


@dataclass(frozen=True)
class Meta:
    format: int
    system_identifier: str
    database_name: str
    database_oid: int
    revision: str | None
    views_hash: str
    watermark: int
    small_signature: str
    article_count: int
    refreshed_at: dt.datetime
    pruned_at: dt.datetime | None


_META_COLUMNS = ("format", "system_identifier", "database_name", "database_oid", "revision", "views_hash",
                 "watermark", "small_signature", "article_count", "refreshed_at", "pruned_at")


def _read_meta(con, catalog: str = "main") -> Meta | None:
    import duckdb

    try:
        row = con.execute(f"select {', '.join(_META_COLUMNS)} from {catalog}.cache_meta").fetchone()
    except duckdb.Error:
        return None
    if row is None:
        return None
    values = dict(zip(_META_COLUMNS, row, strict=True))
    values["watermark"] = int(values["watermark"])
    return Meta(**values)


def read_meta(path: Path) -> Meta | None:
    """The meta row of a cache file, or None when the file is missing or unreadable."""
    import duckdb

    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return _read_meta(con)
    finally:
        con.close()


def _write_meta(con, state: DatabaseState, refreshed_at: dt.datetime, pruned_at: dt.datetime | None) -> None:
    (articles,) = con.execute("select count(*) from articles").fetchone()
    con.execute("delete from cache_meta")
    con.execute(
        f"insert into cache_meta ({', '.join(_META_COLUMNS)}) values ({', '.join('?' * len(_META_COLUMNS))})",
        [CACHE_FORMAT, state.system_identifier, state.database_name, state.database_oid, state.revision,
         state.views_hash, str(state.watermark), state.small_signature, articles, refreshed_at, pruned_at])


def _full_reason(meta: Meta | None, state: DatabaseState) -> str | None:
    """Why the cache must be rebuilt from scratch, judged without reading the change log; None if it need not."""
    if meta is None:
        return "no cache yet"
    if meta.format != CACHE_FORMAT:
        return f"cache format {meta.format} is not {CACHE_FORMAT}"
    if (meta.system_identifier, meta.database_name, meta.database_oid) != (
            state.system_identifier, state.database_name, state.database_oid):
        return "another database (recreated or restored)"
    if meta.revision != state.revision:
        return f"schema revision {meta.revision} -> {state.revision}"
    if meta.views_hash != state.views_hash:
        return "reporting view definitions changed"
    if not state.has_change_log:
        return "no change_log table (database older than revision 0003)"
    if state.watermark < meta.watermark:
        return "transaction ids went backwards (database restored from a physical backup?)"
    if state.now - meta.refreshed_at > STALE_AFTER:
        return f"not refreshed for more than {STALE_AFTER.days} days (the change log may be pruned)"
    return None


@dataclass(frozen=True)
class _Plan:
    kind: str  # full, incremental, none
    reason: str
    article_ids: tuple[int, ...] = ()
    small_changed: bool = False
    write_meta: bool = True


def _plan(conn, meta: Meta | None, state: DatabaseState) -> _Plan:
    reason = _full_reason(meta, state)
    if reason:
        return _Plan("full", reason)
    has_null, ids = _changes_since(conn, meta.watermark)
    if has_null:
        return _Plan("full", "an actor was changed or deleted, or a table truncated")
    if len(ids) > max(FULL_REBUILD_MIN_ARTICLES, FULL_REBUILD_SHARE * meta.article_count):
        return _Plan("full", f"{len(ids)} of {meta.article_count} articles changed")
    small_changed = meta.small_signature != state.small_signature
    if not ids and not small_changed:
        # Nothing to copy; once a day the watermark still moves forward (shorter log scans, not stale)
        return _Plan("none", "up to date", write_meta=state.now - meta.refreshed_at > PRUNE_EVERY)
    return _Plan("incremental", f"{len(ids)} articles changed", tuple(ids), small_changed)


def _attach_postgres(con, url: str) -> None:
    import duckdb

    try:
        _load_extension(con)
    except (duckdb.Error, ReportError, OSError) as exc:
        raise CacheUnavailable(f"the postgres extension cannot load: {_clean_error(exc, url)}") from None
    con.execute(f"attach {_sql_string(url)} as pg (type postgres, read_only)")


def _create_meta_table(con) -> None:
    con.execute("""create table cache_meta (
        format integer, system_identifier varchar, database_name varchar, database_oid bigint, revision varchar,
        views_hash varchar, watermark varchar, small_signature varchar, article_count bigint,
        refreshed_at timestamptz, pruned_at timestamptz)""")


def _copy_views(con) -> None:
    """Copy every view from the attached `pg`, several at a time: each one is a single-threaded query in PostgreSQL,
    so two views in parallel take about half the time on two cores. Largest first, so the longest one starts first."""
    from concurrent.futures import ThreadPoolExecutor

    def copy(view: str) -> None:
        table = quote_identifier(view, REPORTING_VIEWS)
        cursor = con.cursor()  # a connection of its own to the same database: DuckDB connections are not shared
        try:
            cursor.execute(f"create table {table} as select * from pg.reporting.{table}")
        finally:
            cursor.close()

    with ThreadPoolExecutor(max_workers=REBUILD_THREADS) as pool:
        for future in [pool.submit(copy, view) for view in REBUILD_ORDER]:
            future.result()


def _rebuild(url: str, path: Path, state: DatabaseState, pruned_at: dt.datetime | None) -> int:
    """Build a complete cache in a temporary file and rename it over `path`. Returns the number of articles."""
    import duckdb

    for stale in path.parent.glob(f"{path.name}.tmp-*"):  # left by a crashed rebuild; we hold the exclusive lock
        stale.unlink(missing_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        con = duckdb.connect(str(tmp))
        try:
            _attach_postgres(con, url)
            _copy_views(con)
            con.execute("detach pg")
            _create_meta_table(con)
            _write_meta(con, state, state.now, pruned_at)
            (articles,) = con.execute("select count(*) from articles").fetchone()
            con.execute("checkpoint")
        finally:
            con.close()
        # A write-ahead log left beside the old file would be replayed into the new one.
        Path(f"{path}.wal").unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return articles


def _postgres_rows(view: str, ids: list[int]) -> str:
    """postgres_query() of the view's rows for some articles; the ids are ints, formatted, never text from outside."""
    table = quote_identifier(view, REPORTING_VIEWS)
    array = "{" + ",".join(str(int(i)) for i in ids) + "}"
    sql = f"select * from reporting.{table} where article_id = any('{array}'::bigint[])"
    return f"select * from postgres_query('pg', {_sql_string(sql)})"


def _update(url: str, path: Path, state: DatabaseState, plan: _Plan, pruned_at: dt.datetime | None) -> None:
    """Re-fetch the changed articles' rows and (if they changed) the small views, in one DuckDB transaction."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        if plan.article_ids or plan.small_changed:
            _attach_postgres(con, url)
        ids = list(plan.article_ids)
        con.execute("begin transaction")
        if ids:
            con.execute("create temp table changed_articles (article_id bigint primary key)")
            con.execute("insert into changed_articles select unnest(?::bigint[])", [ids])
            for view in ARTICLE_VIEWS:
                table = quote_identifier(view, REPORTING_VIEWS)
                con.execute(f"delete from {table} where article_id in (select article_id from changed_articles)")
                for start in range(0, len(ids), FETCH_CHUNK):
                    con.execute(f"insert into {table} by name {_postgres_rows(view, ids[start:start + FETCH_CHUNK])}")
        if plan.small_changed:
            for view in SMALL_VIEWS:
                table = quote_identifier(view, REPORTING_VIEWS)
                con.execute(f"delete from {table}")
                con.execute(f"insert into {table} by name select * from pg.reporting.{table}")
        _write_meta(con, state, state.now, pruned_at)
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("rollback")
        raise
    finally:
        con.close()


def _refresh_locked(url: str, path: Path) -> RefreshStats:
    started = time.perf_counter()
    with _connect(url) as conn:
        state = read_state(conn)
        meta = read_meta(path)
        plan = _plan(conn, meta, state)
        pruned_at = meta.pruned_at if meta else None
        if plan.write_meta and state.has_change_log and (pruned_at is None or state.now - pruned_at > PRUNE_EVERY):
            _prune_change_log(conn)
            pruned_at = state.now
    if plan.kind == "full":
        articles = _rebuild(url, path, state, pruned_at)
        return RefreshStats("full", plan.reason, articles, time.perf_counter() - started, path)
    if plan.write_meta:
        _update(url, path, state, plan, pruned_at)
    return RefreshStats(plan.kind, plan.reason, len(plan.article_ids), time.perf_counter() - started, path)


# --------------------------------------------------------------------------------------------- locking


_HELD: dict[Path, int] = {}  # cache files this process holds a lock on (flock does not nest across descriptors)


class _Lock:
    """An flock on `<cache>.lock` that can be taken shared or exclusive, and converted, with a timeout."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(f"{path.name}.lock")
        self.handle = None

    def acquire(self, exclusive: bool) -> None:
        if self.handle is None:
            try:
                self.lock_path.parent.mkdir(parents=True, exist_ok=True)
                self.handle = open(self.lock_path, "a+")  # noqa: SIM115 - closed in release()
            except OSError as exc:  # a read-only LCDB_HOME: reports still run, without a cache
                raise CacheUnavailable(f"cannot create {self.lock_path}: {exc.strerror}") from None
            _HELD[self.path] = _HELD.get(self.path, 0) + 1
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(self.handle, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ReportError(f"the report cache {self.path} stayed locked for {LOCK_TIMEOUT_SECONDS:.0f} s "
                                      "by another lcdb process") from None
                time.sleep(0.05)

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
            _HELD[self.path] -= 1
            if not _HELD[self.path]:
                del _HELD[self.path]


def refresh(url: str) -> RefreshStats:
    """Bring the cache of the database at `url` (a libpq URL) up to date; returns what was done."""
    with _connect(url) as conn:
        path = cache_path(read_state(conn))
    if path in _HELD:
        raise CacheUnavailable(f"this process is reading {path}; it cannot refresh it now")
    lock = _Lock(path)
    try:
        lock.acquire(exclusive=True)
        return _refresh_locked(url, path)
    finally:
        lock.release()


@contextlib.contextmanager
def reading(url: str) -> Iterator[tuple[Path, RefreshStats]]:
    """An up-to-date cache file for the database at `url`, under a shared lock for as long as the block runs.

    Fast path: under the shared lock, when nothing changed since the cache's watermark, nothing is written.
    """
    started = time.perf_counter()
    with _connect(url) as conn:
        state = read_state(conn)
        path = cache_path(state)
        nested = path in _HELD
        lock = _Lock(path)
        try:
            lock.acquire(exclusive=False)
            plan = _plan(conn, read_meta(path), state)
        except BaseException:
            lock.release()
            raise
    try:
        if plan.kind == "none" and not plan.write_meta:
            stats = RefreshStats("none", plan.reason, 0, time.perf_counter() - started, path)
        else:
            if nested:
                raise CacheUnavailable(f"this process is reading {path}; it cannot refresh it now")
            lock.acquire(exclusive=True)  # converting drops the shared lock first: no deadlock between two readers
            stats = _refresh_locked(url, path)
            stats = RefreshStats(stats.kind, stats.reason, stats.articles, time.perf_counter() - started, path)
            lock.acquire(exclusive=False)
        yield path, stats
    finally:
        lock.release()


def clear(url: str) -> Path:
    """Delete the cache of the database at `url` (under the exclusive lock); the next report rebuilds it."""
    with _connect(url) as conn:
        path = cache_path(read_state(conn))
    lock = _Lock(path)
    try:
        lock.acquire(exclusive=True)
        path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
    finally:
        lock.release()
    return path
