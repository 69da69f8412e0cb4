"""Extraction is a pure function of its input: the same rows whatever Python's hash seed (set and dict-of-set
iteration order changes with it from process to process), so re-running a load on another machine changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES_DIR

ROOT = Path(__file__).resolve().parent.parent
# Examples and every development set: articles with many persons sharing surnames, lists of suppliers, etc.
CORPORA = [EXAMPLES_DIR, *sorted(p / "articles" for p in ROOT.glob("tests/heldout*") if (p / "articles").is_dir())]

_DUMP = """
import sys
from pathlib import Path
from loaders.extract import extract
from loaders.gazetteer import load_gazetteer
from loaders.prepare import prepare
from loaders.read import RawArticle

gazetteer = load_gazetteer()
for path in sys.argv[1:]:
    for f in sorted(Path(path).glob("*.txt")):
        p = prepare(RawArticle(source_name=f.name, raw_hash="x", text=f.read_text(errors="replace")),
                    run_extraction=False)
        x = extract(p.body_text, p.published, gazetteer)
        print(f.name, repr((sorted(x.actors), x.mentions, x.statements, x.events, x.allegations, x.support)))
"""


def _rows(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _DUMP, *map(str, CORPORA)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=True)
    return done.stdout


def test_extraction_does_not_depend_on_the_hash_seed() -> None:
    first, second = _rows("1"), _rows("2")
    assert first.count("\n") >= 5
    differing = [a.split(" ", 1)[0] for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b]
    assert not differing, f"extraction differs between hash seeds for {differing}"
