"""Across reports: comparison groups, contradictions, exports and the figures timeline.

Built on `warclaims.compare`, `warclaims.export` and `warclaims.reference`; `available()` says
whether those are installed (the app leaves these routes out otherwise).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from warclaims.api.deps import StoresDep
from warclaims.api.errors import ApiError
from warclaims.api.schemas import ErrorOut
from warclaims.model import Kind, Side
from warclaims.web.timeline import Timeline, build_timeline

router = APIRouter(prefix="/api", tags=["compare"])

Verdict = Literal["contradiction", "range", "agree", "single"]
ContradictionType = Literal["control", "side_inversion", "unit_mismatch", "denial"]
ExportFormat = Literal["csv", "jsonl", "geojson", "parquet", "acled", "ucdp"]
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
    "acled": "text/csv; charset=utf-8",
    "ucdp": "text/csv; charset=utf-8",
}
SUFFIXES = {"acled": "acled.csv", "ucdp": "ucdp.csv"}
_ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 422: {"model": ErrorOut}}

KindQ = Annotated[Kind | None, Query(description="Claim kind.")]
PlaceQ = Annotated[str | None, Query(max_length=200, description="Place, mention or oblast.")]
SinceQ = Annotated[dt.date | None, Query(description="From this day.")]
UntilQ = Annotated[dt.date | None, Query(description="Up to this day.")]


def available() -> bool:
    """True when the compare, export and reference modules are installed."""
    return all(
        importlib.util.find_spec(f"warclaims.{name}") is not None
        for name in ("compare", "export", "reference")
    )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def run_comparison(
    stores: StoresDep,
    *,
    kind: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    window_days: int = 3,
) -> Any:
    from warclaims.compare import CompareFilters, compare

    try:
        filters = CompareFilters(
            kind=kind, place=place, since=since, until=until, window_days=window_days
        )
    except ValueError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc
    return compare(stores.get(), filters)


def comparison_page(
    stores: StoresDep,
    comparison: Any,
    *,
    verdict: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """The comparison as JSON: verdict counts over all groups, one page of (filtered) groups."""
    from warclaims.compare import add_details
    from warclaims.compare.output import comparison_dict, group_dict

    counts = comparison_dict(comparison, limit=0)
    if verdict is not None:
        comparison.keep_verdict(verdict)  # in SQL when the groups are precomputed
    matching = len(comparison.groups)
    comparison.groups = list(comparison.groups[offset : offset + limit])
    add_details(stores.get(), comparison)
    counts["n_groups_matching"] = matching
    counts["limit"], counts["offset"] = limit, offset
    counts["groups"] = [
        group_dict(r, offset + i, comparison.evidence) for i, r in enumerate(comparison.groups, 1)
    ]
    return counts


@router.get("/compare", responses=_ERRORS, summary="Comparison groups")
def compare_groups(
    stores: StoresDep,
    kind: KindQ = None,
    place: PlaceQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    window_days: Annotated[int, Query(ge=0, le=60, description="Date tolerance.")] = 3,
    verdict: Annotated[Verdict | None, Query(description="Only groups with this verdict.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    """Claims grouped by what they speak of (kind, category, side, place or oblast, dates), with
    each group's sources and figures (low/best/high), its contradictions and a verdict
    (contradiction, range, agree, single) — as `warclaims compare --json`."""
    comparison = run_comparison(
        stores,
        kind=kind,
        place=place,
        since=_iso(since),
        until=_iso(until),
        window_days=window_days,
    )
    return JSONResponse(
        comparison_page(stores, comparison, verdict=verdict, limit=limit, offset=offset)
    )


@router.get("/contradictions", responses=_ERRORS, summary="Contradictions")
def contradictions(
    stores: StoresDep,
    kind: KindQ = None,
    place: PlaceQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    type: Annotated[ContradictionType | None, Query(description="Only this type.")] = None,  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> JSONResponse:
    """Each contradiction between two claims (control, side inversion, unit mismatch, denial),
    both claims with their evidence and reports."""
    from warclaims.compare import fetch_evidence
    from warclaims.compare.output import claim_dict, group_dict

    comparison = run_comparison(
        stores, kind=kind, place=place, since=_iso(since), until=_iso(until)
    )
    found = []
    for number, result in enumerate(comparison.groups, 1):
        if len(found) >= limit:  # stop reading groups (and their claims) once enough
            break
        for c in result.contradictions:
            if type is None or c.type == type:
                found.append((number, result, c))
    found = found[:limit]
    ids = {claim.claim_id for _, _, c in found for claim in (c.a, c.b)}
    evidence = fetch_evidence(stores.connection(), ids)
    items = []
    for number, result, c in found:
        group = group_dict(result, number, {})
        items.append(
            {
                "group": number,
                "kind": group["kind"],
                "places": group["places"],
                "window": group["window"],
                "type": c.type,
                "reason": c.reason,
                "a": claim_dict(c.a, evidence),
                "b": claim_dict(c.b, evidence),
            }
        )
    return JSONResponse({"total": len(items), "items": items})


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"content": {t: {} for t in set(MEDIA_TYPES.values())}}, **_ERRORS},
    summary="Export claims",
)
def export_claims(
    stores: StoresDep,
    format: Annotated[ExportFormat, Query(description="As `warclaims export --format`.")],  # noqa: A002
    kind: KindQ = None,
    side: Annotated[Side | None, Query()] = None,
    place: PlaceQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
) -> Response:
    """The stored claims the filters select, in the CLI's export formats: csv, jsonl, geojson,
    parquet, and ACLED-like and UCDP-like CSV."""
    from warclaims.export import ExportFilters, export

    try:
        filters = ExportFilters(
            kind=kind, side=side, place=place, since=_iso(since), until=_iso(until)
        )
    except ValueError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc
    store = stores.get()
    if format == "parquet":
        with tempfile.TemporaryDirectory(prefix="warclaims-export-") as tmp:
            path = Path(tmp) / "claims.parquet"
            export(store, format, filters=filters, path=path)
            body: bytes | str = path.read_bytes()
    else:
        out = io.StringIO()
        export(store, format, filters=filters, out=out)
        body = out.getvalue()
    name = f"warclaims-claims.{SUFFIXES.get(format, format)}"
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/timeline", responses=_ERRORS, summary="Claimed figures over time")
def timeline(
    stores: StoresDep,
    kind: Annotated[Kind, Query(description="Claim kind.")] = "casualties",
    category: Annotated[str | None, Query(max_length=40)] = None,
    side: Annotated[Side | None, Query()] = None,
    since: SinceQ = None,
    until: UntilQ = None,
) -> JSONResponse:
    """The claimed figures of a metric (kind, category, side) per source and day, and the
    General Staff's daily figures of the same metric where its series covers it."""
    result: Timeline = build_timeline(
        stores.connection(),
        kind=kind,
        category=category,
        side=side,
        since=_iso(since),
        until=_iso(until),
    )
    return JSONResponse(result.to_dict())
