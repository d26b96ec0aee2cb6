"""CLI commands beyond the core four, one module each.

Every module in this package defines `register(app: typer.Typer) -> None`; `warclaims.cli`
discovers and registers them all, so a new command is a new file here and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    """Register the commands of every module in this package, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is None:
            raise RuntimeError(f"{module.__name__} defines no register(app)")
        register(app)
