"""Bytes to text: byte-order marks, UTF-8, BOM-less UTF-16/32 and charset detection.

`decode_bytes` is the one decoder of every input format (plain text, HTML, JSON, feeds);
`sniff_codec` tells a line-by-line reader (JSON lines) which codec a file is in.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from warclaims.ingest.errors import InputError

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


def decode_bytes(data: bytes, source: str) -> str:
    """BOM, then strict UTF-8, then a UTF-16/32 pattern, then charset detection."""
    text = _decode_bom(data, source)
    if text is None and b"\x00" in data:
        text = _decode_wide(data)
        if text is None:
            raise _binary(source, "NUL bytes")
    if text is None:
        text = _decode_utf8_or_detect(data, source)
    if looks_binary(text):
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
                    line=line_of(data, len(bom) + exc.start),
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
    return None if looks_binary(text) else text


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
            line=line_of(data, first_bad.start),
        ) from first_bad
    return str(best)


def looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls > max(1, len(text) * _MAX_CONTROL_RATIO)


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def sniff_codec(sample: bytes) -> str | None:
    """The codec of a file whose first bytes are `sample`, for reading it line by line.

    'utf-8' (with or without a BOM) or a single-byte/ASCII-compatible charset that the
    detector names; None when the file is in UTF-16/32 (or binary) and must be decoded whole.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if any(sample.startswith(bom) for bom, _ in _BOMS) or b"\x00" in sample:
        return None
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the end of the sample
            return "utf-8"
    try:
        best = from_bytes(sample).best()
    except Exception:  # a heuristic's failure means "no charset found"
        best = None
    return best.encoding if best is not None else "utf-8"
