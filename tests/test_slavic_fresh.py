"""Russian and Ukrainian reports the extractor was not written for: the fresh set
(tests/data/slavic_fresh, original texts in the styles that publish these claims first, gold in
the GOLD.md format) scored with the project's own scorer, and one targeted case per rule it
needed (noun forms of control, encirclement, percentages of ground, denials, back-references)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warclaims.checks import run_checks
from warclaims.eval import EvalReport
from warclaims.eval.gold import load_gold
from warclaims.eval.runner import evaluate_one
from warclaims.extract.slavic import extract_claims_slavic
from warclaims.model import Claim, Document
from warclaims.pipeline import analyse

FRESH_DIR = Path(__file__).resolve().parent / "data" / "slavic_fresh"
# floors a little under what the set reaches (60 reports: claim F1 0.99 both languages, strict
# ru 0.92, uk 0.98; the last batch of 8 was added untuned, as held-out text)
MIN_CLAIM_F1 = 0.95
MIN_STRICT_F1 = 0.9
PUBLISHED = "2025-11-21"


@pytest.fixture(scope="module")
def report() -> EvalReport:
    gold_dir, reports_dir = FRESH_DIR / "gold", FRESH_DIR / "reports"
    documents = [evaluate_one(gold, reports_dir, analyse) for gold in load_gold(gold_dir)]
    return EvalReport(gold_dir=gold_dir, reports_dir=reports_dir, documents=documents)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_fresh_scores(report, language):
    scores = report.by_language[language]
    assert scores.claims.gold >= 40
    assert scores.claims.f1 >= MIN_CLAIM_F1
    assert scores.strict.f1 >= MIN_STRICT_F1


def test_fresh_set_has_every_kind(report):
    kinds = {c.kind for doc in load_gold(FRESH_DIR / "gold") for c in doc.claims}
    assert {"territorial_control", "encirclement", "fighting", "strike"} <= kinds


# ---------------------------------------------------------------- targeted cases


def claims(text: str, language: str) -> list[Claim]:
    return extract_claims_slavic(text, language, published=PUBLISHED)


def one(text: str, language: str, kind: str) -> Claim:
    found = [c for c in claims(text, language) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.category) for c in claims(text, language)]
    return found[0]


def names(claim: Claim) -> list[str | None]:
    return [p.name for p in claim.places]


def figure(claim: Claim) -> tuple[float, str, str | None] | None:
    q = claim.quantity
    return None if q is None else (q.value, q.hedge, q.unit)


@pytest.mark.parametrize(
    ("text", "language", "category", "side", "place"),
    [
        (
            "Российские штурмовики завершили освобождение Мирнограда.",
            "ru",
            "captured",
            "RU",
            "Myrnohrad",
        ),
        (
            "Валерий Герасимов доложил президенту о взятии Северска.",
            "ru",
            "captured",
            "RU",
            "Siversk",
        ),
        ("Бригада завершила звільнення села Шахове.", "uk", "liberated", "UA", "Shakhove"),
    ],
)
def test_control_stated_by_a_noun(text, language, category, side, place):
    claim = one(text, language, "territorial_control")
    assert (claim.category, claim.side, names(claim), claim.certainty) == (
        category,
        side,
        [place],
        "asserted",
    )


def test_a_noun_of_control_is_no_claim_without_a_governing_word():
    assert [c for c in claims("Угроза захвата Северска растет.", "ru")] == []
    assert [c for c in claims("Сили оборони зупинили просування ворога.", "uk")] == []


def test_a_denied_capture_belongs_to_the_other_side():
    claim = one(
        "Командування ЗСУ спростувало чутки про захоплення Куп'янська.", "uk", "territorial_control"
    )
    assert (claim.category, claim.side, claim.certainty) == ("captured", "RU", "denied")
    assert claim.claimant.side == "UA"
    loss = one("Штаб заперечив втрату Сіверська.", "uk", "territorial_control")
    assert (loss.side, loss.certainty, names(loss)) == ("RU", "denied", ["Siversk"])


def test_the_denier_is_the_subject_not_the_body_it_contradicts():
    claim = one(
        "Украинские военные опровергли заявления Минобороны России о взятии Лимана.",
        "ru",
        "territorial_control",
    )
    assert (claim.side, claim.certainty, claim.claimant.side) == ("RU", "denied", "UA")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Российские войска контролируют более 80% территории Лимана.",
            "ru",
            (80, "at_least", "percent"),
        ),
        ("Окупанти контролюють близько 60 відсотків Вовчанська.", "uk", (60, "approx", "percent")),
        ("Войска продвинулись на 3 километра и заняли рубежи у Лимана.", "ru", (3, "exact", "km")),
    ],
)
def test_ground_measured_in_percent_or_km(text, language, expected):
    claim = one(text, language, "territorial_control")
    assert figure(claim) == expected


@pytest.mark.parametrize(
    ("text", "language", "side", "expected", "certainty"),
    [
        (
            "В окружении под Лиманом находятся около 12 батальонов ВСУ.",
            "ru",
            "UA",
            (12, "approx", "battalions"),
            "asserted",
        ),
        (
            "В котле у Покровска оказались до 3 тысяч украинских военных.",
            "ru",
            "UA",
            (3000, "up_to", "personnel"),
            "asserted",
        ),
        (
            "Песков назвал фейком сообщения об окружении российских войск под Лиманом.",
            "ru",
            "RU",
            None,
            "denied",
        ),
        (
            "Нібито оточені під Лиманом українські бригади вийшли з боями.",
            "uk",
            "UA",
            None,
            "reported",
        ),
        ("Місто Лиман не оточене.", "uk", "UA", None, "denied"),
    ],
)
def test_encirclement(text, language, side, expected, certainty):
    claim = one(text, language, "encirclement")
    assert (claim.side, figure(claim), claim.certainty) == (side, expected, certainty)
    assert names(claim) == ["Lyman"] or "Покровска" in text


def test_leaving_an_encirclement_is_not_one():
    assert not [
        c
        for c in claims("Бригада вийшла з оточення під Лиманом.", "uk")
        if c.kind == "encirclement"
    ]


def test_a_river_bank_is_not_a_settlement():
    claim = one(
        "На правом берегу Оскола наступают три батальона противника.", "ru", "troop_strength"
    )
    assert names(claim) == []


def test_a_figure_borrows_the_noun_and_side_before_it():
    found = claims("Під Лиманом 7 окупантів знищено, ще щонайменше 4 отримали поранення.", "uk")
    wounded = [c for c in found if c.category == "wounded"]
    assert len(wounded) == 1
    assert (wounded[0].side, figure(wounded[0])) == ("RU", (4, "at_least", "personnel"))


def test_a_casualty_word_right_after_the_noun_decides_the_category():
    found = claims("Противник втратив 12 військових убитими і 20 пораненими.", "uk")
    assert [(c.category, figure(c)) for c in found] == [
        ("killed", (12, "exact", "personnel")),
        ("wounded", (20, "exact", "personnel")),
    ]
    both = one("Ворог втратив понад 500 осіб убитими та пораненими.", "uk", "casualties")
    assert both.category == "casualties"


@pytest.mark.parametrize(
    ("text", "language", "value", "hedge"),
    [
        ("Ворог втрачає до тисячі трьохсот осіб щодня.", "uk", 1300, "up_to"),
        ("Противник потерял около сотни военнослужащих.", "ru", 100, "approx"),
        ("Росіяни втратили понад тисячу своїх солдатів.", "uk", 1000, "at_least"),
        ("Потери ВСУ превысили 4,5 тыс. человек.", "ru", 4500, "at_least"),
    ],
)
def test_numbers_in_words_and_verb_hedges(text, language, value, hedge):
    claim = one(text, language, "casualties")
    assert (claim.quantity.value, claim.quantity.hedge) == (value, hedge)


def test_a_city_word_points_back_at_the_place_just_named():
    text = (
        "Генштаб спростував захоплення Куп'янська. "
        "Українські підрозділи продовжують утримувати місто."
    )
    found = [c for c in claims(text, "uk") if c.category == "controlled"]
    assert len(found) == 1
    assert (found[0].side, names(found[0])) == ("UA", ["Kupiansk"])


def test_places_after_a_settlement_word_or_a_noun_of_control():
    claim = one("ЗСУ звільнили село Шахове.", "uk", "territorial_control")
    assert names(claim) == ["Shakhove"]
    unit = one(
        "Про це повідомили в Третьому армійському корпусі: ворог втратив 30 осіб.",
        "uk",
        "casualties",
    )
    assert names(unit) == []


def test_ongoing_fighting_and_strikes_without_a_count():
    fight = one("У Лимані тривають запеклі бої.", "uk", "fighting")
    assert names(fight) == ["Lyman"]
    strike = one("Армия нанесла групповые удары по складам ВСУ под Лиманом.", "ru", "strike")
    assert strike.side == "RU"
    drones = one("Вночі росіяни атакували Одесу ударними дронами.", "uk", "strike")
    assert (drones.side, names(drones)) == ("RU", ["Odesa"])
    assert not [c for c in claims("Завдав нищівних ударів противнику.", "uk") if c.kind == "strike"]


def test_hearsay_phrases_and_a_source_chain():
    claim = one(
        "За неофіційною інформацією, під Лиманом загинули близько 30 бійців.", "uk", "casualties"
    )
    assert claim.certainty == "reported"
    cited = one(
        "Как сообщил ТАСС со ссылкой на Минобороны, войска взяли под контроль Лиман.",
        "ru",
        "territorial_control",
    )
    assert (cited.claimant.type, cited.claimant.via) == ("official", ["TASS"])


def test_a_passive_loss_keeps_the_side_of_the_losses_listed_before():
    found = claims("ВСУ потеряли за сутки 200 военнослужащих. Уничтожены три танка.", "ru")
    tanks = [c for c in found if c.category == "tanks"]
    assert len(tanks) == 1 and tanks[0].side == "UA"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("По словам Дмитрия Пескова, войска взяли Лиман.", "ru", "Dmitry Peskov"),
        (
            "По словам Александра Сырского, противник потерял 300 военных.",
            "ru",
            "Oleksandr Syrskyi",
        ),
        (
            "За словами Олександра Сирського, ворог втратив 300 військових.",
            "uk",
            "Oleksandr Syrskyi",
        ),
    ],
)
def test_inflected_names_of_known_people(text, language, name):
    found = claims(text, language)
    assert found and all(c.claimant.name == name for c in found)
    doc = Document(doc_id="x", language=language, text=text)  # type: ignore[arg-type]
    assert "name_mismatch" not in {flag.code for flag in run_checks(doc)}


def test_more_ways_to_take_and_retake_ground():
    took = one("Войска выбили противника из Лимана.", "ru", "territorial_control")
    assert (took.category, names(took)) == ("captured", ["Lyman"])
    back = one("ЗСУ відновили контроль над селом Шахове.", "uk", "territorial_control")
    assert (back.category, back.side, names(back)) == ("liberated", "UA", ["Shakhove"])
    failed = one("Российские войска не смогли закрепиться в Лимане.", "ru", "territorial_control")
    assert (failed.side, failed.certainty) == ("RU", "denied")


def test_a_count_of_settlements_needs_no_place_and_is_captured_for_russia():
    claim = one(
        "Российские войска за месяц освободили 12 населенных пунктов.", "ru", "territorial_control"
    )
    assert (claim.category, claim.side, figure(claim), names(claim)) == (
        "captured",
        "RU",
        (12, "exact", None),
        [],
    )


def test_at_most_by_a_negated_verb_and_slang_with_a_figure():
    strength = one("Їхня чисельність не перевищує 40 осіб.", "uk", "troop_strength")
    assert figure(strength) == (40, "at_most", "personnel")
    dead = [c for c in claims("У ВСУ в этом районе порядка тридцати «двухсотых».", "ru")]
    assert [(c.category, c.side, figure(c)) for c in dead] == [
        ("killed", "UA", (30, "approx", "personnel"))
    ]


def test_one_person_and_a_count_without_a_noun():
    found = claims("Внаслідок удару по Одесі загинула людина, ще вісім поранено.", "uk")
    assert [(c.category, figure(c)) for c in found if c.kind == "casualties"] == [
        ("killed", (1, "exact", "personnel")),
        ("wounded", (8, "exact", "personnel")),
    ]


def test_a_failed_attempt_to_encircle_is_denied():
    claim = one(
        "Окупанти намагаються оточити наші підрозділи під Лиманом, але це їм не вдається.",
        "uk",
        "encirclement",
    )
    assert (claim.side, claim.certainty, names(claim)) == ("UA", "denied", ["Lyman"])


def test_a_blow_named_with_its_weapon_and_a_speaker_before_a_quoted_unit():
    strike = one("В результате атаки беспилотника на Шебекино пострадали двое.", "ru", "strike")
    # Shebekino (Belgorod Oblast) is a curated Russian town now: a name without coordinates
    assert strike.places == [] or names(strike) in ([None], ["Shebekino"])
    said = one(
        "Владимир Путин в штабе группировки «Запад» заявил, что войска взяли Лиман.",
        "ru",
        "territorial_control",
    )
    assert said.claimant.name == "Vladimir Putin"


def test_a_direction_gives_way_to_the_town_named_with_it():
    claim = one(
        "На Запорожском направлении войска заняли рубежи у Степногорска.",
        "ru",
        "territorial_control",
    )
    assert names(claim) == ["Stepnohirsk"]


def test_surrender_keeps_the_side_of_who_gives_up():
    claim = one("Украинские военные сдались в плен — около двадцати человек.", "ru", "casualties")
    assert (claim.category, claim.side) == ("captured", "UA")


def test_a_range_shares_its_scale_word():
    claim = one("Уничтожены 1,5–2 тыс. беспилотников ВСУ.", "ru", "equipment_loss")
    q = claim.quantity
    assert (q.value, q.low, q.high, q.hedge) == (1500, 1500, 2000, "range")


def test_the_part_after_the_total_is_the_figure():
    claim = one("Повітряні сили повідомили, що з 9 ракет збито 6.", "uk", "equipment_loss")
    assert (claim.category, figure(claim)) == ("missiles", (6, "exact", "equipment"))


def test_neutralised_is_killed_and_wounded_and_of_them_the_dead():
    found = claims("Знешкоджено 112 окупантів, з них 64 – безповоротно.", "uk")
    assert [(c.category, c.side, figure(c)) for c in found] == [
        ("casualties", "RU", (112, "exact", "personnel")),
        ("killed", "RU", (64, "exact", "personnel")),
    ]


def test_an_advance_noun_and_an_advancing_force():
    claim = one(
        "Российская армия продолжает наступление в районе Лимана.", "ru", "territorial_control"
    )
    assert (claim.category, claim.side, names(claim)) == ("contested", "RU", ["Lyman"])
    found = claims("Під Лиманом наступає до 20 тисяч російських військових.", "uk")
    assert [c.kind for c in found] == ["troop_strength"]


def test_an_expert_body_and_what_it_does_not_confirm():
    text = (
        "Аналітики Інституту вивчення війни вважають, що росіяни просунулися в західній частині "
        "Лимана. Водночас ISW не підтверджує заяв про оточення Лимана."
    )
    found = claims(text, "uk")
    assert [(c.kind, c.claimant.name, c.certainty) for c in found] == [
        ("territorial_control", "Institute for the Study of War", "asserted"),
        ("encirclement", "Institute for the Study of War", "denied"),
    ]
    assert names(found[0]) == ["Lyman"]


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        ("На Костянтинівському напрямку ворог втратив 5 танків.", "uk", "Kostiantynivka"),
        ("На Покровском направлении противник потерял 5 танков.", "ru", "Pokrovsk"),
        ("На Харківському напрямку ворог втратив 5 танків.", "uk", "Kharkiv"),
        ("На Ореховском направлении противник потерял 5 танков.", "ru", "Orikhiv"),
    ],
)
def test_a_direction_is_named_after_the_largest_town_it_can_come_from(text, language, town):
    assert names(one(text, language, "equipment_loss")) == [town]


def test_one_person_with_an_age_and_fractions_in_words():
    found = claims("Загинула 60-річна жінка, ще четверо людей поранені.", "uk")
    assert [(c.category, figure(c)) for c in found] == [
        ("killed", (1, "exact", "personnel")),
        ("wounded", (4, "exact", "personnel")),
    ]
    claim = one("Окупанти втратили понад півтори сотні військових.", "uk", "casualties")
    assert figure(claim) == (150, "at_least", "personnel")


def test_a_denial_in_the_next_sentence_turns_back_on_the_report():
    text = (
        "В соцсетях пишут о якобы прорыве ВСУ под Лиманом. "
        "В Минобороны России эту информацию назвали фейком."
    )
    claim = one(text, "ru", "territorial_control")
    assert (claim.side, claim.certainty, claim.claimant.type) == ("UA", "denied", "official")
    assert names(claim) == ["Lyman"]


def test_an_officer_who_told_an_outlet_is_the_claimant():
    claim = one(
        "«Все атаки отбиты, уничтожены два бронеавтомобиля», — рассказал ТАСС командир роты.",
        "ru",
        "equipment_loss",
    )
    assert (claim.claimant.type, claim.claimant.via) == ("official", ["TASS"])


def test_a_body_with_its_own_side_is_not_the_source_named_before():
    text = (
        "По данным Минобороны России, цели поражены. "
        "Украинские власти сообщили, что в Киеве погибли шесть человек."
    )
    claim = one(text, "ru", "casualties")
    assert (claim.claimant.type, claim.claimant.side) == ("official", "UA")


def test_a_denial_of_something_else_leaves_the_claims_before_alone():
    text = (
        "Потери ВСУ за сутки составили более 200 военнослужащих.\n"
        "Россия отвергает любые переговоры, чем быстрее это поймут, тем лучше, заявил министр."
    )
    claim = one(text, "ru", "casualties")
    assert claim.certainty == "asserted"
