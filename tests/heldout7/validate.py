#!/usr/bin/env python3
"""Validate the heldout7 blind gold set.

Checks, for every gold/NNN_<hex>.yaml:
  * the YAML parses and has the FORMAT.md keys;
  * the matching articles/NNN_<hex>.txt exists (and vice versa);
  * the title is an exact line of the article;
  * every boilerplate entry is an exact full line of the article;
  * every quote / evidence string is a verbatim substring of the article body
    (i.e. not only found inside boilerplate lines);
  * every actor name-or-alias occurs in the body, and every `also` form occurs in the body;
  * actor types, event types and materiel values come from the allowed lists;
  * names used in statements/events/allegations/support refer to listed actors
    (or, for speakers/alleged_by, to an anonymous speaker declared in statements);
  * dates are null, YYYY, YYYY-MM or YYYY-MM-DD and valid;
  * body word count (non-boilerplate, non-title lines) is within 550..800.
Exit status 0 when clean, 1 otherwise.
"""
import datetime
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
GOLD = os.path.join(HERE, "gold")

ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government", "international_org", "media"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment", "arms_supply",
               "un_action", "diplomatic", "protest", "other"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles", "aircraft", "trucks",
            "military_personnel", "training", "equipment", "currency", "ships", "other"}
TOP_KEYS = ["article", "url", "title", "published", "language", "boilerplate", "actors", "statements", "events",
            "allegations", "support"]
NAME_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.(txt|yaml)$")
WORDS_MIN, WORDS_MAX = 550, 800

errors = []


def err(f, msg):
    errors.append(f"{f}: {msg}")


def check_date(f, where, v):
    if v is None:
        return
    if isinstance(v, datetime.date):
        return
    if isinstance(v, int):
        if not 1900 <= v <= 2100:
            err(f, f"{where}: bad year {v}")
        return
    s = str(v)
    try:
        if re.fullmatch(r"\d{4}", s):
            return
        if re.fullmatch(r"\d{4}-\d{2}", s):
            datetime.date(int(s[:4]), int(s[5:7]), 1)
            return
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            datetime.date.fromisoformat(s)
            return
    except ValueError:
        pass
    err(f, f"{where}: malformed date {v!r}")


def main():
    arts = sorted(os.listdir(ART))
    golds = sorted(os.listdir(GOLD))
    for n in arts + golds:
        if not NAME_RE.match(n):
            errors.append(f"bad file name: {n}")
    stems_a = {os.path.splitext(a)[0] for a in arts}
    stems_g = {os.path.splitext(g)[0] for g in golds}
    for s in sorted(stems_a ^ stems_g):
        errors.append(f"article/gold mismatch: {s}")
    counts = []
    for g in golds:
        f = g
        path = os.path.join(GOLD, g)
        try:
            d = yaml.safe_load(open(path, encoding="utf-8"))
        except Exception as e:  # noqa
            err(f, f"YAML parse error: {e}")
            continue
        if not isinstance(d, dict):
            err(f, "top level is not a mapping")
            continue
        for k in TOP_KEYS:
            if k not in d:
                err(f, f"missing key {k}")
        for k in d:
            if k not in TOP_KEYS:
                err(f, f"unknown key {k}")
        art_name = d.get("article")
        if art_name != os.path.splitext(g)[0] + ".txt":
            err(f, f"article field {art_name!r} does not match file name")
            continue
        text = open(os.path.join(ART, art_name), encoding="utf-8").read()
        lines = text.split("\n")
        lineset = set(lines)
        bp = d.get("boilerplate") or []
        for b in bp:
            if b not in lineset:
                err(f, f"boilerplate not an exact line: {b!r}")
        bpset = set(bp)
        title = d.get("title")
        if title not in lineset:
            err(f, f"title not an exact line: {title!r}")
        if title in bpset:
            err(f, "title listed as boilerplate")
        body_lines = [l for l in lines if l not in bpset]
        body = "\n".join(body_lines)
        nwords = sum(len(l.split()) for l in body_lines if l != title)
        if not WORDS_MIN <= nwords <= WORDS_MAX:
            err(f, f"body word count {nwords} outside {WORDS_MIN}..{WORDS_MAX}")
        check_date(f, "published", d.get("published"))
        if d.get("language") != "en":
            err(f, "language must be en")

        def in_body(s, where):
            if not isinstance(s, str) or not s:
                err(f, f"{where}: empty or non-string {s!r}")
                return
            if s not in text:
                err(f, f"{where}: not verbatim in article: {s!r}")
            elif s not in body:
                err(f, f"{where}: only found inside boilerplate: {s!r}")

        actors = d.get("actors") or []
        names = set()
        for a in actors:
            n = a.get("name")
            if n in names:
                err(f, f"duplicate actor {n}")
            names.add(n)
            if a.get("type") not in ACTOR_TYPES:
                err(f, f"actor {n}: bad type {a.get('type')!r}")
            also = a.get("also") or []
            forms = [n] + list(also)
            if not any(isinstance(x, str) and x in body for x in forms):
                err(f, f"actor {n}: no surface form occurs in body")
            for x in also:
                if not isinstance(x, str) or x not in body:
                    err(f, f"actor {n}: alias {x!r} not in body")
            for k in a:
                if k not in ("name", "type", "also"):
                    err(f, f"actor {n}: unknown key {k}")
        anon = set()
        sts = d.get("statements") or []
        for i, s in enumerate(sts):
            w = f"statement[{i}]"
            if s.get("kind") not in ("direct", "indirect"):
                err(f, f"{w}: bad kind {s.get('kind')!r}")
            sp = s.get("speaker")
            if s.get("anonymous") is True:
                anon.add(sp)
            elif "anonymous" in s:
                err(f, f"{w}: anonymous must be true when present")
            elif sp not in names:
                err(f, f"{w}: speaker {sp!r} not a listed actor (and not anonymous)")
            in_body(s.get("quote"), w + " quote")
            check_date(f, w + " date", s.get("date"))
            for k in s:
                if k not in ("speaker", "kind", "quote", "date", "anonymous"):
                    err(f, f"{w}: unknown key {k}")
        for i, e in enumerate(d.get("events") or []):
            w = f"event[{i}]"
            if e.get("type") not in EVENT_TYPES:
                err(f, f"{w}: bad type {e.get('type')!r}")
            for a in e.get("actors") or []:
                if a not in names:
                    err(f, f"{w}: actor {a!r} not listed")
            check_date(f, w + " date", e.get("date"))
            in_body(e.get("evidence"), w + " evidence")
        for i, a in enumerate(d.get("allegations") or []):
            w = f"allegation[{i}]"
            if a.get("supplier") not in names:
                err(f, f"{w}: supplier {a.get('supplier')!r} not listed")
            r = a.get("recipient")
            if r is not None and r not in names:
                err(f, f"{w}: recipient {r!r} not listed")
            mat = a.get("materiel") or []
            if not mat:
                err(f, f"{w}: empty materiel")
            for m in mat:
                if m not in MATERIEL:
                    err(f, f"{w}: bad materiel {m!r}")
            ab = a.get("alleged_by")
            if ab is not None and ab not in names and ab not in anon:
                err(f, f"{w}: alleged_by {ab!r} not an actor/anonymous speaker")
            for x in a.get("denied_by") or []:
                if x not in names:
                    err(f, f"{w}: denied_by {x!r} not listed")
            in_body(a.get("evidence"), w + " evidence")
        for i, s in enumerate(d.get("support") or []):
            w = f"support[{i}]"
            for k in ("supporter", "supported"):
                if s.get(k) not in names:
                    err(f, f"{w}: {k} {s.get(k)!r} not listed")
            ab = s.get("alleged_by")
            if ab is not None and ab not in names and ab not in anon:
                err(f, f"{w}: alleged_by {ab!r} not an actor/anonymous speaker")
            in_body(s.get("evidence"), w + " evidence")
        counts.append((g, nwords, len(actors), len(sts), len(d.get("events") or []),
                       len(d.get("allegations") or []), len(d.get("support") or []), d.get("published")))
    print(f"{'file':32} {'words':>5} {'act':>4} {'stmt':>4} {'evt':>4} {'alg':>4} {'sup':>4}  published")
    for c in counts:
        print(f"{c[0]:32} {c[1]:5} {c[2]:4} {c[3]:4} {c[4]:4} {c[5]:4} {c[6]:4}  {c[7]}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
