"""The embedded claim store (SQLite for now)."""

from warclaims.store.db import (
    Cluster,
    DocumentSummary,
    Located,
    Outlet,
    Signature,
    Store,
    StoredClaim,
    StoreError,
    open_store,
    parse_store_url,
)

__all__ = [
    "Cluster",
    "DocumentSummary",
    "Located",
    "Outlet",
    "Signature",
    "Store",
    "StoreError",
    "StoredClaim",
    "open_store",
    "parse_store_url",
]
