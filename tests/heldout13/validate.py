#!/usr/bin/env python3
"""Consistency checker for the heldout13 synthetic evaluation set.

Usage:  python3 validate.py            (checks every article/gold pair next to this file)
        python3 validate.py -v         (also prints per-file counts)

Exits 0 when every check passes, 1 otherwise. Needs PyYAML.
The allowed value lists are read from shared/gold/FORMAT.md when it can be found
(set FORMAT_MD to point at it), otherwise from the copies embedded below.
"""
import datetime
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ART_DIR = os.path.join(HERE, "articles")
GOLD_DIR = os.path.join(HERE, "gold")

TOP_KEYS = ["article", "url", "title", "published", "language", "boilerplate",
            "actors", "statements", "events", "allegations", "support"]
ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government",
               "international_org", "media"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment",
               "arms_supply", "un_action", "diplomatic", "protest", "other"}
KINDS = {"direct", "indirect"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles",
            "aircraft", "trucks", "military_personnel", "training", "equipment", "currency",
            "ships", "other"}
# FORMAT.md is the source of truth; when it can be found, the lists are read from it.
FORMAT_CANDIDATES = [
    os.environ.get("FORMAT_MD", ""),
    os.path.join(HERE, "..", "..", "..", "shared", "gold", "FORMAT.md"),
    os.path.join(HERE, "..", "..", "shared", "gold", "FORMAT.md"),
    "/work/shared/gold/FORMAT.md",
]


def load_format_lists():
    """Read the allowed actor types, event types, statement kinds and materiel from
    the comments of FORMAT.md. Returns None if FORMAT.md is not found."""
    path = next((p for p in FORMAT_CANDIDATES if p and os.path.isfile(p)), None)
    if not path:
        return None
    found = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^\s*-?\s*(type|kind|materiel):[^#]*#\s*(.*)$", line)
            if not m:
                continue
            key, comment = m.group(1), m.group(2)
            if key == "kind":
                found["kinds"] = set(re.findall(r"(\w+) =", comment))
                continue
            values = {v.strip() for v in comment.split("|") if v.strip()}
            if key == "materiel":
                found["materiel"] = values
            elif "person" in values:
                found["actor_types"] = values
            elif "meeting" in values:
                found["event_types"] = values
    if set(found) != {"kinds", "materiel", "actor_types", "event_types"}:
        return None
    return path, found


_fmt = load_format_lists()
if _fmt:
    FORMAT_PATH = _fmt[0]
    ACTOR_TYPES = _fmt[1]["actor_types"]
    EVENT_TYPES = _fmt[1]["event_types"]
    KINDS = _fmt[1]["kinds"]
    MATERIEL = _fmt[1]["materiel"]
else:
    FORMAT_PATH = None  # fall back to the copies above

STEM_RE = re.compile(r"^\d{3}_[0-9a-f]{16}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MIN_WORDS, MAX_WORDS = 550, 800

errors = []


def err(fname, msg):
    errors.append(f"{fname}: {msg}")


def norm_date(value):
    """Return the date as a string (YAML may have parsed it) or None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int):
        return "%04d" % value
    return str(value)


def check_date(fname, where, value, allow_null=True):
    d = norm_date(value)
    if d is None:
        if not allow_null:
            err(fname, f"{where}: date must not be null")
        return
    m = DATE_RE.match(d)
    if not m:
        err(fname, f"{where}: bad date format {d!r}")
        return
    y, mo, dd = m.group(1), m.group(2), m.group(3)
    try:
        if dd:
            datetime.date(int(y), int(mo), int(dd))
        elif mo:
            if not 1 <= int(mo) <= 12:
                raise ValueError
        if not 1900 <= int(y) <= 2030:
            raise ValueError
    except ValueError:
        err(fname, f"{where}: invalid date {d!r}")


def split_body(text, title, boilerplate):
    """Body = all lines of the article minus the title line and the boilerplate lines."""
    lines = text.split("\n")
    bp = set(boilerplate)
    out = []
    title_seen = False
    for ln in lines:
        if not title_seen and ln == title:
            title_seen = True
            continue
        if ln in bp:
            continue
        out.append(ln)
    return "\n".join(out)


def inside_quotes(body, quote):
    """True if at least one occurrence of `quote` lies inside quotation marks
    (straight "..." or curly “...”) within its paragraph. A paragraph that opens a
    quotation and does not close it (quote continuing over paragraphs) counts."""
    start = 0
    while True:
        pos = body.find(quote, start)
        if pos < 0:
            return False
        start = pos + 1
        line_start = body.rfind("\n", 0, pos) + 1
        prefix = body[line_start:pos]
        # curly
        if "”" not in quote and prefix.rfind("“") > prefix.rfind("”"):
            return True
        # straight
        if '"' not in quote and prefix.count('"') % 2 == 1:
            return True


def as_list(x):
    return x if isinstance(x, list) else []


def check_pair(gold_path):
    gname = os.path.basename(gold_path)
    stem = gname[:-5]
    if not STEM_RE.match(stem):
        err(gname, "file name is not NNN_<16 hex>.yaml")
    with open(gold_path, encoding="utf-8") as fh:
        try:
            g = yaml.safe_load(fh)
        except yaml.YAMLError as e:
            err(gname, f"YAML error: {e}")
            return None
    if not isinstance(g, dict):
        err(gname, "top level is not a mapping")
        return None
    if list(g.keys()) != TOP_KEYS:
        err(gname, f"top-level keys {list(g.keys())} != {TOP_KEYS}")
    if g.get("article") != stem + ".txt":
        err(gname, f"article field {g.get('article')!r} does not match file name")
    art_path = os.path.join(ART_DIR, stem + ".txt")
    if not os.path.exists(art_path):
        err(gname, "article file missing")
        return None
    with open(art_path, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    if g.get("url") is not None and not isinstance(g.get("url"), str):
        err(gname, "url must be a string or null")
    if g.get("language") != "en":
        err(gname, "language must be en")
    check_date(gname, "published", g.get("published"))

    title = g.get("title")
    if not isinstance(title, str) or title not in lines:
        err(gname, f"title is not an exact line of the article: {title!r}")
    elif lines[0] != title:
        err(gname, "title is not the first line of the article")
    bp = g.get("boilerplate")
    if not isinstance(bp, list):
        err(gname, "boilerplate must be a list")
        bp = []
    for b in bp:
        if not isinstance(b, str) or b not in lines:
            err(gname, f"boilerplate line not an exact line: {b!r}")
        if b == title:
            err(gname, "title listed as boilerplate")
    body = split_body(text, title or "", [b for b in bp if isinstance(b, str)])
    nwords = len(body.split())
    if not MIN_WORDS <= nwords <= MAX_WORDS:
        err(gname, f"body has {nwords} words (allowed {MIN_WORDS}-{MAX_WORDS})")

    # actors
    names = set()
    for i, a in enumerate(as_list(g.get("actors"))):
        where = f"actors[{i}]"
        if not isinstance(a, dict) or "name" not in a or "type" not in a:
            err(gname, f"{where}: needs name and type")
            continue
        extra = set(a) - {"name", "type", "also"}
        if extra:
            err(gname, f"{where}: unknown keys {extra}")
        if a["name"] in names:
            err(gname, f"{where}: duplicate actor {a['name']!r}")
        names.add(a["name"])
        if a["type"] not in ACTOR_TYPES:
            err(gname, f"{where}: bad actor type {a['type']!r}")
        also = a.get("also") or []
        if not isinstance(also, list):
            err(gname, f"{where}: also must be a list")
            also = []
        for form in also:
            if not isinstance(form, str) or form not in body:
                err(gname, f"{where} ({a['name']}): surface form not in body: {form!r}")
        if a["name"] not in body and not any(isinstance(f, str) and f in body for f in also):
            err(gname, f"{where}: actor {a['name']!r} not named in body")

    # statements
    anon = set()
    for i, s in enumerate(as_list(g.get("statements"))):
        where = f"statements[{i}]"
        if not isinstance(s, dict):
            err(gname, f"{where}: not a mapping")
            continue
        missing = {"speaker", "kind", "quote", "date"} - set(s)
        if missing:
            err(gname, f"{where}: missing keys {missing}")
            continue
        extra = set(s) - {"speaker", "kind", "quote", "date", "anonymous"}
        if extra:
            err(gname, f"{where}: unknown keys {extra}")
        if s.get("anonymous") is True:
            anon.add(s["speaker"])
        elif "anonymous" in s and s["anonymous"] is not True:
            err(gname, f"{where}: anonymous must be true when present")
        if s.get("anonymous") is not True and s["speaker"] not in names:
            err(gname, f"{where}: speaker {s['speaker']!r} is not a listed actor")
        if s["kind"] not in KINDS:
            err(gname, f"{where}: bad kind {s['kind']!r}")
        q = s["quote"]
        if not isinstance(q, str) or not q or q not in body:
            err(gname, f"{where}: quote not a verbatim body substring: {q!r}")
        elif s["kind"] == "direct" and not inside_quotes(body, q):
            err(gname, f"{where}: direct quote not inside quotation marks: {q!r}")
        check_date(gname, where, s["date"])

    # events
    for i, e in enumerate(as_list(g.get("events"))):
        where = f"events[{i}]"
        if not isinstance(e, dict) or set(e) != {"type", "actors", "date", "evidence"}:
            err(gname, f"{where}: keys must be type, actors, date, evidence")
            continue
        if e["type"] not in EVENT_TYPES:
            err(gname, f"{where}: bad event type {e['type']!r}")
        for a in as_list(e["actors"]):
            if a not in names:
                err(gname, f"{where}: event actor {a!r} is not a listed actor")
        if not isinstance(e["actors"], list):
            err(gname, f"{where}: actors must be a list")
        if not isinstance(e["evidence"], str) or e["evidence"] not in body:
            err(gname, f"{where}: evidence not a verbatim body substring: {e['evidence']!r}")
        check_date(gname, where, e["date"])

    # allegations
    for i, a in enumerate(as_list(g.get("allegations"))):
        where = f"allegations[{i}]"
        keys = {"supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"}
        if not isinstance(a, dict) or set(a) != keys:
            err(gname, f"{where}: keys must be {sorted(keys)}")
            continue
        if a["supplier"] not in names:
            err(gname, f"{where}: supplier {a['supplier']!r} is not a listed actor")
        if a["recipient"] is not None and a["recipient"] not in names:
            err(gname, f"{where}: recipient {a['recipient']!r} is not a listed actor")
        if a["alleged_by"] is not None and a["alleged_by"] not in names | anon:
            err(gname, f"{where}: alleged_by {a['alleged_by']!r} is neither an actor nor an anonymous speaker")
        if not isinstance(a["denied_by"], list):
            err(gname, f"{where}: denied_by must be a list")
        for d in as_list(a["denied_by"]):
            if d not in names:
                err(gname, f"{where}: denied_by {d!r} is not a listed actor")
        mats = a["materiel"]
        if not isinstance(mats, list) or not mats:
            err(gname, f"{where}: materiel must be a non-empty list")
        for m in as_list(mats):
            if m not in MATERIEL:
                err(gname, f"{where}: bad materiel {m!r}")
        if not isinstance(a["evidence"], str) or a["evidence"] not in body:
            err(gname, f"{where}: evidence not a verbatim body substring: {a['evidence']!r}")

    # support
    for i, s in enumerate(as_list(g.get("support"))):
        where = f"support[{i}]"
        keys = {"supporter", "supported", "alleged_by", "evidence"}
        if not isinstance(s, dict) or set(s) != keys:
            err(gname, f"{where}: keys must be {sorted(keys)}")
            continue
        if s["supporter"] not in names:
            err(gname, f"{where}: supporter {s['supporter']!r} is not a listed actor")
        if s["supported"] not in names:
            err(gname, f"{where}: supported {s['supported']!r} is not a listed actor")
        if s["alleged_by"] is not None and s["alleged_by"] not in names | anon:
            err(gname, f"{where}: alleged_by {s['alleged_by']!r} is neither an actor nor an anonymous speaker")
        if not isinstance(s["evidence"], str) or s["evidence"] not in body:
            err(gname, f"{where}: evidence not a verbatim body substring: {s['evidence']!r}")

    return {
        "file": stem, "words": nwords,
        "actors": len(as_list(g.get("actors"))),
        "statements": len(as_list(g.get("statements"))),
        "events": len(as_list(g.get("events"))),
        "allegations": len(as_list(g.get("allegations"))),
        "support": len(as_list(g.get("support"))),
    }


def main():
    verbose = "-v" in sys.argv[1:]
    golds = sorted(glob.glob(os.path.join(GOLD_DIR, "*.yaml")))
    arts = sorted(glob.glob(os.path.join(ART_DIR, "*.txt")))
    gstems = {os.path.basename(p)[:-5] for p in golds}
    astems = {os.path.basename(p)[:-4] for p in arts}
    for s in sorted(astems - gstems):
        err(s, "article without gold file")
    for s in sorted(gstems - astems):
        err(s, "gold file without article")
    if not golds:
        err("gold", "no gold files found")
    rows = [r for r in (check_pair(p) for p in golds) if r]
    if verbose:
        print("allowed lists from: " + (FORMAT_PATH or "embedded copy of FORMAT.md lists"))
    if verbose or errors:
        keys = ["words", "actors", "statements", "events", "allegations", "support"]
        print("file".ljust(22) + "".join(k.rjust(12) for k in keys))
        for r in rows:
            print(r["file"].ljust(22) + "".join(str(r[k]).rjust(12) for k in keys))
        print("TOTAL".ljust(22) + "".join(str(sum(r[k] for r in rows)).rjust(12) for k in keys))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print(f"OK: {len(rows)} article/gold pairs pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
