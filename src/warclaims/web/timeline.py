"""The timeline of a metric: claimed figures per source over time, with the General Staff's
daily figures where its series covers the metric; and its SVG geometry (drawn on the server,
so the page needs no script)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from warclaims.store.queries import ClaimFilter, FigurePoint, figure_points

MAX_SOURCES = 8  # series drawn in their own colour; the rest share "other sources"
MAX_DAYS = 400


@dataclass(slots=True)
class Series:
    source: str
    css: str
    points: list[FigurePoint] = field(default_factory=list)


@dataclass(slots=True)
class Timeline:
    kind: str
    category: str | None
    side: str | None
    since: str | None
    until: str | None
    series: list[Series]
    reference: list[tuple[str, int]] = field(default_factory=list)
    reference_label: str | None = None
    reference_note: str | None = None

    @property
    def n_points(self) -> int:
        return sum(len(s.points) for s in self.series)

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": {"kind": self.kind, "category": self.category, "side": self.side},
            "since": self.since,
            "until": self.until,
            "series": [
                {
                    "source": s.source,
                    "points": [
                        {
                            "day": p.day,
                            "value": _num(p.value),
                            "low": _num(p.low),
                            "high": _num(p.high),
                            "hedge": p.hedge,
                            "unit": p.unit,
                            "claim_id": p.claim_id,
                            "doc_id": p.doc_id,
                        }
                        for p in s.points
                    ],
                }
                for s in self.series
            ],
            "general_staff": None
            if not self.reference_label
            else {
                "column": self.reference_label,
                "daily": [{"day": d, "value": v} for d, v in self.reference],
                "note": self.reference_note,
            },
        }


def _num(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def build_timeline(
    conn: sqlite3.Connection,
    *,
    kind: str,
    category: str | None = None,
    side: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Timeline:
    filters = ClaimFilter(kind=kind, category=category, side=side, date_from=since, date_to=until)
    points = figure_points(conn, filters)
    by_source: dict[str, Series] = {}
    for point in points:
        series = by_source.get(point.source)
        if series is None:
            if len(by_source) < MAX_SOURCES:
                series = by_source[point.source] = Series(point.source, f"s{len(by_source)}")
            else:
                series = by_source.setdefault("other sources", Series("other sources", "s-other"))
        series.points.append(point)
    timeline = Timeline(kind, category, side, since, until, list(by_source.values()))
    _add_reference(timeline, points)
    return timeline


def _add_reference(timeline: Timeline, points: list[FigurePoint]) -> None:
    """The General Staff's daily figures of the metric over the shown days, if it has them."""
    try:
        from warclaims.model import Claim, Quantity, Span
        from warclaims.reference.compare import ReferenceError, columns_for
        from warclaims.reference.series import general_staff
    except ImportError:
        return
    probe = Claim(
        kind=timeline.kind,  # type: ignore[arg-type]
        category=timeline.category,
        side=timeline.side or "RU",  # type: ignore[arg-type]
        quantity=Quantity(value=1),
        evidence=Span(start=0, end=0),
    )
    try:
        column, _ = columns_for(probe)
    except ReferenceError:
        return
    if column is None or timeline.side == "UA":
        return
    days = [p.day for p in points]
    first = timeline.since or (min(days) if days else None)
    last = timeline.until or (max(days) if days else None)
    if first is None or last is None:
        return
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if (end - start).days > MAX_DAYS:
        start = end - dt.timedelta(days=MAX_DAYS)
    series = general_staff()
    out = []
    day = start
    while day <= end:
        count = series.losses(column, day, day)
        if count.value is not None:
            out.append((day.isoformat(), int(count.value)))
        day += dt.timedelta(days=1)
    timeline.reference_label = column
    timeline.reference = out
    timeline.reference_note = (
        "General Staff of Ukraine, daily Russian losses (report of the next morning minus the"
        " day's); it counts killed and wounded together"
        if timeline.kind == "casualties"
        else "General Staff of Ukraine, daily Russian losses (report of the next morning minus"
        " the day's)"
    )


# -- SVG geometry --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dot:
    cx: float
    cy: float
    y_low: float | None
    y_high: float | None
    css: str
    label: str
    href: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    left: int
    bottom: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    dots: list[Dot]
    reference_line: str


def chart(timeline: Timeline, *, width: int = 920, height: int = 380) -> Chart | None:
    """Where everything goes on the SVG, or None when there is nothing to draw."""
    points = [p for s in timeline.series for p in s.points]
    if not points and not timeline.reference:
        return None
    left, right, top, bottom = 70, 50, 20, height - 40
    days = [dt.date.fromisoformat(p.day) for p in points]
    days += [dt.date.fromisoformat(d) for d, _ in timeline.reference]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    values = [p.high if p.high is not None else p.value for p in points]
    values += [v for _, v in timeline.reference]
    top_value = max(values) * 1.1 if values and max(values) > 0 else 1

    def x(day: str) -> float:
        return round(
            left + (dt.date.fromisoformat(day) - first).days / span * (width - left - right), 1
        )

    def y(value: float) -> float:
        return round(bottom - value / top_value * (bottom - top), 1)

    dots = []
    for series in timeline.series:
        for p in series.points:
            label = f"{series.source}: {_figure(p)} ({p.day})"
            dots.append(
                Dot(
                    x(p.day),
                    y(p.value),
                    None if p.low is None else y(p.low),
                    None if p.high is None else y(p.high),
                    series.css,
                    label,
                    f"/documents/{p.doc_id}",
                )
            )
    step = max(1, span // 6)
    x_ticks = [
        (x((first + dt.timedelta(days=d)).isoformat()), (first + dt.timedelta(days=d)).isoformat())
        for d in range(0, span + 1, step)
    ]
    y_ticks = [(y(top_value * i / 4), _short(top_value * i / 4)) for i in range(5)]
    line = " ".join(f"{x(d)},{y(v)}" for d, v in timeline.reference)
    return Chart(width, height, left, bottom, x_ticks, y_ticks, dots, line)


def _figure(p: FigurePoint) -> str:
    unit = f" {p.unit}" if p.unit else ""
    if p.hedge == "range" and p.low is not None and p.high is not None:
        return f"{_short(p.low)}–{_short(p.high)}{unit}"
    words = {"approx": "about ", "up_to": "up to ", "at_least": "at least ", "at_most": "at most "}
    return f"{words.get(p.hedge or '', '')}{_short(p.value)}{unit}"


def _short(value: float) -> str:
    return f"{int(round(value)):,}"
