"""Literal-prefix index for many regexes tried at the same positions.

An extractor with dozens of trigger patterns would otherwise try every pattern at every word. `literal_prefixes`
reads a compiled pattern's parse tree and returns the lower-case strings (up to 3 characters) that any match must
start with; `PrefixIndex` then hands back, for a position in a text, only the patterns whose prefix fits there. The
analysis is conservative: anything it cannot read (a character class, a back reference) ends a prefix early, and a
pattern with no literal start is always tried, so the index never hides a match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # noqa: PLC2701 - the stdlib's own parse-tree vocabulary
from re import _parser as sre_parse  # noqa: PLC2701

PREFIX_LENGTH = 3
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)


def _walk(items, acc: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """Extend (prefix, is_open) candidates over a sequence of parse items."""
    for op, av in items:
        if not any(is_open and len(text) < PREFIX_LENGTH for text, is_open in acc):
            return acc
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            char = chr(av).lower()
            acc = {(text + char, True) if is_open and len(text) < PREFIX_LENGTH else (text, is_open)
                   for text, is_open in acc}
        elif op is sre.SUBPATTERN:
            acc = _walk(av[-1], acc)
        elif op is sre.BRANCH:
            acc = set().union(*(_walk(branch, set(acc)) for branch in av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, item = av
            once = _walk(item, set(acc))
            if high != 1:
                once = {(text, False) for text, _ in once}  # more repetitions could follow: stop there
            acc = (acc | once) if low == 0 else once
        else:  # a class, any-char, category, back reference...: the literal prefix ends here
            acc = {(text, False) for text, _ in acc}
    return acc


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case prefixes one of which every match starts with, or None when a match may start with anything."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found = {text for text, _ in _walk(list(tree), {("", True)})}
    if "" in found:
        return None
    return frozenset(found)


class PrefixIndex:
    """Which of `patterns` may match at a position: by the text's first characters there."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._always: list[int] = []
        self._by_prefix: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                self._always.append(index)
                continue
            for prefix in prefixes:
                self._by_prefix.setdefault(prefix, []).append(index)
        self._cache: dict[str, tuple[int, ...]] = {}

    def candidates(self, text: str, start: int) -> tuple[int, ...]:
        """Indexes (in pattern order) of the patterns that may match text at `start`."""
        head = text[start : start + PREFIX_LENGTH].lower()
        found = self._cache.get(head)
        if found is None:
            hits = set(self._always)
            for length in range(1, len(head) + 1):
                hits.update(self._by_prefix.get(head[:length], ()))
            found = self._cache[head] = tuple(sorted(hits))
        return found
