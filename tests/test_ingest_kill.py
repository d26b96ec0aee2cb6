"""Kill test: `warclaims ingest` of 2,000 reports killed with SIGKILL half-way, run again,
gives the same store as one clean run (row counts and a hash of every row but the ingest
timestamps).

The real command runs in subprocesses, with the real pipeline (spaCy and all); the reports
are one or two sentences each so that 2,000 of them take well under a minute. They come as
1,200 text files in ten folders and one JSON-lines file of 800 records, among them exact
copies from other outlets and near copies, so the duplicate decisions are checked too. The
clean run and the run that is killed go side by side.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPORTS = 2000
KILL_AFTER = 900  # stored documents, of 1,955
TIMEOUT = 240
PLACES = [
    "Kupiansk", "Kurylivka", "Vovchansk", "Pokrovsk", "Myrnohrad", "Huliaipole", "Lyman",
    "Siversk", "Kostiantynivka", "Borova", "Pishchane", "Kucherivka", "Izium", "Kharkiv",
    "Sumy", "Zaporizhzhia", "Kherson", "Orikhiv", "Dobropillia",
]  # fmt: skip
SOURCES = (
    "the ministry said",
    "the General Staff said",
    "a regional governor said",
    "officials said",
    "a military spokesman said",
)
TIMESTAMPS = {"ingested_at", "applied_at"}


def tiny_report(rng: random.Random, number: int) -> str:
    a, b = rng.sample(PLACES, 2)
    said = rng.choice(SOURCES)
    body = rng.choice(
        (
            f"Russian forces captured {a} near {b}, {said}.",
            f"Ukraine lost up to {rng.randrange(10, 5000)} soldiers near {a}, {said}.",
            f"Fighting continued near {a} and {b}, {said}.",
            f"Drones struck {a}, killing {rng.randrange(1, 30)} people, {said}.",
        )
    )
    tag = f"{rng.getrandbits(48):x} {rng.getrandbits(48):x}"
    return f"Item {number} {rng.getrandbits(40):x}\n\n{body} Ref {tag}."


def make_corpus(root: Path, n: int = REPORTS, seed: int = 7) -> None:
    """n reports: 60 % text files in ten folders, the rest one JSON-lines file in which
    every 20th record is an exact copy from another outlet and every 20th a near copy."""
    rng = random.Random(seed)
    n_files = n * 3 // 5
    for i in range(n_files):
        folder = root / f"d{i % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{i:05d}.txt").write_text(tiny_report(rng, i), encoding="utf-8")
    records: list[dict[str, str]] = []
    for i in range(n_files, n):
        if i % 20 == 0 and len(records) >= 3:
            record = {**records[-3], "publisher": f"Outlet {i}", "url": f"https://o{i}.example/"}
        elif i % 20 == 10 and records:
            record = {**records[-1], "publisher": f"Outlet {i}"}
            record["text"] = record["text"].replace("Ref", "Reference")
        else:
            record = {
                "text": tiny_report(rng, i),
                "publisher": f"Outlet {i % 7}",
                "published": f"2025-11-{1 + i % 28:02d}",
            }
        records.append(record)
    with (root / "wire.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "warclaims.cli", "ingest", str(corpus), "--db", str(db)]


def stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def dump(db: Path) -> tuple[dict[str, int], str]:
    """Row counts per table and one hash over every row, ingest timestamps left out."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with sqlite3.connect(db) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in sorted(tables):
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS)
            rows = conn.execute(f'SELECT {kept} FROM "{table}"').fetchall()
            counts[table] = len(rows)
            for row in sorted(map(repr, rows)):
                digest.update(f"{table}\t{row}\n".encode())
    return counts, digest.hexdigest()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_resumes_to_the_clean_store(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    quiet = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "env": env, "text": True}

    clean = subprocess.Popen(ingest_command(corpus, clean_db), **quiet)
    victim = subprocess.Popen(ingest_command(corpus, killed_db), **quiet)
    deadline = time.monotonic() + TIMEOUT
    while stored_documents(killed_db) < KILL_AFTER:
        assert victim.poll() is None, f"finished before it could be killed: {victim.stderr}"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    killed_at = stored_documents(killed_db)
    with sqlite3.connect(killed_db) as conn:
        killed_state = (
            killed_at,
            conn.execute("SELECT count(*) FROM document_sources").fetchone()[0],
        )

    out, err = clean.communicate(timeout=TIMEOUT)
    assert clean.returncode == 0, err
    expected = dump(clean_db)
    documents = expected[0]["documents"]
    assert KILL_AFTER <= killed_at < documents  # it really was stopped half-way

    resumed = subprocess.run(ingest_command(corpus, killed_db), timeout=TIMEOUT, **quiet)
    assert resumed.returncode == 0, resumed.stderr
    assert dump(killed_db) == expected, differing_rows(killed_db, clean_db)  # nothing lost or
    # stored twice (a failure here while someone edits the extractor or the gazetteer between
    # the runs is that edit, not the store: the message shows which rows differ)

    # The clean run stored every report once; the rerun stored exactly what was missing.
    sources = expected[0]["document_sources"]
    merged = sources - documents
    assert documents + merged == REPORTS
    assert 0 < merged < REPORTS // 10
    assert last_line(out).startswith(f"{documents} added, 0 already stored, 0 failed, {merged}")
    done_docs, done_sources = killed_state
    assert last_line(resumed.stdout).startswith(
        f"{documents - done_docs} added, {done_sources} already stored, 0 failed,"
        f" {merged - (done_sources - done_docs)} merged"
    )


def differing_rows(left: Path, right: Path) -> str:
    """Which tables differ between two stores, with an example row from each side."""
    lines = []
    with sqlite3.connect(left) as a, sqlite3.connect(right) as b:
        for (table,) in a.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            columns = [row[1] for row in a.execute(f'PRAGMA table_info("{table}")')]
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS)
            rows_a = set(map(repr, a.execute(f'SELECT {kept} FROM "{table}"')))
            rows_b = set(map(repr, b.execute(f'SELECT {kept} FROM "{table}"')))
            if rows_a != rows_b:
                only_a, only_b = sorted(rows_a - rows_b), sorted(rows_b - rows_a)
                lines.append(f"{table}: {len(only_a)} rows only in the resumed store, e.g.")
                lines.append(f"  {only_a[0][:400] if only_a else '-'}")
                lines.append(f"  {len(only_b)} only in the clean one, e.g. {only_b[:1]}"[:500])
    return "\n".join(lines) or "no row differs"


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]
