"""Claim records from short reports (CLAIMS.md): kind, category, side, claimant, certainty,
evidence, headline, dates and places, through `analyse(Report)`."""

from __future__ import annotations

import pytest

from warclaims.ingest.text import Report
from warclaims.model import Claim, Document
from warclaims.pipeline import analyse, get_nlp


@pytest.fixture(scope="module")
def run():
    """text (and publication date) → Document; the spaCy pipeline loads once for the module."""
    get_nlp("en")
    cache: dict[tuple[str, str | None], Document] = {}

    def _run(text: str, published: str | None = None) -> Document:
        key = (text, published)
        if key not in cache:
            cache[key] = analyse(Report(text=text, published=published))
        return cache[key]

    return _run


def _summary(doc: Document) -> list[tuple]:
    return [
        (
            c.kind,
            c.category,
            c.side,
            c.quantity.value if c.quantity else None,
            c.claimant.name,
            c.claimant.type,
            c.certainty,
        )
        for c in doc.claims
    ]


def _claim(doc: Document, kind: str, value: float | None = None) -> Claim:
    """The one claim of `kind` (with quantity `value`, when given)."""
    found = [
        c
        for c in doc.claims
        if c.kind == kind
        and (value is None or (c.quantity is not None and c.quantity.value == value))
    ]
    assert len(found) == 1, (
        f"expected one {kind} claim (value {value}) in {doc.text!r}; got {_summary(doc)}"
    )
    return found[0]


SOURCE_WITHIN = (
    "A source within the Russian defence ministry said up to 3,000 Russian soldiers were killed."
)

# ---- kinds and categories ---------------------------------------------------------------

# (sentence, kind, category, value, unit)
NUMERIC_KINDS = [
    (
        "Ukrainian forces killed 120 Russian soldiers near Bakhmut.",
        "casualties",
        "killed",
        120,
        "personnel",
    ),
    ("Russian shelling wounded 45 Ukrainian soldiers.", "casualties", "wounded", 45, "personnel"),
    ("Ukrainian troops captured 30 Russian soldiers.", "casualties", "captured", 30, "personnel"),
    ("30 Russian soldiers were taken prisoner.", "casualties", "captured", 30, "personnel"),
    ("Russia has lost 500 soldiers.", "casualties", "casualties", 500, "personnel"),
    ("Ukrainian forces destroyed 9 Russian tanks.", "equipment_loss", "tanks", 9, "equipment"),
    (
        "Ukrainian forces destroyed 17 Russian armoured vehicles.",
        "equipment_loss",
        "afv",
        17,
        "equipment",
    ),
    (
        "Ukrainian forces destroyed 6 Russian artillery systems.",
        "equipment_loss",
        "artillery",
        6,
        "equipment",
    ),
    (
        "Russian air defences shot down 25 Ukrainian drones.",
        "equipment_loss",
        "uav",
        25,
        "equipment",
    ),
    (
        "Ukrainian air defences intercepted 12 Russian missiles.",
        "equipment_loss",
        "missiles",
        12,
        "equipment",
    ),
    (
        "Russian forces destroyed 891 units of weaponry and military equipment.",
        "equipment_loss",
        "unspecified",
        891,
        "equipment",
    ),
    (
        "Russia has deployed 50,000 troops near the border.",
        "troop_strength",
        None,
        50000,
        "personnel",
    ),
    (
        "Russian forces surrounded two Ukrainian regiments near Pokrovsk.",
        "encirclement",
        None,
        2,
        "regiments",
    ),
    (
        "Ukrainian forces have trapped three Russian battalions.",
        "encirclement",
        None,
        3,
        "battalions",
    ),
    ("Russia launched 80 drones at Ukraine overnight.", "strike", None, 80, "equipment"),
    ("Russia fired 10 missiles at Kyiv.", "strike", None, 10, "equipment"),
]


@pytest.mark.parametrize(("text", "kind", "category", "value", "unit"), NUMERIC_KINDS)
def test_numeric_claim_kind_category_and_unit(run, text, kind, category, value, unit):
    claim = _claim(run(text), kind, value)
    assert claim.category == category
    assert claim.quantity is not None
    assert claim.quantity.unit == unit
    assert claim.quantity.hedge == "exact"


def test_two_numbers_make_two_strike_claims(run):
    doc = run("Russia launched 120 drones and 8 missiles overnight.")
    strikes = [c for c in doc.claims if c.kind == "strike"]
    assert sorted(c.quantity.value for c in strikes if c.quantity) == [8, 120]
    assert {c.side for c in strikes} == {"RU"}


# (sentence, category, side, canonical place)
TERRITORY = [
    ("Russian troops have captured Kupyansk.", "captured", "RU", "Kupiansk"),
    ("Russian troops seized the village of Kurylivka.", "captured", "RU", "Kurylivka"),
    ("Russian forces liberated Kurylivka.", "captured", "RU", "Kurylivka"),
    ("Ukrainian forces liberated Izium.", "liberated", "UA", "Izium"),
    ("Ukrainian forces have retaken Kupyansk.", "liberated", "UA", "Kupiansk"),
    ("Russian forces now control Kupyansk.", "controlled", "RU", "Kupiansk"),
    ("Vovchansk remains under Ukrainian control.", "controlled", "UA", "Vovchansk"),
]


@pytest.mark.parametrize(("text", "category", "side", "place"), TERRITORY)
def test_territorial_control_without_a_number(run, text, category, side, place):
    claim = _claim(run(text), "territorial_control")
    assert claim.category == category
    assert claim.side == side
    assert claim.quantity is None
    assert [p.name for p in claim.places] == [place]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "hedge"),
    [
        ("Russia controls 80% of Vovchansk.", 80, 80, 80, "exact"),
        ("Russian forces control over 80% of Vovchansk.", 80, 80, None, "at_least"),
    ],
)
def test_territorial_share_in_percent(run, text, value, low, high, hedge):
    claim = _claim(run(text), "territorial_control", value)
    assert claim.category == "controlled"
    assert claim.side == "RU"
    assert claim.quantity is not None
    assert (claim.quantity.low, claim.quantity.high, claim.quantity.hedge) == (low, high, hedge)
    assert claim.quantity.unit == "percent"
    assert [p.name for p in claim.places] == ["Vovchansk"]


def test_fighting_lists_every_place_and_has_no_side(run):
    claim = _claim(run("Fighting persists in Kupyansk, Pokrovsk and Bakhmut."), "fighting")
    assert claim.side is None
    assert claim.quantity is None
    assert {p.name for p in claim.places} == {"Kupiansk", "Pokrovsk", "Bakhmut"}


# ---- sides ------------------------------------------------------------------------------

# (sentence, kind, value, side)
SIDES = [
    ("Ukrainian forces killed 120 Russian soldiers near Bakhmut.", "casualties", 120, "RU"),
    ("Russian shelling wounded 45 Ukrainian soldiers.", "casualties", 45, "UA"),
    ("Russian forces surrounded two Ukrainian regiments near Pokrovsk.", "encirclement", 2, "UA"),
    ("Ukrainian forces have trapped three Russian battalions.", "encirclement", 3, "RU"),
    (
        "The Ukrainian General Staff said 1,200 enemy soldiers were killed.",
        "casualties",
        1200,
        "RU",
    ),
    ("Ukraine's General Staff reported that the enemy lost 15 tanks.", "equipment_loss", 15, "RU"),
    (
        "Ukrainian forces shot down 20 enemy drones, "
        "the General Staff of the Armed Forces of Ukraine said.",
        "equipment_loss",
        20,
        "RU",
    ),
    ("Ukraine downed 20 drones.", "equipment_loss", 20, "RU"),
    ("Russia has lost 500 soldiers.", "casualties", 500, "RU"),
    (
        "Russia's defence ministry said Russian forces shot down 30 Ukrainian drones.",
        "equipment_loss",
        30,
        "UA",
    ),
    ("Russia launched 80 drones at Ukraine overnight.", "strike", 80, "RU"),
    ("Ukraine launched 40 drones at Russian airfields.", "strike", 40, "UA"),
]


@pytest.mark.parametrize(("text", "kind", "value", "side"), SIDES)
def test_side_of_claim(run, text, kind, value, side):
    assert _claim(run(text), kind, value).side == side


# ---- claimants --------------------------------------------------------------------------

# (sentence, kind, value, claimant name, type, side, via)
CLAIMANTS = [
    (
        "According to the Russian defence ministry, 200 Ukrainian soldiers were killed.",
        "casualties",
        200,
        "Russian Ministry of Defence",
        "official",
        "RU",
        [],
    ),
    (
        "Gerasimov said 400 Ukrainian soldiers were killed.",
        "casualties",
        400,
        "Valery Gerasimov",
        "official",
        "RU",
        [],
    ),
    (
        "Russian forces have killed 40 Ukrainian soldiers, Gerasimov said.",
        "casualties",
        40,
        "Valery Gerasimov",
        "official",
        "RU",
        [],
    ),
    (
        "Gerasimov told Putin that 200 Ukrainian soldiers were killed.",
        "casualties",
        200,
        "Valery Gerasimov",
        "official",
        "RU",
        ["Vladimir Putin"],
    ),
    (
        "The General Staff of the Armed Forces of Ukraine said the enemy lost 300 soldiers.",
        "casualties",
        300,
        "General Staff of the Armed Forces of Ukraine",
        "official",
        "UA",
        [],
    ),
    (
        "TASS reported that 15 Ukrainian drones were shot down.",
        "equipment_loss",
        15,
        "TASS",
        "media",
        "RU",
        [],
    ),
    (
        SOURCE_WITHIN,
        "casualties",
        3000,
        None,
        "anonymous",
        "RU",
        [],
    ),
    (
        "Up to 3,000 Russian soldiers were killed near Kupyansk, "
        "a source within the Russian defence ministry said.",
        "casualties",
        3000,
        None,
        "anonymous",
        "RU",
        [],
    ),
    (
        "A source told TASS that 200 Ukrainian soldiers were killed.",
        "casualties",
        200,
        None,
        "anonymous",
        None,
        ["TASS"],
    ),
    (
        "Russian forces surrounded 15 Ukrainian regiments, as previously reported by Putin.",
        "encirclement",
        15,
        "Vladimir Putin",
        "official",
        "RU",
        [],
    ),
    (
        "As previously reported by Putin, Russian forces destroyed 70 Ukrainian tanks.",
        "equipment_loss",
        70,
        "Vladimir Putin",
        "official",
        "RU",
        [],
    ),
    (
        "Ukrainian forces destroyed 12 Russian tanks.",
        "equipment_loss",
        12,
        None,
        "author",
        None,
        [],
    ),
]


@pytest.mark.parametrize(("text", "kind", "value", "name", "ctype", "cside", "via"), CLAIMANTS)
def test_claimant(run, text, kind, value, name, ctype, cside, via):
    claimant = _claim(run(text), kind, value).claimant
    assert (claimant.name, claimant.type, claimant.side) == (name, ctype, cside)
    assert claimant.via == via


def test_author_claimant_has_no_mention(run):
    claimant = _claim(
        run("Ukrainian forces destroyed 12 Russian tanks."), "equipment_loss", 12
    ).claimant
    assert claimant.mention is None


# ---- certainty --------------------------------------------------------------------------

# (sentence, kind, value, certainty)
CERTAINTY = [
    ("Ukrainian forces destroyed 12 Russian tanks.", "equipment_loss", 12, "asserted"),
    ("Gerasimov said 400 Ukrainian soldiers were killed.", "casualties", 400, "asserted"),
    ("Ukrainian forces reportedly destroyed 12 Russian tanks.", "equipment_loss", 12, "reported"),
    ("Russian forces allegedly killed 40 civilians.", "casualties", 40, "reported"),
    ("A source told TASS that 200 Ukrainian soldiers were killed.", "casualties", 200, "reported"),
    (
        SOURCE_WITHIN,
        "casualties",
        3000,
        "reported",
    ),
    (
        "The Russian defence ministry denied that 100 Russian soldiers were killed.",
        "casualties",
        100,
        "denied",
    ),
    ("Kyiv refuted claims that 50 Ukrainian tanks were destroyed.", "equipment_loss", 50, "denied"),
    (
        "The claim that 50 Ukrainian tanks were destroyed was dismissed as false.",
        "equipment_loss",
        50,
        "denied",
    ),
]


@pytest.mark.parametrize(("text", "kind", "value", "certainty"), CERTAINTY)
def test_certainty(run, text, kind, value, certainty):
    assert _claim(run(text), kind, value).certainty == certainty


# ---- evidence, headline, dates, places ---------------------------------------------------

EVIDENCE = [
    (
        "🔥 Kyiv’s air force — in a short update — spoke of a hard night. "
        "Ukrainian forces destroyed 14 Russian tanks near Izium.",
        "14",
        "Ukrainian forces destroyed",
    ),
    (
        "Пресс-релиз — «update» follows.\nLater, Russia fired 10 missiles at Kyiv.",
        "10",
        "Later, Russia fired",
    ),
]


@pytest.mark.parametrize(("text", "number", "sentence_start"), EVIDENCE)
def test_evidence_is_code_point_span_of_the_claim_sentence(run, text, number, sentence_start):
    doc = run(text)
    assert doc.text == text
    assert doc.claims, _summary(doc)
    for claim in doc.claims:
        evidence = doc.text[claim.evidence.start : claim.evidence.end]
        assert number in evidence
        assert evidence.startswith(sentence_start)
        assert claim.evidence.start == text.index(sentence_start)
        assert claim.anchor is not None
        assert claim.evidence.start <= claim.anchor.start < claim.anchor.end <= claim.evidence.end
        assert number in doc.text[claim.anchor.start : claim.anchor.end]


def test_headline_line_yields_no_claim(run):
    headline = "Russia loses 500 soldiers near Kupyansk"
    body = "Ukrainian officials said Russian forces lost 500 soldiers near Kupyansk last week."
    text = f"{headline}\n{body}"
    doc = run(text)
    assert doc.title == headline
    casualties = [c for c in doc.claims if c.kind == "casualties"]
    assert len(casualties) == 1, _summary(doc)
    for claim in doc.claims:
        assert claim.evidence.start > len(headline)


def test_relative_date_resolves_against_publication_date(run):
    claim = _claim(
        run("On November 20, Russian forces captured Kupyansk.", "2025-11-21"),
        "territorial_control",
    )
    assert claim.date is not None
    assert (claim.date.start, claim.date.end, claim.date.precision) == (
        "2025-11-20",
        "2025-11-20",
        "day",
    )
    assert claim.date.mention == "On November 20"


def test_date_stays_unresolved_without_publication_date(run):
    claim = _claim(run("On November 20, Russian forces captured Kupyansk."), "territorial_control")
    assert claim.date is not None
    assert claim.date.mention == "On November 20"
    assert claim.date.start is None
    assert claim.date.end is None


def test_known_place_is_resolved_with_coordinates(run):
    claim = _claim(run("Russian troops have captured Kupyansk."), "territorial_control")
    (place,) = claim.places
    assert place.mention == "Kupyansk"
    assert place.name == "Kupiansk"
    assert place.admin1 == "Kharkiv Oblast"
    assert place.gazetteer_id is not None
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "kind", "unknown"),
    [
        ("Russian forces captured the village of Zarvostok.", "territorial_control", "Zarvostok"),
        ("Fighting continues near Blorvenka.", "fighting", "Blorvenka"),
    ],
)
def test_unknown_place_never_gets_coordinates(run, text, kind, unknown):
    claim = _claim(run(text), kind)
    for place in claim.places:
        assert place.lat is None and place.lon is None, place
        assert place.gazetteer_id is None, place
        assert place.mention == unknown


@pytest.mark.parametrize(
    ("sentence", "side", "category"),
    [
        # a Ukrainian town that "fell" went to Russia, whoever says so or denies it
        ("Ukraine's General Staff has denied that Kupiansk has fallen.", "RU", "captured"),
        ("Russian officials said Pokrovsk had fallen.", "RU", "captured"),
        # a Russian town that fell went to Ukraine
        (
            "Ukrainian commanders said Sudzha had fallen after two days of fighting.",
            "UA",
            "captured",
        ),
        # the taker named
        ("The village of Robotyne fell to Ukrainian forces in August.", "UA", "liberated"),
    ],
)
def test_a_fallen_place_goes_to_the_side_that_did_not_hold_it(
    run, sentence: str, side: str, category: str
) -> None:
    doc = run(f"Front update\n\n{sentence}\n", "2025-11-21")
    (claim,) = [c for c in doc.claims if c.kind == "territorial_control"]
    assert (claim.side, claim.category) == (side, category)


def test_no_sentence_starts_inside_brackets(run) -> None:
    """An abbreviation in brackets ("[MMD].") does not cut the claimant off its claim."""
    doc = run(
        "Front update\n\nA Russian milblogger refuted claims that elements of the Russian 2nd "
        "Motorized Rifle Division (1st Guards Tank Army [GTA], Moscow Military District [MMD]) "
        "seized Bohuslavka.\n",
        "2026-02-26",
    )
    (claim,) = [c for c in doc.claims if c.kind == "territorial_control"]
    assert doc.text[claim.evidence.start :].startswith("A Russian milblogger")
    assert (claim.side, claim.certainty, claim.claimant.side) == ("RU", "denied", "RU")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russian forces struck the Kharkiv and Sumy regions overnight.",
            ["Kharkiv Oblast", "Sumy Oblast"],
        ),
        (
            "Air defence downed 36 drones over the Belgorod and Kursk regions, Moscow said.",
            ["Belgorod Oblast", "Kursk Oblast"],
        ),
        ("Russian forces struck Kharkiv and Sumy overnight.", ["Kharkiv", "Sumy"]),
    ],
)
def test_names_closed_by_a_plural_region_noun_are_oblasts(
    run, sentence: str, expected: list[str]
) -> None:
    doc = run(f"Update\n\n{sentence}\n", "2025-11-21")
    assert [p.name for p in doc.claims[0].places] == expected


def test_an_officials_region_gives_way_to_the_place_named(run) -> None:
    doc = run(
        "Update\n\nBelgorod governor Vyacheslav Gladkov said a drone attack on the town of "
        "Shebekino killed two civilians.\n\nKharkiv governor Oleh Syniehubov said two people "
        "were killed in a missile strike.\n",
        "2025-11-21",
    )

    def casualties_near(word: str) -> Claim:
        return next(
            c for c in doc.claims if c.kind == "casualties" and word in c.evidence.slice(doc.text)
        )

    assert [p.name for p in casualties_near("Shebekino").places] == ["Shebekino"]
    # no other place named: the official's region is all there is
    assert [p.mention for p in casualties_near("missile").places] == ["Kharkiv"]
