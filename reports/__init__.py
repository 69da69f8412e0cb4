"""lcdb reports: one Jinja SQL file per report over the `reporting.*` views, run in a locked in-memory DuckDB.

Public API (the CLI's `lcdb report` and `lcdb export` are thin wrappers over these):
list_reports, get_report, run_report, write_report, run_all, export, ReportSpec, ReportResult, ReportError.
"""

from reports.engine import (
    ChartSpec,
    ParameterSpec,
    ReportError,
    ReportResult,
    ReportSpec,
    export,
    get_report,
    list_reports,
    run_all,
    run_report,
)
from reports.render import FORMATS, write_report

__all__ = [
    "FORMATS", "ChartSpec", "ParameterSpec", "ReportError", "ReportResult", "ReportSpec", "export", "get_report",
    "list_reports", "run_all", "run_report", "write_report",
]
