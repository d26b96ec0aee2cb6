#!/usr/bin/env python3
"""Bench `compare` over a store of generated claims (default 1,000,000): seconds per query.

Usage: python bench/bench_compare.py [--claims 1000000] [--repeat 3] [--keep PATH] [--reuse]
       [--cli]

The claims are written straight into a temporary SQLite store with executemany (not through
the NLP pipeline): 10 claims per document over 300 places in 12 oblasts, two years of dates,
all seven kinds, hedged figures, both sides, some denials, some oblast-wide and undated claims.
Then the store is prepared, timed apart, as once per store: the compare indexes and the
precomputed groups of every kind (compare.cache; ingest marks what it changes and the next
broad `compare` rebuilds it). Each query, the selective ones (a place, an oblast, a period)
and the broad ones (one kind over the whole store, no filter at all), is timed as the library
runs it for `warclaims compare` (compare + details of the 20 groups shown), best of --repeat
runs, wall and CPU seconds, and held to 2 s: the exit status is 1, with the queries named, when
one takes longer. With --cli the first and the unfiltered queries are also timed through the
`warclaims` command, process start included; with --after-ingest one more report is stored
and the refresh that ends an ingest is timed (it rebuilds the families the report touches).
--keep PATH keeps the store; --reuse times a kept store again without generating it. Writes
bench/out/bench_compare.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from warclaims.compare import CompareFilters, add_details, compare, ensure_indexes  # noqa: E402
from warclaims.compare.cache import refresh  # noqa: E402
from warclaims.store import open_store  # noqa: E402

CLAIMS_PER_DOC = 10
OBLASTS = [f"Oblast {i:02d}" for i in range(12)]
PLACES = [(f"Place {i:03d}", OBLASTS[i % len(OBLASTS)]) for i in range(300)]
KINDS = [
    ("casualties", ["killed", "wounded", "casualties", "captured"], "personnel"),
    ("equipment_loss", ["tanks", "afv", "artillery", "uav", "unspecified"], "equipment"),
    ("territorial_control", ["captured", "controlled", "liberated", "contested"], None),
    ("troop_strength", [None], "personnel"),
    ("encirclement", [None], "battalions"),
    ("fighting", [None], None),
    ("strike", [None], None),
]
HEDGES = ["exact", "exact", "approx", "up_to", "at_least"]
VALUES = [5, 10, 15, 20, 50, 100, 240, 500, 1000, 3000]
START = dt.date(2024, 1, 1)
DAYS = 730


def generate(path: Path, n_claims: int, seed: int = 7) -> float:
    """Write the generated store; returns seconds taken."""
    rng = random.Random(seed)
    began = time.perf_counter()
    store = open_store(str(path))
    conn = store.connection
    conn.execute("PRAGMA synchronous = OFF")
    n_docs = n_claims // CLAIMS_PER_DOC
    claim_id = 0
    conn.execute("BEGIN")
    for first in range(0, n_docs, 10_000):
        docs, claims, places = [], [], []
        for d in range(first, min(first + 10_000, n_docs)):
            doc_id = f"{d:016x}"
            published = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
            docs.append(
                (doc_id, None, published, f"Outlet {d % 400}", None, "en", "x" * 80, None,
                 published, "{}")
            )  # fmt: skip
            for ordinal in range(CLAIMS_PER_DOC):
                claim_id += 1
                kind, categories, unit = KINDS[rng.randrange(len(KINDS))]
                category = rng.choice(categories)
                side = None if kind == "fighting" else rng.choice(("RU", "UA"))
                value = rng.choice(VALUES) if unit and rng.random() < 0.8 else None
                hedge = rng.choice(HEDGES) if value is not None else None
                low = value if hedge in ("exact", "at_least") else None
                high = value if hedge in ("exact", "up_to") else None
                if rng.random() < 0.6:  # resolved date, a few days before publication
                    when = dt.date.fromisoformat(published) - dt.timedelta(days=rng.randrange(3))
                    date = when.isoformat()
                else:
                    date = None
                certainty = (
                    "denied" if rng.random() < 0.05 else rng.choice(("asserted", "reported"))
                )
                claims.append(
                    (claim_id, doc_id, ordinal, kind, category, side, value, low, high, hedge,
                     unit, date, date, f"Claimant {rng.randrange(50)}", None, "official",
                     side, certainty, 0, 10, "{}")
                )  # fmt: skip
                name, oblast = PLACES[rng.randrange(len(PLACES))]
                if rng.random() < 0.05:
                    name = oblast  # a claim about the oblast as a whole
                places.append((claim_id, 0, name, name, None, oblast, 48.0, 37.0))
                if rng.random() < 0.2:
                    other, other_oblast = PLACES[rng.randrange(len(PLACES))]
                    places.append((claim_id, 1, other, other, None, other_oblast, 48.1, 37.1))
        conn.executemany(
            "INSERT INTO documents (doc_id, title, published, publisher, url, language, text,"
            " source, ingested_at, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
        conn.executemany(
            "INSERT INTO claims (id, doc_id, ordinal, kind, category, side, value, low, high,"
            " hedge, unit, date_start, date_end, claimant_name, claimant_mention,"
            " claimant_type, claimant_side, certainty, evidence_start, evidence_end, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claims,
        )
        conn.executemany(
            "INSERT INTO claim_places (claim_id, ordinal, mention, name, gazetteer_id, admin1,"
            " lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            places,
        )
    conn.execute("COMMIT")
    store.close()
    return time.perf_counter() - began


QUERIES: dict[str, dict[str, object]] = {
    "kind+place+month": {
        "kind": "casualties", "place": "Place 042", "since": "2025-03-01", "until": "2025-03-31"
    },
    "place, all kinds, all time": {"place": "Place 042"},
    "kind+week, all places": {
        "kind": "territorial_control", "since": "2025-06-01", "until": "2025-06-07"
    },
    "oblast+kind+month": {
        "kind": "equipment_loss", "place": "Oblast 03", "since": "2025-05-01", "until": "2025-05-31"
    },
    "one day, everything": {"since": "2025-02-14", "until": "2025-02-14"},
    "kind only (1/7 of the store)": {"kind": "encirclement"},
    "unfiltered": {},
}  # fmt: skip
LIMIT_SECONDS = 2.0


def time_query(path: Path, filters: dict[str, object], repeat: int) -> dict[str, object]:
    """What `warclaims compare` computes: the comparison, the verdict counts and the details
    (evidence, outlets, sources, figures) of the 20 groups shown; best of `repeat` runs."""
    best, best_cpu, info = float("inf"), float("inf"), {}
    for _ in range(repeat):
        with open_store(str(path)) as store:
            began, cpu = time.perf_counter(), time.process_time()
            comparison = compare(store, CompareFilters(**filters))  # type: ignore[arg-type]
            add_details(store, comparison, 20)
            verdicts = comparison.verdict_counts()
            shown = [(g.n_sources, len(g.figures)) for g in comparison.groups[:20]]
            elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
            info = {
                "claims_read": comparison.n_claims,
                "groups": len(comparison.groups),
                "shown": len(shown),
                **verdicts,
            }
        best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
    return {"seconds": round(best, 3), "cpu_seconds": round(best_cpu, 3), **info}


def prepare(path: Path) -> tuple[float, float]:
    """Build the compare indexes and the precomputed groups; seconds taken by each."""
    with open_store(str(path)) as store:
        began = time.perf_counter()
        ensure_indexes(store.connection)
        index_s = time.perf_counter() - began
        began = time.perf_counter()
        refresh(store)
        groups_s = time.perf_counter() - began
    return index_s, groups_s


def after_one_report(path: Path) -> dict[str, object]:
    """Store one report (a wounded figure and a capture) and time the refresh that ends an
    ingest: the families it touches are rebuilt, nothing else. The store keeps the report."""
    from warclaims.model import Claim, Claimant, Document, Place, Quantity, Span

    place = Place(mention=PLACES[42][0], name=PLACES[42][0], admin1=PLACES[42][1])
    claimant = Claimant(mention="Claimant 1", name="Claimant 1", type="official", side="UA")
    text = "40 soldiers were wounded. The village was captured."
    claims = [
        Claim(kind="casualties", category="wounded", side="RU", places=[place],
              quantity=Quantity(value=40, low=40, high=40, hedge="exact", unit="personnel"),
              claimant=claimant, evidence=Span(start=0, end=25)),
        Claim(kind="territorial_control", category="captured", side="UA", places=[place],
              claimant=claimant, evidence=Span(start=26, end=len(text))),
    ]  # fmt: skip
    doc = Document(doc_id=f"bench{time.time_ns():011x}"[-16:], published="2025-03-10",
                   publisher="Outlet 1", text=text, claims=claims)  # fmt: skip
    with open_store(str(path)) as store:
        store.add(doc)
        began = time.perf_counter()
        rebuilt = refresh(store)
        seconds = round(time.perf_counter() - began, 1)
    return {"seconds": seconds, "rebuilt": [f"{k}/{f or '*'}" for k, f in rebuilt]}


def time_cli(path: Path, filters: dict[str, object]) -> float:
    cmd = [str(Path(sys.executable).parent / "warclaims"), "compare", "--db", str(path)]
    for key, value in filters.items():
        cmd += [f"--{key}", str(value)]
    began = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - began, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    parser.add_argument("--reuse", action="store_true", help="time the --keep store as it is")
    parser.add_argument("--cli", action="store_true", help="also time `warclaims compare`")
    parser.add_argument(
        "--after-ingest",
        action="store_true",
        help="then store one more report and time the refresh ingest ends with",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_compare.json")
    args = parser.parse_args(argv)
    if args.reuse and (args.keep is None or not args.keep.exists()):
        parser.error("--reuse needs --keep PATH of an existing store")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        gen = None
        if not args.reuse:
            if path.exists():
                path.unlink()
            gen = round(generate(path, args.claims), 1)
            print(f"generated {args.claims:,} claims in {gen} s ({path.stat().st_size >> 20} MiB)")
        index_s, groups_s = prepare(path)
        print(
            f"prepared once per store: indexes {index_s:.1f} s, precomputed groups {groups_s:.1f} s"
        )
        results = {}
        for name, filters in QUERIES.items():
            results[name] = {"filters": filters, **time_query(path, filters, args.repeat)}
            r = results[name]
            print(
                f"{name:30s} {r['seconds']:7.3f} s ({r['cpu_seconds']:.3f} s CPU)"
                f" {r['claims_read']:>9,} claims read, {r['groups']:>7,} groups"
            )
        after = after_one_report(path) if args.after_ingest else None
        if after is not None:
            print(f"one more report, then refresh: {after['seconds']} s for {after['rebuilt']}")
        cli = None
        if args.cli:
            cli = {
                name: time_cli(path, QUERIES[name]) for name in ("kind+place+month", "unfiltered")
            }
            print(f"`warclaims compare`, process start included: {cli}")
    slow = {n: r["seconds"] for n, r in results.items() if r["seconds"] > LIMIT_SECONDS}
    worst = max(r["seconds"] for r in results.values())
    report = {
        "claims": args.claims if gen is not None else None,
        "generate_seconds": gen,
        "index_seconds": round(index_s, 1),
        "precompute_seconds": round(groups_s, 1),
        "queries": results,
        "cli_seconds": cli,
        "after_one_report": after,
        "limit_seconds": LIMIT_SECONDS,
        "worst_seconds": worst,
        "over_limit": sorted(slow),
        "under_2s": not slow,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if slow:
        listed = ", ".join(f"{n} ({s:.3f} s)" for n, s in slow.items())
        print(f"FAIL: {len(slow)} queries over {LIMIT_SECONDS} s: {listed} -> {args.out}")
        return 1
    print(f"every query under {LIMIT_SECONDS} s (worst {worst:.3f} s) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
