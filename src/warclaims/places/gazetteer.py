"""The shipped gazetteer (GeoNames Ukraine, CC BY 4.0): loading, name keys and resolution.

`Gazetteer.candidates(key)` finds the entries a normalised mention may denote and `choose`
picks one with a confidence. Keys are normalised names (casefold, NFC, apostrophes dropped,
hyphens and spaces unified, ё→е). "X Oblast" / "X region" / "Харьковская область" go through
an oblast index, "X raion" / "X district" through a raion index; bare names through the main
index. When the exact key misses, Russian-style romanisations are rewritten into national ones
(Kurilovka → Kurylivka, Myrnograd → Myrnohrad, Kupyansk-Uzlovaya → Kupyansk-Uzlovoy); there is
no fuzzy matching across stems (Pokrovsk is never Pokrovske).
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

from .translit import is_cyrillic, translit_uk

DATA_FILE = "gazetteer.tsv.gz"
MAX_MENTION = 200

PRECISION = {"ADM1": "oblast", "ADM2": "raion", "RGN": "region", "PCLI": "country"}
FEATURE_RANK = {"PPLC": 3.0, "PPLA": 2.0, "PPLA2": 1.0, "PPLA3": 0.5}
# bare-name score of non-settlements, comparable to log10(population) + FEATURE_RANK
KIND_SCORE = {"oblast": 5.5, "region": 6.0, "country": 10.0, "raion": 4.0}
NAMED_BONUS = 2.0
SMALL_PLACE = 3.0  # score of a village of about 1,000 people
CITY_ADMIN1 = {"12", "20"}  # Kyiv and Sevastopol: cities with oblast status
KYIV_OBLAST = "13"

OBLAST_WORDS = frozenset(
    {
        "oblast",
        "oblasti",
        "obl",
        "region",
        "province",
        "rehion",
        "область",
        "обл",
        "регион",
        "регіон",
    }
)
RAION_WORDS = frozenset({"raion", "rayon", "district", "район", "р н"})
# adjective ending -> what the noun it is made from ends with ("kharkivska" <- "kharkiv",
# "donetska" <- "donetsk")
_ADJ_ENDINGS: dict[str, tuple[str, ...]] = {
    "skaya": ("", "sk"),
    "skaia": ("", "sk"),
    "ska": ("", "sk"),
    "skyi": ("", "sk"),
    "skyy": ("", "sk"),
    "skiy": ("", "sk"),
    "skii": ("", "sk"),
    "skij": ("", "sk"),
    "ская": ("", "ск"),
    "ська": ("", "ськ"),
    "ский": ("", "ск"),
    "ський": ("", "ськ"),
}
# GeoNames junk alternates (language names listed as names of Mariupol)
_JUNK = frozenset(
    {"hayeren", "hindi", "kartuli", "ri ben yu", "日本語", "հայերեն", "हिन्दी", "ქართული"}
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DROP = "'’ʼ`‘ʹ\u02bb\u2032\"”“"
_SPACE = "-‐‑‒–—_/\xa0\u2009\u202f"
_EDGE = " .,;:()[]"


def _fold(text: str) -> str:
    """casefold, ё→е, apostrophes dropped, hyphens and odd spaces to spaces (NFC input)."""
    text = text.casefold()
    for ch in _DROP:
        if ch in text:
            text = text.replace(ch, "")
    for ch in _SPACE:
        if ch in text:
            text = text.replace(ch, " ")
    return text.replace("ё", "е") if "ё" in text else text


def _clean_key(key: str) -> str:
    if key and key[0] not in _EDGE and key[-1] not in _EDGE and "  " not in key:
        return key[4:] if key.startswith("the ") else key
    key = " ".join(key.split()).strip(_EDGE)
    return key[4:] if key.startswith("the ") else key


def normalise(text: str) -> str:
    """The lookup key of a name: NFC, casefold, ё→е, no apostrophes, one space between parts."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _clean_key(" ".join(_fold(text).split()))


def split_suffix(key: str, words: frozenset[str]) -> str | None:
    """The core of "kharkiv oblast" / "oblast kharkiv" when a word of `words` ends or starts it."""
    parts = key.split(" ")
    if len(parts) < 2:
        return None
    if parts[-1] in words:
        return " ".join(parts[:-1])
    if len(parts) >= 3 and " ".join(parts[-2:]) in words:
        return " ".join(parts[:-2])
    if parts[0] in words:
        return " ".join(parts[1:])
    return None


def adjective_cores(core: str) -> list[str]:
    """'kharkivska' -> ['kharkiv', 'kharkivsk']: nouns an oblast/raion adjective may come from."""
    out: list[str] = []
    for ending, nouns in _ADJ_ENDINGS.items():
        if core.endswith(ending) and len(core) > len(ending) + 2:
            stem = core[: -len(ending)]
            out.extend(stem + noun for noun in nouns)
    return list(dict.fromkeys(o for o in out if o != core))


# --- Russian romanisation -> national transliteration candidates -------------------------------

_WORD_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p), alts)
    for p, alts in (
        (r"(?<=.)ya", ("ia",)),
        (r"(?<=.)yu", ("iu",)),
        (r"(?<=.)ye", ("ie",)),
        (r"(?<=.)yi", ("i",)),
        (r"[oe]vka$", ("ivka",)),
        (r"yevka$", ("iivka", "ivka")),
        (r"skaya$", ("ske", "skyi", "ska")),
        (r"aya$", ("a", "yi", "oy", "yy", "oi")),
        (r"(?:oye|oe)$", ("e",)),
        (r"(?:iy|yy|ij|ii)$", ("yi",)),
        (r"ov$", ("iv",)),
        (r"ev$", ("iv",)),
        (r"(?<![zk])g(?!h)", ("h",)),
        (r"i", ("y",)),
        (r"e", ("ie",)),
    )
)
MAX_VARIANTS = 600


def _word_variants(word: str) -> set[str]:
    forms = {word}
    for pattern, alts in _WORD_RULES:
        new: set[str] = set()
        for form in forms:
            spans = [m.span() for m in pattern.finditer(form)][:6]
            if not spans:
                continue
            # each match independently either kept or replaced by one of the alternatives
            for choice in product((None, *alts), repeat=len(spans)):
                if all(c is None for c in choice):
                    continue
                out, last = [], 0
                for (start, end), rep in zip(spans, choice, strict=True):
                    out.append(form[last:start])
                    out.append(form[start:end] if rep is None else rep)
                    last = end
                out.append(form[last:])
                new.add("".join(out))
                if len(forms) + len(new) > MAX_VARIANTS:
                    break
        forms |= new
        if len(forms) > MAX_VARIANTS:
            break
    return forms


def romanisation_variants(key: str) -> list[str]:
    """Spellings of a Latin key in the national system (kurilovka -> kurylivka, ...)."""
    words = key.split(" ")
    if not all(w.isascii() for w in words) or len(words) > 4:
        return []
    per_word = [sorted(_word_variants(w), key=len) for w in words]
    out: list[str] = []
    for combo in product(*per_word):
        variant = " ".join(combo)
        if variant != key:
            out.append(variant)
        if len(out) >= MAX_VARIANTS:
            break
    return out


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row."""

    id: str
    name: str
    feature_code: str
    admin1_code: str
    admin2_code: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def precision(self) -> str:
        return PRECISION.get(self.feature_code, "settlement")

    @property
    def score(self) -> float:
        """Prominence used to rank namesakes: log10(population) + feature rank."""
        kind = self.precision
        if kind != "settlement":
            return KIND_SCORE[kind]
        return math.log10(self.population + 1) + FEATURE_RANK.get(self.feature_code, 0.0)

    @property
    def is_admin_centre(self) -> bool:
        return self.feature_code in ("PPLA", "PPLC")


def _float(text: str) -> float | None:
    return float(text) if text else None


@dataclass(frozen=True, slots=True)
class Match:
    """Candidates for one mention: `exact` when the key matched as written, `named` the ids of
    candidates whose own name (not just an alternate) is the key."""

    entries: tuple[Entry, ...] = ()
    exact: bool = True
    named: frozenset[str] = frozenset()
    key: str = ""  # the normalised mention, when it matched as written


# IATA/ICAO-style alternates ("KBP", "UKKK") in the file text
_CODES = re.compile(r",[A-Z]{2,4}(?=[,\n])")


def _fold_fields(text: str) -> str:
    """`normalise` applied to every field of the file text at once (edge punctuation aside)."""
    folded = _fold(_CODES.sub(",", text))
    while "  " in folded:
        folded = folded.replace("  ", " ")
    for old, new in ((", ", ","), (" ,", ","), ("\t ", "\t"), (" \t", "\t"), (" \n", "\n")):
        folded = folded.replace(old, new)
    return folded.replace(",the ", ",").replace("\tthe ", "\t")


class Gazetteer:
    """Indices over the shipped file. Build with `Gazetteer.load()` (or `get_gazetteer()`)."""

    def __init__(self, entries: list[Entry], keys: list[tuple[str, list[str]]]) -> None:
        """`keys[i]`: normalised (name, alternates) of `entries[i]`; the first alternate is the
        source's own name (GeoNames `name`)."""
        self.entries = entries
        self.names: dict[str, list[int]] = {}
        self.own_names: dict[str, list[int]] = {}
        self.oblasts: dict[str, list[int]] = {}
        self.raions: dict[str, list[int]] = {}
        self._oblast_codes: dict[str, str | None] = {}
        for idx, entry in enumerate(entries):
            name, alts = keys[idx]
            own = {_clean_key(name), _clean_key(alts[0])} if alts[0] else {_clean_key(name)}
            found = {
                k if k[0] not in _EDGE and k[-1] not in _EDGE else _clean_key(k)
                for k in alts
                if len(k) > 2
            }
            found |= own
            found -= _JUNK
            kind = entry.precision
            if kind == "raion":
                self._add_cores(self.raions, found, RAION_WORDS, idx)
                continue
            for key in found:
                if kind == "oblast" and split_suffix(key, OBLAST_WORDS):
                    continue  # reached through the oblast index
                self.names.setdefault(key, []).append(idx)
            for key in own:
                self.own_names.setdefault(key, []).append(idx)
            if kind in ("oblast", "region"):
                self._add_cores(self.oblasts, found, OBLAST_WORDS, idx)

    @staticmethod
    def _add_cores(index: dict[str, list[int]], keys: set[str], words, idx: int) -> None:
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
        keys: list[tuple[str, list[str]]] = []
        for line, kline in zip(text.split("\n"), folded.split("\n"), strict=True):
            if not line or line.startswith("#"):
                continue
            gid, name, code, a1, a2, oblast, lat, lon, pop, _alts = line.split("\t")
            entries.append(
                Entry(gid, name, code, a1, a2, oblast or None, _float(lat), _float(lon), int(pop))
            )
            kfields = kline.split("\t")
            keys.append((kfields[1], kfields[9].split(",")))
        return cls(entries, keys)

    # --- candidates ---------------------------------------------------------------------------

    def _exact(self, index: dict[str, list[int]], key: str) -> list[Entry]:
        return [self.entries[i] for i in index.get(key, ())]

    def _named(self, key: str) -> set[str]:
        return {self.entries[i].id for i in self.own_names.get(key, ())}

    def _spelled(self, index: dict[str, list[int]], key: str) -> Match:
        """Exact key, else its national-transliteration variants."""
        found = self._exact(index, key)
        if found:
            return Match(tuple(found), True, frozenset(self._named(key)), key)
        bases = [key]
        if is_cyrillic(key):
            latin = normalise(translit_uk(key))
            found = self._exact(index, latin)
            if found:
                return Match(tuple(found), False, frozenset(self._named(latin)))
            bases = [latin]
        for base in bases:
            seen: dict[str, Entry] = {}
            named: set[str] = set()
            for variant in romanisation_variants(base):
                hits = self._exact(index, variant)
                for entry in hits:
                    seen.setdefault(entry.id, entry)
                if hits:
                    named |= self._named(variant)
            if seen:
                return Match(tuple(seen.values()), False, frozenset(named))
        return Match()

    def candidates(self, key: str) -> Match:
        """Entries a normalised mention may denote."""
        core = split_suffix(key, OBLAST_WORDS)
        if core:
            return self._oblast_candidates(core)
        core = split_suffix(key, RAION_WORDS)
        if core:
            return self._raion_candidates(core)
        match = self._spelled(self.names, key)
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
        return Match(found, match.exact, match.named, match.key)

    def _oblast_candidates(self, core: str) -> Match:
        for key in (core, *adjective_cores(core)):
            found = self._exact(self.oblasts, key)
            if found:
                return Match(self._prefer_oblasts(found), key == core)
        # "Kharkov region": the oblast whose centre the core names
        towns = self._spelled(self.names, core).entries
        centres = [e for e in towns if e.is_admin_centre]
        if centres:
            codes = {KYIV_OBLAST if e.feature_code == "PPLC" else e.admin1_code for e in centres}
            found = [e for e in self.entries if e.precision == "oblast" and e.admin1_code in codes]
            if found:
                return Match(tuple(found), False)
        match = self._spelled(self.oblasts, core)
        if match.entries:
            return Match(self._prefer_oblasts(list(match.entries)), match.exact)
        # "Kupiansk region": the raion named after the town
        return self._raion_candidates(core)

    @staticmethod
    def _prefer_oblasts(found: list[Entry]) -> tuple[Entry, ...]:
        oblasts = [e for e in found if e.precision == "oblast"]
        regular = [e for e in oblasts if e.admin1_code not in CITY_ADMIN1]
        return tuple(regular or oblasts or found)

    def _raion_candidates(self, core: str) -> Match:
        for key in (core, *adjective_cores(core)):
            found = self._exact(self.raions, key)
            if found:
                return Match(tuple(found), key == core)
        match = self._spelled(self.raions, core)
        return Match(match.entries, match.exact)

    def oblast_code(self, oblast: str) -> str | None:
        """admin1 code of an oblast given as "Kharkiv Oblast", "Kharkiv region", "Kharkiv"."""
        key = normalise(oblast)
        if key not in self._oblast_codes:
            code = None
            if key:
                core = split_suffix(key, OBLAST_WORDS) or key
                found = self._oblast_candidates(core).entries
                codes = {e.admin1_code for e in found if e.precision == "oblast"}
                code = codes.pop() if len(codes) == 1 else None
            self._oblast_codes[key] = code
        return self._oblast_codes[key]


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


# Russian-style romanisations: a place "officially" spelt so is a GeoNames leftover, not a hint
_RUSSIAN_STYLE_ENDINGS = ("ovka", "evka", "aya", "oye", "oe", "iy", "yy", "ye")


def choose(
    match: Match,
    oblast_code: str | None = None,
    near: tuple[float, float] | None = None,
) -> tuple[Entry, float]:
    """Best of several candidates and a confidence: the one in `oblast_code`, then the nearest
    to `near`, then the most prominent, where a place whose own name is the mention gets
    NAMED_BONUS over one that only has it as an (often historic) alternate.
    1.0 only when there is a single candidate."""
    found = list(match.entries)
    if len(found) == 1:
        return found[0], 1.0
    pool, cap = found, 0.9
    if oblast_code:
        inside = [e for e in found if e.admin1_code == oblast_code]
        if len(inside) == 1:
            return inside[0], 0.95
        if inside:
            pool = inside
        else:
            cap = 0.7  # the hint names an oblast none of the candidates is in
    if match.exact and match.key and not match.key.endswith(_RUSSIAN_STYLE_ENDINGS):
        canonical = [
            e
            for e in pool
            if _clean_key(normalise(e.name)) == match.key and not set(e.name) & set("'’ʼ")
        ]
        if canonical and len(canonical) < len(pool):
            # a place whose official name is X beats one that merely once was called X
            # (Donetsk's historic alternate "Oleksandrivka")
            pool = canonical
            if len(pool) == 1:
                return pool[0], min(cap, 0.9)
    if near:
        located = sorted(
            ((_distance_km(near, (e.lat, e.lon)), e) for e in pool if e.lat is not None),
            key=lambda pair: pair[0],
        )
        if len(located) == 1:
            return located[0][1], min(cap, 0.85)
        if located:
            d1, d2 = located[0][0], located[1][0]
            return located[0][1], min(cap, 0.85 if d1 < 0.5 * d2 else 0.6)

    def score(e: Entry) -> float:
        return e.score + (NAMED_BONUS if e.id in match.named else 0.0)

    ranked = sorted(pool, key=lambda e: (score(e), e.population), reverse=True)
    if len(ranked) == 1:
        return ranked[0], cap
    gap = score(ranked[0]) - score(ranked[1])
    conf = 0.9 if gap >= 2 else 0.8 if gap >= 1 else 0.6 if gap >= 0.3 else 0.4
    if ranked[0].score < SMALL_PLACE:
        # among villages GeoNames' populations (often 0 = unknown) say little
        conf = min(conf, 0.5)
    return ranked[0], min(cap, conf)


def clean_mention(mention: object) -> str | None:
    """The lookup key of a mention, or None when it is not a plausible place name."""
    if not isinstance(mention, str) or not mention or len(mention) > MAX_MENTION:
        return None
    if _CONTROL.search(mention):
        return None
    key = normalise(mention)
    return key if any(ch.isalpha() for ch in key) else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    return Gazetteer.load()
