"""The curated actor gazetteer (loaders/lexicons/gazetteer.yaml): resolution tables and data-integrity checks.

Pure Python, no database: loads the real file through loaders.gazetteer.load_gazetteer.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from loaders.gazetteer import Gazetteer, GazetteerError, load_gazetteer, normalise_key, parse_gazetteer
from loaders.model import ACTOR_TYPES, SIDES


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# --------------------------------------------------------------------------- exact alias resolution

EXACT = [
    # Libyan actors and transliterations
    ("Hifter", "Khalifa Haftar"),
    ("Heftar", "Khalifa Haftar"),
    ("Field Marshal Haftar", "Khalifa Haftar"),
    ("Serraj", "Fayez al-Sarraj"),
    ("al-Sarraj", "Fayez al-Sarraj"),
    ("Fayez al Serraj", "Fayez al-Sarraj"),
    ("Kadhafi", "Muammar Gaddafi"),
    ("Qaddafi", "Muammar Gaddafi"),
    ("Gadhafi", "Muammar Gaddafi"),
    ("Qadhafi", "Muammar Gaddafi"),
    ("Moammar Qaddafi", "Muammar Gaddafi"),
    ("Saif al-Islam", "Saif al-Islam Gaddafi"),
    ("Seif al-Islam Kadhafi", "Saif al-Islam Gaddafi"),
    ("Dbeibeh", "Abdul Hamid Dbeibah"),
    ("Dbaiba", "Abdul Hamid Dbeibah"),
    ("Bashaga", "Fathi Bashagha"),
    ("Agila Saleh", "Aguila Saleh"),
    ("Aqila Salah", "Aguila Saleh"),
    ("Menfi", "Mohamed al-Menfi"),
    ("Saddam Hifter", "Saddam Haftar"),
    ("Khaled Haftar", "Khalid Haftar"),
    ("Belqasem Haftar", "Belgasem Haftar"),
    ("Najla el-Mangoush", "Najla Mangoush"),
    ("Sanalla", "Mustafa Sanalla"),
    ("Ghneiwa", "Abdul Ghani al-Kikli"),
    ("LNA", "Libyan National Army"),
    ("LAAF", "Libyan National Army"),
    ("Libyan Arab Armed Forces", "Libyan National Army"),
    ("Haftar's forces", "Libyan National Army"),
    ("GNA", "Government of National Accord"),
    ("G.N.A.", "Government of National Accord"),
    ("UN-recognized government", "Government of National Accord"),
    ("GNU", "Government of National Unity"),
    ("GNS", "Government of National Stability"),
    ("Tobruk-backed government", "Tobruk-based government"),
    ("HoR", "House of Representatives"),
    ("Tobruk-based parliament", "House of Representatives"),
    ("High State Council", "High Council of State"),
    ("NOC", "National Oil Corporation"),
    ("CBL", "Central Bank of Libya"),
    ("NTC", "National Transitional Council"),
    ("Rada", "Special Deterrence Force"),
    ("Radaa", "Special Deterrence Force"),
    ("Kaniyat", "Al-Kaniyat"),
    ("Tariq Ben Ziyad Brigade", "Tareq bin Ziyad Brigade"),
    ("ISIS", "Islamic State"),
    ("Daesh", "Islamic State"),
    ("BDB", "Benghazi Defence Brigades"),
    # foreign states: metonyms, official names, abbreviations
    ("Moscow", "Russia"),
    ("the Kremlin", "Kremlin"),
    ("Ankara", "Turkey"),
    ("Türkiye", "Turkey"),
    ("Cairo", "Egypt"),
    ("Abu Dhabi", "United Arab Emirates"),
    ("U.A.E.", "United Arab Emirates"),
    ("Doha", "Qatar"),
    ("Riyadh", "Saudi Arabia"),
    ("Damascus", "Syria"),
    ("Paris", "France"),
    ("Rome", "Italy"),
    ("Britain", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("London", "United Kingdom"),
    ("US", "United States"),
    ("U.S.", "United States"),
    ("Washington", "United States"),
    ("the United States", "United States"),
    ("N'Djamena", "Chad"),
    # foreign leaders and officials
    ("Putin", "Vladimir Putin"),
    ("Lavrov", "Sergey Lavrov"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Prigozhin", "Yevgeny Prigozhin"),
    ("Erdoğan", "Recep Tayyip Erdogan"),
    ("Erdogan", "Recep Tayyip Erdogan"),
    ("Çavuşoğlu", "Mevlut Cavusoglu"),
    ("MBZ", "Mohamed bin Zayed"),
    ("el-Sisi", "Abdel Fattah al-Sisi"),
    ("Sisi", "Abdel Fattah al-Sisi"),
    ("Shoukry", "Sameh Shoukry"),
    ("Hemedti", "Mohamed Hamdan Dagalo"),
    ("Le Drian", "Jean-Yves Le Drian"),
    ("Macron", "Emmanuel Macron"),
    ("Di Maio", "Luigi Di Maio"),
    ("Merkel", "Angela Merkel"),
    ("Pompeo", "Mike Pompeo"),
    ("Blinken", "Antony Blinken"),
    ("Norland", "Richard Norland"),
    ("Wooster", "Henry Wooster"),
    ("Assad", "Bashar al-Assad"),
    ("Mitsotakis", "Kyriakos Mitsotakis"),
    ("Tebboune", "Abdelmadjid Tebboune"),
    # UN and international bodies
    ("U.N.", "United Nations"),
    ("UN", "United Nations"),
    ("the United Nations", "United Nations"),
    ("Security Council", "United Nations Security Council"),
    ("U.N. Security Council", "United Nations Security Council"),
    ("U.N. General Assembly", "United Nations General Assembly"),
    ("UNSMIL", "United Nations Support Mission in Libya"),
    ("UN Panel of Experts", "United Nations Panel of Experts on Libya"),
    ("Salamé", "Ghassan Salame"),
    ("Ghassan Salamé", "Ghassan Salame"),
    ("Kubiš", "Jan Kubis"),
    ("Bathily", "Abdoulaye Bathily"),
    ("António Guterres", "Antonio Guterres"),
    ("ICC", "International Criminal Court"),
    ("EU", "European Union"),
    ("Operation Irini", "Operation Irini"),
    ("AU", "African Union"),
    ("League of Arab States", "Arab League"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("Crisis Group", "International Crisis Group"),
    ("HRW", "Human Rights Watch"),
    ("ECFR", "European Council on Foreign Relations"),
    # government departments
    ("U.S. State Department", "State Department"),
    ("Pentagon", "United States Department of Defense"),
    ("AFRICOM", "United States Africa Command"),
    ("U.S. Africa Command", "United States Africa Command"),
    ("National Security Council", "United States National Security Council"),
    ("U.S. Department of Energy", "United States Department of Energy"),
    ("Quai d'Orsay", "French Foreign Ministry"),
    ("Foreign Office", "Foreign, Commonwealth and Development Office"),
    # armed groups / PMCs
    ("Wagner", "Wagner Group"),
    ("PMC Wagner", "Wagner Group"),
    ("Africa Corps", "Africa Corps"),
    ("Janjaweed", "Rapid Support Forces"),
    ("RSF", "Rapid Support Forces"),
    ("JEM", "Justice and Equality Movement"),
    ("FACT", "Front for Change and Concord in Chad"),
    # media
    ("AFP", "Agence France-Presse"),
    ("Associated Press", "Associated Press"),
    ("Al-Jazeera", "Al Jazeera"),
    ("MEE", "Middle East Eye"),
    ("New York Times", "The New York Times"),
    ("Anadolu", "Anadolu Agency"),
    ("Russia Today", "RT"),
    # Wikipedia-style titles that tell a body from its namesakes: derived from the country, or listed
    ("House of Representatives (Libya)", "House of Representatives"),
    ("Presidential Council (Libya)", "Presidential Council"),
    ("Africa Corps (Russia)", "Africa Corps"),
    ("Ministry of Foreign Affairs (United Arab Emirates)", "Emirati Foreign Ministry"),
    ("Ministry of Emergency Situations (Russia)", "Russian Emergencies Ministry"),
]


@pytest.mark.parametrize(("surface", "expected"), EXACT)
def test_alias_resolves_to_canonical_name(gaz: Gazetteer, surface: str, expected: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None, f"{surface!r} did not resolve"
    assert entry.name == expected


DEMONYMS = [
    ("Emirati", "United Arab Emirates"),
    ("Emiratis", "United Arab Emirates"),
    ("British", "United Kingdom"),
    ("Russian", "Russia"),
    ("Russians", "Russia"),
    ("French", "France"),
    ("Turkish", "Turkey"),
    ("Egyptian", "Egypt"),
    ("Qatari", "Qatar"),
    ("Saudi", "Saudi Arabia"),
    ("Syrian", "Syria"),
    ("Sudanese", "Sudan"),
    ("Chadian", "Chad"),
    ("American", "United States"),
    ("Libyan", "Libya"),
    ("Italian", "Italy"),
    ("Greek", "Greece"),
    ("Jordanian", "Jordan"),
    ("Nigerien", "Niger"),
]


@pytest.mark.parametrize(("surface", "expected"), DEMONYMS)
def test_demonym_resolves_to_country(gaz: Gazetteer, surface: str, expected: str) -> None:
    entry = gaz.lookup_demonym(surface)
    assert entry is not None and entry.name == expected
    # The extractor tries aliases before demonyms, so a demonym must never also be an alias.
    assert gaz.lookup(surface) is None


FUZZY = [
    ("Hafar", "Khalifa Haftar"),
    ("Haftarr", "Khalifa Haftar"),
    ("Sarrraj", "Fayez al-Sarraj"),
    ("Erdogn", "Recep Tayyip Erdogan"),
    ("Guteres", "Antonio Guterres"),
    ("Kadafi", "Muammar Gaddafi"),
]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Turkey", "Turkey"), ("Turkish", "Turkey"), ("LNA", "Libyan National Army"), ("Emirati", "United Arab Emirates"),
     ("Tuesday", None)],
)
def test_a_name_first_then_a_demonym(gaz: Gazetteer, surface: str, expected: str | None) -> None:
    entry = gaz.lookup_name_or_demonym(surface)
    assert (entry.name if entry else None) == expected


@pytest.mark.parametrize(("surface", "expected"), FUZZY)
def test_fuzzy_misspellings(gaz: Gazetteer, surface: str, expected: str) -> None:
    entry = gaz.fuzzy(surface)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(
    "word",
    [
        "General",
        "Council",
        "Minister",
        "Security",
        "President",
        "Government",
        "Brigade",
        "Tripoli",
        "Benghazi",
        "Misrata",
        "Parliament",
        "Ministry",
        "Mission",
    ],
)
def test_fuzzy_does_not_match_ordinary_words_or_cities(gaz: Gazetteer, word: str) -> None:
    assert gaz.fuzzy(word) is None


@pytest.mark.parametrize(
    "surface", ["un", "us", "Us", "gna", "lna", "Lna", "who", "is", "ap", "eu", "au", "noc", "fact"]
)
def test_short_acronyms_are_case_sensitive(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


# --------------------------------------------------------------------------- data integrity


def test_normalised_alias_keys_are_unique_across_entries(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.entries.values():
        for alias in (entry.name, *entry.aliases):
            owners[normalise_key(alias)].add(entry.name)
    collisions = {key: sorted(names) for key, names in owners.items() if len(names) > 1}
    assert not collisions


def test_demonyms_are_unique_and_never_aliases(gaz: Gazetteer) -> None:
    alias_keys = {normalise_key(a) for e in gaz.entries.values() for a in (e.name, *e.aliases)}
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.entries.values():
        for demonym in entry.demonyms:
            owners[normalise_key(demonym)].add(entry.name)
    assert not {k: v for k, v in owners.items() if len(v) > 1}
    assert not sorted(set(owners) & alias_keys)


def test_every_surface_form_resolves_back_to_its_entry(gaz: Gazetteer) -> None:
    wrong = []
    for surface, name, kind in gaz.surface_forms():
        entry = gaz.lookup(surface) if kind == "alias" else gaz.lookup_demonym(surface)
        if entry is None or entry.name != name:
            wrong.append((surface, name, entry.name if entry else None))
    assert not wrong


def test_every_person_has_a_gender_and_only_persons_do(gaz: Gazetteer) -> None:
    for entry in gaz.entries.values():
        if entry.actor_type == "person":
            assert entry.gender in ("m", "f"), entry.name
        else:
            assert entry.gender is None, entry.name


def test_types_sides_and_references_are_valid(gaz: Gazetteer) -> None:
    for entry in gaz.entries.values():
        assert entry.actor_type in ACTOR_TYPES
        assert entry.side is None or entry.side in SIDES
        if entry.affiliation is not None:
            assert entry.affiliation in gaz.entries, f"{entry.name}: unknown affiliation {entry.affiliation!r}"
        if entry.qid is not None:
            assert re.fullmatch(r"Q\d+", entry.qid), entry.name
        assert entry.name == entry.name.strip() and entry.name


def test_gazetteer_is_broad(gaz: Gazetteer) -> None:
    assert len(gaz.entries) >= 350
    by_type: dict[str, int] = defaultdict(int)
    for entry in gaz.entries.values():
        by_type[entry.actor_type] += 1
    assert set(by_type) == set(ACTOR_TYPES)
    assert by_type["person"] >= 150
    assert by_type["country"] >= 40


FORBIDDEN_ALIASES = [
    "council",
    "army",
    "government",
    "president",
    "minister",
    "general",
    "parliament",
    "forces",
    "militia",
    "tripoli",
    "benghazi",
    "misrata",
    "sirte",
    "saleh",
    "mohamed",
    "mohammed",
    "abdullah",
    "khalifa",
    "ahmed",
    "williams",
    "johnson",
    "may",
    "hunt",
    "total",
    "guardian",
    "jeffrey",
    "hillary",
    "un mission",
    "unity government",
]


def test_no_generic_or_ambiguous_aliases(gaz: Gazetteer) -> None:
    keys = {normalise_key(a) for e in gaz.entries.values() for a in (e.name, *e.aliases)}
    assert not sorted(keys & set(FORBIDDEN_ALIASES))


SIDES_TABLE = [
    ("Russia", "east"),
    ("United Arab Emirates", "east"),
    ("Egypt", "east"),
    ("Jordan", "east"),
    ("Saudi Arabia", "east"),
    ("Turkey", "west"),
    ("Qatar", "west"),
    ("Libyan National Army", "east"),
    ("Government of National Accord", "west"),
    ("Wagner Group", "east"),
    ("France", None),
    ("United States", None),
]


@pytest.mark.parametrize(("name", "side"), SIDES_TABLE)
def test_sides(gaz: Gazetteer, name: str, side: str | None) -> None:
    assert gaz.get(name).side == side


CANONICAL = [
    "Khalifa Haftar",
    "Fayez al-Sarraj",
    "Muammar Gaddafi",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Libyan National Army",
    "Government of National Accord",
    "United Nations",
    "United Nations Security Council",
    "United Nations General Assembly",
    "Wagner Group",
    "State Department",
    "White House",
    "United States National Security Council",
    "United States Department of Energy",
    "United States Africa Command",
    "Islamic State",
    "International Crisis Group",
    "Bashar al-Assad",
    "Sergey Lavrov",
    "Vladimir Putin",
    "Abdel Fattah al-Sisi",
    "Jean-Yves Le Drian",
    "Antonio Guterres",
    "Ghassan Salame",
    "Richard Norland",
    "Syria",
    "NATO",
    "BBC",
    "Reuters",
    "Defense One",
]


@pytest.mark.parametrize("name", CANONICAL)
def test_canonical_names_present(gaz: Gazetteer, name: str) -> None:
    assert gaz.get(name) is not None


def test_persons_carry_country_when_known(gaz: Gazetteer) -> None:
    for name in ("Khalifa Haftar", "Sergey Lavrov", "Mike Pompeo", "Recep Tayyip Erdogan", "Emmanuel Macron"):
        assert gaz.get(name).country is not None
    assert gaz.get("Stephanie Williams").gender == "f"
    assert gaz.get("Najla Mangoush").gender == "f"
    assert "secretary of state" in gaz.get("Mike Pompeo").titles
    assert "foreign minister" in gaz.get("Sergey Lavrov").titles


def test_a_bare_yes_or_no_alias_is_refused_with_the_file_named() -> None:
    text = 'version: "1"\nactors:\n  - {name: Norway, type: country, aliases: [no, Norge]}\n'
    with pytest.raises(GazetteerError, match=r"my-lexicon\.yaml: actors\[0\]\.aliases\[0\] is a bare"):
        parse_gazetteer(text, source="my-lexicon.yaml")
