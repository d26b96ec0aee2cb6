"""Plain-text normalisation, doc_id and headline detection (CLAIMS.md, GOLD.md)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

# GOLD.md: a first line of at most 150 characters with no final punctuation, followed by more
# text, is the headline.
HEADLINE_MAX_CHARS = 150
_FINAL_PUNCTUATION = ".!?…:;,"


@dataclass(frozen=True, slots=True)
class Report:
    """One report before extraction; `text` is what every offset points into."""

    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    source: str | None = None  # file path or "<stdin>", for messages only


def normalise_text(raw: str) -> str:
    """NFC, LF line ends, no BOM; nothing else changes so offsets stay meaningful."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def doc_id_for(text: str) -> str:
    """sha256 of the normalised text, first 16 hex digits."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def split_headline(text: str) -> str | None:
    """The headline of a plain-text report, or None.

    A short first line without final punctuation, followed by more text.
    """
    first, sep, rest = text.partition("\n")
    headline = first.strip().strip("*#").strip()
    if not sep or not rest.strip() or not headline:
        return None
    if len(first.strip()) > HEADLINE_MAX_CHARS or headline[-1] in _FINAL_PUNCTUATION:
        return None
    return headline
