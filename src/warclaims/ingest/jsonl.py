"""JSON and JSON-lines reports: one object per report, with configurable field names.

A `.json` file holds one object or an array of objects (or an object whose `items`,
`reports`, `articles` or `data` field is that array); a `.jsonl` file holds one object per
line. Each object gives the report's `text` (required), `title`, `published`, `url` and
`publisher`; `FieldNames` renames them, and a dotted name reads a nested field
('meta.date'). A bad line or item is one `InputError` and the others are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from warclaims.ingest.errors import InputError
from warclaims.ingest.meta import clean_string, published_date
from warclaims.ingest.text import Report, normalise_text, split_headline

_WRAPPERS = ("items", "reports", "articles", "data", "entries")


@dataclass(frozen=True, slots=True)
class FieldNames:
    """Which field of a JSON object holds each part of a report."""

    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    publisher: str = "publisher"

    def __post_init__(self) -> None:
        for field in fields(self):
            if not str(getattr(self, field.name)).strip():
                raise ValueError(f"empty JSON field name for {field.name}")


def report_from_record(
    record: Any,
    names: FieldNames,
    source: str,
    *,
    line: int | None = None,
    item: int | None = None,
    where: str = "",
    published: str | None = None,
) -> Report:
    """One JSON object as a report; `published` stands in when the record has no date.

    The report's source is `source:LINE` for a JSON line, `source#ITEM` for an array item.
    """

    def fail(reason: str) -> InputError:
        return InputError(source, f"{where}{reason}", line)

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {_json_type(record)}")
    raw_text = _get(record, names.text)
    if raw_text is None:
        raise fail(f"no {names.text!r} field (name the text field with --json-text)")
    if not isinstance(raw_text, str):
        raise fail(f"field {names.text!r} is {_json_type(raw_text)}, not a string")
    text = normalise_text(raw_text)
    if not text.strip():
        raise fail(f"field {names.text!r} is empty")
    try:
        date = published_date(_get(record, names.published))
    except ValueError as exc:
        raise fail(f"field {names.published!r}: {exc}") from exc
    return Report(
        text=text,
        title=clean_string(_get(record, names.title)) or split_headline(text),
        published=date or published,
        publisher=clean_string(_get(record, names.publisher)),
        url=clean_string(_get(record, names.url)),
        source=_label(source, line, item),
    )


def iter_json(
    text: str, names: FieldNames, source: str, *, published: str | None = None
) -> Iterator[Report | InputError]:
    """The reports of a whole JSON document (one object, or an array of them)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    records = _records(value)
    if records is None:
        yield _single(value, names, source, published)
        return
    if not records:
        yield InputError(source, "an empty JSON array: no reports")
        return
    for index, record in enumerate(records, start=1):
        try:
            yield report_from_record(
                record, names, source, item=index, where=f"item {index}: ", published=published
            )
        except InputError as exc:
            yield exc


def _single(
    value: Any, names: FieldNames, source: str, published: str | None
) -> Report | InputError:
    try:
        return report_from_record(value, names, source, published=published)
    except InputError as exc:
        return exc


def iter_jsonl(
    lines: Iterable[tuple[int, str] | InputError],
    names: FieldNames,
    source: str,
    *,
    published: str | None = None,
) -> Iterator[Report | InputError]:
    """The reports of JSON lines given as (line number, line); blank lines are skipped and
    an `InputError` among the lines (an undecodable one) is passed on."""
    for entry in lines:
        if isinstance(entry, InputError):
            yield entry
            continue
        number, line = entry
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        try:
            yield report_from_record(record, names, source, line=number, published=published)
        except InputError as exc:
            yield exc


def _label(source: str, line: int | None, item: int | None) -> str:
    if line is not None:
        return f"{source}:{line}"
    return source if item is None else f"{source}#{item}"


def _records(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _WRAPPERS:
            if isinstance(value.get(key), list):
                return value[key]
    return None


def _get(record: dict[str, Any], name: str) -> Any:
    """`record[name]`, or the nested field a dotted name points to ('meta.date')."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
