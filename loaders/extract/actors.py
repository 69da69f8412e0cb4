"""Actor mentions: finding and resolving every reference to an actor in a body.

Layers, each a small function over the article context, in this order:
1. gazetteer aliases and demonyms (longest match; "NATO-backed" and "pro-Turkish" count);
2. discovery of actors missing from the gazetteer: persons introduced by a title or an apposition, organisations
   with an organisation head noun, news outlets after "told"/"reported";
3. later references to persons found so far: surnames ("Wooster" after "Henry Wooster");
4. fuzzy misspellings of gazetteer names ("Hafar"), guarded hard;
5. role titles alone ("the field marshal") and pronouns ("he", "his"), resolved to a person already mentioned.
Rule data lives in `loaders/rules/actors.yaml` and `loaders/rules/speech.yaml` (pronouns).

Contract: afterwards ctx.mentions is sorted and non-overlapping, each row names a canonical actor, and ctx.actors
holds an ActorRef per distinct actor (discovered ones with is_discovered=True). Title and pronoun rows never add an
actor of their own.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.yamlio import parse_yaml

from loaders.extract.context import ArticleContext
from loaders.trie import trie_regex
from loaders.gazetteer import Gazetteer, GazetteerEntry
from loaders.model import ActorRef, FuzzyDate, Mention

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

# A capitalised name token: "Haftar", "al-Sisi", "Al-Nayed", "Jean-Yves", "deMilliano", "O'Brien".
# Letters beyond ASCII ("Succès Masra", "Déby", "Çavuşoğlu") are part of a name: the Latin-1 and Latin Extended-A
# capitals (and every Extended-A letter, which never opens an English word) and small letters.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LOW = "a-zß-öø-ÿ\u0100-\u017f"
_NAME_TOKEN = (
    r"(?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh|[Aa]bd)-)?"
    rf"(?:(?:[{_UP}][{_LOW}]+|[{_UP}](?=['’]?[{_UP}][{_LOW}])|[a-z]{{1,3}}(?=[A-Z][a-z]))(?:['’]?[{_UP}][{_LOW}]+)*)"
    rf"(?:-[{_UP}][{_LOW}]+)*"
)
_PARTICLE = r"(?:de|da|di|du|del|der|van|von|bin|ibn|al|el|ben|bint|la|le)"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOKEN}){{0,4}}")
_ACRONYM = r"(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})"
# ("Russia-NATO Council", "NATO-Russia Council": a hyphen joins a name and an acronym inside one token)
_ORG_TOKEN = rf"(?:{_NAME_TOKEN}|{_ACRONYM})(?:-(?:{_ACRONYM}|[{_UP}][{_LOW}]+)(?![\w-]))*"
_ORG_RUN = re.compile(rf"{_ORG_TOKEN}(?:[ \t]+(?:(?:of|for|on|de|du|and)[ \t]+(?:the[ \t]+)?)?{_ORG_TOKEN}){{0,7}}")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_WORD_CHAR = re.compile(r"[\w-]")
_PRONOUN = re.compile(r"\b(?:he|she|his|him|her)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")
_MEDIA_WORDS = frozenset(
    "news times post press tv television radio agency journal observer herald telegraph guardian monitor daily "
    "channel network broadcasting gazette tribune chronicle review magazine online today insider eye watch wire "
    "newspaper broadcaster".split()
)
_LEADING_NOISE = frozenset(
    "the a an and but or in on at as by for from to of with while when after before since during under it its this "
    "that these those meanwhile however earlier later last next some many most all both each several such "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december read related hundreds thousands dozens scores tens millions".split()
)
_COUNTRY_PREFIXES = {
    "U.S.": "United States",
    "US": "United States",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
}


@dataclass(frozen=True)
class ActorRules:
    version: str
    titles: re.Pattern[str]  # a person title, longest first
    role_alone: re.Pattern[str]  # "the field marshal" not followed by a name
    title_words: frozenset[str]
    apposition_nouns: frozenset[str]  # title words and the nouns that describe a person in an apposition
    described: re.Pattern[str]  # "the monitoring group All Eyes on Wagner": a descriptor noun, then the name
    company_heads: frozenset[str]  # "Turkey's Avrasya Shipping": a country's company, no sub-unit of it
    numbered_heads: frozenset[str]  # "Pre-Trial Chamber I": a numeral after the head is part of the name
    descriptor_types: dict[str, str]
    org_heads_after: frozenset[str]
    org_heads_before: frozenset[str]
    armed_heads: frozenset[str]
    government_markers: frozenset[str]
    places: frozenset[str]
    stop_words: frozenset[str]
    lesser_office: frozenset[str]  # "deputy": a deputy minister is not "the minister"
    office_endings: frozenset[str]  # "Permanent Representative" is an office, not a name
    modifier_after: re.Pattern[str]  # after a name: "-aligned", "'s forces", " government" (a modifier, not a subject)
    name_before_verb: re.Pattern[str]  # ", said" after a capitalised run: the run is a person's name
    name_after_verb: re.Pattern[str]  # '," said' before a capitalised run: the run is a person's name
    pronoun_gender: dict[str, str]
    org_description_nouns: frozenset[str]
    org_description: re.Pattern[str]  # "the panel", "the ministry": an organisation named before, by its head noun
    western_descriptors: frozenset[str]  # "Tripoli government": the GNA or the GNU, by date
    western_change: tuple[str, str, str]  # (before, after, ISO date)
    recognised_east: tuple[str, str, str, re.Pattern[str]]  # (name, from, to, cues): the recognised one before the GNA
    period_descriptors: tuple[tuple[str, str, str, re.Pattern[str]], ...]  # (actor, from, to, forms): "the rebels"
    state_descriptor: re.Pattern[str]  # "the Gulf emirate": a state named before, by the kind of state it is
    state_descriptor_names: dict[str, frozenset[str]]  # "emirate" -> the states it may point back to


def _forms_pattern(forms: list[str]) -> re.Pattern[str]:
    words = trie_regex(sorted(str(f).lower() for f in forms), space=r"\s+")
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def load_rules(directory: Path = RULES_DIR) -> ActorRules:
    data = parse_yaml((directory / "actors.yaml").read_text(encoding="utf-8"))
    speech = parse_yaml((directory / "speech.yaml").read_text(encoding="utf-8"))
    titles = sorted({t.lower() for t in data["person_titles"]}, key=len, reverse=True)
    # (not the function words of "secretary of state": "docked at the port of Tobruk" has no title in it)
    title_words = frozenset(w for t in titles for w in t.split() if w not in data["title_function_words"])
    # (a trie: one walk per position instead of 100+ branches; "Lieutenant-General" as "lieutenant general")
    title_alt = trie_regex(titles, space=r"[\s‑-]+")
    return ActorRules(
        version=str(data["version"]),
        titles=re.compile(rf"(?<![\w-])(?:{title_alt})(?![\w-])", re.IGNORECASE),
        role_alone=re.compile(
            # ("the Russian-backed commander": a compound before the title says who backs him, not who he is)
            rf"\b[Tt]he\s+(?:[\w.]+[-‑](?:backed|based|aligned|allied|supported|led)\s+)?"
            rf"(?P<mod>(?:former|new|top|veteran|libyan|us|u\.s\.|russian|turkish)\s+|"
            rf"(?-i:(?:UN|U\.N\.|EU|E\.U\.|[A-Z][a-z]+|[A-Z][\w.-]+['’]s)\s+))?"
            rf"(?P<title>(?:{title_alt}))(?![\w-])(?!\s+(?-i:[A-Z]))",
            re.IGNORECASE,
        ),
        title_words=title_words,
        apposition_nouns=title_words | {str(n).lower() for n in data["apposition_role_nouns"]},
        described=_described_pattern(list(data["name_descriptors"])),
        company_heads=frozenset(h.lower() for h in data["company_heads"]),
        numbered_heads=frozenset(h.lower() for h in data["numbered_heads"]),
        descriptor_types={str(k).lower(): str(v) for k, v in data["name_descriptors"].items()},
        org_heads_after=frozenset(h.lower() for h in data["org_heads_after"]),
        org_heads_before=frozenset(h.lower().split()[0] for h in data["org_heads_before"]),
        armed_heads=frozenset(h.lower() for h in data["armed_heads"]),
        government_markers=frozenset(h.lower() for h in data["government_markers"]),
        places=frozenset(p.lower() for p in data["places"]),
        stop_words=frozenset(w.lower() for w in data["stop_words"]),
        lesser_office=frozenset(w.lower() for w in data["lesser_office_words"]),
        office_endings=frozenset(w.lower() for w in data["office_endings"]),
        name_before_verb=re.compile(
            # (after an optional participle aside: "Nour Khalil, reporting from Berlin, said")
            # ("Mohamed al-Shukri, for his part, announced")
            r"^(?:,\s+(?:reporting|speaking|writing|talking)\s+(?:from|in|at|to|on)\s+[^,.;]{1,40},"
            r"|,\s+for\s+(?:his|her|their)\s+part,)?"
            rf",?\s+(?:{trie_regex(data['name_before_verbs'])})\b"
            # (an organisation "announced that it ...": see actors.yaml)
            + "(?!(?:" + "|".join(f"(?<={re.escape(v)})" for v in data["name_before_verbs_unless_it"])
            + r")\s+(?:that\s+)?(?:it|its)\b)"
        ),
        name_after_verb=re.compile(rf"[,”\"’]\s*(?:{trie_regex(data['name_after_verbs'])})\s+(?=[A-Z])"),
        modifier_after=re.compile(
            rf"(?:[-‑]\w|['’]s?\s+(?:\w+\s+)?(?:{trie_regex(data['modifier_nouns_after_possessive'])})\b"
            rf"|\s+(?:{trie_regex(data['modifier_nouns_after_name'])})\b)"
        ),
        pronoun_gender={k.lower(): v for k, v in speech["pronouns"].items()},
        western_descriptors=frozenset(d.lower() for d in data.get("western_government_descriptors", ())),
        period_descriptors=tuple(
            (
                str(entry["actor"]),
                str(entry["from"]),
                str(entry["to"]),
                _forms_pattern(entry["forms"]),
            )
            for entry in data.get("period_descriptors", ())
        ),
        recognised_east=(
            str(data["recognised_before_gna"]["name"]),
            str(data["recognised_before_gna"]["from"]),
            str(data["recognised_before_gna"]["to"]),
            _forms_pattern(data["recognised_before_gna"]["cues"]),
        ),
        western_change=(
            str(data["western_government_change"]["before"]),
            str(data["western_government_change"]["after"]),
            str(data["western_government_change"]["date"]),
        ),
        state_descriptor=re.compile(
            r"\b[Tt]he\s+((?:(?:tiny|small|wealthy|oil-rich|gas-rich|energy-rich|Gulf|Arab|neighbou?ring|North\s+African)\s+)?"
            # (the noun in any case: "the Gulf state", "the tiny Gulf state")
            rf"((?i:{'|'.join(sorted((re.escape(str(w)) for w in data['state_descriptors']), key=len, reverse=True))}"
            r")))"
            r"(?![\w-])"
        ),
        state_descriptor_names={
            str(noun).lower(): frozenset(str(n) for n in names) for noun, names in data["state_descriptors"].items()
        },
        org_description_nouns=frozenset(str(w).lower() for w in data["org_descriptions"]),
        org_description=re.compile(
            r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:UN|U\.N\.|United\s+Nations|same|eight-member|five-member|war|rights|"
            r"monitoring)\s+)?"
            # (house styles that capitalise a body's short name write "The Panel", "the Chamber")
            rf"((?i:{'|'.join(sorted((re.escape(w) for w in data['org_descriptions']), key=len, reverse=True))}))"
            r"(?![\w-])(?!\s+(?:of|on|for|in|to|at)\b)(?!\s+(?-i:[A-Z]))",
        ),
    )


@functools.lru_cache(maxsize=4)
def _alias_pattern(gazetteer: Gazetteer) -> re.Pattern[str]:
    forms = sorted({form.casefold() for form, _, _ in gazetteer.surface_forms()})
    # A trailing hyphen is allowed before a lower-case word ("NATO-backed"), not before a capital ("Jean-Yves").
    # The trie is greedy, so the longest alias at a position wins; the lookahead backtracks into shorter ones.
    return re.compile(rf"(?<![\w.])(?:{trie_regex(forms)})(?!\w|-(?-i:[A-Z0-9])|\.\w)", re.IGNORECASE)


def actor_ref(gazetteer: Gazetteer, name: str) -> ActorRef:
    entry = gazetteer.get(name)
    if entry is None:
        return ActorRef(name=name, actor_type="organization", is_discovered=True)
    return ActorRef(name=entry.name, actor_type=entry.actor_type, country=entry.country, side=entry.side)


# ---------------------------------------------------------------------------------------------------------------
# Working state
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Found:
    """A candidate mention with a priority: higher wins an overlap, then longer, then earlier."""

    name: str
    start: int
    end: int
    priority: int
    kind: str = "name"  # name | title | pronoun


class _State:
    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.rules = load_rules()
        self.found: list[_Found] = []
        self.discovered: dict[str, ActorRef] = {}
        self.person_titles: dict[str, set[str]] = {}  # actor name -> titles it was introduced with here
        self.genders: dict[str, str | None] = {}
        self.descriptors: dict[str, str] = {}  # discovered name -> the noun that introduced it ("group")
        self.extra_actors: set[str] = set()  # actors named only inside a longer mention ("U.S." in an org name)
        self._spans: list[tuple[int, int]] = []  # sorted (start, end) of everything in `found`
        self._longest = 0  # longest span in `found`: spans starting further left cannot reach `start`

    def covered(self, start: int, end: int) -> bool:
        spans, floor = self._spans, start - self._longest
        i = bisect.bisect_left(spans, (end,)) - 1
        while i >= 0 and spans[i][0] >= floor:
            if spans[i][1] > start:
                return True
            i -= 1
        return False

    def add(self, name: str, start: int, end: int, priority: int, kind: str = "name") -> None:
        self.found.append(_Found(name, start, end, priority, kind))
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def reindex(self) -> None:
        self._spans = sorted((f.start, f.end) for f in self.found)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def actor_type(self, name: str) -> str | None:
        """The type of a discovered actor or a gazetteer entry (ctx.actors is filled only at the end)."""
        ref = self.discovered.get(name)
        if ref is not None:
            return ref.actor_type
        entry = self.ctx.gazetteer.get(name)
        return entry.actor_type if entry is not None else None

    def is_person(self, name: str) -> bool:
        return self.actor_type(name) == "person"


def find_mentions(ctx: ArticleContext) -> None:
    """Fill ctx.mentions and ctx.actors (see the module docstring for the contract)."""
    state = _State(ctx)
    ctx.venues = []  # (filled by _gazetteer_matches; a second run on the context starts afresh)
    _gazetteer_matches(state)
    _discover_organisations(state)
    _discover_described(state)
    _discover_media(state)
    _discover_persons(state)
    _discover_inverted_speakers(state)
    _resolve_overlaps(state)
    _surnames(state)
    _fuzzy(state)
    _resolve_overlaps(state)
    _titles_alone(state)
    _ages_alone(state)
    _apposed_descriptors(state)
    _descriptions_alone(state)
    _states_described(state)
    _pronouns(state)
    _pairs(state)
    _resolve_overlaps(state)
    _western_government_by_period(state)
    _period_descriptors(state)
    ctx.mentions = [
        Mention(f.name, ctx.body[f.start : f.end], f.start, f.end) for f in sorted(state.found, key=lambda f: f.start)
    ]
    for f in state.found:
        if f.kind != "name" or f.name in ctx.actors:
            continue
        ctx.actors[f.name] = state.discovered.get(f.name) or actor_ref(ctx.gazetteer, f.name)
    for name in sorted(state.extra_actors):
        ctx.actors.setdefault(name, actor_ref(ctx.gazetteer, name))
    ctx.index_mentions()


def _resolve_overlaps(state: _State) -> None:
    ordered = sorted(state.found, key=lambda f: (-f.priority, -(f.end - f.start), f.start))
    starts: list[int] = []
    kept: list[_Found] = []  # sorted by start, non-overlapping
    for f in ordered:
        i = bisect.bisect_left(starts, f.start)
        if i > 0 and kept[i - 1].end > f.start:
            continue
        if i < len(kept) and kept[i].start < f.end:
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    state.found = kept
    state.reindex()


# ---------------------------------------------------------------------------------------------------------------
# 1. Gazetteer aliases and demonyms
# ---------------------------------------------------------------------------------------------------------------


_NAME_GOES_ON = re.compile(r"\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][a-z]")


_SCOPE_AFTER = re.compile(r"\s+on\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")


def _gazetteer_matches(state: _State) -> None:
    body, gazetteer = state.ctx.body, state.ctx.gazetteer
    cache: dict[str, GazetteerEntry | None] = {}
    pattern = _alias_pattern(gazetteer)
    for match in pattern.finditer(body):
        if _NAME_GOES_ON.match(body, match.end()):
            # "internationally recognised Government of National Accord": a description that ends inside a longer
            # name gives way to the name that starts within it
            for word in re.finditer(r"\s+", match.group()):
                inner = pattern.match(body, match.start() + word.end())
                if inner is not None and inner.end() > match.end():
                    match = inner
                    break
        surface = match.group()
        if not any(ch.isupper() for ch in surface):
            continue
        start = match.start()
        if start >= 2 and body[start - 1] == "-" and not body[start - 2].islower():
            continue  # the tail of a hyphenated name ("Jean-Yves")
        if surface not in cache:
            cache[surface] = gazetteer.lookup_name_or_demonym(surface)
        entry = cache[surface]
        if entry is None:
            continue
        if entry.actor_type == "country" and surface != entry.name and _locative(state, surface, start, match.end()):
            state.ctx.venues.append(Mention(entry.name, surface, start, match.end()))
            continue
        scope = _SCOPE_AFTER.match(body, match.end()) if " on " in entry.name else None
        scope_entry = scope and gazetteer.lookup(scope.group(1))
        if scope_entry and scope_entry.actor_type == "country" and not entry.name.endswith(" on " + scope_entry.name):
            # "UN Panel of Experts on Sudan" is not the panel on Libya its first words name, but its sibling body
            name = f"{entry.name.rsplit(' on ', 1)[0]} on {scope_entry.name}"
            state.discovered.setdefault(name, ActorRef(name=name, actor_type=entry.actor_type, is_discovered=True))
            state.add(name, start, scope.end(), priority=3)
            continue
        state.add(entry.name, start, match.end(), priority=3)


# "a diplomat based in Tunis", "talks in Berlin", "a Tunis-based think tank", "(Tunis) -": the capital is where,
# not the state that acts (as in "Tunis said", "talks with Ankara", "flights from Doha")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|based\s+in|stationed\s+in)\s+|^\(|\n\()$")
_SEAT_OF = re.compile(r"\b(?:government|authorities|regime|leadership|rulers|junta)\s+in\s+$", re.IGNORECASE)


def _locative(state: _State, surface: str, start: int, end: int) -> bool:
    if surface.lower() not in state.rules.places:
        return False
    body = state.ctx.body
    if _SEAT_OF.search(body, max(0, start - 40), start):
        return False  # "the government in N'Djamena denied": the seat names the state
    return bool(_LOCATIVE_BEFORE.search(body, max(0, start - 20), start)) or body.startswith(("-based", ")"), end)


# ---------------------------------------------------------------------------------------------------------------
# 2. Discovery
# ---------------------------------------------------------------------------------------------------------------


def _lookup_variants(gazetteer: Gazetteer, surface: str) -> GazetteerEntry | None:
    entry = gazetteer.lookup(surface)
    if entry:
        return entry
    for prefix, expansion in _COUNTRY_PREFIXES.items():
        if surface.startswith(prefix + " "):
            rest = surface[len(prefix) + 1 :]
            return gazetteer.lookup(f"{expansion} {rest}") or gazetteer.lookup(rest)
    return None


def _expanded_name(surface: str) -> str:
    for prefix, expansion in _COUNTRY_PREFIXES.items():
        if surface.startswith(prefix + " "):
            return f"{expansion} {surface[len(prefix) + 1 :]}"
    return surface


def _org_type(tokens: list[str], rules: ActorRules, surface: str) -> str:
    lowered = [t.lower() for t in tokens]
    if any(t in rules.armed_heads for t in lowered):
        return "armed_group"
    if surface.startswith(tuple(_COUNTRY_PREFIXES)) and any(t in rules.government_markers for t in lowered):
        return "government"
    if any(t in ("ministry", "department", "bureau", "directorate", "secretariat", "administration") for t in lowered):
        return "government"
    if any(t in _MEDIA_WORDS for t in lowered) and not any(t in rules.org_heads_after for t in lowered):
        return "media"
    return "organization"


def _tokens_end(body: str, start: int, tokens: list[str]) -> int:
    """Where the run of `tokens` that begins at `start` ends (token by token: a repeated word is found in place)."""
    end = start
    for token in tokens:
        end = body.index(token, end) + len(token)
    return end


def _tokens_before(body: str, start: int, tokens: list[str], limit: int) -> list[str]:
    """The leading tokens of the run that begins at `start` which end at or before `limit`."""
    kept, end = [], start
    for token in tokens:
        end = body.index(token, end) + len(token)
        if end > limit:
            break
        kept.append(token)
    return kept


_CONNECTORS = ("of", "for", "on", "and", "the", "de", "du")


def _trim_connectors(tokens: list[str]) -> list[str]:
    """A name does not end in a connecting word ("... Department of")."""
    while tokens and tokens[-1].lower() in _CONNECTORS:
        tokens = tokens[:-1]
    return tokens


_ROMAN_NUMERAL = re.compile(r"[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X)(?![\w'’-])")


def _owned_by_country(state: _State, possessive_at: int) -> bool:
    """The name ending at `possessive_at` (before "'s") is a country's."""
    owner = next((f for f in state.found if f.end == possessive_at), None)
    return owner is not None and state.actor_type(owner.name) == "country"


def _discover_organisations(state: _State) -> None:
    ctx, rules = state.ctx, state.rules
    body = ctx.body
    for match in _ORG_RUN.finditer(body):
        tokens = match.group().split()
        start = match.start()
        # Drop leading stop words ("The", "In") but keep acronym prefixes ("U.S.").
        while tokens and tokens[0].lower() in _LEADING_NOISE:
            start = body.index(tokens[0], start) + len(tokens[0])
            tokens = tokens[1:]
        cut = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.lower() in _LEADING_NOISE and i > 0 and t.lower() not in ("of", "for", "on", "de", "du", "and")
                # ("Office of the Prosecutor": "the" after "of" stays in the name)
                and not (t.lower() == "the" and tokens[i - 1].lower() in ("of", "for", "on"))
            ),
            None,
        )
        if cut is not None:
            tokens = tokens[:cut]  # "... Department of Commerce on Monday": the date is not part of the name
        if "and" in tokens and state.covered(start, _tokens_end(body, start, tokens)):
            # "Ambulance and Emergency Service" is one name; "Serraj and House of Representatives" is two actors
            tokens = tokens[: tokens.index("and")]
        tokens = _trim_connectors(tokens)
        # "of the" stays inside a body's name after an organisation's head ("Office of the Prosecutor"); after
        # anything else the name starts behind it ("Speaker of the House of Representatives", "Members of the ...")
        lowered = [t.lower() for t in tokens]
        split = max(
            (i for i in range(2, len(tokens)) if lowered[i] == "the" and lowered[i - 1] in ("of", "for", "on")
             and lowered[i - 2] not in rules.org_heads_before),
            default=None,
        )
        if split is not None:
            start = _tokens_end(body, start, tokens[: split + 1])
            tokens = tokens[split + 1 :]
        if len(tokens) < 2:
            continue
        # "Speaker of the House of Representatives Aguila Saleh": a known person ends the body's name
        end = _tokens_end(body, start, tokens)
        person = next((f for f in state.found if start < f.start < end and state.is_person(f.name)), None)
        if person is not None:
            tokens = _trim_connectors(_tokens_before(body, start, tokens, person.start))
            if len(tokens) < 2:
                continue
        lowered = [t.lower() for t in tokens]
        head_index = max((i for i, t in enumerate(lowered) if t in rules.org_heads_after), default=-1)
        before_index = next(
            (
                i
                for i, t in enumerate(lowered[:-1])
                if (t in rules.org_heads_before and lowered[i + 1] in ("of", "for", "on"))
                # "Syrian Observatory for Human Rights", "Libyan Centre for Freedom of the Press"
                or (t in rules.org_heads_after and lowered[i + 1] in ("for", "on"))
            ),
            -1,
        )
        if head_index < 0 and before_index < 0:
            continue
        if before_index < 0:
            tokens = tokens[: head_index + 1]
        if len(tokens) < 2 or any(
            t.lower() in ("monday", "tuesday", "wednesday", "thursday", "friday") for t in tokens
        ):
            continue
        start = body.index(tokens[0], start)
        end = _tokens_end(body, start, tokens)
        numeral = _ROMAN_NUMERAL.match(body, end)
        if numeral and before_index < 0 and tokens[-1].lower() in rules.numbered_heads:
            end = numeral.end()  # (a numbered body keeps its number: "Pre-Trial Chamber I")
        surface = body[start:end]
        # Heads only ("Security Council") are left to the gazetteer; all-generic names are not names.
        content = [
            t
            for t in tokens
            if t.lower() not in rules.org_heads_after and t.lower() not in ("of", "for", "on", "and", "the", "de", "du")
        ]
        if not content and not surface.startswith(tuple(_COUNTRY_PREFIXES)):
            continue
        # A sub-unit of a known organisation ("State Department's Bureau of ...") belongs to that organisation.
        prefix = body[max(0, start - 3) : start]
        if prefix.endswith(("'s ", "’s ")) and not (
            tokens[-1].lower() in rules.company_heads and _owned_by_country(state, start - 3)
        ):
            continue  # ("Turkey's Avrasya Shipping": a country's company is no sub-unit of that country)
        inner = _lookup_variants(ctx.gazetteer, tokens[0]) or ctx.gazetteer.lookup_demonym(tokens[0])
        if inner is not None and inner.actor_type == "country":
            state.extra_actors.add(inner.name)
        entry = _lookup_variants(ctx.gazetteer, surface)
        if entry is not None:
            state.add(entry.name, start, end, priority=4)
            continue
        if inner is not None and len(tokens) > 1:
            # "Russian Wagner Group": a demonym or country in front of a known name is that known actor.
            rest = body.index(tokens[1], start)
            known = ctx.gazetteer.lookup(body[rest:end])
            if known is not None:
                state.add(known.name, rest, end, priority=4)
                continue
        if any(f.start <= start and end <= f.end and f.end - f.start > end - start for f in state.found):
            continue  # "UN Support Mission in Libya": a longer gazetteer name already covers it
        name = _expanded_name(surface)
        state.discovered.setdefault(
            name, ActorRef(name=name, actor_type=_org_type(tokens, rules, surface), is_discovered=True)
        )
        # A discovered organisation outranks the shorter gazetteer names inside it ("U.S." in "U.S. Department
        # of Energy"); the country it is prefixed with still counts as an actor.
        state.add(name, start, end, priority=4)
    _discover_based_governments(state)


_BASED_GOVERNMENT = re.compile(
    r"\b([A-Z][a-z]+)-(?:based|backed|led)\s+(government|administration|authorities|parliament|cabinet)\b"
)


def _described_pattern(descriptors: list[str]) -> re.Pattern[str]:
    words = trie_regex(sorted(str(d).lower() for d in descriptors), space=r"\s+")
    token = r"(?-i:[A-Z])[\w'’.&-]*"
    return re.compile(
        rf"\b(?P<desc>{words})\s+(?P<name>{token}(?:[ \t]+(?:(?:on|of|for|the|and|de|al)[ \t]+)?{token}){{0,5}})",
        re.IGNORECASE,
    )


def _discover_described(state: _State) -> None:
    """'the monitoring group All Eyes on Wagner', 'the newspaper Al Wasat': a descriptor noun names the body after
    it (a longer name than any gazetteer name inside it)."""
    ctx, rules = state.ctx, state.rules
    body = ctx.body
    for match in rules.described.finditer(body):
        if not re.search(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$", body[max(0, match.start() - 30) : match.start()],
                         re.IGNORECASE):
            continue  # ("Wagner Group Chief": a descriptor inside a name is no descriptor)
        tokens = _trim_connectors(match.group("name").split())
        if not tokens or tokens[0].lower() in _NOT_NAME_STARTS:
            continue
        start = match.start("name")
        end = _tokens_end(body, start, tokens)
        surface = body[start:end]
        descriptor = re.sub(r"\s+", " ", match.group("desc").lower())
        entry = _lookup_variants(ctx.gazetteer, surface)
        if entry is not None:
            state.descriptors.setdefault(entry.name, descriptor.split()[-1])
            state.add(entry.name, start, end, priority=4)
            continue
        if len(tokens) < 2 and not re.fullmatch(_ACRONYM, surface):
            continue  # (one common capitalised word is too weak a name)
        state.discovered.setdefault(
            surface, ActorRef(name=surface, actor_type=rules.descriptor_types[descriptor], is_discovered=True)
        )
        state.descriptors.setdefault(surface, descriptor.split()[-1])
        state.add(surface, start, end, priority=4)


# Capitalised words that do not open a name after a descriptor ("the group On Monday ..."); not _LEADING_NOISE,
# whose "all" opens "All Eyes on Wagner".
_NOT_NAME_STARTS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december in on at the this that".split()
)


def _discover_based_governments(state: _State) -> None:
    """'the Tobruk-based government' names a rival government; Tripoli's is the GNA and is left to the gazetteer."""
    for match in _BASED_GOVERNMENT.finditer(state.ctx.body):
        place = match.group(1)
        if place.lower() not in state.rules.places or place == "Tripoli":
            continue
        entry = state.ctx.gazetteer.lookup(match.group())
        name = entry.name if entry else f"{place}-based {match.group(2)}"
        if entry is None:
            state.discovered.setdefault(name, ActorRef(name=name, actor_type="government", is_discovered=True))
        state.add(name, match.start(), match.end(), priority=4)


_MEDIA_AFTER = re.compile(
    r"\b(?:told|reported\s+by|according\s+to|quoted\s+by|in\s+an\s+interview\s+with|interviewed\s+by)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][\w.&’'-]{0,40}(?:[ \t]+[A-Z][\w.&’'-]{0,40}){0,3})"
)
_REPORTED = re.compile(r"\breported\b")
# Bounded repeats: the name is searched only in a short window before "reported", so no input can make it quadratic.
_MEDIA_BEFORE = re.compile(
    r"(?P<before>[A-Z][\w.&’'-]{0,40}(?:[ \t]+[A-Z][\w.&’'-]{0,40}){0,3})"
    r"\s+(?:news\s+agency\s+|newspaper\s+|daily\s+)?$"
)


def _media_candidates(body: str):
    for match in _MEDIA_AFTER.finditer(body):
        yield "after", match.start(), match.start("after"), match.group("after")
    for match in _REPORTED.finditer(body):
        lo = max(0, match.start() - 200)
        before = _MEDIA_BEFORE.search(body, lo, match.start())
        if before:
            yield "before", match.start(), before.start("before"), before.group("before")


def _discover_media(state: _State) -> None:
    body, rules, gazetteer = state.ctx.body, state.rules, state.ctx.gazetteer
    for group, cue_start, start, surface in _media_candidates(body):
        # ("told Asia Times. The same diplomats": a full stop after a word ends the name and its sentence)
        surface = re.split(r"(?<=[a-z]{2})\.\s", surface)[0]
        # ("told The New Arab": a capitalised article opens a title, never a person's name; not "according to The
        # Hague-based tribunal")
        titled = (
            group == "after"
            and surface.startswith("The ")
            and body[cue_start : cue_start + 5] == "told "
            and body[start + len(surface) : start + len(surface) + 1] not in ("-", "‑")
        )
        lead = re.match(r"(?:(?:The|A|An|And|But|In|On|At|As|While|When|After|Meanwhile|However),?\s+)+", surface)
        if lead and not titled:
            start += lead.end()
            surface = surface[lead.end() :]
        tokens = surface.split()
        if not tokens:
            continue
        end = start + len(surface)
        if state.covered(start, end):
            continue
        lowered = [t.lower().strip(".") for t in tokens]
        is_acronym = len(tokens) == 1 and re.fullmatch(_ACRONYM, tokens[0]) is not None
        has_media_word = any(t in _MEDIA_WORDS for t in lowered)
        reported = group == "before" or body[cue_start : cue_start + 8].lower().startswith("reported")
        if all(t in rules.places for t in lowered) or all(t in rules.title_words for t in lowered):
            continue
        if not (is_acronym or has_media_word or (reported and len(tokens) >= 2) or titled):
            continue
        entry = gazetteer.lookup(surface) or (gazetteer.lookup(surface[4:]) if titled else None)
        if entry is not None:
            state.add(entry.name, start, end, priority=4)
            continue
        state.discovered.setdefault(surface, ActorRef(name=surface, actor_type="media", is_discovered=True))
        state.add(surface, start, end, priority=2)


_APPOSITION_AFTER = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?P<desc>(?:[^,.;:“”\"()]|(?<=[A-Z])\.){2,120})")
_AGE_AFTER = re.compile(r"^,\s+(?:aged\s+)?\d{1,2},\s")  # "Mohammed al-Faqih, 41, was a civil engineer"
_WHO_AFTER = re.compile(r"^,\s+who\s+(?!is\s+(?:based|located|headquartered))")


def _name_tokens_ok(tokens: list[str], rules: ActorRules, allow_single: bool = False) -> bool:
    if not tokens or len(tokens) > 5 or (len(tokens) < 2 and not allow_single):
        return False
    for i, token in enumerate(tokens):
        low = token.lower().strip("’'")
        if low in rules.stop_words or low in rules.places or low in rules.org_heads_after:
            return False
        if i == 0 and (low in rules.title_words or all(part in rules.title_words for part in low.split("-"))):
            return False  # ("Lieutenant-General Charles Bouchard": the title is no part of the name)
    if len(tokens) > 1 and tokens[-1].lower() in rules.office_endings:
        return False
    return True


def _person_name_at(state: _State, pos: int) -> tuple[int, int, list[str]] | None:
    """A capitalised name run starting exactly at `pos` (after spaces), trimmed of possessives."""
    body = state.ctx.body
    while pos < len(body) and body[pos] in " \t":
        pos += 1
    match = _NAME_RUN.match(body, pos)
    if not match:
        return None
    tokens = match.group().split()
    # Strip trailing tokens that are organisation heads, stop words or places.
    while tokens and (tokens[-1].lower() in state.rules.stop_words or tokens[-1].lower() in state.rules.places):
        tokens = tokens[:-1]
    if not tokens:
        return None
    end = pos
    for token in tokens:
        end = body.index(token, end) + len(token)
    surface = body[pos:end]
    if surface.endswith(("'s", "’s")):
        end -= 2
        tokens[-1] = tokens[-1][:-2]
    return pos, end, tokens


def _register_person(
    state: _State, start: int, end: int, tokens: list[str], description: str | None, title: str | None
) -> None:
    ctx = state.ctx
    surface = ctx.body[start:end]
    if state.covered(start, end) and any(f.start < end and start < f.end and f.priority >= 3 for f in state.found):
        # Already a gazetteer name here; only remember the title it was introduced with.
        if title:
            for f in state.found:
                if f.start < end and start < f.end and state.is_person(f.name):
                    state.person_titles.setdefault(f.name, set()).add(title.lower())
        return
    entry = ctx.gazetteer.lookup(surface)
    if entry is None and len(tokens) >= 2:
        fuzzy = ctx.gazetteer.fuzzy(surface, score_cutoff=90)
        if fuzzy is not None and fuzzy.actor_type == "person":
            entry = fuzzy
    if entry is not None:
        name = entry.name
        priority = 4
    else:
        name = " ".join(tokens)
        priority = 2
        existing = state.discovered.get(name)
        if existing is None or (existing.description is None and description):
            state.discovered[name] = ActorRef(
                name=name, actor_type="person", is_discovered=True, description=description
            )
        gender = None
        if title and title.lower() in ("mr.", "mr", "king", "prince", "sheikh", "emir", "spokesman", "congressman"):
            gender = "m"
        elif title and title.lower() in ("mrs.", "ms.", "mrs", "ms", "queen", "spokeswoman", "congresswoman"):
            gender = "f"
        state.genders.setdefault(name, gender)
    if title:
        state.person_titles.setdefault(name, set()).add(title.lower())
    state.add(name, start, end, priority=priority)


_VESSEL_BEFORE = re.compile(
    r"\b(?:carrier|frigate|ship|vessel|destroyer|cruiser|corvette|submarine|tanker|freighter|warship|boat)\s+$",
    re.IGNORECASE,
)


def _discover_persons(state: _State) -> None:
    body, rules = state.ctx.body, state.rules
    # (a) Title + name: "Brigadier General Steven deMilliano", "U.S. Ambassador to Libya Richard Norland".
    by_start = {f.start: f for f in state.found}
    for match in rules.titles.finditer(body):
        if _VESSEL_BEFORE.search(body, max(0, match.start() - 30), match.start()):
            continue  # "the aircraft carrier Admiral Kuznetsov": a ship's name, not a person's
        pos = match.end()
        after = body[pos : pos + 80]
        link = re.match(r"\s+(?:to|for|of|at|in)\s+(?:the\s+)?", after)
        if link:
            target = pos + link.end()
            covering = by_start.get(target)
            if covering is not None:
                pos = covering.end
            else:
                lib = re.match(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s+[A-Z])", body[target : target + 40])
                if lib and lib.group().lower() in rules.places:
                    pos = target + lib.end()
        if pos < len(body) and body[pos] == ",":
            pos += 1
        if pos >= len(body) or not body[pos].isspace():
            continue
        found = _person_name_at(state, pos)
        if not found:
            continue
        start, end, tokens = found
        title_is_capitalised = match.group()[:1].isupper()
        if not _name_tokens_ok(tokens, rules, allow_single=title_is_capitalised):
            continue
        if len(tokens) == 1 and state.ctx.gazetteer.lookup(tokens[0]) is None:
            # "Foreign Minister Lavrov": only a capitalised title introduces a one-word name.
            if len(tokens[0]) < 4:
                continue
            # "Ms. Williams" after "Stephanie Williams": the person already named, not a new one
            known = next((f.name for f in state.found if f.kind == "name" and state.is_person(f.name)
                          and f.name.split()[-1] == tokens[0] and len(f.name.split()) > 1), None)
            if known is not None:
                state.add(known, start, end, priority=2, kind="name")
                continue
        # "Deputy Foreign Minister X" is remembered as such, so "the minister" later is not him
        lesser = re.search(r"([\w-]+)\s+$", body[max(0, match.start() - 20) : match.start()])
        title = match.group()
        if lesser and lesser.group(1).lower() in rules.lesser_office:
            title = f"{lesser.group(1)} {title}"
        _register_person(state, start, end, tokens, None, title)
    # (b) Name, apposition: "Matthew Zais, a senior U.S. Department of Energy official".
    for match in _NAME_RUN.finditer(body):
        start, end = match.start(), match.end()
        tokens = match.group().split()
        if not _name_tokens_ok(tokens, rules) or _sentence_initial_artefact(body, start, tokens, rules):
            continue
        tail = body[end : end + 160]
        appos = _APPOSITION_AFTER.match(tail)
        if appos and _has_role_noun(appos.group("desc"), rules):
            _register_person(state, start, end, tokens, appos.group("desc").strip(), None)
            continue
        person_after = rules.name_before_verb.match(tail) or _WHO_AFTER.match(tail) or _AGE_AFTER.match(tail)
        if person_after and len(tokens) <= 4:
            # "Ahmed Abushahma, who headed the GNA delegation, told ...": only a person is a "who"
            _register_person(state, start, end, tokens, None, None)
            continue
        # (c) Role noun, name: "... senior Middle East and North Africa official, Victoria Coates.", "the director
        # of the bank's IT department, Musab Msallam,"; and "a board headed by Mohamed al-Shukri,"
        head = body[max(0, start - 90) : start]
        ends = re.match(r"\s*(?:[.,;]|and\b|$)", body[end : end + 5])
        role = ends and next(
            (w for w in re.finditer(r"\w[\w-]*", head)
             if w.group().lower() in rules.title_words and _ROLE_TAIL.fullmatch(head, w.end())),
            None,
        )
        if role:
            _register_person(state, start, end, tokens, None, role.group())
        elif ends and _LED_BY.search(head) and state.ctx.gazetteer.lookup(match.group()) is None:
            _register_person(state, start, end, tokens, None, None)


_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:]|$)")


_ROLE_TAIL = re.compile(r"(?:\s+(?:of|for|at)\s+[^,.;:()“”\"]{1,60}?)?\s*,\s*")
_LED_BY = re.compile(r"\b(?:headed|led|chaired|run|commanded)\s+by\s+$")


def _discover_inverted_speakers(state: _State) -> None:
    """(d) '"...," said Tarek Selim.': a name of two or more words right after an inverted speech verb."""
    body, rules = state.ctx.body, state.rules
    for match in rules.name_after_verb.finditer(body):
        found = _person_name_at(state, match.end())
        if not found:
            continue
        start, end, tokens = found
        # (_name_tokens_ok already refuses an organisation's head noun; an armed group's is refused here)
        if len(tokens) < 2 or not _name_tokens_ok(tokens, rules) or not _CLAUSE_ENDS.match(body, end):
            continue
        if state.ctx.gazetteer.lookup(body[start:end]) is None and any(t.lower() in rules.armed_heads for t in tokens):
            continue
        _register_person(state, start, end, tokens, None, None)


def _has_role_noun(description: str, rules: ActorRules) -> bool:
    words = [w.lower().strip(".’'") for w in description.split()[:8]]
    return (
        any(w in rules.apposition_nouns for w in words)
        and not description[:1].isupper()
        or (any(w in rules.apposition_nouns for w in words[:8]) and len(words) > 1)
    )


def _sentence_initial_artefact(body: str, start: int, tokens: list[str], rules: ActorRules) -> bool:
    before = body[max(0, start - 2) : start]
    at_start = start == 0 or before.endswith("\n") or re.search(r"[.!?][\"”’]?\s$", body[max(0, start - 3) : start])
    return bool(at_start) and tokens[0].lower() in rules.stop_words


# ---------------------------------------------------------------------------------------------------------------
# 3. Surnames of persons already found
# ---------------------------------------------------------------------------------------------------------------


_SURNAME_PARTICLES = frozenset("Abdul Abdel Abd Abu Ben Bin Ibn bin ben ibn".split())


def _surnames(state: _State) -> None:
    body, rules = state.ctx.body, state.rules
    # Longest names first, then first named: "Jalil" is Mustafa Abdul Jalil rather than a discovered "Abdul Jalil",
    # and the choice never depends on set order (which changes with Python's hash seed from run to run).
    first_at: dict[str, int] = {}
    for f in state.found:
        if f.kind == "name" and f.name not in first_at and state.is_person(f.name):
            first_at[f.name] = f.start
    persons = sorted(first_at, key=lambda n: (-len(n.split()), first_at[n], n))
    keys: dict[str, str] = {}
    for name in persons:
        tokens = name.split()
        if len(tokens) < 2:
            continue
        surname = tokens[-1]
        if surname.lower() in rules.stop_words or len(surname) < 3:
            continue
        keys.setdefault(surname, name)
        if len(tokens) >= 3 and tokens[-2] in _SURNAME_PARTICLES:
            keys.setdefault(f"{tokens[-2]} {surname}", name)  # "Abdul Jalil" is Mustafa Abdul Jalil
        if surname[:3] in ("al-", "el-"):
            keys.setdefault(surname[0].upper() + surname[1:], name)  # "Al-Shukri, for his part," opening a sentence
        bare = re.sub(r"^(?:[Aa]l|[Ee]l)-", "", surname)
        if bare != surname and len(bare) >= 4:
            keys.setdefault(bare, name)
    for f in state.found:
        # ("Mustafa Abdul Jalil ... Abdul Jalil said": a person discovered under the surname of one named fully)
        if f.name in state.discovered and keys.get(f.name, f.name) != f.name and state.is_person(f.name):
            f.name = keys[f.name]
    # Whole-word occurrences found with str.find (no pattern compiled per article); a two-word surname ("Abdul
    # Jalil") starts before the one-word one inside it, so in start order it is added first and covers it.
    hits = []
    for key in keys:
        at = body.find(key)
        while at >= 0:
            end = at + len(key)
            if not (at and _WORD_CHAR.match(body, at - 1)) and not _WORD_CHAR.match(body, end):
                hits.append((at, end, key))
            at = body.find(key, at + 1)
    for start, end, key in sorted(hits):
        if not state.covered(start, end):
            state.add(keys[key], start, end, priority=2)


# ---------------------------------------------------------------------------------------------------------------
# 4. Fuzzy misspellings
# ---------------------------------------------------------------------------------------------------------------

_SINGLE_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][a-z]{4,}(?![\w-])")


def _fuzzy(state: _State) -> None:
    body, rules, gazetteer = state.ctx.body, state.rules, state.ctx.gazetteer
    for match in _SINGLE_CAPITAL.finditer(body):
        word = match.group()
        start, end = match.span()
        if word.lower() in rules.stop_words or word.lower() in rules.places or word.lower() in rules.title_words:
            continue
        if state.covered(start, end):
            continue
        before = body[max(0, start - 3) : start]
        if start == 0 or re.search(r"(?:[.!?:\n][\"”’]?\s*|^\s*)$", before) or before.endswith("\n"):
            continue  # sentence-initial: capitalisation says nothing
        # Part of a longer capitalised run: a different name, not a misspelling.
        if re.match(r"\s+[A-Z]", body[end : end + 2]) or re.search(r"[A-Z][\w.]*\s$", body[max(0, start - 20) : start]):
            continue
        if gazetteer.lookup_name_or_demonym(word):
            continue
        entry = gazetteer.fuzzy(word, score_cutoff=88)
        if entry is None or entry.actor_type not in ("person", "armed_group"):
            continue
        state.add(entry.name, start, end, priority=1)


# ---------------------------------------------------------------------------------------------------------------
# 5. Role titles alone and pronouns
# ---------------------------------------------------------------------------------------------------------------


def _titles_of(state: _State, name: str) -> set[str]:
    titles = set(state.person_titles.get(name, ()))
    entry = state.ctx.gazetteer.get(name)
    if entry is not None:
        titles.update(t.lower() for t in entry.titles)
    return {re.sub(r"\s+", " ", t) for t in titles}


def _title_fits(forms: set[str], titles: set[str], lesser: frozenset[str]) -> bool:
    """'the minister' fits 'foreign minister' (its head noun), not 'deputy foreign minister'."""
    if forms & titles:
        return True
    return any(
        title.endswith(" " + form) and not lesser & set(title[: -len(form)].split())
        for form in forms
        for title in titles
    )


_APPOSED_NAME = re.compile(r"(?:\s+(?:of|for)\s+(?:the\s+)?[^,.;:\n]{1,40}?)?\s*,\s+")


# "The 60-year-old added that ...": an age alone, as the subject, is the person just named
# (not "the 76-year-old field marshal": a title after it names its holder)
_AGE_ALONE = re.compile(r"\b[Tt]he\s+\d{2}-year-old(?=\s+(?:also\s+|later\s+)?(?:has|had|is|was|said|says|told|added|"
                        r"insisted|warned|denied|replied|argued|stressed|rejected|dismissed|vowed|called)\b)")


def _ages_alone(state: _State) -> None:
    body = state.ctx.body
    persons = sorted((f for f in state.found if f.kind == "name" and state.is_person(f.name)), key=lambda f: f.start)
    starts = [f.start for f in persons]
    for match in _AGE_ALONE.finditer(body):
        start, end = match.span()
        if state.covered(start, end):
            continue
        i = bisect.bisect_left(starts, start)
        if i and start - persons[i - 1].end <= 600:
            state.add(persons[i - 1].name, start, end, priority=1, kind="title")


def _titles_alone(state: _State) -> None:
    body = state.ctx.body
    names = sorted((f for f in state.found if f.kind == "name"), key=lambda f: f.start)  # (bisected below)
    name_starts = [f.start for f in names]
    for match in state.rules.role_alone.finditer(body):
        title = re.sub(r"\s+", " ", match.group("title").lower())
        start, end = match.span("title")
        if state.covered(start, end):
            continue
        # "the UN chief": the modifier and the title together may be what the actor is known as
        mod = (match.group("mod") or "").strip()
        forms = {title, f"{mod.lower()} {title}"} if mod else {title}
        # "the Russian president": a demonym or country before the title must be the person's country
        country = state.ctx.gazetteer.lookup_demonym(mod) or state.ctx.gazetteer.lookup(mod) if mod else None
        country_name = country.name if country is not None and country.actor_type == "country" else None
        i = bisect.bisect_left(name_starts, start)
        # "The Prime Minister of the GNU, Abdul Hamid Dbeibah, toured": the person in apposition holds the title
        apposed = _APPOSED_NAME.match(body, end)
        holder = apposed and next(
            (f for f in names[i : i + 4] if f.start == apposed.end() and state.is_person(f.name)), None
        )
        if holder:
            state.add(holder.name, start, end, priority=1, kind="title")
            continue
        # "the representative of the United States": a country after the title must be the holder's country
        complement = re.match(r"\s+(?:of|for|from)\s+(?:the\s+)?", body[end : end + 12])
        if complement and country_name is None:
            at = end + complement.end()
            owner = next((f for f in names[i : i + 3] if end < f.start <= at), None)  # (with or without "the")
            if owner is not None and state.actor_type(owner.name) == "country":
                country_name = owner.name
        fitting = [
            f
            for f in reversed(names[max(0, i - 200) : i])
            if _title_fits(forms, _titles_of(state, f.name), state.rules.lesser_office)
            and (country_name is None or _country_of(state, f.name) == country_name)
        ]
        if not fitting and (" " in title or mod):
            # "..., the interior minister said. ... Fathi Bashagha told reporters": named only further on (a specific
            # office only: "the diplomat" is an unnamed source, not the next diplomat named)
            fitting = [
                f
                for f in names[i : i + 40]
                if f.start - end < 1500
                and _title_fits(forms, _titles_of(state, f.name), state.rules.lesser_office)
                and (country_name is None or _country_of(state, f.name) == country_name)
            ][:1]
        if not fitting:
            continue
        target = _sentence_subject_among(state, names, fitting, start) or fitting[0]
        if state.rules.modifier_after.match(body, target.end):
            # "Colonel Burkhard said the drops came after Gaddafi's forces ... The colonel insisted": a name used as a
            # modifier yields to a holder of the title named just before it
            target = next((f for f in fitting[1:] if f.start >= target.start - 300
                           and not state.rules.modifier_after.match(body, f.end)), target)
        state.add(target.name, start, end, priority=1, kind="title")


def _sentence_subject_among(state: _State, names: list[_Found], fitting: list[_Found], start: int) -> _Found | None:
    """Of several holders of a title, the one that opens the nearest sentence naming a person (centering: "On
    Wednesday Gentiloni told lawmakers that Sarraj had asked ... 'We are not talking about a blockade,' the prime
    minister said" is Gentiloni)."""
    if len(fitting) < 2 or not state.ctx.sentences:
        return None
    sentences = state.ctx.sentences
    index = state.ctx.sentence_before(start)
    for k in range(index, max(-1, index - 3), -1):  # (the nearest sentence that names a person)
        lo, hi = sentences[k].char_start, min(sentences[k].char_end, start)
        first = next((f for f in names if lo <= f.start < hi and state.is_person(f.name)), None)
        if first is not None:
            return first if first in fitting else None
    return None


def _country_of(state: _State, name: str) -> str | None:
    entry = state.ctx.gazetteer.get(name)
    if entry is not None:
        return entry.country
    ref = state.discovered.get(name)
    return ref.country if ref is not None else None


@functools.lru_cache(maxsize=64)
def _word_start_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)


def _apposed_descriptors(state: _State) -> None:
    """'The Syrian Observatory for Human Rights, a UK-based war monitor, said': the apposition's head noun names the
    body too, so "the war monitor" later points back to it."""
    body = state.ctx.body
    for f in state.found:
        if f.kind != "name" or state.is_person(f.name):
            continue
        appos = _APPOSED_HEAD.match(body, f.end)
        if appos and appos.group(1).lower() in state.rules.org_description_nouns:
            state.descriptors.setdefault(f.name, appos.group(1).lower())


_APPOSED_HEAD = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?([a-z]+)\s*[,.;]")


def _descriptions_alone(state: _State) -> None:
    """'The panel said ...': the nearest organisation named before whose name has that head noun (within ~3
    paragraphs), so a definite description never creates an actor, only points back to one."""
    body = state.ctx.body
    names = sorted((f for f in state.found if f.kind == "name" and not state.is_person(f.name)), key=lambda f: f.start)
    starts = [f.start for f in names]
    for match in state.rules.org_description.finditer(body):
        start, end = match.span(1)
        if state.covered(start, end):
            continue
        head = match.group(1).lower()
        stem = _word_start_pattern(head[:-1] if head.endswith("s") and not head.endswith("ss") else head)
        i = bisect.bisect_left(starts, start)
        for f in reversed(names[max(0, i - 40) : i]):
            if start - f.end > 2500:
                break
            entry = state.ctx.gazetteer.get(f.name)
            # (an alias counts by its head noun only: "the operation" is not the LNA of "Operation Dignity forces")
            forms = (f.name, body[f.start : f.end], state.descriptors.get(f.name, ""))
            if any(stem.search(form) for form in forms) or any(
                stem.match(alias.split()[-1]) for alias in (entry.aliases if entry else ())
            ):
                state.add(f.name, start, end, priority=1, kind="title")
                break


_SELF_STYLED_STATE = re.compile(
    r"\b(?:Islamic|Islamist|jihadist)\s+(?:emirate|caliphate)\b|\bcaliphate\b", re.IGNORECASE
)


def _states_described(state: _State) -> None:
    """'The Gulf emirate sent jets': the nearest state named before (within ~3 paragraphs) of the kind the
    description names, so "the emirate" is Qatar in a story about Qatar."""
    body, rules = state.ctx.body, state.rules
    states = sorted((f for f in state.found if f.kind == "name"), key=lambda f: f.start)
    starts = [f.start for f in states]
    for match in rules.state_descriptor.finditer(body):
        start, end = match.span(1)
        if state.covered(start, end):
            continue
        kinds = rules.state_descriptor_names[match.group(2).lower()]
        if _SELF_STYLED_STATE.search(body, max(0, start - 2500), start):
            continue  # "jihadists declared an Islamic emirate. The emirate sent fighters": not a state named before
        i = bisect.bisect_left(starts, start)
        for f in reversed(states[max(0, i - 60) : i]):
            if start - f.end > 2500:
                break
            if f.name in kinds:
                state.add(f.name, start, end, priority=1, kind="title")
                break


def _gender(state: _State, name: str) -> str | None:
    entry = state.ctx.gazetteer.get(name)
    if entry is not None and entry.gender:
        return entry.gender
    return state.genders.get(name)


def _pronouns(state: _State) -> None:
    ctx = state.ctx
    # (sorted: resolve_pronoun bisects by position, and titles are found after the names)
    persons = sorted(
        (f for f in state.found if f.kind in ("name", "title") and state.is_person(f.name)), key=lambda f: f.start
    )
    if not persons:
        return
    sentences = ctx.sentences
    for match in _PRONOUN.finditer(ctx.body):
        start, end = match.span()
        if state.covered(start, end):
            continue
        gender = state.rules.pronoun_gender.get(match.group().lower())
        # '"Gaddafi is playing for time," he told Reuters': a name inside a quotation is not who "he" is
        candidates = persons if ctx.quotation_at(start) else [f for f in persons if not ctx.quotation_at(f.start)]
        target = resolve_pronoun(ctx.body, sentences, candidates, start, gender, lambda n: _gender(state, n))
        if target is not None:
            state.add(target, start, end, priority=0, kind="pronoun")


def _western_government_by_period(state: _State) -> None:
    """'the Tripoli government' in 2022 is the GNU, in 2019 the GNA; undated, the one the article names."""
    ctx, rules = state.ctx, state.rules
    before = rules.western_change[0]
    hits = [
        f for f in state.found
        if f.name == before and ctx.body[f.start : f.end].lower() in rules.western_descriptors
        # ("the UN-recognised Government of National Accord": the name itself follows)
        and not re.match(r"\s+of\s+(?-i:[A-Z])", ctx.body[f.end : f.end + 6])
    ]
    if not hits:
        return
    named = {f.name for f in state.found if f.kind == "name" and f not in hits}
    for f in hits:
        f.name = recognised_government(ctx.published, ctx.body[f.start : f.end], named)


def _period_descriptors(state: _State) -> None:
    """'the rebels' in an article dated 2011: the National Transitional Council (rule data, by period). Undated
    articles get nothing: the same words name other fighters in other years."""
    ctx = state.ctx
    if ctx.published is None:
        return
    day = ctx.published.value.isoformat()
    for actor, start_day, end_day, forms in state.rules.period_descriptors:
        if not start_day <= day <= end_day:
            continue
        for match in forms.finditer(ctx.body):
            start, end = match.span()
            lead = ctx.body[max(0, start - 30) : start]
            before = re.search(r"([A-Z][\w'’-]*)\s+$", lead)
            if before is not None:
                word = before.group(1)
                known = ctx.gazetteer.lookup_demonym(word) or ctx.gazetteer.lookup(word)
                sentence_initial = re.search(r"(?:^|[.!?:\n][\"”’]?\s*)$", lead[: before.start()]) is not None
                if (known is not None and "Libya" not in (known.name, known.country)) or (
                    known is None and not sentence_initial
                ):
                    continue  # "Syrian rebels", "the Tuareg rebels": another people's ("But rebels" are these)
            if not state.covered(start, end):
                state.add(actor, start, end, priority=1)


def recognised_before_gna(published: FuzzyDate | None, phrase: str) -> str | None:
    """'the internationally recognised government' in 2014-2015 is the eastern one; None outside that period or
    without a recognition cue."""
    name, start, end, cues = load_rules().recognised_east
    if published is None or not start <= published.value.isoformat() < end:
        return None
    return name if cues.search(phrase) else None


def recognised_government(published: FuzzyDate | None, phrase: str, named: set[str]) -> str:
    """The government a western or recognition cue names: the eastern one for "recognised" in 2014-2015, else the
    Tripoli government of the period."""
    return recognised_before_gna(published, phrase) or western_government(published, named)


def gna_era(published: FuzzyDate | None) -> bool:
    """Whether Tripoli's government is the GNA or its successor at this date (undated: assumed)."""
    return published is None or published.value.isoformat() >= load_rules().recognised_east[2]


def western_government(published: FuzzyDate | None, named: set[str]) -> str:
    """The Tripoli government of an article's period (the GNA, then the GNU from 15 March 2021, as rule data);
    undated, the GNU only when the article names it and not the GNA."""
    before, after, on = load_rules().western_change
    if published is not None:
        return after if published.value.isoformat() >= on else before
    return after if after in named and before not in named else before


_PAIR = re.compile(
    # ("received both men": "both" needs no article)
    r"\b(?:[Tt]he\s+(?=two|both)|(?=[Bb]oth\s))(?P<two>two|[Bb]oth)\s+(?P<noun>men|leaders|rivals|presidents|ministers|"
    r"commanders|envoys)\b"
    # "both countries", "the two governments": the last two states named
    r"|\b(?:[Tt]he\s+)?(?P<two_states>two|[Bb]oth)\s+(?P<states>countries|governments|capitals|states|nations)\b"
)
_STATE_TYPES = ("country", "government")
# Verbs whose object a pair is ("received both men"; but "a charge both countries dismissed" is a subject)
_PAIR_AS_OBJECT = re.compile(
    r"\b(?:received|hosted|welcomed|met|invited|summoned|thanked|urged|told|called|brought\s+together|accused)\s+$"
)


def _pairs(state: _State) -> None:
    """'The two men met at ...': the last two persons named in this or the previous two sentences, one mention on
    "two" and one on the noun (so a list of two reads as "A B")."""
    ctx = state.ctx
    persons = sorted(
        (f for f in state.found if f.kind in ("name", "title", "pronoun") and state.is_person(f.name)),
        key=lambda f: f.start,
    )
    states = sorted(
        (f for f in state.found if f.kind == "name" and state.actor_type(f.name) in _STATE_TYPES),
        key=lambda f: f.start,
    )
    for match in _PAIR.finditer(ctx.body):
        two, noun = ("two", "noun") if match.group("two") else ("two_states", "states")
        if state.covered(match.start(two), match.end(noun)):
            continue
        index = ctx.sentence_before(match.start())
        lo = ctx.sentences[max(index - 2, 0)].char_start if ctx.sentences else 0
        # "Macron received both men": as an object, the pair is not the subject before it in its sentence
        own = ctx.sentences[index].char_start if ctx.sentences and index >= 0 else 0
        lead = ctx.body[own : match.start()]
        # (only the host's own clause: "After Haftar and Sarraj landed, Macron received both men")
        hi = own + lead.rfind(",") + 1 if _PAIR_AS_OBJECT.search(lead) else match.start()
        names: list[str] = []
        for f in reversed([f for f in (persons if two == "two" else states) if lo <= f.start < hi]):
            if f.name not in names:
                names.append(f.name)
            if len(names) == 2:
                break
        if len(names) < 2:
            continue
        first, second = reversed(names)
        state.add(first, match.start(two), match.end(two), priority=0, kind="pronoun")
        state.add(second, match.start(noun), match.end(noun), priority=0, kind="pronoun")


def resolve_pronoun(body, sentences, persons, offset, gender, gender_of) -> str | None:
    """The person a pronoun at `offset` refers to: the subject of its own sentence, else of the nearest previous
    sentence that mentions a person (centering: subjects persist), else the most recent compatible person."""

    def compatible(f: _Found) -> bool:
        g = gender_of(f.name)
        return gender is None or g is None or g == gender

    starts = [s.char_start for s in sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0 or not (sentences[index].char_start <= offset < sentences[index].char_end):
        before = [f for f in persons[-64:] if f.end <= offset and compatible(f)]
        return before[-1].name if before else None
    person_starts = [f.start for f in persons]

    def persons_in(lo: int, hi: int) -> list[_Found]:
        a, b = bisect.bisect_left(person_starts, lo), bisect.bisect_left(person_starts, hi)
        return [f for f in persons[a:b] if f.end <= hi and compatible(f)]

    def head(found: list[_Found]) -> str:
        # "the Gaddafi government's spokesman, Moussa Ibrahim, said": a name used as a modifier is not the subject
        heads = [f for f in found if not load_rules().modifier_after.match(body, f.end)]
        return (heads or found)[0].name

    own = sentences[index]
    in_own = persons_in(own.char_start, offset)
    if in_own:
        return head(in_own)
    for back in range(index - 1, max(-1, index - 4), -1):
        in_span = persons_in(sentences[back].char_start, sentences[back].char_end)
        if in_span:
            return head(in_span)
    return None
