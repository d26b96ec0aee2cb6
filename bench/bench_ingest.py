"""Ingest benchmark: reports/s and peak RSS of `warclaims ingest` over a generated corpus.

Generates a corpus of N article-sized English reports in every input format (40 % .txt
files in folders, 30 % JSON lines in files of 500, 20 % .html pages, 10 % RSS feeds of 10
entries), with near-duplicate wire copies (5 %) and exact copies from other outlets (2 %),
then runs the real command (`python -m warclaims.cli ingest CORPUS --db NEW.db`) in a
subprocess and records:

  reports/s      reports read / wall time, and the same after start-up (from the first
                 stored document on, i.e. without loading spaCy and the gazetteer)
  peak RSS       the child's ru_maxrss (os.wait4), and RSS sampled from /proc every 0.5 s
                 against the share of the corpus done, to show that it stays flat

By default two corpora, N/4 and N with N = 1,000 (about 4-5 minutes on a 2-core machine:
the pipeline analyses 5-7 article-sized reports/s), so that memory can be compared across
corpus sizes; `--reports 10000 --single` runs the acceptance size (about 25-30 minutes).
Results are printed and written to bench/out/bench_ingest.json.

    python bench/bench_ingest.py [--reports 1000] [--single] [--keep DIR] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_FILE = HERE / "out" / "bench_ingest.json"
SAMPLE_EVERY = 0.5

PLACES = [
    "Kupiansk", "Kurylivka", "Vovchansk", "Pokrovsk", "Myrnohrad", "Huliaipole", "Lyman",
    "Siversk", "Kostiantynivka", "Borova", "Pishchane", "Kucherivka", "Izium", "Kharkiv",
    "Sumy", "Orikhiv", "Dobropillia", "Kramatorsk", "Sloviansk", "Nikopol",
]  # fmt: skip
CLAIMANTS = [
    "Russia's Defence Ministry said", "Ukraine's General Staff said", "the regional governor said",
    "a source in the military told reporters", "officials said", "the air force said",
    "a spokesman for the Southern Defence Forces said", "Russian military bloggers claimed",
]  # fmt: skip
SENTENCES = [
    "Russian forces captured {p1} near {p2}, {c}.",
    "Ukraine lost up to {n} soldiers in fighting near {p1} over the past week, {c}.",
    "About {n} Russian troops were killed or wounded near {p1} on {d}, {c}.",
    "Fighting continued near {p1} and {p2}, {c}.",
    "Russia launched {n} drones and {m} missiles overnight, {c}.",
    "Air defences shot down {m} drones over the {p1} area, {c}.",
    "A strike on {p1} killed at least {m} civilians and wounded {n2}, {c}.",
    "{c2} that Ukrainian units still held positions in {p1}.",
    "Ukrainian troops destroyed {m} tanks and {n2} armoured vehicles near {p1}, {c}.",
    "The claim that {p1} had fallen was denied by Ukrainian commanders on {d}.",
    "Russian assault groups of between {m} and {n2} men tried to enter {p1} from the north.",
    "More than {pc}% of {p1} was under Russian control, {c}.",
    "Residents of {p2} said power had been cut for {m} hours after the shelling.",
    "Volunteers evacuated {n} people from {p1} on {d}.",
    "The figures could not be independently verified.",
    "{c2} that {m} Ukrainian battalions were surrounded near {p1}.",
    "Heavy shelling was reported in {p2} and the villages around it.",
    "Engineers repaired the bridge over the river near {p2} within {m} days.",
    "Satellite images showed fresh craters along the road from {p1} to {p2}.",
    "Prices for fuel in {p2} rose by {m} per cent this month, traders said.",
]
DATES = ["November 17", "November 18", "November 19", "Tuesday", "Wednesday", "Thursday"]


@dataclass
class Run:
    reports: int
    formats: dict[str, int]
    seconds: float = 0.0
    startup_seconds: float = 0.0
    reports_per_s: float = 0.0
    reports_per_s_after_startup: float = 0.0
    peak_rss_mb: float = 0.0
    rss_by_progress: list[tuple[float, float]] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)
    exit_code: int = 0


# -- corpus ---------------------------------------------------------------------------------------


def article(rng: random.Random, number: int) -> tuple[str, str]:
    p1, p2 = rng.sample(PLACES, 2)
    values = {
        "p1": p1,
        "p2": p2,
        "n": rng.randrange(50, 5000),
        "n2": rng.randrange(2, 200),
        "m": rng.randrange(2, 60),
        "pc": rng.randrange(20, 95),
        "d": rng.choice(DATES),
    }
    sentences = []
    for template in rng.sample(SENTENCES, rng.randrange(8, 13)):
        values["c"] = rng.choice(CLAIMANTS)
        values["c2"] = values["c"][0].upper() + values["c"][1:]
        sentences.append(template.format(**values))
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    title = f"Report {number}: fighting around {p1} and {p2}"
    return title, "\n\n".join(paragraphs) + f"\n\nFile {number}-{rng.getrandbits(32):x}."


def copies(rng: random.Random, title: str, body: str) -> tuple[str, str]:
    """A near-duplicate: another headline and one sentence cut or added."""
    if rng.random() < 0.5:
        return "Update: " + title, body + "\n\nReporting by the night desk."
    return title.replace("Report", "Story"), body.replace("\n\n", "\n\nMeanwhile, ", 1)


def make_corpus(root: Path, n: int, seed: int) -> dict[str, int]:
    """n reports under root in every format; returns the count per format."""
    rng = random.Random(seed)
    kinds = {"txt": 0, "jsonl": 0, "html": 0, "rss": 0}
    jsonl_lines: list[str] = []
    feed_items: list[str] = []
    previous: tuple[str, str] | None = None
    for i in range(n):
        roll = rng.random()
        if previous is not None and roll < 0.02:
            title, body = previous  # an exact copy, from another outlet below
        elif previous is not None and roll < 0.07:
            title, body = copies(rng, *previous)
        else:
            title, body = article(rng, i)
            previous = (title, body)
        outlet = f"Outlet {rng.randrange(40)}"
        kind = rng.choices(["txt", "jsonl", "html", "rss"], weights=[4, 3, 2, 1])[0]
        kinds[kind] += 1
        if kind == "txt":
            folder = root / "text" / f"{i // 500:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"r{i:06d}_20251120.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
        elif kind == "html":
            folder = root / "html" / f"{i // 500:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{i:06d}.html").write_text(_page(title, body, outlet, i), "utf-8")
        elif kind == "jsonl":
            record = {
                "title": title,
                "text": f"{title}\n\n{body}",
                "published": "2025-11-20",
                "publisher": outlet,
                "url": f"https://outlet{i}.example/a/{i}",
            }
            jsonl_lines.append(json.dumps(record))
            if len(jsonl_lines) == 500:
                _flush_jsonl(root, jsonl_lines)
        else:
            feed_items.append(_item(title, body, i))
            if len(feed_items) == 10:
                _flush_feed(root, feed_items)
    _flush_jsonl(root, jsonl_lines)
    _flush_feed(root, feed_items)
    return kinds


def _page(title: str, body: str, outlet: str, i: int) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="og:url" content="https://p{i}.example/{i}">'
        '<meta property="article:published_time" content="2025-11-20T08:00:00Z"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>{paragraphs}"
        "</article><footer>All rights reserved</footer></body></html>"
    )


def _item(title: str, body: str, i: int) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f"<item><title>{escape(title)}</title><link>https://feed.example/{i}</link>"
        "<pubDate>Thu, 20 Nov 2025 10:00:00 +0000</pubDate>"
        f"<description><![CDATA[{paragraphs}]]></description></item>"
    )


def _flush_jsonl(root: Path, lines: list[str]) -> None:
    if lines:
        folder = root / "jsonl"
        folder.mkdir(parents=True, exist_ok=True)
        number = len(list(folder.iterdir()))
        (folder / f"batch{number:04d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        lines.clear()


def _flush_feed(root: Path, items: list[str]) -> None:
    if items:
        folder = root / "feeds"
        folder.mkdir(parents=True, exist_ok=True)
        number = len(list(folder.iterdir()))
        feed = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Feed {number}</title>{''.join(items)}</channel></rss>"
        )
        (folder / f"feed{number:04d}.rss").write_text(feed, "utf-8")
        items.clear()


# -- measuring ------------------------------------------------------------------------------------


def measure(corpus: Path, db: Path, n: int, kinds: dict[str, int]) -> Run:
    run = Run(reports=n, formats=kinds)
    command = [sys.executable, "-m", "warclaims.cli", "ingest", str(corpus), "--db", str(db)]
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first_stored: float | None = None
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        rss = _rss_mb(child.pid)
        done = _stored(db)
        if done and first_stored is None:
            first_stored = time.monotonic()
        if rss is not None:
            run.rss_by_progress.append((round(done / n, 3), round(rss, 1)))
        time.sleep(SAMPLE_EVERY)
    run.seconds = time.monotonic() - start
    run.exit_code = os.waitstatus_to_exitcode(status)
    child.returncode = run.exit_code
    if child.stdout is not None:
        print("   ", child.stdout.read().decode().strip().splitlines()[-1])
    run.peak_rss_mb = round(usage.ru_maxrss / 1024, 1)  # kB on Linux
    run.startup_seconds = round((first_stored or start) - start, 1)
    run.reports_per_s = round(n / run.seconds, 2)
    after = run.seconds - run.startup_seconds
    run.reports_per_s_after_startup = round(n / after, 2) if after > 0 else 0.0
    run.seconds = round(run.seconds, 1)
    run.stored = _counts(db)
    return run


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _stored(db: Path) -> int:
    """Reports stored so far (documents plus merged duplicates)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
            return conn.execute("SELECT count(*) FROM document_sources").fetchone()[0]
    except sqlite3.Error:
        return 0


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "document_sources", "claims", "flags")
        }


def rss_profile(run: Run) -> str:
    """RSS (MB) at 25/50/75/100 % of the corpus done."""
    marks = []
    for share in (0.25, 0.5, 0.75, 1.0):
        seen = [rss for done, rss in run.rss_by_progress if done <= share]
        marks.append(f"{int(share * 100)}%: {max(seen):.0f}" if seen else f"{share:.0%}: -")
    return ", ".join(marks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000, help="corpus size N (default 1000)")
    parser.add_argument("--single", action="store_true", help="only N, not N/4 as well")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this directory")
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    args = parser.parse_args(argv)
    sizes = [args.reports] if args.single else [max(1, args.reports // 4), args.reports]
    work = args.keep or Path(tempfile.mkdtemp(prefix="warclaims-bench-ingest-"))
    runs = []
    try:
        for n in sizes:
            corpus, db = work / f"corpus_{n}", work / f"ingest_{n}.db"
            shutil.rmtree(corpus, ignore_errors=True)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            print(f"generating {n} reports in {corpus}", flush=True)
            kinds = make_corpus(corpus, n, args.seed)
            print(f"ingesting {n} reports ({kinds})", flush=True)
            run = measure(corpus, db, n, kinds)
            runs.append(run)
            print(
                f"  {n:>6} reports  {run.seconds:>7.1f} s  {run.reports_per_s:>5.2f} reports/s"
                f" ({run.reports_per_s_after_startup:.2f} after {run.startup_seconds:.0f} s"
                f" start-up)  peak RSS {run.peak_rss_mb:.0f} MB  [RSS by progress:"
                f" {rss_profile(run)}]  stored {run.stored}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "benchmark": "ingest",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "runs": [asdict(run) for run in runs],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0 if all(run.exit_code == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
