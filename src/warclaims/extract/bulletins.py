"""The Ukrainian General Staff's daily list of total enemy losses, as relayed in English.

    personnel ‒ about 1,163,130 (+1,090) persons,
    tanks ‒ 11,380 (+3),

Each line with a "(+N)" increment is one claim: the day's increment is the claimed figure, the
running total goes in `Quantity.total`. The format is fixed, so a line grammar (not the parser)
reads it; the category words come from the lexicon like everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.dates import resolve_date
from warclaims.model import Claim, Claimant, DateRef, Quantity, Span

_LINE = re.compile(
    r"^[ \t•*-]*(?P<label>[A-Za-z][A-Za-z /()'’,.-]{1,60}?)\s*[‒–—:-]+\s*"
    r"(?P<approx>(?:about|approximately|around|some)\s+)?"
    r"(?P<total>\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*|\d+)\s*"
    r"(?:\(\s*\+\s*(?P<increment>\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*|\d+)\s*\))?",
    re.MULTILINE,
)
_AS_OF = re.compile(
    r"(?i)\b(?:as of|on)\s+((?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_RANGE_END = re.compile(r"(?i)\bto\s+(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b")
_MIN_LINES = 3  # one "tanks - 5" line is prose; a list of them is the bulletin
_GENERAL_STAFF = Claimant(
    mention=None,
    name="General Staff of the Armed Forces of Ukraine",
    type="official",
    side="UA",
)

# label words → (kind, category, unit); the first matching key wins, longest keys first
_CATEGORIES: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("personnel", ("casualties", "casualties", "personnel")),
    ("armoured combat vehicle", ("equipment_loss", "afv", "equipment")),
    ("armored combat vehicle", ("equipment_loss", "afv", "equipment")),
    ("armoured personnel", ("equipment_loss", "afv", "equipment")),
    ("artillery", ("equipment_loss", "artillery", "equipment")),
    ("mlrs", ("equipment_loss", "mlrs", "equipment")),
    ("multiple rocket", ("equipment_loss", "mlrs", "equipment")),
    ("air defen", ("equipment_loss", "air_defense", "equipment")),
    ("anti-aircraft", ("equipment_loss", "air_defense", "equipment")),
    ("helicopter", ("equipment_loss", "helicopters", "equipment")),
    ("aircraft", ("equipment_loss", "aircraft", "equipment")),
    ("plane", ("equipment_loss", "aircraft", "equipment")),
    ("uav", ("equipment_loss", "uav", "equipment")),
    ("drone", ("equipment_loss", "uav", "equipment")),
    ("missile", ("equipment_loss", "missiles", "equipment")),
    ("submarine", ("equipment_loss", "ships", "equipment")),
    ("warship", ("equipment_loss", "ships", "equipment")),
    ("ship", ("equipment_loss", "ships", "equipment")),
    ("boat", ("equipment_loss", "ships", "equipment")),
    ("vehicles and fuel", ("equipment_loss", "vehicles", "equipment")),
    ("automotive", ("equipment_loss", "vehicles", "equipment")),
    ("vehicle", ("equipment_loss", "vehicles", "equipment")),
    ("special equipment", ("equipment_loss", "special_equipment", "equipment")),
    ("tank", ("equipment_loss", "tanks", "equipment")),
)


@dataclass(frozen=True, slots=True)
class BulletinLine:
    start: int  # the line's characters in the text
    end: int
    anchor: tuple[int, int]
    kind: str
    category: str
    unit: str
    total: float
    increment: float | None
    approx: bool


def _number(text: str) -> float:
    return float(re.sub(r"[ ,.\u00a0\u202f]", "", text))


def _category(label: str) -> tuple[str, str, str] | None:
    low = label.lower()
    for key, value in _CATEGORIES:
        if key in low:
            return value
    return None


def bulletin_lines(text: str, body_start: int = 0) -> list[BulletinLine]:
    """The loss lines of a General Staff list, or [] when the text is not one."""
    lines = []
    for m in _LINE.finditer(text, body_start):
        category = _category(m.group("label"))
        if category is None:
            continue
        increment = m.group("increment")
        end = text.find("\n", m.start())
        lines.append(
            BulletinLine(
                start=m.start("label"),
                end=len(text) if end < 0 else end,
                anchor=(m.start("total"), m.end()),
                kind=category[0],
                category=category[1],
                unit=category[2],
                total=_number(m.group("total")),
                increment=_number(increment) if increment else None,
                approx=bool(m.group("approx")),
            )
        )
    return lines if len(lines) >= _MIN_LINES else []


def bulletin_date(text: str, published: str | None) -> DateRef | None:
    """The day a bulletin reports: 'from 24.02.22 to 24.11.25', 'as of November 24'."""
    end = _RANGE_END.search(text)
    if end is not None:
        day, month, year = end.groups()
        year = ("20" + year) if len(year) == 2 else year
        return resolve_date(f"{year}-{int(month):02d}-{int(day):02d}", published)
    as_of = _AS_OF.search(text[:600])
    if as_of is not None:
        date = resolve_date(as_of.group(1), published)
        if date.start is not None:
            return date
    return None


def bulletin_claims(text: str, body_start: int, published: str | None) -> list[Claim]:
    """One claim per line that reports the day's increment."""
    lines = bulletin_lines(text, body_start)
    if not lines:
        return []
    date = bulletin_date(text, published)
    claims = []
    for line in lines:
        if line.increment is None:
            continue  # no new losses claimed on this line today
        quantity = Quantity(
            value=line.increment,
            low=line.increment,
            high=line.increment,
            hedge="exact",
            unit=line.unit,
            total=line.total,
        )
        claims.append(
            Claim(
                kind=line.kind,  # type: ignore[arg-type]
                category=line.category,
                side="RU",
                quantity=quantity,
                date=date,
                claimant=_GENERAL_STAFF.model_copy(),
                certainty="asserted",
                evidence=Span(start=line.start, end=line.end),
                anchor=Span(start=line.anchor[0], end=line.anchor[1]),
            )
        )
    return claims
