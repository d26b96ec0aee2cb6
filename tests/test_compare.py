"""compare: grouping, low/best/high, verdicts, the four contradictions, clusters, CLI."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _claimdocs import (
    KHARKIV_OBLAST,
    KUPIANSK,
    KUPYANSK_AS_WRITTEN,
    POKROVSK,
    PUTIN,
    RU_MOD,
    RU_SOURCE,
    UA_GS,
    day,
    make_doc,
    qty,
)
from warclaims.cli import app
from warclaims.compare import (
    CompareFilters,
    add_details,
    bounds,
    compare,
    ensure_indexes,
    summarise,
)
from warclaims.compare.cache import StoredGroups, refresh
from warclaims.compare.engine import compute_comparison
from warclaims.compare.output import comparison_dict
from warclaims.model import KINDS, Document
from warclaims.store import Store, open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "claims.db")


def stored(db: str, *docs: Document) -> Store:
    store = open_store(db)
    for doc in docs:
        assert store.add(doc)
    return store


@pytest.fixture
def store_of(db: str) -> Iterator:
    opened: list[Store] = []

    def build(*docs: Document) -> Store:
        opened.append(stored(db, *docs))
        return opened[-1]

    yield build
    for s in opened:
        s.close()


def only_group(store: Store, **filters: object) -> dict:
    comparison = compare(store, CompareFilters(**filters))  # type: ignore[arg-type]
    add_details(store, comparison)
    payload = comparison_dict(comparison)
    assert payload["n_groups"] == 1, payload
    return payload["groups"][0]


def contradiction(group: dict, kind: str) -> dict:
    found = [c for c in group["contradictions"] if c["type"] == kind]
    assert found, group["contradictions"]
    return found[0]


# -- figures ------------------------------------------------------------------------------------


def test_bounds_follow_the_hedges() -> None:
    assert bounds("exact", 3000) == bounds("exact", 3000, 3000, 3000)
    assert (bounds("up_to", 3000).low, bounds("up_to", 3000).high) == (None, 3000)
    assert (bounds("at_least", 80).low, bounds("at_least", 80).high) == (80, None)
    assert (bounds("approx", 20000).low, bounds("approx", 20000).high) == (18000, 22000)
    r = bounds("range", 20, 20, 30)
    assert (r.low, r.high, r.point) == (20, 30, 25)


def test_summary_when_sources_agree_is_the_tightest_bounds() -> None:
    s = summarise([bounds("up_to", 3000), bounds("approx", 2800), bounds("at_least", 2600)])
    assert s.agree
    assert (s.low, s.high) == (2600, 3000)  # largest lower bound, smallest upper bound
    assert s.best == 2800  # the median figure
    assert s.n_sources == 3


def test_summary_when_sources_disagree_is_the_spread_and_lower_median() -> None:
    s = summarise([bounds("exact", 3000), bounds("exact", 5000)])
    assert not s.agree
    assert (s.low, s.best, s.high) == (3000, 3000, 5000)


def test_best_is_moved_into_the_agreed_bounds() -> None:
    s = summarise([bounds("at_least", 100), bounds("exact", 120), bounds("up_to", 150)])
    assert s.agree and (s.low, s.high) == (120, 120) and s.best == 120


# -- the four contradictions --------------------------------------------------------------------


def test_control_captured_vs_held(store_of) -> None:
    ru = make_doc(
        "TASS",
        "2025-11-20",
        ("Russian forces captured Kupiansk.", {"kind": "territorial_control",
         "category": "captured", "side": "RU", "places": [KUPIANSK], "date": day("2025-11-20"),
         "claimant": RU_MOD}),
    )  # fmt: skip
    ua = make_doc(
        "Ukrainska Pravda",
        "2025-11-21",
        ("Ukrainian troops hold Kupiansk.", {"kind": "territorial_control",
         "category": "controlled", "side": "UA", "places": [KUPYANSK_AS_WRITTEN],
         "claimant": UA_GS}),
    )  # fmt: skip
    group = only_group(store_of(ru, ua))
    assert group["verdict"] == "contradiction"
    found = contradiction(group, "control")
    assert found["reason"] == "captured by RU vs held by UA"
    assert found["a"]["evidence"] == "Russian forces captured Kupiansk."
    assert found["b"]["evidence"] == "Ukrainian troops hold Kupiansk."
    assert group["places"] == ["Kupiansk"]


def test_control_capture_vs_denial(store_of) -> None:
    ru = make_doc(
        "TASS",
        "2025-11-20",
        ("Kupiansk was taken.", {"kind": "territorial_control", "category": "captured",
         "side": "RU", "places": [KUPIANSK], "claimant": PUTIN}),
    )  # fmt: skip
    ua = make_doc(
        "Kyiv Independent",
        "2025-11-21",
        ("The General Staff denied that Kupiansk had been captured.", {"kind":
         "territorial_control", "category": "captured", "side": "RU", "places": [KUPIANSK],
         "claimant": UA_GS, "certainty": "denied"}),
    )  # fmt: skip
    found = contradiction(only_group(store_of(ru, ua)), "control")
    assert found["reason"] == "captured by RU vs denied"
    assert "denied" in found["b"]["evidence"]


def test_partial_control_does_not_contradict_a_hold(store_of) -> None:
    ru = make_doc(
        "TASS",
        "2025-11-20",
        ("Russian troops control over 80% of Kupiansk.", {"kind": "territorial_control",
         "category": "controlled", "side": "RU", "quantity": qty(80, "at_least", "percent"),
         "places": [KUPIANSK], "claimant": RU_MOD}),
    )  # fmt: skip
    ua = make_doc(
        "Suspilne",
        "2025-11-20",
        ("Ukrainian forces hold Kupiansk.", {"kind": "territorial_control",
         "category": "controlled", "side": "UA", "places": [KUPIANSK], "claimant": UA_GS}),
    )  # fmt: skip
    assert only_group(store_of(ru, ua))["contradictions"] == []


def test_side_inversion(store_of) -> None:
    seed = make_doc(
        "Viral Daily",
        "2025-11-21",
        ("Up to 3,000 Russian fighters were killed near Kupiansk.", {"kind": "casualties",
         "category": "killed", "side": "RU", "quantity": qty(3000, "up_to"),
         "places": [KUPIANSK], "claimant": RU_SOURCE, "certainty": "reported"}),
    )  # fmt: skip
    other = make_doc(
        "RIA",
        "2025-11-20",
        ("Ukraine lost up to 3,000 soldiers at Kupiansk.", {"kind": "casualties",
         "category": "casualties", "side": "UA", "quantity": qty(3000, "up_to"),
         "places": [KUPIANSK], "claimant": RU_MOD}),
    )  # fmt: skip
    group = only_group(store_of(seed, other), kind="casualties")
    assert group["verdict"] == "contradiction"
    found = contradiction(group, "side_inversion")
    assert found["reason"] == "3,000 personnel: RU vs UA"
    assert {found["a"]["side"], found["b"]["side"]} == {"RU", "UA"}
    assert "Russian fighters" in found["a"]["evidence"] + found["b"]["evidence"]


def test_unit_mismatch_with_a_claim_about_the_oblast(store_of) -> None:
    seed = make_doc(
        "Viral Daily",
        "2025-11-21",
        ("15 Ukrainian regiments are encircled in the Kharkiv region.", {"kind":
         "encirclement", "side": "UA", "quantity": qty(15, unit="regiments"),
         "places": [KHARKIV_OBLAST], "claimant": PUTIN}),
    )  # fmt: skip
    kremlin = make_doc(
        "Kremlin.ru",
        "2025-11-20",
        ("Putin said 15 Ukrainian battalions were surrounded in Kupiansk.", {"kind":
         "encirclement", "side": "UA", "quantity": qty(15, unit="battalions"),
         "places": [KUPIANSK], "claimant": PUTIN}),
    )  # fmt: skip
    group = only_group(store_of(seed, kremlin), place="Kupiansk")
    found = contradiction(group, "unit_mismatch")
    assert found["reason"] in ("15 regiments vs 15 battalions", "15 battalions vs 15 regiments")
    texts = found["a"]["evidence"] + found["b"]["evidence"]
    assert "regiments" in texts and "battalions" in texts


def test_assertion_vs_denial(store_of) -> None:
    ru = make_doc(
        "TASS",
        "2025-11-18",
        ("Ukrainian units near Kupiansk are surrounded.", {"kind": "encirclement",
         "side": "UA", "places": [KUPIANSK], "claimant": RU_MOD}),
    )  # fmt: skip
    ua = make_doc(
        "Ukrinform",
        "2025-11-18",
        ("The General Staff denied that any units near Kupiansk were surrounded.", {"kind":
         "encirclement", "side": "UA", "places": [KUPIANSK], "claimant": UA_GS,
         "certainty": "denied"}),
    )  # fmt: skip
    group = only_group(store_of(ru, ua))
    found = contradiction(group, "denial")
    assert found["a"]["certainty"] == "asserted" and found["b"]["certainty"] == "denied"
    assert found["b"]["evidence"].startswith("The General Staff denied")


# -- verdicts, grouping, filters ----------------------------------------------------------------


def _killed(publisher: str, published: str, value: float, hedge: str = "exact") -> Document:
    return make_doc(
        publisher,
        published,
        (f"{publisher}: {value} Russian soldiers were killed near Pokrovsk.", {"kind":
         "casualties", "category": "killed", "side": "RU", "quantity": qty(value, hedge),
         "places": [POKROVSK], "claimant": UA_GS}),
    )  # fmt: skip


def test_agree_and_range(store_of) -> None:
    store = store_of(
        _killed("A", "2025-11-20", 3000, "approx"),
        _killed("B", "2025-11-21", 3000),
        _killed("C", "2025-11-21", 3000, "up_to"),
    )
    group = only_group(store)
    assert group["verdict"] == "agree"
    assert group["n_sources"] == 3
    (figures,) = group["figures"]
    assert (figures["low"], figures["best"], figures["high"]) == (3000, 3000, 3000)
    store.add(_killed("D", "2025-11-21", 5000))
    group = only_group(store)
    assert group["verdict"] == "range"
    (figures,) = group["figures"]
    assert (figures["low"], figures["best"], figures["high"]) == (3000, 3000, 5000)
    assert figures["sources_agree"] is False


def test_single_source_and_separate_times(store_of) -> None:
    store = store_of(_killed("A", "2025-11-01", 100), _killed("B", "2025-11-21", 100))
    comparison = compare(store)
    assert [g.verdict for g in comparison.groups] == ["single", "single"]
    # a wider window puts the two in one group: 20 days apart
    wide = compare(store, CompareFilters(window_days=20))
    assert [g.verdict for g in wide.groups] == ["agree"]


def test_filters_kind_place_and_dates(store_of) -> None:
    store = store_of(
        _killed("A", "2025-11-20", 100),
        make_doc(
            "B",
            "2025-11-20",
            ("Fighting in Kupiansk.", {"kind": "fighting", "places": [KUPIANSK]}),
        ),
    )
    assert len(compare(store, CompareFilters(kind="fighting")).groups) == 1
    assert len(compare(store, CompareFilters(place="pokrovsk")).groups) == 1
    assert len(compare(store, CompareFilters(place="Donetsk Oblast")).groups) == 1
    assert compare(store, CompareFilters(place="Nowhere")).groups == []
    assert len(compare(store, CompareFilters(since="2025-11-19", until="2025-11-20")).groups) == 2
    assert compare(store, CompareFilters(since="2025-12-01")).groups == []
    with pytest.raises(ValueError, match="unknown kind"):
        CompareFilters(kind="battles")
    with pytest.raises(ValueError, match="after"):
        CompareFilters(since="2025-12-01", until="2025-11-01")


def test_a_claim_about_several_places_makes_one_group(store_of) -> None:
    doc = make_doc(
        "A",
        "2025-11-20",
        ("Fighting in Kupiansk and Pokrovsk.", {"kind": "fighting",
         "places": [KUPIANSK, POKROVSK]}),
    )  # fmt: skip
    (group,) = compare(store_of(doc)).groups
    assert [p.display for p in group.group.places] == ["Kupiansk", "Pokrovsk"]


def test_undated_claims_of_undated_reports_group_together(store_of) -> None:
    store = store_of(_killed("A", None, 100), _killed("B", None, 100))  # type: ignore[arg-type]
    (group,) = compare(store).groups
    assert group.verdict == "agree" and group.group.start is None


# -- clusters -----------------------------------------------------------------------------------


def test_each_document_is_its_own_cluster_without_cluster_data(store_of) -> None:
    store = store_of(_killed("A", "2025-11-20", 100), _killed("B", "2025-11-20", 100))
    group = only_group(store)
    assert group["n_sources"] == 2 and group["n_reports"] == 2


def test_a_cluster_counts_once_and_lists_its_outlets(store_of) -> None:
    a, b = _killed("Wire", "2025-11-20", 100), _killed("Reprint", "2025-11-20", 100)
    store = store_of(a, b)
    columns = {row[1] for row in store.connection.execute("PRAGMA table_info(documents)")}
    if "cluster_id" not in columns:
        pytest.skip("the store has no documents.cluster_id column yet")
    store.connection.execute(
        "UPDATE documents SET cluster_id = ? WHERE doc_id = ?", (a.doc_id, b.doc_id)
    )
    group = only_group(store)
    assert group["n_sources"] == 1 and group["n_reports"] == 1
    assert set(group["sources"][0]["outlets"]) >= {"Wire"}
    assert group["verdict"] == "single"


def test_outlets_recorded_by_the_store_are_listed(store_of) -> None:
    a = _killed("Wire", "2025-11-20", 100)
    store = store_of(a)
    if not hasattr(store, "add_source"):
        pytest.skip("the store records no extra outlets yet")
    from warclaims.store import Outlet  # type: ignore[attr-defined]

    store.add_source(
        a.doc_id,
        Outlet(a.doc_id, "exact", 1.0, "Echo Post", None, None, "2025-11-20", None),
    )
    group = only_group(store)
    assert group["sources"][0]["outlets"] == ["Wire", "Echo Post"]
    assert group["n_sources"] == 1


# -- indexes and CLI ----------------------------------------------------------------------------


def test_indexes_are_created_once(store_of) -> None:
    store = store_of(_killed("A", "2025-11-20", 100))
    ensure_indexes(store.connection)
    count = store.connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
    ).fetchone()[0]
    ensure_indexes(store.connection)
    again = store.connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
    ).fetchone()[0]
    assert count == again
    sql = " ".join(
        row[0].replace(" ", "").lower()
        for row in store.connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )
    assert "claim_places(namecollatenocase)" in sql and "claims(kind,date_start)" in sql


def test_cli_compare_json_and_table(db: str, store_of) -> None:
    store_of(_killed("A", "2025-11-20", 3000), _killed("B", "2025-11-20", 5000)).close()
    result = runner.invoke(app, ["compare", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["verdicts"]["range"] == 1
    assert payload["groups"][0]["sources"][0]["claims"][0]["evidence"].startswith("A: 3000")
    table = runner.invoke(app, ["compare", "--db", db, "--kind", "casualties"])
    assert table.exit_code == 0 and "RANGE" in table.stdout and "best" in table.stdout


def test_cli_compare_errors(db: str, tmp_path: Path, store_of) -> None:
    missing = runner.invoke(app, ["compare", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store" in missing.stderr
    store_of(_killed("A", "2025-11-20", 3000)).close()
    for args, message in (
        (["--verdict", "maybe"], "unknown verdict"),
        (["--kind", "battles"], "unknown kind"),
        (["--since", "yesterday"], "not a date"),
    ):
        result = runner.invoke(app, ["compare", "--db", db, *args])
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert "Traceback" not in result.output


# -- precomputed groups: the same answers as computing them -------------------------------------

_PLACES = [[KUPIANSK], [KUPYANSK_AS_WRITTEN], [KHARKIV_OBLAST], [POKROVSK], [KUPIANSK, POKROVSK]]
_CLAIMANTS = [RU_MOD, UA_GS, RU_SOURCE, PUTIN]
_DAYS = [f"2025-11-{d}" for d in range(14, 25)]


def _random_claim(rng: random.Random, published: str | None) -> dict:
    """One claim of a random kind: figures from a few values (so that the same figure recurs
    for both sides and in several formations), all control categories, some denials."""
    kind = rng.choice(["casualties", "territorial_control", "encirclement", "troop_strength"])
    spec: dict = {"kind": kind, "side": rng.choice(["RU", "UA"])}
    if kind == "casualties":
        spec["category"] = rng.choice(["killed", "casualties", "wounded"])
        if rng.random() < 0.85:
            hedge = rng.choice(["exact", "exact", "approx", "up_to", "at_least"])
            spec["quantity"] = qty(rng.choice([100, 300, 3000]), hedge)
    elif kind == "territorial_control":
        spec["category"] = rng.choice(["captured", "controlled", "liberated", "contested"])
        if rng.random() < 0.15:
            spec["quantity"] = qty(rng.choice([80, 100]), unit="percent")
    else:
        spec["quantity"] = qty(15, unit=rng.choice(["regiments", "battalions", "brigades"]))
    spec["places"] = [] if rng.random() < 0.05 else rng.choice(_PLACES)
    if published is not None and rng.random() < 0.5:
        spec["date"] = day(rng.choice(_DAYS))
    spec["claimant"] = rng.choice(_CLAIMANTS)
    spec["certainty"] = rng.choices(["asserted", "reported", "denied"], [6, 3, 2])[0]
    return spec


def random_docs(seed: int, n_docs: int, first: int = 0) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for number in range(first, first + n_docs):
        published = None if rng.random() < 0.1 else rng.choice(_DAYS)
        items = [
            (f"Report {number}, claim {i}.", _random_claim(rng, published))
            for i in range(rng.randint(1, 4))
        ]
        docs.append(make_doc(f"Outlet {number % 7}", published, *items))
    return docs


def _payloads(store: Store, **filters: object) -> tuple[dict, dict]:
    """The comparison as served (precomputed groups) and as computed, every group in full."""
    served = compare(store, CompareFilters(**filters))  # type: ignore[arg-type]
    assert isinstance(served.groups, StoredGroups)  # the fast path answered
    computed = compute_comparison(store, CompareFilters(**filters))  # type: ignore[arg-type]
    assert isinstance(computed.groups, list)
    for comparison in (served, computed):
        add_details(store, comparison)
    return comparison_dict(served), comparison_dict(computed)


def _assert_served_as_computed(store: Store) -> set[str]:
    """Every query the precomputed groups answer gives what computing gives; returns the
    contradiction types seen."""
    types: set[str] = set()
    for kind in (None, "casualties", "territorial_control", "encirclement", "strike"):
        served, computed = _payloads(store, kind=kind)
        assert served == computed, f"kind={kind}"
        types |= {c["type"] for g in computed["groups"] for c in g["contradictions"]}
    verdicts = compare(store, CompareFilters())
    for verdict in ("contradiction", "range", "agree", "single"):
        kept = compare(store, CompareFilters())
        kept.keep_verdict(verdict)
        computed = compute_comparison(store, CompareFilters()).groups
        expected = [g for g in computed if g.verdict == verdict]
        assert len(kept.groups) == len(expected) == verdicts.verdict_counts()[verdict]
        assert [g.group.members[0].claim_id for g in kept.groups] == [
            g.group.members[0].claim_id for g in expected
        ]
    return types


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_precomputed_groups_answer_as_computing_does(store_of, seed: int) -> None:
    store = store_of(*random_docs(seed, 70))
    types = _assert_served_as_computed(store)
    assert types == {"control", "side_inversion", "unit_mismatch", "denial"}


def _two_documents_of_one_group(store: Store) -> tuple[str, str]:
    for result in compute_comparison(store, CompareFilters()).groups:
        docs = sorted({c.doc_id for c in result.group.members})
        if len(docs) >= 2:
            return docs[0], docs[1]
    raise AssertionError("no group with two documents")


def test_precomputed_groups_follow_every_change_to_the_store(store_of) -> None:
    store = store_of(*random_docs(4, 50))
    conn = store.connection
    _assert_served_as_computed(store)
    assert conn.execute("SELECT count(*) FROM compare_dirty").fetchone()[0] == 0
    built = conn.execute("SELECT * FROM compare_groups ORDER BY 1, 2, 3").fetchall()
    # re-ingest: nothing changes, nothing is rebuilt
    assert not store.add(random_docs(4, 50)[0])
    assert refresh(store) == []

    def changed(sql: str, *params: object) -> None:
        before = compute_comparison(store, CompareFilters())
        conn.execute(sql, params)
        after = compute_comparison(store, CompareFilters())
        assert comparison_dict(before) != comparison_dict(after), sql  # the change matters
        _assert_served_as_computed(store)

    one, other = _two_documents_of_one_group(store)
    changed("UPDATE documents SET cluster_id = ? WHERE doc_id = ?", one, other)
    undated = conn.execute(
        "SELECT doc_id FROM claims WHERE date_start IS NULL AND doc_id IN"
        " (SELECT doc_id FROM documents WHERE published IS NOT NULL) LIMIT 1"
    ).fetchone()[0]
    changed("UPDATE documents SET published = '2025-10-01' WHERE doc_id = ?", undated)
    changed("UPDATE claim_places SET name = 'Pokrovsk', admin1 = 'Donetsk Oblast'")
    changed("UPDATE claims SET side = 'UA'")
    changed("DELETE FROM documents WHERE doc_id = ?", one)
    for doc in random_docs(5, 20, first=50):
        assert store.add(doc)
    _assert_served_as_computed(store)
    # a report about the wounded rebuilds the wounded only: groups never mix families
    wounded = {"kind": "casualties", "category": "wounded", "side": "UA", "places": [POKROVSK],
               "quantity": qty(40), "date": day("2025-11-20"), "claimant": RU_MOD}  # fmt: skip
    assert store.add(make_doc("Wire", "2025-11-20", ("40 Ukrainian soldiers wounded.", wounded)))
    assert refresh(store) == [("casualties", "wounded")]
    _assert_served_as_computed(store)
    # rebuilding everything again gives the same rows
    again = conn.execute("SELECT * FROM compare_groups ORDER BY 1, 2, 3").fetchall()
    conn.execute("INSERT INTO compare_dirty (kind, category) VALUES ('*', '')")
    assert sorted(refresh(store)) == [(kind, None) for kind in sorted(KINDS)]
    assert conn.execute("SELECT * FROM compare_groups ORDER BY 1, 2, 3").fetchall() == again
    assert built != again


def test_a_read_only_store_is_answered_by_computing(db: str, store_of) -> None:
    store_of(*random_docs(6, 20)).close()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:

        class ReadOnly:
            connection = conn

        comparison = compare(ReadOnly(), CompareFilters())
        assert isinstance(comparison.groups, list) and comparison.groups


def test_a_store_another_writer_holds_is_answered_by_computing(db: str, store_of) -> None:
    store = store_of(*random_docs(7, 20))  # its groups not precomputed yet
    ensure_indexes(store.connection)
    store.connection.execute("PRAGMA busy_timeout = 50")
    writer = sqlite3.connect(db)
    writer.execute("BEGIN IMMEDIATE")
    try:
        comparison = compare(store, CompareFilters())
        assert isinstance(comparison.groups, list) and comparison.groups
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert isinstance(compare(store, CompareFilters()).groups, StoredGroups)
