"""Clause-level helpers shared by the event, allegation and support extractors.

Owns: loading the rule files in `loaders/rules/`, clause boundaries inside a sentence, page-furniture detection
(headlines, photo captions), coordinated actor lists ("Egypt, the UAE, Jordan and Sudan"), irrealis cues (negated,
hypothetical or future contexts), the Libyan-side helpers (is an actor Libyan, which faction a leader belongs to,
which government "the government" means), a fallback resolver for "it"/"its"/"they", and a date wrapper.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from pathlib import Path

from loaders.dates import resolve_date_near
from loaders.yamlio import parse_yaml

from loaders.extract.actors import recognised_government
from loaders.extract.context import ArticleContext
from loaders.model import FuzzyDate, Mention, Span

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@functools.lru_cache(maxsize=16)
def load_rules(name: str) -> dict:
    """The parsed `loaders/rules/<name>.yaml`; each file carries a `version` key."""
    with open(RULES_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        data = parse_yaml(handle.read()) or {}
    if "version" not in data:
        raise ValueError(f"loaders/rules/{name}.yaml: missing 'version'")
    return data


def phrase_alternation(phrases) -> str:
    """An alternation of plain phrases (escaped; a space matches any run of spaces), longest first, then
    alphabetical, so the pattern does not depend on the hash seed."""
    return "|".join(
        re.escape(str(p)).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=lambda p: (-len(str(p)), str(p)))
    )


def alternation(fragments) -> str:
    """A non-capturing alternation of regex fragments, longest first."""
    if isinstance(fragments, str):
        return f"(?:{fragments})"
    return "(?:" + "|".join(sorted(fragments, key=len, reverse=True)) + ")"


# ---------------------------------------------------------------------------------------------------------------
# Sentences, clauses, page furniture

_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s+[—–]\s+|\s+--\s+|,?\s+(?:while|whereas|but|although|though|even as)\s+",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$|:\s*$")
# A paragraph with a sentence end inside is body text even without a final stop ("... this year. Enditem", a wire's
# end marker): headlines are one unpunctuated line.
_INNER_SENTENCE_END = re.compile(r"[a-z0-9)][.!?][\"'”’]?\s+[A-Z\"“]")
_CAPTION = re.compile(
    r"Credit:|\((?:AFP|Reuters|AP|EPA|Getty Images?|Anadolu)\)\s*$|\bREUTERS\s*$|/\s*(?:AFP|REUTERS|AP)\b"
)


def _title_case(text: str) -> bool:
    """'Turkey Sends Drones. Haftar Vows Revenge': a headline in title case, full stop or not."""
    words = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def sentence_index(ctx: ArticleContext, offset: int) -> int:
    """The sentence containing `offset`, else the one before it (the first when none starts before)."""
    return max(ctx.sentence_before(offset), 0)


def sentence_of(ctx: ArticleContext, offset: int) -> Span:
    if not ctx.sentences:
        return Span(0, len(ctx.body))
    return ctx.sentences[sentence_index(ctx, offset)]


def clause_spans(ctx: ArticleContext, sentence: Span) -> list[Span]:
    """The sentence cut at strong clause boundaries (semicolons, dashes, "while", "but", parentheses)."""
    spans, start = [], sentence.char_start
    for match in _CLAUSE_BREAK.finditer(ctx.body, sentence.char_start, sentence.char_end):
        if match.start() > start:
            spans.append(Span(start, match.start()))
        start = match.end()
    if start < sentence.char_end:
        spans.append(Span(start, sentence.char_end))
    return spans or [sentence]


def clause_of(ctx: ArticleContext, offset: int) -> Span:
    sentence = sentence_of(ctx, offset)
    for span in clause_spans(ctx, sentence):
        if span.char_start <= offset < span.char_end:
            return span
    return sentence


def furniture_paragraphs(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Paragraph spans that look like page furniture: headlines (no terminal punctuation) and photo captions."""
    cache = getattr(ctx, "_clause_furniture", None)
    if cache is not None:
        return cache
    spans = []
    for match in re.finditer(r"[^\n]+", ctx.body):
        text = match.group().strip()
        if not text:
            continue
        if (
            not _TERMINAL.search(text) and (not _INNER_SENTENCE_END.search(text) or _title_case(text))
        ) or _CAPTION.search(text):
            spans.append((match.start(), match.end()))
    ctx._clause_furniture = spans  # type: ignore[attr-defined]
    return spans


def is_furniture(ctx: ArticleContext, offset: int) -> bool:
    spans = furniture_paragraphs(ctx)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def actor_ref(ctx: ArticleContext, name: str):
    from loaders.model import ActorRef

    entry = ctx.gazetteer.get(name)
    if entry is None:
        return ActorRef(name=name, actor_type="organization", is_discovered=True)
    return ActorRef(name=entry.name, actor_type=entry.actor_type, country=entry.country, side=entry.side)


def in_quotation(ctx: ArticleContext, offset: int) -> bool:
    """True when `offset` lies inside a quotation in its paragraph (odd number of double quotes before it)."""
    para_start = ctx.body.rfind("\n", 0, offset) + 1
    before = ctx.body[para_start:offset]
    opens = before.count("“") + before.count('"')
    closes = before.count("”")
    return (opens - closes) % 2 == 1 if "“" in before else opens % 2 == 1


# ---------------------------------------------------------------------------------------------------------------
# Mentions


def mentions_between(ctx: ArticleContext, start: int, end: int) -> list[Mention]:
    return ctx.mentions_in(start, end)


_COORD_GAP = re.compile(
    r"^(?:\s*,\s*|\s*,?\s+(?:and|&|or|as well as|plus|along with|together with)(?:\s+|\s*,\s*)|\s*/\s*)"
    # (no literal "-ly" adverb beside the generic one: two ways to read a word backtrack exponentially)
    r"(?:(?:the|also|even|to a lesser extent|perhaps|later|its ally|their ally|"
    # ("by Cairo, Moscow and, more quietly, Paris")
    r"(?:(?:more|less|much|most)\s+)?(?-i:[a-z])+ly)(?:\s+|\s*,\s*)|,\s*)*$",
    re.IGNORECASE,
)


def _joined(ctx: ArticleContext, left: Mention, right: Mention) -> bool:
    gap = ctx.body[left.char_end : right.char_start]
    # "The two men": the pair resolved by actors._pairs, one mention on "two" and one on the noun
    return bool(_COORD_GAP.match(gap)) or (gap == " " and left.surface_form.lower() in ("two", "both"))


def coordination(ctx: ArticleContext, mentions: list[Mention], index: int) -> list[Mention]:
    """The coordinated list around mentions[index]: neighbours joined only by commas/"and"/"or". An owner is part
    of its item ("the UAE, Turkey and Russia's Wagner Group" is three items), not an item of its own."""
    def owns(i: int) -> bool:  # mentions[i] is the possessive owner of mentions[i + 1]
        return 0 <= i < len(mentions) - 1 and ctx.body[mentions[i].char_end : mentions[i + 1].char_start] in (
            "'s ", "’s ")

    items = [index]
    while True:
        first = items[0] - 1 if owns(items[0] - 1) else items[0]  # the item's owner belongs to it
        if first == 0 or not _joined(ctx, mentions[first - 1], mentions[first]):
            break
        items.insert(0, first - 1)
    hi = index
    while hi + 1 < len(mentions) and _joined(ctx, mentions[hi], mentions[hi + 1]):
        hi += 2 if owns(hi + 1) else 1  # "Turkey and Russia's Wagner Group": the owned name is the item
        items.append(hi)
    return [mentions[i] for i in items]


def coordination_forward(ctx: ArticleContext, mentions: list[Mention], index: int) -> list[Mention]:
    """The list that starts at mentions[index] and runs forward ("by Egypt, the UAE and Jordan")."""
    hi = index
    while hi + 1 < len(mentions) and _COORD_GAP.match(ctx.body[mentions[hi].char_end : mentions[hi + 1].char_start]):
        hi += 1
    return mentions[index : hi + 1]


def dedupe_names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


# ---------------------------------------------------------------------------------------------------------------
# Irrealis (negated / hypothetical / future) contexts


@functools.lru_cache(maxsize=8)
def irrealis_pattern(fragments: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + alternation(fragments) + r"(?![\w-])", re.IGNORECASE)


def last_match(pattern: re.Pattern[str], text: str, *bounds: int) -> re.Match[str] | None:
    """The last non-overlapping match of `pattern` in `text` (optionally within pos/endpos bounds)."""
    found = None
    for found in pattern.finditer(text, *bounds):  # noqa: B007 - the loop variable is the result
        pass
    return found


def has_cue(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


# ---------------------------------------------------------------------------------------------------------------
# Libyan sides


def entry_country(ctx: ArticleContext, name: str) -> str | None:
    entry = ctx.gazetteer.get(name)
    if entry is not None:
        return entry.country
    ref = ctx.actors.get(name)
    return ref.country if ref else None


def actor_type(ctx: ArticleContext, name: str) -> str | None:
    entry = ctx.gazetteer.get(name)
    if entry is not None:
        return entry.actor_type
    ref = ctx.actors.get(name)
    return ref.actor_type if ref else None


def is_libya(name: str) -> bool:
    return name == "Libya"


def is_libyan(ctx: ArticleContext, name: str) -> bool:
    """A Libyan party (person, force, government), not the country itself."""
    if is_libya(name):
        return False
    if entry_country(ctx, name) == "Libya":
        return True
    ref = ctx.actors.get(name)
    if ref is not None and ref.is_discovered and ref.side in ("east", "west"):
        return True
    return False


def faction(ctx: ArticleContext, name: str) -> str:
    """A Libyan leader stands for the force or government he leads (gazetteer affiliation)."""
    entry = ctx.gazetteer.get(name)
    if entry is not None and entry.actor_type == "person" and entry.affiliation and entry.country == "Libya":
        return entry.affiliation
    return name


def foreign_state(ctx: ArticleContext, name: str) -> str:
    """A foreign person or state body stands for its country (Erdogan -> Turkey, "Turkish Air Force" -> Turkey);
    companies and groups stay."""
    entry = ctx.gazetteer.get(name)
    if entry is None:
        return _branch_country(ctx, name) or name
    if entry.actor_type in ("person", "government") and entry.country and entry.country != "Libya":
        if entry.actor_type == "person" and not _is_official(entry):
            return name  # "Erik Prince": a private person acts for himself, not for his country
        if ctx.gazetteer.get(entry.country) is not None:
            return entry.country
    return name


def _branch_country(ctx: ArticleContext, name: str) -> str | None:
    """'Turkish Air Force', 'Russian Navy': a demonym and a branch of a state's forces name the state."""
    demonym, _, rest = name.partition(" ")
    if rest.lower() not in _state_branches():
        return None
    entry = ctx.gazetteer.lookup_demonym(demonym)
    if entry is None or entry.actor_type != "country" or entry.name == "Libya":
        return None
    return entry.name


@functools.lru_cache(maxsize=1)
def _state_branches() -> frozenset[str]:
    return frozenset(b.lower() for b in load_rules("actors")["state_branches"])


_OFFICIAL_TITLE = re.compile(
    r"\b(?:president|minister|premier|secretary|ambassador|envoy|general|marshal|chancellor|king|emir|sultan|"
    r"crown prince|sheikh|spokes(?:man|woman|person)|chief of staff|commander|admiral|intelligence chief|"
    r"head of state|leader|senator|governor|officer|colonel|diplomat|representative)\b",
    re.IGNORECASE,
)


def _is_official(entry) -> bool:
    """A person who holds (or held) office for a state: their acts are the state's acts."""
    return bool(entry.affiliation) or any(_OFFICIAL_TITLE.search(t) for t in entry.titles) or not entry.titles


def government_nouns(*subset: str) -> str:
    """An alternation of the government nouns in actors.yaml, or of the `subset` of them a site reads as a government
    (each must be in the list, so the YAML stays the one vocabulary)."""
    nouns = [str(n) for n in load_rules("actors")["government_nouns"]]
    unknown = set(subset) - set(nouns)
    if unknown:
        raise ValueError(f"loaders/rules/actors.yaml: {sorted(unknown)} not in government_nouns")
    return alternation(re.escape(n) for n in nouns if not subset or n in subset)


def _government_index(ctx: ArticleContext) -> tuple[list[int], list[str]]:
    cache = getattr(ctx, "_clause_governments", None)
    if cache is not None and cache[2] == len(ctx.mentions):
        return cache[0], cache[1]
    offsets, names = [], []
    for mention in ctx.mentions:
        name = mention.actor_name
        if not is_libyan(ctx, name):
            continue
        candidate = None
        if actor_type(ctx, name) == "government":
            candidate = name
        else:
            aff = faction(ctx, name)
            if aff != name and actor_type(ctx, aff) == "government":
                candidate = aff
        if candidate is not None:
            offsets.append(mention.char_start)
            names.append(candidate)
    ctx._clause_governments = (offsets, names, len(ctx.mentions))  # type: ignore[attr-defined]
    return offsets, names


def libyan_government(ctx: ArticleContext, offset: int) -> str | None:
    """Which Libyan government a bare "the government" at `offset` means: the nearest Libyan government (or a
    Libyan head of government's government) mentioned before it, else the first one mentioned in the article."""
    offsets, names = _government_index(ctx)
    if not names:
        return None
    i = bisect.bisect_left(offsets, offset) - 1
    return names[i] if i >= 0 else names[0]


_TITLE_CACHE: dict[int, list[tuple[re.Pattern[str], str]]] = {}


def title_mentions(ctx: ArticleContext, start: int, end: int) -> list[Mention]:
    """Fallback: "the field marshal", "the strongman" inside [start, end) as mentions of a Libyan person already
    named in the article, when the title belongs to exactly one such person."""
    cache = getattr(ctx, "_clause_titles", None)
    if cache is None or cache[0] != len(ctx.mentions):
        names = {m.actor_name for m in ctx.mentions if is_libyan(ctx, m.actor_name)}
        by_title: dict[str, set[str]] = {}
        for name in names:
            entry = ctx.gazetteer.get(name)
            for title in entry.titles if entry else ():
                by_title.setdefault(title.lower(), set()).add(name)
        unique = [
            (re.compile(rf"\bthe\s+(?:[\w-]+\s+)?{re.escape(t)}\b", re.IGNORECASE), next(iter(o)))
            for t, o in by_title.items()
            if len(o) == 1
        ]
        cache = (len(ctx.mentions), unique)
        ctx._clause_titles = cache  # type: ignore[attr-defined]
    out = []
    for pattern, owner in cache[1]:
        for match in pattern.finditer(ctx.body, start, end):
            out.append(Mention(owner, match.group(), match.start(), match.end()))
    return sorted(out, key=lambda m: m.char_start)


_IT = re.compile(r"\b(?:it|its|they|their|them)\b", re.IGNORECASE)


def resolve_it(
    ctx: ArticleContext,
    offset: int,
    *,
    libyan: bool | None = None,
    exclude: set[str] | None = None,
    persons: bool = False,
) -> str | None:
    """Fallback antecedent for a pronoun at `offset`: the nearest actor mention before it in the same or previous
    sentence (non-persons for "it", unless `persons`), optionally restricted to Libyan / foreign actors."""
    exclude = exclude or set()
    index = sentence_index(ctx, offset)
    start = ctx.sentences[max(index - 1, 0)].char_start if ctx.sentences else 0
    for mention in reversed(ctx.mentions_in(start, offset)):
        name = mention.actor_name
        if name in exclude or is_libya(name) or mention.surface_form.lower() in ("it", "its", "they", "their"):
            continue
        kind = actor_type(ctx, name)
        if kind == "media":
            continue
        if kind == "person" and not persons:
            continue
        if libyan is True and not is_libyan(ctx, name):
            continue
        if libyan is False and is_libyan(ctx, name):
            continue
        return name
    return None


# ---------------------------------------------------------------------------------------------------------------
# Dates


def date_near(ctx: ArticleContext, start: int, end: int) -> FuzzyDate | None:
    # The body's dates are found once per article (cached by the resolver) and filtered to [start, end).
    try:
        return resolve_date_near(ctx.body, start, end, ctx.published, ctx.weekday_base)
    except Exception:  # a date bug must never cost the row
        return None


# ---------------------------------------------------------------------------------------------------------------
# Known sides of foreign backers


def side_faction(ctx: ArticleContext, names: list[str]) -> str | None:
    """The main Libyan faction on the side every one of `names` is known to back (gazetteer `side`): east -> the
    Libyan National Army; west -> the Government of National Accord (the Government of National Unity from 2021,
    when the article is dated and the gazetteer knows it). None when the sides differ or are unknown."""
    sides = set()
    for name in names:
        entry = ctx.gazetteer.get(name)
        sides.add(entry.side if entry else None)
    if len(sides) != 1 or not sides <= {"east", "west"}:
        return None
    day = ctx.published.value if ctx.published else None
    for start, end, east, west in _SIDE_PERIODS:
        if day is not None and start <= day < end:
            if east == "National Transitional Council" and not set(names) <= _rebel_backers():
                return None  # ("Russia has sent weapons to Libya" in 2011: no known side in that war)
            name = east if sides == {"east"} else west
            return name if name is None or ctx.gazetteer.get(name) else None
    if sides == {"east"}:
        return "Libyan National Army"
    if day is not None and day >= _GNU_FROM and ctx.gazetteer.get("Government of National Unity"):
        return "Government of National Unity"
    return "Government of National Accord"


@functools.cache
def _rebel_backers() -> frozenset[str]:
    return frozenset(str(n) for n in load_rules("actors")["rebel_backers_2011"])


# Before the east/west split the sides meant other parties: in the 2011 war the states that took sides backed the
# rebels' National Transitional Council, whatever camp they joined later; between Gaddafi's fall and Operation
# Dignity there were no such camps; until the GNA reached Tripoli the west was the Libya Dawn coalition.
_GNU_FROM = dt.date(2021, 3, 15)
_SIDE_PERIODS = (
    (dt.date(2011, 2, 15), dt.date(2011, 11, 1), "National Transitional Council", "National Transitional Council"),
    (dt.date(2011, 11, 1), dt.date(2014, 5, 16), None, None),
    (dt.date(2014, 5, 16), dt.date(2016, 3, 30), "Libyan National Army", "Libya Dawn"),
)


_APPOSITION_OPEN = re.compile(r",\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,7}?$", re.IGNORECASE)
_APPOSITION_CLOSE = re.compile(r"(?:\s+[\w’'-]+){1,10}?\s*,")


_RELATIVE_OPEN = re.compile(
    r"(?:^|,)\s*(?:(?:to|of|in|for|from|with|by|through)\s+)?(?:which|who|whom|whose)\b[^,;]*$"
)


def in_relative_clause(body: str, start: int, offset: int) -> bool:
    """`offset` lies in a relative clause opened after `start` and not closed yet ("Haftar, whose army is armed by",
    "the GNA, to which it has sent drones")."""
    # (searched in a slice: "^" is the start of the region, which a `pos` argument would not give)
    return _RELATIVE_OPEN.search(body[start:offset]) is not None


_ASIDE_CLOSE = re.compile(r"[^,;]*,\s*(?:\w+\s+){0,8}")


def in_aside(body: str, start: int, mention: Mention, verb_start: int) -> bool:
    """The mention sits in an aside that opens after `start` and closes before the verb, so it is not the verb's
    subject: a relative clause ("Turkey, which backs the GNA, has deployed") or a comma-delimited description
    ("Haftar, a former general under Muammar Gaddafi, has the support of")."""
    after = body[mention.char_end : verb_start]
    if "," in after and in_relative_clause(body, start, mention.char_start):
        return True
    comma = body.rfind(",", start, mention.char_start)
    # A name right after the comma is a naming apposition ("the UN envoy, Stephanie Williams, urged") and co-refers
    # with the subject; a name inside a description does not ("Haftar, a former ally of Turkey, has").
    return (
        comma >= 0
        and body[comma + 1 : mention.char_start].strip() != ""
        and _ASIDE_CLOSE.fullmatch(after) is not None
    )


def in_apposition(ctx: ArticleContext, mention: Mention, limit: int) -> bool:
    """'the Wagner Group, a Russian private military company, deployed ...': a mention inside an apposition
    (", a/an/the ... ,") describes the head before it and is not itself the subject."""
    body = ctx.body
    lo = max(0, mention.char_start - 80)
    opener = _APPOSITION_OPEN.search(body[lo : mention.char_start])
    if not opener:
        return False
    comma = lo + opener.start()
    # The apposition follows its head: a named actor ending right at the comma ("the Wagner Group, a Russian ...").
    if not any(m.char_end in (comma, comma - 1) for m in ctx.mentions_in(max(0, comma - 80), comma + 1)):
        return False
    return _APPOSITION_CLOSE.match(body, mention.char_end, limit) is not None


_WEST_GOVERNMENT = re.compile(
    r"\b(?:Tripoli[-‑\s]based|Tripoli|internationally[-‑\s]recogni[sz]ed|U\.?N\.?[-‑\s](?:backed|recogni[sz]ed|supported)"
    r"|western[-‑\s]based|Turkish[-‑\s]backed|Turkey[-‑\s]backed|unity|national\s+unity|national\s+accord)\b",
    re.IGNORECASE,
)
_EAST_GOVERNMENT = re.compile(
    r"\b(?:eastern[-‑\s]based|east[-‑\s]based|Tobruk[-‑\s]based|Benghazi[-‑\s]based|rival|parallel|eastern)\b",
    re.IGNORECASE,
)


def government_by_cue(ctx: ArticleContext, phrase: str, offset: int) -> str | None:
    """Which Libyan government a descriptive phrase means ("the Tripoli-based government", "Libya's internationally
    recognised government"): a western cue names the western government of the period; otherwise
    libyan_government()'s nearest-antecedent rule (eastern cues keep that rule)."""
    if _WEST_GOVERNMENT.search(phrase) and not _EAST_GOVERNMENT.search(phrase):
        # (undated: the GNU's prime minister counts as naming the GNU; in 2014-2015 the recognised one is eastern)
        return recognised_government(ctx.published, phrase, set(_government_index(ctx)[1]))
    return libyan_government(ctx, offset)
