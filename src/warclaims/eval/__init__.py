"""Scoring an analyser against gold annotations (../shared/spec/GOLD.md)."""

from warclaims.eval.fields import FIELDS, NO_QUANTITY, STRICT_FIELDS
from warclaims.eval.gold import GoldClaim, GoldDoc, GoldError, load_gold, load_gold_file
from warclaims.eval.match import match_claims
from warclaims.eval.metrics import PRF, FieldAcc, Scores
from warclaims.eval.report import DocResult, EvalReport, FalseNegative, FalsePositive, FieldError
from warclaims.eval.runner import Analyse, evaluate, read_report, score_document

__all__ = [
    "FIELDS",
    "NO_QUANTITY",
    "PRF",
    "STRICT_FIELDS",
    "Analyse",
    "DocResult",
    "EvalReport",
    "FalseNegative",
    "FalsePositive",
    "FieldAcc",
    "FieldError",
    "GoldClaim",
    "GoldDoc",
    "GoldError",
    "Scores",
    "evaluate",
    "load_gold",
    "load_gold_file",
    "match_claims",
    "read_report",
    "score_document",
]
