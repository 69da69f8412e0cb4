"""From a raw input to a prepared article: cleaned body, metadata, content hash, extraction and LSH bands.

`prepare()` is pure (no database, no network), so it runs in worker processes and could be mapped by any engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from loaders import dedupe
from loaders.clean import clean_text
from loaders.dates import parse_iso_published
from loaders.extract import extract
from loaders.html import html_to_document
from loaders.metadata import detect_language, infer_published, is_relevant, outlet_from_furniture, outlet_from_url
from loaders.model import Extraction, FuzzyDate
from loaders.read import RawArticle


class EmptyArticleError(ValueError):
    """Nothing is left once page furniture is removed."""


@dataclass(slots=True)
class PreparedArticle:
    source_name: str
    raw_hash: str
    content_hash: str
    raw_text: str
    body_text: str
    title: str | None = None
    standfirst: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: FuzzyDate | None = None
    published_source: str | None = None
    language: str = "und"
    is_relevant: bool = False
    removed_lines: list[tuple[str, str]] = field(default_factory=list)
    extraction: Extraction | None = None
    band_hashes: list[int] = field(default_factory=list)


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def prepare(raw: RawArticle, *, run_extraction: bool = True) -> PreparedArticle:
    url, outlet, title, published_text = raw.url, raw.outlet, raw.title, raw.published
    if raw.html is not None:
        document = html_to_document(raw.html, url=url)
        url = url or document.url
        outlet = outlet or document.outlet
        published_text = published_text or document.published
        title = title or document.title
        text = f"{title}\n\n{document.text}" if title else document.text
        raw_text = raw.html
    else:
        text = raw.text or ""
        raw_text = text
    cleaned = clean_text(text)
    if not cleaned.body.strip():
        raise EmptyArticleError("no article text left after removing page furniture")
    body = cleaned.body
    furniture = cleaned.removed  # (line, reason): the reasons mark trailing related-article lists

    published, published_source = None, None
    if published_text:
        published = parse_iso_published(published_text)
        published_source = "metadata" if published else None
    if published is None:
        published, how = infer_published(body, furniture)
        published_source = how if published else None

    language = detect_language(body)
    article = PreparedArticle(
        source_name=raw.source_name,
        raw_hash=raw.raw_hash,
        content_hash=content_hash(body),
        raw_text=raw_text,
        body_text=body,
        title=title or cleaned.title,
        standfirst=cleaned.standfirst,
        url=url,
        outlet=outlet or outlet_from_url(url) or outlet_from_furniture(furniture, body),
        published=published,
        published_source=published_source,
        language=language,
        is_relevant=is_relevant(body, language),
        removed_lines=cleaned.removed,
        band_hashes=dedupe.band_hashes(body),
    )
    if run_extraction and article.is_relevant:
        article.extraction = extract(body, published)
    return article


_WARM_TEXT = (
    "Libya talks\n\nThe UN envoy said on Monday that Khalifa Haftar's forces, backed by Egypt, met "
    "officials of the Government of National Accord in Tripoli. “We want a ceasefire,” he told Reuters.\n"
)


def warm() -> None:
    """Load lexicons, compile patterns and language profiles once, e.g. before forking extraction workers."""
    prepare(RawArticle(source_name="warm-up", raw_hash="", text=_WARM_TEXT))
