"""Extraction: a pure function from a cleaned article body to rows (loaders.model.Extraction).

`extract()` builds the article context (sentences, resolved actor mentions) and runs each small extractor over it.
It touches no database and no network, so it can be mapped over articles by any engine.
"""

from __future__ import annotations

import re

from loaders.extract import actors, allegations, events, statements, support
from loaders.extract.context import ArticleContext
from loaders.extract.text import sentences
from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.model import Extraction, FuzzyDate


# News articles run to a few tens of thousands of characters; beyond this the input is a dump or hostile, and only
# its head is extracted so that one file cannot stall a load. Spans into the head are valid spans into the body.
MAX_EXTRACT_CHARS = 200_000


def extraction_window(body: str) -> str:
    if len(body) <= MAX_EXTRACT_CHARS:
        return body
    cut = body.rfind("\n", 0, MAX_EXTRACT_CHARS)
    return body[: cut if cut > MAX_EXTRACT_CHARS // 2 else MAX_EXTRACT_CHARS]


def extract(body: str, published: FuzzyDate | None = None, gazetteer: Gazetteer | None = None) -> Extraction:
    body = extraction_window(body)
    ctx = ArticleContext(body=body, published=published, gazetteer=gazetteer or load_gazetteer())
    ctx.sentences = sentences(body)
    actors.find_mentions(ctx)
    result = Extraction(actors=ctx.actors, mentions=ctx.mentions)
    result.statements = statements.extract_statements(ctx)
    ctx.statement_rows = result.statements
    result.events = events.extract_events(ctx)
    result.allegations = allegations.extract_allegations(ctx)
    result.events = sorted(
        [*result.events, *events.supply_events(ctx, result.allegations, result.events)], key=lambda e: e.evidence_start
    )
    ctx.event_rows = result.events
    result.support = support.extract_support(ctx)
    _drop_adjectival_only(result, body, ctx.gazetteer)
    return result


_COMPOUND_MODIFIER = re.compile(r"[-‑](?:linked|affiliated|connected|made|built|manufactured|funded|owned)\b")
_ADJECTIVE_USE = re.compile(r"(?:[-‑][a-z]|\s+(?:and\s+\w+\s+)?[a-z])")


def _drop_adjectival_only(result: Extraction, body: str, gazetteer: Gazetteer) -> None:
    """'Syrian fighters', 'a Tunisian border town', 'the Kremlin-linked Wagner Group': a country or government that
    appears only as a modifier and has no role in any extracted row is not an actor of the article; its mentions go."""
    used = {s.speaker_name for s in result.statements}
    used |= {p.actor_name for e in result.events for p in e.participants}
    for g in result.allegations:
        used |= {g.supplier_name, g.recipient_name, g.alleged_by_name, *g.denied_by}
    for s in result.support:
        used |= {s.supporter_name, s.supported_name, s.alleged_by_name}
    by_actor: dict[str, list] = {}
    for m in result.mentions:
        by_actor.setdefault(m.actor_name, []).append(m)
    for name, mentions in by_actor.items():
        if name in used or (ref := result.actors.get(name)) is None or ref.actor_type not in ("country", "government"):
            continue
        if all(
            (
                gazetteer.lookup_demonym(m.surface_form) is not None
                and gazetteer.lookup(m.surface_form) is None
                and _ADJECTIVE_USE.match(body, m.char_end)
            )
            or _COMPOUND_MODIFIER.match(body, m.char_end)  # "Kremlin-linked", "Turkish-made"
            for m in mentions
        ):
            drop = set(map(id, mentions))
            result.mentions = [m for m in result.mentions if id(m) not in drop]
            del result.actors[name]
