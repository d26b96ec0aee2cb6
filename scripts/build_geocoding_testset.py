#!/usr/bin/env python3
"""Build the geocoding test set (tests/data/geocoding_testset.tsv) from the shipped gazetteer.

Usage: python scripts/build_geocoding_testset.py [--seed 20260227] [--out tests/data/...]

Two parts, both drawn at random (fixed seed) from the gazetteer itself:

  unambiguous  settlements whose name no other settlement has, each written in other forms:
               Russian romanisation (of its Russian name, by the scheme below), Cyrillic
               Russian and Ukrainian, inflected after a preposition (Ukrainian and Russian
               case endings by rule, not by pymorphy3 which the resolver uses), and misspelt
               by one letter inside the word (not the first letter, not the last two: a
               changed ending is another name, Pokrovsk/Pokrovske), when the misspelling
               is not as close to another settlement's name (one letter from it, or a
               regular respelling of it: same skeleton and compatible vowels)
  context      codifier settlements whose name several settlements share, with a context
               that decides: the oblast or the raion (when no namesake is in it), or two
               places within 30 km (when no namesake is within 60 km)

A generated form that is exactly a name of another settlement is left out (it is not a
variant of this one). Columns: part, form, mention, context, expected id, expected name.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from warclaims.places.gazetteer import Entry, distance_km, get_gazetteer  # noqa: E402
from warclaims.places.names import (  # noqa: E402
    compatible_vowels,
    normalise,
    skeleton,
    skeletons,
)

OUT = ROOT / "tests" / "data" / "geocoding_testset.tsv"
UNAMBIGUOUS = 120  # settlements; about four forms each
AMBIGUOUS = 70  # settlements; one to three contexts each
NEAR_KM = 30.0  # the two places of a "nearby" context lie this close to the settlement
SPACED_KM = 60.0  # ... and its namesakes at least this far: otherwise the context cannot decide

# a common Russian romanisation (BGN/PCGN without diacritics)
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def romanise_ru(text: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _RU:
            out.append(ch)
            continue
        rom = _RU[low]
        start = i == 0 or not text[i - 1].isalpha()
        if low == "е" and (start or text[i - 1].lower() in "аеёиоуыэюяъь"):
            rom = "ye"
        if low == "и" and text[i + 1 : i + 2].lower() == "й" and i + 2 == len(text):
            rom = "i"  # -ий → -iy
        out.append(rom.capitalize() if ch.isupper() else rom)
    return "".join(out)


def inflect_uk(name: str) -> str | None:
    """Locative/instrumental of a one-word Ukrainian name after a preposition, by rule."""
    if " " in name or "-" in name:
        return None
    if name.endswith("ка"):
        return f"у {name[:-2]}ці"
    if name.endswith(("ськ", "цьк")):
        return f"під {name}ом"
    if name.endswith("е"):
        return f"у {name[:-1]}ому"
    if name.endswith("и"):
        return f"у {name[:-1]}ах"
    return None


def inflect_ru(name: str) -> str | None:
    """Prepositional case of a one-word Russian name after "в", by rule."""
    if " " in name or "-" in name:
        return None
    if name.endswith("ка"):
        return f"в {name[:-1]}е"
    if name.endswith(("ск", "цк")):
        return f"в {name}е"
    if name.endswith("ое"):
        return f"в {name[:-2]}ом"
    if name.endswith("ее"):
        return f"в {name[:-2]}ем"
    return None


def misspell(name: str, rng: random.Random) -> str | None:
    """One letter replaced, dropped or doubled inside the first word's interior."""
    word = name.split(" ")[0]
    if len(word) < 7:
        return None
    i = rng.randrange(1, len(word) - 2)
    op = rng.choice(("replace", "drop", "double"))
    if op == "replace":
        letter = rng.choice([c for c in "aeiouyklmnprstv" if c != word[i].lower()])
        word = word[:i] + letter + word[i + 1 :]
    elif op == "drop":
        word = word[:i] + word[i + 1 :]
    else:
        word = word[:i] + word[i] + word[i:]
    return " ".join([word, *name.split(" ")[1:]])


def _other_spelling(
    typo: str, e: Entry, names: list[str], by_skeleton: dict[str, list[str]]
) -> bool:
    """True if the misspelling is as close to another settlement's name: one letter from it,
    or a regular respelling of it (same skeleton, compatible vowels: names.skeleton)."""
    key, own = normalise(typo), normalise(e.name)
    close = process.extract(key, names, scorer=Levenshtein.distance, score_cutoff=1, limit=5)
    if any(name != own for name, _, _ in close):
        return True
    return any(
        name != own and compatible_vowels(key, name)
        for sk in skeletons(key)
        for name in by_skeleton.get(sk, ())
    )


def _mixed(text: str) -> bool:
    """Latin letters in a Cyrillic name (GeoNames has a few such typos)."""
    return any("a" <= ch.lower() <= "z" for ch in text)


def _settlements() -> list[Entry]:
    return [e for e in get_gazetteer().entries if e.precision == "settlement"]


def build(seed: int) -> list[tuple[str, ...]]:
    rng = random.Random(seed)
    gazetteer = get_gazetteer()
    entries = _settlements()
    by_name: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_name[normalise(e.name)].append(e)
    rows: list[tuple[str, ...]] = []
    names = sorted(by_name)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_skeleton[skeleton(name)].append(name)

    unique = [
        e
        for e in entries
        if e.katottg and e.name_uk and len(by_name[normalise(e.name)]) == 1 and len(e.name) > 4
    ]
    with_ru = [e for e in unique if e.name_ru and not _mixed(e.name_ru)]
    half = UNAMBIGUOUS // 2  # half with a Russian name, so that its forms are well represented
    picked_ru = rng.sample(with_ru, half)
    rest = [e for e in unique if e not in set(picked_ru)]
    for e in [*picked_ru, *rng.sample(rest, UNAMBIGUOUS - half)]:
        forms: list[tuple[str, str]] = [("uk_cyrillic", e.name_uk)]
        if e.name_ru and not _mixed(e.name_ru):
            forms += [("ru_cyrillic", e.name_ru), ("ru_latin", romanise_ru(e.name_ru))]
            if (ru := inflect_ru(e.name_ru)) is not None:
                forms.append(("inflected_ru", ru))
        if (uk := inflect_uk(e.name_uk)) is not None:
            forms.append(("inflected_uk", uk))
        typo = misspell(e.name, rng)
        if typo is not None and not _other_spelling(typo, e, names, by_skeleton):
            forms.append(("misspelt", typo))
        for form, mention in forms:
            others = {x.id for x in gazetteer.named_exactly(normalise(mention))}
            if form in ("ru_cyrillic", "ru_latin", "misspelt") and others - {e.id}:
                continue  # the variant is (also) another place's name
            rows.append(("unambiguous", form, mention, "", e.id, e.name))

    shared = [
        e
        for e in entries
        if e.katottg and e.point is not None and len(by_name[normalise(e.name)]) >= 2 and e.raion
    ]
    rng.shuffle(shared)
    picked = 0
    for e in shared:
        if picked >= AMBIGUOUS:
            break
        namesakes = by_name[normalise(e.name)]
        contexts = _contexts(e, namesakes, entries, by_name, rng)
        if not contexts:
            continue
        picked += 1
        mention = e.name if rng.random() < 0.6 or not e.name_ru else romanise_ru(e.name_ru)
        for form, context in contexts:
            rows.append(("context", form, mention, context, e.id, e.name))
    return rows


def _contexts(
    e: Entry,
    namesakes: list[Entry],
    entries: list[Entry],
    by_name: dict[str, list[Entry]],
    rng: random.Random,
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    others = [n for n in namesakes if n.id != e.id]
    if e.admin1 and all(n.admin1_code != e.admin1_code for n in others):
        out.append(("oblast", f"fighting in {e.admin1}"))
    if e.raion and all(
        (n.admin1_code, n.admin2_code) != (e.admin1_code, e.admin2_code) for n in others
    ):
        district = e.raion.replace(" Raion", " district")
        out.append(("raion", f"shelling in the {district}"))
    assert e.point is not None
    spaced = all(n.point is None or distance_km(e.point, n.point) >= SPACED_KM for n in others)
    near = (
        []
        if not spaced
        else [
            n
            for n in entries
            if n.point is not None
            and n.id != e.id
            and n.admin1_code == e.admin1_code
            and len(by_name[normalise(n.name)]) == 1
            and distance_km(e.point, n.point) <= NEAR_KM
        ]
    )
    if len(near) >= 2:
        a, b = rng.sample(near, 2)
        out.append(("nearby", f"attacks near {a.name} and {b.name}"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20260227)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = ("part", "form", "mention", "context", "expected_id", "expected_name")
    lines = ["\t".join(header), *("\t".join(r) for r in rows)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = defaultdict(int)
    for r in rows:
        parts[r[0]] += 1
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(parts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
