"""The synthetic evaluation sets that share tests/gold_checker.py pass it: every quote and evidence string is
verbatim in its article, names and types agree across each set, and dates are well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from gold_checker import main

SETS = sorted(p.parent for p in Path(__file__).parent.glob("heldout*/validate.py")
              if "gold_checker" in p.read_text(encoding="utf-8"))


def test_the_shared_checker_is_used() -> None:
    assert len(SETS) >= 7


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_set_passes_the_format_checker(folder: Path, capsys) -> None:
    assert main(str(folder)) == 0, capsys.readouterr().out


def test_a_quote_not_in_its_article_is_a_problem(tmp_path: Path, capsys) -> None:
    import shutil

    import yaml

    folder = tmp_path / "set"
    shutil.copytree(SETS[-1], folder)
    gold = sorted((folder / "gold").glob("*.yaml"))[0]
    data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    data["statements"][0]["quote"] = "words that appear nowhere in the article"
    gold.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(str(folder)) == 1
    assert "statement 0: not a verbatim body substring" in capsys.readouterr().out
