"""Extraction: a pure function from a cleaned article body to rows (loaders.model.Extraction).

`extract()` builds the article context (sentences, resolved actor mentions) and runs each small extractor over it.
It touches no database and no network, so it can be mapped over articles by any engine.
"""

from __future__ import annotations

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
    result.events = events.extract_events(ctx)
    result.allegations = allegations.extract_allegations(ctx)
    result.support = support.extract_support(ctx)
    return result
