"""anonymous_sourcing: a figure that rests only on an unnamed source."""

from __future__ import annotations

import re

from warclaims.checks._text import claim_figure, quote_text, same_figure
from warclaims.model import Claim, Document, Flag

# An anonymous claimant's mention must read as a person or source left unnamed ("a source
# within a Russian defense agency", "a senior defence official"); a document ("the briefing")
# or a group ("European leaders") typed anonymous by mistake does not make a figure unsourced.
_UNNAMED = re.compile(
    r"\b(?:sources?|insiders?|officials?|officers?|person|people|someone|unnamed|anonymous|"
    r"anonymity|familiar|informed|representatives?|spokes\w*|soldiers?|servicem[ae]n|"
    r"servicemembers?|commanders?|diplomats?|residents?|witness(?:es)?)\b",
    re.IGNORECASE,
)


def _unnamed(claim: Claim) -> bool:
    if claim.claimant.type != "anonymous":
        return False
    mention = claim.claimant.mention
    return mention is None or _UNNAMED.search(mention) is not None


def _named(claim: Claim) -> bool:
    return claim.claimant.type != "anonymous" and (
        claim.claimant.name is not None or claim.claimant.type in ("official", "media", "expert")
    )


def _corroborated(claim: Claim, others: list[Claim]) -> bool:
    """Another claim of the same kind and figure from a named claimant."""
    assert claim.quantity is not None
    return any(
        other is not claim
        and other.kind == claim.kind
        and _named(other)
        and other.quantity is not None
        and same_figure(other.quantity.value, claim.quantity.value)
        for other in others
    )


def check(doc: Document) -> list[Flag]:
    """One flag per evidence span holding figures from an unnamed source and no named one."""
    by_span: dict[tuple[int, int], list[Claim]] = {}
    for claim in doc.claims:
        if claim.quantity is not None and _unnamed(claim) and not _corroborated(claim, doc.claims):
            by_span.setdefault((claim.evidence.start, claim.evidence.end), []).append(claim)
    flags: list[Flag] = []
    for claims in by_span.values():
        figures = ", ".join(f"{claim_figure(doc, c)} ({c.kind.replace('_', ' ')})" for c in claims)
        source = claims[0].claimant.mention
        who = f"an unnamed source ({quote_text(source)})" if source else "an unnamed source"
        flags.append(
            Flag(
                code="anonymous_sourcing",
                message=(
                    f"{figures} {'rest' if len(claims) > 1 else 'rests'} only on {who}; "
                    "no named source gives the same figure"
                ),
                evidence=[claims[0].evidence],
            )
        )
    return flags
