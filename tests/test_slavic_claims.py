"""Russian and Ukrainian claims: kinds and units, sides, claimants, certainty, places, dates.

Every sentence here is written for the test; none comes from a report.
"""

from __future__ import annotations

import pytest

from warclaims.extract.slavic import extract_claims_slavic
from warclaims.model import Claim

PUBLISHED = "2025-11-21"  # a Friday


def claims(text: str, language: str, published: str | None = PUBLISHED) -> list[Claim]:
    return extract_claims_slavic(text, language, body_start=0, published=published)


def one(text: str, language: str, kind: str | None = None) -> Claim:
    found = [c for c in claims(text, language) if kind is None or c.kind == kind]
    assert len(found) == 1, [(c.kind, c.category) for c in found]
    return found[0]


def names(claim: Claim) -> list[str | None]:
    return [p.name for p in claim.places]


# ---------------------------------------------------------------- units and categories


@pytest.mark.parametrize(
    ("text", "language", "kind", "category", "unit"),
    [
        ("ВСУ потеряли 12 танков.", "ru", "equipment_loss", "tanks", "equipment"),
        (
            "Уничтожены 7 боевых бронированных машин ВСУ.",
            "ru",
            "equipment_loss",
            "afv",
            "equipment",
        ),
        (
            "Поражены 9 орудий полевой артиллерии ВСУ.",
            "ru",
            "equipment_loss",
            "artillery",
            "equipment",
        ),
        ("Уничтожены 3 РСЗО ВСУ.", "ru", "equipment_loss", "mlrs", "equipment"),
        (
            "Сбиты 45 беспилотных летательных аппаратов ВСУ.",
            "ru",
            "equipment_loss",
            "uav",
            "equipment",
        ),
        ("ЗСУ знищили 4 засоби ППО ворога.", "uk", "equipment_loss", "air_defense", "equipment"),
        ("ЗСУ збили 2 російські літаки.", "uk", "equipment_loss", "aircraft", "equipment"),
        ("ЗСУ збили 3 гелікоптери окупантів.", "uk", "equipment_loss", "helicopters", "equipment"),
        ("ЗСУ знищили 6 крилатих ракет ворога.", "uk", "equipment_loss", "missiles", "equipment"),
        ("ЗСУ уразили 2 кораблі окупантів.", "uk", "equipment_loss", "ships", "equipment"),
        (
            "ЗСУ знищили 15 одиниць автомобільної техніки ворога.",
            "uk",
            "equipment_loss",
            "vehicles",
            "equipment",
        ),
        (
            "ЗСУ знищили 2 одиниці спеціальної техніки ворога.",
            "uk",
            "equipment_loss",
            "special_equipment",
            "equipment",
        ),
        ("ВСУ потеряли до 230 военнослужащих.", "ru", "casualties", "casualties", "personnel"),
        ("Ликвидированы 40 наемников.", "ru", "casualties", "killed", "personnel"),
        ("Двое боевиков получили ранения.", "ru", "casualties", "wounded", "personnel"),
        ("У полон потрапили 12 окупантів.", "uk", "casualties", "captured", "personnel"),
        ("Ворог втратив 3 батальйони.", "uk", "casualties", "casualties", "battalions"),
        (
            "Противник сосредоточил две бригады у Покровска.",
            "ru",
            "troop_strength",
            None,
            "brigades",
        ),
        (
            "Окупанти зосередили три полки біля Покровська.",
            "uk",
            "troop_strength",
            None,
            "regiments",
        ),
    ],
)
def test_units_and_categories(text, language, kind, category, unit):
    claim = one(text, language, kind)
    assert claim.category == category
    assert claim.quantity is not None and claim.quantity.unit == unit


def test_counts_of_attacks_and_strikes_have_no_unit():
    fight = one("Противник 14 раз атаковал позиции у Часова Яра.", "ru", "fighting")
    assert fight.quantity is not None and (fight.quantity.value, fight.quantity.unit) == (14, None)
    assert fight.side is None
    strike = one("Окупанти завдали 5 ударів по Херсону.", "uk", "strike")
    assert strike.quantity is not None and strike.quantity.value == 5 and strike.side == "RU"


def test_people_who_are_not_soldiers_make_no_claim_by_themselves():
    assert claims("На площу вийшли понад дві тисячі людей.", "uk") == []
    assert claims("Указ про нагородження п'ятнадцяти нашим захисникам.", "uk") == []


def test_troops_without_a_casualty_word_are_strength():
    claim = one("Около 300 российских военных вошли в поселок.", "ru", "troop_strength")
    assert claim.side == "RU" and claim.quantity is not None and claim.quantity.hedge == "approx"


# ---------------------------------------------------------------- the two standard formats


def test_mod_summary_list_items_share_the_loss():
    text = (
        "Потери ВСУ составили до 230 военнослужащих, танк, три боевые бронированные машины "
        "и 8 орудий полевой артиллерии."
    )
    found = claims(text, "ru")
    got = [(c.kind, c.category, c.quantity.value if c.quantity else None) for c in found]
    assert got == [
        ("casualties", "casualties", 230),
        ("equipment_loss", "tanks", 1),
        ("equipment_loss", "afv", 3),
        ("equipment_loss", "artillery", 8),
    ]
    assert {c.side for c in found} == {"UA"}


def test_verbless_list_goes_on_with_the_losses_before_it():
    text = "Втрати загарбників величезні. Понад 360 танків. Майже 60 літаків."
    found = claims(text, "uk")
    assert [(c.category, c.quantity.hedge) for c in found if c.quantity] == [
        ("tanks", "at_least"),
        ("aircraft", "approx"),
    ]
    assert {c.side for c in found} == {"RU"}


# ---------------------------------------------------------------- sides


def test_enemy_is_the_side_opposite_the_claimant():
    ru = one("Минобороны России сообщило, что противник потерял 40 танков.", "ru")
    assert ru.side == "UA" and ru.claimant.side == "RU"
    uk = one("Генштаб ЗСУ повідомив, що ворог втратив 40 танків.", "uk")
    assert uk.side == "RU" and uk.claimant.side == "UA"


def test_labels_map_to_sides():
    assert one("Уничтожены 12 ВСУшников.", "ru").side == "UA"
    assert one("Рашисти втратили 12 танків.", "uk").side == "RU"
    assert one("Окупанти втратили 12 танків.", "uk").side == "RU"
    assert one("Подразделения ВС РФ потеряли 3 танка.", "ru").side == "RU"


def test_destroyed_by_a_side_belongs_to_the_other():
    claim = one("Наші захисники знищили 5 танків.", "uk")
    assert claim.side == "RU"


# ---------------------------------------------------------------- claimants and certainty


@pytest.mark.parametrize(
    ("text", "language", "name", "ctype"),
    [
        (
            "По данным Минобороны России, уничтожены 5 танков ВСУ.",
            "ru",
            "Russian Ministry of Defence",
            "official",
        ),
        (
            "Уничтожены 5 танков ВСУ, как сообщил Игорь Конашенков.",
            "ru",
            "Igor Konashenkov",
            "official",
        ),
        ("Уничтожены 5 танков ВСУ, заявил Конашенков.", "ru", "Igor Konashenkov", "official"),
        (
            "За даними Генштабу ЗСУ, ворог втратив 5 танків.",
            "uk",
            "General Staff of the Armed Forces of Ukraine",
            "official",
        ),
        (
            "Як повідомив Олег Синєгубов, окупанти втратили 5 танків.",
            "uk",
            "Oleh Synehubov",
            "official",
        ),
        ("Окупанти втратили 5 танків, сказав Синєгубов.", "uk", "Oleh Synehubov", "official"),
        ("По словам источника, уничтожены 5 танков ВСУ.", "ru", None, "anonymous"),
    ],
)
def test_claimants(text, language, name, ctype):
    claim = one(text, language)
    assert (claim.claimant.name, claim.claimant.type) == (name, ctype)


def test_claimant_carries_within_a_paragraph_and_through_pronouns():
    text = (
        "Генштаб ЗСУ повідомив про бої під Покровськом.\n"
        "За його словами, ворог втратив 5 танків. Також знищено 3 гармати."
    )
    found = claims(text, "uk")
    assert [c.claimant.name for c in found] == ["General Staff of the Armed Forces of Ukraine"] * 2


@pytest.mark.parametrize(
    ("text", "language", "certainty"),
    [
        ("Российские войска якобы заняли Купянск.", "ru", "reported"),
        ("По непроверенным данным, ВСУ потеряли 40 танков.", "ru", "reported"),
        ("Окупанти нібито захопили Куп'янськ.", "uk", "reported"),
        ("Генштаб ВСУ опроверг захват Купянска российскими войсками.", "ru", "denied"),
        ("Генштаб спростував, що окупанти захопили Куп'янськ.", "uk", "denied"),
        ("Речник заперечив, що окупанти захопили Куп'янськ.", "uk", "denied"),
        ("Российским войскам не удалось войти в Купянск.", "ru", "denied"),
        ("Российские войска заняли Купянск.", "ru", "asserted"),
    ],
)
def test_certainty(text, language, certainty):
    claim = (
        one(text, language, "territorial_control") if "танк" not in text else one(text, language)
    )
    assert claim.certainty == certainty


# ---------------------------------------------------------------- control, capture, strikes


def test_control_categories_follow_the_side():
    ru = one("Подразделения группировки войск «Запад» освободили Кругляковку.", "ru")
    assert (ru.kind, ru.category, ru.side, names(ru)) == (
        "territorial_control",
        "captured",
        "RU",
        ["Kruhliakivka"],
    )
    uk = one("ЗСУ звільнили Кругляківку.", "uk")
    assert (uk.category, uk.side) == ("liberated", "UA")
    held = one("Купянск находится под контролем украинских военных.", "ru")
    assert (held.category, held.side) == ("controlled", "UA")
    edge = one("Российские военные зашли на окраины Купянска.", "ru")
    assert (edge.category, edge.side) == ("contested", "RU")


def test_future_and_attempted_actions_are_not_claims():
    assert claims("Херсон буде звільнено.", "uk") == []
    assert claims("ВСУ пытались взять Кругляковку.", "ru") == []


def test_capture_of_people():
    taken = one("Окупанти захопили в полон мера Мелітополя.", "uk")
    assert (taken.kind, taken.category, taken.side) == ("casualties", "captured", "UA")
    surrendered = one("Российские военные сдаются в плен.", "ru")
    assert surrendered.side == "RU"


def test_strikes():
    claim = one("Сьогодні окупанти знову били ракетами по Одесі.", "uk", "strike")
    assert (claim.side, names(claim)) == ("RU", ["Odesa"])
    assert claim.date is not None and claim.date.start == PUBLISHED
    used = one("В Днепропетровске зафиксировано применение Россией новой ракеты.", "ru", "strike")
    assert used.side == "RU"


def test_destroyed_single_items_and_shares_without_figures():
    found = claims("ВСУ подбили российский танк и уничтожили часть десанта.", "ru")
    assert [(c.kind, c.category, c.side) for c in found] == [
        ("equipment_loss", "tanks", "RU"),
        ("casualties", "casualties", "RU"),
    ]
    assert claims("ЗСУ знищили техніку та солдатів ворога.", "uk") == []


# ---------------------------------------------------------------- places and dates


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Бои идут в Купянске, противник потерял 5 танков.", "ru", "Kupiansk"),
        ("Під Покровськом ворог втратив 5 танків.", "uk", "Pokrovsk"),
        ("У Вовчанську ворог втратив 5 танків.", "uk", "Vovchansk"),
        ("На Купянском направлении противник потерял 5 танков.", "ru", "Kupiansk"),
        ("В Харьковской области противник потерял 5 танков.", "ru", "Kharkiv Oblast"),
        ("На Харківщині ворог втратив 5 танків.", "uk", "Kharkiv Oblast"),
    ],
)
def test_inflected_places(text, language, place):
    assert names(one(text, language, "equipment_loss")) == [place]


def test_a_place_stays_in_focus_for_the_next_sentences():
    found = claims("Бои идут под Купянском. Противник потерял 5 танков.", "ru")
    assert names(found[-1]) == ["Kupiansk"]
    whole_front = claims(
        "Бои идут под Купянском. "
        "Потери ВСУ составили до 1000 военнослужащих на разных направлениях.",
        "ru",
    )
    assert names(whole_front[-1]) == []


def test_person_names_are_not_places():
    found = claims("Лейтенант Сапило Віталій Романович знищив 3 танки.", "uk")
    assert names(found[0]) == []


@pytest.mark.parametrize(
    ("mention", "language", "start"),
    [
        ("Вчера", "ru", "2025-11-20"),
        ("Вчора", "uk", "2025-11-20"),
        ("Накануне вечером", "ru", "2025-11-20"),
        ("Напередодні", "uk", "2025-11-20"),
        ("В среду", "ru", "2025-11-19"),
        ("У ніч на суботу", "uk", "2025-11-15"),
        ("20 ноября", "ru", "2025-11-20"),
        ("20 листопада", "uk", "2025-11-20"),
    ],
)
def test_dates_resolve_against_the_report(mention, language, start):
    verb = "противник потерял 5 танков" if language == "ru" else "ворог втратив 5 танків"
    claim = one(f"{mention} {verb}.", language)
    assert claim.date is not None and claim.date.start == start


def test_relative_dates_stay_open_without_a_publication_date():
    found = claims("Вчора ворог втратив 5 танків.", "uk", published=None)
    assert found[0].date is not None and found[0].date.start is None


def test_headline_carries_no_claims():
    text = "Ворог втратив 40 танків\nЗа добу ворог втратив 40 танків."
    found = extract_claims_slavic(text, "uk", body_start=text.index("\n") + 1, published=None)
    assert len(found) == 1 and found[0].evidence.start > text.index("\n")


def test_evidence_is_the_sentence_and_anchor_the_figure():
    text = "Бои идут. Противник потерял до 40 танков у Купянска. Атаки отбиты."
    claim = one(text, "ru")
    assert (
        text[claim.evidence.start : claim.evidence.end]
        == "Противник потерял до 40 танков у Купянска."
    )
    assert (
        claim.anchor is not None and text[claim.anchor.start : claim.anchor.end] == "до 40 танков"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("На курском направлении уничтожено до 40 военнослужащих ВСУ.", "ru", "Kursk Oblast"),
        ("На курському напрямку знищено до 40 окупантів.", "uk", "Kursk Oblast"),
        ("На Купянском направлении уничтожено до 40 военнослужащих ВСУ.", "ru", "Kupiansk"),
    ],
)
def test_a_direction_named_after_a_russian_town_is_its_region(
    text: str, language: str, expected: str
) -> None:
    assert names(one(text, language)) == [expected]
