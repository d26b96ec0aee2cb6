"""Near-duplicate clusters: a wire story on five sites is one source with five outlets.

The store keeps a story once, as a cluster: `documents.cluster_id` (the stored document) and
`document_sources` (every outlet that carried it); `Store.cluster_of(doc_id)` answers the same
in Python. Comparison works with whichever of these the store has, and with none of them each
document is its own cluster with its own publisher as its one outlet.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any


class Clusters:
    """Maps documents to cluster ids and clusters to their outlets, for one store."""

    def __init__(self, store: Any) -> None:
        self._conn: sqlite3.Connection = store.connection
        self.column = _has_column(self._conn, "documents", "cluster_id")
        self.sources_table = _has_table(self._conn, "document_sources")
        method = getattr(store, "cluster_of", None)
        self._method: Callable[[str], object] | None = method if callable(method) else None
        self._cache: dict[str, str] = {}

    def sql_expr(self, alias: str = "d") -> str:
        """A SQL expression for the cluster id of `alias` (a documents row)."""
        if self.column:
            return f"coalesce({alias}.cluster_id, {alias}.doc_id)"
        return f"{alias}.doc_id"

    def resolve(self, doc_id: str, sql_value: str) -> str:
        """The cluster of `doc_id` given what `sql_expr` returned for it."""
        if self.column or self._method is None:
            return sql_value
        cached = self._cache.get(doc_id)
        if cached is None:
            cached = _cluster_key(self._method, doc_id)
            self._cache[doc_id] = cached
        return cached

    def outlets(self, clusters: Iterable[str]) -> dict[str, list[str]]:
        """Every outlet of each cluster in ingest order (clusters the store cannot say about
        are left out: the caller keeps the outlets of the claims' own documents)."""
        keys = list(dict.fromkeys(clusters))
        out: dict[str, list[str]] = {}
        if self.sources_table:
            sql = (
                "SELECT cluster_id, publisher, url, source, doc_id FROM document_sources"
                " WHERE cluster_id IN ({marks}) ORDER BY id"
            )
        elif self.column:
            sql = (
                "SELECT cluster_id, publisher, url, source, doc_id FROM documents"
                " WHERE cluster_id IN ({marks}) ORDER BY rowid"
            )
        else:
            return self._outlets_by_method(keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for cluster, publisher, url, source, doc_id in self._conn.execute(
                sql.format(marks=", ".join("?" * len(chunk))), chunk
            ):
                names = out.setdefault(cluster, [])
                name = outlet_name(publisher, url, source, doc_id)
                if name not in names:
                    names.append(name)
        return out

    def _outlets_by_method(self, keys: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        if self._method is None:
            return out
        for key in keys:
            try:
                names = getattr(self._method(key), "outlets", None)
            except Exception:  # a half-built cluster table must not break comparison
                names = None
            if names:
                out[key] = list(names)
        return out


def outlet_name(publisher: str | None, url: str | None, source: str | None, doc_id: str) -> str:
    """How an outlet is shown: its publisher, else its URL's host, else its file, else doc id."""
    if publisher:
        return publisher
    if url and "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]
        if host:
            return host.removeprefix("www.")
    return source or doc_id


def _cluster_key(method: Callable[[str], object], doc_id: str) -> str:
    """`cluster_of` may return an id, an object with `cluster_id`/`id`, or None."""
    try:
        value = method(doc_id)
    except Exception:  # a half-built cluster table must not break comparison
        return doc_id
    if value is None:
        return doc_id
    for attr in ("cluster_id", "id"):
        inner = getattr(value, attr, None)
        if inner is not None:
            return str(inner)
    return str(value)


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return row is not None
