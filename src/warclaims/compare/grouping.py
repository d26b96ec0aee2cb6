"""Group claims that speak of the same thing: kind, category, place (or its oblast), time.

A claim's *window* is its resolved date range or, when its date is unresolved, the `W` days up
to its report's publication date (W = `window_days`). In each bucket of claims with the same
kind, category family and place, windows are taken in order of their start: a group opens with
the earliest window and takes each later window that starts at most W days after the opening
window ends. Windows do not chain, so daily reports over a month make several groups, not one.
Claims about an oblast as a whole ("in the Kharkiv region") join every group of a place in that
oblast whose time overlaps theirs (W days' tolerance); the others make oblast groups of their own.
A claim with no date at all (not even its report's) may speak of any time: it joins every dated
group of its place (or oblast), and makes an undated group only where there is none.
A claim about several places joins each place's group; groups that end up with the same claims
are merged and list all their places. Side is not part of the key: opposite sides of the same
figure are what side inversion looks for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from warclaims.compare.load import ClaimRow, PlaceMatch, fold

Window = tuple[int, int] | None

# casualty categories that may name the same people: "killed" and "losses"/"casualties"
_CASUALTY_FAMILY = {None: "casualties", "killed": "casualties", "casualties": "casualties"}


def family(kind: str, category: str | None) -> str:
    """The category family claims must share to be compared."""
    if kind == "territorial_control":
        return "control"
    if kind == "casualties":
        return _CASUALTY_FAMILY.get(category, category or "casualties")
    if kind == "equipment_loss":
        return category or "unspecified"
    return ""


@dataclass(frozen=True, slots=True)
class PlaceKey:
    level: str  # "place", "oblast" or "none"
    key: str  # folded name (or mention), folded oblast, or ""
    display: str
    admin1: str | None


NO_PLACE = PlaceKey("none", "", "(no place)", None)


@dataclass(slots=True)
class Group:
    kind: str
    family: str
    places: list[PlaceKey]
    start: int | None  # date ordinals; None for undated groups
    end: int | None
    members: list[ClaimRow] = field(default_factory=list)

    @property
    def admin1(self) -> str | None:
        found = {p.admin1 for p in self.places if p.admin1}
        return next(iter(found)) if len(found) == 1 else None

    @property
    def level(self) -> str:
        levels = {p.level for p in self.places}
        return "place" if "place" in levels else next(iter(levels))

    def window(self) -> tuple[str | None, str | None]:
        return _iso(self.start), _iso(self.end)


def place_keys(claim: ClaimRow) -> list[PlaceKey]:
    """The claim's places as keys; an oblast named beside one of its settlements is dropped."""
    keys = [_place_key(place.name, place.mention, place.admin1) for place in claim.places]
    settled = {k.admin1 for k in keys if k.level == "place"}
    out = []
    for key in keys:
        if key not in out and not (key.level == "oblast" and key.admin1 in settled):
            out.append(key)
    return out or [NO_PLACE]


@functools.lru_cache(maxsize=1 << 16)  # PlaceKeys are immutable: one per distinct place
def _place_key(name: str | None, mention: str, admin1: str | None) -> PlaceKey:
    if name is not None and admin1 is not None and name == admin1:
        return PlaceKey("oblast", fold(admin1), admin1, admin1)
    if name is not None:
        return PlaceKey("place", fold(name), name, admin1)
    return PlaceKey("place", "?" + fold(mention), mention, None)


class Windows:
    """Claim windows as day ordinals, with a cache of parsed dates."""

    def __init__(self, window_days: int) -> None:
        self.days = window_days
        self._cache: dict[str, int | None] = {}

    def day(self, value: str | None) -> int | None:
        if value is None:
            return None
        found = self._cache.get(value, -1)
        if found == -1:
            try:
                found = dt.date.fromisoformat(value[:10]).toordinal()
            except ValueError:
                found = None
            self._cache[value] = found
        return found

    def of(self, claim: ClaimRow) -> Window:
        start = self.day(claim.date_start)
        if start is not None:
            end = self.day(claim.date_end)
            return start, max(start, end if end is not None else start)
        published = self.day(claim.published)
        if published is None:
            return None
        return published - self.days, published


def in_period(window: Window, since: int | None, until: int | None) -> bool:
    if since is None and until is None:
        return True
    if window is None:
        return False
    return (until is None or window[0] <= until) and (since is None or window[1] >= since)


def group_claims(
    claims: Iterable[ClaimRow],
    windows: Windows,
    *,
    since: str | None = None,
    until: str | None = None,
) -> list[Group]:
    """Groups of claims about the same thing, in no particular order."""
    lo, hi = windows.day(since), windows.day(until)
    buckets: dict[tuple[str, str, PlaceKey], list[tuple[Window, ClaimRow]]] = defaultdict(list)
    oblast_level: dict[tuple[str, str, str], list[tuple[Window, ClaimRow]]] = defaultdict(list)
    for claim in claims:
        win = windows.of(claim)
        if not in_period(win, lo, hi):
            continue
        fam = family(claim.kind, claim.category)
        for key in place_keys(claim):
            if key.level == "oblast":
                oblast_level[(claim.kind, fam, key.key)].append((win, claim))
            else:
                buckets[(claim.kind, fam, key)].append((win, claim))
    groups: list[Group] = []
    by_oblast: dict[tuple[str, str, str], list[Group]] = defaultdict(list)
    for (kind, fam, key), items in buckets.items():
        for group in _sweep(kind, fam, key, items, windows.days):
            groups.append(group)
            if key.admin1 is not None and group.start is not None:
                by_oblast[(kind, fam, fold(key.admin1))].append(group)
    for (kind, fam, oblast), items in oblast_level.items():
        leftovers = _attach(items, by_oblast.get((kind, fam, oblast), []), windows.days)
        if leftovers:
            admin1 = _oblast_name(leftovers[0][1], oblast) or oblast
            key = PlaceKey("oblast", oblast, admin1, admin1)
            groups.extend(_sweep(kind, fam, key, leftovers, windows.days))
    return _merge_same_members(groups)


def _sweep(
    kind: str, fam: str, key: PlaceKey, items: list[tuple[Window, ClaimRow]], tolerance: int
) -> list[Group]:
    dated = sorted((item for item in items if item[0] is not None), key=lambda i: i[0])
    undated = [claim for win, claim in items if win is None]
    groups: list[Group] = []
    current: Group | None = None
    horizon = 0
    for (start, end), claim in dated:  # type: ignore[misc]
        if current is None or start > horizon:
            current = Group(kind, fam, [key], start, end)
            horizon = end + tolerance
            groups.append(current)
        elif end > current.end:  # type: ignore[operator]
            current.end = end
        _add(current, claim)
    targets = groups or [Group(kind, fam, [key], None, None)]
    for claim in undated:  # no date, not even its report's: it may speak of any time
        for group in targets:
            _add(group, claim)
    if not groups and undated:
        groups.append(targets[0])
    return groups


def _add(group: Group, claim: ClaimRow) -> None:
    if not group.members or group.members[-1] is not claim:
        group.members.append(claim)


def _attach(
    items: list[tuple[Window, ClaimRow]], groups: list[Group], tolerance: int
) -> list[tuple[Window, ClaimRow]]:
    """Join oblast-wide claims to the overlapping place groups; return those left over."""
    if not groups:
        return items
    groups = sorted(groups, key=lambda g: g.start)  # type: ignore[arg-type, return-value]
    starts = [g.start for g in groups]
    longest = max(g.end - g.start for g in groups)  # type: ignore[operator]
    leftovers = []
    for win, claim in items:
        if win is None:  # undated: joins every group of the oblast's places
            for group in groups:
                group.members.append(claim)
            continue
        lo, hi = win[0] - tolerance, win[1] + tolerance
        attached = False
        i = bisect.bisect_right(starts, hi) - 1
        while i >= 0 and starts[i] >= lo - longest:  # type: ignore[operator]
            group = groups[i]
            if group.end >= lo:  # type: ignore[operator]
                group.members.append(claim)
                attached = True
            i -= 1
        if not attached:
            leftovers.append((win, claim))
    return leftovers


def _oblast_name(claim: ClaimRow, folded: str) -> str | None:
    for place in claim.places:
        if place.admin1 and fold(place.admin1) == folded:
            return place.admin1
    return None


def _merge_same_members(groups: list[Group]) -> list[Group]:
    """One group for the claims that several places' groups share (A, B and C in one claim)."""
    seen: dict[tuple[str, str, frozenset[int]], Group] = {}
    out: list[Group] = []
    for group in groups:
        group.members.sort(key=lambda c: c.claim_id)
        ident = (group.kind, group.family, frozenset(c.claim_id for c in group.members))
        first = seen.get(ident)
        if first is None:
            seen[ident] = group
            out.append(group)
            continue
        for place in group.places:
            if place not in first.places:
                first.places.append(place)
    return out


def matches_place(group: Group, match: PlaceMatch) -> bool:
    """Whether a group speaks of the --place: the place itself, or its oblast as a whole."""
    for place in group.places:
        if place.key in match.keys or (place.admin1 and fold(place.admin1) in match.keys):
            return True
        if place.level == "oblast" and place.admin1 in match.oblasts:
            return True
    return False


def _iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()
