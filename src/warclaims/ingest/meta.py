"""Report metadata from structured inputs: publication dates and plain strings."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from typing import Any

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def published_date(value: Any) -> str | None:
    """An ISO day (YYYY-MM-DD) from what a feed or a JSON record gives as its date.

    Accepts ISO 8601 dates and date-times ('2025-11-20', '2025-11-20T09:15:00Z'), RFC 2822
    ('Thu, 20 Nov 2025 09:15:00 GMT'), a `time.struct_time`, a Unix timestamp, and other
    written forms that `dateparser` reads ('20 November 2025'). None when there is no value;
    ValueError when there is one that cannot be read as a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value, dt.UTC).date().isoformat()
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return _parse_text_date(value)


def _parse_text_date(value: str) -> str:
    iso = _ISO_DAY.match(value)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups())).isoformat()
        except ValueError as exc:
            raise ValueError(f"not a date: {value!r}") from exc
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import: only for the odd written form

    parsed = dateparser.parse(
        value, languages=["en", "ru", "uk"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    if parsed is None:
        raise ValueError(f"not a date: {value!r}")
    return parsed.date().isoformat()


def clean_string(value: Any) -> str | None:
    """A stripped, non-empty string or None (numbers become their text; lists, objects: None)."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None
