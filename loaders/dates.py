"""Date expressions in article text, resolved against a base date (normally the article's published date).

Owns: parsing metadata date strings (`parse_iso_published`), finding date mentions in running text (`find_dates`)
and picking the date of a clause (`resolve_date_near`).

Everything is hand-written regexes plus calendar arithmetic: `dateparser.search_dates` reads "We" as Wednesday and
resolves a weekday equal to the base day to the previous week, so it is never run on sentences.

Resolution rules (news reports the past):
- a month/day or a month without a year takes the base's year, moved back one year when it would fall after the
  base (compared at the base's precision: with a base of 2019-11, "November 24" stays in 2019);
- day-level expressions (weekdays, "yesterday", "3 days ago", "the day before Wednesday") need a day-precise base;
  a bare weekday is the most recent such weekday on or before the base (the base day itself when they match);
  with a month-precise base, weekdays alone resolve around the text's latest full date in that month (if any);
- coarser relative expressions ("last week", "earlier this month", "last summer", "a year ago") are computed for
  both ends of the base's interval and reported at the finest precision both ends agree on;
- with no base, only dates that state their year resolve.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import email.utils
import functools
import re
from dataclasses import dataclass
from typing import Literal

from loaders.model import FuzzyDate

MentionKind = Literal["absolute", "relative", "weekday"]


@dataclass(slots=True)
class DateMention:
    """A date expression in a text. Treat as read-only: find_dates shares instances between calls (cached)."""

    char_start: int
    char_end: int
    surface: str
    date: FuzzyDate | None
    kind: MentionKind
    # What the expression states literally (None = not stated); metadata inference reasons on these.
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Month names are matched capitalised only, so the verbs "may" and "march" never count.
# One flat alternation (so the regex engine can skip ahead to a capital letter); abbreviations take a full stop only
# before a number ("Jan. 5").
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\b|\.(?=\s?[0-9]))"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])"

# "11 December 2019", "11th of December"; "December 11, 2019", "May 20 2020". Both start at a digit or a capital
# (fast to scan for); a weekday and "the" in front are picked up by _PREFIX on the few characters before.
_DAY_MONTH = re.compile(rf"(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m>{_MONTH})(?:,?\s(?P<y>{_YEAR}))?")
_MONTH_DAY = re.compile(rf"(?P<m>{_MONTH})\s(?P<d>{_DAY})(?!,[0-9])(?:,?\s(?P<y>{_YEAR}))?")
_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s)?(?P<the>(?<![A-Za-z])the\s)?$"
)
_MONTH_YEAR = re.compile(rf"(?P<m>{_MONTH}),?\s(?:of\s)?(?P<y>{_YEAR})")
# A month alone only after a word that makes it a date ("in March", "since April", "last May").
# A month alone only after a word that makes it a date ("in March", "since April", "last May"). Patterns that
# need a word before the date match the date word, then look back at the few characters before it: scanning for
# a capitalised month name is fast, scanning every position for a list of prepositions is not.
_MONTH_ALONE = re.compile(rf"(?P<m>{_MONTH})(?:\s(?P<rel>this|last|next)\syear\b)?")
_MONTH_ALONE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]o|[Dd]uring|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Oo]f"
    r"|[Ll]ast|[Nn]ext|[Tt]his|[Bb]efore|[Aa]fter|[Tt]ill)\s(?:early\s|late\s|mid-?)?$"
)
_ISO = re.compile(r"(?P<y>(?:1[89]|20)[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])")
# "18.05.2020": dotted numeric dates are day-first wherever they are written that way (Europe, Turkey, the Arab
# world); slashed ones ("05/18/2020") are ambiguous and left alone unless one part exceeds 12.
_DOTTED = re.compile(r"(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_SLASHED = re.compile(r"(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_BARE_YEAR = re.compile(rf"(?P<y>{_YEAR})(?!s\b|[,.][0-9]|-[0-9]{{2}}\b)")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|by|from|to|during|through|early|late|mid|of|the|and|or|between|before|after|around"
    r"|circa|year|summer|spring|autumn|fall|winter|end|start|beginning)|[(,])\s*$",
    re.IGNORECASE,
)
# Numbers that look like years but are labels: "Resolution 1973", "flight 2019".
_NOT_YEAR_BEFORE = re.compile(r"\b(?:resolution|no\.?|number|article|flight|route|room|item|#)\s*$", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_SEASON_YEAR = re.compile(rf"(?P<s>spring|summer|fall|autumn|winter)\s(?:of\s)?(?P<y>{_YEAR})")

_WEEKDAY_REF = re.compile(rf"(?P<wd>{_WEEKDAY})")
_WEEKDAY_BEFORE = re.compile(r"(?<![A-Za-z])(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s$")
_DAY_WORD = re.compile(r"(?P<w>yesterday|today|tonight|tomorrow)\b")
_THIS_UNIT = re.compile(r"(?P<rel>this|last|next)\s(?P<unit>week|month|year)\b")
_THIS_UNIT_BEFORE = re.compile(r"(?<![a-z])(?P<mod>earlier|later)\s$")
_AGO = re.compile(r"(?P<unit>day|week|month|year)s?\sago\b")
_AGO_BEFORE = re.compile(
    r"(?<![a-z0-9])(?P<n>[0-9]{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s$"
)
_SEASON_REF = re.compile(r"(?P<s>spring|summer|fall|autumn|winter)\b")
_SEASON_BEFORE = re.compile(r"(?<![a-z])(?P<rel>this|last|next|the past)\s$")
# The lower-case patterns above run on a lower-cased copy of the text (case-insensitive regexes scan far slower);
# a substring gate skips each one when its key word is absent.
_LOWER_PATTERNS = {
    "day_word": (_DAY_WORD, ("yesterday", "today", "tonight", "tomorrow")),
    "this_unit": (_THIS_UNIT, ("this ", "last ", "next ")),
    "ago": (_AGO, (" ago",)),
    "season": (_SEASON_REF, ("spring", "summer", "fall", "autumn", "winter")),
    "season_year": (_SEASON_YEAR, ("spring", "summer", "fall", "autumn", "winter")),
}
_DAY_BEFORE = re.compile(r"\bthe\sday\s(?P<dir>before|after)\s$", re.IGNORECASE)

_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|stated|added|announced|reported|noted|insisted|warned|declared|wrote|urged"
    r"|according to|confirmed|denied|claimed|explained)\b"
)


# --- calendar helpers -------------------------------------------------------------------------------------------


def _interval(base: FuzzyDate) -> tuple[dt.date, dt.date]:
    v = base.value
    if base.precision == "day":
        return v, v
    if base.precision == "month":
        return v.replace(day=1), v.replace(day=calendar.monthrange(v.year, v.month)[1])
    return dt.date(v.year, 1, 1), dt.date(v.year, 12, 31)


def coarsen(lo: dt.date, hi: dt.date) -> FuzzyDate | None:
    """The finest FuzzyDate that contains the whole interval [lo, hi], or None when it spans years."""
    if lo == hi:
        return FuzzyDate(lo, "day")
    if (lo.year, lo.month) == (hi.year, hi.month):
        return FuzzyDate(lo.replace(day=1), "month")
    if lo.year == hi.year:
        return FuzzyDate(dt.date(lo.year, 1, 1), "year")
    return None


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int | None, base: FuzzyDate) -> int:
    """The base's year, or the one before when month/day would lie after the base at the base's precision."""
    year = base.value.year
    if base.precision == "day":
        candidate = safe_date(year, month, day or 1)
        if candidate is not None and candidate > base.value:
            return year - 1
    elif base.precision == "month" and month > base.value.month:
        return year - 1
    return year


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day_number(text: str) -> int:
    return int(re.match(r"[0-9]+", text).group())  # type: ignore[union-attr]


# --- resolution of each expression type ---------------------------------------------------------------------------


def _absolute(year: int | None, month: int, day: int | None, base: FuzzyDate | None) -> FuzzyDate | None:
    if year is None:
        if base is None:
            return None
        year = _year_for(month, day, base)
    if day is None:
        return FuzzyDate(dt.date(year, month, 1), "month")
    date = safe_date(year, month, day)
    return FuzzyDate(date, "day") if date else None


def _weekday_date(weekday: int, modifier: str | None, base: FuzzyDate | None) -> FuzzyDate | None:
    if base is None or base.precision != "day":
        return None
    b = base.value
    if modifier == "next":
        return FuzzyDate(b + dt.timedelta(days=(weekday - b.weekday()) % 7 or 7), "day")
    back = (b.weekday() - weekday) % 7
    if modifier == "last" and back <= 1:
        back += 7  # (yesterday is "on Thursday" or "yesterday"; "last Thursday" on a Friday is the week before)
    return FuzzyDate(b - dt.timedelta(days=back), "day")


def weekday_base(text: str, base: FuzzyDate | None) -> FuzzyDate | None:
    """The day that weekdays in `text` (a whole article) count back from: the base itself, or, with a month-precise
    base, a day anchored on the text's latest full date in that month: a weekday then resolves to the one nearest
    that date (within three days either side), so "met on Sunday" next to "met on November 24" is 24 November and
    "a Monday press release" the day after. None when there is no such anchor."""
    if base is None or base.precision != "month":
        return base
    lo, hi = _interval(base)
    anchors = [
        m.date.value for m in _find_dates_cached(text, base, None)
        if m.kind == "absolute" and m.date is not None and m.date.precision == "day" and lo <= m.date.value <= hi
    ]
    if not anchors:
        return None
    return FuzzyDate(min(max(anchors) + dt.timedelta(days=3), hi), "day")


def _over_base(base: FuzzyDate | None, fn) -> FuzzyDate | None:
    """Apply an interval-valued function to both ends of the base interval and coarsen the union."""
    if base is None:
        return None
    lo, hi = _interval(base)
    a, b = fn(lo), fn(hi)
    if a is None or b is None:
        return None
    return coarsen(min(a[0], b[0]), max(a[1], b[1]))


def _unit_interval(day: dt.date, rel: str, unit: str) -> tuple[dt.date, dt.date] | None:
    offset = {"this": 0, "last": -1, "next": 1}[rel]
    if unit == "year":
        return dt.date(day.year + offset, 1, 1), dt.date(day.year + offset, 12, 31)
    if unit == "month":
        return _month_bounds(*_add_months(day.year, day.month, offset))
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    end = monday + dt.timedelta(days=6)
    if offset == 0:
        end = day  # "this week" in a news report means the days up to now
    return monday, end


def _ago_interval(day: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "day":
        d = day - dt.timedelta(days=n)
        return d, d
    if unit == "week":
        d = day - dt.timedelta(weeks=n)
        return d - dt.timedelta(days=3), d + dt.timedelta(days=3)
    months = n if unit == "month" else 12 * n
    return _month_bounds(*_add_months(day.year, day.month, -months))


def _season_interval(year: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASONS[season]
    if first > last:  # winter: December of `year` to February of the next year
        return dt.date(year, 12, 1), _month_bounds(year + 1, last)[1]
    return dt.date(year, first, 1), _month_bounds(year, last)[1]


def _season_occurrence(day: dt.date, rel: str, season: str) -> tuple[dt.date, dt.date]:
    """'this summer' = the one in the base's year; 'last summer' = the most recent one already over."""
    if rel == "this":
        year = day.year - 1 if season == "winter" and day.month <= 2 else day.year
        return _season_interval(year, season)
    if rel == "next":
        year = day.year
        while _season_interval(year, season)[0] <= day:
            year += 1
        return _season_interval(year, season)
    year = day.year
    while _season_interval(year, season)[1] >= day:
        year -= 1
    return _season_interval(year, season)


# --- finding -------------------------------------------------------------------------------------------------------

# Patterns start with their first literal (the engine then skips ahead fast); the word boundary before a match is
# checked here instead of with a leading \b.
_NOT_BEFORE_YEAR = set("0123456789,.$€£#/-")


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _candidates(text: str, base: FuzzyDate | None, weekday_base: FuzzyDate | None) -> list[DateMention]:
    found: list[DateMention] = []

    def add(start, end, date, kind, year=None, month=None, day=None, weekday=None):
        found.append(DateMention(start, end, text[start:end], date, kind, year, month, day, weekday))

    # Full dates first; cheaper, shorter patterns skip positions a full date already covers.
    covered = bytearray(len(text))

    def cover(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)

    for rx in (_DAY_MONTH, _MONTH_DAY):
        for m in rx.finditer(text):
            if rx is _DAY_MONTH and m.start() > 0 and text[m.start() - 1].isdigit():
                continue  # "2020 May" is not "20 May"
            month, day = _month_number(m["m"]), _day_number(m["d"])
            year = int(m["y"]) if m["y"] else None
            if safe_date(year or 2000, month, day) is None:
                continue
            start = m.start()
            prefix = _PREFIX.search(text, max(0, start - 12), start)
            weekday = None
            if prefix is not None and prefix.start() < start:
                if rx is _MONTH_DAY and prefix["the"]:
                    prefix = None  # "the December 11" is not a form
                else:
                    start = prefix.start()
                    weekday = WEEKDAYS[prefix["wd"].lower()] if prefix["wd"] else None
            add(start, m.end(), _absolute(year, month, day, base), "absolute", year, month, day, weekday)
            cover(start, m.end())
    for m in _ISO.finditer(text):
        if not _word_start(text, m.start()):
            continue
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if safe_date(year, month, day):
            add(m.start(), m.end(), FuzzyDate(dt.date(year, month, day), "day"), "absolute", year, month, day)
    for m in _DOTTED.finditer(text):
        if not _word_start(text, m.start()) or covered[m.start()]:
            continue
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if safe_date(year, month, day):
            add(m.start(), m.end(), FuzzyDate(dt.date(year, month, day), "day"), "absolute", year, month, day)
            cover(m.start(), m.end())
    for m in _SLASHED.finditer(text):
        if not _word_start(text, m.start()) or covered[m.start()]:
            continue
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        if (a > 12) == (b > 12):
            continue  # both could be the month (or neither): ambiguous
        day, month = (a, b) if a > 12 else (b, a)
        if safe_date(year, month, day):
            add(m.start(), m.end(), FuzzyDate(dt.date(year, month, day), "day"), "absolute", year, month, day)
            cover(m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        if covered[m.start()]:
            continue
        year, month = int(m["y"]), _month_number(m["m"])
        add(m.start(), m.end(), FuzzyDate(dt.date(year, month, 1), "month"), "absolute", year, month)
        cover(m.start(), m.end())
    for m in _MONTH_ALONE.finditer(text):
        if covered[m.start()] or not _MONTH_ALONE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        month = _month_number(m["m"])
        if m["rel"] and base is not None:
            year = base.value.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
            date: FuzzyDate | None = FuzzyDate(dt.date(year, month, 1), "month")
        else:
            date = _absolute(None, month, None, base)
        add(m.start(), m.end(), date, "absolute", None, month)
    for m in _BARE_YEAR.finditer(text):
        if covered[m.start()] or not _word_start(text, m.start()):
            continue
        if m.start() > 0 and text[m.start() - 1] in _NOT_BEFORE_YEAR:
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        if _NOT_YEAR_BEFORE.search(before):
            continue
        if _PLURAL_AFTER.match(text, m.end()) and not _YEAR_CONTEXT_BEFORE.search(before):
            continue  # "2000 fighters"
        year = int(m["y"])
        add(m.start(), m.end(), FuzzyDate(dt.date(year, 1, 1), "year"), "absolute", year)
    for m in _WEEKDAY_REF.finditer(text):
        if covered[m.start()]:
            continue
        weekday = WEEKDAYS[m["wd"].lower()]
        before = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 5), m.start())
        modifier = before["mod"].lower() if before else None
        start = before.start() if before else m.start()
        add(start, m.end(), _weekday_date(weekday, modifier, weekday_base), "weekday", weekday=weekday)
    low = text.lower()
    if len(low) != len(text):  # rare characters whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)

    def lower_matches(key: str):
        rx, gates = _LOWER_PATTERNS[key]
        return rx.finditer(low) if any(g in low for g in gates) else ()

    for m in lower_matches("season_year"):
        if not _word_start(low, m.start()):
            continue
        year = int(m["y"])
        lo, hi = _season_interval(year, m["s"])
        add(m.start(), m.end(), coarsen(lo, hi), "absolute", year)
    for m in lower_matches("day_word"):
        if not _word_start(low, m.start()):
            continue
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["w"].lower()]
        date = None
        if base is not None and base.precision == "day":
            date = FuzzyDate(base.value + dt.timedelta(days=shift), "day")
        add(m.start(), m.end(), date, "relative")
    for m in lower_matches("this_unit"):
        if not _word_start(low, m.start()):
            continue
        rel, unit = m["rel"], m["unit"]
        before = _THIS_UNIT_BEFORE.search(low, max(0, m.start() - 8), m.start())
        start = before.start() if before else m.start()
        add(start, m.end(), _over_base(base, lambda d, r=rel, u=unit: _unit_interval(d, r, u)), "relative")
    for m in lower_matches("ago"):
        before = _AGO_BEFORE.search(low, max(0, m.start() - 7), m.start())
        if before is None:
            continue
        word, unit = before["n"], m["unit"]
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        if unit == "day":
            date = None
            if base is not None and base.precision == "day":
                date = FuzzyDate(base.value - dt.timedelta(days=n), "day")
        else:
            date = _over_base(base, lambda d, n=n, u=unit: _ago_interval(d, n, u))
        add(before.start(), m.end(), date, "relative")
    for m in lower_matches("season"):
        before = _SEASON_BEFORE.search(low, max(0, m.start() - 9), m.start())
        if before is None:
            continue
        rel, season = before["rel"], m["s"]
        rel = "last" if rel == "the past" else rel
        date = _over_base(base, lambda d, r=rel, s=season: _season_occurrence(d, r, s))
        add(before.start(), m.end(), date, "relative")
    return found


def _select(candidates: list[DateMention]) -> list[DateMention]:
    """Longest match wins; no two mentions overlap. Chosen spans stay sorted, so each check is a bisection."""
    starts: list[int] = []
    chosen: list[DateMention] = []
    for cand in sorted(candidates, key=lambda c: (c.char_start - c.char_end, c.char_start)):
        i = bisect.bisect_right(starts, cand.char_start)
        if i > 0 and chosen[i - 1].char_end > cand.char_start:
            continue
        if i < len(chosen) and chosen[i].char_start < cand.char_end:
            continue
        starts.insert(i, cand.char_start)
        chosen.insert(i, cand)
    return chosen


def _day_before_after(text: str, mention: DateMention) -> DateMention:
    """'the day before Wednesday' is the weekday's date shifted by one day."""
    m = _DAY_BEFORE.search(text, max(0, mention.char_start - 20), mention.char_start)
    if not m or mention.month is not None and mention.day is None:
        return mention
    date = mention.date
    if date is not None and date.precision == "day":
        shift = -1 if m["dir"].lower() == "before" else 1
        date = FuzzyDate(date.value + dt.timedelta(days=shift), "day")
    elif date is not None:
        date = None
    return DateMention(
        m.start(),
        mention.char_end,
        text[m.start() : mention.char_end],
        date,
        mention.kind,
        mention.year,
        mention.month,
        mention.day,
        mention.weekday,
    )


@functools.lru_cache(maxsize=64)
def _find_dates_cached(text: str, base: FuzzyDate | None, weekdays: FuzzyDate | None) -> tuple[DateMention, ...]:
    return tuple(_day_before_after(text, m) for m in _select(_candidates(text, base, weekdays)))


def find_dates(text: str, base: FuzzyDate | None, weekdays: FuzzyDate | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against `base` where the rules allow (else date=None);
    weekdays count back from `weekdays` when given (see `weekday_base`), else from `base`."""
    return list(_find_dates_cached(text, base, weekdays or base))


def resolve_date_near(
    text: str, start: int, end: int, base: FuzzyDate | None, weekdays: FuzzyDate | None = None
) -> FuzzyDate | None:
    """The date of the clause text[start:end]: the resolved date expression closest to its reporting verb
    ("said", "told", ...), or the first resolved one when the clause has no reporting verb; None if there is none."""
    found = _find_dates_cached(text, base, weekdays or base)
    inside = [m for m in found if m.char_start >= start and m.char_end <= end]
    resolved = [m for m in inside if m.date is not None]
    if not resolved:
        return None
    verb = _REPORTING.search(text, start, end)
    if verb is None:
        return resolved[0].date

    def distance(m: DateMention) -> int:
        if m.char_end <= verb.start():
            return verb.start() - m.char_end
        return max(0, m.char_start - verb.end())

    return min(resolved, key=lambda m: (distance(m), m.char_start)).date


# --- metadata strings ----------------------------------------------------------------------------------------------

_META_ISO = re.compile(r"^\s*(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?:[T ].*)?\s*$")
_META_COMPACT = re.compile(r"^\s*(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})(?:T.*)?\s*$")


def parse_iso_published(value: str) -> FuzzyDate | None:
    """A metadata date string as a FuzzyDate: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', ISO timestamps (the date as written,
    not converted to UTC), RFC 2822 ('Wed, 11 Dec 2019 10:00:00 GMT') or a plain 'December 11, 2019'."""
    if not value or not value.strip():
        return None
    m = _META_ISO.match(value) or _META_COMPACT.match(value)
    if m:
        year = int(m["y"])
        if not 1800 <= year <= 2100:
            return None
        if m["m"] is None:
            return FuzzyDate(dt.date(year, 1, 1), "year")
        month = int(m["m"])
        if not 1 <= month <= 12:
            return None
        if m["d"] is None:
            return FuzzyDate(dt.date(year, month, 1), "month")
        date = safe_date(year, month, int(m["d"]))
        return FuzzyDate(date, "day") if date else None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return FuzzyDate(parsed.date(), "day")
    for mention in find_dates(value, None):
        if mention.kind == "absolute" and mention.year is not None and mention.date is not None:
            return mention.date
    return None
