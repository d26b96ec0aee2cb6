"""Counters behind the GOLD.md figures: P/R/F1, field accuracy, and their sums."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from warclaims.eval.fields import FIELDS
from warclaims.model import FLAG_CODES, KINDS


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(slots=True)
class PRF:
    """True positives against predicted and gold counts; a ratio with a zero base is None."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, self.predicted + self.gold)

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class FieldAcc:
    """Correct values among the matched pairs where the gold scores this field."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def add(self, other: FieldAcc) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.total, "accuracy": self.accuracy}


def _prf_table(keys: tuple[str, ...]) -> dict[str, PRF]:
    return {key: PRF() for key in keys}


@dataclass(slots=True)
class Scores:
    """All figures for one document, one language or the whole set."""

    documents: int = 0
    claims: PRF = field(default_factory=PRF)
    strict: PRF = field(default_factory=PRF)
    fields: dict[str, FieldAcc] = field(default_factory=lambda: {f: FieldAcc() for f in FIELDS})
    flags: dict[str, PRF] = field(default_factory=lambda: _prf_table(FLAG_CODES))
    kinds: dict[str, PRF] = field(default_factory=lambda: _prf_table(KINDS))

    @property
    def flags_all(self) -> PRF:
        """Flag counts summed over codes (micro average)."""
        total = PRF()
        for prf in self.flags.values():
            total.add(prf)
        return total

    def add(self, other: Scores) -> None:
        self.documents += other.documents
        self.claims.add(other.claims)
        self.strict.add(other.strict)
        for table, other_table in ((self.flags, other.flags), (self.kinds, other.kinds)):
            for key, prf in other_table.items():
                table.setdefault(key, PRF()).add(prf)
        for name, acc in other.fields.items():
            self.fields.setdefault(name, FieldAcc()).add(acc)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "claims": self.claims.to_dict(),
            "strict": self.strict.to_dict(),
            "fields": {name: acc.to_dict() for name, acc in self.fields.items()},
            "flags": {code: prf.to_dict() for code, prf in self.flags.items()},
            "flags_all": self.flags_all.to_dict(),
            "kinds": {kind: prf.to_dict() for kind, prf in self.kinds.items()},
        }


def sum_scores(parts: list[Scores]) -> Scores:
    """A fresh Scores holding the sum of `parts`."""
    total = Scores()
    for part in parts:
        total.add(part)
    return total
