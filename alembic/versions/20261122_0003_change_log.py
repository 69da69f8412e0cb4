"""change log: statement-level triggers record which articles' rows changed, for the incremental report cache

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Every INSERT, UPDATE or DELETE statement on a table behind the article-grained reporting views logs the distinct
article_ids it touched, with its transaction id (xid8), in `public.change_log`. The triggers are FOR EACH STATEMENT
with transition tables, so a load (a handful of COPYs per article) pays one small INSERT ... SELECT DISTINCT per
statement, not one per row. Postgres allows transition tables only on single-event triggers, hence one trigger per
event. Changes to an actor that existing rows may show (rename, merge, delete, TRUNCATE of any logged table) log
article_id null: "rebuild everything". New actors, aliases, load runs and load errors are not logged: the report
cache re-copies those small views on every refresh.
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Tables whose rows carry article_id directly.
ARTICLE_TABLES = ("articles", "actor_mentions", "statements", "events", "embargo_allegations", "foreign_support")
# Tables that reach their article through a parent: the join from their transition rows (alias r).
CHILD_TABLES = {
    "event_participants": "join public.events e on e.event_id = r.event_id",
    "allegation_denials": "join public.embargo_allegations g on g.allegation_id = r.allegation_id",
}
CHILD_ARTICLE_ID = {"event_participants": "e.article_id", "allegation_denials": "g.article_id"}
EVENTS = (("insert", "new table as new_rows"), ("update", "old table as old_rows new table as new_rows"),
          ("delete", "old table as old_rows"))
TRUNCATED_TABLES = (*ARTICLE_TABLES, *CHILD_TABLES, "actors")


def _article_function(name: str, article_id: str, join: str) -> str:
    """A trigger function logging the distinct articles of the statement's transition rows (alias r)."""
    def select(rows: str) -> str:
        return f"select distinct {article_id}, tg_table_name from {rows} r {join}"

    return f"""
    create function public.{name}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into public.change_log (article_id, table_name) {select('new_rows')};
      elsif tg_op = 'DELETE' then
        insert into public.change_log (article_id, table_name) {select('old_rows')};
      else
        insert into public.change_log (article_id, table_name)
        {select('(select * from new_rows union all select * from old_rows)')};
      end if;
      return null;
    end $$"""


FUNCTIONS = {
    "log_article_changes": _article_function("log_article_changes", "r.article_id", ""),
    "log_event_participant_changes": _article_function(
        "log_event_participant_changes", CHILD_ARTICLE_ID["event_participants"], CHILD_TABLES["event_participants"]),
    "log_allegation_denial_changes": _article_function(
        "log_allegation_denial_changes", CHILD_ARTICLE_ID["allegation_denials"], CHILD_TABLES["allegation_denials"]),
    # Only a real change counts: the loader's `on conflict do update` on an existing actor rewrites an identical row.
    "log_actor_changes": """
    create function public.log_actor_changes() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if exists (select 1 from old_rows) then
          insert into public.change_log (article_id, table_name) values (null, tg_table_name);
        end if;
      elsif exists (select * from new_rows except select * from old_rows) then
        insert into public.change_log (article_id, table_name) values (null, tg_table_name);
      end if;
      return null;
    end $$""",
    "log_truncate": """
    create function public.log_truncate() returns trigger language plpgsql as $$
    begin
      insert into public.change_log (article_id, table_name) values (null, tg_table_name);
      return null;
    end $$""",
}

FUNCTION_COMMENTS = {
    "log_article_changes": "Change log: the distinct article_ids a statement touched (tables with article_id).",
    "log_event_participant_changes": "Change log: the articles of the events whose participants a statement touched.",
    "log_allegation_denial_changes": "Change log: the articles of the allegations whose denials a statement touched.",
    "log_actor_changes": "Change log: null article (rebuild everything) when a statement really changed or deleted actors.",
    "log_truncate": "Change log: null article (rebuild everything) after a TRUNCATE.",
}


def _triggers() -> list[tuple[str, str, str, str, str]]:
    """(trigger, table, event, referencing clause, function) for every trigger this revision creates."""
    triggers = []
    for table in ARTICLE_TABLES:
        triggers += [(f"{table}_log_{event}", table, event, referencing, "log_article_changes")
                     for event, referencing in EVENTS]
    triggers += [(f"event_participants_log_{event}", "event_participants", event, referencing,
                  "log_event_participant_changes") for event, referencing in EVENTS]
    triggers += [(f"allegation_denials_log_{event}", "allegation_denials", event, referencing,
                  "log_allegation_denial_changes") for event, referencing in EVENTS]
    triggers += [(f"actors_log_{event}", "actors", event, referencing, "log_actor_changes")
                 for event, referencing in EVENTS if event != "insert"]
    triggers += [(f"{table}_log_truncate", table, "truncate", "", "log_truncate") for table in TRUNCATED_TABLES]
    return triggers


COMMENTS = {
    "change_log": "Internal: one row per (statement, article) whose rows changed, written by triggers; the report "
                  "cache refreshes the articles logged since its watermark. article_id null means rows of many "
                  "articles may have changed (an actor was renamed, merged or deleted): rebuild everything.",
    "change_log.change_id": "Log row identifier.",
    "change_log.article_id": "Article whose rows changed; null when rows of many articles may have changed.",
    "change_log.table_name": "Table the triggering statement changed.",
    "change_log.txid": "Transaction that made the change (pg_current_xact_id()); compared with snapshot xmin "
                       "watermarks.",
    "change_log.changed_at": "Start time of that transaction (UTC).",
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    op.execute("""
    create table public.change_log (
      change_id bigserial not null,
      article_id bigint,
      table_name text not null,
      txid xid8 not null default pg_current_xact_id(),
      changed_at timestamp with time zone not null default now(),
      constraint pk_change_log primary key (change_id)
    )""")
    op.execute("create index ix_change_log_txid on public.change_log (txid)")
    for target, text in COMMENTS.items():
        kind = "column" if "." in target else "table"
        op.execute(f"comment on {kind} public.{target} is {_quote(text)}")
    for name, sql in FUNCTIONS.items():
        op.execute(sql)
        op.execute(f"comment on function public.{name}() is {_quote(FUNCTION_COMMENTS[name])}")
    for trigger, table, event, referencing, function in _triggers():
        referencing = f"referencing {referencing} " if referencing else ""
        op.execute(f"create trigger {trigger} after {event} on public.{table} "
                   f"{referencing}for each statement execute function public.{function}()")


def downgrade() -> None:
    for trigger, table, _, _, _ in _triggers():
        op.execute(f"drop trigger if exists {trigger} on public.{table}")
    for name in FUNCTIONS:
        op.execute(f"drop function if exists public.{name}()")
    op.execute("drop table if exists public.change_log")
