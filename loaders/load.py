"""Batch loading and re-extraction: read -> (skip known raw inputs) -> prepare in parallel -> store in groups.

Prepared articles are stored a group at a time, one transaction per group with all the group's rows, so an article
is never half-written. If the database refuses a group, its articles are stored one per transaction instead: the bad
one is recorded in `load_errors` and the rest go on. Inputs whose raw bytes were loaded before are skipped before
any parsing, and an identical cleaned body under another name is reported "unchanged" (content hash), so re-running
a load never duplicates anything.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg.types.json import Json

from lcdb.database import DatabaseError, connect
from lcdb.migrations import ensure_upgraded
from loaders.gazetteer import load_gazetteer
from loaders.model import EXTRACTOR_VERSION, FuzzyDate
from loaders.prepare import EmptyArticleError, PreparedArticle, prepare, warm
from loaders.read import DEFAULT_MAX_BYTES, InputError, RawArticle, iter_inputs
from loaders.store import ActorCache, store_articles, sync_gazetteer, write_extractions
from loaders.extract import extract

BATCH_SIZE = 64
GROUP_SIZE = 64  # articles stored per transaction at most
# Seconds a group may wait for the next prepared article before it is stored anyway. Waiting costs no CPU, and on
# 2 cores groups of ~6 instead of ~1.5 cut the main process's and PostgreSQL's CPU per article by about 40%.
GROUP_WAIT = 0.25
RETRIES = 3


@dataclass
class ArticleOutcome:
    source_name: str
    status: str  # loaded | unchanged | failed | not_extracted
    article_id: int | None = None
    detail: str | None = None
    line_number: int | None = None


@dataclass
class LoadSummary:
    load_run_id: int | None = None
    command: str = "load"
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def loaded(self) -> int:
        return self.count("loaded")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def not_extracted(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if o.detail and o.status == "loaded" and o.detail.startswith("not extracted")]

    @property
    def status(self) -> str:
        if self.failed == 0:
            return "succeeded"
        return "partial" if self.loaded or self.unchanged else "failed"

    def to_json(self) -> dict:
        return {
            "load_run_id": self.load_run_id,
            "command": self.command,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "loaded": self.loaded,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "not_extracted": [{"source_name": o.source_name, "reason": o.detail} for o in self.not_extracted],
            "errors": [{"source_name": o.source_name, "line": o.line_number, "message": o.detail}
                       for o in self.outcomes if o.status == "failed"],
            "articles": [{"source_name": o.source_name, "status": o.status, "article_id": o.article_id}
                         for o in self.outcomes],
        }


ProgressCallback = Callable[[ArticleOutcome], None]


def _prepare_safely(raw: RawArticle) -> PreparedArticle | InputError:
    try:
        return prepare(raw)
    except EmptyArticleError as exc:
        return InputError(raw.source_name, "empty", f"{exc}; skipped", raw.line_number)
    except Exception as exc:  # a bug on one article must not stop the batch
        return InputError(raw.source_name, "extraction", f"could not prepare article: {type(exc).__name__}: {exc}",
                          raw.line_number)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _start_run(conn: psycopg.Connection, command: str, inputs: list[str]) -> int:
    (run_id,) = conn.execute(
        "insert into load_runs (command, status, extractor_version, inputs) values (%s, 'running', %s, %s) "
        "returning load_run_id",
        (command, EXTRACTOR_VERSION, Json(inputs)),
    ).fetchone()
    conn.commit()
    return run_id


def _record_error(conn: psycopg.Connection, run_id: int, error: InputError) -> None:
    conn.execute(
        "insert into load_errors (load_run_id, source_name, line_number, error_kind, message) "
        "values (%s, %s, %s, %s, %s)",
        (run_id, error.source_name, error.line_number, error.error_kind, error.message),
    )
    conn.commit()


def _finish_run(conn: psycopg.Connection, summary: LoadSummary) -> None:
    conn.rollback()
    conn.execute(
        """update load_runs set finished_at = now(), status = %s, seen_count = %s, loaded_count = %s,
             unchanged_count = %s, failed_count = %s, skipped_count = %s where load_run_id = %s""",
        (summary.status, len(summary.outcomes), summary.loaded, summary.unchanged, summary.failed,
         summary.count("skipped"), summary.load_run_id),
    )
    conn.commit()


def _refresh_actors(conn: psycopg.Connection, actors: ActorCache) -> None:
    # Actors inserted by a rolled-back transaction are gone. Commit the read, so the next store is a transaction
    # of its own rather than a savepoint inside this one.
    actors.refresh(conn)
    conn.commit()


def _store_with_retry(conn: psycopg.Connection, group: list[PreparedArticle],
                      actors: ActorCache) -> list[tuple[str, int]]:
    for attempt in range(RETRIES):
        try:
            with conn.transaction():
                return store_articles(conn, group, actors)
        except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
            if attempt == RETRIES - 1:
                raise
            _refresh_actors(conn, actors)
            time.sleep(0.05 * (attempt + 1))
        except psycopg.errors.ForeignKeyViolation:
            # An actor id cached by this process was merged or removed meanwhile: refresh and retry.
            _refresh_actors(conn, actors)
            if attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _store_group(conn: psycopg.Connection, group: list[PreparedArticle],
                 actors: ActorCache) -> list[tuple[str, int] | psycopg.Error]:
    """(status, article_id) or the database error, per article. The group is one transaction; if the database
    refuses it, each article is stored in a transaction of its own instead, so only the bad one fails."""
    if len(group) > 1:
        try:
            return _store_with_retry(conn, group, actors)
        except psycopg.OperationalError:
            raise
        except psycopg.Error:
            _refresh_actors(conn, actors)
    results: list[tuple[str, int] | psycopg.Error] = []
    for article in group:
        try:
            results += _store_with_retry(conn, [article], actors)
        except psycopg.OperationalError:
            raise
        except psycopg.Error as exc:
            _refresh_actors(conn, actors)
            results.append(exc)
    return results


def _fast_commits(conn: psycopg.Connection) -> None:
    # Each group still commits atomically; a server crash may lose the last few commits, never half an article,
    # and re-running the load restores them (idempotent). A client kill -9 loses nothing committed.
    conn.execute("set synchronous_commit = off")
    conn.commit()


_END = object()


def _ordered_groups(pool: ProcessPoolExecutor | None, fn, items: Iterable, window: int, size: int,
                    max_wait: float = 0.0) -> Iterator[list[tuple]]:
    """Runs of (item, fn(item)) in input order, at most `size` long. Workers prepare the next articles while this
    process stores a run, with at most `window` items in flight, so memory stays bounded whatever the corpus size.
    A run also ends when the next result is not ready within `max_wait` seconds of the run's first one, so a slow
    trickle of input is stored within `max_wait`, a steady flow in runs big enough to be cheap, and without a pool
    (one in-process worker) every item is a run of its own."""
    if pool is None:
        for item in items:
            yield [(item, fn(item))]
        return
    iterator = iter(items)
    pending: deque = deque()
    group: list[tuple] = []
    started = 0.0
    while True:
        while len(pending) < window and (item := next(iterator, _END)) is not _END:
            pending.append((item, pool.submit(fn, item)))
        if group and (not pending or len(group) >= size
                      or not wait([pending[0][1]], timeout=max(0.0, started + max_wait - time.monotonic())).done):
            yield group
            group = []
        if not pending:
            return
        head, future = pending.popleft()
        group.append((head, future.result()))
        if len(group) == 1:
            started = time.monotonic()


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers <= 1:
        return None
    warm()  # lexicons, regexes and language profiles are built once and shared by the forked workers
    return ProcessPoolExecutor(max_workers=workers)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def load_paths(
    paths: list[str],
    *,
    manifest: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    on_article: ProgressCallback | None = None,
    stdin: object = None,
) -> LoadSummary:
    started = time.monotonic()
    workers = default_workers() if workers is None else workers
    summary = LoadSummary()
    conn = connect()
    try:
        ensure_upgraded()
        _fast_commits(conn)
        sync_gazetteer(conn, load_gazetteer())
        conn.commit()
        actors = ActorCache()
        actors.refresh(conn)
        conn.commit()
        summary.load_run_id = _start_run(conn, "load", [*paths, *([f"--manifest={manifest}"] if manifest else [])])

        def emit(outcome: ArticleOutcome) -> None:
            summary.outcomes.append(outcome)
            if on_article:
                on_article(outcome)

        pool = _pool(workers)
        try:
            inputs = iter_inputs(paths, manifest_path=manifest, max_bytes=max_bytes, stdin=stdin)

            def fresh_inputs() -> Iterator[RawArticle]:
                """Inputs not seen before (by raw hash), checked a batch at a time before any parsing."""
                for batch in _batched(inputs, BATCH_SIZE):
                    raws: list[RawArticle] = []
                    for item in batch:
                        if isinstance(item, InputError):
                            _record_error(conn, summary.load_run_id, item)
                            emit(ArticleOutcome(item.source_name, "failed", None, str(item), item.line_number))
                        else:
                            raws.append(item)
                    known = dict(conn.execute(
                        "select raw_hash, min(article_id) from articles where raw_hash = any(%s) group by raw_hash",
                        ([r.raw_hash for r in raws],),
                    ).fetchall())
                    conn.commit()
                    for raw in raws:
                        if raw.raw_hash in known:
                            emit(ArticleOutcome(raw.source_name, "unchanged", known[raw.raw_hash], None,
                                                raw.line_number))
                        else:
                            known[raw.raw_hash] = None  # a duplicate inside the batch is stored once
                            yield raw

            groups = _ordered_groups(pool, _prepare_safely, fresh_inputs(), window=GROUP_SIZE + 4 * max(workers, 1),
                                     size=GROUP_SIZE, max_wait=GROUP_WAIT)
            for group in groups:
                prepared = [result for _, result in group if not isinstance(result, InputError)]
                try:
                    stored = iter(_store_group(conn, prepared, actors))
                except psycopg.OperationalError as exc:
                    others = f" and {len(prepared) - 1} other article(s)" if len(prepared) > 1 else ""
                    raise DatabaseError(
                        f"lost the database connection while storing {prepared[0].source_name}{others} "
                        f"({_first_line(exc)}); {summary.loaded} article(s) were stored completely and nothing is "
                        "half-written: re-run the same load to continue"
                    ) from None
                for raw, result in group:
                    if isinstance(result, InputError):
                        _record_error(conn, summary.load_run_id, result)
                        emit(ArticleOutcome(result.source_name, "failed", None, str(result), result.line_number))
                        continue
                    outcome = next(stored)
                    if isinstance(outcome, psycopg.Error):
                        error = InputError(raw.source_name, "database", f"could not store: {outcome}".strip(),
                                           raw.line_number)
                        _record_error(conn, summary.load_run_id, error)
                        emit(ArticleOutcome(raw.source_name, "failed", None, str(error), raw.line_number))
                        continue
                    status, article_id = outcome
                    detail = None
                    if status == "loaded" and not result.is_relevant:
                        why = "not English" if result.language != "en" else "off-topic"
                        detail = f"not extracted ({why}, language={result.language})"
                    emit(ArticleOutcome(raw.source_name, status, article_id, detail, raw.line_number))
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)
        summary.seconds = time.monotonic() - started
        _finish_run(conn, summary)
        return summary
    finally:
        conn.close()


def _extract_row(row: tuple) -> tuple[int, str, object]:
    article_id, content_hash, body, published_date, precision = row
    published = FuzzyDate(published_date, precision) if published_date and precision else None
    try:
        return article_id, content_hash, extract(body, published)
    except Exception as exc:
        return article_id, content_hash, exc


def reextract(*, workers: int | None = None, on_article: ProgressCallback | None = None,
              article_ids: list[int] | None = None) -> LoadSummary:
    """Re-run extraction over stored relevant articles; each article's rows are replaced atomically."""
    started = time.monotonic()
    workers = default_workers() if workers is None else workers
    summary = LoadSummary(command="reextract")
    conn = connect()
    try:
        ensure_upgraded()
        sync_gazetteer(conn, load_gazetteer())
        conn.commit()
        actors = ActorCache()
        actors.refresh(conn)
        summary.load_run_id = _start_run(conn, "reextract", [])
        ids = article_ids or [r[0] for r in conn.execute(
            "select article_id from articles where is_relevant order by article_id").fetchall()]
        conn.commit()

        def stored_articles() -> Iterator[tuple]:
            for batch in _batched(ids, BATCH_SIZE):
                rows = conn.execute(
                    """select article_id, content_hash, body_text, published_date, published_precision
                       from articles where article_id = any(%s) order by article_id""",
                    (batch,),
                ).fetchall()
                conn.commit()
                yield from rows

        pool = _pool(workers)
        try:
            groups = _ordered_groups(pool, _extract_row, stored_articles(), window=GROUP_SIZE + 4 * max(workers, 1),
                                     size=GROUP_SIZE, max_wait=GROUP_WAIT)
            for group in groups:
                extracted = [(article_id, content_hash, row[2], extraction)
                             for row, (article_id, content_hash, extraction) in group
                             if not isinstance(extraction, Exception)]
                if extracted:
                    with conn.transaction():  # every article's rows are replaced together or not at all
                        write_extractions(conn, extracted, actors)
                for _, (article_id, _, extraction) in group:
                    name = f"article {article_id}"
                    if isinstance(extraction, Exception):
                        error = InputError(name, "extraction", f"{type(extraction).__name__}: {extraction}")
                        _record_error(conn, summary.load_run_id, error)
                        summary.outcomes.append(ArticleOutcome(name, "failed", article_id, str(error)))
                        continue
                    outcome = ArticleOutcome(name, "loaded", article_id)
                    summary.outcomes.append(outcome)
                    if on_article:
                        on_article(outcome)
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)
        summary.seconds = time.monotonic() - started
        _finish_run(conn, summary)
        return summary
    finally:
        conn.close()


def print_progress_factory(total: int | None = None, stream=sys.stderr) -> ProgressCallback | None:
    """A one-line progress display on a terminal; None (no output) when stderr is not a TTY."""
    if not stream.isatty():
        return None
    state = {"n": 0, "t0": time.monotonic()}

    def callback(outcome: ArticleOutcome) -> None:
        state["n"] += 1
        rate = state["n"] / max(time.monotonic() - state["t0"], 1e-6)
        of = f"/{total}" if total else ""
        stream.write(f"\r  {state['n']}{of} articles  {rate:,.0f}/s  last: {outcome.status:<10}")
        stream.flush()

    return callback
