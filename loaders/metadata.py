"""Article metadata inferred from the text: published date, language, relevance and outlet.

Owns `infer_published`, `detect_language`, `is_relevant`, `outlet_from_url` and `outlet_from_furniture`. The word
lists live in data files (`lexicons/relevance.yaml`, `lexicons/outlets.yaml`); nothing here knows a particular page.
All functions are pure and offline.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from loaders.trie import trie_regex
from loaders.yamlio import parse_yaml

from loaders.clean import furniture_reason
from loaders.dates import MONTHS, WEEKDAYS, DateMention, coarsen, find_dates, safe_date
from loaders.model import FuzzyDate

LEXICONS = Path(__file__).parent / "lexicons"
FurnitureLines = Sequence["str | tuple[str, str]"]

# Furniture that marks the end of an article; with plain-string input, dates after it are not used.
_END_MARKER_REASONS = {"related", "comments", "footer"}
_NEWS_WEEK = re.compile(r"\b(?:yesterday|today|this week|earlier this week|in recent days|overnight)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:(?<=[a-z0-9)][.!?])|(?<=[a-z0-9)][.!?][\"”’']))\s+|\n|[“\"]")
_CONTEXT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOPWORDS = frozenset(
    "the and with for that this from was were has have had his her its their our they them then than who whom which"
    " what when where while also into onto over under about after before said says told on in at of to by an as"
    " be is are been not but or it he she we you".split()
)
_STAMP_ZONE = 15  # furniture lines at the top of a page (masthead, menu, byline, stamp) before the article
_WEEK = dt.timedelta(days=6)  # a weekday named in news lies within the six days before publication


# --- published date -------------------------------------------------------------------------------------------------


def _dating_lines(furniture_lines: FurnitureLines) -> list[str]:
    """Furniture lines whose dates may date the article.

    (line, reason) pairs from `clean_text` drop trailing related-article lists ("tail:" reasons) and teasers exactly;
    with plain strings, everything after the first end-of-article marker (related list, comments, footer) is dropped.
    """
    lines: list[str] = []
    for item in furniture_lines:
        if isinstance(item, tuple):
            line, reason = item
            if reason.startswith("tail:") or reason in ("teaser", "related"):
                continue
        else:
            line = item
            if furniture_reason(line) in _END_MARKER_REASONS:
                break
        lines.append(_UPPER_MONTH.sub(lambda m: m.group().capitalize(), line))  # "14 JAN 2020" stamps
    return lines


_UPPER_MONTH = re.compile(r"\b(?:" + "|".join(sorted((m.upper() for m in MONTHS), key=len, reverse=True)) + r")\b")


_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d))(?![\d/-]|\.\d)"
)
_LEAD_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")


def _numeric_stamp(line: str, body: str) -> dt.date | None:
    """The first all-digit date of a publication stamp. ISO is year-month-day. In "04/05/2023" the order is unknown:
    a number above 12 settles it; otherwise the reading whose weekday the lead paragraph names ("on Thursday"),
    else day-month, the order of most outlets that print dates in digits (American ones spell the month out)."""
    match = _NUMERIC_DATE.search(line)
    if match is None:
        return None
    if match["iy"]:
        return safe_date(int(match["iy"]), int(match["im"]), int(match["id"]))
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    readings = [d for d in (safe_date(year, b, a), safe_date(year, a, b)) if d is not None]
    if len(set(readings)) > 1:
        lead = body.split("\n", 1)[0]
        named = {WEEKDAYS[w.lower()] for w in _LEAD_WEEKDAY.findall(lead)}
        fitting = [d for d in readings if d.weekday() in named]
        if len(fitting) == 1:
            return fitting[0]
    return readings[0] if readings else None


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


def _is_stamp(line: str, mentions: list[DateMention]) -> bool:
    """A date with little else: a label, an outlet, a section ("Forces parade a truck on May 20" is a caption)."""
    rest = line
    for m in sorted(mentions, key=lambda m: m.char_start, reverse=True):
        rest = rest[: m.char_start] + " " + rest[m.char_end :]
    rest = _CLOCK.sub(" ", rest)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    lower = [w for w in words if w.islower()]  # a caption has verbs and common nouns; a stamp, labels and names
    if lower and furniture_reason(line) == "caption":
        return False  # "Khalifa Haftar in Benghazi, June 19, 2019": a photo's date, not the article's
    return (
        len(words) <= 7
        and len(lower) <= 1
        and not re.search(r"[.!?][\"”’']?\s*$", line)
        and not _PHOTO_CREDIT.search(line)
    )


_PHOTO_CREDIT = re.compile(r"\b(?:credit|photo|image|picture|file|getty|afp|reuters|ap photo)\b", re.IGNORECASE)


def _full_dates(mentions: list[DateMention]) -> list[dt.date]:
    return [m.date.value for m in mentions if m.year is not None and m.date is not None and m.date.precision == "day"]


def _left_context(body: str, start: int) -> set[str]:
    """Content words of the clause that leads up to a date mention (back to the sentence or quote start)."""
    window = body[max(0, start - 160) : start]
    cut = 0
    for m in _SENTENCE_START.finditer(window):
        cut = m.end()
    return {w.lower() for w in _CONTEXT_WORD.findall(window[cut:]) if len(w) >= 3 and w.lower() not in _STOPWORDS}


def _same_event(a: set[str], b: set[str]) -> bool:
    """Two clauses restate one event ("officials met with ... Haftar on Sunday" / "... met with ... on November 24")."""
    shared = len(a & b)
    return shared >= 3 and shared >= 0.5 * min(len(a), len(b))


def _year_for_weekday(month: int, day: int, weekday: int, floor: int | None) -> int | None:
    """The earliest year >= floor in which month/day falls on weekday (the calendar repeats within 11 years)."""
    if floor is None:
        return None
    for year in range(floor, floor + 12):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class _Anchor:
    date: dt.date
    in_lead: bool  # an explicit "Weekday, Month D" in the first paragraph


def _weekday_anchor(body: str, mentions: list[DateMention], floor: int | None) -> _Anchor | None:
    lead_end = body.find("\n\n")
    lead_end = len(body) if lead_end < 0 else lead_end
    triples: list[_Anchor] = []
    for m in mentions:
        if m.weekday is None or m.month is None or m.day is None:
            continue
        year = m.year if m.year is not None else _year_for_weekday(m.month, m.day, m.weekday, floor)
        if year is None:
            continue
        try:
            date = dt.date(year, m.month, m.day)
        except ValueError:
            continue
        if date.weekday() == m.weekday:
            triples.append(_Anchor(date, m.char_start < lead_end))
    if triples:
        return next((a for a in triples if a.in_lead), triples[0])
    # A weekday in one clause and a yearless month/day in a clause that restates the same event.
    weekdays = [m for m in mentions if m.kind == "weekday" and m.month is None]
    month_days = [m for m in mentions if m.weekday is None and m.year is None and m.day is not None]
    for w in weekdays:
        w_context = _left_context(body, w.char_start)
        for d in month_days:
            if _same_event(w_context, _left_context(body, d.char_start)):
                year = _year_for_weekday(d.month, d.day, w.weekday, floor)  # type: ignore[arg-type]
                if year is not None:
                    return _Anchor(dt.date(year, d.month, d.day), False)  # type: ignore[arg-type]
    return None


def infer_published(body: str, furniture_lines: FurnitureLines) -> tuple[FuzzyDate | None, str]:
    """The article's own date as far as its text fixes it; returns (date or None, "inferred").

    `furniture_lines` are the removed lines in document order, preferably as `clean_text`'s (line, reason) pairs
    so trailing related-article lists are excluded exactly. Rules, first match wins:
    1. A publication stamp among the furniture ("Published: 11 December 2019", a lone date line): that day; also a
       short line near the top that is a date with labels and names only ("Source: Xinhua| 2021-06-04 22:16",
       "Tuesday August 26 2014, 12.01am BST, The Times"), never a caption with words of its own.
    2. A weekday tied to a month/day ("said on Wednesday, December 11", or "met ... on Sunday" restated as
       "met ... on November 24") fixes the year by the calendar: the earliest year, at or after the latest year the
       text mentions, in which that date falls on that weekday. A weekday in news lies within the six days before
       publication, so publication is in [anchor, anchor + 6 days], reported at the finest precision that whole
       window shares (so "month" when the week stays in one month). When that tie is stated in the first paragraph
       and it is the only weekday the article names, the article reports that day's news: day precision.
    3. Photo captions dated with a year (captions are taken on or just before publication; teasers and trailing
       lists excluded): the latest caption date C. If it is the only caption date and the body speaks in days of the
       current week (weekday names, "yesterday", "today"), publication is in [C, C + 6 days] at the precision that
       window shares; otherwise (file photos of several dates, or no news-week wording) only C's year.
    Otherwise None: explicit dates in the body only bound the publication from below and are never used alone.
    """
    lines = _dating_lines(furniture_lines)
    line_mentions = [find_dates(line, None) for line in lines]

    for line, mentions in zip(lines, line_mentions, strict=True):
        if furniture_reason(line) in ("dateline", "byline"):  # "By Libya Review - August 27, 2024"
            days = _full_dates(mentions)
            if days:
                return FuzzyDate(days[0], "day"), "inferred"
            numeric = _numeric_stamp(line, body)  # "Published on 04/05/2023 - 19:12", "2020-06-09T14:02"
            if numeric is not None:
                return FuzzyDate(numeric, "day"), "inferred"

    # 1b. A short stamp line near the top that the furniture classes otherwise ("Source: Xinhua| 2021-06-04 22:16",
    # "Tuesday August 26 2014, 12.01am BST, The Times", "Commentary / Middle East 19 June 2025"): that day.
    for line, mentions in list(zip(lines, line_mentions, strict=True))[:_STAMP_ZONE]:
        days = _full_dates(mentions)
        if days and _is_stamp(line, mentions):
            return FuzzyDate(days[0], "day"), "inferred"

    mentions = find_dates(body, None)
    years = [m.year for m in mentions if m.year is not None]
    years += [m.year for ms in line_mentions for m in ms if m.year is not None]
    floor = max(years) if years else None
    body_days = _full_dates(mentions)
    anchor = _weekday_anchor(body, mentions, floor)
    if anchor is not None:
        named = {m.weekday for m in mentions if m.weekday is not None}
        if anchor.in_lead and named == {anchor.date.weekday()}:
            return FuzzyDate(anchor.date, "day"), "inferred"
        lo = max([anchor.date, *body_days])
        hi = anchor.date + _WEEK
        return (coarsen(lo, hi) if lo <= hi else None), "inferred"

    caption_days = {d for ms in line_mentions for d in _full_dates(ms)}
    if not caption_days:
        return None, "inferred"
    latest = max(caption_days)
    if body_days and max(body_days) > latest + _WEEK:
        return None, "inferred"  # the caption is older than the news: it dates nothing
    window = coarsen(max([latest, *body_days]), latest + _WEEK)
    news_week = any(m.kind == "weekday" for m in mentions) or bool(_NEWS_WEEK.search(body))
    if window is not None and not (len(caption_days) == 1 and news_week) and window.precision != "year":
        window = FuzzyDate(dt.date(window.value.year, 1, 1), "year")
    return window, "inferred"


# --- language and relevance -----------------------------------------------------------------------------------------


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in that is was for on with as by at from it its his her their has have had be been were are "
    "which who this an not but or will would said after also".split()
)


def detect_language(text: str) -> str:
    """ISO 639-1 code from langdetect (deterministic seed), or 'und' for empty / too short text."""
    sample = (text or "").strip()[:5000]
    words = re.findall(r"\w{2,}", sample)
    if len(words) < 4 or len(sample) < 20:
        return "und"
    # Fast path: running English prose is ~25-40% function words; other languages (even with English names)
    # fall far below. Ambiguous text still goes to langdetect.
    if len(words) >= 40:
        share = sum(1 for w in words[:400] if w.lower() in _ENGLISH_FUNCTION_WORDS) / min(len(words), 400)
        if share >= 0.2:
            return "en"
    sample = sample[:2000]
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(sample)
    except LangDetectException:
        return "und"


@dataclass(frozen=True, slots=True)
class _RelevanceLexicon:
    libya: re.Pattern[str]
    acronyms: re.Pattern[str] | None
    conflict: re.Pattern[str]
    minimum_hits: int
    minimum_density: float
    always_relevant_hits: int
    minimum_conflict_hits: int


def _alternation(terms: list[str]) -> str:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if term.endswith("*"):
            parts.append(re.escape(term[:-1]) + r"\w*")
        else:
            parts.append(re.escape(term))
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


@functools.cache
def _relevance_lexicon() -> _RelevanceLexicon:
    data = parse_yaml((LEXICONS / "relevance.yaml").read_text(encoding="utf-8"))
    acronyms = data.get("libya_acronyms") or []
    return _RelevanceLexicon(
        libya=re.compile(_alternation(data["libya_terms"]), re.IGNORECASE),
        acronyms=re.compile(_alternation(acronyms)) if acronyms else None,
        conflict=re.compile(_alternation(data["conflict_terms"]), re.IGNORECASE),
        minimum_hits=int(data["minimum_hits"]),
        minimum_density=float(data["minimum_density"]),
        always_relevant_hits=int(data["always_relevant_hits"]),
        minimum_conflict_hits=int(data["minimum_conflict_hits"]),
    )


def is_relevant(body: str, language: str) -> bool:
    """English and about Libya's conflict: enough Libyan place/actor mentions, dense enough, plus conflict words."""
    if not body or not language.lower().startswith("en"):
        return False
    lex = _relevance_lexicon()
    hits = len(lex.libya.findall(body)) + (len(lex.acronyms.findall(body)) if lex.acronyms else 0)
    if hits < lex.minimum_hits:
        return False
    words = max(1, len(body.split()))
    if hits < lex.always_relevant_hits and hits * 1000 / words < lex.minimum_density:
        return False
    return len(lex.conflict.findall(body)) >= lex.minimum_conflict_hits


# --- outlet ----------------------------------------------------------------------------------------------------------


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of a URL ('https://www.middleeasteye.net/x' -> 'middleeasteye.net'), or None."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if "://" not in url:
        url = "http://" + url.lstrip("/")
    from tld import get_fld

    domain = get_fld(url, fail_silently=True)
    if domain:
        return domain.lower()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE).split("/")[0].split("@")[-1]
    host = host.split(":")[0].lower().removeprefix("www.")
    return host or None


@dataclass(frozen=True, slots=True)
class _Outlet:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    body_patterns: tuple[re.Pattern[str], ...]


@functools.cache
def _outlets() -> tuple[_Outlet, ...]:
    data = parse_yaml((LEXICONS / "outlets.yaml").read_text(encoding="utf-8"))
    outlets = []
    for entry in data["outlets"]:
        names = [entry["name"], *(entry.get("short") or [])]
        alt = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
        patterns = [
            rf"^(?:the )?{alt}\s+logo$",
            rf"\b{alt}['’]s? (?:newsletters?|app|podcasts?)\b",
            rf"^{alt} (?:delivers|is an? |was founded|is published|publishes)",
            rf"(?:©|\bcopyright\b)\s?(?:©\s?)?(?:[0-9]{{4}}(?:[-–][0-9]{{4}})?\s?)?(?:the\s)?{alt}\b",
            rf"\bmore about {alt}\b",
            rf"\b(?:subscribe to|sign up (?:for|to)|download the|follow) {alt}\b",
            *(re.escape(sig) for sig in entry.get("signatures") or []),
        ]
        if not entry.get("agency"):
            patterns.append(rf"^(?:the )?{alt}$")
        body_patterns = [rf"(?:©|\bcopyright\b)\s?(?:[0-9]{{4}}\s?)?(?:the\s)?{alt}\b"]
        outlets.append(
            _Outlet(
                entry["name"],
                tuple(re.compile(p) for p in patterns),
                tuple(re.compile(p, re.IGNORECASE) for p in body_patterns),
            )
        )
    return tuple(outlets)


@functools.cache
def _any_outlet_line() -> re.Pattern[str]:
    """Every outlet line pattern names an outlet or a signature: a trie of those literals is the cheap first test
    (most furniture lines name no outlet and stop here)."""
    data = parse_yaml((LEXICONS / "outlets.yaml").read_text(encoding="utf-8"))
    literals = {n for entry in data["outlets"] for n in [entry["name"], *(entry.get("short") or [])]}
    literals |= {sig for entry in data["outlets"] for sig in entry.get("signatures") or []}
    return re.compile(trie_regex(sorted(literals)))


def outlet_from_furniture(removed_lines: FurnitureLines, body: str) -> str | None:
    """The outlet a page names as itself in its furniture ("Pulse logo", "MEE's newsletters", "© 2020 X"),
    per `lexicons/outlets.yaml`; the body counts only for copyright lines. Photo/wire credits never count."""
    scores: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    lines = [item[0] if isinstance(item, tuple) else item for item in removed_lines]
    prefilter = _any_outlet_line()
    for index, line in enumerate(lines):
        line = line.strip()
        if not prefilter.search(line):
            continue
        for outlet in _outlets():
            if any(p.search(line) for p in outlet.patterns):
                scores[outlet.name] = scores.get(outlet.name, 0) + 1
                first_seen.setdefault(outlet.name, index)
    if not scores and body and ("©" in body or "opyright" in body):
        for outlet in _outlets():
            if any(p.search(body) for p in outlet.body_patterns):
                return outlet.name
    if not scores:
        return None
    return max(scores, key=lambda name: (scores[name], -first_seen[name]))
