"""HTML pages to plain article text plus page metadata, with trafilatura (never a hand-written parser).

Owns `html_to_document`. Paragraphs come out separated by one blank line; scripts and styles never reach the text.
If trafilatura finds no article, the text falls back to the <body> text with script/style/template elements removed.
Nothing here touches the network: trafilatura only parses the string it is given.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

log = logging.getLogger(__name__)

# Only dates the page states in its metadata/markup; the "extensive" search guesses from any date-like string
# (copyright years, related-article dates), which would pass a guess off as the publication day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")


@dataclass(slots=True)
class HtmlDocument:
    text: str
    title: str | None = None
    published: str | None = None  # ISO date string from the page metadata, as trafilatura/htmldate found it
    url: str | None = None
    outlet: str | None = None  # the site name the page declares (og:site_name etc.)


def _paragraphs(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines()]
    return "\n\n".join(line for line in lines if line)


def _fallback_text(html: str) -> str:
    """Visible text of <body> (or the whole document), one paragraph per text line."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_INVISIBLE_TAGS)):  # a list: drop_tree() during iteration stops the walk
        element.drop_tree()
    for comment in list(root.iter(lxml.etree.Comment)):
        comment.drop_tree()
    body = root.find(".//body")
    node = body if body is not None else root
    # Block elements end lines, so paragraphs do not run together.
    for element in node.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"):
        element.tail = "\n" + (element.tail or "")
    return _paragraphs(node.text_content())


def html_to_document(html: str, url: str | None = None) -> HtmlDocument:
    """Main text and metadata of an HTML page. `url` only helps metadata; it is never fetched."""
    if not html or not html.strip():
        return HtmlDocument(text="", url=url)
    document = None
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # noqa: BLE001 - trafilatura can fail on odd markup; the fallback below still works
        log.debug("trafilatura failed on %s: %s", url or "<html>", error)
    if document is None:
        try:
            document = trafilatura.extract_metadata(html, default_url=url, extensive=False)
        except Exception as error:  # noqa: BLE001 - same as above, metadata is optional
            log.debug("trafilatura metadata failed on %s: %s", url or "<html>", error)

    text = _paragraphs(getattr(document, "text", None))
    if not text:
        text = _fallback_text(html)
    return HtmlDocument(
        text=text,
        title=(getattr(document, "title", None) or None),
        published=(getattr(document, "date", None) or None),
        url=url or getattr(document, "url", None) or None,
        outlet=(getattr(document, "sitename", None) or None),
    )
