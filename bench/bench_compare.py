#!/usr/bin/env python3
"""Bench `compare` over a store of generated claims (default 1,000,000): seconds per query.

Usage: python bench/bench_compare.py [--claims 1000000] [--repeat 3] [--keep PATH] [--cli]

The claims are written straight into a temporary SQLite store with executemany (not through
the NLP pipeline): 10 claims per document over 300 places in 12 oblasts, two years of dates,
all seven kinds, hedged figures, both sides, some denials, some oblast-wide and undated claims.
Then the compare indexes are built (timed apart) and each query is timed as the library runs it
for `warclaims compare` (compare + details of the 20 groups shown), best of --repeat runs, wall
and CPU seconds. The selective queries (a place, an oblast or a period) are held to 2 s; with
--full the broad ones (one kind over the whole store, no filter) are timed too, for the record.
With --cli the first query is also timed through the `warclaims` command, process start
included. Writes bench/out/bench_compare.json.
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
}  # fmt: skip
# broad queries that read a large part of the store: timed with --full, not held to 2 s
BROAD: dict[str, dict[str, object]] = {
    "kind only (1/7 of the store)": {"kind": "encirclement"},
    "unfiltered": {},
}


def time_query(path: Path, filters: dict[str, object], repeat: int) -> dict[str, object]:
    best, best_cpu, info = float("inf"), float("inf"), {}
    for _ in range(repeat):
        with open_store(str(path)) as store:
            began, cpu = time.perf_counter(), time.process_time()
            comparison = compare(store, CompareFilters(**filters))  # type: ignore[arg-type]
            add_details(store, comparison, 20)
            elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
        verdicts: dict[str, int] = {}
        for g in comparison.groups:
            verdicts[g.verdict] = verdicts.get(g.verdict, 0) + 1
        info = {"claims_read": comparison.n_claims, "groups": len(comparison.groups), **verdicts}
    return {"seconds": round(best, 3), "cpu_seconds": round(best_cpu, 3), **info}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    parser.add_argument("--cli", action="store_true", help="also time one `warclaims compare`")
    parser.add_argument("--full", action="store_true", help="also time the broad queries")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_compare.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        if path.exists():
            path.unlink()
        gen = generate(path, args.claims)
        print(f"generated {args.claims:,} claims in {gen:.1f} s ({path.stat().st_size >> 20} MiB)")
        with open_store(str(path)) as store:
            began = time.perf_counter()
            ensure_indexes(store.connection)
            index_s = time.perf_counter() - began
        print(f"compare indexes built in {index_s:.1f} s (once per store)")
        queries = {**QUERIES, **(BROAD if args.full else {})}
        results = {}
        for name, filters in queries.items():
            results[name] = {"filters": filters, **time_query(path, filters, args.repeat)}
            r = results[name]
            print(
                f"{name:30s} {r['seconds']:7.3f} s ({r['cpu_seconds']:.3f} s CPU)"
                f" {r['claims_read']:>8,} claims read,"
                f" {r['groups']:>7,} groups"
            )
        cli = None
        if args.cli:
            exe = Path(sys.executable).parent / "warclaims"
            cmd = [str(exe), "compare", "--db", str(path)]
            for key, value in QUERIES["kind+place+month"].items():
                cmd += [f"--{key}", str(value)]
            began = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            cli = round(time.perf_counter() - began, 3)
            print(f"`warclaims compare` (kind+place+month), process start included: {cli} s")
    worst = max(r["seconds"] for n, r in results.items() if n in QUERIES)
    report = {
        "claims": args.claims,
        "generate_seconds": round(gen, 1),
        "index_seconds": round(index_s, 1),
        "queries": results,
        "cli_seconds": cli,
        "worst_filtered_seconds": worst,
        "under_2s": worst < 2.0,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"worst filtered query {worst:.3f} s ({'under' if worst < 2 else 'OVER'} 2 s) -> {args.out}"
    )
    return 0 if worst < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
