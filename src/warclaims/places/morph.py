"""Inflected Ukrainian and Russian place names back to the nominative, before lookup.

"в Купянске" → "купянск", "під Покровськом" → "покровськ", "у Вовчанську" → "вовчанськ",
"в Новой Каховке" → "новая каховка". pymorphy3 (with pymorphy3-dicts-uk/-ru) proposes the
forms; the gazetteer decides which of them is a place. The analysers load on first use.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Any

from .translit import looks_russian, looks_ukrainian

# prepositions a mention may carry ("в Купянске", "під Покровськом", "около Часова Яра")
PREPOSITIONS = frozenset(
    {
        "в",
        "во",
        "у",
        "на",
        "под",
        "під",
        "пiд",
        "біля",
        "возле",
        "около",
        "из",
        "із",
        "з",
        "зі",
        "від",
        "от",
        "до",
        "за",
        "над",
        "поблизу",
        "близ",
        "между",
        "між",
        "через",
        "к",
        "по",
        "при",
    }
)
MAX_WORDS = 4
MAX_FORMS_PER_WORD = 10
# Case endings of place names back to the nominative, for words pymorphy3 does not know or
# guesses wrong (Ukrainian and Russian declension of toponyms: у Кучерівці, в Стретенке, у
# Харкові, в Зарожном). Longest ending first; the gazetteer decides which form is a place.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ому", ("е", "ий", "")),
    ("ого", ("е", "ий", "ое", "ый", "")),
    ("ові", ("ів",)),
    ("ова", ("ів", "ов")),
    ("еві", ("ів",)),
    ("ськом", ("ськ",)),
    ("цьком", ("цьк",)),
    ("ці", ("ка", "ця")),
    ("ах", ("и", "і", "ы")),
    ("ій", ("а",)),
    ("ої", ("а",)),
    ("ом", ("ое", "ий", "ый", "")),
    ("ем", ("ее", "ий", "")),
    ("ой", ("ая", "ое", "ий", "ый")),
    ("ке", ("ка",)),
    ("ки", ("ка",)),
    ("ку", ("ка",)),
    ("ске", ("ск",)),
    ("цке", ("цк",)),
    ("ську", ("ськ",)),
    ("цьку", ("цьк",)),
    ("ска", ("ск",)),
    ("е", ("",)),
    ("у", ("",)),
    ("і", ("а", "")),
    ("а", ("",)),
)


_ADJECTIVAL = ("ому", "ого", "ій", "ої", "ом", "ем", "ой")


def _by_endings(word: str) -> list[str]:
    for ending, nominatives in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return [stem + n for n in nominatives]
    return []


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def strip_preposition(key: str) -> str:
    """The key without a leading preposition ("в купянске" → "купянске")."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in PREPOSITIONS else key


def _languages(key: str) -> tuple[str, ...]:
    if looks_ukrainian(key):
        return ("uk",)
    if looks_russian(key):
        return ("ru",)
    return ("ru", "uk")


def _word_forms(word: str, langs: tuple[str, ...]) -> list[str]:
    """Nominative forms of one word: inflected to the nominative keeping gender and number
    (adjectives stay feminine: "новой" → "новая"), the dictionary form, and the word itself."""
    forms: dict[str, None] = {word: None}
    if word.endswith(_ADJECTIVAL):
        # substantivised adjectives (Покровське, Зелений, Нова): the ending rule is exact
        # where pymorphy3 guesses an unknown word to be a noun
        for form in _by_endings(word):
            forms.setdefault(form, None)
    for lang in langs:
        for parse in _analyzer(lang).parse(word)[:8]:
            tag = parse.tag
            if "nomn" in tag and parse.word == word:
                continue
            wanted = {"nomn"}
            if tag.number:
                wanted.add(tag.number)
            inflected = parse.inflect(wanted) if tag.POS in ("NOUN", "ADJF") else None
            if inflected is not None:
                forms.setdefault(inflected.word, None)
            forms.setdefault(parse.normal_form, None)
    for form in _by_endings(word):
        forms.setdefault(form, None)
    return list(forms)[:MAX_FORMS_PER_WORD]


@lru_cache(maxsize=16384)
def nominatives(key: str) -> tuple[str, ...]:
    """Candidate nominative keys of a normalised Cyrillic key, most likely first; the key
    itself is not among them. Latin keys and keys of more than MAX_WORDS words give ()."""
    if not key or key.isascii():
        return ()
    bare = strip_preposition(key)
    words = bare.split(" ")
    if len(words) > MAX_WORDS or not all(w.isalpha() for w in words):
        return (bare,) if bare != key else ()
    langs = _languages(bare)
    per_word = [_word_forms(w, langs) for w in words]
    out: dict[str, None] = {}
    for combo in product(*per_word):
        candidate = " ".join(combo).replace("ё", "е")
        if candidate != key:
            out.setdefault(candidate, None)
        if len(out) >= 64:
            break
    if bare != key:
        # after a preposition the name is in an oblique case: "у Гребінці" is in Гребінка
        # before it is Гребінці; the form as written comes last
        out.pop(bare, None)
        out[bare] = None
    return tuple(out)
