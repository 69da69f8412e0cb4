#!/usr/bin/env python3
"""Consistency checker for the heldout12 synthetic evaluation set.

Usage: python validate.py [set_dir]        (default: the directory of this file)

Checks every gold/NNN_<hex>.yaml against articles/NNN_<hex>.txt and exits 0 only when all checks pass.
The allowed actor types, event types, statement kinds and materiel are copied from the shared FORMAT.md.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

# --- allowed values, copied from FORMAT.md ---------------------------------------------------------------
ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government", "international_org", "media"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment", "arms_supply",
               "un_action", "diplomatic", "protest", "other"}
STATEMENT_KINDS = {"direct", "indirect"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles", "aircraft", "trucks",
            "military_personnel", "training", "equipment", "currency", "ships", "other"}

TOP_KEYS = {"article", "url", "title", "published", "language", "boilerplate", "actors", "statements", "events",
            "allegations", "support"}
ACTOR_KEYS = {"name", "type", "also"}
STATEMENT_KEYS = {"speaker", "kind", "quote", "date", "anonymous"}
EVENT_KEYS = {"type", "actors", "date", "evidence"}
ALLEGATION_KEYS = {"supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"}
SUPPORT_KEYS = {"supporter", "supported", "alleged_by", "evidence"}

STEM_RE = re.compile(r"^\d{3}_[0-9a-f]{16}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MIN_WORDS, MAX_WORDS = 550, 800

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "\u201c", "\u201d", '"'


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as plain strings, so that bad dates are reported here, not by PyYAML."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")


def parse_date(value):
    """Return (year, month|None, day|None) for null / YYYY / YYYY-MM / YYYY-MM-DD, else raise ValueError."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise ValueError(f"timestamp not allowed: {value!r}")
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    m = DATE_RE.match(value)
    if not m:
        raise ValueError(f"bad date format: {value!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if not 1900 <= year <= 2030:
        raise ValueError(f"implausible year: {value!r}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"bad month: {value!r}")
    if day is not None:
        dt.date(year, month, day)  # raises ValueError when the day does not exist
    return (year, month, day)


def not_after(d, pub) -> bool:
    """True unless d is certainly later than the publication date pub (both parsed tuples)."""
    if d is None or pub is None:
        return True
    for a, b in zip(d, pub):
        if a is None or b is None:
            return True
        if a != b:
            return a < b
    return True


def quote_mask(line: str) -> list[bool]:
    """For each character of a paragraph, whether it lies inside quotation marks.

    Straight double quotes toggle; curly quotes open and close. A paragraph whose quotation runs on into the
    next paragraph simply stays open to its end (the next paragraph reopens with a new mark)."""
    mask = []
    inside = False
    for ch in line:
        if ch == OPEN_CURLY:
            mask.append(False)
            inside = True
        elif ch == CLOSE_CURLY:
            mask.append(False)
            inside = False
        elif ch == STRAIGHT:
            mask.append(False)
            inside = not inside
        else:
            mask.append(inside)
    return mask


def inside_quotes(body_lines: list[str], quote: str) -> bool:
    for line in body_lines:
        start = line.find(quote)
        while start != -1:
            mask = quote_mask(line)
            if all(mask[start:start + len(quote)]):
                return True
            start = line.find(quote, start + 1)
    return False


def check_file(gold_path: Path, articles_dir: Path, rep: Report, totals: dict) -> None:
    where = gold_path.name
    stem = gold_path.stem
    if not STEM_RE.match(stem):
        rep.err(where, "file name is not NNN_<16 hex>.yaml")
    try:
        gold = yaml.load(gold_path.read_text(encoding="utf-8"), Loader=_Loader)
    except (yaml.YAMLError, ValueError) as exc:
        rep.err(where, f"YAML error: {exc}")
        return
    if not isinstance(gold, dict):
        rep.err(where, "top level is not a mapping")
        return
    keys = set(gold)
    if keys != TOP_KEYS:
        rep.err(where, f"top-level keys differ: missing {sorted(TOP_KEYS - keys)}, extra {sorted(keys - TOP_KEYS)}")

    article_name = gold.get("article")
    if article_name != stem + ".txt":
        rep.err(where, f"article is {article_name!r}, expected {stem + '.txt'!r}")
    art_path = articles_dir / f"{stem}.txt"
    if not art_path.exists():
        rep.err(where, f"article file missing: {art_path}")
        return
    text = art_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    line_set = set(lines)

    if gold.get("url") is not None and not isinstance(gold.get("url"), str):
        rep.err(where, "url must be a string or null")
    if gold.get("language") != "en":
        rep.err(where, "language must be 'en'")

    title = gold.get("title")
    if not isinstance(title, str) or title not in line_set:
        rep.err(where, f"title is not an exact line of the article: {title!r}")
    first = next((ln for ln in lines if ln.strip()), None)
    if first != title:
        rep.err(where, "title is not the first non-empty line of the article")

    boiler = gold.get("boilerplate") or []
    if not isinstance(boiler, list):
        rep.err(where, "boilerplate must be a list")
        boiler = []
    seen = set()
    for b in boiler:
        if not isinstance(b, str) or b not in line_set:
            rep.err(where, f"boilerplate line is not an exact line of the article: {b!r}")
        if b == title:
            rep.err(where, "boilerplate contains the title")
        if b in seen:
            rep.err(where, f"duplicate boilerplate line: {b!r}")
        seen.add(b)
    boiler_set = set(boiler)

    body_lines = []
    title_dropped = False
    for ln in lines:
        if not ln.strip():
            continue
        if ln == title and not title_dropped:
            title_dropped = True
            continue
        if ln in boiler_set:
            continue
        body_lines.append(ln)
    body = "\n".join(body_lines)
    n_words = len(body.split())
    totals["words"].append(n_words)
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        rep.err(where, f"body has {n_words} words, outside {MIN_WORDS}-{MAX_WORDS}")

    try:
        pub = parse_date(gold.get("published"))
    except ValueError as exc:
        rep.err(where, f"published: {exc}")
        pub = None

    # actors ------------------------------------------------------------------------------------------------
    actors = gold.get("actors") or []
    names: set[str] = set()
    surface_owner: dict[str, str] = {}
    for i, a in enumerate(actors):
        w = f"{where} actors[{i}]"
        if not isinstance(a, dict):
            rep.err(w, "not a mapping")
            continue
        if set(a) - ACTOR_KEYS or not {"name", "type"} <= set(a):
            rep.err(w, f"bad keys {sorted(a)}")
        name = a.get("name")
        if not isinstance(name, str) or not name:
            rep.err(w, "missing name")
            continue
        if name in names:
            rep.err(w, f"duplicate actor {name!r}")
        names.add(name)
        if a.get("type") not in ACTOR_TYPES:
            rep.err(w, f"{name}: type {a.get('type')!r} not allowed")
        also = a.get("also") or []
        if not isinstance(also, list):
            rep.err(w, f"{name}: also must be a list")
            also = []
        for form in also:
            if not isinstance(form, str) or form not in body:
                rep.err(w, f"{name}: surface form {form!r} does not occur in the body")
            if form in surface_owner and surface_owner[form] != name:
                rep.err(w, f"{name}: surface form {form!r} already used by {surface_owner[form]!r}")
            surface_owner[form] = name
        if name not in body and not also:
            rep.err(w, f"{name}: neither the name nor any other surface form occurs in the body")
    totals["actors"] += len(actors)

    # statements --------------------------------------------------------------------------------------------
    statements = gold.get("statements") or []
    anon: set[str] = set()
    for i, s in enumerate(statements):
        w = f"{where} statements[{i}]"
        if not isinstance(s, dict):
            rep.err(w, "not a mapping")
            continue
        if set(s) - STATEMENT_KEYS or not {"speaker", "kind", "quote", "date"} <= set(s):
            rep.err(w, f"bad keys {sorted(s)}")
        if s.get("anonymous") not in (None, True):
            rep.err(w, "anonymous must be true when present")
        speaker = s.get("speaker")
        if s.get("anonymous") is True:
            if not isinstance(speaker, str) or not speaker:
                rep.err(w, "anonymous speaker needs a description")
            else:
                anon.add(speaker)
        elif speaker not in names:
            rep.err(w, f"speaker {speaker!r} is not a listed actor (and not anonymous)")
        kind = s.get("kind")
        if kind not in STATEMENT_KINDS:
            rep.err(w, f"kind {kind!r} not allowed")
        quote = s.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            rep.err(w, "empty quote")
        elif quote not in body:
            rep.err(w, f"quote is not a verbatim body substring: {quote!r}")
        elif kind == "direct" and not inside_quotes(body_lines, quote):
            rep.err(w, f"direct quote does not lie inside quotation marks: {quote!r}")
        try:
            d = parse_date(s.get("date"))
            if not not_after(d, pub):
                rep.err(w, f"date {s.get('date')} is after the publication date")
        except ValueError as exc:
            rep.err(w, f"date: {exc}")
        totals["direct" if kind == "direct" else "indirect"] += 1
    totals["statements"] += len(statements)
    known = names | anon

    def check_ref(w: str, field: str, value, allow_null: bool = False) -> None:
        if value is None and allow_null:
            return
        if value not in known:
            rep.err(w, f"{field} {value!r} is not a listed actor or anonymous speaker")

    def check_evidence(w: str, ev) -> None:
        if not isinstance(ev, str) or not ev.strip():
            rep.err(w, "empty evidence")
        elif ev not in body:
            rep.err(w, f"evidence is not a verbatim body substring: {ev!r}")

    # events ------------------------------------------------------------------------------------------------
    events = gold.get("events") or []
    for i, e in enumerate(events):
        w = f"{where} events[{i}]"
        if not isinstance(e, dict) or set(e) != EVENT_KEYS:
            rep.err(w, f"bad event keys {sorted(e) if isinstance(e, dict) else e!r}")
            continue
        if e["type"] not in EVENT_TYPES:
            rep.err(w, f"type {e['type']!r} not allowed")
        totals["event_types"].add(e["type"])
        if not isinstance(e["actors"], list):
            rep.err(w, "actors must be a list")
        else:
            for a in e["actors"]:
                check_ref(w, "event actor", a)
        try:
            d = parse_date(e["date"])
            if not not_after(d, pub):
                rep.err(w, f"date {e['date']} is after the publication date")
        except ValueError as exc:
            rep.err(w, f"date: {exc}")
        check_evidence(w, e["evidence"])
    totals["events"] += len(events)

    # allegations -------------------------------------------------------------------------------------------
    allegations = gold.get("allegations") or []
    for i, a in enumerate(allegations):
        w = f"{where} allegations[{i}]"
        if not isinstance(a, dict) or set(a) != ALLEGATION_KEYS:
            rep.err(w, f"bad allegation keys {sorted(a) if isinstance(a, dict) else a!r}")
            continue
        check_ref(w, "supplier", a["supplier"])
        check_ref(w, "recipient", a["recipient"], allow_null=True)
        check_ref(w, "alleged_by", a["alleged_by"], allow_null=True)
        if not isinstance(a["denied_by"], list):
            rep.err(w, "denied_by must be a list")
        else:
            for d in a["denied_by"]:
                check_ref(w, "denied_by", d)
        mats = a["materiel"]
        if not isinstance(mats, list) or not mats:
            rep.err(w, "materiel must be a non-empty list")
        else:
            for m in mats:
                if m not in MATERIEL:
                    rep.err(w, f"materiel {m!r} not allowed")
        check_evidence(w, a["evidence"])
    totals["allegations"] += len(allegations)

    # support -----------------------------------------------------------------------------------------------
    support = gold.get("support") or []
    for i, s in enumerate(support):
        w = f"{where} support[{i}]"
        if not isinstance(s, dict) or set(s) != SUPPORT_KEYS:
            rep.err(w, f"bad support keys {sorted(s) if isinstance(s, dict) else s!r}")
            continue
        check_ref(w, "supporter", s["supporter"])
        check_ref(w, "supported", s["supported"])
        check_ref(w, "alleged_by", s["alleged_by"], allow_null=True)
        check_evidence(w, s["evidence"])
    totals["support"] += len(support)
    totals["boilerplate"] += len(boiler)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    articles_dir, gold_dir = root / "articles", root / "gold"
    rep = Report()
    golds = sorted(gold_dir.glob("*.yaml"))
    arts = sorted(articles_dir.glob("*.txt"))
    if not golds:
        rep.err(str(gold_dir), "no gold files")
    gold_stems = {p.stem for p in golds}
    art_stems = {p.stem for p in arts}
    for s in sorted(art_stems - gold_stems):
        rep.err(s, "article without gold file")
    for s in sorted(gold_stems - art_stems):
        rep.err(s, "gold file without article")
    totals = {"words": [], "actors": 0, "statements": 0, "direct": 0, "indirect": 0, "events": 0,
              "allegations": 0, "support": 0, "boilerplate": 0, "event_types": set()}
    for g in golds:
        check_file(g, articles_dir, rep, totals)
    missing_types = EVENT_TYPES - totals["event_types"]
    if golds and missing_types:
        rep.err("set", f"event types never used: {sorted(missing_types)}")

    print(f"{len(golds)} gold files, body words {totals['words']}")
    print(f"actors {totals['actors']}, statements {totals['statements']} (direct {totals['direct']}, "
          f"indirect {totals['indirect']}), events {totals['events']}, allegations {totals['allegations']}, "
          f"support {totals['support']}, boilerplate lines {totals['boilerplate']}")
    if rep.errors:
        for e in rep.errors:
            print("FAIL", e)
        print(f"{len(rep.errors)} problem(s)")
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
