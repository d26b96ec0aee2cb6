"""compare's precomputed groups: each kind's groups over the whole store, kept in SQLite.

A comparison without a place, a period or a window of its own groups every claim of a kind (or
of all kinds); at a million claims that is minutes of Python per query. Kinds never share a
group, so the store keeps each kind's ranked groups in `compare_groups` (schema migration 3)
with their verdicts and member claim ids, and such a query reads them: the verdict counts in
one SQL count, and the claims of a group only when it is shown (`GroupResult.deferred`).

Staying correct: triggers on claims, claim_places and documents mark the kinds whose claims
changed in `compare_dirty` (every writer, ingest included, keeps it without knowing), and
`refresh` rebuilds exactly those kinds with `compute_comparison`, the same code the other
queries run, so the precomputed groups are the computed ones. A rebuild is idempotent; a
read-only store is answered by computing.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from warclaims.compare.clusters import Clusters
from warclaims.compare.engine import VERDICTS, Comparison, GroupResult, analyse, compute_comparison
from warclaims.compare.grouping import Group, PlaceKey
from warclaims.compare.load import DEFAULT_WINDOW_DAYS, CompareFilters, load_claims_by_id
from warclaims.model import KINDS

ALL_KINDS = "*"  # a compare_dirty row that marks every kind
_RANK = {verdict: i for i, verdict in enumerate(VERDICTS)}
_COLUMNS = 'kind, verdict, family, start, "end", places, members'
_INSERT = (
    "INSERT INTO compare_groups (kind, position, verdict_rank, n_claims, start_day,"
    ' first_claim, verdict, family, start, "end", places, members)'
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
GroupRow = tuple[str, str, str, int | None, int | None, str, str]


def cacheable(filters: CompareFilters) -> bool:
    """Whether the precomputed groups answer these filters (a kind at most)."""
    return (
        filters.place is None
        and filters.since is None
        and filters.until is None
        and filters.window_days == DEFAULT_WINDOW_DAYS
    )


def cached_comparison(store: Any, filters: CompareFilters) -> Comparison | None:
    """The comparison read from the precomputed groups (refreshed first when stale), or None
    when these filters need computing or the store cannot hold the groups (read-only, old)."""
    if not cacheable(filters):
        return None
    conn: sqlite3.Connection = store.connection
    kinds = [filters.kind] if filters.kind is not None else list(KINDS)
    try:
        refresh(store, kinds)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc) or "no such table" in str(exc):
            return None
        raise
    n_claims = conn.execute(
        f"SELECT coalesce(sum(n_claims), 0) FROM compare_kinds"
        f" WHERE kind IN ({', '.join('?' * len(kinds))})",
        kinds,
    ).fetchone()[0]
    clusters = Clusters(store)
    return Comparison(filters, n_claims, StoredGroups(conn, clusters, filters.kind), clusters)


def stale_kinds(conn: sqlite3.Connection, kinds: Iterable[str]) -> list[str]:
    """The kinds among `kinds` whose precomputed groups are missing or out of date."""
    dirty = {row[0] for row in conn.execute("SELECT kind FROM compare_dirty")}
    built = {row[0] for row in conn.execute("SELECT kind FROM compare_kinds")}
    return [k for k in kinds if ALL_KINDS in dirty or k in dirty or k not in built]


def refresh(store: Any, kinds: Iterable[str] = KINDS) -> list[str]:
    """Rebuild the precomputed groups of the stale kinds among `kinds`; returns those rebuilt.

    One write transaction: the groups are computed from the claims as they are in it."""
    conn: sqlite3.Connection = store.connection
    kinds = list(kinds)
    if not stale_kinds(conn, kinds):
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM compare_dirty WHERE kind = ?", (ALL_KINDS,)).fetchone():
            # turn "every kind" into "no kind built", so kinds can be rebuilt one at a time
            conn.execute("DELETE FROM compare_kinds")
            conn.execute("DELETE FROM compare_dirty WHERE kind = ?", (ALL_KINDS,))
        rebuilt = stale_kinds(conn, kinds)
        for kind in rebuilt:
            _rebuild(store, conn, kind)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return rebuilt


def _rebuild(store: Any, conn: sqlite3.Connection, kind: str) -> None:
    filters = CompareFilters(kind=kind, window_days=DEFAULT_WINDOW_DAYS)
    comparison = compute_comparison(store, filters)
    conn.execute("DELETE FROM compare_groups WHERE kind = ?", (kind,))
    conn.executemany(_INSERT, (_row(kind, i, r) for i, r in enumerate(comparison.groups)))
    conn.execute(
        "INSERT OR REPLACE INTO compare_kinds (kind, n_claims, window_days) VALUES (?, ?, ?)",
        (kind, comparison.n_claims, DEFAULT_WINDOW_DAYS),
    )
    conn.execute("DELETE FROM compare_dirty WHERE kind = ?", (kind,))


def _row(kind: str, position: int, result: GroupResult) -> tuple[object, ...]:
    group = result.group
    places = [[p.level, p.key, p.display, p.admin1] for p in group.places]
    return (
        kind,
        position,
        _RANK[result.verdict],
        len(result.claims),  # the rank's size: claims after one document per cluster
        group.start or 0,
        group.members[0].claim_id,
        result.verdict,
        group.family,
        group.start,
        group.end,
        json.dumps(places, ensure_ascii=False),
        ",".join(str(c.claim_id) for c in group.members),
    )


class StoredGroups(Sequence[GroupResult]):
    """The precomputed groups of one kind (or all) in rank order, read as they are asked for:
    indexing and slicing read only those rows, and a group's claims are read when shown.
    A position read twice gives the same object (add_details fills in what is shown)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        clusters: Clusters,
        kind: str | None,
        verdict: str | None = None,
    ) -> None:
        self._conn = conn
        self._clusters = clusters
        self._kind = kind
        where = {"kind = ?": kind, "verdict = ?": verdict}
        self._params = tuple(value for value in where.values() if value is not None)
        clauses = [clause for clause, value in where.items() if value is not None]
        self._where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        # the order compare sorts in; position (a kind's own rank) breaks ties within a kind
        self._order = (
            "position"
            if kind is not None
            else "verdict_rank, n_claims DESC, start_day DESC, first_claim, position"
        )
        sql = f"SELECT count(*) FROM compare_groups{self._where}"
        self._len: int = conn.execute(sql, self._params).fetchone()[0]
        self._made: dict[int, GroupResult] = {}

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> GroupResult: ...
    @overload
    def __getitem__(self, index: slice) -> list[GroupResult]: ...
    def __getitem__(self, index: int | slice) -> GroupResult | list[GroupResult]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return list(self._read(start, max(0, stop - start)))
        position = index + self._len if index < 0 else index
        if not 0 <= position < self._len:
            raise IndexError("group index out of range")
        return next(self._read(position, 1))

    def __iter__(self) -> Iterator[GroupResult]:
        return self._read(0, -1)

    def with_verdict(self, verdict: str) -> StoredGroups:
        return StoredGroups(self._conn, self._clusters, self._kind, verdict)

    def verdict_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        sql = f"SELECT verdict, count(*) FROM compare_groups{self._where} GROUP BY verdict"
        counts.update(self._conn.execute(sql, self._params))
        return counts

    def _read(self, offset: int, limit: int) -> Iterator[GroupResult]:
        sql = (
            f"SELECT {_COLUMNS} FROM compare_groups{self._where}"
            f" ORDER BY {self._order} LIMIT ? OFFSET ?"
        )
        rows = self._conn.execute(sql, (*self._params, limit, offset)).fetchall()
        for position, row in enumerate(rows, offset):
            made = self._made.get(position)
            if made is None:
                made = GroupResult.deferred(row[1], functools.partial(self._load, row))
                self._made[position] = made
            yield made

    def _load(self, row: GroupRow) -> GroupResult:
        kind, _verdict, family, start, end, places, members = row
        ids = [int(i) for i in members.split(",")]
        claims = load_claims_by_id(self._conn, ids, self._clusters)
        keys = [PlaceKey(*p) for p in json.loads(places)]
        return analyse(Group(kind, family, keys, start, end, [claims[i] for i in ids]))
