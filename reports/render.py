"""Writing report results: self-contained HTML (table + inline SVG chart), Markdown, CSV, JSON and Parquet.

Files are written to a temporary name and renamed into place, so a reader (or a browser refreshing the cron
output) never sees half a file. Parquet goes through a fresh, un-attached in-memory DuckDB fed with the result rows:
the report's own connection has external access disabled by then, and pyarrow is not a dependency.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from reports import charts
from reports.engine import REPORTS_DIR, ReportError, ReportUsageError, ReportResult, ReportSpec

FORMATS: tuple[str, ...] = ("html", "md", "csv", "json", "parquet")
MAX_HTML_ROWS = 5000
MAX_CELL_CHARS = 600
GEPHI_COLUMNS = ("Source", "Target", "Weight", "Type", "Label")


def check_formats(formats: list[str] | tuple[str, ...]) -> list[str]:
    formats = [f.strip().lower() for f in formats if f and f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReportUsageError(f"unknown format {', '.join(map(repr, unknown))}; allowed formats: {', '.join(FORMATS)}")
    if not formats:
        raise ReportUsageError(f"no output format given; allowed formats: {', '.join(FORMATS)}")
    return list(dict.fromkeys(formats))


# --------------------------------------------------------------------------------------------- cell values


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, float) and not (value == value and abs(value) != float("inf")):
        return None
    return value


def cell_text(value: Any) -> str:
    """One cell as plain text: ISO dates, lists joined with '; ', floats to 3 places, None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    return str(value)


def _md_cell(value: Any) -> str:
    text = cell_text(value)
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _param_text(params: dict[str, Any]) -> dict[str, str]:
    return {name: cell_text(value) for name, value in params.items() if value is not None}


# --------------------------------------------------------------------------------------------- charts


def chart_svg(result: ReportResult) -> str:
    """The report's chart as an SVG string ('' when the report has none)."""
    chart = result.spec.chart
    rows = result.dicts()
    title = result.spec.title
    if chart.kind == "bar":
        items = []
        for row in rows:
            label = cell_text(row.get(chart.x))
            # `group` may name several columns ("recipient_side, materiel") so that bar labels stay unique.
            for column in [c.strip() for c in (chart.group or "").split(",") if c.strip()]:
                label += f" · {cell_text(row.get(column)) or '—'}"
            items.append((label, row.get(chart.y) or 0))
        return charts.bar_chart(items, title=title, value_label=chart.y or "", top=chart.top)
    if chart.kind == "timeline":
        points = [(row.get(chart.x), cell_text(row.get(chart.group)), cell_text(row.get(chart.label)))
                  for row in rows]
        return charts.timeline_chart(points, title=title, top=chart.top)
    if chart.kind == "network":
        edges = [(cell_text(row.get(chart.source)), cell_text(row.get(chart.target)), row.get(chart.weight) or 0,
                  cell_text(row.get(chart.group))) for row in rows]
        return charts.network_chart(edges, title=title, top=chart.top)
    return ""


# --------------------------------------------------------------------------------------------- writers


def _atomic_write(path: Path, data: str | bytes) -> Path:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(tmp, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as handle:
        handle.write(data)
    os.replace(tmp, path)
    return path


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(REPORTS_DIR / "templates")),
                      autoescape=select_autoescape(["html", "j2"], default=True), undefined=StrictUndefined)
    env.filters["cell"] = lambda value: _shorten(cell_text(value))
    return env


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


def render_html(result: ReportResult) -> str:
    template = _environment().get_template("report.html.j2")
    # chart_svg escapes every piece of text itself, hence Markup.
    return template.render(spec=result.spec, result=result, params=_param_text(result.params),
                           rows=result.rows[:MAX_HTML_ROWS], total=len(result.rows), max_rows=MAX_HTML_ROWS,
                           chart=Markup(chart_svg(result)), generated_at=result.generated_at.isoformat())


def render_markdown(result: ReportResult) -> str:
    spec = result.spec
    lines = [f"# {_md_cell(spec.title)}", "", _md_cell(spec.description), "",
             f"*Grain:* {_md_cell(spec.grain)}  ", f"*Generated:* {result.generated_at.isoformat()}  "]
    params = _param_text(result.params)
    if params:
        lines.append("*Parameters:* " + ", ".join(f"{_md_cell(k)}={_md_cell(v)}" for k, v in params.items()) + "  ")
    lines += [f"*Rows:* {len(result.rows)}", ""]
    if result.columns:
        lines.append("| " + " | ".join(_md_cell(c) for c in result.columns) + " |")
        lines.append("|" + "|".join(" --- " for _ in result.columns) + "|")
        for row in result.rows:
            lines.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def render_csv(result: ReportResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell_text(v) for v in row])
    return buffer.getvalue()


def render_json(result: ReportResult) -> str:
    document = {
        "report": result.spec.name,
        "params": {k: _json_value(v) for k, v in result.params.items()},
        "generated_at": result.generated_at.isoformat(),
        "columns": result.columns,
        "rows": [{c: _json_value(v) for c, v in zip(result.columns, row, strict=True)} for row in result.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


_SAFE_TYPE = re.compile(r"[A-Za-z0-9_(), \[\]]+")


def write_parquet(result: ReportResult, path: Path) -> Path:
    """Hand the rows to a fresh in-memory DuckDB (never attached to anything) as typed JSON lines, COPY to parquet.

    JSON lines through read_json with the result's own column types is ~1000x faster than binding Python rows.
    """
    import duckdb

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    work = Path(tempfile.mkdtemp(prefix="lcdb-parquet-"))
    con = duckdb.connect(":memory:")
    try:
        lines = work / "rows.jsonl"
        with lines.open("w", encoding="utf-8") as handle:
            for row in result.rows:
                record = {c: _json_value(v) for c, v in zip(result.columns, row, strict=True)}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        columns = []
        for name, type_name in zip(result.columns, result.column_types, strict=True):
            if not _SAFE_TYPE.fullmatch(type_name) or type_name.upper() == "NULL":
                type_name = "VARCHAR"
            columns.append(f"{_literal(name)}: {_literal(type_name)}")
        names = ", ".join('"' + c.replace('"', '""') + '"' for c in result.columns) or "*"
        con.execute(f"copy (select {names} from read_json({_literal(lines)}, format = 'newline_delimited', "
                    f"columns = {{{', '.join(columns)}}})) to {_literal(tmp)} (format parquet)")
        os.replace(tmp, path)
    except duckdb.Error as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"could not write {path}: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()
        shutil.rmtree(work, ignore_errors=True)
    return path


def _literal(text: object) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def render_gephi_edges(result: ReportResult) -> str:
    """Gephi edge list: Source,Target,Weight,Type (Directed/Undirected) plus Label (the kind of interaction)."""
    chart = result.spec.chart
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(GEPHI_COLUMNS)
    for row in result.dicts():
        writer.writerow([cell_text(row.get(chart.source)), cell_text(row.get(chart.target)),
                         cell_text(row.get(chart.weight)), "Directed" if row.get("is_directed") else "Undirected",
                         cell_text(row.get(chart.group))])
    return buffer.getvalue()


def write_report(result: ReportResult, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write `<report>.<format>` for each format into out_dir; interaction_network also writes <name>.edges.csv."""
    formats = check_formats(formats)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = result.spec.name
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        if fmt == "html":
            written.append(_atomic_write(path, render_html(result)))
        elif fmt == "md":
            written.append(_atomic_write(path, render_markdown(result)))
        elif fmt == "csv":
            written.append(_atomic_write(path, render_csv(result)))
        elif fmt == "json":
            written.append(_atomic_write(path, render_json(result)))
        elif fmt == "parquet":
            written.append(write_parquet(result, path))
    if result.spec.chart.kind == "network":
        written.append(_atomic_write(out_dir / f"{name}.edges.csv", render_gephi_edges(result)))
    return written


def write_index(results: list[ReportResult], skipped: list[ReportSpec], out_dir: Path, formats: list[str], *,
                since: dt.date | None = None, until: dt.date | None = None) -> Path:
    """index.html: every report with its description, row count, links to each written format and its chart."""
    entries = []
    for result in results:
        links = [(fmt, f"{result.spec.name}.{fmt}") for fmt in formats]
        if result.spec.chart.kind == "network":
            links.append(("gephi edges", f"{result.spec.name}.edges.csv"))
        entries.append({"spec": result.spec, "rows": len(result.rows), "links": links,
                        "chart": Markup(chart_svg(result))})
    generated_at = max((r.generated_at for r in results), default=dt.datetime.now(dt.timezone.utc)).isoformat()
    html = _environment().get_template("index.html.j2").render(
        entries=entries, skipped=skipped, generated_at=generated_at,
        since=since.isoformat() if since else "", until=until.isoformat() if until else "")
    return _atomic_write(Path(out_dir) / "index.html", html)
