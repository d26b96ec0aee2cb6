"""Figures: the bounds each hedge implies, and a low/best/high summary in the manner of UCDP.

Per source (one report cluster and claimant) a figure gives bounds and a point value:

| hedge | lower bound | upper bound | point |
|---|---|---|---|
| exact | value | value | value |
| approx ("about 3,000") | value − 10 % | value + 10 % | value |
| up_to, at_most | open | value | value |
| at_least | value | open | value |
| range ("2,000 to 3,000") | low | high | midpoint |

Sources *agree* when all their bounds intersect. Then, as UCDP does, **low** is the largest lower
bound and **high** the smallest upper bound (either stays open, null, when no source bounds it
on that side). When they do not agree, low and high are the smallest and largest point values:
the spread of what was claimed.

**best** is the median of the sources' point values, each source counted once (a story echoed
by five outlets is one source), taking the lower middle value of an even count (the more
conservative figure), then moved into [low, high] when it falls outside. So best is always a
figure some source gave, or the nearest bound all sources accept; it is never an average that
no one reported.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

APPROX_MARGIN = 0.10


@dataclass(frozen=True, slots=True)
class Bounds:
    low: float | None
    high: float | None
    point: float


@functools.lru_cache(maxsize=1 << 16)  # Bounds are immutable: the same figure, the same object
def bounds(
    hedge: str | None, value: float, low: float | None = None, high: float | None = None
) -> Bounds:
    """The bounds and point value a hedged figure implies (table in the module docstring)."""
    if hedge == "approx":
        margin = abs(value) * APPROX_MARGIN
        return Bounds(round(value - margin, 6), round(value + margin, 6), value)
    if hedge in ("up_to", "at_most"):
        return Bounds(low, high if high is not None else value, value)
    if hedge == "at_least":
        return Bounds(low if low is not None else value, high, value)
    if hedge == "range":
        lo = low if low is not None else value
        hi = high if high is not None else value
        return Bounds(lo, hi, (lo + hi) / 2)
    return Bounds(value, value, value)


@dataclass(frozen=True, slots=True)
class Summary:
    low: float | None
    best: float
    high: float | None
    agree: bool
    n_sources: int


def summarise(figures: list[Bounds]) -> Summary:
    """low/best/high over one figure per source (see the module docstring)."""
    if not figures:
        raise ValueError("no figures to summarise")
    lows = [f.low for f in figures if f.low is not None]
    highs = [f.high for f in figures if f.high is not None]
    points = sorted(f.point for f in figures)
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    agree = low is None or high is None or low <= high
    if not agree:
        low, high = points[0], points[-1]
    best = points[(len(points) - 1) // 2]
    if low is not None and best < low:
        best = low
    if high is not None and best > high:
        best = high
    return Summary(low, best, high, agree, len(figures))
