"""Duplicates: exact (same doc_id) and near (MinHash LSH), stored once as a cluster with all
its outlets; deterministic whatever the batching; store API for clusters.

All texts are written for these tests. The analysis is a stand-in (no spaCy) where only the
dedup logic is under test.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from warclaims.ingest.dedup import Signer, best_match, shingles, similarity
from warclaims.ingest.errors import InputError
from warclaims.ingest.runner import IngestResult, ingest_reports
from warclaims.ingest.text import Report, doc_id_for
from warclaims.model import Document
from warclaims.store import Outlet, Store, StoreError, open_store
from warclaims.store.schema import MIGRATIONS, MIGRATIONS_TABLE

WIRE = (
    "Russia claims Kupiansk, Ukraine denies it\n\n"
    "Russia's top general told President Vladimir Putin on Thursday that his forces had "
    "captured the town of Kupiansk in the Kharkiv region, a claim Ukraine's General Staff "
    "quickly rejected as false. Valery Gerasimov also said Russian troops controlled more "
    "than 80% of Vovchansk, further north near the border. The General Staff said its forces "
    "still held Kupiansk and were hunting down small Russian groups that had slipped into the "
    "town. Neither side's account could be independently verified. Kupiansk, a railway hub "
    "on the Oskil river, was retaken by Ukraine in September 2022."
)
WIRE_EDITED = WIRE.replace(
    "Russia claims Kupiansk, Ukraine denies it", "Kyiv rejects Moscow's Kupiansk claim"
).replace("quickly rejected", "swiftly rejected")
WIRE_BYLINE = WIRE + "\n\nReporting by the Kyiv bureau; editing by the night desk."
OTHER = (
    "Drone strike on Kharkiv\n\nRussia launched 90 drones at Kharkiv overnight, the air force "
    "said, and two people were wounded when debris fell on a school in the Saltivka district."
)


def bulletin(day: int, personnel: int, tanks: int) -> str:
    return (
        f"General Staff update for November {day}\n\n"
        f"Russian losses over the past day: personnel {personnel}, tanks {tanks}, "
        f"armoured vehicles {tanks * 2 + 1}, artillery systems {tanks + 17}, drones "
        f"{personnel // 3}. Total since the invasion: personnel {1_150_000 + personnel * day}."
    )


def report(text: str, publisher: str | None = None, n: int = 0) -> Report:
    url = f"https://{publisher.lower().replace(' ', '-')}.example/{n}" if publisher else None
    return Report(text=text, publisher=publisher, url=url, source=f"in/{n}.txt")


def fake_analyse(reports: list[Report]) -> Iterator[Document]:
    for r in reports:
        yield Document(
            doc_id=doc_id_for(r.text),
            title=r.title,
            published=r.published,
            publisher=r.publisher,
            url=r.url,
            text=r.text,
        )


def ingest(store: Store, items: list, batch_size: int = 16) -> IngestResult:
    return ingest_reports(store, items, batch_size=batch_size, analyse=fake_analyse)


def digest(path: Path) -> str:
    """A hash of every row of every table but the ingest timestamps."""
    h = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in sorted(names):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            keep = [c for c in cols if c not in ("ingested_at", "applied_at")]
            select = ", ".join(f'"{c}"' for c in keep)
            for row in sorted(map(repr, conn.execute(f'SELECT {select} FROM "{table}"'))):
                h.update(f"{table}\t{row}\n".encode())
    return h.hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "d.db")) as s:
        yield s


# -- signatures ----------------------------------------------------------------------------------


def test_shingles() -> None:
    assert shingles("One two three four") == {b"one two three", b"two three four"}
    assert shingles("Short text") == {b"short text"}
    assert shingles("") == {b""}


def test_signatures_are_stable_and_estimate_jaccard() -> None:
    signer = Signer()
    a, b = signer.sign(WIRE), signer.sign(WIRE_EDITED)
    assert a == Signer().sign(WIRE)  # same text, same signature in another process
    assert len(a.bands) == signer.bands and len(a.hashvalues) == 8 * signer.num_perm
    true = len(shingles(WIRE) & shingles(WIRE_EDITED)) / len(shingles(WIRE) | shingles(WIRE_EDITED))
    assert abs(similarity(a.hashvalues, b.hashvalues) - true) < 0.12
    assert similarity(a.hashvalues, signer.sign(OTHER).hashvalues) < 0.1
    assert similarity(a.hashvalues, b"\0" * 8) == 0.0


def test_signer_threshold_bounds() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        Signer(threshold=1.0)
    assert Signer(0.5).bands > Signer(0.9).bands  # lower threshold, more and shorter bands


def test_best_match_ties_do_not_depend_on_order() -> None:
    signer = Signer()
    sig = signer.sign(WIRE)
    same = sig.hashvalues
    candidates = [("d2", "c2", same), ("d1", "c1", same), ("d3", "c0", b"\0" * len(same))]
    assert best_match(sig, candidates, 0.7).cluster_id == "c1"
    assert best_match(sig, list(reversed(candidates)), 0.7).cluster_id == "c1"
    assert best_match(sig, [("d3", "c0", b"\0" * len(same))], 0.7) is None


# -- exact duplicates ----------------------------------------------------------------------------


def test_exact_duplicate_same_outlet_changes_nothing(store: Store, tmp_path: Path) -> None:
    first = ingest(store, [report(WIRE, "Northline", 1)])
    assert (first.added, first.duplicates, first.unchanged) == (1, 0, 0)
    before = digest(tmp_path / "d.db")
    again = ingest(store, [report(WIRE, "Northline", 1), report(WIRE, "Northline", 1)])
    assert (again.added, again.duplicates, again.unchanged) == (0, 0, 2)
    assert digest(tmp_path / "d.db") == before


def test_exact_duplicate_new_outlet_is_one_more_source(store: Store) -> None:
    result = ingest(store, [report(WIRE, "Northline", 1), report(WIRE, "Eastern Courier", 2)])
    assert (result.added, result.duplicates) == (1, 1)
    assert store.counts()["documents"] == 1
    cluster = store.cluster_of(doc_id_for(WIRE))
    assert cluster is not None and cluster.cluster_id == doc_id_for(WIRE)
    assert cluster.outlets == ["Northline", "Eastern Courier"]
    assert [(s.relation, s.similarity) for s in cluster.sources] == [
        ("original", 1.0),
        ("exact", 1.0),
    ]
    assert store.source_counts() == {"clusters": 1, "sources": 2, "duplicates": 1}


# -- near duplicates -----------------------------------------------------------------------------


def test_wire_story_on_three_sites_is_one_cluster(store: Store) -> None:
    items = [
        report(WIRE, "Northline", 1),
        report(OTHER, "Kharkiv Today", 2),
        report(WIRE_EDITED, "Eastern Courier", 3),
        report(WIRE_BYLINE, None, 4),
    ]
    result = ingest(store, items)
    assert (result.reports, result.added, result.duplicates, result.failures) == (4, 2, 2, [])
    assert store.counts()["documents"] == 2
    cluster = store.cluster_of(doc_id_for(WIRE_EDITED))  # asked by a copy's own doc_id
    assert cluster is not None and cluster.cluster_id == doc_id_for(WIRE)
    assert cluster.outlets == ["Northline", "Eastern Courier", "in/4.txt"]
    near = [s for s in cluster.sources if s.relation == "near"]
    assert [s.doc_id for s in near] == [doc_id_for(WIRE_EDITED), doc_id_for(WIRE_BYLINE)]
    assert all(0.7 <= s.similarity < 1.0 for s in near)
    assert [c.cluster_id for c in store.clusters(min_size=2)] == [doc_id_for(WIRE)]
    assert len(store.clusters()) == 2
    with sqlite3.connect(store.path) as conn:  # the columns the comparison reads
        rows = conn.execute("SELECT doc_id, cluster_id FROM documents").fetchall()
    assert all(doc_id == cluster_id for doc_id, cluster_id in rows)


def test_near_duplicate_copies_are_recognised_again(store: Store) -> None:
    ingest(store, [report(WIRE, "Northline", 1), report(WIRE_EDITED, "Eastern Courier", 3)])
    again = ingest(
        store,
        [
            report(WIRE_EDITED, "Eastern Courier", 3),  # the same copy: nothing new
            report(WIRE_EDITED, "Danube Herald", 5),  # the edited copy from another outlet
        ],
    )
    assert (again.added, again.duplicates, again.unchanged) == (0, 1, 1)
    cluster = store.cluster_of(doc_id_for(WIRE))
    assert [(s.name, s.relation) for s in cluster.sources] == [
        ("Northline", "original"),
        ("Eastern Courier", "near"),
        ("Danube Herald", "near"),
    ]


def test_different_stories_and_template_bulletins_stay_apart(store: Store) -> None:
    items = [
        report(bulletin(18, 1030, 3)),
        report(bulletin(19, 1170, 7)),
        report(bulletin(20, 980, 2)),
        report(WIRE),
        report(OTHER),
    ]
    result = ingest(store, items)
    assert (result.added, result.duplicates) == (5, 0)
    assert store.clusters(min_size=2) == []


def test_threshold_is_configurable(store: Store) -> None:
    result = ingest_reports(
        store,
        [report(WIRE, "A", 1), report(WIRE_EDITED, "B", 2)],
        signer=Signer(threshold=0.99),
        analyse=fake_analyse,
    )
    assert (result.added, result.duplicates) == (2, 0)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 16])
def test_batching_does_not_change_the_store(tmp_path: Path, batch_size: int) -> None:
    items = [
        report(WIRE, "Northline", 1),
        report(WIRE_EDITED, "Eastern Courier", 2),
        report(WIRE, "Danube Herald", 3),
        report(OTHER, "Kharkiv Today", 4),
        report(WIRE_BYLINE, "Steppe Post", 5),
        report(WIRE_EDITED, "Steppe Post", 6),
        report(bulletin(18, 1030, 3)),
    ]
    reference = tmp_path / "ref.db"
    with open_store(str(reference)) as s:
        ingest(s, items, batch_size=16)
    other = tmp_path / f"b{batch_size}.db"
    with open_store(str(other)) as s:
        ingest(s, items[:4], batch_size=batch_size)  # stopped half-way...
        ingest(s, items, batch_size=batch_size)  # ...and run again from the start
    assert digest(other) == digest(reference)


def test_a_failed_story_fails_its_duplicates_in_the_batch(store: Store) -> None:
    def crashing(reports: list[Report]) -> Iterator[Document]:
        for r in reports:
            if r.publisher == "Northline":
                raise RuntimeError("boom")
        yield from fake_analyse(reports)

    items = [report(WIRE, "Northline", 1), report(WIRE_EDITED, "Eastern Courier", 2)]
    result = ingest_reports(store, items, analyse=crashing)
    assert result.added == 0
    assert [e.source for e in result.failures] == ["in/1.txt", "in/2.txt"]
    assert "analysis failed (RuntimeError: boom)" in result.failures[0].reason
    assert "a duplicate of a report that was not" in result.failures[1].reason


def test_input_errors_pass_through(store: Store) -> None:
    result = ingest(store, [InputError("a.jsonl", "bad", 3), report(OTHER)])
    assert result.added == 1 and [str(e) for e in result.failures] == ["a.jsonl:3: bad"]


# -- documents stored without a signature, older stores -----------------------------------------


def test_documents_without_signature_are_backfilled(store: Store) -> None:
    legacy = next(fake_analyse([report(WIRE, "Northline", 1)]))
    assert store.add(legacy)  # e.g. stored by a tool that computes no signature
    result = ingest(store, [report(WIRE_EDITED, "Eastern Courier", 2)])
    assert (result.added, result.duplicates) == (0, 1)
    assert store.unsigned_documents(Signer().scheme) == []


def test_version_1_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS_TABLE + ";" + MIGRATIONS[0])
    conn.execute("INSERT INTO schema_migrations VALUES (1, '2025-11-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO documents (doc_id, title, published, publisher, url, language, text,"
        " source, ingested_at, json) VALUES ('abc', 't', '2025-11-20', 'Old Outlet', NULL,"
        " 'en', 'text', 'old.txt', '2025-11-01T00:00:00+00:00', '{}')"
    )
    conn.commit()
    conn.close()
    with open_store(str(path)) as s:
        cluster = s.cluster_of("abc")
        assert cluster is not None
        assert cluster.outlets == ["Old Outlet"]
        assert cluster.sources[0].relation == "original"
        assert s.connection.execute("SELECT cluster_id FROM documents").fetchone() == ("abc",)


# -- the store's cluster API ---------------------------------------------------------------------


def test_store_cluster_api_errors(store: Store) -> None:
    outlet = Outlet("x", "exact", 1.0, "P", None, None, None, None)
    with pytest.raises(StoreError, match="no stored document"):
        store.add_source("missing", outlet)
    with pytest.raises(ValueError, match="relation"):
        store.add_source("missing", Outlet("x", "original", 1.0, None, None, None, None, None))
    assert store.cluster_of("unknown") is None
    assert store.locate("unknown") is None
    assert not store.connection.in_transaction


def test_outlet_names() -> None:
    def outlet(publisher: str | None, url: str | None, source: str | None) -> Outlet:
        return Outlet("d", "near", 0.9, publisher, url, None, None, source)

    assert outlet("Pub", "https://www.x.example/a", "f").name == "Pub"
    assert outlet(None, "https://www.x.example/a", "f").name == "x.example"
    assert outlet(None, None, "f.txt").name == "f.txt"
    assert outlet(None, None, None).name == "d"


def test_release_free_memory_is_safe() -> None:
    from warclaims.ingest.memory import release_free_memory

    assert release_free_memory() in (True, False)
    assert release_free_memory() in (True, False)  # and can be called again
