"""/api/claims: filtered, sorted, paginated claims; one claim; CSV and GeoJSON downloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response

from warclaims.api.deps import StoresDep
from warclaims.api.errors import ApiError
from warclaims.api.params import ClaimFilterDep
from warclaims.api.schemas import ClaimPage, ClaimSort, ErrorOut, StoredClaimOut
from warclaims.api.tables import claims_csv, map_features
from warclaims.store.queries import claim_by_id, claims_page, claims_with_evidence, map_points

router = APIRouter(prefix="/api", tags=["claims"])

_ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 422: {"model": ErrorOut}}
SortParam = Annotated[ClaimSort, Query(description="Sort key; '-' for descending.")]


@router.get("/claims", response_model=ClaimPage, responses=_ERRORS, summary="List claims")
def list_claims(
    stores: StoresDep,
    filters: ClaimFilterDep,
    sort: SortParam = "id",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Stored claims matching every given filter, with the total count and the next offset."""
    page = claims_page(stores.connection(), filters, sort=sort, limit=limit, offset=offset)
    end = page.offset + len(page.items)
    out = ClaimPage.model_construct(
        total=page.total,
        limit=page.limit,
        offset=page.offset,
        next_offset=end if end < page.total else None,
        items=[StoredClaimOut.from_row(row) for row in page.items],
    )
    # built from validated records: serialised directly, not validated a second time
    return Response(out.model_dump_json(), media_type="application/json")


@router.get(
    "/claims.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, **_ERRORS},
    summary="Claims as CSV",
)
def claims_as_csv(
    stores: StoresDep,
    filters: ClaimFilterDep,
    sort: SortParam = "id",
    limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """The claims table as CSV (same filters as /api/claims; at most `limit` rows)."""
    rows = claims_with_evidence(stores.connection(), filters, sort=sort, limit=limit, offset=offset)
    return Response(
        claims_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="warclaims-claims.csv"'},
    )


@router.get(
    "/claims.geojson",
    response_class=JSONResponse,
    responses={200: {"content": {"application/geo+json": {}}}, **_ERRORS},
    summary="Claim places as GeoJSON",
)
def claims_as_geojson(
    stores: StoresDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=20_000)] = 5_000,
) -> JSONResponse:
    """One point feature per located place of each matching claim (newest claims first)."""
    points = map_points(stores.connection(), filters, limit=limit)
    return JSONResponse(map_features(points), media_type="application/geo+json")


@router.get(
    "/claims/{claim_id}",
    response_model=StoredClaimOut,
    responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    summary="One claim",
)
def get_claim(
    stores: StoresDep, claim_id: Annotated[int, Path(ge=1, description="The stored claim id.")]
) -> StoredClaimOut:
    row = claim_by_id(stores.connection(), claim_id)
    if row is None:
        raise ApiError(404, "not_found", f"no stored claim {claim_id}")
    return StoredClaimOut.from_row(row)
