"""Injection payloads through every input field lcdb reads: JSON / JSON Lines fields (title, url, outlet,
source_name, published, text), manifest columns (url, outlet, published) and file names.

Each payload is loaded with load_paths into a fresh database; a second database gets the same articles with benign
metadata. The payloads must be stored verbatim (values are bound parameters, never SQL or a template), the schema
must be intact, no table may have a row more or less than in the benign load, nothing may be rendered (`{{ 7*7 }}`
never becomes 49) and no shell escape may run. A CLI-level check passes the payloads as report parameters.
"""

from __future__ import annotations

import csv
import json
import os
import time
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from loaders.clean import normalise_unicode
from loaders.load import load_paths
from tests.conftest import _reset_lcdb_caches, table_snapshot

CANARY = Path("/tmp/lcdb_injection_canary_touched")

# (family, payload). NUL-free: PostgreSQL text cannot hold NUL and files with NUL bytes are refused as binary.
PAYLOADS: list[tuple[str, str]] = [
    ("quote", "O'Brien's \"quoted\" `backtick` title"),
    ("quote-drop", "'; DROP TABLE articles; --"),
    ("quote-drop", "Robert'); DROP TABLE statements;--"),
    ("double-quote-drop", '"; DROP TABLE "actors"; --'),
    ("union", "' UNION SELECT canonical_name, actor_type FROM actors --"),
    ("union", "x' UNION ALL SELECT body_text FROM articles WHERE '1'='1"),
    ("tautology", "' OR '1'='1' --"),
    ("stacked", "1; DELETE FROM actors"),
    ("stacked", "1); TRUNCATE articles CASCADE; SELECT (1"),
    ("comment", "*/ -- /* unclosed comment"),
    ("comment", "/* */ DROP SCHEMA reporting CASCADE; -- */"),
    ("dollar-quote", "$$; DROP TABLE actors; $$"),
    ("dollar-quote", "$tag$ select 1 $tag$; drop view reporting.articles"),
    ("backslash", "\\'; DROP TABLE load_runs; --"),
    ("backslash", "E'\\x27; DROP TABLE events; --"),
    ("placeholder", "%s %(title)s %% {0} {title} $1 :name ?"),
    ("jinja-expr", "{{ 7*7 }}"),
    ("jinja-expr", "{{ config.__class__ }}{{ ''.__class__.__mro__ }}"),
    ("jinja-stmt", "{% for x in range(10) %}boom{% endfor %}"),
    ("jinja-stmt", "{% raw %}{{ 7*7 }}{% endraw %}{# comment #}"),
    ("psql-meta", f"\\! touch {CANARY}"),
    ("psql-meta", "\\gexec \\copy articles to program 'rm -rf /' \\i /etc/passwd"),
    ("psql-var", ":'title' :\"title\" :title"),
    ("control", "tab\there\x01\x02\x07bell\x1b[31mred\x1b[0m\x7fdel\x08bs\x0bvt\x0cff"),
    ("unicode", "ʼ; DROP TABLE articles; -- ‘curly’ “quotes” \u202eRTL override\u202c\u200bzero-width"),
    ("json", '{"text": "nested", "title": null}'),
    ("csv", 'a,b,"c"\nsecond,line'),
    ("long", "'; DROP TABLE articles; -- " * 200),
]
IDS = [f"{family}-{index}" for index, (family, _) in enumerate(PAYLOADS)]
META_FIELDS = ("title", "url", "outlet", "source_name", "published")


def _letters(index: int) -> str:
    """A digit-free code that makes every body distinct (no digits, so a rendered 49 could not hide among them)."""
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in f"{index:03d}")


def body_text_for(index: int, payload: str) -> str:
    return ("Libya talks resume in Geneva\n\n"
            f"The UN envoy to Libya said on Monday that the phrase {payload} had been painted on a wall near "
            f"Tripoli, and that Khalifa Haftar's forces denied any part in it, officials told Reuters in dispatch "
            f"{_letters(index)}.\n")


def usable_as_file_name(payload: str) -> bool:
    return "/" not in payload and "\n" not in payload and len(payload) < 200 and not payload.startswith(".")


def write_inputs(directory: Path, *, benign: bool) -> tuple[list[str], Path]:
    """A JSON Lines file (payloads in every field) and plain-text files named by payloads with a manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    records = []
    for index, (_, payload) in enumerate(PAYLOADS):
        meta = f"benign {index}" if benign else payload
        records.append({"text": body_text_for(index, payload), "title": meta, "url": meta, "outlet": meta,
                        "source_name": meta, "published": meta})
    jsonl = directory / "payloads.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    texts = directory / "texts"
    texts.mkdir()
    manifest = directory / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "url", "outlet", "published"])
        for index, (_, payload) in enumerate(PAYLOADS):
            usable = usable_as_file_name(payload)
            stem = f"benign_{_letters(index)}" if benign or not usable else f"{payload}_{_letters(index)}"
            name = f"{stem}.txt"
            (texts / name).write_text(body_text_for(index + len(PAYLOADS), payload), encoding="utf-8")
            meta = f"benign {index}" if benign else payload
            writer.writerow([f"texts/{name}", meta, meta, meta])
    return [str(jsonl), str(texts)], manifest


def _all_tables(conn: psycopg.Connection) -> list[tuple[str, str, str]]:
    return conn.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_schema in ('public', 'reporting') order by 1, 2").fetchall()


def _row_counts(conn: psycopg.Connection) -> dict[str, int]:
    counts = {}
    for schema, table, _ in _all_tables(conn):
        counts[f"{schema}.{table}"] = conn.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
    return counts


def _text_values(conn: psycopg.Connection) -> dict[str, list[str]]:
    """Every text-like value in the core tables, except hashes, fingerprints and the run inputs (file paths)."""
    columns = conn.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY') "
        "and table_name <> 'alembic_version'").fetchall()
    values: dict[str, list[str]] = {}
    for table, column in columns:
        if column.endswith(("_hash", "_fingerprint")) or (table, column) == ("load_runs", "inputs"):
            continue
        rows = conn.execute(f'select "{column}"::text from "{table}" where "{column}" is not null').fetchall()
        values[f"{table}.{column}"] = [r[0] for r in rows]
    return values


def _load_into(pg_cluster, migrated_template, directory: Path, *, benign: bool) -> tuple[str, str]:
    """A fresh database (cloned from the migrated template) loaded with the payload inputs; (name, url)."""
    name = f"lcdb_{'benign' if benign else 'injected'}_{os.getpid()}_{time.monotonic_ns()}"
    url = pg_cluster.create(name, template=migrated_template)
    saved = os.environ.get("LCDB_DATABASE_URL")
    os.environ["LCDB_DATABASE_URL"] = url
    _reset_lcdb_caches()
    try:
        paths, manifest = write_inputs(directory, benign=benign)
        summary = load_paths(paths, manifest=manifest, workers=1)
    finally:
        _reset_lcdb_caches()
        if saved is None:
            os.environ.pop("LCDB_DATABASE_URL", None)
        else:
            os.environ["LCDB_DATABASE_URL"] = saved
    assert summary.failed == 0, summary.to_json()["errors"]
    assert summary.loaded == 2 * len(PAYLOADS)
    return name, url


@pytest.fixture(scope="module")
def benign_db(pg_cluster, migrated_template, tmp_path_factory):
    """A database with the same articles but benign metadata and file names."""
    name, url = _load_into(pg_cluster, migrated_template, tmp_path_factory.mktemp("benign"), benign=True)
    yield url
    pg_cluster.drop(name)


@pytest.fixture(scope="module")
def injected_db(pg_cluster, migrated_template, benign_db, tmp_path_factory):
    """The payloads loaded once for the module; tests only read it (the CLI test checks it is unchanged)."""
    CANARY.unlink(missing_ok=True)
    name, url = _load_into(pg_cluster, migrated_template, tmp_path_factory.mktemp("payloads"), benign=False)
    yield url
    pg_cluster.drop(name)


@pytest.fixture
def injected_env(injected_db, monkeypatch):
    """LCDB_DATABASE_URL pointing at the injected database (for the CLI)."""
    monkeypatch.setenv("LCDB_DATABASE_URL", injected_db)
    _reset_lcdb_caches()
    yield injected_db
    _reset_lcdb_caches()


def test_schema_and_row_counts_are_those_of_a_benign_load(injected_db, benign_db):
    with psycopg.connect(injected_db) as conn, psycopg.connect(benign_db) as reference:
        assert _all_tables(conn) == _all_tables(reference)
        assert _row_counts(conn) == _row_counts(reference)
        assert conn.execute("select count(*) from load_errors").fetchone()[0] == 0
        assert conn.execute("select status from load_runs").fetchall() == [("succeeded",)]
    injected, benign = table_snapshot(injected_db), table_snapshot(benign_db)
    for table in injected:
        if table != "articles":  # the articles differ in their metadata only, checked below
            assert injected[table] == benign[table], table
    assert not CANARY.exists(), "a shell escape ran"


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=IDS)
def test_json_fields_are_stored_verbatim(injected_db, index):
    family, payload = PAYLOADS[index]
    expected = payload.strip()  # the JSON reader strips surrounding whitespace from metadata fields
    text = body_text_for(index, payload)
    with psycopg.connect(injected_db) as conn:
        row = conn.execute(
            "select title, url, outlet, source_name, raw_text, body_text, published_source from articles "
            "where raw_text = %s", (text,)).fetchone()
    assert row is not None, f"{family}: article not found by its verbatim raw text"
    title, url, outlet, source_name, raw_text, body_text, published_source = row
    assert (title, url, outlet, source_name) == (expected, expected, expected, expected)
    assert raw_text == text
    # The body is cleaned (control and zero-width characters removed, lines become paragraphs) but otherwise verbatim.
    for line in normalise_unicode(payload).split("\n"):
        assert line.strip() in body_text
    assert published_source in (None, "metadata", "inferred")


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=IDS)
def test_manifest_columns_and_file_names_are_stored_verbatim(injected_db, index):
    family, payload = PAYLOADS[index]
    text = body_text_for(index + len(PAYLOADS), payload)
    with psycopg.connect(injected_db) as conn:
        row = conn.execute("select url, outlet, source_name from articles where raw_text = %s", (text,)).fetchone()
    assert row is not None, f"{family}: article not found by its verbatim raw text"
    url, outlet, source_name = row
    assert (url, outlet) == (payload.strip(), payload.strip())
    if usable_as_file_name(payload):
        assert source_name == f"{payload}_{_letters(index)}.txt"


def test_templates_are_never_rendered(injected_db, benign_db):
    with psycopg.connect(benign_db) as reference:
        curated = {column: set(column_values) for column, column_values in _text_values(reference).items()}
    with psycopg.connect(injected_db) as conn:
        values = _text_values(conn)
        # A "49" may only be one the benign load has too (e.g. a Wikidata QID from the gazetteer).
        rendered = {column: [v for v in column_values if "49" in v and v not in curated.get(column, ())]
                    for column, column_values in values.items()}
        assert {c: v for c, v in rendered.items() if v} == {}
        titles = [v for v in values["articles.title"]]
        assert titles.count("{{ 7*7 }}") == 1
        assert "{% for x in range(10) %}boom{% endfor %}" in titles
        assert not any("boomboom" in v for column_values in values.values() for v in column_values)
        # The reporting views show the same verbatim values.
        shown = {r[0] for r in conn.execute("select title from reporting.articles").fetchall()}
        assert {"{{ 7*7 }}", "'; DROP TABLE articles; --", "1; DELETE FROM actors"} <= shown


def _reports_available() -> str | None:
    try:
        from reports.engine import get_report

        get_report("statements_timeline")
        get_report("actor_profile")
    except Exception as exc:  # noqa: BLE001 - any failure means the CLI check cannot run here
        return f"reports package not usable: {type(exc).__name__}: {exc}"
    return None


@pytest.mark.parametrize("index", [i for i, (family, _) in enumerate(PAYLOADS)
                                   if family in ("quote-drop", "union", "stacked", "comment", "jinja-expr",
                                                 "jinja-stmt", "psql-meta", "dollar-quote", "placeholder")],
                         ids=lambda i: IDS[i])
def test_report_parameters_from_the_cli_are_plain_values(injected_env, tmp_path, index):
    reason = _reports_available()
    if reason:
        pytest.skip(reason)
    from lcdb.cli import main

    family, payload = PAYLOADS[index]
    before = table_snapshot(injected_env)
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["report", "run", "statements_timeline", "--param", f"speaker={payload}",
                                  "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, (family, result.output, result.exception)
    document = json.loads(next(out.glob("*.json")).read_text())
    assert document["params"]["speaker"] == payload
    assert "49" not in json.dumps(document["rows"]) or "{{" not in payload
    # An unknown actor is a clean error naming the value, not a traceback or a query of the payload.
    result = runner.invoke(main, ["report", "run", "actor_profile", "--param", f"actor={payload}",
                                  "--format", "json", "--out", str(tmp_path / "out2")])
    assert result.exit_code in (1, 2), (family, result.output)  # 2: the value names no actor (usage error)
    assert "no actor named" in result.output and "Traceback" not in result.output
    assert table_snapshot(injected_env) == before
    assert not CANARY.exists()


def test_json_escapes_postgresql_cannot_store_fail_that_record_only(db_url, tmp_path):
    r"""JSON can spell characters no UTF-8 file holds: \u0000 (PostgreSQL text refuses NUL) and a lone surrogate
    \ud800 (not encodable). Such a record fails with a line naming it; the other records of the file still load."""
    good = body_text_for(900, "a benign phrase")
    lines = [json.dumps({"text": good, "title": "fine"}),
             json.dumps({"text": body_text_for(901, "nul"), "title": "a\u0000b"}),
             json.dumps({"text": body_text_for(902, "surrogate \ud800 here")})]
    path = tmp_path / "escapes.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    summary = load_paths([str(path)], workers=1)
    assert (summary.loaded, summary.failed) == (1, 2), summary.to_json()
    failed_lines = sorted(o.line_number for o in summary.outcomes if o.status == "failed")
    assert failed_lines == [2, 3]
    with psycopg.connect(db_url) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 1
        assert conn.execute("select count(*) from load_errors").fetchone()[0] == 2
