"""Near-duplicate detection: MinHash over word 5-shingles, banded for LSH.

Republished copies of one wire story share most shingles; articles that share any band are grouped into one story,
so corroboration counts the story once. Deterministic: hashes come from blake2b, never Python's salted hash().
"""

from __future__ import annotations

import hashlib
import re

SHINGLE_WORDS = 5
BANDS = 8
ROWS_PER_BAND = 4
_PRIME = (1 << 61) - 1
_MASK = (1 << 63) - 1  # band hashes are stored in a signed BIGINT
_WORD = re.compile(r"\w+")


def _coefficients(count: int) -> list[tuple[int, int]]:
    coefficients = []
    for index in range(count):
        digest = hashlib.blake2b(f"lcdb-minhash-{index}".encode(), digest_size=16).digest()
        coefficients.append((int.from_bytes(digest[:8], "big") % _PRIME | 1, int.from_bytes(digest[8:], "big") % _PRIME))
    return coefficients


_COEFFICIENTS = _coefficients(BANDS * ROWS_PER_BAND)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def minhash(text: str) -> list[int]:
    values = shingles(text)
    return [min((a * v + b) % _PRIME for v in values) for a, b in _COEFFICIENTS]


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
