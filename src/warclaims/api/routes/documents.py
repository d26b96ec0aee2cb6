"""/api/documents: list (filtered, paginated), one with its claims and flags, add one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from warclaims.api.deps import Settings, SettingsDep, Stores, StoresDep, WriterDep
from warclaims.api.errors import ApiError
from warclaims.api.intake import (
    analyse_report,
    report_from_text,
    report_from_upload,
    with_metadata,
)
from warclaims.api.params import DocumentFilterDep
from warclaims.api.schemas import (
    DocumentPage,
    DocumentSort,
    DocumentSummaryOut,
    ErrorOut,
    ReportIn,
    StoredDocumentOut,
)
from warclaims.ingest.text import Report
from warclaims.store.queries import claim_ids_of, documents_page

router = APIRouter(prefix="/api/documents", tags=["documents"])

DocId = Annotated[str, Path(min_length=1, max_length=64, description="The document's doc_id.")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    404: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


@router.get("", response_model=DocumentPage, responses=_ERRORS, summary="List documents")
def list_documents(
    stores: StoresDep,
    filters: DocumentFilterDep,
    sort: Annotated[
        DocumentSort, Query(description="Sort key; '-' for descending.")
    ] = "-published",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DocumentPage:
    """Stored documents with claim and flag counts, newest first; filter by publication date,
    publisher, language, flag and title."""
    page = documents_page(stores.connection(), filters, sort=sort, limit=limit, offset=offset)
    end = page.offset + len(page.items)
    return DocumentPage(
        total=page.total,
        limit=page.limit,
        offset=page.offset,
        next_offset=end if end < page.total else None,
        items=[DocumentSummaryOut.from_row(row) for row in page.items],
    )


@router.get(
    "/{doc_id}", response_model=StoredDocumentOut, responses=_ERRORS, summary="One document"
)
def get_document(stores: StoresDep, doc_id: DocId) -> StoredDocumentOut:
    """The CLAIMS.md document object (text, claims, flags) and the stored id of each claim."""
    store = stores.get()
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no stored document {doc_id!r}")
    return StoredDocumentOut.model_construct(
        **{name: getattr(doc, name) for name in type(doc).model_fields},
        claim_ids=claim_ids_of(store.connection, doc_id),
    )


_REPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ReportIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "A .txt/.text/.md report (encoding detected).",
                        },
                        "text": {"type": "string", "description": "Or the report text."},
                        "title": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                        "publisher": {"type": "string"},
                        "url": {"type": "string"},
                        "language": {"type": "string", "enum": ["en", "ru", "uk"]},
                    },
                }
            },
        },
    }
}


@router.post(
    "",
    status_code=201,
    response_model=StoredDocumentOut,
    dependencies=[WriterDep],
    openapi_extra=_REPORT_BODY,
    responses={
        200: {"description": "Already stored: the stored document", "model": StoredDocumentOut},
        401: {"model": ErrorOut, "description": "Missing or wrong bearer token"},
        403: {"model": ErrorOut, "description": "Writes disabled (no WARCLAIMS_TOKEN)"},
        413: {"model": ErrorOut, "description": "Body or report too large"},
        415: {"model": ErrorOut, "description": "Not JSON, a form, or a plain-text upload"},
        422: {"model": ErrorOut},
    },
    summary="Analyse and store a report",
)
async def add_document(request: Request, stores: StoresDep, settings: SettingsDep) -> JSONResponse:
    """Extract a report's claims and flags and store it; returns the document (201, or 200 when
    it was already stored). Needs `Authorization: Bearer <WARCLAIMS_TOKEN>`.

    Send JSON (`text`, optional `title`, `published`, `publisher`, `url`, `language`) or a
    multipart form with a `file` upload (or a `text` field) and the same optional fields.
    """
    report = await _read_report(request, settings)
    added, out = await run_in_threadpool(_analyse_and_store, stores, report)
    return JSONResponse(
        out.model_dump(mode="json"),
        status_code=201 if added else 200,
        headers={"Location": f"/api/documents/{out.doc_id}"},
    )


async def _read_report(request: Request, settings: Settings) -> Report:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        body = await request.body()
        try:
            data = ReportIn.model_validate_json(body)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", _first_error(exc)) from exc
        return report_from_text(
            data.text,
            title=data.title,
            published=data.published.isoformat() if data.published else None,
            publisher=data.publisher,
            url=data.url,
            language=data.language,
            max_chars=settings.max_text_chars,
        )
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _read_form(request, settings)
    raise ApiError(
        415,
        "unsupported_media_type",
        "send application/json, multipart/form-data or application/x-www-form-urlencoded",
    )


async def _read_form(request: Request, settings: Settings) -> Report:
    async with request.form(
        max_files=1, max_fields=10, max_part_size=settings.max_body_bytes
    ) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        meta = {k: fields.get(k) for k in ("title", "publisher", "url", "language")}
        if isinstance(upload, UploadFile):
            data = await upload.read()
            report = report_from_upload(
                data,
                upload.filename,
                upload.content_type,
                published=fields.get("published"),
                max_chars=settings.max_text_chars,
            )
            return with_metadata(report, **meta)
        if fields.get("text"):
            return report_from_text(
                fields["text"],
                published=fields.get("published"),
                max_chars=settings.max_text_chars,
                **meta,
            )
    raise ApiError(422, "invalid_request", "send a 'file' upload or a 'text' field")


def _analyse_and_store(stores: Stores, report: Report) -> tuple[bool, StoredDocumentOut]:
    document = analyse_report(report)
    store = stores.get()
    added = store.add(document, source=report.source)
    stored = store.document(document.doc_id) or document
    return added, StoredDocumentOut.model_construct(
        **{name: getattr(stored, name) for name in type(stored).model_fields},
        claim_ids=claim_ids_of(store.connection, stored.doc_id),
    )


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        items = errors()
        if items:
            loc = ".".join(str(p) for p in items[0].get("loc", ())) or "body"
            return f"{loc}: {items[0].get('msg', 'invalid')}"
    return "the body is not valid JSON for a report"
