"""Reading report files robustly: one clear `InputError` per bad input, never a traceback."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from warclaims.ingest.text import Report, normalise_text, split_headline

DEFAULT_MAX_BYTES = 20_000_000
REPORT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md"})

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF, CR; plus DEL. Real text has (almost) none.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


class InputError(Exception):
    """A report that cannot be read, with where and why (and what to do, where possible)."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        return (InputError, (self.source, self.reason, self.line))


def read_report(
    path: Path, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Read, decode and normalise one report file; raise `InputError` for anything unusable."""
    source = str(path)
    data = _read_bytes(path, source, max_bytes)
    if not data:
        raise InputError(source, "empty file")
    text = normalise_text(_decode(data, source))
    if not text.strip():
        raise InputError(source, "empty file (whitespace only)")
    return Report(
        text=text,
        title=split_headline(text),
        published=published or date_from_name(path.name),
        source=source,
    )


_NAME_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(name: str) -> str | None:
    """'en_wire_20240501.txt' → '2024-05-01': a dated file name stands in for a missing
    publication date (an explicit --published always wins)."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


def iter_input_paths(paths: list[Path]) -> Iterator[Path | InputError]:
    """The report files named by `paths`, in order, each once.

    Files are taken as given; directories are walked recursively in sorted order, skipping
    hidden entries, README/LICENSE-style files and files whose suffix is not a report suffix
    (.txt, .text, .md).
    A path that does not exist (or a directory that cannot be listed) yields an `InputError`.
    """
    seen: set[Path] = set()
    for path in paths:
        for item in _expand(path, set()):
            if isinstance(item, Path):
                key = _identity(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


# -- reading ----------------------------------------------------------------------------------


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, at most `max_bytes` (size checked before and while reading)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source, "is a directory; pass files, or use a directory input")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise _too_large(source, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded even if the file grows or is a pipe
    except OSError as exc:
        raise _os_error(source, exc) from exc
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise InputError(source, f"invalid path: {exc}") from exc
    if len(data) > max_bytes:
        raise _too_large(source, None, max_bytes)
    return data


def _too_large(source: str, size: int | None, max_bytes: int) -> InputError:
    amount = f"{_human_size(size)} > " if size is not None else "over "
    return InputError(
        source,
        f"file too large ({amount}{_human_size(max_bytes)} limit; raise it with --max-bytes)",
    )


def _human_size(n: int) -> str:
    if n >= 1_000_000:
        return _trim(n / 1_000_000) + " MB"
    if n >= 1000:
        return _trim(n / 1000) + " kB"
    return f"{n} bytes"


def _trim(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _os_error(source: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(source, "no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied; check the file's read permission")
    if isinstance(exc, IsADirectoryError):
        return InputError(source, "is a directory; pass files, or use a directory input")
    return InputError(source, f"cannot read: {exc.strerror or exc}")


# -- decoding ---------------------------------------------------------------------------------


def _decode(data: bytes, source: str) -> str:
    """BOM, then strict UTF-8, then a UTF-16/32 pattern, then charset detection."""
    text = _decode_bom(data, source)
    if text is None and b"\x00" in data:
        text = _decode_wide(data)
        if text is None:
            raise _binary(source, "NUL bytes")
    if text is None:
        text = _decode_utf8_or_detect(data, source)
    if _looks_binary(text):
        raise _binary(source, "control characters")
    return text


def _binary(source: str, why: str) -> InputError:
    return InputError(source, f"binary file ({why}); only text reports are read")


def _decode_bom(data: bytes, source: str) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                name = codec.upper().replace("-LE", " LE").replace("-BE", " BE")
                raise InputError(
                    source,
                    f"cannot decode: starts with a {name} byte-order mark but is not {name}; "
                    "convert it to UTF-8",
                    line=_line_of(data, len(bom) + exc.start),
                ) from exc
    return None


def _decode_wide(data: bytes) -> str | None:
    """Text in UTF-16/UTF-32 without a BOM, recognised by where its NUL bytes sit."""
    codec = _wide_codec(data)
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def _wide_codec(data: bytes) -> str | None:
    if len(data) % 4 == 0:
        lanes = [data[i::4].count(0) for i in range(4)]
        units = len(data) // 4
        if lanes[2] == lanes[3] == units and lanes[0] < units:
            return "utf-32-le"
        if lanes[0] == lanes[1] == units and lanes[3] < units:
            return "utf-32-be"
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # A few NULs may sit on the other lane (U+0100, U+0400, ... in UTF-16 LE), random data
    # spreads them evenly.
    if odd and even * 20 <= odd:
        return "utf-16-le"
    if even and odd * 20 <= even:
        return "utf-16-be"
    return None


def _decode_utf8_or_detect(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc
    try:
        best = from_bytes(data).best()
    except Exception:  # the detector is a heuristic: its failure means "no charset found"
        best = None
    if best is None:
        bad = data[first_bad.start]
        raise InputError(
            source,
            "cannot decode: not UTF-8/UTF-16 and no charset detected "
            f"(first invalid byte 0x{bad:02x}); convert it to UTF-8",
            line=_line_of(data, first_bad.start),
        ) from first_bad
    return str(best)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls > max(1, len(text) * _MAX_CONTROL_RATIO)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# -- walking ----------------------------------------------------------------------------------


def _expand(path: Path, visiting: set[Path]) -> Iterator[Path | InputError]:
    """`path` itself if it is not a directory, else the report files below it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        broken = " (broken symbolic link)" if path.is_symlink() else ""
        yield InputError(str(path), f"no such file or directory{broken}")
        return
    except OSError as exc:
        yield _os_error(str(path), exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, visiting)
    else:
        yield path


def _walk(directory: Path, visiting: set[Path]) -> Iterator[Path | InputError]:
    key = _identity(directory)
    if key in visiting:  # a symlink loop
        return
    visiting = visiting | {key}
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(str(directory), exc)
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.split(".")[0].upper() in _PROJECT_FILES:
            continue  # hidden files; a folder's README or LICENSE is not a report
        child = directory / entry.name
        if _is_dir(entry):
            yield from _walk(child, visiting)
        elif child.suffix.lower() in REPORT_SUFFIXES:
            yield child


_PROJECT_FILES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING"}


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
