#!/usr/bin/env python3
"""Validate the heldout9 synthetic gold set against the articles.

Usage: python3 validate.py            (run from anywhere)
Exit status 0 when every check passes, 1 otherwise.
Only the standard library and PyYAML are used.
"""
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("PyYAML is required (pip install pyyaml)\n")
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
ART_DIR = os.path.join(HERE, "articles")
GOLD_DIR = os.path.join(HERE, "gold")

ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government",
               "international_org", "media"}
KINDS = {"direct", "indirect"}
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment",
               "arms_supply", "un_action", "diplomatic", "protest", "other"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles",
            "aircraft", "trucks", "military_personnel", "training", "equipment", "currency",
            "ships", "other"}
TOP_KEYS = ["article", "url", "title", "published", "language", "boilerplate", "actors",
            "statements", "events", "allegations", "support"]
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
NAME_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.(txt|yaml)$")
WORD_MIN, WORD_MAX = 550, 800

errors = []


def err(fname, msg):
    errors.append("%s: %s" % (fname, msg))


def date_ok(v):
    if v is None:
        return True
    return DATE_RE.match(str(v)) is not None


def body_of(lines, title, boiler):
    """Body = all lines except the (first) title line and the boilerplate lines."""
    out = []
    title_skipped = False
    bset = set(boiler)
    for ln in lines:
        if not title_skipped and ln == title:
            title_skipped = True
            continue
        if ln in bset:
            continue
        out.append(ln)
    return "\n".join(out)


def inside_double_quotes(line, start, end):
    """True if line[start:end] lies inside one pair of double quotation marks
    (straight or curly). Each line is scanned from its beginning, so a paragraph
    that continues a multi-paragraph quote must re-open it, as in print."""
    # Some outlets (e.g. Libya Herald) print double quotes as two apostrophes ('').
    # Replace each '' by '"' plus a filler so that indices stay the same.
    line = line.replace("''", '"\x01')
    state = False
    for i, ch in enumerate(line[:start]):
        if ch == '"':
            state = not state
        elif ch == "\u201c":
            state = True
        elif ch == "\u201d":
            state = False
    if not state:
        return False
    seg = line[start:end]
    return '"' not in seg and "\u201d" not in seg and "\u201c" not in seg


def direct_ok(body, quote):
    for line in body.split("\n"):
        pos = line.find(quote)
        while pos != -1:
            if inside_double_quotes(line, pos, pos + len(quote)):
                return True
            pos = line.find(quote, pos + 1)
    return False


def check(gold_path):
    fname = os.path.basename(gold_path)
    with open(gold_path, encoding="utf-8") as fh:
        try:
            g = yaml.safe_load(fh)
        except yaml.YAMLError as e:
            err(fname, "YAML parse error: %s" % e)
            return None
    if not isinstance(g, dict):
        err(fname, "top level is not a mapping")
        return None
    for k in TOP_KEYS:
        if k not in g:
            err(fname, "missing key %r" % k)
    if any(k not in g for k in TOP_KEYS):
        return None
    art = g["article"]
    if art != fname[:-5] + ".txt":
        err(fname, "article field %r does not match file name" % art)
    apath = os.path.join(ART_DIR, art)
    if not os.path.exists(apath):
        err(fname, "article file missing: %s" % art)
        return None
    with open(apath, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    lineset = set(lines)
    title = g["title"]
    if not isinstance(title, str) or title not in lineset:
        err(fname, "title is not a full line of the article: %r" % title)
    if g["language"] != "en":
        err(fname, "language must be en")
    if not date_ok(g["published"]):
        err(fname, "bad published date %r" % g["published"])
    if g["url"] is not None and not str(g["url"]).startswith("http"):
        err(fname, "url must be null or http(s)")
    boiler = g["boilerplate"] or []
    for b in boiler:
        if not isinstance(b, str) or b not in lineset:
            err(fname, "boilerplate entry is not an exact line: %r" % b)
        elif b.strip() == "":
            err(fname, "empty boilerplate entry")
    if len(set(boiler)) != len(boiler):
        err(fname, "duplicate boilerplate entries")
    body = body_of(lines, title, boiler)
    nwords = len(body.split())
    if not (WORD_MIN <= nwords <= WORD_MAX):
        err(fname, "body word count %d outside %d-%d" % (nwords, WORD_MIN, WORD_MAX))

    # actors
    actors = {}
    for a in g["actors"] or []:
        for k in ("name", "type"):
            if k not in a:
                err(fname, "actor missing %s: %r" % (k, a))
        name = a.get("name")
        if name in actors:
            err(fname, "duplicate actor %r" % name)
        actors[name] = a
        if a.get("type") not in ACTOR_TYPES:
            err(fname, "actor %r has bad type %r" % (name, a.get("type")))
        forms = [str(x) for x in (a.get("also") or [])]
        for f in forms:
            if f not in body:
                err(fname, "actor %r surface form %r not in body" % (name, f))
        if name not in body and not any(f in body for f in forms):
            err(fname, "actor %r: neither name nor any surface form occurs in body" % name)
        extra = set(a) - {"name", "type", "also"}
        if extra:
            err(fname, "actor %r has unknown keys %s" % (name, sorted(extra)))

    def need_actor(what, n):
        if n not in actors:
            err(fname, "%s %r is not a listed actor" % (what, n))

    # statements
    for s in g["statements"] or []:
        for k in ("speaker", "kind", "quote", "date"):
            if k not in s:
                err(fname, "statement missing %s: %r" % (k, s))
        extra = set(s) - {"speaker", "kind", "quote", "date", "anonymous"}
        if extra:
            err(fname, "statement has unknown keys %s: %r" % (sorted(extra), s))
        q = str(s.get("quote", ""))
        anon = s.get("anonymous", False)
        if anon not in (True, False):
            err(fname, "anonymous must be true/false: %r" % s)
        if not anon:
            need_actor("speaker", s.get("speaker"))
        if s.get("kind") not in KINDS:
            err(fname, "bad statement kind %r" % s.get("kind"))
        if not q or q not in body:
            err(fname, "statement quote not a verbatim body substring: %r" % q)
        elif s.get("kind") == "direct" and not direct_ok(body, q):
            err(fname, "direct quote not inside quotation marks: %r" % q)
        if not date_ok(s.get("date")):
            err(fname, "bad statement date %r" % s.get("date"))

    # events
    for e in g["events"] or []:
        for k in ("type", "actors", "date", "evidence"):
            if k not in e:
                err(fname, "event missing %s: %r" % (k, e))
        if e.get("type") not in EVENT_TYPES:
            err(fname, "bad event type %r" % e.get("type"))
        for n in e.get("actors") or []:
            need_actor("event actor", n)
        if str(e.get("evidence", "")) not in body or not e.get("evidence"):
            err(fname, "event evidence not a verbatim body substring: %r" % e.get("evidence"))
        if not date_ok(e.get("date")):
            err(fname, "bad event date %r" % e.get("date"))

    # allegations
    for al in g["allegations"] or []:
        for k in ("supplier", "recipient", "materiel", "alleged_by", "denied_by", "evidence"):
            if k not in al:
                err(fname, "allegation missing %s: %r" % (k, al))
        need_actor("supplier", al.get("supplier"))
        if al.get("recipient") is not None:
            need_actor("recipient", al.get("recipient"))
        mats = al.get("materiel") or []
        if not mats:
            err(fname, "allegation without materiel: %r" % al)
        for m in mats:
            if m not in MATERIEL:
                err(fname, "bad materiel %r" % m)
        ab = al.get("alleged_by")
        if ab is not None and ab not in actors and ab not in body:
            err(fname, "alleged_by %r is neither a listed actor nor a body phrase" % ab)
        for d in al.get("denied_by") or []:
            need_actor("denied_by", d)
        if not al.get("evidence") or str(al.get("evidence")) not in body:
            err(fname, "allegation evidence not a verbatim body substring: %r" % al.get("evidence"))

    # support
    for sp in g["support"] or []:
        for k in ("supporter", "supported", "alleged_by", "evidence"):
            if k not in sp:
                err(fname, "support missing %s: %r" % (k, sp))
        need_actor("supporter", sp.get("supporter"))
        need_actor("supported", sp.get("supported"))
        ab = sp.get("alleged_by")
        if ab is not None and ab not in actors and ab not in body:
            err(fname, "support alleged_by %r is neither a listed actor nor a body phrase" % ab)
        if not sp.get("evidence") or str(sp.get("evidence")) not in body:
            err(fname, "support evidence not a verbatim body substring: %r" % sp.get("evidence"))

    return {
        "words": nwords,
        "actors": len(g["actors"] or []),
        "statements": len(g["statements"] or []),
        "events": len(g["events"] or []),
        "allegations": len(g["allegations"] or []),
        "support": len(g["support"] or []),
    }


def main():
    arts = sorted(f for f in os.listdir(ART_DIR) if f.endswith(".txt"))
    golds = sorted(f for f in os.listdir(GOLD_DIR) if f.endswith(".yaml"))
    for f in arts + golds:
        if not NAME_RE.match(f):
            err(f, "file name does not match NNN_<16 hex>.ext")
    if [a[:-4] for a in arts] != [g[:-5] for g in golds]:
        err("-", "articles and gold files do not pair up: %s vs %s" % (arts, golds))
    print("%-28s %5s %6s %5s %6s %5s %5s" % ("gold", "words", "actors", "stmts", "events", "alleg", "supp"))
    for gf in golds:
        r = check(os.path.join(GOLD_DIR, gf))
        if r:
            print("%-28s %5d %6d %5d %6d %5d %5d" % (gf, r["words"], r["actors"], r["statements"],
                                                    r["events"], r["allegations"], r["support"]))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: %d article/gold pairs valid" % len(golds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
