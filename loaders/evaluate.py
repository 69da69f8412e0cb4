"""Evaluation against hand-annotated gold files: precision, recall and F1 per output table (`lcdb evaluate GOLD_DIR`).

Gold files are YAML, one per article, in the format of `FORMAT.md` next to them. Predictions come either from the
database (`predictions_from_db`, reading the documented `reporting.*` views) or straight from the extraction pipeline
without a database (`predictions_from_pipeline`). `score()` compares them and `format_text()` / `to_json()` report.

Matching rules
--------------
- Names are compared with `normalise_key` (case, accents, apostrophes, dots and hyphens folded: "U.N." == "UN",
  "al-Sarraj" == "al Sarraj"). A predicted name matches a gold name if the keys are equal, or if the predicted name
  equals one of the `also` forms the gold file lists for that actor in the same article, or if the gold canonical
  name equals one of the predicted actor's known aliases (its gazetteer entry's, whether or not the article
  mentions it by name).
- Quotes and evidence strings are compared after folding curly quotes, dashes, whitespace runs and case.
- Gold quotes and evidence are located in the article body (the cleaned body the predicted offsets refer to) with
  `str.find` (every occurrence; curly/straight quotes and dashes folded one-for-one so offsets are kept).
- actors: per article, the gold actors against the distinct predicted actor names (from actor mentions);
  one-to-one (a gold actor is matched at most once, so a second predicted name for it is a false hit).
- statements: a pair matches when the quotes overlap AND the speakers match.
  Quotes overlap when the gold quote is a substring of the predicted quote_text, or the predicted quote_text is a
  substring of the gold quote covering >= 50% of it, or (fallback, when neither text contains the other, e.g. the
  texts differ after cleaning) their located spans in the body overlap by >= 50% of the shorter span.
  Speakers match by name (rule above) for named speakers; a gold `anonymous: true` speaker matches a predicted
  anonymous statement whose description shares a content word with the gold one ("senior UN diplomat" ~
  "diplomats": stop words dropped, plural -s folded). Named and anonymous never match each other.
- statement_quotes: the quote condition alone (who said it is ignored).
- events: event_type equal AND evidence spans overlap (at least one character in common). When the gold evidence
  cannot be located in the body, or the prediction has no offsets, the fallback is a substring test (either way)
  between the gold evidence and the predicted evidence_text.
- allegations: supplier equal (by name) AND evidence spans overlap (same location rule as events).
- support: (supporter, supported) pairs compared as sets per article, so the same pair stated twice is counted
  once on either side. A Libyan leader and the force or government he leads count as the same party, using the
  gazetteer's `affiliation` of Libyan persons (Khalifa Haftar ~ Libyan National Army,
  Fayez al-Sarraj ~ Government of National Accord).
- statements, statement_quotes, events, allegations and actors are matched greedily one-to-one, best overlap first
  (exact containment and larger span overlap rank higher; ties in gold order).
- Per table, TP/FP/FN are summed over articles (micro-average): P = TP/(TP+FP), R = TP/(TP+FN),
  F1 = 2PR/(P+R); each is reported as 0 when undefined, always with the counts. A gold article with no predicted
  article counts all its gold rows as misses.

Secondary attributes (accuracy over matched pairs only)
- statement_kind (direct/indirect), statement_date, event_date, allegation_recipient (leader ~ faction; a null gold
  recipient needs a null prediction), allegation_materiel (equal sets), allegation_alleged_by (who makes the charge:
  null ~ null, else the same party or the content words of one inside the other's, so "diplomats" ~ "Western
  diplomats" and "United Nations" ~ "United Nations Panel of Experts on Libya"), article_title (folded text
  equality) and article_published, over the articles that were predicted.
- Dates are compared at the gold precision: a gold 2019-12 matches a predicted 2019-12-11 but not a predicted year
  2019; a null gold date is matched only by a null prediction.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.gazetteer import Gazetteer, load_gazetteer, normalise_key
from loaders.model import ACTOR_TYPES, EVENT_TYPES, MATERIEL, STATEMENT_KINDS, FuzzyDate

TABLES: tuple[str, ...] = ("actors", "statements", "statement_quotes", "events", "allegations", "support")
ATTRIBUTES: tuple[str, ...] = (
    "statement_kind",
    "statement_date",
    "event_date",
    "allegation_recipient",
    "allegation_materiel",
    "allegation_alleged_by",
    "article_title",
    "article_published",
)
QUOTE_COVERAGE = 0.5  # a predicted quote inside the gold quote must cover this share of it
SPAN_OVERLAP = 0.5  # fallback: located spans must overlap by this share of the shorter one
LIBYAN_SIDES = ("east", "west")


class EvaluationError(ValueError):
    """A gold file is malformed or the gold directory is unusable; the message names the file."""


# ---------------------------------------------------------------------------------------------------------------
# Gold data


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    type: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldStatement:
    speaker: str
    kind: str
    quote: str
    date: FuzzyDate | None = None
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    actors: tuple[str, ...]
    evidence: str
    date: FuzzyDate | None = None


@dataclass(frozen=True, slots=True)
class GoldAllegation:
    supplier: str
    recipient: str | None
    materiel: tuple[str, ...]
    evidence: str
    alleged_by: str | None = None
    denied_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldSupport:
    supporter: str
    supported: str
    evidence: str
    alleged_by: str | None = None


@dataclass(slots=True)
class GoldArticle:
    path: Path
    article: str
    url: str | None = None
    title: str | None = None
    published: FuzzyDate | None = None
    language: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    actors: list[GoldActor] = field(default_factory=list)
    statements: list[GoldStatement] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    allegations: list[GoldAllegation] = field(default_factory=list)
    support: list[GoldSupport] = field(default_factory=list)


_ARTICLE_KEYS = {"article", "url", "title", "published", "language", "boilerplate", "actors", "statements",
                 "events", "allegations", "support"}
_ITEM_KEYS = {
    "actors": {"name", "type", "also"},
    "statements": {"speaker", "kind", "quote", "date", "anonymous"},
    "events": {"type", "actors", "date", "evidence"},
    "allegations": {"supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"},
    "support": {"supporter", "supported", "alleged_by", "evidence"},
}


class _Checker:
    """Validation helpers that prefix every message with the file (and item) they are about."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, message: str) -> EvaluationError:
        return EvaluationError(f"{self.path.name}: {where}{': ' if where else ''}{message}")

    def text(self, raw: dict, key: str, where: str, *, required: bool = True) -> str | None:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(where, f"missing field {key!r}")
            return None
        if isinstance(value, (dict, list)):
            raise self.fail(where, f"field {key!r} must be a string, not {type(value).__name__}")
        value = str(value).strip()
        if required and not value:
            raise self.fail(where, f"field {key!r} is empty")
        return value or None

    def names(self, raw: dict, key: str, where: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
            raise self.fail(where, f"field {key!r} must be a list of strings")
        return tuple(str(v).strip() for v in value if str(v).strip())

    def choice(self, raw: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
        value = self.text(raw, key, where)
        if value not in allowed:
            raise self.fail(where, f"{key} {value!r} is not one of {', '.join(allowed)}")
        return value

    def date(self, raw: dict, key: str, where: str) -> FuzzyDate | None:
        value = raw.get(key)
        try:
            return parse_gold_date(value)
        except ValueError:
            raise self.fail(where, f"{key} {value!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY or null)") from None

    def keys(self, raw: dict, allowed: set[str], where: str) -> None:
        unknown = sorted(set(raw) - allowed, key=str)
        if unknown:
            raise self.fail(where, f"unknown field(s) {', '.join(map(repr, unknown))}; "
                                   f"expected {', '.join(sorted(allowed))}")


def parse_gold_date(value: Any) -> FuzzyDate | None:
    """YAML date or "YYYY-MM-DD" -> day, "YYYY-MM" -> month, YYYY -> year, null -> None; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return FuzzyDate(value.date(), "day")
    if isinstance(value, dt.date):
        return FuzzyDate(value, "day")
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return FuzzyDate(dt.date(value, 1, 1), "year")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return FuzzyDate(dt.date(int(text), 1, 1), "year")
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return FuzzyDate(dt.date(int(text[:4]), int(text[5:7]), 1), "month")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return FuzzyDate(dt.date.fromisoformat(text), "day")
    raise ValueError(value)


def _items(check: _Checker, data: dict, section: str) -> list[tuple[dict, str]]:
    raw = data.get(section)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise check.fail(section, "must be a list")
    out = []
    for index, item in enumerate(raw):
        where = f"{section}[{index}]"
        if not isinstance(item, dict):
            raise check.fail(where, "must be a mapping")
        check.keys(item, _ITEM_KEYS[section], where)
        out.append((item, where))
    return out


def parse_gold(text: str, path: Path) -> GoldArticle:
    """Parse and validate one gold file's text; `path` is used for messages."""
    check = _Checker(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise check.fail(where, f"invalid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise check.fail("", "expected a mapping with 'article', 'actors', 'statements', ...")
    check.keys(data, _ARTICLE_KEYS, "")
    article = check.text(data, "article", "")
    boilerplate = check.names(data, "boilerplate", "boilerplate")
    gold = GoldArticle(
        path=path,
        article=article,
        url=check.text(data, "url", "", required=False),
        title=check.text(data, "title", "", required=False),
        published=check.date(data, "published", ""),
        language=check.text(data, "language", "", required=False),
        boilerplate=list(boilerplate),
    )
    seen_actors: set[str] = set()
    for item, where in _items(check, data, "actors"):
        actor = GoldActor(
            name=check.text(item, "name", where),
            type=check.choice(item, "type", where, ACTOR_TYPES),
            also=check.names(item, "also", where),
        )
        key = normalise_key(actor.name)
        if key in seen_actors:
            raise check.fail(where, f"actor {actor.name!r} is listed twice")
        seen_actors.add(key)
        gold.actors.append(actor)
    for item, where in _items(check, data, "statements"):
        anonymous = item.get("anonymous", False)
        if not isinstance(anonymous, bool):
            raise check.fail(where, "anonymous must be true or false")
        gold.statements.append(GoldStatement(
            speaker=check.text(item, "speaker", where),
            kind=check.choice(item, "kind", where, STATEMENT_KINDS),
            quote=check.text(item, "quote", where),
            date=check.date(item, "date", where),
            anonymous=anonymous,
        ))
    for item, where in _items(check, data, "events"):
        gold.events.append(GoldEvent(
            type=check.choice(item, "type", where, EVENT_TYPES),
            actors=check.names(item, "actors", where),
            evidence=check.text(item, "evidence", where),
            date=check.date(item, "date", where),
        ))
    for item, where in _items(check, data, "allegations"):
        materiel = check.names(item, "materiel", where)
        bad = [m for m in materiel if m not in MATERIEL]
        if bad:
            raise check.fail(where, f"materiel {bad[0]!r} is not one of {', '.join(MATERIEL)}")
        gold.allegations.append(GoldAllegation(
            supplier=check.text(item, "supplier", where),
            recipient=check.text(item, "recipient", where, required=False),
            materiel=materiel,
            evidence=check.text(item, "evidence", where),
            alleged_by=check.text(item, "alleged_by", where, required=False),
            denied_by=check.names(item, "denied_by", where),
        ))
    for item, where in _items(check, data, "support"):
        gold.support.append(GoldSupport(
            supporter=check.text(item, "supporter", where),
            supported=check.text(item, "supported", where),
            evidence=check.text(item, "evidence", where),
            alleged_by=check.text(item, "alleged_by", where, required=False),
        ))
    return gold


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every `*.yaml` / `*.yml` gold file in `gold_dir` (not recursive), sorted by file name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: not a directory")
    paths = sorted(p for p in gold_dir.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()
                   and not p.name.startswith("."))
    if not paths:
        raise EvaluationError(f"{gold_dir}: no gold files (*.yaml)")
    articles: list[GoldArticle] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvaluationError(f"{path.name}: cannot read ({exc})") from None
        gold = parse_gold(text, path)
        if gold.article in seen:
            raise EvaluationError(
                f"{path.name}: article {gold.article!r} is already annotated in {seen[gold.article].name}"
            )
        seen[gold.article] = path
        articles.append(gold)
    return articles


# ---------------------------------------------------------------------------------------------------------------
# Predictions


@dataclass(slots=True)
class PredictedActor:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class PredictedStatement:
    speaker_name: str | None
    is_anonymous: bool
    kind: str
    quote_text: str
    char_start: int | None = None
    char_end: int | None = None
    said: FuzzyDate | None = None


@dataclass(slots=True)
class PredictedEvent:
    event_type: str
    participants: list[str]
    evidence_text: str
    char_start: int | None = None
    char_end: int | None = None
    occurred: FuzzyDate | None = None


@dataclass(slots=True)
class PredictedAllegation:
    supplier_name: str
    recipient_name: str | None
    materiel: list[str]
    evidence_text: str
    char_start: int | None = None
    char_end: int | None = None
    alleged_by_name: str | None = None
    denied_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PredictedSupport:
    supporter_name: str
    supported_name: str
    evidence_text: str
    char_start: int | None = None
    char_end: int | None = None
    alleged_by_name: str | None = None


@dataclass(slots=True)
class PredictedArticle:
    source_name: str
    body: str | None = None  # the cleaned body all offsets refer to
    title: str | None = None
    published: FuzzyDate | None = None
    article_id: int | None = None
    actors: list[PredictedActor] = field(default_factory=list)
    statements: list[PredictedStatement] = field(default_factory=list)
    events: list[PredictedEvent] = field(default_factory=list)
    allegations: list[PredictedAllegation] = field(default_factory=list)
    support: list[PredictedSupport] = field(default_factory=list)


def _fuzzy(value: dt.date | None, precision: str | None) -> FuzzyDate | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return FuzzyDate(value, precision if precision in ("day", "month", "year") else "day")


def predictions_from_db(conn, source_names: list[str]) -> dict[str, PredictedArticle]:
    """Predicted rows for the named articles from the reporting views (latest article_id per source name)."""
    from psycopg.rows import dict_row

    names = sorted(set(source_names))
    out: dict[str, PredictedArticle] = {}
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            """select distinct on (source_name) article_id, source_name, title, published_on, published_precision
               from reporting.articles where source_name = any(%s)
               order by source_name, article_id desc""",
            (names,),
        )
        by_id: dict[int, PredictedArticle] = {}
        for row in cur.fetchall():
            article = PredictedArticle(
                source_name=row["source_name"],
                title=row["title"],
                published=_fuzzy(row["published_on"], row["published_precision"]),
                article_id=row["article_id"],
            )
            out[article.source_name] = article
            by_id[article.article_id] = article
        if not by_id:
            return out
        ids = list(by_id)
        cur.execute("select article_id, body_text from public.articles where article_id = any(%s)", (ids,))
        for row in cur.fetchall():
            by_id[row["article_id"]].body = row["body_text"]
        cur.execute(
            """select distinct m.article_id, m.actor_name, coalesce(a.aliases, '{}') as aliases
               from reporting.actor_mentions m
               left join reporting.actors a on a.actor_id = m.actor_id
               where m.article_id = any(%s) order by m.article_id, m.actor_name""",
            (ids,),
        )
        for row in cur.fetchall():
            by_id[row["article_id"]].actors.append(PredictedActor(row["actor_name"], tuple(row["aliases"] or ())))
        cur.execute(
            """select article_id, speaker_name, is_anonymous, kind, quote_text, said_on, said_on_precision,
                      char_start, char_end
               from reporting.statements where article_id = any(%s) order by article_id, char_start""",
            (ids,),
        )
        for row in cur.fetchall():
            by_id[row["article_id"]].statements.append(PredictedStatement(
                speaker_name=row["speaker_name"], is_anonymous=bool(row["is_anonymous"]), kind=row["kind"],
                quote_text=row["quote_text"] or "", char_start=row["char_start"], char_end=row["char_end"],
                said=_fuzzy(row["said_on"], row["said_on_precision"]),
            ))
        cur.execute(
            """select article_id, event_type, participants, evidence_text, char_start, char_end,
                      occurred_on, occurred_on_precision
               from reporting.events where article_id = any(%s) order by article_id, char_start""",
            (ids,),
        )
        for row in cur.fetchall():
            by_id[row["article_id"]].events.append(PredictedEvent(
                event_type=row["event_type"], participants=list(row["participants"] or []),
                evidence_text=row["evidence_text"] or "", char_start=row["char_start"], char_end=row["char_end"],
                occurred=_fuzzy(row["occurred_on"], row["occurred_on_precision"]),
            ))
        cur.execute(
            """select article_id, supplier_name, recipient_name, materiel, alleged_by_name, denied_by,
                      evidence_text, char_start, char_end
               from reporting.embargo_allegations where article_id = any(%s) order by article_id, char_start""",
            (ids,),
        )
        for row in cur.fetchall():
            by_id[row["article_id"]].allegations.append(PredictedAllegation(
                supplier_name=row["supplier_name"], recipient_name=row["recipient_name"],
                materiel=list(row["materiel"] or []), evidence_text=row["evidence_text"] or "",
                char_start=row["char_start"], char_end=row["char_end"], alleged_by_name=row["alleged_by_name"],
                denied_by=list(row["denied_by"] or []),
            ))
        cur.execute(
            """select article_id, supporter_name, supported_name, alleged_by_name, evidence_text, char_start, char_end
               from reporting.foreign_support where article_id = any(%s) order by article_id, char_start""",
            (ids,),
        )
        for row in cur.fetchall():
            by_id[row["article_id"]].support.append(PredictedSupport(
                supporter_name=row["supporter_name"], supported_name=row["supported_name"],
                evidence_text=row["evidence_text"] or "", char_start=row["char_start"], char_end=row["char_end"],
                alleged_by_name=row["alleged_by_name"],
            ))
    return out


def _prepare_body(raw_text: str, source_name: str) -> tuple[str, str | None, FuzzyDate | None]:
    """(body, title, published) through the best cleaning stage available: prepare(), clean_text(), or none."""
    try:
        from loaders.prepare import EmptyArticleError, prepare
        from loaders.read import RawArticle
    except ImportError:
        pass
    else:
        try:
            prepared = prepare(RawArticle(source_name=source_name, raw_hash="", text=raw_text), run_extraction=False)
        except EmptyArticleError:
            return "", None, None
        return prepared.body_text, prepared.title, prepared.published
    try:
        from loaders.clean import clean_text
    except ImportError:
        return raw_text, None, None
    cleaned = clean_text(raw_text)
    if isinstance(cleaned, str):
        return cleaned, None, None
    return cleaned.body, getattr(cleaned, "title", None), None


def prediction_from_extraction(source_name: str, body: str, extraction, gazetteer: Gazetteer | None = None,
                               title: str | None = None, published: FuzzyDate | None = None) -> PredictedArticle:
    """Map a `loaders.model.Extraction` of `body` to a PredictedArticle (names are canonical already)."""
    gazetteer = gazetteer or load_gazetteer()
    article = PredictedArticle(source_name=source_name, body=body, title=title, published=published)
    for name in dict.fromkeys(m.actor_name for m in extraction.mentions):
        entry = gazetteer.get(name)
        article.actors.append(PredictedActor(name, entry.aliases if entry else ()))
    for s in extraction.statements:
        article.statements.append(PredictedStatement(
            speaker_name=s.speaker_name or s.speaker_description, is_anonymous=s.is_anonymous, kind=s.kind,
            quote_text=body[s.char_start:s.char_end], char_start=s.char_start, char_end=s.char_end, said=s.said,
        ))
    for e in extraction.events:
        article.events.append(PredictedEvent(
            event_type=e.event_type, participants=[p.actor_name for p in e.participants],
            evidence_text=body[e.evidence_start:e.evidence_end], char_start=e.evidence_start,
            char_end=e.evidence_end, occurred=e.occurred,
        ))
    for a in extraction.allegations:
        article.allegations.append(PredictedAllegation(
            supplier_name=a.supplier_name, recipient_name=a.recipient_name, materiel=list(a.materiel),
            evidence_text=body[a.evidence_start:a.evidence_end], char_start=a.evidence_start,
            char_end=a.evidence_end, alleged_by_name=a.alleged_by_name, denied_by=list(a.denied_by),
        ))
    for s in extraction.support:
        article.support.append(PredictedSupport(
            supporter_name=s.supporter_name, supported_name=s.supported_name,
            evidence_text=body[s.evidence_start:s.evidence_end], char_start=s.evidence_start,
            char_end=s.evidence_end, alleged_by_name=s.alleged_by_name,
        ))
    return article


def predictions_from_pipeline(corpus_dir: Path, source_names: list[str]) -> dict[str, PredictedArticle]:
    """Run cleaning and extraction over `corpus_dir/<source name>` without a database. Missing files are absent
    from the result (so their gold rows count as misses)."""
    from loaders.extract import extract

    gazetteer = load_gazetteer()
    out: dict[str, PredictedArticle] = {}
    for name in source_names:
        path = Path(corpus_dir) / name
        if not path.is_file():
            continue
        raw_text = path.read_text(encoding="utf-8-sig", errors="replace")
        body, title, published = _prepare_body(raw_text, name)
        extraction = extract(body, published, gazetteer)
        out[name] = prediction_from_extraction(name, body, extraction, gazetteer, title, published)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Matching helpers

# One-for-one character folds: offsets found in the folded body are offsets in the real body.
_FOLD_SAME_LENGTH = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_STOP_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "by", "who", "that",
    "said", "says", "say", "told", "according", "one", "some", "two", "three", "several", "many", "other",
    "his", "her", "its", "their", "as", "was", "were", "is", "are", "not", "no",
}


def fold_text(text: str) -> str:
    """Fold quotes, dashes, whitespace runs and case for comparing quotes and evidence strings."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_SAME_LENGTH)
    return re.sub(r"\s+", " ", text).strip().casefold()


def locate(body: str | None, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of `needle` in `body` (str.find, then again with quotes/dashes folded one-for-one)."""
    if not body or not needle:
        return []
    spans = _find_all(body, needle)
    if not spans:
        spans = _find_all(body.translate(_FOLD_SAME_LENGTH), needle.translate(_FOLD_SAME_LENGTH))
    return spans


def _find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], haystack.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pred_span(row) -> tuple[int, int] | None:
    if row.char_start is None or row.char_end is None or row.char_end <= row.char_start:
        return None
    return row.char_start, row.char_end


def quote_overlap(gold_quote: str, gold_spans: list[tuple[int, int]], pred_text: str,
                  pred_span: tuple[int, int] | None) -> float | None:
    """Score in (0, 1] when the quotes overlap under the statement rule, else None."""
    g, p = fold_text(gold_quote), fold_text(pred_text or "")
    if p and g:
        if g in p:
            return len(g) / len(p)
        if p in g:  # decided by text: a short fragment must not pass through the span fallback
            return len(p) / len(g) if len(p) >= QUOTE_COVERAGE * len(g) else None
    best = None
    if pred_span is not None:
        for span in gold_spans:
            inter = _overlap(span, pred_span)
            shorter = min(span[1] - span[0], pred_span[1] - pred_span[0])
            if inter > 0 and inter >= SPAN_OVERLAP * shorter:
                score = inter / max(span[1] - span[0], pred_span[1] - pred_span[0])
                best = max(best or 0.0, score)
    return best


def evidence_overlap(gold_evidence: str, gold_spans: list[tuple[int, int]], pred_text: str,
                     pred_span: tuple[int, int] | None) -> float | None:
    """Score in (0, 1] when the evidence spans overlap (any shared character), else None. Falls back to a
    substring test either way when the gold evidence is not located or the prediction has no offsets."""
    if gold_spans and pred_span is not None:
        best = None
        for span in gold_spans:
            inter = _overlap(span, pred_span)
            if inter > 0:
                union = max(span[1], pred_span[1]) - min(span[0], pred_span[0])
                best = max(best or 0.0, inter / union)
        return best
    g, p = fold_text(gold_evidence), fold_text(pred_text or "")
    if g and p and (g in p or p in g):
        return min(len(g), len(p)) / max(len(g), len(p))
    return None


def content_words(text: str | None) -> set[str]:
    """Lower-cased content words with a plural -s folded: "senior UN diplomats" -> {senior, un, diplomat}."""
    words = set()
    for word in re.findall(r"[^\W\d_]+", normalise_key(text or "")):
        if word in _STOP_WORDS or len(word) < 2:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def accusers_match(names: NameResolver, gold: str | None, predicted: str | None) -> bool:
    """Who makes a charge: both null, or the same party, or one's content words inside the other's (unnamed
    sources, UN bodies)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if names.party(names.gold_key(gold)) == names.party(names.pred_key(predicted)):
        return True
    gold_words, pred_words = content_words(gold), content_words(predicted)
    return bool(gold_words and pred_words) and (gold_words <= pred_words or pred_words <= gold_words)


def dates_match(gold: FuzzyDate | None, predicted: FuzzyDate | None) -> bool:
    """Equal at the gold precision; a prediction coarser than the gold fails; null gold needs null prediction."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    rank = {"year": 0, "month": 1, "day": 2}
    if rank[predicted.precision] < rank[gold.precision]:
        return False
    if gold.value.year != predicted.value.year:
        return False
    if gold.precision in ("month", "day") and gold.value.month != predicted.value.month:
        return False
    return gold.precision != "day" or gold.value.day == predicted.value.day


class NameResolver:
    """Maps names in one article to comparison keys, using the gold `also` forms and predicted aliases."""

    def __init__(self, gold: GoldArticle, predicted: PredictedArticle | None, gazetteer: Gazetteer | None):
        self.gazetteer = gazetteer
        self.canonical: dict[str, str] = {}  # key of a gold name or also form -> gold canonical name
        for actor in gold.actors:
            self.canonical.setdefault(normalise_key(actor.name), actor.name)
        for actor in gold.actors:
            for form in actor.also:
                self.canonical.setdefault(normalise_key(form), actor.name)
        self.gold_names = {normalise_key(a.name): a.name for a in gold.actors}
        self.aliases: dict[str, tuple[str, ...]] = {}
        if predicted is not None:
            for actor in predicted.actors:
                self.aliases[actor.name] = actor.aliases

    def gold_key(self, name: str | None) -> str | None:
        if not name:
            return None
        key = normalise_key(name)
        return normalise_key(self.canonical.get(key, name))

    def pred_key(self, name: str | None) -> str | None:
        if not name:
            return None
        key = normalise_key(name)
        if key in self.canonical:
            return normalise_key(self.canonical[key])
        aliases = self.aliases.get(name)
        if aliases is None and self.gazetteer is not None:
            # (a speaker or party that is no mention of the article, "the UAE's Ministry of Foreign Affairs said":
            # its gazetteer entry's aliases all the same)
            entry = self.gazetteer.get(name)
            aliases = entry.aliases if entry is not None else ()
        for alias in aliases or ():
            alias_key = normalise_key(alias)
            if alias_key in self.gold_names:
                return alias_key
        return key

    def party(self, key: str | None) -> str | None:
        """A Libyan leader stands for the force or government he leads (gazetteer affiliation)."""
        if key is None or self.gazetteer is None:
            return key
        entry = self.gazetteer.get(self.canonical.get(key, "")) or self.gazetteer.lookup(key)
        if (entry is not None and entry.actor_type == "person" and entry.affiliation
                and (entry.country == "Libya" or entry.side in LIBYAN_SIDES)):
            return normalise_key(entry.affiliation)
        return key


def greedy_match(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best score first, ties in gold then predicted order."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _score, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------------------------
# Scores


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"accuracy": round(self.accuracy, 4), "correct": self.correct, "total": self.total}


@dataclass(slots=True)
class TableResult:
    counts: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)  # gold rows not matched
    false_hits: list[str] = field(default_factory=list)  # predicted rows not matched


@dataclass(slots=True)
class ArticleResult:
    article: str
    gold_file: str
    found: bool
    tables: dict[str, TableResult] = field(default_factory=dict)
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    attribute_errors: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)  # gold quotes/evidence not found in the predicted body


@dataclass(slots=True)
class Evaluation:
    tables: dict[str, Counts]
    attributes: dict[str, Accuracy]
    articles: list[ArticleResult]

    @property
    def missing_articles(self) -> list[str]:
        return [a.article for a in self.articles if not a.found]


def _short(text: str | None, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date_str(date: FuzzyDate | None) -> str:
    return str(date) if date is not None else "null"


def _finish(result: TableResult, n_gold: int, n_pred: int, pairs: list[tuple[int, int]],
            gold_desc: list[str], pred_desc: list[str]) -> None:
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    result.counts = Counts(tp=len(pairs), fp=n_pred - len(matched_pred), fn=n_gold - len(matched_gold))
    result.misses = [gold_desc[i] for i in range(n_gold) if i not in matched_gold]
    result.false_hits = [pred_desc[i] for i in range(n_pred) if i not in matched_pred]


def _score_article(gold: GoldArticle, pred: PredictedArticle | None, gazetteer: Gazetteer | None) -> ArticleResult:
    res = ArticleResult(article=gold.article, gold_file=gold.path.name, found=pred is not None)
    empty = PredictedArticle(source_name=gold.article)
    p = pred or empty
    names = NameResolver(gold, pred, gazetteer)
    body = p.body
    attrs = {name: Accuracy() for name in ATTRIBUTES}

    def check(attribute: str, ok: bool, message: str) -> None:
        attrs[attribute].total += 1
        if ok:
            attrs[attribute].correct += 1
        else:
            res.attribute_errors.append(f"{attribute}: {message}")

    # Article metadata
    if pred is not None:
        title_ok = fold_text(gold.title or "") == fold_text(pred.title or "")
        check("article_title", title_ok, f"gold {gold.title!r}, predicted {pred.title!r}")
        check("article_published", dates_match(gold.published, pred.published),
              f"gold {_date_str(gold.published)}, predicted {_date_str(pred.published)}")

    # actors
    table = TableResult()
    gold_keys = [(normalise_key(a.name), {normalise_key(f) for f in a.also}) for a in gold.actors]
    candidates = []
    for pi, actor in enumerate(p.actors):
        key = normalise_key(actor.name)
        alias_keys = {normalise_key(a) for a in actor.aliases}
        for gi, (name_key, also_keys) in enumerate(gold_keys):
            if key == name_key:
                candidates.append((3.0, gi, pi))
            elif key in also_keys:
                candidates.append((2.0, gi, pi))
            elif name_key in alias_keys:
                candidates.append((1.0, gi, pi))
    _finish(table, len(gold.actors), len(p.actors), greedy_match(candidates),
            [a.name for a in gold.actors], [a.name for a in p.actors])
    res.tables["actors"] = table

    # statements and statement_quotes
    quote_spans = []
    for g in gold.statements:
        spans = locate(body, g.quote)
        quote_spans.append(spans)
        if body and not spans:
            res.unlocated.append(f"statement quote {_short(g.quote)!r}")
    quote_scores: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold.statements):
        for pi, s in enumerate(p.statements):
            score = quote_overlap(g.quote, quote_spans[gi], s.quote_text, _pred_span(s))
            if score is not None:
                quote_scores.append((score, gi, pi))

    def speaker_ok(g: GoldStatement, s: PredictedStatement) -> bool:
        if g.anonymous:
            return s.is_anonymous and bool(content_words(g.speaker) & content_words(s.speaker_name))
        return not s.is_anonymous and names.pred_key(s.speaker_name) == names.gold_key(g.speaker)

    gold_desc = [f"{'(anonymous) ' if g.anonymous else ''}{g.speaker} [{g.kind}]: \"{_short(g.quote)}\""
                 for g in gold.statements]
    pred_desc = [f"{'(anonymous) ' if s.is_anonymous else ''}{s.speaker_name or '?'} [{s.kind}]: "
                 f"\"{_short(s.quote_text)}\"" for s in p.statements]
    table = TableResult()
    pairs = greedy_match([c for c in quote_scores if speaker_ok(gold.statements[c[1]], p.statements[c[2]])])
    _finish(table, len(gold.statements), len(p.statements), pairs, gold_desc, pred_desc)
    res.tables["statements"] = table
    for gi, pi in pairs:
        g, s = gold.statements[gi], p.statements[pi]
        check("statement_kind", g.kind == s.kind, f"\"{_short(g.quote, 40)}\": gold {g.kind}, predicted {s.kind}")
        check("statement_date", dates_match(g.date, s.said),
              f"\"{_short(g.quote, 40)}\": gold {_date_str(g.date)}, predicted {_date_str(s.said)}")
    table = TableResult()
    _finish(table, len(gold.statements), len(p.statements), greedy_match(quote_scores),
            [f"\"{_short(g.quote)}\"" for g in gold.statements], [f"\"{_short(s.quote_text)}\"" for s in p.statements])
    res.tables["statement_quotes"] = table

    # events
    candidates = []
    for gi, g in enumerate(gold.events):
        spans = locate(body, g.evidence)
        if body and not spans:
            res.unlocated.append(f"event evidence {_short(g.evidence)!r}")
        for pi, e in enumerate(p.events):
            if e.event_type != g.type:
                continue
            score = evidence_overlap(g.evidence, spans, e.evidence_text, _pred_span(e))
            if score is not None:
                candidates.append((score, gi, pi))
    pairs = greedy_match(candidates)
    table = TableResult()
    _finish(table, len(gold.events), len(p.events), pairs,
            [f"{g.type} {list(g.actors)}: \"{_short(g.evidence)}\"" for g in gold.events],
            [f"{e.event_type} {e.participants}: \"{_short(e.evidence_text)}\"" for e in p.events])
    res.tables["events"] = table
    for gi, pi in pairs:
        g, e = gold.events[gi], p.events[pi]
        check("event_date", dates_match(g.date, e.occurred),
              f"{g.type} \"{_short(g.evidence, 40)}\": gold {_date_str(g.date)}, predicted {_date_str(e.occurred)}")

    # allegations
    candidates = []
    for gi, g in enumerate(gold.allegations):
        spans = locate(body, g.evidence)
        if body and not spans:
            res.unlocated.append(f"allegation evidence {_short(g.evidence)!r}")
        supplier = names.gold_key(g.supplier)
        for pi, a in enumerate(p.allegations):
            if names.pred_key(a.supplier_name) != supplier:
                continue
            score = evidence_overlap(g.evidence, spans, a.evidence_text, _pred_span(a))
            if score is not None:
                candidates.append((score, gi, pi))
    pairs = greedy_match(candidates)
    table = TableResult()
    _finish(table, len(gold.allegations), len(p.allegations), pairs,
            [f"{g.supplier} -> {g.recipient or '?'} {list(g.materiel)}: \"{_short(g.evidence)}\""
             for g in gold.allegations],
            [f"{a.supplier_name} -> {a.recipient_name or '?'} {a.materiel}: \"{_short(a.evidence_text)}\""
             for a in p.allegations])
    res.tables["allegations"] = table
    for gi, pi in pairs:
        g, a = gold.allegations[gi], p.allegations[pi]
        where = f"{g.supplier} \"{_short(g.evidence, 40)}\""
        recipient_ok = names.party(names.gold_key(g.recipient)) == names.party(names.pred_key(a.recipient_name))
        check("allegation_recipient", recipient_ok, f"{where}: gold {g.recipient}, predicted {a.recipient_name}")
        check("allegation_materiel", set(g.materiel) == set(a.materiel),
              f"{where}: gold {sorted(g.materiel)}, predicted {sorted(a.materiel)}")
        check("allegation_alleged_by", accusers_match(names, g.alleged_by, a.alleged_by_name),
              f"{where}: alleged by gold {g.alleged_by}, predicted {a.alleged_by_name}")

    # support: de-duplicated (supporter, supported) party pairs
    gold_pairs: dict[tuple[str, str], str] = {}
    for g in gold.support:
        key = (names.party(names.gold_key(g.supporter)), names.party(names.gold_key(g.supported)))
        gold_pairs.setdefault(key, f"{g.supporter} -> {g.supported}: \"{_short(g.evidence)}\"")
    pred_pairs: dict[tuple[str, str], str] = {}
    for s in p.support:
        key = (names.party(names.pred_key(s.supporter_name)), names.party(names.pred_key(s.supported_name)))
        pred_pairs.setdefault(key, f"{s.supporter_name} -> {s.supported_name}: \"{_short(s.evidence_text)}\"")
    table = TableResult()
    common = gold_pairs.keys() & pred_pairs.keys()
    table.counts = Counts(tp=len(common), fp=len(pred_pairs) - len(common), fn=len(gold_pairs) - len(common))
    table.misses = [d for k, d in gold_pairs.items() if k not in common]
    table.false_hits = [d for k, d in pred_pairs.items() if k not in common]
    res.tables["support"] = table

    res.attributes = attrs
    return res


def score(gold: list[GoldArticle], predicted: dict[str, PredictedArticle],
          gazetteer: Gazetteer | None = None) -> Evaluation:
    """Compare gold articles with predictions keyed by source name (see the module docstring for the rules)."""
    if gazetteer is None:
        gazetteer = load_gazetteer()
    tables = {name: Counts() for name in TABLES}
    attributes = {name: Accuracy() for name in ATTRIBUTES}
    articles = []
    for article in gold:
        result = _score_article(article, predicted.get(article.article), gazetteer)
        for name, table in result.tables.items():
            tables[name].add(table.counts)
        for name, acc in result.attributes.items():
            attributes[name].correct += acc.correct
            attributes[name].total += acc.total
        articles.append(result)
    return Evaluation(tables=tables, attributes=attributes, articles=articles)


def evaluate(gold_dir: Path, *, corpus_dir: Path | None = None, conn=None) -> Evaluation:
    """Load the gold files and score predictions from the pipeline (`corpus_dir`) or else the database (`conn`)."""
    gold = load_gold(gold_dir)
    names = [g.article for g in gold]
    if corpus_dir is not None:
        predicted = predictions_from_pipeline(corpus_dir, names)
    elif conn is not None:
        predicted = predictions_from_db(conn, names)
    else:
        raise EvaluationError("evaluate() needs a corpus directory or a database connection")
    return score(gold, predicted)


# ---------------------------------------------------------------------------------------------------------------
# Reports


def format_text(evaluation: Evaluation, verbose: bool = False) -> str:
    lines = [f"{'table':<18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, c in evaluation.tables.items():
        lines.append(f"{name:<18}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    lines.append("")
    lines.append(f"{'attribute (matched pairs)':<28}{'accuracy':>9}{'correct':>9}{'total':>7}")
    for name, a in evaluation.attributes.items():
        value = f"{a.accuracy:.3f}" if a.total else "-"
        lines.append(f"{name:<28}{value:>9}{a.correct:>9}{a.total:>7}")
    total = len(evaluation.articles)
    missing = evaluation.missing_articles
    lines.append("")
    lines.append(f"articles: {total} gold, {total - len(missing)} predicted"
                 + (f"; missing: {', '.join(missing)}" if missing else ""))
    if verbose:
        for article in evaluation.articles:
            lines.append("")
            lines.append(f"== {article.article} ({article.gold_file})" + ("" if article.found else "  [NOT PREDICTED]"))
            for name, table in article.tables.items():
                c = table.counts
                lines.append(f"  {name}: TP {c.tp}  FP {c.fp}  FN {c.fn}")
                lines.extend(f"    - miss: {d}" for d in table.misses)
                lines.extend(f"    + false hit: {d}" for d in table.false_hits)
            if article.attribute_errors:
                lines.append("  attribute errors:")
                lines.extend(f"    ! {d}" for d in article.attribute_errors)
            if article.unlocated:
                lines.append("  gold strings not found in the predicted body (matched by text instead):")
                lines.extend(f"    ? {d}" for d in article.unlocated)
    return "\n".join(lines)


def to_json(evaluation: Evaluation) -> dict:
    return {
        "tables": {name: c.as_dict() for name, c in evaluation.tables.items()},
        "attributes": {name: a.as_dict() for name, a in evaluation.attributes.items()},
        "missing_articles": evaluation.missing_articles,
        "articles": [
            {
                "article": a.article,
                "gold_file": a.gold_file,
                "found": a.found,
                "tables": {
                    name: {**t.counts.as_dict(), "misses": t.misses, "false_hits": t.false_hits}
                    for name, t in a.tables.items()
                },
                "attributes": {name: acc.as_dict() for name, acc in a.attributes.items()},
                "attribute_errors": a.attribute_errors,
                "unlocated": a.unlocated,
            }
            for a in evaluation.articles
        ],
    }
