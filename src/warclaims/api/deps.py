"""Shared request dependencies: settings, per-thread store connections, the write token."""

from __future__ import annotations

import contextlib
import hmac
import os
import sqlite3
import threading
import weakref
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from warclaims.api.errors import ApiError
from warclaims.store import Store, open_store, parse_store_url
from warclaims.store.queries import tune_for_reading

TOKEN_ENV = "WARCLAIMS_TOKEN"
DEFAULT_MAX_BODY = 5_000_000  # bytes of any request body
DEFAULT_MAX_TEXT = 1_000_000  # characters of one report


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str | None
    token: str | None
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_text_chars: int = DEFAULT_MAX_TEXT

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


def token_from_env(token: str | None) -> str | None:
    """The write token: `token` when given, else $WARCLAIMS_TOKEN; empty means none."""
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    return value or None


class Stores:
    """One open `Store` per worker thread (sqlite3 connections stay in their thread)."""

    def __init__(self, url: str | None) -> None:
        path = parse_store_url(url)
        if path == ":memory:":
            raise ValueError(
                "the web app needs a store file (each worker thread opens its own connection, "
                "and an in-memory store would be empty in all but one): give --db PATH"
            )
        self.url = url
        self._local = threading.local()
        self._open: weakref.WeakSet[Store] = weakref.WeakSet()
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            tune_for_reading(store.connection)
            self._local.store = store
            with self._lock:
                self._open.add(store)
        return store

    def connection(self) -> sqlite3.Connection:
        return self.get().connection

    def close_all(self) -> None:
        with self._lock:
            stores = list(self._open)
            self._open.clear()
        for store in stores:
            # a store opened in another thread refuses: it closes when its thread ends
            with contextlib.suppress(sqlite3.ProgrammingError):
                store.close()
        self._local = threading.local()


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_stores(request: Request) -> Stores:
    # async on purpose: resolved on the event loop, so the endpoint (run in a worker thread)
    # opens its connection in its own thread with `stores.connection()`.
    return request.app.state.stores


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoresDep = Annotated[Stores, Depends(get_stores)]

_bearer = HTTPBearer(auto_error=False, description="The server's WARCLAIMS_TOKEN")


async def require_writer(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need `Authorization: Bearer <token>`; with no token configured they are refused."""
    if not settings.token:
        raise ApiError(
            403,
            "writes_disabled",
            f"writes are disabled on this server: start it with {TOKEN_ENV} set to a token",
        )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(
            401,
            "unauthorized",
            "this endpoint needs an 'Authorization: Bearer <token>' header",
            headers={"WWW-Authenticate": "Bearer"},
        )
    given = credentials.credentials.encode("utf-8")
    if not hmac.compare_digest(given, settings.token.encode("utf-8")):
        raise ApiError(
            401,
            "unauthorized",
            "the bearer token is not valid",
            headers={"WWW-Authenticate": "Bearer"},
        )


WriterDep = Depends(require_writer)
