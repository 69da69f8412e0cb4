"""Clause helpers shared by the extractors: a sentence, a name in it and a verb after it -> is the name in an aside?"""

from __future__ import annotations

import pytest

from loaders.extract import clauses
from loaders.model import Mention

# (sentence, the name, the verb that follows, is the name inside an aside that closes before the verb)
ASIDE_CASES = [
    ("Turkey, which backs the GNA, has deployed troops.", "GNA", "has deployed", True),
    ("Haftar, a former general under Muammar Gaddafi, has the support of Egypt.", "Muammar Gaddafi", "has the", True),
    ("Haftar, who is close to Cairo, was received in Moscow.", "Cairo", "was received", True),
    # a naming apposition co-refers with the subject
    ("The UN special adviser, Stephanie Williams, urged restraint.", "Stephanie Williams", "urged", False),
    # the name is the subject itself
    ("Turkey has deployed troops.", "Turkey", "has deployed", False),
    # the relative clause holds the verb: it has not closed before it
    ("Troops, which Turkey deployed in January, hold the line.", "Turkey", "deployed", False),
]


@pytest.mark.parametrize("sentence,name,verb,expected", ASIDE_CASES)
def test_in_aside(sentence, name, verb, expected):
    start = sentence.index(name)
    mention = Mention(name, name, start, start + len(name))
    assert clauses.in_aside(sentence, 0, mention, sentence.index(verb)) is expected
