#!/usr/bin/env python3
"""Consistency checker for a synthetic evaluation set (tests/heldoutNN): one copy, run by each set's validate.py.

Usage:  python3 tests/gold_checker.py DIR      (DIR holds articles/ and gold/)

Checks every gold/NNN_<hex>.yaml against articles/NNN_<hex>.txt and the rules of
/work/shared/gold/FORMAT.md.  Prints one line per problem and exits 1 if there is
any problem, 0 otherwise.  Needs python3 + PyYAML only.
"""
import datetime
import os
import re
import sys

import yaml

TOP_KEYS = ["article", "url", "title", "published", "language", "boilerplate",
            "actors", "statements", "events", "allegations", "support"]
ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government",
               "international_org", "media"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment",
               "arms_supply", "un_action", "diplomatic", "protest", "other"}
STATEMENT_KINDS = {"direct", "indirect"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense",
            "armored_vehicles", "aircraft", "trucks", "military_personnel", "training",
            "equipment", "currency", "ships", "other"}
ACTOR_KEYS = {"name", "type", "also"}
STATEMENT_KEYS = {"speaker", "anonymous", "kind", "quote", "date"}
EVENT_KEYS = {"type", "actors", "date", "evidence"}
ALLEGATION_KEYS = {"supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"}
SUPPORT_KEYS = {"supporter", "supported", "alleged_by", "evidence"}
MIN_WORDS, MAX_WORDS = 550, 800
NAME_RE = re.compile(r"^(\d{3})_([0-9a-f]{16})\.(txt|yaml)$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GoldLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as plain strings, so bad dates are reported, not fatal."""


GoldLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Checker:
    def __init__(self):
        self.problems = []

    def err(self, where, msg):
        self.problems.append(f"{where}: {msg}")


def date_ok(value):
    """Return a normalised 'YYYY[-MM[-DD]]' string, None for null, or False if invalid."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return False
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if not 1900 <= parts[0] <= 2100:
        return False
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            datetime.date(*parts)
        except ValueError:
            return False
    return value


def later_than(d, pub):
    """True if date string d certainly lies after the publication date string pub."""
    n = min(len(d), len(pub))
    return d[:n] > pub[:n]


def quote_regions(line):
    """Spans (start, end) of text inside quotation marks on one paragraph line.

    Straight double quotes pair up in order; curly quotes open with U+201C and close with
    U+201D.  An opening mark with no closing mark on the line runs to the end of the line
    (a quotation continued in the next paragraph)."""
    regions = []
    opened = None
    for m in re.finditer('"', line):
        if opened is None:
            opened = m.end()
        else:
            regions.append((opened, m.start()))
            opened = None
    if opened is not None:
        regions.append((opened, len(line)))
    opened = None
    for i, ch in enumerate(line):
        if ch == "\u201c":
            opened = i + 1
        elif ch == "\u201d" and opened is not None:
            regions.append((opened, i))
            opened = None
    if opened is not None:
        regions.append((opened, len(line)))
    return regions


def inside_quotes(body_lines, q):
    for line in body_lines:
        start = line.find(q)
        while start != -1:
            end = start + len(q)
            for a, b in quote_regions(line):
                if a <= start and end <= b:
                    return True
            start = line.find(q, start + 1)
    return False


def form_in_body(form, body):
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", body) is not None


def check_file(ck, base, yname, canon_types):
    where = f"gold/{yname}"
    stem = yname[:-5]
    apath = os.path.join(base, "articles", stem + ".txt")
    if not os.path.exists(apath):
        ck.err(where, f"no article file articles/{stem}.txt")
        return None
    with open(apath, encoding="utf-8") as fh:
        text = fh.read()
    with open(os.path.join(base, "gold", yname), encoding="utf-8") as fh:
        try:
            gold = yaml.load(fh, Loader=GoldLoader)
        except Exception as exc:  # malformed YAML must be reported, not crash the checker
            ck.err(where, f"YAML error: {exc}")
            return None
    if not isinstance(gold, dict):
        ck.err(where, "top level is not a mapping")
        return None

    # --- top-level keys and simple fields ---------------------------------
    if list(gold.keys()) != TOP_KEYS:
        ck.err(where, f"top-level keys {list(gold.keys())} != {TOP_KEYS}")
    if gold.get("article") != stem + ".txt":
        ck.err(where, f"article {gold.get('article')!r} != {stem + '.txt'!r}")
    if gold.get("language") != "en":
        ck.err(where, "language must be 'en'")
    url = gold.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith("http")):
        ck.err(where, f"url must be null or http(s) address: {url!r}")
    pub = date_ok(gold.get("published"))
    if pub is False:
        ck.err(where, f"bad published date {gold.get('published')!r}")
        pub = None

    lines = text.split("\n")
    title = gold.get("title")
    if not isinstance(title, str) or title not in lines:
        ck.err(where, f"title is not an exact line of the article: {title!r}")
    elif lines[0] != title:
        ck.err(where, "title is not the first line of the article")
    boiler = gold.get("boilerplate") or []
    if not isinstance(boiler, list):
        ck.err(where, "boilerplate must be a list")
        boiler = []
    for b in boiler:
        if not isinstance(b, str) or b not in lines:
            ck.err(where, f"boilerplate line not found as exact line: {b!r}")
        elif b == title:
            ck.err(where, f"boilerplate repeats the title: {b!r}")
    if len(set(boiler)) != len(boiler):
        ck.err(where, "duplicate boilerplate lines")
    bset = set(boiler)
    body_lines = list(lines)
    if body_lines and body_lines[0] == title:
        body_lines = body_lines[1:]
    body_lines = [ln for ln in body_lines if ln not in bset]
    body = "\n".join(body_lines)
    nwords = len(body.split())
    if not MIN_WORDS <= nwords <= MAX_WORDS:
        ck.err(where, f"body has {nwords} words, outside {MIN_WORDS}-{MAX_WORDS}")

    # --- actors -------------------------------------------------------------
    actors = gold.get("actors") or []
    names = set()
    for a in actors:
        if not isinstance(a, dict) or set(a) - ACTOR_KEYS or not {"name", "type"} <= set(a):
            ck.err(where, f"bad actor entry {a!r}")
            continue
        name, typ = a["name"], a["type"]
        if name in names:
            ck.err(where, f"actor listed twice: {name}")
        names.add(name)
        if typ not in ACTOR_TYPES:
            ck.err(where, f"actor {name}: type {typ!r} not allowed")
        also = a.get("also") or []
        if not isinstance(also, list):
            ck.err(where, f"actor {name}: 'also' must be a list")
            also = []
        if len(set(also)) != len(also):
            ck.err(where, f"actor {name}: duplicate surface forms")
        for f in also:
            if not isinstance(f, str) or not form_in_body(f, body):
                ck.err(where, f"actor {name}: surface form {f!r} not in body")
        if not form_in_body(name, body) and not any(isinstance(f, str) and form_in_body(f, body) for f in also):
            ck.err(where, f"actor {name}: neither name nor any surface form occurs in body")
        if name in canon_types and canon_types[name][0] != typ:
            ck.err(where, f"actor {name}: type {typ} differs from {canon_types[name][0]} in {canon_types[name][1]}")
        canon_types.setdefault(name, (typ, yname))

    def check_date(label, value):
        d = date_ok(value)
        if d is False:
            ck.err(where, f"{label}: bad date {value!r}")
        elif d and pub and later_than(d, pub):
            ck.err(where, f"{label}: date {d} lies after publication {pub}")

    def check_text(label, s):
        if not isinstance(s, str) or not s.strip():
            ck.err(where, f"{label}: empty text")
            return False
        if s not in body:
            ck.err(where, f"{label}: not a verbatim body substring: {s!r}")
            return False
        return True

    # --- statements ---------------------------------------------------------
    anon = set()
    for i, s in enumerate(gold.get("statements") or []):
        label = f"statement {i}"
        if not isinstance(s, dict) or set(s) - STATEMENT_KEYS or not {"speaker", "kind", "quote", "date"} <= set(s):
            ck.err(where, f"{label}: bad keys {s!r}")
            continue
        if "anonymous" in s:
            if s["anonymous"] is not True:
                ck.err(where, f"{label}: anonymous must be true when present")
            elif s["speaker"] in names:
                ck.err(where, f"{label}: anonymous speaker {s['speaker']!r} is also a listed actor")
            anon.add(s["speaker"])
        elif s["speaker"] not in names:
            ck.err(where, f"{label}: speaker {s['speaker']!r} not a listed actor")
        if s["kind"] not in STATEMENT_KINDS:
            ck.err(where, f"{label}: kind {s['kind']!r} not allowed")
        if check_text(label, s["quote"]) and s["kind"] == "direct" and not inside_quotes(body_lines, s["quote"]):
            ck.err(where, f"{label}: direct quote not inside quotation marks: {s['quote']!r}")
        check_date(label, s["date"])

    known = names | anon

    # --- events -------------------------------------------------------------
    for i, e in enumerate(gold.get("events") or []):
        label = f"event {i}"
        if not isinstance(e, dict) or set(e) != EVENT_KEYS:
            ck.err(where, f"{label}: bad keys {e!r}")
            continue
        if e["type"] not in EVENT_TYPES:
            ck.err(where, f"{label}: type {e['type']!r} not allowed")
        if not isinstance(e["actors"], list):
            ck.err(where, f"{label}: actors must be a list")
        else:
            for a in e["actors"]:
                if a not in names:
                    ck.err(where, f"{label}: actor {a!r} not listed")
        check_text(label, e["evidence"])
        check_date(label, e["date"])

    # --- allegations --------------------------------------------------------
    for i, a in enumerate(gold.get("allegations") or []):
        label = f"allegation {i}"
        if not isinstance(a, dict) or set(a) != ALLEGATION_KEYS:
            ck.err(where, f"{label}: bad keys {a!r}")
            continue
        if a["supplier"] not in names:
            ck.err(where, f"{label}: supplier {a['supplier']!r} not listed")
        if a["recipient"] is not None and a["recipient"] not in names:
            ck.err(where, f"{label}: recipient {a['recipient']!r} not listed")
        if a["supplier"] == a["recipient"]:
            ck.err(where, f"{label}: supplier equals recipient")
        mats = a["materiel"]
        if not isinstance(mats, list) or not mats:
            ck.err(where, f"{label}: materiel must be a non-empty list")
        else:
            for m in mats:
                if m not in MATERIEL:
                    ck.err(where, f"{label}: materiel {m!r} not allowed")
        if a["alleged_by"] is not None and a["alleged_by"] not in known:
            ck.err(where, f"{label}: alleged_by {a['alleged_by']!r} not a listed actor or anonymous speaker")
        if not isinstance(a["denied_by"], list):
            ck.err(where, f"{label}: denied_by must be a list")
        else:
            for d in a["denied_by"]:
                if d not in names:
                    ck.err(where, f"{label}: denied_by {d!r} not listed")
        check_text(label, a["evidence"])

    # --- support ------------------------------------------------------------
    for i, s in enumerate(gold.get("support") or []):
        label = f"support {i}"
        if not isinstance(s, dict) or set(s) != SUPPORT_KEYS:
            ck.err(where, f"{label}: bad keys {s!r}")
            continue
        if s["supporter"] not in names:
            ck.err(where, f"{label}: supporter {s['supporter']!r} not listed")
        if s["supported"] not in names:
            ck.err(where, f"{label}: supported {s['supported']!r} not listed")
        if s["supporter"] == s["supported"]:
            ck.err(where, f"{label}: supporter equals supported")
        if s["alleged_by"] is not None and s["alleged_by"] not in known:
            ck.err(where, f"{label}: alleged_by {s['alleged_by']!r} not a listed actor or anonymous speaker")
        check_text(label, s["evidence"])

    # --- duplicates -----------------------------------------------------------
    for sec in ("statements", "events", "allegations", "support"):
        seen = set()
        for e in gold.get(sec) or []:
            key = yaml.safe_dump(e, sort_keys=True)
            if key in seen:
                ck.err(where, f"duplicate entry in {sec}: {e!r}")
            seen.add(key)

    return {"words": nwords,
            **{sec: len(gold.get(sec) or []) for sec in ("actors", "statements", "events", "allegations", "support")}}


def main(base=None):
    if base is None and len(sys.argv) < 2:
        print(__doc__)
        return 2
    base = os.path.abspath(base or sys.argv[1])
    ck = Checker()
    arts = sorted(f for f in os.listdir(os.path.join(base, "articles")) if f.endswith(".txt"))
    golds = sorted(f for f in os.listdir(os.path.join(base, "gold")) if f.endswith(".yaml"))
    for f in arts + golds:
        if not NAME_RE.match(f):
            ck.err(f, "file name does not match NNN_<16 hex>.txt/.yaml")
    if [a[:-4] for a in arts] != [g[:-5] for g in golds]:
        ck.err("set", "articles/ and gold/ do not pair up one to one")
    canon_types = {}
    totals = {}
    for g in golds:
        stats = check_file(ck, base, g, canon_types)
        if stats:
            print(f"{g}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
            for k, v in stats.items():
                totals[k] = totals.get(k, 0) + v
    print("TOTAL: " + ", ".join(f"{k}={v}" for k, v in totals.items()))
    for p in ck.problems:
        print("PROBLEM", p)
    print(f"{len(golds)} gold files, {len(ck.problems)} problems")
    return 1 if ck.problems else 0


if __name__ == "__main__":
    sys.exit(main())
