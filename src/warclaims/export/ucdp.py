"""UCDP-like rows: one row per comparison group and figure, with low/best/high over sources.

UCDP's GED gives each event a best, low and high estimate drawn from all its sources; the rows
here are `compare`'s groups (claims about the same thing, place and time, a near-duplicate
cluster counted once) with the summary of each (side, category, unit) figure. Deaths are the
rows of kind casualties, category killed; other rows keep the same columns with `kind`,
`category` and `unit` saying what the figures count.
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import IO, Any

from warclaims.compare.engine import Comparison, GroupResult
from warclaims.compare.load import PlaceRef, fold

SIDE_A = "Government of Russia (Soviet Union)"
SIDE_B = "Government of Ukraine"
UCDP_COLUMNS = (
    "id",
    "year",
    "type_of_violence",
    "conflict_name",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "latitude",
    "longitude",
    "country",
    "date_start",
    "date_end",
    "date_prec",
    "best",
    "low",
    "high",
    "deaths_a",
    "deaths_b",
    "kind",
    "category",
    "side",
    "unit",
    "verdict",
    "n_sources",
    "claim_ids",
)


def where_prec(level: str, name: str | None) -> int:
    """UCDP where_prec: 1 exact place, 3 second-order unit (raion), 4 oblast, 6 country."""
    if level == "none":
        return 6
    if level == "oblast":
        return 4
    if name and name.endswith(" Raion"):
        return 3
    return 1


def date_prec(start: str | None, end: str | None) -> int:
    """UCDP date_prec: 1 day, 2 two to six days, 3 a week, 4 a month, 5 longer or unknown."""
    if start is None or end is None:
        return 5
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def _located(result: GroupResult) -> PlaceRef | None:
    keys = {p.key for p in result.group.places}
    for claim in result.group.members:
        for place in claim.places:
            key = fold(place.name) if place.name else "?" + fold(place.mention)
            if place.lat is not None and key in keys:
                return place
    return None


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 3)


def ucdp_rows(comparison: Comparison) -> list[dict[str, Any]]:
    rows = []
    for number, result in enumerate(comparison.groups, 1):
        group = result.group
        start, end = group.window()
        place = group.places[0]
        located = _located(result)
        outlets = {c.cluster: s.outlets for s in result.sources for c in s.claims}
        for i, figures in enumerate(result.figures, 1):
            s = figures.summary
            sources = sorted({o for c in figures.claims for o in outlets.get(c.cluster, [])})
            dates = sorted({c.published[:10] for c in figures.claims if c.published})
            deaths = group.kind == "casualties" and figures.category == "killed"
            rows.append(
                {
                    "id": f"{number}.{i}",
                    "year": (start or "")[:4] or None,
                    "type_of_violence": 1,
                    "conflict_name": "Russia - Ukraine",
                    "side_a": SIDE_A,
                    "side_b": SIDE_B,
                    "source_article": "; ".join(sources),
                    "source_office": "; ".join(sorted({c.claimant for c in figures.claims})),
                    "source_date": "; ".join(dates),
                    "where_prec": where_prec(place.level, place.display),
                    "where_coordinates": ", ".join(p.display for p in group.places),
                    "adm_1": group.admin1,
                    "latitude": located.lat if located else None,
                    "longitude": located.lon if located else None,
                    "country": "Ukraine",
                    "date_start": start,
                    "date_end": end,
                    "date_prec": date_prec(start, end),
                    "best": _num(s.best),
                    "low": _num(s.low),
                    "high": _num(s.high),
                    "deaths_a": _num(s.best) if deaths and figures.side == "RU" else None,
                    "deaths_b": _num(s.best) if deaths and figures.side == "UA" else None,
                    "kind": group.kind,
                    "category": figures.category,
                    "side": figures.side,
                    "unit": figures.unit,
                    "verdict": result.verdict,
                    "n_sources": s.n_sources,
                    "claim_ids": " ".join(str(c.claim_id) for c in figures.claims),
                }
            )
    return rows


def write_ucdp(comparison: Comparison, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = ucdp_rows(comparison)
    writer.writerows(rows)
    return len(rows)
