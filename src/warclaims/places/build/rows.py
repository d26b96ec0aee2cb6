"""Gazetteer rows from the merged sources, and the compressed TSV they are written to."""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from pathlib import Path

from ..names import normalise, skeleton
from ..translit import translit_uk
from .curated import (
    COUNTRIES,
    CURATED_REGIONS,
    CURATED_RIVERS,
    GEONAMES_REGIONS,
    GEONAMES_RIVERS,
    OBLASTS,
    RAION_NAMES,
    RENAMED,
    RUSSIAN_FEDERAL_CITIES,
    RUSSIAN_REGIONS,
    RUSSIAN_TOWNS,
    SPECIAL_CITIES,
)
from .geonames import (
    GeoRow,
    canonical_name,
    clean,
    respelled_bgn,
    russian_name,
    ukrainian_name,
)
from .katottg import KatottgRaion, KatottgSettlement
from .match import match_settlements

COLUMNS = (
    "id",  # GeoNames id, else KATOTTG code, else region:/country: ids of the build
    "name",  # English, national transliteration
    "feature",  # GeoNames feature code (PPL, PPLA2, ADM1, ADM2; RGN region, PCLI country)
    "type",  # settlements: city, town or village ("" when no source says)
    "admin1",  # GeoNames oblast code
    "admin2",  # raion code (the four digits GeoNames and KATOTTG share)
    "oblast",
    "raion",
    "hromada",
    "katottg",  # KATOTTG code
    "lat",
    "lon",
    "population",
    "name_uk",
    "name_ru",
    "alternates",  # comma-separated; the first is the source's own name
)
GEONAMES_CITY_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})


def _line(fields: dict[str, str], alternates: list[str]) -> str:
    seen: dict[str, None] = {}
    for alt in alternates:
        alt = clean(alt)
        if alt and "," not in alt:
            seen.setdefault(alt, None)
    values = [clean(str(fields.get(c, ""))) for c in COLUMNS[:-1]]
    return "\t".join([*values, ",".join(seen)])


def _raion_suffix(name: str) -> str:
    words = name.split(" ")
    if words[-1].casefold() in ("raion", "rayon"):
        words[-1] = "Raion"
    return " ".join(words)


def _admin1_of_oblast(geo_rows: list[GeoRow]) -> dict[str, str]:
    """KATOTTG oblast prefix ("UA63") -> GeoNames admin1 ("07"), from the ADM2 codes."""
    out = dict(SPECIAL_CITIES)
    for row in geo_rows:
        if row.fcode == "ADM2" and len(row.admin2) == 4:
            out.setdefault("UA" + row.admin2[:2], row.admin1)
    return out


def _raion_names(
    geo_rows: list[GeoRow],
    raions: list[KatottgRaion],
    settlements: list[KatottgSettlement],
    admin1_of: dict[str, str],
) -> dict[tuple[str, str], tuple[GeoRow, str]]:
    """(admin1, admin2) -> (GeoNames ADM2 row, English raion name). GeoNames' name where it
    is a raion name; for its legacy city-council labels, the raion's centre named by the
    codifier ("Kovel’s’ka Mis’krada" -> "Kovel Raion")."""
    kat = {(admin1_of.get(r.code[:4], ""), r.digits): r for r in raions}
    towns: dict[str, list[str]] = defaultdict(list)
    for st in sorted(settlements, key=lambda x: x.category != "M"):  # cities first
        if st.category in ("M", "T", "X"):
            towns[st.raion_code].append(st.name)
    out = {}
    for row in geo_rows:
        if row.fcode != "ADM2":
            continue
        name = RAION_NAMES.get(row.gid) or _raion_suffix(canonical_name(row.name, row.alternates))
        raion = kat.get((row.admin1, row.admin2))
        if raion is not None:
            # the raion's centre in the national transliteration (GeoNames mixes systems:
            # "Izyum Raion", "Borispol’skiy Raion", "Kovel’s’ka Mis’krada")
            centre = _raion_centre(raion.name, towns[raion.code])
            if centre is not None:
                name = f"{translit_uk(centre)} Raion"
            elif not name.endswith("Raion"):
                name = f"{translit_uk(raion.name)} Raion"
        out[(row.admin1, row.admin2)] = (row, name)
    return out


def _raion_centre(adjective: str, towns: list[str]) -> str | None:
    """The town a raion adjective is made from: Ковельський <- Ковель, Одеський <- Одеса,
    Куп’янський <- Куп’янськ, Запорізький <- Запоріжжя, Харківський <- Харків (і/о)."""
    low = adjective.casefold().replace("і", "о").replace("’", "").replace("'", "")
    stems = {low[: -len(e)] for e in ("ський", "цький", "зький", "ький") if low.endswith(e)}
    if low.endswith("зький"):
        stems.add(low[:-5] + "жжя")
    for town in towns:
        full = town.casefold().replace("і", "о").replace("’", "").replace("'", "")
        forms = {full, full.rstrip("аеоья"), full.removesuffix("ськ"), full.removesuffix("цьк")}
        forms.add(full.removesuffix("ка"))  # Новоукраїнка -> Новоукраїнський
        if full.endswith("я"):
            forms.add(full[:-1] + "й")  # Олександрія -> Олександрійський
        if stems & {f.replace("’", "") for f in forms}:
            return town
    return None


def _hromada(name_uk: str) -> str:
    return f"{translit_uk(name_uk)} hromada" if name_uk else ""


def assemble(
    geo_rows: list[GeoRow], settlements: list[KatottgSettlement], raions: list[KatottgRaion]
) -> tuple[list[str], Counter]:
    """The TSV lines of every gazetteer row, and counts of where they came from."""
    counts: Counter = Counter()
    admin1_of = _admin1_of_oblast(geo_rows)
    raion_names = _raion_names(geo_rows, raions, settlements, admin1_of)
    geo_settlements = [r for r in geo_rows if r.is_settlement]
    match = match_settlements(geo_settlements, settlements, admin1_of)
    counts.update({f"paired_{tier}": n for tier, n in match.tiers.items()})
    renamed = {code: names for code, names in RENAMED}
    lines: list[str] = []
    paired_gids = {row.gid for row in match.pairs.values()}
    covered = _namesakes_covered(geo_settlements, settlements, match.pairs, admin1_of)
    for s in settlements:
        admin1 = admin1_of.get(s.oblast_code[:4] or s.code[:4], "")
        raion = raion_names.get((admin1, s.raion_digits))
        fields = {
            "name": translit_uk(s.name),
            "type": s.type,
            "admin1": admin1,
            "admin2": s.raion_digits,
            "oblast": OBLASTS.get(admin1, ""),
            "raion": raion[1] if raion else "",
            "hromada": _hromada(s.hromada),
            "katottg": s.code,
            "name_uk": s.name,
        }
        extra = list(renamed.get(s.code, ()))
        row = match.pairs.get(s.code)
        if row is None:
            if s.code in covered:
                counts["katottg_namesake_covered"] += 1
                continue
            fields.update(id=s.code, feature="PPL", population="0")
            lines.append(_line(fields, [s.name, *extra]))
            counts["settlement_katottg_only"] += 1
            continue
        alts = [row.name, *row.alternates]
        if skeleton(normalise(row.name)) != skeleton(normalise(fields["name"])):
            alts.insert(0, s.name)  # GeoNames has a former name: not an own name any more
        fields.update(
            id=row.gid,
            feature=row.fcode,
            lat=row.lat,
            lon=row.lon,
            population=row.population or "0",
            name_ru=russian_name(s.name, alts),
        )
        lines.append(_line(fields, [*alts, s.name, *extra]))
        counts["settlement_merged"] += 1
        if normalise(fields["name"]) != normalise(row.name):
            counts["renamed_from_geonames"] += 1
    types_of_covered = _covered_types(settlements, covered)
    official = {
        (row.admin1, row.admin2, skeleton(normalise(translit_uk(s.name))))
        for s in settlements
        if (row := match.pairs.get(s.code)) is not None
    }
    for row in geo_settlements:
        if row.gid in paired_gids:
            continue
        canon = canonical_name(row.name, row.alternates)
        if canon == row.name:  # no Ukrainian Cyrillic alternate to transliterate
            canon = respelled_bgn(canon, row.alternates)
            if canon != row.name:
                counts["respelled_bgn"] += 1
        if (row.admin1, row.admin2, skeleton(normalise(canon))) in official:
            # a second row named like (or spelt like: Borschagivka) a codifier settlement of
            # the same raion that already has its GeoNames row: a duplicate or a former
            # village, never the better answer
            counts["geonames_duplicate_dropped"] += 1
            continue
        raion = raion_names.get((row.admin1, row.admin2))
        uk = ukrainian_name(canon, [row.name, *row.alternates])
        fields = {
            "id": row.gid,
            "name": canon,
            "feature": row.fcode,
            "type": types_of_covered.get(row.gid)
            or ("city" if row.fcode in GEONAMES_CITY_CODES else ""),
            "admin1": row.admin1,
            "admin2": row.admin2,
            "oblast": OBLASTS.get(row.admin1, ""),
            "raion": raion[1] if raion else "",
            "lat": row.lat,
            "lon": row.lon,
            "population": row.population or "0",
            "name_uk": uk,
            "name_ru": russian_name(uk, row.alternates),
        }
        lines.append(_line(fields, [row.name, *row.alternates]))
        counts["settlement_geonames_only"] += 1
    lines.extend(_admin_lines(geo_rows, raions, raion_names, admin1_of, counts))
    lines.extend(_region_lines(geo_rows, counts))
    lines.extend(_russian_lines(counts))
    lines.extend(_river_lines(geo_rows, counts))
    return lines, counts


def _namesakes_covered(
    geo_settlements: list[GeoRow],
    settlements: list[KatottgSettlement],
    pairs: dict[str, GeoRow],
    admin1_of: dict[str, str],
) -> dict[str, list[str]]:
    """Unpaired codifier settlements whose namesakes in the same raion are as many unpaired
    GeoNames rows: the GeoNames rows stand for them (which is which is unknown).
    Codifier code -> the GeoNames ids of its group."""
    paired = {row.gid for row in pairs.values()}
    geo: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in geo_settlements:
        if row.gid not in paired:
            for key in row.keys:
                geo[(row.admin1, row.admin2, key)].append(row.gid)
    kat: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for s in settlements:
        if s.code not in pairs:
            admin1 = admin1_of.get(s.oblast_code[:4] or s.code[:4], "")
            kat[(admin1, s.raion_digits, normalise(s.name))].append(s.code)
    out: dict[str, list[str]] = {}
    for key, codes in kat.items():
        gids = sorted(set(geo.get(key, ())))
        if len(codes) >= 2 and len(gids) == len(codes):
            for code in codes:
                out[code] = gids
    return out


def _covered_types(
    settlements: list[KatottgSettlement], covered: dict[str, list[str]]
) -> dict[str, str]:
    """GeoNames id -> settlement type, where all the codifier namesakes it stands for agree."""
    types: dict[str, set[str]] = defaultdict(set)
    by_code = {s.code: s for s in settlements}
    for code, gids in covered.items():
        for gid in gids:
            types[gid].add(by_code[code].type)
    return {gid: t.pop() for gid, t in types.items() if len(t) == 1}


def _admin_lines(
    geo_rows: list[GeoRow],
    raions: list[KatottgRaion],
    raion_names: dict[tuple[str, str], tuple[GeoRow, str]],
    admin1_of: dict[str, str],
    counts: Counter,
) -> list[str]:
    """Oblasts (ADM1) and raions (ADM2) of GeoNames; raions with their codifier names."""
    lines = []
    kat_raions = {(admin1_of.get(r.code[:4], ""), r.digits): r for r in raions}
    for row in geo_rows:
        if row.fcode == "ADM1":
            fields = {"name": OBLASTS[row.admin1], "oblast": OBLASTS[row.admin1]}
            extra: list[str] = []
            counts["oblast"] += 1
        elif row.fcode == "ADM2":
            name = raion_names[(row.admin1, row.admin2)][1]
            fields = {"name": name, "oblast": OBLASTS.get(row.admin1, ""), "raion": name}
            kat = kat_raions.get((row.admin1, row.admin2))
            extra = []
            if kat is not None:
                fields.update(katottg=kat.code, name_uk=f"{kat.name} район")
                extra = [f"{kat.name} район", f"{translit_uk(kat.name)} raion"]
            counts["raion"] += 1
        else:
            continue
        fields.update(
            id=row.gid,
            feature=row.fcode,
            admin1=row.admin1,
            admin2=row.admin2,
            lat=row.lat,
            lon=row.lon,
            population=row.population or "0",
        )
        lines.append(_line(fields, [row.name, *row.alternates, *extra]))
    return lines


def _region_lines(geo_rows: list[GeoRow], counts: Counter) -> list[str]:
    """Regions (GeoNames features and curated ones) and the two countries."""
    lines = []
    by_gid = {row.gid: row for row in geo_rows if row.gid in GEONAMES_REGIONS}
    for gid, (canon, extra) in GEONAMES_REGIONS.items():
        row = by_gid.get(gid)
        if row is None:
            continue
        admin1 = row.admin1 if row.admin1 in OBLASTS else ""
        fields = {
            "id": gid,
            "name": canon,
            "feature": "RGN",
            "admin1": admin1,
            "oblast": OBLASTS.get(admin1, ""),
            "lat": row.lat,
            "lon": row.lon,
            "population": row.population or "0",
        }
        lines.append(_line(fields, [row.name, *row.alternates, *extra]))
        counts["region"] += 1
    for rid, canon, admin1, extra in CURATED_REGIONS:
        fields = {"id": rid, "name": canon, "feature": "RGN", "admin1": admin1, "population": "0"}
        lines.append(_line(fields, [canon, *extra]))
        counts["region"] += 1
    for cid, canon, extra in COUNTRIES:
        fields = {"id": cid, "name": canon, "feature": "PCLI", "population": "0"}
        lines.append(_line(fields, [canon, *extra]))
        counts["country"] += 1
    return lines


def _russian_lines(counts: Counter) -> list[str]:
    """Russian regions and towns of the curated table: names only, no coordinates. The
    admin1 code is the region's ISO 3166-2 code ("RU-KRS"); the first alternate is the Russian
    name (the place's own official name)."""
    lines = []
    regions = {code: name for code, name, *_ in RUSSIAN_REGIONS} | RUSSIAN_FEDERAL_CITIES
    for code, name, ru, uk, extra in RUSSIAN_REGIONS:
        fields = {
            "id": code,
            "name": name,
            "feature": "ADM1",
            "admin1": code,
            "oblast": name,
            "population": "0",
            "name_uk": uk,
            "name_ru": ru,
        }
        lines.append(_line(fields, [ru, name, uk, translit_uk(uk), *extra]))
        counts["russian_region"] += 1
    for code, name, ru, uk, feature, kind, extra in RUSSIAN_TOWNS:
        fields = {
            "id": "ru:" + normalise(name).replace(" ", "-"),
            "name": name,
            "feature": feature,
            "type": kind,
            "admin1": code,
            "oblast": regions[code],
            "population": "0",
            "name_uk": uk,
            "name_ru": ru,
        }
        lines.append(_line(fields, [ru, name, uk, translit_uk(uk), *extra]))
        counts["russian_town"] += 1
    return lines


def _river_lines(geo_rows: list[GeoRow], counts: Counter) -> list[str]:
    """The main rivers (GeoNames stream features and curated ones, feature STM): kept apart
    from settlement matching, never candidates."""
    lines = []
    by_gid = {row.gid: row for row in geo_rows if row.gid in GEONAMES_RIVERS}
    for gid, (canon, extra) in GEONAMES_RIVERS.items():
        row = by_gid.get(gid)
        if row is None or row.fclass != "H":
            continue
        fields = {
            "id": gid,
            "name": canon,
            "feature": row.fcode,
            "lat": row.lat,
            "lon": row.lon,
            "population": "0",
        }
        lines.append(_line(fields, [row.name, *row.alternates, *extra]))
        counts["river"] += 1
    for rid, canon, extra in CURATED_RIVERS:
        fields = {"id": rid, "name": canon, "feature": "STM", "population": "0"}
        lines.append(_line(fields, [canon, *extra]))
        counts["river"] += 1
    return lines


def write_gzip_tsv(out: Path, lines: list[str], header_note: str = "") -> None:
    """One `#` header line (+ an optional `#` note), then `lines`; mtime 0 so the same input
    gives byte-identical output."""
    out.parent.mkdir(parents=True, exist_ok=True)
    head = ["#" + "\t".join(COLUMNS)] + ([f"# {header_note}"] if header_note else [])
    data = "\n".join([*head, *lines]) + "\n"
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data.encode("utf-8"))
