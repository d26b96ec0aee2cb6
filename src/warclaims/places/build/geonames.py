"""GeoNames' Ukraine extract (UA.txt, CC BY 4.0): the rows the gazetteer takes, and the
canonical English name of a GeoNames-only place."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..names import APOSTROPHES, compatible_vowels, is_cyrillic, normalise, skeletons
from ..translit import looks_russian, looks_ukrainian, translit_uk

EXCLUDED_P = frozenset({"PPLX", "PPLQ", "PPLH", "PPLW"})


@dataclass(slots=True)
class GeoRow:
    """One line of UA.txt (the fields the gazetteer uses)."""

    gid: str
    name: str
    alternates: list[str]
    lat: str
    lon: str
    fclass: str
    fcode: str
    admin1: str
    admin2: str
    population: str
    keys: set[str] = field(default_factory=set)  # normalised name and alternates

    @property
    def is_settlement(self) -> bool:
        return self.fclass == "P" and self.fcode not in EXCLUDED_P


def clean(text: str) -> str:
    """NFC (GeoNames is not always), no tabs or newlines, trimmed."""
    return unicodedata.normalize("NFC", text.replace("\t", " ").replace("\n", " ")).strip()


def read_geonames(path: Path) -> tuple[list[GeoRow], int]:
    """All rows of UA.txt and the number of malformed lines skipped."""
    rows: list[GeoRow] = []
    malformed = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) != 19:
                malformed += 1
                continue
            alts = [clean(a) for a in f[3].split(",") if a.strip()] if f[3] else []
            row = GeoRow(f[0], clean(f[1]), alts, f[4], f[5], f[6], f[7], f[10], f[11], f[14])
            row.keys = {normalise(n) for n in (row.name, *alts)}
            rows.append(row)
    return rows, malformed


# --- canonical names of GeoNames-only places ----------------------------------------------------

_RU_ENDINGS = ("ое", "ее", "ая", "яя", "ой", "ые", "ие", "ский", "цкий", "овка", "евка", "ино")
# letters whose romanisation differs between the 2010 national system and older systems
_VARIANTS: dict[str, tuple[str, ...]] = {
    "є": ("ye", "ie", "e"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    "и": ("y", "i"),
}
_IGNORED = set(APOSTROPHES) | set('”"ьъ')


def _compare_key(text: str) -> str:
    """Casefolded, apostrophes dropped, hyphens and spaces unified."""
    out = "".join(ch for ch in text.casefold() if ch not in _IGNORED)
    return " ".join(out.replace("-", " ").split())


def romanisations(text: str, limit: int = 4096) -> set[str]:
    """Every romanisation of Cyrillic `text` that the national and older systems allow
    (ya/ia, yi/i, y/i, ...), as comparison keys."""
    forms = [""]
    for ch in text.casefold():
        if ch in _IGNORED:
            continue
        options = _VARIANTS.get(ch) or (translit_uk(ch).casefold(),)
        forms = [f + o for f in forms for o in options]
        if len(forms) > limit:
            return set()
    return {_compare_key(f) for f in forms}


def ukrainian_form(text: str) -> bool:
    """Cyrillic spelling that is Ukrainian rather than Russian (і/ї/є/ґ, apostrophe, -ськ)."""
    if looks_ukrainian(text):
        return True
    low = text.casefold()
    return "ськ" in low or any(a in low for a in APOSTROPHES)


def russian_form(text: str) -> bool:
    """Cyrillic spelling that is Russian (ы/э/ё/ъ, initial е, Russian adjective endings)."""
    if looks_russian(text):
        return True
    words = text.casefold().replace("-", " ").split()
    return any(w.startswith("е") or w.endswith(_RU_ENDINGS) for w in words)


def _separators(text: str) -> str:
    return "".join(ch for ch in text if ch in "- ")


def canonical_name(name: str, alternates: list[str]) -> str:
    """GeoNames `name`, or the national transliteration of a Ukrainian Cyrillic alternate of
    which `name` is an older romanisation (Hulyaypole -> Huliaipole, Kupyansk -> Kupiansk)."""
    target = _compare_key(name)
    latin = {_compare_key(a) for a in alternates if not is_cyrillic(a)}
    best: tuple[int, int, int, str] | None = None
    for alt in alternates:
        if not is_cyrillic(alt) or russian_form(alt):
            continue
        rom = translit_uk(alt)
        if _compare_key(rom) == target:
            return name  # GeoNames' name is already the national transliteration
        if target not in romanisations(alt):
            continue
        rank = (
            int(_separators(rom) == _separators(name)),
            int(ukrainian_form(alt)),
            int(_compare_key(rom) in latin),
            rom,
        )
        if best is None or rank > best:
            best = rank
    return name if best is None else best[3]


_BGN_MASCULINE = re.compile(r"(?<=[^\W\d_])yy\b")  # BGN/PCGN "-yy" of -ий/-ый ("Zelenyy")


def respelled_bgn(name: str, alternates: list[str]) -> str:
    """The national spelling of a GeoNames name that has no Ukrainian Cyrillic alternate to
    transliterate, where it is unambiguous: a word-final BGN/PCGN "-yy" (-ий) is "-yi" in
    the national system ("Zelenyy" -> "Zelenyi", "Novyy Svit" -> "Novyi Svit"). GeoNames'
    name itself ("Zeleny") is taken from a Latin alternate with that ending when it is the
    same name without it. Else `name` unchanged."""
    if _BGN_MASCULINE.search(name):
        return _BGN_MASCULINE.sub("yi", name)
    for alt in alternates:
        if not alt.isascii() or not _BGN_MASCULINE.search(alt):
            continue
        if _compare_key(_BGN_MASCULINE.sub("y", alt)) == _compare_key(name):
            return _BGN_MASCULINE.sub("yi", alt)  # "Zeleny", alternate "Zelenyy"
    return name


def ukrainian_name(canonical: str, alternates: list[str]) -> str:
    """The Cyrillic alternate whose national transliteration is `canonical`, or ""."""
    target = _compare_key(canonical)
    found = [
        a
        for a in alternates
        if is_cyrillic(a) and not russian_form(a) and _compare_key(translit_uk(a)) == target
    ]
    found.sort(key=lambda a: (not ukrainian_form(a), a))
    return found[0] if found else ""


def russian_name(ukrainian: str, alternates: list[str]) -> str:
    """The Russian Cyrillic alternate: another spelling of the Ukrainian name (same skeleton,
    compatible vowels: Купянск for Куп’янськ, not a former name such as Комунари), preferring
    one with Russian-only letters or endings; "" when there is none."""
    if not ukrainian:
        return ""
    uk_key = normalise(ukrainian)
    uk_latin = normalise(translit_uk(ukrainian))
    forms = set(skeletons(uk_latin))
    found: list[tuple[bool, float, int, str]] = []
    for alt in alternates:
        if not is_cyrillic(alt) or normalise(alt) == uk_key or ukrainian_form(alt):
            continue
        if any("a" <= ch.lower() <= "z" for ch in alt):
            continue  # a GeoNames typo mixing scripts
        latin = normalise(translit_uk(alt))
        if forms & set(skeletons(latin)) and compatible_vowels(latin, uk_latin):
            # the most Russian-looking, then the closest to the Ukrainian name
            found.append((not russian_form(alt), -fuzz.ratio(latin, uk_latin), len(alt), alt))
    return min(found)[3] if found else ""
