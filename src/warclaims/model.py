"""The claim record of ../shared/spec/CLAIMS.md as typed models.

This is the one place the records are defined; every stage (extract, resolve, check, store,
compare, serve, eval) speaks these types. Field meanings are fixed by CLAIMS.md; fields added
here beyond the spec are marked as such.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

Kind = Literal[
    "casualties",
    "equipment_loss",
    "troop_strength",
    "territorial_control",
    "encirclement",
    "fighting",
    "strike",
]
Side = Literal["RU", "UA"]
ClaimantSide = Literal["RU", "UA", "other"]
Hedge = Literal["exact", "approx", "up_to", "at_least", "at_most", "range"]
Unit = Literal[
    "personnel",
    "equipment",
    "percent",
    "regiments",
    "brigades",
    "battalions",
    "companies",
    "units",
    "km",
    "km2",
]
ClaimantType = Literal["official", "anonymous", "media", "expert", "witness", "author"]
Certainty = Literal["asserted", "reported", "denied"]
DatePrecision = Literal["day", "month", "year", "period"]
Language = Literal["en", "ru", "uk"]
FlagCode = Literal[
    "headline_body_mismatch",
    "self_reported_losses",
    "anonymous_sourcing",
    "name_mismatch",
    "loaded_language",
    "hedge_dropped",
]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
FLAG_CODES: tuple[str, ...] = FlagCode.__args__  # type: ignore[attr-defined]

CATEGORIES: dict[str, tuple[str, ...]] = {
    "casualties": ("killed", "wounded", "captured", "missing", "casualties"),
    "equipment_loss": (
        "tanks",
        "afv",
        "artillery",
        "mlrs",
        "air_defense",
        "aircraft",
        "helicopters",
        "uav",
        "missiles",
        "ships",
        "vehicles",
        "special_equipment",
        "unspecified",
    ),
    "territorial_control": ("captured", "controlled", "liberated", "contested"),
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(_Record):
    """Code-point offsets into `Document.text`, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class Quantity(_Record):
    value: float
    low: float | None = None
    high: float | None = None
    hedge: Hedge = "exact"
    unit: Unit | None = None
    # added: the running total a bulletin line reports beside the day's figure
    total: float | None = None

    @field_serializer("value", "low", "high", "total")
    def _whole_numbers_as_int(self, number: float | None) -> float | int | None:
        """3000, not 3000.0, in JSON: counts are whole numbers as written."""
        if number is not None and float(number).is_integer():
            return int(number)
        return number


class Place(_Record):
    mention: str
    name: str | None = None
    gazetteer_id: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    # added: where the mention sits in the text, and how sure the resolver is
    span: Span | None = None
    precision: Literal["settlement", "raion", "oblast", "region", "country"] | None = None
    confidence: float | None = None
    # added: gazetteer ids of the top candidates when the resolver could not decide
    candidates: list[str] | None = None


class DateRef(_Record):
    mention: str | None = None
    start: str | None = None
    end: str | None = None
    precision: DatePrecision | None = None


class Claimant(_Record):
    mention: str | None = None
    name: str | None = None
    type: ClaimantType = "author"
    side: ClaimantSide | None = None
    via: list[str] = Field(default_factory=list)


class Claim(_Record):
    kind: Kind
    category: str | None = None
    side: Side | None = None
    quantity: Quantity | None = None
    places: list[Place] = Field(default_factory=list)
    date: DateRef | None = None
    claimant: Claimant = Field(default_factory=Claimant)
    certainty: Certainty = "asserted"
    evidence: Span
    # added: the words that carry the claim (the hedged number or the key verb phrase)
    anchor: Span | None = None


class Flag(_Record):
    code: FlagCode
    message: str
    evidence: list[Span] = Field(default_factory=list)
    # added: e.g. the propaganda technique for loaded_language
    technique: str | None = None


class Document(_Record):
    doc_id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: Language = "en"
    text: str
    claims: list[Claim] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        """The CLAIMS.md document object (added fields included)."""
        return self.model_dump(mode="json")
