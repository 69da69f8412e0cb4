"""Writing prepared articles and their extracted rows to PostgreSQL.

Articles are stored in groups, one transaction per group (the caller owns it): a group's articles and all their
rows commit together or not at all, so no article is ever half-written. Every table gets one COPY per group: ids
for articles, stories, events and allegations come from their sequences up front, so children are written in the
same pass as their parents, and story assignment is computed here from one query per group.
Concurrent loaders store one group at a time (the `lcdb.stories` advisory lock, taken before anything is
written), so the duplicate check and story assignment see every committed article. Actors are upserted in sorted
order so concurrent loaders and re-extraction cannot deadlock on them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import psycopg

from loaders.gazetteer import Gazetteer
from loaders.model import EXTRACTOR_VERSION, ActorRef, Extraction

if TYPE_CHECKING:
    from loaders.prepare import PreparedArticle

EXTRACTED_TABLES = ("actor_mentions", "statements", "events", "embargo_allegations", "foreign_support")

# COPY column lists, parents before children (the order in which a group is written).
COPY_COLUMNS = {
    "stories": "story_id, first_article_id",
    "articles": "article_id, source_name, url, outlet, title, standfirst, published_date, published_precision, "
                "published_source, language, is_relevant, content_hash, raw_hash, raw_text, body_text, story_id, "
                "extractor_version, extracted_at",
    "article_bands": "article_id, band_number, band_hash",
    "actor_mentions": "article_id, actor_id, surface_form, char_start, char_end, extractor_version",
    "statements": "article_id, speaker_actor_id, speaker_description, is_anonymous, kind, quote_text, char_start, "
                  "char_end, said_date, said_date_precision, cue, evidence_text, evidence_start, evidence_end, "
                  "confidence, extractor_version, row_fingerprint, is_rejected",
    "events": "event_id, article_id, event_type, occurred_date, occurred_date_precision, location_text, trigger, "
              "evidence_text, char_start, char_end, confidence, extractor_version, row_fingerprint, is_rejected",
    "event_participants": "event_id, actor_id, role, position",
    "embargo_allegations": "allegation_id, article_id, supplier_actor_id, recipient_actor_id, materiel, "
                           "quantity_text, alleged_by_actor_id, alleged_by_description, evidence_text, char_start, "
                           "char_end, confidence, extractor_version, row_fingerprint, is_rejected",
    "allegation_denials": "allegation_id, actor_id",
    "foreign_support": "article_id, supporter_actor_id, supported_actor_id, alleged_by_actor_id, evidence_text, "
                       "char_start, char_end, confidence, extractor_version, row_fingerprint, is_rejected",
}

Rows = dict[str, list[tuple]]


def fingerprint(*parts: object) -> str:
    """Stable identity of an extracted row across re-extractions (rejections key on it)."""
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()


class ActorCache:
    """canonical name -> actor_id (following merges), filled from the database and kept in step with inserts."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def refresh(self, conn: psycopg.Connection) -> None:
        rows = conn.execute(
            "select canonical_name, coalesce(merged_into_actor_id, actor_id) from actors"
        ).fetchall()
        self.ids = dict(rows)

    def ensure(self, conn: psycopg.Connection, refs: Iterable[ActorRef]) -> None:
        """Upsert the actors not cached yet in one statement, in name order; the first ref of a name wins."""
        missing: dict[str, ActorRef] = {}
        for ref in refs:
            if ref.name not in self.ids:
                missing.setdefault(ref.name, ref)
        if not missing:
            return
        ordered = [missing[name] for name in sorted(missing)]
        rows = conn.execute(
            """insert into actors (canonical_name, actor_type, country, side, description, is_discovered)
               select name, actor_type, country, side, description, is_discovered
               from unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::boolean[])
                    with ordinality as t(name, actor_type, country, side, description, is_discovered, position)
               order by position
               on conflict (canonical_name) do update set canonical_name = excluded.canonical_name
               returning canonical_name, coalesce(merged_into_actor_id, actor_id)""",
            ([r.name for r in ordered], [r.actor_type for r in ordered], [r.country for r in ordered],
             [r.side for r in ordered], [r.description for r in ordered], [r.is_discovered for r in ordered]),
        ).fetchall()
        self.ids.update(rows)

    def id(self, name: str | None) -> int | None:
        return self.ids.get(name) if name else None


def sync_gazetteer(conn: psycopg.Connection, gazetteer: Gazetteer) -> None:
    """Upsert every curated actor and alias (idempotent; curated facts win over earlier discovered guesses)."""
    entries = sorted(gazetteer.entries.values(), key=lambda e: e.name)
    with conn.cursor() as cur:
        cur.executemany(
            """insert into actors (canonical_name, actor_type, country, affiliation, side, wikidata_qid, is_discovered)
               values (%s, %s, %s, %s, %s, %s, false)
               on conflict (canonical_name) do update set
                 actor_type = excluded.actor_type, country = excluded.country, affiliation = excluded.affiliation,
                 side = excluded.side, wikidata_qid = excluded.wikidata_qid, is_discovered = false
               where (actors.actor_type, actors.country, actors.affiliation, actors.side, actors.wikidata_qid,
                      actors.is_discovered)
                     is distinct from
                     (excluded.actor_type, excluded.country, excluded.affiliation, excluded.side,
                      excluded.wikidata_qid, false)""",
            [(e.name, e.actor_type, e.country, e.affiliation, e.side, e.qid) for e in entries],
        )
        ids = dict(cur.execute("select canonical_name, actor_id from actors").fetchall())
        aliases = sorted(
            {(ids[e.name], alias, kind) for e in entries
             for kind, values in (("alias", e.aliases), ("demonym", e.demonyms), ("title", e.titles))
             for alias in values}
        )
        cur.executemany(
            "insert into actor_aliases (actor_id, alias, alias_kind) values (%s, %s, %s) on conflict do nothing",
            aliases,
        )
        cur.execute(
            """update actors a set parent_actor_id = p.actor_id from actors p
               where a.affiliation = p.canonical_name and a.parent_actor_id is distinct from p.actor_id"""
        )


def actor_refs(extraction: Extraction) -> list[ActorRef]:
    """Every actor the extraction's rows point at: the extractor's own refs, else a discovered organisation."""
    referenced = {m.actor_name for m in extraction.mentions}
    referenced |= {s.speaker_name for s in extraction.statements if s.speaker_name}
    for event in extraction.events:
        referenced |= {p.actor_name for p in event.participants}
    for g in extraction.allegations:
        referenced |= {g.supplier_name, *g.denied_by} | ({g.recipient_name} if g.recipient_name else set())
        if g.alleged_by_name and not g.is_alleged_by_anonymous:
            referenced.add(g.alleged_by_name)
    for s in extraction.support:
        referenced |= {s.supporter_name, s.supported_name} | ({s.alleged_by_name} if s.alleged_by_name else set())
    return [extraction.actors.get(n) or ActorRef(n, "organization", is_discovered=True) for n in sorted(referenced)]


def _rejected(conn: psycopg.Connection, content_hashes: list[str]) -> dict[str, set[tuple[str, str]]]:
    rows = conn.execute(
        "select content_hash, row_kind, row_fingerprint from rejections where content_hash = any(%s)",
        (content_hashes,),
    )
    return _rejections_by_hash(rows)


def _rejections_by_hash(rows: Iterable[tuple[str, str, str]]) -> dict[str, set[tuple[str, str]]]:
    by_hash: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for content_hash, kind, fp in rows:
        by_hash[content_hash].add((kind, fp))
    return by_hash


def _next_ids(conn: psycopg.Connection, counts: dict[str, int]) -> dict[str, Iterator[int]]:
    """`counts[sequence]` fresh values of each sequence, in one round trip."""
    sequences = [name for name, count in counts.items() if count]
    if not sequences:
        return {name: iter(()) for name in counts}
    arrays = ", ".join("array(select nextval(%s::regclass) from generate_series(1, %s))" for _ in sequences)
    row = conn.execute(f"select {arrays}", [v for name in sequences for v in (name, counts[name])]).fetchone()
    ids = dict(zip(sequences, row, strict=True))
    return {name: iter(ids.get(name, ())) for name in counts}


def _add_extraction_rows(
    rows: Rows, article_id: int, body: str, extraction: Extraction, rejected: set[tuple[str, str]],
    aid: Callable[[str | None], int | None], event_ids: Iterator[int], allegation_ids: Iterator[int],
) -> None:
    """Append one article's extracted rows to `rows` (table -> COPY rows)."""
    version = EXTRACTOR_VERSION
    rows["actor_mentions"] += [(article_id, aid(m.actor_name), m.surface_form, m.char_start, m.char_end, version)
                               for m in extraction.mentions]
    for s in extraction.statements:
        quote = body[s.char_start : s.char_end]
        fp = fingerprint(s.kind, s.speaker_name or s.speaker_description, quote)
        rows["statements"].append((
            article_id, aid(s.speaker_name), s.speaker_description, s.is_anonymous, s.kind, quote,
            s.char_start, s.char_end, s.said.value if s.said else None, s.said.precision if s.said else None,
            s.cue, body[s.evidence_start : s.evidence_end], s.evidence_start, s.evidence_end, s.confidence,
            version, fp, ("statement", fp) in rejected,
        ))
    for event in extraction.events:
        event_id = next(event_ids)
        evidence = body[event.evidence_start : event.evidence_end]
        fp = fingerprint(event.event_type, evidence)
        rows["events"].append((
            event_id, article_id, event.event_type, event.occurred.value if event.occurred else None,
            event.occurred.precision if event.occurred else None, event.location_text, event.trigger, evidence,
            event.evidence_start, event.evidence_end, event.confidence, version, fp, ("event", fp) in rejected,
        ))
        seen: set[tuple[int, str]] = set()
        for position, p in enumerate(event.participants):
            key = (aid(p.actor_name), p.role)
            if key[0] is not None and key not in seen:
                seen.add(key)
                rows["event_participants"].append((event_id, key[0], p.role, position))
    for g in extraction.allegations:
        allegation_id = next(allegation_ids)
        evidence = body[g.evidence_start : g.evidence_end]
        fp = fingerprint(g.supplier_name, g.recipient_name, evidence)
        alleged_by_id = None if g.is_alleged_by_anonymous else aid(g.alleged_by_name)
        rows["embargo_allegations"].append((
            allegation_id, article_id, aid(g.supplier_name), aid(g.recipient_name), sorted(set(g.materiel)),
            g.quantity_text, alleged_by_id, g.alleged_by_name if alleged_by_id is None else None, evidence,
            g.evidence_start, g.evidence_end, g.confidence, version, fp, ("allegation", fp) in rejected,
        ))
        rows["allegation_denials"] += sorted({(allegation_id, aid(name)) for name in g.denied_by if aid(name)})
    for s in extraction.support:
        evidence = body[s.evidence_start : s.evidence_end]
        fp = fingerprint(s.supporter_name, s.supported_name, evidence)
        rows["foreign_support"].append((
            article_id, aid(s.supporter_name), aid(s.supported_name), aid(s.alleged_by_name), evidence,
            s.evidence_start, s.evidence_end, s.confidence, version, fp, ("support", fp) in rejected,
        ))


def _copy_rows(conn: psycopg.Connection, rows: Rows) -> None:
    """One COPY per table that has rows, parents first (the text protocol handles arrays and NULLs)."""
    with conn.cursor() as cur:
        for table, columns in COPY_COLUMNS.items():
            if rows.get(table):
                with cur.copy(f"copy {table} ({columns}) from stdin") as copy:
                    for row in rows[table]:
                        copy.write_row(row)


ExtractedArticle = tuple[int, str, str, Extraction]  # article_id, content_hash, body_text, extraction


def write_extractions(conn: psycopg.Connection, articles: list[ExtractedArticle], actors: ActorCache) -> None:
    """Replace the extracted rows of stored articles (inside the caller's transaction)."""
    if not articles:
        return
    ids = [article_id for article_id, *_ in articles]
    for table in EXTRACTED_TABLES:  # participants and denials follow their parents (on delete cascade)
        conn.execute(f"delete from {table} where article_id = any(%s)", (ids,))
    actors.ensure(conn, [ref for *_, extraction in articles for ref in actor_refs(extraction)])
    rejected = _rejected(conn, [content_hash for _, content_hash, *_ in articles])
    sequences = _next_ids(conn, {
        "events_event_id_seq": sum(len(e.events) for *_, e in articles),
        "embargo_allegations_allegation_id_seq": sum(len(e.allegations) for *_, e in articles),
    })
    rows: Rows = defaultdict(list)
    for article_id, content_hash, body, extraction in articles:
        _add_extraction_rows(rows, article_id, body, extraction, rejected[content_hash], actors.id,
                             sequences["events_event_id_seq"], sequences["embargo_allegations_allegation_id_seq"])
    _copy_rows(conn, rows)
    conn.execute("update articles set extractor_version = %s, extracted_at = now() where article_id = any(%s)",
                 (EXTRACTOR_VERSION, ids))


def _assign_stories(fresh: list[PreparedArticle], similar: Iterable[tuple[int, int, int]]) -> tuple[list, int]:
    """Each new article's story, as if the articles were stored one at a time: the story sharing the most band rows
    with it, among stored articles and the group's earlier ones (ties go to the older story), else a new story.
    A story is (0, story_id) when stored, or (1, n) for the group's n-th new story, younger than any stored one."""
    band_rows: dict[int, Counter] = defaultdict(Counter)  # band hash -> story -> rows with that hash
    for band_hash, story_id, count in similar:
        band_rows[band_hash][(0, story_id)] += count
    stories, new = [], 0
    for article in fresh:
        shared: Counter = Counter()
        for band_hash in set(article.band_hashes):
            shared.update(band_rows.get(band_hash, {}))
        if shared:
            story = min(shared, key=lambda s: (-shared[s], s))
        else:
            story, new = (1, new), new + 1
        for band_hash in article.band_hashes:
            band_rows[band_hash][story] += 1
        stories.append(story)
    return stories, new


def store_articles(conn: psycopg.Connection, group: list[PreparedArticle], actors: ActorCache) -> list[tuple[str, int]]:
    """Insert prepared articles and all their rows (inside the caller's transaction; the caller commits).

    Returns ("loaded"|"unchanged", article_id) per article, in order. An article whose body is already stored,
    or appears earlier in the group, is "unchanged" with the id of the stored copy, exactly as if the articles
    were stored one at a time.
    """
    if not group:
        return []
    hashes = [a.content_hash for a in group]
    with conn.pipeline():
        # The lock comes first: a group waits for other loaders' groups to commit, then sees all of them.
        conn.execute("select pg_advisory_xact_lock(hashtext('lcdb.stories'))")
        stored = conn.execute("select content_hash, article_id from articles where content_hash = any(%s)",
                              (hashes,))
        rejections = conn.execute(
            "select content_hash, row_kind, row_fingerprint from rejections where content_hash = any(%s)", (hashes,))
        similar = conn.execute(
            """select b.band_hash, a.story_id, count(*) from article_bands b join articles a using (article_id)
               where b.band_hash = any(%s) and a.story_id is not null group by b.band_hash, a.story_id""",
            (sorted({h for a in group for h in a.band_hashes}),),
        )
        now = conn.execute("select now()")
    article_ids: dict[str, int] = dict(stored.fetchall())  # content hash -> stored article (filled in below)
    fresh: list[PreparedArticle] = []  # the first copy of each body not stored yet
    seen = set(article_ids)
    for article in group:
        if article.content_hash not in seen:
            seen.add(article.content_hash)
            fresh.append(article)
    stories, new_stories = _assign_stories(fresh, similar.fetchall())
    extracted = [a.extraction for a in fresh if a.extraction is not None]
    actors.ensure(conn, [ref for extraction in extracted for ref in actor_refs(extraction)])
    ids = _next_ids(conn, {
        "articles_article_id_seq": len(fresh),
        "stories_story_id_seq": new_stories,
        "events_event_id_seq": sum(len(e.events) for e in extracted),
        "embargo_allegations_allegation_id_seq": sum(len(e.allegations) for e in extracted),
    })
    rejected = _rejections_by_hash(rejections.fetchall())
    (extracted_at,) = now.fetchone()
    new_story_ids: dict[tuple, int] = {}
    rows: Rows = defaultdict(list)
    for article, story in zip(fresh, stories, strict=True):
        article_id = next(ids["articles_article_id_seq"])
        article_ids[article.content_hash] = article_id
        if story[0] == 1 and story not in new_story_ids:
            new_story_ids[story] = next(ids["stories_story_id_seq"])
            rows["stories"].append((new_story_ids[story], article_id))
        is_extracted = article.extraction is not None
        published = article.published
        rows["articles"].append((
            article_id, article.source_name, article.url, article.outlet, article.title, article.standfirst,
            published.value if published else None, published.precision if published else None,
            article.published_source, article.language, article.is_relevant, article.content_hash,
            article.raw_hash, article.raw_text, article.body_text, new_story_ids.get(story, story[1]),
            EXTRACTOR_VERSION if is_extracted else None, extracted_at if is_extracted else None,
        ))
        rows["article_bands"] += [(article_id, number, value) for number, value in enumerate(article.band_hashes)]
        if is_extracted:
            _add_extraction_rows(rows, article_id, article.body_text, article.extraction,
                                 rejected[article.content_hash], actors.id, ids["events_event_id_seq"],
                                 ids["embargo_allegations_allegation_id_seq"])
    _copy_rows(conn, rows)
    loaded = {id(a) for a in fresh}
    return [("loaded" if id(a) in loaded else "unchanged", article_ids[a.content_hash]) for a in group]
