"""The lcdb benchmark: load throughput, memory, re-runs, re-extraction and reports, against reference floors.

    python -m benchmarks.run --articles 10000 [--workers N] [--keep] [--seed S]
    python -m benchmarks.run --profile 500        # cProfile of an in-process load (workers=1), top functions

Prints ONE table and writes it as JSON to benchmarks/results/<timestamp>.json and benchmarks/results/latest.json.

Database: a fresh throwaway embedded server (LCDB_HOME=/tmp/lcdb-bench-*, LCDB_DATABASE_URL ignored), removed at the
end unless --keep. To benchmark another server set LCDB_BENCH_DATABASE_URL to an EMPTY database on it (the run
refuses a database that already holds articles). Never run by the test suite. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REPORT_TARGET_SECONDS = 2.0
RERUN_TARGET_SECONDS_PER_10K = 10.0
RSS_TARGET_BYTES = 1.5 * 1024**3
FLOOR_RATIO_TARGET = 1 / 3
ABSOLUTE_LOAD_TARGET = 150.0  # articles/s
TOKENIZER_SAMPLE = 5000  # articles tokenised for the floor (a rate, so a sample is enough)
# Values for required report parameters (the fixed reports take none except actor_profile's actor).
REQUIRED_PARAM_VALUES = {"actor": "Khalifa Haftar"}
INCREMENTAL_ARTICLES = 5  # articles re-extracted before each report's incremental run


# ----------------------------------------------------------------------------------------------------- helpers


def _fmt_bytes(n: float | None) -> str:
    if n is None:
        return "-"
    return f"{n / 1024**2:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.2f} GB"


def _fmt_s(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:,.0f} ms" if s < 1 else f"{s:,.2f} s"


class MemorySampler:
    """Peak RSS of this process plus its children (the worker pool), and separately of the PostgreSQL server.

    Sampled every `interval` seconds with psutil. The Postgres figure sums the RSS of the postmaster and its backends,
    which counts shared buffers once per backend that touched them: an upper bound. getrusage maxima are recorded
    too (RUSAGE_SELF: this process; RUSAGE_CHILDREN: the largest reaped worker).
    """

    def __init__(self, postmaster_pid: int | None, interval: float = 0.25) -> None:
        import psutil

        self.psutil = psutil
        self.me = psutil.Process()
        self.pg = psutil.Process(postmaster_pid) if postmaster_pid else None
        self.interval = interval
        self.peak_loader = 0
        self.peak_pg = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss(self, proc) -> int:
        total = 0
        try:
            procs = [proc, *proc.children(recursive=True)]
        except self.psutil.Error:
            return 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except self.psutil.Error:
                pass
        return total

    def sample(self) -> None:
        self.peak_loader = max(self.peak_loader, self._tree_rss(self.me))
        if self.pg is not None:
            self.peak_pg = max(self.peak_pg, self._tree_rss(self.pg))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _postmaster_pid(home: Path | None) -> int | None:
    if home is None:
        return None
    pidfile = home / "pgdata" / "postmaster.pid"
    try:
        return int(pidfile.read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return None


def _reset_lcdb_caches() -> None:
    from lcdb import database, migrations

    migrations._UPGRADED.clear()
    for engine in database._ENGINES.values():
        engine.dispose()
    database._ENGINES.clear()
    database._URL_CACHE.clear()


class BenchDatabase:
    """A throwaway embedded server in /tmp/lcdb-bench-*, or the empty database named by LCDB_BENCH_DATABASE_URL."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.home: Path | None = None
        self.external = os.environ.get("LCDB_BENCH_DATABASE_URL")
        self.saved = {k: os.environ.get(k) for k in ("LCDB_HOME", "LCDB_DATABASE_URL")}

    def __enter__(self) -> BenchDatabase:
        from lcdb.database import connect, database_url

        if self.external:
            os.environ["LCDB_DATABASE_URL"] = self.external
        else:
            self.home = Path(tempfile.mkdtemp(prefix="lcdb-bench-", dir="/tmp"))
            os.environ["LCDB_HOME"] = str(self.home)
            os.environ.pop("LCDB_DATABASE_URL", None)
        _reset_lcdb_caches()
        database_url()  # starts the embedded server
        from lcdb.migrations import ensure_upgraded

        ensure_upgraded()
        from loaders.gazetteer import load_gazetteer
        from loaders.store import sync_gazetteer

        with connect() as conn:
            (count,) = conn.execute("select count(*) from articles").fetchone()
            if not count:
                sync_gazetteer(conn, load_gazetteer())  # what every load does first; the empty-db reports need it
                conn.commit()
        if count:
            raise SystemExit(f"LCDB_BENCH_DATABASE_URL points at a database with {count} articles; "
                             "give the benchmark an empty database")
        return self

    @property
    def url(self) -> str:
        from lcdb.database import database_url, to_libpq_url

        return to_libpq_url(database_url())

    @property
    def where(self) -> str:
        from lcdb.database import mask_password

        return mask_password(self.external) if self.external else f"embedded PostgreSQL in {self.home}"

    def __exit__(self, *exc) -> None:
        _reset_lcdb_caches()
        if self.home is not None:
            if self.keep:
                print(f"kept the database: LCDB_HOME={self.home} (stop it with `LCDB_HOME={self.home} lcdb db stop`)")
            else:
                from lcdb.database import EmbeddedServer

                try:
                    EmbeddedServer(self.home).stop()
                except Exception as error:  # noqa: BLE001 - cleanup must not hide the results
                    print(f"warning: could not stop the benchmark server: {error}", file=sys.stderr)
                shutil.rmtree(self.home, ignore_errors=True)
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def corpus_dir(articles: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / f"lcdb-bench-corpus-{articles}-s{seed}"


def ensure_corpus(articles: int, seed: int) -> tuple[Path, int, float]:
    """Generate (or reuse, after checking) the corpus; returns (folder, total words, seconds)."""
    from benchmarks.generate import generate

    out = corpus_dir(articles, seed)
    started = time.monotonic()
    _, words = generate(out, articles, seed, quiet=True)
    return out, words, time.monotonic() - started


def _iter_texts(folder: Path, limit: int | None = None):
    for index, path in enumerate(sorted(folder.glob("*.txt"))):
        if limit is not None and index >= limit:
            return
        yield path.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------------------------------- floors


def tokenizer_floor(folder: Path, articles: int) -> dict:
    """Articles/s and words/s of a blank spaCy English tokenizer over the same texts (one process)."""
    sample = min(articles, TOKENIZER_SAMPLE)
    texts = list(_iter_texts(folder, sample))
    words = sum(len(t.split()) for t in texts)
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed, so the tokenizer floor falls back to a regex word tokenizer "
              "(install the real floor with: .venv/bin/pip install -e '.[bench]')", file=sys.stderr)
        pattern = re.compile(r"\w+|[^\w\s]")
        started = time.perf_counter()
        tokens = sum(len(pattern.findall(t)) for t in texts)
        seconds = time.perf_counter() - started
        kind = "regex word tokenizer (spaCy not installed: FALLBACK)"
    else:
        nlp = spacy.blank("en")
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        seconds = time.perf_counter() - started
        kind = f"spaCy {spacy.__version__} blank('en') tokenizer, 1 process"
    return {"kind": kind, "articles": sample, "words": words, "tokens": tokens, "seconds": seconds,
            "articles_per_s": sample / seconds, "words_per_s": words / seconds}


def copy_floor(url: str, folder: Path, articles: int) -> dict:
    """COPY the same number of raw article bodies into a temporary table: the storage floor."""
    import psycopg

    texts = list(_iter_texts(folder, articles)) if articles <= 20000 else None
    with psycopg.connect(url) as conn:
        conn.execute("create temp table bench_copy_floor (article_id bigint, body text)")
        started = time.perf_counter()
        with conn.cursor() as cur, cur.copy("copy bench_copy_floor (article_id, body) from stdin") as copy:
            source = texts if texts is not None else _iter_texts(folder, articles)
            for index, text in enumerate(source):
                copy.write_row((index, text))
        conn.commit()
        seconds = time.perf_counter() - started
        (size,) = conn.execute("select pg_total_relation_size('bench_copy_floor')").fetchone()
    return {"kind": "COPY of the raw texts into a temp table (one transaction)", "rows": articles,
            "seconds": seconds, "articles_per_s": articles / seconds, "bytes": size}


# ----------------------------------------------------------------------------------------------------- reports


def _report_params(spec) -> dict:
    params = {}
    for parameter in spec.parameters:
        if parameter.required:
            if parameter.name not in REQUIRED_PARAM_VALUES:
                raise SystemExit(f"report {spec.name}: no benchmark value for required parameter {parameter.name}")
            params[parameter.name] = REQUIRED_PARAM_VALUES[parameter.name]
    return params


def _postgres_direct(url: str, spec, sql: str, bound: dict) -> dict:
    """The report's own SQL on PostgreSQL when it is portable; otherwise a documented equivalent (view scan)."""
    import psycopg

    pg_sql = re.sub(r"\$([a-z_][a-z0-9_]*)", r"%(\1)s", sql.replace("%", "%%"))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("set search_path = reporting, public")
        started = time.perf_counter()
        try:
            rows = conn.execute(pg_sql, bound).fetchall()
            return {"mode": "same SQL", "seconds": time.perf_counter() - started, "rows": len(rows)}
        except psycopg.Error as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
        # Documented equivalent: compute every view the report reads, every column, all rows, inside Postgres
        # (no transfer). This is what DuckDB's snapshot makes Postgres do, minus the wire and the local query.
        started = time.perf_counter()
        total = 0
        for view in spec.views:
            (n,) = conn.execute(
                f'select count(*) from (select sum(length(v::text)) over () from reporting."{view}" v) t'
            ).fetchone()
            total += n
        return {"mode": "view scan (SQL not portable)", "reason": reason,
                "seconds": time.perf_counter() - started, "rows": total}


def _progress(total: int, label: str):
    """Progress on stderr every 5% (for a log file under nohup)."""
    state = {"n": 0, "t0": time.monotonic()}
    step = max(1, total // 20)

    def callback(outcome) -> None:
        state["n"] += 1
        if state["n"] % step == 0:
            elapsed = time.monotonic() - state["t0"]
            print(f"  {label}: {state['n']:,}/{total:,} in {elapsed:,.0f} s ({state['n'] / elapsed:,.1f}/s)",
                  file=sys.stderr, flush=True)

    return callback


# Article-scoped tables copied by `inflate`, parents first; the value is (id column renumbered by offset | None).
_INFLATE_TABLES = (
    ("stories", "story_id"), ("articles", "article_id"), ("events", "event_id"), ("event_participants", None),
    ("embargo_allegations", "allegation_id"), ("allegation_denials", None), ("actor_mentions", "actor_mention_id"),
    ("statements", "statement_id"), ("foreign_support", "support_id"),
)
_SHIFTED = {"story_id": "stories", "article_id": "articles", "event_id": "events", "allegation_id": "embargo_allegations",
            "first_article_id": "articles"}


def inflate(url: str, factor: int) -> dict:
    """Make the database `factor` times bigger with renumbered copies of every article and its extracted rows.

    Copies get new ids (id + k * max id), a suffixed content/raw hash and their own story; everything else is
    identical. Report cost depends on row volume, which this reproduces exactly; only the value diversity (distinct
    quotes, evidence spans) stays that of the loaded corpus. Serial ids of leaf tables come from their sequences.
    """
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        maxima = {table: conn.execute(f"select coalesce(max({column}), 0) from {table}").fetchone()[0]
                  for table, column in (("stories", "story_id"), ("articles", "article_id"), ("events", "event_id"),
                                        ("embargo_allegations", "allegation_id"))}
        original = {"stories": "story_id", "articles": "article_id", "events": "event_id",
                    "embargo_allegations": "allegation_id"}
        for table, serial in _INFLATE_TABLES:
            columns = [c for (c,) in conn.execute(
                "select column_name from information_schema.columns where table_schema = 'public' "
                "and table_name = %s and is_generated = 'NEVER' order by ordinal_position", (table,)).fetchall()]
            targets, exprs = [], []
            for column in columns:
                if column == serial and table not in original:
                    continue  # leaf table: a fresh id from the sequence
                targets.append(column)
                if column in _SHIFTED:
                    exprs.append(f"{column} + k * {maxima[_SHIFTED[column]]}")
                elif column in ("content_hash", "raw_hash") and table == "articles":
                    exprs.append(f"{column} || '-copy' || k")
                else:
                    exprs.append(column)
            # only rows of the original corpus (ids up to the maxima) are copied
            anchor = {"stories": "story_id", "articles": "article_id", "events": "event_id",
                      "event_participants": "event_id", "embargo_allegations": "allegation_id",
                      "allegation_denials": "allegation_id"}.get(table, "article_id")
            limit = maxima[_SHIFTED[anchor]]
            conn.execute(
                f"insert into {table} ({', '.join(targets)}) select {', '.join(exprs)} from {table}, "
                f"generate_series(1, {factor - 1}) as k where {anchor} <= {limit}")
        for table, column in (("stories", "story_id"), ("articles", "article_id"), ("events", "event_id"),
                              ("embargo_allegations", "allegation_id")):
            conn.execute(f"select setval(pg_get_serial_sequence('{table}', '{column}'), "
                         f"(select max({column}) from {table}))")
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("vacuum analyze")
    counts = _row_counts(url)
    return {"factor": factor, "seconds": time.perf_counter() - started, "rows": counts}


def _reextract_a_few(url: str, round_number: int) -> list[int]:
    """A small change the next report must pick up: re-extract INCREMENTAL_ARTICLES articles (another few each round)."""
    import psycopg

    from loaders.load import reextract

    with psycopg.connect(url) as conn:
        ids = [r[0] for r in conn.execute(
            "select article_id from articles where is_relevant order by article_id limit %s offset %s",
            (INCREMENTAL_ARTICLES, INCREMENTAL_ARTICLES * round_number)).fetchall()]
    if ids:
        reextract(article_ids=ids, workers=1)
    return ids


def time_reports(url: str, compare: bool = True) -> list[dict]:
    """Every report three ways: cold (first run on an empty report cache, so it includes the full cache build),
    warm (cache up to date) and incremental (right after re-extracting a few articles, so the run includes the
    incremental refresh). compare=False leaves out the direct-Postgres reference."""
    from reports import cache
    from reports.engine import execute_report, list_reports, open_session, render_sql, run_report, validate_params

    results = []
    for number, spec in enumerate(list_reports()):
        params = _report_params(spec)
        cache.clear(url)
        started = time.perf_counter()
        result = run_report(spec.name, params)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        run_report(spec.name, params)
        warm = time.perf_counter() - started
        # The warm run split into its two phases: session (cache check + attach), then the DuckDB query.
        values = validate_params(spec, params)
        started = time.perf_counter()
        with open_session(spec.views) as con:
            session = time.perf_counter() - started
            started = time.perf_counter()
            execute_report(con, spec, values)
            query = time.perf_counter() - started
        changed = _reextract_a_few(url, number)
        started = time.perf_counter()
        refresh = cache.refresh(url)
        refreshed = time.perf_counter() - started
        run_report(spec.name, params)
        incremental = time.perf_counter() - started
        sql, bound = render_sql(spec, values)
        direct = _postgres_direct(url, spec, sql, bound) if compare else None
        results.append({
            "name": spec.name, "rows": len(result.rows), "seconds": max(warm, incremental), "cold_seconds": cold,
            "warm_seconds": warm, "incremental_seconds": incremental, "session_seconds": session,
            "duckdb_query_seconds": query, "postgres": direct,
            "refresh": {"kind": refresh.kind, "articles": refresh.articles, "seconds": refreshed,
                        "reextracted": len(changed)},
            "cache_bytes": refresh.path.stat().st_size})
    return results


# ----------------------------------------------------------------------------------------------------- the run


def _row_counts(url: str) -> dict:
    import psycopg

    tables = ("articles", "actors", "actor_mentions", "statements", "events", "embargo_allegations",
              "foreign_support", "stories")
    with psycopg.connect(url) as conn:
        counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
        counts["relevant_articles"] = conn.execute("select count(*) from articles where is_relevant").fetchone()[0]
        (size,) = conn.execute("select pg_database_size(current_database())").fetchone()
    counts["database_bytes"] = size
    return counts


def run(articles: int, workers: int | None, seed: int, keep: bool, report_scale: int = 100_000) -> dict:
    import resource

    from loaders.load import default_workers, load_paths, reextract

    workers = workers or default_workers()
    print(f"corpus: {articles} articles, seed {seed} ...", file=sys.stderr)
    folder, words, gen_seconds = ensure_corpus(articles, seed)
    result: dict = {
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "articles": articles, "words": words, "seed": seed, "workers": workers, "corpus": str(folder),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "corpus_seconds": gen_seconds,
        "load_average_at_start": os.getloadavg(),
    }
    with BenchDatabase(keep) as db:
        result["database"] = db.where
        url = db.url
        print(f"database: {db.where}\nreports on the empty database (fixed overhead) ...", file=sys.stderr)
        result["reports_empty"] = {rep["name"]: rep["warm_seconds"] for rep in time_reports(url, compare=False)}
        print(f"load ({workers} workers) ...", file=sys.stderr)
        with MemorySampler(_postmaster_pid(db.home)) as memory:
            started = time.perf_counter()
            summary = load_paths([str(folder)], workers=workers, on_article=_progress(articles, "load"))
            load_seconds = time.perf_counter() - started
        result["load"] = {
            "seconds": load_seconds, "articles_per_s": articles / load_seconds, "words_per_s": words / load_seconds,
            "loaded": summary.loaded, "unchanged": summary.unchanged, "failed": summary.failed,
            "peak_rss_loader_bytes": memory.peak_loader, "peak_rss_postgres_bytes": memory.peak_pg,
            "maxrss_self_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "maxrss_largest_child_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        }
        if summary.failed:
            first = [o.detail for o in summary.outcomes if o.status == "failed"][:3]
            print(f"warning: {summary.failed} article(s) failed, e.g. {first}", file=sys.stderr)
        result["rows"] = _row_counts(url)

        print("re-run of the unchanged corpus ...", file=sys.stderr)
        started = time.perf_counter()
        again = load_paths([str(folder)], workers=workers)
        result["rerun"] = {"seconds": time.perf_counter() - started, "loaded": again.loaded,
                           "unchanged": again.unchanged, "failed": again.failed}

        print("reextract ...", file=sys.stderr)
        started = time.perf_counter()
        redone = reextract(workers=workers, on_article=_progress(articles, "reextract"))
        seconds = time.perf_counter() - started
        result["reextract"] = {"seconds": seconds, "articles": redone.loaded, "failed": redone.failed,
                               "articles_per_s": redone.loaded / seconds if seconds else None}

        print("reports ...", file=sys.stderr)
        result["reports"] = time_reports(url)

        print("floors: tokenizer, COPY ...", file=sys.stderr)
        result["tokenizer_floor"] = tokenizer_floor(folder, articles)
        result["copy_floor"] = copy_floor(url, folder, articles)
        stored = result["rows"]["articles"]
        if report_scale and stored and stored < report_scale:
            factor = -(-report_scale // stored)
            print(f"reports at {stored * factor:,} articles ({factor} copies of the corpus) ...", file=sys.stderr)
            result["inflated"] = inflate(url, factor)
            result["inflated"]["reports"] = time_reports(url)
    result["load_average_at_end"] = os.getloadavg()
    result["targets"] = targets(result)
    return result


def targets(r: dict) -> list[dict]:
    n = r["articles"]
    at_100k = n >= 100_000
    scale = 100_000 / n
    floor = r["tokenizer_floor"]["articles_per_s"]
    load = r["load"]["articles_per_s"]
    out = [
        {"target": "load >= 1/3 of the tokenizer floor", "value": f"{load:,.0f}/s vs {floor * FLOOR_RATIO_TARGET:,.0f}/s",
         "pass": load >= floor * FLOOR_RATIO_TARGET},
        {"target": f"load >= {ABSOLUTE_LOAD_TARGET:.0f} articles/s", "value": f"{load:,.0f}/s",
         "pass": load >= ABSOLUTE_LOAD_TARGET},
    ]
    rerun_limit = RERUN_TARGET_SECONDS_PER_10K * n / 10_000
    out.append({"target": f"re-run of the unchanged corpus < {rerun_limit:g} s ({RERUN_TARGET_SECONDS_PER_10K:.0f} s"
                          " per 10k)", "value": _fmt_s(r["rerun"]["seconds"]), "pass": r["rerun"]["seconds"] < rerun_limit})
    slowest = max(r["reports"], key=lambda x: x["seconds"])
    inflated = r.get("inflated")
    # The target applies to the runs an analyst sees day to day: report cache up to date (warm) or a few articles
    # changed since (incremental). The first run on an empty cache builds it: printed, not a target.
    if not at_100k and inflated:
        worst = max(inflated["reports"], key=lambda x: x["seconds"])
        cold = max(inflated["reports"], key=lambda x: x["cold_seconds"])
        out.append({"target": "every report < 2 s at 100k (warm and incremental)",
                    "value": f"slowest {worst['name']} {_fmt_s(worst['seconds'])} on {inflated['rows']['articles']:,} "
                             f"articles made of {inflated['factor']} renumbered copies of the loaded corpus; "
                             f"cold (first run, full cache build) up to {_fmt_s(cold['cold_seconds'])}",
                    "pass": worst["seconds"] < REPORT_TARGET_SECONDS})
    if at_100k:
        cold = max(r["reports"], key=lambda x: x["cold_seconds"])
        out.append({"target": "every report < 2 s at 100k (warm and incremental)",
                    "value": f"slowest {slowest['name']} {_fmt_s(slowest['seconds'])}; cold (first run, full cache "
                             f"build) up to {_fmt_s(cold['cold_seconds'])}",
                    "pass": slowest["seconds"] < REPORT_TARGET_SECONDS})
    elif not inflated:
        # Warm runs only: the fixed overhead (the same report, warm, on the empty database) + the data-dependent part
        # scaled linearly. The incremental refresh of a few articles does not grow with the corpus, so scaling it
        # would be meaningless; the inflated measurement, when it ran, replaces this estimate.
        empty = r.get("reports_empty", {})
        estimates = {rep["name"]: empty.get(rep["name"], 0.0)
                     + max(0.0, rep["warm_seconds"] - empty.get(rep["name"], 0.0)) * scale for rep in r["reports"]}
        worst = max(estimates, key=estimates.get)
        r["reports_extrapolated_100k"] = estimates
        out.append({"target": "every report < 2 s at 100k (linear estimate, warm)",
                    "value": f"slowest {slowest['name']} {_fmt_s(slowest['seconds'])} at {n:,}; EXTRAPOLATED to 100k "
                             f"(empty-db overhead + linear): {worst} {_fmt_s(estimates[worst])}",
                    "pass": estimates[worst] < REPORT_TARGET_SECONDS, "extrapolated": True})
    rss = r["load"]["peak_rss_loader_bytes"]
    if at_100k:
        out.append({"target": "peak loader RSS during the 100k load < 1.5 GB", "value": _fmt_bytes(rss),
                    "pass": rss < RSS_TARGET_BYTES})
    else:
        out.append({"target": "peak loader RSS during the 100k load < 1.5 GB",
                    "value": f"{_fmt_bytes(rss)} at {n:,} (the loader streams in batches of 64, so RSS should not "
                             "grow with corpus size; check with a 100k run)",
                    "pass": rss < RSS_TARGET_BYTES, "extrapolated": True})
    return out


def _report_detail(rep: dict) -> str:
    refresh = rep["refresh"]
    return (f"{rep['rows']:,} rows; warm {_fmt_s(rep['warm_seconds'])} (session {_fmt_s(rep['session_seconds'])} + "
            f"DuckDB query {_fmt_s(rep['duckdb_query_seconds'])}); incremental {_fmt_s(rep['incremental_seconds'])} "
            f"({refresh['kind']} refresh of {refresh['articles']} articles {_fmt_s(refresh['seconds'])} after "
            f"re-extracting {refresh['reextracted']}); cold {_fmt_s(rep['cold_seconds'])} (first run, full cache build, "
            f"{_fmt_bytes(rep['cache_bytes'])})")


def render_table(r: dict) -> str:
    n, load = r["articles"], r["load"]
    tok, cp = r["tokenizer_floor"], r["copy_floor"]
    rows: list[tuple[str, str, str]] = [
        ("corpus", f"{n:,} articles, {r['words']:,} words", f"seed {r['seed']}, {r['workers']} workers, "
                                                             f"{r['machine']['cpus']} CPUs"),
        ("load (end to end)", f"{_fmt_s(load['seconds'])}",
         f"{load['articles_per_s']:,.0f} articles/s, {load['words_per_s']:,.0f} words/s; "
         f"loaded {load['loaded']:,}, unchanged {load['unchanged']:,}, failed {load['failed']:,}"),
        ("  peak RSS, loader", _fmt_bytes(load["peak_rss_loader_bytes"]),
         f"main + workers (psutil); getrusage max: self {_fmt_bytes(load['maxrss_self_bytes'])}, "
         f"largest worker {_fmt_bytes(load['maxrss_largest_child_bytes'])}"),
        ("  peak RSS, PostgreSQL", _fmt_bytes(load["peak_rss_postgres_bytes"]) if load["peak_rss_postgres_bytes"] else "-",
         "postmaster + backends, shared buffers counted per backend (upper bound)"),
        ("  stored", f"{r['rows']['articles']:,} articles",
         f"{r['rows']['relevant_articles']:,} relevant, {r['rows']['stories']:,} stories, "
         f"{r['rows']['statements']:,} statements, {r['rows']['events']:,} events, "
         f"{r['rows']['embargo_allegations']:,} allegations, {r['rows']['foreign_support']:,} support, "
         f"{r['rows']['actor_mentions']:,} mentions; database {_fmt_bytes(r['rows']['database_bytes'])}"),
        ("re-run, unchanged corpus", _fmt_s(r["rerun"]["seconds"]),
         f"unchanged {r['rerun']['unchanged']:,}, loaded {r['rerun']['loaded']:,}"),
        ("reextract", _fmt_s(r["reextract"]["seconds"]),
         f"{r['reextract']['articles']:,} articles, {r['reextract']['articles_per_s'] or 0:,.0f}/s"),
        ("floor: tokenizer", f"{tok['articles_per_s']:,.0f} articles/s",
         f"{tok['kind']}; {tok['words_per_s']:,.0f} words/s over {tok['articles']:,} articles; "
         f"load = {load['articles_per_s'] / tok['articles_per_s']:.2f}x floor"),
        ("floor: COPY", f"{cp['articles_per_s']:,.0f} articles/s",
         f"{_fmt_s(cp['seconds'])} for {cp['rows']:,} raw texts ({_fmt_bytes(cp['bytes'])}); "
         f"load = {load['articles_per_s'] / cp['articles_per_s']:.3f}x floor"),
    ]
    for rep in r["reports"]:
        pg = rep["postgres"]
        ratio = rep["seconds"] / pg["seconds"] if pg["seconds"] else float("inf")
        empty = r.get("reports_empty", {}).get(rep["name"])
        rows.append((f"report {rep['name']}", _fmt_s(rep["seconds"]), f"{_report_detail(rep)}; empty db {_fmt_s(empty)}; "
                     f"Postgres direct ({pg['mode']}) {_fmt_s(pg['seconds'])} -> DuckDB path {ratio:.1f}x"))
    inflated = r.get("inflated")
    if inflated:
        rows.append((f"inflated x{inflated['factor']}", f"{inflated['rows']['articles']:,} articles",
                     f"{_fmt_s(inflated['seconds'])} to copy; {inflated['rows']['statements']:,} statements, "
                     f"{inflated['rows']['actor_mentions']:,} mentions, {inflated['rows']['events']:,} events; "
                     f"database {_fmt_bytes(inflated['rows']['database_bytes'])}"))
        for rep in inflated["reports"]:
            pg = rep["postgres"]
            rows.append((f"  report {rep['name']}", _fmt_s(rep["seconds"]),
                         f"{_report_detail(rep)}; Postgres direct ({pg['mode']}) {_fmt_s(pg['seconds'])}"))
    for t in r["targets"]:
        mark = "PASS" if t["pass"] else "FAIL"
        if t.get("extrapolated"):
            mark += " (est.)"
        rows.append((f"target: {t['target']}", mark, t["value"]))
    w1 = max(len(a) for a, _, _ in rows)
    w2 = max(len(b) for _, b, _ in rows)
    line = "-" * (w1 + w2 + 60)
    la0, la1 = r.get("load_average_at_start", [0])[0], r.get("load_average_at_end", [0])[0]
    out = [f"lcdb benchmark {r['timestamp']}  ({r['database']}; 1-min load average {la0:.1f} at start, "
           f"{la1:.1f} at end)", line]
    out += [f"{a:<{w1}}  {b:>{w2}}  {c}" for a, b, c in rows]
    out.append(line)
    return "\n".join(out)


def write_results(result: dict) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = result["timestamp"].replace(":", "").replace("-", "").replace("+0000", "Z")
    path = RESULTS_DIR / f"{stamp}-{result['articles']}.json"
    text = json.dumps(result, indent=2, default=str)
    path.write_text(text)
    (RESULTS_DIR / "latest.json").write_text(text)
    return path


# ----------------------------------------------------------------------------------------------------- profile


def profile(articles: int, seed: int, top: int = 30) -> str:
    """cProfile an in-process load_paths (workers=1) of `articles` articles into a throwaway database."""
    from loaders.load import load_paths

    folder, _, _ = ensure_corpus(articles, seed)
    with BenchDatabase(keep=False):
        # nothing measured: a few articles warm the caches (gazetteer, compiled rules, migrations, imports)
        load_paths([str(p) for p in sorted(folder.glob("*.txt"))[:5]], workers=1)
    with BenchDatabase(keep=False):
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        summary = load_paths([str(folder)], workers=1)
        profiler.disable()
        seconds = time.perf_counter() - started
    buffer = io.StringIO()
    buffer.write(f"profile: load_paths of {articles} articles, workers=1, {seconds:.2f} s "
                 f"({articles / seconds:,.0f} articles/s under cProfile), loaded {summary.loaded}, "
                 f"failed {summary.failed}\n")
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    text = buffer.getvalue()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "profile-latest.txt").write_text(text)
    stats.dump_stats(str(RESULTS_DIR / "profile-latest.pstats"))
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per CPU)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database (LCDB_HOME is printed)")
    parser.add_argument("--report-scale", type=int, default=100_000, metavar="N",
                        help="after the measurements, copy the corpus (renumbered) until it holds >= N articles and "
                             "time the reports again (default 100000)")
    parser.add_argument("--no-inflate", action="store_true", help="skip that last step")
    parser.add_argument("--profile", type=int, metavar="N", default=None,
                        help="instead of the benchmark, cProfile an in-process load of N articles (workers=1)")
    args = parser.parse_args(argv)
    if args.profile is not None:
        print(profile(args.profile, args.seed))
        print(f"(saved to {RESULTS_DIR / 'profile-latest.txt'} and profile-latest.pstats)")
        return 0
    if args.articles < 10:
        parser.error("--articles must be at least 10")
    result = run(args.articles, args.workers, args.seed, args.keep, 0 if args.no_inflate else args.report_scale)
    table = render_table(result)
    result["table"] = table
    path = write_results(result)
    print(table)
    print(f"results: {path} (and {RESULTS_DIR / 'latest.json'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
