"""Writing prepared articles and their extracted rows to PostgreSQL.

One article = one transaction (the caller owns it): the article row and every extracted row commit together or not
at all. Writes are batched per table (psycopg pipelined executemany), never a row at a time through the ORM.
Actors are upserted in sorted order so concurrent loaders cannot deadlock on them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import psycopg

from loaders.gazetteer import Gazetteer
from loaders.model import EXTRACTOR_VERSION, ActorRef, Extraction

if TYPE_CHECKING:
    from loaders.prepare import PreparedArticle

EXTRACTED_TABLES = ("actor_mentions", "statements", "events", "embargo_allegations", "foreign_support")


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
        missing = sorted({ref.name: ref for ref in refs if ref.name not in self.ids}.values(), key=lambda r: r.name)
        for ref in missing:
            row = conn.execute(
                """insert into actors (canonical_name, actor_type, country, side, description, is_discovered)
                   values (%s, %s, %s, %s, %s, %s)
                   on conflict (canonical_name) do update set canonical_name = excluded.canonical_name
                   returning coalesce(merged_into_actor_id, actor_id)""",
                (ref.name, ref.actor_type, ref.country, ref.side, ref.description, ref.is_discovered),
            ).fetchone()
            self.ids[ref.name] = row[0]

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


def _rejected(conn: psycopg.Connection, content_hash: str) -> set[tuple[str, str]]:
    rows = conn.execute(
        "select row_kind, row_fingerprint from rejections where content_hash = %s", (content_hash,)
    ).fetchall()
    return {(kind, fp) for kind, fp in rows}


def write_extraction(
    conn: psycopg.Connection, article_id: int, content_hash: str, body: str, extraction: Extraction, actors: ActorCache
) -> None:
    """Insert every extracted row of one article (inside the caller's transaction)."""
    names = set(extraction.actors)
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
    refs = [extraction.actors[n] if n in names else ActorRef(n, "organization", is_discovered=True)
            for n in sorted(referenced)]
    actors.ensure(conn, refs)
    rejected = _rejected(conn, content_hash)
    version = EXTRACTOR_VERSION
    aid = actors.id

    # Ids for parent rows come from their sequences up front, so every table is written with one COPY.
    event_ids = _next_ids(conn, "events_event_id_seq", len(extraction.events))
    allegation_ids = _next_ids(conn, "embargo_allegations_allegation_id_seq", len(extraction.allegations))

    mention_rows = [(article_id, aid(m.actor_name), m.surface_form, m.char_start, m.char_end, version)
                    for m in extraction.mentions]
    statement_rows = []
    for s in extraction.statements:
        quote = body[s.char_start : s.char_end]
        fp = fingerprint(s.kind, s.speaker_name or s.speaker_description, quote)
        statement_rows.append((
            article_id, aid(s.speaker_name), s.speaker_description, s.is_anonymous, s.kind, quote,
            s.char_start, s.char_end, s.said.value if s.said else None, s.said.precision if s.said else None,
            s.cue, body[s.evidence_start : s.evidence_end], s.evidence_start, s.evidence_end, s.confidence,
            version, fp, ("statement", fp) in rejected,
        ))
    event_rows, participant_rows = [], []
    for event_id, event in zip(event_ids, extraction.events, strict=True):
        evidence = body[event.evidence_start : event.evidence_end]
        fp = fingerprint(event.event_type, evidence)
        event_rows.append((
            event_id, article_id, event.event_type, event.occurred.value if event.occurred else None,
            event.occurred.precision if event.occurred else None, event.location_text, event.trigger, evidence,
            event.evidence_start, event.evidence_end, event.confidence, version, fp, ("event", fp) in rejected,
        ))
        seen: set[tuple[int, str]] = set()
        for position, p in enumerate(event.participants):
            key = (aid(p.actor_name), p.role)
            if key[0] is not None and key not in seen:
                seen.add(key)
                participant_rows.append((event_id, key[0], p.role, position))
    allegation_rows, denial_rows = [], []
    for allegation_id, g in zip(allegation_ids, extraction.allegations, strict=True):
        evidence = body[g.evidence_start : g.evidence_end]
        fp = fingerprint(g.supplier_name, g.recipient_name, evidence)
        alleged_by_id = None if g.is_alleged_by_anonymous else aid(g.alleged_by_name)
        allegation_rows.append((
            allegation_id, article_id, aid(g.supplier_name), aid(g.recipient_name), sorted(set(g.materiel)),
            g.quantity_text, alleged_by_id, g.alleged_by_name if alleged_by_id is None else None, evidence,
            g.evidence_start, g.evidence_end, g.confidence, version, fp, ("allegation", fp) in rejected,
        ))
        denial_rows += [(allegation_id, aid(name)) for name in sorted(set(g.denied_by)) if aid(name)]
    support_rows = []
    for s in extraction.support:
        evidence = body[s.evidence_start : s.evidence_end]
        fp = fingerprint(s.supporter_name, s.supported_name, evidence)
        support_rows.append((
            article_id, aid(s.supporter_name), aid(s.supported_name), aid(s.alleged_by_name), evidence,
            s.evidence_start, s.evidence_end, s.confidence, version, fp, ("support", fp) in rejected,
        ))

    _copy(conn, "actor_mentions", "article_id, actor_id, surface_form, char_start, char_end, extractor_version",
          mention_rows)
    _copy(conn, "statements", "article_id, speaker_actor_id, speaker_description, is_anonymous, kind, quote_text, "
          "char_start, char_end, said_date, said_date_precision, cue, evidence_text, evidence_start, evidence_end, "
          "confidence, extractor_version, row_fingerprint, is_rejected", statement_rows)
    _copy(conn, "events", "event_id, article_id, event_type, occurred_date, occurred_date_precision, location_text, "
          "trigger, evidence_text, char_start, char_end, confidence, extractor_version, row_fingerprint, is_rejected",
          event_rows)
    _copy(conn, "event_participants", "event_id, actor_id, role, position", participant_rows)
    _copy(conn, "embargo_allegations", "allegation_id, article_id, supplier_actor_id, recipient_actor_id, materiel, "
          "quantity_text, alleged_by_actor_id, alleged_by_description, evidence_text, char_start, char_end, "
          "confidence, extractor_version, row_fingerprint, is_rejected", allegation_rows)
    _copy(conn, "allegation_denials", "allegation_id, actor_id", sorted(set(denial_rows)))
    _copy(conn, "foreign_support", "article_id, supporter_actor_id, supported_actor_id, alleged_by_actor_id, "
          "evidence_text, char_start, char_end, confidence, extractor_version, row_fingerprint, is_rejected",
          support_rows)
    conn.execute("update articles set extractor_version = %s, extracted_at = now() where article_id = %s",
                 (version, article_id))


def _next_ids(conn: psycopg.Connection, sequence: str, count: int) -> list[int]:
    if count == 0:
        return []
    rows = conn.execute("select nextval(%s) from generate_series(1, %s)", (sequence, count)).fetchall()
    return [r[0] for r in rows]


def _copy(conn: psycopg.Connection, table: str, columns: str, rows: list[tuple]) -> None:
    """One COPY round trip per table and article (the binary-safe text protocol handles arrays and NULLs)."""
    if not rows:
        return
    with conn.cursor().copy(f"copy {table} ({columns}) from stdin") as copy:
        for row in rows:
            copy.write_row(row)


def delete_extraction(conn: psycopg.Connection, article_id: int) -> None:
    for table in EXTRACTED_TABLES:
        conn.execute(f"delete from {table} where article_id = %s", (article_id,))


def assign_story(conn: psycopg.Connection, article_id: int, band_hashes: list[int]) -> int:
    """Put the article in the story of a near-duplicate already stored, or start a new story."""
    # Serialise story assignment so two concurrent copies of one wire story cannot both start a story.
    conn.execute("select pg_advisory_xact_lock(hashtext('lcdb.stories'))")
    row = conn.execute(
        """select a.story_id from article_bands b join articles a on a.article_id = b.article_id
           where b.band_hash = any(%s) and a.story_id is not null and a.article_id <> %s
           group by a.story_id order by count(*) desc, a.story_id limit 1""",
        (band_hashes, article_id),
    ).fetchone()
    if row:
        story_id = row[0]
    else:
        (story_id,) = conn.execute(
            "insert into stories (first_article_id) values (%s) returning story_id", (article_id,)
        ).fetchone()
    _copy(conn, "article_bands", "article_id, band_number, band_hash",
          [(article_id, number, value) for number, value in enumerate(band_hashes)])
    conn.execute("update articles set story_id = %s where article_id = %s", (story_id, article_id))
    return story_id


def store_article(conn: psycopg.Connection, article: PreparedArticle, actors: ActorCache) -> tuple[str, int]:
    """Insert one prepared article and its rows. Returns ("loaded"|"unchanged", article_id). Caller commits."""
    published = article.published
    row = conn.execute(
        """insert into articles (source_name, url, outlet, title, standfirst, published_date, published_precision,
             published_source, language, is_relevant, content_hash, raw_hash, raw_text, body_text)
           values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
           on conflict (content_hash) do nothing
           returning article_id""",
        (article.source_name, article.url, article.outlet, article.title, article.standfirst,
         published.value if published else None, published.precision if published else None,
         article.published_source, article.language, article.is_relevant, article.content_hash, article.raw_hash,
         article.raw_text, article.body_text),
    ).fetchone()
    if row is None:
        (existing,) = conn.execute(
            "select article_id from articles where content_hash = %s", (article.content_hash,)
        ).fetchone()
        return "unchanged", existing
    article_id = row[0]
    if article.extraction is not None:
        write_extraction(conn, article_id, article.content_hash, article.body_text, article.extraction, actors)
    assign_story(conn, article_id, article.band_hashes)
    return "loaded", article_id
