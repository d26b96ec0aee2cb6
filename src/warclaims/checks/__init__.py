"""Document flags (CLAIMS.md "Flags"): one module per flag family, run together by
`run_checks`. Every check is a pure function of the document's text, title and claims."""

from __future__ import annotations

from collections.abc import Callable

from warclaims.checks import headline, hedges, loaded, losses, names, sourcing
from warclaims.model import Document, Flag

Check = Callable[[Document], list[Flag]]

# claim-based checks need the extractor's claims; text-based ones read only the text
CLAIM_CHECKS: dict[str, Check] = {
    "headline_body_mismatch": headline.check,
    "self_reported_losses": losses.check,
    "anonymous_sourcing": sourcing.check,
    "hedge_dropped": hedges.check,
}
TEXT_CHECKS: dict[str, Check] = {
    "name_mismatch": names.check,
    "loaded_language": loaded.check,
}
CHECKS: dict[str, Check] = {**CLAIM_CHECKS, **TEXT_CHECKS}


def run_checks(doc: Document, codes: tuple[str, ...] | None = None) -> list[Flag]:
    """All flags for a document (or only those of `codes`), in CLAIMS.md code order."""
    flags: list[Flag] = []
    for code, check in CHECKS.items():
        if codes is None or code in codes:
            flags.extend(check(doc))
    return flags


__all__ = ["CHECKS", "CLAIM_CHECKS", "TEXT_CHECKS", "run_checks"]
