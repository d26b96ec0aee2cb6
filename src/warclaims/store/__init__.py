"""The embedded claim store (SQLite for now)."""

from warclaims.store.db import (
    DocumentSummary,
    Store,
    StoredClaim,
    StoreError,
    open_store,
    parse_store_url,
)

__all__ = [
    "DocumentSummary",
    "Store",
    "StoreError",
    "StoredClaim",
    "open_store",
    "parse_store_url",
]
