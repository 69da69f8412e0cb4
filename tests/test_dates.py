"""loaders.dates: metadata date strings, date expressions in text, resolution against a base, clause dating."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from loaders.dates import coarsen, find_dates, parse_iso_published, resolve_date_near, weekday_base
from loaders.model import FuzzyDate


def fd(text: str | None) -> FuzzyDate | None:
    """'2019-12-11' / '2019-12' / '2019' -> FuzzyDate."""
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return FuzzyDate(dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision)  # type: ignore[arg-type]


WED = fd("2019-12-11")  # a Wednesday
NOV = fd("2019-11")
YEAR = fd("2020")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", "2019"),
        ("2019-12", "2019-12"),
        ("2019-12-11", "2019-12-11"),
        ("2019-12-11T23:30:00+02:00", "2019-12-11"),  # the date as written, not shifted to UTC
        ("2019-12-11T10:00:00Z", "2019-12-11"),
        ("2019-12-11 10:00:00", "2019-12-11"),
        ("Wed, 11 Dec 2019 10:00:00 GMT", "2019-12-11"),
        ("Wed, 11 Dec 2019 10:00:00 +0000", "2019-12-11"),
        ("December 11, 2019", "2019-12-11"),
        ("11 December 2019", "2019-12-11"),
        ("2019-13-01", None),
        ("2019-02-30", None),
        ("not a date", None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_iso_published(value: str, expected: str | None) -> None:
    assert parse_iso_published(value) == fd(expected)


@pytest.mark.parametrize(
    ("text", "base", "surface", "kind", "expected"),
    [
        # explicit dates
        ("It happened on December 11, 2019 in Tripoli.", None, "December 11, 2019", "absolute", "2019-12-11"),
        ("It happened on 11 December 2019 in Tripoli.", None, "11 December 2019", "absolute", "2019-12-11"),
        ("It happened on the 11th of December 2019.", None, "the 11th of December 2019", "absolute", "2019-12-11"),
        ("The date 2019-12-11 was set.", None, "2019-12-11", "absolute", "2019-12-11"),
        # dotted numeric dates are day-first; slashed ones only when one part cannot be a month
        ("Date 19.01.2020", None, "19.01.2020", "absolute", "2020-01-19"),
        ("Posted 05/18/2020 at noon", None, "05/18/2020", "absolute", "2020-05-18"),
        ("He launched an offensive in April 2019 to seize Tripoli.", None, "April 2019", "absolute", "2019-04"),
        ("The regime fell in 2011.", None, "2011", "absolute", "2011"),
        ("since the 2011 uprising", None, "2011", "absolute", "2011"),
        ("in the summer of 2019", None, "summer of 2019", "absolute", "2019"),
        # month/day without a year: the base's year, or the year before when it would be after the base
        ("in a statement on 7 April that", WED, "7 April", "absolute", "2019-04-07"),
        ("calling out the LNA on 5 April.", WED, "5 April", "absolute", "2019-04-05"),
        ("officials met him on November 24 to discuss", WED, "November 24", "absolute", "2019-11-24"),
        ("he said on December 20 that", WED, "December 20", "absolute", "2018-12-20"),
        ("met on November 24 to discuss", NOV, "November 24", "absolute", "2019-11-24"),
        ("met on December 2 to discuss", NOV, "December 2", "absolute", "2018-12-02"),
        ("met on 7 April", None, "7 April", "absolute", None),
        ("said on Wednesday, December 11, that", WED, "Wednesday, December 11", "absolute", "2019-12-11"),
        # a month alone
        ("launching an offensive in April against", WED, "April", "absolute", "2019-04"),
        ("opened an embassy in Syria in March and", YEAR, "March", "absolute", "2020-03"),
        ("signed a pact with Tripoli in November.", fd("2020-05"), "November", "absolute", "2019-11"),
        ("in March", fd("2019-03-20"), "March", "absolute", "2019-03"),
        ("On early April this year, General Haftar", WED, "April this year", "absolute", "2019-04"),
        ("in April last year", WED, "April last year", "absolute", "2018-04"),
        ("in March", None, "March", "absolute", None),
        # relative expressions
        ("told me directly yesterday he", WED, "yesterday", "relative", "2019-12-10"),
        ("yesterday", NOV, "yesterday", "relative", None),
        ("Earlier this month, the Council", WED, "Earlier this month", "relative", "2019-12"),
        ("earlier this month", NOV, "earlier this month", "relative", "2019-11"),
        ("earlier this month", None, "earlier this month", "relative", None),
        ("A report last month by", fd("2020-05"), "last month", "relative", "2020-04"),
        ("called Haftar last year, in the", YEAR, "last year", "relative", "2019"),
        ("called Haftar last year", WED, "last year", "relative", "2018"),
        ("launched a war a year ago to grab", YEAR, "a year ago", "relative", "2019"),
        ("launched a war a year ago to grab", WED, "a year ago", "relative", "2018-12"),
        ("two years ago", fd("2020-05"), "two years ago", "relative", "2018-05"),
        ("3 days ago", WED, "3 days ago", "relative", "2019-12-08"),
        ("Defense One reported last week.", fd("2019-11-27"), "last week", "relative", "2019-11"),
        ("reported last week", fd("2019-12-03"), "last week", "relative", "2019"),  # Nov 25 - Dec 1
        ("U.S. officials quietly met this fall with", NOV, "this fall", "relative", "2019"),
        ("a detention center last summer that", WED, "last summer", "relative", "2019"),
        ("last summer", fd("2019-07-15"), "last summer", "relative", "2018"),
        ("this year", YEAR, "this year", "relative", "2020"),
        # weekdays: the most recent such day on or before the base (the base day itself when they match)
        ("Pompeo also said on Wednesday.", WED, "Wednesday", "weekday", "2019-12-11"),
        ("spoke on Monday and", WED, "Monday", "weekday", "2019-12-09"),
        ("on Thursday", WED, "Thursday", "weekday", "2019-12-05"),
        ("last Wednesday", WED, "last Wednesday", "weekday", "2019-12-04"),
        # "last Tuesday" on a Wednesday is not yesterday but the week before; "last Monday" is two days back
        ("last Tuesday", WED, "last Tuesday", "weekday", "2019-12-03"),
        ("last Monday", WED, "last Monday", "weekday", "2019-12-09"),
        ("next Friday", WED, "next Friday", "weekday", "2019-12-13"),
        ("on Monday", NOV, "Monday", "weekday", None),
        ("on Monday", YEAR, "Monday", "weekday", None),
        ("on Monday", None, "Monday", "weekday", None),
        ("the day before Wednesday, he had", WED, "the day before Wednesday", "weekday", "2019-12-10"),
    ],
)
def test_find_dates(text: str, base: FuzzyDate | None, surface: str, kind: str, expected: str | None) -> None:
    mentions = find_dates(text, base)
    assert [m.surface for m in mentions] == [surface]
    mention = mentions[0]
    assert mention.kind == kind
    assert mention.date == fd(expected)
    assert text[mention.char_start : mention.char_end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "We want to work with the Russians.",  # "We" is not Wednesday
        "Britain may persist with negotiations.",  # the verb, not the month
        "Protesters march on the capital.",
        "Wagner Group has up to 1,200 people deployed.",
        "at least 2,000 pro-Turkish fighters",
        "It sent 2000 fighters to the front.",
        "under Resolution 1973 of the Security Council",
        "Marshal Haftar and the Decision makers",
        "over the past year, the fighting",
        "Posted 05/06/2020 at noon",  # May 6 or June 5: ambiguous, so no date
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, WED) == []


def test_find_dates_in_order_without_overlaps() -> None:
    text = "On Wednesday, December 11, 2019 and in April 2019, after 2014, he spoke on Monday."
    mentions = find_dates(text, WED)
    assert [m.surface for m in mentions] == ["Wednesday, December 11, 2019", "April 2019", "2014", "Monday"]
    assert mentions[0].weekday == 2 and (mentions[0].year, mentions[0].month, mentions[0].day) == (2019, 12, 11)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        ("2019-11-24", "2019-11-24", "2019-11-24"),
        ("2019-11-24", "2019-11-30", "2019-11"),
        ("2019-11-28", "2019-12-04", "2019"),
        ("2019-12-28", "2020-01-03", None),
    ],
)
def test_coarsen(lo: str, hi: str, expected: str | None) -> None:
    assert coarsen(fd(lo).value, fd(hi).value) == fd(expected)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        (
            "The U.S. Secretary of State Mike Pompeo said on Wednesday, December 11, that the United States "
            "was willing to work alongside Russia.",
            WED,
            "2019-12-11",
        ),
        (
            "The United States and Russia both said on Thursday they could not support a resolution, as fighting in "
            "2011 style went on.",
            WED,
            "2019-12-05",
        ),
        ("Haftar opened an embassy in Syria in March and called on Damascus to unite.", YEAR, "2020-03"),
        ("Libya has been gripped by anarchy since Gaddafi was toppled in 2011.", None, "2011"),
        ("Trump and Hafar spoke on Monday.", NOV, None),
        ("No date here at all.", WED, None),
    ],
)
def test_resolve_date_near(sentence: str, base: FuzzyDate | None, expected: str | None) -> None:
    text = "Intro paragraph in 1999.\n\n" + sentence + "\n\nLater paragraph on December 1, 2019."
    start = text.index(sentence)
    assert resolve_date_near(text, start, start + len(sentence), base) == fd(expected)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "The quick brown fox jumps over the lazy dog near Tripoli while officials said nothing. " * 12_000,
        "Haftar said on Monday, December 11, 2019 that the war in Libya would go on, as it did last year. " * 10_000,
    ],
    ids=["one-letter", "prose", "dated-sentence"],
)
def test_find_dates_is_fast_on_a_megabyte(text: str) -> None:
    t0 = time.perf_counter()
    find_dates(text, WED)
    # A hang guard against catastrophic backtracking, not a benchmark (speed lives in benchmarks/).
    assert time.perf_counter() - t0 < 15.0


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        # a month-precise base: the latest full date of that month anchors the week (2019-11-24 was a Sunday)
        ("Officials met Haftar on Sunday. The meeting on November 24 was secret.", NOV, "2019-11-24"),
        ("A Monday press release said officials met Haftar on November 24.", NOV, "2019-11-25"),
        # no full date in the base's month, or a day-precise base: the usual rules
        ("Officials met Haftar on Sunday. The offensive began on April 4.", NOV, None),
        ("Officials met Haftar on Sunday.", WED, "2019-12-08"),
        ("Officials met Haftar on Sunday after the November 24 vote.", YEAR, None),
    ],
)
def test_weekday_anchored_on_a_full_date(text: str, base: FuzzyDate, expected: str | None) -> None:
    weekdays = weekday_base(text, base)
    found = [m for m in find_dates(text, base, weekdays) if m.kind == "weekday"]
    assert found[0].date == fd(expected)
