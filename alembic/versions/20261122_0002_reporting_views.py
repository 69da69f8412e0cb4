"""reporting schema: documented views for analysts and BI tools, and the read-only lcdb_reader role

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

The view definitions and comments are frozen here on purpose: a later change to a view is a new migration.
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VIEWS: dict[str, tuple[str, str, dict[str, str]]] = {}


def view(name: str, comment: str, sql: str, columns: dict[str, str]) -> None:
    VIEWS[name] = (comment, sql, columns)


view("articles", "One row per stored article (relevant or not), with its metadata.", """
    select a.article_id, a.source_name, a.url, a.title, a.outlet,
           a.published_date as published_on, a.published_precision, a.published_source,
           a.language, a.is_relevant, a.story_id, a.content_hash, a.loaded_at, a.extractor_version,
           length(a.body_text) as body_length
    from public.articles a""", {
    "article_id": "Article identifier (articles.article_id).",
    "source_name": "File name or identifier the article was loaded from.",
    "url": "Source URL, when known.",
    "title": "Headline as printed.",
    "outlet": "Publishing outlet (from the manifest, the URL's domain, or a signature in the page furniture).",
    "published_on": "Publication date; read it together with published_precision (first day of month/year when coarse).",
    "published_precision": "Precision of published_on: day, month or year.",
    "published_source": "How published_on was obtained: metadata or inferred from the text.",
    "language": "Detected language (ISO 639-1), 'und' when undetermined.",
    "is_relevant": "True when the article is in English and about Libya and its conflict; only relevant articles are extracted.",
    "story_id": "Near-duplicate group: republished copies of one wire story share a story_id.",
    "content_hash": "SHA-256 of the normalised body text; identifies the article across reloads.",
    "loaded_at": "When the article was first stored (UTC).",
    "extractor_version": "Version of the extraction rules that produced the article's current rows.",
    "body_length": "Length of the cleaned body text in characters.",
})

view("actors", "One row per actor: curated (gazetteer) or discovered in text.", """
    select a.actor_id, a.canonical_name as actor_name, a.actor_type, a.country, a.affiliation, a.side,
           a.wikidata_qid, a.is_discovered, a.description,
           coalesce(array(select al.alias from public.actor_aliases al
                          where al.actor_id = a.actor_id order by al.alias), '{}') as aliases
    from public.actors a
    where a.merged_into_actor_id is null""", {
    "actor_id": "Actor identifier (actors.actor_id).",
    "actor_name": "Canonical name (Wikipedia-style English title).",
    "actor_type": "person, country, organization, armed_group, government, international_org or media.",
    "country": "Country the actor belongs to, when known.",
    "affiliation": "Organisation or faction the actor belongs to, when known.",
    "side": "Libyan side the actor belongs to or backs: east, west, neutral, foreign or other.",
    "wikidata_qid": "Wikidata identifier, when known.",
    "is_discovered": "True when found in text but absent from the curated gazetteer.",
    "description": "How a discovered actor was introduced (apposition or title).",
    "aliases": "Known aliases, transliterations, demonyms and titles.",
})

view("actor_mentions", "One row per mention of an actor in an article body.", """
    select m.article_id, ar.source_name, m.actor_id, a.canonical_name as actor_name, a.actor_type,
           m.surface_form, m.char_start, m.char_end
    from public.actor_mentions m
    join public.articles ar on ar.article_id = m.article_id
    join public.actors a on a.actor_id = m.actor_id""", {
    "article_id": "Article the mention is in.",
    "source_name": "File name or identifier of the article.",
    "actor_id": "Mentioned actor.",
    "actor_name": "Canonical name of the mentioned actor.",
    "actor_type": "Type of the mentioned actor.",
    "surface_form": "The text as it appears in the article (alias, demonym, title or pronoun).",
    "char_start": "Start offset of the mention in articles.body_text (0-based, inclusive).",
    "char_end": "End offset of the mention in articles.body_text (exclusive).",
})

view("statements", "One row per statement: a direct quote or reported speech, with its resolved speaker.", """
    select s.statement_id, s.article_id, ar.source_name, s.speaker_actor_id,
           coalesce(a.canonical_name, s.speaker_description) as speaker_name,
           a.actor_type as speaker_type, s.is_anonymous, s.kind, s.quote_text,
           s.said_date as said_on, s.said_date_precision as said_on_precision,
           s.char_start, s.char_end, s.confidence, s.evidence_text, s.cue, ar.outlet, s.extractor_version
    from public.statements s
    join public.articles ar on ar.article_id = s.article_id
    left join public.actors a on a.actor_id = s.speaker_actor_id
    where not s.is_rejected""", {
    "statement_id": "Statement identifier.",
    "article_id": "Article the statement is in.",
    "source_name": "File name or identifier of the article.",
    "speaker_actor_id": "Speaking actor; null for anonymous speakers.",
    "speaker_name": "Canonical name of the speaker, or the description of an anonymous one ('senior UN diplomat').",
    "speaker_type": "Actor type of the speaker; null for anonymous speakers.",
    "is_anonymous": "True for unnamed sources ('diplomats said').",
    "kind": "direct (words in quotation marks) or indirect (reported speech).",
    "quote_text": "What was said, verbatim from the article: exactly body_text[char_start:char_end].",
    "said_on": "When it was said, resolved against the article date; read with said_on_precision.",
    "said_on_precision": "Precision of said_on: day, month or year.",
    "char_start": "Start offset of quote_text in articles.body_text.",
    "char_end": "End offset of quote_text in articles.body_text (exclusive).",
    "confidence": "Extractor confidence between 0 and 1.",
    "evidence_text": "The sentence(s) carrying the attribution.",
    "cue": "The reporting verb or cue ('said', 'according to').",
    "outlet": "Outlet of the article.",
    "extractor_version": "Version of the rules that produced the row.",
})

view("events", "One row per event: meetings, calls, offensives, attacks, captures, UN actions and more.", """
    select e.event_id, e.article_id, ar.source_name, e.event_type,
           e.occurred_date as occurred_on, e.occurred_date_precision as occurred_on_precision,
           coalesce(array(select a.canonical_name from public.event_participants p
                          join public.actors a on a.actor_id = p.actor_id
                          where p.event_id = e.event_id order by p.position), '{}') as participants,
           e.location_text, e.evidence_text, e.char_start, e.char_end, e.confidence, ar.outlet, e.extractor_version
    from public.events e
    join public.articles ar on ar.article_id = e.article_id
    where not e.is_rejected""", {
    "event_id": "Event identifier.",
    "article_id": "Article the event is reported in.",
    "source_name": "File name or identifier of the article.",
    "event_type": "meeting, phone_call, offensive, attack, capture, deployment, arms_supply, un_action, diplomatic, protest or other.",
    "occurred_on": "When it happened, resolved against the article date; read with occurred_on_precision.",
    "occurred_on_precision": "Precision of occurred_on: day, month or year.",
    "participants": "Canonical names of the participants, initiator first.",
    "location_text": "Where it happened, as stated in the text.",
    "evidence_text": "Verbatim span of the article supporting the event: body_text[char_start:char_end].",
    "char_start": "Start offset of evidence_text in articles.body_text.",
    "char_end": "End offset of evidence_text in articles.body_text (exclusive).",
    "confidence": "Extractor confidence between 0 and 1.",
    "outlet": "Outlet of the article.",
    "extractor_version": "Version of the rules that produced the row.",
})

view("event_participants", "One row per participant of an event, with its role.", """
    select p.event_id, e.article_id, p.actor_id, a.canonical_name as actor_name, a.actor_type, p.role, p.position
    from public.event_participants p
    join public.events e on e.event_id = p.event_id
    join public.actors a on a.actor_id = p.actor_id
    where not e.is_rejected""", {
    "event_id": "Event identifier.",
    "article_id": "Article the event is reported in.",
    "actor_id": "Participating actor.",
    "actor_name": "Canonical name of the participant.",
    "actor_type": "Type of the participant.",
    "role": "Role in the event: initiator, target or participant.",
    "position": "Order of the participant in the event (0 = initiator).",
})

view("embargo_allegations", "One row per alleged arms-embargo violation (supplier to a Libyan party).", """
    select g.allegation_id, g.article_id, ar.source_name, g.supplier_actor_id, s.canonical_name as supplier_name,
           g.recipient_actor_id, r.canonical_name as recipient_name, r.side as recipient_side,
           g.materiel, g.quantity_text, g.alleged_by_actor_id,
           coalesce(b.canonical_name, g.alleged_by_description) as alleged_by_name,
           coalesce(array(select d.canonical_name from public.allegation_denials x
                          join public.actors d on d.actor_id = x.actor_id
                          where x.allegation_id = g.allegation_id order by d.canonical_name), '{}') as denied_by,
           g.evidence_text, g.char_start, g.char_end, g.confidence, ar.outlet, ar.published_date as published_on,
           ar.story_id, g.extractor_version
    from public.embargo_allegations g
    join public.articles ar on ar.article_id = g.article_id
    join public.actors s on s.actor_id = g.supplier_actor_id
    left join public.actors r on r.actor_id = g.recipient_actor_id
    left join public.actors b on b.actor_id = g.alleged_by_actor_id
    where not g.is_rejected""", {
    "allegation_id": "Allegation identifier.",
    "article_id": "Article the allegation is reported in.",
    "source_name": "File name or identifier of the article.",
    "supplier_actor_id": "Alleged supplier.",
    "supplier_name": "Canonical name of the alleged supplier (country, company or armed group).",
    "recipient_actor_id": "Libyan party that allegedly received it; null when unspecified.",
    "recipient_name": "Canonical name of the recipient.",
    "recipient_side": "Libyan side of the recipient: east or west.",
    "materiel": "Materiel categories (weapons, drones, mercenaries, fighters, air_defense, ...).",
    "quantity_text": "Quantity as stated ('at least 2,000', 'up to 1,200').",
    "alleged_by_actor_id": "Actor making the allegation, when it is a known actor.",
    "alleged_by_name": "Who makes the allegation (canonical name or description such as 'diplomats'); null when the article asserts it itself.",
    "denied_by": "Canonical names of those denying the allegation in the article.",
    "evidence_text": "Verbatim span supporting the allegation: body_text[char_start:char_end].",
    "char_start": "Start offset of evidence_text in articles.body_text.",
    "char_end": "End offset of evidence_text in articles.body_text (exclusive).",
    "confidence": "Extractor confidence between 0 and 1.",
    "outlet": "Outlet of the article.",
    "published_on": "Publication date of the article.",
    "story_id": "Near-duplicate story of the article (republished wire copies share it).",
    "extractor_version": "Version of the rules that produced the row.",
})

view("foreign_support", "One row per stated support relation: who backs whom.", """
    select f.support_id, f.article_id, ar.source_name, f.supporter_actor_id, s.canonical_name as supporter_name,
           f.supported_actor_id, t.canonical_name as supported_name, t.side as supported_side,
           f.alleged_by_actor_id, b.canonical_name as alleged_by_name,
           f.evidence_text, f.char_start, f.char_end, f.confidence, ar.outlet, ar.published_date as published_on,
           ar.story_id, f.extractor_version
    from public.foreign_support f
    join public.articles ar on ar.article_id = f.article_id
    join public.actors s on s.actor_id = f.supporter_actor_id
    join public.actors t on t.actor_id = f.supported_actor_id
    left join public.actors b on b.actor_id = f.alleged_by_actor_id
    where not f.is_rejected""", {
    "support_id": "Support relation identifier.",
    "article_id": "Article the relation is stated in.",
    "source_name": "File name or identifier of the article.",
    "supporter_actor_id": "Backing actor.",
    "supporter_name": "Canonical name of the backer.",
    "supported_actor_id": "Backed actor.",
    "supported_name": "Canonical name of the backed Libyan party.",
    "supported_side": "Libyan side of the backed party: east or west.",
    "alleged_by_actor_id": "Actor who claims the relation, when the text attributes the claim.",
    "alleged_by_name": "Canonical name of who claims the relation; null when the article states it itself.",
    "evidence_text": "Verbatim span supporting the relation: body_text[char_start:char_end].",
    "char_start": "Start offset of evidence_text in articles.body_text.",
    "char_end": "End offset of evidence_text in articles.body_text (exclusive).",
    "confidence": "Extractor confidence between 0 and 1.",
    "outlet": "Outlet of the article.",
    "published_on": "Publication date of the article.",
    "story_id": "Near-duplicate story of the article.",
    "extractor_version": "Version of the rules that produced the row.",
})

view("load_runs", "One row per load or re-extraction run, with its counts.", """
    select r.load_run_id, r.command, r.started_at, r.finished_at, r.status, r.extractor_version,
           r.seen_count, r.loaded_count, r.unchanged_count, r.failed_count, r.skipped_count,
           (select count(*) from public.load_errors e where e.load_run_id = r.load_run_id) as error_count
    from public.load_runs r""", {
    "load_run_id": "Run identifier.",
    "command": "load or reextract.",
    "started_at": "When the run started (UTC).",
    "finished_at": "When the run finished (UTC); null while running or if it was killed.",
    "status": "running, succeeded, partial (some inputs failed), failed or interrupted.",
    "extractor_version": "Extraction rules version used by the run.",
    "seen_count": "Inputs (articles) seen.",
    "loaded_count": "Articles newly stored.",
    "unchanged_count": "Articles already stored with identical content.",
    "failed_count": "Inputs that failed; see load_errors.",
    "skipped_count": "Inputs skipped (empty directory and the like).",
    "error_count": "Rows in load_errors for this run.",
})

view("load_errors", "One row per input that failed to load, and why.", """
    select e.load_error_id, e.load_run_id, e.source_name, e.line_number, e.error_kind, e.message, e.created_at
    from public.load_errors e""", {
    "load_error_id": "Error identifier.",
    "load_run_id": "Run that met the error.",
    "source_name": "File (or file:line) that failed.",
    "line_number": "Line number for JSON Lines and manifest inputs.",
    "error_kind": "Short error category (empty, binary, encoding, too_large, json, manifest, unreadable, ...).",
    "message": "Human-readable message.",
    "created_at": "When the error was recorded (UTC).",
})


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    op.execute("create schema if not exists reporting")
    op.execute("comment on schema reporting is "
               + _quote("lcdb's stable analyst and BI contract: documented read-only views over the core tables."))
    for name, (comment, sql, columns) in VIEWS.items():
        op.execute(f"create or replace view reporting.{name} as {sql}")
        op.execute(f"comment on view reporting.{name} is {_quote(comment)}")
        for column, text in columns.items():
            op.execute(f"comment on column reporting.{name}.{column} is {_quote(text)}")
    # The reader role is cluster-wide; creating it needs CREATEROLE, which a managed database may not grant us.
    op.execute("""
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'lcdb_reader') then
        begin
          create role lcdb_reader login;
        exception when insufficient_privilege then
          raise notice 'lcdb: no privilege to create role lcdb_reader; run lcdb db create-reader as a superuser';
        end;
      end if;
      if exists (select 1 from pg_roles where rolname = 'lcdb_reader') then
        execute format('grant connect on database %I to lcdb_reader', current_database());
        grant usage on schema reporting to lcdb_reader;
        grant select on all tables in schema reporting to lcdb_reader;
        -- PostgreSQL 14 lets PUBLIC create objects in schema public; the reader must create nothing.
        revoke create on schema public from public;
        revoke all on all tables in schema public from lcdb_reader;
      end if;
    end $$;
    """)


def downgrade() -> None:
    op.execute("""
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'lcdb_reader') then
        revoke all on all tables in schema reporting from lcdb_reader;
        revoke usage on schema reporting from lcdb_reader;
        execute format('revoke connect on database %I from lcdb_reader', current_database());
      end if;
    end $$;
    """)
    op.execute("drop schema if exists reporting cascade")
