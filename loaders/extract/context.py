"""The per-article context that every extractor reads: body, sentences, resolved actor mentions, base date."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from loaders.dates import weekday_base
from loaders.gazetteer import Gazetteer
from loaders.model import ActorRef, Allegation, Event, FuzzyDate, Mention, Span, Statement


@dataclass
class ArticleContext:
    body: str
    published: FuzzyDate | None
    gazetteer: Gazetteer
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by char_start, non-overlapping
    actors: dict[str, ActorRef] = field(default_factory=dict)
    # Rows of the extractors that ran before, for the ones after (support reads supplies and events told with a
    # purpose: "deployed troops in support of the GNA")
    allegation_rows: list[Allegation] = field(default_factory=list, repr=False)
    statement_rows: list[Statement] = field(default_factory=list, repr=False)  # allegations take their accusers
    event_rows: list[Event] = field(default_factory=list, repr=False)
    # capitals named only as where something happened ("talks in Berlin"): no actor mention, but a meeting's venue
    venues: list[Mention] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _quotations: list[tuple[int, int]] | None = field(default=None, repr=False)

    @functools.cached_property
    def weekday_base(self) -> FuzzyDate | None:
        """The day the article's weekdays count back from (see `loaders.dates.weekday_base`)."""
        return weekday_base(self.body, self.published)

    def index_mentions(self) -> None:
        self.mentions.sort(key=lambda m: (m.char_start, -m.char_end))
        self._starts = [m.char_start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.char_end <= end]

    def sentence_before(self, offset: int) -> int:
        """Index in self.sentences of the last sentence starting at or before `offset` (-1 when none does)."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.char_start for s in self.sentences]
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def sentence_index(self, offset: int) -> int | None:
        """Index in self.sentences of the sentence containing `offset`."""
        i = self.sentence_before(offset)
        if i >= 0 and self.sentences[i].char_start <= offset < self.sentences[i].char_end:
            return i
        return None

    def sentence_at(self, offset: int) -> Span | None:
        i = self.sentence_index(offset)
        return None if i is None else self.sentences[i]

    def text(self, span: Span) -> str:
        return self.body[span.char_start : span.char_end]

    def actor_type(self, name: str) -> str | None:
        actor = self.actors.get(name)
        return actor.actor_type if actor else None

    def quotations(self) -> list[tuple[int, int]]:
        """The spans of the body's quotations (“...” or "...", within a paragraph), in order."""
        if self._quotations is None:
            self._quotations = [m.span() for m in _QUOTATION.finditer(self.body)]
        return self._quotations

    def quotation_at(self, offset: int) -> tuple[int, int] | None:
        """The span of the quotation strictly containing `offset`, if any."""
        spans = self.quotations()
        i = bisect.bisect_right(spans, (offset, len(self.body))) - 1
        return spans[i] if i >= 0 and spans[i][0] < offset < spans[i][1] else None

    def is_demonym(self, mention: Mention) -> bool:
        """'Syrian' in "Syrian fighters": a demonym only, not a name of the actor it points to."""
        surface = mention.surface_form
        return self.gazetteer.lookup(surface) is None and self.gazetteer.lookup_demonym(surface) is not None


_QUOTATION = re.compile(r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"")
