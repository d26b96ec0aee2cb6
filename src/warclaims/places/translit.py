"""Ukrainian national romanisation (Cabinet of Ministers resolution No. 55 of 27 January 2010).

`translit_uk("Куп'янськ") == "Kupiansk"`, `translit_uk("Згурівка") == "Zghurivka"`.
Є, Ї, Й, Ю, Я are romanised Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia
elsewhere; the soft sign and the apostrophe are dropped; "зг" is "zgh". Letters that are not
Ukrainian (ы, э, ё, ъ) get a lenient mapping so Russian text does not crash the function.
"""

from __future__ import annotations

_PLAIN: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    # not Ukrainian: lenient
    "ы": "y",
    "э": "e",
    "ё": "io",
    "ъ": "",
}
# (word-initial, elsewhere)
_POSITIONAL: dict[str, tuple[str, str]] = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
APOSTROPHES = "'’ʼ`‘ʹ\u02bb\u2032"
_CYRILLIC = set(_PLAIN) | set(_POSITIONAL)


def _case(out: str, src: str, prev_char: str, next_char: str) -> str:
    """Case of a romanised letter: 'Shch' in a word, 'SHCH' inside an all-capitals word."""
    if not src.isupper() or not out:
        return out
    if len(out) > 1 and (next_char.isupper() or prev_char.isupper()):
        return out.upper()
    return out[0].upper() + out[1:]


def translit_uk(text: str) -> str:
    """Romanise Ukrainian Cyrillic `text`; other characters pass through unchanged."""
    out: list[str] = []
    word_start = True
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        if ch in APOSTROPHES:
            # an apostrophe inside a word is dropped and does not start a new word
            continue
        if low not in _CYRILLIC:
            out.append(ch)
            word_start = not ch.isalpha()
            continue
        nxt = text[i + 1] if i + 1 < n else ""
        prev = text[i - 1] if i > 0 else ""
        if low in _POSITIONAL:
            rom = _POSITIONAL[low][0 if word_start else 1]
        elif low == "г" and i > 0 and text[i - 1].lower() == "з":
            rom = "gh"
        else:
            rom = _PLAIN[low]
        out.append(_case(rom, ch, prev, nxt))
        word_start = False
    return "".join(out)


def is_cyrillic(text: str) -> bool:
    """True if `text` has at least one Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэёъЫЭЁЪ")


def looks_ukrainian(text: str) -> bool:
    """Cyrillic text with a letter only Ukrainian uses (і, ї, є, ґ)."""
    return any(ch in UKRAINIAN_ONLY for ch in text)


def looks_russian(text: str) -> bool:
    """Cyrillic text with a letter only Russian uses (ы, э, ё, ъ)."""
    return any(ch in RUSSIAN_ONLY for ch in text)
