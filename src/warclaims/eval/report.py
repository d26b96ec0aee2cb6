"""The result of an evaluation run: per-document diagnostics and summed scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warclaims.eval.fields import FieldValue, jsonable
from warclaims.eval.metrics import Scores, sum_scores

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True, slots=True)
class FalseNegative:
    """A gold claim that no predicted claim matched."""

    kind: str
    anchor: str
    anchor_start: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "anchor": self.anchor, "anchor_start": self.anchor_start}


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A predicted claim that matched no gold claim."""

    kind: str
    start: int
    end: int
    excerpt: str
    in_headline: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "evidence": {"start": self.start, "end": self.end},
            "excerpt": self.excerpt,
            "in_headline": self.in_headline,
        }


@dataclass(frozen=True, slots=True)
class FieldError:
    """A scored field that a matched predicted claim got wrong."""

    field: str
    gold: FieldValue
    predicted: FieldValue
    kind: str
    anchor: str
    anchor_start: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "gold": jsonable(self.gold),
            "predicted": jsonable(self.predicted),
            "kind": self.kind,
            "anchor": self.anchor,
            "anchor_start": self.anchor_start,
        }


@dataclass(slots=True)
class DocResult:
    """One gold document scored; `error` is set when its report was missing or failed."""

    name: str
    text_file: str
    language: str
    scores: Scores
    gold_flags: frozenset[str] = frozenset()
    predicted_flags: frozenset[str] = frozenset()
    false_negatives: list[FalseNegative] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text_file": self.text_file,
            "language": self.language,
            "error": self.error,
            "warnings": list(self.warnings),
            "gold_flags": sorted(self.gold_flags),
            "predicted_flags": sorted(self.predicted_flags),
            "claims": self.scores.claims.to_dict(),
            "strict": self.scores.strict.to_dict(),
            "false_negatives": [item.to_dict() for item in self.false_negatives],
            "false_positives": [item.to_dict() for item in self.false_positives],
            "field_errors": [item.to_dict() for item in self.field_errors],
        }


@dataclass(slots=True)
class EvalReport:
    """Everything `warclaims eval` shows; scores are summed from `documents` on demand."""

    gold_dir: Path
    reports_dir: Path
    documents: list[DocResult]

    @property
    def languages(self) -> list[str]:
        return sorted({doc.language for doc in self.documents})

    @property
    def by_language(self) -> dict[str, Scores]:
        return {
            language: sum_scores([d.scores for d in self.documents if d.language == language])
            for language in self.languages
        }

    @property
    def overall(self) -> Scores:
        return sum_scores([doc.scores for doc in self.documents])

    @property
    def errors(self) -> list[tuple[str, str]]:
        """(document name, message) for every report that was missing or failed."""
        return [(doc.name, doc.error) for doc in self.documents if doc.error is not None]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "gold_dir": str(self.gold_dir),
            "reports_dir": str(self.reports_dir),
            "overall": self.overall.to_dict(),
            "by_language": {lang: s.to_dict() for lang, s in self.by_language.items()},
            "errors": [{"document": name, "error": message} for name, message in self.errors],
            "documents": [doc.to_dict() for doc in self.documents],
        }

    def render(self, console: Console, verbose: bool = False) -> None:
        """Rich tables; `verbose` adds per-document misses, extras and field errors."""
        from warclaims.eval.render import render_report

        render_report(self, console, verbose=verbose)
