"""The `lcdb` command line: thin wrappers over plain functions in lcdb, loaders and reports.

Exit codes: 0 success; 1 something failed (some inputs did not load, a report failed, the database is unreachable);
2 usage error (unknown option, report, parameter or format).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click

from lcdb import database
from lcdb.database import DatabaseError, mask_password

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples" / "articles"


class UsageError(click.UsageError):
    exit_code = 2


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"Error: {mask_password(message)}", err=True)
    sys.exit(code)


class LcdbGroup(click.Group):
    """Turns domain errors into one clean `Error: ...` line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        from loaders.corrections import CorrectionError
        from loaders.gazetteer import GazetteerError

        try:
            return super().invoke(ctx)
        except DatabaseError as exc:
            _fail(str(exc))
        except _connection_errors() as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _fail(f"database error: {first}")
        except GazetteerError as exc:
            _fail(f"gazetteer: {exc}")
        except CorrectionError as exc:
            _fail(str(exc))
        except _report_error_type() as exc:
            _fail(str(exc), 2 if getattr(exc, "is_usage", False) else 1)
        except _evaluation_error_type() as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            _fail("interrupted", 130)


def _connection_errors() -> tuple[type[BaseException], ...]:
    import psycopg
    import sqlalchemy.exc

    return (psycopg.OperationalError, sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError)


def _report_error_type():
    try:
        from reports.engine import ReportError

        return ReportError
    except ImportError:  # pragma: no cover - reports package absent
        return ()


def _evaluation_error_type():
    try:
        from loaders.evaluate import EvaluationError

        return EvaluationError
    except ImportError:  # pragma: no cover
        return ()


@click.group(cls=LcdbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lcdb")
def main() -> None:
    """lcdb: the Libya Conflict DataBase.

    Loads scraped news articles into PostgreSQL, extracts actors, statements, events, alleged arms-embargo
    violations and foreign support, and writes analytical reports.

    Uses LCDB_DATABASE_URL when set, otherwise an embedded PostgreSQL in $LCDB_HOME (default ./.lcdb).

    Example:  lcdb demo --out reports-out
    """
    # psycopg logs "error ignored terminating <Pipeline>" when the server goes away mid-batch; the command reports
    # that loss itself as one clear "Error: ..." line, so the library's echo of it is noise on stderr.
    logging.getLogger("psycopg").setLevel(logging.ERROR)


# ---------------------------------------------------------------------------------------------------------- db
@main.group()
def db() -> None:
    """Manage the database: URL, status, migrations, the embedded server and the read-only role.

    Example:  psql "$(lcdb db url --show-password)" -c '\\d+ reporting.statements'
    """


@db.command("url")
@click.option("--show-password", is_flag=True, help="Print the password instead of ***.")
def db_url(show_password: bool) -> None:
    """Print the database URL (libpq form). Starts the embedded server and leaves it running.

    Example:  lcdb db url --show-password
    """
    if database.is_embedded():
        server = database.EmbeddedServer(database.lcdb_home())
        (server.home).mkdir(parents=True, exist_ok=True)
        (server.home / database.KEEP_RUNNING_MARKER).touch()
    url = database.to_libpq_url(database.database_url())
    click.echo(url if show_password else mask_password(url))
    if database.is_embedded():
        click.echo("(embedded server left running; stop it with: lcdb db stop)", err=True)


@db.command("start")
def db_start() -> None:
    """Start the embedded server and keep it running for psql, notebooks and BI tools.

    Example:  lcdb db start && psql "$(lcdb db url)"
    """
    if not database.is_embedded():
        _fail("LCDB_DATABASE_URL is set: lcdb does not manage that server")
    server = database.EmbeddedServer(database.lcdb_home())
    server.home.mkdir(parents=True, exist_ok=True)
    (server.home / database.KEEP_RUNNING_MARKER).touch()
    url = database.database_url()
    from lcdb.migrations import ensure_upgraded

    ensure_upgraded()
    click.echo(f"embedded PostgreSQL running: {database.to_libpq_url(url)}")


@db.command("stop")
def db_stop() -> None:
    """Stop the embedded server.

    Example:  lcdb db stop
    """
    if not database.is_embedded():
        _fail("LCDB_DATABASE_URL is set: lcdb does not manage that server")
    stopped = database.EmbeddedServer(database.lcdb_home()).stop()
    click.echo("stopped" if stopped else "not running")


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def db_status(as_json: bool) -> None:
    """Show where the database is, its migration revision and row counts.

    Example:  lcdb db status --json
    """
    from lcdb.migrations import current_revision, head_revision

    info: dict[str, object] = {"embedded": database.is_embedded()}
    if database.is_embedded():
        server = database.EmbeddedServer(database.lcdb_home())
        info["home"] = str(server.home)
        info["running_before"] = server.is_running()
    info["url"] = mask_password(database.to_libpq_url(database.database_url()))
    info["revision"] = current_revision()
    info["head"] = head_revision()
    with database.connect() as conn:
        info["server_version"] = conn.execute("show server_version").fetchone()[0]
        if info["revision"]:
            info["counts"] = {
                table: conn.execute(f"select count(*) from {table}").fetchone()[0]
                for table in ("articles", "actors", "statements", "events", "embargo_allegations", "foreign_support")
            }
    if as_json:
        click.echo(json.dumps(info, indent=2, default=str))
        return
    for key, value in info.items():
        click.echo(f"{key:>16}: {value}")


@db.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations (every command that needs the database does this itself).

    Example:  lcdb db upgrade
    """
    from lcdb.migrations import current_revision, upgrade

    upgrade(revision=revision)
    click.echo(f"database at revision {current_revision()}")


@db.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (e.g. -1 or base).

    Example:  lcdb db downgrade -1
    """
    from lcdb.migrations import current_revision, downgrade

    downgrade(revision)
    click.echo(f"database at revision {current_revision()}")


@db.command("psql", context_settings={"ignore_unknown_options": True})
@click.argument("psql_args", nargs=-1, type=click.UNPROCESSED)
def db_psql(psql_args: tuple[str, ...]) -> None:
    """Open psql on the database (extra arguments are passed to psql).

    Example:  lcdb db psql -c 'select * from reporting.foreign_support limit 5'
    """
    psql = shutil.which("psql")
    if not psql:
        _fail("psql is not installed (Debian/Ubuntu: apt-get install postgresql-client)")
    url = database.to_libpq_url(database.database_url())
    sys.exit(subprocess.call([psql, url, *psql_args]))


@db.command("create-reader")
@click.option("--password", envvar="LCDB_READER_PASSWORD", help="Password for lcdb_reader (or LCDB_READER_PASSWORD).")
def db_create_reader(password: str | None) -> None:
    """Create or update the read-only role lcdb_reader (SELECT on the reporting views only).

    Example:  LCDB_READER_PASSWORD=secret lcdb db create-reader
    """
    from lcdb.roles import create_reader

    create_reader(password)
    click.echo("lcdb_reader can read schema reporting" + (" (password set)" if password else ""))


# -------------------------------------------------------------------------------------------------------- load
@main.command()
@click.argument("paths", nargs=-1, required=False)
@click.option("--manifest", type=click.Path(path_type=Path), help="CSV with columns file,url,outlet,published.")
@click.option("--max-bytes", type=int, default=5 * 1024 * 1024, show_default=True, help="Size limit per file.")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: number of cores).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@click.option("--progress/--no-progress", default=None, help="Progress line (default: on when stderr is a terminal).")
def load(paths: tuple[str, ...], manifest: Path | None, max_bytes: int, workers: int | None, as_json: bool,
         progress: bool | None) -> None:
    """Load articles from files, directories (recursively) or standard input (-).

    Reads .txt, .html/.htm, .json and .jsonl. Re-loading identical content does nothing ("unchanged").
    Exit code 0 if everything loaded, 1 if some inputs failed.

    Example:  lcdb load examples/articles --manifest examples/manifest.csv
    """
    from loaders.load import load_paths, print_progress_factory

    if not paths and manifest is None:
        raise UsageError("give at least one PATH (or - for standard input), or --manifest")
    callback = print_progress_factory() if progress in (None, True) else None
    summary = load_paths(list(paths), manifest=manifest, max_bytes=max_bytes, workers=workers, on_article=callback)
    if callback:
        click.echo("", err=True)
    _print_summary(summary, as_json)
    sys.exit(1 if summary.failed else 0)


def _print_summary(summary, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary.to_json(), indent=2))
        return
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            click.echo(f"error: {outcome.detail}", err=True)
    for outcome in summary.not_extracted:
        click.echo(f"stored, {outcome.detail}: {outcome.source_name}")
    unchanged = [o.source_name for o in summary.outcomes if o.status == "unchanged"]
    if unchanged:
        click.echo(f"unchanged (already loaded): {len(unchanged)} article(s)")
    click.echo(
        f"{summary.command} run {summary.load_run_id}: {summary.loaded} loaded, {summary.unchanged} unchanged, "
        f"{summary.failed} failed in {summary.seconds:.1f}s"
    )


@main.command()
@click.option("--workers", type=int, default=None, help="Extraction processes (default: number of cores).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
def reextract(workers: int | None, as_json: bool) -> None:
    """Re-run extraction over stored articles after a lexicon or code change (no file is re-read).

    Each article's old rows are replaced atomically; rejected rows stay rejected.

    Example:  lcdb reextract --workers 2
    """
    from loaders.load import print_progress_factory, reextract as run

    callback = print_progress_factory()
    summary = run(workers=workers, on_article=callback)
    if callback:
        click.echo("", err=True)
    _print_summary(summary, as_json)
    sys.exit(1 if summary.failed else 0)


# ------------------------------------------------------------------------------------------------------ actors
@main.group()
def actors() -> None:
    """Analyst corrections to actors: merge duplicates.

    Example:  lcdb actors merge "Khalifa Hifter" "Khalifa Haftar"
    """


@actors.command("merge")
@click.argument("source")
@click.argument("target")
def actors_merge(source: str, target: str) -> None:
    """Merge actor SOURCE into TARGET: rows move to TARGET and SOURCE becomes its alias (survives reextract).

    Example:  lcdb actors merge "Gen. Haftar" "Khalifa Haftar"
    """
    from loaders.corrections import merge_actors

    moved = merge_actors(source, target)
    click.echo(f"merged {source!r} into {target!r} ({moved} rows re-pointed)")


@main.command()
@click.argument("kind", type=click.Choice(["statement", "event", "allegation", "support"]))
@click.argument("row_id", type=int)
@click.option("--reason", help="Why the row is wrong.")
def reject(kind: str, row_id: int, reason: str | None) -> None:
    """Reject a wrongly extracted row; it stays rejected after `lcdb reextract`.

    Example:  lcdb reject event 42 --reason "photo caption, not an event"
    """
    from loaders.corrections import reject_row

    reject_row(kind, row_id, reason)
    click.echo(f"{kind} {row_id} rejected")


# ----------------------------------------------------------------------------------------------------- reports
@main.group()
def report() -> None:
    """Run the fixed analytical reports (DuckDB over the reporting views).

    Example:  lcdb report run --all --out out/
    """


@report.command("list")
def report_list() -> None:
    """List the reports.

    Example:  lcdb report list
    """
    from reports.engine import list_reports

    for spec in list_reports():
        click.echo(f"{spec.name:<22} {spec.title}")


@report.command("show")
@click.argument("name")
def report_show(name: str) -> None:
    """Show a report's description, grain, parameters and columns.

    Example:  lcdb report show embargo_violations
    """
    from reports.engine import get_report

    spec = get_report(name)
    click.echo(f"{spec.name}: {spec.title}\n\n{spec.description}\n\nGrain: {spec.grain}\n\nParameters:")
    for param in spec.parameters:
        click.echo(f"  {param.name} ({param.type}, default {param.default!r}): {param.description}")
    if not spec.parameters:
        click.echo("  (none)")
    click.echo("\nColumns:")
    for column, description in spec.columns.items():
        click.echo(f"  {column}: {description}")


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise UsageError(f"--param expects KEY=VALUE, got {pair!r}")
        key, value = pair.split("=", 1)
        params[key.strip()] = value
    return params


def parse_window(value: str | None) -> dt.date | None:
    """'7d', '4w', '6m' (relative to today) or an ISO date."""
    if not value:
        return None
    match = re.fullmatch(r"(\d+)([dwmy])", value.strip())
    if match:
        n, unit = int(match.group(1)), match.group(2)
        days = {"d": 1, "w": 7, "m": 30, "y": 365}[unit] * n
        return dt.date.today() - dt.timedelta(days=days)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"bad date {value!r}: use YYYY-MM-DD or a window like 7d, 4w, 6m") from None


@report.command("run")
@click.argument("name", required=False)
@click.option("--all", "run_all_reports", is_flag=True, help="Run every report and write index.html.")
@click.option("--param", "params", multiple=True, help="Report parameter KEY=VALUE (repeatable).")
@click.option("--format", "formats", multiple=True, help="html, md, csv, json or parquet (repeatable; default all).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True)
@click.option("--since", help="Window start: YYYY-MM-DD or 7d / 4w / 6m ago.")
@click.option("--until", help="Window end: YYYY-MM-DD.")
@click.option("--dated", is_flag=True, help="Write into OUT/YYYY-MM-DD/ (for scheduled runs).")
def report_run(name: str | None, run_all_reports: bool, params: tuple[str, ...], formats: tuple[str, ...],
               out_dir: Path, since: str | None, until: str | None, dated: bool) -> None:
    """Run one report, or all of them with --all.

    Example:  lcdb report run embargo_violations --format html --format csv --out out/
    Example:  lcdb report run --all --since 7d --dated --out /srv/lcdb/reports
    """
    from reports.engine import run_all, run_report
    from reports.render import FORMATS, write_report

    if dated:
        out_dir = out_dir / dt.date.today().isoformat()
    chosen = list(formats) or list(FORMATS)
    if run_all_reports:
        if name:
            raise UsageError("give a report NAME or --all, not both")
        written = run_all(out_dir, since=parse_window(since), until=parse_window(until), formats=chosen)
        click.echo(f"wrote {len(written)} files; open {out_dir / 'index.html'}")
        return
    if not name:
        raise UsageError("give a report NAME or --all (see: lcdb report list)")
    values = _parse_params(params)
    if since:
        values.setdefault("since", parse_window(since).isoformat())
    if until:
        values.setdefault("until", parse_window(until).isoformat())
    result = run_report(name, values)
    for path in write_report(result, out_dir, chosen):
        click.echo(str(path))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["duckdb", "parquet"]), required=True)
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="DuckDB file or parquet folder.")
def export(fmt: str, out: Path) -> None:
    """Export the reporting views for DuckDB-based BI tools and notebooks.

    Example:  lcdb export --format duckdb --out lcdb.duckdb
    """
    from reports.engine import export as run_export

    paths = run_export(fmt, out)
    click.echo(f"exported {len(paths)} file(s) to {out}")


# ---------------------------------------------------------------------------------------------------- evaluate
@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="Per-article misses and false hits.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--pipeline", "corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Score a fresh extraction of this corpus folder instead of the database's rows.")
def evaluate(gold_dir: Path, verbose: bool, as_json: bool, corpus_dir: Path | None) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per table.

    Example:  lcdb evaluate ../shared/gold --verbose
    """
    from loaders.evaluate import format_text, load_gold, predictions_from_db, predictions_from_pipeline, score, to_json

    gold = load_gold(gold_dir)
    names = [g.article for g in gold]
    if corpus_dir:
        predicted = predictions_from_pipeline(corpus_dir, names)
    else:
        from lcdb.migrations import ensure_upgraded

        ensure_upgraded()
        with database.connect() as conn:
            predicted = predictions_from_db(conn, names)
    result = score(gold, predicted)
    click.echo(json.dumps(to_json(result), indent=2) if as_json else format_text(result, verbose))


# -------------------------------------------------------------------------------------------------------- demo
@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("reports-out"), show_default=True)
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path), default=EXAMPLES_DIR,
              show_default=True)
def demo(out_dir: Path, articles: Path) -> None:
    """The main job end to end: start the database, migrate, load the example articles, write every report.

    Example:  lcdb demo --out reports-out
    """
    from lcdb.migrations import ensure_upgraded
    from loaders.load import load_paths
    from reports.engine import run_all

    url = database.database_url()
    ensure_upgraded()
    click.echo(f"database: {mask_password(database.to_libpq_url(url))}")
    summary = load_paths([str(articles)])
    _print_summary(summary, False)
    written = run_all(out_dir, since=None, until=None)
    index = (out_dir / "index.html").resolve()
    click.echo(f"\nwrote {len(written)} report files to {out_dir.resolve()}/")
    click.echo(f"open {index}")
    click.echo("\nquery the data yourself:")
    click.echo("  .venv/bin/lcdb db start            # keep the embedded server running")
    click.echo('  psql "$(.venv/bin/lcdb db url)" -c "select * from reporting.foreign_support"')
    click.echo("  BI tools: connect as lcdb_reader to schema 'reporting' (see README, 'BI tools')")
    sys.exit(1 if summary.failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
