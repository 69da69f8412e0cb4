#!/usr/bin/env python3
"""Validate the heldout10 synthetic BLIND set (articles/*.txt + gold/*.yaml).

Checks, per gold file:
  - YAML parses; required keys present; article file exists and matches the gold file name
  - title is a full line of the article; boilerplate entries are exact full lines
  - body (article minus title line and boilerplate lines) has 550-800 words
  - actor / event / materiel types come from the lists in FORMAT.md
  - every actor surface form (name or `also` forms) occurs in the body; every `also` form occurs
  - statement speakers (unless anonymous: true), event actors, allegation suppliers and
    supporters are listed actors
  - every quote / evidence is a verbatim substring of the body; direct quotes sit inside
    quotation marks
  - dates (published, statement, event) are null, YYYY, YYYY-MM or YYYY-MM-DD

Usage: python3 validate.py [DIR]   (DIR defaults to the folder of this script)
Exit code 0 when everything passes, 1 otherwise. Warnings do not fail the run.
"""
import datetime
import os
import re
import sys

import yaml

ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government",
               "international_org", "media"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment",
               "arms_supply", "un_action", "diplomatic", "protest", "other"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles",
            "aircraft", "trucks", "military_personnel", "training", "equipment", "currency",
            "ships", "other"}
KINDS = {"direct", "indirect"}
REQUIRED = ["article", "url", "title", "published", "language", "boilerplate", "actors",
            "statements", "events", "allegations", "support"]
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FILE_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.(txt|yaml)$")


def norm_date(v):
    """Return (ok, string) for a date value as PyYAML may have parsed it."""
    if v is None:
        return True, None
    if isinstance(v, datetime.date):
        return True, v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if isinstance(v, str) and DATE_RE.match(v):
        parts = v.split("-")
        try:
            if len(parts) == 3:
                datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
            elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
                return False, v
        except ValueError:
            return False, v
        return True, v
    return False, v


def inside_quotes(body, idx):
    """True if position idx lies inside a quotation opened earlier on the same line
    (multi-paragraph quotes re-open with a quotation mark at the start of each paragraph)."""
    start = body.rfind("\n", 0, idx) + 1
    prefix = body[start:idx]
    if prefix.count("\u201c") > prefix.count("\u201d"):
        return True
    if prefix.count('"') % 2 == 1:
        return True
    # single-quote convention (‘...’) used by some British outlets for quotes in headlines
    singles = re.findall(r"(?:(?<=^)|(?<=[\s(\[—–-]))\u2018|\u2019(?=[\s.,;:!?)\]—–-]|$)", prefix)
    opens = sum(1 for s in singles if s == "\u2018")
    closes = sum(1 for s in singles if s == "\u2019")
    return opens > closes


def occurrences(body, s):
    out, i = [], body.find(s)
    while i != -1:
        out.append(i)
        i = body.find(s, i + 1)
    return out


def check_file(base, gold_name, errors, warnings):
    def err(msg):
        errors.append(f"{gold_name}: {msg}")

    def warn(msg):
        warnings.append(f"{gold_name}: {msg}")

    gpath = os.path.join(base, "gold", gold_name)
    try:
        with open(gpath, encoding="utf-8") as fh:
            g = yaml.safe_load(fh)
    except Exception as e:  # noqa: BLE001
        err(f"YAML does not parse: {e}")
        return None
    if not isinstance(g, dict):
        err("top level is not a mapping")
        return None
    for k in REQUIRED:
        if k not in g:
            err(f"missing key {k!r}")
    if errors and any(e.startswith(gold_name + ": missing key") for e in errors):
        return None

    if not FILE_RE.match(gold_name):
        err("gold file name is not NNN_<16 hex>.yaml")
    art = g["article"]
    if art != gold_name[:-5] + ".txt":
        err(f"article {art!r} does not match gold file name")
    apath = os.path.join(base, "articles", art)
    if not os.path.exists(apath):
        err(f"article file {art} missing")
        return None
    with open(apath, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    lineset = set(lines)

    if g["language"] != "en":
        err("language is not 'en'")
    if g["url"] is not None and not str(g["url"]).startswith("http"):
        err("url must be null or http(s) address")
    title = g["title"]
    if not isinstance(title, str) or title not in lineset:
        err(f"title is not a full line of the article: {title!r}")
    ok, pub = norm_date(g["published"])
    if not ok:
        err(f"published date malformed: {pub!r}")

    bp = g["boilerplate"] or []
    if not isinstance(bp, list):
        err("boilerplate is not a list")
        bp = []
    for b in bp:
        if not isinstance(b, str) or b not in lineset:
            err(f"boilerplate entry is not an exact full line: {b!r}")
    if title in bp:
        err("title listed as boilerplate")
    bpset = set(bp)
    body_lines = [ln for ln in lines if ln != title and ln not in bpset]
    body = "\n".join(body_lines)
    n_words = len(body.split())
    if not 550 <= n_words <= 800:
        err(f"body word count {n_words} outside 550-800")

    # actors
    names = set()
    for a in g["actors"] or []:
        if not isinstance(a, dict) or "name" not in a or "type" not in a:
            err(f"actor entry malformed: {a!r}")
            continue
        name = a["name"]
        if name in names:
            err(f"duplicate actor {name!r}")
        names.add(name)
        if a["type"] not in ACTOR_TYPES:
            err(f"actor {name!r} has bad type {a['type']!r}")
        also = a.get("also") or []
        if not isinstance(also, list):
            err(f"actor {name!r}: also is not a list")
            also = []
        for s in also:
            if not isinstance(s, str) or s not in body:
                err(f"actor {name!r}: surface form {s!r} not in body")
        if name not in body and not any(isinstance(s, str) and s in body for s in also):
            err(f"actor {name!r}: no surface form found in body")
        extra = set(a) - {"name", "type", "also"}
        if extra:
            err(f"actor {name!r}: unexpected keys {sorted(extra)}")

    # statements
    for s in g["statements"] or []:
        if not isinstance(s, dict):
            err(f"statement malformed: {s!r}")
            continue
        for k in ("speaker", "kind", "quote", "date"):
            if k not in s:
                err(f"statement missing {k!r}: {s!r}")
        anon = s.get("anonymous", False)
        if anon not in (True, False):
            err(f"statement anonymous flag not boolean: {s!r}")
        if not anon and s.get("speaker") not in names:
            err(f"speaker {s.get('speaker')!r} is not a listed actor")
        if s.get("kind") not in KINDS:
            err(f"statement kind bad: {s.get('kind')!r}")
        q = s.get("quote")
        if not isinstance(q, str) or not q:
            err(f"statement quote missing: {s!r}")
        else:
            occ = occurrences(body, q)
            if not occ:
                err(f"quote not a verbatim substring of body: {q!r}")
            elif s.get("kind") == "direct" and not any(inside_quotes(body, i) for i in occ):
                err(f"direct quote not inside quotation marks: {q!r}")
        ok, d = norm_date(s.get("date"))
        if not ok:
            err(f"statement date malformed: {d!r}")

    # events
    for e in g["events"] or []:
        if not isinstance(e, dict):
            err(f"event malformed: {e!r}")
            continue
        if e.get("type") not in EVENT_TYPES:
            err(f"event type bad: {e.get('type')!r}")
        acts = e.get("actors")
        if not isinstance(acts, list):
            err(f"event actors not a list: {e!r}")
            acts = []
        for a in acts:
            if a not in names:
                err(f"event actor {a!r} is not a listed actor")
        ev = e.get("evidence")
        if not isinstance(ev, str) or ev not in body:
            err(f"event evidence not in body: {ev!r}")
        ok, d = norm_date(e.get("date"))
        if not ok:
            err(f"event date malformed: {d!r}")

    # allegations
    for al in g["allegations"] or []:
        if not isinstance(al, dict):
            err(f"allegation malformed: {al!r}")
            continue
        for k in ("supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"):
            if k not in al:
                err(f"allegation missing {k!r}: {al!r}")
        if al.get("supplier") not in names:
            err(f"supplier {al.get('supplier')!r} is not a listed actor")
        rec = al.get("recipient")
        if rec is not None and rec not in names:
            warn(f"recipient {rec!r} is not a listed actor")
        mat = al.get("materiel")
        if not isinstance(mat, list) or not mat:
            err(f"materiel must be a non-empty list: {al!r}")
        else:
            for m in mat:
                if m not in MATERIEL:
                    err(f"materiel value bad: {m!r}")
        den = al.get("denied_by")
        if not isinstance(den, list):
            err(f"denied_by must be a list: {al!r}")
        else:
            for d in den:
                if d not in names:
                    warn(f"denier {d!r} is not a listed actor")
        ab = al.get("alleged_by")
        if ab is not None and not isinstance(ab, str):
            err(f"alleged_by must be a string or null: {al!r}")
        ev = al.get("evidence")
        if not isinstance(ev, str) or ev not in body:
            err(f"allegation evidence not in body: {ev!r}")

    # support
    for sp in g["support"] or []:
        if not isinstance(sp, dict):
            err(f"support malformed: {sp!r}")
            continue
        for k in ("supporter", "supported", "alleged_by", "evidence"):
            if k not in sp:
                err(f"support missing {k!r}: {sp!r}")
        if sp.get("supporter") not in names:
            err(f"supporter {sp.get('supporter')!r} is not a listed actor")
        if sp.get("supported") not in names:
            warn(f"supported {sp.get('supported')!r} is not a listed actor")
        ab = sp.get("alleged_by")
        if ab is not None and not isinstance(ab, str):
            err(f"support alleged_by must be a string or null: {sp!r}")
        ev = sp.get("evidence")
        if not isinstance(ev, str) or ev not in body:
            err(f"support evidence not in body: {ev!r}")

    return {
        "words": n_words,
        "actors": len(g["actors"] or []),
        "statements": len(g["statements"] or []),
        "events": len(g["events"] or []),
        "allegations": len(g["allegations"] or []),
        "support": len(g["support"] or []),
        "published": pub,
    }


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    golds = sorted(f for f in os.listdir(os.path.join(base, "gold")) if f.endswith(".yaml"))
    arts = sorted(f for f in os.listdir(os.path.join(base, "articles")) if f.endswith(".txt"))
    if not golds:
        errors.append("no gold files found")
    for a in arts:
        if a[:-4] + ".yaml" not in golds:
            errors.append(f"article {a} has no gold file")
    print(f"{'file':<28}{'words':>6}{'act':>5}{'stm':>5}{'evt':>5}{'all':>5}{'sup':>5}  published")
    for gname in golds:
        r = check_file(base, gname, errors, warnings)
        if r:
            print(f"{gname:<28}{r['words']:>6}{r['actors']:>5}{r['statements']:>5}"
                  f"{r['events']:>5}{r['allegations']:>5}{r['support']:>5}  {r['published']}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(golds)} gold files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
