"""Pair KATOTTG settlements with GeoNames rows: same raion (GeoNames' admin2 code is the
KATOTTG raion code), then the same name, from strict to loose:

  A  the codifier's Ukrainian name is a Cyrillic name of the GeoNames row, or its national
     transliteration is the row's own name
  B  the transliteration is one of the row's Latin alternates
  C  the skeleton of the transliteration (names.skeleton) is that of the row's own name
  D  ... or of one of its Latin alternates

A pair is taken only when it is unique both ways among the still unpaired rows of the raion
(namesakes in one raion pair only when the tier tells them apart). Rows GeoNames files without
a raion are then paired within the oblast, strict tiers only. The rest stays unpaired: a
codifier settlement without a GeoNames row has no coordinates.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..names import ascii_fold, is_cyrillic, normalise, skeleton
from ..translit import translit_uk
from .geonames import GeoRow
from .katottg import KatottgSettlement


@dataclass(slots=True)
class _GeoKeys:
    row: GeoRow
    own: str
    cyrillic: set[str]
    latin: set[str]
    own_skeleton: str
    skeletons: set[str]


@dataclass(slots=True)
class _KatKeys:
    settlement: KatottgSettlement
    cyrillic: str
    latin: str
    skeleton: str


@dataclass
class MatchResult:
    pairs: dict[str, GeoRow] = field(default_factory=dict)  # KATOTTG code -> GeoNames row
    tiers: Counter = field(default_factory=Counter)


def _geo_keys(row: GeoRow) -> _GeoKeys:
    cyrillic = {k for k in row.keys if is_cyrillic(k)}
    latin = {folded for k in row.keys if not is_cyrillic(k) and (folded := ascii_fold(k))}
    latin |= {normalise(translit_uk(k)) for k in cyrillic}
    own = ascii_fold(normalise(row.name)) or normalise(row.name)
    return _GeoKeys(row, own, cyrillic, latin, skeleton(own), {skeleton(k) for k in latin} - {""})


def _kat_keys(s: KatottgSettlement) -> _KatKeys:
    latin = normalise(translit_uk(s.name))
    return _KatKeys(s, normalise(s.name), latin, skeleton(latin))


# tier -> (keys of a codifier settlement, keys of a GeoNames row); a pair shares a key
_Keys = Callable[[_KatKeys], Iterable[str]]
_GKeys = Callable[[_GeoKeys], Iterable[str]]
TIERS: tuple[tuple[str, _Keys, _GKeys], ...] = (
    (
        "A",
        lambda k: ("c:" + k.cyrillic, "l:" + k.latin),
        lambda g: ("l:" + g.own, *("c:" + c for c in g.cyrillic)),
    ),
    ("B", lambda k: (k.latin,), lambda g: g.latin),
    ("C", lambda k: (k.skeleton,) if k.skeleton else (), lambda g: (g.own_skeleton,)),
    ("D", lambda k: (k.skeleton,) if k.skeleton else (), lambda g: g.skeletons),
)


_KAT_RANK = {"K": 0, "M": 1, "T": 2, "X": 2, "C": 3}
_GEO_RANK = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3}


def _kat_rank(k: _KatKeys) -> int:
    return _KAT_RANK[k.settlement.category]


def _geo_rank(g: _GeoKeys) -> tuple[int, int]:
    pop = int(g.row.population or 0)
    return (_GEO_RANK.get(g.row.fcode, 4), -pop)


def _unique_best(ranks: list[tuple]) -> int | None:
    """Index of the one strictly best (lowest) rank, or None on a tie."""
    order = sorted(range(len(ranks)), key=ranks.__getitem__)
    if len(order) == 1 or ranks[order[0]] < ranks[order[1]]:
        return order[0]
    return None


def _links(
    kats: list[_KatKeys], geos: list[_GeoKeys], kat_keys: _Keys, geo_keys: _GKeys
) -> dict[int, set[int]]:
    index: dict[str, set[int]] = defaultdict(set)
    for gi, g in enumerate(geos):
        for key in geo_keys(g):
            index[key].add(gi)
    options: dict[int, set[int]] = {}
    for ki, k in enumerate(kats):
        found: set[int] = set()
        for key in kat_keys(k):
            found |= index.get(key, set())
        if found:
            options[ki] = found
    return options


def _mutual(options: dict[int, set[int]]) -> list[tuple[int, int]]:
    takers: Counter = Counter(gi for gis in options.values() for gi in gis)
    return [
        (ki, next(iter(gis)))
        for ki, gis in options.items()
        if len(gis) == 1 and takers[next(iter(gis))] == 1
    ]


def _prominent(
    options: dict[int, set[int]], kats: list[_KatKeys], geos: list[_GeoKeys]
) -> list[tuple[int, int]]:
    """Namesakes in one raion (the town of Dobropillia and the village of Dobropillia): the one
    city/town of the codifier pairs with the one administrative centre or largest GeoNames row,
    when each is unique in its group and outranks the rest by type."""
    pairs = []
    seen: set[int] = set()
    for ki, gis in options.items():
        if ki in seen:
            continue
        group_k = sorted(k for k, g in options.items() if g & gis)
        group_g = sorted(set().union(*(options[k] for k in group_k)))
        seen.update(group_k)
        if len(group_k) < 2 and len(group_g) < 2:
            continue
        best_k = _unique_best([(_kat_rank(kats[k]),) for k in group_k])
        best_g = _unique_best([_geo_rank(geos[g]) for g in group_g])
        if best_k is None or best_g is None:
            continue
        k, g = group_k[best_k], group_g[best_g]
        kat_rank = _kat_rank(kats[k])
        if kat_rank <= 2 and g in options[k] and _stands_out(geos[g], [geos[o] for o in group_g]):
            pairs.append((k, g))
    return pairs


def _stands_out(best: _GeoKeys, group: list[_GeoKeys]) -> bool:
    """An administrative centre, the only row, or by far the most populous of the group."""
    if _geo_rank(best)[0] < 4 or len(group) == 1:
        return True
    pop = int(best.row.population or 0)
    others = max(int(g.row.population or 0) for g in group if g is not best)
    return pop >= 2000 and pop >= 3 * others


def _pair_group(
    kats: list[_KatKeys],
    geos: list[_GeoKeys],
    tiers: Iterable[tuple[str, _Keys, _GKeys]],
    out: MatchResult,
) -> None:
    """Mutually unique pairs (then prominent namesakes), tier by tier; paired rows leave both
    lists."""
    for tier, kat_keys, geo_keys in tiers:
        while kats and geos:
            options = _links(kats, geos, kat_keys, geo_keys)
            pairs = _mutual(options) or _prominent(options, kats, geos)
            if not pairs:
                break
            for ki, gi in pairs:
                out.pairs[kats[ki].settlement.code] = geos[gi].row
                out.tiers[tier] += 1
            done_k = {ki for ki, _ in pairs}
            done_g = {gi for _, gi in pairs}
            kats[:] = [k for i, k in enumerate(kats) if i not in done_k]
            geos[:] = [g for i, g in enumerate(geos) if i not in done_g]


def match_settlements(
    geo_rows: list[GeoRow],
    settlements: list[KatottgSettlement],
    admin1_of_oblast: dict[str, str],
) -> MatchResult:
    """Pair codifier settlements with GeoNames settlement rows (see the module docstring)."""
    result = MatchResult()
    geo_by_raion: dict[tuple[str, str], list[_GeoKeys]] = defaultdict(list)
    for row in geo_rows:
        geo_by_raion[(row.admin1, row.admin2)].append(_geo_keys(row))
    kat_by_raion: dict[tuple[str, str], list[_KatKeys]] = defaultdict(list)
    for s in settlements:
        admin1 = admin1_of_oblast.get(s.oblast_code[:4] or s.code[:4], "")
        kat_by_raion[(admin1, s.raion_digits)].append(_kat_keys(s))
    for key, kats in kat_by_raion.items():
        _pair_group(kats, geo_by_raion.setdefault(key, []), TIERS, result)
    # namesakes left in one raion: by distance to the centre of each one's hromada
    centres = hromada_centres(settlements, result.pairs)
    for key, kats in kat_by_raion.items():
        before = len(result.pairs)
        _pair_by_hromada(kats, geo_by_raion[key], centres, result)
        result.tiers["E"] += len(result.pairs) - before
    # left over: by oblast, strict tiers, against GeoNames rows of no (or an unknown) raion
    known = set(kat_by_raion)
    kat_left: dict[str, list[_KatKeys]] = defaultdict(list)
    for (admin1, _raion), kats in kat_by_raion.items():
        kat_left[admin1].extend(kats)
    geo_left: dict[str, list[_GeoKeys]] = defaultdict(list)
    for key, geos in geo_by_raion.items():
        if key not in known:
            geo_left[key[0]].extend(geos)
    for admin1, kats in kat_left.items():
        before = len(result.pairs)
        _pair_group(kats, geo_left.get(admin1, []), TIERS[:2], result)
        result.tiers["oblast-level"] += len(result.pairs) - before
    return result


Point = tuple[float, float]
NAMESAKE_KM = 25.0  # farthest a namesake may be from its hromada's centre
NAMESAKE_MARGIN = 1.5  # ... and how much nearer than to any other namesake's


def hromada_centres(
    settlements: list[KatottgSettlement], pairs: dict[str, GeoRow]
) -> dict[str, Point]:
    """Mean position of each hromada's settlements that have GeoNames coordinates."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for s in settlements:
        row = pairs.get(s.code)
        if row is None or not s.hromada_code or not row.lat:
            continue
        acc = sums[s.hromada_code]
        acc[0] += float(row.lat)
        acc[1] += float(row.lon)
        acc[2] += 1
    return {h: (a[0] / a[2], a[1] / a[2]) for h, a in sums.items()}


def distance_km(a: Point, b: Point) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _pair_by_hromada(
    kats: list[_KatKeys], geos: list[_GeoKeys], centres: dict[str, Point], out: MatchResult
) -> None:
    """Same-named rows of one raion: a GeoNames row pairs with the codifier settlement whose
    hromada centre is nearest, when that is near and clearly nearer than the others'."""
    _, kat_keys, geo_keys = TIERS[1]
    options = _links(
        kats,
        geos,
        lambda k: (*kat_keys(k), "c:" + k.cyrillic),
        lambda g: (*geo_keys(g), *("c:" + c for c in g.cyrillic)),
    )
    done_k: set[int] = set()
    done_g: set[int] = set()
    for ki, gis in options.items():
        centre = centres.get(kats[ki].settlement.hromada_code)
        if centre is None:
            continue
        scored = sorted(
            (distance_km(centre, (float(geos[gi].row.lat), float(geos[gi].row.lon))), gi)
            for gi in gis
            if geos[gi].row.lat
        )
        if not scored or scored[0][0] > NAMESAKE_KM:
            continue
        if len(scored) > 1 and scored[1][0] < NAMESAKE_MARGIN * scored[0][0]:
            continue
        gi = scored[0][1]
        # ... and no other same-named settlement's hromada is as near to that row
        rivals = [
            distance_km(c, (float(geos[gi].row.lat), float(geos[gi].row.lon)))
            for kj, gjs in options.items()
            if kj != ki and gi in gjs
            for c in (centres.get(kats[kj].settlement.hromada_code),)
            if c is not None
        ]
        if any(r < NAMESAKE_MARGIN * scored[0][0] for r in rivals) or gi in done_g:
            continue
        out.pairs[kats[ki].settlement.code] = geos[gi].row
        done_k.add(ki)
        done_g.add(gi)
    kats[:] = [k for i, k in enumerate(kats) if i not in done_k]
    geos[:] = [g for i, g in enumerate(geos) if i not in done_g]
