"""The indexes `compare`, `reference` and `export` read through, created idempotently.

The store's schema (store/schema.py) indexes what ingest and `claims` need; the query modules
add theirs here with CREATE INDEX IF NOT EXISTS, so a store of any age gets them on first use.
An index is not created when the store already has one on the same columns (another query
module may have made it under its own name).
"""

from __future__ import annotations

import sqlite3

from warclaims.store.indexes import create_missing_indexes

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS wc_claims_kind_date ON claims (kind, date_start)",
    "CREATE INDEX IF NOT EXISTS wc_claims_dates ON claims (date_start, date_end)",
    "CREATE INDEX IF NOT EXISTS wc_claims_doc ON claims (doc_id)",
    "CREATE INDEX IF NOT EXISTS wc_places_name_nocase ON claim_places (name COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS wc_places_mention_nocase ON claim_places (mention COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS wc_places_admin1_nocase ON claim_places (admin1 COLLATE NOCASE)",
)


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Create the query indexes when missing (a no-op when they exist); ANALYZE after a build.

    On a read-only database the indexes are skipped: queries still work, only slower.
    """
    try:
        if create_missing_indexes(conn, INDEXES):
            conn.execute("ANALYZE")
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc) and "read-only" not in str(exc):
            raise
