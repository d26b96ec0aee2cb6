"""hedge_dropped: a hedged figure in the body ("up to 3,000") written bare in the headline or
the lead ("3,000")."""

from __future__ import annotations

from warclaims.checks._text import (
    HEDGED,
    body_claims,
    claim_figure,
    claim_values,
    figures,
    headline_span,
    lead_span,
    overlaps,
    quote,
    same_figure,
    unit_after,
    units_agree,
)
from warclaims.model import Claim, Document, Flag, Span


def _states(claim: Claim, value: float) -> bool:
    return any(same_figure(v, value) for v in claim_values(claim))


def _carrier(claim: Claim) -> Span:
    return claim.anchor or claim.evidence


def check(doc: Document) -> list[Flag]:
    """One flag per bare headline or lead figure that the body gives with a hedge."""
    zones = (("headline", headline_span(doc)), ("lead", lead_span(doc)))
    hedged = [c for c in body_claims(doc) if c.quantity is not None and c.quantity.hedge in HEDGED]
    flags: list[Flag] = []
    for where, zone in zones:
        if zone is None or not hedged:
            continue
        for figure in figures(doc.text, zone.start, zone.end):
            if figure.hedged:
                continue
            here = [
                c
                for c in doc.claims
                if overlaps(_carrier(c), figure.span) and _states(c, figure.value)
            ]
            if any(c.quantity is not None and c.quantity.hedge in HEDGED for c in here):
                continue  # the extractor read a hedge here that the helper missed
            kinds = {c.kind for c in here}
            written = unit_after(doc.text, figure.span.end, zone.end)
            match = next(
                (
                    c
                    for c in hedged
                    if not overlaps(c.evidence, figure.span)
                    and _states(c, figure.value)
                    and (not kinds or c.kind in kinds)
                    and units_agree(written, c.quantity.unit if c.quantity else None)
                ),
                None,
            )
            if match is None:
                continue
            flags.append(
                Flag(
                    code="hedge_dropped",
                    message=(
                        f"The {where} gives {quote(doc, figure.span)} without a hedge, but the "
                        f"body says {claim_figure(doc, match)} ({match.kind.replace('_', ' ')})"
                    ),
                    evidence=[figure.span, _carrier(match)],
                )
            )
    return flags
