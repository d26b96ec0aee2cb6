"""Reference series: the shipped snapshots, periods, ratios, the build script, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _claimdocs import KUPIANSK, RU_SOURCE, UA_GS, day, make_doc, qty
from warclaims.cli import app
from warclaims.model import Claim, Span
from warclaims.reference import ReferenceError, compare_claim, reference_for_filters
from warclaims.reference.build import DATA_DIR, build
from warclaims.reference.series import general_staff, oryx
from warclaims.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE_SRC = SHARED / "data" / "reference"
D = dt.date.fromisoformat
runner = CliRunner()


def claim(**spec: object) -> Claim:
    return Claim(evidence=Span(start=0, end=1), **spec)  # type: ignore[arg-type]


def test_general_staff_losses_are_differences_of_morning_reports() -> None:
    gs = general_staff()
    # reports: 2025-11-20 morning 1,162,120; 2025-11-21 morning 1,163,170
    assert gs.total("personnel", D("2025-11-20")) == 1_162_120
    count = gs.losses("personnel", D("2025-11-20"), D("2025-11-20"))
    assert count.value == 1_050 and count.note is None
    month = gs.losses("personnel", D("2025-11-01"), D("2025-11-30"))
    assert month.value == gs.total("personnel", D("2025-12-01")) - gs.total(  # type: ignore[operator]
        "personnel", D("2025-11-01")
    )
    unknown = gs.losses("tanks", D("2020-01-01"), D("2020-01-02"))
    assert unknown.value is None and "covers reports" in (unknown.note or "")


def test_oryx_counts_confirmed_losses_in_a_period() -> None:
    series = oryx()
    april = series.confirmed("RU", "mlrs", D("2025-04-01"), D("2025-04-30"))
    assert april.value == 4
    assert series.confirmed("RU", "unspecified", D("2025-07-01"), D("2025-07-19")).value
    late = series.confirmed("RU", "tanks", D("2025-11-01"), D("2025-11-20"))
    assert late.value is None and "ends on 2025-07-19" in (late.note or "")
    early = series.confirmed("RU", "tanks", D("2023-01-01"), D("2023-12-31"))
    assert early.value is None and "only from" in (early.note or "")


def test_claim_against_the_series_of_its_period() -> None:
    seed = claim(
        kind="casualties",
        category="killed",
        side="RU",
        quantity=qty(3000, "up_to"),
        claimant=RU_SOURCE,
    )
    one_day = compare_claim(1, "doc", "2025-11-21", seed)
    assert (one_day.start, one_day.end, one_day.period_from) == (
        D("2025-11-20"),
        D("2025-11-20"),
        "publication date",
    )
    assert one_day.general_staff and one_day.general_staff.value == 1_050
    assert one_day.ratio(one_day.general_staff) == pytest.approx(3000 / 1050)
    assert one_day.oryx is None  # no Oryx series of personnel
    given = compare_claim(1, "doc", "2025-11-21", seed, since="2025-11-01", until="2025-11-20")
    assert given.period_from == "given" and given.general_staff.value == 20_440  # type: ignore[union-attr]
    assert "killed and wounded" in " ".join(given.notes)


def test_equipment_claims_use_both_series_and_the_claim_date() -> None:
    tanks = claim(
        kind="equipment_loss",
        category="tanks",
        side="RU",
        quantity=qty(20, unit="equipment"),
        date=day("2025-04-10"),
    )
    result = compare_claim(7, "doc", "2025-04-12", tanks)
    assert result.period_from == "claim date"
    assert result.general_staff and result.general_staff.value is not None
    assert result.oryx and result.oryx.value is not None
    data = result.to_dict()
    assert data["period"] == {
        "start": "2025-04-10",
        "end": "2025-04-10",
        "days": 1,
        "from": "claim date",
    }
    assert data["general_staff"]["ratio"] == round(20 / result.general_staff.value, 4)
    ua = compare_claim(8, "doc", "2025-04-12", tanks.model_copy(update={"side": "UA"}))
    assert ua.general_staff is None and ua.oryx is not None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"kind": "fighting"}, "personnel and equipment"),
        ({"kind": "casualties", "category": "killed", "side": "RU"}, "no figure"),
        (
            {"kind": "casualties", "category": "killed", "side": "UA", "quantity": qty(5)},
            "Ukrainian",
        ),
        (
            {"kind": "casualties", "category": "missing", "side": "RU", "quantity": qty(5)},
            "missing",
        ),
        ({"kind": "equipment_loss", "category": "tanks", "quantity": qty(5)}, "side"),
    ],
)
def test_claims_without_a_reference(spec: dict, message: str) -> None:
    with pytest.raises(ReferenceError, match=message):
        compare_claim(1, "doc", "2025-11-21", claim(**spec))


def _store(path: Path) -> None:
    doc = make_doc(
        "Viral Daily",
        "2025-11-21",
        ("Up to 3,000 Russian fighters were killed.", {"kind": "casualties", "category":
         "killed", "side": "RU", "quantity": qty(3000, "up_to"), "places": [KUPIANSK],
         "claimant": RU_SOURCE}),
        ("Ukraine lost 240 soldiers.", {"kind": "casualties", "category": "killed",
         "side": "UA", "quantity": qty(240), "claimant": UA_GS}),
    )  # fmt: skip
    with open_store(str(path)) as store:
        store.add(doc)


def test_filters_select_claims_and_skip_those_without_reference(tmp_path: Path) -> None:
    _store(tmp_path / "s.db")
    with open_store(str(tmp_path / "s.db")) as store:
        results, skipped = reference_for_filters(store, kind="casualties")
        assert [r.claim.side for r in results] == ["RU"] and skipped == 1
        assert reference_for_filters(store, since="2025-12-01")[0] == []


def test_cli_reference(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    _store(tmp_path / "s.db")
    result = runner.invoke(
        app,
        ["reference", "1", "--db", db, "--since", "2025-11-01", "--until", "2025-11-20", "--json"],
    )
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)["comparisons"]
    assert item["general_staff"]["value"] == 20_440
    assert item["period"]["days"] == 20
    table = runner.invoke(app, ["reference", "--db", db, "--kind", "casualties"])
    assert table.exit_code == 0 and "×2.86" in table.stdout
    bad = runner.invoke(app, ["reference", "2", "--db", db])
    assert bad.exit_code == 1 and "Ukrainian personnel" in bad.stderr
    missing = runner.invoke(app, ["reference", "99", "--db", db])
    assert missing.exit_code == 1 and "no stored claim 99" in missing.stderr
    half = runner.invoke(app, ["reference", "1", "--db", db, "--since", "2025-11-01"])
    assert half.exit_code == 1 and "both --since and --until" in half.stderr


def test_shipped_snapshot_and_attribution() -> None:
    names = {p.name for p in DATA_DIR.iterdir()}
    assert {"general_staff.csv.gz", "oryx.csv.gz", "ATTRIBUTION.md"} <= names
    text = (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "MIT" in text and "Changes made" in text


@pytest.mark.skipif(not REFERENCE_SRC.is_dir(), reason="../shared/data/reference is absent")
def test_build_reproduces_the_shipped_snapshot(tmp_path: Path) -> None:
    report = build(REFERENCE_SRC, tmp_path)
    assert report.gs_first == "2022-02-25" and report.oryx_last == "2025-07-19"
    for name in ("general_staff.csv.gz", "general_staff_corrections.csv.gz", "oryx.csv.gz"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
