"""The embedded server's life cycle (shared, stopped after SIGTERM, pruned after SIGKILL) and URL handling."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lcdb.database import EmbeddedServer, mask_password, to_libpq_url, to_sqlalchemy_url

HOLD = textwrap.dedent("""
    import sys, time
    from lcdb import database
    database.database_url()
    print("ready", flush=True)
    time.sleep(float(sys.argv[1]))
""")


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql://u:pw@h:5432/db", "postgresql://u:***@h:5432/db"),
        ("postgresql+psycopg://u:p%40ss@h/db", "postgresql+psycopg://u:***@h/db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("host=h dbname=d password=pw user=u", "host=h dbname=d password=*** user=u"),
    ],
)
def test_mask_password(url, masked):
    assert mask_password(url) == masked


def test_url_forms():
    assert to_sqlalchemy_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert to_libpq_url("postgresql+psycopg://u@h/d") == "postgresql://u@h/d"


def _holder(home: Path, seconds: float) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "LCDB_DATABASE_URL"}
    env["LCDB_HOME"] = str(home)
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(seconds)], env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    return process


def _wait(predicate, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def home(tmp_path_factory):
    # Not under a private home directory: as root, pgserver opens up the data dir's parents (STACK.md).
    path = Path(f"/tmp/lcdb-life-{os.getpid()}-{time.monotonic_ns()}")
    yield path
    server = EmbeddedServer(path)
    if server.is_running():
        server.stop()
    import shutil

    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.slow
def test_server_is_shared_and_stops_with_the_last_holder(home):
    server = EmbeddedServer(home)
    first, second = _holder(home, 30), _holder(home, 2)
    assert server.is_running()
    second.wait(timeout=30)
    assert server.is_running(), "the first holder still needs it"
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=30)
    assert _wait(lambda: not server.is_running()), "SIGTERM of the last holder must stop the server"


@pytest.mark.slow
def test_sigkilled_holder_is_pruned_by_the_next_process(home):
    server = EmbeddedServer(home)
    victim = _holder(home, 60)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert server.is_running(), "nobody stopped it"
    survivor = _holder(home, 0.5)
    survivor.wait(timeout=30)
    assert _wait(lambda: not server.is_running()), "the dead PID must have been pruned, so the last exit stops it"


@pytest.mark.slow
def test_db_start_keeps_running_until_db_stop(home):
    env = {k: v for k, v in os.environ.items() if k != "LCDB_DATABASE_URL"}
    env["LCDB_HOME"] = str(home)
    run = lambda *args: subprocess.run([sys.executable, "-m", "lcdb.cli", *args], env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    assert run("db", "start").returncode == 0
    assert EmbeddedServer(home).is_running()
    url = run("db", "url").stdout.strip()
    assert url.startswith("postgresql://postgres") and "lcdb" in url
    assert run("db", "status").returncode == 0
    assert EmbeddedServer(home).is_running()
    result = run("db", "stop")
    assert result.stdout.strip() == "stopped"
    assert not EmbeddedServer(home).is_running()
