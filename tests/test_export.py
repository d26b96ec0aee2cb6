"""Exports: csv, jsonl, geojson and parquet round trips; ACLED- and UCDP-like columns; CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _claimdocs import (
    KHARKIV_OBLAST,
    KUPIANSK,
    POKROVSK,
    RU_MOD,
    UA_GS,
    UNRESOLVED,
    day,
    make_doc,
    qty,
)
from warclaims.cli import app
from warclaims.export import (
    ACLED_COLUMNS,
    FLAT_COLUMNS,
    UCDP_COLUMNS,
    ExportFilters,
    export,
    iter_records,
    read_csv,
    read_geojson,
    read_jsonl,
    read_parquet,
)
from warclaims.model import Claimant, DateRef, Span
from warclaims.store import open_store

runner = CliRunner()

DOCS = [
    make_doc(
        "TASS",
        "2025-11-18",
        ("Up to 240 Ukrainian servicemen were killed near Kupiansk and Novoye.", {"kind":
         "casualties", "category": "killed", "side": "UA", "quantity": qty(240, "up_to"),
         "places": [KUPIANSK, UNRESOLVED], "claimant": RU_MOD}),
        ("Russian forces took Kupiansk on Tuesday, \"fully\".", {"kind": "territorial_control",
         "category": "captured", "side": "RU", "places": [KUPIANSK], "date": DateRef(
         mention="on Tuesday", start="2025-11-18", end="2025-11-18", precision="day"),
         "claimant": Claimant(mention="the ministry", name="Russian Ministry of Defence",
         type="official", side="RU", via=["TASS", "RIA"]), "anchor": Span(start=75, end=90)}),
        ("A drone strike hit the Kharkiv region.", {"kind": "strike", "side": "RU",
         "places": [KHARKIV_OBLAST], "date": day("2025-11-17")}),
        url="https://www.tass.example/1",
    ),
    make_doc(
        "Ukrinform",
        "2025-11-19",
        ("Between 20 and 30 Russian soldiers were killed near Kupiansk.", {"kind":
         "casualties", "category": "killed", "side": "RU", "quantity": qty(20, "range",
         low=20, high=30), "places": [KUPIANSK], "claimant": UA_GS}),
        ("About 1,030 Russian troops were lost, per the General Staff.", {"kind":
         "casualties", "category": "casualties", "side": "RU", "quantity": qty(1030, "approx"),
         "claimant": UA_GS}),
        ("Fighting raged in Pokrovsk.", {"kind": "fighting", "places": [POKROVSK]}),
        ("Ukraine denied the loss of Kupiansk.", {"kind": "territorial_control",
         "category": "captured", "side": "RU", "places": [KUPIANSK], "claimant": UA_GS,
         "certainty": "denied"}),
    ),
    make_doc(
        "Kyiv Post",
        "2025-11-19",
        ("At least 25 Russian soldiers were killed near Kupiansk.", {"kind": "casualties",
         "category": "killed", "side": "RU", "quantity": qty(25, "at_least"),
         "places": [KUPIANSK], "claimant": UA_GS}),
    ),
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "claims.db")
    with open_store(path) as store:
        for doc in DOCS:
            store.add(doc)
    return path


def stored_claims(db: str, **filters: str) -> dict[int, object]:
    with open_store(db) as store:
        return {r.claim_id: r.claim for r in iter_records(store, ExportFilters(**filters))}


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [
        ("csv", read_csv),
        ("jsonl", read_jsonl),
        ("geojson", read_geojson),
        ("parquet", read_parquet),
    ],
)
def test_round_trip(db: str, tmp_path: Path, fmt: str, reader) -> None:
    out = tmp_path / f"claims.{fmt}"
    with open_store(db) as store:
        export(store, fmt, path=out)
    back = dict(reader(out))
    original = stored_claims(db)
    assert len(original) == 8
    assert back == original


def test_csv_columns_and_evidence(db: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    with open_store(db) as store:
        assert export(store, "csv", path=out) == 8
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == FLAT_COLUMNS
    first = rows[0]
    assert first["evidence_text"].startswith("Up to 240 Ukrainian")
    assert (first["value"], first["hedge"], first["unit"]) == ("240.0", "up_to", "personnel")
    assert (first["place"], first["admin1"], first["latitude"]) == (
        "Kupiansk",
        "Kharkiv Oblast",
        "49.71",
    )
    assert json.loads(first["outlets"]) == ["TASS"]
    assert json.loads(rows[1]["claimant_via"]) == ["TASS", "RIA"]


def test_geojson_features_per_located_place(db: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.geojson"
    with open_store(db) as store:
        n = export(store, "geojson", path=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [37.616, 49.71]}
    assert first["properties"]["place_index"] == 0
    unlocated = [f for f in data["features"] if f["geometry"] is None]
    assert [f["properties"]["kind"] for f in unlocated] == ["casualties"]  # the 1,030


def test_filters(db: str) -> None:
    assert len(stored_claims(db, kind="casualties")) == 4
    assert len(stored_claims(db, side="ru", kind="casualties")) == 3
    assert len(stored_claims(db, place="kupiansk")) == 5
    assert len(stored_claims(db, since="2025-11-19")) == 5
    assert len(stored_claims(db, until="2025-11-17")) == 1  # the strike, dated 17 November
    with pytest.raises(ValueError, match="unknown side"):
        ExportFilters(side="NATO")


def _csv_rows(db: str, fmt: str, **filters: str) -> list[dict[str, str]]:
    buffer = io.StringIO()
    with open_store(db) as store:
        export(store, fmt, filters=ExportFilters(**filters), out=buffer)
    return list(csv.DictReader(io.StringIO(buffer.getvalue())))


def test_acled_columns_and_mapping(db: str) -> None:
    rows = _csv_rows(db, "acled")
    assert tuple(rows[0]) == ACLED_COLUMNS
    by_kind = {(r["kind"], r["certainty"]): r for r in rows}
    killed = rows[0]
    assert (killed["event_type"], killed["sub_event_type"]) == ("Battles", "Armed clash")
    assert killed["actor1"].startswith("Military Forces of Russia")
    assert killed["actor2"].startswith("Military Forces of Ukraine")
    assert (killed["fatalities"], killed["time_precision"], killed["geo_precision"]) == (
        "240",
        "2",
        "1",
    )
    assert (killed["event_date"], killed["source"], killed["location"]) == (
        "2025-11-18",
        "TASS",
        "Kupiansk",
    )
    assert killed["notes"].startswith("Russian Ministry of Defence (asserted): Up to 240")
    captured = by_kind[("territorial_control", "asserted")]
    assert captured["sub_event_type"] == "Non-state actor overtakes territory"
    assert captured["time_precision"] == "1" and captured["fatalities"] == "0"
    strike = by_kind[("strike", "asserted")]
    assert (strike["event_type"], strike["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert strike["geo_precision"] == "3" and strike["admin1"] == "Kharkiv Oblast"
    ranged = rows[3]
    assert ranged["fatalities"] == "20"  # the lower figure of "between 20 and 30"


def test_ucdp_rows_summarise_sources(db: str) -> None:
    rows = _csv_rows(db, "ucdp", kind="casualties")
    assert tuple(rows[0]) == UCDP_COLUMNS
    ru = [r for r in rows if r["side"] == "RU" and r["category"] == "killed"]
    assert len(ru) == 1
    row = ru[0]
    # "20 to 30" and "at least 25": bounds 25..30, best the lower median of 25 and 25
    assert (row["low"], row["best"], row["high"]) == ("25", "25", "30")
    assert row["deaths_a"] == "25" and row["deaths_b"] == ""
    assert row["n_sources"] == "2" and row["source_article"] == "Kyiv Post; Ukrinform"
    assert (row["where_prec"], row["adm_1"], row["latitude"]) == ("1", "Kharkiv Oblast", "49.71")
    assert row["date_prec"] == "2" and row["type_of_violence"] == "1"


def test_cli_export(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "--kind", "fighting"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["places"][0]["name"] == "Pokrovsk"
    assert "1 rows written" in result.stderr
    out = tmp_path / "c.parquet"
    assert (
        runner.invoke(app, ["export", "-f", "parquet", "--db", db, "-o", str(out)]).exit_code == 0
    )
    assert len(read_parquet(out)) == 8
    for args, message in (
        (["-f", "parquet"], "give an output file"),
        (["-f", "xlsx"], "unknown format"),
        (["-f", "csv", "--side", "NATO"], "unknown side"),
        (["-f", "csv", "-o", str(tmp_path / "no" / "x.csv")], "does not exist"),
    ):
        bad = runner.invoke(app, ["export", "--db", db, *args])
        assert bad.exit_code == 2, bad.output
        assert message in bad.stderr and "Traceback" not in bad.output
