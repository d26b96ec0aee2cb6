"""The Ukrainian General Staff's daily list of enemy losses, in Ukrainian or Russian:

    Загальні бойові втрати противника з 24.02.22 по 20.11.25 орієнтовно склали:
    особового складу ‒ близько 1163070 (+1130) осіб,
    танків ‒ 11357 (+2) од,
    …

Each line is one claim: casualties (personnel) or equipment_loss (its category), the daily
increment "(+N)" as the figure, the side opposite the General Staff, the date of the list.
The cumulative total is not part of the claim model; see `BulletinLine.total`.
(The Russian MoD's summary by group of forces is ordinary prose and goes through the sentence
extractor: "Потери ВСУ составили до 230 военнослужащих, танк, три ББМ".)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.extract.slavic.dates import numeric_date
from warclaims.extract.slavic.lexicon import SlavicLexicon, UnitInfo
from warclaims.extract.slavic.text import tokenize
from warclaims.model import Claim, Claimant, DateRef, Quantity, Span

GENERAL_STAFF = Claimant(
    mention=None, name="General Staff of the Armed Forces of Ukraine", type="official", side="UA"
)
MIN_LINES = 3
_LINE = re.compile(
    r"^[^\w\n]*(?P<label>[^\d\n]{2,80}?)\s*[‒–—:\-−]+\s*"
    r"(?:(?:близько|около|приблизно|орієнтовно|ориентировочно)\s+)?"
    r"(?P<total>\d{1,3}(?:[ \u00a0\u202f]?\d{3})*|\d+)\s*"
    r"\(\s*\+\s*(?P<inc>\d[\d \u00a0]*)\s*\)[^\n]*$",
    re.MULTILINE,
)
_HEADER = re.compile(
    r"(?:втрати|потери)\s+(?:противника|ворога|врага|окупантів|россии|росії)[^\n]*?"
    r"(?:з|с)\s+(?P<from>\d{1,2}\.\d{1,2}\.\d{2,4})\s+(?:по|до)\s+(?P<to>\d{1,2}\.\d{1,2}\.\d{2,4})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class BulletinLine:
    claim: Claim
    total: int  # the cumulative figure the line also states


def _unit(label: str, lex: SlavicLexicon) -> UnitInfo | None:
    tokens = tokenize(label, "uk")
    for i in range(len(tokens)):
        hit = lex.units.match(tokens, i)
        if hit is not None and hit[1].group in ("personnel", "equipment"):
            return hit[1]
    return None


def general_staff_lines(
    text: str, lex: SlavicLexicon, body_start: int, published: str | None
) -> list[BulletinLine]:
    """The lines of a General Staff loss list, or [] when the text has none."""
    header = _HEADER.search(text, body_start)
    date = None
    if header is not None:
        day = numeric_date(header.group("to"))
        if day is not None:
            date = DateRef(
                mention=header.group("to"),
                start=day.isoformat(),
                end=day.isoformat(),
                precision="day",
            )
    if date is None and published:
        date = DateRef(mention=None, start=published[:10], end=published[:10], precision="day")
    lines: list[BulletinLine] = []
    for m in _LINE.finditer(text, body_start):
        unit = _unit(m.group("label"), lex)
        if unit is None:
            continue
        inc = int(re.sub(r"\D", "", m.group("inc")))
        total = int(re.sub(r"\D", "", m.group("total")))
        personnel = unit.group == "personnel"
        start, end = m.start(), m.end()
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and text[end - 1] in ",.; \t":
            end -= 1
        claim = Claim(
            kind="casualties" if personnel else "equipment_loss",
            category="casualties" if personnel else unit.name,
            side="RU",
            quantity=Quantity(
                value=inc,
                low=inc,
                high=inc,
                hedge="exact",
                unit="personnel" if personnel else "equipment",
            ),
            places=[],
            date=date,
            claimant=GENERAL_STAFF,
            certainty="asserted",
            evidence=Span(start=start, end=end),
            anchor=Span(start=m.start("total"), end=text.find(")", m.end("inc")) + 1),
        )
        lines.append(BulletinLine(claim, total))
    return lines if len(lines) >= MIN_LINES else []
