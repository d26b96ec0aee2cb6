"""`compare`: load, group, summarise figures, find contradictions, give each group a verdict.

Verdicts: `contradiction` when any of the four contradictions is found; otherwise `range` when
two or more sources give figures for the same thing (side, category, unit) whose bounds do not
all intersect; `agree` when two or more sources make the same statement (the same figure within
its hedges, or the same side and category without a figure) and nothing disagrees; `single` when
no two sources say a comparable thing (nothing to compare).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from warclaims.compare.clusters import Clusters
from warclaims.compare.contradictions import (
    MAX_PER_GROUP,
    Contradiction,
    SourceKey,
    find_contradictions,
)
from warclaims.compare.figures import Summary, bounds, summarise
from warclaims.compare.grouping import Group, Windows, group_claims, matches_place
from warclaims.compare.indexes import ensure_indexes
from warclaims.compare.load import ClaimRow, CompareFilters, load_claims

VERDICTS = ("contradiction", "range", "agree", "single")
_ORDER = {verdict: i for i, verdict in enumerate(VERDICTS)}


@dataclass(slots=True)
class Source:
    """One voice in a group: a report cluster (all its outlets) and the claimant in it."""

    key: SourceKey
    outlets: list[str]
    doc_ids: list[str]
    claims: list[ClaimRow] = field(default_factory=list)

    @property
    def claimant(self) -> ClaimRow:
        return self.claims[0]


@dataclass(slots=True)
class Figures:
    """The figures of one (side, category, unit) in a group, one per source, summarised."""

    side: str | None
    category: str | None
    unit: str | None
    summary: Summary
    claims: list[ClaimRow]


class GroupResult:
    """A group with its verdict; sources and figures are worked out when first read, so that
    the many one-source groups of a big comparison cost next to nothing. A *deferred* result
    (from compare's precomputed groups) knows only its verdict until something else is read."""

    __slots__ = ("verdict", "_group", "_contradictions", "_claims", "_sources", "_figures", "_load")

    _group: Group
    _contradictions: list[Contradiction]
    _claims: list[ClaimRow]

    def __init__(
        self,
        group: Group,
        verdict: str,
        contradictions: list[Contradiction],
        claims: list[ClaimRow],
    ) -> None:
        self.verdict = verdict
        self._group = group
        self._contradictions = contradictions
        self._claims = claims
        self._sources: list[Source] | None = None
        self._figures: list[Figures] | None = None
        self._load: Callable[[], GroupResult] | None = None

    @classmethod
    def deferred(cls, verdict: str, load: Callable[[], GroupResult]) -> GroupResult:
        """A result whose group, claims and contradictions `load` reads when first needed."""
        result = cls.__new__(cls)
        result.verdict = verdict
        result._sources = result._figures = None
        result._load = load
        return result

    def _ensure_loaded(self) -> None:
        if self._load is not None:
            full = self._load()
            self._load = None
            self._group, self._claims = full._group, full._claims
            self._contradictions, self._figures = full._contradictions, full._figures

    @property
    def group(self) -> Group:
        self._ensure_loaded()
        return self._group

    @property
    def contradictions(self) -> list[Contradiction]:
        if self._load is not None and self.verdict != "contradiction":
            return []  # only a contradiction verdict has any: no need to read the claims
        self._ensure_loaded()
        return self._contradictions

    @property
    def claims(self) -> list[ClaimRow]:
        """The group's claims with one document per cluster (what is compared)."""
        self._ensure_loaded()
        return self._claims

    @property
    def sources(self) -> list[Source]:
        if self._sources is None:
            self._sources = _sources(self.group, self.claims)
        return self._sources

    @property
    def figures(self) -> list[Figures]:
        if self._figures is None:
            self._figures = _figures(self.claims)
        return self._figures

    @figures.setter
    def figures(self, value: list[Figures]) -> None:
        self._figures = value

    @property
    def n_reports(self) -> int:
        return len({s.key[0] for s in self.sources})

    @property
    def n_sources(self) -> int:
        return len(self.sources)


@dataclass(slots=True)
class Comparison:
    """The groups in rank order (contradictions first). `groups` is a list, or for a comparison
    read from the precomputed groups a sequence that reads its rows as they are asked for."""

    filters: CompareFilters
    n_claims: int
    groups: Sequence[GroupResult]
    clusters: Clusters
    evidence: dict[int, str] = field(default_factory=dict)

    def keep_verdict(self, verdict: str) -> None:
        """Keep only the groups with this verdict (selected in SQL for precomputed groups)."""
        narrowed = getattr(self.groups, "with_verdict", None)
        if narrowed is not None:
            self.groups = narrowed(verdict)
        else:
            self.groups = [g for g in self.groups if g.verdict == verdict]

    def verdict_counts(self) -> dict[str, int]:
        """How many groups have each verdict (every verdict listed, in VERDICTS order)."""
        counted = getattr(self.groups, "verdict_counts", None)  # precomputed: counted in SQL
        if counted is not None:
            return counted()  # type: ignore[no-any-return]
        counts = dict.fromkeys(VERDICTS, 0)
        for result in self.groups:
            counts[result.verdict] += 1
        return counts


def compare(store: Any, filters: CompareFilters | None = None) -> Comparison:
    """Compare the stored claims the filters select (see the module docstring).

    Without a place, a period or a window of its own, the groups come from the store's
    precomputed groups (compare.cache), rebuilt first for the kinds whose claims changed;
    otherwise, or on a read-only store, they are computed here and now.
    """
    from warclaims.compare.cache import cached_comparison  # the cache builds on this module

    filters = filters or CompareFilters()
    ensure_indexes(store.connection)  # here, not in the rebuild: ingest must not ANALYZE
    cached = cached_comparison(store, filters)
    return cached if cached is not None else compute_comparison(store, filters)


def compute_comparison(
    store: Any,
    filters: CompareFilters,
    categories: Collection[str | None] | None = None,
    *,
    verdicts_only: bool = False,
) -> Comparison:
    """The comparison computed from the claims themselves, of the claims of `categories` only
    when given (a category family: groups never mix families). With `verdicts_only` each
    group's contradictions are searched only up to the first, which settles its verdict: what
    the precomputed groups keep (a group shown from them is analysed in full)."""
    clusters = Clusters(store)
    rows, match = load_claims(store, filters, clusters, categories)
    groups = group_claims(
        rows, Windows(filters.window_days), since=filters.since, until=filters.until
    )
    if match is not None:
        groups = [g for g in groups if matches_place(g, match)]
    limit = 1 if verdicts_only else MAX_PER_GROUP
    results = [analyse(group, limit) for group in groups]
    results.sort(key=_rank)
    return Comparison(filters, len(rows), results, clusters)


def _rank(result: GroupResult) -> tuple[int, int, int, int]:
    start = result.group.start or 0
    return (_ORDER[result.verdict], -len(result._claims), -start, result.group.members[0].claim_id)


def _representatives(members: list[ClaimRow]) -> list[ClaimRow]:
    """The claims of one document per cluster (its first in the group): a cluster counts once."""
    chosen: dict[str, str] = {}
    for claim in members:
        chosen.setdefault(claim.cluster, claim.doc_id)
    return [c for c in members if chosen[c.cluster] == c.doc_id]


def analyse(group: Group, max_contradictions: int = MAX_PER_GROUP) -> GroupResult:
    """The verdict and contradictions (the first `max_contradictions`) of one group."""
    claims = _representatives(group.members) if len(group.members) > 1 else group.members
    if len(claims) == 1 or len({c.source for c in claims}) == 1:
        return GroupResult(group, "single", [], claims)  # one voice: nothing to compare
    compared = _figures(claims, min_sources=2)  # the rest are summarised when shown
    contradictions = find_contradictions(claims, max_contradictions)
    return GroupResult(group, _verdict(claims, compared, contradictions), contradictions, claims)


def _sources(group: Group, claims: list[ClaimRow]) -> list[Source]:
    sources: dict[SourceKey, Source] = {}
    for claim in claims:
        key = claim.source
        source = sources.get(key)
        if source is None:
            source = sources[key] = Source(key, [], [claim.doc_id])
        source.claims.append(claim)
    outlets: dict[str, set[str]] = defaultdict(set)
    doc_ids: dict[str, set[str]] = defaultdict(set)
    for claim in group.members:
        outlets[claim.cluster].add(claim.outlet)
        doc_ids[claim.cluster].add(claim.doc_id)
    for source in sources.values():
        source.outlets = sorted(outlets[source.key[0]])
        source.doc_ids = sorted(doc_ids[source.key[0]])
    return list(sources.values())


def _figures(claims: list[ClaimRow], min_sources: int = 1) -> list[Figures]:
    """The figures of each (side, category, unit) that at least `min_sources` sources give."""
    cells: dict[tuple[str | None, str | None, str | None], dict[SourceKey, ClaimRow]] = defaultdict(
        dict
    )
    for claim in claims:
        if claim.value is None or claim.certainty == "denied":
            continue
        cells[(claim.side, claim.category, claim.unit)].setdefault(claim.source, claim)
    out = []
    for (side, category, unit), by_source in cells.items():
        if len(by_source) < min_sources:
            continue
        picked = list(by_source.values())
        summary = summarise([bounds(c.hedge, c.value, c.low, c.high) for c in picked])  # type: ignore[arg-type]
        out.append(Figures(side, category, unit, summary, picked))
    out.sort(key=lambda f: (-f.summary.n_sources, f.side or "", f.category or "", f.unit or ""))
    return out


def _verdict(
    claims: list[ClaimRow], figures: list[Figures], contradictions: list[Contradiction]
) -> str:
    if contradictions:
        return "contradiction"
    compared = [f for f in figures if f.summary.n_sources >= 2]
    if any(not f.summary.agree for f in compared):
        return "range"
    if compared:
        return "agree"
    statements: dict[tuple[str | None, str | None, str], set[SourceKey]] = defaultdict(set)
    for claim in claims:
        if claim.value is None:
            stance = "denied" if claim.certainty == "denied" else "stated"
            statements[(claim.side, claim.category, stance)].add(claim.source)
    return "agree" if any(len(keys) >= 2 for keys in statements.values()) else "single"


def _fill_outlets(results: list[GroupResult], clusters: Clusters) -> None:
    """A cluster's outlets: every source the store records for it, not only the claims' own."""
    full = clusters.outlets(s.key[0] for r in results for s in r.sources)
    for result in results:
        for source in result.sources:
            known = full.get(source.key[0])
            if known:
                source.outlets = known + [o for o in source.outlets if o not in known]


def fetch_evidence(conn: sqlite3.Connection, claim_ids: set[int]) -> dict[int, str]:
    """The evidence text of each claim (its span of the document text)."""
    out: dict[int, str] = {}
    ids = sorted(claim_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT c.id, substr(d.text, c.evidence_start + 1, c.evidence_end - c.evidence_start)"
            f" FROM claims AS c JOIN documents AS d ON d.doc_id = c.doc_id WHERE c.id IN ({marks})",
            chunk,
        )
        out.update((row[0], row[1]) for row in rows)
    return out


def add_details(store: Any, comparison: Comparison, limit: int | None = None) -> None:
    """Read what is shown of the first `limit` groups: the evidence text of their claims and
    every outlet of their clusters (left out of `compare` so that big stores stay fast)."""
    shown = list(comparison.groups[:limit])
    _fill_outlets(shown, comparison.clusters)
    wanted: set[int] = set()
    for result in shown:
        for source in result.sources:
            wanted.update(c.claim_id for c in source.claims)
    comparison.evidence = fetch_evidence(store.connection, wanted)
