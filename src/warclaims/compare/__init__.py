"""Compare claims across reports: groups, low/best/high figures, verdicts, contradictions."""

from warclaims.compare.contradictions import Contradiction
from warclaims.compare.engine import (
    VERDICTS,
    Comparison,
    GroupResult,
    add_details,
    compare,
    fetch_evidence,
)
from warclaims.compare.figures import Bounds, Summary, bounds, summarise
from warclaims.compare.indexes import ensure_indexes
from warclaims.compare.load import CompareFilters

__all__ = [
    "VERDICTS",
    "Bounds",
    "CompareFilters",
    "Comparison",
    "Contradiction",
    "GroupResult",
    "Summary",
    "add_details",
    "bounds",
    "compare",
    "ensure_indexes",
    "fetch_evidence",
    "summarise",
]
