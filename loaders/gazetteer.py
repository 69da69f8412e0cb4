"""The curated actor gazetteer: loading `lexicons/gazetteer.yaml` and looking names up in it.

The gazetteer is versioned data. Each entry has a canonical name, a type, aliases (transliterations included),
demonyms, role titles, an optional country, Libyan side, affiliation and Wikidata QID. Lookups are exact on a
normalised key first, then fuzzy (rapidfuzz) against aliases blocked by first letter, for misspellings ("Hafar").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from loaders.yamlio import parse_yaml
from rapidfuzz import fuzz, process

from loaders.model import ACTOR_TYPES, SIDES

GAZETTEER_PATH = Path(__file__).parent / "lexicons" / "gazetteer.yaml"


class GazetteerError(ValueError):
    """The gazetteer file is malformed."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    actor_type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    country: str | None = None
    side: str | None = None
    affiliation: str | None = None
    qid: str | None = None
    gender: str | None = None  # "m"/"f" for persons, used by pronoun resolution


@functools.lru_cache(maxsize=200_000)
def normalise_key(text: str) -> str:
    """Fold case, accents, apostrophes, dots and hyphens so "U.N." == "UN" and "al-Sarraj" == "al Sarraj"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.N. -> UN
    text = re.sub(r"[-‐‑–—_/]", " ", text)
    text = re.sub(r"['\.]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(eq=False)
class Gazetteer:
    version: str
    entries: dict[str, GazetteerEntry]
    _by_key: dict[str, str] = field(default_factory=dict)  # normalised alias -> canonical name
    _by_demonym: dict[str, str] = field(default_factory=dict)
    _case_sensitive: dict[str, str] = field(default_factory=dict)  # short acronyms that must match exactly
    _fuzzy_buckets: dict[str, list[str]] = field(default_factory=dict)  # first letter -> normalised aliases
    _fuzzy_memo: dict[tuple[str, float], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            for alias in (entry.name, *entry.aliases):
                self._index(alias, entry.name)
            for demonym in entry.demonyms:
                self._by_demonym.setdefault(normalise_key(demonym), entry.name)

    def _index(self, alias: str, name: str) -> None:
        # All-caps aliases of <= 4 letters ("UN", "LNA", "GNA") only match in capitals, so "un" or "Gna" never do.
        bare = alias.replace(".", "")
        if bare.isupper() and len(bare) <= 4:
            self._case_sensitive.setdefault(bare, name)
            self._case_sensitive.setdefault(alias, name)
            return
        self._by_key.setdefault(normalise_key(alias), name)

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """(surface, canonical name, kind) for every alias and demonym; kind is "alias" or "demonym"."""
        forms = []
        for entry in self.entries.values():
            for alias in dict.fromkeys((entry.name, *entry.aliases)):
                forms.append((alias, entry.name, "alias"))
            for demonym in entry.demonyms:
                forms.append((demonym, entry.name, "demonym"))
        return forms

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """Exact lookup of a name or alias (not demonyms)."""
        bare = surface.replace(".", "")
        if bare in self._case_sensitive:
            return self.entries[self._case_sensitive[bare]]
        if bare.isupper() and len(bare) <= 4:
            return None
        name = self._by_key.get(normalise_key(surface))
        return self.entries[name] if name else None

    def lookup_demonym(self, surface: str) -> GazetteerEntry | None:
        name = self._by_demonym.get(normalise_key(surface))
        return self.entries[name] if name else None

    def lookup_name_or_demonym(self, surface: str) -> GazetteerEntry | None:
        """A name or alias first, else a demonym ("Turkey", "Turkish")."""
        return self.lookup(surface) or self.lookup_demonym(surface)

    def fuzzy(self, surface: str, score_cutoff: float = 86.0) -> GazetteerEntry | None:
        """Misspelling-tolerant lookup ("Hafar" -> Khalifa Haftar), blocked on the first letter to stay precise."""
        key = normalise_key(surface)
        if len(key) < 5:
            return None
        memo = (key, score_cutoff)
        if memo not in self._fuzzy_memo:
            if not self._fuzzy_buckets:
                for k in self._by_key:  # insertion order kept, so ties resolve as a full scan would
                    self._fuzzy_buckets.setdefault(k[:1], []).append(k)
            candidates = [k for k in self._fuzzy_buckets.get(key[:1], ()) if abs(len(k) - len(key)) <= 2]
            match = None
            if candidates:
                match = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=score_cutoff)
            if len(self._fuzzy_memo) > 50_000:
                self._fuzzy_memo.clear()  # bounded: a long load sees many distinct words
            self._fuzzy_memo[memo] = self._by_key[match[0]] if match else None
        name = self._fuzzy_memo[memo]
        return self.entries[name] if name else None

    def get(self, name: str) -> GazetteerEntry | None:
        return self.entries.get(name)


def _entry(raw: dict, where: str) -> GazetteerEntry:
    try:
        name = str(raw["name"]).strip()
        actor_type = str(raw["type"]).strip()
    except KeyError as exc:
        raise GazetteerError(f"{where}: missing field {exc.args[0]!r}") from None
    if actor_type not in ACTOR_TYPES:
        raise GazetteerError(f"{where} ({name}): type {actor_type!r} is not one of {', '.join(ACTOR_TYPES)}")
    side = raw.get("side")
    if side is not None and side not in SIDES:
        raise GazetteerError(f"{where} ({name}): side {side!r} is not one of {', '.join(SIDES)}")

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key) or []
        if isinstance(value, str):
            value = [value]
        return tuple(str(v).strip() for v in value if str(v).strip())

    aliases = strings("aliases")
    country = raw.get("country")
    if country and actor_type not in ("country", "person") and not name.endswith(")"):
        # The Wikipedia-style title that tells a body from its namesakes, "House of Representatives (Libya)": how
        # annotators and analysts write it, and an article now and then
        aliases = (*aliases, f"{name} ({country})")
    return GazetteerEntry(
        name=name,
        actor_type=actor_type,
        aliases=aliases,
        demonyms=strings("demonyms"),
        titles=strings("titles"),
        country=country,
        side=side,
        affiliation=raw.get("affiliation"),
        qid=raw.get("qid"),
        gender=raw.get("gender"),
    )


def parse_gazetteer(text: str, source: str = "gazetteer") -> Gazetteer:
    try:
        data = parse_yaml(text) or {}
    except ValueError as error:  # a bare yes/no/on/off in a list
        raise GazetteerError(f"{source}: {error}") from error
    if not isinstance(data, dict) or "actors" not in data:
        raise GazetteerError(f"{source}: expected a mapping with 'version' and 'actors'")
    entries: dict[str, GazetteerEntry] = {}
    for index, raw in enumerate(data["actors"]):
        entry = _entry(raw, f"{source}: actors[{index}]")
        if entry.name in entries:
            raise GazetteerError(f"{source}: actor {entry.name!r} is listed twice")
        entries[entry.name] = entry
    return Gazetteer(version=str(data.get("version", "0")), entries=entries)


@functools.lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    return parse_gazetteer(path.read_text(encoding="utf-8"), source=str(path))
