"""loaders.clean (and loaders.html): Unicode normalisation, furniture classification, title/standfirst/body split.

Includes the gold-driven check on the example articles: gold boilerplate gone, every gold quote/evidence kept, title
right. Gold lives in LCDB_GOLD_DIR (default: ../shared/gold next to the repo); those tests skip if it is absent.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from loaders.clean import clean_text, furniture_reason, is_caption, normalise_unicode
from loaders.html import html_to_document

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "examples" / "articles"
GOLD_DIR = Path(os.environ.get("LCDB_GOLD_DIR", REPO.parent / "shared" / "gold"))


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml")) if GOLD_DIR.is_dir() else []


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


needs_gold = pytest.mark.skipif(
    not gold_files(), reason=f"gold annotations not found in {GOLD_DIR} (set LCDB_GOLD_DIR)"
)
GOLD_IDS = [p.stem for p in gold_files()] or ["none"]
GOLD_PARAMS = gold_files() or [None]


# --- Unicode ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the\u00a0continued level", "the continued level"),
        ("thin\u2009space and narrow\u202fspace", "thin space and narrow space"),
        ("figure\u2007space, ideographic\u3000space", "figure space, ideographic space"),
        ("zero\u200bwidth\u200c joiner\u200d word\u2060joiner", "zerowidth joiner wordjoiner"),
        ("\ufeffBOM at start", "BOM at start"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("para\u2028sep\u2029end", "para\nsep\nend"),
        ("bell\x07 and null\x00 and esc\x1b gone", "bell and null and esc gone"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("“curly” ‘quotes’ — dashes – stay", "“curly” ‘quotes’ — dashes – stay"),
        ("soft\u00adhyphen", "softhyphen"),
        ("left\u200eto\u200fright marks", "lefttoright marks"),
        ("cafe\u0301", "café"),  # NFC composes
        ("", ""),
    ],
)
def test_normalise_unicode(raw: str, expected: str) -> None:
    assert normalise_unicode(raw) == expected


# --- single-line furniture -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to main content", "navigation"),
        ("X", "navigation"),
        ("Menu", "navigation"),
        ("Home", "navigation"),
        ("Send in e-mailSend in e-mail", "share"),
        ("Share", "share"),
        ("Tweet", "share"),
        ("Share on Facebook | Twitter | WhatsApp", "share"),
        ("Stay informed with MEE's newsletters", "subscription"),
        ("Sign up to get the latest alerts, insights and analysis, starting with Turkey Unpacked", "subscription"),
        ("Subscribe today and save 40%", "subscription"),
        ("Already signed up? LOG IN", "subscription"),
        ("Read More »", "read-more"),
        ("Next Article", "related"),
        ("Related Posts", "related"),
        ("Related articles", "related"),
        ("Automatic approval of subscriber comments.", "comments"),
        ("12 comments", "comments"),
        ("We use cookies to improve your browsing experience. Accept all", "cookie"),
        (
            "Middle East Eye delivers independent and unrivalled coverage and analysis of the Middle East, "
            "North Africa "
            "and beyond. To learn more about republishing this content and the associated fees, please fill out this "
            "form. More about MEE can be found here.",
            "footer",
        ),
        ("© 2020 Some Outlet. All rights reserved.", "footer"),
        ("sct/st", "credits"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credits"),
        ("Pulse logo", "logo"),
        ("Pulse Region", "section"),
        ("By Jane Doe", "byline"),
        ("Published: 11 December 2019", "dateline"),
        ("Wednesday 11 December 2019 14:35 GMT", "dateline"),
        ("April 14, 2020 / 4:07 PM / Updated 2 hours ago", "dateline"),
        ("London, 23 October 2020:", "dateline"),
        ("Listen In Arabic", "widget"),
        ("Powered by automated translation", "widget"),
        ("Support the Guardian", "subscription"),
        ("This article is more than 3 years old", "widget"),
        ("Published date: 21 July 2020 11:03 BST", "dateline"),
        ("Date 19.01.2020", "dateline"),
        ("Walid Abdullah and Mustafa Dalaa | 18.05.2020 - Update : 18.05.2020", "dateline"),
        ("Click the alert icon to follow topics:", "widget"),
        ("5 min read", "widget"),
        ("READ MORE: Libya's rival camps agree on talks", "teaser"),
        ("For Israel and Palestine, annexation isn't the end of the world. Listen to Gideon Levy", "promo"),
        ("Mortar bombs have been crashing down on suburbs of the Libyan capital, Tripoli (AFP)", "caption"),
        # contributor and agency credits, picture credits, tag lists and list widgets
        ("Associated Press writer Omar Fathi in Cairo contributed to this report.", "credits"),
        ("Some information for this report came from Reuters and Agence France-Presse.", "credits"),
        ("- With Reuters and AFP", "credits"),
        ("RFI (with AFP)", "credits"),
        ("By Al Jazeera and news agencies", "credits"),
        ("Author Daniel Weber (AFP, dpa, Reuters)", "credits"),
        ("[Editor: huaxia]", "credits"),
        ("Translated from the German by Anna Keller", "credits"),
        ("Photographer: Stringer/Bloomberg", "caption"),
        ("Delegates attend the signing ceremony in Geneva (Photo by Fabrice Coffrini/AFP via Getty Images)", "caption"),
        ("Fighters on patrol in North Darfur, Sudan, April 2025. AFP / Stringer", "caption"),
        ("Tags: Bashagha Dbeibah Tripoli clashes", "tags"),
        ("Short link:", "tags"),
        ("list 2 of 4", "tags"),
        ("Permalink https://p.dw.com/p/3WQk2", "tags"),
        ("DW RECOMMENDS", "tags"),
        ("Share this via WhatsApp", "tags"),
    ],
)
def test_furniture_reason(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "He declined to comment.",
        "Trump stance unclear",
        "The US and Russia made their positions clear during a closed-door council briefing.",
        'US Secretary of State Mike Pompeo then said in a statement on 7 April that "we have made clear that we '
        'oppose the military offensive".',
        "Haftar launched a war a year ago to grab the capital Tripoli and other parts of northwestern Libya.",
        "The Libyan parliament will vote on the budget, the speaker told reporters on Sunday.",
        "Russia has signed up to the Berlin process, diplomats said.",
        "The rebels contributed to this report's findings, the panel said, and to the inquiry.",
        "Author and analyst Jalel Harchaoui said the drones were Turkish.",
        "The army said the strike was carried out with Russian help, via AFP reporters on the ground.",
    ],
)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


# --- captions --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Russian President Vladimir Putin attends a meeting via a video link outside Moscow, Russia April 3, 2020",
            True,
        ),
        (
            "Placards are attached on barriers in Istanbul, Turkey, February 29, 2020. Credit: CANSU ALKAYA/ REUTERS",
            True,
        ),
        (
            "Forces parade a Pantsir truck in the capital Tripoli on May 20, 2020 after its capture at an airbase",
            True,
        ),
        ("Fighters loyal to the GNA in Tripoli [File: Hazem Turkia/Anadolu]", True),
        ("Khalifa Haftar (L) shakes hands with Emmanuel Macron at the Elysee", True),
        ("A fighter walks past a damaged building (Reuters/Ismail Zitouny)", True),
        ("Photo: Mahmud Turkia/AFP via Getty Images", True),
        ("Flame and smoke rise during an air strike, in Gaza City August 6, 2022.", True),
        # body sentences with dates are not captions
        (
            'US Secretary of State Mike Pompeo then said in a statement on 7 April that "we oppose the offensive".',
            False,
        ),
        ("The United Arab Emirates reopened its Damascus embassy in December 2018 and has forged closer ties.", False),
        ("The attack took place on April 4, 2019, the ministry said.", False),
        ("The UN said on May 20, 2020 that fighting had displaced thousands of families.", False),
        ("The parliament has been at odds with Tripoli since it backed a rival administration under Bashagha in 2022.",
         False),
        ("Trump and Netanyahu at the White House in Washington, in 2020.", True),
    ],
)
def test_is_caption(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


# --- whole-document structure ------------------------------------------------------------------------------------

DOC = """Skip to main content

Rival Libyan forces clash near Sirte as talks stall

Fighting puts a fragile truce at risk

A fighter stands guard near Sirte, Libya, June 10, 2020. Credit: Reuters

Forces loyal to the Tripoli government clashed with Haftar's fighters near Sirte on Monday, officials said.

"We will not stop until the city is free," a commander told reporters on Monday.

Share

Related articles

Egypt warns Turkey over Libya

Germany hosts Libya conference
"""


def test_structure_of_a_typical_page() -> None:
    cleaned = clean_text(DOC)
    assert cleaned.title == "Rival Libyan forces clash near Sirte as talks stall"
    assert cleaned.standfirst == "Fighting puts a fragile truce at risk"
    assert cleaned.body.split("\n\n") == [
        "Forces loyal to the Tripoli government clashed with Haftar's fighters near Sirte on Monday, officials said.",
        '"We will not stop until the city is free," a commander told reporters on Monday.',
    ]
    reasons = dict(cleaned.removed)
    assert reasons["Skip to main content"] == "navigation"
    assert reasons["A fighter stands guard near Sirte, Libya, June 10, 2020. Credit: Reuters"] == "caption"
    assert reasons["Egypt warns Turkey over Libya"].startswith("tail:")
    assert reasons["Germany hosts Libya conference"].startswith("tail:")
    assert all(line not in cleaned.body for line, _ in cleaned.removed)


@pytest.mark.parametrize(
    ("raw", "removed_line", "reason"),
    [
        # the same caption twice in a row
        (
            "Headline about Libya talks here\n\nCaption text of a photo in Tripoli\n"
            "Caption text of a photo in Tripoli\n\n"
            "The first paragraph is a sentence with enough words to count.",
            "Caption text of a photo in Tripoli",
            "repeated",
        ),
        # the first copy a prefix of the second (credit appended)
        (
            "Headline about Libya talks here\n\nThe body starts here with a sentence of enough words to count.\n\n"
            "Haftar meets Mitsotakis in Athens, Greece, January 17, 2020.\n"
            "Haftar meets Mitsotakis in Athens, Greece, January 17, 2020.Credit: Costas Baltas/ REUTERS\n\n"
            "The body goes on with another sentence of enough words to count.",
            "Haftar meets Mitsotakis in Athens, Greece, January 17, 2020.",
            "repeated|caption",
        ),
        # the teaser headline above "Read More"
        (
            "Headline about Libya talks here\n\nThe body starts here with a sentence of enough words to count.\n\n"
            "Britain calls on UN Security Council to demand ceasefire in Libya\nRead More »\n\n"
            "The body goes on with another sentence of enough words to count, officials said.",
            "Britain calls on UN Security Council to demand ceasefire in Libya",
            "teaser",
        ),
    ],
)
def test_repeats_and_teasers(raw: str, removed_line: str, reason: str) -> None:
    cleaned = clean_text(raw)
    assert dict(cleaned.removed)[removed_line] in reason.split("|")
    assert removed_line not in cleaned.body.split("\n\n")


def test_masthead_over_a_menu_is_not_the_title() -> None:
    cleaned = clean_text(
        "The Daily Courier\nHome\nPolitics\nEconomy\n\nBashagha leaves Tripoli after clashes\n\n"
        "Published on 17 May 2022 - 14:05\n\nFathi Bashagha left Tripoli on Tuesday, his office said in a statement."
    )
    assert cleaned.title == "Bashagha leaves Tripoli after clashes"
    assert dict(cleaned.removed)["Published on 17 May 2022 - 14:05"] == "dateline"


LEAD = (
    "Egypt and the United Arab Emirates have twice bombed militias fighting for control of Tripoli in the past "
    "week, American officials said, in a sharp escalation of a regional contest over the Libyan capital."
)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        # a headline over the site's menu: it shares the body's words, a masthead does not
        ("Egypt and UAE bombed Libyan militias in secret, say US officials\nSign in\nSubscribe\nThe Times\n\n"
         + LEAD, "Egypt and UAE bombed Libyan militias in secret, say US officials"),
        # a headline that ends with a quotation mark, after a one-word section label
        ("News | Opinion | Sport\nLibya\nEgypt and UAE ‘bombed militias in Tripoli’\n\n" + LEAD,
         "Egypt and UAE ‘bombed militias in Tripoli’"),
        # a breadcrumb with slashes is no headline
        ("Home / Libya / Politics\n\nEgypt and UAE bombed militias in Tripoli\n\n" + LEAD,
         "Egypt and UAE bombed militias in Tripoli"),
    ],
)
def test_headline_is_the_line_about_the_body(raw: str, title: str) -> None:
    assert clean_text(raw).title == title


@pytest.mark.parametrize(
    "header",
    [
        "Middle East Eye\nInternational News 24/7",  # the site's name and its tagline: short lines
        "World | Business | Markets | Politics | Video",  # a navigation bar
        "The Daily Courier - Back to home\nWorld › Africa › Libya",  # a masthead link and a breadcrumb
        "Available for everyone, funded by readers",  # a donation prompt
    ],
)
def test_headline_after_site_header_lines(header: str) -> None:
    cleaned = clean_text(
        f"{header}\n\nRival Libyan factions sign UN deal to form unity government\n\n"
        "Thu 17 Dec 2015 17.52 GMT\n\nDelegates from Libya's rival parliaments signed the agreement in Skhirat on "
        "Thursday, the UN envoy said."
    )
    assert cleaned.title == "Rival Libyan factions sign UN deal to form unity government"
    assert dict(cleaned.removed)["Thu 17 Dec 2015 17.52 GMT"] == "dateline"


@pytest.mark.parametrize(
    "line",
    ["Fri Mar 18, 2011 1:47pm EDT", "Published: 13 November 2018 - 20:15 KSA", "UPDATED: 14 JAN 2020, 15:30",
     "Published date: Wednesday 17:02 BST", "Posted 9 hours ago", "35 minutes ago"],
)
def test_time_stamps_are_datelines(line: str) -> None:
    assert furniture_reason(line) == "dateline"


@pytest.mark.parametrize("line", ["Tripoli, Monday", "Mar 2020 was a hard month for the city", "Ten minutes"])
def test_not_time_stamps(line: str) -> None:
    assert furniture_reason(line) != "dateline"


def test_doubled_headline_keeps_title() -> None:
    cleaned = clean_text(
        "Libya talks stall in Geneva\n\nLibya talks stall in Geneva\n\nThe talks stalled on Monday, "
        "the UN envoy said in a statement."
    )
    assert cleaned.title == "Libya talks stall in Geneva"
    assert cleaned.body == "The talks stalled on Monday, the UN envoy said in a statement."


def test_text_without_full_stops_is_kept() -> None:
    lines = [f"line {i} of a transcript without any full stop at the end" for i in range(10)]
    cleaned = clean_text("\n".join(lines))
    # The first two lines read as headline and standfirst; nothing after them is thrown away as captions.
    assert (cleaned.title, cleaned.standfirst) == (lines[0], lines[1])
    assert cleaned.body.split("\n\n") == lines[2:]


def test_mid_article_newsletter_does_not_end_the_article() -> None:
    raw = (
        "Headline about Libya talks here\n\nFirst paragraph of the article has a sentence of words, he said.\n\n"
        "Stay informed with our newsletters\n\nSign up to get the latest alerts\n\n"
        "A second paragraph after the box is long enough to count as real article text, officials said."
    )
    cleaned = clean_text(raw)
    assert cleaned.body.endswith("officials said.")
    assert ("Stay informed with our newsletters", "subscription") in cleaned.removed


# --- gold-driven ---------------------------------------------------------------------------------------------------


@needs_gold
@pytest.mark.parametrize("gold_path", GOLD_PARAMS, ids=GOLD_IDS)
def test_gold_article_cleaning(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    cleaned = clean_text((ARTICLES / gold["article"]).read_text(encoding="utf-8"))
    body_lines = set(cleaned.body.split("\n"))
    for line in gold.get("boilerplate") or []:
        assert normalise_unicode(line).strip() not in body_lines, f"boilerplate kept: {line!r}"
    needles = [s["quote"] for s in gold.get("statements") or []]
    for key in ("events", "allegations", "support"):
        needles += [item["evidence"] for item in gold.get(key) or []]
    for needle in needles:
        assert normalise_unicode(needle) in cleaned.body, f"lost: {needle!r}"
    assert cleaned.title == gold["title"]
    assert gold["title"] not in body_lines


# --- speed and pathological input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "a" * 1_000_000,
        "Haftar said on Monday, December 11, 2019 that the war in Libya (AFP) would go on. " * 12_000,
        ("Haftar said on Monday that the war would go on.\n" * 20_000),
        ("(" * 500_000) + (")" * 500_000),
        "Credit: " + "x/" * 400_000,
        "May 20, 2020 " * 70_000,
    ],
    ids=["one-letter", "repeated-sentence-line", "repeated-sentence-lines", "brackets", "credit-slashes", "dates"],
)
def test_pathological_input_is_fast(raw: str) -> None:
    t0 = time.perf_counter()
    clean_text(raw)
    # A hang guard against catastrophic backtracking, not a benchmark (speed lives in benchmarks/).
    assert time.perf_counter() - t0 < 15.0


# --- HTML ----------------------------------------------------------------------------------------------------------

PAGE = """<html><head><title>Libya talks stall | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-05-22T10:11:00+02:00">
<script>var leak = "SCRIPT LEAK";</script><style>.leak { color: red }</style></head>
<body><nav><a href="/">Home</a></nav><article><h1>Libya talks stall</h1>
<p>US Secretary of State Mike Pompeo on Friday pressed the Libyan government for a ceasefire and criticized the
flow of weapons as Tripoli pushes back against a year-old rebel offensive.</p>
<script>document.write("INLINE LEAK")</script>
<p>Pompeo placed a phone call to Prime Minister Fayez al-Sarraj to discuss the fighting, the State Department
said in a statement on Friday evening.</p></article><footer>© 2020 Example News</footer></body></html>"""


def test_html_to_document() -> None:
    doc = html_to_document(PAGE, url="https://www.example.com/news/1")
    assert "LEAK" not in doc.text and "color" not in doc.text
    assert "Pompeo placed a phone call" in doc.text
    assert "\n\n" in doc.text
    assert doc.title == "Libya talks stall"
    assert doc.published == "2020-05-22"
    assert doc.outlet == "Example News"
    assert doc.url == "https://www.example.com/news/1"


@pytest.mark.parametrize(
    ("html", "expected_text"),
    [
        ("", ""),
        ("<html><body><script>LEAK()</script><div>Hi there</div><p>Short.</p></body></html>", "Hi there\n\nShort."),
    ],
)
def test_html_fallback(html: str, expected_text: str) -> None:
    assert html_to_document(html).text == expected_text


def test_html_never_guesses_a_date_from_a_copyright_year() -> None:
    page = "<html><body><p>© 2020 Foo</p><p>" + "Libya war news sentence here. " * 30 + "</p></body></html>"
    assert html_to_document(page).published is None


def test_headline_that_opens_the_lead_is_kept_as_title() -> None:
    cleaned = clean_text(
        "Libya talks stall\n\nLibya talks stall in Geneva as both delegations walk out over the agenda, the UN "
        "envoy said on Monday after a week of meetings."
    )
    assert cleaned.title == "Libya talks stall"
    assert cleaned.body.startswith("Libya talks stall in Geneva")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=30))
def test_body_is_made_of_input_lines(lines: list[str]) -> None:
    raw = "\n".join(lines)
    cleaned = clean_text(raw)
    source_lines = {line.strip() for line in normalise_unicode(raw).split("\n")}
    for paragraph in cleaned.body.split("\n\n") if cleaned.body else []:
        assert paragraph in source_lines
    assert all(line in source_lines for line, _ in cleaned.removed)
