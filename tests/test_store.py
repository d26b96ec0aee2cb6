"""The SQLite store: round trip, idempotence, atomicity, filters, URLs."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from warclaims.ingest.text import doc_id_for
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
from warclaims.store import Store, StoredClaim, StoreError, open_store, parse_store_url
from warclaims.store import db as store_db
from warclaims.store.schema import MIGRATIONS

KUPYANSK = Place(
    mention="Kupyansk",
    name="Kupiansk",
    gazetteer_id="704147",
    admin1="Kharkiv Oblast",
    lat=49.71,
    lon=37.61,
    span=Span(start=0, end=8),
)
KURILOVKA = Place(mention="Kurilovka", name="Kurylivka", admin1="Kharkiv Oblast")
UNRESOLVED = Place(mention="Novoye")


def make_doc(text: str, *, published: str | None = "2025-11-21") -> Document:
    """A hand-built document: a territorial claim, a casualty claim, a fighting claim, a flag."""
    gerasimov = Claimant(
        mention="Chief of the General Staff Valery Gerasimov",
        name="Valery Gerasimov",
        type="official",
        side="RU",
    )
    return Document(
        doc_id=doc_id_for(text),
        title="Kupyansk captured",
        published=published,
        publisher="Example News",
        url="https://example.org/a",
        language="en",
        text=text,
        claims=[
            Claim(
                kind="territorial_control",
                category="captured",
                side="RU",
                places=[KUPYANSK],
                date=DateRef(
                    mention="On November 20", start="2025-11-20", end="2025-11-20", precision="day"
                ),
                claimant=gerasimov,
                evidence=Span(start=0, end=20),
            ),
            Claim(
                kind="casualties",
                category="killed",
                side="UA",
                quantity=Quantity(value=3000, high=3000, hedge="up_to", unit="personnel"),
                places=[KUPYANSK, KURILOVKA],
                claimant=Claimant(mention="a source", type="anonymous", side="RU"),
                certainty="reported",
                evidence=Span(start=21, end=40),
                anchor=Span(start=25, end=35),
            ),
            Claim(
                kind="fighting",
                places=[UNRESOLVED],
                claimant=Claimant(mention="Генштаб ЗСУ", name="Генштаб ЗСУ", side="UA"),
                evidence=Span(start=41, end=50),
            ),
        ],
        flags=[
            Flag(
                code="anonymous_sourcing",
                message="The figure rests on an unnamed source.",
                evidence=[Span(start=21, end=40)],
            ),
            Flag(
                code="loaded_language",
                message="Labelling language.",
                technique="name_calling",
            ),
        ],
    )


DOC_A = make_doc("Report A. " * 10)
DOC_B = make_doc("Report B. " * 10, published="2025-11-19")
DOC_C = make_doc("Report C. " * 10, published=None)


def table_digest(db_path: Path) -> str:
    """A hash of every row of every table (read through a separate connection)."""
    digest = hashlib.sha256()
    with sqlite3.connect(db_path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(str(db_path)) as s:
        yield s


# -- opening -----------------------------------------------------------------------------------


def test_schema_created_with_version(db_path: Path) -> None:
    open_store(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    assert mode == "wal"
    assert {"documents", "claims", "claim_places", "flags"} <= names
    assert {"claims_kind", "claims_side", "claims_claimant_name"} <= names
    assert {"claim_places_name", "documents_published"} <= names
    # Reopening applies nothing twice.
    open_store(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        applied = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert applied == len(MIGRATIONS)


def test_foreign_keys_on(store: Store) -> None:
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, "warclaims.db"),
        ("claims.db", "claims.db"),
        ("/var/data/claims.db", "/var/data/claims.db"),
        ("sqlite:///claims.db", "claims.db"),
        ("sqlite:////var/data/claims.db", "/var/data/claims.db"),
        ("sqlite:///:memory:", ":memory:"),
        (":memory:", ":memory:"),
        ("sqlite://", ":memory:"),
    ],
)
def test_parse_url(url: str | None, expected: str) -> None:
    assert parse_store_url(url) == expected


@pytest.mark.parametrize(
    "url", ["postgresql://user:secret@host/db", "mysql://h/db", "https://example.org/x.db"]
)
def test_unsupported_url(url: str) -> None:
    with pytest.raises(ValueError, match="only SQLite is supported") as info:
        open_store(url)
    assert "secret" not in str(info.value)


def test_bad_sqlite_urls() -> None:
    with pytest.raises(ValueError, match="sqlite:///"):
        open_store("sqlite://host/claims.db")
    with pytest.raises(ValueError, match="empty"):
        open_store("")


def test_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        s.add(DOC_A)
    assert (tmp_path / "warclaims.db").is_file()


def test_sqlite_url_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///sub.db") as s:
        s.add(DOC_A)
    with open_store(str(tmp_path / "sub.db")) as s:
        assert s.counts()["documents"] == 1


def test_memory_store() -> None:
    with open_store("sqlite:///:memory:") as s:
        assert s.add(DOC_A)
        assert not s.add(DOC_A)
        assert s.counts() == {"documents": 1, "claims": 3, "flags": 2}
    with open_store(":memory:") as s:  # a fresh, empty one
        assert s.counts() == {"documents": 0, "claims": 0, "flags": 0}


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "claims.db"))
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))
    not_db = tmp_path / "report.txt"
    not_db.write_text("Kupyansk captured, ministry says.\n" * 100)
    with pytest.raises(StoreError, match="warclaims store"):
        open_store(str(not_db))
    assert not_db.read_text() == "Kupyansk captured, ministry says.\n" * 100


def test_newer_schema_refused(db_path: Path) -> None:
    open_store(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future')")
    with pytest.raises(StoreError, match="upgrade warclaims"):
        open_store(str(db_path))


# -- writing -----------------------------------------------------------------------------------


def test_round_trip(store: Store, db_path: Path) -> None:
    assert store.add(DOC_A, source="reports/a.txt")
    assert store.document(DOC_A.doc_id) == DOC_A
    assert store.document("0" * 16) is None
    assert store.counts() == {"documents": 1, "claims": 3, "flags": 2}

    stored = store.claims(doc_id=DOC_A.doc_id)
    assert [s.claim for s in stored] == DOC_A.claims
    assert {(s.doc_id, s.title, s.published) for s in stored} == {
        (DOC_A.doc_id, "Kupyansk captured", "2025-11-21")
    }
    assert [s.claim_id for s in stored] == sorted(s.claim_id for s in stored)

    with sqlite3.connect(db_path) as conn:
        source, ingested_at = conn.execute("SELECT source, ingested_at FROM documents").fetchone()
        row = conn.execute(
            "SELECT kind, side, value, low, high, hedge, unit, claimant_name, certainty,"
            " evidence_start, evidence_end FROM claims WHERE ordinal = 1"
        ).fetchone()
        places = conn.execute(
            "SELECT ordinal, mention, name, gazetteer_id, admin1, lat, lon FROM claim_places"
            " WHERE claim_id = ? ORDER BY ordinal",
            (stored[1].claim_id,),
        ).fetchall()
        flags = conn.execute("SELECT code, message FROM flags ORDER BY id").fetchall()
    assert source == "reports/a.txt"
    assert ingested_at.endswith("+00:00")
    assert row == ("casualties", "UA", 3000, None, 3000, "up_to", "personnel", None,
                   "reported", 21, 40)  # fmt: skip
    assert places == [
        (0, "Kupyansk", "Kupiansk", "704147", "Kharkiv Oblast", 49.71, 37.61),
        (1, "Kurilovka", "Kurylivka", None, "Kharkiv Oblast", None, None),
    ]
    assert flags == [
        ("anonymous_sourcing", "The figure rests on an unnamed source."),
        ("loaded_language", "Labelling language."),
    ]


def test_document_without_claims(store: Store) -> None:
    doc = Document(doc_id=doc_id_for("Nothing here."), text="Nothing here.")
    assert store.add(doc)
    assert store.document(doc.doc_id) == doc
    assert store.claims() == []


def test_readding_changes_nothing(db_path: Path) -> None:
    with open_store(str(db_path)) as s:
        assert s.add(DOC_A)
        assert s.add(DOC_B)
    before = table_digest(db_path)
    with open_store(str(db_path)) as s:
        counts = s.counts()
        assert not s.add(DOC_A, source="elsewhere.txt")
        assert not s.add(DOC_A.model_copy(update={"title": "Other title"}))
        assert s.counts() == counts
    assert table_digest(db_path) == before


def test_failure_mid_add_leaves_nothing(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.add(DOC_A)
    before = table_digest(db_path)
    inserted: list[int] = []
    real_insert_claim = store_db._insert_claim

    def counting_insert_claim(*args: object) -> int:
        claim_id = real_insert_claim(*args)  # type: ignore[arg-type]
        inserted.append(claim_id)
        return claim_id

    def broken_insert_flags(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_db, "_insert_claim", counting_insert_claim)
    monkeypatch.setattr(store_db, "_insert_flags", broken_insert_flags)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add(DOC_B)
    assert len(inserted) == 3  # the claims were written before the failure...
    assert store.document(DOC_B.doc_id) is None  # ...and rolled back with it
    assert store.claims(doc_id=DOC_B.doc_id) == []
    assert store.counts() == {"documents": 1, "claims": 3, "flags": 2}
    assert store.document(DOC_A.doc_id) == DOC_A
    assert table_digest(db_path) == before

    monkeypatch.undo()  # the store is still usable, and B can be added properly
    assert store.add(DOC_B)
    assert store.counts() == {"documents": 2, "claims": 6, "flags": 4}


def test_sqlite_error_mid_add_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two places with the same ordinal would break the claim_places primary key.
    def duplicate_places(conn: sqlite3.Connection, claim_id: int, places: list[Place]) -> None:
        for _ in range(2):
            conn.execute(
                "INSERT INTO claim_places (claim_id, ordinal, mention) VALUES (?, 0, 'x')",
                (claim_id,),
            )

    store.add(DOC_A)
    monkeypatch.setattr(store_db, "_insert_places", duplicate_places)
    with pytest.raises(sqlite3.IntegrityError):
        store.add(DOC_B)
    assert store.counts() == {"documents": 1, "claims": 3, "flags": 2}
    assert not store._conn.in_transaction


# -- reading -----------------------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    for doc in (DOC_A, DOC_B, DOC_C):
        store.add(doc)
    return store


def kinds(stored: list[StoredClaim]) -> list[str]:
    return [s.claim.kind for s in stored]


def test_filter_kind_side(filled: Store) -> None:
    assert len(filled.claims()) == 9
    assert kinds(filled.claims(kind="casualties")) == ["casualties"] * 3
    assert kinds(filled.claims(side="ru")) == ["territorial_control"] * 3
    assert kinds(filled.claims(side=" UA ")) == ["casualties"] * 3
    assert filled.claims(kind="casualties", side="RU") == []
    with pytest.raises(ValueError, match="RU or UA"):
        filled.claims(side="XX")
    with pytest.raises(ValueError, match="unknown kind"):
        filled.claims(kind="battles")


def test_filter_place(filled: Store) -> None:
    by_name = filled.claims(place="kupiansk", doc_id=DOC_A.doc_id)
    assert kinds(by_name) == ["territorial_control", "casualties"]
    assert filled.claims(place="KUPYANSK", doc_id=DOC_A.doc_id) == by_name  # the mention
    assert kinds(filled.claims(place="kurylivka")) == ["casualties"] * 3
    assert kinds(filled.claims(place="kharkiv oblast", doc_id=DOC_A.doc_id)) == [
        "territorial_control",
        "casualties",
    ]
    assert kinds(filled.claims(place="Novoye")) == ["fighting"] * 3  # unresolved: mention only
    assert filled.claims(place="Kupi") == []  # whole names, not substrings


def test_filter_claimant(filled: Store) -> None:
    assert kinds(filled.claims(claimant="gerasimov")) == ["territorial_control"] * 3
    assert kinds(filled.claims(claimant="GENERAL STAFF", doc_id=DOC_A.doc_id)) == [
        "territorial_control"
    ]
    assert kinds(filled.claims(claimant="a source")) == ["casualties"] * 3
    assert kinds(filled.claims(claimant="генштаб")) == ["fighting"] * 3  # Cyrillic case
    assert filled.claims(claimant="Shoigu") == []
    with pytest.raises(ValueError, match="empty"):
        filled.claims(claimant="  ")


def test_filter_injection_is_inert(filled: Store) -> None:
    assert filled.claims(place="x' OR '1'='1") == []
    assert filled.claims(claimant="%") == []
    assert filled.claims(doc_id="' OR 1=1 --") == []


def test_limit_and_doc(filled: Store) -> None:
    assert len(filled.claims(limit=4)) == 4
    assert filled.claims(limit=0) == []
    assert {s.doc_id for s in filled.claims(doc_id=DOC_B.doc_id)} == {DOC_B.doc_id}
    with pytest.raises(ValueError):
        filled.claims(limit=-1)


def test_documents_and_counts(filled: Store) -> None:
    summaries = filled.documents()
    assert [s.doc_id for s in summaries] == [DOC_B.doc_id, DOC_A.doc_id, DOC_C.doc_id]
    assert [s.published for s in summaries] == ["2025-11-19", "2025-11-21", None]
    assert {(s.title, s.n_claims, s.n_flags) for s in summaries} == {("Kupyansk captured", 3, 2)}
    assert filled.counts() == {"documents": 3, "claims": 9, "flags": 6}


def test_persists_across_connections(db_path: Path) -> None:
    with open_store(f"sqlite:///{db_path}") as s:
        s.add(DOC_A)
    with open_store(str(db_path)) as s:
        assert s.document(DOC_A.doc_id) == DOC_A
        assert len(s.claims(side="RU")) == 1
