"""Russian and Ukrainian throughput against the English pipeline, on texts of similar length.

Each language gets the same number of reports of about --chars characters: dev reports of that
language (../shared/dev/reports/{en,ru,uk}_*.txt) cut at a paragraph or repeated paragraph by
paragraph to the length, or, without the dev set, built-in sentences written for this bench.
Every corpus goes through `warclaims.pipeline.analyse_many` (language given, so identification
is not timed); the best of --repeat runs counts, after one warm-up run that loads the models.
Prints a table and writes bench/out/bench_slavic.json.

    python bench/bench_slavic.py [--reports 60] [--chars 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from warclaims.ingest.text import Report
from warclaims.pipeline import analyse_many

HERE = Path(__file__).resolve().parent
DEV_REPORTS = Path(__file__).resolve().parents[2] / "shared" / "dev" / "reports"
OUT_FILE = HERE / "out" / "bench_slavic.json"
LANGUAGES = ("en", "ru", "uk")
FALLBACK = {
    "en": "Russian forces lost up to 40 tanks near Pokrovsk, the General Staff said on Monday. "
    "Ukrainian troops repelled 23 attacks in the Kupiansk direction.",
    "ru": "По данным Минобороны России, потери ВСУ составили до 230 военнослужащих, танк и три "
    "боевые бронированные машины. Противник 14 раз атаковал позиции у Купянска.",
    "uk": "За даними Генштабу, ворог втратив близько 1130 осіб та 12 танків за минулу добу. "
    "Сили оборони відбили 23 атаки окупантів на Покровському напрямку.",
}


def _paragraphs(language: str) -> list[str]:
    files = sorted(DEV_REPORTS.glob(f"{language}_*.txt")) if DEV_REPORTS.is_dir() else []
    paragraphs = [
        p.strip()
        for f in files
        for p in f.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 40
    ]
    return paragraphs or [FALLBACK[language]]


def corpus(language: str, reports: int, chars: int) -> list[Report]:
    """`reports` texts of about `chars` characters, paragraphs taken in turn."""
    paragraphs = _paragraphs(language)
    out: list[Report] = []
    k = 0
    for _ in range(reports):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < chars:
            parts.append(paragraphs[k % len(paragraphs)])
            k += 1
        out.append(Report(text="\n".join(parts), language=language, published="2025-11-21"))
    return out


def run(reports: list[Report]) -> tuple[float, int]:
    start = time.perf_counter()
    claims = sum(len(doc.claims) for doc in analyse_many(reports))
    return time.perf_counter() - start, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=60)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    for language in LANGUAGES:
        reports = corpus(language, args.reports, args.chars)
        run(reports[:4])  # warm-up: models, lexicons, gazetteer
        timings = [run(reports) for _ in range(max(1, args.repeat))]
        best, claims = min(timings)
        chars = sum(len(r.text) for r in reports)
        results[language] = {
            "reports": len(reports),
            "chars": chars,
            "claims": claims,
            "seconds": round(best, 3),
            "reports_per_s": round(len(reports) / best, 1),
            "kchars_per_s": round(chars / best / 1000, 1),
        }
    base = results["en"]["kchars_per_s"]
    print(
        f"{'lang':<5}{'reports':>8}{'chars':>10}{'claims':>8}{'s':>8}{'rep/s':>8}"
        f"{'kchar/s':>9}{'vs en':>7}"
    )
    for language, r in results.items():
        ratio = r["kchars_per_s"] / base if base else float("nan")
        r["vs_en"] = round(ratio, 2)
        print(
            f"{language:<5}{r['reports']:>8}{r['chars']:>10}{r['claims']:>8}{r['seconds']:>8}"
            f"{r['reports_per_s']:>8}{r['kchars_per_s']:>9}{ratio:>7.2f}"
        )
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(json.dumps({"args": vars(args), "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
