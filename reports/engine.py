"""The report engine: report metadata, parameter validation, safe SQL templating and the locked DuckDB session.

A report is two files in `reports/sql/`: `<name>.sql.j2` (one query, Jinja for structure only) and `<name>.yaml`
(title, grain, parameters, column descriptions, chart, the reporting views it reads). Running one:

1. parameters are validated and converted (date, int, text, list[text]) - values never reach Jinja;
2. the template is rendered with StrictUndefined and a context of booleans ("is this optional filter set?");
3. the persistent report cache (reports/cache.py: a DuckDB file with every `reporting.*` view, brought up to date
   from the change log) is attached READ_ONLY to an in-memory DuckDB and the report's views are named there. With
   the cache off (LCDB_REPORT_CACHE=off), the in-memory DuckDB loads the postgres extension from the
   `duckdb-extension-postgres` wheel, attaches the lcdb database READ_ONLY, copies the report's views into local
   tables and detaches; when the extension cannot load, the views are copied with
   `COPY (select ...) TO STDOUT (FORMAT csv)` over psycopg instead (never cached);
4. external access is disabled and the configuration locked (no file reads or writes, no new ATTACH);
5. the SQL runs with every value bound as a DuckDB named parameter (`$since`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import fcntl
import importlib.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from loaders.yamlio import parse_yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

REPORTS_DIR = Path(__file__).resolve().parent
SQL_DIR = REPORTS_DIR / "sql"

# The stable contract the reports may read (alembic/versions/*_reporting_views.py); nothing else is snapshotted.
REPORTING_VIEWS: tuple[str, ...] = (
    "articles", "actors", "actor_mentions", "statements", "events", "event_participants",
    "embargo_allegations", "foreign_support", "load_runs", "load_errors",
)
PARAMETER_TYPES: tuple[str, ...] = ("date", "text", "int", "list[text]")
CHART_KINDS: tuple[str, ...] = ("bar", "timeline", "network", "none")
MAX_TEXT_PARAMETER_LENGTH = 500
# Set to "copy" to force the psycopg COPY fallback (tests use it; so can a machine whose extension will not load).
LOADER_ENV = "LCDB_REPORT_LOADER"


class ReportError(Exception):
    """A report could not be found, parameterised, run or written; the message says which and why."""

    is_usage = False


class ReportUsageError(ReportError):
    """The caller asked for something that does not exist (report, parameter, value, format): exit code 2."""

    is_usage = True


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    type: str
    description: str
    default: Any = None
    required: bool = False
    choices: tuple[str, ...] = ()
    lookup: str | None = None  # "actor": the value must name an actor (canonical name or alias)


@dataclass(frozen=True)
class ChartSpec:
    kind: str = "none"
    x: str | None = None  # bar: category column; timeline: date column
    y: str | None = None  # bar: numeric column
    label: str | None = None  # timeline: text of a point
    group: str | None = None  # bar: second part of the category; timeline: lane
    source: str | None = None  # network
    target: str | None = None  # network
    weight: str | None = None  # network
    top: int = 25  # at most this many bars, lanes or nodes


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str
    description: str
    grain: str
    parameters: tuple[ParameterSpec, ...]
    columns: dict[str, str]
    chart: ChartSpec
    views: tuple[str, ...]
    sql_path: Path

    @property
    def parameter_names(self) -> list[str]:
        return [p.name for p in self.parameters]

    @property
    def has_date_window(self) -> bool:
        types = {p.name: p.type for p in self.parameters}
        return types.get("since") == "date" and types.get("until") == "date"

    def parameter(self, name: str) -> ParameterSpec:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(name)

    def template_source(self) -> str:
        return self.sql_path.read_text(encoding="utf-8")


@dataclass
class ReportResult:
    spec: ReportSpec
    params: dict[str, Any]
    columns: list[str]
    column_types: list[str]
    rows: list[tuple]
    generated_at: dt.datetime
    sql: str = ""

    @property
    def name(self) -> str:
        return self.spec.name

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# --------------------------------------------------------------------------------------------- metadata


def _load_spec(yaml_path: Path) -> ReportSpec:
    name = yaml_path.name.removesuffix(".yaml")
    where = f"reports/sql/{yaml_path.name}"
    try:
        meta = parse_yaml(yaml_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ReportError(f"{where}: invalid YAML: {exc}") from None
    sql_path = SQL_DIR / f"{name}.sql.j2"
    if not sql_path.exists():
        raise ReportError(f"{where}: no matching {sql_path.name}")
    parameters = []
    for pname, pmeta in (meta.get("parameters") or {}).items():
        pmeta = pmeta or {}
        ptype = pmeta.get("type", "text")
        if ptype not in PARAMETER_TYPES:
            raise ReportError(f"{where}: parameter {pname}: type {ptype!r} is not one of {', '.join(PARAMETER_TYPES)}")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", pname):
            raise ReportError(f"{where}: parameter name {pname!r} must be lowercase snake_case")
        parameters.append(ParameterSpec(
            name=pname, type=ptype, description=pmeta.get("description", ""), default=pmeta.get("default"),
            required=bool(pmeta.get("required", False)), choices=tuple(pmeta.get("choices") or ()),
            lookup=pmeta.get("lookup"),
        ))
    chart_meta = meta.get("chart") or {"kind": "none"}
    if chart_meta.get("kind", "none") not in CHART_KINDS:
        raise ReportError(f"{where}: chart kind {chart_meta.get('kind')!r} is not one of {', '.join(CHART_KINDS)}")
    views = tuple(meta.get("views") or ())
    unknown_views = [v for v in views if v not in REPORTING_VIEWS]
    if unknown_views:
        raise ReportError(f"{where}: unknown reporting views {unknown_views}; known: {', '.join(REPORTING_VIEWS)}")
    return ReportSpec(
        name=name, title=meta.get("title", name), description=(meta.get("description") or "").strip(),
        grain=meta.get("grain", ""), parameters=tuple(parameters), columns=dict(meta.get("columns") or {}),
        chart=ChartSpec(**chart_meta), views=views, sql_path=sql_path,
    )


_SPECS: dict[str, ReportSpec] | None = None


def _specs() -> dict[str, ReportSpec]:
    global _SPECS
    if _SPECS is None:
        _SPECS = {p.name.removesuffix(".yaml"): _load_spec(p) for p in sorted(SQL_DIR.glob("*.yaml"))}
    return _SPECS


def list_reports() -> list[ReportSpec]:
    """Every report, sorted by name."""
    return list(_specs().values())


def get_report(name: str) -> ReportSpec:
    specs = _specs()
    if name not in specs:
        close = difflib.get_close_matches(name, list(specs), n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise ReportUsageError(f"unknown report {name!r}.{hint} Known reports: {', '.join(specs)}")
    return specs[name]


# --------------------------------------------------------------------------------------------- parameters


def _convert(spec: ReportSpec, parameter: ParameterSpec, raw: Any) -> Any:
    where = f"report {spec.name}: parameter {parameter.name}"
    if raw is None:
        return None
    if parameter.type == "date":
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw).strip())
        except ValueError:
            raise ReportUsageError(f"{where}: {str(raw)[:60]!r} is not a date (expected YYYY-MM-DD)") from None
    if parameter.type == "int":
        if isinstance(raw, bool):
            raise ReportUsageError(f"{where}: expected an integer, got {raw!r}")
        if isinstance(raw, int):
            return raw
        text = str(raw).strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise ReportUsageError(f"{where}: {text[:60]!r} is not an integer")
        return int(text)
    if parameter.type == "list[text]":
        items = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
        values = [str(item).strip() for item in items if str(item).strip()]
        if parameter.choices:
            bad = [v for v in values if v not in parameter.choices]
            if bad:
                raise ReportUsageError(f"{where}: {', '.join(repr(b[:60]) for b in bad)} not allowed; "
                                  f"choose from {', '.join(parameter.choices)}")
        return values or None
    text = str(raw).strip()
    if len(text) > MAX_TEXT_PARAMETER_LENGTH:
        raise ReportUsageError(f"{where}: value longer than {MAX_TEXT_PARAMETER_LENGTH} characters")
    if "\x00" in text:
        raise ReportUsageError(f"{where}: value contains a NUL byte")
    if parameter.choices and text and text not in parameter.choices:
        raise ReportUsageError(f"{where}: {text[:60]!r} not allowed; choose from {', '.join(parameter.choices)}")
    return text or None


def validate_params(spec: ReportSpec, params: dict[str, Any] | None) -> dict[str, Any]:
    """Check names, convert values to their declared types, apply defaults. Raises ReportError."""
    params = dict(params or {})
    unknown = [key for key in params if key not in spec.parameter_names]
    if unknown:
        allowed = ", ".join(spec.parameter_names) or "none"
        raise ReportUsageError(f"report {spec.name}: unknown parameter {', '.join(map(repr, unknown))}; "
                          f"allowed parameters: {allowed}")
    values: dict[str, Any] = {}
    for parameter in spec.parameters:
        raw = params.get(parameter.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raw = parameter.default
        value = _convert(spec, parameter, raw)
        if value is None and parameter.required:
            raise ReportUsageError(
                f"report {spec.name}: parameter {parameter.name} is required ({parameter.description})")
        values[parameter.name] = value
    since, until = values.get("since"), values.get("until")
    if isinstance(since, dt.date) and isinstance(until, dt.date) and since > until:
        raise ReportUsageError(f"report {spec.name}: since ({since}) is after until ({until})")
    return values


# --------------------------------------------------------------------------------------------- templating


def quote_identifier(name: str, allowed: tuple[str, ...] | list[str] | set[str]) -> str:
    """Double-quote an identifier that is on the allowlist; anything else is refused."""
    if name not in allowed or not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ReportError(f"identifier {name!r} is not allowed here")
    return f'"{name}"'


def _environment(spec: ReportSpec) -> Environment:
    env = Environment(loader=FileSystemLoader(str(SQL_DIR)), undefined=StrictUndefined, autoescape=False,
                      keep_trailing_newline=True)
    allowed = set(REPORTING_VIEWS) | set(spec.columns) | set(spec.parameter_names)
    env.filters["ident"] = lambda name: quote_identifier(name, allowed)
    return env


def render_sql(spec: ReportSpec, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Render the report's SQL and pick the bound parameters it uses.

    The Jinja context holds only booleans (is an optional parameter set?); the values travel separately.
    """
    context = {name: value is not None for name, value in values.items()}
    sql = _environment(spec).get_template(spec.sql_path.name).render(**context)
    used = sorted(set(re.findall(r"\$([a-z_][a-z0-9_]*)", sql)))
    undeclared = [name for name in used if name not in values]
    if undeclared:
        raise ReportError(f"reports/sql/{spec.sql_path.name}: uses undeclared parameters {undeclared}")
    return sql, {name: values[name] for name in used}


# --------------------------------------------------------------------------------------------- DuckDB session


def _extension_path() -> Path:
    import duckdb

    found = importlib.util.find_spec("duckdb_extension_postgres")
    if found is None or not found.submodule_search_locations:
        raise ReportError("the duckdb-extension-postgres package is not installed")
    base = Path(list(found.submodule_search_locations)[0])
    path = base / "extensions" / f"v{duckdb.__version__}" / "postgres.duckdb_extension"
    if not path.exists():
        raise ReportError(f"no postgres extension for DuckDB {duckdb.__version__} in {base}")
    return path


def _sql_string(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _resolve_url(url: str | None) -> str:
    from lcdb.database import database_url, to_libpq_url

    if url is None:
        from lcdb.migrations import ensure_upgraded

        url = database_url()
        ensure_upgraded(url)
    return to_libpq_url(url)


def _clean_error(exc: Exception, url: str) -> str:
    from lcdb.database import mask_password

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return mask_password(text.replace(url, mask_password(url)))


def _load_extension(con) -> None:
    from lcdb.database import lcdb_home

    ext_dir = lcdb_home() / "duckdb_extensions"
    ext_dir.mkdir(parents=True, exist_ok=True)
    con.execute(f"set extension_directory = {_sql_string(ext_dir)}")
    installed = con.execute(
        "select installed from duckdb_extensions() where extension_name = 'postgres'").fetchone()
    if not (installed and installed[0]):
        con.execute(f"install {_sql_string(_extension_path())}")
    con.execute("load postgres")


def _snapshot_with_extension(con, url: str, views: tuple[str, ...]) -> None:
    con.execute(f"attach {_sql_string(url)} as pg (type postgres, read_only)")
    try:
        for view in views:
            table = quote_identifier(view, REPORTING_VIEWS)
            con.execute(f"create table {table} as select * from pg.reporting.{table}")
    finally:
        con.execute("detach pg")


_PG_TO_DUCKDB = {
    "integer": "integer", "bigint": "bigint", "smallint": "smallint", "double precision": "double",
    "real": "float", "numeric": "double", "boolean": "boolean", "date": "date",
    "timestamp with time zone": "timestamptz", "timestamp without time zone": "timestamp",
}


def _snapshot_with_copy(con, url: str, views: tuple[str, ...]) -> None:
    """Fallback without the postgres extension: stream each view as CSV over psycopg, then cast in DuckDB.

    Arrays travel as JSON text (to_json) and come back as VARCHAR[]; the CSV is written to a private temporary
    directory that is removed before the session is locked.
    """
    import psycopg

    tmp = Path(tempfile.mkdtemp(prefix="lcdb-report-"))
    try:
        with psycopg.connect(url, connect_timeout=5) as pg:
            pg.execute("set timezone = 'UTC'")
            for view in views:
                quote_identifier(view, REPORTING_VIEWS)
                cols = pg.execute("""
                    select a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory
                    from pg_attribute a
                    join pg_class c on c.oid = a.attrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    join pg_type t on t.oid = a.atttypid
                    where n.nspname = 'reporting' and c.relname = %s and a.attnum > 0 and not a.attisdropped
                    order by a.attnum""", (view,)).fetchall()
                if not cols:
                    raise ReportError(f"reporting.{view} does not exist; run `lcdb db upgrade`")
                select = ", ".join(f'to_json("{c}") as "{c}"' if cat == "A" else f'"{c}"' for c, _, cat in cols)
                path = tmp / f"{view}.csv"
                with path.open("wb") as out, pg.cursor() as cur:
                    with cur.copy(f'copy (select {select} from reporting."{view}") to stdout '
                                  "(format csv, header true)") as copy:
                        for chunk in copy:
                            out.write(chunk)
                casts = []
                for column, pg_type, category in cols:
                    if category == "A":
                        casts.append(f"from_json(\"{column}\", '[\"VARCHAR\"]') as \"{column}\"")
                    else:
                        duck_type = _PG_TO_DUCKDB.get(pg_type.split("(")[0], "varchar")
                        casts.append(f'cast("{column}" as {duck_type}) as "{column}"')
                con.execute(
                    f'create table "{view}" as select {", ".join(casts)} from read_csv({_sql_string(path)}, '
                    "header = true, all_varchar = true, allow_quoted_nulls = false, quote = '\"', escape = '\"', "
                    "auto_detect = false, columns = {" + ", ".join(f"'{c}': 'VARCHAR'" for c, _, _ in cols) + "})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def lock_down(con) -> None:
    """No file access, no new ATTACH, no way to undo either, for the rest of the connection's life."""
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")


def _views_over_cache(con, path: Path, views: tuple[str, ...]) -> None:
    """Attach the cache file read-only and give each view its bare name in the session (report SQL says `from x`)."""
    con.execute(f"attach {_sql_string(path)} as cache (read_only)")
    for view in views:
        table = quote_identifier(view, REPORTING_VIEWS)
        con.execute(f"create view {table} as select * from cache.main.{table}")


@contextlib.contextmanager
def open_session(views: tuple[str, ...] | list[str], url: str | None = None, *, loader: str | None = None,
                 lock: bool = True) -> Iterator:
    """An in-memory DuckDB where each of `views` is readable by its bare name, detached from PostgreSQL, locked down.

    The views come from the persistent report cache (reports/cache.py: refreshed first, then attached read-only
    under a shared lock for as long as the session lasts), or, with the cache off (LCDB_REPORT_CACHE=off) or
    unusable, from a fresh in-memory copy.
    loader: "extension" (postgres extension), "copy" (psycopg COPY fallback, never cached) or None (extension,
    falling back to copy).
    lock=False is for `export` only, which writes files and runs no templated SQL.
    """
    import duckdb

    from reports import cache

    libpq = _resolve_url(url)
    views = tuple(dict.fromkeys(views))
    loader = loader or os.environ.get(LOADER_ENV) or "auto"
    with contextlib.ExitStack() as stack:
        use_copy = loader == "copy"
        cached: Path | None = None
        if not use_copy and cache.is_enabled():
            try:
                cached, _ = stack.enter_context(cache.reading(libpq))
            except cache.CacheUnavailable:
                cached = None  # no extension (then the fallbacks below decide), or a nested session in this process
            except ReportError:
                raise
            except Exception as exc:
                raise ReportError(f"could not refresh the report cache: {_clean_error(exc, libpq)}") from None
        con = duckdb.connect(":memory:")
        stack.callback(con.close)  # closed before the cache's shared lock is released (LIFO)
        if cached is None and not use_copy:
            try:
                _load_extension(con)
            except (duckdb.Error, ReportError, OSError):
                if loader == "extension":
                    raise
                use_copy = True
        try:
            if cached is not None:
                _views_over_cache(con, cached, views)
            elif use_copy:
                _snapshot_with_copy(con, libpq, views)
            else:
                _snapshot_with_extension(con, libpq, views)
        except ReportError:
            raise
        except Exception as exc:
            raise ReportError(f"could not read the reporting views: {_clean_error(exc, libpq)}") from None
        if lock:
            lock_down(con)
        yield con


def _check_lookups(con, spec: ReportSpec, values: dict[str, Any]) -> None:
    for parameter in spec.parameters:
        value = values.get(parameter.name)
        if parameter.lookup != "actor" or value is None:
            continue
        found = con.execute(
            "select count(*) from actors where lower(actor_name) = lower($name) "
            "or list_contains(list_transform(aliases, x -> lower(x)), lower($name))", {"name": value}).fetchone()[0]
        if found:
            continue
        close = con.execute("""
            with names as (
                select actor_name, actor_name as candidate from actors
                union all select actor_name, unnest(aliases) from actors)
            select actor_name, max(jaro_winkler_similarity(lower(candidate), lower($name))) as score
            from names group by actor_name having score >= 0.75 order by score desc, actor_name limit 5""",
            {"name": value}).fetchall()
        hint = f" Close names: {', '.join(name for name, _ in close)}." if close else ""
        raise ReportUsageError(f"report {spec.name}: no actor named {value[:80]!r} (by name or alias).{hint}")


def execute_report(con, spec: ReportSpec, values: dict[str, Any]) -> ReportResult:
    """Run one report in an open, locked session."""
    import duckdb

    sql, bound = render_sql(spec, values)
    _check_lookups(con, spec, values)
    try:
        cursor = con.execute(sql, bound)
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        raise ReportError(f"report {spec.name} failed: {str(exc).strip().splitlines()[0]}") from None
    columns = [d[0] for d in cursor.description]
    types = [str(d[1]) for d in cursor.description]
    undocumented = [c for c in columns if c not in spec.columns]
    if undocumented:
        raise ReportError(f"report {spec.name}: columns {undocumented} are not described in {spec.name}.yaml")
    return ReportResult(spec=spec, params=values, columns=columns, column_types=types, rows=rows,
                        generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), sql=sql)


def run_report(name: str, params: dict[str, str] | None = None, *, url: str | None = None) -> ReportResult:
    """Validate the parameters, snapshot the views the report reads, lock DuckDB down and run the report."""
    spec = get_report(name)
    values = validate_params(spec, params)
    render_sql(spec, values)  # template errors surface before any connection is made
    with open_session(spec.views, url) as con:
        return execute_report(con, spec, values)


# --------------------------------------------------------------------------------------------- run_all / export


@contextlib.contextmanager
def run_lock(path: Path) -> Iterator[None]:
    """An exclusive, non-blocking flock; a second holder fails at once with the first holder's PID."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise ReportError(
                f"another report run holds {path} (pid {holder}); try again when it has finished") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def run_all(out_dir: Path, *, since: dt.date | None = None, until: dt.date | None = None,
            formats: list[str] | None = None, url: str | None = None) -> list[Path]:
    """Run every report into out_dir (plus index.html), under a lock so overlapping cron runs cannot collide.

    since/until go to every report with a date window. Reports with a required parameter (actor_profile) cannot
    run unattended; the index says how to run them.
    """
    from reports.render import FORMATS, check_formats, write_index, write_report

    formats = check_formats(formats or list(FORMATS))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with run_lock(out_dir / ".lock"):
        specs = list_reports()
        runnable = [s for s in specs if not any(p.required and p.default is None for p in s.parameters)]
        skipped = [s for s in specs if s not in runnable]
        planned = []
        for spec in runnable:
            params: dict[str, Any] = {}
            if spec.has_date_window:
                params = {"since": since, "until": until}
            planned.append((spec, validate_params(spec, params)))
        views = tuple(v for spec in runnable for v in spec.views)
        results = []
        with open_session(views, url) as con:
            for spec, values in planned:
                results.append(execute_report(con, spec, values))
        for result in results:
            written += write_report(result, out_dir, formats)
        written.append(write_index(results, skipped, out_dir, formats, since=since, until=until))
    return written


def export(format: str, out: Path, *, url: str | None = None) -> list[Path]:
    """Snapshot every reporting view: one DuckDB file (format 'duckdb') or a directory of parquet files."""
    import duckdb

    if format not in ("duckdb", "parquet"):
        raise ReportUsageError(f"unknown export format {format!r}; allowed: duckdb, parquet")
    out = Path(out)
    with open_session(REPORTING_VIEWS, url, lock=False) as con:
        if format == "duckdb":
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
            tmp.unlink(missing_ok=True)
            try:
                con.execute(f"attach {_sql_string(tmp)} as snapshot")
                for view in REPORTING_VIEWS:
                    table = quote_identifier(view, REPORTING_VIEWS)
                    con.execute(f"create table snapshot.{table} as select * from memory.main.{table}")
                con.execute("detach snapshot")
                os.replace(tmp, out)
            except duckdb.Error as exc:
                tmp.unlink(missing_ok=True)
                raise ReportError(f"could not write {out}: {str(exc).splitlines()[0]}") from None
            return [out]
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for view in REPORTING_VIEWS:
            table = quote_identifier(view, REPORTING_VIEWS)
            target = out / f"{view}.parquet"
            tmp = out / f".{view}.parquet.tmp-{os.getpid()}"
            try:
                con.execute(f"copy (select * from {table}) to {_sql_string(tmp)} (format parquet)")
                os.replace(tmp, target)
            except duckdb.Error as exc:
                tmp.unlink(missing_ok=True)
                raise ReportError(f"could not write {target}: {str(exc).splitlines()[0]}") from None
            paths.append(target)
        return paths
