"""Self-check for the heldout4 gold files (structure and verbatim spans only).

Run:  python tests/heldout4/validate_gold.py
It does NOT run or score any extractor.
"""
import datetime
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold"

TYPES_ACTOR = {"person", "country", "organization", "armed_group", "government", "international_org", "media"}
TYPES_EVENT = {"meeting", "phone_call", "offensive", "attack", "capture", "deployment", "arms_supply",
               "un_action", "diplomatic", "protest", "other"}
MATERIEL = {"weapons", "drones", "mercenaries", "fighters", "air_defense", "armored_vehicles", "aircraft", "trucks",
            "military_personnel", "training", "equipment", "currency", "ships", "other"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value, where, errors):
    if value is None:
        return
    if isinstance(value, (datetime.date, int)):
        value = str(value)
    if not isinstance(value, str) or not DATE_RE.match(value):
        errors.append(f"{where}: bad date {value!r}")


def main():
    errors = []
    names_types = {}
    arts = sorted(p.name for p in ART.glob("*.txt"))
    golds = sorted(p.name for p in GOLD.glob("*.yaml"))
    if [a[:-4] for a in arts] != [g[:-5] for g in golds]:
        errors.append(f"article/gold stems differ: {arts} vs {golds}")
    for g in golds:
        data = yaml.safe_load((GOLD / g).read_text(encoding="utf-8"))
        text = (ART / data["article"]).read_text(encoding="utf-8")
        lines = set(text.splitlines())
        if data["article"][:-4] != g[:-5]:
            errors.append(f"{g}: article field {data['article']}")
        n_words = len(text.split())
        if not 550 <= n_words <= 800:
            errors.append(f"{g}: {n_words} words")
        if data["title"] not in lines:
            errors.append(f"{g}: title is not a full line")
        if data["title"] in data["boilerplate"]:
            errors.append(f"{g}: title listed as boilerplate")
        check_date(data["published"], f"{g}:published", errors)
        for b in data["boilerplate"]:
            if b not in lines:
                errors.append(f"{g}: boilerplate not a full line: {b!r}")
        actors = {}
        for a in data["actors"]:
            if a["type"] not in TYPES_ACTOR:
                errors.append(f"{g}: actor type {a}")
            if a["name"] in actors:
                errors.append(f"{g}: duplicate actor {a['name']}")
            actors[a["name"]] = a
            prev = names_types.setdefault(a["name"], a["type"])
            if prev != a["type"]:
                errors.append(f"{g}: {a['name']} typed {a['type']} here, {prev} elsewhere")
            for form in [a["name"]] + list(a.get("also") or []):
                if form.lower() not in text.lower():
                    # the canonical name may legitimately be absent; surface forms may not
                    if form != a["name"]:
                        errors.append(f"{g}: surface form {form!r} of {a['name']} not in text")
        def known(name, where, allow_anon=False):
            if name is None or name in actors or allow_anon:
                return
            errors.append(f"{g}: {where} {name!r} not among actors")
        for s in data["statements"]:
            if s["quote"] not in text:
                errors.append(f"{g}: quote not verbatim: {s['quote']!r}")
            if s["kind"] not in ("direct", "indirect"):
                errors.append(f"{g}: kind {s['kind']}")
            known(s["speaker"], "speaker", allow_anon=s.get("anonymous", False))
            check_date(s["date"], f"{g}:statement", errors)
        for e in data["events"]:
            if e["evidence"] not in text:
                errors.append(f"{g}: event evidence not verbatim: {e['evidence']!r}")
            if e["type"] not in TYPES_EVENT:
                errors.append(f"{g}: event type {e['type']}")
            for a in e["actors"]:
                known(a, "event actor")
            check_date(e["date"], f"{g}:event", errors)
        for al in data["allegations"]:
            if al["evidence"] not in text:
                errors.append(f"{g}: allegation evidence not verbatim: {al['evidence']!r}")
            known(al["supplier"], "supplier")
            known(al["recipient"], "recipient")
            known(al["alleged_by"], "alleged_by")
            for d in al["denied_by"]:
                known(d, "denied_by")
            for m in al["materiel"]:
                if m not in MATERIEL:
                    errors.append(f"{g}: materiel {m}")
        for su in data["support"]:
            if su["evidence"] not in text:
                errors.append(f"{g}: support evidence not verbatim: {su['evidence']!r}")
            known(su["supporter"], "supporter")
            known(su["supported"], "supported")
            known(su["alleged_by"], "alleged_by")
        print(f"{g}: words={n_words} actors={len(data['actors'])} statements={len(data['statements'])} "
              f"events={len(data['events'])} allegations={len(data['allegations'])} support={len(data['support'])} "
              f"boilerplate={len(data['boilerplate'])} published={data['published']}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
