"""Sanity checks for the heldout6 gold files (format only, no extractor involved)."""
import re, sys, datetime
from pathlib import Path
import yaml

HERE = Path(__file__).parent
EVENT_TYPES = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment", "arms_supply",
               "un_action", "diplomatic", "protest", "other"}
ACTOR_TYPES = {"person", "country", "organization", "armed_group", "government", "international_org", "media"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles", "aircraft", "trucks",
            "military_personnel", "training", "equipment", "currency", "ships", "other"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

def check_date(v, where, errs):
    if v is None:
        return
    s = v.isoformat() if isinstance(v, datetime.date) else str(v)
    if not DATE_RE.match(s):
        errs.append(f"{where}: bad date {v!r}")

def main():
    total_errs = 0
    for gp in sorted((HERE / "gold").glob("*.yaml")):
        errs = []
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        ap = HERE / "articles" / g["article"]
        if ap.stem != gp.stem:
            errs.append("stem mismatch")
        text = ap.read_text(encoding="utf-8")
        lines = text.split("\n")
        words = len(text.split())
        if not 550 <= words <= 800:
            errs.append(f"word count {words}")
        for k in ["article", "url", "title", "published", "language", "boilerplate", "actors", "statements",
                  "events", "allegations", "support"]:
            if k not in g:
                errs.append(f"missing key {k}")
        check_date(g["published"], "published", errs)
        if g["title"] not in lines:
            errs.append("title is not a full line of the article")
        bp = set(g["boilerplate"])
        for b in g["boilerplate"]:
            if b not in lines:
                errs.append(f"boilerplate not a full line: {b!r}")
        body = "\n".join(l for l in lines if l not in bp)
        names = set()
        for a in g["actors"]:
            names.add(a["name"])
            if a["type"] not in ACTOR_TYPES:
                errs.append(f"actor type {a}")
            forms = [a["name"]] + list(a.get("also") or [])
            if not any(f in body for f in forms):
                errs.append(f"actor {a['name']} not found in body")
            for f in a.get("also") or []:
                if f not in body:
                    errs.append(f"actor surface form not in body: {f!r}")
        if len(names) != len(g["actors"]):
            errs.append("duplicate actor")
        def need_actor(n, where, anon_ok=False):
            if n is None:
                return
            if n not in names and not anon_ok:
                errs.append(f"{where}: {n!r} not in actors")
        for s in g["statements"]:
            if s["quote"] not in text:
                errs.append(f"quote not verbatim: {s['quote']!r}")
            elif s["quote"] not in body:
                errs.append(f"quote only in boilerplate: {s['quote']!r}")
            if s["kind"] not in ("direct", "indirect"):
                errs.append(f"kind {s}")
            need_actor(s["speaker"], "speaker", anon_ok=s.get("anonymous", False))
            check_date(s["date"], "statement", errs)
        for e in g["events"]:
            if e["evidence"] not in body:
                errs.append(f"event evidence not verbatim in body: {e['evidence']!r}")
            if e["type"] not in EVENT_TYPES:
                errs.append(f"event type {e['type']}")
            for a in e["actors"]:
                need_actor(a, "event actor")
            check_date(e["date"], "event", errs)
        anon = {s["speaker"] for s in g["statements"] if s.get("anonymous")}
        for a in g["allegations"]:
            if a["evidence"] not in body:
                errs.append(f"allegation evidence not verbatim: {a['evidence']!r}")
            for m in a["materiel"]:
                if m not in MATERIEL:
                    errs.append(f"materiel {m}")
            # supplier/recipient may be canonical entities not literally named (e.g. LNA for "Haftar's troops")
            if a["alleged_by"] is not None and a["alleged_by"] not in names and a["alleged_by"] not in anon:
                errs.append(f"alleged_by {a['alleged_by']!r} is neither an actor nor an anonymous speaker")
            for d in a["denied_by"]:
                need_actor(d, "denied_by")
        for s in g["support"]:
            if s["evidence"] not in body:
                errs.append(f"support evidence not verbatim: {s['evidence']!r}")
            if s["alleged_by"] is not None and s["alleged_by"] not in names and s["alleged_by"] not in anon:
                errs.append(f"support alleged_by {s['alleged_by']!r} unknown")
            need_actor(s["supporter"], "supporter")
        print(f"{gp.name}: words={words} actors={len(g['actors'])} statements={len(g['statements'])} "
              f"events={len(g['events'])} allegations={len(g['allegations'])} support={len(g['support'])} "
              f"published={g['published']} -> {'OK' if not errs else str(len(errs)) + ' ERRORS'}")
        for e in errs:
            print("   ", e)
        total_errs += len(errs)
    print("TOTAL ERRORS:", total_errs)
    return 1 if total_errs else 0

if __name__ == "__main__":
    sys.exit(main())
