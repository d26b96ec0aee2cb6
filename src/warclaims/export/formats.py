"""CSV, JSON lines, GeoJSON and Parquet writers of export records, and their readers."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from warclaims.export.records import (
    DOC_COLUMNS,
    FLAT_COLUMNS,
    JSON_COLUMNS,
    ExportRecord,
    flatten,
    unflatten,
)
from warclaims.model import Claim

ReadBack = tuple[int, Claim]  # (claim_id, claim)


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if key in JSON_COLUMNS else value
        for key, value in row.items()
    }


# -- CSV ----------------------------------------------------------------------------------------


def write_csv(records: Iterable[ExportRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(_encode(flatten(record)))
        n += 1
    return n


def read_csv(path: Path) -> list[ReadBack]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(int(row["claim_id"]), unflatten(row)) for row in csv.DictReader(handle)]


# -- JSON lines ---------------------------------------------------------------------------------


def jsonl_object(record: ExportRecord) -> dict[str, Any]:
    """The claim record of CLAIMS.md with the document fields and the evidence text beside it."""
    return {
        **record.document_columns(),
        **record.claim.model_dump(mode="json"),
        "evidence_text": record.evidence_text,
    }


def write_jsonl(records: Iterable[ExportRecord], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(jsonl_object(record), ensure_ascii=False) + "\n")
        n += 1
    return n


def read_jsonl(path: Path) -> list[ReadBack]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                claim_id = data["claim_id"]
                for key in (*DOC_COLUMNS, "evidence_text"):
                    data.pop(key, None)
                out.append((claim_id, Claim.model_validate(data)))
    return out


# -- GeoJSON ------------------------------------------------------------------------------------


def write_geojson(records: Iterable[ExportRecord], out: IO[str]) -> int:
    """A FeatureCollection, one Point feature per located place of each claim (`place_index`
    says which); a claim with no coordinates is one feature with a null geometry (RFC 7946)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for record in records:
        props = flatten(record)
        located = [(i, p) for i, p in enumerate(record.claim.places) if p.lat is not None]
        features = [(i, {"type": "Point", "coordinates": [p.lon, p.lat]}) for i, p in located] or [
            (None, None)
        ]
        for index, geometry in features:
            feature = {
                "type": "Feature",
                "id": f"{record.claim_id}" if index is None else f"{record.claim_id}-{index}",
                "geometry": geometry,
                "properties": {**props, "place_index": index},
            }
            out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n


def read_geojson(path: Path) -> list[ReadBack]:
    data = json.loads(path.read_text(encoding="utf-8"))
    seen: dict[int, Claim] = {}
    for feature in data["features"]:
        props = dict(feature["properties"])
        props.pop("place_index", None)
        claim_id = int(props["claim_id"])
        if claim_id not in seen:
            seen[claim_id] = unflatten(props)
    return list(seen.items())


# -- Parquet ------------------------------------------------------------------------------------


def _parquet_schema() -> Any:
    import pyarrow as pa

    ints = {"claim_id", "evidence_start", "evidence_end", "anchor_start", "anchor_end"}
    floats = {"value", "low", "high", "latitude", "longitude"}
    floats |= {c for c in FLAT_COLUMNS if c.startswith("quantity_")}
    fields = []
    for column in FLAT_COLUMNS:
        if column in ints:
            fields.append(pa.field(column, pa.int64()))
        elif column in floats:
            fields.append(pa.field(column, pa.float64()))
        else:
            fields.append(pa.field(column, pa.string()))
    return pa.schema(fields)


def write_parquet(records: Iterable[ExportRecord], path: Path, batch_size: int = 10_000) -> int:
    """A Parquet file of the flat columns (typed; lists as JSON text), written in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(_encode(flatten(record)))
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def read_parquet(path: Path) -> list[ReadBack]:
    import pyarrow.parquet as pq

    return [(int(row["claim_id"]), unflatten(row)) for row in pq.read_table(path).to_pylist()]
