"""Read-only, filtered and paginated queries over a store's SQLite connection (API, web pages).

Every value reaches SQL as a parameter; the only SQL built from pieces joins fixed clauses from
this module (filter clauses, whitelisted sort expressions). `ensure_indexes` adds the indexes these
queries need, idempotently. Text filters ignore case (ASCII through COLLATE NOCASE and LIKE, which
use indexes; other scripts through the store's `wc_fold`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from warclaims.model import FLAG_CODES, KINDS, Certainty, Claim, ClaimantType, Language
from warclaims.store.indexes import create_missing_indexes

T = TypeVar("T")

SIDES: tuple[str, ...] = ("RU", "UA")
CERTAINTIES: tuple[str, ...] = Certainty.__args__  # type: ignore[attr-defined]
CLAIMANT_TYPES: tuple[str, ...] = ClaimantType.__args__  # type: ignore[attr-defined]
LANGUAGES: tuple[str, ...] = Language.__args__  # type: ignore[attr-defined]

# Two wide covering indexes answer every claim-column filter (and the counts) without touching
# the claim rows, which carry the claim JSON; the place indexes serve the place filters.
_FILTER_COLUMNS = (
    "category, claimant_type, date_start, date_end, value, claimant_name, claimant_mention, doc_id"
)
INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS wcq_claims_filter"
    f" ON claims (kind, side, certainty, {_FILTER_COLUMNS})",
    "CREATE INDEX IF NOT EXISTS wcq_claims_filter_side"
    f" ON claims (side, certainty, kind, {_FILTER_COLUMNS})",
    "CREATE INDEX IF NOT EXISTS wcq_places_claim"
    " ON claim_places (claim_id, admin1, name, mention, lat, lon)",
    "CREATE INDEX IF NOT EXISTS wcq_places_name ON claim_places (name COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS wcq_places_mention ON claim_places (mention COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS wcq_places_admin1 ON claim_places (admin1 COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS wcq_places_latlon ON claim_places (lat, lon)",
    "CREATE INDEX IF NOT EXISTS wcq_flags_code ON flags (code, doc_id)",
    "CREATE INDEX IF NOT EXISTS wcq_documents_publisher ON documents (publisher COLLATE NOCASE)",
)

# sort key -> SQL expression; a leading "-" sorts descending. Undated/valueless rows go last.
_PUBLISHED = "(SELECT published FROM documents WHERE doc_id = c.doc_id)"
CLAIM_SORTS: dict[str, str] = {
    "id": "c.id",
    "date": f"coalesce(c.date_start, {_PUBLISHED})",
    "published": _PUBLISHED,
    "value": "c.value",
    "kind": "c.kind",
}
DOCUMENT_SORTS: dict[str, str] = {
    "published": "d.published",
    "title": "d.title",
    "claims": "n_claims",
}


class QueryError(ValueError):
    """A filter or sort value that cannot be used; the message says what is expected."""


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Create the indexes the queries of this module use; one is skipped when the store
    already has an index on the same columns (another query module may have made it)."""
    create_missing_indexes(conn, INDEXES)


def tune_for_reading(conn: sqlite3.Connection, *, cache_mib: int = 64, mmap_mib: int = 256) -> None:
    """Per-connection read tuning (nothing stored in the database): a larger page cache and
    memory-mapped reads, so index probes of a large store stay in memory."""
    conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
    conn.execute(f"PRAGMA mmap_size = {1024 * 1024 * int(mmap_mib)}")


# -- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    claim_id: int
    doc_id: str
    title: str | None
    published: str | None
    publisher: str | None
    claim: Claim


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc_id: str
    title: str | None
    published: str | None
    publisher: str | None
    language: str | None
    url: str | None
    n_claims: int
    n_flags: int
    flags: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str | None
    mention: str
    admin1: str | None
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    n_claims: int


@dataclass(frozen=True, slots=True)
class MapPoint:
    claim_id: int
    doc_id: str
    title: str | None
    published: str | None
    place: str
    admin1: str | None
    lat: float
    lon: float
    claim: Claim


# -- filters ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Filters over stored claims; all given ones must hold (AND).

    `place` is a place's name, its mention or its oblast; `oblast` the oblast ("Kharkiv" or
    "Kharkiv Oblast"); `bbox` (min_lon, min_lat, max_lon, max_lat) holds one of the claim's places;
    `date_from`/`date_to` overlap the claim's date window, or the report's publication date when
    the claim has no date; `claimant` is part of the claimant's name or mention.
    """

    kind: str | None = None
    category: str | None = None
    side: str | None = None
    place: str | None = None
    oblast: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    certainty: str | None = None
    doc_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over `claims AS c` and its parameters.

        A place filter next to a claim-column filter is checked per candidate claim (EXISTS
        over its few places); alone, it lists the matching places through their indexes.
        """
        w = _Where()
        w.equal("c.kind", _choice(self.kind, KINDS, "kind"))
        w.equal("c.category", _lower(self.category))
        w.equal("c.side", _choice(_upper(self.side), SIDES, "side"))
        w.equal(
            "c.claimant_type", _choice(_lower(self.claimant_type), CLAIMANT_TYPES, "claimant type")
        )
        w.equal("c.certainty", _choice(_lower(self.certainty), CERTAINTIES, "certainty"))
        w.equal("c.doc_id", self.doc_id)
        per_claim = bool(w.clauses)
        if self.place is not None:
            w.place_in(("name", "mention", "admin1"), [_text(self.place, "place")], per_claim)
        if self.oblast is not None:
            w.place_in(("admin1",), _oblast_names(_text(self.oblast, "oblast")), per_claim)
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = _bbox(self.bbox)
            box = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
            w.add(_places_match(box, per_claim), min_lat, max_lat, min_lon, max_lon)
        start, end = _date(self.date_from, "date_from"), _date(self.date_to, "date_to")
        if start and end and start > end:
            raise QueryError(f"date_from {start} is after date_to {end}")
        if start:  # the claim's window ends on or after `start` (undated: the report's date)
            w.add(
                "(CASE WHEN c.date_start IS NOT NULL THEN coalesce(c.date_end, c.date_start) >= ?"
                f" ELSE {_PUBLISHED} >= ? END)",
                start,
                start,
            )
        if end:
            w.add(f"coalesce(c.date_start, {_PUBLISHED}) <= ?", end)
        if self.claimant is not None:
            w.contains(("c.claimant_name", "c.claimant_mention"), _text(self.claimant, "claimant"))
        return w.sql(), w.params


def _places_match(condition: str, per_claim: bool) -> str:
    """One of the claim's places meets `condition` (over claim_places columns)."""
    if per_claim:
        return (
            f"EXISTS (SELECT 1 FROM claim_places AS cp WHERE cp.claim_id = c.id AND ({condition}))"
        )
    return f"c.id IN (SELECT claim_id FROM claim_places WHERE {condition})"


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Filters over stored documents (AND): publication date range, part of the publisher's
    name, language, a flag code the document carries, part of the title."""

    published_from: str | None = None
    published_to: str | None = None
    publisher: str | None = None
    language: str | None = None
    flag: str | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        w = _Where()
        start = _date(self.published_from, "published_from")
        end = _date(self.published_to, "published_to")
        if start and end and start > end:
            raise QueryError(f"published_from {start} is after published_to {end}")
        if start:
            w.add("d.published >= ?", start)
        if end:
            w.add("d.published <= ?", end + "\uffff")  # a datetime on the last day is included
        if self.publisher is not None:
            w.contains(("d.publisher",), _text(self.publisher, "publisher"))
        w.equal("d.language", _choice(_lower(self.language), LANGUAGES, "language"))
        if self.flag is not None:
            code = _choice(self.flag.strip(), FLAG_CODES, "flag")
            w.add(
                "EXISTS (SELECT 1 FROM flags AS f WHERE f.doc_id = d.doc_id AND f.code = ?)", code
            )
        if self.q is not None:
            w.contains(("d.title",), _text(self.q, "q"))
        return w.sql(), w.params


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def equal(self, column: str, value: str | None) -> None:
        if value is not None:
            self.add(f"{column} = ?", value)

    def contains(self, columns: Sequence[str], needle: str) -> None:
        """Any of `columns` contains `needle`, ignoring case."""
        if needle.isascii():
            pattern = "%" + _escape_like(needle) + "%"
            parts = [f"{col} LIKE ? ESCAPE '\\'" for col in columns]
            self.add("(" + " OR ".join(parts) + ")", *([pattern] * len(columns)))
        else:
            parts = [f"instr(wc_fold({col}), ?) > 0" for col in columns]
            self.add("(" + " OR ".join(parts) + ")", *([_fold(needle)] * len(columns)))

    def place_in(self, columns: Sequence[str], values: Sequence[str], per_claim: bool) -> None:
        """One of the claim's places has one of `values` in one of `columns`, ignoring case."""
        tests, params = [], []
        for col in columns:
            for value in values:
                if value.isascii():
                    tests.append(f"{col} = ? COLLATE NOCASE")
                    params.append(value)
                else:
                    tests.append(f"wc_fold({col}) = ?")
                    params.append(_fold(value))
        self.add(_places_match(" OR ".join(tests), per_claim), *params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


# -- claims -------------------------------------------------------------------------------------

_CLAIM_COLUMNS = "c.id, c.doc_id, d.title, d.published, d.publisher, c.json"


def claims_page(
    conn: sqlite3.Connection,
    filters: ClaimFilter,
    *,
    sort: str = "id",
    limit: int = 50,
    offset: int = 0,
) -> Page[ClaimRow]:
    """One page of stored claims matching `filters`, with the total count.

    The count and the page's ids come from the indexes; only the page's rows are read whole.
    """
    where, params = filters.where()
    _check_page(limit, offset)
    total = conn.execute(f"SELECT count(*) FROM claims AS c WHERE {where}", params).fetchone()[0]
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT c.id FROM claims AS c WHERE {where}"
            f" ORDER BY {_order(sort, CLAIM_SORTS, 'c.id')} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return Page(total, limit, offset, _claims_by_ids(conn, ids))


def _claims_by_ids(conn: sqlite3.Connection, ids: list[int]) -> list[ClaimRow]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        f" WHERE c.id IN ({marks})",
        ids,
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    return [_claim_row(by_id[i]) for i in ids if i in by_id]


def claim_by_id(conn: sqlite3.Connection, claim_id: int) -> ClaimRow | None:
    row = conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        " WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    return None if row is None else _claim_row(row)


def claim_ids_of(conn: sqlite3.Connection, doc_id: str) -> list[int]:
    """The stored claim ids of a document, in the order of `Document.claims`."""
    rows = conn.execute("SELECT id FROM claims WHERE doc_id = ? ORDER BY ordinal", (doc_id,))
    return [row[0] for row in rows]


def claims_with_evidence(
    conn: sqlite3.Connection, filters: ClaimFilter, *, sort: str = "id", limit: int, offset: int = 0
) -> list[tuple[ClaimRow, str]]:
    """Matching claims with their evidence text (for CSV), at most `limit`."""
    where, params = filters.where()
    _check_page(limit, offset, max_limit=1_000_000)
    rows = conn.execute(
        f"SELECT {_CLAIM_COLUMNS},"
        " substr(d.text, c.evidence_start + 1, c.evidence_end - c.evidence_start)"
        " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        f" WHERE {where} ORDER BY {_order(sort, CLAIM_SORTS, 'c.id')} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [(_claim_row(row[:6]), row[6] or "") for row in rows]


def map_points(
    conn: sqlite3.Connection, filters: ClaimFilter, *, limit: int = 2000
) -> list[MapPoint]:
    """One point per located place of each matching claim, newest claims first."""
    where, params = filters.where()
    _check_page(limit, 0, max_limit=100_000)
    rows = conn.execute(
        f"SELECT {_CLAIM_COLUMNS}, coalesce(p.name, p.mention), p.admin1, p.lat, p.lon"
        " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        " JOIN claim_places AS p ON p.claim_id = c.id"
        f" WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL AND {where}"
        " ORDER BY c.id DESC, p.ordinal LIMIT ?",
        [*params, limit],
    ).fetchall()
    points = []
    for row in rows:
        base = _claim_row(row[:6])
        points.append(
            MapPoint(
                base.claim_id,
                base.doc_id,
                base.title,
                base.published,
                row[6],
                row[7],
                row[8],
                row[9],
                base.claim,
            )
        )
    return points


def _claim_row(row: Sequence[Any]) -> ClaimRow:
    return ClaimRow(row[0], row[1], row[2], row[3], row[4], Claim.model_validate_json(row[5]))


# -- documents ----------------------------------------------------------------------------------


def documents_page(
    conn: sqlite3.Connection,
    filters: DocumentFilter,
    *,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> Page[DocumentRow]:
    """One page of stored documents with claim and flag counts, newest first by default."""
    where, params = filters.where()
    _check_page(limit, offset)
    total = conn.execute(f"SELECT count(*) FROM documents AS d WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.doc_id, d.title, d.published, d.publisher, d.language, d.url,"
        " (SELECT count(*) FROM claims AS c WHERE c.doc_id = d.doc_id) AS n_claims,"
        " (SELECT count(*) FROM flags AS f WHERE f.doc_id = d.doc_id) AS n_flags"
        f" FROM documents AS d WHERE {where}"
        f" ORDER BY {_order(sort, DOCUMENT_SORTS, 'd.doc_id')}, d.ingested_at DESC"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    flags = _flag_counts(conn, [row[0] for row in rows])
    items = [DocumentRow(*row, flags=flags.get(row[0], {})) for row in rows]
    return Page(total, limit, offset, items)


def document_row(conn: sqlite3.Connection, doc_id: str) -> DocumentRow | None:
    row = conn.execute(
        "SELECT d.doc_id, d.title, d.published, d.publisher, d.language, d.url,"
        " (SELECT count(*) FROM claims AS c WHERE c.doc_id = d.doc_id),"
        " (SELECT count(*) FROM flags AS f WHERE f.doc_id = d.doc_id)"
        " FROM documents AS d WHERE d.doc_id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    return DocumentRow(*row, flags=_flag_counts(conn, [doc_id]).get(doc_id, {}))


def _flag_counts(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dict[str, int]]:
    if not doc_ids:
        return {}
    marks = ", ".join("?" * len(doc_ids))
    out: dict[str, dict[str, int]] = {}
    for doc_id, code, n in conn.execute(
        f"SELECT doc_id, code, count(*) FROM flags WHERE doc_id IN ({marks})"
        " GROUP BY doc_id, code ORDER BY doc_id, code",
        doc_ids,
    ):
        out.setdefault(doc_id, {})[code] = n
    return out


# -- places -------------------------------------------------------------------------------------


def search_places(conn: sqlite3.Connection, query: str, *, limit: int = 20) -> list[PlaceHit]:
    """Stored places whose name, mention or oblast starts with `query` (ignoring case), the
    most-claimed first."""
    needle = _text(query, "q")
    _check_page(limit, 0)
    if needle.isascii():
        pattern = _escape_like(needle) + "%"
        match = (
            "(name LIKE ? ESCAPE '\\' OR mention LIKE ? ESCAPE '\\' OR admin1 LIKE ? ESCAPE '\\')"
        )
        params: list[Any] = [pattern] * 3
    else:
        match = "(substr(wc_fold(name), 1, ?) = ? OR substr(wc_fold(mention), 1, ?) = ?)"
        folded = _fold(needle)
        params = [len(folded), folded] * 2
    rows = conn.execute(
        "SELECT name, min(mention), admin1, gazetteer_id, avg(lat), avg(lon),"
        " count(DISTINCT claim_id) AS n"
        f" FROM claim_places WHERE {match}"
        " GROUP BY coalesce(gazetteer_id, name, mention)"
        " ORDER BY n DESC, coalesce(name, min(mention)) LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [PlaceHit(*row) for row in rows]


# -- helpers ------------------------------------------------------------------------------------


def _check_page(limit: int, offset: int, *, max_limit: int = 1000) -> None:
    if not 1 <= limit <= max_limit:
        raise QueryError(f"limit must be between 1 and {max_limit}")
    if offset < 0:
        raise QueryError("offset must be >= 0")


def _order(sort: str, sorts: dict[str, str], tiebreak: str) -> str:
    key = sort.strip()
    descending = key.startswith("-")
    key = key.removeprefix("-")
    if key not in sorts:
        options = ", ".join(f"{k}, -{k}" for k in sorts)
        raise QueryError(f"unknown sort {sort!r}: expected one of {options}")
    expr = sorts[key]
    direction = "DESC" if descending else "ASC"
    if expr == tiebreak:  # never NULL
        return f"{expr} {direction}"
    return f"{expr} IS NULL, {expr} {direction}, {tiebreak} {direction}"


def _choice(value: str | None, options: Sequence[str], what: str) -> str | None:
    if value is None:
        return None
    if value not in options:
        raise QueryError(f"unknown {what} {value!r}: expected one of {', '.join(options)}")
    return value


def _text(value: str, what: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise QueryError(f"empty {what} filter")
    if len(stripped) > 200:
        raise QueryError(f"{what} filter is longer than 200 characters")
    return stripped


def _lower(value: str | None) -> str | None:
    return None if value is None else value.strip().lower()


def _upper(value: str | None) -> str | None:
    return None if value is None else value.strip().upper()


def _fold(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _date(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise QueryError(f"{what} {value!r} is not a date: use YYYY-MM-DD") from exc


def _oblast_names(value: str) -> list[str]:
    """'Kharkiv' and 'Kharkiv Oblast' both name Kharkiv Oblast."""
    if value.casefold().endswith((" oblast", " region")):
        core = value.rsplit(" ", 1)[0]
        return [value, f"{core} Oblast"] if not value.endswith(" Oblast") else [value]
    return [value, f"{value} Oblast"]


def _bbox(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    min_lon, min_lat, max_lon, max_lat = bbox
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise QueryError(
            "bbox must be min_lon,min_lat,max_lon,max_lat with min <= max, "
            "longitudes in [-180, 180] and latitudes in [-90, 90]"
        )
    return min_lon, min_lat, max_lon, max_lat


# -- timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigurePoint:
    """A claimed figure on a day: the claim's date (its start), else its report's date."""

    claim_id: int
    doc_id: str
    title: str | None
    publisher: str | None
    day: str
    value: float
    low: float | None
    high: float | None
    hedge: str | None
    unit: str | None
    source: str


def figure_points(
    conn: sqlite3.Connection, filters: ClaimFilter, *, limit: int = 2000
) -> list[FigurePoint]:
    """Matching claims that give a figure, oldest first, each with the source that claims it
    (the claimant's name or mention, else the publisher)."""
    where, params = filters.where()
    _check_page(limit, 0, max_limit=20_000)
    rows = conn.execute(
        "SELECT c.id, c.doc_id, d.title, d.publisher,"
        " substr(coalesce(c.date_start, d.published), 1, 10) AS day,"
        " c.value, c.low, c.high, c.hedge, c.unit,"
        " coalesce(c.claimant_name, c.claimant_mention, d.publisher, 'the report')"
        " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
        f" WHERE c.value IS NOT NULL AND {where} AND day IS NOT NULL"
        " ORDER BY day, c.id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [FigurePoint(*row) for row in rows]
