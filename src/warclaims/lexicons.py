"""Shared per-language lexicons kept as TSV data files under lang/<code>/.

`load_actors` reads the known actors (people and bodies that make claims), used by claimant
resolution and by the name checks; `find_actor` looks a mention up by name or alias.
`load_loaded_terms` reads the loaded-language patterns. Malformed rows fail loudly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

ActorType = Literal["official", "media", "expert"]
ActorSide = Literal["RU", "UA", "other"]
Entity = Literal["person", "body"]
Technique = Literal["name_calling", "loaded_language", "exaggeration"]
Strength = Literal["strong", "weak"]

_ACTOR_COLUMNS = ("name", "aliases", "type", "side", "role", "entity")
_ACTOR_TYPES = frozenset(ActorType.__args__)  # type: ignore[attr-defined]
_ACTOR_SIDES = frozenset(ActorSide.__args__)  # type: ignore[attr-defined]
_ENTITIES = frozenset(Entity.__args__)  # type: ignore[attr-defined]
_LOADED_COLUMNS = ("pattern", "technique", "strength", "note")
_TECHNIQUES = frozenset(Technique.__args__)  # type: ignore[attr-defined]
_STRENGTHS = frozenset(Strength.__args__)  # type: ignore[attr-defined]

# Words that may precede a name without being part of it ("President Vladimir Putin",
# "General Staff Chief Valery Gerasimov", "the Kremlin"); stripped from the front of a mention
# when the whole mention is not itself a known name.
TITLE_WORDS = frozenset(
    ("the", "a", "an", "mr", "mrs", "ms", "dr", "gen", "gen.", "general", "col", "col.")
    + ("colonel", "lt", "lt.", "lieutenant", "major", "maj.", "president", "vice", "prime")
    + ("minister", "deputy", "first", "defence", "foreign", "interior", "chief", "staff", "of")
    + ("commander", "commander-in-chief", "in", "head", "spokesman", "spokeswoman")
    + ("spokesperson", "press", "secretary", "adviser", "advisor", "mayor", "governor")
    + ("former", "ex", "acting", "russian", "ukrainian", "russia's", "ukraine's", "kremlin")
    + ("ministry", "army", "military", "ambassador", "analyst")
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A known person or body that makes claims about the war."""

    name: str
    aliases: tuple[str, ...]
    type: ActorType
    side: ActorSide
    role: str
    entity: Entity

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)

    @property
    def positions(self) -> tuple[str, ...]:
        """The `;`-separated positions of `role`, current first."""
        return tuple(p.strip() for p in self.role.split(";") if p.strip())


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """One loaded-language pattern and the propaganda technique it signals."""

    pattern: str
    technique: Technique
    strength: Strength
    note: str
    regex: re.Pattern[str]


def normalise_key(mention: str) -> str:
    """The lookup key of a name: case-folded, quotes, dashes and spaces unified, US spelling
    of "defense" read as "defence", trailing possessive removed."""
    key = mention.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("‑", "-")
    key = " ".join(key.split()).casefold().strip(" .,;:")
    key = re.sub(r"\bdefense\b", "defence", key)
    return re.sub(r"'s?$", "", key)


def _lang_file(language: str, filename: str) -> Traversable:
    return resources.files("warclaims") / "lang" / language / filename


def has_lexicon(language: str, filename: str) -> bool:
    """Whether `lang/<language>/<filename>` ships with the package."""
    return _lang_file(language, filename).is_file()


def _rows(path: Traversable, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each data row of a TSV file; `#` lines and blanks skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells) != columns:
                raise ValueError(f"{path}:{lineno}: header must be {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise ValueError(
                f"{path}:{lineno}: expected {len(columns)} tab-separated columns, got {len(cells)}"
            )
        yield lineno, cells
    if not header_seen:
        raise ValueError(f"{path}: no header row")


def _check(ok: bool, path: str, lineno: int, message: str) -> None:
    if not ok:
        raise ValueError(f"{path}:{lineno}: {message}")


@lru_cache(maxsize=4)
def load_actors(language: str = "en") -> tuple[Actor, ...]:
    """The known actors of `lang/<language>/actors.tsv` (see `read_actors`)."""
    return read_actors(_lang_file(language, "actors.tsv"))


def read_actors(file: Traversable) -> tuple[Actor, ...]:
    """Parse an actors TSV file.

    Raises ValueError naming the file and line for a malformed row or a name or alias that is
    already used (case-insensitively, after `normalise_key`).
    """
    path = str(file)
    actors: list[Actor] = []
    owner: dict[str, str] = {}
    for lineno, (name, aliases, type_, side, role, entity) in _rows(file, _ACTOR_COLUMNS):
        _check(bool(name), path, lineno, "empty name")
        _check(type_ in _ACTOR_TYPES, path, lineno, f"type {type_!r} not in {_ACTOR_TYPES}")
        _check(side in _ACTOR_SIDES, path, lineno, f"side {side!r} not in {_ACTOR_SIDES}")
        _check(entity in _ENTITIES, path, lineno, f"entity {entity!r} not in {_ENTITIES}")
        _check(bool(role), path, lineno, "empty role")
        alias_list = tuple(a.strip() for a in aliases.split("|")) if aliases else ()
        _check(all(alias_list), path, lineno, "empty alias (stray '|')")
        for form in (name, *alias_list):
            key = normalise_key(form)
            _check(
                key not in owner,
                path,
                lineno,
                f"duplicate name or alias {form!r} (already used by {owner.get(key)!r})",
            )
            owner[key] = name
        actors.append(Actor(name, alias_list, type_, side, role, entity))  # type: ignore[arg-type]
    return tuple(actors)


@lru_cache(maxsize=4)
def _actor_index(language: str) -> dict[str, Actor]:
    return {normalise_key(form): actor for actor in load_actors(language) for form in actor.forms}


def find_actor(mention: str, language: str = "en") -> Actor | None:
    """The known actor a mention names, or None.

    Exact (case-insensitive) match on the canonical name or an alias, after removing a trailing
    possessive and leading titles ("President", "General Staff Chief", "Defence Minister", "the").
    """
    index = _actor_index(language)
    words = normalise_key(mention).split()
    while words:
        actor = index.get(" ".join(words))
        if actor is not None:
            return actor
        if words[0] not in TITLE_WORDS:
            return None
        words = words[1:]
    return None


def _term_regex(pattern: str) -> re.Pattern[str]:
    """Compile a lexicon pattern: words on word boundaries, `*` = any word ending,
    `(x)` = optional letters, a space or hyphen matches any run of spaces or hyphens."""
    parts: list[str] = []
    for token in re.split(r"(\*|\([^)]*\)|[ -])", pattern):
        if token == "*":
            parts.append(r"\w*")
        elif token in (" ", "-"):
            parts.append(r"[\s\-‐‑–]+")
        elif token.startswith("(") and token.endswith(")"):
            parts.append(f"(?:{re.escape(token[1:-1])})?")
        elif token:
            parts.append(re.escape(token).replace("'", "['’]"))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_loaded_terms(language: str = "en") -> tuple[LoadedTerm, ...]:
    """The loaded-language patterns of `lang/<language>/loaded_language.tsv`."""
    return read_loaded_terms(_lang_file(language, "loaded_language.tsv"))


def read_loaded_terms(file: Traversable) -> tuple[LoadedTerm, ...]:
    """Parse a loaded-language TSV file; malformed or duplicate rows raise ValueError."""
    path = str(file)
    terms: list[LoadedTerm] = []
    seen: set[str] = set()
    for lineno, (pattern, technique, strength, note) in _rows(file, _LOADED_COLUMNS):
        _check(bool(pattern) and pattern == pattern.lower(), path, lineno, "pattern not lower-case")
        _check(pattern not in seen, path, lineno, f"duplicate pattern {pattern!r}")
        _check(technique in _TECHNIQUES, path, lineno, f"technique {technique!r} unknown")
        _check(strength in _STRENGTHS, path, lineno, f"strength {strength!r} unknown")
        seen.add(pattern)
        terms.append(LoadedTerm(pattern, technique, strength, note, _term_regex(pattern)))  # type: ignore[arg-type]
    return tuple(terms)
