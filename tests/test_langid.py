"""Language identification (warclaims.langid); sentences written for the test."""

from __future__ import annotations

import pytest

from warclaims.langid import detect_language
from warclaims.pipeline import detect_language as pipeline_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces took the village, the ministry said on Monday afternoon.", "en"),
        ("Сегодня российские войска снова нанесли удары по Одессе и области.", "ru"),
        ("Войска продвинулись на запад от города, сообщил командир части.", "ru"),
        ("Сьогодні окупанти знову били ракетами по Одесі та області.", "uk"),
        ("Привет", None),
        ("Der Krieg dauert an und die Lage an der Front ist schwierig.", None),
        ("Войната в Украйна продължава, казаха от министерството на отбраната.", None),
        (
            "Сьогодні окупанти знову били ракетами по області. "
            "Сегодня российские войска снова нанесли удары по городу.",
            None,
        ),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_pipeline_always_gives_one_of_three():
    assert pipeline_language("Привет") in ("en", "ru", "uk")
    assert pipeline_language("Сьогодні окупанти знову били ракетами по Одесі.") == "uk"
