"""Ingest: reports in, stored once each — exact and near duplicates joined to their story.

For each report, in input order:

1. Its doc_id (the hash of its text) is already stored, as a document or as a copy of
   one: the report is another outlet of that story (`Store.add_source`, relation 'exact',
   or the relation its twin had), or nothing at all when that outlet is recorded too.
2. Else its MinHash signature is matched against the stored LSH bands (and the reports
   of the current batch not yet stored): a near-duplicate joins the closest story at or
   above the threshold as relation 'near' — not analysed, its claims are the story's.
3. Else it is analysed (spaCy, claims, flags) and stored as a new story (`Store.add`).

Each report is committed in its own transaction, so an ingest killed at any point and run
again stores what was missing and nothing twice: the result is the store one clean run
gives (the choices in 1-3 depend only on what came earlier in the input, never on batch
boundaries or what was committed when). Reports are analysed in batches of `batch_size`.

Run one ingest at a time per store: two at once never store a text twice, but may both
store two near-duplicates as separate stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from warclaims.compare.cache import maintain as maintain_compare
from warclaims.ingest.dedup import Signer, best_match, share_a_band
from warclaims.ingest.errors import InputError
from warclaims.ingest.memory import release_free_memory
from warclaims.ingest.text import Report, doc_id_for
from warclaims.model import Document
from warclaims.store.db import Located, Outlet, Signature, Store

Analyse = Callable[[list[Report]], Iterator[Document]]
TRIM_EVERY = 400  # reports between two hand-backs of free memory (see ingest.memory)


@dataclass(slots=True)
class IngestResult:
    """What one ingest did: reports read, stories added, outlets merged, no-ops, errors."""

    reports: int = 0
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failures: list[InputError] = field(default_factory=list)


@dataclass(slots=True)
class _Plan:
    report: Report
    doc_id: str
    cluster_id: str
    relation: str  # 'new' (analyse and store), 'exact' or 'near' (another outlet)
    similarity: float | None = None
    signature: Signature | None = None


def ingest_reports(
    store: Store,
    items: Iterable[Report | InputError],
    *,
    signer: Signer | None = None,
    batch_size: int = 16,
    analyse: Analyse | None = None,
    on_item: Callable[[IngestResult], None] | None = None,
) -> IngestResult:
    """Store every report of `items` once; collect the errors and go on after each.

    `analyse` turns reports into documents (default `warclaims.pipeline.analyse_many`);
    `on_item` is called after each item, for a progress display.
    """
    signer = signer or Signer()
    result = IngestResult()
    backfill_signatures(store, signer)
    iterator = iter(items)
    trimmed_at = 0
    while batch := list(islice(iterator, max(1, batch_size))):
        if result.reports - trimmed_at >= TRIM_EVERY:
            trimmed_at = result.reports
            release_free_memory()
        plans: list[_Plan] = []
        for item in batch:
            if isinstance(item, InputError):
                result.failures.append(item)
                _tick(on_item, result)
                continue
            result.reports += 1
            plans.append(_plan(store, item, plans, signer))
        _store_batch(store, plans, analyse, result, on_item)
    maintain_compare(store)  # compare's precomputed groups follow what was stored
    return result


def backfill_signatures(store: Store, signer: Signer) -> int:
    """Sign the stored documents that have no signature of `signer`'s scheme (stored
    before schema v2, by `Store.add` without one, or under other LSH settings)."""
    signed = 0
    while missing := store.unsigned_documents(signer.scheme, limit=500):
        for doc_id in missing:
            store.set_signature(doc_id, signer.sign(store.document_text(doc_id) or ""))
        signed += len(missing)
    return signed


# -- planning ------------------------------------------------------------------------------------


def _plan(store: Store, report: Report, earlier: list[_Plan], signer: Signer) -> _Plan:
    doc_id = doc_id_for(report.text)
    located = store.locate(doc_id) or _locate_pending(doc_id, earlier)
    if located is not None:
        relation = "exact" if located.cluster_id == doc_id else located.relation
        similarity = 1.0 if relation == "exact" else located.similarity
        return _Plan(report, doc_id, located.cluster_id, relation, similarity)
    signature = signer.sign(report.text)
    pending = [
        (plan.doc_id, plan.cluster_id, plan.signature.hashvalues)
        for plan in earlier
        if plan.signature is not None and share_a_band(signature, plan.signature)
    ]
    match = best_match(signature, [*store.near_candidates(signature), *pending], signer.threshold)
    if match is None:
        return _Plan(report, doc_id, doc_id, "new", 1.0, signature)
    return _Plan(report, doc_id, match.cluster_id, "near", match.similarity, signature)


def _locate_pending(doc_id: str, earlier: list[_Plan]) -> Located | None:
    for plan in earlier:
        if plan.doc_id == doc_id:
            relation = "original" if plan.relation == "new" else plan.relation
            return Located(plan.cluster_id, relation, plan.similarity)
    return None


# -- storing -------------------------------------------------------------------------------------


def _store_batch(
    store: Store,
    plans: list[_Plan],
    analyse: Analyse | None,
    result: IngestResult,
    on_item: Callable[[IngestResult], None] | None,
) -> None:
    new = [plan.report for plan in plans if plan.relation == "new"]
    documents = iter(_analyse_safely(new, analyse))
    lost: dict[str, str] = {}  # cluster_id -> why it could not be stored
    for plan in plans:
        source = plan.report.source or "?"
        try:
            if plan.relation == "new":
                document = next(documents)
                if isinstance(document, InputError):
                    lost[plan.cluster_id] = "its story could not be analysed"
                    result.failures.append(document)
                    continue
                _count(result, store.add(document, source=source, signature=plan.signature))
            elif plan.cluster_id in lost:
                why = f"not stored: a duplicate of a report that was not ({lost[plan.cluster_id]})"
                result.failures.append(InputError(source, why))
            else:
                added = store.add_source(plan.cluster_id, _outlet(plan), signature=plan.signature)
                if added:
                    result.duplicates += 1
                else:
                    result.unchanged += 1
        except Exception as exc:  # one report that cannot be stored must not stop the rest
            lost.setdefault(plan.cluster_id, "it could not be stored")
            result.failures.append(InputError(source, f"not stored: {_describe(exc)}"))
        finally:
            _tick(on_item, result)


def _count(result: IngestResult, added: bool) -> None:
    if added:
        result.added += 1
    else:
        result.unchanged += 1


def _outlet(plan: _Plan) -> Outlet:
    report = plan.report
    return Outlet(
        doc_id=plan.doc_id,
        relation=plan.relation,
        similarity=plan.similarity,
        publisher=report.publisher,
        url=report.url,
        title=report.title,
        published=report.published,
        source=report.source,
    )


def _analyse_safely(
    reports: list[Report], analyse: Analyse | None
) -> Iterator[Document | InputError]:
    """One document (or error) per report, in order: a batch that breaks is retried one
    report at a time, so one report that crashes the analysis costs only itself."""
    if not reports:
        return
    if analyse is None:
        from warclaims.pipeline import analyse_many as analyse
    try:
        documents = list(analyse(reports))
    except Exception:
        documents = None
    if documents is not None and len(documents) == len(reports):
        yield from documents
        return
    for report in reports:
        try:
            yield next(iter(analyse([report])))
        except Exception as exc:
            yield InputError(
                report.source or "?",
                f"analysis failed ({_describe(exc)}); this is a bug, please report it",
            )


def _describe(exc: BaseException) -> str:
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _tick(on_item: Callable[[IngestResult], None] | None, result: IngestResult) -> None:
    if on_item is not None:
        on_item(result)
