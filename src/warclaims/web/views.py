"""What the templates show: claim cards, flags and a report's metadata as plain strings.

Nothing here is HTML: templates escape every string they print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from warclaims.model import Claim, DateRef, Document, Flag, Place
from warclaims.render import format_claimant, format_quantity
from warclaims.web.highlight import Run, runs

KIND_LABELS: dict[str, str] = {
    "casualties": "casualties",
    "equipment_loss": "equipment loss",
    "troop_strength": "troop strength",
    "territorial_control": "territorial control",
    "encirclement": "encirclement",
    "fighting": "fighting",
    "strike": "strike",
}
HEDGE_LABELS: dict[str, str] = {
    "exact": "exact",
    "approx": "approximate",
    "up_to": "upper bound: “up to”",
    "at_least": "lower bound: “at least”",
    "at_most": "upper bound: “at most”",
    "range": "range",
}
SIDE_LABELS = {"RU": "RU (Russian side)", "UA": "UA (Ukrainian side)"}


@dataclass(frozen=True, slots=True)
class Card:
    index: int
    number: int
    kind: str
    kind_label: str
    category: str | None
    figure: str
    hedge: str | None
    side: str
    places: list[str]
    date: str
    claimant: str
    certainty: str
    evidence: str
    claim_id: int | None = None


@dataclass(frozen=True, slots=True)
class FlagView:
    index: int
    code: str
    technique: str | None
    message: str
    quotes: list[str]


@dataclass(frozen=True, slots=True)
class ReportView:
    doc: Document
    runs: list[Run]
    cards: list[Card]
    flags: list[FlagView]
    link: str | None
    kinds: list[str] = field(default_factory=list)


def place_label(place: Place) -> str:
    if place.name is None:
        return f"{place.mention} (unresolved)"
    label = place.name if place.name == place.mention else f"{place.name} (“{place.mention}”)"
    return f"{label}, {place.admin1}" if place.admin1 and place.admin1 != place.name else label


def date_label(date: DateRef | None, published: str | None) -> str:
    if date is None or date.start is None:
        said = f" (“{date.mention}”, unresolved)" if date is not None and date.mention else ""
        return f"report date {published}{said}" if published else f"unknown{said}"
    span = date.start if date.end in (None, date.start) else f"{date.start} – {date.end}"
    extra = [x for x in (date.precision, f"“{date.mention}”" if date.mention else None) if x]
    return f"{span} ({', '.join(extra)})" if extra else span


def figure_label(claim: Claim) -> tuple[str, str | None]:
    """('up to 3,000 personnel', 'upper bound (up to)'), or ('no figure', None)."""
    if claim.quantity is None:
        return "no figure", None
    return format_quantity(claim.quantity, short=True), HEDGE_LABELS[claim.quantity.hedge]


def card(doc: Document, index: int, claim: Claim, claim_id: int | None = None) -> Card:
    figure, hedge = figure_label(claim)
    evidence = claim.evidence.slice(doc.text).strip()
    return Card(
        index=index,
        number=index + 1,
        kind=claim.kind,
        kind_label=KIND_LABELS[claim.kind],
        category=claim.category,
        figure=figure,
        hedge=hedge,
        side=SIDE_LABELS.get(claim.side or "", "not stated"),
        places=[place_label(p) for p in claim.places],
        date=date_label(claim.date, doc.published),
        claimant=format_claimant(claim),
        certainty=claim.certainty,
        evidence=evidence,
        claim_id=claim_id,
    )


def flag_view(doc: Document, index: int, flag: Flag) -> FlagView:
    quotes = [span.slice(doc.text) for span in flag.evidence if span.start < span.end]
    return FlagView(index, flag.code, flag.technique, flag.message, quotes)


def safe_link(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None (never a javascript: or data: link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def report_view(doc: Document, claim_ids: Sequence[int] | None = None) -> ReportView:
    ids = list(claim_ids or [])
    cards = [
        card(doc, i, claim, ids[i] if i < len(ids) else None) for i, claim in enumerate(doc.claims)
    ]
    flags = [flag_view(doc, i, flag) for i, flag in enumerate(doc.flags)]
    kinds = sorted({claim.kind for claim in doc.claims}, key=list(KIND_LABELS).index)
    return ReportView(
        doc, runs(doc.text, doc.claims, doc.flags), cards, flags, safe_link(doc.url), kinds
    )
