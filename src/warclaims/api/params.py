"""Query parameters shared by the claim endpoints (JSON, CSV, GeoJSON) and the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated

from fastapi import Depends, Query

from warclaims.model import Certainty, ClaimantType, FlagCode, Kind, Language, Side
from warclaims.store.queries import ClaimFilter, DocumentFilter, QueryError

BBOX_HELP = "min_lon,min_lat,max_lon,max_lat (WGS84), e.g. 36.5,49.0,38.5,50.5"


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise QueryError(f"bbox {value!r} is not four numbers: use {BBOX_HELP}")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def claim_filter(
    kind: Annotated[Kind | None, Query(description="Claim kind.")] = None,
    category: Annotated[
        str | None, Query(max_length=40, description="Category, e.g. killed, tanks, captured.")
    ] = None,
    side: Annotated[
        Side | None, Query(description="Whose losses/gains the claim is about.")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=200, description="Place name, name as written, or oblast.")
    ] = None,
    oblast: Annotated[
        str | None, Query(max_length=200, description="Oblast: 'Kharkiv' or 'Kharkiv Oblast'.")
    ] = None,
    bbox: Annotated[str | None, Query(max_length=100, description=BBOX_HELP)] = None,
    date_from: Annotated[
        dt.date | None,
        Query(description="Claims dated (else published) on or after this day."),
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Claims dated (else published) on or before this day.")
    ] = None,
    claimant: Annotated[
        str | None, Query(max_length=200, description="Part of the claimant's name or mention.")
    ] = None,
    claimant_type: Annotated[ClaimantType | None, Query(description="Claimant type.")] = None,
    certainty: Annotated[
        Certainty | None, Query(description="asserted, reported or denied.")
    ] = None,
    doc_id: Annotated[str | None, Query(max_length=64, description="Only this report.")] = None,
) -> ClaimFilter:
    return ClaimFilter(
        kind=kind,
        category=category,
        side=side,
        place=place,
        oblast=oblast,
        bbox=parse_bbox(bbox),
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        claimant=claimant,
        claimant_type=claimant_type,
        certainty=certainty,
        doc_id=doc_id,
    )


def document_filter(
    published_from: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    published_to: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    publisher: Annotated[
        str | None, Query(max_length=200, description="Part of the publisher's name.")
    ] = None,
    language: Annotated[Language | None, Query(description="en, ru or uk.")] = None,
    flag: Annotated[FlagCode | None, Query(description="Documents raising this flag.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of the title.")] = None,
) -> DocumentFilter:
    return DocumentFilter(
        published_from=_iso(published_from),
        published_to=_iso(published_to),
        publisher=publisher,
        language=language,
        flag=flag,
        q=q,
    )


ClaimFilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
DocumentFilterDep = Annotated[DocumentFilter, Depends(document_filter)]

CLAIM_FORM_FIELDS = (
    "kind",
    "category",
    "side",
    "place",
    "oblast",
    "bbox",
    "date_from",
    "date_to",
    "claimant",
    "claimant_type",
    "certainty",
    "doc_id",
)
DOCUMENT_FORM_FIELDS = ("published_from", "published_to", "publisher", "language", "flag", "q")


def form_values(params: Mapping[str, str], fields: tuple[str, ...]) -> dict[str, str]:
    """The non-empty values of `fields` in a page's query string (HTML forms send empty
    fields as empty strings)."""
    return {f: params[f].strip() for f in fields if params.get(f, "").strip()}


def claim_filter_from_form(values: Mapping[str, str]) -> ClaimFilter:
    """A ClaimFilter from a page's form values; QueryError (shown on the page) when invalid."""
    return ClaimFilter(
        kind=values.get("kind"),
        category=values.get("category"),
        side=values.get("side"),
        place=values.get("place"),
        oblast=values.get("oblast"),
        bbox=parse_bbox(values.get("bbox")),
        date_from=values.get("date_from"),
        date_to=values.get("date_to"),
        claimant=values.get("claimant"),
        claimant_type=values.get("claimant_type"),
        certainty=values.get("certainty"),
        doc_id=values.get("doc_id"),
    )


def document_filter_from_form(values: Mapping[str, str]) -> DocumentFilter:
    return DocumentFilter(**{f: values.get(f) for f in DOCUMENT_FORM_FIELDS})
