"""Loading into a real PostgreSQL: idempotence, transactions, bad input in a batch, exit codes, re-extraction."""

from __future__ import annotations

import itertools
import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from lcdb.cli import main
from loaders.gazetteer import load_gazetteer
from loaders.load import _ordered_groups, _store_group, load_paths, reextract
from loaders.prepare import PreparedArticle, prepare
from loaders.read import iter_inputs
from loaders.store import ActorCache, store_articles, sync_gazetteer
from tests.conftest import EXAMPLES_DIR, assert_same_tables, table_snapshot

GOOD = "Libya talks resume\n\nThe UN envoy to Libya said on Monday that talks between the Tripoli government and " \
       "Khalifa Haftar's Libyan National Army would resume in Geneva.\n"


_names = itertools.count()


def _count(url: str, sql: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchone()[0]


def test_examples_load_once_and_second_run_adds_nothing(db_url):
    first = load_paths([str(EXAMPLES_DIR)], workers=1)
    assert (first.loaded, first.unchanged, first.failed) == (5, 0, 0)
    before = table_snapshot(db_url)
    second = load_paths([str(EXAMPLES_DIR)], workers=2)
    assert (second.loaded, second.unchanged, second.failed) == (0, 5, 0)
    assert table_snapshot(db_url) == before
    assert _count(db_url, "select count(*) from load_runs where status = 'succeeded'") == 2


def test_second_cli_run_says_unchanged(db_url):
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(EXAMPLES_DIR)]).exit_code == 0
    result = runner.invoke(main, ["load", str(EXAMPLES_DIR)])
    assert result.exit_code == 0
    assert "0 loaded, 5 unchanged, 0 failed" in result.output


def test_same_content_under_another_name_is_unchanged(db_url, tmp_path):
    shutil.copy(EXAMPLES_DIR / "000_8e401443d8f09293.txt", tmp_path / "copy.txt")
    load_paths([str(EXAMPLES_DIR / "000_8e401443d8f09293.txt")], workers=1)
    # Different raw bytes (trailing whitespace) but the same cleaned body: the content hash says unchanged.
    (tmp_path / "copy.txt").write_text((tmp_path / "copy.txt").read_text() + "\n\n   \n")
    summary = load_paths([str(tmp_path / "copy.txt")], workers=1)
    assert (summary.loaded, summary.unchanged) == (0, 1)
    assert _count(db_url, "select count(*) from articles") == 1


def test_stored_bodies_drop_gold_boilerplate_and_keep_gold_spans(loaded_db_url, gold_dir):
    with psycopg.connect(loaded_db_url) as conn:
        bodies = dict(conn.execute("select source_name, body_text from articles").fetchall())
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text())
        body = bodies[gold["article"]]
        lines = {line.strip() for line in body.splitlines()}
        for furniture in gold.get("boilerplate") or []:
            assert furniture.strip() not in lines, (gold["article"], furniture)
        spans = [s["quote"] for s in gold.get("statements") or []]
        spans += [r["evidence"] for key in ("events", "allegations", "support") for r in gold.get(key) or []]
        for span in spans:
            assert span in body, (gold["article"], span)


def test_every_stored_span_is_verbatim(loaded_db_url):
    with psycopg.connect(loaded_db_url) as conn:
        bad = conn.execute(
            """select 'statement', s.statement_id from statements s join articles a using (article_id)
               where substr(a.body_text, s.char_start + 1, s.char_end - s.char_start) <> s.quote_text
                  or substr(a.body_text, s.evidence_start + 1, s.evidence_end - s.evidence_start) <> s.evidence_text
               union all
               select 'event', e.event_id from events e join articles a using (article_id)
               where substr(a.body_text, e.char_start + 1, e.char_end - e.char_start) <> e.evidence_text
               union all
               select 'allegation', g.allegation_id from embargo_allegations g join articles a using (article_id)
               where substr(a.body_text, g.char_start + 1, g.char_end - g.char_start) <> g.evidence_text
               union all
               select 'support', f.support_id from foreign_support f join articles a using (article_id)
               where substr(a.body_text, f.char_start + 1, f.char_end - f.char_start) <> f.evidence_text
               union all
               select 'mention', m.actor_mention_id from actor_mentions m join articles a using (article_id)
               where substr(a.body_text, m.char_start + 1, m.char_end - m.char_start) <> m.surface_form"""
        ).fetchall()
        counts = conn.execute("select (select count(*) from statements), (select count(*) from actor_mentions)")
        n_statements, n_mentions = counts.fetchone()
    assert bad == []
    assert n_statements > 0 and n_mentions > 0


BAD_INPUTS = [
    ("empty.txt", b"", "empty.txt: empty file; skipped"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary.txt: binary content (NUL byte at offset 8); skipped"),
    ("nul.txt", GOOD.encode() + b"\x00tail", "nul.txt: binary content (NUL byte at offset"),
    ("latin.txt", bytes(range(128, 256)) * 4, "latin.txt: not UTF-8 (byte 0x80 at offset 0)"),
    ("lines.jsonl", b'{"text": "ok"}\n{broken\n', "lines.jsonl:2: malformed JSON line"),
    ("big.txt", b"Libya " * 400, "big.txt: 2,400 bytes exceeds the 2,000-byte limit; skipped"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_named_and_the_batch_goes_on(db_url, tmp_path, name, data, message):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--max-bytes", "2000", "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert any(message in e["message"] for e in summary["errors"]), summary["errors"]
    assert {"source_name": "good.txt", "status": "loaded"}.items() <= next(
        a for a in summary["articles"] if a["source_name"] == "good.txt").items()
    assert _count(db_url, "select count(*) from load_errors") >= 1
    assert _count(db_url, "select count(*) from articles where source_name = 'good.txt'") == 1


def test_manifest_row_pointing_to_missing_file(db_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,url,outlet,published\ngood.txt,https://www.libyaobserver.ly/news/x,,2021-03-04\n"
                        "gone.txt,,,\n")
    result = CliRunner().invoke(main, ["load", "--manifest", str(manifest)])
    assert result.exit_code == 1
    assert "manifest.csv:3: file 'gone.txt' does not exist" in result.output
    with psycopg.connect(db_url) as conn:
        row = conn.execute("select url, outlet, published_date::text, published_precision, published_source "
                           "from articles").fetchone()
    assert row == ("https://www.libyaobserver.ly/news/x", "libyaobserver.ly", "2021-03-04", "day", "metadata")


def test_directory_without_articles_and_missing_path(db_url, tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["load", str(tmp_path / "empty"), str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "directory contains no articles" in result.output
    assert "nope: no such file or directory" in result.output


def test_usage_error_exit_code(db_url):
    assert CliRunner().invoke(main, ["load"]).exit_code == 2
    assert CliRunner().invoke(main, ["load", "--no-such-option"]).exit_code == 2


def test_off_topic_and_non_english_are_stored_not_extracted(db_url, tmp_path):
    (tmp_path / "fr.txt").write_text(
        "Libye\n\nLe maréchal Khalifa Haftar a lancé une offensive contre Tripoli, a déclaré le gouvernement "
        "d'union nationale, qui accuse les Émirats arabes unis de lui fournir des drones.\n")
    (tmp_path / "sport.txt").write_text(
        "Cup final\n\nThe home side won the cup final on Saturday after a late goal, the coach said. "
        "Fans celebrated in the streets of Manchester until the early hours.\n")
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--json"])
    summary = json.loads(result.stdout)
    reasons = {n["source_name"]: n["reason"] for n in summary["not_extracted"]}
    assert set(reasons) == {"fr.txt", "sport.txt"}
    assert "not English" in reasons["fr.txt"] and "off-topic" in reasons["sport.txt"]
    assert _count(db_url, "select count(*) from articles") == 2
    assert _count(db_url, "select count(*) from actor_mentions") == 0


def test_jsonl_and_stdin(db_url, tmp_path):
    path = tmp_path / "scrape.jsonl"
    path.write_text(json.dumps({"text": GOOD, "url": "https://www.reuters.com/world/x", "published": "2021-01-05",
                                "source_name": "reuters-1"}) + "\n")
    assert CliRunner().invoke(main, ["load", str(path)]).exit_code == 0
    result = CliRunner().invoke(main, ["load", "-"], input=GOOD + "\nAnother line about Libya and Haftar.\n")
    assert result.exit_code == 0, result.output
    with psycopg.connect(db_url) as conn:
        rows = conn.execute("select source_name, outlet, published_source from articles order by 1").fetchall()
    assert [r[0] for r in rows] == ["<stdin>", "reuters-1"]
    assert rows[1] == ("reuters-1", "reuters.com", "metadata")


@pytest.mark.parametrize("workers", [1, 2])
def test_reextract_replaces_rows_and_keeps_rejections(loaded_db_url, workers):
    before = table_snapshot(loaded_db_url)
    with psycopg.connect(loaded_db_url) as conn:
        statement_id, quote = conn.execute(
            "select statement_id, quote_text from statements order by statement_id limit 1").fetchone()
    assert CliRunner().invoke(main, ["reject", "statement", str(statement_id), "--reason", "test"]).exit_code == 0
    summary = reextract(workers=workers)
    assert summary.failed == 0 and summary.loaded == 5
    assert table_snapshot(loaded_db_url) == before  # same rows, no duplicates
    with psycopg.connect(loaded_db_url) as conn:
        rejected = conn.execute("select quote_text from statements where is_rejected").fetchall()
        visible = conn.execute("select count(*) from reporting.statements where quote_text = %s", (quote,)).fetchone()
    assert rejected == [(quote,)]
    assert visible[0] == 0


def test_merge_actors_survives_reextract(loaded_db_url):
    with psycopg.connect(loaded_db_url) as conn:
        n_before = conn.execute("select count(*) from reporting.actor_mentions "
                                "where actor_name in ('Fayez al-Sarraj', 'Government of National Accord')").fetchone()
    result = CliRunner().invoke(main, ["actors", "merge", "Fayez al-Sarraj", "Government of National Accord"])
    assert result.exit_code == 0, result.output
    reextract(workers=1)
    with psycopg.connect(loaded_db_url) as conn:
        names = {r[0] for r in conn.execute("select actor_name from reporting.actor_mentions")}
        n_after = conn.execute("select count(*) from reporting.actor_mentions "
                               "where actor_name = 'Government of National Accord'").fetchone()
        aliases = conn.execute("select aliases from reporting.actors "
                               "where actor_name = 'Government of National Accord'").fetchone()[0]
    assert "Fayez al-Sarraj" not in names
    assert n_after == n_before
    assert "Fayez al-Sarraj" in aliases


# --- storing in groups -------------------------------------------------------------------------------------------

def _prepared_variants(directory: Path) -> list[PreparedArticle]:
    """The examples, two near-duplicate variants of each (one sentence appended: same story), and an exact copy of
    one body under another name (same content hash)."""
    sources = sorted(EXAMPLES_DIR.glob("*.txt"))
    directory.mkdir()
    for index in range(10):
        lines = sources[index % len(sources)].read_text().split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        lines[longest] += f" This account is dispatch number {index} from the Libya desk."
        (directory / f"{index:02d}_{sources[index % len(sources)].name}").write_text("\n".join(lines))
    shutil.copy(directory / "03_003_5ad724015d3c6f3c.txt", directory / "10_copy.txt")
    return [prepare(raw) for raw in iter_inputs([str(directory)])]


def _store_in_groups(url: str, groups: list[list[PreparedArticle]]) -> list[str]:
    with psycopg.connect(url) as conn:
        sync_gazetteer(conn, load_gazetteer())
        actors = ActorCache()
        actors.refresh(conn)
        conn.commit()
        statuses = []
        for group in groups:
            with conn.transaction():
                statuses += [status for status, _ in store_articles(conn, group, actors)]
    return statuses


def _stories(url: str) -> list[list[str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("select array_agg(content_hash order by content_hash) from articles group by story_id")
        return sorted(row[0] for row in rows)


def test_a_group_stores_what_one_article_at_a_time_stores(db_url, pg_cluster, migrated_template, tmp_path):
    articles = _prepared_variants(tmp_path / "corpus")
    name = f"lcdb_one_at_a_time_{next(_names)}"
    one_at_a_time = pg_cluster.create(name, template=migrated_template)
    try:
        expected = _store_in_groups(one_at_a_time, [[article] for article in articles])
        # A stored article, then one group holding near duplicates of each other and of it, and an exact copy.
        assert _store_in_groups(db_url, [articles[:1], articles[1:]]) == expected
        assert expected.count("unchanged") == 1
        assert_same_tables(table_snapshot(db_url), table_snapshot(one_at_a_time))
        assert _stories(db_url) == _stories(one_at_a_time)
        assert len(_stories(db_url)) == 5  # the variants of an example are one story
    finally:
        pg_cluster.drop(name)


def test_a_group_the_database_refuses_is_stored_one_article_at_a_time(db_url, tmp_path):
    articles = [prepare(raw) for raw in iter_inputs([str(EXAMPLES_DIR)])]
    articles[2].title = "PostgreSQL text cannot hold a NUL \x00 byte"
    articles.append(prepare(next(iter_inputs([str(EXAMPLES_DIR / "000_8e401443d8f09293.txt")]))))
    with psycopg.connect(db_url) as conn:
        sync_gazetteer(conn, load_gazetteer())
        actors = ActorCache()
        actors.refresh(conn)
        conn.commit()
        results = _store_group(conn, articles, actors)
    assert isinstance(results[2], psycopg.DataError)
    assert [r[0] for r in results[:2] + results[3:]] == ["loaded", "loaded", "loaded", "loaded", "unchanged"]
    assert results[5][1] == results[0][1]  # the copy points at the stored article
    assert _count(db_url, "select count(*) from articles") == 4
    assert _count(db_url, "select count(distinct article_id) from statements") == 4
    assert _count(db_url, "select count(*) from articles where extracted_at is null or story_id is null") == 0


def test_groups_keep_input_order_and_end_when_the_next_result_is_late():
    def slow_at_44(n: int) -> int:
        if n == 44:
            time.sleep(0.3)
        return n

    with ThreadPoolExecutor(2) as pool:
        eager = list(_ordered_groups(pool, slow_at_44, range(100), window=16, size=8))
        patient = list(_ordered_groups(pool, slow_at_44, range(100), window=16, size=64, max_wait=10))
    for groups in (eager, patient):
        assert [item for group in groups for item, _ in group] == list(range(100))
        assert all(item == result for group in groups for item, result in group)
    assert max(len(group) for group in eager) <= 8
    assert not any({43, 44} <= {item for item, _ in group} for group in eager)  # 43 did not wait for 44
    assert [len(group) for group in patient] == [64, 36]
    assert [len(group) for group in _ordered_groups(None, slow_at_44, range(3), window=16, size=8)] == [1, 1, 1]
