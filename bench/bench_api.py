"""Bench the web app over a large store: GET /api/claims with two filters and the report view.

Builds a store of --claims claims (default 100,000; rows written directly with executemany, in
--docs documents), serves it with `warclaims serve` in its own process on 127.0.0.1 (a free port)
and times requests with httpx over one keep-alive connection. Targets (issue 5): /api/claims
with two filters p95 < 100 ms, the report view (/documents/{doc_id}) p95 < 300 ms. Writes
bench/out/bench_api.json.

    python bench/bench_api.py [--claims 100000] [--docs 2000] [--requests 60] [--keep DB]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from warclaims.model import (
    CATEGORIES,
    KINDS,
    Claim,
    Claimant,
    DateRef,
    Document,
    Place,
    Quantity,
    Span,
)
from warclaims.store import open_store

OUT = Path(__file__).resolve().parent / "out" / "bench_api.json"
CLAIMS_P95_MS = 100.0
REPORT_P95_MS = 300.0

PLACES = [
    ("Kupiansk", "Kharkiv Oblast", 49.71, 37.62),
    ("Vovchansk", "Kharkiv Oblast", 50.29, 36.94),
    ("Kharkiv", "Kharkiv Oblast", 49.99, 36.23),
    ("Pokrovsk", "Donetsk Oblast", 48.28, 37.18),
    ("Myrnohrad", "Donetsk Oblast", 48.30, 37.26),
    ("Kostiantynivka", "Donetsk Oblast", 48.53, 37.71),
    ("Huliaipole", "Zaporizhzhia Oblast", 47.66, 36.26),
    ("Kherson", "Kherson Oblast", 46.64, 32.61),
    ("Sumy", "Sumy Oblast", 50.91, 34.80),
    ("Lyman", "Donetsk Oblast", 48.99, 37.80),
]
CLAIMANTS = [
    ("Russian Ministry of Defence", "official", "RU"),
    ("General Staff of the Armed Forces of Ukraine", "official", "UA"),
    ("Valery Gerasimov", "official", "RU"),
    ("Oleksandr Syrskyi", "official", "UA"),
    (None, "anonymous", "RU"),
    (None, "media", None),
]
SENTENCE = (
    "According to {who}, {figure} {side} {what} near {place} on {date}, "
    "while fighting continued along the front line."
)
QUERIES = [
    {"kind": "casualties", "side": "UA"},
    {"kind": "equipment_loss", "oblast": "Donetsk"},
    {"side": "RU", "date_from": "2025-11-10"},
    {"place": "Kupiansk", "kind": "territorial_control"},
    {"certainty": "reported", "side": "UA"},
    {"claimant": "gerasimov", "kind": "territorial_control"},
    {"kind": "fighting", "bbox": "36.0,47.5,38.0,49.0"},
    {"category": "tanks", "date_to": "2025-11-15"},
]


def _claim(rng: random.Random, text_parts: list[str], offset: int) -> tuple[Claim, str]:
    kind = rng.choice(KINDS)
    category = rng.choice(CATEGORIES[kind]) if kind in CATEGORIES else None
    side = rng.choice(("RU", "UA", None))
    value = rng.randint(1, 5000)
    who, who_type, who_side = rng.choice(CLAIMANTS)
    places = [
        Place(mention=name, name=name, admin1=admin1, lat=lat, lon=lon)
        for name, admin1, lat, lon in rng.sample(PLACES, rng.randint(1, 2))
    ]
    day = rng.randint(1, 30)
    sentence = SENTENCE.format(
        who=who or "a source",
        figure=f"up to {value:,}",
        side={"RU": "Russian", "UA": "Ukrainian", None: "unidentified"}[side],
        what=f"{category or kind} were reported",
        place=places[0].name,
        date=f"November {day}",
    )
    figure_start = offset + sentence.index("up to")
    claim = Claim(
        kind=kind,  # type: ignore[arg-type]
        category=category,
        side=side,  # type: ignore[arg-type]
        quantity=Quantity(value=value, high=value, hedge="up_to", unit="personnel"),
        places=places,
        date=DateRef(
            mention=f"November {day}",
            start=f"2025-11-{day:02d}",
            end=f"2025-11-{day:02d}",
            precision="day",
        ),
        claimant=Claimant(mention=who or "a source", name=who, type=who_type, side=who_side),  # type: ignore[arg-type]
        certainty=rng.choice(("asserted", "reported", "reported", "denied")),  # type: ignore[arg-type]
        evidence=Span(start=offset, end=offset + len(sentence)),
        anchor=Span(start=figure_start, end=figure_start + len(f"up to {value:,}")),
    )
    text_parts.append(sentence)
    return claim, sentence


def build_store(path: str, n_claims: int, n_docs: int, seed: int = 5) -> list[str]:
    """Write the documents, claims, places and flags rows directly; return the doc ids."""
    rng = random.Random(seed)
    per_doc = max(1, n_claims // n_docs)
    with open_store(path) as store:
        conn = store.connection
        has_cluster = any(
            r[1] == "cluster_id" for r in conn.execute("PRAGMA table_info(documents)")
        )
        doc_rows, claim_rows, place_rows, flag_rows = [], [], [], []
        claim_id = 0
        doc_ids = []
        for d in range(n_docs):
            doc_id = f"{d:016x}"
            doc_ids.append(doc_id)
            title = f"Front report {d}"
            parts = [title, "\n"]
            offset = len(title) + 1
            claims = []
            count = per_doc if d < n_docs - 1 else n_claims - per_doc * (n_docs - 1)
            for _ in range(count):
                claim, sentence = _claim(rng, parts, offset)
                parts.append(" ")
                offset += len(sentence) + 1
                claims.append(claim)
            text = "".join(parts)
            published = f"2025-11-{rng.randint(1, 30):02d}"
            doc = Document(
                doc_id=doc_id, title=title, published=published, publisher="Bench Wire", text=text
            )
            doc.claims = claims
            row: list[Any] = [doc_id, title, published, "Bench Wire", None, "en", text, None]
            row += ["2025-12-01T00:00:00+00:00", doc.model_dump_json()]
            if has_cluster:
                row.append(doc_id)
            doc_rows.append(row)
            for ordinal, c in enumerate(claims):
                claim_id += 1
                q, date, who = c.quantity, c.date, c.claimant
                assert q is not None and date is not None
                claim_rows.append(
                    (
                        claim_id, doc_id, ordinal, c.kind, c.category, c.side, q.value, q.low,
                        q.high, q.hedge, q.unit, date.start, date.end, who.name, who.mention,
                        who.type, who.side, c.certainty, c.evidence.start, c.evidence.end,
                        c.model_dump_json(),
                    )
                )  # fmt: skip
                for i, p in enumerate(c.places):
                    place_rows.append(
                        (claim_id, i, p.mention, p.name, None, p.admin1, p.lat, p.lon)
                    )
            flag_rows.append((doc_id, "anonymous_sourcing", "bench flag", "{}"))
        cols = "doc_id, title, published, publisher, url, language, text, source, ingested_at, json"
        cols += ", cluster_id" if has_cluster else ""
        marks = ", ".join("?" * len(doc_rows[0]))
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO documents ({cols}) VALUES ({marks})", doc_rows)
        conn.executemany(
            "INSERT INTO claims (id, doc_id, ordinal, kind, category, side, value, low, high,"
            " hedge, unit, date_start, date_end, claimant_name, claimant_mention, claimant_type,"
            " claimant_side, certainty, evidence_start, evidence_end, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        conn.executemany(
            "INSERT INTO claim_places (claim_id, ordinal, mention, name, gazetteer_id, admin1,"
            " lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            place_rows,
        )
        conn.executemany(
            "INSERT INTO flags (doc_id, code, message, json) VALUES (?, ?, ?, ?)", flag_rows
        )
        conn.execute("COMMIT")  # no ANALYZE: a store as ingest leaves it
    return doc_ids


def _serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    """`warclaims serve` over `db` in its own process, on a free port of 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "warclaims.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit("warclaims serve exited before it answered")
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("warclaims serve did not answer within 60 s")


def _time(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"GET {url} {params} -> {response.status_code}: {response.text[:200]}")
    return elapsed


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(ordered[-1], 1),
    }


def run(n_claims: int, n_docs: int, n_requests: int, keep: str | None) -> dict[str, Any]:
    tmp = tempfile.TemporaryDirectory(prefix="warclaims-bench-api-")
    db = keep or str(Path(tmp.name) / "bench.db")
    if Path(db).exists():
        Path(db).unlink()
    t0 = time.perf_counter()
    doc_ids = build_store(db, n_claims, n_docs)
    built = time.perf_counter() - t0
    with open_store(db) as store:
        counts = store.counts()
    print(
        f"store: {counts['claims']:,} claims in {counts['documents']:,} documents ({built:.1f} s)"
    )
    server, base = _serve(db)
    rng = random.Random(7)
    result: dict[str, Any] = {"store": counts, "build_s": round(built, 1), "claims_queries": {}}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(3):  # warm up: connections, page cache, templates
                _time(client, "/api/claims", QUERIES[0])
                _time(client, f"/documents/{doc_ids[0]}")
            all_claims: list[float] = []
            for params in QUERIES:
                times = [_time(client, "/api/claims", params) for _ in range(n_requests)]
                total = client.get("/api/claims", params={**params, "limit": 1}).json()["total"]
                stats = {**_stats(times), "total": total}
                result["claims_queries"]["&".join(f"{k}={v}" for k, v in params.items())] = stats
                all_claims += times
                print(f"GET /api/claims {params}: {stats}")
            report_times = [
                _time(client, f"/documents/{rng.choice(doc_ids)}") for _ in range(n_requests * 2)
            ]
            json_times = [
                _time(client, f"/api/documents/{rng.choice(doc_ids)}") for _ in range(n_requests)
            ]
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
    result["claims_two_filters"] = _stats(all_claims)
    result["report_view"] = {**_stats(report_times), "claims_per_report": n_claims // n_docs}
    result["document_json"] = _stats(json_times)
    result["targets"] = {
        "claims_two_filters_p95_ms": CLAIMS_P95_MS,
        "report_view_p95_ms": REPORT_P95_MS,
    }
    result["ok"] = (
        result["claims_two_filters"]["p95_ms"] < CLAIMS_P95_MS
        and result["report_view"]["p95_ms"] < REPORT_P95_MS
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=60, help="requests per query (default 60)")
    parser.add_argument("--keep", metavar="DB", help="build the store at DB and keep it")
    args = parser.parse_args(argv)
    result = run(args.claims, args.docs, args.requests, args.keep)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    c, r = result["claims_two_filters"], result["report_view"]
    print(
        f"GET /api/claims (two filters, {c['n']} requests): p50 {c['p50_ms']} ms, p95 {c['p95_ms']}"
        f" ms (target < {CLAIMS_P95_MS:.0f})\n"
        f"report view ({r['claims_per_report']} claims each, {r['n']} requests): p50 {r['p50_ms']}"
        f" ms, p95 {r['p95_ms']} ms (target < {REPORT_P95_MS:.0f})\n"
        f"{'OK' if result['ok'] else 'SLOW'} · {OUT}"
    )
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
