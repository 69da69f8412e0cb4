"""Foreign support: who backs which Libyan party, as the text states it (arms or not).

Pattern families (data in `loaders/rules/support.yaml`):
- passive: "X is backed by A, B and C", "X, who is supported by A";
- compound adjective: "Turkish-backed government", "UAE-backed forces of Khalifa Haftar";
- active: "Y backs X", "France supports the legitimate government of Prime Minister Serraj", "accused it of backing X";
- nouns: "X enjoys the backing of A, B and C", "Russia's support for Haftar", "X's key backer is Y".
The supported side must be a Libyan party (person, force, government; not Libya itself); the supporter must not be
on the same side. Negated, hypothetical and future statements give no row. Coordinated lists give one row each.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from loaders.extract import clauses
from loaders.extract.actors import gna_era
from loaders.extract.context import ArticleContext
from loaders.model import Mention, Span, Support

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|with|by|from|to|in|for|against|alongside|on|at|into|toward|towards|about|over|than|between|among|"
    r"via|through|under|after|near)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_DESCRIPTOR_GAP = re.compile(
    r"^\s+(?:(?:regional|key|main|gulf|arab|western|foreign|close|traditional|long-?time)\s+)*"
    r"(?:allies|ally|partners?|neighbou?rs?|powers?|states|countries|nations|members?)\s+"
    r"(?:such as\s+|including\s+|like\s+)?$",
    re.IGNORECASE,
)
_DESCRIPTION_BEFORE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$")  # ", a Russian private military company"
_ALLY_OF_FOREIGN = re.compile(
    r"['’]s?\s+(?:(?:key|main|close|closest|chief|local|Libyan|regional|longtime|long-time|staunch)\s+){0,2}"
    r"(?:ally|proxy|client|protégé|protege)\s*,?\s+(?:the\s+)?",
    re.IGNORECASE,
)
# A stem of every support noun pattern in _nouns (backing, supporters, patron, sponsor, suppliers, ally, proxy, client,
# protégé, help, assistance, intervention, partner): a sentence without one is skipped whole.
_NOUN_FAMILY = re.compile(
    r"back|support|help|assist|patron|sponsor|suppl|all(?:y|ies)|prox|client|prot[eé]g|intervention|partner|paymaster",
    re.IGNORECASE,
)
_RELATIVE_TAIL = re.compile(
    r"\s*,\s*(?:which|who|whose\s+(?:government|country|administration))\s+"
    r"(?:(?:also|has|have|had|long|openly|still|now)\s+){0,2}"
)
_RELATIVE_AND = re.compile(r",\s*(?:which|who)\s+[^,;.]{1,80}?\s+and$")
_IT_THEY = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)
_LIST_LEAD = re.compile(
    r"\s*(?:(?:the|countries|states|powers|nations|such as|including|like|notably|mainly|"
    r"chiefly|primarily|both|reportedly|allegedly|western|foreign|regional|arab|gulf|european|several|other|key)\s+"
    r"|,\s*)*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Rules:
    passive: re.Pattern[str]
    active: re.Pattern[str]
    compound: re.Pattern[str]
    noun: re.Pattern[str]
    possessive_noun: re.Pattern[str]
    backer_of: re.Pattern[str]
    name_ally: re.Pattern[str]  # ", a key Haftar ally,": the backed party as the backer noun's modifier
    demonym_backers: re.Pattern[str]  # "Haftar's Russian and Emirati patrons"
    described_as: re.Pattern[str]  # "described Qatar and Turkey" ... (then backer_role)
    backer_role: re.Pattern[str]  # " as the sponsors of "
    possessive_role: re.Pattern[str]  # "'s closest patrons" (after " as " and the supported party)
    possessive_support: re.Pattern[str]  # "enjoyed " before "Moscow's support"
    backer_is: re.Pattern[str]
    backers_apposition: re.Pattern[str]
    among: re.Pattern[str]
    false_follow: re.Pattern[str]
    negation: re.Pattern[str]
    accusation: re.Pattern[str]
    accusation_alt: str
    government_np: re.Pattern[str]
    government_word: re.Pattern[str]
    demonym_support: re.Pattern[str]
    counts_among: re.Pattern[str]
    government_nouns: frozenset[str]  # "the government's ally": a government noun as a possessive owner
    state_forces_after: re.Pattern[str]  # " special forces" after a demonym: the state's own forces
    purpose_of_supply: re.Pattern[str]  # "deployed troops ... to" before a support verb
    purpose_event_types: frozenset[str]  # events whose stated purpose names the party backed
    event_np_before: re.Pattern[str]  # "an uprising (which was)" before a support verb


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    r = clauses.load_rules("support")
    backer = r["backer_nouns"]
    government = clauses.government_nouns(*r["supported_government_nouns"])
    copula = rf"(?:{clauses.alternation(r['backer_copula_adverbs'])}\s+)?{clauses.alternation(r['backer_copulas'])}"
    return _Rules(
        # ("supported militarily by the UAE": an adverb may sit before "by")
        passive=re.compile(rf"(?<![\w-])(?:{r['passive_verbs']})\s+(?:\w+ly\s+)?by\s+", re.IGNORECASE),
        active=re.compile(rf"(?<![\w-])(?:{r['active_verbs']})(?![\w-])", re.IGNORECASE),
        compound=re.compile(rf"[-‑](?:{r['compound_verbs']})(?![\w-])", re.IGNORECASE),
        noun=re.compile(r"(?<![\w-])" + clauses.alternation(r["noun_patterns"]) + r"\s+(?:the\s+)?", re.IGNORECASE),
        possessive_noun=re.compile(
            r"['’]s?\s+(?:(?:strong|full|military|political|financial|continued|key|crucial|firm|open|covert|"
            r"growing|unwavering|diplomatic|public)\s+)*(?:support|backing|sponsorship|patronage|intervention\s+on\s+behalf)"
            r"\s+(?:for|of|to)\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        # (the backer nouns of support.yaml serve every pattern below)
        name_ally=re.compile(
            r"\s*,\s+(?:a|an|the|another)\s+(?:(?:key|close|main|major|staunch|important|longtime|long-time|principal|chief|"
            r"regional|foreign|loyal|firm|crucial|steadfast)\s+){0,2}"
            r"(?P<owner>(?-i:[A-Z])[\w.’'-]+(?:\s+(?-i:[A-Z])[\w.’'-]+){0,2})"
            rf"\s+(?:{backer})\s*[,.;]"
        ),
        demonym_backers=re.compile(
            r"['’]s\s+(?:(?:main|key|foreign|chief|principal|longtime|long-time)\s+)?(?P<list>(?-i:[A-Z])[\w-]+"
            rf"(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+)(?-i:[A-Z])[\w-]+)*)\s+(?:{backer})\b"
        ),
        described_as=re.compile(
            r"\b(?:described|describes|describe|called|calls|branded|brands|labell?ed|portrayed|portrays|portray|"
            r"regard(?:s|ed)?|view(?:s|ed)?|sees?|saw)\s+"
        ),
        backer_role=re.compile(
            rf"\s+as\s+(?:the\s+|a\s+|an\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{backer})\s+of\s+(?:the\s+)?"
        ),
        possessive_role=re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{backer})\b", re.IGNORECASE),
        possessive_support=re.compile(rf"\b(?:{r['possessive_support_verbs']})\s+(?:the\s+)?", re.IGNORECASE),
        backer_of=re.compile(
            rf"(?:(?:,?\s+|\s+{copula}\s+)"
            rf"(?:a|an|the|one of the|one of|among the|not the only)\s+(?:\w+\s+){{0,3}}?"
            # ("Turkey and Qatar are seen as patrons of the Tripoli authorities": a bare plural after a copula)
            rf"|\s+{copula}\s+(?:\w+\s+){{0,2}}?(?=(?:backers|patrons|supporters|sponsors|allies)\b))"
            rf"(?:{backer})\s+(?:of|to)\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        backer_is=re.compile(
            # ("the LAAF's foreign partners – Egypt, the UAE and Russia": a dash opens the list)
            # ("Haftar, whose main backers are Egypt and the UAE": the relative possessive too)
            rf"(?:['’]s?|\s*,\s+whose)\s+(?:\w+\s+){{0,3}}?(?:{backer})\s*(?:,\s*(?:however,\s+)?|[–—]\s*)?"
            rf"(?:(?:is|are|was|were|remain|remains|remained)\s+"
            rf"(?:widely\s+)?(?:seen\s+as|regarded\s+as|considered|thought\s+to\s+be\s+)?|(?:include|included|"
            rf"includes|such as|including|like)\s+)?(?:the\s+)?",
            re.IGNORECASE,
        ),
        # "Egypt and the UAE, Haftar's main regional allies, ...", "The UAE is Haftar's main backer."
        backers_apposition=re.compile(
            rf"(?:\s*,\s+(?:(?:long|widely|often)\s+)?(?:(?:seen|regarded|viewed|considered|described)\s+as\s+)?"
            rf"|\s+{copula}\s+)"
            # (a lower-case owner counts when it is a mention: "the rebels' most generous backers" in 2011)
            # ("Russia has been his most consistent foreign patron": a possessive pronoun owns it too)
            r"(?:one\s+of\s+)?(?:the\s+)?(?:(?P<owner>(?-i:[A-Z])[\w.’'-]+(?:\s+(?-i:[A-Z])[\w.’'-]+){0,3}"
            r"|(?-i:[a-z])[\w-]+)['’]s?|(?P<pronoun>(?-i:his|her|its|their)))\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?:{backer})\s*(?:[,.;]|\s+(?:in|among|since|for|during|throughout|until|alongside|along\s+with|"
            r"together\s+with|as\s+well\s+as)\b|$)",
            re.IGNORECASE,
        ),
        among=re.compile(rf"\s+among\s+(?:his|her|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{backer})\b", re.IGNORECASE),
        false_follow=re.compile(r["false_followers"], re.IGNORECASE),
        negation=clauses.irrealis_pattern(tuple(r["negation"])),
        accusation=re.compile(rf"\b(?:{r['accusation']})\b", re.IGNORECASE),
        accusation_alt=r["accusation"],
        government_np=re.compile(
            rf"\s*(?:the\s+|its\s+|Libya['’]s\s+)?(?:[\w.-]+\s+){{0,3}}?{government}\b"
            r"(?:\s+(?:of|led by|headed by|under)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?"
            # ("the authorities in Tripoli": the place is the cue to which government)
            r"|\s+(?:in|based\s+in)\s+(?:Tripoli|Benghazi|Tobruk|Bayda|the\s+(?:east|west|capital))\b)?",
            re.IGNORECASE,
        ),
        government_word=re.compile(rf"\b(?:the|its|this|that)\s+(?:[\w.-]+\s+){{0,2}}?{government}\b", re.IGNORECASE),
        demonym_support=re.compile(
            rf"(?<![\w-])(?P<demonym>(?-i:[A-Z])[a-z]+)\s+(?:{clauses.alternation(r['demonym_support_kinds'])}\s+)?"
            rf"{clauses.alternation(r['demonym_support_nouns'])}(?:\s+(?P<for>for|to)\s+(?:the\s+)?)?",
        ),
        counts_among=re.compile(rf"\b{clauses.alternation(r['counts_among_verbs'])}\s+(?:the\s+)?", re.IGNORECASE),
        government_nouns=frozenset(str(n).lower() for n in r["supported_government_nouns"]),
        purpose_event_types=frozenset(r["purpose_event_types"]),
        purpose_of_supply=re.compile(
            rf"\b(?:{clauses.phrase_alternation(r['purpose_supply_verbs'])})\b[^;:]{{0,120}}\bto\s+$", re.IGNORECASE
        ),
        state_forces_after=re.compile(rf"\s+(?:{clauses.phrase_alternation(r['state_force_nouns'])})\b"),
        event_np_before=re.compile(
            rf"\b(?:an?|the|its|their|his)\s+(?:[\w-]+\s+){{0,2}}?(?:{clauses.phrase_alternation(r['event_nouns'])})\s*,?\s*"
            r"(?:(?:which|that)\s+(?:is|was|were|are|has\s+been|had\s+been)\s+|(?:is|was|were|are|has\s+been|had\s+been)\s+)?$",
            re.IGNORECASE,
        ),
    )


def extract_support(ctx: ArticleContext) -> list[Support]:
    rules = _rules()
    rows: list[Support] = []
    for sentence in ctx.sentences:
        if clauses.is_furniture(ctx, sentence.char_start):
            continue
        rows.extend(_passive(ctx, rules, sentence))
        rows.extend(_compound(ctx, rules, sentence))
        rows.extend(_active(ctx, rules, sentence))
        rows.extend(_nouns(ctx, rules, sentence))
    rows.extend(_purpose_of_supply(ctx, rules))
    return _dedupe(ctx, rows)


_ASIDE_BEFORE = re.compile(
    r",\s*(?:represented|led|headed|chaired|backed|based|which|who|whose|a|an|the|one)\b[^,;]{1,100},?\s*$",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\b(?:in support of|to (?:support|back|bolster|prop up|shore up|reinforce|help|aid|strengthen))\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _purpose_of_supply(ctx, rules: _Rules) -> list[Support]:
    """An alleged supply whose stated purpose is backing a Libyan party ("deployed 1,200 fighters to support
    Haftar's army", "personnel deployed at bases ..., in support of his forces"): the supplier backs that party."""
    body = ctx.body
    out = []
    origin = getattr(ctx, "_allegation_origin", set())
    # (supplier, evidence start, evidence end, alleged by) of each supply, and of each act of a foreign party
    acts = [
        (row.supplier_name, row.evidence_start, row.evidence_end, row.alleged_by_name)
        for row in ctx.allegation_rows if id(row) not in origin
    ]
    # "carried out air strikes in Tripoli in support of forces aligned with the Tobruk parliament": a foreign
    # party's own act (an event) told with its purpose
    for event in ctx.event_rows:
        if event.event_type not in rules.purpose_event_types:
            continue
        # the foreign parties named before the trigger ("The UAE and Egypt had carried out air strikes")
        trigger_at = body.find(event.trigger or "", event.evidence_start, event.evidence_end)
        parties = {p.actor_name for p in event.participants}
        for actor in dict.fromkeys(
            m.actor_name for m in ctx.mentions_in(event.evidence_start, max(trigger_at, event.evidence_start))
            if m.actor_name in parties
        ):
            if not clauses.is_libyan(ctx, actor):
                acts.append((actor, event.evidence_start, event.evidence_end, None))
    for supplier, evidence_start, evidence_end, alleged_by in acts:
        sentence = clauses.sentence_of(ctx, evidence_start)
        purpose = _PURPOSE.search(body, evidence_start, sentence.char_end)
        if purpose is None or purpose.start() - evidence_end > 120:
            continue
        supported, end = _supported_at(ctx, purpose.end(), sentence.char_end)
        if supported is None:
            pronoun = re.match(
                r"(?:his|its|their)\s+(?:forces|troops|army|side|fighters)\b", body[purpose.end() : sentence.char_end]
            )
            if pronoun is None:
                continue
            supported = clauses.resolve_it(ctx, purpose.end(), libyan=True, persons=True)
            end = purpose.end() + pronoun.end()
        if supported is None:
            continue
        for item in _rows(ctx, [supplier], supported, evidence_start, max(end, evidence_end), alleged_by):
            item.confidence = 0.6
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Helpers


def _supporter_ok(ctx, supporter: str, supported: str, *, compound: bool = False) -> bool:
    if clauses.is_libya(supporter) or supporter == supported:
        return False
    kind = clauses.actor_type(ctx, supporter)
    if kind == "media":
        return False
    if compound and kind == "international_org":
        return False  # "UN-backed government" is the standard epithet of recognition, not backing
    if clauses.is_libyan(ctx, supporter):
        # a Libyan armed group backs others, and so does its commander ("Bashagha, who is backed by Haftar")
        if kind != "armed_group" and clauses.actor_type(ctx, clauses.faction(ctx, supporter)) != "armed_group":
            return False
        if clauses.faction(ctx, supporter) == clauses.faction(ctx, supported):
            return False
    return True


_SUPPORT_AFTER_OWNER = re.compile(
    r"['’]s?\s+(?:(?:strong|full|military|political|financial|continued|unwavering|diplomatic|crucial|key|firm)\s+)*"
    r"(?:support|backing|patronage|help|assistance)\b",
    re.IGNORECASE,
)


def _role_owner(ctx, rules: _Rules, at: int, limit: int) -> tuple[str | None, int]:
    """' as Haftar's closest patrons' at `at`: the party that owns the backer role, and where the role ends."""
    body = ctx.body
    owned = re.match(r"\s+as\s+(?:the\s+)?", body[at:limit])
    owner = owned and next((m for m in ctx.mentions_in(at + owned.end(), limit) if m.char_start == at + owned.end()),
                           None)
    noun = owner and rules.possessive_role.match(body, owner.char_end, limit)
    return (owner.actor_name, noun.end()) if noun else (None, at)


def _list_after(ctx, at: int, limit: int) -> tuple[list[Mention], int]:
    """The coordinated mentions starting at `at` (after "by"/"of"), skipping a leading descriptor ("US allies")."""
    body = ctx.body
    lead = _LIST_LEAD.match(body, at, limit)
    lead_end = lead.end() if lead else at
    mentions = ctx.mentions_in(at, limit)
    if not mentions or mentions[0].char_start > lead_end + 3:
        return [], at
    index = 0
    while index + 1 < len(mentions) and _DESCRIPTOR_GAP.match(
        body[mentions[index].char_end : mentions[index + 1].char_start]
    ):
        index += 1
    possessor = re.match(r"['’]s\s+", body[mentions[index].char_end : mentions[index].char_end + 4])
    if possessor and index + 1 < len(mentions) and mentions[index + 1].char_start == (
        mentions[index].char_end + possessor.end()
    ) and clauses.actor_type(ctx, mentions[index + 1].actor_name) in ("armed_group", "organization"):
        index += 1  # "the backing of Russia's Wagner mercenaries": the group backs, its country is a descriptor
    group = clauses.coordination_forward(ctx, mentions, index)
    end = group[-1].char_end
    # "the backing of the UN and of western powers including the US": a repeated preposition continues the list
    more = re.match(r"\s*,?\s+and\s+(?:of|from)\s+", body[end:limit])
    if more:
        rest, rest_end = _list_after(ctx, end + more.end(), limit)
        if rest:
            return group + rest, rest_end
    return group, end


def _supported_at(ctx, at: int, limit: int, max_gap: int = 45) -> tuple[str | None, int]:
    """The Libyan party named right at `at` (object of a verb / head of a compound): a mention, a "government (of
    X)" phrase, or a title."""
    body = ctx.body
    gov = _rules().government_np.match(body, at, limit)
    mentions = [m for m in ctx.mentions_in(at, limit) if m.char_start <= at + max_gap]
    if gov:
        of_mentions = [
            m
            for m in mentions
            if gov.end() - 1 <= m.char_start <= gov.end() + 2
            or (at <= m.char_start < gov.end() and clauses.is_libyan(ctx, m.actor_name))
        ]
        for m in of_mentions:
            if clauses.is_libyan(ctx, m.actor_name):
                name = clauses.faction(ctx, m.actor_name)
                return name, max(m.char_end, gov.end())
        name = clauses.government_by_cue(ctx, gov.group(), at)
        if name:
            return name, gov.end()
    for m in mentions:
        gap = body[at : m.char_start]
        if re.search(r"[,;:.]|\b(?:and|but|while|which|who|that|in|to|for)\b", gap) and not re.fullmatch(
            # ("the rival, internationally recognized Government": adjectives; not "tribes, not the GNA")
            r"(?:(?!(?:not|unlike|rather|instead|nor|against|over|than|[a-z]+ing)\b)[a-z][a-z-]+,?\s+){1,4}", gap
        ) or re.search(r"\b(?:and|but|while|which|who|that|in|to|for)\b", gap):
            break
        if clauses.is_libyan(ctx, m.actor_name):
            return m.actor_name, m.char_end
        if not clauses.is_libya(m.actor_name) and not _possessive_after(body, m):
            break
        if _possessive_after(body, m):
            # "Libya's Turkish-backed government" handled above; "Haftar's forces" -> Haftar
            continue
    capital = re.match(r"\s*Tripoli\b(?![-‑'’])", body[at:limit])
    if capital and gna_era(ctx.published):
        # "sided with Tripoli": the capital stands for the western government of the period
        return clauses.government_by_cue(ctx, "the Tripoli government", at), at + capital.end()
    titles = clauses.title_mentions(ctx, at, min(limit, at + max_gap))
    if titles and titles[0].char_start <= at + 5:
        return titles[0].actor_name, titles[0].char_end
    pronoun = re.match(r"\s*(?:it|him|them)\b", body[at:limit])
    if pronoun:
        # "Turkey, which supports it openly": the Libyan party named before
        name = clauses.resolve_it(ctx, at, libyan=True, persons=pronoun.group().strip() == "him")
        if name:
            return name, at + pronoun.end()
    return None, at


def _possessive_after(body: str, mention: Mention) -> bool:
    return body[mention.char_end : mention.char_end + 2] in ("'s", "’s")


def _subject_before(ctx, clause: Span, verb_start: int) -> tuple[str | None, int]:
    """The supported party before a passive verb: nearest Libyan mention, "the government", or a pronoun."""
    body = ctx.body
    text = body[clause.char_start : verb_start]
    gov = clauses.last_match(_rules().government_word, text)
    mentions = [
        m
        for m in ctx.mentions_in(clause.char_start, verb_start)
        if (clauses.is_libyan(ctx, m.actor_name) or m.surface_form.lower() in ("it", "they"))
        # "Haftar, a former general under Muammar Gaddafi, has the support of ...": not the apposition's name
        and not clauses.in_aside(body, clause.char_start, m, verb_start)
    ]
    candidate = mentions[-1] if mentions else None
    if candidate is not None and re.search(
        r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", body[max(0, candidate.char_start - 40) : candidate.char_start]
    ):
        # "Bashagha, who was appointed by the House of Representatives and is backed by Haftar": the agent of
        # another verb in the relative clause is not its subject; the relative clause's antecedent is.
        sentence = clauses.sentence_of(ctx, clause.char_start)
        antecedent = [
            m for m in ctx.mentions_in(sentence.char_start, candidate.char_start)
            if clauses.is_libyan(ctx, m.actor_name) and re.match(r"\s*,\s*who\b", body[m.char_end : m.char_end + 8])
        ]
        if antecedent:
            return antecedent[-1].actor_name, antecedent[-1].char_start
    # An event or movement right before a passive support verb is what is backed, not an actor named earlier.
    event_np = _rules().event_np_before.search(text)
    if event_np is not None and (candidate is None or candidate.char_end <= clause.char_start + event_np.start()):
        return None, verb_start  # "Gaddafi was killed during an uprising backed by NATO": the uprising is backed
    if gov is not None and (candidate is None or clause.char_start + gov.start() > candidate.char_start):
        name = clauses.government_by_cue(ctx, gov.group(), clause.char_start + gov.start())
        if name:
            return name, clause.char_start + gov.start()
    if candidate is not None:
        if clauses.is_libyan(ctx, candidate.actor_name):
            return candidate.actor_name, candidate.char_start
    if re.match(r"\s*(?:who|which|that)\b", text, re.IGNORECASE) or re.match(
        r"\s*,", body[verb_start - 2 : verb_start]
    ):
        # "Haftar -- who is backed by ...": the antecedent sits before the clause.
        sentence = clauses.sentence_of(ctx, clause.char_start)
        prior = [
            m for m in ctx.mentions_in(sentence.char_start, clause.char_start) if clauses.is_libyan(ctx, m.actor_name)
        ]
        if prior:
            return prior[-1].actor_name, prior[-1].char_start
    pronoun = clauses.last_match(_IT_THEY, text)
    if pronoun is not None:
        name = clauses.resolve_it(ctx, clause.char_start + pronoun.start(), libyan=True, persons=False)
        if name:
            return name, clause.char_start + pronoun.start()
    return None, verb_start


def _clause_subject(ctx, clause: Span, end: int) -> Mention | None:
    """The first Libyan party of the clause that is no object of a preposition."""
    body = ctx.body
    for m in ctx.mentions_in(clause.char_start, end):
        if clauses.is_libyan(ctx, m.actor_name) and not _PREPOSITION_BEFORE.search(
            body, max(clause.char_start, m.char_start - 30), m.char_start
        ):
            return m
    return None


def _negated(rules: _Rules, text: str) -> bool:
    return clauses.has_cue(rules.negation, text[-50:])


def _rows(
    ctx,
    supporters: list[Mention] | list[str],
    supported: str | None,
    start: int,
    end: int,
    alleged_by: str | None = None,
    compound: bool = False,
) -> list[Support]:
    if not supported or not clauses.is_libyan(ctx, supported):
        return []
    out = []
    for item in supporters:
        name = item if isinstance(item, str) else item.actor_name
        name = clauses.foreign_state(ctx, name)
        if not _supporter_ok(ctx, name, supported, compound=compound):
            continue
        out.append(
            Support(
                supporter_name=name,
                supported_name=supported,
                evidence_start=start,
                evidence_end=end,
                alleged_by_name=alleged_by,
                confidence=0.7,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Pattern families


def _passive(ctx, rules: _Rules, sentence: Span) -> list[Support]:
    body = ctx.body
    out = []
    for match in rules.passive.finditer(body, sentence.char_start, sentence.char_end):
        if match.start() > 0 and body[match.start() - 1] in "-‑":
            continue  # compound adjective, handled separately
        clause = clauses.clause_of(ctx, match.start())
        supporters, end = _list_after(ctx, match.end(), sentence.char_end)
        if not supporters:
            continue
        supported, start = _subject_before(ctx, clause, match.start())
        if supported is None:
            continue
        if _negated(rules, body[start : match.start()]):
            continue
        alleged_by = _accuser(ctx, rules, clause, start)
        out.extend(_rows(ctx, supporters, supported, min(start, match.start()), end, alleged_by))
    return out


_SUSPENDED_HYPHEN = re.compile(r"[-‑]\s*,?\s+(?:and|or)\s+$|[-‑]\s*,\s+$")


def _compound(ctx, rules: _Rules, sentence: Span) -> list[Support]:
    body = ctx.body
    out = []
    for match in rules.compound.finditer(body, sentence.char_start, sentence.char_end):
        supporter = next(
            (
                m
                for m in ctx.mentions_in(max(sentence.char_start, match.start() - 60), match.start() + 1)
                if m.char_end == match.start()
            ),
            None,
        )
        if supporter is None:
            supporter = _word_actor(ctx, match.start())
        if supporter is None:
            continue
        at = match.end()
        skip = re.match(
            r"\s+(?:(?:[a-z][\w-]*|Libyan|Libya['’]s|Islamist|Eastern|Western)\s+){0,3}?"
            r"(?=(?:forces|troops|fighters|militias?|army|armies)\s+(?:of|loyal to|led by)\s+)?",
            body[at:],
        )
        # "Turkey-backed forces are threatening Sirte": bare forces of the supporter's known side (not the party
        # named later in the clause: "Turkish-backed forces took the base from Haftar's army")
        bare = re.match(
            r"\s+(?:forces|troops|fighters|militias?|militiamen|armed groups?)\b(?!\s+(?:of|loyal|led))",
            body[at : sentence.char_end],
        )
        supported, end = (None, at) if bare else _supported_at(ctx, at + 1, sentence.char_end, max_gap=40)
        if supported is None and skip:
            tail = re.match(
                r"\s+(?:[\w-]+\s+){0,3}?(?:forces|troops|fighters|militias?|army|armies)\s+"
                r"(?:of|loyal to|led by|under)\s+(?:the\s+)?",
                body[at : sentence.char_end],
            )
            if tail:
                supported, end = _supported_at(ctx, at + tail.end(), sentence.char_end, max_gap=5)
        if supported is None:
            # "The Russian-backed commander": a title that belongs to one Libyan person named in the article
            titled = [
                t for t in clauses.title_mentions(ctx, max(sentence.char_start, supporter.char_start - 5), at + 40)
                if t.char_start < supporter.char_start and t.char_end > at
            ]
            if titled:
                supported, end = titled[0].actor_name, titled[0].char_end
        if supported is None:
            if bare:
                name = clauses.foreign_state(ctx, supporter.actor_name)
                if not clauses.is_libyan(ctx, name):
                    supported, end = clauses.side_faction(ctx, [name]), at + bare.end()
        if supported is None:
            continue
        if _negated(rules, body[max(sentence.char_start, supporter.char_start - 25) : supporter.char_start]):
            continue
        supporters = [supporter]
        # "Russian- and Emirati-backed": a suspended hyphen before "and" shares the "-backed".
        while True:
            window = max(sentence.char_start, supporters[0].char_start - 12)
            link = _SUSPENDED_HYPHEN.search(body, window, supporters[0].char_start)
            prior = link and next(
                (m for m in ctx.mentions_in(window - 40, link.start()) if m.char_end == link.start()), None
            )
            if not prior:
                break
            supporters.insert(0, prior)
        for one in supporters:
            out.extend(_rows(ctx, [one], supported, one.char_start, end, compound=True))
    return out


_INVERTED_CONDITION = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)(?:Should|Were|Had|should|were|had)\s+(?:the\s+)?$")


def _active(ctx, rules: _Rules, sentence: Span) -> list[Support]:
    body = ctx.body
    out = []
    for match in rules.active.finditer(body, sentence.char_start, sentence.char_end):
        if match.start() > 0 and body[match.start() - 1] in "-‑":
            continue
        if rules.false_follow.match(body, match.end()):
            continue
        if rules.passive.match(body, match.start()):
            continue  # "backed by": passive family
        if re.search(
            r"\b(?:in|for|with|without|the|its|their|his|her)\s+$", body[max(0, match.start() - 12) : match.start()]
        ):
            continue  # a noun ("in support of", "the backing of"): noun family
        before_verb = body[max(sentence.char_start, match.start() - 12) : match.start()]
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", before_verb) and match.group().lower().endswith("ed"):
            continue  # passive without "by"
        supported, end = _supported_at(ctx, match.end() + 1, sentence.char_end)
        if supported is None:
            continue
        clause = clauses.clause_of(ctx, match.start())
        supporters, start, alleged_by = _active_subject(ctx, rules, sentence, clause, match.start())
        if not supporters:
            continue
        between = body[start : match.start()]
        if _INVERTED_CONDITION.search(body[sentence.char_start : start]):
            continue  # "Should Egypt and Russia throw their weight behind Bashagha, ...": a condition
        if re.search(r"\bto\s+$", between) and not re.search(r"\bcontinu\w*\s+to\s+$", between):
            if not re.search(r"\bof\s+$", between) and not rules.purpose_of_supply.search(between):
                continue  # infinitive: "refused to back", "agreed to support" (not yet a fact)
        if _negated(rules, between):
            continue
        if alleged_by is None:
            alleged_by = _accuser(ctx, rules, clause, start)
        out.extend(_rows(ctx, supporters, supported, min(start, match.start()), end, alleged_by))
    return out


def _active_subject(ctx, rules: _Rules, sentence: Span, clause: Span, verb_start: int):
    """(supporters, start, alleged_by) for an active support verb: the subject, or the accused in
    "A accused Y of backing X"."""
    body = ctx.body
    window_start = max(sentence.char_start, verb_start - 120)
    passive = _PASSIVE_ACCUSED.search(body[window_start:verb_start])
    if passive:
        # "France has been accused by the GNA of backing Haftar": the subject backs, the by-agent alleges.
        at = window_start + passive.start()
        subject = [m for m in ctx.mentions_in(clause.char_start, at)
                   if not _PREPOSITION_BEFORE.search(body[max(clause.char_start, m.char_start - 30) : m.char_start])]
        accuser = None
        if passive.group("by"):
            by = ctx.mentions_in(window_start + passive.start("by"), window_start + passive.end("by"))
            accuser = by[0].actor_name if by else None
        if subject and not clauses.is_libyan(ctx, subject[-1].actor_name):
            return [subject[-1].actor_name], subject[-1].char_start, accuser
        return [], verb_start, None
    accused = re.search(
        rf"\b(?:{rules.accusation_alt})\s+(?P<obj>(?:[\w.'’-]+\s+){{0,3}}?[\w.'’-]+)\s+of\s+$",
        body[max(sentence.char_start, verb_start - 70) : verb_start],
        re.IGNORECASE,
    )
    if accused:
        obj_start = verb_start - (
            len(body[max(sentence.char_start, verb_start - 70) : verb_start]) - accused.start("obj")
        )
        accuser = _accuser_before(ctx, sentence, obj_start - len(accused.group().split()[0]) - 1)
        obj = accused.group("obj")
        mentions = ctx.mentions_in(obj_start, obj_start + len(obj) + 1)
        if mentions and mentions[0].surface_form.lower() not in ("it", "they", "them", "him"):
            return [mentions[0].actor_name], obj_start, accuser
        if re.fullmatch(r"(?:it|them|him)", obj, re.IGNORECASE):
            name = clauses.resolve_it(
                ctx, obj_start, libyan=False, exclude={accuser} if accuser else None, persons=obj.lower() == "him"
            )
            if name:
                return [name], obj_start, accuser
        return [], verb_start, None
    mentions = ctx.mentions_in(clause.char_start, verb_start)
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        # "dependent on Turkey, which supports it": the relative pronoun's antecedent, whatever precedes it
        relative = index == len(mentions) - 1 and _RELATIVE_TAIL.fullmatch(body, mention.char_end, verb_start)
        before = body[max(clause.char_start, mention.char_start - 30) : mention.char_start]
        # ("mercenaries from the Wagner Group fighting for Haftar": the group they come from is the supporter)
        from_group = re.search(r"\b(?:from|of)\s+(?:the\s+)?$", before) and clauses.actor_type(
            ctx, mention.actor_name
        ) in ("armed_group", "organization")
        if _PREPOSITION_BEFORE.search(before) and not relative and not from_group:
            continue
        if _possessive_after(body, mention):
            continue
        if clauses.in_apposition(ctx, mention, verb_start):
            continue
        name = mention.actor_name
        if ctx.is_demonym(mention):
            if _DESCRIPTION_BEFORE.search(body, max(0, mention.char_start - 40), mention.char_start):
                continue  # "the Wagner Group, a Russian private military company that has fought": a description
            # "Syrian mercenaries fought for the GNA": not Syria; "French special forces operated alongside": France
            if not rules.state_forces_after.match(body, mention.char_end):
                return [], verb_start, None
            state = clauses.foreign_state(ctx, name)
            return ([state], mention.char_start, None) if not clauses.is_libyan(ctx, state) else ([], verb_start, None)
        if mention.surface_form.lower() in ("it", "they") and clauses.is_libyan(ctx, name):
            name = clauses.resolve_it(ctx, mention.char_start, libyan=False) or name
        if clauses.is_libya(name) or (
            clauses.is_libyan(ctx, name) and clauses.actor_type(ctx, name) != "armed_group"
        ):
            # A Libyan government or leader backing another is politics; an armed group backing one ("Libya Dawn,
            # which backs the GNC") is support, kept by _supporter_ok when the two are different factions.
            return [], verb_start, None
        gap = body[mention.char_end : verb_start]
        # (an aside closed by a comma, then a few fillers, may sit between: "Turkey, which signed a maritime deal with
        # Tripoli, has since 2019 also backed")
        aside = re.fullmatch(r"\s*,\s+(?:which|who|whose|a|an)\s[^,;]{1,80},\s+(?:[\w-]+\s+){0,6}", gap)
        if len(gap) > (110 if aside else 60) or re.search(r"[;]", gap):
            return [], verb_start, None
        group = clauses.coordination(ctx, mentions, index)
        return [m.actor_name for m in group], group[0].char_start, None
    # A bare pronoun subject the mention finder did not resolve: "France said it supported ...".
    pronoun = re.search(r"\b(?:it|they)\s+(?:\w+\s+){0,2}?$", body[clause.char_start : verb_start], re.IGNORECASE)
    if pronoun:
        at = clause.char_start + pronoun.start()
        name = clauses.resolve_it(ctx, at, libyan=False)
        if name:
            return [name], at, None
    return [], verb_start, None


_PASSIVE_ACCUSED = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|also\s+|long\s+)?(?:accused|suspected|blamed|charged)\s+"
    r"(?:by\s+(?P<by>(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+)?of\s+$",
    re.IGNORECASE,
)


def _accuser_before(ctx, sentence: Span, verb_start: int) -> str | None:
    body = ctx.body
    text = body[sentence.char_start : verb_start]
    authority = re.search(r"\b(?:that|the|this)\s+(?:authority|government|administration)\s*$", text, re.IGNORECASE)
    if authority:
        return clauses.libyan_government(ctx, sentence.char_start + authority.start())
    for mention in reversed(ctx.mentions_in(sentence.char_start, verb_start)):
        gap = body[mention.char_end : verb_start]
        if len(gap) <= 25 and not re.search(r"[,;]", gap):
            return mention.actor_name
        break
    return None


def _accuser(ctx, rules: _Rules, clause: Span, start: int) -> str | None:
    """'X accused Y of ...' / 'Y is accused by X of ...' around a support phrase: the accuser, else None."""
    body = ctx.body
    text = body[clause.char_start : start]
    match = clauses.last_match(rules.accusation, text)
    if match is None:
        return None
    return _accuser_before(ctx, clause, clause.char_start + match.start())


def _nouns(ctx, rules: _Rules, sentence: Span) -> list[Support]:
    body = ctx.body
    out = []
    s, e = sentence.char_start, sentence.char_end
    if not _NOUN_FAMILY.search(body, s, e):
        return out  # (every pattern below needs one of these stems; most sentences have none)
    # "X enjoys the backing of A, B and C"
    for match in rules.noun.finditer(body, s, e):
        clause = clauses.clause_of(ctx, match.start())
        supporters, end = _list_after(ctx, match.end(), e)
        if not supporters:
            continue
        supported, start = _subject_before(ctx, clause, match.start())
        if re.match(r"\s*with\b", match.group(), re.IGNORECASE):
            # "GNA forces retook al-Watiya from the LNA with the support of Turkish drones": an adverbial of the
            # clause, whose subject is backed (not the object of a preposition before it)
            subject = _clause_subject(ctx, clause, match.start())
            if subject is not None:
                supported, start = subject.actor_name, subject.char_start
        if supported is None or _negated(rules, body[start : match.start()]):
            continue
        out.extend(_rows(ctx, supporters, supported, start, end))
    # "Haftar, who has enjoyed Moscow's support since 2019"
    for match in rules.possessive_support.finditer(body, s, e):
        owner = next((m for m in ctx.mentions_in(match.end(), e) if m.char_start == match.end()), None)
        noun = owner and _SUPPORT_AFTER_OWNER.match(body, owner.char_end, e)
        if not noun:
            continue
        clause = clauses.clause_of(ctx, match.start())
        supported, start = _subject_before(ctx, clause, match.start())
        if supported is None or _negated(rules, body[start : match.start()]):
            continue
        out.extend(_rows(ctx, [owner], supported, start, noun.end()))
    # "Haftar, who counts Egypt and the UAE among his patrons"
    for match in rules.counts_among.finditer(body, s, e):
        supporters, end = _list_after(ctx, match.end(), e)
        among = supporters and rules.among.match(body, end, e)
        if not among:
            continue
        clause = clauses.clause_of(ctx, match.start())
        supported, start = _subject_before(ctx, clause, match.start())
        if supported is None or _negated(rules, body[start : match.start()]):
            continue
        out.extend(_rows(ctx, supporters, supported, start, among.end()))
    # "Emirati support for Haftar", "Haftar has long relied on Emirati support"
    for match in rules.demonym_support.finditer(body, s, e):
        owner = _word_actor(ctx, match.end("demonym"))
        if owner is None or clauses.actor_type(ctx, owner.actor_name) != "country":
            continue
        if match.group("for"):
            supported, end = _supported_at(ctx, match.end(), e)
            start = owner.char_start
        else:
            relied = re.search(
                r"\b(?:rel(?:y|ies|ied|ying)|depend(?:s|ed|ing)?|count(?:s|ed)?)\s+(?:heavily\s+)?on\s+$",
                body[max(s, match.start() - 40) : match.start()],
            )
            if relied is None:
                continue
            clause = clauses.clause_of(ctx, match.start())
            supported, start = _subject_before(ctx, clause, match.start())
            end = match.end()
        if supported is None or _negated(rules, body[max(s, match.start() - 40) : match.start()]):
            continue
        out.extend(_rows(ctx, [owner], supported, start, end))
    # "Egypt and the UAE, Haftar's main regional allies, condemned ...", "The UAE, a key Haftar ally, denied ...",
    # "the UAE, his most important Arab patron," (backers_apposition's pronoun owner)
    for match in itertools.chain(rules.backers_apposition.finditer(body, s, e), rules.name_ally.finditer(body, s, e)):
        owner_group = "owner" if match.group("owner") else "pronoun"
        owner = next((m for m in ctx.mentions_in(match.start(owner_group), match.end(owner_group) + 1)
                      if m.char_start == match.start(owner_group)), None)
        owner_name = owner.actor_name if owner is not None else None
        if owner is None and match.group(owner_group).lower() in rules.government_nouns:
            # "Erdogan, who has been the government's most important ally": the government the text is about
            owner_name = clauses.government_by_cue(ctx, "the " + match.group(owner_group), match.start(owner_group))
        listed = [m for m in ctx.mentions_in(s, match.start()) if m.char_end <= match.start()]
        if owner_name is None or not listed or not clauses.is_libyan(ctx, owner_name):
            continue
        gap = body[listed[-1].char_end : match.start()]
        if gap.strip() and not _RELATIVE_TAIL.fullmatch(gap + " "):
            # "Egypt, which backs Sudan's army and has long been Haftar's most important patron": the antecedent of
            # a relative clause whose second verb names the role
            relative = _RELATIVE_AND.search(body, max(s, match.start() - 120), match.start())
            antecedent = relative and next((m for m in listed if m.char_end == relative.start()), None)
            if not antecedent:
                continue
            listed = listed[: listed.index(antecedent) + 1]
        group = clauses.coordination(ctx, listed, len(listed) - 1)
        out.extend(_rows(ctx, group, owner_name, group[0].char_start, match.end()))
    # "Haftar's Russian and Emirati patrons"
    for match in rules.demonym_backers.finditer(body, s, e):
        owner = next((m for m in ctx.mentions_in(max(s, match.start() - 60), match.start() + 1)
                      if m.char_end == match.start()), None)
        if owner is None or not clauses.is_libyan(ctx, owner.actor_name):
            continue
        backers = [m for m in ctx.mentions_in(match.start("list"), match.end("list"))
                   if clauses.actor_type(ctx, m.actor_name) == "country"]
        if backers and not _negated(rules, body[max(s, owner.char_start - 30) : owner.char_start]):
            out.extend(_rows(ctx, backers, owner.actor_name, owner.char_start, match.end()))
    # "The LNA described Turkey as the main backer of the GNA": backers named by someone, who alleges it
    for match in rules.described_as.finditer(body, s, e):
        backers, list_end = _list_after(ctx, match.end(), e)
        if not backers:
            continue
        role = rules.backer_role.match(body, list_end, e)
        if role is not None:
            if re.match(r"\s*what\b", body[role.end() : role.end() + 8]):
                continue  # ("the sponsors of what he calls ...": the speaker's label, not a party)
            supported, end = _supported_at(ctx, role.end(), e)
        else:
            # "describe Egypt and the UAE as Haftar's closest patrons": the supported party owns the role
            supported, end = _role_owner(ctx, rules, list_end, e)
        if supported is None:
            continue
        speaker = next((m for m in reversed(ctx.mentions_in(s, match.start())) if m.char_end <= match.start()), None)
        alleged_by = speaker.actor_name if speaker is not None and speaker.actor_name != supported else None
        out.extend(_rows(ctx, backers, supported, backers[0].char_start, end, alleged_by=alleged_by))
    # "Russia's support for Haftar"
    for match in rules.possessive_noun.finditer(body, s, e):
        owner = next(
            (m for m in ctx.mentions_in(max(s, match.start() - 60), match.start() + 1) if m.char_end == match.start()),
            None,
        )
        if owner is None:
            continue
        supported, end = _supported_at(ctx, match.end(), e)
        if supported is None:
            continue
        if _negated(rules, body[max(s, owner.char_start - 30) : owner.char_start]):
            continue
        out.extend(_rows(ctx, [owner], supported, owner.char_start, end))
    # "Y, a key backer of X"
    for match in rules.backer_of.finditer(body, s, e):
        at = match.start()
        # ("Egypt, represented by President al-Sisi, also counts as a close ally of": the subject before the aside)
        aside = _ASIDE_BEFORE.search(body, max(s, at - 120), at + 1)
        if aside is not None:
            at = aside.start()
        owner = next((m for m in ctx.mentions_in(max(s, at - 60), at + 1) if m.char_end == at), None)
        if owner is None:
            continue
        supported, end = _supported_at(ctx, match.end(), e)
        ally = re.search(r"all(?:y|ies)\b", match.group())
        if supported is None and ally and clauses.is_libyan(ctx, owner.actor_name):
            # "Haftar, an ally of both Moscow and Abu Dhabi": the foreign allies back the Libyan party
            both = re.match(r"\s*both\s+", body[match.end() : e])
            allies, end = _list_after(ctx, match.end() + (both.end() if both else 0), e)
            allies = [m for m in allies if not clauses.is_libyan(ctx, m.actor_name)]
            if allies and not _negated(rules, body[max(s, owner.char_start - 30) : owner.char_start]):
                out.extend(_rows(ctx, allies, owner.actor_name, owner.char_start, end))
            continue
        if supported is None:
            continue
        mentions = ctx.mentions_in(s, match.start() + 1)
        group = clauses.coordination(ctx, mentions, mentions.index(owner)) if owner in mentions else [owner]
        out.extend(_rows(ctx, group, supported, group[0].char_start, end))
    # "Turkey's ally, the Government of National Accord", "Moscow's Libyan proxy Haftar": a foreign owner backs
    # the Libyan party it is allied with.
    for match in _ALLY_OF_FOREIGN.finditer(body, s, e):
        owner = next(
            (m for m in ctx.mentions_in(max(s, match.start() - 60), match.start() + 1) if m.char_end == match.start()),
            None,
        )
        if owner is None or clauses.is_libyan(ctx, owner.actor_name):
            continue
        if _negated(rules, body[max(s, owner.char_start - 30) : owner.char_start]):
            continue
        supported, end = _supported_at(ctx, match.end(), e, max_gap=5)
        if supported is None:
            continue
        out.extend(_rows(ctx, [owner], supported, owner.char_start, end))
    # "X's key backer is Y", "Haftar's foreign backers, including Russia and the UAE"
    for match in rules.backer_is.finditer(body, s, e):
        owner = next(
            (m for m in ctx.mentions_in(max(s, match.start() - 60), match.start() + 1) if m.char_end == match.start()),
            None,
        )
        if owner is None or not clauses.is_libyan(ctx, owner.actor_name):
            continue
        supporters, end = _list_after(ctx, match.end(), e)
        if not supporters:
            continue
        out.extend(_rows(ctx, supporters, owner.actor_name, owner.char_start, end))
    return out


def _word_actor(ctx, end: int) -> Mention | None:
    """The name or demonym glued to a hyphen ("Turkish-backed"), which the mention finder leaves alone."""
    word = re.search(r"[\w.]+$", ctx.body[max(0, end - 40) : end])
    if not word:
        return None
    text = word.group()
    entry = ctx.gazetteer.lookup_name_or_demonym(word.group())
    if entry is None:
        return None
    ctx.actors.setdefault(entry.name, clauses.actor_ref(ctx, entry.name))
    return Mention(entry.name, text, end - len(word.group()), end)


def _dedupe(ctx, rows: list[Support]) -> list[Support]:
    seen: dict[tuple[str, str], Support] = {}
    for row in rows:
        key = (row.supporter_name, clauses.faction(ctx, row.supported_name))
        if key in seen:
            if seen[key].alleged_by_name and not row.alleged_by_name:
                # An unattributed statement of the same relation is stronger than an accusation.
                seen[key] = row
            continue
        seen[key] = row
    return sorted(seen.values(), key=lambda r: r.evidence_start)
