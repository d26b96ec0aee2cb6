#!/usr/bin/env python3
"""Build the shipped reference snapshots (src/warclaims/reference/data/).

Usage: python scripts/build_reference.py [--source ../shared/data/reference]
                                         [--out src/warclaims/reference/data]

Sources: the Ukrainian General Staff's daily cumulative claims of Russian losses (MIT) and
Oryx's visually confirmed equipment losses (CC BY 4.0), as described by the PROVENANCE.md
files in --source. The logic lives in warclaims.reference.build; this script only parses
options and reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # works before `pip install -e .` too

from warclaims.reference.build import DATA_DIR, BuildError, build  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "reference",
        help="the shared reference folder (default: ../shared/data/reference)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    args = parser.parse_args(argv)
    try:
        report = build(args.source, args.out)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"General Staff: {report.gs_rows} days {report.gs_first} .. {report.gs_last},"
        f" {report.corrections} corrections"
    )
    print(f"Oryx: {report.oryx_rows} rows {report.oryx_first} .. {report.oryx_last}")
    if report.skipped_oryx_labels:
        print(f"Oryx labels left out: {'; '.join(report.skipped_oryx_labels)}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
