"""Invariants every extraction must keep, on generated war-report-like text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warclaims.ingest.text import Report
from warclaims.model import Document
from warclaims.pipeline import analyse

HEDGES = ["", "up to ", "about ", "more than ", "at least ", "nearly ", "fewer than ", "some "]
NUMBERS = ["3,000", "15", "1 150 000", "fifteen", "two thousand", "80%", "12-15", "a dozen", "891"]
UNITS = ["soldiers", "tanks", "drones", "regiments", "square kilometres", "missiles", "people"]
VERBS = ["were killed", "were destroyed", "were encircled", "were launched", "were deployed"]
PLACES = ["near Kupyansk", "in Kharkiv region", "around Pokrovsk", "in Vovchansk", ""]
SOURCES = [
    "",
    ", according to a source within the Russian defence ministry",
    ", the General Staff said",
    ", Gerasimov reportedly told Putin",
    ", which Kyiv denied",
]
SIDES = ["", "Russian ", "Ukrainian ", "enemy "]

sentence = st.builds(
    lambda h, n, s, u, v, p, src: f"{h}{n} {s}{u} {v} {p}{src}.".replace("  ", " "),
    st.sampled_from(HEDGES),
    st.sampled_from(NUMBERS),
    st.sampled_from(SIDES),
    st.sampled_from(UNITS),
    st.sampled_from(VERBS),
    st.sampled_from(PLACES),
    st.sampled_from(SOURCES),
)
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
report = st.lists(st.one_of(sentence, noise), min_size=1, max_size=6).map(" ".join)


def check_invariants(doc: Document) -> None:
    n = len(doc.text)
    for claim in doc.claims:
        ev = claim.evidence
        assert 0 <= ev.start <= ev.end <= n
        if claim.anchor is not None:
            assert ev.start <= claim.anchor.start <= claim.anchor.end <= ev.end
        q = claim.quantity
        if q is not None:
            if q.hedge == "exact":
                assert q.low == q.high == q.value
            elif q.hedge == "approx":
                assert q.low is None and q.high is None
            elif q.hedge == "up_to" or q.hedge == "at_most":
                assert q.low is None and q.high == q.value
            elif q.hedge == "at_least":
                assert q.low == q.value and q.high is None
            else:
                assert q.low is not None and q.high is not None and q.low <= q.high
        for place in claim.places:
            # never invented: coordinates only with a gazetteer entry
            if place.gazetteer_id is None:
                assert place.lat is None and place.lon is None
        if claim.date is not None and claim.date.start is not None and doc.published is None:
            # no publication date: only mentions with a year can resolve
            assert any(ch.isdigit() for ch in (claim.date.mention or ""))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report)
def test_generated_reports_keep_the_claim_invariants(text: str) -> None:
    check_invariants(analyse(Report(text=text)))
