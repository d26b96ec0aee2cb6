"""A comparison as JSON-ready dicts and as rich terminal panels."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warclaims.compare.contradictions import Contradiction
from warclaims.compare.engine import Comparison, Figures, GroupResult, Source
from warclaims.compare.load import ClaimRow

VERDICT_STYLES = {
    "contradiction": "bold red",
    "range": "bold yellow",
    "agree": "bold green",
    "single": "dim",
}
SHOWN_CONTRADICTIONS = 6
_HEDGE_WORDS = {
    "approx": "about ",
    "up_to": "up to ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def figure_text(claim: ClaimRow) -> str:
    """'up to 3,000 personnel', '20–30 personnel', '—' for a claim without a figure."""
    if claim.value is None:
        return "—"
    unit = f" {claim.unit}" if claim.unit else ""
    if claim.hedge == "range" and claim.low is not None and claim.high is not None:
        return f"{number(claim.low)}–{number(claim.high)}{unit}"
    return f"{_HEDGE_WORDS.get(claim.hedge or '', '')}{number(claim.value)}{unit}"


# -- JSON ---------------------------------------------------------------------------------------


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def claim_dict(claim: ClaimRow, evidence: dict[int, str]) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "outlet": claim.outlet,
        "published": claim.published,
        "kind": claim.kind,
        "category": claim.category,
        "side": claim.side,
        "quantity": None
        if claim.value is None
        else {
            "value": _num(claim.value),
            "low": _num(claim.low),
            "high": _num(claim.high),
            "hedge": claim.hedge,
            "unit": claim.unit,
        },
        "figure": figure_text(claim),
        "date": {"start": claim.date_start, "end": claim.date_end},
        "certainty": claim.certainty,
        "claimant": {
            "name": claim.claimant_name,
            "mention": claim.claimant_mention,
            "type": claim.claimant_type,
            "side": claim.claimant_side,
        },
        "places": [p.name or p.mention for p in claim.places],
        "evidence": evidence.get(claim.claim_id),
    }


def group_dict(result: GroupResult, number_: int, evidence: dict[int, str]) -> dict[str, Any]:
    group = result.group
    start, end = group.window()
    return {
        "group": number_,
        "verdict": result.verdict,
        "kind": group.kind,
        "category": group.family or None,
        "places": [p.display for p in group.places],
        "admin1": group.admin1,
        "window": {"start": start, "end": end},
        "n_sources": result.n_sources,
        "n_reports": result.n_reports,
        "n_claims": len(group.members),
        "sources": [_source_dict(s, evidence) for s in result.sources],
        "figures": [_figures_dict(f) for f in result.figures],
        "contradictions": [_contradiction_dict(c, evidence) for c in result.contradictions],
    }


def _source_dict(source: Source, evidence: dict[int, str]) -> dict[str, Any]:
    first = source.claimant
    return {
        "outlets": source.outlets,
        "doc_ids": source.doc_ids,
        "claimant": first.claimant,
        "claimant_type": first.claimant_type,
        "claimant_side": first.claimant_side,
        "claims": [claim_dict(c, evidence) for c in source.claims],
    }


def _figures_dict(figures: Figures) -> dict[str, Any]:
    s = figures.summary
    return {
        "side": figures.side,
        "category": figures.category,
        "unit": figures.unit,
        "low": _num(s.low),
        "best": _num(s.best),
        "high": _num(s.high),
        "sources_agree": s.agree,
        "n_sources": s.n_sources,
        "claim_ids": [c.claim_id for c in figures.claims],
    }


def _contradiction_dict(c: Contradiction, evidence: dict[int, str]) -> dict[str, Any]:
    return {
        "type": c.type,
        "reason": c.reason,
        "a": claim_dict(c.a, evidence),
        "b": claim_dict(c.b, evidence),
    }


def comparison_dict(comparison: Comparison, limit: int | None = None) -> dict[str, Any]:
    f = comparison.filters
    counts = comparison.verdict_counts()
    shown = comparison.groups[:limit]
    return {
        "filters": {
            "kind": f.kind,
            "place": f.place,
            "since": f.since,
            "until": f.until,
            "window_days": f.window_days,
        },
        "n_claims": comparison.n_claims,
        "n_groups": len(comparison.groups),
        "verdicts": counts,
        "groups": [group_dict(r, i, comparison.evidence) for i, r in enumerate(shown, 1)],
    }


# -- terminal -----------------------------------------------------------------------------------


def group_panel(result: GroupResult, number_: int, evidence: dict[int, str]) -> Panel:
    group = result.group
    start, end = group.window()
    when = "undated" if start is None else (start if start == end else f"{start} – {end}")
    places = ", ".join(p.display for p in group.places)
    title = Text.assemble(
        (f"#{number_} ", "dim"),
        (group.kind, "bold"),
        (f" · {group.family}" if group.family else "", ""),
        f" · {places} · {when} · ",
        (result.verdict.upper(), VERDICT_STYLES[result.verdict]),
    )
    parts: list[RenderableType] = [_sources_table(result)]
    for figures in result.figures:
        parts.append(_figures_line(figures))
    for c in result.contradictions[:SHOWN_CONTRADICTIONS]:
        parts.append(_contradiction_block(c, evidence))
    hidden = len(result.contradictions) - SHOWN_CONTRADICTIONS
    if hidden > 0:
        parts.append(Text(f"… {hidden} more contradictions (--json lists them all)", style="dim"))
    return Panel(RichGroup(*parts), title=title, title_align="left", box=box.ROUNDED)


def _sources_table(result: GroupResult) -> Table:
    table = Table(box=box.SIMPLE, pad_edge=False, show_edge=False)
    table.add_column("outlets")
    table.add_column("claimant")
    table.add_column("side")
    table.add_column("figure")
    table.add_column("certainty")
    table.add_column("claim", justify="right", style="dim")
    for source in result.sources:
        outlets = ", ".join(source.outlets)
        for claim in source.claims:
            who = claim.claimant + (f" ({claim.claimant_side})" if claim.claimant_side else "")
            category = f" {claim.category}" if claim.category else ""
            table.add_row(
                Text(outlets),
                Text(who),
                Text(claim.side or "—"),
                Text(figure_text(claim) + category),
                Text(claim.certainty, style="red" if claim.certainty == "denied" else ""),
                str(claim.claim_id),
            )
            outlets = ""
    return table


def _figures_line(figures: Figures) -> Text:
    s = figures.summary
    what = " ".join(x for x in (figures.side, figures.category, figures.unit) if x)
    if s.n_sources == 1:
        n = "1 source"
    else:
        n = f"{s.n_sources} sources, " + ("they agree" if s.agree else "they disagree")
    return Text.assemble(
        ("figures ", "dim"),
        (what or "—", "bold"),
        f": low {number(s.low)} · best ",
        (number(s.best), "bold"),
        f" · high {number(s.high)}  ({n})",
    )


def _contradiction_block(c: Contradiction, evidence: dict[int, str]) -> Text:
    text = Text.assemble(("✗ ", "bold red"), (c.type, "bold red"), f": {c.reason}\n")
    for label, claim in (("A", c.a), ("B", c.b)):
        quote = (evidence.get(claim.claim_id) or "").replace("\n", " ").strip()
        text.append(f"  {label} ", style="bold")
        text.append(f"{claim.outlet} · {claim.claimant}: ", style="dim")
        text.append(f"“{quote}”\n")
    text.rstrip()
    return text
