"""anonymous_sourcing: a figure that rests only on an unnamed source."""

from __future__ import annotations

import re

from warclaims.checks._text import claim_figure, quote_text, same_figure
from warclaims.model import Claim, Document, Flag, Span

# An anonymous claimant's mention must read as a person or source left unnamed ("a source
# within a Russian defense agency", "a senior defence official", "unconfirmed reports"); a
# document ("the briefing") or a group ("European leaders") typed anonymous by mistake does not
# make a figure unsourced.
_UNNAMED = re.compile(
    r"\b(?:sources?|insiders?|officials?|officers?|person|people|someone|unnamed|anonymous|"
    r"anonymity|familiar|informed|representatives?|spokes\w*|soldiers?|servicem[ae]n|"
    r"servicemembers?|commanders?|diplomats?|residents?|witness(?:es)?|unconfirmed|"
    r"unverified|rumou?rs?)\b",
    re.IGNORECASE,
)


# An outlet that gives its own name as the source of a figure ("По данным SHOT", "according to
# SHOT", "as SHOT has learned") stands for sources it does not disclose: a channel's own
# "information" is no more named than "a source".
_SELF_CITATION = (
    r"(?:по\s+(?:данным|информации|сведениям)|за\s+(?:даними|інформацією)|according\s+to)"
    r"\s+(?:the\s+)?{name}\b|{name}\s+(?:has|have)\s+learned|(?:стало|стало\s+известно|"
    r"стало\s+відомо)\s+{name}\b|{name}\s+(?:стало\s+известно|узнал|дізнав)"
)


def _self_citation(doc: Document, claim: Claim) -> re.Match[str] | None:
    """Where the report cites its own outlet as the source of an author's claim."""
    name = claim.claimant.name
    if claim.claimant.type != "author" or not name:
        return None
    pattern = _SELF_CITATION.format(name=re.escape(name))
    return re.search(pattern, doc.text, re.IGNORECASE)


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
    cited = [
        (c, match)
        for c in doc.claims
        if c.quantity is not None
        and c.kind in ("casualties", "equipment_loss")
        and not _corroborated(c, doc.claims)
        and (match := _self_citation(doc, c)) is not None
    ]
    if cited:
        self_cited = [c for c, _ in cited]
        match = cited[0][1]
        figures = ", ".join(claim_figure(doc, c) for c in self_cited[:5])
        flags.append(
            Flag(
                code="anonymous_sourcing",
                message=(
                    f"{figures} {'rest' if len(self_cited) > 1 else 'rests'} only on the outlet's"
                    f" own undisclosed information ({quote_text(match.group(0))});"
                    " no named source gives the same figure"
                ),
                evidence=[Span(start=match.start(), end=match.end())],
            )
        )
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
