"""self_reported_losses: a claimant of one side quoted reporting heavy losses or a failure of
its own side, which is unusual enough to double-check the side attribution."""

from __future__ import annotations

import re

from warclaims.checks._text import quote_text, spell_quantity
from warclaims.model import Claim, Document, Flag

LARGE_PERSONNEL = 100  # own casualties at least this large are "heavy"
LARGE_EQUIPMENT = 50  # own equipment losses at least this large are "heavy"

_HEAVY = re.compile(
    r"\b(?:catastrophic|disastrous|devastating|disarray|decimated|routed|annihilated|"
    r"wiped out|collapse[ds]?|collapsing|(?:heavy|huge|massive|enormous|significant|serious|"
    r"severe|colossal|staggering) (?:losses|casualties|toll))\b",
    re.IGNORECASE,
)
# A side reporting its own civilians killed by the other side admits nothing: casualties whose
# figure is followed by one of these words are not counted as the side's own losses.
_CIVILIAN = re.compile(
    r"\b(?:civilians?|people|persons|residents|inhabitants|citizens|children|bodies|"
    r"women|pensioners|passengers|victims)\b",
    re.IGNORECASE,
)
CIVILIAN_WINDOW = 40  # characters after the figure searched for a civilian word
_SIDES = {"RU": "Russian", "UA": "Ukrainian"}


def _large(claim: Claim) -> bool:
    q = claim.quantity
    if q is None or q.unit == "percent":
        return False
    figure = max(v for v in (q.value, q.low, q.high) if v is not None)
    if claim.kind == "equipment_loss" or q.unit == "equipment":
        return figure >= LARGE_EQUIPMENT
    return figure >= LARGE_PERSONNEL


def _civilian(doc: Document, claim: Claim) -> bool:
    """Whether a casualties claim counts civilians ("440 bodies", "20,000 people killed")."""
    if claim.kind != "casualties":
        return False
    if claim.anchor is not None:
        window = doc.text[claim.anchor.start : claim.anchor.end + CIVILIAN_WINDOW]
    else:
        window = claim.evidence.slice(doc.text)
    return _CIVILIAN.search(window) is not None


def _own_failure(doc: Document, claim: Claim) -> str | None:
    """What the claim admits about its claimant's own side, or None."""
    own = claim.claimant.side
    if own not in _SIDES or claim.side is None:
        return None
    heavy = _HEAVY.search(claim.evidence.slice(doc.text))
    described = f", described as “{heavy.group()}”" if heavy else ""
    denied = claim.certainty == "denied"
    what = claim.kind.replace("_", " ")
    if claim.kind in ("casualties", "equipment_loss") and claim.side == own and not denied:
        if (_large(claim) or heavy) and not _civilian(doc, claim):
            figure = f"{spell_quantity(claim.quantity)} " if claim.quantity is not None else ""
            category = f" ({claim.category})" if claim.category else ""
            return f"{figure}{_SIDES[own]} {what}{category}{described}"
    elif claim.kind == "territorial_control" and claim.category == "captured":
        if claim.side != own and not denied and heavy:
            return f"ground taken by the other side{described}"
        if claim.side == own and denied:
            return f"it denies a {_SIDES[own]} capture"
    elif claim.kind == "encirclement" and claim.side == own and claim.certainty == "asserted":
        # "allegedly encircled" in an own-side voice repeats the other side's claim
        return f"{_SIDES[own]} forces encircled"
    return None


def check(doc: Document) -> list[Flag]:
    """One flag per evidence span where a side reports its own losses or failure."""
    flags: list[Flag] = []
    seen: set[tuple[int, int]] = set()
    for claim in doc.claims:
        why = _own_failure(doc, claim)
        where = (claim.evidence.start, claim.evidence.end)
        if why is None or where in seen:
            continue
        seen.add(where)
        claimant = claim.claimant
        who = claimant.name or (quote_text(claimant.mention) if claimant.mention else "not named")
        if claimant.type == "anonymous" and claimant.name is None:
            who = f"an unnamed source, {who}" if claimant.mention else "an unnamed source"
        side = _SIDES[claimant.side]  # type: ignore[index]
        flags.append(
            Flag(
                code="self_reported_losses",
                message=(
                    f"A {side} claimant ({who}) reports its own side's losses or failure: "
                    f"{why}. Check the side attribution against other reports."
                ),
                evidence=[claim.evidence],
            )
        )
    return flags
