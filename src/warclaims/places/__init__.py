"""Place resolution: a mention ("Kupyansk", "Харьковская область") to a gazetteer `Place`.

`lookup` is the one entry point the rest of warclaims uses, so the gazetteer behind it can be
swapped for a fuller geocoder. Data: GeoNames (geonames.org), CC BY 4.0 (data/ATTRIBUTION.md).
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Place
from .gazetteer import Entry, Match, choose, clean_mention, get_gazetteer

__all__ = ["is_known_name", "lookup", "oblast_of"]

# candidates that matched through a respelling (Kurilovka -> Kurylivka) are a little less sure
_RESPELLED = 0.9
# GeoNames alternates (mostly historic village names) that in war reports are people, media
# or weapons; `is_known_name` says no to them, `lookup` still resolves them when asked
NOT_PLACE_NAMES = frozenset(
    {
        "putin",
        "lenin",
        "gerasimov",
        "budanov",
        "pravda",
        "iskra",
        "tor",
        "osa",
        "strela",
        "port",
        "zvezda",
        "krasnaya",
    }
)


def _place(mention: str, entry: Entry, confidence: float) -> Place:
    return Place(
        mention=mention,
        name=entry.name,
        gazetteer_id=entry.id,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        precision=entry.precision,  # type: ignore[arg-type]
        confidence=round(confidence, 2),
    )


@lru_cache(maxsize=65536)
def _candidates(key: str) -> Match:
    return get_gazetteer().candidates(key)


def lookup(
    mention: str,
    *,
    oblast: str | None = None,
    near: tuple[float, float] | None = None,
) -> Place:
    """Resolve `mention` to a Place. Unresolved (or bad input): only `mention` is set.

    With several namesakes the one in `oblast` wins, then the one nearest to `near` (lat, lon),
    then the most prominent (population, PPLC > PPLA > PPLA2 > PPLA3 > PPL); `confidence` is
    1.0 only for a unique match.
    """
    text = mention if isinstance(mention, str) else ""
    key = clean_mention(mention)
    if key is None:
        return Place(mention=text)
    match = _candidates(key)
    if not match.entries:
        return Place(mention=text)
    code = get_gazetteer().oblast_code(oblast) if isinstance(oblast, str) else None
    if near is not None and not _valid_point(near):
        near = None
    entry, confidence = choose(match, code, near)
    if not match.exact:
        confidence *= _RESPELLED
    return _place(text, entry, confidence)


def _valid_point(point: object) -> bool:
    try:
        lat, lon = point  # type: ignore[misc]
        return -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
    except (TypeError, ValueError):
        return False


def is_known_name(text: str) -> bool:
    """True if `text` names a place in the gazetteer (including respellings and
    "X Oblast"/"X region" forms). Cheap after the first call (cached)."""
    key = clean_mention(text)
    if key is None or len(key) < 3 or key in NOT_PLACE_NAMES:
        return False
    return bool(_candidates(key).entries)


def oblast_of(name: str) -> str | None:
    """The oblast ("Kharkiv Oblast") of the place `name` resolves to, or None."""
    return lookup(name).admin1
