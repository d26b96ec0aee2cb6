"""Reference series: claims of Russian losses set against the General Staff and Oryx."""

from warclaims.reference.compare import (
    ReferenceComparison,
    ReferenceError,
    compare_claim,
    reference_for_claim_id,
    reference_for_filters,
)
from warclaims.reference.series import Count, GeneralStaff, Oryx, ReferenceDataError

__all__ = [
    "Count",
    "GeneralStaff",
    "Oryx",
    "ReferenceComparison",
    "ReferenceDataError",
    "ReferenceError",
    "compare_claim",
    "reference_for_claim_id",
    "reference_for_filters",
]
