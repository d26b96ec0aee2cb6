"""The JSON API and web app (FastAPI): `create_app(db_url, token)`; `warclaims serve` runs it."""

from warclaims.api.app import create_app

__all__ = ["create_app"]
