"""The four contradictions `compare` looks for between two claims of one group.

- `control`: a place captured or controlled by one side while another claim has it held,
  defended or retaken by the other side (or still contested), or denies the capture.
  Partial claims ("80 % of Vovchansk", "500 km² around Pokrovsk") do not contradict a hold.
- `side_inversion`: the same figure for the same thing attributed to opposite sides
  (3,000 Russian dead vs 3,000 Ukrainian dead around Kupiansk).
- `unit_mismatch`: the same number with different formations (15 regiments vs 15 battalions).
- `denial`: one claim asserts (or reports) what another denies, for any other kind.

Two claims of the same source (report cluster and claimant) never contradict each other: a
claimant repeating itself is not a second voice. Each pair of sources yields at most one
contradiction of each type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from warclaims.compare.load import ClaimRow

FORMATIONS = frozenset({"regiments", "brigades", "battalions", "companies"})
_PARTIAL_UNITS = frozenset({"percent", "km", "km2"})
_TAKEN = frozenset({"captured", "controlled"})
_HELD = frozenset({"controlled", "liberated"})
_BOTH_SIDES = frozenset({"RU", "UA"})
MAX_PER_GROUP = 50

SourceKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Contradiction:
    type: str  # control | side_inversion | unit_mismatch | denial
    reason: str
    a: ClaimRow
    b: ClaimRow


def source_key(claim: ClaimRow) -> SourceKey:
    """One source: a report cluster and the claimant speaking in it (case ignored)."""
    return claim.source


def find_contradictions(claims: list[ClaimRow], limit: int = MAX_PER_GROUP) -> list[Contradiction]:
    """The contradictions among one group's claims, the first `limit` of them."""
    found: list[Contradiction] = []
    seen: set[tuple[str, SourceKey, SourceKey]] = set()
    for kind, reason, a, b in _candidates(claims):
        ka, kb = a.source, b.source
        if ka == kb:
            continue
        ident = (kind, *sorted((ka, kb)))
        if ident in seen:
            continue
        seen.add(ident)
        found.append(Contradiction(kind, reason, a, b))
        if len(found) >= limit:
            break
    return found


def _candidates(claims: list[ClaimRow]) -> Iterator[tuple[str, str, ClaimRow, ClaimRow]]:
    control = [c for c in claims if c.kind == "territorial_control"]
    other = [c for c in claims if c.kind != "territorial_control"]
    if control:
        yield from _control(control)
    if other:
        yield from _same_figure(other)
        yield from _denials(other)


# -- control ------------------------------------------------------------------------------------


def _partial(claim: ClaimRow) -> bool:
    return claim.unit in _PARTIAL_UNITS and not (claim.unit == "percent" and claim.value == 100)


def _control(claims: list[ClaimRow]) -> Iterator[tuple[str, str, ClaimRow, ClaimRow]]:
    taken = [
        c
        for c in claims
        if c.category in _TAKEN and c.side and c.certainty != "denied" and not _partial(c)
    ]
    if not taken:
        return
    held = [
        c
        for c in claims
        if c.category in _HELD and c.side and c.certainty != "denied" and not _partial(c)
    ]
    contested = [c for c in claims if c.category == "contested" and c.certainty != "denied"]
    denied = [c for c in claims if c.category in _TAKEN and c.certainty == "denied"]
    for a in taken:
        verb = "captured" if a.category == "captured" else "controlled"
        for b in held:
            if b.side != a.side:
                how = "retaken" if b.category == "liberated" else "held"
                yield "control", f"{verb} by {a.side} vs {how} by {b.side}", a, b
        for b in contested:
            yield "control", f"{verb} by {a.side} vs still contested", a, b
        for b in denied:
            if b.side in (None, a.side):
                yield "control", f"{verb} by {a.side} vs denied", a, b


# -- figures ------------------------------------------------------------------------------------


def _same_figure(claims: list[ClaimRow]) -> Iterator[tuple[str, str, ClaimRow, ClaimRow]]:
    by_value: dict[float, list[ClaimRow]] = defaultdict(list)
    for claim in claims:
        if claim.value is not None and claim.certainty != "denied":
            by_value[claim.value].append(claim)
    for value, same in by_value.items():
        if len(same) < 2:
            continue
        figure = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if a.kind != b.kind or a.source == b.source:
                    continue  # (one source never contradicts itself: skip before any work)
                if a.unit != b.unit and a.unit in FORMATIONS and b.unit in FORMATIONS:
                    yield "unit_mismatch", f"{figure} {a.unit} vs {figure} {b.unit}", a, b
                if a.side != b.side and {a.side, b.side} == _BOTH_SIDES and _same_unit(a, b):
                    what = a.unit or "units"
                    yield "side_inversion", f"{figure} {what}: {a.side} vs {b.side}", a, b


def _same_unit(a: ClaimRow, b: ClaimRow) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


# -- denials ------------------------------------------------------------------------------------


def _denials(claims: list[ClaimRow]) -> Iterator[tuple[str, str, ClaimRow, ClaimRow]]:
    denied = [c for c in claims if c.certainty == "denied"]
    if not denied:
        return
    stated = [c for c in claims if c.certainty != "denied"]
    for d in denied:
        for a in stated:
            if a.kind != d.kind or (a.side and d.side and a.side != d.side):
                continue
            if a.value is not None and d.value is not None and a.value != d.value:
                continue
            yield "denial", f"{a.certainty} by {a.claimant} vs denied by {d.claimant}", a, d
