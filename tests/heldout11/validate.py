#!/usr/bin/env python3
"""Consistency checks for the heldout11 synthetic gold set.

Usage: python3 validate.py            (run from anywhere)
Exit code 0 when every article/gold pair passes, 1 otherwise.
Requires PyYAML.
"""
import datetime
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
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles",
            "aircraft", "trucks", "military_personnel", "training", "equipment", "currency",
            "ships", "other"}
KINDS = {"direct", "indirect"}
NAME_RE = re.compile(r"^(\d{3})_([0-9a-f]{16})\.(txt|yaml)$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MIN_WORDS, MAX_WORDS = 550, 800

OPEN_Q = "“"
CLOSE_Q = "”"


def norm_date(v):
    """Return (ok, string) for a date value parsed by YAML."""
    if v is None:
        return True, None
    if isinstance(v, datetime.datetime):
        return False, str(v)
    if isinstance(v, datetime.date):
        return True, v.isoformat()
    if isinstance(v, int):
        v = str(v)
    if not isinstance(v, str) or not DATE_RE.match(v):
        return False, str(v)
    parts = [int(p) for p in v.split("-")]
    try:
        if len(parts) == 3:
            datetime.date(*parts)
        elif len(parts) == 2:
            datetime.date(parts[0], parts[1], 1)
    except ValueError:
        return False, v
    if not 1900 <= parts[0] <= 2030:
        return False, v
    return True, v


def inside_quotes(line, start):
    """True if position `start` of `line` lies inside an open quotation."""
    prefix = line[:start]
    curly_open = prefix.count(OPEN_Q) - prefix.count(CLOSE_Q)
    straight = prefix.count('"')
    return curly_open > 0 or straight % 2 == 1


def check_pair(art_name, gold_name, errors):
    def err(msg):
        errors.append(f"{gold_name}: {msg}")

    with open(os.path.join(ART_DIR, art_name), encoding="utf-8") as fh:
        raw = fh.read()
    with open(os.path.join(GOLD_DIR, gold_name), encoding="utf-8") as fh:
        try:
            gold = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            err(f"YAML parse error: {exc}")
            return None
    if not isinstance(gold, dict):
        err("gold is not a mapping")
        return None

    keys = list(gold.keys())
    if keys != TOP_KEYS:
        missing = [k for k in TOP_KEYS if k not in gold]
        extra = [k for k in keys if k not in TOP_KEYS]
        if missing or extra:
            err(f"top-level keys wrong: missing={missing} extra={extra}")
        else:
            err(f"top-level keys out of order: {keys}")

    if gold.get("article") != art_name:
        err(f"article field {gold.get('article')!r} != {art_name!r}")
    if gold.get("language") != "en":
        err("language must be 'en'")
    url = gold.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith("http")):
        err(f"bad url {url!r}")
    ok, _ = norm_date(gold.get("published"))
    if not ok:
        err(f"bad published date {gold.get('published')!r}")

    lines = raw.split("\n")
    stripped = [l.rstrip("\r") for l in lines]
    lineset = set(stripped)

    title = gold.get("title")
    if not isinstance(title, str) or title not in lineset:
        err(f"title is not a full line of the article: {title!r}")

    boiler = gold.get("boilerplate") or []
    if not isinstance(boiler, list):
        err("boilerplate must be a list")
        boiler = []
    for b in boiler:
        if not isinstance(b, str) or b not in lineset:
            err(f"boilerplate line not found exactly: {b!r}")
        if b == title:
            err(f"title listed as boilerplate: {b!r}")
    if len(set(boiler)) != len(boiler):
        err("duplicate boilerplate lines")

    bset = set(boiler)
    body_lines = []
    title_seen = False
    for l in stripped:
        if not title_seen and l == title:
            title_seen = True
            continue
        if l in bset:
            continue
        if l.strip():
            body_lines.append(l)
    body = "\n".join(body_lines)
    nwords = len(body.split())
    if not MIN_WORDS <= nwords <= MAX_WORDS:
        err(f"body has {nwords} words (want {MIN_WORDS}-{MAX_WORDS})")

    # actors
    actors = gold.get("actors") or []
    names = set()
    for a in actors:
        if not isinstance(a, dict) or set(a.keys()) - {"name", "type", "also"} or "name" not in a or "type" not in a:
            err(f"bad actor entry {a!r}")
            continue
        n = a["name"]
        if n in names:
            err(f"duplicate actor {n!r}")
        names.add(n)
        if a["type"] not in ACTOR_TYPES:
            err(f"actor {n!r} bad type {a['type']!r}")
        also = a.get("also") or []
        if not isinstance(also, list):
            err(f"actor {n!r} also must be a list")
            also = []
        for s in also:
            if not isinstance(s, str) or s not in body:
                err(f"actor {n!r} surface form not in body: {s!r}")
        if n not in body and not any(isinstance(s, str) and s in body for s in also):
            err(f"actor {n!r}: neither name nor any surface form occurs in body")

    anon = set()
    for s in gold.get("statements") or []:
        if isinstance(s, dict) and s.get("anonymous") is True:
            anon.add(s.get("speaker"))

    def listed(n, what, allow_anon=False, allow_null=False):
        if n is None:
            if not allow_null:
                err(f"{what}: null not allowed")
            return
        if n in names:
            return
        if allow_anon and n in anon:
            return
        err(f"{what}: {n!r} is not a listed actor")

    def check_text(t, what):
        if not isinstance(t, str) or not t.strip():
            err(f"{what}: empty or non-string")
            return False
        if t not in body:
            err(f"{what}: not a verbatim substring of the body: {t!r}")
            return False
        return True

    def check_date(v, what):
        ok, _ = norm_date(v)
        if not ok:
            err(f"{what}: bad date {v!r}")

    for i, s in enumerate(gold.get("statements") or []):
        what = f"statement[{i}]"
        if not isinstance(s, dict):
            err(f"{what} not a mapping")
            continue
        extra = set(s.keys()) - {"speaker", "kind", "quote", "date", "anonymous"}
        miss = {"speaker", "kind", "quote", "date"} - set(s.keys())
        if extra or miss:
            err(f"{what}: keys missing={sorted(miss)} extra={sorted(extra)}")
        if "anonymous" in s and s["anonymous"] is not True:
            err(f"{what}: anonymous must be true when present")
        if s.get("anonymous") is not True:
            listed(s.get("speaker"), f"{what} speaker")
        elif not isinstance(s.get("speaker"), str):
            err(f"{what}: anonymous speaker must be a description string")
        if s.get("kind") not in KINDS:
            err(f"{what}: bad kind {s.get('kind')!r}")
        check_date(s.get("date"), what)
        q = s.get("quote")
        if check_text(q, what) and s.get("kind") == "direct":
            good = False
            for l in body_lines:
                start = l.find(q)
                while start != -1:
                    if inside_quotes(l, start) or q[:1] in (OPEN_Q, '"'):
                        good = True
                        break
                    start = l.find(q, start + 1)
                if good:
                    break
            if not good:
                err(f"{what}: direct quote not inside quotation marks: {q!r}")

    for i, e in enumerate(gold.get("events") or []):
        what = f"event[{i}]"
        if not isinstance(e, dict) or set(e.keys()) != {"type", "actors", "date", "evidence"}:
            err(f"{what}: bad keys {e!r}")
            continue
        if e["type"] not in EVENT_TYPES:
            err(f"{what}: bad type {e['type']!r}")
        if not isinstance(e["actors"], list):
            err(f"{what}: actors must be a list")
        else:
            for a in e["actors"]:
                listed(a, f"{what} actor", allow_anon=True)
        check_date(e["date"], what)
        check_text(e["evidence"], what)

    for i, a in enumerate(gold.get("allegations") or []):
        what = f"allegation[{i}]"
        want = {"supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"}
        if not isinstance(a, dict) or set(a.keys()) != want:
            err(f"{what}: bad keys {a!r}")
            continue
        listed(a["supplier"], f"{what} supplier", allow_anon=True)
        listed(a["recipient"], f"{what} recipient", allow_null=True)
        if not isinstance(a["materiel"], list) or not a["materiel"]:
            err(f"{what}: materiel must be a non-empty list")
        else:
            for m in a["materiel"]:
                if m not in MATERIEL:
                    err(f"{what}: bad materiel {m!r}")
        listed(a["alleged_by"], f"{what} alleged_by", allow_anon=True, allow_null=True)
        if not isinstance(a["denied_by"], list):
            err(f"{what}: denied_by must be a list")
        else:
            for d in a["denied_by"]:
                listed(d, f"{what} denied_by", allow_anon=True)
        check_text(a["evidence"], what)

    for i, s in enumerate(gold.get("support") or []):
        what = f"support[{i}]"
        if not isinstance(s, dict) or set(s.keys()) != {"supporter", "supported", "alleged_by", "evidence"}:
            err(f"{what}: bad keys {s!r}")
            continue
        listed(s["supporter"], f"{what} supporter", allow_anon=True)
        listed(s["supported"], f"{what} supported")
        listed(s["alleged_by"], f"{what} alleged_by", allow_anon=True, allow_null=True)
        check_text(s["evidence"], what)

    for k in ("statements", "events", "allegations", "support", "actors", "boilerplate"):
        if gold.get(k) is not None and not isinstance(gold.get(k), list):
            err(f"{k} must be a list")

    return {
        "words": nwords,
        "actors": len(actors),
        "statements": len(gold.get("statements") or []),
        "events": len(gold.get("events") or []),
        "allegations": len(gold.get("allegations") or []),
        "support": len(gold.get("support") or []),
    }


def main():
    errors = []
    arts = sorted(os.listdir(ART_DIR))
    golds = sorted(os.listdir(GOLD_DIR))
    for f in arts:
        if not NAME_RE.match(f) or not f.endswith(".txt"):
            errors.append(f"bad article file name {f!r}")
    for f in golds:
        if not NAME_RE.match(f) or not f.endswith(".yaml"):
            errors.append(f"bad gold file name {f!r}")
    art_stems = {f[:-4] for f in arts if f.endswith(".txt")}
    gold_stems = {f[:-5] for f in golds if f.endswith(".yaml")}
    for s in sorted(art_stems - gold_stems):
        errors.append(f"article without gold: {s}")
    for s in sorted(gold_stems - art_stems):
        errors.append(f"gold without article: {s}")
    nums = sorted(s[:3] for s in art_stems)
    if nums != [f"{i:03d}" for i in range(len(nums))]:
        errors.append(f"article numbers not contiguous from 000: {nums}")

    print(f"{'file':<24} {'words':>5} {'act':>4} {'stm':>4} {'evt':>4} {'all':>4} {'sup':>4}")
    for stem in sorted(art_stems & gold_stems):
        stats = check_pair(stem + ".txt", stem + ".yaml", errors)
        if stats:
            print(f"{stem:<24} {stats['words']:>5} {stats['actors']:>4} {stats['statements']:>4} "
                  f"{stats['events']:>4} {stats['allegations']:>4} {stats['support']:>4}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
