"""`warclaims reference`: claims of losses against the General Staff and Oryx series."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from warclaims.cli_options import DbOption, SinceOption, UntilOption

if TYPE_CHECKING:
    from rich.table import Table

    from warclaims.reference import Count, ReferenceComparison


def register(app: typer.Typer) -> None:
    app.command(name="reference")(reference_cmd)


def reference_cmd(
    claim_id: Annotated[
        int | None,
        typer.Argument(
            metavar="[CLAIM_ID]",
            help="A stored claim's id (see `warclaims claims`); or select claims with the options.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    kind: Annotated[
        str | None,
        typer.Option(metavar="KIND", help="casualties or equipment_loss (default: both)."),
    ] = None,
    side: Annotated[
        str | None, typer.Option(metavar="SIDE", help="RU or UA: whose losses (default: both).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Set claims of losses against the reference series of the same period, as ratios.

    A claim of Russian personnel or equipment losses is set against the Ukrainian General
    Staff's claimed losses of the same days and Oryx's visually confirmed count (Ukrainian
    equipment losses: Oryx only). The period is the claim's date, else the day before its
    report; with CLAIM_ID, --since and --until set the period; without, they select claims.

    Example: warclaims reference 53 --since 2025-11-01 --until 2025-11-20
    """
    from warclaims.cli import _error, _open_store
    from warclaims.reference import (
        ReferenceDataError,
        ReferenceError,
        reference_for_claim_id,
        reference_for_filters,
    )

    if side is not None and side.upper() not in ("RU", "UA"):
        _error(f"unknown side {side!r}: expected RU or UA")
        raise typer.Exit(2)
    if claim_id is not None and (kind or side):
        _error("give a CLAIM_ID or --kind/--side filters, not both")
        raise typer.Exit(2)
    skipped = 0
    with _open_store(db, must_exist=True) as store:
        try:
            if claim_id is not None:
                results = [reference_for_claim_id(store, claim_id, since=since, until=until)]
            else:
                results, skipped = reference_for_filters(
                    store, kind=kind, side=side, since=since, until=until
                )
        except (ReferenceError, ReferenceDataError) as exc:
            _error(f"claim {claim_id}: {exc}" if claim_id is not None else exc)
            raise typer.Exit(2 if claim_id is None else 1) from exc
    if as_json:
        payload = {"comparisons": [r.to_dict() for r in results], "skipped": skipped}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    console = Console()
    if not results:
        console.print("no stored claims of losses match these filters", style="dim")
        return
    console.print(_table(results))
    notes = sorted({n for r in results for n in r.notes})
    for note in notes:
        console.print(f"note: {note}", style="dim", highlight=False, markup=False)
    if skipped:
        console.print(
            f"{skipped} selected claims have no reference series (e.g. Ukrainian personnel)",
            style="dim",
            highlight=False,
        )
    console.print(
        "Sources: General Staff of the Armed Forces of Ukraine via PetroIvaniuk/"
        "2022-Ukraine-Russia-War-Dataset (MIT); Oryx via scarnecchia/oryx_data (CC BY 4.0).",
        style="dim",
        highlight=False,
        markup=False,
    )


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _cell(count: Count | None, ratio: float | None) -> str:
    if count is None:
        return "—"
    if count.value is None:
        return f"n/a: {count.note}"
    out = _number(count.value)
    if ratio is not None:
        out += f"  ×{ratio:.2f}"
    return out + (f" ({count.note})" if count.note else "")


def _table(results: list[ReferenceComparison]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from warclaims.render import format_quantity

    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("claim", justify="right")
    table.add_column("claimant")
    table.add_column("figure")
    table.add_column("period")
    table.add_column("General Staff (claimed) × ratio")
    table.add_column("Oryx (confirmed) × ratio")
    for r in results:
        c = r.claim
        days = (r.end - r.start).days + 1
        period = f"{r.start}" if days == 1 else f"{r.start} – {r.end}"
        period += f"\n{days} day{'s' if days != 1 else ''}, from {r.period_from}"
        what = f"{c.side} {c.category or c.kind}"
        table.add_row(
            str(r.claim_id),
            Text(c.claimant.name or c.claimant.mention or "the report itself"),
            Text(f"{format_quantity(c.quantity, short=True)}\n{what}"),
            period,
            Text(_cell(r.general_staff, r.ratio(r.general_staff))),
            Text(_cell(r.oryx, r.ratio(r.oryx))),
        )
    return table
