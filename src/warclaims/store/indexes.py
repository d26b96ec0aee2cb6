"""Query indexes that modules add to a store of any age, created only when missing.

An index is not created when the store already has one on the same columns, whatever its
name (another query module may have made it under its own).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

_TARGET = re.compile(r"\bON\s+(\w+)\s*\((.*)\)\s*$", re.IGNORECASE | re.DOTALL)


def index_target(sql: str) -> str | None:
    """'claims(kind,date_start)' for an index's CREATE statement (spacing, case and quotes
    ignored)."""
    found = _TARGET.search(sql)
    if found is None:
        return None
    return f"{found[1]}({found[2]})".casefold().replace(" ", "").replace('"', "")


def create_missing_indexes(conn: sqlite3.Connection, statements: Iterable[str]) -> list[str]:
    """Run the CREATE INDEX statements whose columns no index of the store covers yet;
    returns those it ran."""
    rows = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    existing = {index_target(row[0]) for row in rows}
    missing = [sql for sql in statements if index_target(sql) not in existing]
    for sql in missing:
        conn.execute(sql)
    return missing
