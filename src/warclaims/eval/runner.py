"""Running an analyser over the gold set and scoring what it returns (GOLD.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from warclaims.eval.fields import FIELDS, STRICT_FIELDS, field_equal, predicted_fields
from warclaims.eval.gold import GoldClaim, GoldDoc, load_gold
from warclaims.eval.match import in_headline, match_claims
from warclaims.eval.metrics import PRF, Scores
from warclaims.eval.report import DocResult, EvalReport, FalseNegative, FalsePositive, FieldError
from warclaims.ingest.files import InputError
from warclaims.ingest.files import read_report as read_input
from warclaims.ingest.text import Report
from warclaims.model import FLAG_CODES, Claim, Document

Analyse = Callable[[Report], Document]
EXCERPT_CHARS = 160


def evaluate(gold_dir: Path, reports_dir: Path | None, analyse: Analyse) -> EvalReport:
    """Score `analyse` on every gold file; reports default to `gold_dir.parent / "reports"`."""
    gold_dir = Path(gold_dir)
    reports_dir = Path(reports_dir) if reports_dir is not None else gold_dir.parent / "reports"
    results = [evaluate_one(gold, reports_dir, analyse) for gold in load_gold(gold_dir)]
    return EvalReport(gold_dir=gold_dir, reports_dir=reports_dir, documents=results)


def read_report(gold: GoldDoc, reports_dir: Path) -> Report:
    """The report a gold file describes, as the pipeline would receive it."""
    # read as `check` and `ingest` read (any encoding); the language is left to the pipeline to
    # detect, only the publication date comes from the gold file (it is the report's metadata)
    report = read_input(reports_dir / gold.text_file, published=gold.published)
    return replace(report, published=gold.published)


def evaluate_one(gold: GoldDoc, reports_dir: Path, analyse: Analyse) -> DocResult:
    """One gold file: read, analyse, score; a missing report or a crash becomes `error`."""
    try:
        report = read_report(gold, reports_dir)
    except InputError as exc:
        return failed_result(gold, f"cannot read report: {type(exc).__name__}: {exc}")
    try:
        document = analyse(report)
    except Exception as exc:  # one bad report must not stop the run
        return failed_result(gold, f"analyse failed: {type(exc).__name__}: {exc}")
    return score_document(gold, report, document)


def failed_result(gold: GoldDoc, message: str) -> DocResult:
    """Every gold claim and flag missed, with the reason kept."""
    result = score_claims(gold, [], "", headline_end=0)
    result.error = message
    return result


def headline_end(report: Report) -> int:
    """Offset just past the headline line, or 0 when the report has none."""
    if report.title is None:
        return 0
    newline = report.text.find("\n")
    return newline if newline >= 0 else 0


def score_document(gold: GoldDoc, report: Report, document: Document) -> DocResult:
    """Score one analysed document against its gold file."""
    result = score_claims(gold, document.claims, document.text, headline_end(report))
    result.predicted_flags = frozenset(flag.code for flag in document.flags)
    result.scores.flags = flag_scores(gold.flags, result.predicted_flags)
    result.warnings.extend(text_warnings(gold, report, document))
    return result


def score_claims(
    gold: GoldDoc, predicted: Sequence[Claim], text: str, headline_end: int
) -> DocResult:
    """Match and score claims; flags are scored as if none were predicted."""
    scores = Scores(documents=1, flags=flag_scores(gold.flags, frozenset()))
    result = DocResult(
        name=gold.name,
        text_file=gold.text_file,
        language=gold.language_key,
        scores=scores,
        gold_flags=gold.flags,
    )
    excluded = {i for i, claim in enumerate(predicted) if in_headline(claim, headline_end)}
    pairs = match_claims(gold.claims, predicted, excluded)
    count_claims(scores, gold.claims, predicted, pairs)
    for g, p in pairs.items():
        if score_pair(scores, result, gold.claims[g], predicted[p]):
            scores.strict.tp += 1
    matched = set(pairs.values())
    result.false_negatives = [
        FalseNegative(claim.kind, claim.anchor, claim.anchor_start)
        for i, claim in enumerate(gold.claims)
        if i not in pairs
    ]
    result.false_positives = [
        false_positive(claim, text, i in excluded)
        for i, claim in enumerate(predicted)
        if i not in matched
    ]
    return result


def count_claims(
    scores: Scores,
    gold: Sequence[GoldClaim],
    predicted: Sequence[Claim],
    pairs: Mapping[int, int],
) -> None:
    """Claim, strict (denominators) and per-kind counts."""
    scores.claims = PRF(tp=len(pairs), predicted=len(predicted), gold=len(gold))
    scores.strict = PRF(tp=0, predicted=len(predicted), gold=len(gold))
    for claim in predicted:
        scores.kinds.setdefault(claim.kind, PRF()).predicted += 1
    for i, claim in enumerate(gold):
        kind = scores.kinds.setdefault(claim.kind, PRF())
        kind.gold += 1
        kind.tp += int(i in pairs)


def score_pair(scores: Scores, result: DocResult, gold: GoldClaim, predicted: Claim) -> bool:
    """Count field accuracy for one matched pair; True when it also counts as strict."""
    values = predicted_fields(predicted)
    strict = True
    for name in FIELDS:
        if name not in gold.fields:
            continue
        correct = field_equal(gold.fields[name], values[name])
        acc = scores.fields[name]
        acc.total += 1
        acc.correct += int(correct)
        if not correct:
            strict = strict and name not in STRICT_FIELDS
            result.field_errors.append(
                FieldError(
                    name, gold.fields[name], values[name], gold.kind, gold.anchor, gold.anchor_start
                )
            )
    return strict


def flag_scores(gold: frozenset[str], predicted: frozenset[str]) -> dict[str, PRF]:
    """Per-code counts for one document (each 0 or 1)."""
    codes = dict.fromkeys([*FLAG_CODES, *sorted(gold | predicted)])
    return {
        code: PRF(
            tp=int(code in gold and code in predicted),
            predicted=int(code in predicted),
            gold=int(code in gold),
        )
        for code in codes
    }


def false_positive(claim: Claim, text: str, headline: bool) -> FalsePositive:
    """A predicted claim left unmatched, with its evidence text (shortened)."""
    excerpt = " ".join(claim.evidence.slice(text).split())
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[: EXCERPT_CHARS - 1] + "…"
    return FalsePositive(claim.kind, claim.evidence.start, claim.evidence.end, excerpt, headline)


def text_warnings(gold: GoldDoc, report: Report, document: Document) -> list[str]:
    """Offsets that cannot be trusted: changed text, or gold anchors not where they claim."""
    warnings: list[str] = []
    if document.text != report.text:
        warnings.append("analysed text differs from the report text; offsets may not line up")
    for claim in gold.claims:
        if report.text[claim.anchor_start : claim.anchor_end] != claim.anchor:
            warnings.append(f"gold anchor {claim.anchor!r} is not at {claim.anchor_start}")
    return warnings
