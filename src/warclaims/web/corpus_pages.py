"""Pages across reports: comparison (groups and contradictions side by side) and timeline."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from warclaims.api.deps import StoresDep
from warclaims.api.errors import ApiError
from warclaims.api.params import form_values
from warclaims.api.routes.corpus import comparison_page, run_comparison
from warclaims.model import CATEGORIES
from warclaims.store.queries import QueryError
from warclaims.web.pages import render
from warclaims.web.timeline import build_timeline, chart

router = APIRouter(include_in_schema=False)

NAV = [("/compare", "Compare"), ("/timeline", "Timeline")]
VERDICTS = ("contradiction", "range", "agree", "single")
EXPORT_FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "ucdp")
PAGE_SIZE = 20


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, stores: StoresDep) -> HTMLResponse:
    values = form_values(request.query_params, ("kind", "place", "since", "until", "verdict"))
    context: dict[str, Any] = {
        "values": values,
        "verdicts": VERDICTS,
        "result": None,
        "error": None,
    }
    verdict = values.get("verdict")
    try:
        if verdict is not None and verdict not in VERDICTS:
            raise ApiError(400, "bad_request", f"unknown verdict {verdict!r}")
        comparison = run_comparison(
            stores,
            kind=values.get("kind"),
            place=values.get("place"),
            since=values.get("since"),
            until=values.get("until"),
        )
    except ApiError as exc:
        context["error"] = exc.message
        return render(request, "compare.html", context, status=400)
    context["result"] = comparison_page(
        stores, comparison, verdict=verdict, limit=PAGE_SIZE, offset=0
    )
    return render(request, "compare.html", context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, stores: StoresDep) -> HTMLResponse:
    values = form_values(request.query_params, ("kind", "category", "side", "since", "until"))
    values.setdefault("kind", "casualties")
    context: dict[str, Any] = {
        "values": values,
        "categories": sorted({c for cats in CATEGORIES.values() for c in cats}),
        "timeline": None,
        "chart": None,
        "error": None,
    }
    try:
        timeline = build_timeline(
            stores.connection(),
            kind=values["kind"],
            category=values.get("category"),
            side=values.get("side"),
            since=values.get("since"),
            until=values.get("until"),
        )
    except QueryError as exc:
        context["error"] = str(exc)
        return render(request, "timeline.html", context, status=400)
    context.update(timeline=timeline, chart=chart(timeline))
    return render(request, "timeline.html", context)
