"""Place resolution against the shipped gazetteer (GeoNames + the KATOTTG codifier)."""

import pytest

from warclaims.model import Place
from warclaims.places import is_known_name, lookup, oblast_of
from warclaims.places.gazetteer import normalise, romanisation_variants

KHARKIV = "Kharkiv Oblast"
DONETSK = "Donetsk Oblast"


@pytest.mark.parametrize(
    ("mention", "oblast", "name", "gid", "admin1"),
    [
        ("Kupyansk", None, "Kupiansk", "703656", KHARKIV),
        ("Kupiansk", None, "Kupiansk", "703656", KHARKIV),
        ("Купянск", None, "Kupiansk", "703656", KHARKIV),
        ("Куп'янськ", None, "Kupiansk", "703656", KHARKIV),
        ("Куп’янськ", None, "Kupiansk", "703656", KHARKIV),
        ("Volchansk", None, "Vovchansk", "689304", KHARKIV),
        ("Vovchansk", None, "Vovchansk", "689304", KHARKIV),
        ("Kucherovka", KHARKIV, "Kucherivka", "812655", KHARKIV),
        ("Kucherivka", KHARKIV, "Kucherivka", "812655", KHARKIV),
        ("Kurilovka", KHARKIV, "Kurylivka", "703610", KHARKIV),
        ("Kurylivka", KHARKIV, "Kurylivka", "703610", KHARKIV),
        ("Kurilovka", "Kharkiv region", "Kurylivka", "703610", KHARKIV),
        ("Kupyansk-Uzlovaya", None, "Kupiansk-Vuzlovyi", "703652", KHARKIV),
        ("Kupiansk-Vuzlovyi", None, "Kupiansk-Vuzlovyi", "703652", KHARKIV),
        ("Kupyansk-Uzlovoy", None, "Kupiansk-Vuzlovyi", "703652", KHARKIV),
        ("Pokrovsk", None, "Pokrovsk", "704422", DONETSK),
        ("Bakhmut", None, "Bakhmut", "713174", DONETSK),
        ("Artemovsk", None, "Bakhmut", "713174", DONETSK),
        ("Izium", None, "Izium", "707292", KHARKIV),
        ("Izyum", None, "Izium", "707292", KHARKIV),
        ("Avdiivka", None, "Avdiivka", "713122", DONETSK),
        ("Avdeyevka", None, "Avdiivka", "713122", DONETSK),
        ("Chasiv Yar", None, "Chasiv Yar", "710915", DONETSK),
        ("Chasov Yar", None, "Chasiv Yar", "710915", DONETSK),
        ("Huliaipole", None, "Huliaipole", "707898", "Zaporizhzhia Oblast"),
        ("Gulyaypole", None, "Huliaipole", "707898", "Zaporizhzhia Oblast"),
        ("Kostyantynivka", None, "Kostiantynivka", "705104", DONETSK),
        ("Kostiantynivka", None, "Kostiantynivka", "705104", DONETSK),
        ("Konstantinovka", DONETSK, "Kostiantynivka", "705104", DONETSK),
        ("Myrnograd", None, "Myrnohrad", "710035", DONETSK),
        ("Myrnohrad", None, "Myrnohrad", "710035", DONETSK),
        ("Kherson", None, "Kherson", "706448", "Kherson Oblast"),
        ("Kyiv", None, "Kyiv", "703448", "Kyiv"),
        ("Kiev", None, "Kyiv", "703448", "Kyiv"),
        ("Mariupol", None, "Mariupol", "701822", DONETSK),
        ("Berdyansk", None, "Berdiansk", "712451", "Zaporizhzhia Oblast"),
        ("Sloviansk", None, "Sloviansk", "693468", DONETSK),
        ("Slovyansk", None, "Sloviansk", "693468", DONETSK),
        ("Slavyansk", None, "Sloviansk", "693468", DONETSK),
        ("Cherkasy", None, "Cherkasy", "710791", "Cherkasy Oblast"),
        ("Robotyne", None, "Robotyne", "695586", "Zaporizhzhia Oblast"),
        ("Rabotino", None, "Robotyne", "695586", "Zaporizhzhia Oblast"),
        ("Zaporozhye", None, "Zaporizhzhia", "687700", "Zaporizhzhia Oblast"),
        ("Odessa", None, "Odesa", "698740", "Odesa Oblast"),
    ],
)
def test_settlements(mention: str, oblast: str | None, name: str, gid: str, admin1: str) -> None:
    place = lookup(mention, oblast=oblast)
    assert (place.name, place.gazetteer_id, place.admin1) == (name, gid, admin1)
    assert place.mention == mention
    assert place.precision == "settlement"
    assert place.lat is not None and place.lon is not None
    assert 0 < place.confidence <= 1


@pytest.mark.parametrize(
    ("mention", "name", "gid"),
    [
        ("Kharkiv Oblast", KHARKIV, "706482"),
        ("Kharkiv region", KHARKIV, "706482"),
        ("Kharkiv oblast", KHARKIV, "706482"),
        ("Kharkov region", KHARKIV, "706482"),
        ("Kharkivska oblast", KHARKIV, "706482"),
        ("Kharkivs'ka oblast'", KHARKIV, "706482"),
        ("Харьковская область", KHARKIV, "706482"),
        ("Харківська область", KHARKIV, "706482"),
        ("the Kharkiv region", KHARKIV, "706482"),
        ("Donetsk region", DONETSK, "709716"),
        ("Donetsk Oblast", DONETSK, "709716"),
        ("Sumy oblast", "Sumy Oblast", "692196"),
        ("Kyiv region", "Kyiv Oblast", "703446"),
        ("Kiev region", "Kyiv Oblast", "703446"),
        ("Zaporozhye region", "Zaporizhzhia Oblast", "687699"),
        ("Dnipropetrovsk region", "Dnipropetrovsk Oblast", "709929"),
        ("Luhansk region", "Luhansk Oblast", "702657"),
    ],
)
def test_oblasts(mention: str, name: str, gid: str) -> None:
    place = lookup(mention)
    assert (place.name, place.gazetteer_id, place.admin1) == (name, gid, name)
    assert place.precision == "oblast"
    assert place.lat is not None


def test_raions() -> None:
    place = lookup("Kupiansk district")
    assert (place.name, place.gazetteer_id, place.precision) == (
        "Kupiansk Raion",
        "9194084",
        "raion",
    )
    assert place.admin1 == KHARKIV
    assert lookup("Bakhmut raion").gazetteer_id == "713172"


def test_regions_and_countries() -> None:
    for mention in ("Donbas", "Donbass", "Донбасс", "Донбас", "the Donbas"):
        place = lookup(mention)
        assert (place.name, place.precision) == ("Donbas", "region"), mention
    crimea = lookup("Crimea")
    assert (crimea.name, crimea.precision) == ("Crimea", "region")
    for mention, gid, name in [
        ("Ukraine", "country:UA", "Ukraine"),
        ("Україна", "country:UA", "Ukraine"),
        ("Russia", "country:RU", "Russia"),
        ("Россия", "country:RU", "Russia"),
        ("Russian Federation", "country:RU", "Russia"),
    ]:
        place = lookup(mention)
        assert (place.gazetteer_id, place.name, place.precision) == (gid, name, "country")
        assert place.lat is None and place.lon is None  # never invented


def test_pokrovsk_is_not_pokrovske() -> None:
    assert lookup("Pokrovsk").gazetteer_id == "704422"
    pokrovske = lookup("Pokrovske", oblast=DONETSK)
    assert pokrovske.name == "Pokrovske"
    assert pokrovske.gazetteer_id != "704422"
    assert "pokrovske" not in romanisation_variants("pokrovsk")
    assert "pokrovsk" not in romanisation_variants("pokrovske")


def test_ambiguity_lowers_confidence() -> None:
    unique = lookup("Kupiansk-Vuzlovyi")
    assert unique.confidence == 1.0
    # nine Kurylivkas: without a hint the pick is uncertain, with the oblast it is not
    bare = lookup("Kurylivka")
    hinted = lookup("Kurylivka", oblast=KHARKIV)
    assert bare.confidence < 1
    assert hinted.gazetteer_id == "703610"
    assert bare.confidence < hinted.confidence < 1
    # four Kucherivkas, the one in Kharkiv Oblast has no population: only the hint finds it
    assert lookup("Kucherivka").confidence <= 0.5


def test_near_picks_the_closest_namesake() -> None:
    kupiansk = (49.71, 37.62)
    place = lookup("Kucherivka", near=kupiansk)
    assert place.gazetteer_id == "812655"
    assert place.confidence < 1


def test_unresolved_keeps_mention_only() -> None:
    place = lookup("Nowhereville")
    assert place == Place(mention="Nowhereville")
    assert place.lat is None and place.lon is None and place.gazetteer_id is None


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "x" * 10_000, "Kupiansk\x00", "\x07\x08", "12345", "...", "Kup\x1bansk"],
)
def test_bad_input(bad: str) -> None:
    place = lookup(bad)
    assert place.mention == bad
    assert place.name is None and place.lat is None and place.gazetteer_id is None
    assert not is_known_name(bad)


def test_bad_hints_do_not_crash() -> None:
    assert lookup("Kupiansk", oblast="").name == "Kupiansk"
    assert lookup("Kupiansk", oblast="Atlantis Oblast").name == "Kupiansk"
    assert lookup("Kupiansk", near=(999.0, 999.0)).name == "Kupiansk"


def test_is_known_name() -> None:
    for name in ("Kupiansk", "Kupyansk", "Kurilovka", "Kharkiv region", "Donbas", "Ukraine"):
        assert is_known_name(name), name
    for name in ("Sunday", "President", "Putin", "Gerasimov", "Reuters", "ab"):
        assert not is_known_name(name), name


def test_oblast_of() -> None:
    assert oblast_of("Kupyansk") == KHARKIV
    assert oblast_of("Huliaipole") == "Zaporizhzhia Oblast"
    assert oblast_of("Kharkiv region") == KHARKIV
    assert oblast_of("Nowhereville") is None
    assert oblast_of("Ukraine") is None


def test_normalise() -> None:
    assert normalise("Kup”yans’k-Vuzlovyy") == "kupyansk vuzlovyy"
    assert normalise("  The  Donbas ") == "donbas"
    assert normalise("Ёлкино") == "елкино"
    assert normalise("Chasiv\u00a0Yar") == "chasiv yar"


# --- Russian regions and towns: names only (curated table), never coordinates ---------------


@pytest.mark.parametrize(
    ("mention", "name", "admin1", "precision"),
    [
        ("Kursk Oblast", "Kursk Oblast", "Kursk Oblast", "oblast"),
        ("Kursk region", "Kursk Oblast", "Kursk Oblast", "oblast"),
        ("в Курской области", "Kursk Oblast", "Kursk Oblast", "oblast"),
        ("Курській області", "Kursk Oblast", "Kursk Oblast", "oblast"),
        ("в Белгородской области", "Belgorod Oblast", "Belgorod Oblast", "oblast"),
        ("Бєлгородській області", "Belgorod Oblast", "Belgorod Oblast", "oblast"),
        ("Брянщина", "Bryansk Oblast", "Bryansk Oblast", "oblast"),
        ("на Белгородчине", "Belgorod Oblast", "Belgorod Oblast", "oblast"),
        ("Воронезькій області", "Voronezh Oblast", "Voronezh Oblast", "oblast"),
        ("в Краснодарском крае", "Krasnodar Krai", "Krasnodar Krai", "oblast"),
        ("Krasnodar Krai", "Krasnodar Krai", "Krasnodar Krai", "oblast"),
        ("Votkinsk", "Votkinsk", "Udmurtia", "settlement"),
        ("Sudzha", "Sudzha", "Kursk Oblast", "settlement"),
        ("в Судже", "Sudzha", "Kursk Oblast", "settlement"),
        ("Шебекино", "Shebekino", "Belgorod Oblast", "settlement"),
        ("Belgorod", "Belgorod", "Belgorod Oblast", "settlement"),
        ("в Курске", "Kursk", "Kursk Oblast", "settlement"),
        ("Taganrog", "Taganrog", "Rostov Oblast", "settlement"),
        ("Novorossiysk", "Novorossiysk", "Krasnodar Krai", "settlement"),
        ("Engels", "Engels", "Saratov Oblast", "settlement"),
        ("Voronezh", "Voronezh", "Voronezh Oblast", "settlement"),
        ("Moscow", "Moscow", "Moscow", "settlement"),
    ],
)
def test_russian_places_are_names_without_coordinates(
    mention: str, name: str, admin1: str, precision: str
) -> None:
    place = lookup(mention)
    assert (place.name, place.admin1, place.precision) == (name, admin1, precision)
    assert place.lat is None and place.lon is None
    assert place.gazetteer_id is not None


def test_russian_entries_do_not_take_ukrainian_namesakes() -> None:
    # the Ukrainian names stay Ukrainian: Kurske (Crimea), Voronizh (Sumy), Kharkiv region
    assert lookup("Kurske").admin1 == "Autonomous Republic of Crimea"
    assert lookup("Voronizh").admin1 == "Sumy Oblast"
    assert lookup("Kharkov region").name == "Kharkiv Oblast"
    assert lookup("Kyiv region").name == "Kyiv Oblast"
    # a Ukrainian village officially so named keeps the bare name (Rostov, Sumy Oblast)
    assert lookup("Rostov").admin1 == "Sumy Oblast"
    # a context in Ukraine gives the Ukrainian namesake (Klyntsi, Kirovohrad Oblast)
    place = lookup("Klintsy", context="Кропивницький район, Кіровоградська область")
    assert place.admin1 == "Kirovohrad Oblast"
    assert lookup("Klintsy").admin1 == "Bryansk Oblast"


def test_moscow_resolves_but_is_not_a_known_name_for_span_finders() -> None:
    assert lookup("Moscow").name == "Moscow"
    assert lookup("в Москве").name == "Moscow"
    assert not is_known_name("Moscow")
    assert is_known_name("Kursk") and is_known_name("Kyiv")


def test_geonames_only_names_in_the_national_spelling() -> None:
    # GeoNames-only rows spelt "Zeleny"/"Zelenyy" (BGN) are named "Zelenyi"; the old names
    # still find them
    for mention in ("Zelenyi", "Zeleny", "Zelenyy"):
        place = lookup(mention, oblast="Zaporizhzhia Oblast")
        assert place.name == "Zelenyi", mention


# --- rivers are not settlements ---------------------------------------------------------------


@pytest.mark.parametrize(
    "mention",
    [
        "Oskol",  # a former name of Boini (Kharkiv Oblast)
        "Оскол",
        "the Oskil River",
        "річка Оскіл",
        "the Dnipro river",
        "Вовча",  # not an inflected form of Vovchyi
        "Zherebets",  # a former name of Tavriiske (Zaporizhzhia Oblast)
        "Жеребец",
        "Siverskyi Donets",
        "Северский Донец",
        "Lopan",  # not a misspelling of Lyman
    ],
)
def test_river_names_do_not_resolve_to_villages(mention: str) -> None:
    assert lookup(mention).name is None
    assert not is_known_name(mention)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Oskil", "Oskil"),  # a village of that very name (Izium Raion)
        ("Dnipro", "Dnipro"),
        ("Днепр", "Dnipro"),  # a city named after a river keeps its Russian name
        ("в Днепре", "Dnipro"),
        ("Ирпень", "Irpin"),
        ("Vovchansk", "Vovchansk"),
        ("Bakhmut", "Bakhmut"),
    ],
)
def test_places_named_like_rivers_still_resolve(mention: str, name: str) -> None:
    assert lookup(mention).name == name
