"""Statements: direct quotations and reported speech, each with a resolved speaker.

Direct quotes come from a quote-pairing state machine (`find_quotes`), never from a regex that could also match the
text *between* two quotations. Each quote is attributed, in this order, to: the subject just before a quote that
starts with a speech verb ('Pompeo and Sarraj "emphasized ..."'), the attribution after it ('..." X said'), the
attribution before it ('X said: "...'), then to the speaker of the neighbouring quote or statement.
Reported speech comes from reporting verbs (`loaders/rules/speech.yaml`) with the subject found to their left:
named mentions (coordinated subjects give one statement each), pronouns and titles (already resolved in
ctx.mentions), documents ("a UN report said" -> United Nations), country institutions ("the French foreign ministry")
and unnamed sources ("a senior UN diplomat" -> anonymous). A statement without a speaker is dropped.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.dates import resolve_date_near
from loaders.yamlio import parse_yaml

from loaders.extract import actors, clauses
from loaders.extract.context import ArticleContext
from loaders.extract.text import paragraphs
from loaders.model import ActorRef, FuzzyDate, Mention, Span, Statement

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
SHORT_QUOTE_WORDS = 4  # fewer words in quotation marks = scare quotes, part of the surrounding sentence
LONG_QUOTE_WORDS = 8
# Longer "sentences" are unsplit page furniture or garbage, never one statement.
MAX_SENTENCE_CHARS = 3000  # an indirect clause that embeds a quote this long is the direct statement's lead-in


@dataclass(frozen=True)
class SpeechRules:
    version: str
    verbs: re.Pattern[str]  # every reporting verb, say- and act-type
    say_verbs: frozenset[str]
    belief_verbs: frozenset[str]  # say-verbs of a belief without "that": never the second verb of a clause
    document_verbs: frozenset[str]
    document_nouns: re.Pattern[str]
    anonymous_head: re.Pattern[str]
    anonymous_nouns: frozenset[str]
    act_non_objects: dict[str, re.Pattern[str]]  # act verbs that say nothing with such an object after them
    fillers_at_end: re.Pattern[str]
    leader_bodies: frozenset[str]  # "Bashagha's government": the body a leader heads speaks as his faction or state
    fillers_at_start: re.Pattern[str]
    quote_initial: frozenset[str]
    institution: re.Pattern[str]
    anonymity: re.Pattern[str]  # "..., who asked not to be named," at the end of a subject
    anonymity_request: re.Pattern[str]  # "He asked that his name not be published"
    unnamed_condition: re.Pattern[str]  # "asked not to be named" after a verb
    government_subject: re.Pattern[str]
    complement_before: re.Pattern[str]
    states_noun: re.Pattern[str]  # "member states": "states" after these is the noun, not "says"
    claim_nouns: frozenset[str]
    reply_to_claim: re.Pattern[str]  # "..., a claim Cairo denied": a claim noun before a replier
    member_of: re.Pattern[str]  # "a former member" before "of the panel"
    negated_verb: re.Pattern[str]  # "has not publicly" before a reporting verb
    place_adverbial: re.Pattern[str]  # "In " opening a sentence before a place
    quote_participle: re.Pattern[str]  # ", saying that" before a quotation
    unnamed_spokesperson: re.Pattern[str]  # "a Foreign Office spokesman" at the end of a subject
    country_voice: re.Pattern[str]  # "'s delegate" / " delegation" after a country
    voice_noun: re.Pattern[str]  # "representative", "speaker": a country's voice anywhere in a phrase
    source_np_end: re.Pattern[str]  # " speaking", " seen by": where a source's noun phrase ends
    lower_institution: re.Pattern[str]  # "the health ministry", "the judicial police": a body named in lower case
    lower_body_types: dict[str, str]  # its head -> actor type
    lower_body_non_names: frozenset[str]  # "the same ministry": no name


_alternation = clauses.phrase_alternation


# "committed on Tuesday to a ceasefire", "called at the time for restraint": a time phrase inside a two-word act verb
_INSIDE_ACT = (
    r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|at\s+the\s+time|again|also|publicly|"
    r"repeatedly)"
)
_INTERRUPTED = re.compile(rf"^(\S+)\s+{_INSIDE_ACT}\s+(for|on|to)$")


def _interrupted(act: list[str]) -> str:
    """The two-word act verbs ending in "for", "on" or "to", with a time phrase between their words."""
    pairs = sorted({tuple(v.split()) for v in act if len(v.split()) == 2 and v.split()[1] in ("for", "on", "to")})
    return "|".join(rf"{re.escape(a)}\s+{_INSIDE_ACT}\s+{re.escape(b)}" for a, b in pairs)


def verb_word(verb: re.Match[str]) -> str:
    """The reporting verb as the rules list it ("committed on Tuesday to" -> "committed to")."""
    inside = _INTERRUPTED.match(verb.group())
    return f"{inside.group(1)} {inside.group(2)}" if inside else verb.group()


@functools.lru_cache(maxsize=2)
def load_rules(directory: Path = RULES_DIR) -> SpeechRules:
    data = parse_yaml((directory / "speech.yaml").read_text(encoding="utf-8"))
    belief = [str(v) for v in data["belief_verbs"]]
    say = [str(v) for v in data["say_verbs"]] + belief
    act = [str(v) for v in data["act_verbs"]]
    docs = [str(v) for v in data["document_verbs"]]
    fillers = _alternation(str(w) for w in data["filler_words"])
    post = "|".join(f"(?:{p})" for p in data["post_verb_fillers"] + data["time_fillers"])
    time = "|".join(f"(?:{p})" for p in data["time_fillers"])
    doc_nouns = _alternation(str(n) for n in data["document_nouns"])
    anon = _alternation(str(n) for n in data["anonymous_nouns"])
    institution = _alternation(str(n) for n in data["institution_nouns"])
    conditions = _alternation(str(w) for w in data["anonymity_conditions"])
    complement = _alternation(str(w) for w in data["complement_prepositions"])
    complement_adjectives = _alternation(str(w) for w in data["complement_adjectives"])
    say_alt = _alternation([*say, *act, *docs, *data["source_relative_verbs"]])
    return SpeechRules(
        version=str(data["version"]),
        verbs=re.compile(
            rf"(?<![\w’'-])(?:{_interrupted(act)}|{_alternation(say + act + docs)})(?![\w-])"
        ),
        say_verbs=frozenset(say),
        belief_verbs=frozenset(belief),
        document_verbs=frozenset(docs) - frozenset(say) - frozenset(act),
        document_nouns=re.compile(rf"\b(?:{doc_nouns})\b", re.IGNORECASE),
        # "residents in central Tripoli", "diplomats in New York": a place may follow the head noun
        anonymous_head=re.compile(
            rf"(?<![\w-])(?P<noun>{anon})(?:\s+(?:{_alternation(data['source_participles'])})\s+(?:with|to|on|in)\s+(?:the\s+)?"
            r"(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
            # "a Western diplomat who followed the talks": a short restrictive relative clause (not "who said")
            rf"|\s+who\s+(?:had\s+|has\s+|have\s+)?(?!{say_alt}\b)(?-i:[a-z]+)\s+(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+"
            # "residents of Derna", "a doctor at the city's Hikma hospital"
            rf"|\s+(?:(?:based|stationed|posted)\s+)?(?:in|from|at|of)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?"
            r"(?:(?:(?:central|eastern|western|southern|northern)\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}"
            rf"(?:\s+(?:{_alternation(data['source_place_nouns'])}))?|(?:{_alternation(data['source_place_nouns'])})"
            # "rescuers in the devastated city of Derna"
            rf"(?:\s+of\s+(?-i:[A-Z])[\w'’-]+)?|(?-i:[a-z-]+)\s+(?:{_alternation(data['source_place_nouns'])})"
            r"\s+of\s+(?-i:[A-Z])[\w'’-]+)"
            r"|\s+(?:there|here|on\s+board|aboard)(?:\s+(?:the|a|an)\s+[\w'’-]+)?"
            # "a lawyer representing Prince", "a lawyer for the family"
            r"|\s+(?:representing|for)\s+(?:the\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3})?$",
            re.IGNORECASE,
        ),
        anonymous_nouns=frozenset(str(n).lower() for n in data["anonymous_nouns"]),
        act_non_objects={
            str(verb).lower(): re.compile(rf"\s+(?:{pattern})", re.IGNORECASE)
            for verb, pattern in data.get("act_non_objects", {}).items()
        },
        leader_bodies=frozenset(str(n).lower() for n in data["leader_body_nouns"]),
        # Lower-case -ly adverbs only: "Italy", "Bathily" and "Kelly" are subjects, not fillers.
        fillers_at_end=re.compile(rf"(?:\s*(?:\b(?:{fillers})|(?-i:\b[a-z]\w+ly)|\b(?:{time})))\s*,?\s*$",
                                  re.IGNORECASE),
        fillers_at_start=re.compile(rf"\s*,?\s*(?:{post}|\b(?:{fillers})\b)\s*,?", re.IGNORECASE),
        quote_initial=frozenset(str(v).lower() for v in data["quote_initial_verbs"]),
        institution=re.compile(
            # ("Libya's Health Ministry": a department word may come before the noun)
            # ("The Libya Dawn operations room": a two-word owner)
            rf"(?:\b[Tt]he\s+)?(?P<np>(?P<who>(?:[A-Z][\w.’'-]*\s+)??[A-Z][\w.’'-]*?|[Ii]ts)(?P<poss>['’]s)?\s+"
            rf"(?P<noun>(?:(?<=['’]s\s)[A-Z][a-z]+\s+)?(?i:{institution})))$"
        ),
        anonymity=re.compile(
            rf",?\s*(?:{_alternation(str(w) for w in data['anonymity_leads'])})\s+(?:[\w’'-]+\s+){{0,4}}?"
            rf"(?:(?:{_alternation(str(w) for w in data['anonymity_refusals'])})\s+to\s+be\s+(?:{conditions})"
            rf"|{_alternation(str(w) for w in data['anonymity_phrases'])})"
            rf"(?:\s+(?:{_alternation(str(w) for w in data['anonymity_reasons'])})\s+[^,;]{{0,100}})?\s*,?\s*$",
            re.IGNORECASE,
        ),
        unnamed_condition=re.compile(rf"\s+(?:not\s+to\s+be\s+(?:{conditions})|to\s+remain\s+anonymous)"),
        # "He asked that his name not be published": a request to stay unnamed, not a statement
        anonymity_request=re.compile(
            rf"[^.]*?\b(?:asked|requested)\s+(?:that\s+)?(?:(?:his|her|their)\s+)?(?:for\s+)?"
            rf"(?:not\s+to\s+be\s+(?:{conditions})|{_alternation(str(w) for w in data['anonymity_phrases'])})",
            re.IGNORECASE,
        ),
        government_subject=re.compile(
            rf"(?:^|[.;:]\s+|,\s+)(?:[Tt]he|[Ii]ts)\s+(?:[\w.-]+\s+){{0,3}}?"
            rf"{clauses.government_nouns(*data['government_subject_nouns'])}"
            r"(?:\s+(?:at\s+the\s+time|then|in\s+(?-i:[A-Z])\w+))?\s*$"
        ),
        states_noun=re.compile(rf"\b(?:{_alternation(str(w) for w in data['states_noun_before'])})\s+$", re.IGNORECASE),
        complement_before=re.compile(
            rf"\s+(?P<prep>{complement}|(?:{complement_adjectives})\s+(?:to|with))\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?$",
            re.IGNORECASE,
        ),
        claim_nouns=frozenset(str(w).lower() for w in data["claim_nouns"]),
        reply_to_claim=re.compile(
            rf"(?:,|\s[–—-])\s+(?:a|an|the)\s+(?:\w+\s+)?(?:{_alternation(data['claim_nouns'])})"
            r"\s+(?:that\s+|which\s+)?(?:the\s+)?$",
            re.IGNORECASE,
        ),
        member_of=re.compile(
            rf"\b(?:an?|one|two|three|several)\s+(?P<np>(?:(?:{_alternation(data['member_modifiers'])})\s+)?members?)\s*$",
            re.IGNORECASE,
        ),
        negated_verb=re.compile(
            # ("n't" ends a word: "hasn't", "didn’t")
            rf"(?:\b(?:{_alternation(data['verb_negations'])})|n['’]t)\s+(?:\w+ly\s+|yet\s+|even\s+)?$", re.IGNORECASE
        ),
        place_adverbial=re.compile(rf"\s*(?:{_alternation(data['place_prepositions'])})\s+(?:the\s+)?$"),
        quote_participle=re.compile(
            rf",\s+(?:and\s+)?(?P<verb>{_alternation(data['quote_participles'])}|"
            rf"(?:describing|calling)\s+{_NAMED_OBJECT}(?:\s+as)?)\s+(?:that\s+|an?\s+)?$"
        ),
        unnamed_spokesperson=re.compile(
            r"(?:^\s*|[^\w\s]\s*|\b(?:that|and|but|while)\s+)\b(?:[Aa]n?|[Oo]ne|[Tt]wo)\s+(?P<np>(?:[\w.’'-]+\s+){0,4}?"
            rf"(?:{_alternation(data['spokesperson_nouns'])})(?:\s+(?:for|of)\s+(?:the\s+)?[^,;:“”\"()]{{1,60}}?)?)\s*$"
        ),
        source_np_end=re.compile(rf"\s+(?:{_alternation(data['source_np_ends'])})\b"),
        # (two words at least: "the ministry" alone points back to one named before, see actors._descriptions_alone)
        # ("The health ministry said", "..., according to the judicial police"; not "officials at the ministry")
        lower_institution=re.compile(
            rf"(?:^\s*|[^\w\s]\s*|\b(?:and|but|while|that|to)\s+)[Tt]he\s+(?P<np>(?-i:[a-z]+\s+){{0,2}}"
            rf"(?P<head>{_alternation(data['lower_case_bodies'])}))\s*$"
        ),
        lower_body_types={str(k): str(v) for k, v in data["lower_case_bodies"].items()},
        lower_body_non_names=frozenset(str(w) for w in data["lower_case_body_non_names"]),
        country_voice=re.compile(
            rf"(?:['’]s)?\s+(?:UN\s+|U\.N\.\s+)?(?:{_alternation(data['country_voice_nouns'])})$"
        ),
        voice_noun=re.compile(rf"\b(?:{_alternation([*data['country_voice_nouns'], 'speaker'])})\b"),
    )


# ---------------------------------------------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when the quote runs on
    paragraph: int
    is_open_ended: bool

    @property
    def content(self) -> Span:
        return Span(self.open + 1, self.close)


_CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def _single_opens(text: str, k: int) -> bool:
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return (before.isspace() or before in "(—–-[") and after.isalnum()


def _single_closes(text: str, k: int) -> bool:
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def find_quotes(body: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph. Apostrophes ("Haftar's", "isn’t") never open a quote; a quote
    left open at a paragraph end runs to that end (English convention for multi-paragraph quotes)."""
    quotes: list[Quote] = []
    for index, para in enumerate(paragraphs(body)):
        text = body[para.char_start : para.char_end]
        opened: int | None = None
        mark = ""
        skip = -1
        for k, ch in enumerate(text):
            if k == skip:
                continue
            # ("''Today the Libyans have chosen peace,'' Williams said": two apostrophes are a double quotation mark,
            # opened where a quotation can open and closed only by two apostrophes; not "the rebels'' gains")
            doubled = ch == "'" and text[k + 1 : k + 2] == "'"
            if opened is None:
                opens = k == 0 or text[k - 1].isspace() or text[k - 1] in "(—–-["
                if doubled and opens and text[k + 2 : k + 3].isalnum():
                    opened, mark, skip = k + 1, "''", k + 1
                elif ch in '“"' or (ch in "‘'" and not doubled and _single_opens(text, k)):
                    opened, mark = k, ch
                continue
            if mark == "''":
                if doubled:
                    quotes.append(Quote(para.char_start + opened, para.char_start + k, index, False))
                    opened, skip = None, k + 1
                continue
            closer = _CLOSERS[mark]
            if ch == closer and (mark in '“"' or _single_closes(text, k)):
                quotes.append(Quote(para.char_start + opened, para.char_start + k, index, False))
                opened = None
            elif ch == "”" and mark == '"':  # mixed marks: close anyway
                quotes.append(Quote(para.char_start + opened, para.char_start + k, index, False))
                opened = None
        if opened is not None and mark in '“"':
            quotes.append(Quote(para.char_start + opened, para.char_end, index, True))
    return quotes


# ---------------------------------------------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    name: str | None
    description: str | None = None
    is_anonymous: bool = False
    via: str = "name"  # name | pronoun | title | document | anonymous | institution | inherited


@dataclass
class _Found:
    speakers: list[Speaker]
    np_start: int  # where the subject noun phrase starts


@dataclass
class _Run:
    ctx: ArticleContext
    rules: SpeechRules
    quotes: list[Quote]
    statements: list[Statement] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    attributed: list = field(default_factory=list)  # (quote, subject, evidence, cue, confidence) per long quote
    consumed: set[int] = field(default_factory=set)  # verb offsets used as attributions of direct quotes
    last_anonymous: dict[str, Speaker] = field(default_factory=dict)  # head noun -> last anonymous speaker
    extra_actors: dict[str, ActorRef] = field(default_factory=dict)
    attributed_opens: list[int] = field(default_factory=list)  # quote.open of each `attributed` entry
    by_pronoun: list[tuple[Statement, str]] = field(default_factory=list)  # statements a he/she spoke: (row, name)

    def last_institution(self, before: int) -> str | None:
        for st in reversed(self.statements):
            if (
                st.char_start < before
                and st.speaker_name
                and clauses.actor_type(self.ctx, st.speaker_name) not in (None, "person")
            ):
                return st.speaker_name
            if st.char_start < before and st.speaker_name in self.extra_actors:
                return st.speaker_name
        return None


_PRONOUN_SUBJECTS = frozenset({"he", "she"})
_CLAUSE_FUNCTION = frozenset(
    "that which who whom whose where and but or as while when after before because if although since said says told "
    "the a an of in on at to for by with from".split()
)


def _mention_ending_at(ctx: ArticleContext, end: int, start_limit: int) -> Mention | None:
    for m in reversed(ctx.mentions_in(start_limit, end)):
        if m.char_end == end:
            return m
        if m.char_end < end:
            break
    return None


def _speaker_of(ctx: ArticleContext, mention: Mention) -> Speaker:
    surface = mention.surface_form.lower()
    if surface in ("he", "she", "his", "him", "her"):
        return Speaker(mention.actor_name, via="pronoun")
    if mention.actor_name not in ctx.actors:
        return Speaker(mention.actor_name, via="title")
    return Speaker(mention.actor_name)


_AND_TITLE = re.compile(r"\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?:(?-i:[A-Z])[\w’'-]*|of|the|for)){0,6}\s+$")


def _coordinated(ctx: ArticleContext, first: Mention, start_limit: int) -> tuple[list[Mention], int]:
    """'The United States and Russia' / 'Egypt, the UAE and Russia' -> every mention; returns them with the NP start.
    A bare comma joins names only inside a list that ends in "and" ("To the US, Pompeo said" is no list)."""
    found = [first]
    np_start = first.char_start
    seen_and = False
    pair = _mention_ending_at(ctx, first.char_start - 1, start_limit)
    if pair is not None and pair.surface_form.lower() in ("two", "both") and ctx.body[pair.char_end] == " ":
        found.insert(0, pair)  # "The two leaders" (see actors._pairs)
        np_start = pair.char_start
    while True:
        head = ctx.body[start_limit:np_start]
        link = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$", head)
        if not link and len(found) == 1 and ctx.actor_type(first.actor_name) == "person":
            # "Fayez al-Sarraj and Speaker of the House of Representatives Aguila Saleh": a title before the second
            link = _AND_TITLE.search(head)
        if not link:
            break
        is_and = "and" in link.group()
        if not is_and and not seen_and:
            break
        prev = _mention_ending_at(ctx, start_limit + link.start(), start_limit)
        if prev is None or prev.surface_form.lower() in ("his", "him", "her"):
            break
        if (
            link.group().startswith(",")
            and is_and
            and not re.search(r",\s*(?:the\s+)?$", ctx.body[start_limit : prev.char_start])
        ):
            break  # "in Libya, and Washington warned": a new clause, not a list
        seen_and = seen_and or is_and
        found.insert(0, prev)
        np_start = prev.char_start
    det = re.search(r"(?:\b[Tt]he\s+)$", ctx.body[start_limit:np_start])
    return found, (start_limit + det.start() if det else np_start)


def _strip_fillers(rules: SpeechRules, body: str, start: int, end: int, *, within_clause: bool = False) -> int:
    """Move `end` left past adverbials between a subject and its verb ("also", "on Thursday", "has"); with
    `within_clause`, not past a comma (", who took office in March, has said": the aside ends at its comma)."""
    for _ in range(8):
        # a filler is short (the longest, a weekday with its date, is ~35 characters): look only at the tail (the
        # $-anchored search would otherwise try every offset)
        lo = start if end - start <= 60 else max(start, body.find(" ", end - 60, end))
        match = rules.fillers_at_end.search(body, lo, end)
        if not match or match.start() == end or within_clause and "," in match.group():
            break
        end = match.start()
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _last_statement_before(run: _Run, offset: int, within: int, *, named: bool = True) -> Statement | None:
    """The (named) statement starting last before `offset`, if it starts less than `within` characters before it."""
    before = [st for st in run.statements if st.char_start < offset and (st.speaker_name or not named)]
    last = max(before, key=lambda st: st.char_start, default=None)
    return last if last is not None and offset - last.char_start < within else None


_THE_TWO = re.compile(r"(?:^|[,.;]\s*|\band\s+)[Tt]he\s+two(?:\s+(?:men|women|leaders|ministers|presidents))?\s*$")
_FORCES_TAIL = re.compile(r"\s+(?:forces|troops|fighters|units)\s*$", re.IGNORECASE)


def find_subject(run: _Run, start: int, verb_start: int) -> _Found | None:
    """The speaker(s) of a reporting verb, from the text [start, verb_start) to its left."""
    ctx, rules, body = run.ctx, run.rules, run.ctx.body
    start = max(start, verb_start - 300)  # a subject sits near its verb; also bounds the work on huge inputs
    end = _strip_fillers(rules, body, start, verb_start)
    subject_end = end
    # "The National Oil Corporation (NOC) said": the acronym in brackets is part of the name just before it.
    acronym = _ACRONYM_TAIL.search(body, start, end)
    if acronym:
        end = _strip_fillers(rules, body, start, acronym.start())
    left = body[start:end]
    if not left.strip():
        return None
    unnamed = rules.anonymity.search(left)
    if unnamed:
        # "A commander of the X Brigade, who asked not to be named, told ...": an unnamed source whatever its NP
        anonymous = _unnamed_np(run, start, start + unnamed.start())
        if anonymous is not None:
            return anonymous
    # (a named one, "spokesman Ahmed al-Mismari said", never reaches here)
    spokesperson = _unnamed_spokesperson(rules, left, start)
    if spokesperson is not None:
        return spokesperson
    the_two = _THE_TWO.search(left)
    if the_two:
        # "Dendias spoke by phone with Shoukry, and the two agreed that ...": the last two people named
        persons: list[str] = []
        for m in reversed(ctx.mentions_in(max(0, start - 400), start + the_two.start())):
            if ctx.actor_type(m.actor_name) == "person" and m.actor_name not in persons:
                persons.append(m.actor_name)
            if len(persons) == 2:
                return _Found([Speaker(name, via="pronoun") for name in reversed(persons)], start)
    forces = _FORCES_TAIL.search(left)
    if forces:
        # "GNA forces said they had retaken the airport": a Libyan party's forces speak for it
        owner = _mention_ending_at(ctx, start + forces.start(), start)
        if owner is not None and clauses.is_libyan(ctx, owner.actor_name):
            return _Found([Speaker(clauses.faction(ctx, owner.actor_name), via="institution")], owner.char_start)
    raw = body[start:verb_start].rstrip()
    if not raw.endswith(","):
        # "Sarraj, the head of the GNA (GNA), has announced", "Mangoush, who took office in March, has said"
        raw = body[start : _strip_fillers(rules, body, start, verb_start, within_clause=True)].rstrip()
        if not raw.endswith(","):
            raw = body[start:subject_end].rstrip()
    if left.endswith(",") or (raw.endswith(",") and not rules.verbs.search(raw, len(left))):
        appositive = _appositive_subject(run, start, start + len(left.rstrip(" ,")) + 1 if left.endswith(",") else
                                         start + len(raw))
        if appositive is not None:
            return appositive
    elif left.endswith((',”', ',"')):
        # ', which has branded them “armed gangs,” on Tuesday accused': the aside's comma inside its quotation
        appositive = _appositive_subject(run, start, start + len(left))
        if appositive is not None:
            return appositive
    # A relative clause: "Ghassan Salame, who (diplomats said) appealed ..." -> the nearest person before "who".
    rel = re.search(r"(?:,\s*)?\bwho(?:\s+\w+\s+(?:said|say|says))?$", left)
    if rel:
        # Modifiers ("Haftar-aligned", "Haftar's government") are not antecedents.
        persons = [
            m
            for m in ctx.mentions_in(max(start, end - 200), start + rel.start())
            if ctx.actor_type(m.actor_name) == "person" and body[m.char_end : m.char_end + 1] not in ("-", "’", "'")
        ]
        if persons:
            return _Found([_speaker_of(ctx, persons[-1])], persons[-1].char_start)
        mention = _mention_ending_at(ctx, start + rel.start(), start)
        return _Found([_speaker_of(ctx, mention)], mention.char_start) if mention else None
    # "... delivered by the UAE, which denies supplying weapons": a state or body right before ", which"
    which = re.search(r",\s*which(?:\s+(?:has|have|had|also|again|repeatedly|consistently|always))*\s*$", left)
    if which:
        mention = _mention_ending_at(ctx, start + which.start(), start)
        if mention is not None and ctx.actor_type(mention.actor_name) not in (None, "person", "media"):
            return _Found([_speaker_of(ctx, mention)], mention.char_start)
    voice = rules.country_voice.search(left)
    if voice:
        # "China's delegate said", "the Russian delegation said": a country's voice at a meeting is the country's
        owner = _mention_ending_at(ctx, start + voice.start(), start)
        lead = body[max(start, (owner.char_start if owner else 0) - 12) : owner.char_start] if owner else ""
        # (the country's one voice: "China's delegate", "the Russian delegation"; not "one Libyan delegate" or "a
        # source in the Libyan delegation")
        if owner is not None and ctx.actor_type(owner.actor_name) == "country" and (
            voice.group().startswith(("'", "’")) or _VOICE_LEAD.search(lead)
        ):
            return _Found([Speaker(owner.actor_name, via="institution")], owner.char_start)
    own = _OWN_OFFICE.search(left)
    if own:
        # "Bashagha's media office said": a person's office speaks for the person.
        owner = _mention_ending_at(ctx, start + own.start(), start)
        if owner is not None and ctx.actor_type(owner.actor_name) in ("person", "government", "organization",
                                                                       "armed_group", "international_org"):
            return _Found([Speaker(owner.actor_name, via="institution")], owner.char_start)
    if _IT_SUBJECT.search(left):
        # "It said the ship was carrying aid": the institution (not a person) that spoke last, nearby
        last = _last_statement_before(run, start, 600)
        if last is not None and last.speaker_name == run.last_institution(start):
            return _Found([Speaker(last.speaker_name, via="pronoun")], end - 2)
        # "The UAE did not respond; it has previously denied ...": the actor that is the subject just before
        # ("Irini seized a tanker that it said was carrying jet fuel": the subject of the clause it qualifies)
        if re.search(r"(?:;|(?<!,\s)\bthat)\s+it\s*$", left):
            name = clauses.resolve_it(ctx, end - 2)
            if name:
                return _Found([Speaker(name, via="pronoun")], end - 2)
    same_document = _SAME_DOCUMENT.search(left)
    if same_document:
        # "The statement denied ...": the issuer of the statement just reported.
        last = _last_statement_before(run, start, 800)
        if last is not None:
            return _Found([Speaker(last.speaker_name, via="document")], start + same_document.start())
    document = _document_subject(run, start, end)
    if document is not None:
        return document
    institution = rules.institution.search(left)
    # ("a spokesman for the UN mission": the institution speaks through him, so "for" is no complement)
    complement = institution and re.search(r"\s+(?:in|at|of|from|with|to)\s+$", left[: institution.start()])
    if complement and re.match(r"\s+(?:in|at|with)\b", complement.group()):
        # "a senior official in the GNU's Defense Ministry": an unnamed person inside the institution
        # (while "a spokesman for the ministry" speaks for it)
        anonymous = _anonymous_subject(run, start, start + complement.start())
        if anonymous is not None:
            return anonymous
    own_name = institution and any(m.char_end == end for m in ctx.mentions_in(start + institution.start(), end))
    if institution and (complement or own_name):
        institution = None  # (or a known actor's own name: "the US military")
    if institution:
        who = _institution_owner(
            run, start + institution.start("who"), institution.group("who"), institution.group("noun")
        )
        known = ctx.gazetteer.lookup(institution.group("np"))
        if known is None and who is not None and who.name == "United Nations" and re.search(
            r"\bmission$", institution.group("np")
        ):
            known = ctx.gazetteer.lookup("UNSMIL")  # in a Libya article "the UN mission" is UNSMIL
        if known is not None:
            return _Found([Speaker(known.name, via="institution")], start + institution.start())
        if who is not None and who.actor_type == "person" and institution.group("noun").lower() in rules.leader_bodies:
            # "Bashagha's government said", "Erdogan's government said": the body the leader heads
            owner = clauses.faction(ctx, who.name)
            owner = owner if owner != who.name else clauses.foreign_state(ctx, who.name)
            if owner != who.name:
                return _Found([Speaker(owner, via="institution")], start + institution.start())
        if who is not None and who.actor_type == "armed_group":
            # "The LNA denied the charge. Its general command said ...": a force's command speaks for the force
            return _Found([Speaker(who.name, via="institution")], start + institution.start())
        if who is not None and who.actor_type in ("country", "government"):
            # Named as written ("French foreign ministry", "GNU's Interior Ministry"), which is how annotators and
            # analysts search for it; "Its foreign ministry" names its owner instead.
            noun = institution.group("noun")
            name = institution.group("np")
            # "Its foreign ministry" after the UAE, "Moscow's foreign ministry": the gazetteer's entry for the
            # owner's institution if it has one ("Emirati Foreign Ministry", "Russian Foreign Ministry")
            owner = ctx.gazetteer.get(who.name)
            forms = [who.name, *(owner.aliases if owner else ()), *(owner.demonyms if owner else ())]
            listed = next(
                (e for form in forms for e in (ctx.gazetteer.lookup(f"{form} {noun}"),
                                               ctx.gazetteer.lookup(f"{form}'s {noun}")) if e is not None),
                None,
            )
            if listed is not None:
                return _Found([Speaker(listed.name, via="institution")], start + institution.start())
            if institution.group("who").lower() == "its":
                name = f"{noun[0].upper()}{noun[1:]} ({who.name})"
            country = who.name if who.actor_type == "country" else who.country
            run.extra_actors.setdefault(
                name,
                ActorRef(name=name, actor_type="government", is_discovered=True, country=country, description=name),
            )
            return _Found([Speaker(name, via="institution")], start + institution.start())
    mention = _mention_ending_at(ctx, end, start)
    if mention is None:
        lower = _lower_institution(run, start, end)
        if lower is not None:
            return lower
    government = rules.government_subject.search(left) if mention is None else None
    if government is not None:
        # "The Tripoli government accused ...": the government the cue names, for the article's period
        name = clauses.government_by_cue(ctx, government.group(), start + government.start())
        if name:
            return _Found([Speaker(name, via="institution")], start + government.start())
    side = _COUNTRY_SIDE.search(body, max(start, end - 60), end)
    if mention is None and side is not None:
        # "the Turkish side denies", "the Egyptian government said": the country by its demonym
        demonym = _mention_ending_at(ctx, side.start("side") - 1, start)
        if demonym is not None and ctx.actor_type(demonym.actor_name) == "country":
            return _Found([Speaker(demonym.actor_name, via="name")], demonym.char_start)
    if mention is not None and _LOCATED_SOURCE.search(body, max(start, mention.char_start - 40), mention.char_start):
        mention = None  # "diplomats in New York said": unnamed people at a place, not the place
    elif mention is not None:
        post = _POSTED_BODY.search(body, max(start, mention.char_start - 40), mention.char_start)
        if post is not None:
            # "The Russian Embassy in Libya rejected ...": the embassy speaks (named as written, for its country),
            # not the country it is posted in
            head_start = post.start("head")
            owner = _mention_ending_at(ctx, head_start - 1, start)
            if owner is None or ctx.actor_type(owner.actor_name) != "country":
                return None
            name = body[owner.char_start : mention.char_end]
            name = name[0].upper() + name[1:]
            run.extra_actors.setdefault(name, ActorRef(name=name, actor_type="government", is_discovered=True,
                                                       country=owner.actor_name, description=name))
            return _Found([Speaker(name, via="institution")], owner.char_start)
    if mention is not None:
        complement = rules.complement_before.search(body, max(start, mention.char_start - 60), mention.char_start)
        if complement:
            # "Prime Minister Dbeibah of the GNU criticised": the head before the complement speaks;
            # "the parliament allied to Haftar called on": not Haftar
            head = _mention_ending_at(ctx, complement.start(), start)
            member = rules.member_of.search(body, max(start, complement.start() - 40), complement.start())
            if head is None and member is not None and complement.group("prep").lower() == "of":
                # "a former member of the panel said": one unnamed person, not the panel
                return _unnamed_source(body[member.start("np") : mention.char_end], member.start())
            government_of = (
                _GOVERNMENT_OF.search(body, max(start, complement.start() - 40), complement.start())
                if head is None and complement.group("prep").lower() == "of"
                else None
            )
            if government_of is not None:
                # "the Tripoli-based government of Prime Minister Fayez Sarraj blamed": the government he leads
                entry = ctx.gazetteer.get(mention.actor_name)
                led = entry.affiliation if entry is not None and entry.actor_type == "person" else None
                if led and ctx.gazetteer.get(led) is not None and ctx.gazetteer.get(led).actor_type == "government":
                    return _Found([Speaker(led, via="institution")], government_of.start())
            if head is not None and complement.group("prep").lower() in ("of", "from"):
                mention = head if ctx.actor_type(head.actor_name) == "person" else mention
            elif head is None and (
                serving := _SERVING_HEAD.search(body, max(start, complement.start() - 30), complement.start())
            ) and re.match(r"(?:loyal|allied|aligned)\b", complement.group("prep"), re.IGNORECASE):
                # "Forces loyal to the GNA said they had retaken the airport": the forces speak for the party they serve
                return _Found([Speaker(clauses.faction(ctx, mention.actor_name), via="institution")], serving.start())
            elif complement.group("prep").lower() not in ("of", "from"):
                joined = re.search(r"\s+and\s*$", body[max(start, complement.start() - 6) : complement.start()])
                if head is None and joined:
                    # "the Government of National Stability designated by the House and headed by Hammad": the head
                    # before the first of two coordinated complements
                    head = next(
                        (m for m in ctx.mentions_in(start, complement.start())
                         if not _PREPOSITION_LEAD.search(body, max(start, m.char_start - 12), m.char_start)),
                        None,
                    )
                mention = head  # (None: an unnamed head, "a militia allied to Haftar", is looked for below)
    if mention is not None:
        # "sources close to Haftar said": unnamed people around a named actor.
        close = _CLOSE_TO.search(body, max(start, mention.char_start - 60), mention.char_start)
        if close:
            lead = re.search(r"(?:\b(?:a|an|the|some|two|three|several)\s+)?(?:[\w.-]+\s+){0,2}$",
                             body[max(start, close.start() - 40) : close.start()])
            np_start = max(start, close.start() - 40) + (lead.start() if lead else 0)
            determiner = re.match(r"(?:a|an|the|some)\s+", body[np_start:end], re.IGNORECASE)
            description = body[np_start + (determiner.end() if determiner else 0) : end]
            return _unnamed_source(description, np_start)
        surface = mention.surface_form.lower()
        if surface in ("his", "him", "her"):
            return None
        if surface in ("he", "she"):
            voice = _voice_before(run, mention.char_start, mention.actor_name)
            if voice is not None:
                return voice
        if ctx.is_demonym(mention):
            return None  # "the Russian" as a noun phrase head is too vague
        mentions, np_start = _coordinated(ctx, mention, start)
        return _Found([_speaker_of(ctx, m) for m in mentions], np_start)
    anonymous = _anonymous_subject(run, start, end)
    if anonymous is not None:
        return anonymous
    if re.fullmatch(r"(?:.*[.,;:]\s*|\s*)(?:[Hh]e|[Ss]he)\s*", left, re.DOTALL):
        # "The representative of Sudan said ... He alleged that ...": a country's voice goes on speaking
        voice = _voice_before(run, start)
        if voice is not None:
            return voice
        # 'A taxi driver, who did not want his name used, put it simply. "...," he said': the unnamed man just
        # introduced (unless someone spoke since)
        intro = _unnamed_introduced(run, start)
        last = _last_statement_before(run, start, 601, named=False) if intro is not None else None
        if intro is not None and (last is None or last.evidence_end <= intro[1]):
            return _unnamed_source(intro[0], start)
        # '"...," a Libya Dawn spokesman said. He added that ...': an unnamed source goes on speaking
        source = _source_before(run, start, plural=False)
        if source is not None:
            return source
    if re.fullmatch(r"(?:.*[.;:]\s*|\s*)They\s*", left, re.DOTALL):
        # "Two senior U.S. officials said ... They added that ...": the plural source just quoted
        source = _source_before(run, start, plural=True)
        if source is not None:
            return source
    if left.rstrip().endswith(","):
        return _parenthetical_subject(run, start, end)
    return None


def _source_number(run: _Run, description: str) -> str | None:
    """'singular' or 'plural' by the head noun of an unnamed source's description ("a senior UN diplomat",
    "people familiar with the matter"); None without one."""
    words = [w.lower() for w in re.findall(r"[\w-]+", description)]
    head = next((w for w in words if w in run.rules.anonymous_nouns), None)
    if head is None:
        return None
    return "plural" if head.endswith("s") or head in _PLURAL_SOURCE else "singular"


def _source_before(run: _Run, offset: int, *, plural: bool) -> _Found | None:
    """The source of the statement just before `offset` (in this paragraph or the one before), when a pronoun of
    its number can stand for it: an unnamed source, or for "they" also a party named through plural people ("U.S.
    officials said" is the United States)."""
    body = run.ctx.body
    if run.rules.anonymity_request.match(body, offset, min(len(body), offset + 160)):
        return None  # ("He asked that his name not be published": how he spoke, not what he said)
    last = _last_statement_before(run, offset, 601, named=False)
    if last is None or body[last.evidence_start : offset].count("\n") > 2:
        return None
    if last.is_anonymous and last.speaker_description:
        if _source_number(run, last.speaker_description) != ("plural" if plural else "singular"):
            return None
        return _unnamed_source(last.speaker_description, offset)
    if not plural or not last.speaker_name:
        return None
    attribution = body[last.evidence_start : last.char_start] + " " + body[last.char_end : last.evidence_end]
    nouns = {w.lower() for w in re.findall(r"[A-Za-z-]+", attribution)}
    plural_people = any(n.endswith("s") and n in run.rules.anonymous_nouns for n in nouns)
    if not plural_people and "they" not in nouns:  # (or a "they" that already stood for them)
        return None
    return _Found([Speaker(last.speaker_name, via="pronoun")], offset)


def _voice_before(run: _Run, offset: int, person: str | None = None) -> _Found | None:
    last = _last_statement_before(run, offset, 500)
    if last is None or run.ctx.actor_type(last.speaker_name) not in ("country", "international_org"):
        return None
    body = run.ctx.body
    if body[last.evidence_start : offset].count("\n") > 1:
        return None
    if person is not None and _named_since(run, person, last.char_end, offset):
        return None  # the man the pronoun finder chose is named since the country spoke (not in its words)
    lead = body[last.evidence_start : min(last.char_start, last.evidence_start + 120)]
    if not run.rules.voice_noun.search(lead):
        return None  # (the country spoke through "the representative of ...", "the speaker for ...")
    return _Found([Speaker(last.speaker_name, via="pronoun")], offset)


def _unnamed_source(description: str, np_start: int) -> _Found:
    return _Found([Speaker(None, description=description, is_anonymous=True, via="anonymous")], np_start)


def _unnamed_spokesperson(rules: SpeechRules, text: str, offset: int) -> _Found | None:
    """'a Foreign Office spokesman', 'a spokesperson for Irini' ending `text` (which starts at `offset`): an unnamed
    person (FORMAT.md), not the institution."""
    match = rules.unnamed_spokesperson.search(text)
    return _unnamed_source(match.group("np"), offset + match.start("np")) if match else None


def _unnamed_np(run: _Run, start: int, end: int) -> _Found | None:
    """The noun phrase of an unnamed source ending at `end`, from its determiner: 'A commander of the X Brigade'."""
    body = run.ctx.body
    np = re.search(r"(?:^\s*|[,;:]\s*|\b(?:that|and|but)\s+)((?:an?|the|one|two|three|some|several)\s+[^,;:]{2,120})$",
                   body[start:end], re.IGNORECASE)
    if np is None:
        return None
    text = np.group(1)
    if not any(w.lower() in run.rules.anonymous_nouns for w in re.findall(r"[\w-]+", text)):
        return None
    description = re.sub(r"^(?:an?|the|some)\s+", "", text, flags=re.IGNORECASE).strip()
    return _unnamed_source(description, start + np.start(1))


_GOVERNMENT_OF = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?{clauses.government_nouns('government', 'administration', 'cabinet')}$"
)
# Before a country's delegation: its one voice ("the Russian delegation"), not a member of it ("of the").
_VOICE_LEAD = re.compile(r"(?:^|[^\w\s]\s*|\b(?<!in )(?<!of )(?<!from )(?<!among )(?<!within )[Tt]he\s+)$")
_COUNTRY_SIDE = re.compile(r"\s(?P<side>side|camp|leadership|authorities)\s*$", re.IGNORECASE)


def _plain_says_holding(run: _Run, offset: int, *, plain: bool = True):
    """The recent reported-speech statements (after a plain say-verb, or any) whose content holds `offset`, latest
    first."""
    for st in reversed(run.statements[-16:]):
        said = not plain or (st.cue or "").split(" ")[0] in _PLAIN_SAY
        if st.kind == "indirect" and said and st.char_start <= offset < st.char_end:
            yield st


def _reporting_statement(run: _Run, found: _Found, sentence: Span, *, plain: bool = True) -> Statement | None:
    """Another speaker's reported speech in this sentence (after a plain say-verb, or any) whose content holds this
    subject."""
    names = {s.name for s in found.speakers}
    for st in _plain_says_holding(run, found.np_start, plain=plain):
        if st.evidence_start >= sentence.char_start and st.speaker_name not in names:
            return st
    return None


_PRONOUN_CONTENT = re.compile(
    r"(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:has|have|had|also|would|will|firmly|strongly)\s+)*", re.IGNORECASE
)


def _said_by_pronoun(run: _Run, at: int) -> Statement | None:
    """The plain say-statement whose content starts with a pronoun subject and this verb."""
    return next(
        (st for st in _plain_says_holding(run, at) if _PRONOUN_CONTENT.fullmatch(run.ctx.body, st.char_start, at)), None
    )


def _inherited(st: Statement) -> _Found:
    """The speaker of an enclosing report, for a speech act that is part of it."""
    return _Found([Speaker(st.speaker_name, st.speaker_description, st.is_anonymous, "inherited")], st.char_start)


def _institution_owner(run: _Run, at: int, who: str, noun: str = ""):
    """Whose institution: a demonym or name ("French", "Egypt's", "The GNU's"), or "Its" -> the organisation or
    government named last before it (or the armed force, for its command: "its general command said")."""
    ctx = run.ctx
    if who.lower() == "its":
        kinds = ("country", "government", "armed_group") if _COMMAND.search(noun) else ("country", "government")
        owners = [m for m in ctx.mentions_in(max(0, at - 400), at) if ctx.actor_type(m.actor_name) in kinds]
        return ctx.gazetteer.get(owners[-1].actor_name) if owners else None
    found = ctx.gazetteer.lookup_demonym(who) or ctx.gazetteer.lookup(who)
    if found is None and " " in who:  # ("Meanwhile Turkey's ministry": the last word is the owner)
        return _institution_owner(run, at, who.split()[-1], noun)
    return found


_IT_SUBJECT = re.compile(r"(?:^\s*(?:[”\"’]\s*)?|[.;:]\s+|,\s+(?:and\s+)?|(?<!,\s)\bthat\s+)(?:It|it)\s*$")
_LOCATED_SOURCE = re.compile(
    r"\b(?:diplomats?|officials?|sources?|residents?|witnesses|analysts|observers|journalists|correspondents)\s+"
    r"(?:in|from|at)\s+(?:the\s+)?(?:(?:central|eastern|western|southern|northern)\s+)?$",
    re.IGNORECASE,
)
_PREPOSITION_LEAD = re.compile(r"\b(?:by|of|to|with|for|from|in|on|at)\s+(?:the\s+)?$", re.IGNORECASE)
_POSTED_BODY = re.compile(
    r"(?P<head>\b(?:[Ee]mbassy|[Cc]onsulate|[Mm]ission|[Dd]elegation))\s+(?:in|to)\s+(?:the\s+)?$"
)
_CLOSE_TO = re.compile(
    r"\b(?:sources?|people|persons?|officials?|aides?|figures?|insiders?|members?)\s+(?:close\s+to|familiar\s+with|"
    r"near|around|loyal\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOUN_DETERMINER = re.compile(
    r"\b(?:no|few|any|more|further|the|these|those|its|his|her|their|some|many|new|fresh)\s+$", re.IGNORECASE
)
_SERVING_HEAD = re.compile(
    r"\b(?:forces|fighters|troops|militias|units|brigades|militiamen|authorities)$", re.IGNORECASE
)
_OWN_OFFICE = re.compile(
    r"['’]s\s+(?:media\s+|press\s+|political\s+|campaign\s+)?(?:office|team|camp|aides?|spokes(?:man|woman|person)|"
    r"lawyers?|bureau)$"
)
_SAME_DOCUMENT = re.compile(
    r"(?:^|[.;]\s+|^\s*|[,.]?[”\"’]\s*)\b[Tt]he\s+(?:same\s+)?(?:statement|communiqu[eé]|release|readout|letter)$"
)
_ACRONYM_TAIL = re.compile(r"(?<=\w)\s*\([A-Z][\w.&+-]{1,12}\)\s*,?\s*$")
# The aside in "SUBJECT, ASIDE, said": a relative clause, participle, title or description set off by commas.
_ASIDE = re.compile(r",\s*(?P<aside>[^,;:“”\"()]{2,160}?(?:\([^()]{0,40}\)[^,;:“”\"()]{0,80})?)\s*,\s*$")


# ", which has branded the insurgents "armed gangs", on Tuesday accused": a relative clause may quote a word
_QUOTING_RELATIVE = re.compile(
    r",\s*(?P<aside>(?:which|who)\s[^,;:()]{2,160}?)\s*(?:,[”\"]?|(?<=[”\"]),)\s*$"
)


def _quoting_relative(body: str, start: int, end: int) -> re.Match[str] | None:
    match = _QUOTING_RELATIVE.match(body, start, end)
    if match is None:
        return None
    quoted = body[match.start("aside") : end]
    balanced = quoted.count('"') % 2 == 0 and quoted.count("“") == quoted.count("”")
    return match if balanced and re.search(r"[“\"]", quoted) else None


def _appositive_subject(run: _Run, start: int, comma_end: int) -> _Found | None:
    """'Its spokesman, Ahmed al-Mismari, said' -> the named person; 'The LNA, which launched ..., acknowledged' and
    'A Turkish official, speaking on condition of anonymity, said' -> the subject before the aside."""
    ctx, body = run.ctx, run.ctx.body
    # Anchor the search at the comma before the aside (found right to left) instead of scanning every offset.
    last = body.rfind(",", start, comma_end)
    previous = body.rfind(",", max(start, last - 260), last) if last > start else -1
    if previous < 0:
        return None
    if body[previous + 1 : last].count("(") > body[previous + 1 : last].count(")"):
        previous = body.rfind(",", max(start, previous - 120), previous)  # a comma inside brackets
        if previous < 0:
            return None
    match = _ASIDE.match(body, previous, comma_end) or _quoting_relative(body, previous, comma_end)
    if not match or run.rules.verbs.search(body, match.start("aside"), match.end("aside")) and not re.match(
        r"(?:which|who|whom|whose|speaking|asking)\b", match.group("aside")
    ):
        return None
    aside_start, aside_end = match.start("aside"), match.end("aside")
    inner = [m for m in ctx.mentions_in(aside_start, aside_end) if m.surface_form.lower() not in ("his", "her", "him")]
    # The aside is itself the name: "The UN's envoy to Libya, Abdoulaye Bathily, urged".
    if (
        inner
        and ctx.actor_type(inner[-1].actor_name) == "person"
        and re.fullmatch(
            r"\s*(?:(?:[A-Z][\w.’'-]*|al|el|bin|ibn|de|van|von)\s+)*", body[aside_start : inner[-1].char_start]
        )
        and not body[inner[-1].char_end : aside_end].strip()
    ):
        return _Found([_speaker_of(ctx, inner[-1])], inner[-1].char_start)
    # "James Jeffrey, the US envoy for Syria, speaking to reporters, said": the person named first.
    person = _parenthetical_subject(run, start, comma_end)
    if person is not None and person.speakers and all(
        sp.name and ctx.actor_type(sp.name) == "person" for sp in person.speakers
    ):
        return person
    before = match.start()
    if before <= start or not body[start:before].strip():
        return None
    return find_subject(run, start, before)


def _parenthetical_subject(run: _Run, start: int, end: int) -> _Found | None:
    """'Henry Wooster, deputy assistant secretary at ..., said' -> the first mention followed by a comma."""
    ctx = run.ctx
    for m in ctx.mentions_in(start, end):
        if ctx.body[m.char_end : m.char_end + 1] != ",":
            continue
        between = ctx.body[start : m.char_start]
        if between.strip() and not re.fullmatch(r"[\s\w.’'-]*", between):
            continue
        if run.rules.verbs.search(ctx.body, m.char_end, end):
            return None
        if m.surface_form.lower() in ("his", "him", "her"):
            return None
        mentions, np_start = _coordinated(ctx, m, start)
        return _Found([_speaker_of(ctx, x) for x in mentions], np_start)
    return None


_DOC_TAIL = re.compile(
    r"^(?:\s+(?:(?:seen|obtained|reviewed|published|released|issued|circulated)(?:\s+(?:by|in|on|last|this|to))?|on|about|into|from|by|of|"
    r"last\s+\w+|this\s+\w+|earlier\s+this\s+\w+|to)\b[^,;]*)?$"
)


def _document_subject(run: _Run, start: int, end: int) -> _Found | None:
    """'a confidential United Nations report seen by Reuters' -> United Nations; 'the release' -> last issuer."""
    ctx, body = run.ctx, run.ctx.body
    window_start = max(start, end - 160)
    for noun in reversed(list(run.rules.document_nouns.finditer(body, window_start, end))):
        tail = body[noun.end() : end]
        if not _DOC_TAIL.match(tail):
            continue
        by = re.match(r"\s+(?:last\s+\w+\s+|this\s+\w+\s+)?(?:by|from|of)\s+(?:the\s+)?", tail)
        if by and not re.match(r"\s+(?:seen|obtained|reviewed)", tail):
            issuer = next(iter(ctx.mentions_in(noun.end() + by.end(), end)), None)
            if issuer is not None and issuer.char_start == noun.end() + by.end():
                # "a statement by Turkey's Communications Directorate": the institution, named as written
                institution = run.rules.institution.search(body, issuer.char_start, end)
                own_office = re.fullmatch(r"(?:media\s+|press\s+)?office", institution.group("noun"), re.IGNORECASE) \
                    if institution is not None else None
                if institution is not None and institution.start() == issuer.char_start and own_office:
                    # "a statement from the GNU's media office": the office speaks for its owner
                    return _Found([Speaker(issuer.actor_name, via="institution")], issuer.char_start)
                if institution is not None and institution.start() == issuer.char_start and institution.group("poss"):
                    name = institution.group("np")
                    owner = ctx.gazetteer.get(issuer.actor_name)
                    country = owner and (owner.name if owner.actor_type == "country" else owner.country)
                    run.extra_actors.setdefault(name, ActorRef(name=name, actor_type="government", is_discovered=True,
                                                               country=country, description=name))
                    return _Found([Speaker(name, via="institution")], issuer.char_start)
                return _Found([Speaker(issuer.actor_name, via="document")], issuer.char_start)
        np_start_match = re.search(
            r"(?:^|[,;:(]|\b(?:that|and|but|as|while|when)\b)[^,;:(]*$", body[window_start : noun.start()]
        )
        np_start = window_start + (np_start_match.start() if np_start_match else 0)
        inside = [m for m in ctx.mentions_in(np_start, noun.start()) if m.surface_form.lower() not in ("his", "her")]
        if inside:
            m = inside[-1]
            if ctx.gazetteer.lookup_demonym(m.surface_form) and ctx.actor_type(m.actor_name) != "country":
                continue
            return _Found([Speaker(m.actor_name, via="document")], np_start)
        if (
            re.search(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Aa])\s+(?:\w+\s+)?$", body[np_start : noun.start()])
            or np_start == noun.start()
        ):
            issuer = run.last_institution(noun.start()) or _recent_speaking_body(run, noun.start())
            if not issuer and noun.group().lower() == "resolution":
                # "The resolution demands ...": a resolution is the Security Council's (or the Assembly's)
                issuer = next(
                    (m.actor_name for m in reversed(ctx.mentions_in(max(0, noun.start() - 3000), noun.start()))
                     if re.search(r"Security Council|General Assembly", m.actor_name)),
                    None,
                )
            if issuer:
                return _Found([Speaker(issuer, via="document")], np_start)
        return _Found([], np_start)  # a document with no known issuer: no speaker, but no other reading either
    return None


_SAYS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:said|says|told|announced|stated|added)\b")


def _recent_speaking_body(run: _Run, offset: int) -> str | None:
    """'The operation said ... "...," the statement said': the body that spoke last before a document named by its
    noun, when the quotations are attributed before the reported speech is (a named body, then its verb)."""
    ctx = run.ctx
    # (within this paragraph and the one before; a person named since then may be the statement's author)
    start = ctx.body.rfind("\n\n", 0, ctx.body.rfind("\n\n", 0, offset)) + 1
    for mention in reversed(ctx.mentions_in(max(start, offset - 700), offset)):
        kind = ctx.actor_type(mention.actor_name)
        if kind == "person":
            return None
        if kind in (None, "media"):
            continue
        if _SAYS_AFTER.match(ctx.body, mention.char_end):
            return mention.actor_name
    return None


def _anonymous_subject(run: _Run, start: int, end: int) -> _Found | None:
    ctx, body = run.ctx, run.ctx.body
    left = body[start:end]
    head = run.rules.anonymous_head.search(left)
    if not head:
        return None
    words = list(re.finditer(r"[\w.’'-]+", left[: head.start()]))
    np_index = head.start()
    determiner = None
    for word in reversed(words[-5:]):
        low = word.group().lower()
        if left[word.end() : np_index].strip(" ") not in ("",):
            break
        if low in ("a", "an", "the", "some", "two", "three", "several", "many", "other", "one", "four", "five", "most"):
            determiner = low
            break
        if low in ("same", "these", "those") and np_index == head.start():
            determiner = "the"  # "according to the same diplomats": the source named before
            break
        if low in _CLAUSE_FUNCTION or low in run.rules.say_verbs or low in run.rules.claim_nouns:
            break  # ("a charge Turkish officials reject": the claim is what they reply to, not part of them)
        np_index = word.start()
    description = left[np_index : head.end()]
    noun = head.group("noun").lower()
    np_start = start + np_index
    if noun in ("spokesman", "spokeswoman", "spokesperson"):
        # "a State Department spokesperson said": the institution speaks through its spokesperson
        owner = _mention_ending_at(ctx, start + head.start("noun") - 1, start)
        if (
            owner is not None
            and ctx.actor_type(owner.actor_name) != "person"
            and not ctx.is_demonym(owner)
        ):
            return _Found([Speaker(owner.actor_name, via="institution")], np_start)
    if determiner == "the" and np_index == head.start():
        # "the diplomat" after "a senior UN diplomat": the same unnamed source.
        previous = run.last_anonymous.get(noun) or run.last_anonymous.get(noun.rstrip("s"))
        if previous is not None:
            return _Found([previous], np_start)
    plural = noun.endswith("s") and noun not in ("witness",)
    if plural:
        # "senior U.S. officials said" speaks for the United States.
        for m in ctx.mentions_in(np_start, start + head.start()):
            if (
                ctx.actor_type(m.actor_name) == "country"
                and noun in ("officials", "sources")
                # "U.S. officials" speak for the country; "Egyptian officials" stay unnamed sources.
                and not ctx.is_demonym(m)
            ):
                return _Found([Speaker(m.actor_name, via="name")], np_start)
    speaker = Speaker(None, description=description, is_anonymous=True, via="anonymous")
    run.last_anonymous[noun] = speaker
    return _Found([speaker], np_start)


def _modifies_next(ctx: ArticleContext, first: Mention, second: Mention) -> bool:
    """A country or organisation that only qualifies the person named right after it (through a title)."""
    if ctx.actor_type(second.actor_name) != "person" or ctx.actor_type(first.actor_name) == "person":
        return False
    gap = ctx.body[first.char_end : second.char_start]
    if len(gap) > 40 or not re.fullmatch(r"(?:['’]s)?\s+(?:[A-Za-z.-]+\s+){0,4}", gap):
        return False
    # the word before the name is its title ("Turkish President Recep Tayyip Erdogan", "mercenary boss"), not a
    # verb ("Moscow supports Haftar", "Cairo hosted Haftar")
    words = gap.split()
    last = words[-1].lower() if words else ""
    verb = (last.endswith("s") and not last.endswith("ss")) or last.endswith("ed") or last in _VERB_FORMS
    return not words or words[-1][:1].isupper() or last in actors.load_rules().title_words or not verb


_VERB_FORMS = frozenset("met told sent hit let said urged led saw took gave made held".split())


def _sentence_subject(run: _Run, sentence: Span, before: int) -> _Found | None:
    """The subject at the very start of a sentence (after a short adverbial such as "On Thursday,")."""
    ctx = run.ctx
    mentions = ctx.mentions_in(sentence.char_start, before)
    if not mentions:
        return None
    first = mentions[0]
    opens_with_place = run.rules.place_adverbial.match(ctx.body, sentence.char_start, first.char_start)
    if len(mentions) > 1 and opens_with_place and re.match(r"\s*,", ctx.body[first.char_end : first.char_end + 3]):
        mentions = mentions[1:]  # "In Washington, spokeswoman Jen Psaki ...": the place opens, the subject follows
        first = mentions[0]
    lead = ctx.body[sentence.char_start : first.char_start]
    if len(mentions) > 1 and _modifies_next(ctx, first, mentions[1]):
        first = mentions[1]  # "Turkish President Recep Tayyip Erdogan", "Acting UN envoy Stephanie Williams"
    if not re.fullmatch(
        r"(?:(?:[A-Z][\w’'-]*\s+){0,3}[\w’'-]+,\s+)?(?:(?:[Tt]he|U\.S\.|U\.N\.|[A-Z][A-Za-z]+)\s+){0,6}", lead
    ):
        return None
    if first.surface_form.lower() in ("his", "him", "her"):
        return None
    end = first.char_end
    mentions_np, np_start = _coordinated(ctx, first, sentence.char_start)
    # Extend over a coordination that follows: "Pompeo and Sarraj".
    following = [first]
    while True:
        link = re.match(r"\s+and\s+(?:the\s+)?", ctx.body[end : end + 10])
        nxt = next((m for m in ctx.mentions_in(end, before) if link and m.char_start == end + link.end()), None)
        if nxt is None:
            break
        following.append(nxt)
        end = nxt.char_end
    return _Found([_speaker_of(ctx, m) for m in following], np_start)


# ---------------------------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------------------------


_PUBLISHED_CUES = frozenset(("said", "says", "told", "added", "tells", "adds"))


def _date_near(ctx: ArticleContext, start: int, end: int, cue: str | None) -> FuzzyDate | None:
    try:
        date = resolve_date_near(ctx.body, start, end, ctx.published, ctx.weekday_base)
    except Exception:  # a date bug must not lose the statement
        date = None
    if date is None and cue in _PUBLISHED_CUES and ctx.published is not None:
        if ctx.published.precision == "day":
            date = ctx.published
    return date


def _is_headline(ctx: ArticleContext, sentence: Span) -> bool:
    """A line without terminal punctuation (headline, caption, teaser) carries no statement."""
    text = ctx.body[sentence.char_start : sentence.char_end].rstrip()
    return not text or text[-1] not in ".!?\"”’'):;…—-" or len(text.split()) < 4


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in ",:;"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def _mostly_quoted(ctx: ArticleContext, start: int, end: int) -> bool:
    """Reported words that are mostly a quotation (more than half their words, at least four of them) are quoted:
    a scare-quoted word ('condemned the "silence" of') leaves the report indirect."""
    body = ctx.body
    quoted = sum(len(body[a:b].split()) for a, b in ctx.quotations() if start <= a and b <= end)
    return quoted >= 4 and quoted * 2 > len(body[start:end].split())


def _emit(
    run: _Run,
    found: _Found,
    kind: str,
    start: int,
    end: int,
    evidence: Span,
    cue: str | None,
    confidence: float,
    attribution: tuple[int, int],
) -> None:
    start, end = _trim(run.ctx.body, start, end)
    if kind == "direct":  # punctuation inside the quotation marks is part of the quotation
        while end < len(run.ctx.body) and run.ctx.body[end] in ",;:" and run.ctx.body[end + 1 : end + 2] in "”\"’'":
            end += 1
    if end - start < 3:
        return
    for speaker in found.speakers:
        if speaker.name is None and not speaker.is_anonymous:
            continue
        if speaker.via == "pronoun" and kind == "direct" and speaker.name:
            pronoun_of = speaker.name
        else:
            pronoun_of = None
        conf = confidence
        if speaker.via in ("pronoun", "title", "inherited"):
            conf -= 0.15
        elif speaker.is_anonymous or speaker.via in ("document", "institution"):
            conf -= 0.1
        run.statements.append(
            Statement(
                speaker_name=speaker.name,
                speaker_description=speaker.description,
                is_anonymous=speaker.is_anonymous,
                kind=kind,
                char_start=start,
                char_end=end,
                evidence_start=evidence.char_start,
                evidence_end=evidence.char_end,
                said=_date_near(run.ctx, attribution[0], attribution[1], cue),
                confidence=round(max(conf, 0.1), 2),
                cue=cue,
            )
        )
        if pronoun_of is not None:
            run.by_pronoun.append((run.statements[-1], pronoun_of))


def extract_statements(ctx: ArticleContext) -> list[Statement]:
    if not ctx.sentences:
        from loaders.extract.text import sentences

        ctx.sentences = sentences(ctx.body)
    if not ctx._starts and ctx.mentions:
        ctx.index_mentions()
    rules = load_rules()
    quotes = [q for q in find_quotes(ctx.body)]
    run = _Run(ctx=ctx, rules=rules, quotes=quotes, quote_opens=[q.open for q in quotes])
    _direct(run)
    _transcript(run)
    _indirect(run)
    _unnamed_antecedents(run)
    _inherit(run)
    _reconcile(run)
    for st in run.statements:
        if st.kind == "indirect" and _mostly_quoted(ctx, st.char_start, st.char_end):
            st.kind = "direct"  # 'urged all states “not to intervene in the conflict or to take measures ...”'
    for name, ref in run.extra_actors.items():
        if any(st.speaker_name == name for st in run.statements):
            ctx.actors.setdefault(name, ref)
    return sorted(run.statements, key=lambda s: (s.char_start, s.speaker_name or ""))


# A briefing transcript's answer: 'MR PRICE: We have seen the reports. ...' or 'Peter Stano, Spokesperson: We ...'
# (no quotation marks: the speaker's own words, stored as reported speech like the press statement around them).
# A speaker label: a capitalised name (with an optional title after a comma), then a colon.
_LABEL = r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)(?:,[^:\n“\"]{1,100})?\s*:"
_TRANSCRIPT_LABEL = re.compile(_LABEL + r"[ \t]+(?=[A-Z])")
_NOT_SPEAKER_LABELS = frozenset("Q QUESTION MODERATOR OPERATOR NOTE UPDATE".split())


def _transcript(run: _Run) -> None:
    ctx, body = run.ctx, run.ctx.body
    for para in paragraphs(body):
        label = _TRANSCRIPT_LABEL.match(body, para.char_start, para.char_end)
        if label is None or label.group("name").upper() in _NOT_SPEAKER_LABELS:
            continue
        answer = Span(label.end(), para.char_end)
        text = body[answer.char_start : answer.char_end].rstrip()
        if _words(text) < 8 or text[-1:] not in ".!?" or clauses.is_furniture(ctx, para.char_start):
            continue  # ("Haftar: the man who would rule Libya" is a teaser, not an answer)
        speaker = _label_speaker(ctx, label, ("person", "government", "international_org", "organization"))
        if speaker is None:
            continue
        found = _Found([speaker], para.char_start)
        first = max(ctx.sentence_before(answer.char_start), 0)
        for sentence in ctx.sentences[first:]:
            if sentence.char_start >= answer.char_end:
                break
            start, end = max(sentence.char_start, answer.char_start), min(sentence.char_end, answer.char_end)
            if start < end:  # one statement per sentence of the answer
                attribution = (para.char_start, label.end())
                _emit(run, found, "indirect", start, end, Span(start, end), "said", 0.75, attribution)


def _label_speaker(ctx: ArticleContext, label: re.Match[str], kinds: tuple[str, ...]) -> Speaker | None:
    """The actor a speaker label names: the known actor (of one of `kinds`) ending the name, else a person by the
    surname of an all-capitals label ("MR PRICE")."""
    name = label.group("name")
    named = ctx.mentions_in(label.start("name"), label.end("name"))
    if named and named[-1].char_end == label.end("name"):
        return _speaker_of(ctx, named[-1]) if ctx.actor_type(named[-1].actor_name) in kinds else None
    if not name.isupper():
        return None
    # "MR PRICE": the person of that surname named in the article (or the gazetteer's)
    surname = name.split()[-1].title()
    for mention in ctx.mentions:
        if ctx.actor_type(mention.actor_name) == "person" and mention.actor_name.split()[-1].lower() == surname.lower():
            return Speaker(mention.actor_name, via="title")
    entry = ctx.gazetteer.lookup(surname)
    return Speaker(entry.name, via="title") if entry is not None and entry.actor_type == "person" else None


_PLURAL_SOURCE = frozenset("people men women police staff".split())
_PERSONAL = ("he", "she", "his", "him", "her")


def _unnamed_antecedents(run: _Run) -> None:
    """'A volunteer ..., who asked not to be named, said ... "...," he said.': "he" is the unnamed person who just
    spoke, not the named man mentioned before him (the pronoun finder only knows named actors)."""
    body = run.ctx.body
    for st, name in run.by_pronoun:
        last = _last_statement_before(run, st.char_start, 601, named=False)
        if last is None or not last.is_anonymous or not last.speaker_description:
            # 'A member of the delegation, who was not authorized to speak, was blunter. "...," he said.'
            intro = _unnamed_introduced(run, st.char_start)
            if intro is not None and not _named_since(run, name, intro[1], st.char_start):
                _set_unnamed(run, st, intro[0])
            continue
        if body[last.evidence_start : st.char_start].count("\n") > 1:
            continue  # (not across paragraphs)
        if _source_number(run, last.speaker_description) != "singular":
            continue  # "diplomats said ... he said": not the diplomats
        if _named_since(run, name, last.char_end, st.char_start):
            continue  # the named man is mentioned again after the unnamed source's words
        _set_unnamed(run, st, last.speaker_description)


def _named_since(run: _Run, name: str, start: int, end: int) -> bool:
    """Whether `name` is named (not by a pronoun) in [start, end)."""
    return any(
        m.actor_name == name and m.surface_form.lower() not in _PERSONAL for m in run.ctx.mentions_in(start, end)
    )


def _set_unnamed(run: _Run, st: Statement, description: str) -> None:
    st.speaker_name, st.speaker_description, st.is_anonymous = None, description, True
    # (an unattributed quotation after it inherits this speaker, not the named man)
    for i, (quote, found, evidence, cue, confidence) in enumerate(run.attributed):
        if quote.open < st.char_start <= quote.close + 1 and found is not None:
            source = Speaker(None, description, True, "pronoun")
            run.attributed[i] = (quote, _Found([source], found.np_start), evidence, cue, confidence)


# An unnamed person introduced with the condition of his anonymity: "A member of the eastern delegation, who was not
# authorized to speak publicly, ..."
_UNNAMED_INTRO = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?P<np>[^,.;:“”\"]{2,80}?)(?P<aside>,\s*(?:who|speaking|talking)\b[^,.;]*,)"
)


def _unnamed_introduced(run: _Run, offset: int) -> tuple[str, int] | None:
    """The description of the last unnamed person introduced with an anonymity condition in this paragraph before
    `offset` (and where that introduction ends)."""
    body = run.ctx.body
    start = max(body.rfind("\n", 0, offset) + 1, offset - 600)
    found = None
    for match in _UNNAMED_INTRO.finditer(body, start, offset):
        if not run.rules.anonymity.search(match.group("aside")):
            continue
        # ("After a long day of talks a member of the delegation, who ...": the last noun phrase)
        np = re.split(r"\b(?:[Aa]n?|[Oo]ne)\s+", match.group("np"))[-1]
        if _source_number(run, np) != "singular":
            continue  # (a person by an unnamed-source noun: "member", "driver", "official")
        found = (np, match.end())
    return found


def _words(text: str) -> int:
    return len(text.split())


def _direct(run: _Run) -> None:
    ctx, body = run.ctx, run.ctx.body
    attributed: list[tuple[Quote, _Found | None, Span, str | None, float]] = []
    for quote in run.quotes:
        content = body[quote.open + 1 : quote.close]
        if _words(content) < SHORT_QUOTE_WORDS or body[quote.open] in "‘'" and _words(content) < 6:
            # 'described the move as a "tactical repositioning"': a short quotation is the subject's own words
            # when a naming verb introduces it (or it is coordinated with one that was).
            if _naming_quote(run, quote, attributed):
                sentence = ctx.sentence_at(quote.open) or Span(quote.open, quote.close)
                found, cue, confidence = _attribute_quote(run, quote, sentence, sentence)
                attributed.append((quote, found, sentence, cue, confidence))
                continue
            # '"A," X said. "That must end."': a whole short sentence in quotation marks is no scare quote, nor is
            # one that opens its sentence and is attributed right after ('"Nobody was consulted," one envoy said').
            sentence = ctx.sentence_at(quote.open)
            opens_sentence = (
                body[quote.open] in '“"' and sentence is not None and sentence.char_start >= quote.open - 1
            )
            if not (
                opens_sentence
                and (
                    content.rstrip()[-1:] in (".", "!", "?")
                    and attributed
                    and attributed[-1][0].paragraph == quote.paragraph
                    or content[:1].isupper()
                    and content.rstrip()[-1:] == ","
                    and _words(content) >= 2
                )
            ):
                continue
            short_sentence = True
        else:
            short_sentence = False
        first = ctx.sentence_at(quote.open) or Span(quote.open, quote.close)
        last = ctx.sentence_at(max(quote.close - 1, quote.open)) or first
        after_sentence = ctx.sentence_at(quote.close + 1) if quote.close + 1 < len(body) else None
        if _is_headline(ctx, first) and _is_headline(ctx, last) and not quote.is_open_ended and not short_sentence:
            continue
        evidence = Span(
            first.char_start,
            max(
                last.char_end,
                after_sentence.char_end
                if after_sentence and after_sentence.char_start <= quote.close + 2
                else last.char_end,
            ),
        )
        found, cue, confidence = _attribute_quote(run, quote, first, evidence)
        attributed.append((quote, found, evidence, cue, confidence))
    run.attributed = attributed


def _naming_quote(run: _Run, quote: Quote, attributed: list) -> bool:
    body = run.ctx.body
    if _NAMING_VERB.search(body, max(0, quote.open - 80), quote.open) or _NAMING_PARTICIPLE.search(
        body, max(0, quote.open - 80), quote.open
    ):
        return True
    if not attributed:
        return False
    previous, found = attributed[-1][0], attributed[-1][1]
    # '... as "a historic moment" and "a courageous step"'
    return (
        found is not None
        and bool(found.speakers)
        and _words(body[previous.open + 1 : previous.close]) < SHORT_QUOTE_WORDS
        and re.fullmatch(r"[,;]?\s*(?:and|or|,)\s*", body[previous.close + 1 : quote.open]) is not None
    )


def _inherit(run: _Run) -> None:
    """Unattributed quotes take the speaker of the previous quote in the paragraph (or of the statement just before
    them), else of the next attributed quote in the same or the following paragraph."""
    body = run.ctx.body
    attributed = run.attributed
    for i, (quote, found, evidence, cue, _confidence) in enumerate(attributed):
        if found is not None and found.speakers:
            continue
        inherited = None
        if i > 0:
            prev_quote, prev_found, prev_evidence, _, _ = attributed[i - 1]
            if (
                prev_found
                and prev_found.speakers
                and (
                    prev_quote.paragraph == quote.paragraph
                    or prev_quote.is_open_ended
                    or prev_quote.paragraph == quote.paragraph - 1
                )
            ):
                inherited = prev_found
        if inherited is None:
            # 'A source told TASS that the men were "instructors" ...': a short quotation in a reported clause is
            # that speaker's (and part of the clause, see _reconcile)
            enclosing = [
                st
                for st in run.statements
                if st.kind == "indirect" and st.char_start < quote.open < st.char_end
            ] if _words(body[quote.open + 1 : quote.close]) < LONG_QUOTE_WORDS else []
            if enclosing:
                st = enclosing[-1]
                inherited = _Found([Speaker(st.speaker_name, st.speaker_description, st.is_anonymous, "inherited")], 0)
        if inherited is None:
            prior = [
                st
                for st in run.statements[-64:]
                if st.evidence_end <= quote.open and not body[st.evidence_end : quote.open].count("\n")
            ]
            if prior:
                st = prior[-1]
                inherited = _Found([Speaker(st.speaker_name, st.speaker_description, st.is_anonymous, "inherited")], 0)
        if inherited is None and i + 1 < len(attributed):
            next_quote, next_found, _, _, _ = attributed[i + 1]
            if (
                next_found
                and next_found.speakers
                and next_quote.paragraph - quote.paragraph <= 1
                and (quote.is_open_ended or next_quote.paragraph == quote.paragraph)
            ):
                inherited = next_found
        if inherited is None:
            continue
        speakers = [Speaker(s.name, s.description, s.is_anonymous, "inherited") for s in inherited.speakers]
        attributed[i] = (quote, _Found(speakers, inherited.np_start), evidence, cue or "said", 0.75)
        _emit(
            run,
            attributed[i][1],
            "direct",
            quote.open + 1,
            quote.close,
            evidence,
            cue or "said",
            0.75,
            (evidence.char_start, evidence.char_end),
        )


def _attribute_quote(
    run: _Run, quote: Quote, sentence: Span, evidence: Span
) -> tuple[_Found | None, str | None, float]:
    body, rules = run.ctx.body, run.rules
    # 0. A transcript's speaker label: 'Peter Stano, Lead Spokesperson: "No. ...' opens its paragraph.
    line_start = body.rfind("\n", 0, quote.open) + 1
    label = _SPEAKER_LABEL.fullmatch(body, line_start, quote.open)
    speaker = label and _label_speaker(
        run.ctx, label, ("person", "government", "international_org", "organization", "country")
    )
    if speaker:
        found = _Found([speaker], line_start)
        _emit(run, found, "direct", quote.open + 1, quote.close, evidence, "said", 0.85, (line_start, quote.open))
        return found, "said", 0.85
    head_start = max(sentence.char_start, quote.open - 400)
    head = body[head_start : quote.open]
    first_word = re.match(r"\s*([A-Za-z]+)", body[quote.open + 1 : quote.open + 40])
    # 1. 'Pompeo and Sarraj "emphasized ..."' / 'called Sarraj to "reiterate ..."': the clause subject speaks.
    outer = [v for v in _verbs(rules, body, head_start, quote.open) if not _inside_quote(run, v.start())]
    if first_word and first_word.group(1).lower() in rules.quote_initial and head.strip() and not outer:
        found = find_subject(run, head_start, quote.open)
        if not (found and found.speakers) or re.search(r"\bto\s*$", head):
            found = _sentence_subject(run, sentence, quote.open)
        if found and found.speakers and not any(s.via == "document" for s in found.speakers):
            _consume_after(run, quote)
            _emit(
                run,
                found,
                "direct",
                quote.open + 1,
                quote.close,
                evidence,
                first_word.group(1),
                0.85,
                (evidence.char_start, evidence.char_end),
            )
            return found, first_word.group(1), 0.85
    # 2. After the quote: '..." X said' / '..." said X' / '..." the diplomat told Reuters'.
    if not quote.is_open_ended:
        found, cue = _attribution_after(run, quote)
        if found is not None:
            if found.speakers:
                _emit(
                    run,
                    found,
                    "direct",
                    quote.open + 1,
                    quote.close,
                    evidence,
                    cue,
                    0.9,
                    (quote.close, evidence.char_end),
                )
            return found, cue, 0.9
    # 3. Before the quote: 'X said: "...' / 'X said in a statement that "...' / 'X urged all states "...'.
    verbs = [v for v in _verbs(rules, body, head_start, quote.open) if not _inside_quote(run, v.start())]
    naming = _NAMING_VERB.search(head)
    participle = rules.quote_participle.search(head) or naming
    if participle is not None:
        # 'X dismissed the reports, saying that "..."' / '..., describing them as "...': the clause subject speaks.
        at = head_start + participle.start()
        found = None
        if participle is naming:
            # 'a step the House described as "..."': a named subject right before the naming verb names it
            own = find_subject(run, max(head_start, sentence.char_start), at)
            if own and own.speakers and not any(sp.is_anonymous for sp in own.speakers):
                found = own
        for verb in reversed([v for v in verbs if v.start() < at] if found is None else []):
            found = find_subject(run, head_start, verb.start())
            if found and found.speakers:
                break
        if not (found and found.speakers) and participle is naming:
            # 'A European diplomat, who asked not to be named, called the shipments "..."': the naming verb's own
            # subject, if it is one unnamed source (residents who "called the area X" name it, they say nothing)
            found = find_subject(run, max(head_start, sentence.char_start), at)
            if (
                found
                and found.speakers
                and any(sp.is_anonymous for sp in found.speakers)
                and not (re.match(r"(?:[Aa]n?|[Oo]ne)\s", body[found.np_start : at])
                         or re.search(r"\b(?:[Aa]n?|[Oo]ne)\s+$", body[max(0, found.np_start - 4) : found.np_start]))
            ):
                found = None  # (named speakers, and a government by its cue, name things too)
        if not (found and found.speakers):
            found = _sentence_subject(run, sentence, at)
        if found and found.speakers and not any(s.via == "document" for s in found.speakers):
            cue = participle.group("verb").split()[0]
            _emit(run, found, "direct", quote.open + 1, quote.close, evidence, cue, 0.85, (head_start, quote.open))
            return found, cue, 0.85
    if verbs and not _is_passive(body, verbs[-1].start()):
        verb = verbs[-1]
        if verb.group() in rules.document_verbs:
            return None, None, 0
        coordinated = re.search(r"\b(?:and|but)\s+$", body[max(head_start, verb.start() - 5) : verb.start()])
        earlier = [st for st in run.statements if sentence.char_start <= st.char_start < verb.start()]
        if coordinated and earlier and earlier[-1].speaker_name:
            # 'X described the attack as "..." and accused Y of "...": the first verb's subject
            found = _inherited(earlier[-1])
        else:
            found = find_subject(run, head_start, verb.start())
        if found is None and coordinated:
            found = _sentence_subject(run, sentence, verb.start())
        if found is not None and found.speakers:
            lead_in = body[_skip_after_say(run, verb.group(), verb.end(), quote.open) : quote.open]
            short = _words(body[quote.open + 1 : quote.close]) < LONG_QUOTE_WORDS
            if _words(lead_in) <= 4 and not (short and _FINITE.search(lead_in)):
                # (with a reported clause before the quotation, 'said he had decided to leave "...",' or before a
                # short one, 'said al-Kabir remained "...",' the verb also carries that clause)
                run.consumed.add(verb.start())
            _emit(
                run, found, "direct", quote.open + 1, quote.close, evidence, verb.group(), 0.9, (head_start, quote.open)
            )
            return found, verb.group(), 0.9
    return None, None, 0


_COMMAND = re.compile(r"\b(?:command|headquarters|media\s+office|press\s+office)\b", re.IGNORECASE)

# A subordinate clause opening a sentence whose main clause follows a parenthetical attribution
_CONDITION_FIRST = re.compile(r"\s*(?:If|Should|Unless|Once|When|Whenever|Until|Were|Had)\b")

# A verb of a reported clause before a quotation ('said al-Kabir remained "..."')
_FINITE = re.compile(r"\b(?:is|are|was|were|remains?|remained|has|have|had|would|will|could|should|must)\b")

# A transcript line: a speaker label, then the quotation.
_SPEAKER_LABEL = re.compile(_LABEL + r"\s*")

# "called that speech a “declaration of war”", "branded the move “illegal”": the subject's words.
_NAMED_OBJECT = (
    r"(?:it|them|him|her|this|that|(?:the|its|their|his|her|this|that|these|those|[A-Z][\w-]*['’]s)\s+[\w-]+"
    r"(?:\s+[\w-]+)?(?:\s+of\s+(?:the\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?)?)"
)
_NAMING_PAST = ("called", "labelled", "labeled", "branded", "dubbed", "termed", "described")
_NAMING_ING = ("calling", "labelling", "labeling", "branding", "dubbing", "terming", "describing")
_NAMING_CUES = frozenset(_NAMING_PAST + _NAMING_ING)  # the cue of a short label's statement (see _reconcile)
_NAMING_VERB = re.compile(
    # ("a step the House described as “null and void”": the object may be the relative clause's gap)
    rf"\b(?P<verb>{'|'.join(_NAMING_PAST)})\s+(?:{_NAMED_OBJECT}\s+(?:as\s+)?|as\s+)(?:an?\s+)?$"
)
_NAMING_PARTICIPLE = re.compile(
    rf",\s+(?:and\s+)?(?P<verb>(?:{'|'.join(_NAMING_ING)})\s+{_NAMED_OBJECT}"
    r"(?:\s+as)?)\s+(?:an?\s+)?$"
)


def _inside_quote(run: _Run, offset: int) -> bool:
    i = bisect.bisect_left(run.quote_opens, offset) - 1
    return i >= 0 and run.quotes[i].open < offset < run.quotes[i].close


# (the "of" or "for" of the charge opens a gerund: "accused by members of the UN panel of experts of supplying")
_CHARGE_AGENT = re.compile(
    r"\s+by\s+(?P<np>[^,;:“”\"()]{2,80}?)\s+(?:of|for)\s+(?=(?:(?:having|being|illegally|secretly|covertly|"
    r"repeatedly|allegedly)\s+)*\w+ing\b)"
)


def _passive_charge(run: _Run, sentence: Span, verb: re.Match[str], word: str) -> None:
    """'The UAE is accused by UN experts of supplying the LNA with drones': the agent after "by" makes the charge,
    and the charge is what follows "of"."""
    if word not in ("accused", "charged", "blamed", "criticised", "criticized", "condemned"):
        return
    agent = _CHARGE_AGENT.match(run.ctx.body, verb.end(), sentence.char_end)
    if agent is None:
        return
    found = find_subject(run, agent.start("np"), agent.end("np"))
    if found is None:
        return
    clause = clauses.clause_of(run.ctx, agent.end())
    end = max(clause.char_end, agent.end())
    comma = re.search(r"[,;]", run.ctx.body[agent.end() : end])
    end = agent.end() + comma.start() if comma else end  # ("whose country is accused by X of Y, met Z")
    _emit(run, found, "indirect", agent.end(), _content_end(run.ctx.body, Span(agent.end(), end)), sentence, word,
          0.6, (verb.start(), agent.end()))


def _is_passive(body: str, verb_start: int) -> bool:
    before = body[max(0, verb_start - 30) : verb_start]
    return bool(re.search(r"\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+|also\s+|not\s+)?$", before))


_AFTER_VERB_FIRST = re.compile(
    r"^\s*,?\s*(?P<verb>said|says|added|told|wrote|asked|insisted|stressed|warned|declared|noted|explained|replied|"
    r"tweeted|argued|continued|vowed|conceded|admitted|acknowledged|recalled|cautioned|concluded)\s+"
    r"(?P<np>[^,.;“”\"]{2,120})"
)


def _consume_after(run: _Run, quote: Quote) -> None:
    tail_end = min(len(run.ctx.body), quote.close + 200)
    verb = run.rules.verbs.search(run.ctx.body, quote.close, tail_end)
    if verb and not re.search(r"[.!?“\"]", run.ctx.body[quote.close + 1 : verb.start()]):
        run.consumed.add(verb.start())


def _verbs(rules: SpeechRules, body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Reporting verbs in body[start:end], without the noun "states" ("urged all member states to ...") and the
    participles used as adjectives ("an alleged buildup")."""
    for verb in rules.verbs.finditer(body, start, end):
        if verb.group().lower() in ("states", "state") and rules.states_noun.search(
            body, max(0, verb.start() - 20), verb.start()
        ):
            continue
        if verb.group().lower().endswith("ed") and _DETERMINER_BEFORE.search(
            body, max(0, verb.start() - 8), verb.start()
        ):
            continue  # "an alleged buildup", "the stated aim", "the announced truce": an adjective, not a verb
        yield verb


_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|its|their|his|her|this|that|these|those)\s+$", re.IGNORECASE)


def _attribution_after(run: _Run, quote: Quote) -> tuple[_Found | None, str | None]:
    ctx, body, rules = run.ctx, run.ctx.body, run.rules
    sentence = ctx.sentence_at(quote.close + 1) or ctx.sentence_at(quote.close)
    stop = sentence.char_end if sentence and sentence.char_end > quote.close else min(len(body), quote.close + 200)
    tail_start = quote.close + 1
    stop = min(stop, tail_start + 300)
    tail = body[tail_start:stop]
    # '"armed gangs" linked to al-Qaeda, ... accused Qatar of ...': the sentence runs on past a quoted phrase, and
    # only a closing attribution ('... "avoid escalation" in Libya, el-Sissi's office said.') still reports it
    runs_on = _RUNS_ON.match(tail) if body[quote.close - 1] not in ",.!?…" else None
    if runs_on and rules.verbs.match(body, tail_start + runs_on.end() - 1):
        runs_on = None
    quoted_as = _QUOTED_AS.match(tail)
    if quoted_as:
        # '"...," the source quoted Haftar as saying': the one quoted speaks, not the source
        speaker = _quoted_one(ctx, tail_start + quoted_as.start("np"), tail_start + quoted_as.end("np"))
        if speaker is not None:
            return _Found([_speaker_of(ctx, speaker)], speaker.char_start), "said"
    inverted = _AFTER_VERB_FIRST.match(tail)
    if inverted:
        np_start = tail_start + inverted.start("np")
        np_end = tail_start + inverted.end("np")
        np_end = _cut_np(run.rules, body, np_start, np_end)
        found = find_subject(run, np_start, np_end) if np_end > np_start else None
        if found is None:
            # (not a bare demonym: "said a Libyan delegate" is no statement of Libya)
            mentions = [
                m for m in ctx.mentions_in(np_start, np_end)
                if not ctx.is_demonym(m)
            ]
            if mentions:
                found = _Found([_speaker_of(ctx, mentions[0])], mentions[0].char_start)
        if found is not None:
            run.consumed.add(tail_start + inverted.start("verb"))
            return found, inverted.group("verb")
    for verb in _verbs(rules, body, tail_start, min(stop, tail_start + 220)):
        if re.search(r"[“\"]", body[tail_start : verb.start()]):
            break
        if re.search(r"(?:^|,)\s*(?:while|whereas|but|as|and)\s", body[tail_start : verb.start()]):
            break  # '... "belongs to all Libyans," while X called on ...': another clause, another speaker
        if re.search(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$", body[tail_start : verb.start()]):
            continue  # '..." a diplomat who asked not to be named told Reuters'
        if re.search(r"\b(?:who|which)\b[^,;]*$", body[tail_start : verb.start()]):
            relative = re.search(r"\s+(?:who|which)\b[^,;]*$", body[tail_start : verb.start()])
            found = find_subject(run, tail_start, tail_start + relative.start())
            if found is not None and found.speakers:
                run.consumed.add(verb.start())
                return found, verb.group()
        if verb.group() in rules.document_verbs or _is_passive(body, verb.start()):
            break
        if runs_on and (verb_word(verb) not in rules.say_verbs or len(body[verb.end() : stop].split()) > 4):
            break
        found = find_subject(run, tail_start, verb.start())
        if found is not None:
            run.consumed.add(verb.start())
            return found, verb.group()
        break
    return None, None


# A phrase quoted mid-sentence, then the sentence's own words: '"armed gangs" linked to ...', '"terrorists" backed by'
_RUNS_ON = re.compile(
    r"\s+(?!(?:the|a|an|his|her|its|their|our|one|two|three|several|some|said|says|say|added|adds|told|tells|"
    r"according|wrote|writes|he|she|they|it|we|i|you)\b)[a-z]"
)


# "quoted Haftar as saying": after a quotation ('"...," the source quoted Haftar as saying') and before reported speech
_QUOTED_ONE = r"\bquot(?:ed|es|ing)\s+(?P<np>[^“”\",.;]{2,80}?)\s+as\s+"
_QUOTED_AS = re.compile(rf"\s*,?\s*[^“”\".;]{{0,80}}?{_QUOTED_ONE}(?:saying|telling|stating)\b")


def _cut_np(rules: SpeechRules, body: str, start: int, end: int) -> int:
    """'a senior UN diplomat speaking on condition of anonymity' -> 'a senior UN diplomat'; 'a UN report seen by
    Reuters' -> 'a UN report'."""
    cut = rules.source_np_end.search(body, start, end)
    return cut.start() if cut else end


_RELATIVE_LEAD = re.compile(r",\s*(?:which|who)\s+$")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>(?:[^,.;“”\"]|(?<=\b[A-Z])\.){2,100})")
# "In Cairo's view, CLAUSE": the holder of the view is the source.
_IN_VIEW = re.compile(
    r"\b[Ii]n\s+(?P<np>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})['’]s?\s+(?:view|opinion|assessment|estimation)\s*,"
)
_CLAUSE_BOUNDARY = re.compile(r"(?:;\s+|,?\s+while\s+|,\s+but\s+|,\s+whereas\s+)")


def _indirect(run: _Run) -> None:
    ctx = run.ctx
    for sentence in ctx.sentences:
        if _is_headline(ctx, sentence) or sentence.char_end - sentence.char_start > MAX_SENTENCE_CHARS:
            continue
        _according_to(run, sentence)
        _quoted_as(run, sentence)
        events: list[tuple[int, _Found | None, bool]] = []  # (verb offset, subject, is_say)
        count = len(run.statements)
        for verb in _verbs(run.rules, ctx.body, sentence.char_start, sentence.char_end):
            _reported(run, sentence, verb, events)
        _participles(run, sentence, events, count)
        _with_participle(run, sentence, count)
        _joined(run, sentence, count)


# ", saying it had not given its consent" / ", warning that ...": the sentence subject speaks.
_PARTICIPLE = re.compile(
    r",[\"”’]?\s+(?:and\s+|while\s+)?(?P<verb>saying|adding|warning|insisting|arguing|stressing|claiming|explaining|"
    r"vowing|demanding|urging|accusing|denying|describing|declaring|noting|calling\s+(?:on|for)|promising|pledging|"
    r"threatening|complaining|acknowledging|admitting|asserting|announcing|confirming|alleging|conceding|reiterating|"
    r"emphasi[sz]ing|recalling|maintaining|predicting|telling\s+(?:\w+\s+){1,3}?that)\b"
)


def _participles(run: _Run, sentence: Span, events: list, first_new: int) -> None:
    body = run.ctx.body
    for match in _PARTICIPLE.finditer(body, sentence.char_start, sentence.char_end):
        if _inside_quote(run, match.start("verb")):
            continue
        said = [e for e in events if e[0] < match.start() and e[1] is not None and e[1].speakers]
        if len(run.attributed_opens) != len(run.attributed):
            run.attributed_opens = [a[0].open for a in run.attributed]
        lo = bisect.bisect_left(run.attributed_opens, sentence.char_start)
        hi = bisect.bisect_left(run.attributed_opens, sentence.char_end)
        quoted = [a for a in run.attributed[lo:hi] if a[1] is not None and a[1].speakers]
        if said:
            found = said[-1][1]
        elif quoted:
            found = quoted[-1][1]
        else:
            found = _sentence_subject(run, sentence, match.start())
            if found is None or not found.speakers:
                continue
            lead = body[sentence.char_start : found.np_start]
            if re.search(r"\b(?:of|by|for|against|with|to|from|on)\s+(?:the\s+)?$", lead):
                continue
        content = _skip_after_say(run, "said", match.end(), sentence.char_end)
        quoted_at = re.match(r"(?:(?:it|them|him|her|this|that|the\s+[\w-]+(?:\s+[\w-]+)?)(?:\s+as)?\s+)?[“\"]",
                             body[content : content + 60])
        if quoted_at and _quote_words_at(run, content + quoted_at.end() - 1) >= SHORT_QUOTE_WORDS:
            # "dismissed the reports, saying “...”": the act, then the direct quotation as its own statement.
            for st in run.statements[first_new:]:
                if st.char_start < match.start() < st.char_end and st.kind == "indirect":
                    st.char_end = _trim(body, st.char_start, match.start())[1]
            continue
        nxt = _PARTICIPLE.search(body, match.end(), sentence.char_end)
        end = nxt.start() if nxt else _content_end(body, sentence)
        # A reported clause before the participle ends at its comma ("said X, adding that Y": two statements);
        # a speech act runs on ("appealed for a ceasefire, warning that ...": one statement).
        covering = [
            st for st in run.statements[first_new:]
            if st.char_start < match.start() < st.char_end and st.kind == "indirect"
        ]
        if any((st.cue or "").split(" ")[0] not in _PLAIN_SAY for st in covering):
            continue
        for st in covering:
            st.char_end = match.start()
        count = len(run.statements)
        _emit(run, found, "indirect", match.start("verb"), end, sentence, match.group("verb"), 0.7,
              (match.start("verb"), end))
        run.statements[count:] = [st for st in run.statements[count:] if st.char_end - st.char_start >= 12]


# "Athens objected, with Greek officials insisting that ...": the absolute clause has a speaker of its own
_WITH_PARTICIPLE = re.compile(
    r",\s+with\s+(?P<np>(?:[\w’'.-]+\s+){1,6}?)(?P<verb>saying|insisting|arguing|warning|claiming|noting|stressing|"
    r"maintaining|contending)\s+(?:that\s+)?"
)


def _with_participle(run: _Run, sentence: Span, first_new: int) -> None:
    body = run.ctx.body
    for match in _WITH_PARTICIPLE.finditer(body, sentence.char_start, sentence.char_end):
        if _inside_quote(run, match.start("verb")):
            continue
        found = find_subject(run, match.start("np"), match.start("verb"))
        if found is None or not found.speakers:
            continue
        for st in run.statements[first_new:]:
            if st.char_start < match.start() < st.char_end and st.kind == "indirect":
                st.char_end = _trim(body, st.char_start, match.start())[1]
        end = _content_end(body, sentence)
        _emit(run, found, "indirect", match.start("verb"), end, sentence, match.group("verb"), 0.6,
              (match.start("verb"), end))


def _end_reports_at(run: _Run, joint: int, sentence: Span) -> None:
    """Reported clauses of this sentence that run over `joint` (the "and" before a coordinated verb) end there."""
    for st in run.statements:
        if st.kind == "indirect" and st.char_start < joint < st.char_end <= sentence.char_end:
            st.char_end = _trim(run.ctx.body, st.char_start, joint)[1]


def _reported(run: _Run, sentence: Span, verb: re.Match[str], events: list) -> None:
    body, rules = run.ctx.body, run.rules
    word = verb_word(verb)
    if _inside_quote(run, verb.start()):
        return
    if _is_passive(body, verb.start()):
        _passive_charge(run, sentence, verb, word)
        return
    left_end = _strip_fillers(rules, body, sentence.char_start, verb.start())
    coordinated = re.search(r"(?:,\s*)?\b(?:and|but)$", body[sentence.char_start : left_end])
    if coordinated and word in rules.belief_verbs:
        return
    # '... expressed concern and called on armed groups "to refrain ..."': a second verb that carries a
    # quotation is a statement of its own, so the first one ends at the "and".
    quoted = bool(coordinated) and bool(re.search(r"[“\"]", body[verb.end() : sentence.char_end]))
    if quoted:
        _end_reports_at(run, sentence.char_start + coordinated.start(), sentence)
    if verb.start() in run.consumed:
        # (its quotation is already a statement; a coordinated verb after it shares its subject)
        if not coordinated:
            events.append((verb.start(), find_subject(run, sentence.char_start, verb.start()), True))
        _and_that_after_quote(run, sentence, verb, word)
        return
    if word in rules.document_verbs and _NOUN_DETERMINER.search(body, max(0, verb.start() - 12), verb.start()):
        return  # "she had no details of the operation": a noun, no verb of a document
    if rules.unnamed_condition.match(body, verb.end()):
        return  # "who asked not to be named": a condition of the source, not a statement
    if word.startswith(("posted", "wrote")) and re.search(
        r"\b(?:statement|message|video|note|letter|communiqu[eé])\s+$", body[max(0, verb.start() - 20) : verb.start()]
    ):
        return  # "said in a statement posted on Facebook": where the statement appeared, not a second one
    if word in ("asked", "requested") and rules.anonymity_request.match(body, sentence.char_start, verb.end() + 80):
        return  # "He asked that his name not be used": how the source spoke, not what he said
    if re.match(r"\s+(?:to\s+be|to\s+have)\b", body[verb.end() : verb.end() + 12]):
        return  # "said to be": hearsay, no speaker
    non_object = rules.act_non_objects.get(word.lower())
    if non_object is not None and non_object.match(body, verb.end()):
        # "dismissed the governor": an act on a person, not a reply to a claim. Its subject still speaks in a
        # participle or a coordinated verb after it ('described the deal as "illegal", arguing that ...'), which
        # no statement of this verb covers (hence recorded like a say-verb, whose report ends at the "and").
        if not coordinated:
            events.append((verb.start(), find_subject(run, sentence.char_start, verb.start()), True))
        return
    is_say = word in rules.say_verbs or word in rules.document_verbs  # "..., a panel of UN experts has found."
    found: _Found | None
    if coordinated:
        previous = [e for e in events if e[0] < verb.start()]
        if previous:
            _, found, prev_say = previous[-1]
            if found is None or (not is_say and not prev_say and not quoted):
                events.append((verb.start(), found, is_say))
                return  # covered by the statement of the first verb
            if is_say and prev_say:
                # "said Moscow had asked for an explanation and warned that ...": two reports, cut at the "and"
                _end_reports_at(run, sentence.char_start + coordinated.start(), sentence)
        else:
            found = _sentence_subject(run, sentence, verb.start())
    else:
        said = _said_by_pronoun(run, verb.start())
        if said is not None:
            # "The ministry said that it rejected the deal": the pronoun's act is what was said, not a new statement
            events.append((verb.start(), _inherited(said), True))
            return
        found = find_subject(run, sentence.char_start, verb.start())
        outer = (
            _reporting_statement(run, found, sentence)
            if found is not None
            and found.speakers
            and not is_say
            # (", which denies ...": a non-restrictive relative clause is the writer's aside, not the report's)
            and not re.search(r",\s*which\b", body[found.np_start : verb.start()])
            # ('..., a claim Cairo denied': a reply to the report, not part of it)
            and not rules.reply_to_claim.search(body, max(sentence.char_start, found.np_start - 40), found.np_start)
            else None
        )
        finding = word in rules.document_verbs and word not in rules.say_verbs
        if outer is None and finding and found is not None and found.speakers:
            # "He recalled that the Panel had documented ...": a finding cited inside another speaker's report
            outer = _reporting_statement(run, found, sentence, plain=False)
        if outer is not None:
            # "Alfano said that Italy welcomed any step, but warned ...": a clause inside another speaker's
            # reported speech is part of that report; a verb coordinated after it is the reporter's again
            events.append((verb.start(), _inherited(outer), True))
            return
    events.append((verb.start(), found, is_say))
    if found is None or not found.speakers:
        return
    if _SUBORDINATE.search(body, max(sentence.char_start, found.np_start - 30), found.np_start):
        return  # "as long as the GNA requests it", "if Haftar rejects the deal": a condition, not speech
    if rules.negated_verb.search(body, max(sentence.char_start, verb.start() - 30), verb.start()):
        return  # "The UAE has not publicly responded", "Haftar never said": nothing was said
    if word in rules.document_verbs and not all(
        s.via == "document" or (s.name and run.ctx.actor_type(s.name) in ("international_org", "organization"))
        for s in found.speakers
    ):
        return  # "the report found", "the panel found" - but not "Haftar found"
    if word in ("reported", "reports") and any(
        s.name and run.ctx.actor_type(s.name) == "media" for s in found.speakers
    ):
        return  # "..., the Reuters news agency reported": sourcing by the press, not a statement
    evidence = sentence
    if is_say:
        content_start = _skip_after_say(run, word, verb.end(), sentence.char_end)
        rest = body[content_start : sentence.char_end].strip()
        before_words = _words(body[sentence.char_start : found.np_start])
        # ", diplomats said" / ", two senior diplomats told ...": a comma, then at most a few determiner words.
        parenthetical = bool(re.search(r",\s*(?:[\w-]+\s+){0,3}$", body[max(0, found.np_start - 40) : found.np_start]))
        if (
            not rest
            or rest in ".!?"
            or (parenthetical and body[content_start - 2 : content_start].strip() == "," and before_words >= 6)
            or (parenthetical and before_words >= 6 and _TRAILING_ASIDE.match(rest))
        ):
            # End or parenthetical attribution: "..., diplomats said." -> the clause before it.
            if before_words == 0:
                return
            clause_start = sentence.char_start
            for b in _CLAUSE_BOUNDARY.finditer(body, sentence.char_start, found.np_start):
                clause_start = b.end()
            dateline = _DATELINE.match(body, clause_start, found.np_start)
            if dateline:
                clause_start = dateline.end()
            if (
                rest
                and rest not in ".!?"
                and _CONDITION_FIRST.match(body, clause_start, found.np_start)
                # (not 'When no answer came, the boarding went ahead, the operation said': its main clause is before)
                and "," not in body[clause_start : body.rfind(",", clause_start, found.np_start)]
                # (nor '... to Libya, diplomats said, citing reports': what follows must be a main clause)
                and not re.match(r"(?:\w+ing|and|but|as|while|which|who|adding|according)\b", rest)
            ):
                # "If the shutdown drags on, analysts say, Russia could ...": the main clause after the attribution
                _emit_attributed_clause(run, found, content_start, _content_end(body, sentence), evidence, word,
                                        (found.np_start, content_start))
                return
            # The content ends at the comma before the attribution, not inside "..., the diplomats said".
            clause_end = found.np_start
            lead = re.search(r",\s*(?:[\w-]+\s+){0,3}$", body[max(clause_start, found.np_start - 40) : found.np_start])
            if lead:
                clause_end = max(clause_start, found.np_start - 40) + lead.start()
            _emit_attributed_clause(run, found, clause_start, clause_end, evidence, word,
                                    (found.np_start, sentence.char_end))
            return
        if body[content_start : content_start + 1] in '“"' and not _short_quote_at(run, content_start):
            return  # the direct quotation carries it
        if word.startswith("maintain") and not (
            re.search(r"\bthat\s*$", body[verb.end() : content_start])
            or re.match(r"(?:it|he|she|they|we)\s+(?:would|will|had|has|have|was|were|is|are|could|did)\b",
                        body[content_start : content_start + 20])
        ):
            return  # "Turkey maintains a military presence": no speech without "that"
        # "said/told/added (that) X": the content; "announced his intention", "stressed that X": from the verb.
        start = content_start if word in _PLAIN_SAY else verb.start()
        # "said X and that Y": two reported clauses.
        pieces, piece_start = [], start
        for joint in _AND_THAT.finditer(body, start, sentence.char_end):
            if not _inside_quote(run, joint.start()):
                pieces.append((piece_start, joint.start()))
                piece_start = joint.end()
        pieces.append((piece_start, _content_end(body, sentence)))
        for piece in pieces:
            _emit(
                run,
                found,
                "indirect",
                piece[0],
                piece[1],
                evidence,
                word,
                0.75,
                (sentence.char_start, content_start),
            )
    else:
        start = found.np_start if body[found.np_start : verb.start()].count(",") == 0 else verb.start()
        if coordinated:
            # "said it was concerned and urged both sides to ...": the act starts at its verb, and the reported
            # clause before it ends at the "and".
            start = verb.start()
            _end_reports_at(run, sentence.char_start + coordinated.start(), sentence)
        end = _content_end(body, sentence)
        if re.search(r",\s*which\b", body[found.np_start : verb.start()]):
            # "Turkey, which has denied sending mercenaries, says ...": the relative clause ends at its comma
            comma = body.find(",", verb.end(), end)
            end = comma if comma != -1 else end
        _emit(
            run,
            found,
            "indirect",
            start,
            end,
            evidence,
            word,
            0.75,
            # "urged both sides on Tuesday to ...": a date just after the verb; an aside between subject and verb
            # ("The LNA, which launched an offensive in April, acknowledged") is no date of the statement.
            (
                verb.start() if "," in body[found.np_start : verb.start()] else sentence.char_start,
                min(_content_end(body, sentence), verb.end() + 40),
            ),
        )


# A wire dateline opening the first paragraph: "TRIPOLI (Reuters) - ", "CAIRO, June 5 (AP) — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z .]{2,30}?)?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z .]{2,30}\)\s*)?[-–—]+\s+"
)
# After a mid-sentence attribution ("..., two diplomats told Reuters on Tuesday, stepping up ..."), what follows is
# an aside (a date, a participle clause), not what was said: the content is the clause before the attribution.
_TRAILING_ASIDE = re.compile(
    r"^(?:(?:on|last|this|earlier|late|early)\s+\w+(?:\s+\w+)?\s*)?(?:,|\.|$)|"
    # "..., Merkel said after the talks." / "... at the end of the summit.": when and where, not what
    r"^(?:after|before|during|following|at\s+the\s+end\s+of)\s+(?:the|a|an|his|her|their|its)\s+[^,;:“”\"]{1,40}"
    r"[.!?]\s*$|"
    r"^,?\s*(?:asking|speaking|citing|adding|referring|declining|requesting|stepping|saying|noting|according)\b|"
    # (what is left of "speaking on condition of anonymity because he was not authorised to ...")
    r"^(?:because|as|since)\s+(?:he|she|they)\s+(?:was|were|is|are)\s+not\s+(?:authori[sz]ed|allowed|permitted)\b"
)
_SUBORDINATE = re.compile(
    r"\b(?:if|unless|until|as\s+long\s+as|once|whenever|before|so\s+that|in\s+case|even\s+if|whether)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?that\s+")
_QUOTE_AND_THAT = re.compile(r"[”\"]\s*,?\s+(?:and|but)\s+(?:also\s+)?that\s+")


def _and_that_after_quote(run: _Run, sentence: Span, verb: re.Match[str], word: str) -> None:
    """'said the operation "was not a NATO decision" and that its own mission was limited ...': the reported clause
    after the quotation is a statement of its own."""
    body = run.ctx.body
    if word not in _PLAIN_SAY:
        return
    joint = _QUOTE_AND_THAT.search(body, verb.end(), sentence.char_end)
    if joint is None or re.search(r"[“\"]", body[joint.end() : sentence.char_end]):
        return  # (a second quotation carries its own statement)
    found = find_subject(run, sentence.char_start, verb.start())
    if found is not None:
        _emit(run, found, "indirect", joint.end(), _content_end(body, sentence), sentence, word, 0.7,
              (sentence.char_start, verb.end()))
_PLAIN_SAY = frozenset(
    [*"said says say told tells added adds wrote writes tweeted".split(), "was telling", "were telling", "been telling"]
)


def _emit_attributed_clause(
    run: _Run, found: _Found, start: int, end: int, evidence: Span, word: str, attribution: tuple[int, int]
) -> None:
    """A clause reported by an attribution set apart from it ('..., diplomats said'): its statements carry the
    "(end)" mark that _reconcile reads."""
    count = len(run.statements)
    _emit(run, found, "indirect", start, end, evidence, word, 0.75, attribution)
    for st in run.statements[count:]:
        st.cue = f"{word} (end)"


def _quote_words_at(run: _Run, offset: int) -> int:
    for q in run.quotes:
        if q.open == offset:
            return _words(run.ctx.body[q.open + 1 : q.close])
    return 0


def _short_quote_at(run: _Run, offset: int) -> bool:
    for q in run.quotes:
        if q.open == offset:
            return _words(run.ctx.body[q.open + 1 : q.close]) < LONG_QUOTE_WORDS
    return False


def _content_end(body: str, sentence: Span) -> int:
    end = sentence.char_end
    while end > sentence.char_start and body[end - 1] in ".!? ":
        end -= 1
    return end


_TOLD_OBJECT = re.compile(
    r"\s+(?:(?:reporters|journalists|lawmakers|the\s+press|the\s+media|parliament|him|her|them|us|me)\b|"
    r"the\s+(?:[A-Z][\w.-]*\s+)*[a-z]+(?=\s+(?:that|on|in|his|her|their|its|the|a|an|[a-z]+ed)\b)|"
    # an outlet the finder does not know: "told The New Arab that ...", "..., sources told Libya Review."
    r"(?:[Tt]he\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}(?=\s+that\b|\s*[.;]\s|\s*[.;]?$))"
)


def _skip_after_say(run: _Run, word: str, pos: int, end: int) -> int:
    ctx, body, rules = run.ctx, run.ctx.body, run.rules
    if word in ("told", "tells") or word.endswith(" telling"):
        obj = next(iter(ctx.mentions_in(pos, min(end, pos + 60))), None)
        gap = body[pos : obj.char_start] if obj else ""
        if obj is not None and re.fullmatch(r"\s+(?:the\s+)?", gap):
            pos = obj.char_end
            news = re.match(r"\s+(?:news\s+agency|newspaper|broadcaster|television|TV)\b", body[pos:end])
            if news:
                pos += news.end()
            # ("told Italian investigators that": the rest of the object's noun phrase before "that")
            rest = re.match(r"(?:\s+[a-z][\w-]+){1,2}(?:\s+(?:on|last|this|earlier)\s+\w+)?(?=\s+that\b)",
                            body[pos:end])
            if rest:
                pos += rest.end()
        else:
            told = _TOLD_OBJECT.match(body, pos, end)
            if told:
                pos = told.end()
    for _ in range(6):
        match = rules.fillers_at_start.match(body, pos, end)
        if not match or match.end() == pos:
            break
        pos = match.end()
    that = re.match(r"\s*,?\s*(?:that\b)?\s*[:,]?\s*", body[pos:end])
    return pos + (that.end() if that else 0)


def _according_to(run: _Run, sentence: Span) -> None:
    body = run.ctx.body
    matches = [
        *_ACCORDING.finditer(body, sentence.char_start, sentence.char_end),
        *_IN_VIEW.finditer(body, sentence.char_start, sentence.char_end),
    ]
    for match in matches:
        np_start, np_end = match.start("np"), match.end("np")
        issued = re.match(r"(?:an?|the)\s+(?:\w+\s+){0,2}?(?:statement|report|communique|release)\s+(?:from|by|of)\s+",
                          body[np_start:np_end])
        if not issued:
            np_end = _cut_np(run.rules, body, np_start, np_end)
        # "according to diplomats and U.N. experts": each conjunct is a source
        parts = [(np_start, np_end)] if issued else _conjuncts(body, np_start, np_end)
        speakers: list[Speaker] = []
        for part_start, part_end in parts:
            found = _source_np(run, part_start, part_end)
            if found is not None:
                speakers.extend(s for s in found.speakers if s not in speakers)
        if not speakers:
            continue
        found = _Found(speakers, np_start)
        lead_end = match.end() if match.re is _IN_VIEW else match.end("np")  # (after "In Cairo's view,")
        after = body[lead_end : lead_end + 2]
        if match.start() - sentence.char_start < 3:  # "According to X, CLAUSE."
            content_start, content_end = lead_end, _content_end(body, sentence)
        elif _RELATIVE_LEAD.search(body[max(sentence.char_start, match.start() - 12) : match.start()]) and (
            not body[lead_end : lead_end + 2].startswith(",") or lead_end - np_end > 8
        ):  # "The UAE, which according to the panel supplied drones, ...": the rest of the relative clause
            source = next(iter(run.ctx.mentions_in(np_start, lead_end)), None)
            content_start = source.char_end if source is not None else np_end
            comma = body.find(",", content_start, sentence.char_end)
            content_end = comma if comma != -1 else _content_end(body, sentence)
        elif re.match(r",\s*$", body[match.start() - 2 : match.start()]) and after.startswith(",") and (
            re.match(r"[^,;]*$", body[sentence.char_start : match.start() - 2])
        ):  # "Jordan, according to the report, provided ...": the sentence around the aside
            content_start, content_end = sentence.char_start, _content_end(body, sentence)
        else:  # "CLAUSE, according to X."
            content_start = sentence.char_start
            for b in _CLAUSE_BOUNDARY.finditer(body, sentence.char_start, match.start()):
                content_start = b.end()
            content_end = match.start()
        _emit(
            run,
            found,
            "indirect",
            content_start,
            content_end,
            sentence,
            "according to",
            0.7,
            (sentence.char_start, sentence.char_end),
        )
        for st in run.statements[-len(found.speakers) :]:
            st.cue = "according to (end)"


_QUOTED_AS_FORWARD = re.compile(
    rf"{_QUOTED_ONE}(?:saying|telling\s+(?:\w+\s+){{1,3}}?)\s*(?:that\s+)?(?=[^“”\"\s])"
)


def _quoted_one(ctx: ArticleContext, start: int, end: int) -> Mention | None:
    """The one quoted in '... quoted LNA spokesman Ahmed al-Mismari as saying': the person, else the last name."""
    mentions = ctx.mentions_in(start, end)
    persons = [m for m in mentions if ctx.actor_type(m.actor_name) == "person"]
    return persons[-1] if persons else (mentions[-1] if mentions else None)


_WAS_QUOTED = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+quoted\s+(?:by\s+(?:[\w-]+\s+){1,4}?)?as\s+saying\s+(?:that\s+)?"
    r"(?=[^“”\"\s])"
)


def _quoted_as(run: _Run, sentence: Span) -> None:
    """'State media quoted Haftar as saying the army would advance': the one quoted is the speaker; also
    'al-Mishri was quoted by local television as saying that ...'."""
    ctx, body = run.ctx, run.ctx.body
    for match in _WAS_QUOTED.finditer(body, sentence.char_start, sentence.char_end):
        found = find_subject(run, sentence.char_start, match.start())
        if found is not None and found.speakers:
            _emit(run, found, "indirect", match.end(), _content_end(body, sentence), sentence, "said", 0.7,
                  (sentence.char_start, sentence.char_end))
    for match in _QUOTED_AS_FORWARD.finditer(body, sentence.char_start, sentence.char_end):
        speaker = _quoted_one(ctx, match.start("np"), match.end("np"))
        if speaker is None:
            continue
        found = _Found([_speaker_of(ctx, speaker)], speaker.char_start)
        _emit(run, found, "indirect", match.end(), _content_end(body, sentence), sentence, "said", 0.7,
              (sentence.char_start, sentence.char_end))


# "Britain joined the United States, France and Italy in a joint statement that condemned ..." / "France joined
# Germany in calling for ...": every party named speaks.
_JOINED = re.compile(
    r"\bjoined\s+(?P<list>[^.;:“”\"]{2,160}?)\s+in\s+(?:(?:an?|their|its)\s+(?:joint\s+)?"
    r"(?:statement|declaration|communiqu[eé]|letter|appeal)\s+(?:that|which)\s+(?P<verb>[a-z]+)|"
    r"(?P<gerund>calling|urging|condemning|demanding|warning|denouncing|welcoming|rejecting|expressing|voicing)\b)"
)


def _joined(run: _Run, sentence: Span, first_new: int) -> None:
    ctx, body = run.ctx, run.ctx.body
    for match in _JOINED.finditer(body, sentence.char_start, sentence.char_end):
        if match.group("verb") and not run.rules.verbs.fullmatch(match.group("verb")):
            continue
        subject = find_subject(run, sentence.char_start, match.start())
        if subject is None or not subject.speakers:
            continue
        partners = [
            m for m in ctx.mentions_in(match.start("list"), match.end("list"))
            if m.surface_form.lower() not in _PERSONAL and not ctx.is_demonym(m)
        ]
        if not partners:
            continue
        speakers = list(subject.speakers)
        for m in partners:
            speaker = _speaker_of(ctx, m)
            if all(speaker.name != s.name for s in speakers):
                speakers.append(speaker)
        start = match.start("verb") if match.group("verb") else match.start("gerund")
        end = _content_end(body, sentence)
        # (the verb reports inside the joint statement are its content, not statements of the last partner)
        run.statements[first_new:] = [
            st for st in run.statements[first_new:] if not start <= st.char_start < end
        ]
        cue = match.group("verb") or match.group("gerund")
        _emit(run, _Found(speakers, subject.np_start), "indirect", start, end, sentence, cue, 0.7,
              (sentence.char_start, sentence.char_end))


def _conjuncts(body: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, at = [], start
    for link in re.finditer(r"\s*,?\s+and\s+|\s*,\s+", body[start:end]):
        parts.append((at, start + link.start()))
        at = start + link.end()
    parts.append((at, end))
    return parts


def _lower_institution(run: _Run, start: int, end: int) -> _Found | None:
    """'the health ministry said', 'according to the judicial police': a public body named in lower case, kept as a
    discovered institution under its name as written ("Health Ministry")."""
    body = run.ctx.body
    start, end = _trim(body, start, end)
    while end > start and body[end - 1] in ".!?":
        end -= 1
    match = run.rules.lower_institution.search(body[start:end])  # (a slice: "^" is its start)
    if match is None or len(match.group("np").split()) < 2 or run.ctx.mentions_in(start + match.start("np"), end):
        return None
    np = re.sub(r"\s+", " ", match.group("np"))
    if np.split()[0] in run.rules.lower_body_non_names:
        return None
    name = " ".join(w if w in ("of", "for") else w[:1].upper() + w[1:] for w in np.split())
    actor_type = run.rules.lower_body_types.get(re.sub(r"\s+", " ", match.group("head")), "government")
    run.extra_actors.setdefault(name, ActorRef(name=name, actor_type=actor_type, is_discovered=True, description=np))
    return _Found([Speaker(name, via="institution")], start + match.start("np"))


def _source_np(run: _Run, start: int, end: int) -> _Found | None:
    """Who a source phrase names: an unnamed source, a document's issuer, or the first actor in it."""
    ctx, body = run.ctx, run.ctx.body
    trimmed_start, trimmed_end = _trim(body, start, end)
    # "according to a spokesman for the health ministry"
    spokesperson = _unnamed_spokesperson(run.rules, body[trimmed_start:trimmed_end], trimmed_start)
    if spokesperson is not None:
        return spokesperson
    lower = _lower_institution(run, start, end)
    if lower is not None:
        return lower
    mentions = [m for m in ctx.mentions_in(start, end) if m.surface_form.lower() not in ("his", "her")]
    if mentions and mentions[-1].char_end == trimmed_end and len(mentions[-1].surface_form) > 3:
        # the whole phrase is an actor's name ("U.N. experts" for the Panel of Experts)
        return _Found([_speaker_of(ctx, mentions[-1])], mentions[-1].char_start)
    anonymous = _anonymous_subject(run, start, end)
    if anonymous is not None:
        return anonymous
    if run.rules.document_nouns.search(body, start, end):
        return _document_subject(run, start, end)
    if mentions:
        return _Found([_speaker_of(ctx, mentions[0])], mentions[0].char_start)
    return None


def _near(statements: list[Statement], starts: list[int], lo: int, hi: int) -> list[Statement]:
    """Statements (sorted by char_start) whose start lies in [lo, hi)."""
    return statements[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def _reconcile(run: _Run) -> None:
    body = run.ctx.body
    statements = sorted(run.statements, key=lambda s: s.char_start)
    directs = [s for s in statements if s.kind == "direct"]
    indirects = [s for s in statements if s.kind == "indirect"]
    d_starts = [s.char_start for s in directs]
    i_starts = [s.char_start for s in indirects]
    keep: list[Statement] = []
    for st in statements:
        if st.kind == "indirect":
            inside_directs = _near(directs, d_starts, st.char_start, st.char_end + 1)
            # An indirect lead-in to a long direct quotation by the same speaker is that quotation.
            if any(
                d.speaker_name == st.speaker_name
                and d.char_end <= st.char_end + 1
                and _words(body[d.char_start : d.char_end]) >= LONG_QUOTE_WORDS
                # ('he had decided to leave the city "to preserve ..."': a reported clause of its own, kept)
                and _words(body[st.char_start : d.char_start]) <= 4
                for d in inside_directs
            ):
                continue
            # 'described the move as "a flagrant breach"': the label in quotation marks is the statement
            if (st.cue or "") in _NAMING_CUES and any(
                d.speaker_name == st.speaker_name and d.cue == st.cue and st.char_start <= d.char_start < st.char_end
                for d in inside_directs
            ):
                continue
            # (co-speakers of one attribution share its span: "according to diplomats and U.N. experts")
            inside = [
                o
                for o in _near(indirects, i_starts, st.char_start, st.char_end)
                if o is not st
                and (o.char_start, o.char_end, (o.cue or "").removesuffix(" (end)"))
                != (st.char_start, st.char_end, (st.cue or "").removesuffix(" (end)"))
            ]
            # "X said Y, diplomats said": an end attribution whose clause carries another speaker's statement.
            if st.cue and st.cue.endswith("(end)") and any(o.speaker_name != st.speaker_name for o in inside):
                continue
            # An unnamed source around a named speaker's statement ("who diplomats said appealed ...",
            # "..., diplomats said, as Russia objected ...") only relays it.
            if st.is_anonymous:
                same_sentence = _near(indirects, i_starts, st.evidence_start, st.evidence_end)
                if any(not o.is_anonymous for o in inside) or (
                    st.cue == "said (end)"
                    and any(not o.is_anonymous and o.evidence_start == st.evidence_start for o in same_sentence)
                ):
                    continue
            if st.cue and st.cue.endswith("(end)"):
                st.cue = st.cue[: -len(" (end)")]
        else:
            # A short quotation inside the same speaker's reported clause is part of it (unless a naming verb
            # makes it the speaker's own label: '..., calling their presence "a shocking violation"').
            short = _words(body[st.char_start : st.char_end]) < LONG_QUOTE_WORDS
            if (st.cue or "") not in _NAMING_CUES and short and any(
                i.speaker_name == st.speaker_name
                and i.is_anonymous == st.is_anonymous
                and i.char_start < st.char_start
                and st.char_end <= i.char_end
                for i in _near(indirects, i_starts, st.char_start - MAX_SENTENCE_CHARS, st.char_start)
            ):
                continue
        keep.append(st)
    # Exact duplicates go. Two quotations of one speaker stay two statements, even in one sentence: '"A," he said,
    # "but B."' quotes two things, and the span between them is the attribution, not the speaker's words.
    merged: list[Statement] = []
    for st in sorted(keep, key=lambda s: (s.char_start, s.speaker_name or "")):
        if any(
            m.speaker_name == st.speaker_name
            and m.is_anonymous == st.is_anonymous
            and m.char_start == st.char_start
            and m.char_end == st.char_end
            for m in merged[-8:]
        ):
            continue
        merged.append(st)
    run.statements = merged
