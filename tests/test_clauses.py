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


# (text, where the region starts, the word the offset is at, is the offset inside a relative clause opened there)
RELATIVE_CASES = [
    ("The GNA is itself backed by Turkey, which has openly shipped vehicles.", 0, "shipped", True),
    ("The GNA, to which Turkey has sent drones, held the line.", 0, "sent", True),
    # a region that opens with the relative pronoun (a `pos` argument used to hide the start of the region)
    ("Egypt and the UAE, whose drones struck the camp, deny it.", 19, "struck", True),
    ("Turkey, which backs the GNA, has deployed troops.", 0, "deployed", False),
    ("Turkey has sent drones to Tripoli.", 0, "sent", False),
]


@pytest.mark.parametrize("text,start,word,expected", RELATIVE_CASES)
def test_in_relative_clause(text, start, word, expected):
    assert clauses.in_relative_clause(text, start, text.index(word)) is expected
