"""Language identification: "en", "ru", "uk", or None for mixed or unknown text.

Script first (Latin against Cyrillic letters), then, for Cyrillic, the letters only one of the
two languages has (і ї є ґ against ы э ъ ё) together with py3langid restricted to Russian and
Ukrainian. Text that is neither clearly one script nor clearly one language returns None
rather than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 20_000
MIN_LETTERS = 20  # fewer letters than this: too little to tell
SCRIPT_SHARE = 0.8  # share of letters one script needs for the text to be in it
LANGID_CONFIDENCE = 0.9  # py3langid probability (ru against uk) that settles it alone
OTHER_LANGUAGE = 0.9  # py3langid probability of another Cyrillic language that rules both out
MIN_PROBABILITY = 0.6  # enough for Russian when no Ukrainian letter appears at all

_URL = re.compile(r"https?://\S+|www\.\S+|\[[^\]]*\]\([^)]*\)")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["ru", "uk"])
    return identifier


def _strip(text: str) -> str:
    return _URL.sub(" ", text[:SAMPLE_CHARS])


def detect_language(text: str) -> str | None:
    """en, ru or uk; None when the text is too short, mixed, or in another language."""
    if not isinstance(text, str):
        return None
    sample = _strip(text)
    latin = len(_LATIN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    letters = latin + cyrillic
    if letters < MIN_LETTERS:
        return None
    if latin >= SCRIPT_SHARE * letters:
        return "en" if _looks_english(sample) else None
    if cyrillic < SCRIPT_SHARE * letters:
        return None
    return _russian_or_ukrainian(sample, cyrillic)


@lru_cache(maxsize=1)
def _any_language() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _looks_english(sample: str) -> bool:
    """Latin script is not enough (German, Polish): py3langid over all its languages."""
    lang, _ = _any_language().classify(sample)
    return lang == "en"


def _russian_or_ukrainian(sample: str, cyrillic: int) -> str | None:
    uk = len(_UK_LETTERS.findall(sample))
    ru = len(_RU_LETTERS.findall(sample))
    cyrillic_only = "".join(ch if _CYRILLIC.match(ch) or ch.isspace() else " " for ch in sample)
    other, other_prob = _any_language().classify(cyrillic_only)
    if other not in ("ru", "uk") and other_prob >= OTHER_LANGUAGE:
        return None  # Bulgarian, Belarusian, Serbian, …
    lang, prob = _identifier().classify(cyrillic_only)
    if prob >= LANGID_CONFIDENCE:
        by_letters = "uk" if uk > ru * 2 else "ru" if ru > uk * 2 else None
        if by_letters is None or by_letters == lang:
            return lang
    if uk > 3 * ru and uk * 100 >= cyrillic:
        return "uk"
    if ru > 3 * uk and ru * 100 >= cyrillic:
        return "ru"
    if uk == 0 and lang == "ru" and prob >= MIN_PROBABILITY:
        return "ru"  # Ukrainian text without і, ї, є or ґ is rare
    return None
