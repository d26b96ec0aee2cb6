"""Choosing among namesakes: context hints, scores, confidence.

A candidate's score is its prior (population and rank, Entry.prior: a weak prior) plus what the
context says: its oblast or raion named nearby, and how close it lies to the other places of
the same report (the nearest cluster). Confidence is the best candidate's share of a softmax
over all candidates' scores: a pick among n equal namesakes is about 1/n sure, and the record
then lists the candidates rather than guessing silently.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Entry, Match, get_gazetteer
from .names import normalise, skeleton, skeletons

OBLAST_WEIGHT = 5.0
RAION_WEIGHT = 6.0
# the nearest cluster: each CLUSTER_KM farther from the context's places costs as much as
# CLUSTER_WEIGHT in score (with the softmax temperature below, 25 km ≈ 5 : 1 odds)
CLUSTER_WEIGHT = 0.6
CLUSTER_KM = 25.0
FAR_CLUSTER_WEIGHT = 0.3  # the rest of the report's places: half as telling
CLUSTER_CAP_KM = 150.0
CLUSTER_NEAREST = 3
_KM_PER_DEGREE = 111.195  # of latitude, on the mean Earth radius
NEUTRAL_CLUSTER = -2.0
# the mention is the candidate's own name (1), or a spelling of it (0.6), not merely one of its
# alternates (often a former name: "Slovyansk" of a village once so called)
NAME_WEIGHT = 2.5
SPELLING_AFFINITY = 0.6
FORMER_NAME_PENALTY = 2.5  # see _canonical_pool
STAGE_FACTOR = {
    "exact": 1.0,
    "inflected": 1.0,
    "translit": 1.0,
    "respelled": 0.9,
    "skeleton": 0.8,
    "fuzzy": 0.7,
}
MAX_SHARED_CONFIDENCE = 0.97  # never 1.0 when there was a choice
AMBIGUOUS_BELOW = 0.9  # below this confidence the record lists its candidates
UNDECIDED_BELOW = 0.5  # ... and below this one a pick among differently named places is none
MAX_CANDIDATES = 5
# Russian-style romanisations: a place "officially" spelt so is a GeoNames leftover, not a hint
_RUSSIAN_STYLE_ENDINGS = ("ovka", "evka", "aya", "oye", "oe", "iy", "yy", "ye")


@dataclass
class Hints:
    """What the context says: weights (0..1: 1 = named right by the mention) of oblasts
    (admin1 codes) and raions ((admin1, admin2) codes), and points (lat, lon, weight) of places
    resolved nearby (the weights of points only count relative to each other)."""

    oblasts: dict[str, float] = field(default_factory=dict)
    raions: dict[tuple[str, str], float] = field(default_factory=dict)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    # places of the wider context (the rest of the report): a second, weaker cluster
    far_points: list[tuple[float, float, float]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.oblasts or self.raions or self.points or self.far_points)

    def add_oblast(self, code: str | None, weight: float = 1.0) -> None:
        if code:
            self.oblasts[code] = max(self.oblasts.get(code, 0.0), weight)

    def add_raion(self, code: tuple[str, str] | None, weight: float = 1.0) -> None:
        if code:
            self.raions[code] = max(self.raions.get(code, 0.0), weight)

    def add_point(
        self, point: tuple[float, float] | None, weight: float = 1.0, *, far: bool = False
    ) -> None:
        if point is not None and _valid_point(point):
            into = self.far_points if far else self.points
            into.append((float(point[0]), float(point[1]), weight))

    def merged(self, other: Hints, weight: float = 1.0) -> Hints:
        """These hints plus `other`'s scaled by `weight` (stronger value wins per key)."""
        out = Hints(dict(self.oblasts), dict(self.raions), list(self.points), list(self.far_points))
        for code, w in other.oblasts.items():
            out.add_oblast(code, w * weight)
        for rcode, w in other.raions.items():
            out.add_raion(rcode, w * weight)
        out.points.extend((lat, lon, w * weight) for lat, lon, w in other.points)
        out.far_points.extend((lat, lon, w * weight) for lat, lon, w in other.far_points)
        return out


def _valid_point(point: object) -> bool:
    try:
        lat, lon = point  # type: ignore[misc]
        return -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Ranked:
    """Candidates best first with their scores, the pick's confidence, and how they were found."""

    entries: tuple[Entry, ...]
    scores: tuple[float, ...]
    confidence: float
    stage: str
    direction: bool = False
    # the mention is only a former (or other) name of several differently named places and
    # nothing decides between them: no pick, only the candidates
    undecided: bool = False

    @property
    def best(self) -> Entry | None:
        return self.entries[0] if self.entries and not self.undecided else None

    @property
    def ambiguous(self) -> bool:
        return len(self.entries) > 1 and (self.undecided or self.confidence < AMBIGUOUS_BELOW)

    def candidate_ids(self) -> list[str] | None:
        """Ids of the top candidates when the pick is uncertain, else None."""
        if not self.ambiguous:
            return None
        return [e.id for e in self.entries[:MAX_CANDIDATES]]


def _cluster(entry: Entry, points: list[tuple[float, float, float]]) -> float:
    """Closeness to the context's places, ≤ 0: minus the weighted mean distance to the
    CLUSTER_NEAREST nearest of them, in units of CLUSTER_KM, capped at CLUSTER_CAP_KM. A
    place without coordinates is measured from its raion; with neither it is neutral."""
    here = get_gazetteer().anchor(entry)
    if here is None or not points:
        return NEUTRAL_CLUSTER
    # Equirectangular distances: within the 150 km cap they differ from great-circle ones by
    # well under 1 %, at a fraction of the cost (this runs for every candidate of every mention).
    lat0, lon0 = here
    squeeze = math.cos(math.radians(lat0))
    distances = [
        (min(_KM_PER_DEGREE * math.hypot(lat - lat0, (lon - lon0) * squeeze), CLUSTER_CAP_KM), w)
        for lat, lon, w in points
    ]
    nearest = heapq.nsmallest(CLUSTER_NEAREST, distances)
    total = sum(w for _, w in nearest)
    mean = sum(d * w for d, w in nearest) / total if total else CLUSTER_CAP_KM
    return -mean / CLUSTER_KM


def name_affinity(entry: Entry, match: Match) -> float:
    """1 when the mention is the entry's own name, SPELLING_AFFINITY when it spells the entry's
    name another way (same skeleton), 0 when it only is one of the entry's alternates."""
    if entry.id in match.named:
        return 1.0
    if match.latin and entry.precision == "settlement":
        name, name_skeleton = _name_keys(entry.name)
        if name == match.latin:
            return 1.0
        if name_skeleton in _skeletons(match.latin):
            return SPELLING_AFFINITY
    return 0.0


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> tuple[str, str]:
    key = normalise(name)
    return key, skeleton(key)


@lru_cache(maxsize=16384)
def _skeletons(key: str) -> tuple[str, ...]:
    return tuple(skeletons(key))


def score(entry: Entry, match: Match, hints: Hints | None) -> float:
    """Prior + name affinity + context (oblast, raion, cluster)."""
    # GeoNames-only places (mostly former villages under Russian-style names) are weaker
    # evidence that the mention means them than places of the official codifier (or of the
    # curated Russian table)
    official = entry.is_official or entry.precision != "settlement"
    weight = NAME_WEIGHT if official else NAME_WEIGHT / 2
    value = entry.prior + weight * name_affinity(entry, match)
    if not hints:
        return value
    value += OBLAST_WEIGHT * hints.oblasts.get(entry.admin1_code, 0.0)
    value += RAION_WEIGHT * hints.raions.get((entry.admin1_code, entry.admin2_code), 0.0)
    if hints.points:
        value += CLUSTER_WEIGHT * _cluster(entry, hints.points)
    if hints.far_points:
        value += FAR_CLUSTER_WEIGHT * _cluster(entry, hints.far_points)
    return value


def _canonical_pool(match: Match) -> list[Entry]:
    """The candidates whose official name is the mention, when there are such and others
    too: those others merely once were called so (Donetsk's historic alternate
    "Oleksandrivka", Khrustalnyi's "Krasnyi Luch") and pay FORMER_NAME_PENALTY."""
    pool = list(match.entries)
    if not match.key or match.key.endswith(_RUSSIAN_STYLE_ENDINGS):
        return pool
    canonical = [
        e for e in pool if _name_keys(e.name)[0] == match.key and not set(e.name) & set("'’ʼ")
    ]
    return canonical if canonical and len(canonical) < len(pool) else pool


TEMPERATURE = 0.6  # scores -> probabilities: a lead of 1 is e^(1/0.6) ≈ 5 : 1


def confidence_of(scores: list[float]) -> float:
    """Share of the best score in a softmax over all candidates: 0.5 for a tie of two, about
    1/n for n equal namesakes, capped at MAX_SHARED_CONFIDENCE."""
    top = max(scores)
    total = sum(math.exp((s - top) / TEMPERATURE) for s in scores)
    return min(MAX_SHARED_CONFIDENCE, 1.0 / total)


def rank(match: Match, hints: Hints | None = None) -> Ranked:
    """All candidates of `match`, best first, with the confidence of the first."""
    factor = STAGE_FACTOR.get(match.stage, 1.0)
    if not match.entries:
        return Ranked((), (), 0.0, match.stage, match.direction)
    pool = _canonical_pool(match)
    kept = {e.id for e in pool}
    scored = sorted(
        (
            (score(e, match, hints) - (0.0 if e.id in kept else FORMER_NAME_PENALTY), e)
            for e in match.entries
        ),
        key=lambda pair: (pair[0], pair[1].population, pair[1].id),
        reverse=True,
    )
    confidence = factor * (confidence_of([s for s, _ in scored]) if len(scored) > 1 else 1.0)
    entries = tuple(e for _, e in scored)
    return Ranked(
        entries,
        tuple(round(s, 3) for s, _ in scored),
        round(confidence, 2),
        match.stage,
        match.direction,
        _undecided(entries, match, confidence),
    )


def _undecided(entries: tuple[Entry, ...], match: Match, confidence: float) -> bool:
    """Several differently named places share the mention only as an alternate (Zelenyi, a
    former name of villages now called Stepove, Matviivka, …) and none is likelier than not."""
    if confidence >= UNDECIDED_BELOW or len({e.name for e in entries}) < 2:
        return False
    if match.stage not in ("exact", "inflected", "translit"):
        return False  # the later stages find spellings of names, not alternates
    return all(name_affinity(e, match) == 0.0 for e in entries)
