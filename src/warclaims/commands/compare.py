"""`warclaims compare`: claims about the same thing side by side, with verdicts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from warclaims.cli_options import (
    DbOption,
    KindOption,
    PlaceOption,
    SinceOption,
    UntilOption,
)

if TYPE_CHECKING:
    from warclaims.compare import Comparison

_VERDICTS = ("contradiction", "range", "agree", "single")


def register(app: typer.Typer) -> None:
    app.command(name="compare")(compare_cmd)


def compare_cmd(
    db: DbOption = None,
    kind: KindOption = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    window: Annotated[
        int,
        typer.Option(
            metavar="DAYS",
            min=0,
            help="Date tolerance: an undated claim covers the DAYS before its report, and"
            " claims at most DAYS apart speak of the same time.",
        ),
    ] = 3,
    verdict: Annotated[
        str | None,
        typer.Option(
            metavar="VERDICT", help=f"Only groups with this verdict: {', '.join(_VERDICTS)}."
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option(metavar="N", min=0, help="Show the first N groups (0: all).")
    ] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the comparison as one JSON object.")
    ] = False,
) -> None:
    """Group stored claims that speak of the same thing and compare their sources.

    Per group: the sources (a story carried by several outlets counts once), their figures
    with hedges, low/best/high, contradictions with both claims' evidence, and a verdict:
    contradiction, range, agree or single (nothing to compare). Contradictions come first.

    Example: warclaims compare --place Kupiansk --since 2025-11-15 --until 2025-11-25
    """
    from warclaims.cli import _error, _open_store
    from warclaims.compare import CompareFilters, add_details, compare
    from warclaims.compare.output import comparison_dict

    if verdict is not None and verdict not in _VERDICTS:
        _error(f"unknown verdict {verdict!r}: expected one of {', '.join(_VERDICTS)}")
        raise typer.Exit(2)
    try:
        filters = CompareFilters(
            kind=kind, place=place, since=since, until=until, window_days=window
        )
    except ValueError as exc:
        _error(exc)
        raise typer.Exit(2) from exc
    shown = None if limit == 0 else limit
    with _open_store(db, must_exist=True) as store:
        comparison = compare(store, filters)
        if verdict is not None:
            comparison.keep_verdict(verdict)
        add_details(store, comparison, shown)
        # precomputed groups are read from the store as they are shown: print before closing
        if as_json:
            payload = comparison_dict(comparison, shown)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return
        _print_table(comparison, shown)


def _print_table(comparison: Comparison, shown: int | None) -> None:
    from rich.console import Console

    from warclaims.compare.output import group_panel

    console = Console()
    counts = comparison.verdict_counts()
    summary = ", ".join(f"{n} {v}" for v, n in counts.items() if n)
    total = len(comparison.groups)
    console.print(
        f"{comparison.n_claims} claims read · {total} groups" + (f": {summary}" if summary else ""),
        highlight=False,
        markup=False,
    )
    if not comparison.groups:
        console.print("no stored claims match these filters", style="dim", highlight=False)
        return
    for number, result in enumerate(comparison.groups[:shown], 1):
        console.print(group_panel(result, number, comparison.evidence))
    if shown is not None and total > shown:
        console.print(
            f"… {total - shown} more groups (--limit 0 shows all)", style="dim", highlight=False
        )
