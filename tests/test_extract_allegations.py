"""Alleged embargo violations: sentence in -> (supplier, recipient, materiel) rows out, with the real gazetteer."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.gazetteer import load_gazetteer

LNA, GNA = "Libyan National Army", "Government of National Accord"


def rows(text: str):
    return extract(text, None, load_gazetteer()).allegations


CASES = [
    # supply verb + materiel, recipient normalised to the faction
    (
        "The United Arab Emirates has supplied Haftar's forces with armoured vehicles and drones, the panel said.",
        [("United Arab Emirates", LNA, {"armored_vehicles", "drones"})],
    ),
    # coordinated suppliers -> one row each; passive accusation without an agent
    (
        "Egypt and Jordan were accused of shipping weapons to forces loyal to Khalifa Haftar.",
        [("Egypt", LNA, {"weapons"}), ("Jordan", LNA, {"weapons"})],
    ),
    # embargo breach without materiel defaults to weapons
    ("UN experts said Turkey had violated the arms embargo.", [("Turkey", None, {"weapons"})]),
    # breach + "by supplying": one row with the named materiel
    (
        "Ankara breached the UN arms embargo by sending Syrian fighters and military advisers to support Sarraj.",
        [("Turkey", GNA, {"fighters", "military_personnel"})],
    ),
    # relative clause subject
    (
        "Haftar is backed by Russia, which has deployed hundreds of mercenaries to Libya.",
        [("Russia", LNA, {"mercenaries"})],
    ),
    # a private military company as supplier: personnel become mercenaries
    (
        "The Wagner Group has about 1,000 people deployed alongside the LNA, a UN report said.",
        [("Wagner Group", LNA, {"mercenaries"})],
    ),
    # passive agent
    (
        "Air defence systems supplied by the UAE were found at al-Khadim air base used by Haftar's forces.",
        [("United Arab Emirates", LNA, {"air_defense"})],
    ),
    # demonym origin with a Libyan recipient
    (
        "Russian mercenaries have been fighting alongside Haftar's forces south of Tripoli.",
        [("Russia", LNA, {"mercenaries"})],
    ),
]

NOTHING = [
    "Russia could send more fighters to Libya if the talks fail.",
    "Washington warned Moscow against sending weapons to the warring parties.",
    "The Security Council called on all countries to stop supplying arms to Libya.",
    "Turkey has not sent any troops to Libya, the ministry said.",
    "Egypt plans to deploy troops along its western border.",
    "No country should be providing weapons to Libya, Guterres said.",
    "Turkey sent drones and armoured vehicles to Syria last year.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_allegation_rows(text, expected):
    got = sorted((a.supplier_name, a.recipient_name, frozenset(a.materiel)) for a in rows(text))
    assert got == sorted((s, r, frozenset(m)) for s, r, m in expected)


@pytest.mark.parametrize("text", NOTHING)
def test_no_allegation(text):
    assert rows(text) == []


def test_alleged_by_report_owner():
    (row,) = rows(
        "A report by the International Crisis Group said that Turkey has sent at least 2,000 fighters to Libya."
    )
    assert row.alleged_by_name == "International Crisis Group"
    assert row.quantity_text == "at least 2,000"


def test_alleged_by_anonymous_diplomats():
    (row,) = rows("The UAE has flown cargo planes loaded with weapons into eastern Libya, diplomats said.")
    assert (row.alleged_by_name, row.is_alleged_by_anonymous) == ("diplomats", True)


def test_alleged_by_government_officials():
    (row,) = rows("Russia has transferred fighter jets to Libya to support Haftar, U.S. officials said on Tuesday.")
    assert row.alleged_by_name == "United States"
    assert row.is_alleged_by_anonymous is False
    assert row.materiel == ["aircraft"]


def test_denial_in_same_sentence():
    result = rows("Although the LNA denies receiving foreign help, it has been supplied with drones by the UAE.")
    assert [(a.supplier_name, a.denied_by) for a in result] == [("United Arab Emirates", [LNA])]


def test_supplier_denial_without_accusation_gives_nothing():
    assert rows("Moscow has denied sending mercenaries to Libya.") == []


def test_supplier_denial_with_accusation():
    result = rows("Russia, which is accused of sending mercenaries to fight for Haftar, denies the charges.")
    assert [(a.supplier_name, a.recipient_name) for a in result] == [("Russia", LNA)]


def test_evidence_is_verbatim_span():
    text = "Qatar and Turkey were accused of supplying Sarraj's forces with weapons and trucks."
    for row in rows(text):
        assert "supplying Sarraj's forces with weapons and trucks" in text[row.evidence_start : row.evidence_end]


def test_restated_claim_is_one_row():
    text = (
        "Turkey has sent drones to the Tripoli government. Officials in Ankara did not comment. "
        "The drones sent by Turkey have turned the tide."
    )
    assert [(a.supplier_name, a.materiel) for a in rows(text)] == [("Turkey", ["drones"])]


ACCUSER_CASES = [
    # the accuser is the alleging party, never the recipient; the supplier's known side gives the recipient
    ("Haftar's Libyan National Army (LNA) accused Turkey of sending Syrian mercenaries to fight in Tripoli, "
     "a charge Ankara denies.", "Turkey", "Government of National Accord", "Libyan National Army"),
    ("The Tripoli government has accused the UAE of flying drones and ammunition to Haftar's forces.",
     "United Arab Emirates", "Libyan National Army", "Government of National Accord"),
]


@pytest.mark.parametrize("text,supplier,recipient,alleged_by", ACCUSER_CASES)
def test_accuser_is_alleging_party_not_recipient(text, supplier, recipient, alleged_by):
    rows = [r for r in extract(text).allegations if r.supplier_name == supplier]
    assert [(r.recipient_name, r.alleged_by_name) for r in rows] == [(recipient, alleged_by)]


def test_adversary_after_the_verb_is_not_the_recipient():
    text = ("Turkey has sent military advisers, air defence systems and drones to help the government fend off "
            "Haftar's offensive on the capital, Tripoli, where the Government of National Accord is based.")
    rows = extract(text).allegations
    assert [(r.supplier_name, r.recipient_name) for r in rows] == [("Turkey", "Government of National Accord")]


def test_demonym_in_front_of_a_known_group_is_that_group():
    text = ("A UN report said about 1,200 fighters from the Russian Wagner Group had been deployed to support "
            "Haftar's Libyan National Army.")
    result = extract(text)
    assert "Wagner Group" in result.actors and "Russian Wagner Group" not in result.actors
