"""The API reference page from the app's OpenAPI schema (served offline at /docs, no JS)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    where: str
    required: bool
    type: str
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    tag: str
    parameters: list[Parameter] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)
    secured: bool = False


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        kinds = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " | ".join(kinds) or "any"
    kind = schema.get("type", "any")
    fmt = schema.get("format")
    extra = []
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "max length ")):
        if key in schema:
            extra.append(f"{label}{schema[key]}")
    text = f"{kind} ({fmt})" if fmt else str(kind)
    return f"{text}, {', '.join(extra)}" if extra else text


def operations(schema: dict[str, Any]) -> list[Operation]:
    out = []
    for path, item in schema.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [
                Parameter(
                    name=p["name"],
                    where=p.get("in", ""),
                    required=bool(p.get("required")),
                    type=_type(p.get("schema", {})),
                    description=p.get("description") or p.get("schema", {}).get("description", ""),
                )
                for p in op.get("parameters", [])
            ]
            responses = [
                (code, resp.get("description", ""))
                for code, resp in op.get("responses", {}).items()
            ]
            out.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    tag=(op.get("tags") or ["other"])[0],
                    parameters=params,
                    bodies=list(op.get("requestBody", {}).get("content", {})),
                    responses=responses,
                    secured=bool(op.get("security")),
                )
            )
    return out
