"""The web pages: Jinja2 templates (autoescaped) and static assets shipped in the package."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import jinja2

from warclaims import __version__
from warclaims.model import KINDS
from warclaims.web.views import KIND_LABELS

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"

NAV: list[tuple[str, str]] = [
    ("/", "Documents"),
    ("/claims", "Claims"),
    ("/map", "Map"),
    ("/check", "Check a report"),
    ("/docs", "API"),
]


def static_url(path: str) -> str:
    return f"/static/{path}?v={__version__}"


def query_string(params: Mapping[str, object], **changes: object) -> str:
    """`?a=1&b=2` from `params` with `changes` applied; empty values are left out."""
    merged = {**params, **changes}
    pairs = [(k, str(v)) for k, v in merged.items() if v is not None and str(v) != ""]
    return "?" + urlencode(pairs) if pairs else ""


def format_number(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The templates' environment: autoescape on for every template, undefined names fail."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        static=static_url,
        qs=query_string,
        nav=NAV,
        kinds=KINDS,
        kind_labels=KIND_LABELS,
        version=__version__,
    )
    env.filters["number"] = format_number
    return env
