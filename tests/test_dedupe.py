"""Near-duplicate detection: republished copies share a band; unrelated articles do not."""

from __future__ import annotations

from loaders.dedupe import band_hashes, jaccard_estimate, minhash
from tests.conftest import EXAMPLES_DIR

ARTICLES = sorted(EXAMPLES_DIR.glob("*.txt"))


def _shares_band(a: str, b: str) -> bool:
    return bool(set(band_hashes(a)) & set(band_hashes(b)))


def test_republished_copy_with_small_edits_is_a_near_duplicate():
    text = ARTICLES[1].read_text()
    copy = text.replace("diplomats said", "diplomats told reporters", 1).replace("Thursday", "Thursday evening", 1)
    copy = "Republished by a partner outlet.\n\n" + copy + "\n\nCopyright the partner outlet."
    assert _shares_band(text, copy)
    assert jaccard_estimate(minhash(text), minhash(copy)) > 0.6


def test_different_articles_are_not_near_duplicates():
    texts = [p.read_text() for p in ARTICLES]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            assert not _shares_band(texts[i], texts[j]), (ARTICLES[i].name, ARTICLES[j].name)


def test_signature_is_deterministic_and_handles_short_text():
    assert band_hashes("Haftar") == band_hashes("Haftar")
    assert len(band_hashes("")) == 8
