"""Actor mentions: finding gazetteer names, aliases and demonyms in a body and resolving them to canonical actors.

Basic version: longest-match alias scan with word boundaries. (Titles, pronouns, fuzzy matches and discovery of
actors missing from the gazetteer are layered on top.)
"""

from __future__ import annotations

import functools
import re

from loaders.extract.context import ArticleContext
from loaders.gazetteer import Gazetteer
from loaders.model import ActorRef, Mention


@functools.lru_cache(maxsize=4)
def _alias_pattern(gazetteer: Gazetteer) -> re.Pattern[str]:
    forms = sorted({form for form, _, _ in gazetteer.surface_forms()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def actor_ref(gazetteer: Gazetteer, name: str) -> ActorRef:
    entry = gazetteer.get(name)
    if entry is None:
        return ActorRef(name=name, actor_type="organization", is_discovered=True)
    return ActorRef(name=entry.name, actor_type=entry.actor_type, country=entry.country, side=entry.side)


def find_mentions(ctx: ArticleContext) -> None:
    """Fill ctx.mentions and ctx.actors with exact gazetteer matches."""
    gazetteer = ctx.gazetteer
    for match in _alias_pattern(gazetteer).finditer(ctx.body):
        surface = match.group()
        entry = gazetteer.lookup(surface) or gazetteer.lookup_demonym(surface)
        if entry is None:
            continue
        ctx.mentions.append(Mention(entry.name, surface, match.start(), match.end()))
        ctx.actors.setdefault(entry.name, actor_ref(gazetteer, entry.name))
    ctx.index_mentions()
