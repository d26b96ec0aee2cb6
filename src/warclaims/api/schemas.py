"""Public request and response shapes of the JSON API (the claim records are model.py's)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from warclaims.model import Claim, Document, Language, Place
from warclaims.store.queries import ClaimRow, DocumentRow, PlaceHit

ClaimSort = Literal[
    "id", "-id", "date", "-date", "published", "-published", "value", "-value", "kind", "-kind"
]
DocumentSort = Literal["published", "-published", "title", "-title", "claims", "-claims"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(_Out):
    status: int
    code: str = Field(description="Stable machine-readable code, e.g. not_found, unauthorized.")
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorOut(_Out):
    error: ErrorBody


class StoredClaimOut(Claim):
    """A stored claim (CLAIMS.md claim object) with its id and its report's id, title and date."""

    claim_id: int
    doc_id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None

    @classmethod
    def from_row(cls, row: ClaimRow) -> StoredClaimOut:
        return cls.model_construct(
            claim_id=row.claim_id,
            doc_id=row.doc_id,
            title=row.title,
            published=row.published,
            publisher=row.publisher,
            **{name: getattr(row.claim, name) for name in Claim.model_fields},
        )


class ClaimPage(_Out):
    total: int = Field(description="How many claims match the filters.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page, if there is one.")
    items: list[StoredClaimOut]


class DocumentSummaryOut(_Out):
    doc_id: str
    title: str | None
    published: str | None
    publisher: str | None
    language: str | None
    url: str | None
    n_claims: int
    n_flags: int
    flags: dict[str, int] = Field(description="Flag code -> how many times it is raised.")

    @classmethod
    def from_row(cls, row: DocumentRow) -> DocumentSummaryOut:
        return cls.model_validate(row, from_attributes=True)  # the same fields


class DocumentPage(_Out):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[DocumentSummaryOut]


class StoredDocumentOut(Document):
    """The CLAIMS.md document object, plus the stored id of each claim (same order)."""

    claim_ids: list[int]


class ReportIn(BaseModel):
    """A report to analyse and store (JSON body of POST /api/documents)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The report text (plain text).")
    title: str | None = Field(None, max_length=1000, description="Default: the headline line.")
    published: dt.date | None = Field(
        None, description="Publication date; relative dates resolve against it."
    )
    publisher: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    language: Language | None = Field(None, description="Default: detected.")


class PlaceHitOut(_Out):
    name: str | None
    mention: str
    admin1: str | None
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    n_claims: int

    @classmethod
    def from_hit(cls, hit: PlaceHit) -> PlaceHitOut:
        return cls.model_validate(hit, from_attributes=True)  # the same fields


class PlaceSearchOut(_Out):
    query: str
    resolved: Place | None = Field(
        description="What the gazetteer makes of the query, if anything."
    )
    stored: list[PlaceHitOut] = Field(
        description="Places in stored claims starting with the query."
    )


class HealthOut(_Out):
    status: Literal["ok"]
    version: str
    counts: dict[str, int]
    writes_enabled: bool
