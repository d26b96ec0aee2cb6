"""The gazetteer build (warclaims.places.build) on small hand-made rows, and the shipped file."""

from __future__ import annotations

import gzip
from collections import Counter
from importlib import resources

from warclaims.places.build.geonames import (
    GeoRow,
    canonical_name,
    respelled_bgn,
    russian_name,
)
from warclaims.places.build.katottg import KatottgSettlement
from warclaims.places.build.match import match_settlements
from warclaims.places.build.rows import COLUMNS, _raion_centre
from warclaims.places.names import normalise

MAX_BYTES = 20 * 1024 * 1024


def geo(gid: str, name: str, alts: list[str], lat: str = "", lon: str = "", **kw: str) -> GeoRow:
    row = GeoRow(
        gid,
        name,
        alts,
        lat,
        lon,
        "P",
        kw.get("fcode", "PPL"),
        kw.get("admin1", "07"),
        kw.get("admin2", "6308"),
        kw.get("population", "0"),
    )
    row.keys = {normalise(n) for n in (name, *alts)}
    return row


def kat(code: str, name: str, category: str = "C", hromada: str = "UA6308013") -> KatottgSettlement:
    return KatottgSettlement(
        code, name, category, "UA63000000000041885", "UA63080000000032022", hromada, "", ""
    )


ADMIN1 = {"UA63": "07"}


def test_pairs_by_cyrillic_name_and_by_skeleton() -> None:
    rows = [
        geo("1", "Kucherivka", ["Кучерівка"]),
        geo("2", "Kotlyarëvka", []),  # an old Russian-style romanisation only
        geo("3", "Kurylivka", ["Курилівка"], admin1="05", admin2="1416"),  # elsewhere
    ]
    settlements = [
        kat("UA63080130080014612", "Кучерівка"),
        kat("UA63080130090000001", "Котлярівка"),
        kat("UA63080130100000001", "Курилівка"),
    ]
    result = match_settlements(rows, settlements, ADMIN1)
    assert result.pairs["UA63080130080014612"].gid == "1"
    assert result.pairs["UA63080130090000001"].gid == "2"
    assert "UA63080130100000001" not in result.pairs  # not across raions


def test_town_and_village_of_one_name_in_one_raion() -> None:
    rows = [
        geo("10", "Dobropillia", ["Добропілля"], fcode="PPLA3", population="28170"),
        geo("11", "Dobropillia", ["Добропілля"], population="1084"),
    ]
    settlements = [kat("UA1", "Добропілля", "M"), kat("UA2", "Добропілля", "C")]
    pairs = match_settlements(rows, settlements, ADMIN1).pairs
    assert pairs["UA1"].gid == "10"
    assert pairs["UA2"].gid == "11"


def test_namesakes_paired_by_their_hromadas() -> None:
    rows = [
        geo("20", "Mykolaivka", ["Миколаївка"], "49.00", "37.00"),
        geo("21", "Mykolaivka", ["Миколаївка"], "49.50", "37.80"),
        # the hromadas' other settlements give their centres
        geo("22", "Aivka", ["Аївка"], "49.01", "37.02"),
        geo("23", "Bivka", ["Бівка"], "49.49", "37.79"),
    ]
    settlements = [
        kat("UA_A1", "Миколаївка", hromada="HA"),
        kat("UA_B1", "Миколаївка", hromada="HB"),
        kat("UA_A2", "Аївка", hromada="HA"),
        kat("UA_B2", "Бівка", hromada="HB"),
    ]
    pairs = match_settlements(rows, settlements, ADMIN1).pairs
    assert pairs["UA_A1"].gid == "20"
    assert pairs["UA_B1"].gid == "21"


def test_raion_centre_from_the_adjective() -> None:
    assert _raion_centre("Куп’янський", ["Куп’янськ", "Ківшарівка"]) == "Куп’янськ"
    assert _raion_centre("Харківський", ["Харків"]) == "Харків"
    assert _raion_centre("Одеський", ["Одеса"]) == "Одеса"
    assert _raion_centre("Запорізький", ["Запоріжжя"]) == "Запоріжжя"
    assert _raion_centre("Олександрійський", ["Олександрія", "Олександрійське"]) == "Олександрія"
    assert _raion_centre("Криворізький", ["Кривий Ріг"]) is None


def test_names_of_geonames_only_places() -> None:
    assert canonical_name("Hulyaypole", ["Гуляйполе", "Гуляйполе"]) == "Huliaipole"
    assert canonical_name("Kupiansk", ["Куп’янськ"]) == "Kupiansk"
    alts = ["Купенск", "Купьянск", "Купянск", "Комунари", "Куп’янськ"]
    assert russian_name("Куп’янськ", alts) == "Купянск"
    assert russian_name("Іраде", ["Комунари"]) == ""  # a former name is not the Russian one


def test_bgn_endings_respelled_only_where_unambiguous() -> None:
    assert respelled_bgn("Zelenyy", []) == "Zelenyi"
    assert respelled_bgn("Zeleny", ["Zeleny", "Zelenyy", "Zelënyy"]) == "Zelenyi"
    assert respelled_bgn("Novyy Svit", []) == "Novyi Svit"
    # nothing else is guessed: -oye, -iy, -aya, a "yy" inside a word stay as they are
    assert respelled_bgn("Zelenoye", []) == "Zelenoye"
    assert respelled_bgn("Zeleniy", []) == "Zeleniy"
    assert respelled_bgn("Kyyiv", []) == "Kyyiv"
    assert respelled_bgn("Zeleny", ["Krasnyy"]) == "Zeleny"


def test_shipped_file() -> None:
    path = resources.files("warclaims.places").joinpath("data", "gazetteer.tsv.gz")
    raw = path.read_bytes()
    assert len(raw) <= MAX_BYTES
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    assert lines[0] == "#" + "\t".join(COLUMNS)
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines if line[0] != "#"]
    assert len({r["id"] for r in rows}) == len(rows)
    kinds = Counter(r["feature"] for r in rows if not r["admin1"].startswith("RU-"))
    assert kinds["ADM1"] == 27 and kinds["ADM2"] >= 136
    russian = [r for r in rows if r["admin1"].startswith("RU-")]
    assert len(russian) >= 50  # the curated Russian regions and towns: names only
    for r in russian:
        assert r["lat"] == r["lon"] == "" and r["population"] == "0", r
        assert r["oblast"] and r["name_uk"] and r["name_ru"], r
    rows = [r for r in rows if not r["admin1"].startswith("RU-")]
    settlements = [r for r in rows if r["feature"].startswith("PPL")]
    assert len(settlements) > 30_000
    official = [r for r in settlements if r["katottg"]]
    assert len(official) > 29_000  # the codifier lists 29,703 settlements
    for r in settlements:
        if r["id"].startswith("UA"):  # a codifier settlement GeoNames lacks
            assert r["lat"] == r["lon"] == "", r  # no coordinates invented
            assert r["katottg"] == r["id"]
        else:
            assert r["id"].isdigit() and r["lat"] and r["lon"], r
    for r in official:
        assert r["oblast"] and r["name_uk"] and r["type"] in ("city", "town", "village"), r
        # every codifier settlement has its raion, but for the exclusion zone's (UA32000...)
        assert r["raion"] or r["katottg"][4:6] == "00", r
