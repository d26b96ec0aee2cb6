"""Name keys: how a written place name becomes the key the gazetteer indices are built on.

`normalise` is the exact key (casefold, NFC, apostrophes dropped, hyphens and spaces unified,
ё→е). `skeleton` is a coarse key that Russian-style and national romanisations of one Ukrainian
name share (Kurilovka/Kurylivka, Pokrovskoye/Pokrovske, Gulyaypole/Huliaipole) while the
grammatical ending class is kept apart (Pokrovsk ≠ Pokrovske, Zelenyi ≠ Zelene).
`romanisation_variants` rewrites a Russian-style Latin key into national-system spellings.
Stdlib only: the build script uses this module too.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import product

from .translit import APOSTROPHES, is_cyrillic

__all__ = ["APOSTROPHES", "is_cyrillic", "normalise", "romanisation_variants", "skeleton"]

_DROP = APOSTROPHES + '"”“'
_SPACE = "-‐‑‒–—_/\xa0\u2009\u202f"
_EDGE = " .,;:()[]"


_FOLD_TABLE = str.maketrans({**dict.fromkeys(_DROP, None), **dict.fromkeys(_SPACE, " "), "ё": "е"})


def fold(text: str) -> str:
    """casefold, ё→е, apostrophes dropped, hyphens and odd spaces to spaces (NFC input)."""
    text = text.casefold()
    if len(text) < 4096:
        return text.translate(_FOLD_TABLE)
    for ch in _DROP:  # long texts (the whole gazetteer file): replace is faster
        if ch in text:
            text = text.replace(ch, "")
    for ch in _SPACE:
        if ch in text:
            text = text.replace(ch, " ")
    return text.replace("ё", "е") if "ё" in text else text


def clean_key(key: str) -> str:
    """A folded key without doubled spaces, edge punctuation or a leading "the "."""
    if key and key[0] not in _EDGE and key[-1] not in _EDGE and "  " not in key:
        return key[4:] if key.startswith("the ") else key
    key = " ".join(key.split()).strip(_EDGE)
    return key[4:] if key.startswith("the ") else key


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def ascii_fold(key: str) -> str:
    """A Latin key without diacritics ("kotlyarëvka" -> "kotlyarevka"); "" if it does not
    become ASCII (Cyrillic, or letters without an ASCII base)."""
    if key.isascii():
        return key
    if _NON_LATIN.search(key):
        return ""
    out = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
    return out if out.isascii() else ""


def normalise(text: str) -> str:
    """The lookup key of a name: NFC, casefold, ё→е, no apostrophes, one space between parts."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return clean_key(" ".join(fold(text).split()))


# --- oblast / raion phrases ---------------------------------------------------------------------

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
        # inflected: "в Харківській області", "Харьковской области"
        "області",
        "области",
        "областю",
        "областью",
        # Russian krais: "Krasnodar Krai", "в Краснодарском крае", "Краснодарського краю"
        "krai",
        "kray",
        "край",
        "краю",
        "края",
        "крае",
        "краї",
    }
)
RAION_WORDS = frozenset(
    {"raion", "rayon", "district", "район", "р н", "районі", "района", "районе", "району"}
)
RIVER_WORDS = frozenset(
    {
        "river",
        "річка",
        "річки",
        "річці",
        "річку",
        "річкою",
        "ріка",
        "ріки",
        "ріці",
        "ріку",
        "река",
        "реки",
        "реке",
        "реку",
        "рекой",
        "речка",
        "речки",
    }
)
DIRECTION_WORDS = frozenset({"direction", "axis", "front", "напрямок", "направление"})
# adjective ending -> what the noun it is made from ends with ("kharkivska" <- "kharkiv")
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
    # oblique cases of the adjective ("Харківській області", "Харьковской области")
    "ській": ("", "ськ"),
    "ської": ("", "ськ"),
    "ську": ("", "ськ"),
    "ською": ("", "ськ"),
    "ского": ("", "ск"),
    "ской": ("", "ск"),
    "скую": ("", "ск"),
    "ском": ("", "ск"),
    "ському": ("", "ськ"),
    "ського": ("", "ськ"),
}


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


# --- skeleton: shared by Russian-style and national romanisations ------------------------------

_SKELETON_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "Щ"),
    ("sch", "Щ"),
    ("zgh", "zХ"),
    ("zh", "Ж"),
    ("kh", "Х"),
    ("ch", "Ч"),
    ("sh", "Ш"),
    ("ts", "Ц"),
    ("tz", "Ц"),
    ("ck", "k"),
    ("h", "Х"),
    ("g", "Х"),
    ("x", "Х"),
    ("w", "v"),
    ("c", "Ц"),
    ("q", "k"),
)
_VOWEL_RUN = re.compile(r"[aeiouyjë]+")
_MASC = ("yi", "iy", "yy", "ij", "ii", "oi", "oy", "yj", "ei", "ey", "oj")
_SOFT_NEUTER = ("ye", "ie", "je")


def _ending_class(run: str) -> str:
    """Grammatical class of a word's final vowel run: M(asculine adjective), F, N, P(lural)."""
    if run.endswith(_MASC):
        return "M"
    if "a" in run:
        return "F"
    if "e" in run or "o" in run:
        return "N"
    return "P"


_FINAL_RUNS = re.compile(r"[aeiouyjë]+(?=\n)")
_PROTHETIC_VS = re.compile(r"(?:^|(?<=[ \n]))vu", re.MULTILINE)
_DOUBLED_LINES = re.compile(r"([^V\n])\1+")


def skeleton_many(keys: list[str]) -> list[str]:
    """`skeleton` of each key (ASCII keys without newlines), in one pass over their text."""
    if not keys:
        return []
    text = "\n".join(keys) + "\n"
    text = _FINAL_RUNS.sub(lambda m: _ending_class(m.group()), text)
    if "vu" in text:
        text = _PROTHETIC_VS.sub("u", text)
    for old, new in _SKELETON_DIGRAPHS:
        text = text.replace(old, new)
    text = _DOUBLED_LINES.sub(r"\1", _VOWEL_RUN.sub("V", text.replace(" ", "")))
    return text.split("\n")[:-1]


def skeleton(key: str) -> str:
    """Coarse key of a Latin name key: consonants with vowel runs as V, doubled letters single,
    word breaks ignored, the final vowel run kept as its ending class (M/F/N/P)."""
    if not key or not key.isascii() or "\n" in key:
        return ""
    return skeleton_many([key])[0]


def skeletons(key: str) -> list[str]:
    """`skeleton(key)`, and the other reading of an ambiguous ending: a final -ye/-ie (Russian
    -ье = Ukrainian -я: Zaporozhye, Zaporizhzhia; but national -ie = -є: Novopidhorodnie) is
    also feminine; a final -y may be a plural or a Russian adjective in -ый (Zeleny/Zelenyi);
    after k/h it is a plural only (Pryluky)."""
    first = skeleton(key)
    if first.endswith("N") and key.endswith(_SOFT_NEUTER):
        return [first, first[:-1] + "F"]
    if first.endswith("M") and key.endswith(("yi", "yy", "iy", "ij")):
        return [first, first[:-1] + "P"]  # Russian -ый written -y (Zeleny)
    if first.endswith("P") and key.endswith("y") and not key.endswith(("ky", "hy", "khy")):
        return [first, first[:-1] + "M"]
    return [first] if first else []


# --- Russian romanisation -> national transliteration candidates -------------------------------

_WORD_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p), alts)
    for p, alts in (
        (r"^u", ("vu",)),
        (r"(?<=.)ya", ("ia",)),
        (r"(?<=.)yu", ("iu",)),
        (r"(?<=.)ye", ("ie",)),
        (r"(?<=.)yi", ("i",)),
        (r"[oe]vka$", ("ivka",)),
        (r"yevka$", ("iivka", "ivka")),
        (r"skaya$", ("ske", "skyi", "ska")),
        (r"aya$", ("a", "yi", "oy", "yy", "oi")),
        (r"(?:oye|oe)$", ("e",)),
        (r"ovo$", ("ove",)),
        (r"ino$", ("yne",)),
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


# --- vowels: which differences a Russian/national pair of spellings may have -------------------

_RUNS = re.compile(r"[aeiouyj]+")
_CORE = {"a": "A", "o": "O", "e": "E", "u": "U", "i": "I", "y": "I", "j": "I"}
# Russian о/е where Ukrainian has і (Kurilovka/Kurylivka, Seversk/Siversk), е for я
# (Kamenka/Kamianka), о for у (Yasinovataya/Yasynuvata), е for ё/о
_COMPATIBLE = frozenset(
    frozenset(pair) for pair in (("O", "I"), ("E", "I"), ("E", "A"), ("O", "U"), ("E", "O"))
)


def _core(run: str) -> str:
    while len(run) > 1 and run[0] in "yij":
        run = run[1:]  # a glide: ya/ia/ye/ie/yu/iu/yi
    return _CORE[run[0]]


def compatible_vowels(a: str, b: str) -> bool:
    """True if two Latin keys of one skeleton differ only in vowels that Russian-style and
    national romanisations of one name differ in (Masliakivka is not Moslakovka: a ≠ o)."""
    runs_a = [_core(r) for r in _RUNS.findall(a.replace(" ", ""))]
    runs_b = [_core(r) for r in _RUNS.findall(b.replace(" ", ""))]
    if len(runs_a) != len(runs_b):
        return False
    pairs = zip(runs_a, runs_b, strict=True)
    return all(x == y or frozenset((x, y)) in _COMPATIBLE for x, y in pairs)
