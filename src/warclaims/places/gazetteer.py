"""The shipped gazetteer: loading, indices and candidate search.

`Gazetteer.candidates(key)` finds the entries a normalised mention may denote, in stages that
stop at the first that finds something:

  exact      the key is a name or alternate name of the entry
  inflected  a Cyrillic key reduced to the nominative (morph.py: "в купянске" → "купянск")
  translit   a Cyrillic key in the national transliteration ("кучерівка" → "kucherivka")
  respelled  a Russian-style romanisation rewritten (names.romanisation_variants: Kurilovka)
  skeleton   the same coarse key (names.skeleton) and a similar spelling (Rusynyi Yar)
  fuzzy      one or two letters off (rapidfuzz), same first letter and ending: a last resort

"X Oblast" / "X region" / "Харьковская область" go through an oblast index, "X raion" /
"X district" through a raion index, "X direction" to the town X. No stage crosses stems or
grammatical endings: Pokrovsk is never Pokrovske. Rivers (feature STM) are never candidates:
a river's name finds only places it is the own name of ("Oskil", a village) or cities
("Днепр"), and "X river" / "річка X" nothing.
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from .morph import nominatives
from .names import (
    DIRECTION_WORDS,
    OBLAST_WORDS,
    RAION_WORDS,
    RIVER_WORDS,
    adjective_cores,
    ascii_fold,
    clean_key,
    compatible_vowels,
    fold,
    is_cyrillic,
    normalise,
    romanisation_variants,
    skeleton,
    skeleton_many,
    skeletons,
    split_suffix,
)
from .translit import translit_uk

DATA_FILE = "gazetteer.tsv.gz"
MAX_MENTION = 200

PRECISION = {
    "ADM1": "oblast",
    "ADM2": "raion",
    "RGN": "region",
    "PCLI": "country",
    "STM": "river",  # never a candidate: keeps river names off villages' alternates
}
POPULATION_WEIGHT = 0.3
CITY_BONUS = 1.0  # a city (codifier category) over villages and towns of its name
FEATURE_RANK = {"PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.6, "PPLA3": 0.3}
# prior of non-settlements, comparable to Entry.prior of a settlement
KIND_PRIOR = {"oblast": 2.5, "region": 3.0, "country": 5.0, "raion": 1.5}
CITY_ADMIN1 = frozenset({"12", "20"})  # Kyiv and Sevastopol: cities with oblast status
KYIV_OBLAST = "13"
KYIV_CITY = "12"
# curated Russian towns (admin1 "RU-…") carry no population: they are in the table for being
# prominent, about a town of 100,000 (for ranking only, never written out)
FOREIGN_PREFIX = "RU-"
FOREIGN_TOWN_SIZE = 3.0
SKELETON_MIN_LETTERS = 6  # shorter words share skeletons by chance ("Air" and "Yar")
STAGES = ("exact", "inflected", "translit", "respelled", "skeleton", "fuzzy")
# GeoNames junk alternates (language names listed as names of Mariupol)
_JUNK = frozenset(
    {"hayeren", "hindi", "kartuli", "ri ben yu", "日本語", "հայերեն", "हिन्दी", "ქართული"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")
_EDGE = " .,;:()[]"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row."""

    id: str
    name: str
    feature_code: str
    type: str
    admin1_code: str
    admin2_code: str
    admin1: str | None
    raion: str
    hromada: str
    katottg: str
    lat: float | None
    lon: float | None
    population: int
    name_uk: str
    name_ru: str

    @property
    def precision(self) -> str:
        return PRECISION.get(self.feature_code, "settlement")

    @property
    def prior(self) -> float:
        """Prominence, the weak prior among namesakes: POPULATION_WEIGHT per tenfold population
        above 100, plus the feature rank and CITY_BONUS for a city; a settlement the official
        codifier lists gets 0.5 over a GeoNames-only one."""
        kind = self.precision
        if kind != "settlement":
            return KIND_PRIOR[kind]
        official = 0.5 if self.is_official else 0.0
        rank = FEATURE_RANK.get(self.feature_code, 0.0) + (CITY_BONUS if self.type == "city" else 0)
        # GeoNames gives most villages no population (0): a village of about 100
        size = max(0.0, math.log10(self.population + 1) - 2.0)
        if self.is_foreign:
            size = max(size, FOREIGN_TOWN_SIZE)
        return POPULATION_WEIGHT * size + rank + official

    @property
    def is_foreign(self) -> bool:
        """A Russian region or town of the curated table (names only, no coordinates)."""
        return self.admin1_code.startswith(FOREIGN_PREFIX)

    @property
    def is_official(self) -> bool:
        """Listed by an official or hand-checked source (the codifier, the curated table)."""
        return bool(self.katottg) or self.is_foreign

    @property
    def is_admin_centre(self) -> bool:
        return self.feature_code in ("PPLA", "PPLC")

    @property
    def point(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Match:
    """Candidates for one mention. `stage` says how they were found (STAGES); `named` holds
    the ids of candidates whose own name (not just an alternate) is the key; `direction` is
    set for "X direction" mentions."""

    entries: tuple[Entry, ...] = ()
    stage: str = ""
    named: frozenset[str] = frozenset()
    key: str = ""  # the normalised mention, when it matched as written
    direction: bool = False
    latin: str = ""  # the Latin form of the mention (or of its nominative) that matched

    @property
    def exact(self) -> bool:
        return self.stage in ("exact", "inflected", "translit", "")


def _float(text: str) -> float | None:
    return float(text) if text else None


# IATA/ICAO-style alternates ("KBP", "UKKK") in the file text
_CODES = re.compile(r",[A-Z]{2,4}(?=[,\n])")


def _fold_fields(text: str) -> str:
    """`normalise` applied to every field of the file text at once (edge punctuation aside)."""
    folded = fold(_CODES.sub(",", text))
    while "  " in folded:
        folded = folded.replace("  ", " ")
    for old, new in ((", ", ","), (" ,", ","), ("\t ", "\t"), (" \t", "\t"), (" \n", "\n")):
        folded = folded.replace(old, new)
    return folded.replace(",the ", ",").replace("\tthe ", "\t")


@dataclass
class _Indices:
    names: dict[str, list[int]] = field(default_factory=dict)
    own_names: dict[str, list[int]] = field(default_factory=dict)
    oblasts: dict[str, list[int]] = field(default_factory=dict)
    raions: dict[str, list[int]] = field(default_factory=dict)
    skeletons: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # (entry, key)


class Gazetteer:
    """Indices over the shipped file. Build with `Gazetteer.load()` (or `get_gazetteer()`)."""

    def __init__(self, entries: list[Entry], keys: list[tuple[set[str], list[str]]]) -> None:
        """`keys[i]`: normalised (own names, alternates) of `entries[i]`."""
        self.entries = entries
        self.by_id = {e.id: e for e in entries}
        ix = _Indices()
        self._ix = ix
        self._oblast_codes: dict[str, str | None] = {}
        self._fuzzy: dict[str, list[str]] | None = None
        self._rivers: set[str] = set()
        latin: list[str] = []
        owners: list[int] = []
        for idx, entry in enumerate(entries):
            own, alts = keys[idx]
            found = {clean_key(k) for k in alts if k}
            found = {k for k in found if len(k) > 2} | own
            found -= _JUNK
            kind = entry.precision
            if kind == "river":
                self._rivers.update(found)
                self._rivers.update(normalise(translit_uk(k)) for k in found if is_cyrillic(k))
                continue
            if kind == "raion":
                self._add_cores(ix.raions, found, RAION_WORDS, idx)
                continue
            for key in found:
                if kind == "oblast" and split_oblast(key):
                    continue  # reached through the oblast index
                ix.names.setdefault(key, []).append(idx)
                if kind == "settlement" and "\n" not in key:
                    folded = ascii_fold(key)  # Kotlyarëvka: found as Kotlyarevka too
                    if folded:
                        latin.append(folded)
                        owners.append(idx)
            for key in own:
                ix.own_names.setdefault(key, []).append(idx)
            if kind in ("oblast", "region"):
                self._add_cores(ix.oblasts, found, OBLAST_WORDS, idx)
        self._raion_points = {
            (e.admin1_code, e.admin2_code): e.point
            for e in entries
            if e.precision == "raion" and e.point is not None
        }
        for sk, idx, key in zip(skeleton_many(latin), owners, latin, strict=True):
            ix.skeletons.setdefault(sk, []).append((idx, key))

    @staticmethod
    def _add_cores(
        index: dict[str, list[int]], keys: set[str], words: frozenset[str], idx: int
    ) -> None:
        cores: set[str] = set()
        for key in keys:
            core = split_suffix(key, words) or key
            cores.add(core)
            cores.update(adjective_cores(core))
        for core in cores:
            bucket = index.setdefault(core, [])
            if idx not in bucket:
                bucket.append(idx)

    @classmethod
    def load(cls) -> Gazetteer:
        """Read the shipped file (NFC, written by scripts/build_gazetteer.py)."""
        raw = resources.files(__package__).joinpath("data", DATA_FILE).read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
        folded = _fold_fields(text)
        entries: list[Entry] = []
        keys: list[tuple[set[str], list[str]]] = []
        intern: dict[str, str] = {}
        for line, kline in zip(text.split("\n"), folded.split("\n"), strict=True):
            if not line or line.startswith("#"):
                continue
            f = line.split("\t")
            entries.append(
                Entry(
                    f[0],
                    f[1],
                    intern.setdefault(f[2], f[2]),
                    intern.setdefault(f[3], f[3]),
                    intern.setdefault(f[4], f[4]),
                    intern.setdefault(f[5], f[5]),
                    intern.setdefault(f[6], f[6]) or None,
                    intern.setdefault(f[7], f[7]),
                    intern.setdefault(f[8], f[8]),
                    f[9],
                    _float(f[10]),
                    _float(f[11]),
                    int(f[12]),
                    f[13],
                    f[14],
                )
            )
            k = kline.split("\t")
            own = {clean_key(x) for x in (k[1], k[13], *k[15].split(",", 1)[:1]) if x}
            keys.append((own - {""}, [*k[15].split(","), k[14]]))
        return cls(entries, keys)

    # --- candidates ---------------------------------------------------------------------------

    def _at(self, index: dict[str, list[int]], key: str) -> list[Entry]:
        return [self.entries[i] for i in index.get(key, ())]

    def anchor(self, entry: Entry) -> tuple[float, float] | None:
        """Where to measure distances from: the entry's coordinates, else its raion's (for
        ranking only: a settlement without coordinates never gets its raion's as its own)."""
        return entry.point or self._raion_points.get((entry.admin1_code, entry.admin2_code))

    def named_exactly(self, key: str) -> list[Entry]:
        """Entries that have `key` (normalised) as a name or alternate, as written."""
        return self._at(self._ix.names, key)

    def is_own_name(self, key: str) -> bool:
        """True if `key` is the own name of a settlement (not only one of its alternates)."""
        return any(
            self.entries[i].precision == "settlement" for i in self._ix.own_names.get(key, ())
        )

    def _named(self, key: str) -> set[str]:
        return {self.entries[i].id for i in self._ix.own_names.get(key, ())}

    def _hit(self, index: dict[str, list[int]], key: str, stage: str) -> Match | None:
        found = self._at(index, key)
        if not found:
            return None
        latin = key if key.isascii() else normalise(translit_uk(key))
        if index is self._ix.names:
            found = self._with_namesakes(found, latin)
        return Match(
            tuple(found),
            stage,
            frozenset(self._named(key)),
            key if stage == "exact" else "",
            latin=latin,
        )

    def _with_namesakes(self, found: list[Entry], latin: str) -> list[Entry]:
        """A spelling of a settlement's official name that is not that name (Kurilovka, an
        alternate of some Kurylivkas) stands for every settlement officially so named, not
        just for those GeoNames happens to list it for. A former name (Krasnoarmeysk, of
        Pokrovsk) does not: it stands for the places once so named."""
        out = {e.id: e for e in found}
        forms = skeletons(latin) if latin else []
        names = {
            name
            for e in found
            if e.precision == "settlement"
            and (name := normalise(e.name)) != latin
            and skeleton(name) in forms
        }
        for name in names:
            for other in self._at(self._ix.own_names, name):
                if other.precision == "settlement":
                    out.setdefault(other.id, other)
        return list(out.values())

    def _spelled(self, index: dict[str, list[int]], key: str, fuzzy: bool) -> Match:
        """The stages of the module docstring, first hit wins."""
        hit = self._hit(index, key, "exact")
        if hit:
            return self._with_respelled(index, hit)
        latin_bases = [key] if key.isascii() else []
        if is_cyrillic(key):
            forms = nominatives(key)
            for form in forms:
                hit = self._hit(index, form, "inflected")
                if hit:
                    return hit
            for form in (key, *forms):
                latin = normalise(translit_uk(form))
                hit = self._hit(index, latin, "translit" if form == key else "inflected")
                if hit:
                    return hit
                latin_bases.append(latin)
        for base in latin_bases[:4]:
            hit = self._respelled(index, base)
            if hit:
                return hit
        if index is not self._ix.names or not latin_bases:
            return Match()
        for base in latin_bases[:4]:
            hit = self._by_skeleton(base)
            if hit:
                return hit
        if fuzzy:
            return self._by_fuzzy(latin_bases[0])
        return Match()

    def _with_respelled(self, index: dict[str, list[int]], hit: Match) -> Match:
        """An exact hit of no official settlement's own name (Ostrov: a GeoNames-only row of
        that Russian spelling) does not hide the official places it is a spelling of (Ostriv)."""
        if index is not self._ix.names or not hit.latin:
            return hit
        if any(e.katottg and normalise(e.name) == hit.latin for e in hit.entries):
            return hit
        if not any(e.precision == "settlement" for e in hit.entries):
            return hit
        more = self._respelled(index, hit.latin)
        if more is None:
            return hit
        seen = {e.id for e in hit.entries}
        extra = tuple(e for e in more.entries if e.id not in seen and e.precision == "settlement")
        return replace(hit, entries=hit.entries + extra) if extra else hit

    def _respelled(self, index: dict[str, list[int]], base: str) -> Match | None:
        seen: dict[str, Entry] = {}
        named: set[str] = set()
        for variant in romanisation_variants(base):
            hits = self._at(index, variant)
            for entry in hits:
                seen.setdefault(entry.id, entry)
            if hits:
                named |= self._named(variant)
        if not seen:
            return None
        found = list(seen.values())
        if index is self._ix.names:
            found = self._with_namesakes(found, base)
        return Match(tuple(found), "respelled", frozenset(named), latin=base)

    def _by_skeleton(self, base: str) -> Match | None:
        """Entries whose Latin names share the skeleton of `base` and differ from it only in
        vowels Russian-style and national spellings differ in; the most similar name wins."""
        from rapidfuzz import fuzz

        if len(base.replace(" ", "")) < SKELETON_MIN_LETTERS:
            return None
        pairs: list[tuple[int, str]] = []
        for sk in skeletons(base):
            if sum(ch not in "VMFNP" for ch in sk) >= 3:
                pairs.extend(self._ix.skeletons.get(sk, ()))
        scored: dict[str, tuple[float, Entry]] = {}
        for i, key in pairs:
            if not compatible_vowels(base, key):
                continue
            entry = self.entries[i]
            score = fuzz.ratio(base, normalise(entry.name))
            if score > scored.get(entry.id, (-1.0, entry))[0]:
                scored[entry.id] = (score, entry)
        if not scored:
            return None
        best = max(s for s, _ in scored.values())
        names = {normalise(e.name) for s, e in scored.values() if s >= best - 1e-9}
        found = [e for _, e in scored.values() if normalise(e.name) in names]
        return Match(tuple(self._with_namesakes(found, base)), "skeleton", latin=base)

    def _by_fuzzy(self, base: str) -> Match:
        """One letter off (two for names of 12+ letters), same first letter, same last two
        letters (the ending: Pokrovsk never becomes Pokrovske), same number of words."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if len(base) < 5 or not base.isascii():
            return Match()
        limit = 1 if len(base) < 12 else 2
        pool = self._fuzzy_pool().get(base[0], [])
        words = base.count(" ")
        hits = process.extract(
            base, pool, scorer=Levenshtein.distance, score_cutoff=limit, limit=50
        )
        hits = [(key, d) for key, d, _ in hits if key[-2:] == base[-2:] and key.count(" ") == words]
        if not hits:
            return Match()
        best = min(d for _, d in hits)
        found: dict[str, Entry] = {}
        for key, d in hits:
            if d == best:
                for entry in self._at(self._ix.names, key):
                    if entry.precision == "settlement":
                        found.setdefault(entry.id, entry)
        if not found:
            return Match()
        return Match(tuple(found.values()), "fuzzy", latin=base)

    def _fuzzy_pool(self) -> dict[str, list[str]]:
        if self._fuzzy is None:
            pool: dict[str, list[str]] = {}
            for key in self._ix.names:
                if key.isascii() and len(key) >= 4:
                    pool.setdefault(key[0], []).append(key)
            self._fuzzy = pool
        return self._fuzzy

    def candidates(self, key: str, *, fuzzy: bool = True) -> Match:
        """Entries a normalised mention may denote."""
        core = split_oblast(key)
        if core:
            return self._oblast_candidates(core)
        core = split_suffix(key, RAION_WORDS)
        if core:
            return self._raion_candidates(core)
        core = split_suffix(key, DIRECTION_WORDS)
        if core:
            match = self._spelled(self._ix.names, core, fuzzy)
            towns = tuple(e for e in match.entries if e.precision == "settlement")
            return replace(match, entries=towns, direction=True)
        if split_suffix(key, RIVER_WORDS) and not self._ix.names.get(key):
            return Match()  # "the Oskil river", "річка Оскіл": a river, not a place
        match = self._off_rivers(key, self._spelled(self._ix.names, key, fuzzy))
        found = match.entries
        settlements = tuple(e for e in found if e.precision == "settlement")
        if any(e.is_admin_centre for e in settlements):
            # "Kharkiv" is the city; the oblast is "Kharkiv Oblast"
            found = settlements
        regions = {e.admin1_code for e in found if e.precision == "region"}
        if regions:
            # "Crimea" is the region, not also the Autonomous Republic
            found = tuple(
                e for e in found if not (e.precision == "oblast" and e.admin1_code in regions)
            )
        return replace(match, entries=found)

    def _off_rivers(self, key: str, match: Match) -> Match:
        """A river's name (Oskil, Оскол, Вовча) stands for a settlement only when it is the
        settlement's own name (national, Ukrainian or Russian) or the settlement is a city,
        not merely by a village's alternate name (Oskol, a former name of Boini). A river's
        name as written is not read as an inflected form of another name either (Вовча is
        not Вовчий)."""
        if not match.entries:
            return match
        latin = normalise(translit_uk(key)) if is_cyrillic(key) else key
        as_written = key in self._rivers or latin in self._rivers
        if not as_written and match.latin not in self._rivers:
            return match
        if as_written and match.stage in ("skeleton", "fuzzy"):
            return Match()  # a river's name is not a misspelling of a place's
        forms = {key} if as_written else {key, *nominatives(key)}
        own = match.named if match.stage in ("exact", "translit") or not as_written else set()
        names = {latin} if as_written else {latin, match.latin}
        kept = tuple(
            e
            for e in match.entries
            if e.id in own
            or e.type == "city"
            or normalise(e.name) in names
            or bool({normalise(e.name_uk), normalise(e.name_ru)} & forms)
        )
        return replace(match, entries=kept)

    def _oblast_candidates(self, core: str) -> Match:
        for key in (core, *adjective_cores(core)):
            found = self._at(self._ix.oblasts, key)
            if found:
                return Match(self._prefer_oblasts(found), "exact" if key == core else "inflected")
        # "Kharkov region": the oblast whose centre the core names
        towns = self._spelled(self._ix.names, core, False).entries
        centres = [e for e in towns if e.is_admin_centre]
        if centres:
            codes = {KYIV_OBLAST if e.admin1_code == KYIV_CITY else e.admin1_code for e in centres}
            found = [e for e in self.entries if e.precision == "oblast" and e.admin1_code in codes]
            if found:
                return Match(tuple(found), "respelled")
        match = self._spelled(self._ix.oblasts, core, False)
        if match.entries:
            return Match(self._prefer_oblasts(list(match.entries)), match.stage)
        # "Kupiansk region": the raion named after the town
        return self._raion_candidates(core)

    @staticmethod
    def _prefer_oblasts(found: list[Entry]) -> tuple[Entry, ...]:
        oblasts = [e for e in found if e.precision == "oblast"]
        regular = [e for e in oblasts if e.admin1_code not in CITY_ADMIN1]
        return tuple(regular or oblasts or found)

    def _raion_candidates(self, core: str) -> Match:
        for key in (core, *adjective_cores(core)):
            found = self._at(self._ix.raions, key)
            if found:
                return Match(tuple(found), "exact" if key == core else "inflected")
        match = self._spelled(self._ix.raions, core, False)
        return Match(match.entries, match.stage)

    def oblast_code(self, oblast: str) -> str | None:
        """admin1 code of an oblast given as "Kharkiv Oblast", "Kharkiv region", "Kharkiv"."""
        key = normalise(oblast)
        if key not in self._oblast_codes:
            code = None
            if key:
                core = split_oblast(key) or key
                found = self._oblast_candidates(core).entries
                codes = {e.admin1_code for e in found if e.precision == "oblast"}
                code = codes.pop() if len(codes) == 1 else None
            self._oblast_codes[key] = code
        return self._oblast_codes[key]

    def raion_code(self, raion: str) -> tuple[str, str] | None:
        """(admin1, admin2) of a raion given as "Kupiansk Raion", "Kupiansk district",
        "Kupiansk"."""
        key = normalise(raion)
        if not key:
            return None
        core = split_suffix(key, RAION_WORDS) or key
        found = [e for e in self._raion_candidates(core).entries if e.precision == "raion"]
        found = [e for e in found if e.katottg] or found  # raions before Kyiv's city districts
        codes = {(e.admin1_code, e.admin2_code) for e in found}
        return codes.pop() if len(codes) == 1 else None


def split_oblast(key: str) -> str | None:
    """The core of "kharkiv oblast", "харківській області", "oblast kharkiv"."""
    return split_suffix(key, OBLAST_WORDS)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def clean_mention(mention: object) -> str | None:
    """The lookup key of a mention, or None when it is not a plausible place name."""
    if not isinstance(mention, str) or not mention or len(mention) > MAX_MENTION:
        return None
    if _CONTROL.search(mention):
        return None
    key = normalise(mention)
    if not _LETTER.search(key):
        return None
    if not key.isascii() and _CYRILLIC.search(key) and _LATIN.search(key):
        return None  # mixed scripts in one name: not a name the gazetteer can hold
    return key


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    return Gazetteer.load()
