"""loaders.metadata: published-date inference, language, relevance, outlet from URL and from page furniture.

The gold-driven test checks `infer_published` on the example articles at the gold's precision (gold null means the
text does not fix the date, so we must return None). Gold lives in LCDB_GOLD_DIR (default ../shared/gold).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from loaders.clean import clean_text
from loaders.metadata import detect_language, infer_published, is_relevant, outlet_from_furniture, outlet_from_url
from loaders.model import FuzzyDate

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "examples" / "articles"
GOLD_DIR = Path(os.environ.get("LCDB_GOLD_DIR", REPO.parent / "shared" / "gold"))
GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml")) if GOLD_DIR.is_dir() else []
RANK = {"day": 0, "month": 1, "year": 2}


def fd(text: str | None) -> FuzzyDate | None:
    if text is None:
        return None
    parts = [int(p) for p in str(text).split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return FuzzyDate(dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision)  # type: ignore[arg-type]


def agrees(ours: FuzzyDate | None, gold: FuzzyDate | None) -> bool:
    """Equal at the gold's precision, and not coarser than the gold."""
    if gold is None or ours is None:
        return gold is None and ours is None
    if RANK[ours.precision] > RANK[gold.precision]:
        return False
    a, b = ours.value, gold.value
    return {"year": a.year == b.year, "month": (a.year, a.month) == (b.year, b.month), "day": a == b}[gold.precision]


# --- published date: gold ---------------------------------------------------------------------------------------


@pytest.mark.skipif(not GOLD_FILES, reason=f"gold annotations not found in {GOLD_DIR} (set LCDB_GOLD_DIR)")
@pytest.mark.parametrize("gold_path", GOLD_FILES or [None], ids=[p.stem for p in GOLD_FILES] or ["none"])
def test_gold_published(gold_path: Path) -> None:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    cleaned = clean_text((ARTICLES / gold["article"]).read_text(encoding="utf-8"))
    expected = fd(None if gold["published"] is None else str(gold["published"]))
    for furniture in (cleaned.removed, [line for line, _ in cleaned.removed]):  # pairs, and plain strings
        published, how = infer_published(cleaned.body, furniture)
        assert how == "inferred"
        assert agrees(published, expected), f"{published} vs gold {expected}"
    assert detect_language(cleaned.body) == gold["language"]
    assert is_relevant(cleaned.body, detect_language(cleaned.body))


# --- published date: rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "furniture", "expected"),
    [
        # a publication stamp in the furniture wins
        ("He spoke on Monday, officials said.", [("Published: 11 December 2019", "dateline")], "2019-12-11"),
        ("He spoke on Monday, officials said.", ["Updated 2020-05-22T10:00:00Z"], "2020-05-22"),
        # wire and agency stamps: abbreviated or upper-case months, time zones
        ("He spoke on Monday, officials said.", [("14 JAN 2020, 12:05", "dateline")], "2020-01-14"),
        ("He spoke on Monday, officials said.", [("Fri Mar 18, 2011 1:47pm EDT", "dateline")], "2011-03-18"),
        # weekday + month/day in the lead, the only weekday named: that day (year from calendar, >= latest year)
        ("Pompeo said on Wednesday, December 11, that talks would go on.\n\nThe war began in 2014.", [], "2019-12-11"),
        # ... a second weekday named: only the week's month is safe
        (
            "Pompeo said on Wednesday, December 11, that talks would go on.\n\nThe war began in 2014. "
            "On Friday he left.",
            [],
            "2019-12",
        ),
        # ... a week that runs into the next month: year only
        (
            "Pompeo said on Saturday, November 30, that talks would go on.\n\nThe war began in 2014. "
            "On Monday he left.",
            [],
            "2019",
        ),
        # weekday in one clause, the month/day in a restatement of the same event
        (
            "Senior U.S. officials met with rogue field marshal Khalifa Haftar on Sunday, the State Department "
            "said.\n\n"
            "“Senior U.S. officials met with General Khalifa Haftar on November 24 to discuss steps,” the State "
            "Department said in a Monday press release.\n\nHe rose to power in 2014.",
            [],
            "2019-11",
        ),
        # unrelated weekday and month/day: no anchor
        ("Trump and Haftar spoke on Monday.\n\nTrump met Sisi on 9 April.\n\nGaddafi was toppled in 2011.", [], None),
        # no year anywhere: nothing
        ("The council met on Thursday, December 12, and agreed.", [], None),
        # one caption date + news-week wording: the caption's week
        (
            "Pompeo on Friday pressed the government. It seized an airfield on Monday.",
            [("Forces parade a truck in Tripoli on May 20, 2020 after its capture", "caption")],
            "2020-05",
        ),
        # a short stamp line near the top that the furniture classes otherwise: that day
        ("Officials said on Thursday that Russia works with Assad.",
         [("Source: Xinhua| 2021-06-04 22:16:41|Editor: huaxia", "credits")], "2021-06-04"),
        ("Officials said on Thursday that Russia works with Assad.",
         [("Tuesday August 26 2014, 12.01am BST, The Times", "header")], "2014-08-26"),
        ("Officials said on Thursday that Russia works with Assad.",
         [("Commentary / Middle East & North Africa 19 June 2025", "caption")], "2025-06-19"),
        # a caption with words of its own dates a photo, not the article (the caption rule below applies)
        ("Officials said on Thursday that Russia works with Assad.",
         [("Khalifa Haftar in Benghazi, June 19, 2019", "caption")], "2019-06"),
        # several caption dates (file photos): the year of the latest only
        (
            "Officials said on Thursday that Russia works with Assad.",
            [
                ("Putin attends a meeting outside Moscow, Russia April 3, 2020", "caption"),
                ("Haftar meets Mitsotakis in Athens, Greece, January 17, 2020.Credit: X/ REUTERS", "caption"),
            ],
            "2020",
        ),
        # caption without news-week wording: year only
        (
            "The offensive began in April 2019.",
            [("Fighters in Tripoli, Libya, May 20, 2020. Credit: AFP", "caption")],
            "2020",
        ),
        # dates in a trailing related-article list are ignored
        (
            "Officials said on Thursday that talks go on.",
            [
                ("Putin attends a meeting outside Moscow, Russia April 3, 2020", "caption"),
                ("Smoke rises in Gaza City August 6, 2022.", "tail:caption"),
            ],
            "2020-04",
        ),
        (
            "Officials said on Thursday that talks go on.",
            [
                "Putin attends a meeting outside Moscow, Russia April 3, 2020",
                "Related articles",
                "Smoke rises in Gaza City August 6, 2022.",
            ],
            "2020-04",
        ),
        # a stamp in digits: ISO, a number above 12 settles the order, else the lead's weekday, else day-month
        ("Officials met.", [("Published: 2020-06-09 14:02", "dateline")], "2020-06-09"),
        ("Officials met.", [("Posted 03/13/2021 - 10:15", "dateline")], "2021-03-13"),
        ("Meloni on Thursday received Haftar.", [("Published on 04/05/2023 - 19:12", "dateline")], "2023-05-04"),
        ("Meloni on Wednesday received Haftar.", [("Published on 04/05/2023 - 19:12", "dateline")], "2023-04-05"),
        ("Meloni received Haftar.", [("Updated 12.03.2021, 10:15", "dateline")], "2021-03-12"),
        # explicit dates in the body only bound publication from below: never used alone
        ("The offensive began on April 4, 2019, and the UN met on 5 April 2019.", [], None),
        ("", [], None),
    ],
)
def test_infer_published_rules(body: str, furniture: list, expected: str | None) -> None:
    published, how = infer_published(body, furniture)
    assert how == "inferred"
    assert published == fd(expected)


# --- language ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United Nations Security Council called on all countries to stop sending weapons to Libya.", "en"),
        (
            "Le Conseil de sécurité des Nations unies a appelé tous les pays à cesser d'envoyer des armes en Libye.",
            "fr",
        ),
        ("دعا مجلس الأمن الدولي جميع الدول إلى التوقف عن إرسال الأسلحة إلى ليبيا.", "ar"),
        ("Il Consiglio di sicurezza delle Nazioni Unite ha chiesto a tutti i paesi di smettere di inviare armi.", "it"),
        ("", "und"),
        ("OK", "und"),
        ("12 34 56", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


# --- relevance -----------------------------------------------------------------------------------------------------

ON_TOPIC = (
    "Forces loyal to Libya's Government of National Accord pushed back Khalifa Haftar's fighters south of Tripoli. "
    "The Libyan National Army said its drones struck positions near Misrata, while the UN warned that mercenaries "
    "and weapons keep flowing despite the arms embargo. Fighting around Sirte has displaced thousands."
)
OFF_TOPIC = (
    "Israel's coalition talks dragged on as Prime Minister Benjamin Netanyahu met party leaders in Jerusalem. "
    "The opposition demanded early elections and accused the government of stalling the budget. "
    * 6
    + "One analyst compared the deadlock to the war in Libya."
)
LIBYA_NOT_CONFLICT = "Libya Libya Tripoli Benghazi Libyan cuisine and tourism in Tripoli and Benghazi are charming."


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (ON_TOPIC, "en", True),
        (OFF_TOPIC, "en", False),
        (ON_TOPIC, "fr", False),
        (LIBYA_NOT_CONFLICT, "en", False),
        ("", "en", False),
    ],
)
def test_is_relevant(body: str, language: str, expected: bool) -> None:
    assert is_relevant(body, language) is expected


# --- outlet --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.middleeasteye.net/news/us-russia-libya", "middleeasteye.net"),
        ("http://news.bbc.co.uk/2/hi/africa/1.stm", "bbc.co.uk"),
        ("https://www.alwasat.com.ly/news/libya/1", "alwasat.com.ly"),
        ("libyaobserver.ly/news/x", "libyaobserver.ly"),
        ("https://WWW.Reuters.com/world/africa/x?y=1#z", "reuters.com"),
        ("http://localhost:8000/article", "localhost"),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize(
    ("lines", "body", "expected"),
    [
        (["Stay informed with MEE's newsletters", "Read More »"], "", "Middle East Eye"),
        (
            ["Middle East Eye delivers independent and unrivalled coverage. More about MEE can be found here."],
            "",
            "Middle East Eye",
        ),
        ([("Pulse logo", "logo"), ("Pulse Region", "section")], "", "Pulse"),
        (["© 2020 Libya Herald. All rights reserved."], "", "Libya Herald"),
        # wire and photo credits name an agency, not the page's owner
        (["Putin attends a meeting April 3, 2020Credit: SPUTNIK/ REUTERS", "Tripoli (AFP)", "Reuters"], "", None),
        # the body's own sources are not the outlet
        ([], "The diplomat told Reuters. Defense One reported last week.", None),
        ([], "Some text.\n\nCopyright 2021 The Arab Weekly", "The Arab Weekly"),
        ([], "", None),
    ],
)
def test_outlet_from_furniture(lines: list, body: str, expected: str | None) -> None:
    assert outlet_from_furniture(lines, body) == expected
