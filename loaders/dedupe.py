"""Near-duplicate detection: one-permutation MinHash over word 5-shingles, banded for LSH.

Republished copies of one wire story share most shingles; articles that share any band are grouped into one story,
so corroboration counts the story once. Each shingle is hashed once (blake2b, deterministic across processes,
unlike Python's salted hash()); the hash space is split into `BINS` bins and each bin keeps its minimum, which
estimates Jaccard similarity like classic MinHash at a fraction of the cost (Li, Owen & Zhang, 2012).
"""

from __future__ import annotations

import hashlib
import re

SHINGLE_WORDS = 5
BANDS = 8
ROWS_PER_BAND = 4
BINS = BANDS * ROWS_PER_BAND
_EMPTY_BIN = (1 << 64) - 1
_MASK = (1 << 63) - 1  # band hashes are stored in a signed BIGINT
_WORD = re.compile(r"\w+")


def shingle_hashes(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def minhash(text: str) -> list[int]:
    """A `BINS`-long signature: the smallest shingle hash falling into each bin (empty bins borrow a neighbour's)."""
    signature = [_EMPTY_BIN] * BINS
    for value in shingle_hashes(text):
        index, rest = value % BINS, value // BINS
        if rest < signature[index]:
            signature[index] = rest
    # Densify: an empty bin takes the next non-empty bin's value, so short texts still compare sensibly.
    filled = [v for v in signature if v != _EMPTY_BIN]
    if filled:
        for index in range(BINS):
            offset = 1
            while signature[index] == _EMPTY_BIN:
                candidate = signature[(index + offset) % BINS]
                if candidate != _EMPTY_BIN:
                    signature[index] = candidate
                offset += 1
    return signature


def band_hashes(text: str) -> list[int]:
    """One 63-bit hash per band of the MinHash signature."""
    signature = minhash(text)
    bands = []
    for band in range(BANDS):
        rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(repr((band, rows)).encode(), digest_size=8).digest()
        bands.append(int.from_bytes(digest, "big") & _MASK)
    return bands


def jaccard_estimate(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
