"""compare's precomputed groups: the groups of each kind over the whole store, kept in SQLite.

A comparison without a place, a period or a window of its own groups every claim of a kind (or
of all kinds); at a million claims that is minutes of Python per query. Groups never mix kinds
or category families, so the store keeps the ranked groups of each (kind, family) in
`compare_groups` (schema migration 3) with their verdicts and member claim ids, and such a
query reads them: the verdict counts in one SQL count, a group's claims only when it is shown
(`GroupResult.deferred`).

Staying correct: triggers on claims, claim_places and documents mark each (kind, category)
whose claims changed in `compare_dirty` (every writer keeps it without knowing), and `refresh`
rebuilds exactly those families (a kind never built, or '*', as a whole) with
`compute_comparison`, the code the other queries run, so the precomputed groups are the
computed ones. Ingest refreshes at its end (`maintain`); a compare that finds marks refreshes
first. A rebuild is idempotent; a read-only store is answered by computing.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from warclaims.compare.clusters import Clusters
from warclaims.compare.engine import VERDICTS, Comparison, GroupResult, analyse, compute_comparison
from warclaims.compare.grouping import Group, PlaceKey, family
from warclaims.compare.load import (
    DEFAULT_WINDOW_DAYS,
    ClaimRow,
    CompareFilters,
    load_claims_by_id,
)
from warclaims.model import KINDS

ALL_KINDS = "*"  # a compare_dirty row that marks every kind
_RANK = {verdict: i for i, verdict in enumerate(VERDICTS)}
_ORDER = "verdict_rank, n_claims DESC, start_day DESC, first_claim, position"  # as compare sorts
_COLUMNS = 'kind, verdict, family, start, "end", places, members'
_INSERT = (
    "INSERT INTO compare_groups (kind, family, position, verdict_rank, n_claims, start_day,"
    ' first_claim, verdict, start, "end", places, members)'
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
GroupRow = tuple[str, str, str, int | None, int | None, str, str]
PREFETCH = 200  # groups whose claims one query reads when groups are loaded in order
Stale = dict[str, set[str] | None]  # kind -> the families to rebuild (None: the whole kind)


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
        if _cannot_write(exc) or "no such table" in str(exc):
            return None  # computed instead (a writer holding the store, a read-only file)
        raise
    n_claims = conn.execute(
        f"SELECT coalesce(sum(n_claims), 0) FROM compare_families"
        f" WHERE kind IN ({', '.join('?' * len(kinds))})",
        kinds,
    ).fetchone()[0]
    clusters = Clusters(store)
    return Comparison(filters, n_claims, StoredGroups(conn, clusters, filters.kind), clusters)


def maintain(store: Any) -> list[tuple[str, str | None]]:
    """Bring the precomputed groups up to date after a write (the end of an ingest). A store
    that is busy or read-only keeps its marks: the next broad compare rebuilds them."""
    try:
        return refresh(store)
    except sqlite3.OperationalError as exc:
        if _cannot_write(exc):
            return []
        raise


def stale(conn: sqlite3.Connection, kinds: Iterable[str]) -> Stale:
    """What among `kinds` is missing or out of date: whole kinds or some of their families."""
    marked: dict[str, set[str]] = defaultdict(set)
    for kind, category in conn.execute("SELECT kind, category FROM compare_dirty"):
        marked[kind].add(family(kind, category or None))
    built = {row[0] for row in conn.execute("SELECT kind FROM compare_kinds")}
    out: Stale = {}
    for kind in kinds:
        if ALL_KINDS in marked or kind not in built:
            out[kind] = None
        elif kind in marked:
            out[kind] = marked[kind]
    return out


def refresh(store: Any, kinds: Iterable[str] = KINDS) -> list[tuple[str, str | None]]:
    """Rebuild what is stale among `kinds`; returns (kind, family) rebuilt, family None for a
    whole kind. One write transaction: the groups are computed from the claims as they are."""
    conn: sqlite3.Connection = store.connection
    kinds = list(kinds)
    if not stale(conn, kinds):
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM compare_dirty WHERE kind = ?", (ALL_KINDS,)).fetchone():
            # "every kind" becomes "no kind built", so kinds can be rebuilt one at a time
            conn.execute("DELETE FROM compare_kinds")
            conn.execute("DELETE FROM compare_dirty WHERE kind = ?", (ALL_KINDS,))
        rebuilt: list[tuple[str, str | None]] = []
        for kind, families in stale(conn, kinds).items():
            if families is None:
                _rebuild_kind(store, conn, kind)
                rebuilt.append((kind, None))
            else:
                for fam in sorted(families):
                    _rebuild_family(store, conn, kind, fam)
                    rebuilt.append((kind, fam))
            conn.execute("DELETE FROM compare_dirty WHERE kind = ?", (kind,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return rebuilt


def _rebuild_kind(store: Any, conn: sqlite3.Connection, kind: str) -> None:
    comparison = compute_comparison(store, CompareFilters(kind=kind), verdicts_only=True)
    conn.execute("DELETE FROM compare_groups WHERE kind = ?", (kind,))
    conn.execute("DELETE FROM compare_families WHERE kind = ?", (kind,))
    by_family: dict[str, list[GroupResult]] = defaultdict(list)
    for result in comparison.groups:  # in rank order: each family's share keeps its order
        by_family[result.group.family].append(result)
    for fam, results in by_family.items():
        _store_family(conn, kind, fam, results, _claims_of(results))
    conn.execute(
        "INSERT OR REPLACE INTO compare_kinds (kind, window_days) VALUES (?, ?)",
        (kind, DEFAULT_WINDOW_DAYS),
    )


def _rebuild_family(store: Any, conn: sqlite3.Connection, kind: str, fam: str) -> None:
    rows = conn.execute("SELECT DISTINCT category FROM claims WHERE kind = ?", (kind,))
    categories = [row[0] for row in rows if family(kind, row[0]) == fam]
    filters = CompareFilters(kind=kind)
    comparison = compute_comparison(store, filters, categories, verdicts_only=True)
    conn.execute("DELETE FROM compare_groups WHERE kind = ? AND family = ?", (kind, fam))
    conn.execute("DELETE FROM compare_families WHERE kind = ? AND family = ?", (kind, fam))
    if comparison.n_claims:
        _store_family(conn, kind, fam, list(comparison.groups), comparison.n_claims)


def _claims_of(results: list[GroupResult]) -> int:
    """How many distinct claims the groups hold (every claim of a family is in a group)."""
    return len({c.claim_id for r in results for c in r.group.members})


def _store_family(
    conn: sqlite3.Connection, kind: str, fam: str, results: list[GroupResult], n_claims: int
) -> None:
    conn.executemany(_INSERT, (_row(kind, fam, i, r) for i, r in enumerate(results)))
    conn.execute(
        "INSERT INTO compare_families (kind, family, n_claims) VALUES (?, ?, ?)",
        (kind, fam, n_claims),
    )


def _row(kind: str, fam: str, position: int, result: GroupResult) -> tuple[object, ...]:
    group = result.group
    places = [[p.level, p.key, p.display, p.admin1] for p in group.places]
    return (
        kind,
        fam,
        position,
        _RANK[result.verdict],
        len(result.claims),  # the rank's size: claims after one document per cluster
        group.start or 0,
        group.members[0].claim_id,
        result.verdict,
        group.start,
        group.end,
        json.dumps(places, ensure_ascii=False),
        ",".join(str(c.claim_id) for c in group.members),
    )


def _cannot_write(exc: sqlite3.OperationalError) -> bool:
    """Whether the store cannot be written now: read-only, or locked by another writer."""
    return any(why in str(exc) for why in ("readonly", "read-only", "locked", "busy"))


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
        where = {"kind = ?": kind, "verdict_rank = ?": None if verdict is None else _RANK[verdict]}
        self._params = tuple(value for value in where.values() if value is not None)
        clauses = [clause for clause, value in where.items() if value is not None]
        self._where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT count(*) FROM compare_groups{self._where}"
        self._len: int = conn.execute(sql, self._params).fetchone()[0]
        self._made: dict[int, GroupResult] = {}
        self._rows: dict[int, GroupRow] = {}  # rows read whose groups are not loaded yet
        self._claims: dict[int, ClaimRow] = {}  # the claims of the last prefetch

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
        sql = f"SELECT verdict_rank, count(*) FROM compare_groups{self._where} GROUP BY 1"
        for rank, n in self._conn.execute(sql, self._params):
            counts[VERDICTS[rank]] = n
        return counts

    def _read(self, offset: int, limit: int) -> Iterator[GroupResult]:
        sql = (
            f"SELECT {_COLUMNS} FROM compare_groups{self._where} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
        )
        rows = self._conn.execute(sql, (*self._params, limit, offset)).fetchall()
        for position, row in enumerate(rows, offset):
            made = self._made.get(position)
            if made is None:
                self._rows[position] = row
                made = GroupResult.deferred(row[1], functools.partial(self._load, position))
                self._made[position] = made
            yield made

    def _load(self, position: int) -> GroupResult:
        kind, _verdict, fam, start, end, places, members = self._rows.pop(position)
        ids = [int(i) for i in members.split(",")]
        if any(i not in self._claims for i in ids):
            self._prefetch(position, ids)
        keys = [PlaceKey(*p) for p in json.loads(places)]
        group = Group(kind, fam, keys, start, end, [self._claims[i] for i in ids])
        return analyse(group)

    def _prefetch(self, position: int, ids: list[int]) -> None:
        """Read the claims of this group and of the next groups read but not yet loaded in
        one query: going through every group (an export) costs a query per PREFETCH groups."""
        wanted = set(ids)
        for later in range(position + 1, position + PREFETCH):
            row = self._rows.get(later)
            if row is not None:
                wanted.update(int(i) for i in row[6].split(","))
        self._claims = load_claims_by_id(self._conn, list(wanted), self._clusters)
