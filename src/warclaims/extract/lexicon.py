"""Per-language extraction lexicons, loaded from data files (lang/<code>/extraction.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_KNOWN_KEYS = {
    "number_words",
    "fraction_words_percent",
    "adverb_counts",
    "multipliers",
    "vague_amounts",
    "hedges_before",
    "hedges_after",
    "range_joiners",
    "not_quantity_before",
    "units",
    "cues",
    "sides",
    "reporting_verbs",
    "denial_verbs",
    "denial_phrases",
    "reported_cues",
    "anonymous_heads",
    "media_heads",
    "official_heads",
    "expert_heads",
    "witness_heads",
    "pronouns_anaphoric",
    "triggers",
}


@dataclass(frozen=True)
class Lexicon:
    """The raw lexicon plus lookup tables derived from it once."""

    data: dict
    unit_of: dict[str, tuple[str, str | None]]  # phrase -> (unit class, category/unit)
    cue_of: dict[str, frozenset[str]]  # word -> cue names
    side_of: dict[str, str]  # word -> RU/UA/enemy/own

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.data[key])


def _unit_table(units: dict) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for word in units["personnel"]:
        table[word] = ("personnel", None)
    for group in ("equipment", "formations", "area"):
        for name, words in units[group].items():
            for word in words:
                table[word] = (group, name)
    for group in ("settlements", "fighting_events", "strike_events"):
        for word in units[group]:
            table[word] = (group, None)
    return table


def _cue_table(cues: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for cue, words in cues.items():
        for word in words:
            table.setdefault(word, set()).add(cue)
    return {word: frozenset(names) for word, names in table.items()}


@lru_cache(maxsize=4)
def load_lexicon(language: str = "en") -> Lexicon:
    """Load and index `lang/<language>/extraction.json`; unknown keys fail loudly."""
    path = resources.files("warclaims") / "lang" / language / "extraction.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_comment", None)
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown lexicon keys {sorted(unknown)}")
    side_of = {w: side for side, words in data["sides"].items() for w in words}
    return Lexicon(
        data=data,
        unit_of=_unit_table(data["units"]),
        cue_of=_cue_table(data["cues"]),
        side_of=side_of,
    )
