"""The `warclaims` command line: parses options and dispatches; the library does the work.

Exit codes: 0 all went well; 1 some input failed (each failure is one `error:` line on stderr
naming the file, the rest is still processed); 2 bad usage (options, store URL, gold dir).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from warclaims import __version__
from warclaims.cli_options import (
    DEFAULT_DB,
    DbOption,
    MaxBytesOption,
    PublishedOption,
)
from warclaims.commands import register_all
from warclaims.ingest.files import (
    DEFAULT_MAX_BYTES,
    InputError,
)
from warclaims.model import KINDS, Document

if TYPE_CHECKING:
    from warclaims.ingest.runner import IngestResult
    from warclaims.ingest.sources import ReportReader
    from warclaims.ingest.text import Report
    from warclaims.store import Store

app = typer.Typer(
    help="warclaims: turn war reports into checkable claim records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        console.print(f"warclaims {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn war reports into checkable claim records."""


# -- messages ---------------------------------------------------------------------------------


def _error(message: object) -> None:
    """One `error: …` line on stderr, never wrapped nor read as markup (names may hold [])."""
    errors.print(Text.assemble(("error: ", "bold red"), str(message)), soft_wrap=True)


def _report_failures(failures: list[InputError]) -> None:
    for failure in failures:
        _error(failure)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )


# -- reading and analysing --------------------------------------------------------------------


def _read_all(
    paths: list[Path], published: str | None, max_bytes: int
) -> tuple[list[Report], list[InputError]]:
    """Readable reports of any input format (as `ingest` reads them) and the errors of the
    rest (nothing stops at the first bad file)."""
    from warclaims.ingest.sources import ReadOptions, ReportReader

    reports: list[Report] = []
    failures: list[InputError] = []
    options = ReadOptions(published=published, max_bytes=max_bytes)
    for item in ReportReader(paths, options):
        if isinstance(item, InputError):
            failures.append(item)
        else:
            reports.append(item)
    return reports, failures


def _analyse_all(
    reports: list[Report], label: str, failures: list[InputError]
) -> Iterator[tuple[Report, Document]]:
    """(report, document) in order, with a progress bar; a report whose analysis crashes
    becomes an error naming its file and the others are still analysed."""
    from warclaims.pipeline import analyse, analyse_many

    with _progress() as progress:
        task = progress.add_task(label, total=len(reports))
        start = 0
        while start < len(reports):
            try:
                for report, document in zip(
                    reports[start:], analyse_many(reports[start:]), strict=False
                ):
                    start += 1
                    progress.advance(task)
                    yield report, document
            except Exception:  # the batch broke at `start`: retry that report alone
                report = reports[start]
                start += 1
                progress.advance(task)
                try:
                    document = analyse(report)
                except Exception as exc:
                    failures.append(
                        InputError(
                            report.source or "?",
                            f"analysis failed ({_describe(exc)}); this is a bug, please report it",
                        )
                    )
                    continue
                yield report, document


def _describe(exc: BaseException) -> str:
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# -- commands ---------------------------------------------------------------------------------


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="Report files, directories (searched recursively for .txt, .md, .html, .json,"
            " .jsonl, .rss, .atom, .xml) or - for standard input.",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the CLAIMS.md document object (a list of them for several reports).",
        ),
    ] = False,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Extract the claims and flags of each report and print them as cards (or JSON).

    Example: warclaims check report.txt --published 2025-11-21
    """
    from warclaims.render import render_document

    reports, failures = _read_all(files, published, max_bytes)
    _report_failures(failures)
    crashed: list[InputError] = []
    analysed = list(_analyse_all(reports, "checking", crashed))
    _report_failures(crashed)
    if as_json:
        payload = [document.to_json_dict() for _, document in analysed]
        out = payload[0] if len(payload) == 1 else payload
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for report, document in analysed:
            render_document(console, document, source=report.source)
    if failures or crashed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Report files, directories (searched recursively for .txt, .md, .html,"
            " .json, .jsonl, .rss, .atom, .xml) or - for standard input.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Read every input as txt, html, json, jsonl or feed (default: by suffix;"
            " standard input is sniffed).",
            show_default=False,
        ),
    ] = None,
    json_text: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON field with the report text.")
    ] = "text",
    json_title: Annotated[str, typer.Option(metavar="FIELD", help="JSON title field.")] = "title",
    json_published: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON publication date field.")
    ] = "published",
    json_url: Annotated[str, typer.Option(metavar="FIELD", help="JSON URL field.")] = "url",
    json_publisher: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON publisher (outlet) field; a.b for nested.")
    ] = "publisher",
    near: Annotated[
        float,
        typer.Option(
            "--near",
            metavar="SIMILARITY",
            min=0.05,
            max=0.99,
            help="Near-duplicate threshold: estimated Jaccard similarity of word 3-grams.",
        ),
    ] = 0.7,
) -> None:
    """Extract reports of any format and store each story once, with all its outlets.

    Copies and near-duplicates (a wire story with small edits) become sources of one story.

    Each report is committed on its own: run a stopped ingest again to store what is missing.

    Bad files, lines and feed entries are listed at the end; the rest goes on.

    --published dates reports that carry no date; for JSON lines --max-bytes bounds each line.

    Example: warclaims ingest reports/ feed.rss - --db sqlite:///claims.db < wire.jsonl
    """
    from warclaims.ingest.dedup import Signer
    from warclaims.ingest.jsonl import FieldNames
    from warclaims.ingest.runner import ingest_reports
    from warclaims.ingest.sources import ReadOptions, ReportReader

    try:
        fields = FieldNames(json_text, json_title, json_published, json_url, json_publisher)
        options = ReadOptions(input_format, fields, published, max_bytes)
    except ValueError as exc:
        _error(exc)
        raise typer.Exit(2) from exc
    with _open_store(db, must_exist=False) as store:
        reader = ReportReader(paths, options)
        with _ingest_progress(reader) as update:
            result = ingest_reports(store, reader, signer=Signer(near), on_item=update)
        counts, sources = store.counts(), store.source_counts()
    _report_failures(result.failures)
    console.print(
        f"{result.added} added, {result.unchanged} already stored, {len(result.failures)}"
        f" failed, {result.duplicates} merged as duplicates · store now holds"
        f" {counts['documents']} documents ({sources['sources']} sources),"
        f" {counts['claims']} claims, {counts['flags']} flags",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    if result.failures:
        raise typer.Exit(1)


@contextmanager
def _ingest_progress(reader: ReportReader) -> Iterator[Callable[[IngestResult], None]]:
    """A progress bar over the inputs' bytes (a counter for standard input)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=reader.total or None)

        def update(result: IngestResult) -> None:
            progress.update(
                task,
                completed=reader.done,
                description=f"ingesting · {result.reports} reports, {result.added} added",
            )

        yield update


@contextmanager
def _open_store(db: str | None, *, must_exist: bool) -> Iterator[Store]:
    """The store `db` names, or a one-line error and exit code 2."""
    from warclaims.store import open_store, parse_store_url

    shown = db or DEFAULT_DB
    try:
        path = parse_store_url(db)
        if must_exist and path != ":memory:" and not Path(path).exists():
            _error(f"no store at {shown}: run `warclaims ingest PATH... --db {shown}` first")
            raise typer.Exit(2)
        store = open_store(db)
    except typer.Exit:
        raise
    except Exception as exc:  # ValueError, StoreError, sqlite3.Error: say what, not a traceback
        message = str(exc)
        if not message.startswith("cannot open store"):
            message = f"cannot open store {shown}: {message}"
        _error(message)
        raise typer.Exit(2) from exc
    with store:
        yield store


@app.command()
def claims(
    db: DbOption = None,
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")
    ] = None,
    side: Annotated[
        str | None, typer.Option(metavar="SIDE", help="RU or UA: whose claim it is about.")
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(metavar="PLACE", help="Place name, name as written, or oblast."),
    ] = None,
    claimant: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Part of the claimant's name or mention."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(metavar="N", min=0, help="At most this many claims.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per claim (JSON lines).")
    ] = False,
) -> None:
    """List stored claims, filtered (filters combine with AND; text filters ignore case).

    Example: warclaims claims --kind casualties --side RU --place Kupiansk
    """
    from warclaims.render import claims_table

    with _open_store(db, must_exist=True) as store:
        try:
            rows = store.claims(kind=kind, side=side, place=place, claimant=claimant, limit=limit)
        except ValueError as exc:
            _error(exc)
            raise typer.Exit(2) from exc
    if as_json:
        for row in rows:
            record = {
                "doc_id": row.doc_id,
                "claim_id": row.claim_id,
                **row.claim.model_dump(mode="json"),
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if not rows:
        console.print("no stored claims match these filters", style="dim", highlight=False)
        return
    console.print(claims_table(rows))


@app.command(name="eval")
def evaluate_cmd(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR", help="Directory of gold JSON files (GOLD.md).", show_default=False
        ),
    ],
    reports: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Directory of the report texts (default: GOLD_DIR/../reports).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses, extras and field errors.")
    ] = False,
) -> None:
    """Score the extractor against gold annotations (claim/strict P/R/F1, fields, flags).

    Example: warclaims eval data/gold --reports data/reports --json
    """
    from warclaims.eval import GoldError, evaluate
    from warclaims.pipeline import analyse

    if not gold_dir.is_dir():
        _error(f"{gold_dir}: not a directory; give the directory that holds the gold *.json files")
        raise typer.Exit(2)
    reports_dir = reports if reports is not None else gold_dir.parent / "reports"
    if not reports_dir.is_dir():
        hint = "" if reports is not None else "; give it with --reports DIR"
        _error(f"{reports_dir}: reports directory not found{hint}")
        raise typer.Exit(2)
    gold_files = list(gold_dir.glob("*.json"))
    if not gold_files:
        _error(f"{gold_dir}: no gold files (*.json) in it")
        raise typer.Exit(2)
    try:
        with _progress() as progress:
            task = progress.add_task("evaluating", total=len(gold_files))

            def analyse_one(report: Report) -> Document:
                try:
                    return analyse(report)
                finally:
                    progress.advance(task)

            result = evaluate(gold_dir, reports_dir, analyse_one)
    except GoldError as exc:
        _error(exc)
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        for name, message in result.errors:
            _error(f"{name}: {message}")
    else:
        result.render(console, verbose=verbose)
    if result.errors:
        raise typer.Exit(1)


register_all(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
