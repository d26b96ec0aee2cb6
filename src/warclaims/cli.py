"""The `warclaims` command line: parses options and dispatches; the library does the work."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warclaims import __version__
from warclaims.ingest.files import DEFAULT_MAX_BYTES, InputError, iter_input_paths, read_report
from warclaims.model import KINDS, Document

app = typer.Typer(
    help="warclaims: turn war reports into checkable claim records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL or path (SQLite); default ./warclaims.db."),
]


def _version(value: bool) -> None:
    if value:
        console.print(f"warclaims {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn war reports into checkable claim records."""


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _read_all(
    paths: list[Path], published: str | None, max_bytes: int
) -> tuple[list, list[InputError]]:
    """Readable reports and the errors of the rest (nothing stops at the first bad file)."""
    reports, failures = [], []
    for item in iter_input_paths(paths):
        if isinstance(item, InputError):
            failures.append(item)
            continue
        try:
            reports.append(read_report(item, published=published, max_bytes=max_bytes))
        except InputError as exc:
            failures.append(exc)
    return reports, failures


def _report_failures(failures: list[InputError]) -> None:
    for failure in failures:
        errors.print(f"[red]error:[/red] {failure}", highlight=False, markup=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )


def _analyse_with_progress(reports: list, label: str):
    from warclaims.pipeline import analyse_many

    with _progress() as progress:
        task = progress.add_task(label, total=len(reports))
        for report, document in zip(reports, analyse_many(reports), strict=True):
            progress.advance(task)
            yield report, document


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Report files (.txt) or directories.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print CLAIMS.md documents as JSON.")] = False,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) that relative dates resolve against."),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest file read, in bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Extract the claims and flags of each report and print them as cards (or JSON)."""
    from warclaims.render import render_document

    reports, failures = _read_all(files, _check_date(published), max_bytes)
    _report_failures(failures)
    documents: list[Document] = [doc for _, doc in _analyse_with_progress(reports, "checking")]
    if as_json:
        payload = [d.to_json_dict() for d in documents]
        out = payload[0] if len(payload) == 1 else payload
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for report, document in zip(reports, documents, strict=True):
            render_document(console, document, source=report.source)
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files or directories (recursive).")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for reports without one.")
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest file read, in bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Extract reports and store documents, claims and flags (re-ingesting changes nothing)."""
    from warclaims.store import open_store

    reports, failures = _read_all(paths, _check_date(published), max_bytes)
    added = skipped = 0
    with _open(open_store, db) as store:
        for report, document in _analyse_with_progress(reports, "ingesting"):
            try:
                if store.add(document, source=report.source):
                    added += 1
                else:
                    skipped += 1
            except Exception as exc:  # one bad report must not stop the batch
                failures.append(InputError(report.source or "?", f"not stored: {exc}"))
        counts = store.counts()
    _report_failures(failures)
    console.print(
        f"{added} added, {skipped} already stored, {len(failures)} failed · store now holds "
        f"{counts['documents']} documents, {counts['claims']} claims, {counts['flags']} flags"
    )
    if failures:
        raise typer.Exit(1)


def _open(open_store, db: str | None):
    try:
        return open_store(db)
    except (ValueError, OSError) as exc:
        errors.print(f"[red]error:[/red] cannot open store {db or './warclaims.db'}: {exc}")
        raise typer.Exit(2) from exc
    except Exception as exc:  # StoreError and friends: say what, not a traceback
        errors.print(f"[red]error:[/red] cannot open store {db or './warclaims.db'}: {exc}")
        raise typer.Exit(2) from exc


@app.command()
def claims(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help=f"One of: {', '.join(KINDS)}.")] = None,
    side: Annotated[str | None, typer.Option(help="RU or UA.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, mention or oblast.")] = None,
    claimant: Annotated[str | None, typer.Option(help="Claimant name or mention (substring).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List stored claims, filtered."""
    from warclaims.render import claims_table
    from warclaims.store import open_store

    with _open(open_store, db) as store:
        try:
            rows = store.claims(kind=kind, side=side, place=place, claimant=claimant, limit=limit)
        except ValueError as exc:
            errors.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
    if as_json:
        for row in rows:
            record = {"doc_id": row.doc_id, "claim_id": row.claim_id, **row.claim.model_dump(mode="json")}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    console.print(claims_table(rows))


@app.command(name="eval")
def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold JSON files (GOLD.md).")],
    reports: Annotated[
        Path | None, typer.Option(help="Directory of the report texts; default GOLD_DIR/../reports.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and errors.")] = False,
) -> None:
    """Score the extractor against gold annotations (claim/strict P/R/F1, fields, flags)."""
    from warclaims.eval import evaluate
    from warclaims.pipeline import analyse

    if not gold_dir.is_dir():
        errors.print(f"[red]error:[/red] {gold_dir}: not a directory of gold files")
        raise typer.Exit(2)
    result = evaluate(gold_dir, reports, analyse)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        result.render(console, verbose=verbose)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
