"""Alleged arms-embargo violations: foreign military support (materiel, fighters, money) to a Libyan party.

Rules (data in `loaders/rules/allegations.yaml` and `loaders/rules/materiel.yaml`):
- a supply verb ("supplied", "sent", "deployed", "transfer", ...) with materiel in the clause after it, or an
  embargo-breach phrase ("breached the arms embargo", materiel defaults to weapons);
- a materiel noun with a foreign origin ("Russian mercenaries", "mercenaries from a Russian security group") when
  the sentence names the Libyan side it serves.
The supplier is the subject (nearest foreign actor before the verb that is not the object of a preposition, with
its coordinated list: one row per supplier) or the agent of a passive ("supplied by X"). The recipient is the Libyan
party after the verb (else in the sentence), normalised to its faction. Negated, hypothetical and future contexts
give no row; a denial by the supplier gives a row only when the sentence also reports the accusation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from loaders.extract import clauses, statements
from loaders.extract.context import ArticleContext
from loaders.model import Allegation, Mention, Span, Statement

_PREPOSITIONS = re.compile(
    r"(?:\b(?:of|with|by|from|to|in|for|against|alongside|on|at|into|toward|towards|including|about|over|than|"
    r"between|among|via|through|under|like|unlike|after|before|behind|near|within|across)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w.-]+\s+){0,2}?)$",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"(?:\b(?:at least|up to|more than|over|about|around|some|nearly|almost|as many as|an estimated|roughly|"
    r"approximately|fewer than|less than|several)\s+)?\b\d[\d,.]*(?:\s*(?:million|billion|thousand|hundred))?\b"
    r"|\b(?:hundreds|thousands|dozens|scores|billions|millions|shiploads|planeloads|boatloads|tons|tonnes|"
    r"several|numerous|large quantities|huge quantities)\b",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(r"\s+(?:(?:to|into|in|with)\s+[\w\s,'’-]{0,50}?\s+)?by\s+(?:the\s+)?", re.IGNORECASE)
_HYPOTHETICAL_WORDS = r"any|no|future|further|potential|possible|planned"
# before a supply word followed by "of", it is a noun: "the supply of", "any transfer of"
_DETERMINER_BEFORE = re.compile(rf"\b(?:a|an|the|its|their|his|her|this|that|{_HYPOTHETICAL_WORDS})\s+$", re.IGNORECASE)
_HYPOTHETICAL_NOUN = re.compile(rf"\b(?:{_HYPOTHETICAL_WORDS}|new)\s+$", re.IGNORECASE)
_PASSIVE_FROM = re.compile(r"\s+(?:(?:to|into|in)\s+[\w\s,'’-]{0,50}?\s+)?from\s+(?:the\s+)?", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"(?:['’]s?|\b(?:his|her|its|their|our|own))\s+(?:\w+\s+)?$", re.IGNORECASE)
_PERSONNEL = frozenset({"military_personnel", "fighters"})
_ACCUSATION_CUE = re.compile(
    r"\b(?:accus\w*|alleg\w*|report(?:s|ed|edly)?|according to|said to have|suspected of|charg\w*)\b", re.IGNORECASE
)
# (also a request to the supplier right before the verb, "Sarraj had asked Italy to send naval vessels", or an
# agreement to send, "had agreed to send home 300 fighters")
_HYPOTHETICAL_PREFIX = re.compile(
    r"\b(?:if|whether|unless|in case)\b[^,;]*$|\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|urg(?:e|es|ed|ing)|"
    r"invit(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on)\s+(?:[\w’'-]+\s+){1,4}to\s+$|\bagree(?:s|d)?\s+to\s+$",
    re.IGNORECASE,
)
_NOT_LIBYAN_DESTINATION = re.compile(r"\b(?:to|into|in)\s+(?:the\s+)?$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# Materiel after these belongs to a purpose or an elaboration, not to the supply ("deployed 1,200 fighters to
# support Haftar's army, including snipers and teams for armour and artillery").
_MATERIEL_STOP = re.compile(
    r",\s+including\b|\bto\s+(?:support|back|help|bolster|reinforce|defend|protect|aid|boost|shore up|prop up)\b"
    # ("parachuting rifles to rebel fighters": the fighters receive, they are not sent)
    r"|\bto\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?(?:fighters|rebels|forces|militias|troops|brigades|militiamen)\b",
    re.IGNORECASE,
)
# Materiel that is military whatever relief travels with it ("sent aid and armoured vehicles").
_ARMS = frozenset(
    "weapons drones air_defense armored_vehicles mercenaries fighters ammunition".split()
)
_HUMANITARIAN = re.compile(
    r"\b(?:humanitarian|relief|rescue|medical (?:aid|supplies|teams?)|"
    r"search(?: and rescue)? (?:efforts?|teams?|operations?)|disaster|flood victims|vaccines?|food aid|"
    r"field hospitals?|evacuat(?:e|ed|ing|ion)|civil protection|medicines?|tents|blankets|ambulances|"
    r"(?<!military )(?<!lethal )(?<!security )aid)\b",
    re.IGNORECASE,
)
_SPEAKER_SAYS = re.compile(
    r"\s+(?:\w+ly\s+)?(?:said|says|say|claimed|claims|argued|argues|insisted|insists|maintained|maintains)\s+"
    r"(?!that\b|(?:it|they)\b)",
    re.IGNORECASE,
)
_SPEAKER_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|claimed|claims|alleged|alleges|believes|believed|told)\s+"
    r"(?!(?:it|they|he|she)\b)(?:was|were|is|are|had|has|have)\b",
    re.IGNORECASE,
)
_NO_EVIDENCE = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:evidence|proof|sign|signs|indication|trace)\s+(?:that|of)\b[^;]*$|\bnot\s+(?:clear|known|proven|confirmed)\s+(?:whether|that|if)\b[^;]*$"
    r"|\b(?:not|n't|never)\s+(?:\w+\s+)?(?:find|found|see|seen|uncover|uncovered)\s+(?:any\s+)?(?:evidence|proof|sign|signs|indication|trace)\s+(?:that|of)\b[^;]*$",
    re.IGNORECASE,
)
_DESTROYED = re.compile(
    r"\b(?:shot down|shoot(?:s|ing)? down|downed|downing|destroy(?:ed|s|ing)?|intercept(?:ed|s|ing)?|hit|struck|"
    r"target(?:ed|s|ing)?|captur(?:ed|es|ing)|seiz(?:ed|es|ing)|down)\s+(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)
_OWNER_GAP = re.compile(r"^(?:\s+(?:\w+\s+){0,2}?)?$")


@dataclass(frozen=True)
class _Rules:
    materiel: re.Pattern[str]
    categories: dict[str, str]  # regex group name -> category
    trigger: re.Pattern[str]
    restricted: dict[str, tuple[str, ...]]
    implied: dict[str, str]
    default_materiel: str
    origin: re.Pattern[str]
    origin_from: re.Pattern[str]
    origin_link: re.Pattern[str]  # " linked to the" after fighters: their origin follows
    irrealis: re.Pattern[str]
    denial: re.Pattern[str]
    anonymous: re.Pattern[str]
    report: re.Pattern[str]
    speech: re.Pattern[str]
    receive: re.Pattern[str]
    flight: re.Pattern[str]
    flight_materiel: str
    flight_arrival: re.Pattern[str]
    maker: re.Pattern[str]
    supply_noun: re.Pattern[str]
    flight_bare: re.Pattern[str]
    libyan_place: re.Pattern[str]
    facilitated: re.Pattern[str]
    passive_before: re.Pattern[str]
    speech_between: re.Pattern[str]  # "said on Wednesday that" between a speaker and a supply verb
    clause_opens: re.Pattern[str]  # ", and", "that", "said" before a name: it opens a clause of its own
    operator_suffix: re.Pattern[str]  # "-linked" in "Abu Dhabi-linked cargo flights": the supplier's own
    origin_before: re.Pattern[str]  # "troops from (the)" before a passive supply verb
    accuser_cues: frozenset[str]  # cues of statements whose speaker alleges what they report
    presence: re.Pattern[str]  # "were on the ground", "are stationed": foreign personnel told to be in Libya
    casualty: re.Pattern[str]  # "were killed", "died": a loss of foreign personnel, no allegation of their supply


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    mat = clauses.load_rules("materiel")
    rules = clauses.load_rules("allegations")
    speech_rules = statements.load_rules()
    # One alternation over every materiel fragment, longest first, each in a named group for its category.
    fragments = []
    for category, terms in mat["categories"].items():
        for index, term in enumerate(terms):
            fragments.append((term, f"{category}__{index}"))
    fragments.sort(key=lambda f: len(f[0]), reverse=True)
    materiel = re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?P<{g}>{t})" for t, g in fragments) + r")(?![\w-])", re.IGNORECASE
    )
    categories = {g: g.split("__")[0] for _, g in fragments}
    verbs = _supply_verbs(rules["supply_verbs"])
    breach = clauses.alternation(rules["breach_phrases"])
    trigger = re.compile(rf"(?<![\w-])(?:(?P<breach>{breach})|(?P<verb>{verbs}))(?![\w-])", re.IGNORECASE)
    return _Rules(
        materiel=materiel,
        categories=categories,
        trigger=trigger,
        restricted={k: tuple(v) for k, v in rules["restricted_verbs"].items()},
        implied=dict(rules.get("implied_materiel", {})),
        default_materiel=rules["default_materiel"],
        origin=re.compile(
            # ("Sudanese and Chadian fighters": a demonym coordinated with the one before the noun)
            r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?-i:[A-Z])[a-z]+(?:ese|ian|an|ish|i|ic)(?=[\s,]))*"
            r"[\s-]*(?:(?:" + clauses.alternation(rules["supplied_participles"]) + r")\s+(?:[\w-]+\s+){0,3}?"
            r"|(?:\w+\s+){0,1}?)" + clauses.alternation(rules["origin_nouns"]) + r"(?![\w-])",
            re.IGNORECASE,
        ),
        origin_from=re.compile(
            rules["origin_from"].replace("{links}", clauses.phrase_alternation(rules["origin_links"]))
            + r"(?:\w+\s+){0,2}?$",
            re.IGNORECASE,
        ),
        origin_link=re.compile(rf"\s+(?:{clauses.phrase_alternation(rules['origin_links'])})\s+(?:the\s+)?"),
        irrealis=clauses.irrealis_pattern(tuple(rules["irrealis"])),
        denial=re.compile(rf"\b(?:{rules['denial_verbs']})\b\s*{rules['denial_objects']}?", re.IGNORECASE),
        anonymous=re.compile(rf"\b(?:{rules['anonymous_sources']})\b", re.IGNORECASE),
        report=re.compile(rf"\b(?:{rules['report_nouns']})\b", re.IGNORECASE),
        speech=re.compile(rf"\b(?:{rules['speech_verbs']})\b", re.IGNORECASE),
        receive=re.compile(rf"(?<![\w-])(?:{rules['receive_verbs']})(?![\w-])", re.IGNORECASE),
        flight=re.compile(
            rf"(?<![\w-])(?:{rules['flight_nouns']})\s+(?:\w+\s+){{0,2}}?from\s+(?:the\s+)?", re.IGNORECASE
        ),
        flight_materiel=rules["flight_materiel"],
        flight_arrival=re.compile(rules["flight_arrival"], re.IGNORECASE),
        maker=re.compile(rules["maker_suffix"], re.IGNORECASE),
        supply_noun=re.compile(rf"(?<![\w-])(?:{rules['supply_nouns']})\s+of\s+", re.IGNORECASE),
        flight_bare=re.compile(rf"(?<![\w-])(?:{rules['flight_nouns']})(?![\w-])", re.IGNORECASE),
        libyan_place=re.compile(rf"\b(?:al-)?(?:{rules['libyan_places']})\b"),
        facilitated=re.compile(
            rf"\b{clauses.alternation(rules['facilitation_verbs'])}[”\"’]?\s+(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE
        ),
        # a passive auxiliary, or a materiel noun the participle follows directly ("weapons flown to ...")
        passive_before=re.compile(
            rf"(?:\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+)?|\b{clauses.alternation(rules['passive_subject_nouns'])}\s+)$",
            re.IGNORECASE,
        ),
        operator_suffix=re.compile(rf"[-‑]{clauses.alternation(rules['operator_suffixes'])}\b"),
        # ("the Panel of Experts on Libya said Jordan had ...": a reporting verb opens a new clause)
        clause_opens=re.compile(
            r"(?:,|\band|\bthat|\bas|\b"
            + clauses.alternation([*rules["clause_speech_verbs"], *rules["accusing_verbs"], "found"]) + ")"
            r"\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        # ("the French military admitted it had airdropped weapons": a pronoun subject may open the clause)
        speech_between=re.compile(
            rf"\b{clauses.alternation(rules['clause_speech_verbs'])}\b(?:\s+[\w,]+){{0,5}}?"
            r"(?:\s+that\b|(?=\s+(?:it|they)\s+(?:had|has|have|was|were)\b))",
            re.IGNORECASE,
        ),
        accuser_cues=frozenset(
            c.lower() for c in [*speech_rules.say_verbs, *speech_rules.document_verbs, *rules["accuser_cues"]]
        ),
        presence=re.compile(rf"\s+(?:{rules['presence_predicates']})\b", re.IGNORECASE),
        casualty=re.compile(rf"\s+(?:{rules['casualty_predicates']})\b", re.IGNORECASE),
        origin_before=re.compile(
            rf"\b{clauses.alternation(rules['origin_personnel'])}\s+"
            # (not "with" here: "troops with the GNA" serve it, they do not come from it)
            rf"(?:{clauses.phrase_alternation(w for w in rules['origin_links'] if w != 'with')})\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
    )


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str  # "breach" | "verb" | "noun" (a supply noun: a window boundary only)
    stem: str


def extract_allegations(ctx: ArticleContext) -> list[Allegation]:
    rules = _rules()
    rows: list[Allegation] = []
    for s_index, sentence in enumerate(ctx.sentences):
        if clauses.is_furniture(ctx, sentence.char_start):
            continue
        rows.extend(_sentence_rows(ctx, rules, s_index, sentence, rows))
    # A repeat (told inside a speaker's quotation, in passing, or as a definite reference) may restate a claim told
    # in another sentence; see _same_claim.
    repeats = {id(r) for r in rows if _quoted(ctx, r.evidence_start) or r.confidence <= _ORIGIN_CONFIDENCE}
    repeats |= getattr(ctx, "_allegation_reference", set())
    sentence_of = {id(r): clauses.sentence_index(ctx, r.evidence_start) for r in rows}
    rows = _dedupe(rows, _Claims(getattr(ctx, "_allegation_generic", set()), sentence_of, repeats))
    _attach_denials(ctx, rules, rows)
    ctx.allegation_rows = list(rows)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Per sentence


# the comma that closes a relative clause before its antecedent's own verb (not one inside a list of materiel)
_RELATIVE_CLOSE = re.compile(
    r",\s+(?=(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|denies|denied|says|said|insists|"
    r"remains|continues|also|now|still)\b)"
)


def _sentence_rows(
    ctx: ArticleContext, rules: _Rules, s_index: int, sentence: Span, prior: list[Allegation]
) -> list[Allegation]:
    body = ctx.body
    triggers = [
        _Trigger(m.start(), m.end(), "breach" if m.group("breach") else "verb", _stem(m))
        for m in rules.trigger.finditer(body, sentence.char_start, sentence.char_end)
    ]
    # "the supply of weapons": a supply noun (rows from _nominal_rows); it still ends the window of the verb before
    for t in triggers:
        if (t.kind == "verb" and _DETERMINER_BEFORE.search(body, max(0, t.start - 12), t.start)
                and re.match(r"\s+of\b", body[t.end : t.end + 4])):
            t.kind = "noun"
    # "provided training and weapons": "training" right after a supply verb is its object, not a new verb
    triggers = [
        t for i, t in enumerate(triggers)
        if not (t.stem == "train" and i > 0 and triggers[i - 1].kind == "verb" and t.start - triggers[i - 1].end <= 12)
    ]
    rows: list[Allegation] = []
    previous_suppliers: list[str] = []
    skip_next = False
    for i, trig in enumerate(triggers):
        if skip_next:
            skip_next = False
            continue
        clause = clauses.clause_of(ctx, trig.start)
        nxt = triggers[i + 1] if i + 1 < len(triggers) else None
        merged_end = None
        # "breaching the arms embargo by supplying X with Y": one allegation over both phrases.
        if (
            trig.kind == "breach"
            and nxt is not None
            and nxt.kind == "verb"
            and nxt.start < clause.char_end
            and re.fullmatch(r"\s*(?:\S+\s+){0,1}?(?:by|to|through|with|in)\s+", body[trig.end : nxt.start])
        ):
            skip_next = True
            after = triggers[i + 2] if i + 2 < len(triggers) else None
            merged_end = min(after.start if after else clause.char_end, clause.char_end)
            window = Span(nxt.end, merged_end)
            verb_stem = nxt.stem
        else:
            end = clause.char_end
            if nxt is not None and nxt.start < end:
                end = nxt.start
            if clauses.in_relative_clause(body, clause.char_start, trig.start):
                # "France, which has flown most of the strike missions, is not considering weapons deliveries":
                # the relative clause's verb ends at its closing comma
                close = _RELATIVE_CLOSE.search(body, trig.end, end)
                end = close.start() if close else end
            window = Span(trig.end, end)
            verb_stem = trig.stem
        if trig.kind == "noun" or (trig.stem == "carry" and _carrier_owner(ctx, sentence, trig.start) is None):
            continue  # (a ship "carrying weapons" is told by whoever stopped it; only an owner's carrier supplies)
        if verb_stem == "alongside" and rows and re.search(r"\bto\s+$", body[max(0, trig.start - 4) : trig.start]):
            continue  # "Ankara had sent Syrian fighters to Libya to fight alongside GNA militias": a supply's purpose
        row = _trigger_row(ctx, rules, sentence, clause, trig, window, verb_stem, previous_suppliers)
        if row:
            row.extend(_as_have(ctx, row, sentence, window))
            rows.extend(row)
            previous_suppliers = [r.supplier_name for r in row]
    rows.extend(_receive_rows(ctx, rules, sentence, rows))
    rows.extend(_included_rows(ctx, rules, sentence, rows))
    rows.extend(_nominal_rows(ctx, rules, sentence, rows))
    rows.extend(_flight_rows(ctx, rules, sentence, rows))
    rows.extend(_origin_rows(ctx, rules, s_index, sentence, rows, prior))
    return rows


_AS_HAVE = re.compile(r",\s+as\s+(?:have|has|had|did|do|does)\s+(?:the\s+)?", re.IGNORECASE)


def _as_have(ctx, rows: list[Allegation], sentence: Span, window: Span) -> list[Allegation]:
    """'Italy has sent ten military instructors to Benghazi, as have Britain and France': the states of the
    elliptical clause made the same supply."""
    match = _AS_HAVE.search(ctx.body, window.char_start, sentence.char_end)
    if match is None:
        return []
    mentions = ctx.mentions_in(match.end(), sentence.char_end)
    if not mentions or mentions[0].char_start != match.end():
        return []
    if re.match(r"['’]s?\b", ctx.body[mentions[0].char_end :]):
        return []  # (", as did the UAE's rivals": the state owns the subject, it is not it)
    taken = {r.supplier_name for r in rows}
    extra = []
    for mention in clauses.coordination_forward(ctx, mentions, 0):
        name = clauses.foreign_state(ctx, mention.actor_name)
        if name in taken or not _supplier_ok(ctx, name):
            continue
        taken.add(name)
        extra.append(replace(rows[0], supplier_name=name, evidence_end=mention.char_end, denied_by=[]))
    return extra


def _supply_verbs(entries: list) -> str:
    """One alternation, longest first; a verb with a named stem sits in a group `stem__<stem>__<n>`."""
    fragments = []
    for index, entry in enumerate(entries):
        if isinstance(entry, dict):
            fragments.append((entry["pattern"], f"(?P<stem__{entry['stem']}__{index}>{entry['pattern']})"))
        else:
            fragments.append((entry, entry))
    fragments.sort(key=lambda f: len(f[0]), reverse=True)
    return "(?:" + "|".join(f for _, f in fragments) + ")"


def _stem(match: re.Match[str]) -> str:
    for group, value in match.groupdict().items():
        if value is not None and group.startswith("stem__"):
            return group.split("__")[1]
    return match.group().lower().split()[0]


def _trigger_row(
    ctx,
    rules: _Rules,
    sentence: Span,
    clause: Span,
    trig: _Trigger,
    window: Span,
    stem: str,
    previous_suppliers: list[str],
) -> list[Allegation]:
    body = ctx.body
    if stem == "arrive":
        subject = ctx.mentions_in(clause.char_start, trig.start)[-1:]
        if subject and ctx.actor_type(subject[0].actor_name) == "person" and re.fullmatch(
            r"\s+(?:\w+\s+){0,2}", body[subject[0].char_end : trig.start]
        ):
            return []  # "Foreign Minister Cavusoglu arrived in Tripoli with military officers": a visit
    cut = _MATERIEL_STOP.search(body, window.char_start, window.char_end)
    scope = Span(window.char_start, cut.start() if cut else window.char_end)
    if stem == "arm":
        # "arming the militias (with drones)": the object is the recipient; materiel is only what follows "with"
        with_ = re.search(r"\bwith\b", body[scope.char_start : scope.char_end])
        scope = Span(scope.char_start + with_.end() if with_ else scope.char_end, scope.char_end)
    materiel, last_end, first_materiel = _materiel(ctx, rules, scope, own=stem == "presence")
    passive_suppliers, agent_end = _passive_agent(ctx, rules, trig)
    if passive_suppliers:
        # "Air defence systems supplied by the UAE": the materiel is the passive subject ("Syrian fighters brought in
        # by Turkey and Russian mercenaries": what follows the agent is another noun phrase)
        subject = _materiel(ctx, rules, Span(clause.char_start, trig.start))
        if subject[0] or not materiel:
            materiel, _, first_materiel = subject
            last_end = trig.end
    participle = None
    if not materiel and trig.kind == "verb":
        # "Wagner has up to 1,200 people deployed in Libya": the materiel sits between "has" and the participle.
        participle = re.search(
            r"\b(?:has|have|had|with)\s+((?:[\w,.-]+\s+){1,8}?)$", body[clause.char_start : trig.start]
        )
        if participle:
            at = clause.char_start + participle.start(1)
            materiel, _, first_materiel = _materiel(ctx, rules, Span(at, trig.start))
            last_end = trig.end
    if not materiel and trig.kind == "verb" and not body[trig.start : trig.end].endswith("ing") and re.search(
        r"\b(?:been|was|were|is|are|remain|remains|remained)\s+(?:\w+ly\s+|now\s+|still\s+|also\s+|already\s+)?$",
        body[clause.char_start : trig.start],
    ):  # ("said it was transporting aid" is active: no passive subject)
        # "around 1,000 troops from Sudan's RSF had been deployed to Libya": the materiel is the passive subject
        materiel, _, first_materiel = _materiel(ctx, rules, Span(clause.char_start, trig.start))
        last_end = trig.end
    if not materiel and trig.kind == "verb" and _SELF_MOVING.match(stem) and _INTO_LIBYA.match(body, trig.end):
        # "Wagner fighters first deployed to Libya in 2019", "Turkish troops were moving to Libya": the personnel
        # in the subject move themselves
        materiel, _, first_materiel = _materiel(ctx, rules, Span(max(clause.char_start, trig.start - 60), trig.start),
                                                own=True)
        materiel = [m for m in materiel if m in rules.restricted["presence"]]
        if not materiel and _foreign_group_before(ctx, clause, trig.start):
            materiel = ["mercenaries"]  # "Wagner arrived in Libya in 2019": a foreign armed group is its fighters
        last_end = trig.end
    if not materiel and stem == "alongside":
        # "Wagner fighters fought alongside ...": the fighters are the subject
        materiel, _, first_materiel = _materiel(ctx, rules, Span(max(clause.char_start, trig.start - 60), trig.start),
                                                own=True)
        last_end = trig.end
    if trig.kind == "verb" and stem == "train":
        materiel = ["training", *[m for m in materiel if m != "training"]]
    if stem in rules.restricted:
        materiel = [m for m in materiel if m in rules.restricted[stem]]
    if not materiel and trig.kind == "verb" and stem in rules.implied:
        materiel = [rules.implied[stem]]
    if not materiel:
        if trig.kind != "breach":
            return []
        materiel = [rules.default_materiel]
        generic = True
    else:
        generic = False
    # Supplier: the passive agent, else the subject before the verb.
    suppliers, subject_start = passive_suppliers, trig.start
    if not suppliers and trig.kind == "breach" and previous_suppliers:
        # "... poured Syrian mercenaries into Libya in violation of the embargo": the breach is that supply's
        suppliers = previous_suppliers
    if not suppliers:
        # "Russian fighters linked to the Wagner Group were deployed", "troops from Sudan's RSF had been deployed":
        # sent by where they come from, not by the nationality
        suppliers, subject_start = _origin_before(ctx, rules, clause, trig.start)
    if not suppliers:
        suppliers, subject_start = _subject(ctx, rules, sentence, trig.start)
    if not suppliers:
        suppliers, subject_start = _it_subject(ctx, sentence, trig.start)
    if not suppliers:
        # "accused Gaddafi of flying in mercenaries from Chad": a Libyan brings them in from a foreign state
        # ("cargo flights from the UAE have carried rifles": the origin may sit inside the trigger)
        suppliers = _origin_from(ctx, Span(trig.start, window.char_end))
        subject_start = trig.start
        from_origin = bool(suppliers)
    else:
        from_origin = False
    if not suppliers and previous_suppliers:
        suppliers, subject_start = previous_suppliers, trig.start
    if not suppliers and _UNLOADING.match(stem):
        # "a cargo ship unloaded dozens of Turkish-made armored vehicles at Tripoli's port": with no sender named,
        # a party to the conflict that made the cargo sent it
        suppliers = _party_maker(ctx, rules, Span(clause.char_start, window.char_end))
        subject_start = trig.start
    if not suppliers:
        return []
    if trig.kind == "breach" and _SPEAKER_SAYS.match(body, _subject_end(ctx, subject_start)):
        return []  # "Russia says the drops flout the arms embargo": the speaker charges another's supply
    between = body[max(subject_start, sentence.char_start) : trig.start] if subject_start < trig.start else ""
    if subject_start >= trig.start:  # passive: the cue sits before the verb
        between = body[clause.char_start : trig.start]
    denied = clauses.has_cue(rules.denial, between[-40:]) and re.search(
        r"\bden(?:y|ies|ied|ying)\b|\breject\w*\b", between[-40:], re.IGNORECASE
    )
    if denied:
        if not _ACCUSATION_CUE.search(body[sentence.char_start : sentence.char_end]):
            return []
    elif _irrealis(rules, between) or _HYPOTHETICAL_PREFIX.search(body[clause.char_start : trig.start]):
        return []
    elif _NO_EVIDENCE.search(body[sentence.char_start : trig.start]):
        return []  # "found no evidence that Egypt had delivered weapons"
    if _foreign_destination(ctx, window) or (stem == "arm" and _foreign_object(ctx, trig)):
        return []
    if re.match(r"\s+(?:\w+ly\s+)?(?:no|zero)\s", body[trig.end : trig.end + 20]):
        return []  # "has sent no weapons to the rebels"
    recipient, recipient_end = _recipient(ctx, sentence, window, trig, suppliers)
    inferred = recipient_end < 0
    recipient_end = max(recipient_end, 0)
    if suppliers and any(clauses.actor_type(ctx, s) in ("armed_group", "organization") for s in suppliers):
        pmc = any(_is_pmc(ctx, s) for s in suppliers)
        materiel = ["mercenaries" if m == "military_personnel" or (pmc and m == "fighters") else m for m in materiel]
        materiel = list(dict.fromkeys(materiel))
    start = min(subject_start, trig.start) if subject_start >= clause.char_start else trig.start
    end = max(trig.end, last_end, recipient_end, agent_end if passive_suppliers else trig.end)
    region_end = clause.char_end
    if clauses.in_relative_clause(body, clause.char_start, trig.start):
        # a claim in a relative clause ends at its comma: "Haftar, whose army is armed by the UAE, described the
        # pullback as humanitarian"
        comma = body.find(",", end, clause.char_end)
        region_end = comma if comma != -1 else region_end
    if _HUMANITARIAN.search(body, clause.char_start, region_end) and not set(materiel) & _ARMS:
        return []  # "sent three aircraft carrying rescue teams and humanitarian aid": relief, not military support
    quantity = None
    if first_materiel is not None and (first_materiel > trig.start or participle):
        quantity = _quantity(body, clause.char_start + participle.start(1) if participle else trig.end, first_materiel)
    alleged_by, anonymous = _alleged_by(ctx, rules, sentence, trig.start, suppliers)
    # "The drones sent by Turkey have turned the tide": a definite noun phrase refers to a supply told before
    definite_reference = bool(passive_suppliers) and bool(
        re.fullmatch(r"\s*(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+){0,3}", body[clause.char_start : trig.start])
    )
    rows = []
    for supplier in suppliers:
        rows.append(
            Allegation(
                supplier_name=supplier,
                recipient_name=recipient,
                materiel=list(materiel),
                evidence_start=start,
                evidence_end=end,
                quantity_text=quantity,
                alleged_by_name=alleged_by,
                is_alleged_by_anonymous=anonymous,
                denied_by=[supplier] if denied else [],
                confidence=0.5 if inferred else (0.7 if trig.kind == "breach" or recipient else 0.6),
            )
        )
        if generic:
            # ids of rows whose materiel is only the default of an embargo-breach phrase (see _same_claim)
            ctx.__dict__.setdefault("_allegation_generic", set()).add(id(rows[-1]))
        if from_origin:
            # the Libyan subject brought them in: the clause's purpose is his, not the supplier's (support.py)
            ctx.__dict__.setdefault("_allegation_origin", set()).add(id(rows[-1]))
        if definite_reference:
            ctx.__dict__.setdefault("_allegation_reference", set()).add(id(rows[-1]))
    return rows


_DEPARTURE = re.compile(
    r"\b(?:withdrawal|departure|exit|expulsion|removal|pull-?out|repatriation|evacuation)\s+of\s+(?:all\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_PMC = re.compile(r"private (?:military|security)|\bPMC\b|security company|contractors?|mercenar", re.IGNORECASE)


def _is_pmc(ctx, name: str) -> bool:
    """A private military / security company: the people it deploys are mercenaries."""
    entry = ctx.gazetteer.get(name)
    return entry is not None and any(_PMC.search(a) for a in (entry.name, *entry.aliases))


def _irrealis(rules: _Rules, between: str) -> bool:
    return clauses.has_cue(rules.irrealis, between[-60:])


def _materiel(ctx, rules: _Rules, window: Span, *, own: bool = False) -> tuple[list[str], int, int | None]:
    """Materiel categories in the window; own=True: possessives are the supplier's ("Turkey keeps its troops")."""
    body = ctx.body
    found, last_end, first = [], window.char_start, None
    libyan_spans = [
        (m.char_start, m.char_end)
        for m in ctx.mentions_in(window.char_start, window.char_end)
        if clauses.is_libyan(ctx, m.actor_name)
    ]
    for match in rules.materiel.finditer(body, window.char_start, window.char_end):
        category = rules.categories[match.lastgroup]
        if any(s <= match.start() < e for s, e in libyan_spans):
            continue
        if (
            category in _PERSONNEL
            and not own
            and (
                _POSSESSIVE_BEFORE.search(body[max(0, match.start() - 30) : match.start()])
                or any(e <= match.start() <= e + 1 for _, e in libyan_spans)
            )
        ):
            continue  # "Haftar's troops", "his fighters", "Libya Dawn fighters": the recipient, not the materiel
        if category == "aircraft" and _CARRIED_ON.search(body, max(window.char_start, match.start() - 25),
                                                         match.start()):
            continue  # "flown in on cargo aircraft": the means of the move, not its cargo
        found.append(category)
        if category == "military_personnel" and re.match(
            r"(?:military\s+)?(?:trainers|instructors)", match.group(), re.I
        ):
            found.append("training")
        last_end = max(last_end, match.end())
        if first is None:
            first = match.start()
    return list(dict.fromkeys(found)), last_end, first


_CARRIED_ON = re.compile(
    r"\b(?:on|aboard|by|via)\s+(?:board\s+)?(?:(?:cargo|transport|military|civilian|chartered)\s+)*$", re.IGNORECASE
)


def _quantity(body: str, start: int, materiel_start: int) -> str | None:
    match = clauses.last_match(_QUANTITY, body, start, materiel_start)
    if match is None:
        return None
    text = match.group().strip()
    return text or None


def _supplier_ok(ctx, name: str) -> bool:
    if clauses.is_libya(name) or clauses.is_libyan(ctx, name):
        return False
    entry = ctx.gazetteer.get(name)
    if entry is not None and entry.affiliation and clauses.actor_type(ctx, entry.affiliation) == "international_org":
        return False  # a UN envoy or an EU official does not supply anyone
    if entry is not None and entry.actor_type == "armed_group" and entry.side == "other" and not entry.country:
        return False  # ("Islamic State fighters arrived in Sirte": a jihadist network's own fighters, no supply)
    return clauses.actor_type(ctx, name) not in ("international_org", "media")


_ASIDE_LEAD = re.compile(r"\b(?:which|who|whose|despite|although|though|while|whereas)\b", re.IGNORECASE)


# "Avrasya Shipping, a Turkish company whose vessel Cirkin was accused of carrying ...": the owner of the carrier
_WHOSE_CARRIER = re.compile(
    r",\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|airline|carrier|operator|shipper)\s+)?whose\s+"
    r"(?:[\w-]+\s+){0,2}?(?:vessels?|ships?|aircraft|planes?|freighters?|tankers?|flights?|jets?)"
    r"(?:\s+(?-i:[A-Z])[\w-]*)*\s+(?:(?:was|were|is|are|had\s+been|have\s+been)\s+)?"
    r"(?:(?:accused|suspected)\s+of\s+|(?:said|reported|believed|found|alleged)\s+to\s+have\s+)?$",
    re.IGNORECASE,
)


def _carrier_owner(ctx, sentence: Span, verb_start: int) -> Mention | None:
    """The named owner of the vessel or aircraft that is the subject of the verb ("X, whose ship carried ...")."""
    whose = _WHOSE_CARRIER.search(ctx.body, max(sentence.char_start, verb_start - 160), verb_start)
    if whose is None:
        return None
    owner = next((m for m in ctx.mentions_in(sentence.char_start, whose.start() + 1) if m.char_end == whose.start()),
                 None)
    return owner if owner is not None and _supplier_ok(ctx, owner.actor_name) else None


# "Sudanese fighters, recruited by the Rapid Support Forces, were deployed": who recruited or sent them supplies them
_RECRUITER = re.compile(
    r"\b(?:recruited|hired|sent|dispatched|brought\s+in|paid|funded|financed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_RECRUITED_BY = re.compile(
    r"\s+(?:(?P<verb>(?:recruited|hired|sent|paid|trained|brought\s+in|flown\s+in|transported)\s+by)|whom|who|that)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_RECRUITING_VERB = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+)?(?:recruited|hired|sent|paid|trained|brought\s+in|flew\s+in|flew|transported)\b",
    re.IGNORECASE,
)
_UNLOADING = re.compile(r"(?:un|off)load|deliver")


def _party_maker(ctx, rules: _Rules, span: Span) -> list[str]:
    """The makers named on the materiel ("Turkish-made") that are parties to the conflict (a known side): China, a
    maker of drones others deliver, is none."""
    names = []
    for mention in ctx.mentions_in(span.char_start, span.char_end):
        if ctx.is_demonym(mention) and rules.maker.match(ctx.body, mention.char_end):
            entry = ctx.gazetteer.get(mention.actor_name)
            if entry is not None and entry.side in ("east", "west") and _supplier_ok(ctx, mention.actor_name):
                names.append(mention.actor_name)
    return clauses.dedupe_names(names)


_SELF_MOVING = re.compile(r"deploy|redeploy|mov|fl[eyio]|arriv")
_INTO_LIBYA = re.compile(
    r"\s+(?:to|into|in|at)\s+(?:the\s+)?(?:al-)?(?:Libya|Tripoli|Benghazi|Sirte|Misrata|Jufra|Tobruk|Kufra|Sabha|Brak|"
    r"Watiya|Khadim|Ghardabiya|Derna|Ajdabiya|Mitiga|Benina)\b"
)


_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|first|then|later|already|eventually|finally))*\s+")


def _foreign_group_before(ctx, clause: Span, at: int) -> bool:
    """The subject right before `at` is a foreign armed group ("Wagner", "the Africa Corps")."""
    mentions = ctx.mentions_in(max(clause.char_start, at - 40), at)
    if not mentions or not _AUXILIARIES.fullmatch(ctx.body, mentions[-1].char_end, at):
        return False
    name = mentions[-1].actor_name
    return ctx.actor_type(name) == "armed_group" and not clauses.is_libyan(ctx, name) and not clauses.is_libya(name)


_CONJUNCTION_BEFORE = re.compile(r"\b(?:after|before|since|as)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?$", re.IGNORECASE)
_DECISION_OWNER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:decision|move|choice|order)\s+to\s+", re.IGNORECASE)


def _subject(ctx, rules: _Rules, sentence: Span, verb_start: int) -> tuple[list[str], int]:
    """The nearest plausible supplier before the verb that is not governed by a preposition, with its list."""
    body = ctx.body
    owner = _carrier_owner(ctx, sentence, verb_start)
    if owner is not None:
        return [owner.actor_name], owner.char_start
    mentions = ctx.mentions_in(sentence.char_start, verb_start)
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if not _supplier_ok(ctx, mention.actor_name):
            continue
        if _DECISION_OWNER.fullmatch(body, mention.char_end, verb_start):
            # "Erdoğan's decision to send troops": the decision's owner sends them
            return [clauses.foreign_state(ctx, mention.actor_name)], mention.char_start
        before = body[max(sentence.char_start, mention.char_start - 40) : mention.char_start]
        relative = re.match(
            r",?\s+(?:which|who|that|all of which|both of which|each of which)\b", body[mention.char_end : verb_start]
        )
        # ("paved the way for Turkey to send drones": the subject of the infinitive after "for")
        infinitive = re.search(r"\bfor\s+$", before) and re.fullmatch(r"\s+to\s+", body[mention.char_end : verb_start])
        # ("after the French military admitted it had airdropped weapons": "after" opens a clause, it governs no noun)
        said = rules.speech_between.search(body, mention.char_end, verb_start)
        conjunction = said and _CONJUNCTION_BEFORE.search(before) and re.fullmatch(
            r"\s+(?:[\w-]+\s+){0,2}?", body[mention.char_end : said.start()]
        )
        if (
            _PREPOSITIONS.search(before)
            and not relative
            and not infinitive
            and not conjunction
            and not rules.clause_opens.search(before)
            and not _RECRUITER.search(before)
        ):
            continue
        if body[mention.char_end : mention.char_end + 2] in ("'s", "’s"):
            continue  # "Russia's Wagner Group": the owner, not the subject
        if body[mention.char_end : mention.char_end + 1] in ("-", "‑") and not rules.operator_suffix.match(
            body, mention.char_end
        ):
            # "Jordan-based Med Wave Shipping": a modifier of the subject, not the subject ("Abu Dhabi-linked cargo
            # flights" are the supplier's own)
            continue
        if clauses.in_apposition(ctx, mention, verb_start):
            continue  # "the Wagner Group, a Russian private military company, deployed": the head is the subject
        if _SPEAKER_VERB_AFTER.match(body, mention.char_end):
            continue  # "a ship that France said was carrying weapons": the speaker, not the supplier
        speech = rules.speech_between.search(body, mention.char_end, verb_start)
        aside = _ASIDE_LEAD.search(body, mention.char_end, speech.start()) if speech else None
        if aside and "," not in body[aside.end() : speech.start()]:
            speech = None  # the that-clause sits in an aside: "Egypt, despite its claims that it is neutral, has sent"
        if speech:
            # "Burkhard said on Wednesday that rifles had been delivered": the speaker of the clause supplies nothing;
            # "Akar has said that Ankara's training programs will continue": the owner inside the clause does
            owner = next(
                (m for m in ctx.mentions_in(speech.end(), verb_start)
                 if body[m.char_end : m.char_end + 2] in ("'s", "’s") and _supplier_ok(ctx, m.actor_name)),
                None,
            )
            if owner is not None:
                return [clauses.foreign_state(ctx, owner.actor_name)], owner.char_start
            if _OWN_MEANS.match(body, speech.end(), verb_start) and clauses.actor_type(ctx, mention.actor_name) in (
                "country", "government"
            ):
                # "France has confirmed that its aircraft dropped rifles": the speaker's own means supplied them
                return [clauses.foreign_state(ctx, mention.actor_name)], mention.char_start
            continue
        group = clauses.coordination(ctx, mentions, index)
        names = clauses.dedupe_names(
            [clauses.foreign_state(ctx, m.actor_name) for m in group if _supplier_ok(ctx, m.actor_name)]
        )
        if not names:
            continue
        return names, group[0].char_start
    return [], verb_start


# "After Ankara signed a pact with Sarraj, it began dispatching drones": "it" opening its clause as the subject
_IT_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|then|so)\s+)(?P<it>[Ii]t)\s+"
    # (the "-ly" adverbs only through the generic alternative, never twice: exponential backtracking)
    r"(?:(?:has|have|had|also|then|later|since|soon|(?:began|started|continued|went\s+on)(?:\s+to)?)\s+|\w+ly\s+)*$"
)


def _subject_end(ctx, start: int) -> int:
    mention = next((m for m in ctx.mentions_in(start, start + 80) if m.char_start == start), None)
    return mention.char_end if mention is not None else start


def _it_subject(ctx, sentence: Span, verb_start: int) -> tuple[list[str], int]:
    """The foreign state or group that "it" stands for, when "it" is the verb's subject."""
    match = _IT_SUBJECT.search(ctx.body[sentence.char_start : verb_start])
    if match is None:
        return [], verb_start
    at = sentence.char_start + match.start("it")
    name = clauses.resolve_it(ctx, at, libyan=False)
    if name is None or not _supplier_ok(ctx, name):
        return [], verb_start
    return [clauses.foreign_state(ctx, name)], at


_FACILITY_OF = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:air\s*base|airbase|base|airport|airfield|port|naval\s+base|harbou?r)\b",
    re.IGNORECASE,
)


def _origin_from(ctx, window: Span) -> list[str]:
    body = ctx.body
    for match in re.finditer(r"\bfrom\s+(?:neighbou?ring\s+)?(?:the\s+)?", body[window.char_start : window.char_end]):
        if _REPLY_FROM.search(body, max(window.char_start, window.char_start + match.start() - 40),
                              window.char_start + match.start()):
            continue  # "a demand for an explanation from Moscow": who replies, not where fighters come from
        at = window.char_start + match.end()
        mention = next((m for m in ctx.mentions_in(at, at + 60) if m.char_start == at), None)
        if mention is not None and _FACILITY_OF.match(body, mention.char_end):
            continue  # "flights from Syria's Hmeimim air base": a base in a country, whoever flies from it
        if mention is not None and clauses.actor_type(ctx, mention.actor_name) == "country" and _supplier_ok(
            ctx, mention.actor_name
        ):
            return [mention.actor_name]
    return []


def _origin_before(ctx, rules: _Rules, clause: Span, verb_start: int) -> tuple[list[str], int]:
    """The origin named in the subject ("troops from Sudan's RSF had been deployed"), its owner skipped, and where
    the subject's phrase starts (else the verb)."""
    body = ctx.body
    match = clauses.last_match(rules.origin_before, body, clause.char_start, verb_start)
    if match is None:
        return [], verb_start
    mentions = ctx.mentions_in(match.end(), verb_start)
    if not mentions or mentions[0].char_start != match.end():
        return [], verb_start
    first = mentions[0]
    if len(mentions) > 1 and body[first.char_end : mentions[1].char_start] in ("'s ", "’s "):
        first = mentions[1]  # "Sudan's Rapid Support Forces": the owned name
        names = [clauses.foreign_state(ctx, first.actor_name)]
    elif (
        len(mentions) > 1
        and ctx.is_demonym(first)
        and clauses.actor_type(ctx, mentions[1].actor_name) in ("armed_group", "organization")
        and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,4}", body[first.char_end : mentions[1].char_start])
    ):
        # "fighters of the Russian private military company Wagner Group": the named group, not its nationality
        names = [mentions[1].actor_name]
    else:
        # "Mercenaries from Chad and Sudan have fought alongside the LNA": each origin of the list
        names = [clauses.foreign_state(ctx, m.actor_name) for m in clauses.coordination_forward(ctx, mentions, 0)]
    names = clauses.dedupe_names([n for n in names if n and _supplier_ok(ctx, n)])
    return (names, match.start()) if names else ([], verb_start)


def _passive_agent(ctx, rules: _Rules, trig: _Trigger) -> tuple[list[str], int]:
    """The suppliers named by a passive's "by" (or "from") agent, and where that agent ends (else the verb's end)."""
    body = ctx.body
    match = _PASSIVE_BY.match(body, trig.end)
    if not match and rules.passive_before.search(body, max(0, trig.start - 60), trig.start):
        # "weapons flown to Haftar's forces from the UAE": a passive supply verb names its origin with "from"
        match = _PASSIVE_FROM.match(body, trig.end)
    if not match:
        return [], trig.end
    sentence = clauses.sentence_of(ctx, trig.start)
    mentions = ctx.mentions_in(match.end(), sentence.char_end)
    if not mentions or mentions[0].char_start > match.end() + 3:
        return [], trig.end
    group = clauses.coordination_forward(ctx, mentions, 0)
    for i in range(1, len(group)):
        if ctx.is_demonym(group[i]) and not ctx.is_demonym(group[i - 1]) and re.match(
            r"\s+[a-z]", body[group[i].char_end : group[i].char_end + 2]
        ):
            group = group[:i]  # "brought in by Turkey and Russian mercenaries": a new noun phrase, not an agent
            break
    names = clauses.dedupe_names(
        [clauses.foreign_state(ctx, m.actor_name) for m in group if _supplier_ok(ctx, m.actor_name)]
    )
    return names, group[-1].char_end if names else trig.end


def _side_faction(ctx, suppliers: list[str]) -> str | None:
    """The Libyan faction on the suppliers' known side (see clauses.side_faction)."""
    return clauses.side_faction(ctx, suppliers)


_ADVERSARY = re.compile(
    # ("to anti-Gaddafi fighters": the fighters' enemy)
    r"\b(?:against|fend(?:ing)?\s+off|fight(?:ing)?|repel(?:ling)?|counter(?:ing)?|defeat)\s+(?:the\s+)?$|\banti-$",
    re.IGNORECASE,
)
_ACCUSATION_VERB = re.compile(r"\b(?:accus(?:es|ed|ing)|alleg(?:es|ed)|charg(?:es|ed))\b", re.IGNORECASE)
# Who speaks for its owner: "Gaddafi's spokesman said" is Gaddafi's claim.
_VOICE_NOUNS = r"(?:spokes(?:man|woman|person)|media\s+office|office|ministry|representative|envoy|delegate|delegation)"


_OWNER_SPEAKS = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?" + _VOICE_NOUNS + r"\s+(?:\w+\s+)?(?:said|says|told|added|claimed|alleged)\b",
    re.IGNORECASE,
)
_ACCUSER = re.compile(
    r"^\W*(?:\([^)]{1,12}\)\s*)?(?:has\s+|had\s+|have\s+)?(?:accus|alleg|claim|charg|said|say|told)", re.IGNORECASE
)


def _recipient(ctx, sentence: Span, window: Span, trig: _Trigger, suppliers: list[str]) -> tuple[str | None, int]:
    def libyan(mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if clauses.is_libyan(ctx, m.actor_name)]

    # The party supplied comes first after the verb; an adversary ("to fend off Haftar's offensive") never is.
    after = [
        m
        for m in libyan(ctx.mentions_in(window.char_start, window.char_end))
        if not _ADVERSARY.search(ctx.body[max(window.char_start, m.char_start - 25) : m.char_start])
        and not _OWNER_SPEAKS.match(ctx.body, m.char_end)  # ("..., Gaddafi's spokesman said": the accuser)
        # ("brought in by Turkey and Russian mercenaries of the Wagner Group, which has sided with Haftar": the
        # relative clause tells of another noun)
        and not clauses.in_relative_clause(ctx.body, window.char_start, m.char_start)
    ]
    after += clauses.title_mentions(ctx, window.char_start, window.char_end) if not after else []
    first = min(after, key=lambda m: m.char_start) if after else None
    gov = re.search(
        r"\b(?:the|its|their|Libya['’]s)\s+(?:[\w.-]+\s+){0,3}?government\b",
        ctx.body[window.char_start : window.char_end],
        re.IGNORECASE,
    )
    if gov and (first is None or window.char_start + gov.start() < first.char_start):
        name = clauses.government_by_cue(ctx, gov.group(), window.char_start + gov.start())
        if name:
            return name, window.char_start + gov.end()
    if first is not None:
        return clauses.faction(ctx, first.actor_name), first.char_end
    # No recipient after the verb but a Libyan party elsewhere in the sentence: the supplier's known side beats
    # the nearest Libyan name, which is often the accuser ("the LNA accused Turkey of sending mercenaries").
    # With no Libyan party in the sentence at all the recipient stays unspecified, as annotators do.
    # With no Libyan party at all ("Turkey has sent fighters into Libya") the supplier's known side still names
    # the recipient (marked as inferred: lower confidence); suppliers on different sides leave it unspecified.
    around = libyan(ctx.mentions_in(sentence.char_start, sentence.char_end))
    by_side = _side_faction(ctx, suppliers)
    if by_side and (around or trig.kind == "verb"):
        return by_side, -1
    if not around:
        return None, 0
    around = [
        m for m in around
        if not _ACCUSER.match(ctx.body[m.char_end : m.char_end + 40]) and not _OWNER_SPEAKS.match(ctx.body, m.char_end)
        and not _ADVERSARY.search(ctx.body[max(sentence.char_start, m.char_start - 25) : m.char_start])
    ]
    if around:
        nearest = min(around, key=lambda m: abs(m.char_start - trig.start))
        return clauses.faction(ctx, nearest.actor_name), 0
    return None, 0


def _foreign_destination(ctx, window: Span) -> bool:
    """'sent fighters to Syria': a non-Libyan country as destination and no Libyan party in the window."""
    body = ctx.body
    mentions = ctx.mentions_in(window.char_start, window.char_end)
    if any(
        (clauses.is_libyan(ctx, m.actor_name) or clauses.is_libya(m.actor_name))
        # ("flown missiles from Libyan bases to the RSF": a Libyan origin is no Libyan destination)
        and not _FROM_BEFORE.search(body, max(window.char_start, m.char_start - 12), m.char_start)
        for m in mentions
    ):
        return False
    for mention in mentions:
        # "to Syria", "to the RSF" (Sudan's): a foreign country, or an armed group based abroad
        kind = clauses.actor_type(ctx, mention.actor_name)
        if kind != "country" and not (kind == "armed_group" and clauses.entry_country(ctx, mention.actor_name)):
            continue
        # ("to the paramilitary Rapid Support Forces": one descriptive word may come between)
        before = body[max(window.char_start, mention.char_start - 30) : mention.char_start]
        before = re.sub(r"(?:the\s+)?(?-i:[a-z][\w-]+)\s+$", "", before) if kind == "armed_group" else before
        if _NOT_LIBYAN_DESTINATION.search(before):
            return True
    return False


def _foreign_object(ctx, trig: _Trigger) -> bool:
    """'accused of arming the RSF': the one armed, right after the verb, is a foreign state or a group based
    abroad."""
    mention = next(iter(ctx.mentions_in(trig.end, trig.end + 40)), None)
    if mention is None or not re.fullmatch(r"\s+(?:the\s+)?", ctx.body[trig.end : mention.char_start]):
        return False
    if clauses.is_libyan(ctx, mention.actor_name) or clauses.is_libya(mention.actor_name) or ctx.is_demonym(mention):
        return False  # ("arming Syrian fighters": their nationality, not a state armed)
    kind = clauses.actor_type(ctx, mention.actor_name)
    return kind == "country" or (kind == "armed_group" and clauses.entry_country(ctx, mention.actor_name) is not None)


# ---------------------------------------------------------------------------------------------------------------
# Who alleges it


def _alleged_by(ctx, rules: _Rules, sentence: Span, trig_start: int, suppliers: list[str]) -> tuple[str | None, bool]:
    body = ctx.body
    s, e = sentence.char_start, sentence.char_end
    mentions = ctx.mentions_in(s, e)
    # 0. The speaker of the statement that reports the supply: "Two commanders, who asked not to be named, said
    #    that shipments of Milan missiles had arrived" (speakers are resolved there, with asides and pronouns).
    reporter = _reporting_statement(ctx, rules, trig_start)
    if reporter is not None:
        if reporter.speaker_name:
            return reporter.speaker_name, False
        return reporter.speaker_description, True
    # 1. A named report / panel: "a confidential United Nations report", "a report by the International Crisis Group".
    for match in rules.report.finditer(body, s, e):
        owner = _report_owner(ctx, mentions, match.start(), match.end())
        if owner:
            return owner, False
    # 2. "according to X".
    for match in re.finditer(r"\baccording to\s+(?:a\s+|an\s+|the\s+)?", body[s:e], re.IGNORECASE):
        at = s + match.end()
        source = _source_at(ctx, rules, mentions, at, e)
        if source:
            return source
    # 3. "X accused Y of sending ...": the accuser is the subject of the accusation verb (never the passive
    #    "Y was accused of", whose accuser, if any, follows "by").
    for match in _ACCUSATION_VERB.finditer(body, s, trig_start):
        if re.search(r"\b(?:was|were|is|are|been|being)\s+$", body[max(s, match.start() - 12) : match.start()]):
            continue
        source = _speaker_before(ctx, rules, mentions, s, match.start(), suppliers)
        if source:
            return source
    # 4. "X said/believes/found ..." (before the verb) or "..., X said" (after the clause).
    best = None
    for match in rules.speech.finditer(body, s, e):
        if match.group().lower() == "according":
            continue
        source = _speaker_before(ctx, rules, mentions, s, match.start(), suppliers)
        if source:
            distance = abs(match.start() - trig_start)
            if best is None or distance < best[0]:
                best = (distance, source)
    if best:
        return best[1]
    # 5. Unnamed investigators / experts: "investigators found".
    for match in re.finditer(r"\b(?:UN |U\.N\. )?(investigators|experts|monitors)\b", body[s:e]):
        return match.group(1), True
    return None, False


def _reporting_statement(ctx, rules: _Rules, at: int) -> Statement | None:
    """The statement whose reported words contain offset `at` (the innermost when several do); only a report or a
    charge ("said", "found", "according to", "accused"), not an act ("urged", "denied"), says who alleges."""
    containing = [
        st for st in ctx.statement_rows
        if st.char_start <= at < st.char_end and (st.speaker_name or st.speaker_description)
        and (st.cue or "").lower() in rules.accuser_cues
    ]
    return min(containing, key=lambda st: st.char_end - st.char_start, default=None)


def _report_owner(ctx, mentions: list[Mention], start: int, end: int) -> str | None:
    body = ctx.body
    for mention in reversed(mentions):
        if mention.char_end <= start and start - mention.char_end <= 25:
            gap = body[mention.char_end : start]
            if _OWNER_GAP.match(gap) and "," not in gap:
                return _owner_name(ctx, mention.actor_name)
            break
    match = re.match(r"\s+(?:\w+\s+){0,3}?(?:by|from|of)\s+(?:the\s+)?", body[end : end + 60])
    if match:
        at = end + match.end()
        for mention in mentions:
            if mention.char_start == at:
                return _owner_name(ctx, mention.actor_name)
    return None


def _owner_name(ctx, name: str) -> str | None:
    kind = clauses.actor_type(ctx, name)
    if kind == "media":
        return None
    return name


def _source_at(ctx, rules: _Rules, mentions: list[Mention], at: int, end: int):
    body = ctx.body
    for mention in mentions:
        if at <= mention.char_start <= at + 12 and "," not in body[at : mention.char_start]:
            tail = body[mention.char_end : mention.char_end + 30]
            anon = re.match(r"\s+(?:\w+\s+)?(" + rules.anonymous.pattern + r")", tail)
            if anon and clauses.actor_type(ctx, mention.actor_name) == "country":
                return mention.actor_name, False
            if not anon:
                return mention.actor_name, False
    match = re.match(r"(?:\w+\s+){0,3}?(" + rules.anonymous.pattern + r")", body[at:end], re.IGNORECASE)
    if match:
        return match.group(1).lower(), True
    return None


def _speaker_before(ctx, rules: _Rules, mentions: list[Mention], s: int, verb_start: int, suppliers: list[str]):
    body = ctx.body
    before = body[max(s, verb_start - 60) : verb_start]
    aux = (
        r"(?:\s+(?:has|have|had|also|repeatedly|previously|recently|long|now|further|then|publicly|officially|"
        r"separately|earlier|on \w+|last \w+))*\s*$"
    )
    anon = re.search(r"(?:^|\s)((?:[\w.'’-]+\s+){0,3}?)(" + rules.anonymous.pattern + r")" + aux, before, re.IGNORECASE)
    if anon:
        anon_start = verb_start - len(before) + anon.start(2)
        inside = next((m for m in mentions if m.char_start <= anon_start < m.char_end), None)
        if inside is not None:
            return inside.actor_name, False  # "the Panel of Experts said": the named panel, not unnamed experts
        for mention in reversed(mentions):
            if (
                mention.char_end <= anon_start
                and anon_start - mention.char_end <= 12
                and re.fullmatch(r"\s+(?:\w+\s+)?", body[mention.char_end : anon_start])
            ):
                if clauses.actor_type(ctx, mention.actor_name) in ("country", "government", "international_org"):
                    return mention.actor_name, False
                break
        return anon.group(2).lower(), True
    for mention in reversed(mentions):
        if mention.char_end > verb_start:
            continue
        gap = body[mention.char_end : verb_start]
        if (
            re.fullmatch(r"\)?(?:['’]s)?" + aux, gap, re.IGNORECASE)
            or re.fullmatch(r"\)?,?\s*", gap)
            or re.fullmatch(r"['’]s\s+(?:[\w-]+\s+)?" + _VOICE_NOUNS + aux, gap, re.IGNORECASE)  # "Gaddafi's spokesman"
        ):
            if clauses.actor_type(ctx, mention.actor_name) == "media":
                return None
            if mention.surface_form.lower() in ("it", "they"):
                return None
            return mention.actor_name, False
        break
    return None


# ---------------------------------------------------------------------------------------------------------------
# Materiel with a foreign origin: "Russian mercenaries", "mercenaries from a Russian security group"


def _origin_materiel(ctx, rules: _Rules, span: tuple[int, int], taken: list[Allegation]) -> list[str]:
    """The materiel of an origin phrase, or [] when another row already covers it or its clause is irrealis."""
    if any(a.evidence_start <= span[0] < a.evidence_end or span[0] <= a.evidence_start < span[1] for a in taken):
        return []
    clause = clauses.clause_of(ctx, span[0])
    if _irrealis(rules, ctx.body[clause.char_start : span[0]]):
        return []
    return _materiel(ctx, rules, Span(*span))[0]


# A nationality or group named with fighters ("Turkish military personnel") is the weakest reading of a supply claim:
# below a supply verb even when that verb's recipient is only inferred (0.5).
_ORIGIN_CONFIDENCE = 0.45


def _origin_rows(
    ctx, rules: _Rules, s_index: int, sentence: Span, existing: list[Allegation], prior: list[Allegation]
) -> list[Allegation]:
    body = ctx.body
    out = []
    mentions = ctx.mentions_in(sentence.char_start, sentence.char_end)
    libyan = [m for m in mentions if clauses.is_libyan(ctx, m.actor_name)]
    # ("fighters linked to the Wagner Group appeared on the front lines south of Tripoli": a named group's fighters
    # at a Libyan place serve the group's known side)
    in_libya = bool(libyan) or bool(rules.libyan_place.search(body, sentence.char_start, sentence.char_end))
    if not in_libya:
        return out
    for mention in mentions:
        if not _supplier_ok(ctx, mention.actor_name):
            continue
        if not libyan and not ctx.is_demonym(mention) and clauses.side_faction(ctx, [mention.actor_name]) is None:
            continue  # (without a Libyan party named, a named group with a known side, or a nationality at a Libyan
            # place: "Qatari soldiers were on the ground in Misrata")
        if not ctx.is_demonym(mention):
            # "mercenaries from the Wagner Group ... fighting alongside Haftar's forces": a named group as origin.
            if clauses.actor_type(ctx, mention.actor_name) not in ("armed_group", "organization"):
                continue
            lead = body[max(sentence.char_start, mention.char_start - 80) : mention.char_start]
            origin = rules.origin_from.search(lead)
            noun = rules.origin.match(body, mention.char_end, sentence.char_end)
            if origin:
                span = (mention.char_start - len(lead) + origin.start(), mention.char_end)
            elif noun and not re.match(r"\s*[-‑]", body[mention.char_end : noun.end()]):
                span = (mention.char_start, noun.end())  # "Wagner Group operatives fighting with the LNA"
            else:
                continue
            materiel = _origin_materiel(ctx, rules, span, [*existing, *out])
            if not materiel:
                continue
            materiel = list(dict.fromkeys("mercenaries" if m in _PERSONNEL else m for m in materiel))
            alleged_by, anonymous = _alleged_by(ctx, rules, sentence, span[0], [mention.actor_name])
            out.append(
                Allegation(
                    supplier_name=mention.actor_name,
                    recipient_name=_group_recipient(ctx, libyan, span[0], mention.actor_name),
                    materiel=materiel,
                    evidence_start=span[0],
                    evidence_end=span[1],
                    alleged_by_name=alleged_by,
                    is_alleged_by_anonymous=anonymous,
                    confidence=_ORIGIN_CONFIDENCE,
                )
            )
            continue
        prefix = body[max(sentence.char_start, mention.char_start - 6) : mention.char_start]
        if re.search(r"\b(?:pro|anti)[-‑]$", prefix, re.IGNORECASE):
            continue
        if rules.maker.match(body, mention.char_end):
            continue  # "Chinese-made drones": the maker, not necessarily the supplier
        follower = next((m for m in mentions if 0 < m.char_start - mention.char_end <= 2), None)
        if follower is not None and clauses.actor_type(ctx, follower.actor_name) in ("armed_group", "organization"):
            continue  # "the Russian Wagner Group": the group is named (handled as a named origin)
        if _DESTROYED.search(body[max(sentence.char_start, mention.char_start - 45) : mention.char_start]):
            continue  # "air defences shot down two Turkish drones": evidence of use, not an allegation of supply
        if _DEPARTURE.search(body[max(sentence.char_start, mention.char_start - 40) : mention.char_start]):
            continue  # "any withdrawal of Syrian fighters": their leaving, not their supply
        noun = rules.origin.match(body, mention.char_end, sentence.char_end)
        if noun:
            span = (mention.char_start, noun.end())
            if re.match(r"\s+[A-Z]", body[noun.end() : noun.end() + 2]):
                continue  # "Russian private military contractor Wagner Group": an apposition, the name decides
            if not libyan and not rules.presence.match(body, noun.end()):
                continue  # (no Libyan party: only soldiers told to be there, "were on the ground in Misrata")
            if rules.casualty.match(body, noun.end()):
                continue  # "Three French soldiers were killed ... near Benghazi": a loss, not a supply
        elif not libyan:
            continue
        else:
            lead = body[max(sentence.char_start, mention.char_start - 80) : mention.char_start]
            origin = rules.origin_from.search(lead)
            if not origin:
                continue
            span = (mention.char_start - len(lead) + origin.start(), mention.char_end)
        materiel = _origin_materiel(ctx, rules, span, existing)
        if not materiel:
            continue
        supplier = clauses.foreign_state(ctx, mention.actor_name)
        # "Russian mercenaries from the Wagner Group": the named group supplies them, the demonym is their origin.
        group = rules.origin_link.match(body[span[1] : span[1] + 30])
        if group:
            at = span[1] + group.end()
            owner = next((m for m in ctx.mentions_in(at, min(sentence.char_end, at + 40)) if m.char_start == at), None)
            if (
                owner is not None
                and clauses.actor_type(ctx, owner.actor_name) in ("armed_group", "organization")
                and _supplier_ok(ctx, owner.actor_name)
            ):
                supplier, span = owner.actor_name, (span[0], owner.char_end)
                materiel = ["mercenaries" if m in _PERSONNEL else m for m in materiel]
                materiel = list(dict.fromkeys(materiel))
        origin = supplier
        recruiter = _RECRUITED_BY.match(body, span[1], sentence.char_end)
        if recruiter:
            # "Syrian fighters whom Turkey recruited and flew in", "Syrian fighters recruited by Turkey": the
            # recruiter supplies them, the nationality is their origin
            at = recruiter.end()
            owner = next((m for m in ctx.mentions_in(at, min(sentence.char_end, at + 40)) if m.char_start == at), None)
            if owner is not None and _supplier_ok(ctx, owner.actor_name) and (
                recruiter.group("verb") or _RECRUITING_VERB.match(body, owner.char_end)
            ):
                supplier = clauses.foreign_state(ctx, owner.actor_name)
        # A nationality on fighters names their origin; when a sending actor is reported in this or the previous
        # sentence ("Turkey is sending Syrian mercenaries ... 2,000 Syrian fighters have arrived") it is the
        # supplier and this is the same claim.
        sender = _sending_row(ctx, s_index, origin, existing, prior, span)
        if sender is not None and supplier not in (origin, sender.supplier_name):
            sender = None  # the recruiter named here sends them, not another sender nearby
        if sender is not None:
            sender.materiel = list(dict.fromkeys([*sender.materiel, *materiel]))
            continue
        start = span[0]
        if libyan:
            nearest = min(libyan, key=lambda m: abs(m.char_start - span[0]))
            clause = clauses.clause_of(ctx, span[0])
            start = min(span[0], nearest.char_start) if clause.char_start <= nearest.char_start < span[0] else span[0]
        alleged_by, anonymous = _alleged_by(ctx, rules, sentence, span[0], [supplier])
        out.append(
            Allegation(
                supplier_name=supplier,
                recipient_name=_group_recipient(ctx, libyan, span[0], supplier),
                materiel=materiel,
                evidence_start=start,
                evidence_end=span[1],
                alleged_by_name=alleged_by,
                is_alleged_by_anonymous=anonymous,
                confidence=_ORIGIN_CONFIDENCE,
            )
        )
    return out


def _group_recipient(ctx, libyan: list[Mention], at: int, group: str) -> str | None:
    """Whom a foreign group's (or state's) fighters serve: the nearest Libyan party named (not one referred to by a
    title or pronoun, "the minister" who counts them), unless the gazetteer puts the supplier on the other side."""
    named = [m for m in libyan if m.surface_form[:1].isupper()]
    own_side = clauses.side_faction(ctx, [group])
    if not named:
        return own_side
    recipient = clauses.faction(ctx, min(named, key=lambda m: abs(m.char_start - at)).actor_name)
    if own_side is not None and clauses.side_faction(ctx, [recipient]) not in (None, own_side):
        return own_side
    return recipient


_OWN_MEANS = re.compile(
    r"\s*(?:(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:aircraft|planes|jets|warplanes|helicopters|forces|troops|"
    r"military|army|navy|air\s+force|ships?|vessels?|special\s+forces|advisers|officers)\s+(?:\w+\s+)?"
    # ("admitted it had airdropped weapons": the speaker itself)
    r"|(?:it|they)\s+(?:had|has|have)\s+(?:\w+ly\s+)?)$",
    re.IGNORECASE,
)
_REPLY_FROM = re.compile(
    r"\b(?:demand|request|explanation|call|calls|statement|reaction|response|protest|condemnation|criticism|"
    r"warning|rebuke|complaint|objection|pressure|support|backing)s?\s+$",
    re.IGNORECASE,
)
_LADEN_FROM = re.compile(
    r"\b(?:full\s+of|loaded\s+with|laden\s+with|carrying)\s+[^,.;]{1,60}?\s+from\s+(?:the\s+)?", re.IGNORECASE
)
_CONTRAST = re.compile(r"\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)


def _sending_row(
    ctx, s_index: int, origin: str, existing: list[Allegation], prior: list[Allegation], span: tuple[int, int]
):
    """A row of another supplier moving people, reported in this sentence or the previous one; not one coordinated
    after the origin phrase ("Sudanese fighters and Russian contractors" are two suppliers' people) or set against
    it ("fighters recruited by Turkey remain, while the panel has reported Sudanese fighters")."""
    body = ctx.body
    for row in reversed([*prior, *existing]):
        index = clauses.sentence_index(ctx, row.evidence_start)
        if index < s_index - 1:
            break
        if index == s_index and (
            re.fullmatch(r"\s*,?\s*and\s+(?:[A-Z][\w-]*\s+)?", body[span[1] : row.evidence_start])
            or _CONTRAST.search(body, row.evidence_end, span[0])
        ):
            continue
        if row.supplier_name != origin and set(row.materiel) & {"mercenaries", "fighters", "military_personnel"}:
            return row
    return None


_BACKED_AFTER = re.compile(r"-(?:backed|supported|allied|led|aligned|trained)\b")
_OBJECT_LEAD = re.compile(
    r"\s+(?:(?:the|a|an|some|more|new|its|their|his|her|additional|advanced|modern|several|dozens\s+of|"
    r"hundreds\s+of|at\s+least|up\s+to|about|around|nearly|\d[\d,.]*)\s+)*"
)


def _receive_rows(ctx, rules: _Rules, sentence: Span, existing: list[Allegation]) -> list[Allegation]:
    """'The GNA received armed drones from Turkey': recipient = the Libyan subject, supplier = after "from"."""
    body = ctx.body
    out = []
    for match in rules.receive.finditer(body, sentence.char_start, sentence.char_end):
        clause = clauses.clause_of(ctx, match.start())
        # ("received much of his weaponry through Doha": the state it came through sent it)
        source = re.search(r"\b(?:from|through)\s+(?:the\s+)?", body[match.end() : clause.char_end])
        if source is None:
            # "Haftar received Turkish drones", "Haftar gains Russian equipment": the demonym on the materiel
            materiel, last_end, first = _materiel(ctx, rules, Span(match.end(), min(clause.char_end, match.end() + 60)))
            group = [
                m for m in ctx.mentions_in(match.end(), first if first is not None else match.end())
                if ctx.is_demonym(m) and first - m.char_end <= 30 and not rules.maker.match(body, m.char_end)
                and not _BACKED_AFTER.match(body, m.char_end)
            ]
            # (the materiel is the verb's object: "received Russian and Emirati drones", not "gained ground against
            # Turkish-backed fighters" or "received reports that Russian jets had landed")
            if not materiel or not group or not _OBJECT_LEAD.fullmatch(body, match.end(), group[0].char_start):
                continue
        else:
            if _REPLY_FROM.search(body, max(0, match.end() + source.start() - 40), match.end() + source.start()):
                continue
            at = match.end() + source.end()
            materiel, last_end, first = _materiel(ctx, rules, Span(match.end(), match.end() + source.start()))
            if not materiel:
                continue
            mentions = ctx.mentions_in(at, clause.char_end)
            if not mentions or mentions[0].char_start > at + 3:
                continue
            group = clauses.coordination_forward(ctx, mentions, 0)
        suppliers = clauses.dedupe_names(
            [clauses.foreign_state(ctx, m.actor_name) for m in group if _supplier_ok(ctx, m.actor_name)]
        )
        if not suppliers:
            continue
        before = body[clause.char_start : match.start()]
        if _irrealis(rules, before) or _HYPOTHETICAL_PREFIX.search(before):
            continue
        if re.search(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\s+(?:ever\s+|having\s+)*$", before):
            continue  # "The LNA denied receiving any Russian weapons"
        before_verb = ctx.mentions_in(clause.char_start, match.start())
        if before_verb and not clauses.is_libyan(ctx, before_verb[-1].actor_name) and not ctx.is_demonym(
            before_verb[-1]
        ) and re.fullmatch(r"\s+(?:\w+\s+){0,2}?", body[before_verb[-1].char_end : match.start()]):
            continue  # "Turkey received Russian S-400 missiles": a foreign recipient
        subjects = [m for m in before_verb if clauses.is_libyan(ctx, m.actor_name)]
        start = subjects[-1].char_start if subjects else match.start()
        recipient = clauses.faction(ctx, subjects[-1].actor_name) if subjects else _side_faction(ctx, suppliers)
        if _covered(existing, suppliers, match.start()):
            continue
        quantity = _quantity(body, match.end(), first) if first is not None else None
        out += _rows_for(ctx, rules, sentence, match.start(), suppliers, recipient, materiel,
                         Span(start, group[-1].char_end), quantity, 0.6 if subjects else 0.5)
    return out


# "Ankara's intervention, which included armed drones and air defence systems", "Russian military support has
# included Pantsir systems": what a state's help to a side consisted of
_INCLUDED = re.compile(
    r"\b(?:intervention|(?:military\s+)?(?:support|assistance|aid|backing|help))\s*,?\s+(?:which\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:also\s+|reportedly\s+|allegedly\s+)?included\s+",
    re.IGNORECASE,
)


def _included_rows(ctx, rules: _Rules, sentence: Span, existing: list[Allegation]) -> list[Allegation]:
    body = ctx.body
    out: list[Allegation] = []
    for match in _INCLUDED.finditer(body, sentence.char_start, sentence.char_end):
        owner = next(
            (m for m in reversed(ctx.mentions_in(max(sentence.char_start, match.start() - 30), match.start()))
             if re.fullmatch(r"(?:['’]s?)?\s+(?:military\s+)?", body[m.char_end : match.start()])),
            None,
        )
        if owner is None or not _supplier_ok(ctx, owner.actor_name):
            continue
        end = body.find(",", match.end(), sentence.char_end)
        end = end if end >= 0 else sentence.char_end
        materiel, last_end, first = _materiel(ctx, rules, Span(match.end(), end))
        materiel = [m for m in materiel if m in _ARMS or m in ("aircraft", "military_personnel", "training")]
        if not materiel or _irrealis(rules, body[sentence.char_start : match.start()]):
            continue
        suppliers = [clauses.foreign_state(ctx, owner.actor_name)]
        if _covered(existing, suppliers, match.start()):
            continue
        out += _rows_for(ctx, rules, sentence, match.start(), suppliers, _side_faction(ctx, suppliers), materiel,
                         Span(owner.char_start, last_end), None, 0.5)
    return out


def _nominal_rows(ctx, rules: _Rules, sentence: Span, existing: list[Allegation]) -> list[Allegation]:
    """'the UAE's supply of drones to the LNA', 'deliveries of weapons from the UAE to Haftar's forces'."""
    body = ctx.body
    out = []
    for match in rules.supply_noun.finditer(body, sentence.char_start, sentence.char_end):
        clause = clauses.clause_of(ctx, match.start())
        agent = re.search(
            r"\b(?:from|by|attributed\s+to|belonging\s+to)\s+(?:the\s+)?", body[match.end() : clause.char_end]
        )
        stop = re.search(r"\s(?:from|by|to|for|into|at)\s", body[match.end() : clause.char_end])
        stop_at = match.end() + stop.start() if stop else min(clause.char_end, match.end() + 80)
        materiel, last_end, first = _materiel(ctx, rules, Span(match.end(), stop_at))
        if not materiel:
            continue
        owner = next(
            (m for m in ctx.mentions_in(max(clause.char_start, match.start() - 60), match.start())
             if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", body[m.char_end : match.start()])),
            None,
        )
        if owner is None:
            # "Egyptian shipments of ammunition to Haftar's bases": a demonym on the supply noun
            owner = next(
                (m for m in ctx.mentions_in(max(clause.char_start, match.start() - 40), match.start())
                 if ctx.is_demonym(m) and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}", body[m.char_end : match.start()])),
                None,
            )
        group: list[Mention] = [owner] if owner is not None else []
        if not group and agent is not None:
            at = match.end() + agent.end()
            mentions = ctx.mentions_in(at, clause.char_end)
            if mentions and mentions[0].char_start <= at + 3:
                group = clauses.coordination_forward(ctx, mentions, 0)
        if not group and first is not None:
            # "deliveries of Emirati armor to the LNA": the demonym on the materiel (not "Emirati-made")
            group = [
                m for m in ctx.mentions_in(match.end(), first)
                if ctx.is_demonym(m) and first - m.char_end <= 20 and not rules.maker.match(body, m.char_end)
            ][-1:]
        suppliers = clauses.dedupe_names(
            [clauses.foreign_state(ctx, m.actor_name) for m in group if _supplier_ok(ctx, m.actor_name)]
        )
        if not suppliers and rules.facilitated.search(body, max(clause.char_start, match.start() - 50), match.start()):
            # "Turkey had facilitated the transfer of Syrian fighters": the subject of a verb of doing it (not of
            # "condemned the supply of weapons")
            suppliers, subject_start = _subject(ctx, rules, sentence, match.start())
            group = [m for m in ctx.mentions_in(subject_start, match.start()) if m.char_start == subject_start][:1]
        if not suppliers:
            continue
        window = Span(match.end(), clause.char_end)
        libyan = [m for m in ctx.mentions_in(match.end(), clause.char_end) if clauses.is_libyan(ctx, m.actor_name)]
        if not libyan and not rules.libyan_place.search(body, sentence.char_start, sentence.char_end) and not any(
            clauses.is_libyan(ctx, m.actor_name) for m in ctx.mentions_in(sentence.char_start, sentence.char_end)
        ):
            continue  # "Russia's sale of S-400s to Turkey": not about Libya
        if _foreign_destination(ctx, window) and not libyan:
            continue
        before = body[clause.char_start : match.start()]
        if _irrealis(rules, before) or _HYPOTHETICAL_PREFIX.search(before) or _DEPARTURE.search(before):
            continue
        if _HYPOTHETICAL_NOUN.search(before) or re.search(
            r"\b(?:would|could|will|might|must)\b", body[match.end() : clause.char_end]
        ):
            continue  # "any transfer of weapons would violate the embargo": no supply is claimed
        if _HUMANITARIAN.search(body, clause.char_start, clause.char_end):
            continue
        if _covered(existing, suppliers, match.start(), materiel):
            continue
        recipient = clauses.faction(ctx, libyan[0].actor_name) if libyan else _side_faction(ctx, suppliers)
        start = min(group[0].char_start, match.start())
        end = max(last_end, group[-1].char_end, libyan[0].char_end if libyan else 0)
        quantity = _quantity(body, match.end(), first) if first is not None else None
        out += _rows_for(ctx, rules, sentence, match.start(), suppliers, recipient, materiel, Span(start, end),
                         quantity, 0.6 if libyan else 0.5)
    return out


_FLIGHT_DESTINATION = re.compile(r"\s+to\s+[^,;.]{2,80}")


def _flight_rows(ctx, rules: _Rules, sentence: Span, existing: list[Allegation]) -> list[Allegation]:
    """'Cargo planes from the UAE landed at al-Khadim air base': supplier the origin, cargo unspecified."""
    body = ctx.body
    out = []
    found: list[tuple[int, list[Mention], int]] = []  # (start, supplier mentions, where the arrival may begin)
    for match in rules.flight.finditer(body, sentence.char_start, sentence.char_end):
        mentions = ctx.mentions_in(match.end(), sentence.char_end)
        if mentions and mentions[0].char_start <= match.end() + 3:
            group = clauses.coordination_forward(ctx, mentions, 0)
            found.append((match.start(), group, group[-1].char_end))
    for match in rules.flight_bare.finditer(body, sentence.char_start, sentence.char_end):
        # "Turkish cargo planes landed at Mitiga": a demonym right before the flights names their origin
        origin = next((m for m in ctx.mentions_in(max(sentence.char_start, match.start() - 40), match.start())
                       if re.fullmatch(r"\s?", body[m.char_end : match.start()]) and ctx.is_demonym(m)), None)
        if origin is not None and rules.libyan_place.search(body, match.end(), sentence.char_end):
            found.append((origin.char_start, [origin], match.end()))
        elif origin is None:
            # "Cargo planes have been landing in Misrata full of weapons from Qatar": the origin after the cargo
            arrival = rules.flight_arrival.search(body, match.end(), min(sentence.char_end, match.end() + 40))
            laden = arrival and _LADEN_FROM.search(body, arrival.end(), min(sentence.char_end, arrival.end() + 120))
            source = laden and next(iter(ctx.mentions_in(laden.end(), sentence.char_end)), None)
            if source is not None and source.char_start == laden.end() and rules.libyan_place.search(
                body, arrival.end(), laden.start()
            ):
                found.append((match.start(), [source], match.end()))
    for start, group, after in found:
        arrival = rules.flight_arrival.search(body, after, min(sentence.char_end, after + 60))
        if arrival is None or re.search(r"[,;]", body[after : arrival.start()]):
            # "cargo flights from the UAE to airbases in eastern Libya": a Libyan destination right after the origin
            arrival = _FLIGHT_DESTINATION.match(body, after, min(sentence.char_end, after + 90))
            if arrival is None or not (
                rules.libyan_place.search(arrival.group())
                or any(clauses.is_libyan(ctx, m.actor_name) for m in ctx.mentions_in(arrival.start(), arrival.end()))
            ):
                continue
        suppliers = clauses.dedupe_names(
            [clauses.foreign_state(ctx, m.actor_name) for m in group if _supplier_ok(ctx, m.actor_name)]
        )
        clause = clauses.clause_of(ctx, start)
        if not suppliers or _irrealis(rules, body[clause.char_start : arrival.start()]):
            continue
        if _covered(existing, suppliers, start):
            continue
        where = ctx.mentions_in(arrival.end(), sentence.char_end)
        libyan = [m for m in where if clauses.is_libyan(ctx, m.actor_name)]
        recipient = clauses.faction(ctx, libyan[0].actor_name) if libyan else _side_faction(ctx, suppliers)
        materiel, _, _ = _materiel(ctx, rules, Span(arrival.end(), max(clause.char_end, min(sentence.char_end,
                                                                                   arrival.end() + 160))))
        materiel = [m for m in materiel if m != "aircraft"] or [rules.flight_materiel]
        out += _rows_for(ctx, rules, sentence, start, suppliers, recipient, materiel, Span(start, arrival.end()),
                         None, 0.5)
    return out


def _covered(existing: list[Allegation], suppliers: list[str], at: int, materiel: list[str] | None = None) -> bool:
    """A row of one of these suppliers already spans `at` (with some of this materiel, when given)."""
    return any(
        a.supplier_name in suppliers
        and a.evidence_start <= at < a.evidence_end
        and (materiel is None or set(a.materiel) & set(materiel))
        for a in existing
    )


def _rows_for(
    ctx,
    rules: _Rules,
    sentence: Span,
    at: int,
    suppliers: list[str],
    recipient: str | None,
    materiel: list[str],
    evidence: Span,
    quantity: str | None,
    confidence: float,
) -> list[Allegation]:
    """One row per supplier of a claim, with who alleges it."""
    alleged_by, anonymous = _alleged_by(ctx, rules, sentence, at, suppliers)
    return [
        Allegation(
            supplier_name=supplier,
            recipient_name=recipient,
            materiel=list(materiel),
            evidence_start=evidence.char_start,
            evidence_end=evidence.char_end,
            quantity_text=quantity,
            alleged_by_name=alleged_by,
            is_alleged_by_anonymous=anonymous,
            confidence=confidence,
        )
        for supplier in suppliers
    ]


# ---------------------------------------------------------------------------------------------------------------
# Dedupe and denials


@dataclass(frozen=True, slots=True)
class _Claims:
    """What _dedupe knows of the rows, by row id."""

    generic: set[int]  # materiel only the default of an embargo-breach phrase
    sentence_of: dict[int, int]  # the sentence the row was told in
    repeats: set[int]  # told inside a speaker's quotation, in passing, or as a definite reference


def _quoted(ctx, offset: int) -> bool:
    """Inside a quotation of a sentence or more (not a scare-quoted phrase such as "arming rebel gangs")."""
    span = ctx.quotation_at(offset)
    return span is not None and span[1] - span[0] > 60


def _same_claim(a: Allegation, b: Allegation, claims: _Claims) -> bool:
    generic = claims.generic
    if a.supplier_name != b.supplier_name:
        return False
    if id(a) in generic or id(b) in generic:
        # A bare "breached the embargo" claim has nothing to identify it by but supplier and recipient; next to a
        # specific supply ("transferred vehicles to Haftar in violation of the embargo") it is the same claim.
        close = abs(a.evidence_start - b.evidence_start) < 300 and (
            not a.recipient_name or not b.recipient_name or a.recipient_name == b.recipient_name
        )
        return close or (
            a.recipient_name is not None
            and a.recipient_name == b.recipient_name
            and bool(set(a.materiel) & set(b.materiel))
        )
    if not set(a.materiel) & set(b.materiel):
        return False
    if claims.sentence_of.get(id(a)) != claims.sentence_of.get(id(b)) and not (
        (id(a) in claims.repeats or id(b) in claims.repeats)
        and (set(a.materiel) <= set(b.materiel) or set(b.materiel) <= set(a.materiel))
    ):
        # Another sentence is another report (another source, another shipment), as annotators count it; only a
        # speaker's quotation that repeats the claim, or a passing mention ("Emirati warplanes"), is the same report
        return False
    return a.recipient_name == b.recipient_name or not a.recipient_name or not b.recipient_name


def _dedupe(rows: list[Allegation], claims: _Claims) -> list[Allegation]:
    generic = claims.generic
    kept: list[Allegation] = []
    for row in rows:
        twin = next((k for k in kept if _same_claim(k, row, claims)), None)
        if twin is None:
            kept.append(row)
            continue
        if id(twin) in generic and id(row) not in generic:
            twin.materiel = list(row.materiel)  # the specific materiel replaces the default
            generic.discard(id(twin))
        elif id(row) in generic and id(twin) not in generic:
            pass
        else:
            twin.materiel = list(dict.fromkeys([*twin.materiel, *row.materiel]))
        if row.confidence > twin.confidence:
            # the surer reading of the claim (a supply verb rather than "Turkish troops" in passing) is its evidence
            twin.evidence_start, twin.evidence_end = row.evidence_start, row.evidence_end
            twin.quantity_text = row.quantity_text or twin.quantity_text
            twin.confidence = row.confidence
        twin.recipient_name = twin.recipient_name or row.recipient_name
        twin.denied_by = clauses.dedupe_names([*twin.denied_by, *row.denied_by])
        if twin.alleged_by_name is None and row.alleged_by_name:
            twin.alleged_by_name, twin.is_alleged_by_anonymous = row.alleged_by_name, row.is_alleged_by_anonymous
    return kept


def _attach_denials(ctx, rules: _Rules, rows: list[Allegation]) -> None:
    """Deniers in the same sentence apply to every row there; in the next sentence only the supplier's own denial."""
    if not rows:
        return
    body = ctx.body
    denials: dict[int, list[str]] = {}
    pattern = re.compile(
        r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\b", re.IGNORECASE
    )
    for index, sentence in enumerate(ctx.sentences):
        for match in pattern.finditer(body, sentence.char_start, sentence.char_end):
            if not rules.denial.match(body, match.start()):
                continue
            denier = _denier(ctx, sentence, match.start())
            if denier:
                denials.setdefault(index, []).append(denier)
    if not denials:
        return
    for row in rows:
        index = clauses.sentence_index(ctx, row.evidence_start)
        names = list(denials.get(index, []))
        # Later sentences: only the supplier's own denial (or its state's, for a company or group it hosts).
        own = {row.supplier_name, clauses.entry_country(ctx, row.supplier_name)}
        names += [n for n in [*denials.get(index + 1, []), *denials.get(index + 2, [])] if n in own]
        if names:
            row.denied_by = clauses.dedupe_names([*row.denied_by, *names])


def _denier(ctx, sentence: Span, verb_start: int) -> str | None:
    body = ctx.body
    for mention in reversed(ctx.mentions_in(sentence.char_start, verb_start)):
        gap = body[mention.char_end : verb_start]
        if len(gap) > 40 or re.search(r"[;:]", gap):
            return None
        if mention.surface_form.lower() in ("it", "they"):
            return clauses.resolve_it(ctx, mention.char_start)
        return clauses.foreign_state(ctx, mention.actor_name)
    return None
