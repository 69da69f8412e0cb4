"""core tables

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 19:19:22.962950
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('actors',
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('canonical_name', sa.Text(), nullable=False),
    sa.Column('actor_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('affiliation', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('parent_actor_id', sa.Integer(), nullable=True),
    sa.Column('side', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('wikidata_qid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('is_discovered', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('merged_into_actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("actor_type is null or actor_type in ('person', 'country', 'organization', 'armed_group', 'government', 'international_org', 'media')", name=op.f('ck_actors_actor_type_allowed')),
    sa.CheckConstraint("side is null or side in ('east', 'west', 'neutral', 'foreign', 'other')", name=op.f('ck_actors_side_allowed')),
    sa.ForeignKeyConstraint(['merged_into_actor_id'], ['actors.actor_id'], name=op.f('fk_actors_merged_into_actor_id_actors')),
    sa.ForeignKeyConstraint(['parent_actor_id'], ['actors.actor_id'], name=op.f('fk_actors_parent_actor_id_actors')),
    sa.PrimaryKeyConstraint('actor_id', name=op.f('pk_actors')),
    sa.UniqueConstraint('canonical_name', name=op.f('uq_actors_canonical_name'))
    )
    op.create_index('ix_actors_actor_type', 'actors', ['actor_type'], unique=False)
    op.create_table('load_runs',
    sa.Column('load_run_id', sa.Integer(), nullable=False),
    sa.Column('command', sqlmodel.sql.sqltypes.AutoString(), server_default='load', nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=True),
    sa.Column('seen_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('loaded_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('unchanged_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('failed_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('skipped_count', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint("command is null or command in ('load', 'reextract')", name=op.f('ck_load_runs_command_allowed')),
    sa.CheckConstraint("status is null or status in ('running', 'succeeded', 'partial', 'failed', 'interrupted')", name=op.f('ck_load_runs_status_allowed')),
    sa.PrimaryKeyConstraint('load_run_id', name=op.f('pk_load_runs'))
    )
    op.create_table('rejections',
    sa.Column('rejection_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.Text(), nullable=False),
    sa.Column('row_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("row_kind is null or row_kind in ('statement', 'event', 'allegation', 'support')", name=op.f('ck_rejections_row_kind_allowed')),
    sa.PrimaryKeyConstraint('rejection_id', name=op.f('pk_rejections')),
    sa.UniqueConstraint('content_hash', 'row_kind', 'row_fingerprint', name=op.f('uq_rejections_content_hash_row_kind_row_fingerprint'))
    )
    op.create_table('stories',
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('first_article_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('story_id', name=op.f('pk_stories'))
    )
    op.create_table('actor_aliases',
    sa.Column('actor_alias_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('alias_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("alias_kind is null or alias_kind in ('alias', 'demonym', 'title', 'discovered', 'analyst', 'merged')", name=op.f('ck_actor_aliases_alias_kind_allowed')),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.actor_id'], name=op.f('fk_actor_aliases_actor_id_actors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('actor_alias_id', name=op.f('pk_actor_aliases')),
    sa.UniqueConstraint('actor_id', 'alias', name=op.f('uq_actor_aliases_actor_id_alias'))
    )
    op.create_table('articles',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('standfirst', sa.Text(), nullable=True),
    sa.Column('published_date', sa.Date(), nullable=True),
    sa.Column('published_precision', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('published_source', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('is_relevant', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('content_hash', sa.Text(), nullable=False),
    sa.Column('raw_hash', sa.Text(), nullable=True),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('extracted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("published_precision is null or published_precision in ('day', 'month', 'year')", name=op.f('ck_articles_published_precision_allowed')),
    sa.CheckConstraint("published_source is null or published_source in ('metadata', 'inferred')", name=op.f('ck_articles_published_source_allowed')),
    sa.ForeignKeyConstraint(['story_id'], ['stories.story_id'], name=op.f('fk_articles_story_id_stories')),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_articles_content_hash'))
    )
    op.create_index('ix_articles_outlet', 'articles', ['outlet'], unique=False)
    op.create_index('ix_articles_published_date', 'articles', ['published_date'], unique=False)
    op.create_index('ix_articles_raw_hash', 'articles', ['raw_hash'], unique=False)
    op.create_index('ix_articles_story_id', 'articles', ['story_id'], unique=False)
    op.create_table('load_errors',
    sa.Column('load_error_id', sa.Integer(), nullable=False),
    sa.Column('load_run_id', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=True),
    sa.Column('error_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['load_run_id'], ['load_runs.load_run_id'], name=op.f('fk_load_errors_load_run_id_load_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('load_error_id', name=op.f('pk_load_errors'))
    )
    op.create_index('ix_load_errors_load_run_id', 'load_errors', ['load_run_id'], unique=False)
    op.create_table('actor_mentions',
    sa.Column('actor_mention_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('surface_form', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_actor_mentions_span_valid')),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.actor_id'], name=op.f('fk_actor_mentions_actor_id_actors')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_actor_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('actor_mention_id', name=op.f('pk_actor_mentions'))
    )
    op.create_index('ix_actor_mentions_actor_id', 'actor_mentions', ['actor_id'], unique=False)
    op.create_index('ix_actor_mentions_article_id', 'actor_mentions', ['article_id'], unique=False)
    op.create_table('article_bands',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('band_number', sa.Integer(), nullable=False),
    sa.Column('band_hash', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_article_bands_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'band_number', name=op.f('pk_article_bands'))
    )
    op.create_index('ix_article_bands_band_hash', 'article_bands', ['band_hash'], unique=False)
    op.create_table('embargo_allegations',
    sa.Column('allegation_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('supplier_actor_id', sa.Integer(), nullable=False),
    sa.Column('recipient_actor_id', sa.Integer(), nullable=True),
    sa.Column('materiel', sa.ARRAY(sa.Text()), server_default='{}', nullable=False),
    sa.Column('quantity_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('alleged_by_actor_id', sa.Integer(), nullable=True),
    sa.Column('alleged_by_description', sa.Text(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_rejected', sa.Boolean(), server_default='false', nullable=False),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_embargo_allegations_span_valid')),
    sa.CheckConstraint('confidence >= 0 and confidence <= 1', name=op.f('ck_embargo_allegations_confidence_range')),
    sa.ForeignKeyConstraint(['alleged_by_actor_id'], ['actors.actor_id'], name=op.f('fk_embargo_allegations_alleged_by_actor_id_actors')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_embargo_allegations_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_actor_id'], ['actors.actor_id'], name=op.f('fk_embargo_allegations_recipient_actor_id_actors')),
    sa.ForeignKeyConstraint(['supplier_actor_id'], ['actors.actor_id'], name=op.f('fk_embargo_allegations_supplier_actor_id_actors')),
    sa.PrimaryKeyConstraint('allegation_id', name=op.f('pk_embargo_allegations'))
    )
    op.create_index('ix_embargo_allegations_article_id', 'embargo_allegations', ['article_id'], unique=False)
    op.create_index('ix_embargo_allegations_supplier_actor_id', 'embargo_allegations', ['supplier_actor_id'], unique=False)
    op.create_table('events',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('event_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('occurred_date', sa.Date(), nullable=True),
    sa.Column('occurred_date_precision', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('location_text', sa.Text(), nullable=True),
    sa.Column('trigger', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_rejected', sa.Boolean(), server_default='false', nullable=False),
    sa.CheckConstraint("event_type is null or event_type in ('meeting', 'phone_call', 'offensive', 'attack', 'capture', 'deployment', 'arms_supply', 'un_action', 'diplomatic', 'protest', 'other')", name=op.f('ck_events_event_type_allowed')),
    sa.CheckConstraint("occurred_date_precision is null or occurred_date_precision in ('day', 'month', 'year')", name=op.f('ck_events_occurred_date_precision_allowed')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_events_span_valid')),
    sa.CheckConstraint('confidence >= 0 and confidence <= 1', name=op.f('ck_events_confidence_range')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_events_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_events'))
    )
    op.create_index('ix_events_article_id', 'events', ['article_id'], unique=False)
    op.create_index('ix_events_event_type', 'events', ['event_type'], unique=False)
    op.create_index('ix_events_occurred_date', 'events', ['occurred_date'], unique=False)
    op.create_table('foreign_support',
    sa.Column('support_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('supporter_actor_id', sa.Integer(), nullable=False),
    sa.Column('supported_actor_id', sa.Integer(), nullable=False),
    sa.Column('alleged_by_actor_id', sa.Integer(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_rejected', sa.Boolean(), server_default='false', nullable=False),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_foreign_support_span_valid')),
    sa.CheckConstraint('confidence >= 0 and confidence <= 1', name=op.f('ck_foreign_support_confidence_range')),
    sa.ForeignKeyConstraint(['alleged_by_actor_id'], ['actors.actor_id'], name=op.f('fk_foreign_support_alleged_by_actor_id_actors')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_foreign_support_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supported_actor_id'], ['actors.actor_id'], name=op.f('fk_foreign_support_supported_actor_id_actors')),
    sa.ForeignKeyConstraint(['supporter_actor_id'], ['actors.actor_id'], name=op.f('fk_foreign_support_supporter_actor_id_actors')),
    sa.PrimaryKeyConstraint('support_id', name=op.f('pk_foreign_support'))
    )
    op.create_index('ix_foreign_support_article_id', 'foreign_support', ['article_id'], unique=False)
    op.create_index('ix_foreign_support_supported_actor_id', 'foreign_support', ['supported_actor_id'], unique=False)
    op.create_index('ix_foreign_support_supporter_actor_id', 'foreign_support', ['supporter_actor_id'], unique=False)
    op.create_table('statements',
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('speaker_actor_id', sa.Integer(), nullable=True),
    sa.Column('speaker_description', sa.Text(), nullable=True),
    sa.Column('is_anonymous', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('quote_text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('said_date', sa.Date(), nullable=True),
    sa.Column('said_date_precision', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('cue', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_rejected', sa.Boolean(), server_default='false', nullable=False),
    sa.CheckConstraint("kind is null or kind in ('direct', 'indirect')", name=op.f('ck_statements_kind_allowed')),
    sa.CheckConstraint("said_date_precision is null or said_date_precision in ('day', 'month', 'year')", name=op.f('ck_statements_said_date_precision_allowed')),
    sa.CheckConstraint('char_start >= 0 and char_end > char_start', name=op.f('ck_statements_span_valid')),
    sa.CheckConstraint('confidence >= 0 and confidence <= 1', name=op.f('ck_statements_confidence_range')),
    sa.CheckConstraint('evidence_start >= 0 and evidence_end > evidence_start', name=op.f('ck_statements_evidence_span_valid')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.article_id'], name=op.f('fk_statements_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_actor_id'], ['actors.actor_id'], name=op.f('fk_statements_speaker_actor_id_actors')),
    sa.PrimaryKeyConstraint('statement_id', name=op.f('pk_statements'))
    )
    op.create_index('ix_statements_article_id', 'statements', ['article_id'], unique=False)
    op.create_index('ix_statements_said_date', 'statements', ['said_date'], unique=False)
    op.create_index('ix_statements_speaker_actor_id', 'statements', ['speaker_actor_id'], unique=False)
    op.create_table('allegation_denials',
    sa.Column('allegation_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.actor_id'], name=op.f('fk_allegation_denials_actor_id_actors')),
    sa.ForeignKeyConstraint(['allegation_id'], ['embargo_allegations.allegation_id'], name=op.f('fk_allegation_denials_allegation_id_embargo_allegations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('allegation_id', 'actor_id', name=op.f('pk_allegation_denials'))
    )
    op.create_table('event_participants',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.actor_id'], name=op.f('fk_event_participants_actor_id_actors')),
    sa.ForeignKeyConstraint(['event_id'], ['events.event_id'], name=op.f('fk_event_participants_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'actor_id', 'role', name=op.f('pk_event_participants'))
    )
    op.create_index('ix_event_participants_actor_id', 'event_participants', ['actor_id'], unique=False)



def downgrade() -> None:

    op.drop_index('ix_event_participants_actor_id', table_name='event_participants')
    op.drop_table('event_participants')
    op.drop_table('allegation_denials')
    op.drop_index('ix_statements_speaker_actor_id', table_name='statements')
    op.drop_index('ix_statements_said_date', table_name='statements')
    op.drop_index('ix_statements_article_id', table_name='statements')
    op.drop_table('statements')
    op.drop_index('ix_foreign_support_supporter_actor_id', table_name='foreign_support')
    op.drop_index('ix_foreign_support_supported_actor_id', table_name='foreign_support')
    op.drop_index('ix_foreign_support_article_id', table_name='foreign_support')
    op.drop_table('foreign_support')
    op.drop_index('ix_events_occurred_date', table_name='events')
    op.drop_index('ix_events_event_type', table_name='events')
    op.drop_index('ix_events_article_id', table_name='events')
    op.drop_table('events')
    op.drop_index('ix_embargo_allegations_supplier_actor_id', table_name='embargo_allegations')
    op.drop_index('ix_embargo_allegations_article_id', table_name='embargo_allegations')
    op.drop_table('embargo_allegations')
    op.drop_index('ix_article_bands_band_hash', table_name='article_bands')
    op.drop_table('article_bands')
    op.drop_index('ix_actor_mentions_article_id', table_name='actor_mentions')
    op.drop_index('ix_actor_mentions_actor_id', table_name='actor_mentions')
    op.drop_table('actor_mentions')
    op.drop_index('ix_load_errors_load_run_id', table_name='load_errors')
    op.drop_table('load_errors')
    op.drop_index('ix_articles_story_id', table_name='articles')
    op.drop_index('ix_articles_raw_hash', table_name='articles')
    op.drop_index('ix_articles_published_date', table_name='articles')
    op.drop_index('ix_articles_outlet', table_name='articles')
    op.drop_table('articles')
    op.drop_table('actor_aliases')
    op.drop_table('stories')
    op.drop_table('rejections')
    op.drop_table('load_runs')
    op.drop_index('ix_actors_actor_type', table_name='actors')
    op.drop_table('actors')

