"""warclaims.eval against GOLD.md: matching, P/R/F1, field accuracy, flags, diagnostics."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from warclaims.eval import EvalReport, evaluate, load_gold
from warclaims.ingest.text import Report, doc_id_for
from warclaims.model import (
    Claim,
    Claimant,
    DateRef,
    Document,
    Flag,
    Place,
    Quantity,
    Span,
)

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"

TEXT = (
    "Russian forces lost up to 3,000 soldiers near Kupiansk, an unnamed source said. "
    "Ukraine destroyed 9 tanks and 17 armoured vehicles on Monday.\n"
)
S1_END = TEXT.index(". ") + 1  # end of the first sentence
S2_START = S1_END + 1


def at(needle: str, text: str = TEXT) -> int:
    return text.index(needle)


def gold_claim(anchor: str, kind: str, text: str = TEXT, **fields: Any) -> dict[str, Any]:
    return {"anchor": anchor, "anchor_start": at(anchor, text), "kind": kind, **fields}


def pred(
    kind: str, start: int, end: int, anchor: tuple[int, int] | None = None, **fields: Any
) -> Claim:
    span = Span(start=anchor[0], end=anchor[1]) if anchor else None
    return Claim(kind=kind, evidence=Span(start=start, end=end), anchor=span, **fields)


def write_case(
    root: Path,
    name: str,
    claims: list[dict[str, Any]],
    *,
    text: str = TEXT,
    flags: list[str] | None = None,
    language: str = "en",
    published: str | None = "2025-11-21",
    write_report: bool = True,
) -> None:
    (root / "gold").mkdir(exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    gold = {
        "text_file": f"{name}.txt",
        "published": published,
        "language": language,
        "claims": claims,
        "flags": flags or [],
    }
    (root / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    if write_report:
        (root / "reports" / f"{name}.txt").write_text(text, encoding="utf-8")


def analyser(
    outputs: dict[str, list[Claim]], flags: dict[str, list[str]] | None = None
) -> Callable[[Report], Document]:
    """A fake analyse: claims and flag codes per report file stem."""

    def analyse(report: Report) -> Document:
        stem = Path(report.source or "").stem
        codes = (flags or {}).get(stem, [])
        return Document(
            doc_id=doc_id_for(report.text),
            text=report.text,
            claims=outputs.get(stem, []),
            flags=[Flag(code=code, message="test") for code in codes],
        )

    return analyse


def run(root: Path, outputs: dict[str, list[Claim]], **kw: Any) -> EvalReport:
    return evaluate(root / "gold", None, analyser(outputs, **kw))


def casualty(**fields: Any) -> dict[str, Any]:
    return gold_claim("up to 3,000", "casualties", **fields)


# --- claim P/R/F1 ---------------------------------------------------------------------------


def test_claim_prf_exact(tmp_path: Path) -> None:
    write_case(
        tmp_path,
        "a",
        [
            casualty(),
            gold_claim("9", "equipment_loss"),
            gold_claim("17", "equipment_loss"),
        ],
    )
    predicted = [
        pred("casualties", 0, S1_END),  # matches
        pred("equipment_loss", S2_START, len(TEXT) - 1),  # matches "9"
        pred("fighting", 0, S1_END),  # wrong kind
        pred("casualties", S2_START, len(TEXT) - 1),  # nothing to match
    ]
    report = run(tmp_path, {"a": predicted})
    claims = report.overall.claims
    assert (claims.tp, claims.predicted, claims.gold) == (2, 4, 3)
    assert claims.precision == pytest.approx(0.5)
    assert claims.recall == pytest.approx(2 / 3)
    assert claims.f1 == pytest.approx(4 / 7)
    doc = report.documents[0]
    assert [fn.anchor for fn in doc.false_negatives] == ["17"]
    assert sorted(fp.kind for fp in doc.false_positives) == ["casualties", "fighting"]
    assert report.overall.kinds["equipment_loss"].recall == pytest.approx(0.5)
    assert report.overall.kinds["casualties"].precision == pytest.approx(0.5)


def test_evidence_must_contain_whole_anchor(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty()])
    start = at("up to 3,000")
    short = pred("casualties", start, start + 5)  # "up to" only
    report = run(tmp_path, {"a": [short]})
    assert report.overall.claims.tp == 0
    exact = pred("casualties", start, start + len("up to 3,000"))
    assert run(tmp_path, {"a": [exact]}).overall.claims.tp == 1


# --- greedy matching ------------------------------------------------------------------------


def equipment_gold() -> list[dict[str, Any]]:
    return [
        gold_claim("17", "equipment_loss", quantity={"value": 17, "hedge": "exact"}),
        gold_claim("9", "equipment_loss", quantity={"value": 9, "hedge": "exact"}),
    ]


def equipment(value: float, anchor: str | None = None) -> Claim:
    span = (at(anchor), at(anchor) + len(anchor)) if anchor else None
    quantity = Quantity(value=value, low=value, high=value, hedge="exact")
    return pred("equipment_loss", S2_START, len(TEXT) - 1, span, quantity=quantity)


def test_greedy_uses_predicted_anchor_order(tmp_path: Path) -> None:
    write_case(tmp_path, "a", equipment_gold())
    # listed out of text order, but the anchors put 9 first
    report = run(tmp_path, {"a": [equipment(17, "17"), equipment(9, "9")]})
    assert report.overall.claims.tp == 2
    assert report.overall.fields["quantity.value"].correct == 2
    assert report.overall.strict.tp == 2


def test_greedy_without_anchors_takes_list_order(tmp_path: Path) -> None:
    write_case(tmp_path, "a", equipment_gold())
    # same evidence, no anchors: the first listed claim goes to the first gold anchor ("9")
    report = run(tmp_path, {"a": [equipment(17), equipment(9)]})
    assert report.overall.claims.tp == 2
    value = report.overall.fields["quantity.value"]
    assert (value.correct, value.total) == (0, 2)
    assert report.overall.strict.tp == 0
    errors = report.documents[0].field_errors
    assert [(e.anchor, e.gold, e.predicted) for e in errors] == [("9", 9, 17.0), ("17", 17, 9.0)]


def test_one_predicted_claim_matches_one_gold(tmp_path: Path) -> None:
    write_case(tmp_path, "a", equipment_gold())
    report = run(tmp_path, {"a": [equipment(9)]})
    claims = report.overall.claims
    assert (claims.tp, claims.predicted, claims.gold) == (1, 1, 2)
    assert [fn.anchor for fn in report.documents[0].false_negatives] == ["17"]


def test_headline_claim_is_false_positive(tmp_path: Path) -> None:
    text = "Up to 3,000 killed\n" + TEXT
    write_case(tmp_path, "a", [casualty(text=text)], text=text)
    headline = pred("casualties", 0, len("Up to 3,000 killed"))
    report = run(tmp_path, {"a": [headline]})
    assert report.overall.claims.tp == 0
    assert report.documents[0].false_positives[0].in_headline


# --- fields and strict ----------------------------------------------------------------------


FULL_GOLD: dict[str, Any] = {
    "category": "killed",
    "side": "RU",
    "quantity": {"value": 3000, "low": None, "high": 3000, "hedge": "up_to", "unit": "personnel"},
    "places": ["Kupiansk"],
    "date": {"start": None, "end": None},
    "claimant": {"name": None, "type": "anonymous", "side": "RU"},
    "certainty": "reported",
}


def full_pred(**overrides: Any) -> Claim:
    fields: dict[str, Any] = {
        "category": "killed",
        "side": "RU",
        "quantity": Quantity(value=3000.0, high=3000, hedge="up_to", unit="personnel"),
        "places": [Place(mention="Kupiansk", name="Kupiansk")],
        "date": None,
        "claimant": Claimant(type="anonymous", side="RU"),
        "certainty": "reported",
    }
    fields.update(overrides)
    return pred("casualties", 0, S1_END, **fields)


def test_all_fields_right(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(**FULL_GOLD)])
    report = run(tmp_path, {"a": [full_pred()]})
    for name, acc in report.overall.fields.items():
        assert (acc.correct, acc.total) == (1, 1), name
    assert report.overall.strict.f1 == 1.0
    assert report.documents[0].field_errors == []


def test_strict_differs_from_claim_f1(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(**FULL_GOLD), casualty(**FULL_GOLD)])
    write_case(tmp_path, "b", [casualty(**FULL_GOLD)])
    report = run(
        tmp_path,
        {
            "a": [full_pred(side="UA"), full_pred(places=[])],
            "b": [full_pred(certainty="asserted", category="wounded")],  # not strict fields
        },
    )
    assert report.overall.claims.f1 == 1.0
    strict = report.overall.strict
    assert (strict.tp, strict.predicted, strict.gold) == (1, 3, 3)
    assert strict.f1 == pytest.approx(1 / 3)
    assert report.overall.fields["side"].accuracy == pytest.approx(2 / 3)
    assert report.overall.fields["certainty"].accuracy == pytest.approx(2 / 3)


def test_left_out_fields_are_not_scored(tmp_path: Path) -> None:
    gold = casualty(
        quantity={"value": 3000, "low": None, "high": 3000, "hedge": "up_to"},  # no unit
        date={"end": None},  # no start
        claimant={"type": "anonymous"},  # no name, no side
    )
    write_case(tmp_path, "a", [gold])
    wrong = full_pred(
        side="UA",
        category="wounded",
        quantity=Quantity(value=3000, high=3000, hedge="up_to", unit="km"),
        date=DateRef(start="2025-11-20"),
        claimant=Claimant(type="anonymous", name="Somebody", side="UA"),
        places=[],
        certainty="denied",
    )
    report = run(tmp_path, {"a": [wrong]})
    totals = {name: acc.total for name, acc in report.overall.fields.items()}
    assert totals == {
        "category": 0,
        "side": 0,
        "quantity.value": 1,
        "quantity.hedge": 1,
        "quantity.unit": 0,
        "places": 0,
        "date.start": 0,
        "claimant.type": 1,
        "claimant.name": 0,
        "claimant.side": 0,
        "certainty": 0,
    }
    assert report.overall.strict.tp == 1  # a left-out side or places does not block strict
    assert report.documents[0].field_errors == []


def test_gold_quantity_null_is_scored(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(quantity=None)])
    right = run(tmp_path, {"a": [pred("casualties", 0, S1_END)]})
    for name in ("quantity.value", "quantity.hedge", "quantity.unit"):
        assert (right.overall.fields[name].correct, right.overall.fields[name].total) == (1, 1)
    assert right.overall.strict.tp == 1

    some = pred("casualties", 0, S1_END, quantity=Quantity(value=3000, hedge="up_to"))
    wrong = run(tmp_path, {"a": [some]})  # unit None still wrong: quantity should be null
    for name in ("quantity.value", "quantity.hedge", "quantity.unit"):
        assert (wrong.overall.fields[name].correct, wrong.overall.fields[name].total) == (0, 1)
    assert wrong.overall.strict.tp == 0
    first = wrong.to_dict()["documents"][0]["field_errors"][0]
    assert (first["field"], first["gold"], first["predicted"]) == ("quantity.value", None, 3000.0)


def test_gold_quantity_left_out_is_not_scored(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty()])
    some = pred("casualties", 0, S1_END, quantity=Quantity(value=1))
    report = run(tmp_path, {"a": [some]})
    assert report.overall.fields["quantity.value"].total == 0
    assert report.overall.strict.tp == 1


def test_gold_quantity_wrong_when_predicted_null(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(quantity=FULL_GOLD["quantity"])])
    report = run(tmp_path, {"a": [pred("casualties", 0, S1_END)]})
    assert report.overall.fields["quantity.value"].correct == 0
    assert report.overall.fields["quantity.unit"].correct == 0


def test_number_tolerance(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(quantity={"value": 1.5, "hedge": "exact"})])
    near = pred("casualties", 0, S1_END, quantity=Quantity(value=1.5 + 1e-12))
    far = pred("casualties", 0, S1_END, quantity=Quantity(value=1.5001))
    assert run(tmp_path, {"a": [near]}).overall.fields["quantity.value"].correct == 1
    assert run(tmp_path, {"a": [far]}).overall.fields["quantity.value"].correct == 0


@pytest.mark.parametrize(
    ("places", "right"),
    [
        ([Place(mention="Kupyansk", name="KUPIANSK")], True),
        ([Place(mention="kupiansk")], True),  # no name: the mention counts
        ([Place(mention="Kupiansk", name="Kharkiv")], False),
        ([Place(mention="Kupiansk"), Place(mention="Kharkiv")], False),
        ([], False),
    ],
)
def test_places_case_folded_sets(tmp_path: Path, places: list[Place], right: bool) -> None:
    write_case(tmp_path, "a", [casualty(places=["Kupiansk"])])
    report = run(tmp_path, {"a": [pred("casualties", 0, S1_END, places=places)]})
    assert report.overall.fields["places"].correct == int(right)
    assert report.overall.strict.tp == int(right)


def test_date_start(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(date={"start": "2025-11-20", "end": "2025-11-20"})])
    right = pred("casualties", 0, S1_END, date=DateRef(start="2025-11-20"))
    assert run(tmp_path, {"a": [right]}).overall.fields["date.start"].correct == 1
    missing = run(tmp_path, {"a": [pred("casualties", 0, S1_END)]})
    assert missing.overall.fields["date.start"].correct == 0


# --- flags and languages --------------------------------------------------------------------


def test_flags_prf_per_code(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [], flags=["anonymous_sourcing", "loaded_language"])
    write_case(tmp_path, "b", [], flags=["anonymous_sourcing"])
    write_case(tmp_path, "c", [])
    predicted = {
        "a": ["anonymous_sourcing"],
        "b": ["anonymous_sourcing", "loaded_language"],
        "c": ["loaded_language", "hedge_dropped"],
    }
    report = run(tmp_path, {}, flags=predicted)
    flags = report.overall.flags
    anon = flags["anonymous_sourcing"]
    assert (anon.tp, anon.predicted, anon.gold) == (2, 2, 2)
    loaded = flags["loaded_language"]
    assert (loaded.tp, loaded.predicted, loaded.gold) == (0, 2, 1)
    assert loaded.precision == 0.0 and loaded.recall == 0.0
    hedge = flags["hedge_dropped"]
    assert (hedge.precision, hedge.recall) == (0.0, None)
    assert flags["name_mismatch"].precision is None
    total = report.overall.flags_all
    assert (total.tp, total.predicted, total.gold) == (2, 5, 3)


def test_per_language_split(tmp_path: Path) -> None:
    write_case(tmp_path, "en1", [casualty()], language="en")
    write_case(tmp_path, "ru1", [casualty(), gold_claim("9", "equipment_loss")], language="ru")
    report = run(tmp_path, {"en1": [pred("casualties", 0, S1_END)]})
    assert set(report.by_language) == {"en", "ru"}
    assert report.by_language["en"].claims.recall == 1.0
    assert report.by_language["ru"].claims.recall == 0.0
    assert report.by_language["ru"].documents == 1
    assert report.overall.claims.recall == pytest.approx(1 / 3)
    assert set(report.to_dict()["by_language"]) == {"en", "ru"}


# --- inputs, errors, output -----------------------------------------------------------------


def test_report_passed_to_analyse(tmp_path: Path) -> None:
    text = "Headline without stop\r\n" + TEXT
    write_case(tmp_path, "a", [], text=text, language="ru", published="2024-11-14")
    seen: list[Report] = []

    def analyse(report: Report) -> Document:
        seen.append(report)
        return Document(doc_id="x", text=report.text)

    reports_dir = tmp_path / "reports"
    evaluate(tmp_path / "gold", reports_dir, analyse)
    (report,) = seen
    assert report.text == "Headline without stop\n" + TEXT
    assert report.title == "Headline without stop"
    assert report.published == "2024-11-14"
    assert report.language is None  # detected by the pipeline, never taken from the gold file
    assert report.source == str(reports_dir / "a.txt")


def test_missing_report_and_crash_do_not_stop_the_run(tmp_path: Path) -> None:
    write_case(tmp_path, "gone", [casualty()], write_report=False, flags=["loaded_language"])
    write_case(tmp_path, "boom", [casualty(), casualty()])
    write_case(tmp_path, "ok", [casualty()])

    def analyse(report: Report) -> Document:
        if "boom" in (report.source or ""):
            raise RuntimeError("kaput")
        return analyser({"ok": [pred("casualties", 0, S1_END)]})(report)

    report = evaluate(tmp_path / "gold", None, analyse)
    claims = report.overall.claims
    assert (claims.tp, claims.predicted, claims.gold) == (1, 1, 4)
    assert report.overall.documents == 3
    errors = dict(report.errors)
    assert set(errors) == {"gone", "boom"}
    assert "kaput" in errors["boom"]
    assert report.overall.flags["loaded_language"].gold == 1
    gone = next(doc for doc in report.documents if doc.name == "gone")
    assert [fn.anchor for fn in gone.false_negatives] == ["up to 3,000"]


def test_anchor_offset_warning(tmp_path: Path) -> None:
    bad = {"anchor": "up to 3,000", "anchor_start": 3, "kind": "casualties"}
    write_case(tmp_path, "a", [bad])
    report = run(tmp_path, {})
    assert any("not at 3" in w for w in report.documents[0].warnings)


def test_to_dict_and_render(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(**FULL_GOLD), gold_claim("9", "equipment_loss")])
    report = run(tmp_path, {"a": [full_pred(side="UA"), pred("strike", S2_START, S2_START + 10)]})
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["claims"]["f1"] == pytest.approx(0.5)
    assert data["overall"]["fields"]["side"] == {"correct": 0, "n": 1, "accuracy": 0.0}
    doc = data["documents"][0]
    assert doc["field_errors"][0]["field"] == "side"
    assert doc["false_positives"][0]["excerpt"] == TEXT[S2_START : S2_START + 10]
    assert doc["false_negatives"] == [
        {"kind": "equipment_loss", "anchor": "9", "anchor_start": at("9")}
    ]

    console = Console(record=True, width=160)
    report.render(console)
    quiet = console.export_text()
    assert "strict F1" in quiet and "quantity.unit" in quiet and "FN" not in quiet
    console = Console(record=True, width=160)
    report.render(console, verbose=True)
    loud = console.export_text()
    assert "FN equipment_loss" in loud and "FP strike" in loud and "side" in loud
    assert "a (en)" in loud


def test_load_gold_reads_left_out_fields(tmp_path: Path) -> None:
    write_case(tmp_path, "a", [casualty(side=None, claimant={"type": "author"})])
    (doc,) = load_gold(tmp_path / "gold")
    (claim,) = doc.claims
    assert dict(claim.fields) == {"side": None, "claimant.type": "author"}
    assert claim.anchor_end == claim.anchor_start + len("up to 3,000")
    assert doc.published == "2025-11-21" and doc.language == "en"


# --- the shared development set -------------------------------------------------------------


def shared_gold() -> Path:
    gold_dir = SHARED_DEV / "gold"
    if not gold_dir.is_dir():
        pytest.skip(f"no development gold at {gold_dir}")
    return gold_dir


def test_load_shared_gold() -> None:
    docs = load_gold(shared_gold())
    assert len(docs) == 17
    assert sum(len(doc.claims) for doc in docs) == 155


def claim_from_gold(raw: dict[str, Any], start: int, end: int) -> Claim:
    """A predicted claim that says exactly what a gold claim says."""
    quantity = raw.get("quantity")
    date = raw.get("date")
    return Claim(
        kind=raw["kind"],
        category=raw.get("category"),
        side=raw.get("side"),
        quantity=Quantity(**quantity) if quantity else None,
        places=[Place(mention=name.upper()) for name in raw.get("places", [])],
        date=DateRef(**date) if date else None,
        claimant=Claimant(**raw.get("claimant", {})),
        certainty=raw.get("certainty", "asserted"),
        evidence=Span(start=start, end=end),
    )


def test_shared_gold_perfect_analyser_scores_one() -> None:
    gold_dir = shared_gold()
    by_file = {doc.text_file: doc for doc in load_gold(gold_dir)}

    def analyse(report: Report) -> Document:
        gold = by_file[Path(report.source or "").name]
        claims = [claim_from_gold(dict(c.raw), c.anchor_start, c.anchor_end) for c in gold.claims]
        flags = [Flag(code=code, message="gold") for code in sorted(gold.flags)]
        return Document(doc_id="x", text=report.text, claims=claims, flags=flags)

    report = evaluate(gold_dir, None, analyse)
    assert report.errors == []
    assert all(not doc.warnings for doc in report.documents)
    assert report.overall.claims.f1 == 1.0
    assert report.overall.strict.f1 == 1.0
    assert all(acc.accuracy == 1.0 for acc in report.overall.fields.values())
    assert report.overall.flags_all.f1 == 1.0
