"""Small, dependency-free SVG charts for the HTML reports: horizontal bars, a lane timeline and a circular network.

Every function returns one self-contained <svg> string, is deterministic (same input, same bytes) and escapes all
text. Long inputs are capped by the caller's `top`; the functions never fetch anything.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from html import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
PALETTE = ("#2f6f9f", "#c0504d", "#4f9a5a", "#8064a2", "#d08b2c", "#3a9ca6", "#9b5a3c", "#6b7280", "#b5487a",
           "#5b6bbf")
EMPTY_HEIGHT = 40


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _f(number: float) -> str:
    return f"{number:.1f}"


def _empty(message: str, width: int = 720) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{EMPTY_HEIGHT}" '
            f'viewBox="0 0 {width} {EMPTY_HEIGHT}" role="img" aria-label="{_text(message)}">'
            f'<text x="8" y="24" style="{FONT};font-size:13px" fill="#6b7280">{_text(message)}</text></svg>')


def bar_chart(items: list[tuple[str, float]], *, title: str, value_label: str = "", top: int = 25,
              width: int = 760) -> str:
    """Horizontal bars, largest first (ties by label), at most `top` of them."""
    items = [(str(label), float(value or 0)) for label, value in items]
    items = sorted(items, key=lambda item: (-item[1], item[0]))[:top]
    if not items:
        return _empty(f"{title}: no data")
    label_width, bar_left, row, top_pad = 300, 310, 24, 34
    bar_space = width - bar_left - 60
    height = top_pad + row * len(items) + 10
    peak = max(value for _, value in items) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{_text(title)}">',
             f'<title>{_text(title)}</title>',
             f'<text x="8" y="20" style="{FONT};font-size:14px;font-weight:600" fill="#111827">{_text(title)}'
             f'{" (" + _text(value_label) + ")" if value_label else ""}</text>']
    for index, (label, value) in enumerate(items):
        y = top_pad + index * row
        bar = max(1.0, bar_space * value / peak)
        value_text = f"{value:g}"
        parts.append(
            f'<g><title>{_text(label)}: {_text(value_text)}</title>'
            f'<text x="{label_width}" y="{y + 16}" text-anchor="end" style="{FONT};font-size:12px" '
            f'fill="#1f2937">{_text(_short(label))}</text>'
            f'<rect x="{bar_left}" y="{y + 4}" width="{_f(bar)}" height="{row - 8}" rx="2" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{_f(bar_left + bar + 6)}" y="{y + 16}" style="{FONT};font-size:12px" '
            f'fill="#374151">{_text(value_text)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks with labels: years for long spans, months for medium ones, days otherwise."""
    span = (end - start).days
    if span > 3 * 366:
        years = list(range(start.year + 1, end.year + 1))
        step = max(1, len(years) // 12)
        return [(dt.date(y, 1, 1), str(y)) for y in years[::step]]
    if span > 62:
        ticks, year, month = [], start.year, start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            tick = dt.date(year, month, 1)
            if tick > end:
                break
            ticks.append(tick)
        step = max(1, len(ticks) // 10)
        return [(tick, tick.strftime("%Y-%m")) for tick in ticks[::step]]
    step = max(1, span // 8)
    return [(day, day.isoformat()) for day in (start + dt.timedelta(days=d) for d in range(0, span + 1, step))]


def timeline_chart(points: list[tuple[dt.date | None, str, str]], *, title: str, top: int = 12,
                   width: int = 900) -> str:
    """Dots on a date axis, one lane per group (the `top` busiest lanes); points without a date are skipped."""
    points = [(d, str(lane or "unknown"), str(label or "")) for d, lane, label in points if isinstance(d, dt.date)]
    points = [(d.date() if isinstance(d, dt.datetime) else d, lane, label) for d, lane, label in points]
    if not points:
        return _empty(f"{title}: no dated rows", width)
    counts = Counter(lane for _, lane, _ in points)
    lanes = sorted(counts, key=lambda lane: (-counts[lane], lane))[:top]
    lane_index = {lane: i for i, lane in enumerate(lanes)}
    points = sorted((p for p in points if p[1] in lane_index), key=lambda p: (p[0], p[1], p[2]))
    start, end = points[0][0], points[-1][0]
    if start == end:
        start, end = start - dt.timedelta(days=1), end + dt.timedelta(days=1)
    left, right, top_pad, lane_height = 230, 30, 40, 30
    height = top_pad + lane_height * len(lanes) + 40
    span = (end - start).days

    def x_of(day: dt.date) -> float:
        return left + (width - left - right) * (day - start).days / span

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{_text(title)}">',
             f'<title>{_text(title)}</title>',
             f'<text x="8" y="22" style="{FONT};font-size:14px;font-weight:600" fill="#111827">{_text(title)}</text>']
    axis_y = top_pad + lane_height * len(lanes) + 6
    for tick, tick_label in _ticks(start, end):
        x = x_of(tick)
        parts.append(f'<line x1="{_f(x)}" y1="{top_pad - 6}" x2="{_f(x)}" y2="{axis_y}" stroke="#e5e7eb"/>'
                     f'<text x="{_f(x)}" y="{axis_y + 16}" text-anchor="middle" style="{FONT};font-size:11px" '
                     f'fill="#6b7280">{_text(tick_label)}</text>')
    for lane, i in lane_index.items():
        y = top_pad + i * lane_height + lane_height / 2
        parts.append(f'<text x="{left - 10}" y="{_f(y + 4)}" text-anchor="end" style="{FONT};font-size:12px" '
                     f'fill="#1f2937"><title>{_text(lane)}</title>{_text(_short(lane, 34))}</text>'
                     f'<line x1="{left}" y1="{_f(y)}" x2="{width - right}" y2="{_f(y)}" stroke="#d1d5db" '
                     f'stroke-dasharray="2,3"/>')
    for day, lane, label in points:
        i = lane_index[lane]
        y = top_pad + i * lane_height + lane_height / 2
        parts.append(f'<circle cx="{_f(x_of(day))}" cy="{_f(y)}" r="5" fill="{PALETTE[i % len(PALETTE)]}" '
                     f'fill-opacity="0.75"><title>{_text(day.isoformat())} · {_text(lane)}: '
                     f'{_text(_short(label, 200))}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def network_chart(edges: list[tuple[str, str, float, str]], *, title: str, top: int = 30, size: int = 760) -> str:
    """Actors on a circle (the `top` by weighted degree, placed alphabetically), edges coloured by kind."""
    edges = [(str(s), str(t), float(w or 0), str(k or "")) for s, t, w, k in edges if s and t and s != t]
    if not edges:
        return _empty(f"{title}: no edges", size)
    degree: dict[str, float] = defaultdict(float)
    for source, target, weight, _ in edges:
        degree[source] += weight
        degree[target] += weight
    nodes = sorted(sorted(degree, key=lambda n: (-degree[n], n))[:top])
    kinds = sorted({kind for _, _, _, kind in edges})
    colour = {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
    legend_height = 20 * len(kinds) + 10
    height = size + legend_height
    cx = cy = size / 2
    radius = size / 2 - 150
    position = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        position[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    peak = max(weight for _, _, weight, _ in edges) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{size}" height="{height}" '
             f'viewBox="0 0 {size} {height}" role="img" aria-label="{_text(title)}">',
             f'<title>{_text(title)}</title>',
             f'<text x="8" y="22" style="{FONT};font-size:14px;font-weight:600" fill="#111827">{_text(title)}</text>']
    for source, target, weight, kind in sorted(edges, key=lambda e: (e[3], e[0], e[1])):
        if source not in position or target not in position:
            continue
        x1, y1, _ = position[source]
        x2, y2, _ = position[target]
        stroke = 1 + 5 * math.sqrt(weight / peak)
        parts.append(f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" stroke="{colour[kind]}" '
                     f'stroke-width="{_f(stroke)}" stroke-opacity="0.6"><title>{_text(source)} → {_text(target)}: '
                     f'{_text(kind)} ({weight:g})</title></line>')
    for node in nodes:
        x, y, angle = position[node]
        anchor = "start" if math.cos(angle) >= 0 else "end"
        lx = x + 10 * math.cos(angle)
        ly = y + 10 * math.sin(angle) + 4
        node_radius = 3 + 6 * math.sqrt(degree[node] / max(degree.values()))
        parts.append(f'<g><title>{_text(node)} (weighted degree {degree[node]:g})</title>'
                     f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(node_radius)}" fill="#111827"/>'
                     f'<text x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}" style="{FONT};font-size:11px" '
                     f'fill="#1f2937">{_text(_short(node, 28))}</text></g>')
    for i, kind in enumerate(kinds):
        y = size + 10 + i * 20
        parts.append(f'<rect x="10" y="{y}" width="14" height="4" fill="{colour[kind]}"/>'
                     f'<text x="30" y="{y + 6}" style="{FONT};font-size:12px" fill="#374151">{_text(kind)}</text>')
    parts.append("</svg>")
    return "".join(parts)
