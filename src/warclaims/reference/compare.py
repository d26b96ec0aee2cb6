"""Set a claim of losses against the reference series of the same period, as ratios.

A claim of Russian personnel or equipment losses is set against the General Staff's claimed
losses of the same days and Oryx's visually confirmed count; a claim of Ukrainian equipment
losses against Oryx only (the General Staff series counts Russian losses). The period is the
claim's resolved date range; a claim without one is taken to speak of the day before its
report was published (daily bulletins report the previous day). `--since/--until` with a
CLAIM_ID set the period explicitly. ratio = the claim's figure / the reference count.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from warclaims.model import Claim
from warclaims.reference.categories import CASUALTY_COLUMN, GENERAL_STAFF_COLUMNS
from warclaims.reference.series import Count, general_staff, oryx

REFERENCE_KINDS = ("casualties", "equipment_loss")


class ReferenceError(ValueError):
    """The claim cannot be set against a reference series (the message says why)."""


@dataclass(slots=True)
class ReferenceComparison:
    claim_id: int
    doc_id: str
    published: str | None
    claim: Claim
    start: dt.date
    end: dt.date
    period_from: str  # "claim date", "given", "publication date"
    general_staff: Count | None
    oryx: Count | None
    notes: list[str] = field(default_factory=list)

    @property
    def figure(self) -> float:
        assert self.claim.quantity is not None
        return self.claim.quantity.value

    def ratio(self, count: Count | None) -> float | None:
        if count is None or not count.value:
            return None
        return self.figure / count.value

    def to_dict(self) -> dict[str, Any]:
        quantity = self.claim.quantity
        return {
            "claim_id": self.claim_id,
            "doc_id": self.doc_id,
            "published": self.published,
            "kind": self.claim.kind,
            "category": self.claim.category,
            "side": self.claim.side,
            "quantity": quantity.model_dump(mode="json") if quantity else None,
            "claimant": self.claim.claimant.name or self.claim.claimant.mention,
            "period": {
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "days": (self.end - self.start).days + 1,
                "from": self.period_from,
            },
            "general_staff": _count_dict(self.general_staff, self.ratio(self.general_staff)),
            "oryx": _count_dict(self.oryx, self.ratio(self.oryx)),
            "notes": self.notes,
        }


def _count_dict(count: Count | None, ratio: float | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {
        "series": count.series,
        "value": count.value,
        "ratio": None if ratio is None else round(ratio, 4),
        "note": count.note,
    }


def columns_for(claim: Claim) -> tuple[str | None, str | None]:
    """(General Staff column, Oryx category) a claim compares with; ReferenceError if none."""
    if claim.kind not in REFERENCE_KINDS:
        raise ReferenceError(
            f"a {claim.kind} claim: the reference series cover personnel and equipment losses"
        )
    if claim.quantity is None:
        raise ReferenceError("the claim gives no figure to compare")
    if claim.side not in ("RU", "UA"):
        raise ReferenceError("the claim does not say whose losses they are (side)")
    if claim.kind == "casualties":
        if claim.side != "RU":
            raise ReferenceError(
                "no reference series of Ukrainian personnel losses (the General Staff series"
                " counts Russian losses; Oryx counts equipment)"
            )
        column = CASUALTY_COLUMN.get(claim.category)
        if column is None:
            raise ReferenceError(f"no reference series of {claim.category} personnel")
        return column, None
    category = claim.category or "unspecified"
    gs_column = category if category in (*GENERAL_STAFF_COLUMNS, "unspecified") else None
    return (gs_column if claim.side == "RU" else None), category


def period_of(
    claim: Claim, published: str | None, since: str | None, until: str | None
) -> tuple[dt.date, dt.date, str]:
    if since is not None or until is not None:
        if since is None or until is None:
            raise ReferenceError("give both --since and --until to set the period")
        start, end = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
        if start > end:
            raise ReferenceError(f"--since {since} is after --until {until}")
        return start, end, "given"
    if claim.date is not None and claim.date.start is not None:
        start = dt.date.fromisoformat(claim.date.start)
        end = dt.date.fromisoformat(claim.date.end or claim.date.start)
        return start, max(start, end), "claim date"
    if published:
        day = dt.date.fromisoformat(published[:10]) - dt.timedelta(days=1)
        return day, day, "publication date"
    raise ReferenceError("the claim has no date and its report no publication date")


def compare_claim(
    claim_id: int,
    doc_id: str,
    published: str | None,
    claim: Claim,
    *,
    since: str | None = None,
    until: str | None = None,
) -> ReferenceComparison:
    """Set one claim against the reference series (see the module docstring)."""
    gs_column, oryx_category = columns_for(claim)
    start, end, how = period_of(claim, published, since, until)
    gs = general_staff().losses(gs_column, start, end) if gs_column else None
    confirmed = None
    if oryx_category is not None:
        confirmed = oryx().confirmed(claim.side or "", oryx_category, start, end)  # type: ignore[arg-type]
    result = ReferenceComparison(claim_id, doc_id, published, claim, start, end, how, gs, confirmed)
    if claim.kind == "casualties" and claim.category == "killed":
        result.notes.append("the General Staff counts killed and wounded together")
    if claim.quantity is not None and claim.quantity.hedge != "exact":
        result.notes.append(f"the claim's figure is hedged ({claim.quantity.hedge})")
    return result


_SELECT = (
    "SELECT c.id, c.doc_id, d.published, c.json FROM claims AS c"
    " JOIN documents AS d ON d.doc_id = c.doc_id"
)


def reference_for_claim_id(
    store: Any, claim_id: int, *, since: str | None = None, until: str | None = None
) -> ReferenceComparison:
    conn: sqlite3.Connection = store.connection
    row = conn.execute(f"{_SELECT} WHERE c.id = ?", (claim_id,)).fetchone()
    if row is None:
        raise ReferenceError(f"no stored claim {claim_id} (see `warclaims claims` for ids)")
    return compare_claim(
        row[0], row[1], row[2], Claim.model_validate_json(row[3]), since=since, until=until
    )


def reference_for_filters(
    store: Any,
    *,
    kind: str | None = None,
    side: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[ReferenceComparison], int]:
    """Every stored claim of losses that the filters select (by the claim's date, else its
    report's), each against its own period; and how many selected claims had no reference."""
    if kind is not None and kind not in REFERENCE_KINDS:
        raise ReferenceError(f"--kind must be one of {', '.join(REFERENCE_KINDS)}")
    kinds = (kind,) if kind else REFERENCE_KINDS
    where = [f"c.kind IN ({', '.join('?' * len(kinds))})", "c.value IS NOT NULL"]
    params: list[Any] = list(kinds)
    if side is not None:
        where.append("c.side = ?")
        params.append(side.upper())
    else:
        where.append("c.side IN ('RU', 'UA')")
    day = "coalesce(c.date_start, substr(d.published, 1, 10))"
    if since is not None:
        where.append(f"{day} >= ?")
        params.append(since)
    if until is not None:
        where.append("coalesce(c.date_end, c.date_start, substr(d.published, 1, 10)) <= ?")
        params.append(until)
    rows = store.connection.execute(
        f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY c.id", params
    ).fetchall()
    out, skipped = [], 0
    for claim_id, doc_id, published, raw in rows:
        try:
            out.append(compare_claim(claim_id, doc_id, published, Claim.model_validate_json(raw)))
        except ReferenceError:
            skipped += 1
    return out, skipped
