"""Gazetteer benchmark: load time, resident memory, look-ups per second.

    python bench/bench_places.py [--mentions 20000] [--distinct 4000] [--seed 7] [--json]

Phases, in one fresh process:
  load     import warclaims.places and load the shipped gazetteer (wall time; resident
           memory before and after, from /proc/self/status, else ru_maxrss)
  cold     `lookup` of DISTINCT different mentions, each the first time (national names,
           Cyrillic, Russian-style romanisations, inflected forms, oblasts, misses)
  stream   `lookup` of MENTIONS mentions drawn from those with a Zipf-like skew, as in a
           feed of reports where a few places recur (the caches answer repeats)
Targets (issue 3): stream ≥ 50,000 look-ups/s, resident memory ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TARGET_RATE = 50_000
TARGET_MB = 300


def rss_mb() -> float:
    """Resident set size now (Linux), else the peak so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def mentions(distinct: int, seed: int) -> list[str]:
    """Distinct mentions in the forms reports use, drawn from the gazetteer itself."""
    from warclaims.places.gazetteer import get_gazetteer

    rng = random.Random(seed)
    entries = [e for e in get_gazetteer().entries if e.precision == "settlement"]
    out: set[str] = set()
    while len(out) < distinct:
        e = rng.choice(entries)
        form = rng.random()
        if form < 0.4:
            out.add(e.name)
        elif form < 0.6 and e.name_uk:
            out.add(e.name_uk)
        elif form < 0.7 and e.name_ru:
            out.add(e.name_ru)
        elif form < 0.8 and e.name_uk:
            out.add(f"у {e.name_uk}")
        elif form < 0.9:
            out.add(e.name.replace("ivka", "ovka").replace("ia", "ya"))
        elif form < 0.95 and e.admin1:
            out.add(e.admin1.replace("Oblast", "region"))
        else:
            out.add(f"Nowhere{rng.randrange(10**6)}")
    return sorted(out)


def run(n_mentions: int, distinct: int, seed: int) -> dict[str, float]:
    before = rss_mb()
    start = time.perf_counter()
    from warclaims.places import lookup
    from warclaims.places.gazetteer import get_gazetteer

    get_gazetteer()
    load_s = time.perf_counter() - start
    loaded_mb = rss_mb()

    pool = mentions(distinct, seed)
    start = time.perf_counter()
    for mention in pool:
        lookup(mention)
    cold_s = time.perf_counter() - start

    rng = random.Random(seed + 1)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    stream = rng.choices(pool, weights=weights, k=n_mentions)
    start = time.perf_counter()
    for mention in stream:
        lookup(mention)
    stream_s = time.perf_counter() - start
    return {
        "load_s": round(load_s, 3),
        "rss_before_mb": round(before, 1),
        "rss_loaded_mb": round(loaded_mb, 1),
        "rss_end_mb": round(rss_mb(), 1),
        "cold_lookups": len(pool),
        "cold_per_s": round(len(pool) / cold_s),
        "stream_lookups": n_mentions,
        "stream_per_s": round(n_mentions / stream_s),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--distinct", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.mentions, args.distinct, args.seed)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"load            {figures['load_s']:.2f} s")
        f = figures
        print(
            f"resident memory {f['rss_loaded_mb']:.0f} MB after loading, {f['rss_end_mb']:.0f} MB"
            f" at the end (before: {f['rss_before_mb']:.0f} MB; target ≤ {TARGET_MB} MB)"
        )
        print(f"cold look-ups   {f['cold_per_s']:,}/s ({f['cold_lookups']:,} distinct)")
        print(
            f"stream          {f['stream_per_s']:,}/s ({f['stream_lookups']:,} mentions;"
            f" target ≥ {TARGET_RATE:,}/s)"
        )
    ok = figures["stream_per_s"] >= TARGET_RATE and figures["rss_end_mb"] <= TARGET_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
