"""The General Staff's daily loss list (Ukrainian and Russian versions); figures made up."""

from __future__ import annotations

from warclaims.extract.slavic import extract_claims_slavic
from warclaims.extract.slavic.bulletins import general_staff_lines
from warclaims.extract.slavic.lexicon import load_slavic_lexicon

UK_LIST = """Генштаб ЗСУ: втрати ворога на ранок
Загальні бойові втрати противника з 24.02.22 по 20.11.25 орієнтовно склали:
особового складу ‒ близько 1100500 (+1010) осіб
танків ‒ 11300 (+3) од
бойових броньованих машин ‒ 23500 (+4) од
артилерійських систем ‒ 34400 (+25) од
РСЗВ ‒ 1530 (+1) од
засобів ППО ‒ 1230 (+0) од
літаків ‒ 428 (+0) од
гелікоптерів ‒ 347 (+0) од
БпЛА оперативно-тактичного рівня ‒ 81000 (+250) од
крилатих ракет ‒ 3900 (+0) од
кораблів / катерів ‒ 28 (+0) од
автомобільної техніки та автоцистерн ‒ 67800 (+70) од
спеціальна техніка ‒ 3970 (+2) од
Дані уточнюються.
"""

RU_LIST = """Общие боевые потери противника с 24.02.22 по 20.11.25 ориентировочно составили:
личного состава — около 1100500 (+1010) человек,
танков — 11300 (+3) ед.,
боевых бронированных машин — 23500 (+4) ед.,
артиллерийских систем — 34400 (+25) ед.,
РСЗО — 1530 (+1) ед.
"""


def test_ukrainian_list_one_claim_per_line():
    body = UK_LIST.index("\n") + 1
    found = extract_claims_slavic(UK_LIST, "uk", body_start=body, published="2025-11-21")
    got = [(c.kind, c.category, c.quantity.value if c.quantity else None) for c in found]
    assert got == [
        ("casualties", "casualties", 1010),
        ("equipment_loss", "tanks", 3),
        ("equipment_loss", "afv", 4),
        ("equipment_loss", "artillery", 25),
        ("equipment_loss", "mlrs", 1),
        ("equipment_loss", "air_defense", 0),
        ("equipment_loss", "aircraft", 0),
        ("equipment_loss", "helicopters", 0),
        ("equipment_loss", "uav", 250),
        ("equipment_loss", "missiles", 0),
        ("equipment_loss", "ships", 0),
        ("equipment_loss", "vehicles", 70),
        ("equipment_loss", "special_equipment", 2),
    ]
    first = found[0]
    assert first.side == "RU"
    assert first.claimant.name == "General Staff of the Armed Forces of Ukraine"
    assert first.date is not None and first.date.start == "2025-11-20"
    assert first.quantity is not None and first.quantity.unit == "personnel"
    assert UK_LIST[first.evidence.start : first.evidence.end].startswith("особового складу")
    assert first.anchor is not None and "(+1010)" in UK_LIST[first.anchor.start : first.anchor.end]


def test_cumulative_totals_are_kept_beside_the_claims():
    lines = general_staff_lines(RU_LIST, load_slavic_lexicon(), 0, None)
    assert [(line.total, line.claim.quantity.value) for line in lines] == [
        (1100500, 1010),
        (11300, 3),
        (23500, 4),
        (34400, 25),
        (1530, 1),
    ]


def test_russian_list_and_no_list():
    found = extract_claims_slavic(RU_LIST, "ru", body_start=0, published=None)
    assert [c.category for c in found] == ["casualties", "tanks", "afv", "artillery", "mlrs"]
    assert general_staff_lines("Танков — 5 (+1) ед.", load_slavic_lexicon(), 0, None) == []
