"""The Russian and Ukrainian extraction lexicons (lang/ru/slavic.json, lang/uk/slavic.json).

Both files share one schema and are merged on load: Russian reports quote Ukrainian officials and
Ukrainian addresses switch to Russian, so every report is read with both. Entries are lemmas or
word forms; `PhraseTable` matches multi-word entries token by token.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from warclaims.extract.slavic.text import Token, morph, norm_word

LANGUAGES = ("ru", "uk")
FILENAME = "slavic.json"
_KEYS = frozenset(
    {
        "number_words",
        "scale_words",
        "half_phrases",
        "vague_amounts",
        "money_words",
        "hedges_before",
        "hedges_after",
        "range_from",
        "range_to",
        "units",
        "cues",
        "sides",
        "reporting_verbs",
        "according_to",
        "reported_cues",
        "denial_verbs",
        "anonymous_heads",
        "media_heads",
        "official_heads",
        "expert_heads",
        "witness_heads",
        "pronouns",
        "author_cues",
        "self_reference",
        "region_names",
        "oblast_words",
        "raion_words",
        "direction_words",
        "street_words",
        "place_stop",
        "relative_days",
        "day_parts",
        "night_onto",
        "bulletin_period",
    }
)

P = TypeVar("P")
MAX_ENTRY_LEMMAS = 3  # an entry word with more readings than this matches its own form only


class PhraseTable(Generic[P]):
    """Multi-word entries (lemmas or forms) matched token by token, longest first."""

    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[frozenset[str], ...], P]]] = {}
        for phrase, payload in entries:
            words = tuple(word_keys(w) for w in phrase.split())
            if not words:
                continue
            for key in words[0]:
                self._by_first.setdefault(key, []).append((words, payload))
        for items in self._by_first.values():
            items.sort(key=lambda item: -len(item[0]))

    def match(
        self, tokens: Sequence[Token], i: int, end: int | None = None
    ) -> tuple[int, P] | None:
        """(end index, payload) of the longest entry starting at token i, or None."""
        end = len(tokens) if end is None else end
        if i >= end:
            return None
        best: tuple[int, P] | None = None
        for key in tokens[i].keys:
            for words, payload in self._by_first.get(key, ()):
                stop = i + len(words)
                if stop > end or (best is not None and stop <= best[0]):
                    continue
                if all(words[k] & tokens[i + k].keys for k in range(1, len(words))):
                    best = (stop, payload)
        return best

    def find_all(
        self, tokens: Sequence[Token], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, P]]:
        """Every match of every entry in tokens[start:end], overlaps included."""
        end = len(tokens) if end is None else end
        found: list[tuple[int, int, P]] = []
        for i in range(start, end):
            for key in tokens[i].keys:
                for words, payload in self._by_first.get(key, ()):
                    stop = i + len(words)
                    if stop <= end and all(
                        words[k] & tokens[i + k].keys for k in range(1, len(words))
                    ):
                        found.append((i, stop, payload))
        return sorted(set(found), key=lambda f: (f[0], -f[1]))  # type: ignore[arg-type]

    def find(
        self, tokens: Sequence[Token], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, P]]:
        """Every non-overlapping match in tokens[start:end], left to right."""
        end = len(tokens) if end is None else end
        found: list[tuple[int, int, P]] = []
        i = start
        while i < end:
            hit = self.match(tokens, i, end)
            if hit is None:
                i += 1
                continue
            found.append((i, hit[0], hit[1]))
            i = hit[0]
        return found


def word_keys(word: str) -> frozenset[str]:
    """What an entry word matches: its form and, for a word, its lemmas ("броньована" matches
    "броньованих" through "броньований"); "=form" matches that form only."""
    key = norm_word(word)
    if key.startswith("=") and len(key) > 1:
        return frozenset({key[1:]})  # "=будет": this form only, not every form of "быть"
    if not key[:1].isalpha():
        return frozenset({key})
    lemmas = morph(key, "uk" if any(ch in key for ch in "іїєґ'") else "ru").lemmas
    return frozenset({key}) | (lemmas if len(lemmas) <= MAX_ENTRY_LEMMAS else frozenset())


@dataclass(frozen=True)
class UnitInfo:
    """What a counted noun is: a unit class and a category or unit name."""

    group: str  # personnel | equipment | formations | fighting | strike | settlements | area
    name: str | None  # equipment category, formation unit or area unit
    generic: bool = False  # "люди", "человек": not soldiers by themselves
    mass: bool = False  # "живая сила", "техника": no count without a quantifier


@dataclass(frozen=True)
class SlavicLexicon:
    data: dict[str, Any]
    number_words: dict[str, float]
    scale_words: dict[str, float]
    units: PhraseTable[UnitInfo]
    hedges_before: PhraseTable[str]
    hedges_after: PhraseTable[str]
    sides: PhraseTable[str]
    cues: dict[str, PhraseTable[str]]
    all_cues: PhraseTable[str]
    control: PhraseTable[str]
    reporting: PhraseTable[str]
    according: PhraseTable[str]
    reported: PhraseTable[str]
    denial: PhraseTable[str]
    heads: PhraseTable[str]
    author: PhraseTable[str]
    tables: dict[str, PhraseTable[str]]

    def words(self, key: str) -> frozenset[str]:
        return frozenset(norm_word(w) for w in self.data[key])

    def table(self, key: str) -> PhraseTable[str]:
        return self.tables[key]


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    if isinstance(a, list) and isinstance(b, list):
        return a + [x for x in b if x not in a]
    return b


def _read(language: str) -> dict[str, Any]:
    path = resources.files("warclaims") / "lang" / language / FILENAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_comment", None)
    unknown = set(data) - _KEYS
    if unknown:
        raise ValueError(f"{path}: unknown lexicon keys {sorted(unknown)}")
    missing = _KEYS - set(data)
    if missing:
        raise ValueError(f"{path}: missing lexicon keys {sorted(missing)}")
    return data


def _unit_entries(units: dict[str, Any]) -> list[tuple[str, UnitInfo]]:
    mass_equipment = {norm_phrase(p) for p in units["equipment_mass"]}
    entries: list[tuple[str, UnitInfo]] = []
    entries += [(w, UnitInfo("personnel", None)) for w in units["personnel"]]
    entries += [(w, UnitInfo("personnel", None, generic=True)) for w in units["personnel_generic"]]
    entries += [(w, UnitInfo("personnel", None, mass=True)) for w in units["personnel_mass"]]
    for category, words in units["equipment"].items():
        for w in words:
            entries.append(
                (w, UnitInfo("equipment", category, mass=norm_phrase(w) in mass_equipment))
            )
    for unit, words in units["formations"].items():
        entries += [(w, UnitInfo("formations", unit)) for w in words]
    entries += [(w, UnitInfo("fighting", None)) for w in units["fighting_events"]]
    entries += [(w, UnitInfo("fighting", "needs_cue")) for w in units["fighting_needs_cue"]]
    entries += [(w, UnitInfo("strike", None)) for w in units["strike_events"]]
    entries += [(w, UnitInfo("settlements", None)) for w in units["settlements"]]
    for unit, words in units["area"].items():
        entries += [(w, UnitInfo("area", unit)) for w in words]
    return entries


def norm_phrase(phrase: str) -> str:
    return " ".join(norm_word(w) for w in phrase.split())


def _flat(mapping: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(w, name) for name, words in mapping.items() for w in words]


@lru_cache(maxsize=1)
def load_slavic_lexicon() -> SlavicLexicon:
    """Both lexicons, merged and indexed once per process."""
    data: dict[str, Any] = {}
    for language in LANGUAGES:
        data = _merge(data, _read(language))
    cues = {
        name: PhraseTable((w, name) for w in words)
        for name, words in data["cues"].items()
        if isinstance(words, list)
    }
    tables = {
        key: PhraseTable((w, key) for w in data[key])
        for key in (
            "half_phrases",
            "vague_amounts",
            "money_words",
            "range_from",
            "range_to",
            "self_reference",
            "oblast_words",
            "raion_words",
            "direction_words",
            "street_words",
            "day_parts",
            "night_onto",
            "bulletin_period",
            "pronouns",
        )
    }
    heads = PhraseTable(
        [(w, "anonymous") for w in data["anonymous_heads"]]
        + [(w, "media") for w in data["media_heads"]]
        + [(w, "official") for w in data["official_heads"]]
        + [(w, "expert") for w in data["expert_heads"]]
        + [(w, "witness") for w in data["witness_heads"]]
    )
    return SlavicLexicon(
        data=data,
        number_words={norm_word(k): float(v) for k, v in data["number_words"].items()},
        scale_words={norm_word(k): float(v) for k, v in data["scale_words"].items()},
        units=PhraseTable(_unit_entries(data["units"])),
        hedges_before=PhraseTable(data["hedges_before"].items()),
        hedges_after=PhraseTable(data["hedges_after"].items()),
        sides=PhraseTable(_flat(data["sides"])),
        cues=cues,
        all_cues=PhraseTable(
            (w, name)
            for name, words in data["cues"].items()
            if isinstance(words, list)
            for w in words
        ),
        control=PhraseTable(_flat(data["cues"]["control"])),
        reporting=PhraseTable((w, "report") for w in data["reporting_verbs"]),
        according=PhraseTable((w, "according") for w in data["according_to"]),
        reported=PhraseTable((w, "reported") for w in data["reported_cues"]),
        denial=PhraseTable((w, "denied") for w in data["denial_verbs"]),
        heads=heads,
        author=PhraseTable(_flat(data["author_cues"])),
        tables=tables,
    )
