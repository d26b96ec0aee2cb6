"""ACLED-like rows: one event per claim, in the columns ACLED's users already read.

See README "Exports: columns and mapping" for the mapping of kinds to event types.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

from warclaims.export.records import ExportRecord
from warclaims.model import Claim

ACTORS = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
OTHER = {"RU": "UA", "UA": "RU"}
ACLED_COLUMNS = (
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "claim_id",
    "doc_id",
    "kind",
    "certainty",
)
GEO_PRECISION = {"settlement": 1, "raion": 2, "oblast": 3, "region": 3, "country": 3}
TIME_PRECISION = {"day": 1, "period": 2, "month": 3, "year": 3}
_AIR = re.compile(r"drone|shahed|air ?strike|airstrike|aircraft|aerial|bomb", re.IGNORECASE)


def event_type(claim: Claim, evidence: str) -> tuple[str, str]:
    """(event_type, sub_event_type) for a claim."""
    if claim.kind == "strike":
        sub = "Air/drone strike" if _AIR.search(evidence) else "Shelling/artillery/missile attack"
        return "Explosions/Remote violence", sub
    if claim.kind == "territorial_control":
        if claim.category == "contested":
            return "Battles", "Armed clash"
        if claim.category == "controlled":
            return "Strategic developments", "Other"
        if claim.side == "UA":
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if claim.kind == "troop_strength":
        return "Strategic developments", "Other"
    return "Battles", "Armed clash"


def actors(claim: Claim) -> tuple[str, str]:
    """(actor1, actor2): who acts and against whom."""
    side = claim.side
    if side is None:
        return ACTORS["RU"], ACTORS["UA"] if claim.kind == "fighting" else ""
    other = ACTORS[OTHER[side]]
    if claim.kind in ("casualties", "equipment_loss", "encirclement"):
        return other, ACTORS[side]  # the side named is the one that suffered it
    if claim.kind == "troop_strength":
        return ACTORS[side], ""
    return ACTORS[side], other


def fatalities(claim: Claim) -> int:
    """Deaths claimed (the lower figure of a hedge, as ACLED codes conservatively), else 0."""
    q = claim.quantity
    if claim.kind != "casualties" or claim.category != "killed" or q is None:
        return 0
    if claim.certainty == "denied":
        return 0
    return int(q.low if q.low is not None else q.value)


def acled_row(record: ExportRecord) -> dict[str, Any]:
    claim = record.claim
    place = next((p for p in claim.places if p.lat is not None), None) or (
        claim.places[0] if claim.places else None
    )
    date = claim.date.start if claim.date and claim.date.start else None
    precision = TIME_PRECISION.get(claim.date.precision or "") if date and claim.date else None
    if date is None and record.published:
        date, precision = record.published[:10], 2  # the report's date: within days of it
    etype, sub = event_type(claim, record.evidence_text)
    actor1, actor2 = actors(claim)
    who = claim.claimant.name or claim.claimant.mention or "the report"
    notes = " ".join(record.evidence_text.split())
    return {
        "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": precision,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": actor1,
        "actor2": actor2,
        "country": "Ukraine",
        "admin1": place.admin1 if place else None,
        "location": (place.name or place.mention) if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision or "settlement")
        if place and place.lat is not None
        else None,
        "source": "; ".join(record.outlets),
        "notes": f"{who} ({claim.certainty}): {notes}",
        "fatalities": fatalities(claim),
        "claim_id": record.claim_id,
        "doc_id": record.doc_id,
        "kind": claim.kind,
        "certainty": claim.certainty,
    }


def write_acled(records: Iterable[ExportRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(acled_row(record))
        n += 1
    return n
