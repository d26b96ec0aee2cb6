"""Exports of stored claims: csv, jsonl, geojson, parquet, and ACLED-like and UCDP-like CSV."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from warclaims.export.acled import ACLED_COLUMNS, write_acled
from warclaims.export.formats import (
    read_csv,
    read_geojson,
    read_jsonl,
    read_parquet,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from warclaims.export.records import FLAT_COLUMNS, ExportFilters, ExportRecord, iter_records
from warclaims.export.ucdp import UCDP_COLUMNS, write_ucdp

FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "ucdp")
BINARY_FORMATS = frozenset({"parquet"})


def export(
    store: Any,
    fmt: str,
    *,
    filters: ExportFilters | None = None,
    out: IO[str] | None = None,
    path: Path | None = None,
) -> int:
    """Write the stored claims the filters select in `fmt` to `out` (text formats) or `path`
    (any format; Parquet needs one). Returns the number of rows or features written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    filters = filters or ExportFilters()
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet is binary: give an output file (--output FILE)")
        return write_parquet(iter_records(store, filters), path)
    if out is None:
        if path is None:
            raise ValueError("give an output stream or file")
        with path.open("w", encoding="utf-8", newline="") as handle:
            return export(store, fmt, filters=filters, out=handle)
    if fmt == "ucdp":
        from warclaims.compare import CompareFilters, add_details, compare

        comparison = compare(
            store,
            CompareFilters(
                kind=filters.kind, place=filters.place, since=filters.since, until=filters.until
            ),
        )
        if filters.side:
            for result in comparison.groups:
                result.figures = [f for f in result.figures if f.side == filters.side.upper()]
        add_details(store, comparison)
        return write_ucdp(comparison, out)
    writer = {
        "csv": write_csv,
        "jsonl": write_jsonl,
        "geojson": write_geojson,
        "acled": write_acled,
    }
    return writer[fmt](iter_records(store, filters), out)


__all__ = [
    "ACLED_COLUMNS",
    "BINARY_FORMATS",
    "FLAT_COLUMNS",
    "FORMATS",
    "UCDP_COLUMNS",
    "ExportFilters",
    "ExportRecord",
    "export",
    "iter_records",
    "read_csv",
    "read_geojson",
    "read_jsonl",
    "read_parquet",
]
