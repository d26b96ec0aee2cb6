"""The HTML pages: documents, report view, claims table, map, check a report, API docs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warclaims.api.deps import SettingsDep, StoresDep
from warclaims.api.errors import ApiError
from warclaims.api.intake import analyse_report, report_from_text
from warclaims.api.params import (
    CLAIM_FORM_FIELDS,
    DOCUMENT_FORM_FIELDS,
    claim_filter_from_form,
    document_filter_from_form,
    form_values,
)
from warclaims.model import CATEGORIES, FLAG_CODES, Document
from warclaims.store.queries import (
    CERTAINTIES,
    CLAIM_SORTS,
    CLAIMANT_TYPES,
    LANGUAGES,
    ClaimRow,
    Page,
    QueryError,
    claim_ids_of,
    claims_page,
    documents_page,
)
from warclaims.web import environment, query_string
from warclaims.web.views import Card, card, report_view

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=environment())

PAGE_SIZE = 50
CHECK_MAX_CHARS = 200_000  # the open "check a report" form analyses, never stores: kept small
EXPORT_FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "ucdp")
ALL_CATEGORIES = sorted({c for cats in CATEGORIES.values() for c in cats})
DocId = Annotated[str, Path(min_length=1, max_length=64)]


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    context = {"active": request.url.path, "extra_nav": request.app.state.extra_nav, **context}
    return templates.TemplateResponse(
        request, name, context, status_code=status, headers=dict(headers or {})
    )


def error_page(
    request: Request, status: int, message: str, *, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": status, "message": message},
        status=status,
        headers=headers,
    )


def _offset(params: Mapping[str, str]) -> int:
    try:
        return max(0, int(params.get("offset", "0")))
    except ValueError:
        return 0


def _pager(page: Page[Any], values: Mapping[str, str]) -> dict[str, str | None]:
    prev = max(0, page.offset - page.limit) if page.offset > 0 else None
    nxt = page.offset + page.limit if page.offset + page.limit < page.total else None
    return {
        "prev": None if prev is None else "?" + _qs(values, offset=prev),
        "next": None if nxt is None else "?" + _qs(values, offset=nxt),
    }


def _qs(values: Mapping[str, str], **changes: object) -> str:
    return query_string(values, **changes).removeprefix("?")


@router.get("/", response_class=HTMLResponse)
def documents(request: Request, stores: StoresDep) -> HTMLResponse:
    values = form_values(request.query_params, (*DOCUMENT_FORM_FIELDS, "sort"))
    offset = _offset(request.query_params)
    context: dict[str, Any] = {
        "values": values,
        "languages": LANGUAGES,
        "flag_codes": FLAG_CODES,
        "page": None,
        "error": None,
    }
    try:
        page = documents_page(
            stores.connection(),
            document_filter_from_form(values),
            sort=values.get("sort", "-published"),
            limit=PAGE_SIZE,
            offset=offset,
        )
    except QueryError as exc:
        context["error"] = str(exc)
        return render(request, "documents.html", context, status=400)
    context.update(page=page, pager=_pager(page, values))
    return render(request, "documents.html", context)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, stores: StoresDep, doc_id: DocId) -> HTMLResponse:
    store = stores.get()
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no stored document {doc_id!r}")
    view = report_view(doc, claim_ids_of(store.connection, doc_id))
    return render(request, "report.html", {"view": view, "checked": False})


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, stores: StoresDep) -> HTMLResponse:
    values = form_values(request.query_params, (*CLAIM_FORM_FIELDS, "sort"))
    context: dict[str, Any] = {
        "values": values,
        "categories": ALL_CATEGORIES,
        "certainties": CERTAINTIES,
        "claimant_types": CLAIMANT_TYPES,
        "sorts": [k for key in CLAIM_SORTS for k in (key, f"-{key}")],
        "page": None,
        "rows": [],
        "error": None,
        "csv_link": "/api/claims.csv" + query_string(values),
        "export_query": _export_query(values),
        "export_formats": EXPORT_FORMATS if request.app.state.extra_nav else (),
    }
    try:
        page = claims_page(
            stores.connection(),
            claim_filter_from_form(values),
            sort=values.get("sort", "id"),
            limit=PAGE_SIZE,
            offset=_offset(request.query_params),
        )
    except QueryError as exc:
        context["error"] = str(exc)
        return render(request, "claims.html", context, status=400)
    rows = [(row, _row_card(row)) for row in page.items]
    context.update(page=page, rows=rows, pager=_pager(page, values))
    return render(request, "claims.html", context)


def _export_query(values: Mapping[str, str]) -> dict[str, str]:
    """The claims-table filters that /api/export understands, under its names."""
    names = {"kind": "kind", "side": "side", "place": "place", "date_from": "since"}
    out = {export: values[name] for name, export in names.items() if name in values}
    if "date_to" in values:
        out["until"] = values["date_to"]
    return out


def _row_card(row: ClaimRow) -> Card:
    # a text-less stand-in document: the card's evidence is not shown in the table
    stub = Document(doc_id=row.doc_id, text="", published=row.published)
    return card(stub, 0, row.claim, row.claim_id)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    values = form_values(request.query_params, ("kind", "side", "date_from", "date_to"))
    return render(request, "map.html", {"values": values})


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    return render(request, "check.html", {"values": {}, "error": None})


@router.post("/check", response_class=HTMLResponse)
async def check(request: Request, settings: SettingsDep) -> HTMLResponse:
    async with request.form(
        max_files=0, max_fields=10, max_part_size=settings.max_body_bytes
    ) as form:
        values = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        report = report_from_text(
            values.get("text", ""),
            title=values.get("title"),
            published=values.get("published"),
            publisher=values.get("publisher"),
            max_chars=min(settings.max_text_chars, CHECK_MAX_CHARS),
        )
    except ApiError as exc:
        context = {"values": values, "error": exc.message}
        return render(request, "check.html", context, status=exc.status)
    doc = await run_in_threadpool(analyse_report, report)
    return render(request, "report.html", {"view": report_view(doc), "checked": True})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    from warclaims.web.apidocs import operations

    return render(request, "apidocs.html", {"operations": operations(request.app.openapi())})
