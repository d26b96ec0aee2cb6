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


_TRIGGER_KEYS = {
    "pattern",
    "category",
    "object",
    "subject",
    "verb",
    "predicate",
    "side",
    "certainty",
}
_TRIGGER_KINDS = {
    "casualties",
    "equipment_loss",
    "troop_strength",
    "territorial_control",
    "encirclement",
    "fighting",
    "strike",
}


def _check_triggers(path: str, triggers: dict[str, list[dict]]) -> None:
    """Unknown kinds, unknown rule keys and repeated patterns are mistakes: say so at load."""
    seen: set[tuple[str, str]] = set()
    for kind, rules in triggers.items():
        if kind not in _TRIGGER_KINDS:
            raise ValueError(f"{path}: triggers: unknown kind {kind!r}")
        for rule in rules:
            unknown = set(rule) - _TRIGGER_KEYS
            if unknown or "pattern" not in rule:
                raise ValueError(f"{path}: triggers.{kind}: bad rule {rule!r}")
            key = (kind, rule["pattern"])
            if key in seen:
                raise ValueError(f"{path}: triggers.{kind}: pattern {rule['pattern']!r} twice")
            seen.add(key)


@lru_cache(maxsize=4)
def load_lexicon(language: str = "en") -> Lexicon:
    """Load and index `lang/<language>/extraction.json`; unknown keys fail loudly."""
    path = resources.files("warclaims") / "lang" / language / "extraction.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_comment", None)
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown lexicon keys {sorted(unknown)}")
    _check_triggers(str(path), data["triggers"])
    side_of = {w: side for side, words in data["sides"].items() for w in words}
    return Lexicon(
        data=data,
        unit_of=_unit_table(data["units"]),
        cue_of=_cue_table(data["cues"]),
        side_of=side_of,
    )
