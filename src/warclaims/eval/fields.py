"""The scored fields of GOLD.md: how to read them from gold JSON and from predicted claims."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from warclaims.model import Claim


class _NoQuantity:
    """Stands for every `quantity.*` field of a claim whose quantity is null."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_QUANTITY"


NO_QUANTITY: Final = _NoQuantity()

FieldValue = str | float | frozenset[str] | _NoQuantity | None

FIELDS: tuple[str, ...] = (
    "category",
    "side",
    "quantity.value",
    "quantity.hedge",
    "quantity.unit",
    "places",
    "date.start",
    "claimant.type",
    "claimant.name",
    "claimant.side",
    "certainty",
)
STRICT_FIELDS: tuple[str, ...] = ("side", "quantity.value", "quantity.hedge", "places")
_QUANTITY_KEYS: tuple[str, ...] = ("value", "hedge", "unit")
_NUMBER_TOLERANCE = 1e-9


def fold_places(names: list[str | None]) -> frozenset[str]:
    """Case-folded set of place names (GOLD.md: set equality after case-folding)."""
    return frozenset(name.strip().casefold() for name in names if name)


def gold_fields(raw: Mapping[str, Any]) -> dict[str, FieldValue]:
    """The scored fields of one gold claim; a left-out field is absent (not scored)."""
    out: dict[str, FieldValue] = {}
    for key in ("category", "side", "certainty"):
        if key in raw:
            out[key] = raw[key]
    if "quantity" in raw:
        out.update(_gold_quantity(raw["quantity"]))
    if "places" in raw:
        out["places"] = fold_places(list(raw["places"]))
    if "date" in raw:
        date = raw["date"]
        if date is None:
            out["date.start"] = None
        elif "start" in date:
            out["date.start"] = date["start"]
    if "claimant" in raw:
        claimant = raw["claimant"]
        for key in ("type", "name", "side"):
            if key in claimant:
                out[f"claimant.{key}"] = claimant[key]
    return out


def _gold_quantity(quantity: Mapping[str, Any] | None) -> dict[str, FieldValue]:
    if quantity is None:
        return {f"quantity.{key}": NO_QUANTITY for key in _QUANTITY_KEYS}
    return {f"quantity.{key}": quantity[key] for key in _QUANTITY_KEYS if key in quantity}


def predicted_fields(claim: Claim) -> dict[str, FieldValue]:
    """Every scored field of a predicted claim."""
    quantity = claim.quantity
    return {
        "category": claim.category,
        "side": claim.side,
        "quantity.value": NO_QUANTITY if quantity is None else quantity.value,
        "quantity.hedge": NO_QUANTITY if quantity is None else quantity.hedge,
        "quantity.unit": NO_QUANTITY if quantity is None else quantity.unit,
        "places": fold_places([place.name or place.mention for place in claim.places]),
        "date.start": claim.date.start if claim.date is not None else None,
        "claimant.type": claim.claimant.type,
        "claimant.name": claim.claimant.name,
        "claimant.side": claim.claimant.side,
        "certainty": claim.certainty,
    }


def field_equal(gold: FieldValue, predicted: FieldValue) -> bool:
    """Equality of one field; numbers within 1e-9 (3000 == 3000.0)."""
    if _is_number(gold) and _is_number(predicted):
        return math.isclose(
            float(gold), float(predicted), rel_tol=_NUMBER_TOLERANCE, abs_tol=_NUMBER_TOLERANCE
        )
    return gold == predicted


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def jsonable(value: FieldValue) -> Any:
    """A field value as JSON: places as a sorted list, a null quantity as null."""
    if isinstance(value, frozenset):
        return sorted(value)
    if value is NO_QUANTITY:
        return None
    return value


def display(value: FieldValue) -> str:
    """A field value for humans."""
    if value is NO_QUANTITY:
        return "(no quantity)"
    if isinstance(value, frozenset):
        return "[" + ", ".join(sorted(value)) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "null" if value is None else str(value)
