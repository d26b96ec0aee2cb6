"""Stored claims as export records, and the flat column layout shared by CSV and Parquet.

The flat layout is generated from the claim model, so a field added to the record shows up as a
column: claim fields by name (`kind`, `category`, `side`, `certainty`), quantity fields by name
(`value`, `low`, `high`, `hedge`, `unit`, others as `quantity_<field>`), date and claimant fields
as `date_<field>` and `claimant_<field>`, spans as `evidence_start`/`evidence_end` and
`anchor_start`/`anchor_end`, and `places` as a JSON list of place objects (with `place`,
`admin1`, `latitude`, `longitude` of the first place beside it for convenience).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warclaims.compare.clusters import Clusters
from warclaims.compare.indexes import ensure_indexes
from warclaims.model import KINDS, Claim, Claimant, DateRef, Quantity

DOC_COLUMNS = (
    "claim_id",
    "doc_id",
    "cluster_id",
    "outlets",
    "published",
    "publisher",
    "title",
    "url",
)
_QUANTITY_NAMES = {"value", "low", "high", "hedge", "unit"}


@dataclass(frozen=True, slots=True)
class ExportFilters:
    kind: str | None = None
    side: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}: expected one of {', '.join(KINDS)}")
        if self.side is not None and self.side.upper() not in ("RU", "UA"):
            raise ValueError(f"unknown side {self.side!r}: expected RU or UA")


@dataclass(frozen=True, slots=True)
class ExportRecord:
    claim_id: int
    doc_id: str
    cluster_id: str
    outlets: list[str]
    published: str | None
    publisher: str | None
    title: str | None
    url: str | None
    claim: Claim
    evidence_text: str

    def document_columns(self) -> dict[str, Any]:
        """The claim's place in the corpus: ids, outlets and its document's metadata."""
        return {name: getattr(self, name) for name in DOC_COLUMNS}


def iter_records(store: Any, filters: ExportFilters | None = None) -> Iterator[ExportRecord]:
    """The stored claims the filters select, in id order, streamed (memory stays flat)."""
    filters = filters or ExportFilters()
    conn: sqlite3.Connection = store.connection
    ensure_indexes(conn)
    clusters = Clusters(store)
    where, params = _where(filters)
    sql = (
        f"SELECT c.id, c.doc_id, {clusters.sql_expr('d')}, d.published, d.publisher, d.title,"
        " d.url, c.json, substr(d.text, c.evidence_start + 1, c.evidence_end - c.evidence_start)"
        f" FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id WHERE {where}"
        " ORDER BY c.id"
    )
    outlets: dict[str, list[str]] = {}
    for row in conn.execute(sql, params):
        cluster = clusters.resolve(row[1], row[2])
        names = outlets.get(cluster)
        if names is None:
            if len(outlets) > 10_000:
                outlets.clear()
            names = outlets[cluster] = clusters.outlets([cluster]).get(cluster) or [
                row[4] or row[1]
            ]
        yield ExportRecord(
            row[0],
            row[1],
            cluster,
            names,
            row[3],
            row[4],
            row[5],
            row[6],
            Claim.model_validate_json(row[7]),
            row[8] or "",
        )


def _where(filters: ExportFilters) -> tuple[str, list[Any]]:
    clauses, params = ["1 = 1"], []
    if filters.kind:
        clauses.append("c.kind = ?")
        params.append(filters.kind)
    if filters.side:
        clauses.append("c.side = ?")
        params.append(filters.side.upper())
    if filters.place:
        needle = filters.place.strip().casefold()
        clauses.append(
            "EXISTS (SELECT 1 FROM claim_places AS p WHERE p.claim_id = c.id AND"
            " (wc_fold(p.name) = ? OR wc_fold(p.mention) = ? OR wc_fold(p.admin1) = ?))"
        )
        params += [needle] * 3
    day = "coalesce(c.date_start, substr(d.published, 1, 10))"
    if filters.since:
        clauses.append(f"coalesce(c.date_end, {day}) >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{day} <= ?")
        params.append(filters.until)
    return " AND ".join(clauses), params


# -- the flat layout ----------------------------------------------------------------------------


def _quantity_column(name: str) -> str:
    return name if name in _QUANTITY_NAMES else f"quantity_{name}"


QUANTITY_COLUMNS = tuple(_quantity_column(n) for n in Quantity.model_fields)
DATE_COLUMNS = tuple(f"date_{n}" for n in DateRef.model_fields)
CLAIMANT_COLUMNS = tuple(f"claimant_{n}" for n in Claimant.model_fields)
CLAIM_COLUMNS = (
    "kind",
    "category",
    "side",
    *QUANTITY_COLUMNS,
    *DATE_COLUMNS,
    *CLAIMANT_COLUMNS,
    "certainty",
    "evidence_start",
    "evidence_end",
    "anchor_start",
    "anchor_end",
    "place",
    "admin1",
    "latitude",
    "longitude",
    "places",
)
FLAT_COLUMNS = (*DOC_COLUMNS, *CLAIM_COLUMNS, "evidence_text")
JSON_COLUMNS = frozenset({"places", "claimant_via", "outlets"})


def flatten(record: ExportRecord) -> dict[str, Any]:
    """One record as a flat row (lists as Python lists; writers encode them)."""
    claim = record.claim
    q, date = claim.quantity, claim.date
    first = next((p for p in claim.places if p.lat is not None), None) or (
        claim.places[0] if claim.places else None
    )
    row: dict[str, Any] = {
        **record.document_columns(),
        "kind": claim.kind,
        "category": claim.category,
        "side": claim.side,
        "certainty": claim.certainty,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "anchor_start": claim.anchor.start if claim.anchor else None,
        "anchor_end": claim.anchor.end if claim.anchor else None,
        "place": (first.name or first.mention) if first else None,
        "admin1": first.admin1 if first else None,
        "latitude": first.lat if first else None,
        "longitude": first.lon if first else None,
        "places": [p.model_dump(mode="json") for p in claim.places],
        "evidence_text": record.evidence_text,
    }
    for name in Quantity.model_fields:
        row[_quantity_column(name)] = getattr(q, name) if q else None
    for name in DateRef.model_fields:
        row[f"date_{name}"] = getattr(date, name) if date else None
    for name in Claimant.model_fields:
        row[f"claimant_{name}"] = getattr(claim.claimant, name)
    return row


def unflatten(row: dict[str, Any]) -> Claim:
    """The claim of a flat row (read back from CSV or Parquet: '' and NaN count as empty)."""
    get = {key: _empty_to_none(value) for key, value in row.items()}
    for key in JSON_COLUMNS:
        if isinstance(get.get(key), str):
            get[key] = json.loads(get[key])
    quantity = None
    if get.get("value") is not None:
        quantity = {n: get.get(_quantity_column(n)) for n in Quantity.model_fields}
        quantity = {k: v for k, v in quantity.items() if v is not None}
    date = {n: get.get(f"date_{n}") for n in DateRef.model_fields}
    claimant = {n: get.get(f"claimant_{n}") for n in Claimant.model_fields}
    claimant = {k: v for k, v in claimant.items() if v is not None}
    data: dict[str, Any] = {
        "kind": get["kind"],
        "category": get.get("category"),
        "side": get.get("side"),
        "quantity": quantity,
        "places": get.get("places") or [],
        "date": date if any(v is not None for v in date.values()) else None,
        "claimant": claimant,
        "certainty": get["certainty"],
        "evidence": {"start": int(get["evidence_start"]), "end": int(get["evidence_end"])},
        "anchor": None
        if get.get("anchor_start") is None
        else {"start": int(get["anchor_start"]), "end": int(get["anchor_end"])},
    }
    return Claim.model_validate(data)


def _empty_to_none(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value
