"""Analyst corrections that survive re-extraction: merging actors and rejecting wrong rows."""

from __future__ import annotations

from lcdb.database import connect
from lcdb.migrations import ensure_upgraded


class CorrectionError(ValueError):
    """The correction names something that does not exist."""


# (table, column) pairs that reference actors.actor_id and move on a merge.
_ACTOR_REFERENCES = (
    ("actor_mentions", "actor_id"),
    ("statements", "speaker_actor_id"),
    ("embargo_allegations", "supplier_actor_id"),
    ("embargo_allegations", "recipient_actor_id"),
    ("embargo_allegations", "alleged_by_actor_id"),
    ("foreign_support", "supporter_actor_id"),
    ("foreign_support", "supported_actor_id"),
    ("foreign_support", "alleged_by_actor_id"),
    ("actors", "parent_actor_id"),
)

_ROW_TABLES = {
    "statement": ("statements", "statement_id"),
    "event": ("events", "event_id"),
    "allegation": ("embargo_allegations", "allegation_id"),
    "support": ("foreign_support", "support_id"),
}


def _actor_id(conn, name: str) -> int:
    row = conn.execute(
        """select coalesce(a.merged_into_actor_id, a.actor_id) from actors a where a.canonical_name = %s
           union all
           select al.actor_id from actor_aliases al where al.alias = %s
           limit 1""",
        (name, name),
    ).fetchone()
    if row is None:
        raise CorrectionError(f"no actor named {name!r} (see: select actor_name from reporting.actors)")
    return row[0]


def merge_actors(source: str, target: str) -> int:
    """Merge actor `source` into `target`. Returns the number of rows re-pointed."""
    ensure_upgraded()
    with connect() as conn, conn.transaction():
        source_id, target_id = _actor_id(conn, source), _actor_id(conn, target)
        if source_id == target_id:
            raise CorrectionError(f"{source!r} and {target!r} are already the same actor")
        moved = 0
        for table, column in _ACTOR_REFERENCES:
            moved += conn.execute(
                f"update {table} set {column} = %s where {column} = %s", (target_id, source_id)
            ).rowcount
        # Composite keys: drop the rows that would collide, then move the rest.
        conn.execute(
            """delete from event_participants p where actor_id = %s and exists (
                 select 1 from event_participants q
                 where q.event_id = p.event_id and q.actor_id = %s and q.role = p.role)""",
            (source_id, target_id),
        )
        moved += conn.execute("update event_participants set actor_id = %s where actor_id = %s",
                              (target_id, source_id)).rowcount
        conn.execute(
            """delete from allegation_denials d where actor_id = %s and exists (
                 select 1 from allegation_denials e where e.allegation_id = d.allegation_id and e.actor_id = %s)""",
            (source_id, target_id),
        )
        moved += conn.execute("update allegation_denials set actor_id = %s where actor_id = %s",
                              (target_id, source_id)).rowcount
        conn.execute(
            """insert into actor_aliases (actor_id, alias, alias_kind)
               select %s, alias, alias_kind from actor_aliases where actor_id = %s
               union select %s, canonical_name, 'merged' from actors where actor_id = %s
               on conflict do nothing""",
            (target_id, source_id, target_id, source_id),
        )
        conn.execute("update actors set merged_into_actor_id = %s where actor_id = %s or merged_into_actor_id = %s",
                     (target_id, source_id, source_id))
        return moved


def reject_row(kind: str, row_id: int, reason: str | None = None) -> None:
    """Mark an extracted row as wrong; the rejection is keyed so that re-extraction keeps it rejected."""
    if kind not in _ROW_TABLES:
        raise CorrectionError(f"unknown row kind {kind!r}; use one of {', '.join(_ROW_TABLES)}")
    table, key = _ROW_TABLES[kind]
    ensure_upgraded()
    with connect() as conn, conn.transaction():
        row = conn.execute(
            f"""select a.content_hash, t.row_fingerprint from {table} t join articles a using (article_id)
                where t.{key} = %s""",
            (row_id,),
        ).fetchone()
        if row is None:
            raise CorrectionError(f"no {kind} with id {row_id}")
        conn.execute(
            """insert into rejections (content_hash, row_kind, row_fingerprint, reason) values (%s, %s, %s, %s)
               on conflict (content_hash, row_kind, row_fingerprint) do update set reason = excluded.reason""",
            (row[0], kind, row[1], reason),
        )
        conn.execute(f"update {table} set is_rejected = true where {key} = %s", (row_id,))
