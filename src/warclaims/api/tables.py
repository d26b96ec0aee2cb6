"""Claims as CSV rows and GeoJSON features (the claims table download and the map)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from warclaims.render import format_claimant, format_quantity
from warclaims.store.queries import ClaimRow, MapPoint

CSV_COLUMNS = (
    "claim_id",
    "doc_id",
    "published",
    "title",
    "publisher",
    "kind",
    "category",
    "side",
    "value",
    "low",
    "high",
    "hedge",
    "unit",
    "places",
    "admin1",
    "lat",
    "lon",
    "date_start",
    "date_end",
    "claimant",
    "claimant_type",
    "claimant_side",
    "via",
    "certainty",
    "evidence",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: ClaimRow, evidence: str) -> list[Any]:
    c = row.claim
    q, date, who = c.quantity, c.date, c.claimant
    first = next((p for p in c.places if p.lat is not None), None)
    values = [
        row.claim_id,
        row.doc_id,
        row.published,
        row.title,
        row.publisher,
        c.kind,
        c.category,
        c.side,
        _num(q.value) if q else None,
        _num(q.low) if q else None,
        _num(q.high) if q else None,
        q.hedge if q else None,
        q.unit if q else None,
        "; ".join(p.name or p.mention for p in c.places),
        "; ".join(dict.fromkeys(p.admin1 for p in c.places if p.admin1)),
        first.lat if first else None,
        first.lon if first else None,
        date.start if date else None,
        date.end if date else None,
        who.name or who.mention,
        who.type,
        who.side,
        " > ".join(who.via),
        c.certainty,
        " ".join(evidence.split()),
    ]
    return [_cell(v) for v in values]


def _num(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def claims_csv(rows: Iterable[tuple[ClaimRow, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row, evidence in rows:
        writer.writerow(["" if v is None else v for v in csv_row(row, evidence)])
    return out.getvalue()


def map_features(points: Iterable[MapPoint]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one point per located place of a claim."""
    features = []
    for p in points:
        c = p.claim
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "claim_id": p.claim_id,
                    "doc_id": p.doc_id,
                    "title": p.title,
                    "published": p.published,
                    "kind": c.kind,
                    "category": c.category,
                    "side": c.side,
                    "figure": format_quantity(c.quantity, short=True) if c.quantity else None,
                    "place": p.place,
                    "admin1": p.admin1,
                    "date": (c.date.start if c.date else None) or p.published,
                    "claimant": format_claimant(c),
                    "certainty": c.certainty,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
