"""`lcdb evaluate` on the database's rows for the five examples: the extraction bars of the extraction issue."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lcdb.cli import main

# The Done-when bars of the extraction issue (F1 on the five example articles).
BARS = {"actors": 0.90, "statements": 0.85, "allegations": 0.85, "support": 0.85, "events": 0.70}




def test_evaluate_database_rows_meet_the_bars(loaded_db_url, gold_dir):
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    tables = json.loads(result.output)["tables"]
    below = {name: tables[name]["f1"] for name, bar in BARS.items() if tables[name]["f1"] < bar}
    assert below == {}


def test_evaluate_text_output_lists_every_table_and_misses(loaded_db_url, gold_dir):
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), "--verbose"])
    assert result.exit_code == 0
    for name in ("actors", "statements", "statement_quotes", "events", "allegations", "support"):
        assert name in result.output


def test_evaluate_rejects_a_malformed_gold_dir(tmp_path):
    (tmp_path / "bad.yaml").write_text("article: [unclosed\n")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--pipeline", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "Traceback" not in result.output
