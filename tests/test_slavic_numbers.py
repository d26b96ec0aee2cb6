"""Figures and hedges in Russian and Ukrainian (warclaims.extract.slavic.numbers)."""

from __future__ import annotations

import pytest

from warclaims.extract.slavic.lexicon import load_slavic_lexicon
from warclaims.extract.slavic.numbers import find_numbers
from warclaims.extract.slavic.text import tokenize


def numbers(text: str, language: str) -> list[tuple[float | None, str, float | None, float | None]]:
    tokens = tokenize(text, language)
    found = find_numbers(tokens, 0, len(tokens), text, load_slavic_lexicon())
    return [(q.value, q.hedge, q.low, q.high) for q in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("потери составили 3 000 человек", "ru", (3000, "exact", 3000, 3000)),
        ("уничтожено 1 163 070 единиц", "ru", (1163070, "exact", 1163070, 1163070)),
        ("более 3 тыс. военнослужащих", "ru", (3000, "at_least", 3000, None)),
        ("около 1,5 тыс. человек", "ru", (1500, "approx", None, None)),
        ("до 3 тысяч солдат", "ru", (3000, "up_to", None, 3000)),
        ("порядка 40 танков", "ru", (40, "approx", None, None)),
        ("свыше 200 дронов", "ru", (200, "at_least", 200, None)),
        ("не менее пятнадцати военных", "ru", (15, "at_least", 15, None)),
        ("почти двести самолетов", "ru", (200, "approx", None, None)),
        ("от 10 до 12 атак", "ru", (10, "range", 10, 12)),
        ("двое военнослужащих", "ru", (2, "exact", 2, 2)),
        ("двадцати пяти бойцов", "ru", (25, "exact", 25, 25)),
        ("близько 1130 осіб", "uk", (1130, "approx", None, None)),
        ("понад 23 тисячі солдатів", "uk", (23000, "at_least", 23000, None)),
        ("більше 40 танків", "uk", (40, "at_least", 40, None)),
        ("щонайменше п'ятнадцять окупантів", "uk", (15, "at_least", 15, None)),
        ("п'ятнадцяти захисникам", "uk", (15, "exact", 15, 15)),
        ("майже дві з половиною тисячі машин", "uk", (2500, "approx", None, None)),
        ("до трьох десятків одиниць", "uk", (30, "up_to", None, 30)),
        ("понад тисячу танків", "uk", (1000, "at_least", 1000, None)),
        ("від 500 до 600 військових", "uk", (500, "range", 500, 600)),
        ("1,5 тис. осіб", "uk", (1500, "exact", 1500, 1500)),
    ],
)
def test_hedged_figures(text, language, expected):
    assert numbers(text, language)[0] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("с 24 февраля 2022 года", "ru"),
        ("у 2014 році", "uk"),
        ("в 10:30 по Киеву", "ru"),
        ("на 17-й день війни", "uk"),
        ("бракованных 120-миллиметровых мин", "ru"),
        ("танків ‒ 11357 (+2)", "uk"),
    ],
)
def test_dates_years_times_and_increments_are_not_figures(text, language):
    assert all(
        value not in (24, 2022, 2014, 10, 30, 17, 120, 2) for value, *_ in numbers(text, language)
    )


def test_vague_amounts_have_no_value():
    assert numbers("несколько ББМ", "ru") == [(None, "approx", None, None)]
    assert numbers("кілька танків", "uk") == [(None, "approx", None, None)]
