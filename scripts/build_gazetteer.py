#!/usr/bin/env python3
"""Build the shipped gazetteer (src/warclaims/places/data/gazetteer.tsv.gz) from GeoNames' UA.txt.

Usage: python scripts/build_gazetteer.py [--source ../shared/data/gazetteer]
                                         [--out src/warclaims/places/data/gazetteer.tsv.gz]

Takes populated places (feature class P minus PPLX, PPLQ, PPLH, PPLW), oblasts (ADM1) and raions
(ADM2), plus a few regions and the two countries. Stdlib only. GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXCLUDED_P = {"PPLX", "PPLQ", "PPLH", "PPLW"}
COLUMNS = (
    "id",
    "name",
    "feature_code",
    "admin1",
    "admin2",
    "oblast",
    "lat",
    "lon",
    "population",
    "alternates",  # comma-separated; the first is the source's own name (GeoNames `name`)
)

# admin1 code -> English name in the national transliteration
OBLASTS: dict[str, str] = {
    "01": "Cherkasy Oblast",
    "02": "Chernihiv Oblast",
    "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast",
    "05": "Donetsk Oblast",
    "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast",
    "08": "Kherson Oblast",
    "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast",
    "11": "Autonomous Republic of Crimea",
    "12": "Kyiv",
    "13": "Kyiv Oblast",
    "14": "Luhansk Oblast",
    "15": "Lviv Oblast",
    "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast",
    "18": "Poltava Oblast",
    "19": "Rivne Oblast",
    "20": "Sevastopol",
    "21": "Sumy Oblast",
    "22": "Ternopil Oblast",
    "23": "Vinnytsia Oblast",
    "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast",
    "26": "Zaporizhzhia Oblast",
    "27": "Zhytomyr Oblast",
}

# ADM2 rows that GeoNames labels with a legacy city-council name; the admin2 code is the raion's.
RAION_NAMES: dict[str, str] = {
    "9194084": "Kupiansk Raion",  # 07/6308 "Kupianska Miskrada"
    "9101597": "Lozova Raion",  # 07/6310 "Lozova City Council"
    "9114317": "Chuhuiv Raion",  # 07/6314 "Chuhuiv City Council"
    "9806344": "Nizhyn Raion",  # 02/7404 "Nizhyns'ka Mis'krada"
    "9806345": "Novhorod-Siverskyi Raion",  # 02/7406
    "9807848": "Shostka Raion",  # 21/5910
    "8449687": "Yalta Raion",  # 11/0120 "Miskyi okruh Yalta"
    "8449692": "Kerch Raion",  # 11 "Kerchens'ka Mis'ka Rada"
    "713748": "Okhtyrka Raion",  # 21/5904 "Okhtyrskiy Rayon"
}

# Regions that GeoNames has as features: geonameid -> (canonical name, extra alternates).
GEONAMES_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "709718": ("Donbas", ("Donbas", "Donbass", "Донбас", "Донбасс")),
    "703884": ("Crimea", ("Crimean Peninsula", "Krym", "Крим", "Крым", "Кримський півострів")),
    "571096": ("Bukovina", ("Bukovyna", "Буковина")),
    "689067": ("Volhynia", ("Volyn", "Волинь", "Волынь")),
    "696861": ("Podillia", ("Podillia", "Podolia", "Поділля", "Подолье")),
    "696711": ("Pokuttia", ("Pokuttia", "Pokutia", "Покуття", "Покутье")),
}
# Regions without a GeoNames feature: no coordinates (never invented).
CURATED_REGIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "region:slobozhanshchyna",
        "Slobozhanshchyna",
        "",
        ("Slobozhanshchina", "Sloboda Ukraine", "Слобожанщина"),
    ),
    ("region:pryazovia", "Pryazovia", "", ("Priazovye", "Priazovie", "Приазов'я", "Приазовье")),
    ("region:polissia", "Polissia", "", ("Polesia", "Polesie", "Polesye", "Полісся", "Полесье")),
    ("region:galicia", "Galicia", "", ("Halychyna", "Галичина")),
    ("region:tavria", "Tavria", "", ("Taurida", "Tavriya", "Таврія", "Таврия")),
)
COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("country:UA", "Ukraine", ("Ukraina", "Україна", "Украина")),
    (
        "country:RU",
        "Russia",
        (
            "Russian Federation",
            "Rossiya",
            "Rossiia",
            "Росія",
            "Россия",
            "Російська Федерація",
            "Российская Федерация",
        ),
    ),
)


def _load_translit():
    """Import translit.py from the package source without importing the package."""
    path = ROOT / "src" / "warclaims" / "places" / "translit.py"
    spec = importlib.util.spec_from_file_location("_warclaims_translit", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translit = _load_translit()
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
_IGNORED = set(translit.APOSTROPHES) | set('”"ьъ')


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
        options = _VARIANTS.get(ch) or (translit.translit_uk(ch).casefold(),)
        forms = [f + o for f in forms for o in options]
        if len(forms) > limit:
            return set()
    return {_compare_key(f) for f in forms}


def _ukrainian_form(text: str) -> bool:
    """Cyrillic spelling that is Ukrainian rather than Russian (і/ї/є/ґ, apostrophe, -ськ)."""
    if translit.looks_ukrainian(text):
        return True
    low = text.casefold()
    return "ськ" in low or any(a in low for a in translit.APOSTROPHES)


def _russian_form(text: str) -> bool:
    """Cyrillic spelling that is Russian (ы/э/ё/ъ, initial е, Russian adjective endings)."""
    if translit.looks_russian(text):
        return True
    words = text.casefold().replace("-", " ").split()
    return any(w.startswith("е") or w.endswith(_RU_ENDINGS) for w in words)


def _separators(text: str) -> str:
    return "".join(ch for ch in text if ch in "- ")


def canonical_name(name: str, alternates: list[str]) -> str:
    """GeoNames `name`, or the national transliteration of a Ukrainian Cyrillic alternate of
    which `name` is an older romanisation (Hulyaypole -> Huliaipole, Kupyansk -> Kupiansk)."""
    target = _compare_key(name)
    latin = {_compare_key(a) for a in alternates if not translit.is_cyrillic(a)}
    best: tuple[int, int, int, str] | None = None
    for alt in alternates:
        if not translit.is_cyrillic(alt) or _russian_form(alt):
            continue
        rom = translit.translit_uk(alt)
        if _compare_key(rom) == target:
            return name  # GeoNames' name is already the national transliteration
        if target not in romanisations(alt):
            continue
        rank = (
            int(_separators(rom) == _separators(name)),
            int(_ukrainian_form(alt)),
            int(_compare_key(rom) in latin),
            rom,
        )
        if best is None or rank > best:
            best = rank
    return name if best is None else best[3]


def _raion_suffix(name: str) -> str:
    words = name.split(" ")
    if words[-1].casefold() in ("raion", "rayon"):
        words[-1] = "Raion"
    return " ".join(words)


def _clean(text: str) -> str:
    """NFC (GeoNames is not always), no tabs or newlines, trimmed."""
    return unicodedata.normalize("NFC", text.replace("\t", " ").replace("\n", " ")).strip()


def _row(
    gid: str,
    name: str,
    code: str,
    admin1: str,
    admin2: str,
    lat: str,
    lon: str,
    pop: str,
    alternates: list[str],
) -> str:
    """One TSV line; `alternates[0]` is the source's own name (GeoNames `name`)."""
    seen: dict[str, None] = {}
    for alt in alternates:
        alt = _clean(alt)
        if alt and "," not in alt:
            seen.setdefault(alt, None)
    oblast = OBLASTS.get(admin1, "")
    fields = (gid, name, code, admin1, admin2, oblast, lat, lon, pop or "0")
    return "\t".join([*(_clean(f) for f in fields), ",".join(seen)])


def build(source: Path, out: Path) -> Counter:
    counts: Counter = Counter()
    rows: list[str] = []
    region_rows: dict[str, list[str]] = {}
    with open(source / "UA.txt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) != 19:
                counts["skipped_malformed"] += 1
                continue
            gid, name, _ascii, alts_s, lat, lon, fclass, fcode = f[:8]
            admin1, admin2, pop = f[10], f[11], f[14]
            alts = [a for a in alts_s.split(",") if a] if alts_s else []
            if gid in GEONAMES_REGIONS:
                region_rows[gid] = f
                continue
            if fclass == "P" and fcode not in EXCLUDED_P:
                kind = "settlement"
            elif fclass == "A" and fcode in ("ADM1", "ADM2"):
                kind = fcode
            else:
                continue
            if kind == "ADM1":
                canon = OBLASTS[admin1]
            elif kind == "ADM2" and gid in RAION_NAMES:
                canon = RAION_NAMES[gid]
            else:
                canon = canonical_name(name, alts)
                if kind == "ADM2":
                    canon = _raion_suffix(canon)
            if canon != name:
                counts["renamed"] += 1
            counts[kind] += 1
            counts["alternates"] += len(alts)
            rows.append(_row(gid, canon, fcode, admin1, admin2, lat, lon, pop, [name, *alts]))
    for gid, (canon, extra) in GEONAMES_REGIONS.items():
        f = region_rows.get(gid)
        if f is None:
            print(f"warning: region {gid} ({canon}) not in UA.txt", file=sys.stderr)
            continue
        alts = [f[1], *(a for a in f[3].split(",") if a), *extra]
        counts["alternates"] += len(alts) - 1
        admin1 = f[10] if f[10] in OBLASTS else ""
        rows.append(_row(gid, canon, "RGN", admin1, "", f[4], f[5], f[14], alts))
        counts["region"] += 1
    for rid, canon, admin1, extra in CURATED_REGIONS:
        rows.append(_row(rid, canon, "RGN", admin1, "", "", "", "0", [canon, *extra]))
        counts["region"] += 1
    for cid, canon, extra in COUNTRIES:
        rows.append(_row(cid, canon, "PCLI", "", "", "", "", "0", [canon, *extra]))
        counts["country"] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    header = "#" + "\t".join(COLUMNS)
    data = "\n".join([header, *rows]) + "\n"
    # mtime=0: the same input gives byte-identical output
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data.encode("utf-8"))
    counts["rows"] = len(rows)
    counts["bytes"] = out.stat().st_size
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared/data/gazetteer")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src/warclaims/places/data/gazetteer.tsv.gz"
    )
    args = parser.parse_args(argv)
    counts = build(args.source, args.out)
    print(f"wrote {args.out} ({counts['bytes']:,} bytes, {counts['rows']:,} rows)")
    for key in ("settlement", "ADM1", "ADM2", "region", "country", "renamed", "alternates"):
        print(f"  {key:12} {counts[key]:>8,}")
    if counts["skipped_malformed"]:
        print(f"  malformed    {counts['skipped_malformed']:>8,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
