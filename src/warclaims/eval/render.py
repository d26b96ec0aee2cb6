"""Rich tables for an EvalReport."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warclaims.eval.fields import FIELDS, display
from warclaims.eval.metrics import PRF, Scores

if TYPE_CHECKING:
    from warclaims.eval.report import DocResult, EvalReport

ALL = "all"


def fmt(value: float | None) -> str:
    """A ratio with two decimals, or a dash where it is undefined."""
    return "–" if value is None else f"{value:.2f}"


def scopes(report: EvalReport) -> dict[str, Scores]:
    """Per-language scores followed by the overall ones."""
    return {**report.by_language, ALL: report.overall}


def render_report(report: EvalReport, console: Console, verbose: bool = False) -> None:
    """Print the summary tables; `verbose` adds the per-document diagnostics."""
    by_scope = scopes(report)
    console.print(claims_table(by_scope))
    console.print(fields_table(by_scope))
    console.print(flags_table(by_scope))
    console.print(kinds_table(by_scope[ALL]))
    render_errors(report, console)
    if verbose:
        for doc in report.documents:
            render_document(doc, console)


def claims_table(by_scope: dict[str, Scores]) -> Table:
    table = Table(title="Claims (strict: side, quantity.value, quantity.hedge, places right)")
    for header in ("scope", "docs", "gold", "pred", "match", "P", "R", "F1"):
        table.add_column(header, justify="left" if header == "scope" else "right")
    for header in ("strict", "strict P", "strict R", "strict F1"):
        table.add_column(header, justify="right", style="bold")
    for scope, scores in by_scope.items():
        claims, strict = scores.claims, scores.strict
        table.add_row(
            scope,
            str(scores.documents),
            str(claims.gold),
            str(claims.predicted),
            str(claims.tp),
            *prf_cells(claims),
            str(strict.tp),
            *prf_cells(strict),
            end_section=scope != ALL and _is_last_language(by_scope, scope),
        )
    return table


def _is_last_language(by_scope: dict[str, Scores], scope: str) -> bool:
    languages = [key for key in by_scope if key != ALL]
    return bool(languages) and scope == languages[-1]


def prf_cells(prf: PRF) -> tuple[str, str, str]:
    return fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)


def fields_table(by_scope: dict[str, Scores]) -> Table:
    table = Table(title="Field accuracy on matched pairs")
    table.add_column("field")
    for scope in by_scope:
        table.add_column(scope, justify="right")
    for name in FIELDS:
        cells = []
        for scores in by_scope.values():
            acc = scores.fields[name]
            cells.append(f"{fmt(acc.accuracy)} n={acc.total}")
        table.add_row(name, *cells)
    return table


def flags_table(by_scope: dict[str, Scores]) -> Table:
    table = Table(title="Flags per code over documents (P / R, gold docs)")
    table.add_column("code")
    for scope in by_scope:
        table.add_column(scope, justify="right")
    overall = by_scope[ALL]
    codes = [code for code, prf in overall.flags.items() if prf.gold or prf.predicted]
    for code in codes:
        table.add_row(code, *[flag_cell(s.flags.get(code, PRF())) for s in by_scope.values()])
    table.add_row(ALL, *[flag_cell(s.flags_all) for s in by_scope.values()], style="bold")
    return table


def flag_cell(prf: PRF) -> str:
    return f"{fmt(prf.precision)} / {fmt(prf.recall)}  n={prf.gold}"


def kinds_table(scores: Scores) -> Table:
    table = Table(title="Claims per kind (all languages)")
    table.add_column("kind")
    for header in ("gold", "pred", "match", "P", "R", "F1"):
        table.add_column(header, justify="right")
    for kind, prf in scores.kinds.items():
        if prf.gold or prf.predicted:
            table.add_row(kind, str(prf.gold), str(prf.predicted), str(prf.tp), *prf_cells(prf))
    return table


def render_errors(report: EvalReport, console: Console) -> None:
    for name, message in report.errors:
        console.print(f"[red]error[/red] {escape(name)}: {escape(message)}")
    warned = sum(len(doc.warnings) for doc in report.documents)
    if warned:
        console.print(f"[yellow]{warned} warning(s)[/yellow]; --verbose lists them")


def render_document(doc: DocResult, console: Console) -> None:
    """Misses, extras and field errors of one document."""
    claims = doc.scores.claims
    console.rule(
        f"{escape(doc.name)} ({escape(doc.language)})  gold {claims.gold}  pred {claims.predicted}"
        f"  match {claims.tp}  strict {doc.scores.strict.tp}"
    )
    if doc.error:
        console.print(f"  [red]error[/red] {escape(doc.error)}")
    for warning in doc.warnings:
        console.print(f"  [yellow]warning[/yellow] {escape(warning)}")
    for fn in doc.false_negatives:
        console.print(f"  [red]FN[/red] {fn.kind} @{fn.anchor_start} {escape(repr(fn.anchor))}")
    for fp in doc.false_positives:
        where = " (headline)" if fp.in_headline else ""
        console.print(
            f"  [magenta]FP[/magenta] {fp.kind} {fp.start}-{fp.end}{where} {escape(fp.excerpt)}"
        )
    for err in doc.field_errors:
        console.print(
            f"  [yellow]{err.field}[/yellow] gold {escape(display(err.gold))}"
            f" ≠ pred {escape(display(err.predicted))}"
            f"  ({err.kind} @{err.anchor_start} {escape(repr(err.anchor))})"
        )
    flags_missed = sorted(doc.gold_flags - doc.predicted_flags)
    flags_extra = sorted(doc.predicted_flags - doc.gold_flags)
    if flags_missed or flags_extra:
        console.print(f"  flags missed {flags_missed or '-'}  extra {flags_extra or '-'}")
