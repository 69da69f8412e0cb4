"""Events: things that happened, typed by the fixed ontology, with participants, date and place.

Triggers are data (`loaders/rules/events.yaml`). A verb trigger makes an event unless its clause marks it as
negated, hypothetical or future ("could meet", "plans to", "refused to"); a noun trigger ("the bombing", "the
offensive") counts only when dated or given an agent, and never re-counts an event already reported. Participants
are the actors of the trigger's clause, subject first. Events re-described later in the article (same type,
overlapping participants, compatible dates) collapse into the first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from loaders.extract import clauses
from loaders.extract.context import ArticleContext
from loaders.extract.prefixes import PrefixIndex
from loaders.model import Allegation, Event, FuzzyDate, Mention, Participant, Span

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|with|by|from|to|in|for|against|alongside|on|at|into|toward|towards|about|over|than|between|among|"
    r"via|through|under|after|near|including)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:said|says|told|reported|announced|added|stated|noted|claimed)\b", re.IGNORECASE
)
_LOCATION = re.compile(
    r"\b(?:in|near|at|outside|around|on the outskirts of|south of|north of|east of|west of)\s+"
    r"((?:the\s+)?(?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|of|al-\w+))*)"
)
_CALENDAR_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
# "On 25 July Macron received ...": a date opening the clause, not a preposition's object before the subject
_DATE_ADVERBIAL = re.compile(
    rf"(?:^|[,;]\s*|^\s*)(?:[Oo]n|[Ii]n|[Bb]y)\s+(?:(?:\d{{1,2}}|{_CALENDAR_WORDS}|(?:19|20)\d\d),?\s+){{1,3}}$"
)
_NOT_PLACE = re.compile(rf"^(?:the\s+)?(?:{_CALENDAR_WORDS}|The|A|An|Early|Late|Mid)\b")
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their|rogue|then|former|long-?time|top|senior|visiting|"
    r"[a-z][\w-]*)\s+){0,6}?(?=[A-Z])"
)
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'’-]+")
# Subordinators whose clause states a past fact whatever the main clause's mood.
_FACTUAL_SUBORDINATE = re.compile(r"\b(?:since|after|because|when)\s+(?=(?:the\s+)?[A-Z])")
_TO_BEFORE = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# (a fact despite the infinitive: "began to", "became the first country to recognise")
_CONTINUE_TO = re.compile(
    r"\b(?:(?:began|begun|started|continued|continues|went on)\s+to"
    r"|(?:first|second|last|only)\s+(?:[\w-]+\s+){0,2}?to)\s+$",
    re.IGNORECASE,
)
_PARTICIPANT_BOUNDARY = re.compile(
    r",\s*(?:after|before|as|when|because|which|who|whose|where|since|amid|following|according to)\b"
    r"|,\s+(?:the|a|an)\s+(?:biggest|largest|first|latest|most|major|key|new|second|third|fresh|further|significant)\b"
    r"|\s+and\s+(?:it|he|she|they|the|this|that)\b|\s+(?:after|because|since|when|as)\s+(?=[a-z]+\s)",
)
_WORD = re.compile(r"[A-Za-z0-9][\w.'’-]*")
# "Forces aligned with Libya's internationally recognised government seized ...": the government is the actor.
# Forces that serve a party: "forces loyal to the GNA", "fighters allied with the LNA"
_SERVING_FORCES = (
    r"\b(?:forces|fighters|troops|militias|units|brigades)\s+(?:aligned\s+with|loyal\s+to|allied\s+(?:with|to)|backing|of)"
    r"\s+"
)
# "Forces loyal to the GNA retook ...": the party the forces serve is the subject
_LOYAL_FORCES = re.compile(_SERVING_FORCES + r"(?:the\s+)?$", re.IGNORECASE)
_FORCES_OF_GOVERNMENT = re.compile(
    _SERVING_FORCES + r"(?P<gov>(?:Libya['’]s\s+|the\s+)?(?:[\w-]+\s+){0,3}?government)\b", re.IGNORECASE
)
_RELIEF = re.compile(
    r"\b(?:humanitarian|relief|rescue|aid|medical|ambulances|search(?: and rescue)?|field hospitals?|evacuat\w+)\b",
    re.IGNORECASE,
)
# Natural disasters and crises "strike" and "kill" too: not attacks.
_NATURAL_SUBJECT = re.compile(
    r"\b(?:floods?|flooding|storms?|hurricane|earthquake|quake|disaster|pandemic|virus|coronavirus|outbreak|crisis|"
    r"fire|blaze|drought|heatwave|(?-i:(?:[Ss]torm|[Hh]urricane|[Cc]yclone)\s+[A-Z][a-z]+))"
    r"\s+(?:that\s+|which\s+|has\s+|had\s+|have\s+)?$",
    re.IGNORECASE,
)
# ("the Council of the EU" is no UN body)
_UN_COUNCIL = re.compile(
    r"\b(?:the|a|united)\s+(?:Security\s+)?Council\b(?!\s+of\s+the\s+(?:EU|European))|\bGeneral Assembly\b"
)
# Where a supply went: a named place or party after "to", "into", "in" or "at" ("sent a plane to Kufra").
_DESTINATION = re.compile(
    rf"\b(?:to|into|in|at)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,4}}?(?!(?:{_CALENDAR_WORDS})\b)(?:[A-Z]|[ae]l-[A-Z])"
)
_SUBORDINATOR = re.compile(r"\b(?:after|before|when|while|since|until|because|as|though|although|once)\b", re.I)
_AND_LINK = re.compile(r"^\s*(?:,\s*|\s+and\s+|,\s+and\s+)$")


@dataclass(frozen=True)
class _Trigger:
    type: str
    pattern: re.Pattern[str]
    noun: bool
    object: bool
    min_participants: int
    subject: str | None
    object_type: tuple[str, ...]
    agent: str | None
    refers: bool
    not_after: re.Pattern[str] | None
    object_retype: dict[str, str]  # the object's actor type -> the event's type ("the fall of Gaddafi": other)
    purpose_retype: tuple[tuple[re.Pattern[str], str], ...]  # text after the trigger -> the event's type
    absorbed_by: str | None  # an event type that, told later in the sentence by the same initiator, replaces this one
    separate: bool  # a background fact in passing: its own row and its own words as evidence, never merged in a clause
    narrated: bool  # only as the outlet's own narration: not with hearsay in its sentence nor in a relative clause


@dataclass(frozen=True)
class _SupplyRules:
    """Which narrated supplies are also events (events.yaml `supply_events`)."""

    deploy: re.Pattern[str]
    move: re.Pattern[str]
    personnel: frozenset[str]
    hearsay: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    triggers: tuple[_Trigger, ...]
    irrealis: re.Pattern[str]
    priority: dict[str, int]
    split_distance: int  # two triggers of one type in one clause this far apart (and differently worded) are two events
    index: PrefixIndex  # which triggers can start at a word, from their literal prefixes
    supply: _SupplyRules


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = clauses.load_rules("events")
    triggers = []
    for raw in data["triggers"]:
        triggers.append(
            _Trigger(
                type=raw["type"],
                pattern=re.compile(rf"(?<![\w-])(?:{raw['pattern']})(?![\w-])", re.IGNORECASE),
                noun=bool(raw.get("noun")),
                object=bool(raw.get("object")),
                min_participants=int(raw.get("min_participants", 1 if not raw.get("noun") else 0)),
                subject=raw.get("subject"),
                object_type=tuple(raw.get("object_type", ())),
                agent=raw.get("agent"),
                refers=bool(raw.get("refers")),
                not_after=re.compile(rf"(?:{raw['not_after']})\s*$", re.IGNORECASE) if raw.get("not_after") else None,
                object_retype={str(k): str(v) for k, v in raw.get("object_retype", {}).items()},
                purpose_retype=tuple(
                    (re.compile(rf"\b(?:{k})", re.IGNORECASE), str(v)) for k, v in raw.get("purpose_retype", {}).items()
                ),
                absorbed_by=raw.get("absorbed_by"),
                separate=bool(raw.get("separate")),
                narrated=bool(raw.get("narrated")),
            )
        )
    return _Rules(
        triggers=tuple(triggers),
        index=PrefixIndex([t.pattern for t in triggers]),
        irrealis=clauses.irrealis_pattern(tuple(data["irrealis"])),
        priority={t: i for i, t in enumerate(data["priority"])},
        split_distance=int(data["split_distance"]),
        supply=_SupplyRules(
            deploy=clauses.irrealis_pattern((data["supply_events"]["deploy_verbs"],)),
            move=clauses.irrealis_pattern((data["supply_events"]["move_verbs"],)),
            personnel=frozenset(data["supply_events"]["personnel"]),
            hearsay=clauses.irrealis_pattern((data["supply_events"]["hearsay"],)),
        ),
    )


@dataclass
class _Candidate:
    event: Event
    clause: Span
    trig_start: int
    trig_end: int
    noun: bool
    agent: str | None = None
    absorbed_by: str | None = None
    separate: bool = False
    possessive: bool = False  # its agent is a possessor ("Haftar's assault on Tripoli"), the weakest telling


def extract_events(ctx: ArticleContext) -> list[Event]:
    rules = _rules()
    candidates: list[_Candidate] = []
    for sentence in ctx.sentences:
        if clauses.is_furniture(ctx, sentence.char_start):
            continue
        found: list[_Candidate] = []
        for trigger, match in _trigger_matches(ctx.body, rules, sentence):
            candidate = _candidate(ctx, rules, trigger, sentence, match)
            if candidate is not None:
                found.append(candidate)
        candidates.extend(_resolve_sentence(rules, ctx, found))
    # A speaker's own words in quotation marks claim, they do not narrate: no event from inside a quotation.
    candidates = [c for c in candidates if not _in_long_quotation(ctx, c.trig_start)]
    candidates.sort(key=lambda c: c.trig_start)
    return _dedupe(ctx, candidates)


def _own_account(ctx: ArticleContext, row: Allegation) -> bool:
    """'The French military acknowledged that its aircraft had dropped arms': the supplier's own account of its
    supply is no charge by someone else; the move is told as a fact."""
    supplier = clauses.foreign_state(ctx, row.supplier_name)
    if clauses.foreign_state(ctx, row.alleged_by_name or "") == supplier:
        return True
    for word in re.findall(r"[A-Z][\w-]+", row.alleged_by_name or ""):  # "French military", "Turkish officials"
        entry = ctx.gazetteer.lookup_name_or_demonym(word)
        if entry is not None and entry.name == supplier:
            return True
    return False


def supply_events(ctx: ArticleContext, rows: list[Allegation], triggered: list[Event] = ()) -> list[Event]:
    """The supplies the outlet narrates with a verb of movement, as deployment or arms_supply events: the
    allegation rows whose clause tells the move itself, unattributed and outside quotation marks, and not already
    an event of the triggers (`triggered`)."""
    rules = _rules().supply
    body = ctx.body
    found: list[Event] = []
    for row in rows:
        if (
            row.alleged_by_name and not _own_account(ctx, row)
            or _in_long_quotation(ctx, row.evidence_start)
            or clauses.is_libyan(ctx, row.supplier_name)  # (a Libyan party's moves are told by the triggers)
        ):
            continue
        clause = clauses.clause_of(ctx, row.evidence_start)
        end = max(row.evidence_end, clause.char_end)
        # (the first verb of movement: "Turkey sent vehicles to Tripoli, where GNA forces deployed them" is a supply)
        verbs = [m for m in (rules.deploy.search(body, row.evidence_start, end),
                             rules.move.search(body, row.evidence_start, end)) if m is not None]
        verb = min(verbs, key=lambda m: m.start(), default=None)
        if verb is None:
            continue
        if not _narrated(ctx, rules, clauses.sentence_of(ctx, verb.start()), clause, verb.start()):
            continue
        if not _DESTINATION.search(body, verb.end(), clause.char_end) and not any(
            clauses.is_libyan(ctx, m.actor_name) for m in ctx.mentions_in(verb.end(), clause.char_end)
        ):
            continue  # ("Russia moved hardware after the collapse of the Assad regime": moved where?)
        personnel = set(row.materiel) <= rules.personnel
        event_type = "deployment" if personnel or rules.deploy.fullmatch(verb.group()) else "arms_supply"
        if any(e.event_type == event_type and e.evidence_start <= verb.start() < e.evidence_end for e in triggered):
            continue  # ("Wagner fighters first deployed to Libya": the trigger's deployment already)
        parties = [Participant(row.supplier_name, "initiator")]
        if row.recipient_name:
            parties.append(Participant(row.recipient_name, "target"))
        date = clauses.date_near(ctx, clause.char_start, clause.char_end)
        same_clause = next(
            (e for e in found if e.event_type == event_type and e.evidence_start == clause.char_start), None
        )
        if same_clause is not None:
            # "Turkish personnel and Syrian fighters began arriving in Tripoli": one move, two senders
            if all(p.actor_name != row.supplier_name for p in same_clause.participants):
                same_clause.participants.insert(1, Participant(row.supplier_name, "initiator"))
            continue
        told = next(
            (e for e in found if e.event_type == event_type and e.participants[0].actor_name == row.supplier_name
             and _dates_compatible(e.occurred, date)),
            None,
        )
        if told is not None:
            if told.occurred is None and date is not None:
                found.remove(told)  # the same move told again: the dated telling ("in a lede, then dated below")
            else:
                continue
        found.append(
            Event(
                event_type=event_type,
                participants=parties,
                evidence_start=clause.char_start,
                evidence_end=clause.char_end,
                occurred=date,
                location_text=_location(body, verb.end(), clause.char_end),
                confidence=min(row.confidence, 0.6),
                trigger=verb.group(),
            )
        )
    return found


def _narrated(ctx, rules: _SupplyRules, sentence: Span, clause: Span, at: int) -> bool:
    """The outlet tells it itself: no hearsay before or after it in its sentence ("Egypt shipped vehicles to
    Benghazi, diplomats reportedly said") and not in passing, in a relative clause ("Turkey, which has openly shipped
    armoured vehicles to Tripoli")."""
    body = ctx.body
    return not (
        any(not _EVIDENCE_CITED.match(body, cue.end()) for cue in rules.hearsay.finditer(body, sentence.char_start,
                                                                                          sentence.char_end))
        or clauses.in_relative_clause(body, clause.char_start, at)
        or _RELATIVE_VERB.search(body, max(clause.char_start, at - 40), at) is not None
    )


# "according to satellite imagery reviewed by Naval News": the outlet cites evidence it has seen, not hearsay
_EVIDENCE_CITED = re.compile(
    r"(?<=according)\s+to\s+(?:[\w-]+\s+){0,3}?(?:imagery|images|photographs|photos|footage|data|records|documents)\b"
)


# "the mercenaries who first arrived in Libya", "al-Jufra, where they arrived repainted": a move told in a relative
# clause right before the verb is background to its antecedent
_RELATIVE_VERB = re.compile(r"\b(?:who|which|that|where\s+(?:they|it|he|she))\s+(?:(?:first|had|have|has|were|was|"
                            r"later|then|also|originally|initially)\s+){0,2}$")


# ---------------------------------------------------------------------------------------------------------------


def _in_long_quotation(ctx, offset: int) -> bool:
    span = ctx.quotation_at(offset)
    return span is not None and span[1] - span[0] - 2 >= 20  # (a two-word scare quote narrates)


def _trigger_matches(body: str, rules: _Rules, sentence: Span):
    """(trigger, match) for every trigger starting anywhere in the sentence. One combined scan finds the start
    positions; each trigger is then tried there, so overlapping triggers of different types are all seen."""
    end = sentence.char_end
    triggers, candidates = rules.triggers, rules.index.candidates
    for word in _WORD.finditer(body, sentence.char_start, end):
        for index in candidates(body, word.start()):
            match = triggers[index].pattern.match(body, word.start(), end)
            if match is not None:
                yield triggers[index], match


def _candidate(ctx, rules: _Rules, trigger: _Trigger, sentence: Span, match: re.Match) -> _Candidate | None:
    body = ctx.body
    start, end = match.start(), match.end()
    clause = clauses.clause_of(ctx, start)
    before = body[clause.char_start : start]
    # "operated without an envoy since Kubis resigned": a cue before a factual subordinate clause is not its own
    factual = clauses.last_match(_FACTUAL_SUBORDINATE, before)
    if clauses.has_cue(rules.irrealis, before[factual.end() if factual else 0 :][-45:]):
        return None
    if trigger.not_after is not None and trigger.not_after.search(before[-60:]):
        return None  # "told Reuters by telephone": how something was said, not an event
    if _TO_BEFORE.search(before) and not _CONTINUE_TO.search(before):
        return None  # "to seize Tripoli", "in a bid to end his offensive": purpose, not fact
    # (the subject right before a trigger that is itself a speech verb, "The LNA announced a ceasefire", stays)
    mentions = [
        m for m in ctx.mentions_in(clause.char_start, clause.char_end)
        if _participant_ok(ctx, m) or re.fullmatch(r"\s+", body[m.char_end : start] or "x")
    ]
    if trigger.type == "meeting":
        # ("World leaders meeting in Berlin", "talks in Berlin at which the JMC was formed": the host state counts)
        mentions = _merged(mentions, [v for v in ctx.venues if clause.char_start <= v.char_start < clause.char_end])
    subject = (
        _relative_antecedent(ctx, clause, start)
        or _subject(ctx, mentions, clause, start)
        or _own_account_speaker(ctx, clause, start)
    )
    if subject is not None and subject not in mentions:
        mentions = _merged(mentions, [subject])
    if subject is None or not clauses.is_libyan(ctx, subject.actor_name):
        forces = _FORCES_OF_GOVERNMENT.search(body, clause.char_start, start)
        if forces is not None and (
            subject is None or subject.char_start > forces.end() or subject.char_end <= forces.start()
        ):
            name = clauses.government_by_cue(ctx, forces.group("gov"), forces.start("gov"))
            if name:
                synthetic = Mention(name, forces.group("gov"), forces.start("gov"), forces.end("gov"))
                mentions = sorted(
                    [*[m for m in mentions if not (forces.start() <= m.char_start < forces.end())], synthetic],
                    key=lambda m: m.char_start,
                )
                subject = synthetic
    obj = _object(ctx, mentions, end, clause.char_end)
    if trigger.object:
        if obj is None and not (
            _OBJECT_GAP.match(body, end) and _CAPITALISED_NAME.match(body, _OBJECT_GAP.match(body, end).end())
        ):
            return None
        if trigger.object_type and (obj is None or clauses.actor_type(ctx, obj.actor_name) not in trigger.object_type):
            return None
    elif trigger.object_type:
        if obj is None or clauses.actor_type(ctx, obj.actor_name) not in trigger.object_type:
            return None
    if trigger.subject == "un" and not _is_un_subject(ctx, clause, start, subject):
        return None
    if trigger.subject == "not_un" and _is_un_subject(ctx, clause, start, subject):
        return None
    if trigger.subject == "libyan" and (subject is None or not clauses.is_libyan(ctx, subject.actor_name)):
        return None
    if trigger.subject == "foreign" and (subject is None or clauses.is_libyan(ctx, subject.actor_name)):
        return None
    if trigger.narrated and not _narrated(ctx, rules.supply, sentence, clause, start):
        return None  # ("Wagner has 1,200 people deployed in Libya, the UN report said": a finding, see supply_events)
    if trigger.subject == "pair" and not _pair_subject(ctx, mentions, clause, start):
        return None
    if trigger.subject == "near" and not _near_subject(ctx, subject, start):
        return None  # "fighters recruited by Turkey had arrived in Libya": only an actor can visit
    if trigger.type == "attack" and _NATURAL_SUBJECT.search(body[max(clause.char_start, start - 40) : start]):
        return None
    event_type = trigger.type
    if obj is not None and trigger.object_retype:
        event_type = trigger.object_retype.get(clauses.actor_type(ctx, obj.actor_name) or "", event_type)
    for purpose, retype in trigger.purpose_retype:
        if purpose.search(body, end, clause.char_end):
            event_type = retype
            break
    if event_type == "deployment" and _RELIEF.search(body, clause.char_start, clause.char_end):
        event_type = "other"  # "units mobilised for the rescue effort": relief, not a military deployment
    date, agent = None, None
    if trigger.noun:
        date = clauses.date_near(ctx, max(clause.char_start, start - 25), min(clause.char_end, end + 70))
        agent = _noun_agent(ctx, trigger, mentions, start, end)
        if date is None and agent is None and not trigger.separate:
            return None  # (a background fact's own words carry its time: "the embargo imposed a decade ago")
        if trigger.agent and agent is None:
            return None
    else:
        # The date after the trigger in its clause, else before it, else anywhere in the sentence.
        date = (
            clauses.date_near(ctx, start, clause.char_end)
            or clauses.date_near(ctx, clause.char_start, start)
            or clauses.date_near(ctx, sentence.char_start, sentence.char_end)
        )
    # "to support Haftar's offensive on Tripoli": a possessed offensive is named in passing, in its own words
    own = _possessed_span(body, agent, start, end) if trigger.noun else None
    possessive = own is not None
    separate = trigger.separate or possessive
    own_start, own_end = own or (start, end)
    window_start = clause.char_start
    if subject is not None:
        window_start = clauses.coordination(ctx, mentions, mentions.index(subject))[0].char_start
    boundary = _PARTICIPANT_BOUNDARY.search(body, end, clause.char_end)
    window_end = boundary.start() if boundary else clause.char_end
    if separate:
        window_start, window_end, subject = own_start, own_end, agent  # the fact's own words name its parties
    elif trigger.noun:
        # A noun phrase's participants: its agent and the actors inside the phrase ("toppling of X by Y").
        window_start = min(window_start, start) if subject is not None else start
        window_end = min(window_end, end + 70)
        subject = agent or subject
    scoped = [m for m in mentions if window_start <= m.char_start < window_end]
    if agent is not None and agent not in scoped:
        scoped = [agent, *scoped]
    if obj is not None and not (window_start <= obj.char_start < window_end):
        obj = None
    participants = _participants(ctx, scoped, subject, obj, trigger, start, end)
    if not trigger.noun and _is_passive(body, start, match.group()):
        participants = _passive_roles(body, participants, scoped, start, end, clause.char_end, event_type)
    elif re.search(r"\b(?:fell|fallen)\s+to$", match.group()):
        # "the base had fallen to GNA forces": the force it fell to took it
        participants = [Participant(p.actor_name, "initiator" if p.role == "target" else p.role) for p in participants]
    if len(participants) < trigger.min_participants:
        return None
    event = Event(
        event_type=event_type,
        participants=participants,
        evidence_start=own_start if separate else clause.char_start,
        evidence_end=own_end if separate else clause.char_end,
        occurred=date,
        location_text=_location(body, end, clause.char_end) or _location(body, clause.char_start, start),
        confidence=0.5 if trigger.noun else 0.65,
        trigger=match.group(),
    )
    agent_name = clauses.faction(ctx, agent.actor_name) if trigger.noun and agent is not None else None
    absorbed_by = trigger.absorbed_by if event_type == trigger.type else None
    return _Candidate(
        event, clause, start, end, trigger.noun or trigger.refers, agent_name, absorbed_by, separate, possessive
    )


# (a participle coordinated after another shares its auxiliary: "was captured and killed")
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(?:[a-z]+ed\s+(?:and|or)\s+)?$", re.IGNORECASE
)
_PASSIVE_LEAD = re.compile(r"(?:was|were|been|being|is|are)\s", re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?")
_OTHER_VERB = re.compile(r"\b(?:and|but|has|have|had|is|are|was|were|been|which|who|that)\b")


def _is_passive(body: str, start: int, trigger_text: str) -> bool:
    """'Gaddafi was killed', 'Sirte was captured by the GNA': the subject undergoes the event (not in the
    progressive, 'drones are bombing')."""
    lead = _PASSIVE_LEAD.match(trigger_text)
    verb = trigger_text[lead.end() :] if lead else trigger_text
    if re.match(r"\s*\w+ing\b", verb):
        return False
    return bool(lead or _PASSIVE_AUX.search(body[max(0, start - 30) : start]))


def _passive_roles(
    body: str, participants: list[Participant], scoped: list[Mention], start: int, end: int, clause_end: int,
    event_type: str,
) -> list[Participant]:
    """The agent after "by" initiates; the passive subject is the target (or a participant)."""
    by = _BY_AGENT.search(body, start, clause_end)
    # ("attacked and destroyed by French jets": a coordinated participle shares the agent)
    if (by and _OTHER_VERB.search(body, end, by.start())
            and not re.fullmatch(r"\s+(?:and|or)\s+[a-z]+ed\s+", body[end : by.start()])):
        by = None  # "captured in 2016 and has been held by the LNA since": "by" belongs to another verb
    # the noun phrase right after "by": its first mention, at most a few modifier words on ("by Libyan National Army
    # drones", "by Turkish-backed forces")
    agent = next((m for m in scoped if by and by.end() <= m.char_start and
                  re.fullmatch(r"(?:[\w’'-]+\s+){0,2}", body[by.end() : m.char_start])), None)
    undergoes = "target" if event_type in ("attack", "capture", "offensive") else "participant"
    rest = [p for p in participants if agent is None or p.actor_name != agent.actor_name]
    # the passive subject: the one parsed as initiator, else the first named ("the LNA's positions were attacked")
    subject = next((p for p in rest if p.role == "initiator"), rest[0] if rest else None)
    roles = [Participant(agent.actor_name, "initiator")] if agent is not None else []
    roles += [Participant(p.actor_name, undergoes if p is subject else "participant") for p in rest]
    return roles


# "Turkey said it had sent three planes", "Libya Dawn announced that they had taken the airport": the speaker tells
# its own act, so the speaker is the subject of "it" or "they"
_OWN_ACCOUNT = re.compile(
    r"(?P<verb>\b(?:said|says|announced|announces|confirmed|confirms|stated|added|declared))\s+(?:on\s+\w+\s+)?"
    r"(?:that\s+)?(?:it|they)\s+(?:(?:had|has|have|also|already|now|just)\s+){0,2}$"
)


# ", which threw its weight behind the NTC and became the first state to recognize it": a subject relative clause,
# its verb next to the pronoun (not "which Turkey backs")
_SUBJECT_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+(?!(?:the|a|an|it|he|she|they|we|you|its|his|her|their|this|that|these|those)\b)(?=[a-z])"
)


def _merged(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """The clause's mentions with more of them, in text order (participants and coordination read that order)."""
    return sorted([*mentions, *extra], key=lambda m: m.char_start)


def _relative_antecedent(ctx, clause: Span, start: int) -> Mention | None:
    """The antecedent of the subject relative clause the trigger sits in: "Qatar, which ... recognized it"."""
    body = ctx.body
    relatives = list(_SUBJECT_RELATIVE.finditer(body, clause.char_start, start))
    relative = relatives[-1] if relatives else None
    if relative is None or not clauses.in_relative_clause(body, clause.char_start, start):
        return None
    if "," in body[relative.end() : start]:
        return None  # (the relative clause closed before the trigger)
    before = ctx.mentions_in(clause.char_start, relative.start())
    if not before or before[-1].char_end != relative.start() or not _participant_ok(ctx, before[-1]):
        return None
    return before[-1]


def _own_account_speaker(ctx, clause: Span, start: int) -> Mention | None:
    said = _OWN_ACCOUNT.search(ctx.body, clause.char_start, start)
    if said is None:
        return None
    verb = said.start("verb")
    before = ctx.mentions_in(clause.char_start, verb)
    speaker = before[-1] if before else None
    if speaker is None or not re.fullmatch(r"\s+(?:[a-z]+\s+)?", ctx.body[speaker.char_end : verb]):
        return None  # ("Turkey's army said", "Libya Dawn forces announced": a word or two of its own name between)
    if clauses.is_libya(speaker.actor_name) or clauses.actor_type(ctx, speaker.actor_name) in ("media", "person"):
        return None  # (a person's "it" is some other thing; an outlet tells others' acts)
    return speaker


def _participant_ok(ctx, mention: Mention) -> bool:
    name = mention.actor_name
    if clauses.is_libya(name) or clauses.actor_type(ctx, name) == "media":
        return False
    if _SPEAKER_AFTER.match(ctx.body, mention.char_end):
        return False  # "..., the State Department said": the source, not a participant
    if re.search(r"\baccording to\s+(?:the\s+)?$", ctx.body[max(0, mention.char_start - 20) : mention.char_start]):
        return False
    return True


def _subject(ctx, mentions: list[Mention], clause: Span, start: int) -> Mention | None:
    body = ctx.body
    for mention in reversed([m for m in mentions if m.char_end <= start]):
        before = body[max(clause.char_start, mention.char_start - 30) : mention.char_start]
        if (
            _PREPOSITION_BEFORE.search(before)
            and not _DATE_ADVERBIAL.search(before)
            and not _LOYAL_FORCES.search(before)
        ):
            continue
        if clauses.in_aside(body, clause.char_start, mention, start):
            continue  # "Turkey, which backs the GNA, has deployed ...": the relative clause's object is no subject
        if body[mention.char_end : mention.char_end + 2] in ("'s", "’s") and not re.match(
            r"['’]s\s+(?:\w+\s+){0,2}?(?:forces|troops|army|armies|fighters|offensive|militias?|government)\b",
            body[mention.char_end : mention.char_end + 40],
        ):
            continue
        return mention
    return None


def _object(ctx, mentions: list[Mention], end: int, limit: int) -> Mention | None:
    body = ctx.body
    for mention in mentions:
        if mention.char_start < end:
            continue
        gap = body[end : mention.char_start]
        if len(gap) > 70 or re.search(r"[,;:.]", gap.strip()[:-1] if gap.strip().endswith(",") else gap):
            return None
        return mention
    return None


def _is_un_subject(ctx, clause: Span, start: int, subject: Mention | None) -> bool:
    if subject is not None and _is_un(ctx, subject.actor_name):
        return True
    text = ctx.body[clause.char_start : start]
    if not _UN_COUNCIL.search(text):
        return False
    has_un = getattr(ctx, "_events_has_un", None)
    if has_un is None:
        has_un = any(_is_un(ctx, name) for name in {m.actor_name for m in ctx.mentions})
        ctx._events_has_un = has_un  # type: ignore[attr-defined]
    return has_un


def _is_un(ctx, name: str) -> bool:
    if clauses.actor_type(ctx, name) != "international_org":
        return False
    entry = ctx.gazetteer.get(name)
    forms = (name, *(entry.aliases if entry else ()))
    return any("United Nations" in f or re.match(r"U\.?N\.?\b|UNSMIL|UNSC", f) for f in forms)


def _near_subject(ctx, subject: Mention | None, start: int) -> bool:
    """The subject is an actor standing right before the verb ("Erdogan visited", "Guterres was visiting")."""
    if subject is None:
        return False
    if clauses.actor_type(ctx, subject.actor_name) not in ("person", "government", "country", "international_org"):
        return False
    gap = ctx.body[subject.char_end : start]
    return len(gap) <= 40 and not re.search(r"[;:]", gap) and not re.search(r"\b(?:by|of|from|with)\b", gap)


def _pair_subject(ctx, mentions: list[Mention], clause: Span, start: int) -> bool:
    """'Trump and Haftar spoke': two actors joined by "and" right before the verb."""
    before = [m for m in mentions if m.char_end <= start]
    if len(before) < 2:
        return False
    a, b = before[-2], before[-1]
    gap_ab = ctx.body[a.char_end : b.char_start]
    gap_verb = ctx.body[b.char_end : start]
    return bool(re.fullmatch(r"\s+and\s+", gap_ab)) and bool(
        re.fullmatch(r"\s+(?:\w+ly\s+|also\s+|had\s+|have\s+)?", gap_verb)
    )


def _possessed_span(body: str, agent: Mention | None, start: int, end: int) -> tuple[int, int] | None:
    """'Haftar's 14-month assault on Tripoli': from the possessor to the end of what the event is aimed at."""
    if agent is None or agent.char_end > start or not _possessor(body, agent):
        return None
    aimed = _AIMED_AT.match(body, end)
    if aimed is None:
        return None
    target = _AIMED_OBJECT.match(body, aimed.start("object"))
    return agent.char_start, target.end() if target else aimed.end()


# "'s", then up to three modifiers: "'s 14-month", "’s failed", "'s April 2019"
_POSSESSIVE_MODIFIERS = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}")
_AIMED_AT = re.compile(
    r"\s+(?:on|against)\s+(?P<object>(?:the\s+)?(?-i:[A-Z])|the\s+(?:capital|city)\b)"
)
# what an offensive is aimed at: up to four words, to the first punctuation or clause word
_AIMED_OBJECT = re.compile(
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=\s*(?:[,.;:)–—]|$)|\s+(?:in|on|at|since|from|which|that|and|but|to|"
    r"with|was|were|had|has|is|collapsed|failed|began|ended|stalled)\b)"
)


def _noun_agent(ctx, trigger: _Trigger, mentions: list[Mention], start: int, end: int) -> Mention | None:
    body = ctx.body
    if trigger.agent == "drafted":
        # "British-drafted resolution": the drafter is the demonym/name before the hyphen.
        for mention in mentions:
            if mention.char_start == start:
                return mention
        word = re.match(r"[\w.]+", body[start:end])
        entry = word and ctx.gazetteer.lookup_name_or_demonym(word.group())
        if entry:
            ctx.actors.setdefault(entry.name, clauses.actor_ref(ctx, entry.name))
            return Mention(entry.name, word.group(), start, start + len(word.group()))
        return None
    by = re.match(r"\s+(?:[\w'’-]+\s+){0,5}?by\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?", body[end : end + 100])
    if by:
        for mention in mentions:
            if end < mention.char_start <= end + by.end() + 2:
                return mention
    for mention in reversed(mentions):  # "Haftar's offensive", "Haftar's 14-month assault on Tripoli"
        if mention.char_end <= start and _possessor(body, mention):
            between = body[mention.char_end : start]
            if _POSSESSIVE_MODIFIERS.fullmatch(between) and _AIMED_AT.match(body, end):
                return mention  # the possessor of an offensive aimed at someone is its agent
            return None  # a possessive alone does not date or anchor a re-mentioned event
    return None


def _possessor(body: str, mention: Mention) -> bool:
    """'Haftar's', or a possessive pronoun resolved to its owner ('his failed offensive on Tripoli')."""
    return body[mention.char_end : mention.char_end + 1] in ("'", "’") or mention.surface_form.lower() in (
        "his", "her", "its", "their"
    )


def _participants(
    ctx, mentions: list[Mention], subject: Mention | None, obj: Mention | None, trigger: _Trigger, start: int, end: int
) -> list[Participant]:
    names: list[tuple[str, str]] = []
    ordered = []
    if subject is not None:
        ordered.append((subject, "initiator"))
    if obj is not None:
        ordered.append((obj, "target" if trigger.type in ("attack", "capture", "offensive") else "participant"))
    for mention in mentions:
        if _demonym_modifier(ctx, mention, mentions):
            continue
        ordered.append((mention, "participant"))
    for mention, role in ordered:
        name = mention.actor_name
        if any(n == name for n, _ in names):
            continue
        names.append((name, role))
    return [Participant(name, role) for name, role in names]


def _demonym_modifier(ctx, mention: Mention, mentions: list[Mention]) -> bool:
    """'Egyptian President Abdel Fattah al-Sisi': the demonym only qualifies the person after it."""
    gazetteer = ctx.gazetteer
    if gazetteer.lookup(mention.surface_form) is not None or gazetteer.lookup_demonym(mention.surface_form) is None:
        return False
    return any(
        0 < m.char_start - mention.char_end <= 40
        and clauses.actor_type(ctx, m.actor_name) == "person"
        and not re.search(r"[,;]", ctx.body[mention.char_end : m.char_start])
        for m in mentions
    )


def _location(body: str, start: int, end: int) -> str | None:
    for match in _LOCATION.finditer(body, start, end):
        place = match.group(1)
        if _NOT_PLACE.match(place) or re.fullmatch(r"(?:the\s+)?\d+", place):
            continue
        return re.sub(r"^the\s+", "", place)
    return None


# ---------------------------------------------------------------------------------------------------------------
# Within a sentence: one event per (clause, type), unless two differently worded triggers stand far apart or one is a
# background fact named in passing; "toppled and killed" keeps the higher-priority type; a visit gives way to the
# meeting it led to


def _resolve_sentence(rules: _Rules, ctx, found: list[_Candidate]) -> list[_Candidate]:
    found = [c for c in found if not _absorbed(ctx, c, found)]
    found.sort(key=lambda c: (c.trig_start, rules.priority.get(c.event.event_type, 99)))
    kept: list[_Candidate] = []
    for cand in found:
        if cand.separate:
            if not any(k.trig_start < cand.trig_end and cand.trig_start < k.trig_end for k in kept):
                kept.append(cand)
            continue
        inside = next((k for k in kept if k.separate and k.trig_start < cand.trig_start < k.trig_end), None)
        if inside is not None:
            continue  # "the embargo imposed in 2011": a participle inside the fact, not a verb of its own
        # "had imposed an arms embargo in 2011": the verb report of the same words says more (its subject)
        kept = [k for k in kept if not (k.separate and k.trig_start == cand.trig_start)]
        joinable = [k for k in kept if not k.separate]
        same = next(
            (
                k for k in joinable
                if k.clause == cand.clause and k.event.event_type == cand.event.event_type
                # ("dismissed the governor in August and ... ordered the closure of the fields": two events)
                and not (cand.trig_start - k.trig_end > rules.split_distance and _head(k) != _head(cand))
            ),
            None,
        )
        if same is not None:
            if not same.event.occurred and cand.event.occurred:
                same.event.occurred = cand.event.occurred
            continue
        overlap = next((k for k in joinable if k.trig_start < cand.trig_end and cand.trig_start < k.trig_end), None)
        linked = next(
            (
                k
                for k in joinable
                if k.clause == cand.clause
                and (
                    _AND_LINK.match(ctx.body[k.trig_end : cand.trig_start])
                    or (
                        k.noun != cand.noun
                        and abs(k.trig_start - cand.trig_start) < 60
                        and not _time_clause_between(ctx.body, k, cand)
                    )
                )
            ),
            None,
        )
        rival = overlap or linked
        if rival is not None:
            if rules.priority.get(cand.event.event_type, 99) < rules.priority.get(rival.event.event_type, 99):
                kept[kept.index(rival)] = cand
            continue
        kept.append(cand)
    return kept


def _time_clause_between(body: str, first: _Candidate, second: _Candidate) -> bool:
    """'Days after the offensive began, Trump phoned Haftar': a time clause told before the main event, not the
    same event told twice."""
    a, b = (first, second) if first.trig_start < second.trig_start else (second, first)
    if "," not in body[a.trig_end : b.trig_start]:
        return False
    return _SUBORDINATOR.search(body, max(a.clause.char_start, a.trig_start - 40), a.trig_start) is not None


def _absorbed(ctx, cand: _Candidate, found: list[_Candidate]) -> bool:
    """'Guterres flew to Benghazi and met Haftar': the visit is told by the meeting it led to (not by one in a
    subordinate clause: "visited Benghazi after Haftar met Putin")."""
    if cand.absorbed_by is None or not cand.event.participants:
        return False
    initiator = cand.event.participants[0].actor_name
    # ('raised the issue with Haftar during a visit to Benghazi': the visit frames the meeting told before it)
    framed = re.search(r"\b(?:during|on)\s+$", ctx.body[max(0, cand.trig_start - 12) : cand.trig_start])
    return any(
        k.event.event_type == cand.absorbed_by
        and (
            k.trig_start > cand.trig_end and not _SUBORDINATOR.search(ctx.body, cand.trig_end, k.trig_start)
            or framed and k.trig_end <= cand.trig_start
        )
        and k.event.participants
        and k.event.participants[0].actor_name == initiator
        for k in found
    )


# ---------------------------------------------------------------------------------------------------------------
# Across the article: a re-described event collapses into the first report


def _dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return True
    rank = {"year": 0, "month": 1, "day": 2}
    coarse = a if rank[a.precision] <= rank[b.precision] else b
    if a.value.year != b.value.year:
        return False
    if coarse.precision == "year":
        return True
    if a.value.month != b.value.month:
        return False
    return coarse.precision == "month" or a.value.day == b.value.day


def _party_set(ctx, event: Event) -> set[str]:
    if event.event_type in _PERSONAL_EVENTS:
        # (a meeting with Haftar's son is not the meeting with Haftar: people meet, not their factions)
        return {p.actor_name for p in event.participants}
    return {clauses.faction(ctx, p.actor_name) for p in event.participants}


_PERSONAL_EVENTS = frozenset({"meeting", "phone_call"})


def _head(candidate: _Candidate) -> str:
    """The trigger's first word, crudely stemmed: 'imposed'/'imposing' and 'blockade'/'blockades' compare equal."""
    word = (candidate.event.trigger or "").split(" ", 1)[0].lower()
    return word[:5]


def _place(ctx, cand: _Candidate) -> str | None:
    """Where it happened: the location told, else a capture's object ("captured Gharyan", "retook the airport")."""
    if cand.event.location_text:
        return cand.event.location_text
    if cand.event.event_type != "capture":
        return None
    taken = _TAKEN_PLACE.match(ctx.body, cand.trig_end)
    if taken is None or _NO_PLACE.fullmatch(taken.group(1)):
        return None  # ("captured it", "took the city": the place told before, not another one)
    return taken.group(1)


_NO_PLACE = re.compile(
    r"(?i:it|them|this|that|there|(?:the\s+|this\s+|that\s+)?(?:city|town|village|area|base|airport|port|region|"
    r"capital|stronghold|district|positions?))"
)


_TAKEN_PLACE = re.compile(
    r"\s+(?:the\s+)?((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s+(?:on|in|at|from|after|last|this|early|late)\b|[,.;])"
)


def _other_places(first: str | None, second: str | None) -> bool:
    """Two named places, neither inside the other."""
    if not first or not second:
        return False
    a, b = first.lower(), second.lower()
    return a not in b and b not in a


def _dedupe(ctx, candidates: list[_Candidate]) -> list[Event]:
    kept: list[_Candidate] = []
    for cand in candidates:
        parties = _party_set(ctx, cand.event)
        twin = None
        for prior in kept:
            if prior.event.event_type != cand.event.event_type:
                continue
            if not _dates_compatible(prior.event.occurred, cand.event.occurred):
                continue
            prior_parties = _party_set(ctx, prior.event)
            if cand.agent or prior.agent:
                # "the British-drafted resolution": the same event only if the same actor drove it.
                same = (cand.agent or prior.agent) in (parties & prior_parties)
            elif cand.event.event_type == "other" and _head(cand) != _head(prior):
                same = False  # "other" is a catch-all: an arrest and a resignation of one man are two events
            elif cand.noun or prior.noun:
                # A bare re-mention ("since the April offensive") folds into the earlier report.
                same = bool(parties & prior_parties) or (cand.noun and not parties and _head(cand) == _head(prior))
            else:
                # Two verb reports of an attack or capture: the same event only when close together or both dated
                # (two strikes by the same parties in different paragraphs are two strikes).
                near = (
                    abs(clauses.sentence_index(ctx, cand.trig_start) - clauses.sentence_index(ctx, prior.trig_start))
                    <= 1
                )
                dated = cand.event.occurred is not None and prior.event.occurred is not None
                repeatable = cand.event.event_type in ("attack", "capture")
                same = bool(parties) and bool(prior_parties) and (parties <= prior_parties or prior_parties <= parties)
                same = same and (near or dated or not repeatable)
                if repeatable and _other_places(_place(ctx, cand), _place(ctx, prior)):
                    same = False  # "captured Tarhuna ... after retaking the airport": two places, two captures
            if same:
                twin = prior
                break
        if twin is None:
            kept.append(cand)
            continue
        if (twin.noun and not cand.noun) or (twin.possessive and not cand.possessive and not twin.event.occurred):
            # A verb report is more specific than the noun phrase that preceded it, as any noun phrase is than an
            # undated possessive ("Haftar's offensive on Tripoli").
            cand.event.occurred = cand.event.occurred or twin.event.occurred
            kept[kept.index(twin)] = cand
        elif twin.event.occurred is None and cand.event.occurred is not None:
            twin.event.occurred = cand.event.occurred
    return [k.event for k in kept]
