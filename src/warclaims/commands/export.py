"""`warclaims export`: stored claims as csv, jsonl, geojson, parquet, ACLED- or UCDP-like CSV."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from warclaims.cli_options import (
    DbOption,
    KindOption,
    PlaceOption,
    SinceOption,
    UntilOption,
)

FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "ucdp")


def register(app: typer.Typer) -> None:
    app.command(name="export")(export_cmd)


def export_cmd(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"One of: {', '.join(FORMATS)} (columns: README, 'Exports').",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (default: standard output; parquet needs a FILE).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    kind: KindOption = None,
    side: Annotated[
        str | None, typer.Option(metavar="SIDE", help="RU or UA: whose claim it is about.")
    ] = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export stored claims, filtered, in a file format or in ACLED/UCDP-like columns.

    csv, jsonl, geojson and parquet hold one claim per row (geojson: one feature per located
    place) and read back into the same claims; acled gives one event per claim; ucdp one row
    per compared group and figure with low/best/high over its sources.

    Example: warclaims export --format acled --kind casualties --since 2025-11-01 -o events.csv
    """
    from rich.console import Console

    from warclaims.cli import _error, _open_store
    from warclaims.export import ExportFilters, export

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if fmt == "parquet" and output is None:
        _error("parquet is binary: give an output file with --output FILE")
        raise typer.Exit(2)
    if output is not None and not output.parent.is_dir():
        _error(f"cannot write {output}: directory {output.parent} does not exist")
        raise typer.Exit(2)
    try:
        filters = ExportFilters(kind=kind, side=side, place=place, since=since, until=until)
    except ValueError as exc:
        _error(exc)
        raise typer.Exit(2) from exc
    with _open_store(db, must_exist=True) as store:
        try:
            if output is None:
                n = export(store, fmt, filters=filters, out=sys.stdout)
            else:
                n = export(store, fmt, filters=filters, path=output)
        except (OSError, ValueError) as exc:
            _error(exc)
            raise typer.Exit(1) from exc
    what = "features" if fmt == "geojson" else "rows"
    where = str(output) if output is not None else "standard output"
    Console(stderr=True).print(
        f"{n} {what} written to {where}", style="dim", highlight=False, markup=False
    )
