"""The shipped reference series, read once: General Staff claims and Oryx confirmed losses.

General Staff (Russian losses as claimed by Ukraine): the row of date D is that morning's report,
the cumulative total up to the end of D − 1. The losses of days a..b are therefore the report of
b + 1 minus the report of a.

Oryx (visually confirmed, both sides): a step function per equipment series that changes on
scrape dates; the losses confirmed during a..b are the total on b minus the total on a − 1 (the
date an item is recorded, not the date it was lost). A series Oryx began tracking inside the
period makes the count unknown, and so does a period past the snapshot's last date.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import gzip
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warclaims.reference.build import DATA_DIR, GS_CORRECTIONS_FILE, GS_FILE, ORYX_FILE
from warclaims.reference.categories import UNSPECIFIED_PARTS

DAY = dt.timedelta(days=1)


class ReferenceDataError(Exception):
    """The shipped snapshot is missing (run `make reference`)."""


@dataclass(frozen=True, slots=True)
class Count:
    """A reference count over a period, or why there is none (`value` None, `note` says)."""

    source: str  # "general_staff" | "oryx"
    series: str  # column or category
    start: dt.date
    end: dt.date
    value: int | None
    note: str | None = None


def _read(name: str, folder: Path) -> list[dict[str, str]]:
    path = folder / name
    if not path.is_file():
        raise ReferenceDataError(
            f"reference snapshot {path} is missing: run `make reference` to build it"
        )
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(io.StringIO(handle.read())))


class GeneralStaff:
    """Daily cumulative totals per column, with the revisions the dataset applied."""

    def __init__(self, folder: Path = DATA_DIR) -> None:
        rows = _read(GS_FILE, folder)
        self.dates = [dt.date.fromisoformat(r["date"]) for r in rows]
        self.columns: dict[str, list[int | None]] = {
            column: [int(r[column]) if r[column] else None for r in rows]
            for column in rows[0]
            if column != "date"
        }
        self.corrections: dict[str, list[dt.date]] = defaultdict(list)
        for r in _read(GS_CORRECTIONS_FILE, folder):
            self.corrections[r["column"]].append(dt.date.fromisoformat(r["date"]))

    @property
    def first(self) -> dt.date:
        return self.dates[0]

    @property
    def last(self) -> dt.date:
        return self.dates[-1]

    def total(self, column: str, day: dt.date) -> int | None:
        """The report of `day` (its morning total), or None when there is none."""
        i = bisect.bisect_left(self.dates, day)
        if i == len(self.dates) or self.dates[i] != day:
            return None
        return self._value(column, i)

    def _value(self, column: str, i: int) -> int | None:
        if column == "unspecified":
            parts = [self.columns[c][i] for c in UNSPECIFIED_PARTS]
            return None if any(p is None for p in parts) else sum(parts)  # type: ignore[misc]
        return self.columns[column][i]

    def losses(self, column: str, start: dt.date, end: dt.date) -> Count:
        """The claimed losses of days start..end (report of end + 1 minus report of start)."""
        if column != "unspecified" and column not in self.columns:
            raise KeyError(column)
        before, after = self.total(column, start), self.total(column, end + DAY)
        if before is None or after is None:
            return Count(
                "general_staff",
                column,
                start,
                end,
                None,
                f"the snapshot covers reports of {self.first} .. {self.last}",
            )
        note = None
        parts = UNSPECIFIED_PARTS if column == "unspecified" else (column,)
        revised = [d for c in parts for d in self.corrections.get(c, ()) if start < d <= end + DAY]
        if revised:
            note = f"the series was revised on {min(revised)} inside this period"
        return Count("general_staff", column, start, end, after - before, note)


class Oryx:
    """Cumulative confirmed losses per (country, series) as step functions over scrape dates."""

    def __init__(self, folder: Path = DATA_DIR) -> None:
        steps: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
        self.categories: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in _read(ORYX_FILE, folder):
            key = (r["country"], r["series"])
            if not steps[key]:
                self.categories[(r["country"], r["category"])].append(r["series"])
            steps[key].append((dt.date.fromisoformat(r["date"]), int(r["total"])))
        self._dates = {k: [d for d, _ in v] for k, v in steps.items()}
        self._totals = {k: [t for _, t in v] for k, v in steps.items()}
        self.last = max(v[-1] for v in self._dates.values())

    def _at(self, key: tuple[str, str], day: dt.date) -> int | None:
        dates = self._dates[key]
        i = bisect.bisect_right(dates, day) - 1
        return None if i < 0 else self._totals[key][i]

    def confirmed(self, country: str, category: str, start: dt.date, end: dt.date) -> Count:
        """Losses of `country` in `category` that Oryx recorded during start..end."""
        series = self.categories.get((country, category), [])
        if not series:
            return Count("oryx", category, start, end, None, f"Oryx has no {category} series")
        if end > self.last:
            return Count(
                "oryx", category, start, end, None, f"the Oryx snapshot ends on {self.last}"
            )
        total = 0
        for name in series:
            key = (country, name)
            before, after = self._at(key, start - DAY), self._at(key, end)
            if before is None or after is None:  # not tracked yet when the period began
                first = self._dates[key][0]
                return Count(
                    "oryx", category, start, end, None, f"Oryx tracks {name} only from {first}"
                )
            total += after - before
        return Count("oryx", category, start, end, total)


@lru_cache(maxsize=1)
def general_staff() -> GeneralStaff:
    return GeneralStaff()


@lru_cache(maxsize=1)
def oryx() -> Oryx:
    return Oryx()
