"""Reading report files robustly: one clear `InputError` per bad input, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Collection, Iterator
from pathlib import Path

from warclaims.ingest.encoding import decode_bytes
from warclaims.ingest.errors import InputError
from warclaims.ingest.text import Report, normalise_text, split_headline

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REPORT_SUFFIXES",
    "InputError",
    "date_from_name",
    "iter_input_paths",
    "read_bytes",
    "read_report",
    "report_from_text",
]

DEFAULT_MAX_BYTES = 20_000_000
REPORT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md"})


def read_report(
    path: Path, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Read, decode and normalise one report file; raise `InputError` for anything unusable."""
    source = str(path)
    data = read_bytes(path, source, max_bytes)
    return report_from_text(data, source, published=published or date_from_name(path.name))


def report_from_text(data: bytes, source: str, *, published: str | None = None) -> Report:
    """A plain-text report from its bytes: decoded, normalised, first line as headline."""
    if not data:
        raise InputError(source, "empty file")
    text = normalise_text(decode_bytes(data, source))
    if not text.strip():
        raise InputError(source, "empty file (whitespace only)")
    return Report(text=text, title=split_headline(text), published=published, source=source)


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


def iter_input_paths(
    paths: list[Path], suffixes: Collection[str] = REPORT_SUFFIXES
) -> Iterator[Path | InputError]:
    """The report files named by `paths`, in order, each once.

    Files are taken as given; directories are walked recursively in sorted order, skipping
    hidden entries, README/LICENSE-style files and files whose suffix is not in `suffixes`
    (by default the plain-text ones: .txt, .text, .md).
    A path that does not exist (or a directory that cannot be listed) yields an `InputError`.
    """
    seen: set[Path] = set()
    for path in paths:
        for item in _expand(path, set(), suffixes):
            if isinstance(item, Path):
                key = _identity(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


# -- reading ----------------------------------------------------------------------------------


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
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


# -- walking ----------------------------------------------------------------------------------


def _expand(
    path: Path, visiting: set[Path], suffixes: Collection[str]
) -> Iterator[Path | InputError]:
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
        yield from _walk(path, visiting, suffixes)
    else:
        yield path


def _walk(
    directory: Path, visiting: set[Path], suffixes: Collection[str]
) -> Iterator[Path | InputError]:
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
            yield from _walk(child, visiting, suffixes)
        elif child.suffix.lower() in suffixes:
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
