"""The JSON API and the HTML pages through FastAPI's TestClient, over a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warclaims.api import create_app
from warclaims.api.routes import documents as documents_routes
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
from warclaims.store import open_store
from warclaims.store.queries import ensure_indexes
from warclaims.web.highlight import runs

TOKEN = "test-token-1234"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KUPYANSK_TXT = Path(__file__).resolve().parents[2] / "shared" / "examples" / "kupyansk.txt"

KUPIANSK = Place(
    mention="Kupyansk",
    name="Kupiansk",
    gazetteer_id="703656",
    admin1="Kharkiv Oblast",
    lat=49.71,
    lon=37.62,
)
VOVCHANSK = Place(
    mention="Volchansk",
    name="Vovchansk",
    gazetteer_id="686967",
    admin1="Kharkiv Oblast",
    lat=50.29,
    lon=36.94,
)
POKROVSK = Place(
    mention="Pokrovsk",
    name="Pokrovsk",
    gazetteer_id="708546",
    admin1="Donetsk Oblast",
    lat=48.28,
    lon=37.18,
)
UNRESOLVED = Place(mention="Novoye")


def _claim(text: str, phrase: str, **fields: object) -> Claim:
    start = text.index(phrase)
    return Claim(evidence=Span(start=start, end=start + len(phrase)), **fields)  # type: ignore[arg-type]


def doc_a() -> Document:
    """Russian claims about Kharkiv Oblast, published 2025-11-20, with two flags."""
    text = (
        "Kupyansk captured, says Gerasimov\n"
        "Russian forces captured Kupyansk on November 18, Valery Gerasimov told Putin.\n"
        "A source said up to 3,000 Ukrainian soldiers were killed near Volchansk.\n"
    )
    gerasimov = Claimant(
        mention="Valery Gerasimov", name="Valery Gerasimov", type="official", side="RU"
    )
    source = Claimant(mention="A source", type="anonymous", side="RU")
    return Document(
        doc_id=doc_id_for(text),
        title="Kupyansk captured, says Gerasimov",
        published="2025-11-20",
        publisher="Example News",
        url="https://example.org/a",
        language="en",
        text=text,
        claims=[
            _claim(
                text,
                "Russian forces captured Kupyansk on November 18",
                kind="territorial_control",
                category="captured",
                side="RU",
                places=[KUPIANSK],
                date=DateRef(
                    mention="November 18", start="2025-11-18", end="2025-11-18", precision="day"
                ),
                claimant=gerasimov,
            ),
            _claim(
                text,
                "up to 3,000 Ukrainian soldiers were killed near Volchansk",
                kind="casualties",
                category="killed",
                side="UA",
                quantity=Quantity(value=3000, high=3000, hedge="up_to", unit="personnel"),
                places=[VOVCHANSK, UNRESOLVED],
                claimant=source,
                certainty="reported",
            ),
        ],
        flags=[
            Flag(
                code="anonymous_sourcing",
                message="rests on an unnamed source",
                evidence=[Span(start=80, end=88)],
            ),
            Flag(code="loaded_language", message="loaded", evidence=[Span(start=100, end=106)]),
        ],
    )


def doc_b() -> Document:
    """A Ukrainian report on Pokrovsk, published 2025-11-22, no flags."""
    text = (
        "Pokrovsk holds\n"
        "Ukraine's General Staff said 40 Russian tanks were destroyed near Pokrovsk.\n"
        "Fighting continues in Pokrovsk, the General Staff said.\n"
    )
    staff = Claimant(
        mention="General Staff", name="General Staff of Ukraine", type="official", side="UA"
    )
    return Document(
        doc_id=doc_id_for(text),
        title="Pokrovsk holds",
        published="2025-11-22",
        publisher="Kyiv Wire",
        language="en",
        text=text,
        claims=[
            _claim(
                text,
                "40 Russian tanks were destroyed near Pokrovsk",
                kind="equipment_loss",
                category="tanks",
                side="RU",
                quantity=Quantity(value=40, unit="equipment"),
                places=[POKROVSK],
                claimant=staff,
            ),
            _claim(
                text,
                "Fighting continues in Pokrovsk",
                kind="fighting",
                places=[POKROVSK],
                claimant=staff,
            ),
        ],
    )


def doc_c() -> Document:
    """A Russian-language report without a date; a formula-looking claimant."""
    text = "Удар по Харькову\nВ Харькове ночью был нанесён удар, сообщил =HYPERLINK источник.\n"
    return Document(
        doc_id=doc_id_for(text),
        title="Удар по Харькову",
        publisher="Лента",
        language="ru",
        text=text,
        claims=[
            _claim(
                text,
                "В Харькове ночью был нанесён удар",
                kind="strike",
                places=[
                    Place(
                        mention="Харькове",
                        name="Kharkiv",
                        admin1="Kharkiv Oblast",
                        lat=49.99,
                        lon=36.23,
                    )
                ],
                claimant=Claimant(mention="=HYPERLINK источник", type="anonymous"),
                certainty="reported",
            )
        ],
    )


def make_store(path: Path) -> str:
    with open_store(str(path)) as store:
        for doc in (doc_a(), doc_b(), doc_c()):
            assert store.add(doc)
    return str(path)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The three documents, for the read-only tests of this module."""
    return make_store(tmp_path_factory.mktemp("api") / "claims.db")


@pytest.fixture(scope="module")
def reader(shared_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(shared_db, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def db_path(tmp_path: Path) -> str:
    """A store of its own, for a test that writes."""
    return make_store(tmp_path / "claims.db")


@pytest.fixture()
def client(db_path: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_path, token=TOKEN)) as c:
        yield c


def fake_analyse(report: Report) -> Document:
    """A fast stand-in for the pipeline: one fighting claim over the first line."""
    first = report.text.split("\n", 1)[0]
    return Document(
        doc_id=doc_id_for(report.text),
        title=report.title,
        published=report.published,
        publisher=report.publisher,
        url=report.url,
        language=report.language or "en",  # type: ignore[arg-type]
        text=report.text,
        claims=[Claim(kind="fighting", evidence=Span(start=0, end=len(first)))],
    )


@pytest.fixture()
def fast_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_routes, "analyse_report", fake_analyse)
    from warclaims.web import pages

    monkeypatch.setattr(pages, "analyse_report", fake_analyse)


def error_of(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]


# -- health, documents ---------------------------------------------------------------------------


def test_health_counts_and_write_state(reader: TestClient) -> None:
    body = reader.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == 3
    assert body["counts"]["claims"] == 5
    assert body["writes_enabled"] is True


def test_documents_list_newest_first_with_counts(reader: TestClient) -> None:
    body = reader.get("/api/documents").json()
    assert body["total"] == 3
    assert body["next_offset"] is None
    titles = [d["title"] for d in body["items"]]
    assert titles == ["Pokrovsk holds", "Kupyansk captured, says Gerasimov", "Удар по Харькову"]
    a = body["items"][1]
    assert a["n_claims"] == 2
    assert a["n_flags"] == 2
    assert a["flags"] == {"anonymous_sourcing": 1, "loaded_language": 1}
    assert a["publisher"] == "Example News"


def test_documents_pagination(reader: TestClient) -> None:
    first = reader.get("/api/documents", params={"limit": 2}).json()
    assert len(first["items"]) == 2
    assert first["next_offset"] == 2
    second = reader.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["title"] for d in second["items"]] == ["Удар по Харькову"]
    assert second["next_offset"] is None
    by_title = reader.get("/api/documents", params={"sort": "title"}).json()
    assert by_title["items"][0]["title"] == "Kupyansk captured, says Gerasimov"


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"published_from": "2025-11-21"}, ["Pokrovsk holds"]),
        ({"published_to": "2025-11-21"}, ["Kupyansk captured, says Gerasimov"]),
        ({"publisher": "example"}, ["Kupyansk captured, says Gerasimov"]),
        ({"publisher": "ЛЕНТА"}, ["Удар по Харькову"]),
        ({"language": "ru"}, ["Удар по Харькову"]),
        ({"flag": "anonymous_sourcing"}, ["Kupyansk captured, says Gerasimov"]),
        ({"flag": "hedge_dropped"}, []),
        ({"q": "pokrovsk"}, ["Pokrovsk holds"]),
        ({"q": "100%_"}, []),
    ],
)
def test_documents_filters(reader: TestClient, params: dict, titles: list[str]) -> None:
    body = reader.get("/api/documents", params=params).json()
    assert [d["title"] for d in body["items"]] == titles
    assert body["total"] == len(titles)


@pytest.mark.parametrize(
    "params",
    [
        {"published_from": "yesterday"},
        {"language": "fr"},
        {"flag": "nonsense"},
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"sort": "doc_id"},
    ],
)
def test_documents_bad_filters_are_422(reader: TestClient, params: dict) -> None:
    response = reader.get("/api/documents", params=params)
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid_request"
    assert error["details"]


def test_documents_reversed_dates_are_400(reader: TestClient) -> None:
    response = reader.get(
        "/api/documents", params={"published_from": "2025-12-01", "published_to": "2025-11-01"}
    )
    assert response.status_code == 400
    assert "after" in error_of(response)["message"]


def test_one_document_with_claims_flags_and_ids(reader: TestClient) -> None:
    doc = doc_a()
    body = reader.get(f"/api/documents/{doc.doc_id}").json()
    assert body["doc_id"] == doc.doc_id
    assert body["text"] == doc.text
    assert [c["kind"] for c in body["claims"]] == ["territorial_control", "casualties"]
    quantity = body["claims"][1]["quantity"]
    assert (quantity["value"], quantity["high"], quantity["hedge"]) == (3000, 3000, "up_to")
    assert [f["code"] for f in body["flags"]] == ["anonymous_sourcing", "loaded_language"]
    assert len(body["claim_ids"]) == 2
    claim = reader.get(f"/api/claims/{body['claim_ids'][1]}").json()
    assert claim["kind"] == "casualties"
    assert claim["doc_id"] == doc.doc_id


def test_unknown_document_and_claim_are_404(reader: TestClient) -> None:
    response = reader.get("/api/documents/0000000000000000")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    assert reader.get("/api/claims/999999").status_code == 404
    assert reader.get("/api/claims/abc").status_code == 422
    assert reader.get("/api/claims/0").status_code == 422
    assert error_of(reader.get("/api/nothing-here"))["code"] == "not_found"
    response = reader.delete("/api/documents")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


# -- claims ----------------------------------------------------------------------------------------


def claim_kinds(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [c["kind"] for c in body["items"]]


def test_claims_list_shape(reader: TestClient) -> None:
    body = reader.get("/api/claims").json()
    assert body["total"] == 5
    first = body["items"][0]
    assert first["claim_id"] >= 1
    assert first["title"] == "Kupyansk captured, says Gerasimov"
    assert first["published"] == "2025-11-20"
    assert first["publisher"] == "Example News"
    assert first["places"][0]["name"] == "Kupiansk"
    assert first["claimant"]["name"] == "Valery Gerasimov"


@pytest.mark.parametrize(
    ("params", "kinds"),
    [
        ({"kind": "casualties"}, ["casualties"]),
        ({"category": "TANKS"}, ["equipment_loss"]),
        ({"side": "UA"}, ["casualties"]),
        ({"side": "RU"}, ["territorial_control", "equipment_loss"]),
        ({"place": "kupiansk"}, ["territorial_control"]),
        ({"place": "Kupyansk"}, ["territorial_control"]),
        ({"place": "novoye"}, ["casualties"]),
        ({"place": "харькове"}, ["strike"]),
        ({"place": "Donetsk Oblast"}, ["equipment_loss", "fighting"]),
        ({"oblast": "Kharkiv"}, ["territorial_control", "casualties", "strike"]),
        ({"oblast": "kharkiv oblast"}, ["territorial_control", "casualties", "strike"]),
        ({"bbox": "37.0,48.0,38.0,50.0"}, ["territorial_control", "equipment_loss", "fighting"]),
        ({"date_from": "2025-11-19"}, ["casualties", "equipment_loss", "fighting"]),
        ({"date_to": "2025-11-18"}, ["territorial_control"]),
        ({"date_from": "2025-11-18", "date_to": "2025-11-18"}, ["territorial_control"]),
        ({"claimant": "gerasim"}, ["territorial_control"]),
        ({"claimant": "ИСТОЧНИК"}, ["strike"]),
        ({"claimant": "%"}, []),
        ({"claimant_type": "anonymous"}, ["casualties", "strike"]),
        ({"certainty": "reported"}, ["casualties", "strike"]),
        ({"kind": "fighting", "side": "RU"}, []),
        ({"kind": "equipment_loss", "side": "RU"}, ["equipment_loss"]),
        ({"oblast": "Kharkiv", "certainty": "reported", "kind": "casualties"}, ["casualties"]),
    ],
)
def test_claims_filters(reader: TestClient, params: dict, kinds: list[str]) -> None:
    assert claim_kinds(reader, **params) == kinds


def test_claims_filter_by_document(reader: TestClient) -> None:
    assert claim_kinds(reader, doc_id=doc_b().doc_id) == ["equipment_loss", "fighting"]


def test_claims_sort_and_pages(reader: TestClient) -> None:
    assert claim_kinds(reader, sort="-value")[:2] == ["casualties", "equipment_loss"]
    by_date = claim_kinds(reader, sort="date")
    assert by_date[0] == "territorial_control"  # 2025-11-18, before the publication dates
    assert by_date[-1] == "strike"  # undated report: last
    page = reader.get("/api/claims", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5
    assert page["next_offset"] == 4
    assert [c["kind"] for c in page["items"]] == ["equipment_loss", "fighting"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"kind": "skirmish"}, 422),
        ({"side": "XX"}, 422),
        ({"certainty": "sure"}, 422),
        ({"claimant_type": "ghost"}, 422),
        ({"date_from": "2025-13-01"}, 422),
        ({"sort": "evidence"}, 422),
        ({"limit": 1000}, 422),
        ({"bbox": "1,2,3"}, 400),
        ({"bbox": "a,b,c,d"}, 400),
        ({"bbox": "40,50,30,45"}, 400),
        ({"date_from": "2025-11-30", "date_to": "2025-11-01"}, 400),
        ({"place": "   "}, 400),
        ({"place": "x" * 201}, 422),
    ],
)
def test_claims_bad_filters(reader: TestClient, params: dict, status: int) -> None:
    response = reader.get("/api/claims", params=params)
    assert response.status_code == status
    error_of(response)


def test_claims_csv(reader: TestClient) -> None:
    response = reader.get("/api/claims.csv", params={"oblast": "Kharkiv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["kind"] for r in rows] == ["territorial_control", "casualties", "strike"]
    casualties = rows[1]
    assert casualties["value"] == "3000"
    assert casualties["hedge"] == "up_to"
    assert casualties["places"] == "Vovchansk; Novoye"
    assert casualties["evidence"] == "up to 3,000 Ukrainian soldiers were killed near Volchansk"
    assert rows[2]["claimant"].startswith("'=")  # never a live spreadsheet formula
    assert reader.get("/api/claims.csv", params={"kind": "x"}).status_code == 422


def test_claims_geojson(reader: TestClient) -> None:
    body = reader.get("/api/claims.geojson").json()
    assert body["type"] == "FeatureCollection"
    # 5 claims; the unresolved Novoye has no point
    assert len(body["features"]) == 5
    feature = next(f for f in body["features"] if f["properties"]["kind"] == "casualties")
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.94, 50.29]}
    assert feature["properties"]["figure"] == "up to 3,000 personnel"
    dated = reader.get("/api/claims.geojson", params={"date_from": "2025-11-21"}).json()
    assert {f["properties"]["kind"] for f in dated["features"]} == {"equipment_loss", "fighting"}


def test_places_search(reader: TestClient) -> None:
    body = reader.get("/api/places", params={"q": "Pok"}).json()
    assert body["query"] == "Pok"
    assert body["stored"][0]["name"] == "Pokrovsk"
    assert body["stored"][0]["n_claims"] == 2
    oblast = reader.get("/api/places", params={"q": "kharkiv"}).json()
    assert {p["name"] for p in oblast["stored"]} >= {"Kupiansk", "Vovchansk", "Kharkiv"}
    resolved = reader.get("/api/places", params={"q": "Kupyansk"}).json()["resolved"]
    assert resolved is not None and resolved["name"] == "Kupiansk"
    assert reader.get("/api/places").status_code == 422
    assert reader.get("/api/places", params={"q": "zzzzqqq"}).json()["stored"] == []


# -- writes ----------------------------------------------------------------------------------------


def test_post_needs_a_configured_token(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARCLAIMS_TOKEN", raising=False)
    with TestClient(create_app(db_path)) as c:
        assert c.get("/api/health").json()["writes_enabled"] is False
        response = c.post("/api/documents", json={"text": "x"}, headers=AUTH)
        assert response.status_code == 403
        assert error_of(response)["code"] == "writes_disabled"
        assert c.get("/api/documents").status_code == 200  # reads stay open


def test_token_comes_from_the_environment(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARCLAIMS_TOKEN", "from-env")
    with TestClient(create_app(db_path)) as c:
        assert c.get("/api/health").json()["writes_enabled"] is True
        bad = c.post("/api/documents", json={"text": "x"}, headers=AUTH)
        assert bad.status_code == 401


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
    ],
)
def test_post_without_the_right_token_is_401(client: TestClient, headers: dict) -> None:
    response = client.post(
        "/api/documents", json={"text": "Fighting in Pokrovsk."}, headers=headers
    )
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/health").json()["counts"]["documents"] == 3


def test_post_json_stores_and_is_idempotent(client: TestClient, fast_analysis: None) -> None:
    body = {
        "text": "Fighting near Kupyansk\nFighting continues near Kupyansk.",
        "published": "2025-11-23",
        "publisher": "Desk",
        "url": "https://example.org/desk",
    }
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    doc = response.json()
    assert doc["published"] == "2025-11-23"
    assert doc["publisher"] == "Desk"
    assert doc["claims"][0]["kind"] == "fighting"
    assert len(doc["claim_ids"]) == 1
    assert response.headers["location"] == f"/api/documents/{doc['doc_id']}"
    assert client.get(response.headers["location"]).json()["text"] == body["text"]
    again = client.post("/api/documents", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["doc_id"] == doc["doc_id"]
    assert client.get("/api/health").json()["counts"]["documents"] == 4


def test_post_file_upload(client: TestClient, fast_analysis: None) -> None:
    data = "Strike on Kharkiv\nA strike hit Kharkiv overnight.".encode("utf-16")
    response = client.post(
        "/api/documents",
        files={"file": ("wire_20251124.txt", data, "text/plain")},
        data={"publisher": "Wire", "language": "en"},
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    doc = response.json()
    assert doc["text"].startswith("Strike on Kharkiv")  # UTF-16 detected
    assert doc["published"] == "2025-11-24"  # from the file name
    assert doc["publisher"] == "Wire"
    assert doc["title"] == "Strike on Kharkiv"


def test_post_form_text(client: TestClient, fast_analysis: None) -> None:
    response = client.post(
        "/api/documents", data={"text": "Shelling in Kherson.", "title": "T"}, headers=AUTH
    )
    assert response.status_code == 201
    assert response.json()["title"] == "T"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"files": {"file": ("evil.exe", b"MZ", "application/octet-stream")}}, 415),
        ({"files": {"file": ("photo.txt", b"\x89PNG", "image/png")}}, 415),
        ({"files": {"file": ("empty.txt", b"", "text/plain")}}, 422),
        ({"files": {"file": ("bin.txt", bytes(range(256)) * 8, "text/plain")}}, 422),
        ({"data": {"title": "no text"}}, 422),
        ({"json": {"text": ""}}, 422),
        ({"json": {"text": "   \n "}}, 422),
        ({"json": {"text": "ok", "published": "someday"}}, 422),
        ({"json": {"text": "ok", "language": "fr"}}, 422),
        ({"json": {"text": "ok", "surprise": 1}}, 422),
        ({"json": ["not", "an", "object"]}, 422),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
        ({"content": b"plain text", "headers": {"Content-Type": "text/plain"}}, 415),
    ],
)
def test_post_bad_reports(
    client: TestClient, fast_analysis: None, kwargs: dict, status: int
) -> None:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = client.post("/api/documents", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    error_of(response)
    assert client.get("/api/health").json()["counts"]["documents"] == 3


def test_body_and_text_limits(db_path: str, fast_analysis: None) -> None:
    app = create_app(db_path, token=TOKEN, max_body_bytes=2_000, max_text_chars=500)
    with TestClient(app) as c:
        big = c.post("/api/documents", json={"text": "x" * 5_000}, headers=AUTH)
        assert big.status_code == 413
        assert error_of(big)["code"] == "too_large"
        long_text = c.post("/api/documents", json={"text": "y" * 800}, headers=AUTH)
        assert long_text.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
            yield b'{"text": "'
            for _ in range(10):
                yield b"z" * 500
            yield b'"}'

        chunked = c.post(
            "/api/documents",
            content=chunks(),
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert chunked.status_code == 413
        page = c.post("/check", data={"text": "w" * 800})
        assert page.status_code == 413
        assert "text/html" in page.headers["content-type"]


@pytest.mark.skipif(not KUPYANSK_TXT.exists(), reason=f"no seed report at {KUPYANSK_TXT}")
def test_post_the_seed_report_through_the_real_pipeline(client: TestClient) -> None:
    response = client.post(
        "/api/documents",
        files={"file": ("kupyansk.txt", KUPYANSK_TXT.read_bytes(), "text/plain")},
        data={"published": "2025-11-21"},
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    doc = response.json()
    assert len(doc["claims"]) == 8
    assert doc["flags"]
    page = client.get(f"/documents/{doc['doc_id']}")
    assert page.text.count('class="tag k-') == 8


# -- security --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/claims", "/map", "/check", "/docs", "/api/claims", "/nope"]
)
def test_security_headers_everywhere(reader: TestClient, path: str) -> None:
    response = reader.get(path)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(reader: TestClient) -> None:
    doc = doc_a()
    for path in ("/", "/claims", "/map", "/check", "/docs", f"/documents/{doc.doc_id}"):
        html = reader.get(path).text
        for opening in html.split("<script")[1:]:
            assert opening.lstrip().startswith("src="), path
        assert " style=" not in html, path
        assert "onclick" not in html.lower() and "onload" not in html.lower(), path


def test_hostile_fields_are_escaped(tmp_path: Path) -> None:
    text = '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{7*7}}\nmore'
    doc = Document(
        doc_id=doc_id_for(text),
        title="<b>bold</b><script>alert(3)</script>",
        publisher='"><svg onload=alert(4)>',
        url="javascript:alert(5)",
        text=text,
        claims=[
            Claim(
                kind="fighting",
                evidence=Span(start=0, end=25),
                places=[Place(mention="<img src=x onerror=alert(6)>")],
                claimant=Claimant(mention="<i>x</i>", type="media"),
            )
        ],
        flags=[
            Flag(
                code="loaded_language",
                message="<script>alert(7)</script>",
                evidence=[Span(start=26, end=40)],
            )
        ],
    )
    db = str(tmp_path / "x.db")
    with open_store(db) as store:
        store.add(doc)
    with TestClient(create_app(db)) as c:
        for path in (f"/documents/{doc.doc_id}", "/", "/claims"):
            html = c.get(path).text
            assert "<script>alert" not in html
            assert "<img src=x" not in html
            assert "<svg onload" not in html
            assert "<b>bold</b>" not in html
            assert 'href="javascript:' not in html
        report = c.get(f"/documents/{doc.doc_id}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
        assert "{{7*7}}" in report  # never evaluated
        assert "javascript:alert(5)" in report  # shown as text, not a link


# -- pages -----------------------------------------------------------------------------------------


def test_documents_page(reader: TestClient) -> None:
    html = reader.get("/").text
    assert "Kupyansk captured, says Gerasimov" in html
    assert f'href="/documents/{doc_a().doc_id}"' in html
    assert "anonymous sourcing" in html
    filtered = reader.get("/", params={"language": "ru", "publisher": "", "flag": ""}).text
    assert "Удар по Харькову" in filtered and "Pokrovsk holds" not in filtered
    bad = reader.get("/", params={"published_from": "nope"})
    assert bad.status_code == 400
    assert "is not a date" in bad.text


def test_report_page_highlights_every_claim(reader: TestClient) -> None:
    doc = doc_a()
    html = reader.get(f"/documents/{doc.doc_id}").text
    assert html.count('class="tag k-') == 2
    assert 'data-claims="0"' in html and 'data-claims="1"' in html
    assert 'class="ev k-casualties' in html
    assert "flagged" in html and 'data-flags="0"' in html
    assert html.count('<template id="card-') == 2
    assert "up to 3,000 personnel" in html
    assert "Valery Gerasimov (official, RU)" in html
    assert 'href="https://example.org/a"' in html
    assert reader.get("/documents/ffffffffffffffff").status_code == 404


def test_claims_page_filters_and_csv_link(reader: TestClient) -> None:
    html = reader.get("/claims", params={"kind": "casualties", "side": "", "place": ""}).text
    assert html.count('<tr data-kind="casualties"') == 1
    assert 'data-kind="fighting"' not in html
    assert 'href="/api/claims.csv?kind=casualties"' in html
    bad = reader.get("/claims", params={"kind": "nope"})
    assert bad.status_code == 400
    assert "unknown kind" in bad.text


def test_map_and_docs_pages(reader: TestClient) -> None:
    html = reader.get("/map").text
    assert "vendor/leaflet/leaflet.js" in html and "geoBoundaries" in html
    assert reader.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    geo = reader.get("/static/geo/ukraine_oblasts_adm1_simplified.geojson").json()
    assert len(geo["features"]) == 27
    docs = reader.get("/docs").text
    for path in ("/api/documents", "/api/claims", "/api/claims.csv", "/api/places", "/api/health"):
        assert f"{path}</code>" in docs
    schema = reader.get("/openapi.json").json()
    assert "/api/documents/{doc_id}" in schema["paths"]
    assert (
        "multipart/form-data" in schema["paths"]["/api/documents"]["post"]["requestBody"]["content"]
    )


def test_check_page(client: TestClient, fast_analysis: None) -> None:
    assert 'action="/check"' in client.get("/check").text
    response = client.post("/check", data={"text": "Fighting in <Pokrovsk>\nmore", "title": ""})
    assert response.status_code == 200
    assert "Checked, not stored" in response.text
    assert "Fighting in &lt;Pokrovsk&gt;" in response.text
    assert response.text.count('class="tag k-') == 1
    assert client.get("/api/health").json()["counts"]["documents"] == 3  # nothing stored
    empty = client.post("/check", data={"text": "  "})
    assert empty.status_code == 422
    assert "empty" in empty.text


# -- app set-up, highlighting, serve -----------------------------------------------------------


def test_in_memory_store_is_refused() -> None:
    with pytest.raises(ValueError, match="store file"):
        create_app(":memory:")


def test_indexes_are_idempotent(db_path: str) -> None:
    with open_store(db_path) as store:
        ensure_indexes(store.connection)
        ensure_indexes(store.connection)
        names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
    assert "wcq_claims_filter" in names


def test_runs_follow_code_points_with_overlaps() -> None:
    text = "😀 Ab 😀 cd ef"
    claims = [
        Claim(kind="fighting", evidence=Span(start=2, end=9), anchor=Span(start=5, end=6)),
        Claim(kind="strike", evidence=Span(start=7, end=12)),
        Claim(kind="strike", evidence=Span(start=50, end=60)),  # out of range: clipped away
    ]
    flags = [Flag(code="loaded_language", message="m", evidence=[Span(start=3, end=4)])]
    out = runs(text, claims, flags)
    assert "".join(r.text for r in out) == text
    pieces = [(r.text, r.claims, r.anchors, r.flags, r.tag) for r in out]
    assert pieces == [
        ("😀 ", (), (), (), None),
        ("A", (0,), (), (), None),
        ("b", (0,), (), (0,), None),
        (" ", (0,), (), (), None),
        ("😀", (0,), (0,), (), None),
        ("", (), (), (), 0),  # claim 1's marker follows its anchor
        (" ", (0,), (), (), None),
        ("cd", (0, 1), (), (), None),
        (" ef", (1,), (), (), None),
        ("", (), (), (), 1),
        ("", (), (), (), 2),  # an out-of-range claim still gets a marker, at the end
    ]
    assert out[7].css == "ev k-strike multi"
    assert out[4].css == "ev k-fighting anchor a-fighting"


def test_serve_command(db_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from warclaims.cli import app

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: seen.update(app=web, **kw))
    result = CliRunner().invoke(app, ["serve", "--db", db_path, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1"
    assert seen["app"].title == "warclaims"
    bad = CliRunner().invoke(app, ["serve", "--db", "postgres://x/y"])
    assert bad.exit_code == 2
    assert "cannot serve" in bad.output


def test_serve_seeds_an_empty_store_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warclaims.commands import serve as serve_cmd

    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "a_20251120.txt").write_text(
        "Fighting continues in Pokrovsk, the General Staff said.\n"
    )
    (seed / "README.md").write_text("not a report")
    db = str(tmp_path / "new.db")
    added, failures = serve_cmd.seed_store(db, seed)
    assert (added, failures) == (1, [])
    assert serve_cmd.seed_store(db, seed) == (0, [])  # not empty any more: nothing read
    with open_store(db) as store:
        assert store.counts()["documents"] == 1


# -- across reports: compare, contradictions, exports, timeline ----------------------------------


def _corpus_or_skip() -> None:
    from warclaims.api.routes.corpus import available

    if not available():
        pytest.skip("warclaims.compare / export / reference are not installed")


def denial_doc() -> Document:
    """Ukraine's General Staff denies the capture of Kupiansk that doc_a reports."""
    text = "Kupiansk holds\nThe General Staff denied that Russian forces captured Kupiansk.\n"
    return Document(
        doc_id=doc_id_for(text),
        title="Kupiansk holds",
        published="2025-11-19",
        publisher="Kyiv Wire",
        text=text,
        claims=[
            _claim(
                text,
                "denied that Russian forces captured Kupiansk",
                kind="territorial_control",
                category="captured",
                side="RU",
                places=[KUPIANSK],
                date=DateRef(start="2025-11-18", end="2025-11-18", precision="day"),
                claimant=Claimant(
                    mention="The General Staff", name="General Staff", type="official", side="UA"
                ),
                certainty="denied",
            )
        ],
    )


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = make_store(tmp_path_factory.mktemp("corpus") / "claims.db")
    with open_store(path) as store:
        store.add(denial_doc())
    with TestClient(create_app(path)) as c:
        yield c


def test_compare_groups_and_verdicts(corpus_client: TestClient) -> None:
    _corpus_or_skip()
    body = corpus_client.get("/api/compare").json()
    assert body["n_claims"] == 6
    assert sum(body["verdicts"].values()) == body["n_groups"]
    assert body["verdicts"]["contradiction"] >= 1
    only = corpus_client.get("/api/compare", params={"verdict": "contradiction"}).json()
    assert only["groups"] and {g["verdict"] for g in only["groups"]} == {"contradiction"}
    group = only["groups"][0]
    assert group["kind"] == "territorial_control"
    assert {d for s in group["sources"] for d in s["doc_ids"]} == {
        doc_a().doc_id,
        denial_doc().doc_id,
    }
    paged = corpus_client.get("/api/compare", params={"limit": 1, "offset": 1}).json()
    assert len(paged["groups"]) == 1 and paged["groups"][0]["group"] == 2
    assert corpus_client.get("/api/compare", params={"kind": "x"}).status_code == 422
    bad = corpus_client.get("/api/compare", params={"since": "2025-12-01", "until": "2025-11-01"})
    assert bad.status_code == 400
    assert error_of(bad)["code"] == "bad_request"


def test_contradictions_side_by_side(corpus_client: TestClient) -> None:
    _corpus_or_skip()
    body = corpus_client.get("/api/contradictions").json()
    assert body["total"] >= 1
    item = body["items"][0]
    assert {item["a"]["doc_id"], item["b"]["doc_id"]} == {doc_a().doc_id, denial_doc().doc_id}
    assert item["a"]["evidence"] and item["b"]["evidence"]
    none = corpus_client.get("/api/contradictions", params={"type": "unit_mismatch"}).json()
    assert none["total"] == 0
    html = corpus_client.get("/compare", params={"verdict": "contradiction"}).text
    assert 'class="side-by-side"' in html
    assert f'href="/documents/{denial_doc().doc_id}"' in html
    assert f'href="/documents/{doc_a().doc_id}"' in html


@pytest.mark.parametrize(
    ("fmt", "media", "check"),
    [
        ("csv", "text/csv", lambda b: b.count(b"\n") >= 7),
        ("jsonl", "application/x-ndjson", lambda b: len(b.splitlines()) == 6),
        ("geojson", "application/geo+json", lambda b: json.loads(b)["type"] == "FeatureCollection"),
        ("parquet", "application/vnd.apache.parquet", lambda b: b[:4] == b"PAR1"),
        ("acled", "text/csv", lambda b: b.startswith(b"event_date")),
        ("ucdp", "text/csv", lambda b: b"best" in b.splitlines()[0]),
    ],
)
def test_exports(corpus_client: TestClient, fmt: str, media: str, check) -> None:  # type: ignore[no-untyped-def]
    _corpus_or_skip()
    response = corpus_client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    assert check(response.content)


def test_export_filters_and_errors(corpus_client: TestClient) -> None:
    _corpus_or_skip()
    lines = corpus_client.get("/api/export", params={"format": "jsonl", "kind": "fighting"})
    assert [json.loads(x)["kind"] for x in lines.text.splitlines()] == ["fighting"]
    assert corpus_client.get("/api/export", params={"format": "xls"}).status_code == 422
    assert corpus_client.get("/api/export").status_code == 422
    html = corpus_client.get("/claims", params={"kind": "fighting", "date_from": "2025-11-01"}).text
    assert 'href="/api/export?kind=fighting&amp;since=2025-11-01&amp;format=parquet"' in html


def test_timeline(corpus_client: TestClient) -> None:
    _corpus_or_skip()
    body = corpus_client.get("/api/timeline", params={"kind": "casualties"}).json()
    points = [p for s in body["series"] for p in s["points"]]
    assert [(p["day"], p["value"]) for p in points] == [("2025-11-20", 3000)]
    assert body["series"][0]["source"] == "A source"
    ru = corpus_client.get("/api/timeline", params={"kind": "equipment_loss", "side": "RU"}).json()
    assert ru["general_staff"] is not None and ru["general_staff"]["column"]
    html = corpus_client.get("/timeline", params={"kind": "equipment_loss", "side": "RU"}).text
    assert 'id="timeline-chart"' in html and "<circle" in html
    assert corpus_client.get("/timeline", params={"kind": "nope"}).status_code == 400
