"""Reading gold files (GOLD.md): one JSON object per report."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warclaims.eval.fields import FieldValue, gold_fields

UNKNOWN_LANGUAGE = "und"


class GoldError(ValueError):
    """A gold file that cannot be read or has the wrong shape."""


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One gold claim; `fields` holds only the scored fields the annotator filled in."""

    anchor: str
    anchor_start: int
    kind: str
    fields: Mapping[str, FieldValue]
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def anchor_end(self) -> int:
        return self.anchor_start + len(self.anchor)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold file."""

    name: str  # file stem, e.g. "kupyansk"
    path: Path
    text_file: str
    published: str | None
    language: str | None
    claims: tuple[GoldClaim, ...]
    flags: frozenset[str]

    @property
    def language_key(self) -> str:
        """The language to group scores by ("und" when the gold names none)."""
        return self.language or UNKNOWN_LANGUAGE


def load_gold(gold_dir: Path) -> list[GoldDoc]:
    """All `*.json` gold files of `gold_dir`, sorted by file name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory")
    return [load_gold_file(path) for path in sorted(gold_dir.glob("*.json"))]


def load_gold_file(path: Path) -> GoldDoc:
    """One gold file; raises GoldError naming the file when it is malformed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _parse_doc(path, raw)
    except GoldError:
        raise
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise GoldError(f"{path}: {type(exc).__name__}: {exc}") from exc


def _parse_doc(path: Path, raw: Mapping[str, Any]) -> GoldDoc:
    if not isinstance(raw, dict):
        raise GoldError(f"{path}: top level must be an object")
    claims = raw.get("claims")
    if not isinstance(claims, list):
        raise GoldError(f"{path}: claims must be a list")
    return GoldDoc(
        name=path.stem,
        path=path,
        text_file=str(raw.get("text_file") or f"{path.stem}.txt"),
        published=raw.get("published"),
        language=raw.get("language"),
        claims=tuple(_parse_claim(path, i, claim) for i, claim in enumerate(claims)),
        flags=frozenset(raw.get("flags") or ()),
    )


def _parse_claim(path: Path, index: int, raw: Mapping[str, Any]) -> GoldClaim:
    anchor, start, kind = raw.get("anchor"), raw.get("anchor_start"), raw.get("kind")
    if not isinstance(anchor, str) or not anchor:
        raise GoldError(f"{path} claim {index}: anchor must be a non-empty string")
    if not isinstance(start, int) or isinstance(start, bool) or start < 0:
        raise GoldError(f"{path} claim {index}: anchor_start must be a non-negative int")
    if not isinstance(kind, str):
        raise GoldError(f"{path} claim {index}: kind must be a string")
    return GoldClaim(anchor=anchor, anchor_start=start, kind=kind, fields=gold_fields(raw), raw=raw)
