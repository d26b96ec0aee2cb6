"""name_mismatch: a known person's name misspelled ("Valerie Gerasimov") or misassigned
("Defence Minister Valery Gerasimov", "Ukrainian President Vladimir Putin")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from warclaims.checks._text import quote
from warclaims.lexicons import TITLE_WORDS, Actor, find_actor, has_lexicon, load_actors
from warclaims.lexicons import normalise_key as key
from warclaims.model import Document, Flag, Span

SURNAME_MIN_RATIO = 90.0  # a surname this close (rapidfuzz ratio) to a known one is a candidate
SURNAME_MAX_EDITS = 1  # ... or one edit away, for surnames of SURNAME_EDIT_MIN_LEN letters or more
SURNAME_EDIT_MIN_LEN = 6
FULL_MIN_RATIO = 80.0  # a full name this close to a known form, yet not one, is a misspelling

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ovych|ovna|evna|ivna|yivna)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # without a possessive ending
    start: int
    end: int
    possessive: bool


def _name_runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised words separated by single spaces: the places a name can be."""
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        capitalised = word[0].isupper() and any(ch.islower() for ch in word)
        gap = text[run[-1].end : m.start()] if run else ""
        if run and (not capitalised or gap not in (" ", "\u00a0") or run[-1].possessive):
            runs.append(run)
            run = []
        if capitalised:
            bare = _POSSESSIVE.sub("", word)
            run.append(_Token(bare, m.start(), m.start() + len(bare), bare != word))
    if run:
        runs.append(run)
    return runs


@lru_cache(maxsize=4)
def _persons(language: str) -> tuple[dict[str, Actor], dict[str, list[Actor]]]:
    """Every known form of every actor (by key), and person actors by surname (by key)."""
    forms: dict[str, Actor] = {}
    by_surname: dict[str, list[Actor]] = {}
    for actor in load_actors(language):
        for form in actor.forms:
            forms[key(form)] = actor
            if actor.entity == "person":
                surname = key(form).split()[-1]
                if actor not in by_surname.setdefault(surname, []):
                    by_surname[surname].append(actor)
    return forms, by_surname


@lru_cache(maxsize=16384)
def _surname_matches(word: str, language: str) -> tuple[Actor, ...]:
    """Known people whose surname is `word` or close to it (cached: names repeat)."""
    by_surname = _persons(language)[1]
    w = key(word)
    if w in by_surname:
        return tuple(by_surname[w])
    found: list[Actor] = []
    for surname, actors in by_surname.items():
        close = fuzz.ratio(w, surname) >= SURNAME_MIN_RATIO or (
            min(len(w), len(surname)) >= SURNAME_EDIT_MIN_LEN
            and Levenshtein.distance(w, surname) <= SURNAME_MAX_EDITS
        )
        if close:
            found.extend(a for a in actors if a not in found)
    return tuple(found)


def _known_combination(first: str, last: str, candidates: list[Actor]) -> bool:
    """A known first-name spelling with a known surname spelling of the same person
    ("Valeriy" + "Zaluzhny"): transliteration variants combine freely."""
    for actor in candidates:
        split = [key(form).split() for form in actor.forms]
        firsts = {words[0] for words in split if len(words) > 1}
        lasts = {words[-1] for words in split}
        if key(first) in firsts and key(last) in lasts:
            return True
    return False


def _misspellings(doc: Document) -> list[Flag]:
    forms = _persons(doc.language)[0]
    flags: list[Flag] = []
    for run in _name_runs(doc.text):
        for j, surname in enumerate(run):
            candidates = _surname_matches(surname.text, doc.language)
            if not candidates:
                continue
            # a known form ending here ("Valery Vasilyevich Gerasimov", "Putin") settles it
            if any(key(" ".join(t.text for t in run[i : j + 1])) in forms for i in range(j)):
                continue
            i = j - 1
            while i >= 0 and _PATRONYMIC.search(run[i].text):
                i -= 1
            if i < 0 or key(run[i].text) in TITLE_WORDS:
                continue  # a surname on its own: too little to call a misspelling
            written = f"{run[i].text} {surname.text}"
            if key(written) in forms or _known_combination(run[i].text, surname.text, candidates):
                continue
            best_ratio, best = max(
                (
                    (fuzz.ratio(key(written), key(form)), actor)
                    for actor in candidates
                    for form in actor.forms
                    if " " in form
                ),
                key=lambda pair: pair[0],
            )
            if best_ratio >= FULL_MIN_RATIO:
                span = Span(start=run[i].start, end=surname.end)
                flags.append(
                    Flag(
                        code="name_mismatch",
                        message=(
                            f"{quote(doc, span)} looks like a misspelling of {best.name} "
                            f"({best.positions[0]})"
                        ),
                        evidence=[span],
                    )
                )
    return flags


# title in the text -> what a position in Actor.role must look like to carry it
_ROLE_TITLES: tuple[tuple[str, str], ...] = (
    (r"prime minister|premier", r"^(?:former )?prime minister"),
    (r"president", r"^(?:former )?president\b"),
    (
        r"defen[cs]e minister|minister of defen[cs]e",
        r"^(?:former )?(?:defence minister|minister of defence)",
    ),
    (
        r"foreign minister|minister of foreign affairs",
        r"^(?:former )?(?:foreign minister|minister of foreign affairs)",
    ),
    (r"general staff chief|chief of (?:the )?general staff", r"^(?:former )?chief of the general"),
    (r"commander[- ]in[- ]chief", r"commander-in-chief"),
    (r"spokes(?:man|woman|person)|press secretary", r"spokes|press secretary"),
    (r"mayor", r"^(?:former )?mayor"),
    (r"governor", r"governor|head of"),
)
_TITLE = re.compile(
    r"(?<![\w-])(?P<pre>(?i:former|ex|deputy|first deputy|vice|acting)[\s-]+)?"
    r"(?:(?P<nat>Russian|Ukrainian|Russia['’]s|Ukraine['’]s)\s+)?"
    r"(?P<title>(?i:" + "|".join(f"(?:{t})" for t, _ in _ROLE_TITLES) + r"))"
    r",?[ \u00a0]+(?P<name>[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,2})"
)
_NATIONALITY_SIDE = {"russian": "RU", "russia": "RU", "ukrainian": "UA", "ukraine": "UA"}
_SIDE_NAMES = {"RU": "Russian", "UA": "Ukrainian"}


def _named_actor(name: str, language: str) -> tuple[Actor, str] | None:
    """The known person the longest leading part of `name` is a form of, with that part."""
    words = name.split()
    for n in range(len(words), 0, -1):
        part = _POSSESSIVE.sub("", " ".join(words[:n]))
        actor = find_actor(part, language)
        if actor is not None and key(part) in _persons(language)[0] and actor.entity == "person":
            return actor, part
    return None


def _misassignments(doc: Document) -> list[Flag]:
    flags: list[Flag] = []
    for m in _TITLE.finditer(doc.text):
        if m.group("pre"):
            continue
        found = _named_actor(m.group("name"), doc.language)
        if found is None:
            continue
        actor, part = found
        start = m.start("nat") if m.group("nat") else m.start("title")
        span = Span(start=start, end=m.start("name") + len(part))
        title = m.group("title").lower()
        accept = next(a for t, a in _ROLE_TITLES if re.fullmatch(t, title))
        positions = [p.lower() for p in actor.positions]
        nat = m.group("nat")
        nat_side = _NATIONALITY_SIDE.get(re.sub(r"['’]s$", "", nat.lower())) if nat else None
        if not any(re.search(accept, p) for p in positions):
            message = (
                f"{quote(doc, span)}: {actor.name} is {actor.positions[0]}, "
                f"not {m.group('title').lower()}"
            )
        elif nat_side and actor.side in _SIDE_NAMES and nat_side != actor.side:
            message = (
                f"{quote(doc, span)}: {actor.name} is {actor.positions[0]}, on the "
                f"{_SIDE_NAMES[actor.side]} side, not {nat}"
            )
        else:
            continue
        flags.append(Flag(code="name_mismatch", message=message, evidence=[span]))
    return flags


def check(doc: Document) -> list[Flag]:
    """Misspelt and misassigned names of known people in the text."""
    if not has_lexicon(doc.language, "actors.tsv"):
        return []
    flags = _misspellings(doc)
    seen = {(f.evidence[0].start, f.evidence[0].end) for f in flags}
    for flag in _misassignments(doc):
        if (flag.evidence[0].start, flag.evidence[0].end) not in seen:
            flags.append(flag)
    return sorted(flags, key=lambda f: f.evidence[0].start)
