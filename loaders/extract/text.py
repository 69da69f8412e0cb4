"""Splitting a cleaned body into paragraphs and sentences, as character spans (never copies).

Rule-based and fast: paragraphs are separated by blank lines or single newlines; sentences end at . ! ? (optionally
followed by a closing quote) before whitespace and an upper-case letter or an opening quote, except after known
abbreviations ("U.S.", "Gen.", "Mr.") and initials.
"""

from __future__ import annotations

import re

from loaders.model import Span

_PARAGRAPH = re.compile(r"[^\n]+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm gov sen rep st jr sr prof vs etc inc corp co ltd no fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n u.a.e e.u a.m p.m i.e e.g".split()
)
_BEFORE_NUMBER = frozenset("no fig jan feb mar apr jun jul aug sep sept oct nov dec".split())
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then a sentence start.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def paragraphs(body: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(body) if m.group().strip()]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at index `dot` ends an abbreviation or an initial rather than a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if word in _BEFORE_NUMBER:
        # "No. 5", "Nov. 27" abbreviate only before a number: 'even after Ankara said no. "They ...' ends a sentence
        return re.match(r"\s*\d", text[dot + 1 : dot + 4]) is not None
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("John F. Kennedy") and dotted acronyms ("U.N.").
    return len(word) == 1 or (("." in word) and len(word.replace(".", "")) <= 4)


def sentences(body: str) -> list[Span]:
    """Sentence spans over the whole body; a sentence never crosses a paragraph break."""
    spans: list[Span] = []
    for para in paragraphs(body):
        start = para.char_start
        text = body[para.char_start : para.char_end]
        for match in _BOUNDARY.finditer(text):
            first_punct = match.start()
            if text[first_punct] == "." and match.end() - match.start() == 1 and _is_abbreviation(text, first_punct):
                continue
            end = para.char_start + match.end()
            if end > start:
                spans.append(_strip(body, start, end))
            start = end
        if start < para.char_end:
            spans.append(_strip(body, start, para.char_end))
    return [s for s in spans if s.char_end > s.char_start]


def _strip(body: str, start: int, end: int) -> Span:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end)
