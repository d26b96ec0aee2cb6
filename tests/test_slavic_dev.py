"""Russian and Ukrainian reports through the whole pipeline: the dev gold set (issue 6
acceptance) and the ru/uk lexicons behind the checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from warclaims.checks import run_checks
from warclaims.eval import EvalReport
from warclaims.eval.gold import load_gold
from warclaims.eval.runner import evaluate_one
from warclaims.ingest.text import Report
from warclaims.lexicons import load_actors, load_loaded_terms
from warclaims.model import Document
from warclaims.pipeline import analyse

DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "dev"
MIN_CLAIM_F1 = 0.75
MIN_STRICT_F1 = 0.6


@pytest.fixture(scope="module")
def report() -> EvalReport:
    gold_dir = DEV_DIR / "gold"
    if not gold_dir.is_dir() or not (DEV_DIR / "reports").is_dir():
        pytest.skip(f"dev set not available at {DEV_DIR}")
    reports_dir = DEV_DIR / "reports"
    documents = [
        evaluate_one(gold, reports_dir, analyse)
        for gold in load_gold(gold_dir)
        if gold.language_key in ("ru", "uk")
    ]
    return EvalReport(gold_dir=gold_dir, reports_dir=reports_dir, documents=documents)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_dev_scores(report, language):
    scores = report.by_language.get(language)
    if scores is None or scores.claims.gold == 0:
        pytest.skip(f"no {language} gold claims")
    assert scores.claims.f1 >= MIN_CLAIM_F1
    assert scores.strict.f1 >= MIN_STRICT_F1


def test_lexicons_load():
    for language in ("ru", "uk"):
        assert any(
            a.name == "General Staff of the Armed Forces of Ukraine" for a in load_actors(language)
        )
        assert any(t.strength == "strong" for t in load_loaded_terms(language))


def _flags(text: str, language: str) -> set[str]:
    doc = Document(doc_id="x", language=language, text=text)  # type: ignore[arg-type]
    return {flag.code for flag in run_checks(doc)}


def test_loaded_language_in_russian_and_ukrainian():
    assert "loaded_language" in _flags("Бойцы уничтожили группу ВСУшников.", "ru")
    assert "loaded_language" in _flags("Окупанти обстріляли місто.", "uk")
    assert "loaded_language" not in _flags("Российские военные заняли село.", "ru")


def test_inflected_known_names_are_not_misspellings():
    text = "По словам Андрея Ковалева, атаки отбиты. Андрей Ковалев добавил, что бои идут."
    assert "name_mismatch" not in _flags(text, "ru")
    assert "name_mismatch" in _flags("Андрей Ковалов заявил, что бои идут.", "ru")


def test_pipeline_routes_cyrillic_reports():
    doc = analyse(
        Report(text="Сьогодні окупанти втратили 40 танків під Покровськом.", published="2025-11-21")
    )
    assert doc.language == "uk"
    assert [(c.kind, c.category, c.side) for c in doc.claims] == [("equipment_loss", "tanks", "RU")]
