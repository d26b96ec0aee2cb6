"""`warclaims serve`: the web app and JSON API (FastAPI + uvicorn) over a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from warclaims.api.deps import TOKEN_ENV, token_from_env
from warclaims.cli_options import DbOption

if TYPE_CHECKING:
    pass

console = Console(stderr=True)


def seed_store(db: str | None, seed: Path) -> tuple[int, list[str]]:
    """Ingest the reports under `seed` as `warclaims ingest` does, when the store holds no
    document yet. Returns (stories added, error lines); nothing is read when it is not empty."""
    from warclaims.ingest.runner import ingest_reports
    from warclaims.ingest.sources import ReportReader
    from warclaims.store import open_store

    with open_store(db) as store:
        if store.counts()["documents"]:
            return 0, []
        result = ingest_reports(store, ReportReader([seed]))
        return result.added, [str(failure) for failure in result.failures]


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        seed: Annotated[
            Path | None,
            typer.Option(
                metavar="DIR",
                help="Ingest the reports in DIR first when the store is empty.",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Serve the web app and the JSON API (docs at /docs).

        Reads are open; POST /api/documents needs 'Authorization: Bearer $WARCLAIMS_TOKEN'
        (without WARCLAIMS_TOKEN, writes are refused).

        Example: WARCLAIMS_TOKEN=secret warclaims serve --db claims.db --seed samples/
        """
        import uvicorn

        from warclaims.api import create_app

        try:
            if seed is not None:
                added, failures = seed_store(db, seed)
                for line in failures:
                    console.print(f"error: {line}", highlight=False, markup=False)
                if added:
                    console.print(f"seeded the empty store with {added} reports from {seed}")
            web = create_app(db)
        except Exception as exc:  # bad URL, unreadable store: one line, exit 2
            console.print(f"error: cannot serve: {exc}", highlight=False, markup=False)
            raise typer.Exit(2) from exc
        writes = "enabled" if token_from_env(None) else f"disabled (set {TOKEN_ENV} to enable)"
        console.print(f"warclaims on http://{host}:{port}/ · API docs /docs · writes {writes}")
        uvicorn.run(web, host=host, port=port, log_level="info")
