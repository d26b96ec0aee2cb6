"""headline_body_mismatch: the headline states a figure, a side or an outcome that the body's
claims do not support or contradict. Conservative: it looks only at figures followed by a
unit word, sides written next to a loss figure, and a few outcome verbs."""

from __future__ import annotations

import re
from itertools import combinations

from warclaims.checks._text import (
    Figure,
    body_claims,
    claim_values,
    figures,
    headline_span,
    quote,
    unit_after,
)
from warclaims.model import Claim, Document, Flag, Span

FIGURE_TOLERANCE = 0.10  # a headline figure within 10% of a body figure is the same figure

_LOSS_KINDS = ("casualties", "equipment_loss")
# (used with match(text, pos): no "^", which would anchor at the start of the text)
_SIDE_AFTER = re.compile(r"\s*(?:more\s+)?(?P<side>Russian|Ukrainian)\b", re.IGNORECASE)
_SIDE_BEFORE = re.compile(
    r"\b(?P<side>Russian|Ukrainian)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:losses|casualties|death toll|dead|killed)\b[^.\d]{0,30}$",
    re.IGNORECASE,
)
_SIDE_OF = {"russian": "RU", "ukrainian": "UA"}
_SIDE_NAME = {"RU": "Russian", "UA": "Ukrainian"}
# outcome verb in the headline -> claim kinds in the body that can support it
_OUTCOMES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            r"\b(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|liberat(?:e|es|ed|ing)|"
            r"retook|retak(?:e|es|en)|recaptur(?:e|es|ed)|(?:fell|falls|fallen) to|has fallen)\b",
            re.IGNORECASE,
        ),
        ("territorial_control", "equipment_loss", "casualties"),
    ),
    (
        re.compile(r"\b(?:encircl(?:e|es|ed|ing|ement)|surround(?:s|ed|ing)?)\b", re.IGNORECASE),
        ("encirclement", "territorial_control"),
    ),
)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def _supported(figure: Figure, values: list[float]) -> bool:
    """The figure is some body figure, or the sum of two (headlines add up: "50 drones and
    missiles" for 30 drones and 20 missiles)."""
    if any(_close(figure.value, v) for v in values):
        return True
    return any(_close(figure.value, a + b) for a, b in combinations(values, 2))


def _unsupported_figures(doc: Document, head: Span, claims: list[Claim]) -> list[Flag]:
    values = [v for c in claims for v in claim_values(c)]
    if not values:
        return []  # the extractor found no figures in the body: nothing to compare with
    body_text_values = [f.value for f in figures(doc.text, head.end)]
    flags: list[Flag] = []
    for figure in figures(doc.text, head.start, head.end):
        if unit_after(doc.text, figure.span.end, head.end) is None:
            continue  # "Day 68", "G7": not a figure about the war
        if _supported(figure, values) or _supported(figure, body_text_values):
            continue
        nearest = sorted(
            (c for c in claims if c.quantity is not None),
            key=lambda c: abs(c.quantity.value - figure.value),  # type: ignore[union-attr]
        )[:3]
        flags.append(
            Flag(
                code="headline_body_mismatch",
                message=(
                    f"The headline figure {quote(doc, figure.span)} is not in the body; "
                    "the nearest body figures are "
                    + ", ".join(quote(doc, c.anchor or c.evidence) for c in nearest)
                ),
                evidence=[figure.span, *(c.evidence for c in nearest)],
            )
        )
    return flags


def _wrong_sides(doc: Document, head: Span, claims: list[Claim]) -> list[Flag]:
    flags: list[Flag] = []
    for figure in figures(doc.text, head.start, head.end):
        after = _SIDE_AFTER.match(doc.text, figure.span.end, head.end)
        before = _SIDE_BEFORE.search(doc.text, head.start, figure.span.start)
        said = after or before
        if said is None:
            continue
        side = _SIDE_OF[said.group("side").lower()]
        same = [
            c
            for c in claims
            if c.kind in _LOSS_KINDS
            and c.side is not None
            and any(_close(figure.value, v) for v in claim_values(c))
        ]
        if same and all(c.side != side for c in same):
            other = _SIDE_NAME[same[0].side]  # type: ignore[index]
            flags.append(
                Flag(
                    code="headline_body_mismatch",
                    message=(
                        f"The headline gives {quote(doc, figure.span)} as "
                        f"{_SIDE_NAME[side]} losses; the body gives that figure as {other} losses"
                    ),
                    evidence=[
                        Span(
                            start=min(said.start(), figure.span.start),
                            end=max(said.end(), figure.span.end),
                        ),
                        *(c.evidence for c in same),
                    ],
                )
            )
    return flags


def _unsupported_outcomes(doc: Document, head: Span, claims: list[Claim]) -> list[Flag]:
    flags: list[Flag] = []
    kinds = {c.kind for c in claims}
    for pattern, supporting in _OUTCOMES:
        m = pattern.search(doc.text, head.start, head.end)
        if m is None or kinds & set(supporting):
            continue
        flags.append(
            Flag(
                code="headline_body_mismatch",
                message=(
                    f"The headline says {quote(doc, Span(start=m.start(), end=m.end()))}, but no "
                    "claim in the body reports that outcome"
                ),
                evidence=[head, Span(start=m.start(), end=m.end())],
            )
        )
    return flags


def check(doc: Document) -> list[Flag]:
    """Headline figures, sides and outcomes the body's claims do not back."""
    head = headline_span(doc)
    claims = body_claims(doc)
    if head is None or not claims:
        return []
    return [
        *_unsupported_figures(doc, head, claims),
        *_wrong_sides(doc, head, claims),
        *_unsupported_outcomes(doc, head, claims),
    ]
