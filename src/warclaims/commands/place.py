"""`warclaims place NAME`: how the gazetteer reads a place name, every candidate with its score."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from warclaims.places import Ranked

MAX_NAME = 200


def register(app: typer.Typer) -> None:
    app.command(name="place")(place_cmd)


def place_cmd(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="A place name as written, in any script.")
    ],
    context: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help="Text around the mention: oblasts, raions and places it names decide among"
            " namesakes (e.g. 'fighting near Kupiansk in Kharkiv Oblast').",
        ),
    ] = None,
    oblast: Annotated[
        str | None, typer.Option(metavar="OBLAST", help="An oblast the place is in.")
    ] = None,
    raion: Annotated[
        str | None, typer.Option(metavar="RAION", help="A raion the place is in.")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", min=1, help="Show at most N candidates.")] = 10,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the reading as one JSON object.")
    ] = False,
) -> None:
    """Resolve a place name and list its candidates with scores, for users and debugging.

    Accepts any spelling: national or Russian-style romanisation, Ukrainian or Russian
    Cyrillic, inflected forms ("в Купянске"), oblasts ("Kharkiv region"), raions ("Kupiansk
    district"), regions ("Donbas") and directions ("Pokrovsk direction"). Exits with 1 when
    nothing matches.

    Example: warclaims place Kucherivka --context "Kupiansk district, Kharkiv Oblast"
    """
    from warclaims.cli import _error
    from warclaims.places import place_from, rank_mention

    if not name.strip() or len(name) > MAX_NAME:
        _error(f"NAME must be 1 to {MAX_NAME} characters of a place name")
        raise typer.Exit(2)
    for label, value in (("--oblast", oblast), ("--raion", raion)):
        if value is not None and not value.strip():
            _error(f"{label} is empty")
            raise typer.Exit(2)
    ranked = rank_mention(name, oblast=oblast, raion=raion, context=context)
    place = place_from(name, ranked)
    if as_json:
        payload = _payload(name, context, ranked, place.model_dump(mode="json"), limit)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console

        _render(Console(), name, ranked, place.model_dump(mode="json"), limit)
    if not ranked.entries:
        raise typer.Exit(1)


def _candidate(entry: Any, score: float) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "precision": entry.precision,
        "type": entry.type or None,
        "hromada": entry.hromada or None,
        "raion": entry.raion or None,
        "oblast": entry.admin1,
        "lat": entry.lat,
        "lon": entry.lon,
        "population": entry.population or None,
        "name_uk": entry.name_uk or None,
        "name_ru": entry.name_ru or None,
        "katottg": entry.katottg or None,
        "score": score,
    }


def _payload(
    name: str, context: str | None, ranked: Ranked, place: dict[str, Any], limit: int
) -> dict[str, Any]:
    return {
        "query": name,
        "context": context,
        "found_by": ranked.stage or None,
        "place": place,
        "candidates": [
            _candidate(e, s)
            for e, s in zip(ranked.entries[:limit], ranked.scores[:limit], strict=True)
        ],
        "candidates_total": len(ranked.entries),
    }


def _render(console: Console, name: str, ranked: Ranked, place: dict[str, Any], limit: int) -> None:
    from rich.table import Table
    from rich.text import Text

    if not ranked.entries:
        console.print(Text.assemble(("no place found for ", "bold"), repr(name)), soft_wrap=True)
        return
    where = (
        f"{place['lat']:.5f}, {place['lon']:.5f}" if place["lat"] is not None else "no coordinates"
    )
    if place["name"] is None:
        head = Text.assemble(
            (repr(name), "bold"),
            " → undecided: only a former or other name of ",
            (f"{len(ranked.entries)} places", "bold"),
            "; the context does not say which",
        )
    else:
        head = Text.assemble(
            (repr(name), "bold"),
            " → ",
            (place["name"], "bold green"),
            f" ({place['gazetteer_id']}) · {place['admin1'] or '—'} · {where} · "
            f"{place['precision']} · confidence {place['confidence']:.2f} · found: "
            f"{ranked.stage}",
        )
    console.print(head, soft_wrap=True)
    table = Table(show_edge=False, pad_edge=False)
    for column in (
        "#",
        "score",
        "id",
        "name",
        "type",
        "hromada / raion",
        "oblast",
        "lat, lon",
        "pop.",
    ):
        table.add_column(column, justify="right" if column in ("#", "score", "pop.") else "left")
    shown = list(zip(ranked.entries[:limit], ranked.scores[:limit], strict=True))
    for number, (entry, score) in enumerate(shown, 1):
        point = f"{entry.lat:.3f}, {entry.lon:.3f}" if entry.lat is not None else "—"
        area = " / ".join(x for x in (entry.hromada, entry.raion) if x) or "—"
        table.add_row(
            str(number),
            f"{score:.2f}",
            entry.id,
            Text(entry.name + (f" ({entry.name_uk})" if entry.name_uk else "")),
            entry.type or entry.precision,
            Text(area),
            entry.admin1 or "—",
            point,
            f"{entry.population:,}" if entry.population else "—",
        )
    console.print(table)
    if len(ranked.entries) > limit:
        console.print(
            f"… {len(ranked.entries) - limit} more candidates (--limit N shows more)",
            style="dim",
            highlight=False,
        )
