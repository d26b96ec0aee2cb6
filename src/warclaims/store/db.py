"""An embedded SQLite store of documents, claims, places and flags (plain sqlite3).

Duplicates and outlets (schema v2). Each stored document is one *cluster*: a story stored
once, with every source that carried it. The cluster id is the doc_id of its stored
document, in the column `documents.cluster_id` (today always equal to `doc_id`). The table
`document_sources` lists the cluster's sources, one row per outlet (doc_id, publisher, url):

    cluster_id  the stored document's doc_id
    doc_id      this copy's own text hash (= cluster_id unless relation is 'near')
    relation    'original' (the copy that was analysed and stored), 'exact' (the same
                text from another outlet) or 'near' (a near-duplicate with small edits,
                not analysed: its claims are the cluster's)
    similarity  estimated Jaccard similarity with the cluster (1.0 for original/exact)
    publisher, url, title, published, source, ingested_at   as the copy gave them

So a comparison counts each cluster once by counting claims (they only ever come from the
cluster's one document) and lists a claim's outlets with

    SELECT publisher, url FROM document_sources WHERE cluster_id = ? ORDER BY id

or `Store.cluster_of(doc_id)` / `Store.clusters()` in Python.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from warclaims.model import KINDS, Claim, Document, Flag, Place
from warclaims.store.schema import MIGRATIONS, MIGRATIONS_TABLE

DEFAULT_PATH = "warclaims.db"
MEMORY = ":memory:"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SIDES = ("RU", "UA")


class StoreError(Exception):
    """The store cannot be opened or used (not a database, newer schema, missing directory)."""


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored, with its row id and the document it came from."""

    claim_id: int
    doc_id: str
    title: str | None
    published: str | None
    claim: Claim


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash signature (uint64 little-endian values) and its LSH band keys."""

    scheme: str
    hashvalues: bytes
    bands: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Outlet:
    """One source of a cluster: a row of `document_sources`."""

    doc_id: str
    relation: str
    similarity: float | None
    publisher: str | None
    url: str | None
    title: str | None
    published: str | None
    source: str | None

    @property
    def name(self) -> str:
        """The publisher, else the URL's host, else the file it came from, else the doc_id."""
        if self.publisher:
            return self.publisher
        if self.url:
            host = urlsplit(self.url).hostname
            if host:
                return host.removeprefix("www.")
        return self.source or self.doc_id


@dataclass(frozen=True, slots=True)
class Cluster:
    """A story stored once (document `cluster_id`) and every source that carried it."""

    cluster_id: str
    sources: tuple[Outlet, ...]

    @property
    def outlets(self) -> list[str]:
        """The distinct outlet names, in the order they were ingested."""
        return list(dict.fromkeys(source.name for source in self.sources))

    @property
    def size(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class Located:
    """Where a text (by doc_id) is already stored: its cluster and how it joined it."""

    cluster_id: str
    relation: str
    similarity: float | None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of `Store.documents()`."""

    doc_id: str
    title: str | None
    published: str | None
    n_claims: int
    n_flags: int


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `url`.

    `url` is a file path, `sqlite:///relative/path`, `sqlite:////absolute/path`,
    `sqlite:///:memory:` or `:memory:`; None means `./warclaims.db`.
    """
    return Store(parse_store_url(url))


def parse_store_url(url: str | None) -> str:
    """The SQLite database path (or ':memory:') that `url` names; ValueError if unsupported."""
    if url is None:
        return DEFAULT_PATH
    if not url.strip():
        raise ValueError("empty store URL: give a file path or sqlite:///path")
    if url.startswith("sqlite://"):
        return _sqlite_url_path(url)
    scheme = _SCHEME.match(url)
    if scheme:
        raise ValueError(
            f"unsupported store URL scheme {scheme.group(1)!r}: only SQLite is supported "
            "for now (give a file path or sqlite:///path)"
        )
    return MEMORY if url == MEMORY else str(Path(url).expanduser())


def _sqlite_url_path(url: str) -> str:
    rest = url.removeprefix("sqlite://")
    if rest in ("", "/", f"/{MEMORY}"):
        return MEMORY
    if not rest.startswith("/"):
        raise ValueError(
            f"bad SQLite URL {url!r}: use sqlite:///relative/path or sqlite:////absolute/path"
        )
    return rest[1:]


class Store:
    """Documents and their claims in one SQLite database. Use `open_store` to get one."""

    @property
    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection, for read-only query modules (api, compare, export)."""
        return self._conn

    def __init__(self, path: str) -> None:
        self.path = path
        _check_parent(path)
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        try:
            _configure(self._conn, path)
            _migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def add(
        self, doc: Document, *, source: str | None = None, signature: Signature | None = None
    ) -> bool:
        """Store `doc` with its claims, places, flags, its 'original' source row and (when
        given) its near-duplicate signature, all in one transaction: a cluster of its own.

        Returns False, changing nothing, when `doc.doc_id` is already stored.
        """
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _has_document(conn, doc.doc_id):
                conn.execute("ROLLBACK")
                return False
            now = _now()
            _insert_document(conn, doc, source, now)
            for ordinal, claim in enumerate(doc.claims):
                claim_id = _insert_claim(conn, doc.doc_id, ordinal, claim)
                _insert_places(conn, claim_id, claim.places)
            _insert_flags(conn, doc.doc_id, doc.flags)
            original = Outlet(
                doc.doc_id, "original", 1.0, doc.publisher, doc.url, doc.title, doc.published,
                source,
            )  # fmt: skip
            _insert_source(conn, doc.doc_id, original, now)
            if signature is not None:
                _insert_signature(conn, doc.doc_id, doc.doc_id, signature)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return True

    def add_source(
        self, cluster_id: str, outlet: Outlet, *, signature: Signature | None = None
    ) -> bool:
        """Record another source of the stored story `cluster_id` (one transaction).

        `outlet.relation` is 'exact' (the same text) or 'near' (a near-duplicate, whose
        own `outlet.doc_id` and `signature` are kept so that its copies are recognised).
        Returns False, changing nothing, when that doc_id from that publisher and URL is
        already recorded; raises StoreError when `cluster_id` is not a stored document.
        """
        if outlet.relation not in ("exact", "near"):
            raise ValueError(f"relation must be 'exact' or 'near', not {outlet.relation!r}")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not _has_document(conn, cluster_id):
                raise StoreError(f"no stored document {cluster_id} to add a source to")
            added = _insert_source(conn, cluster_id, outlet, _now())
            if added and signature is not None and not _has_signature(conn, outlet.doc_id):
                _insert_signature(conn, outlet.doc_id, cluster_id, signature)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return added

    def set_signature(self, doc_id: str, signature: Signature) -> None:
        """Store (or replace) the near-duplicate signature of stored document `doc_id`."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM minhashes WHERE doc_id = ?", (doc_id,))
            _insert_signature(conn, doc_id, doc_id, signature)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # -- duplicates ----------------------------------------------------------------------------

    def locate(self, doc_id: str) -> Located | None:
        """The cluster that already holds the text `doc_id` (stored or as a source), or None."""
        row = self._conn.execute(
            "SELECT cluster_id, relation, similarity FROM document_sources"
            " WHERE doc_id = ? ORDER BY id LIMIT 1",
            (doc_id,),
        ).fetchone()
        if row is not None:
            return Located(*row)
        if _has_document(self._conn, doc_id):  # stored by a writer that kept no source row
            return Located(doc_id, "original", 1.0)
        return None

    def near_candidates(self, signature: Signature) -> list[tuple[str, str, bytes]]:
        """(doc_id, cluster_id, hashvalues) of the stored signatures that share an LSH band
        with `signature` (same scheme), by doc_id."""
        if not signature.bands:
            return []
        pairs = ", ".join("(?, ?)" for _ in signature.bands)
        params: list[Any] = [v for band in enumerate(signature.bands) for v in band]
        rows = self._conn.execute(
            "SELECT m.doc_id, m.cluster_id, m.hashvalues FROM minhashes AS m"
            " WHERE m.scheme = ? AND m.doc_id IN (SELECT b.doc_id FROM lsh_bands AS b"
            f" WHERE (b.band, b.key) IN (VALUES {pairs})) ORDER BY m.doc_id",
            [signature.scheme, *params],
        ).fetchall()
        return [(row[0], row[1], bytes(row[2])) for row in rows]

    def unsigned_documents(self, scheme: str, *, limit: int = 1000) -> list[str]:
        """Up to `limit` doc_ids of stored documents without a signature of `scheme`."""
        rows = self._conn.execute(
            "SELECT d.doc_id FROM documents AS d WHERE NOT EXISTS (SELECT 1 FROM minhashes"
            " AS m WHERE m.doc_id = d.doc_id AND m.scheme = ?) ORDER BY d.rowid LIMIT ?",
            (scheme, limit),
        ).fetchall()
        return [row[0] for row in rows]

    def document_text(self, doc_id: str) -> str | None:
        """The stored text of `doc_id`, or None."""
        row = self._conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,))
        found = row.fetchone()
        return None if found is None else found[0]

    def cluster_of(self, doc_id: str) -> Cluster | None:
        """The cluster that holds `doc_id` — a stored document or any copy of it (exact or
        near-duplicate) — with all its sources in ingest order; None when unknown."""
        located = self.locate(doc_id)
        if located is None:
            return None
        rows = self._conn.execute(
            f"SELECT {_OUTLET_COLUMNS} FROM document_sources WHERE cluster_id = ? ORDER BY id",
            (located.cluster_id,),
        ).fetchall()
        return Cluster(located.cluster_id, tuple(Outlet(*row) for row in rows))

    def clusters(self, *, min_size: int = 1) -> list[Cluster]:
        """Every cluster with at least `min_size` sources, in ingest order of its document.

        `clusters(min_size=2)` lists the stories that several outlets carried.
        """
        rows = self._conn.execute(
            f"SELECT s.cluster_id, {_OUTLET_COLUMNS_S} FROM document_sources AS s"
            " JOIN documents AS d ON d.doc_id = s.cluster_id"
            " WHERE s.cluster_id IN (SELECT cluster_id FROM document_sources"
            " GROUP BY cluster_id HAVING count(*) >= ?)"
            " ORDER BY d.rowid, s.id",
            (min_size,),
        ).fetchall()
        grouped: dict[str, list[Outlet]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(Outlet(*row[1:]))
        return [Cluster(cid, tuple(sources)) for cid, sources in grouped.items()]

    def source_counts(self) -> dict[str, int]:
        """clusters (stored stories), sources (every outlet row), duplicates (exact + near)."""
        sources, duplicates = self._conn.execute(
            "SELECT count(*), coalesce(sum(relation != 'original'), 0) FROM document_sources"
        ).fetchone()
        return {"clusters": self._count("documents"), "sources": sources, "duplicates": duplicates}

    # -- reading -------------------------------------------------------------------------------

    def claims(
        self,
        *,
        kind: str | None = None,
        side: str | None = None,
        place: str | None = None,
        claimant: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[StoredClaim]:
        """Stored claims in insertion order, filtered.

        `place` equals a place's name, mention or admin1 (case-insensitive); `claimant` is a
        case-insensitive substring of the claimant's name or mention; `side` is RU or UA.
        """
        where, params = _claim_filters(kind, side, place, claimant, doc_id)
        sql = (
            "SELECT c.id, c.doc_id, d.title, d.published, c.json"
            " FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id"
            f" WHERE {where} ORDER BY c.id"
        )
        if limit is not None:
            if limit < 0:
                raise ValueError("limit must be >= 0")
            sql += " LIMIT ?"
            params.append(limit)
        rows = self._conn.execute(sql, params).fetchall()
        return [
            StoredClaim(row[0], row[1], row[2], row[3], Claim.model_validate_json(row[4]))
            for row in rows
        ]

    def document(self, doc_id: str) -> Document | None:
        """The stored document with its claims and flags, or None."""
        sql = "SELECT json FROM documents WHERE doc_id = ?"
        row = self._conn.execute(sql, (doc_id,)).fetchone()
        return None if row is None else Document.model_validate_json(row[0])

    def documents(self) -> list[DocumentSummary]:
        """One summary per document, by publication date (undated last), then ingest time."""
        rows = self._conn.execute(
            "SELECT d.doc_id, d.title, d.published,"
            " (SELECT count(*) FROM claims AS c WHERE c.doc_id = d.doc_id),"
            " (SELECT count(*) FROM flags AS f WHERE f.doc_id = d.doc_id)"
            " FROM documents AS d"
            " ORDER BY d.published IS NULL, d.published, d.ingested_at, d.doc_id"
        ).fetchall()
        return [DocumentSummary(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: documents, claims, flags."""
        return {table: self._count(table) for table in ("documents", "claims", "flags")}

    def _count(self, table: str) -> int:
        # `table` is one of three literals above, never user input.
        return self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- opening ------------------------------------------------------------------------------------


def _check_parent(path: str) -> None:
    if path == MEMORY:
        return
    parent = Path(path).parent
    if not parent.is_dir():
        raise StoreError(f"cannot open store {path}: directory {parent} does not exist")
    if Path(path).is_dir():
        raise StoreError(f"cannot open store {path}: it is a directory")


def _configure(conn: sqlite3.Connection, path: str) -> None:
    conn.create_function("wc_fold", 1, _fold, deterministic=True)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open store {path}: {exc} (is it a warclaims store?)") from exc


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this store lacks, each in its own transaction."""
    conn.execute(MIGRATIONS_TABLE)
    current = _schema_version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"store schema version {current} is newer than this warclaims supports "
            f"({len(MIGRATIONS)}); upgrade warclaims"
        )
    for version in range(current + 1, len(MIGRATIONS) + 1):
        _apply_migration(conn, version)


def _apply_migration(conn: sqlite3.Connection, version: int) -> None:
    try:
        conn.executescript("BEGIN IMMEDIATE;\n" + MIGRATIONS[version - 1])
        conn.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, _now())
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _schema_version(conn) < version:  # not a concurrent opener that got there first
            raise


def _schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


# -- writing helpers ------------------------------------------------------------------------------


def _has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row is not None


_OUTLET_COLUMNS = "doc_id, relation, similarity, publisher, url, title, published, source"
_OUTLET_COLUMNS_S = ", ".join(f"s.{name}" for name in _OUTLET_COLUMNS.split(", "))


def _insert_source(
    conn: sqlite3.Connection, cluster_id: str, outlet: Outlet, ingested_at: str
) -> bool:
    """One `document_sources` row; False when this copy from this outlet is already there."""
    known = conn.execute(
        "SELECT 1 FROM document_sources WHERE doc_id = ? AND coalesce(publisher, '') = ?"
        " AND coalesce(url, '') = ?",
        (outlet.doc_id, outlet.publisher or "", outlet.url or ""),
    ).fetchone()
    if known is not None:
        return False
    cursor = conn.execute(
        "INSERT INTO document_sources (cluster_id, doc_id, relation, similarity,"
        " publisher, url, title, published, source, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            cluster_id,
            outlet.doc_id,
            outlet.relation,
            outlet.similarity,
            outlet.publisher,
            outlet.url,
            outlet.title,
            outlet.published,
            outlet.source,
            ingested_at,
        ),
    )
    return cursor.rowcount == 1


def _has_signature(conn: sqlite3.Connection, doc_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM minhashes WHERE doc_id = ?", (doc_id,)).fetchone()
    return row is not None


def _insert_signature(
    conn: sqlite3.Connection, doc_id: str, cluster_id: str, signature: Signature
) -> None:
    conn.execute(
        "INSERT INTO minhashes (doc_id, cluster_id, scheme, hashvalues) VALUES (?, ?, ?, ?)",
        (doc_id, cluster_id, signature.scheme, signature.hashvalues),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO lsh_bands (band, key, doc_id) VALUES (?, ?, ?)",
        [(band, key, doc_id) for band, key in enumerate(signature.bands)],
    )


def _insert_document(
    conn: sqlite3.Connection, doc: Document, source: str | None, ingested_at: str
) -> None:
    conn.execute(
        "INSERT INTO documents (doc_id, cluster_id, title, published, publisher, url, language,"
        " text, source, ingested_at, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.doc_id,
            doc.doc_id,
            doc.title,
            doc.published,
            doc.publisher,
            doc.url,
            doc.language,
            doc.text,
            source,
            ingested_at,
            doc.model_dump_json(),
        ),
    )


def _insert_claim(conn: sqlite3.Connection, doc_id: str, ordinal: int, claim: Claim) -> int:
    """Insert one claim row and return its id."""
    q, date, who = claim.quantity, claim.date, claim.claimant
    cursor = conn.execute(
        "INSERT INTO claims (doc_id, ordinal, kind, category, side, value, low, high, hedge,"
        " unit, date_start, date_end, claimant_name, claimant_mention, claimant_type,"
        " claimant_side, certainty, evidence_start, evidence_end, json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            ordinal,
            claim.kind,
            claim.category,
            claim.side,
            q.value if q else None,
            q.low if q else None,
            q.high if q else None,
            q.hedge if q else None,
            q.unit if q else None,
            date.start if date else None,
            date.end if date else None,
            who.name,
            who.mention,
            who.type,
            who.side,
            claim.certainty,
            claim.evidence.start,
            claim.evidence.end,
            claim.model_dump_json(),
        ),
    )
    claim_id = cursor.lastrowid
    assert claim_id is not None
    return claim_id


def _insert_places(conn: sqlite3.Connection, claim_id: int, places: list[Place]) -> None:
    conn.executemany(
        "INSERT INTO claim_places (claim_id, ordinal, mention, name, gazetteer_id, admin1,"
        " lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (claim_id, i, p.mention, p.name, p.gazetteer_id, p.admin1, p.lat, p.lon)
            for i, p in enumerate(places)
        ],
    )


def _insert_flags(conn: sqlite3.Connection, doc_id: str, flags: list[Flag]) -> None:
    conn.executemany(
        "INSERT INTO flags (doc_id, code, message, json) VALUES (?, ?, ?, ?)",
        [(doc_id, f.code, f.message, f.model_dump_json()) for f in flags],
    )


# -- reading helpers ----------------------------------------------------------------------------


def _claim_filters(
    kind: str | None,
    side: str | None,
    place: str | None,
    claimant: str | None,
    doc_id: str | None,
) -> tuple[str, list[Any]]:
    """A WHERE clause over `claims AS c` and its parameters."""
    clauses: list[str] = ["1 = 1"]
    params: list[Any] = []
    if kind is not None:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
        clauses.append("c.kind = ?")
        params.append(kind)
    if side is not None:
        clauses.append("c.side = ?")
        params.append(_side(side))
    if place is not None:
        needle = _needle(place, "place")
        clauses.append(
            "EXISTS (SELECT 1 FROM claim_places AS p WHERE p.claim_id = c.id AND"
            " (wc_fold(p.name) = ? OR wc_fold(p.mention) = ? OR wc_fold(p.admin1) = ?))"
        )
        params += [needle] * 3
    if claimant is not None:
        needle = _needle(claimant, "claimant")
        clauses.append(
            "(instr(wc_fold(c.claimant_name), ?) > 0 OR instr(wc_fold(c.claimant_mention), ?) > 0)"
        )
        params += [needle] * 2
    if doc_id is not None:
        clauses.append("c.doc_id = ?")
        params.append(doc_id)
    return " AND ".join(clauses), params


def _side(side: str) -> str:
    value = side.strip().upper()
    if value not in _SIDES:
        raise ValueError(f"unknown side {side!r}: expected RU or UA")
    return value


def _needle(value: str, what: str) -> str:
    folded = _fold(value.strip())
    if not folded:
        raise ValueError(f"empty {what} filter")
    return folded


def _fold(value: str | None) -> str | None:
    """Case- and normalisation-insensitive form for comparisons (also the SQL `wc_fold`)."""
    return None if value is None else unicodedata.normalize("NFC", value).casefold()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
