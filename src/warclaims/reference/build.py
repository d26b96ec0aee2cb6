"""Build the shipped reference snapshots from ../shared/data/reference (make reference).

Outputs, in src/warclaims/reference/data/ (gzip with a fixed timestamp: rebuilds are
byte-identical):

- `general_staff.csv.gz`: `date` and one cumulative column per warclaims category
  (GENERAL_STAFF_COLUMNS), Russian losses as claimed by Ukraine's General Staff; empty = not
  reported that day. Keys the source renamed or merged are added into one column.
- `general_staff_corrections.csv.gz`: `date,column,delta`: revisions the dataset applied.
- `oryx.csv.gz`: `country,series,category,date,total`: Oryx's visually confirmed losses per
  equipment series on each scrape date that changed it (cumulative, a step function).
- `ATTRIBUTION.md`: sources, commits, licences, the changes made.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from warclaims.reference.categories import (
    GENERAL_STAFF_COLUMNS,
    GENERAL_STAFF_KEYS,
    ORYX_COUNTRIES,
    ORYX_TYPES,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
GS_FILE = "general_staff.csv.gz"
GS_CORRECTIONS_FILE = "general_staff_corrections.csv.gz"
ORYX_FILE = "oryx.csv.gz"
ATTRIBUTION_FILE = "ATTRIBUTION.md"


_CORRECTIONS = "russia_losses_equipment_correction.json"


class BuildError(Exception):
    """The source folder is missing or does not hold what PROVENANCE.md describes."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    gs_rows: int
    gs_first: str
    gs_last: str
    corrections: int
    oryx_rows: int
    oryx_first: str
    oryx_last: str
    skipped_oryx_labels: tuple[str, ...]


def build(source: Path, out: Path = DATA_DIR) -> BuildReport:
    """Read `source` (shared/data/reference) and write the snapshots into `out`."""
    gs_dir, oryx_dir = source / "ua_general_staff", source / "oryx"
    for path in (
        gs_dir / "russia_losses_personnel.json",
        gs_dir / "russia_losses_equipment.json",
        oryx_dir / "daily_count.csv",
    ):
        if not path.is_file():
            raise BuildError(f"{path}: not found (is {source} the shared reference folder?)")
    out.mkdir(parents=True, exist_ok=True)
    gs = _general_staff(gs_dir)
    _write_gz(out / GS_FILE, ["date", *GENERAL_STAFF_COLUMNS], gs)
    corrections = _corrections(gs_dir)
    _write_gz(out / GS_CORRECTIONS_FILE, ["date", "column", "delta"], corrections)
    oryx, skipped = _oryx(oryx_dir / "daily_count.csv")
    _write_gz(out / ORYX_FILE, ["country", "series", "category", "date", "total"], oryx)
    (out / ATTRIBUTION_FILE).write_text(_attribution(source), encoding="utf-8")
    return BuildReport(
        len(gs),
        gs[0][0],
        gs[-1][0],
        len(corrections),
        len(oryx),
        min(r[3] for r in oryx),
        max(r[3] for r in oryx),
        tuple(sorted(skipped)),
    )


def _load_json(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError(f"{path}: {exc}") from exc


def _general_staff(folder: Path) -> list[list[str]]:
    by_date: dict[str, dict[str, int]] = defaultdict(dict)
    for name in ("russia_losses_personnel.json", "russia_losses_equipment.json"):
        for row in _load_json(folder / name):
            values = by_date[row["date"]]
            for key, column in GENERAL_STAFF_KEYS.items():
                if isinstance(row.get(key), int):
                    values[column] = values.get(column, 0) + row[key]
    return [
        [day, *(_cell(by_date[day].get(column)) for column in GENERAL_STAFF_COLUMNS)]
        for day in sorted(by_date)
    ]


def _corrections(folder: Path) -> list[list[str]]:
    path = folder / _CORRECTIONS
    if not path.is_file():
        return []
    out: dict[tuple[str, str], int] = defaultdict(int)
    for row in _load_json(path):
        for key, column in GENERAL_STAFF_KEYS.items():
            if isinstance(row.get(key), int) and row[key]:
                out[(row["date"], column)] += row[key]
    return [[day, column, str(delta)] for (day, column), delta in sorted(out.items()) if delta]


def _oryx(path: Path) -> tuple[list[list[str]], set[str]]:
    rows: dict[tuple[str, str, str], tuple[str, int]] = {}
    skipped: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            label = record["equipment_type"].strip()
            country = ORYX_COUNTRIES.get(record["country"])
            mapped = ORYX_TYPES.get(label)
            if country is None or mapped is None:
                skipped.add(re.sub(r" - \d.*", "", label, flags=re.DOTALL))
                continue
            series, category = mapped
            # a renamed label and its old name may both appear on one date: keep the larger
            key = (country, series, record["date_recorded"])
            total = int(record["type_total"])
            if key not in rows or rows[key][1] < total:
                rows[key] = (category, total)
    out = [
        [country, series, category, day, str(total)]
        for (country, series, day), (category, total) in sorted(rows.items())
    ]
    return out, skipped


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


def _write_gz(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))


def _provenance_field(path: Path, field: str) -> str:
    """A '- Field: value' line of a PROVENANCE.md, or '?'."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return "?"
    found = re.search(rf"^- {re.escape(field)}:\s*(.+)$", text, re.MULTILINE)
    return found[1].strip() if found else "?"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "?"


def _attribution(source: Path) -> str:
    gs, oryx = source / "ua_general_staff", source / "oryx"
    mit = (gs / "LICENSE").read_text(encoding="utf-8").strip() if (gs / "LICENSE").is_file() else ""
    return f"""# Reference series — attribution

Built by `scripts/build_reference.py` (`make reference`); do not edit by hand.

## general_staff.csv.gz, general_staff_corrections.csv.gz

Russian losses as claimed by the General Staff of the Armed Forces of Ukraine (daily cumulative
totals; one party's claims, not independently verified), from the dataset
**PetroIvaniuk/2022-Ukraine-Russia-War-Dataset** (https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset),
commit {_provenance_field(gs / "PROVENANCE.md", "Commit")}.
Licence: MIT (notice below).

Source files (sha256):
`russia_losses_personnel.json` {_sha256(gs / "russia_losses_personnel.json")},
`russia_losses_equipment.json` {_sha256(gs / "russia_losses_equipment.json")},
`russia_losses_equipment_correction.json` {_sha256(gs / _CORRECTIONS)}.

Changes made: the personnel and equipment files are joined by date; keys are renamed to warclaims
equipment categories and keys the source merged over time are added into one column (`military
auto` + `fuel tank` + `vehicles and fuel tanks` → `vehicles`; `cruise missiles` + `mobile SRBM
system` → `missiles`; `naval ship` + `submarines` → `ships`); the qualifier `personnel*`, `POW`,
`ground robotic systems` and `greatest losses direction` are left out. The corrections file is
kept as (date, column, delta) rows.

```
{mit}
```

## oryx.csv.gz

Visually confirmed equipment losses documented by Oryx
(https://www.oryxspioenkop.com/2022/02/attack-on-europe-documenting-equipment.html), as scraped
by **scarnecchia/oryx_data** (https://github.com/scarnecchia/oryx_data), commit
{_provenance_field(oryx / "PROVENANCE.md", "Commit")}.
Licence: **CC BY 4.0** (https://creativecommons.org/licenses/by/4.0/). The data end on the last
scrape date in the file.

Source file: `daily_count.csv` (sha256 {_sha256(oryx / "daily_count.csv")}).

Changes made (the adaptation under CC BY 4.0): only the running `type_total` per country,
equipment type and scrape date is kept; labels are stripped of whitespace; Oryx's headline rows
("Losses excluding …", "Losses of Armoured Combat Vehicles …") are left out; labels Oryx renamed
are joined into one series ("Rocket and Missile Artillery" continues "Multiple Rocket
Launchers", "Trucks, Vehicles, Jeeps, and Trains" continues "Trucks, Vehicles, and Jeeps",
"Radars And Communications Equipment" continues "Radars", "Naval Ships and Submarines" is
"Naval Ships"); each series is tagged with a warclaims equipment category; countries are
written RU and UA.
"""
