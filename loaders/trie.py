"""An alternation of many literal words shaped as a character trie.

Python's regex engine tries the branches of `a|b|c|...` one after another at every position; with hundreds of words
that dominates a scan. A trie-shaped pattern shares common prefixes, so each position costs one walk down the trie.
"""

from __future__ import annotations

import re


def trie_regex(words: list[str], space: str | None = None) -> str:
    r"""A regex fragment matching exactly the given words (the longest first at a position, greedily). With `space`,
    a blank inside a word matches that fragment instead ("prime minister" with space=r"\s+")."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(space if ch == " " and space else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
