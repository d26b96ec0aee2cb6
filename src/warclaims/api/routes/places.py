"""/api/places: place search (the gazetteer's reading and the places in stored claims)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from warclaims.api.deps import StoresDep
from warclaims.api.schemas import ErrorOut, PlaceHitOut, PlaceSearchOut
from warclaims.store.queries import search_places

router = APIRouter(prefix="/api", tags=["places"])


@router.get(
    "/places",
    response_model=PlaceSearchOut,
    responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    summary="Search places",
)
def places(
    stores: StoresDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A place name or prefix.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> PlaceSearchOut:
    """The gazetteer's resolution of `q` and the stored places whose name, mention or oblast
    starts with it, the most-claimed first."""
    from warclaims.places import lookup  # the gazetteer loads on first use

    hits = search_places(stores.connection(), q, limit=limit)
    resolved = lookup(q.strip())
    return PlaceSearchOut(
        query=q,
        resolved=resolved if resolved.name is not None else None,
        stored=[PlaceHitOut.from_hit(hit) for hit in hits],
    )
