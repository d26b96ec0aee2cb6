"""Terminal rendering: claim cards per report and a table of stored claims (rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warclaims.model import Claim, Document, Quantity

KIND_STYLES = {
    "casualties": "bold red",
    "equipment_loss": "bold dark_orange",
    "troop_strength": "bold blue",
    "territorial_control": "bold green",
    "encirclement": "bold magenta",
    "fighting": "bold yellow",
    "strike": "bold cyan",
}
_HEDGE_WORDS = {
    "exact": "",
    "approx": "about ",
    "up_to": "up to ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def format_quantity(q: Quantity | None, *, short: bool = False) -> str:
    """'up to 3,000 personnel [up_to]', '20,000–25,000 personnel (range)';
    `short` leaves out the hedge code ('up to 3,000 personnel')."""
    if q is None:
        return "—"
    unit = f" {q.unit}" if q.unit else ""
    if q.hedge == "range" and q.low is not None and q.high is not None:
        figure = f"{format_number(q.low)}–{format_number(q.high)}{unit}"
        return figure if short else f"{figure} (range)"
    figure = f"{_HEDGE_WORDS[q.hedge]}{format_number(q.value)}{unit}"
    return figure if short else f"{figure} [{q.hedge}]"


def format_claimant(claim: Claim) -> str:
    c = claim.claimant
    who = c.name or c.mention or "the report itself"
    parts = [f"{who} ({c.type}{', ' + c.side if c.side else ''})"]
    parts.extend(c.via)
    return " → via ".join(parts)


def _evidence_text(text: str, claim: Claim) -> Text:
    ev = claim.evidence
    out = Text(text[ev.start : ev.end].replace("\n", " "))
    if claim.anchor is not None and ev.start <= claim.anchor.start <= claim.anchor.end <= ev.end:
        out.stylize("bold reverse", claim.anchor.start - ev.start, claim.anchor.end - ev.start)
    return out


def claim_card(doc: Document, n: int, claim: Claim) -> Panel:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right")
    grid.add_column()
    places = ", ".join(
        (p.name or p.mention) + ("" if p.name else " (unresolved)") for p in claim.places
    )
    date = "—"
    if claim.date is not None:
        date = f"{claim.date.start or 'unresolved'}"
        if claim.date.mention:
            date += f"  ({claim.date.mention})"
    # Text, not str: report text such as "[draft]" must not be read as rich markup.
    grid.add_row("figure", Text(format_quantity(claim.quantity)))
    grid.add_row("side", Text(claim.side or "—"))
    grid.add_row("places", Text(places or "—"))
    grid.add_row("date", Text(date))
    grid.add_row("claimant", Text(format_claimant(claim)))
    grid.add_row("certainty", Text(claim.certainty))
    grid.add_row("evidence", _evidence_text(doc.text, claim))
    title = f"{n}. {claim.kind}" + (f" · {claim.category}" if claim.category else "")
    return Panel(grid, title=Text(title, style=KIND_STYLES[claim.kind]), title_align="left")


def render_document(console: Console, doc: Document, source: str | None = None) -> None:
    """All claim cards and flags of one report."""
    head = Text(doc.title or source or doc.doc_id, style="bold")
    published = doc.published or "unknown"
    meta = f"  {source or ''} · doc {doc.doc_id} · {doc.language} · published {published}"
    console.rule(head)
    console.print(Text(meta, style="dim"), highlight=False)
    if not doc.claims:
        console.print("  no claims found", style="dim")
    for n, claim in enumerate(doc.claims, 1):
        console.print(claim_card(doc, n, claim))
    if doc.flags:
        lines = []
        for flag in doc.flags:
            label = flag.code + (f" ({flag.technique})" if flag.technique else "")
            lines.append(Text.assemble(("⚑ " + label, "bold yellow"), "  ", flag.message))
        console.print(
            Panel(Group(*lines), title="flags", title_align="left", border_style="yellow")
        )


# (name, no_wrap): ids, kinds, sides and certainty stay whole; the rest wraps when narrow.
_TABLE_COLUMNS = (
    ("id", True),
    ("kind", True),
    ("side", True),
    ("figure", False),
    ("places", False),
    ("claimant", False),
    ("certainty", True),
)


def _short_claimant(claim: Claim) -> str:
    c = claim.claimant
    return f"{c.name or c.mention or 'the report itself'} ({c.type})"


def claims_table(rows: Sequence) -> Table:
    """Stored claims (store.StoredClaim rows) as one table that fits a narrow terminal
    (`claims --json` has the document ids and every field)."""
    table = Table(title=f"{len(rows)} claims", box=box.SIMPLE_HEAD, pad_edge=False, padding=0)
    for name, no_wrap in _TABLE_COLUMNS:
        table.add_column(name, no_wrap=no_wrap)
    for row in rows:
        c: Claim = row.claim
        kind = Text(c.kind, style=KIND_STYLES[c.kind])
        if c.category:
            kind.append(f"\n{c.category}", style="dim")
        table.add_row(
            Text(str(row.claim_id)),
            kind,
            Text(c.side or "—"),
            Text(format_quantity(c.quantity, short=True)),
            Text(", ".join(p.name or p.mention for p in c.places) or "—"),
            Text(_short_claimant(c)),
            Text(c.certainty),
        )
    return table
