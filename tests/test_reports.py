"""Reports against a real PostgreSQL: numbers on a small hand-built dataset, SQL-injection and template-injection
resistance, the locked DuckDB session, every output format, run_all's index and lock, export, and a headless
browser check of the HTML when Chromium is installed.

The dataset (`reports_db_url`) is inserted with psycopg into a database cloned from the migrated template:
UAE backs the Libyan National Army in 3 articles from 2 outlets (Reuters' wire story, republished by Al Arabiya,
plus an Al Arabiya story of its own), Turkey backs and arms the GNA, Wagner mercenaries, a UN panel alleging,
the UAE denying, a meeting, a call, an offensive, statements, a discovered actor, a non-English and an off-topic
article, and one load error.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import psycopg
import pytest

from reports import (
    FORMATS,
    ReportError,
    export,
    get_report,
    list_reports,
    run_all,
    run_report,
    write_report,
)
from reports.engine import open_session, render_sql, validate_params

REPO_ROOT = Path(__file__).resolve().parent.parent

ACTORS = [
    # actor_id, canonical_name, actor_type, country, side, is_discovered, description, aliases
    (1, "United Arab Emirates", "country", "United Arab Emirates", "foreign", False, None, ["UAE", "Emirati"]),
    (2, "Libyan National Army", "armed_group", "Libya", "east", False, None, ["LNA"]),
    (3, "Khalifa Haftar", "person", "Libya", "east", False, None, ["Haftar", "Field Marshal Haftar"]),
    (4, "Government of National Accord", "government", "Libya", "west", False, None, ["GNA", "Tripoli government"]),
    (5, "Turkey", "country", "Turkey", "foreign", False, None, ["Ankara", "Türkiye"]),
    (6, "Russia", "country", "Russia", "foreign", False, None, ["Moscow"]),
    (7, "Wagner Group", "armed_group", "Russia", "east", False, None, ["Wagner"]),
    (8, "United Nations", "international_org", None, "neutral", False, None, ["UN"]),
    (9, "Mike Pompeo", "person", "United States", "foreign", False, None, ["Pompeo"]),
    (10, "Fayez al-Sarraj", "person", "Libya", "west", False, None, ["Sarraj"]),
    (11, "Recep Tayyip Erdogan", "person", "Turkey", "foreign", False, None, ["Erdogan"]),
    (12, "Libya", "country", "Libya", None, False, None, ["Libyan"]),
    (13, "Salah Badi", "person", None, None, True, "militia commander", []),
    (14, "UN Panel of Experts", "international_org", None, "neutral", False, None, ["panel of experts"]),
    (15, "Sergey Lavrov", "person", "Russia", "foreign", False, None, ["Lavrov"]),
]

ARTICLES = [
    # article_id, source_name, outlet, title, published_date, language, is_relevant, story_id
    (1, "reuters_uae.txt", "Reuters", "UN panel says UAE sent drones to Haftar", dt.date(2019, 12, 11), "en", True, 1),
    (2, "alarabiya_uae_wire.txt", "Al Arabiya", "UN panel says UAE sent drones to Haftar", dt.date(2019, 12, 12),
     "en", True, 1),
    (3, "alarabiya_offensive.txt", "Al Arabiya", "Haftar presses Tripoli offensive", dt.date(2020, 1, 20), "en", True,
     2),
    (4, "libyaherald_turkey.txt", "Libya Herald", "Erdogan meets Sarraj in Istanbul", dt.date(2020, 1, 13), "en",
     True, 3),
    (5, "alwasat_ar.txt", "Al Wasat", "ليبيا", dt.date(2020, 2, 1), "ar", False, None),
    (6, "bbc_football.txt", "BBC", "Cup final report", dt.date(2020, 2, 2), "en", False, None),
]

SUPPORT = [
    # support_id, article_id, supporter, supported, alleged_by, confidence
    (1, 1, 1, 2, None, 0.9),
    (2, 2, 1, 2, None, 0.9),
    (3, 3, 1, 2, 4, 0.8),
    (4, 4, 5, 4, None, 0.85),
    (5, 4, 6, 2, 5, 0.4),
]

ALLEGATIONS = [
    # allegation_id, article_id, supplier, recipient, materiel, quantity, alleged_by_id, alleged_by_desc, confidence
    (1, 1, 1, 2, ["drones", "air_defense"], None, 14, None, 0.9),
    (2, 2, 1, 2, ["drones"], None, 14, None, 0.9),
    (3, 3, 7, 2, ["mercenaries"], "at least 1,200", None, "UN diplomats", 0.7),
    (4, 4, 5, 4, ["drones", "mercenaries", "weapons"], None, 2, None, 0.8),
    (5, 3, 5, 4, ["fighters"], "up to 2,000", None, None, 0.45),
]
DENIALS = [(1, 1), (2, 1)]

EVENTS = [
    # event_id, article_id, event_type, occurred_date, location, participants [(actor_id, role)]
    (1, 4, "meeting", dt.date(2020, 1, 12), "Istanbul", [(11, "initiator"), (10, "participant")]),
    (2, 1, "phone_call", dt.date(2019, 12, 10), None, [(9, "initiator"), (15, "target")]),
    (3, 3, "offensive", dt.date(2019, 4, 4), "Tripoli", [(2, "initiator"), (4, "target")]),
    (4, 2, "un_action", None, "New York", [(8, "initiator")]),
]

STATEMENTS = [
    # statement_id, article_id, speaker_actor_id, speaker_description, kind, quote, said_date, confidence
    (1, 1, 9, None, "direct", "We want to work with the Russians to get to the negotiating table",
     dt.date(2019, 12, 11), 0.95),
    (2, 3, 3, None, "indirect", "the army would advance on Tripoli", dt.date(2019, 4, 4), 0.8),
    (3, 3, None, "UN diplomats", "indirect", "hundreds of Russian mercenaries had arrived", None, 0.4),
    (4, 4, 11, None, "direct", "Turkey will send troops to Libya at the request of Tripoli", dt.date(2020, 1, 5),
     0.9),
]

MENTIONS = [(1, 1), (1, 2), (1, 3), (3, 3), (3, 4), (13, 4), (13, 3), (2, 1), (5, 4), (11, 4), (10, 4), (9, 1)]


def _evidence(label: str) -> str:
    return f"Evidence for {label}; see the article."


def insert_dataset(url: str) -> None:
    with psycopg.connect(url) as conn:
        for actor_id, name, actor_type, country, side, discovered, description, aliases in ACTORS:
            conn.execute("insert into actors (actor_id, canonical_name, actor_type, country, side, is_discovered, "
                         "description) values (%s, %s, %s, %s, %s, %s, %s)",
                         (actor_id, name, actor_type, country, side, discovered, description))
            for alias in aliases:
                conn.execute("insert into actor_aliases (actor_id, alias, alias_kind) values (%s, %s, 'alias')",
                             (actor_id, alias))
        for story_id in (1, 2, 3):
            conn.execute("insert into stories (story_id) values (%s)", (story_id,))
        for article_id, source, outlet, title, published, language, relevant, story_id in ARTICLES:
            body = f"{title}. Body text of {source}."
            conn.execute(
                "insert into articles (article_id, source_name, outlet, title, published_date, published_precision, "
                "published_source, language, is_relevant, content_hash, raw_text, body_text, story_id, "
                "extractor_version) values (%s, %s, %s, %s, %s, 'day', 'metadata', %s, %s, %s, %s, %s, %s, 'test')",
                (article_id, source, outlet, title, published, language, relevant, f"hash-{article_id}", body, body,
                 story_id))
        common = "char_start, char_end, extractor_version, row_fingerprint, is_rejected"
        for support_id, article_id, supporter, supported, alleged_by, confidence in SUPPORT:
            conn.execute(f"insert into foreign_support (support_id, article_id, supporter_actor_id, "
                         f"supported_actor_id, alleged_by_actor_id, evidence_text, confidence, {common}) "
                         f"values (%s, %s, %s, %s, %s, %s, %s, 0, 10, 'test', %s, false)",
                         (support_id, article_id, supporter, supported, alleged_by, _evidence(f"support {support_id}"),
                          confidence, f"s{support_id}"))
        for allegation_id, article_id, supplier, recipient, materiel, quantity, by_id, by_desc, conf in ALLEGATIONS:
            conn.execute(f"insert into embargo_allegations (allegation_id, article_id, supplier_actor_id, "
                         f"recipient_actor_id, materiel, quantity_text, alleged_by_actor_id, alleged_by_description, "
                         f"evidence_text, confidence, {common}) "
                         f"values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0, 10, 'test', %s, false)",
                         (allegation_id, article_id, supplier, recipient, materiel, quantity, by_id, by_desc,
                          _evidence(f"allegation {allegation_id}"), conf, f"g{allegation_id}"))
        for allegation_id, actor_id in DENIALS:
            conn.execute("insert into allegation_denials (allegation_id, actor_id) values (%s, %s)",
                         (allegation_id, actor_id))
        for event_id, article_id, event_type, occurred, location, participants in EVENTS:
            conn.execute(f"insert into events (event_id, article_id, event_type, occurred_date, "
                         f"occurred_date_precision, location_text, evidence_text, confidence, {common}) "
                         f"values (%s, %s, %s, %s, %s, %s, %s, 0.8, 0, 10, 'test', %s, false)",
                         (event_id, article_id, event_type, occurred, "day" if occurred else None, location,
                          _evidence(f"event {event_id}"), f"e{event_id}"))
            for position, (actor_id, role) in enumerate(participants):
                conn.execute("insert into event_participants (event_id, actor_id, role, position) "
                             "values (%s, %s, %s, %s)", (event_id, actor_id, role, position))
        for statement_id, article_id, speaker, description, kind, quote, said, confidence in STATEMENTS:
            conn.execute(f"insert into statements (statement_id, article_id, speaker_actor_id, speaker_description, "
                         f"is_anonymous, kind, quote_text, said_date, said_date_precision, cue, evidence_text, "
                         f"evidence_start, evidence_end, confidence, {common}) values (%s, %s, %s, %s, %s, %s, %s, "
                         f"%s, %s, 'said', %s, 0, 10, %s, 0, 10, 'test', %s, false)",
                         (statement_id, article_id, speaker, description, speaker is None, kind, quote, said,
                          "day" if said else None, quote, confidence, f"q{statement_id}"))
        for actor_id, article_id in MENTIONS:
            conn.execute("insert into actor_mentions (article_id, actor_id, surface_form, char_start, char_end, "
                         "extractor_version) values (%s, %s, 'x', 0, 1, 'test')", (article_id, actor_id))
        run_id = conn.execute(
            "insert into load_runs (command, status, extractor_version, seen_count, loaded_count, unchanged_count, "
            "failed_count, skipped_count) values ('load', 'partial', 'test', 7, 6, 0, 1, 0) returning load_run_id"
        ).fetchone()[0]
        conn.execute("insert into load_errors (load_run_id, source_name, error_kind, message) "
                     "values (%s, 'broken.html', 'encoding', 'not UTF-8')", (run_id,))


@pytest.fixture(scope="session")
def reports_template(pg_cluster, migrated_template) -> str:
    name = f"lcdb_reports_{os.getpid()}"
    insert_dataset(pg_cluster.create(name, template=migrated_template))
    return name


@pytest.fixture
def reports_db_url(pg_cluster, reports_template, monkeypatch) -> str:
    """A private copy of the report dataset; LCDB_DATABASE_URL points at it."""
    name = f"{reports_template}_copy"
    url = pg_cluster.create(name, template=reports_template)
    monkeypatch.setenv("LCDB_DATABASE_URL", url)
    _reset_lcdb_caches()
    yield url
    _reset_lcdb_caches()
    pg_cluster.drop(name)


def _reset_lcdb_caches() -> None:
    from lcdb import database, migrations

    migrations._UPGRADED.clear()
    database._ENGINES.clear()


def rows_by(result, *keys):
    """Result rows keyed by the given columns (a tuple for several, the bare value for one)."""
    if len(keys) == 1:
        return {row[keys[0]]: row for row in result.dicts()}
    return {tuple(row[k] for k in keys): row for row in result.dicts()}


# --------------------------------------------------------------------------------------------- metadata


def test_every_report_is_documented():
    specs = list_reports()
    assert {s.name for s in specs} == {
        "accusations", "actor_profile", "corroboration", "coverage_quality", "embargo_violations",
        "event_chronology", "foreign_involvement", "interaction_network", "statements_timeline"}
    for spec in specs:
        header = spec.template_source().split("\nwith", 1)[0]
        assert "Grain:" in header and "Parameters:" in header, spec.name
        assert spec.title and spec.description and spec.grain and spec.columns and spec.views, spec.name
        for parameter in spec.parameters:
            assert parameter.description, f"{spec.name}.{parameter.name}"
        for column, text in spec.columns.items():
            assert text, f"{spec.name}.{column}"


def test_event_type_choices_match_the_ontology():
    from loaders.model import EVENT_TYPES

    assert get_report("event_chronology").parameter("event_types").choices == EVENT_TYPES


def test_unknown_report_lists_known_names():
    with pytest.raises(ReportError) as excinfo:
        get_report("foreign_involvment")
    message = str(excinfo.value)
    assert "Did you mean foreign_involvement?" in message and "embargo_violations" in message


def test_unknown_parameter_names_it_and_the_allowed_ones():
    with pytest.raises(ReportError, match=r"unknown parameter 'sincee'.*allowed parameters: since, until"):
        validate_params(get_report("foreign_involvement"), {"sincee": "2020-01-01"})


@pytest.mark.parametrize("report, params, pattern", [
    ("foreign_involvement", {"since": "last tuesday"}, "is not a date"),
    ("statements_timeline", {"limit": "10; drop table x"}, "is not an integer"),
    ("event_chronology", {"event_types": "meeting,massacre"}, "'massacre' not allowed; choose from meeting"),
    ("actor_profile", {}, "parameter actor is required"),
    ("foreign_involvement", {"since": "2021-01-01", "until": "2020-01-01"}, "is after until"),
])
def test_bad_parameter_values_are_refused(report, params, pattern):
    with pytest.raises(ReportError, match=pattern):
        validate_params(get_report(report), params)


def test_template_context_holds_booleans_only():
    spec = get_report("statements_timeline")
    payload = "{{ 7*7 }}' union select 1 --"
    sql, bound = render_sql(spec, validate_params(spec, {"speaker": payload, "since": "2019-01-01"}))
    assert payload not in sql and "49" not in sql
    assert "$speaker" in sql and "$since" in sql and "$until" not in sql
    assert bound["speaker"] == payload and bound["since"] == dt.date(2019, 1, 1) and "until" not in bound


# --------------------------------------------------------------------------------------------- numbers


def test_foreign_involvement_numbers(reports_db_url):
    result = run_report("foreign_involvement", {}, url=reports_db_url)
    rows = rows_by(result, "foreign_actor", "libyan_side")
    uae = rows[("United Arab Emirates", "east")]
    assert (uae["support_count"], uae["allegation_count"], uae["article_count"], uae["outlet_count"]) == (3, 2, 3, 2)
    assert (uae["first_seen_on"], uae["last_seen_on"]) == (dt.date(2019, 12, 11), dt.date(2020, 1, 20))
    assert uae["materiel"] == ["air_defense", "drones"]
    turkey = rows[("Turkey", "west")]
    assert (turkey["support_count"], turkey["allegation_count"], turkey["article_count"]) == (1, 2, 2)
    assert turkey["materiel"] == ["drones", "fighters", "mercenaries", "weapons"]
    assert ("Wagner Group", "east") in rows and ("Russia", "east") in rows
    assert not any(name in {"Libyan National Army", "Government of National Accord", "Libya"} for name, _ in rows)
    assert result.rows[0][0] == "United Arab Emirates"  # most articles first


def test_foreign_involvement_date_window(reports_db_url):
    result = run_report("foreign_involvement", {"since": "2020-01-01", "until": "2020-01-31"}, url=reports_db_url)
    uae = rows_by(result, "foreign_actor", "libyan_side")[("United Arab Emirates", "east")]
    assert (uae["support_count"], uae["allegation_count"], uae["article_count"]) == (1, 0, 1)
    assert result.params["since"] == dt.date(2020, 1, 1)


def test_embargo_violations_numbers(reports_db_url):
    result = run_report("embargo_violations", {}, url=reports_db_url)
    rows = rows_by(result, "supplier_name", "recipient_side", "materiel")
    drones = rows[("United Arab Emirates", "east", "drones")]
    assert (drones["allegation_count"], drones["article_count"], drones["story_count"], drones["outlet_count"]) == (
        2, 2, 1, 2)
    assert drones["alleged_by"] == ["UN Panel of Experts"]
    assert drones["has_denial"] is True and drones["denied_by"] == ["United Arab Emirates"]
    assert drones["example_evidence"].startswith("Evidence for allegation")
    assert rows[("United Arab Emirates", "east", "air_defense")]["allegation_count"] == 1
    fighters = rows[("Turkey", "west", "fighters")]
    assert fighters["alleged_by"] == ["the outlet itself"] and fighters["has_denial"] is False
    assert rows[("Wagner Group", "east", "mercenaries")]["quantities"] == ["at least 1,200"]
    assert len(result.rows) == 7  # UAE x2, Wagner x1, Turkey x4 (drones, mercenaries, weapons, fighters)


def test_corroboration_counts_republished_copies_once(reports_db_url):
    result = run_report("corroboration", {}, url=reports_db_url)
    rows = rows_by(result, "claim", "supplier_name", "recipient_side")
    uae_arms = rows[("arms_supply", "United Arab Emirates", "east")]
    assert (uae_arms["article_count"], uae_arms["story_count"], uae_arms["outlet_count"]) == (2, 1, 2)
    assert uae_arms["verdict"] == "single source"
    uae_support = rows[("support", "United Arab Emirates", "east")]
    assert (uae_support["story_count"], uae_support["outlet_count"], uae_support["verdict"]) == (2, 2, "corroborated")
    assert rows[("arms_supply", "Turkey", "west")]["verdict"] == "corroborated"
    stricter = rows_by(run_report("corroboration", {"min_stories": "3"}, url=reports_db_url),
                       "claim", "supplier_name", "recipient_side")
    assert stricter[("support", "United Arab Emirates", "east")]["verdict"] == "single source"


def test_accusations(reports_db_url):
    result = run_report("accusations", {}, url=reports_db_url)
    rows = rows_by(result, "alleging_party", "accused_supplier")
    panel = rows[("UN Panel of Experts", "United Arab Emirates")]
    assert (panel["allegation_count"], panel["support_claim_count"], panel["story_count"]) == (2, 0, 1)
    assert panel["alleging_party_type"] == "international_org"
    assert rows[("Government of National Accord", "United Arab Emirates")]["support_claim_count"] == 1
    assert rows[("UN diplomats", "Wagner Group")]["alleging_party_type"] is None
    assert rows[("Libyan National Army", "Turkey")]["allegation_count"] == 1
    assert rows[("Turkey", "Russia")]["support_claim_count"] == 1
    assert len(result.rows) == 5  # the outlet's own claim (allegation 5) is not an accusation


def test_actor_profile_by_alias(reports_db_url):
    result = run_report("actor_profile", {"actor": "haftar"}, url=reports_db_url)
    sections = {}
    for row in result.dicts():
        sections.setdefault(row["section"], []).append(row)
    assert sections["actor"][0]["item"] == "Khalifa Haftar"
    assert {r["item"] for r in sections["alias"]} == {"Haftar", "Field Marshal Haftar"}
    assert {r["item"] for r in sections["mentions per month"]} == {"2020-01"}
    assert sections["mentions per month"][0]["detail"] == "2 mentions in 2 articles"
    assert sections["statement"][0]["detail"] == "the army would advance on Tripoli"
    assert sections["statement"][0]["date"] == dt.date(2019, 4, 4)
    uae = run_report("actor_profile", {"actor": "UAE"}, url=reports_db_url).dicts()
    roles = {(r["section"], r["item"]) for r in uae}
    assert ("allegation", "accused supplier") in roles and ("support", "backs") in roles


def test_actor_profile_unknown_actor_suggests_close_names(reports_db_url):
    with pytest.raises(ReportError, match=r"no actor named 'Khalifa Hafter'.*Close names: Khalifa Haftar"):
        run_report("actor_profile", {"actor": "Khalifa Hafter"}, url=reports_db_url)


def test_statements_timeline_filters(reports_db_url):
    everything = run_report("statements_timeline", {}, url=reports_db_url)
    assert len(everything.rows) == 4
    undated = rows_by(everything, "speaker_name")["UN diplomats"]
    assert (undated["said_on"], undated["date_basis"]) == (dt.date(2020, 1, 20), "published")
    turkish = run_report("statements_timeline", {"country": "turkey"}, url=reports_db_url)
    assert [r["speaker_name"] for r in turkish.dicts()] == ["Recep Tayyip Erdogan"]
    by_alias = run_report("statements_timeline", {"speaker": "Pompeo"}, url=reports_db_url)
    assert [r["kind"] for r in by_alias.dicts()] == ["direct"]
    windowed = run_report("statements_timeline", {"since": "2019-12-01", "until": "2019-12-31"}, url=reports_db_url)
    assert [r["speaker_name"] for r in windowed.dicts()] == ["Mike Pompeo"]
    assert len(run_report("statements_timeline", {"limit": "2"}, url=reports_db_url).rows) == 2


def test_event_chronology(reports_db_url):
    result = run_report("event_chronology", {}, url=reports_db_url)
    assert [r["event_type"] for r in result.dicts()] == ["offensive", "phone_call", "un_action", "meeting"]
    meeting = rows_by(result, "event_type")["meeting"]
    assert meeting["participants"] == "Recep Tayyip Erdogan; Fayez al-Sarraj"
    calls = run_report("event_chronology", {"event_types": "phone_call, meeting", "since": "2020-01-01"},
                       url=reports_db_url)
    assert [r["event_type"] for r in calls.dicts()] == ["meeting"]


def test_interaction_network(reports_db_url, tmp_path):
    result = run_report("interaction_network", {}, url=reports_db_url)
    rows = rows_by(result, "source", "target", "interaction")
    assert rows[("Fayez al-Sarraj", "Recep Tayyip Erdogan", "meeting")]["is_directed"] is False
    assert rows[("Mike Pompeo", "Sergey Lavrov", "phone_call")]["weight"] == 1
    assert rows[("United Arab Emirates", "Libyan National Army", "support")]["weight"] == 3
    assert rows[("United Arab Emirates", "Libyan National Army", "alleged_supply")]["weight"] == 2
    assert rows[("UN Panel of Experts", "United Arab Emirates", "accusation")]["weight"] == 2
    heavy = run_report("interaction_network", {"min_weight": "2"}, url=reports_db_url)
    assert all(r["weight"] >= 2 for r in heavy.dicts()) and len(heavy.rows) == 4
    paths = write_report(result, tmp_path, ["csv"])
    edges = tmp_path / "interaction_network.edges.csv"
    assert edges in paths
    with edges.open(newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["Source", "Target", "Weight", "Type", "Label"]
    assert ["United Arab Emirates", "Libyan National Army", "3", "Directed", "support"] in table
    assert ["Fayez al-Sarraj", "Recep Tayyip Erdogan", "1", "Undirected", "meeting"] in table


def test_coverage_quality(reports_db_url):
    result = run_report("coverage_quality", {}, url=reports_db_url)
    rows = rows_by(result, "section", "item")
    assert rows[("articles by outlet and month", "Al Arabiya · 2019-12")]["value"] == 1
    assert rows[("articles not extracted", "not English (ar)")]["value"] == 1
    assert rows[("articles not extracted", "off-topic")]["detail"] == "e.g. bbc_football.txt"
    offensive = rows[("extraction counts per article", "Haftar presses Tripoli offensive")]
    assert offensive["value"] == 6  # 2 statements, 1 event, 2 allegations, 1 support
    assert rows[("discovered actors (not in the gazetteer)", "Salah Badi")]["value"] == 2
    assert rows[("low-confidence rows (confidence < 0.5)", "total statement")]["value"] == 1
    assert rows[("low-confidence rows (confidence < 0.5)", "total allegation")]["value"] == 1
    assert rows[("low-confidence rows (confidence < 0.5)", "total support")]["value"] == 1
    assert rows[("load errors by kind", "encoding")]["value"] == 1


# --------------------------------------------------------------------------------------------- safety

PAYLOADS = [
    "'; DROP TABLE articles; --",
    "x' UNION SELECT source_name, null, null, null, null, null, null, null, null, null, null, null, null "
    "FROM articles --",
    "{{ 7*7 }}",
    "{% for x in range(3) %}boom{% endfor %}",
    "$speaker",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_parameter_values_are_plain_values(reports_db_url, payload):
    result = run_report("statements_timeline", {"speaker": payload}, url=reports_db_url)
    assert result.rows == []
    assert result.params["speaker"] == payload
    assert result.sql == render_sql(result.spec, {**result.params, "speaker": "Pompeo"})[0]  # value-independent
    result = run_report("statements_timeline", {"country": payload}, url=reports_db_url)
    assert result.rows == []
    with pytest.raises(ReportError, match="no actor named"):
        run_report("actor_profile", {"actor": payload}, url=reports_db_url)
    with psycopg.connect(reports_db_url) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == len(ARTICLES)
    # and the report still works afterwards
    assert len(run_report("statements_timeline", {}, url=reports_db_url).rows) == 4


def test_session_is_locked_down(reports_db_url):
    with open_session(["articles"], reports_db_url) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(ARTICLES)
        with pytest.raises(duckdb.Error, match="disabled"):
            con.execute("select * from read_csv('/etc/passwd')")
        with pytest.raises(duckdb.Error):
            con.execute(f"attach '{reports_db_url}' as again (type postgres, read_only)")
        with pytest.raises(duckdb.Error, match="locked"):
            con.execute("set enable_external_access = true")
        with pytest.raises(duckdb.Error):
            con.execute("copy articles to '/tmp/lcdb-report-leak.csv'")
        with pytest.raises(duckdb.Error):
            con.execute("select * from pg.reporting.articles")  # detached
    assert not Path("/tmp/lcdb-report-leak.csv").exists()


def test_copy_fallback_gives_the_same_tables(reports_db_url):
    views = ("articles", "actors", "embargo_allegations", "events", "load_runs")
    snapshots = {}
    for loader in ("extension", "copy"):
        with open_session(views, reports_db_url, loader=loader) as con:
            snapshots[loader] = {
                view: (con.execute(f"describe {view}").fetchall(),
                       con.execute(f"select * from {view} order by all").fetchall())
                for view in views}
    for view in views:
        assert snapshots["copy"][view] == snapshots["extension"][view], view


def test_copy_fallback_runs_reports(reports_db_url, monkeypatch):
    expected = run_report("embargo_violations", {}, url=reports_db_url).rows
    monkeypatch.setenv("LCDB_REPORT_LOADER", "copy")
    assert run_report("embargo_violations", {}, url=reports_db_url).rows == expected


# --------------------------------------------------------------------------------------------- outputs


def test_all_formats_are_written(reports_db_url, tmp_path):
    result = run_report("foreign_involvement", {"since": "2019-01-01"}, url=reports_db_url)
    paths = write_report(result, tmp_path, list(FORMATS))
    assert sorted(p.name for p in paths) == sorted(f"foreign_involvement.{f}" for f in FORMATS)
    html = (tmp_path / "foreign_involvement.html").read_text()
    assert "<svg" in html and "United Arab Emirates" in html and "<table>" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    document = json.loads((tmp_path / "foreign_involvement.json").read_text())
    assert document["report"] == "foreign_involvement"
    assert document["params"] == {"since": "2019-01-01", "until": None}
    assert document["rows"][0]["first_seen_on"] == "2019-12-11"
    assert document["columns"] == result.columns
    with (tmp_path / "foreign_involvement.csv").open(newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table[0]["foreign_actor"] == "United Arab Emirates" and table[0]["materiel"] == "air_defense; drones"
    md = (tmp_path / "foreign_involvement.md").read_text()
    assert md.count("\n| United Arab Emirates |") == 1
    parquet = duckdb.connect().execute(
        f"select foreign_actor, article_count, materiel, first_seen_on from "
        f"read_parquet('{tmp_path / 'foreign_involvement.parquet'}') order by article_count desc, foreign_actor"
    ).fetchall()
    assert parquet[0] == ("United Arab Emirates", 3, ["air_defense", "drones"], dt.date(2019, 12, 11))


def test_unknown_format_is_refused(reports_db_url, tmp_path):
    result = run_report("accusations", {}, url=reports_db_url)
    with pytest.raises(ReportError, match="unknown format 'xlsx'; allowed formats: html, md, csv, json, parquet"):
        write_report(result, tmp_path, ["html", "xlsx"])
    assert list(tmp_path.iterdir()) == []


def test_text_is_escaped_everywhere(reports_db_url, tmp_path):
    nasty = 'Evil <script>alert("x")</script> | pipe'
    with psycopg.connect(reports_db_url) as conn:
        conn.execute("update actors set canonical_name = %s where actor_id = 1", (nasty,))
    result = run_report("foreign_involvement", {}, url=reports_db_url)
    write_report(result, tmp_path, ["html", "md"])
    html = (tmp_path / "foreign_involvement.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = (tmp_path / "foreign_involvement.md").read_text()
    assert "\\| pipe" in md
    row = next(line for line in md.splitlines() if "Evil" in line)
    assert row.count(" | ") == len(result.columns) - 1


def test_run_all_writes_every_report_and_an_index(reports_db_url, tmp_path):
    out = tmp_path / "out"
    paths = run_all(out, since=dt.date(2019, 1, 1), until=dt.date(2020, 12, 31), formats=["html", "json"],
                    url=reports_db_url)
    names = {p.name for p in paths}
    assert "index.html" in names and "interaction_network.edges.csv" in names
    for spec in list_reports():
        if spec.name != "actor_profile":
            assert f"{spec.name}.html" in names and f"{spec.name}.json" in names
    assert json.loads((out / "embargo_violations.json").read_text())["params"]["since"] == "2019-01-01"
    index = (out / "index.html").read_text()
    assert index.count("<svg") >= 6 and 'href="foreign_involvement.html"' in index
    assert "lcdb report run actor_profile --param actor=" in index
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_run_all_lock_blocks_a_concurrent_run(reports_db_url, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys, time
        handle = open({str(out / '.lock')!r}, 'a+')
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write('4242'); handle.flush()
        print('locked', flush=True)
        time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(ReportError, match=r"another report run holds .*\.lock \(pid 4242\)"):
            run_all(out, url=reports_db_url, formats=["html"])
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    assert run_all(out, url=reports_db_url, formats=["csv"])  # free again once the holder is gone


def test_export_duckdb_and_parquet(reports_db_url, tmp_path):
    target = tmp_path / "snapshot.duckdb"
    assert export("duckdb", target, url=reports_db_url) == [target]
    con = duckdb.connect(str(target), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == len(ARTICLES)
    assert con.execute("select denied_by from embargo_allegations where allegation_id = 1").fetchone()[0] == [
        "United Arab Emirates"]
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"articles", "actors", "load_errors", "foreign_support"} <= tables
    con.close()
    paths = export("parquet", tmp_path / "parquet", url=reports_db_url)
    assert len(paths) == 10
    count = duckdb.connect().execute(
        f"select count(*) from read_parquet('{tmp_path / 'parquet' / 'foreign_support.parquet'}')").fetchone()[0]
    assert count == len(SUPPORT)
    with pytest.raises(ReportError, match="allowed: duckdb, parquet"):
        export("sqlite", tmp_path / "x.db", url=reports_db_url)


def test_reports_run_on_the_example_articles(loaded_db_url, tmp_path):
    paths = run_all(tmp_path, url=loaded_db_url)
    assert (tmp_path / "index.html").exists() and len(paths) > 30
    coverage = json.loads((tmp_path / "coverage_quality.json").read_text())
    outlets = [r for r in coverage["rows"] if r["section"] == "articles by outlet and month"]
    assert sum(r["value"] for r in outlets) == 5
    involvement = json.loads((tmp_path / "foreign_involvement.json").read_text())["rows"]
    assert involvement and all(r["foreign_actor"] != "Libya" for r in involvement)
    assert "<svg" in (tmp_path / "index.html").read_text()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed; apt-get install chromium")
def test_index_renders_in_headless_chromium(reports_db_url, tmp_path):
    out = tmp_path / "out"
    run_all(out, url=reports_db_url, formats=["html"])
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", (out / "index.html").as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert dom.count("<svg") >= 6
    png = tmp_path / "index.png"
    subprocess.run(flags + [f"--screenshot={png}", "--window-size=1200,2000", (out / "index.html").as_uri()],
                   capture_output=True, timeout=120)
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a blank 1200x2000 page compresses to a few KB
