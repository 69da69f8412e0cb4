"""The literal-prefix index: prefixes read from patterns, and the index never hides a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.extract.events import _rules
from loaders.extract.prefixes import PrefixIndex, literal_prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"met", {"met"}),
        (r"(?:met|meets)\s+with", {"met", "mee"}),
        (r"(?:held|hold)\s+talks", {"hel", "hol"}),
        (r"by\s+phone", {"by"}),  # a class ends the prefix early
        (r"(?<![\w-])(?:U\.N\.|UN)\s+embargo", {"u.n", "un"}),  # lookbehinds are zero-width
        (r"(?:the\s+)?summit", {"the", "sum"}),  # an optional group may be skipped
        (r"[\w.]+-drafted", None),  # no literal start: always tried
        (r"(?:a|an)?x", {"ax", "anx", "x"}),
    ],
)
def test_literal_prefixes(pattern, expected):
    found = literal_prefixes(re.compile(pattern, re.IGNORECASE))
    assert found == (frozenset(expected) if expected is not None else None)


def _texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples" / "articles").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "heldout" / "articles").glob("*.txt"))]
    return texts


def test_index_finds_every_match_the_brute_force_finds():
    patterns = [t.pattern for t in _rules().triggers]
    index = PrefixIndex(patterns)
    word = re.compile(r"[A-Za-z0-9][\w.'’-]*")
    checked = 0
    for text in _texts():
        for w in word.finditer(text):
            allowed = set(index.candidates(text, w.start()))
            for i, pattern in enumerate(patterns):
                if pattern.match(text, w.start()) is not None:
                    checked += 1
                    assert i in allowed, (pattern.pattern[:60], text[w.start() : w.start() + 40])
    assert checked > 50
