"""Command-line options shared by the `warclaims` commands (one definition each)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from warclaims.model import KINDS

DEFAULT_DB = "./warclaims.db"


def check_date(value: str | None) -> str | None:
    """A date option's value as an ISO date, or a usage error that shows the format."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-11-21"
        ) from exc


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help=f"Store: a SQLite file path or sqlite:///path URL (default: {DEFAULT_DB}).",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        callback=check_date,
        help="Publication date (YYYY-MM-DD) that relative dates ('yesterday') resolve against"
        " (default: a date in the file name, e.g. report_20251121.txt).",
    ),
]
MaxBytesOption = Annotated[
    int,
    typer.Option(
        metavar="BYTES",
        min=1,
        help="Skip (with an error) files larger than this many bytes.",
    ),
]
KindOption = Annotated[
    str | None, typer.Option(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        metavar="PLACE",
        help="A place (name or name as written) with claims about its oblast as a whole,"
        " or an oblast.",
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", callback=check_date, help="From this date (YYYY-MM-DD)."),
]
UntilOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", callback=check_date, help="Up to this date (YYYY-MM-DD)."),
]
