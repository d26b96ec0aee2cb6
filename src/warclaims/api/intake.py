"""Reports arriving over HTTP (JSON, form text or a file upload): read, analyse, store."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from warclaims.api.errors import ApiError
from warclaims.ingest.files import REPORT_SUFFIXES, InputError, read_report
from warclaims.ingest.text import Report, normalise_text
from warclaims.model import Document
from warclaims.store.queries import LANGUAGES

UPLOAD_TYPES = frozenset(
    {"text/plain", "text/markdown", "text/x-markdown", "application/octet-stream"}
)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def report_from_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    language: str | None = None,
    max_chars: int,
) -> Report:
    """A Report from pasted or posted text; ApiError (400/413/422) when it is unusable."""
    if len(text) > max_chars:
        raise ApiError(413, "too_large", f"the report is longer than {max_chars:,} characters")
    text = normalise_text(text)
    if not text.strip():
        raise ApiError(422, "invalid_request", "the report text is empty")
    return Report(
        text=text,
        title=_clean(title),
        published=check_date(published),
        publisher=_clean(publisher),
        url=_clean(url),
        language=check_language(language),
        source="<http>",
    )


def report_from_upload(
    data: bytes,
    filename: str | None,
    content_type: str | None,
    *,
    published: str | None,
    max_chars: int,
) -> Report:
    """A Report from an uploaded file: its suffix and type must be a plain-text report's, and
    its encoding is detected as for `warclaims ingest`."""
    name = Path(filename or "report.txt").name
    suffix = Path(name).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        allowed = ", ".join(sorted(REPORT_SUFFIXES))
        raise ApiError(
            415, "unsupported_media_type", f"upload a report file ({allowed}), not {name!r}"
        )
    media = (content_type or "application/octet-stream").split(";")[0].strip().lower()
    if media not in UPLOAD_TYPES:
        raise ApiError(415, "unsupported_media_type", f"upload plain text, not {media}")
    safe = _UNSAFE_NAME.sub("_", name)[-100:] or "report.txt"
    with tempfile.TemporaryDirectory(prefix="warclaims-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        try:
            report = read_report(path, published=check_date(published), max_bytes=max(1, len(data)))
        except InputError as exc:
            raise ApiError(422, "invalid_request", f"{name}: {exc.reason}") from exc
    if len(report.text) > max_chars:
        raise ApiError(413, "too_large", f"the report is longer than {max_chars:,} characters")
    return Report(
        text=report.text,
        title=report.title,
        published=report.published,
        source=name,
    )


def with_metadata(
    report: Report,
    *,
    title: str | None,
    publisher: str | None,
    url: str | None,
    language: str | None,
) -> Report:
    return Report(
        text=report.text,
        title=_clean(title) or report.title,
        published=report.published,
        publisher=_clean(publisher),
        url=_clean(url),
        language=check_language(language),
        source=report.source,
    )


def analyse_report(report: Report) -> Document:
    from warclaims.pipeline import analyse

    return analyse(report)


def check_date(value: str | None) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ApiError(
            422, "invalid_request", f"published {value!r} is not a date: use YYYY-MM-DD"
        ) from exc


def check_language(value: str | None) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    if value not in LANGUAGES:
        raise ApiError(422, "invalid_request", f"language must be one of {', '.join(LANGUAGES)}")
    return value


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
