#!/usr/bin/env python3
"""Consistency checks for the heldout8 blind evaluation set.

Checks, for every article/gold pair:
  * the YAML parses and has the keys of the shared gold FORMAT.md;
  * `article` names the article file, `title` is a full line of the article;
  * every boilerplate entry is an exact full line of the article;
  * the article body (all non-empty lines except the title and boilerplate
    lines) has 550-800 words;
  * actor types, statement kinds, event types and materiel values come from
    the allowed lists; actor names are unique;
  * every actor has at least one surface form (name or `also`) in the body and
    every `also` form occurs in the body;
  * statement speakers (unless anonymous), event actors, allegation suppliers
    and support supporters/supporteds are canonical names from `actors`;
  * every quote / evidence is a verbatim substring of the body (not of a
    boilerplate line); direct quotes sit inside quotation marks;
  * dates are null, YYYY, YYYY-MM or YYYY-MM-DD.

Usage: python3 validate.py   (exit status 0 when clean)
"""
import datetime
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold"

ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government",
               "international_org", "media"}
KINDS = {"direct", "indirect"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment",
               "arms_supply", "un_action", "diplomatic", "protest", "other"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense",
            "armored_vehicles", "aircraft", "trucks", "military_personnel", "training",
            "equipment", "currency", "ships", "other"}
TOP_KEYS = ["article", "url", "title", "published", "language", "boilerplate", "actors",
            "statements", "events", "allegations", "support"]
# Libyan sides that may be named as recipients even if the article only names
# their leader ("Haftar's troops" -> Libyan National Army), as in the shared gold.
KNOWN_RECIPIENTS = {"Libyan National Army", "Government of National Accord",
                    "Government of National Unity", "National Transitional Council",
                    "Tobruk-based government"}
FILE_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
WORDS_MIN, WORDS_MAX = 550, 800


def date_ok(v):
    if v is None:
        return True
    if isinstance(v, datetime.date):
        return True
    if isinstance(v, int):
        return 1900 <= v <= 2100
    if isinstance(v, str) and DATE_RE.match(v):
        try:
            if len(v) == 10:
                datetime.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    return False


def inside_quotes(body, quote):
    """True if some occurrence of `quote` lies inside quotation marks of its paragraph."""
    start = 0
    while True:
        i = body.find(quote, start)
        if i < 0:
            return False
        para_start = body.rfind("\n", 0, i) + 1
        before = body[para_start:i]
        straight = before.count('"') % 2 == 1
        curly = before.count("\u201c") > before.count("\u201d")
        if straight or curly:
            return True
        start = i + 1


def check(txt_path, errors):
    name = txt_path.name
    err = lambda m: errors.append(f"{name}: {m}")
    if not FILE_RE.match(name):
        err("file name does not match NNN_<16 hex>.txt")
    gold_path = GOLD / (txt_path.stem + ".yaml")
    if not gold_path.exists():
        err("missing gold file")
        return
    text = txt_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    line_set = set(lines)
    try:
        g = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        err(f"YAML does not parse: {e}")
        return
    if not isinstance(g, dict):
        err("gold is not a mapping")
        return
    for k in TOP_KEYS:
        if k not in g:
            err(f"missing key {k}")
    if g.get("article") != name:
        err(f"article field {g.get('article')!r} != {name}")
    if g.get("language") != "en":
        err("language must be en")
    title = g.get("title")
    if title not in line_set:
        err(f"title is not a full line of the article: {title!r}")
    if not date_ok(g.get("published")):
        err(f"bad published date {g.get('published')!r}")

    boiler = g.get("boilerplate") or []
    for b in boiler:
        if b not in line_set:
            err(f"boilerplate entry is not an exact line: {b!r}")
    if title in boiler:
        err("title listed as boilerplate")
    bset = set(boiler)
    body_lines = [l for l in lines if l.strip() and l not in bset and l != title]
    body = "\n".join(body_lines)
    nwords = len(body.split())
    if not (WORDS_MIN <= nwords <= WORDS_MAX):
        err(f"body has {nwords} words (want {WORDS_MIN}-{WORDS_MAX})")

    actors = g.get("actors") or []
    names = set()
    for a in actors:
        n = a.get("name")
        if not n:
            err(f"actor without name: {a}")
            continue
        if n in names:
            err(f"duplicate actor {n}")
        names.add(n)
        if a.get("type") not in ACTOR_TYPES:
            err(f"actor {n}: bad type {a.get('type')!r}")
        forms = [n] + list(a.get("also") or [])
        for f in a.get("also") or []:
            if f not in body:
                err(f"actor {n}: surface form {f!r} not in body")
        if not any(f in body for f in forms):
            err(f"actor {n}: no surface form occurs in body")

    def known(n, what):
        if n not in names:
            err(f"{what}: {n!r} is not a listed actor")

    for s in g.get("statements") or []:
        if s.get("kind") not in KINDS:
            err(f"statement bad kind: {s}")
        if not s.get("anonymous"):
            known(s.get("speaker"), "statement speaker")
        elif not s.get("speaker"):
            err(f"anonymous statement without speaker description: {s}")
        q = s.get("quote")
        if not isinstance(q, str) or q not in body:
            err(f"quote not verbatim in body: {q!r}")
        elif s.get("kind") == "direct" and not inside_quotes(body, q):
            err(f"direct quote not inside quotation marks: {q!r}")
        if not date_ok(s.get("date")):
            err(f"statement bad date: {s}")
    for e in g.get("events") or []:
        if e.get("type") not in EVENT_TYPES:
            err(f"event bad type: {e}")
        for n in e.get("actors") or []:
            known(n, "event actor")
        if not date_ok(e.get("date")):
            err(f"event bad date: {e}")
        if not isinstance(e.get("evidence"), str) or e["evidence"] not in body:
            err(f"event evidence not verbatim in body: {e.get('evidence')!r}")
    for a in g.get("allegations") or []:
        known(a.get("supplier"), "allegation supplier")
        r = a.get("recipient")
        if r is not None and r not in names and r not in KNOWN_RECIPIENTS:
            err(f"allegation recipient {r!r} unknown")
        m = a.get("materiel")
        if not m or not set(m) <= MATERIEL:
            err(f"allegation bad materiel {m!r}")
        if not isinstance(a.get("denied_by"), list):
            err(f"allegation denied_by must be a list: {a}")
        if "alleged_by" not in a:
            err(f"allegation lacks alleged_by: {a}")
        if not isinstance(a.get("evidence"), str) or a["evidence"] not in body:
            err(f"allegation evidence not verbatim in body: {a.get('evidence')!r}")
    for s in g.get("support") or []:
        known(s.get("supporter"), "supporter")
        sp = s.get("supported")
        if sp not in names and sp not in KNOWN_RECIPIENTS:
            err(f"supported {sp!r} unknown")
        if s.get("supporter") == sp:
            err(f"self-support: {s}")
        if "alleged_by" not in s:
            err(f"support lacks alleged_by: {s}")
        if not isinstance(s.get("evidence"), str) or s["evidence"] not in body:
            err(f"support evidence not verbatim in body: {s.get('evidence')!r}")
    return nwords


def main():
    errors = []
    arts = sorted(ART.glob("*.txt"))
    if len(arts) != 8:
        errors.append(f"expected 8 articles, found {len(arts)}")
    golds = {p.stem for p in GOLD.glob("*.yaml")}
    extra = golds - {p.stem for p in arts}
    if extra:
        errors.append(f"gold files without article: {sorted(extra)}")
    for p in arts:
        n = check(p, errors)
        g = yaml.safe_load((GOLD / (p.stem + ".yaml")).read_text()) if (GOLD / (p.stem + ".yaml")).exists() else None
        if g and isinstance(g, dict):
            print(f"{p.name}: words={n} actors={len(g.get('actors') or [])} "
                  f"statements={len(g.get('statements') or [])} events={len(g.get('events') or [])} "
                  f"allegations={len(g.get('allegations') or [])} support={len(g.get('support') or [])} "
                  f"published={g.get('published')}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
