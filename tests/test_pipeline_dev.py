"""The whole pipeline against the dev gold set (../shared/dev, GOLD.md scoring)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warclaims.eval import EvalReport, evaluate
from warclaims.pipeline import analyse

DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "dev"
KUPYANSK_FLAGS = {"self_reported_losses", "anonymous_sourcing", "name_mismatch", "loaded_language"}
MIN_EN_CLAIM_F1 = 0.75
MIN_EN_STRICT_F1 = 0.6


@pytest.fixture(scope="module")
def report() -> EvalReport:
    gold_dir = DEV_DIR / "gold"
    if not gold_dir.is_dir() or not (DEV_DIR / "reports").is_dir():
        pytest.skip(f"dev set not available at {DEV_DIR}")
    result = evaluate(gold_dir, None, analyse)
    if not result.documents:
        pytest.skip(f"no gold files in {gold_dir}")
    return result


def _document(report: EvalReport, name: str):
    by_name = {doc.name: doc for doc in report.documents}
    if name not in by_name:
        pytest.skip(f"{name} is not in the dev set")
    return by_name[name]


def test_no_report_fails_to_analyse(report):
    assert report.errors == []


def test_kupyansk_claims_all_found(report):
    doc = _document(report, "kupyansk")
    assert doc.scores.claims.f1 == 1.0, (doc.false_negatives, doc.false_positives)


def test_kupyansk_claims_strictly_right(report):
    doc = _document(report, "kupyansk")
    assert doc.scores.strict.f1 == 1.0, doc.field_errors


def test_kupyansk_gold_flags_predicted(report):
    doc = _document(report, "kupyansk")
    assert doc.gold_flags >= KUPYANSK_FLAGS
    assert doc.gold_flags <= doc.predicted_flags, sorted(doc.gold_flags - doc.predicted_flags)


def test_english_claim_f1(report):
    english = report.by_language.get("en")
    assert english is not None
    assert english.claims.f1 is not None
    assert english.claims.f1 >= MIN_EN_CLAIM_F1


def test_english_strict_f1(report):
    english = report.by_language.get("en")
    assert english is not None
    assert english.strict.f1 is not None
    assert english.strict.f1 >= MIN_EN_STRICT_F1
