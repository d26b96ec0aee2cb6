"""Every input format in, one stream of reports (and input errors) out.

Inputs are files, directories (walked recursively for every known suffix) and `-` for
standard input. The format of a file comes from its suffix, or `ReadOptions.format` when
given; standard input and files with another suffix are sniffed from their first bytes.

    .txt .text .md          plain text, first line the headline      (files.read_report)
    .html .htm .xhtml       an article page                          (html)
    .json                   an object, or an array of objects        (jsonl)
    .jsonl .ndjson          one object per line, read line by line   (jsonl)
    .rss .atom .xml         an RSS/Atom feed, one report per entry   (feeds)

`--max-bytes` bounds each file, and each line of a JSON-lines input. Reading is lazy:
memory holds the file list and one file (one line for JSON lines), not the corpus.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from warclaims.ingest.encoding import decode_bytes, sniff_codec
from warclaims.ingest.errors import InputError
from warclaims.ingest.feeds import iter_feed, looks_like_feed
from warclaims.ingest.files import (
    DEFAULT_MAX_BYTES,
    date_from_name,
    iter_input_paths,
    read_bytes,
    report_from_text,
)
from warclaims.ingest.html import report_from_html
from warclaims.ingest.jsonl import FieldNames, iter_json, iter_jsonl
from warclaims.ingest.text import Report

STDIN = "-"
STDIN_LABEL = "<stdin>"
FORMATS: tuple[str, ...] = ("txt", "html", "json", "jsonl", "feed")
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
INGEST_SUFFIXES: frozenset[str] = frozenset(SUFFIX_FORMATS)
_SNIFF_BYTES = 65_536
_CHUNK = 65_536

Item = Report | InputError


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read the inputs: a forced format, JSON field names, defaults and limits."""

    format: str | None = None  # None: by suffix (sniffed for stdin and unknown suffixes)
    fields: FieldNames = field(default_factory=FieldNames)
    published: str | None = None  # for reports that carry no date of their own
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}: expected one of {FORMATS}")


class ReportReader:
    """Iterate to get each input's reports and errors in order; `done`/`total` tell the
    progress in bytes (`total` is None when standard input is among the inputs)."""

    def __init__(
        self,
        inputs: Sequence[str | Path],
        options: ReadOptions | None = None,
        *,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.options = options or ReadOptions()
        self._stdin = stdin
        self._inputs = [str(raw) for raw in inputs]
        self._plan: list[Path | InputError | str] = []
        for raw in inputs:
            if str(raw) == STDIN:
                self._plan.append(STDIN)
            else:
                self._plan.extend(iter_input_paths([Path(raw)], INGEST_SUFFIXES))
        self.total: int | None = 0
        for entry in self._plan:
            if entry == STDIN:
                self.total = None
            elif isinstance(entry, Path) and self.total is not None:
                self.total += _size(entry)
        self.done = 0
        self.files = sum(1 for entry in self._plan if not isinstance(entry, InputError))

    def __iter__(self) -> Iterator[Item]:
        found = False
        for entry in self._plan:
            if isinstance(entry, InputError):
                yield entry
                continue
            found = True
            if entry == STDIN:
                yield from self._read_stream(self._stdin or sys.stdin.buffer, STDIN_LABEL, None)
            else:
                assert isinstance(entry, Path)
                start = self.done
                yield from self._read_file(entry)
                self.done = start + _size(entry)
        if not found and not any(isinstance(entry, InputError) for entry in self._plan):
            suffixes = ", ".join(sorted(INGEST_SUFFIXES))
            yield InputError(
                ", ".join(self._inputs) or "(no inputs)",
                f"no report files found (report files end in {suffixes})",
            )

    # -- one input ----------------------------------------------------------------------------

    def _read_file(self, path: Path) -> Iterator[Item]:
        source = str(path)
        fmt = self.options.format or SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt == "jsonl" or fmt is None:
            try:
                with path.open("rb") as handle:
                    yield from self._read_stream(handle, source, fmt, name=path.name)
            except OSError as exc:
                yield InputError(source, f"cannot read: {exc.strerror or exc}")
            return
        try:
            data = read_bytes(path, source, self.options.max_bytes)
        except InputError as exc:
            yield exc
            return
        yield from self._parse(data, fmt, source, path.name)

    def _read_stream(
        self, stream: BinaryIO, source: str, fmt: str | None, *, name: str = ""
    ) -> Iterator[Item]:
        """A file handle or standard input: JSON lines streamed, anything else read whole."""
        head = stream.read(_SNIFF_BYTES)
        fmt = fmt or self.options.format or sniff_format(head)
        if fmt == "jsonl":
            yield from self._jsonl(head, stream, source, name)
            return
        data = head + stream.read(max(0, self.options.max_bytes + 1 - len(head)))
        if len(data) > self.options.max_bytes:
            yield InputError(source, f"input larger than {self.options.max_bytes} bytes")
            return
        self.done += len(data) if source == STDIN_LABEL else 0
        yield from self._parse(data, fmt, source, name)

    def _parse(self, data: bytes, fmt: str, source: str, name: str) -> Iterator[Item]:
        fallback = self.options.published or date_from_name(name)
        try:
            if fmt == "txt":
                yield report_from_text(data, source, published=fallback)
            elif fmt == "html":
                yield report_from_html(data, source, published=fallback)
            elif fmt == "feed":
                yield from iter_feed(data, source, published=fallback)
            elif fmt == "json":
                text = decode_bytes(data, source) if data.strip() else ""
                if not text.strip():
                    raise InputError(source, "empty file")
                yield from iter_json(text, self.options.fields, source, published=fallback)
            else:  # pragma: no cover - FORMATS is checked in ReadOptions
                raise InputError(source, f"unknown format {fmt!r}")
        except InputError as exc:
            yield exc

    def _jsonl(self, head: bytes, stream: BinaryIO, source: str, name: str) -> Iterator[Item]:
        fallback = self.options.published or date_from_name(name)
        codec = sniff_codec(head)
        codec = "utf-8" if codec == "utf-8-sig" else codec
        if codec is None:  # UTF-16/32: decode the whole input, then split it
            rest = stream.read(max(0, self.options.max_bytes + 1 - len(head)))
            try:
                text = decode_bytes(head + rest, source)
            except InputError as exc:
                yield exc
                return
            numbered = enumerate(text.splitlines(), start=1)
            yield from iter_jsonl(numbered, self.options.fields, source, published=fallback)
            return
        lines = _decoded_lines(head, stream, codec, source, self.options.max_bytes, self._advance)
        yield from iter_jsonl(lines, self.options.fields, source, published=fallback)

    def _advance(self, n: int) -> None:
        self.done += n


def sniff_format(head: bytes) -> str:
    """The format of an input that starts with `head` (standard input, unknown suffixes)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first = start.split(b"\n", 1)[0]
        try:
            json.loads(first)
        except ValueError:
            return "json"  # one object over several lines
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if looks_like_feed(start) else "html"
    return "txt"


def _decoded_lines(
    head: bytes,
    stream: BinaryIO,
    codec: str,
    source: str,
    max_bytes: int,
    advance: Callable[[int], None],
) -> Iterator[tuple[int, str] | InputError]:
    """(line number, text) of each line, reading `stream` in chunks after `head`."""
    number = 0
    for raw in _raw_lines(head, stream, max_bytes):
        number += 1
        if raw is None:
            yield InputError(source, f"line longer than {max_bytes} bytes (--max-bytes)", number)
            continue
        advance(len(raw))
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield number, raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            try:
                yield number, decode_bytes(raw, source)
            except InputError as exc:
                yield InputError(source, exc.reason, number)


def _raw_lines(head: bytes, stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of head + stream (None for one longer than `max_bytes`, which is skipped)."""
    buffer = head
    skipping = False
    while True:
        newline = buffer.find(b"\n")
        if newline >= 0:
            line, buffer = buffer[: newline + 1], buffer[newline + 1 :]
            if skipping:
                skipping = False
                yield None
            elif len(line) > max_bytes:
                yield None
            else:
                yield line
            continue
        if len(buffer) > max_bytes:
            skipping, buffer = True, b""
        chunk = stream.read(_CHUNK)
        if not chunk:
            if skipping:
                yield None
            elif buffer:
                yield buffer
            return
        buffer += chunk


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
