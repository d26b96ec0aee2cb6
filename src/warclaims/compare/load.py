"""Reading claims for comparison: lean rows straight from SQL (no JSON parsing, no models)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from warclaims.compare.clusters import Clusters, outlet_name
from warclaims.model import KINDS

DEFAULT_WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class CompareFilters:
    """What to compare: claims of `kind`, about `place` (or its oblast), between two dates.

    `window_days` is the date tolerance: a claim without a resolved date is taken to speak of
    the `window_days` before its report's publication, and claims whose windows lie at most
    that far apart are taken to speak of the same time.
    """

    kind: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    window_days: int = DEFAULT_WINDOW_DAYS

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}: expected one of {', '.join(KINDS)}")
        if self.place is not None and not self.place.strip():
            raise ValueError("empty place filter")
        if self.window_days < 0:
            raise ValueError("window must be >= 0 days")
        for value in (self.since, self.until):
            if value is not None:
                parse_day(value)  # raises ValueError on a bad date
        if self.since and self.until and parse_day(self.since) > parse_day(self.until):
            raise ValueError(f"--since {self.since} is after --until {self.until}")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str | None
    mention: str
    admin1: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True, eq=False)
class ClaimRow:
    """One stored claim with what grouping, figures and contradictions need."""

    claim_id: int
    doc_id: str
    cluster: str
    outlet: str
    published: str | None
    kind: str
    category: str | None
    side: str | None
    value: float | None
    low: float | None
    high: float | None
    hedge: str | None
    unit: str | None
    certainty: str
    date_start: str | None
    date_end: str | None
    claimant_name: str | None
    claimant_mention: str | None
    claimant_type: str | None
    claimant_side: str | None
    places: list[PlaceRef] = field(default_factory=list)
    # (cluster, folded claimant): one source; computed once, read by every pair compared
    source: tuple[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        who = self.claimant_name or self.claimant_mention or ""
        self.source = (self.cluster, who.casefold())

    @property
    def claimant(self) -> str:
        return self.claimant_name or self.claimant_mention or "the report itself"


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """What a --place filter names: folded place keys and the oblasts they lie in."""

    needle: str
    keys: frozenset[str]
    oblasts: frozenset[str]
    is_oblast: bool = False


_COLUMNS = (
    "c.id, c.doc_id, {cluster}, d.publisher, d.url, d.source, d.published,"
    " c.kind, c.category, c.side, c.value, c.low, c.high, c.hedge, c.unit, c.certainty,"
    " c.date_start, c.date_end,"
    " c.claimant_name, c.claimant_mention, c.claimant_type, c.claimant_side,"
    " p.name, p.mention, p.admin1, p.lat, p.lon"
)


def fold(value: str | None) -> str:
    return "" if value is None else value.strip().casefold()


def parse_day(value: str) -> dt.date:
    """An ISO date (a datetime's date part is accepted); ValueError otherwise."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-11-21") from None


def match_place(conn: sqlite3.Connection, place: str) -> PlaceMatch:
    """The stored places a --place filter names (name, mention or oblast; case ignored)."""
    needle = place.strip()
    variants = sorted({needle, needle.casefold(), needle.title(), needle.upper()})
    marks = ", ".join("?" * len(variants))
    rows = conn.execute(
        "SELECT DISTINCT name, mention, admin1 FROM claim_places"
        f" WHERE name COLLATE NOCASE IN ({marks}) OR mention COLLATE NOCASE IN ({marks})"
        f" OR admin1 COLLATE NOCASE IN ({marks})",
        variants * 3,
    ).fetchall()
    folded = fold(needle)
    keys: set[str] = set()
    oblasts: set[str] = set()
    is_oblast = False
    for name, mention, admin1 in rows:
        if folded in (fold(name), fold(mention)):
            keys.add(fold(name) if name else fold(mention))
            if admin1:
                oblasts.add(admin1)
        if admin1 and fold(admin1) == folded:
            keys.add(fold(admin1))
            oblasts.add(admin1)
            is_oblast = True
    return PlaceMatch(folded, frozenset(keys), frozenset(oblasts), is_oblast)


def load_claims(
    store: Any,
    filters: CompareFilters,
    clusters: Clusters | None = None,
    categories: Collection[str | None] | None = None,
) -> tuple[list[ClaimRow], PlaceMatch | None]:
    """The stored claims the filters select (a superset for --place: the whole oblast), and
    of these `categories` only when given (None among them: claims without a category)."""
    conn: sqlite3.Connection = store.connection
    clusters = clusters or Clusters(store)
    where: list[str] = []
    params: list[Any] = []
    if filters.kind is not None:
        where.append("c.kind = ?")
        params.append(filters.kind)
    if categories is not None:
        named = sorted(c for c in categories if c is not None)
        either = [f"c.category IN ({', '.join('?' * len(named))})"] if named else []
        either += ["c.category IS NULL"] if None in categories else []
        where.append(f"({' OR '.join(either) or '0'})")
        params.extend(named)
    match = None
    if filters.place is not None:
        match = match_place(conn, filters.place)
        if not match.keys:
            return [], match
        _place_clause(match, where, params)
    if match is None or match.is_oblast:  # a settlement selects few claims: dates in Python
        _date_clause(filters, where, params)
    sql = (
        f"SELECT {_COLUMNS.format(cluster=clusters.sql_expr('d'))}"
        " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        " LEFT JOIN claim_places AS p ON p.claim_id = c.id"
        f" WHERE {' AND '.join(where) or '1 = 1'} ORDER BY c.id, p.ordinal"
    )
    return _rows(conn.execute(sql, params), clusters), match


def load_claims_by_id(
    conn: sqlite3.Connection, claim_ids: list[int], clusters: Clusters
) -> dict[int, ClaimRow]:
    """The stored claims with these ids, read as `load_claims` reads them."""
    out: dict[int, ClaimRow] = {}
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = (
            f"SELECT {_COLUMNS.format(cluster=clusters.sql_expr('d'))}"
            " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
            " LEFT JOIN claim_places AS p ON p.claim_id = c.id"
            f" WHERE c.id IN ({', '.join('?' * len(chunk))}) ORDER BY c.id, p.ordinal"
        )
        out.update((row.claim_id, row) for row in _rows(conn.execute(sql, chunk), clusters))
    return out


def _place_clause(match: PlaceMatch, where: list[str], params: list[Any]) -> None:
    oblasts = sorted(match.oblasts)
    variants = sorted({match.needle, match.needle.title(), match.needle.upper()})
    parts = []
    if oblasts:
        # an oblast: every place in it; a place: the claims about its oblast as a whole
        column = "admin1" if match.is_oblast else "name"
        parts.append(f"{column} COLLATE NOCASE IN ({', '.join('?' * len(oblasts))})")
        params.extend(oblasts)
    marks = ", ".join("?" * len(variants))
    parts.append(f"name COLLATE NOCASE IN ({marks}) OR mention COLLATE NOCASE IN ({marks})")
    params.extend(variants * 2)
    where.append(f"c.id IN (SELECT claim_id FROM claim_places WHERE {' OR '.join(parts)})")


def _date_clause(filters: CompareFilters, where: list[str], params: list[Any]) -> None:
    """A loose, index-friendly SQL pre-filter on the claim windows (grouping applies the exact
    windows): resolved dates starting in the period (or up to a month before it, for claims
    about a whole month), and undated claims of reports published in it."""
    if filters.since is None and filters.until is None:
        return
    pad = dt.timedelta(days=filters.window_days)
    since = parse_day(filters.since) if filters.since else dt.date.min + dt.timedelta(days=400)
    until = parse_day(filters.until) if filters.until else dt.date.max - dt.timedelta(days=400)
    where.append(
        "c.id IN (SELECT id FROM claims WHERE date_start BETWEEN ? AND ?"
        " AND coalesce(date_end, date_start) >= ?"
        " UNION ALL SELECT c2.id FROM documents AS d2 CROSS JOIN claims AS c2"
        " ON c2.doc_id = d2.doc_id"
        " WHERE d2.published BETWEEN ? AND ? AND c2.date_start IS NULL)"
    )
    params += [
        (since - pad - dt.timedelta(days=31)).isoformat(),
        (until + pad).isoformat() + "~",
        (since - pad).isoformat(),
        (since - pad).isoformat(),
        (until + 2 * pad).isoformat() + "~",  # "~" sorts after "T…": datetimes of that day
    ]


def _rows(cursor: sqlite3.Cursor, clusters: Clusters) -> list[ClaimRow]:
    out: list[ClaimRow] = []
    last_id = None
    outlets: dict[tuple[str | None, str | None, str | None, str], str] = {}
    for row in cursor:
        if row[0] != last_id:
            last_id = row[0]
            key = (row[3], row[4], row[5], row[1])
            outlet = outlets.get(key)
            if outlet is None:
                outlet = outlets[key] = outlet_name(*key)
            current = ClaimRow(
                row[0],
                row[1],
                clusters.resolve(row[1], row[2]),
                outlet,
                row[6],
                *row[7:22],
            )
            out.append(current)
        if row[23] is not None:
            current.places.append(PlaceRef(*row[22:27]))
    return out
