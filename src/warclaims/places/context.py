"""Hints from free text: the oblasts, raions and places a context names.

`hints_from_text("Fighting near Kupiansk in Kharkiv Oblast")` → Kharkiv Oblast as an oblast
hint and Kupiansk's position as a point. Spans are runs of capitalised words (Latin or
Cyrillic), with an oblast/raion word that follows them ("Kharkiv Oblast", "Харківській
області", "Kupiansk district"). Each span is looked up without context; only confident
settlements become points.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Gazetteer, clean_mention, get_gazetteer
from .names import OBLAST_WORDS, RAION_WORDS
from .resolve import Hints, rank

MAX_CONTEXT = 20_000
MAX_SPANS = 200
POINT_CONFIDENCE = 0.85  # a context place this sure of itself lends its position
_WORD = re.compile(r"[^\W\d_][\w'’ʼ\-]*")
_ADMIN_WORDS = frozenset(w for w in OBLAST_WORDS | RAION_WORDS if " " not in w)


def _spans(text: str) -> list[str]:
    """Capitalised word runs of at most four words, each with a following admin word."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[str] = []
    i = 0
    while i < len(words) and len(out) < MAX_SPANS:
        if not words[i][0][0].isupper():
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i < 4
            and words[j][0][0].isupper()
            and text[words[j - 1][2] : words[j][1]].strip() in ("", "-")
        ):
            j += 1
        if j < len(words) and words[j][0].casefold() in _ADMIN_WORDS:
            j += 1
        out.append(text[words[i][1] : words[j - 1][2]])
        i = j
    return out


def _hints(gazetteer: Gazetteer, text: str) -> Hints:
    hints = Hints()
    for span in _spans(text):
        key = clean_mention(span)
        if key is None:
            continue
        match = gazetteer.candidates(key, fuzzy=False)
        if not match.entries:
            continue
        ranked = rank(match)
        best = ranked.best
        if best is None:
            continue
        if best.precision == "oblast":
            hints.add_oblast(gazetteer.oblast_code(span))
        elif best.precision == "raion":
            hints.add_raion(gazetteer.raion_code(span))
        elif best.precision == "settlement" and ranked.confidence >= POINT_CONFIDENCE:
            hints.add_point(best.point)
    return hints


@lru_cache(maxsize=256)
def hints_from_text(text: str) -> Hints:
    """Hints from `text` (cut at MAX_CONTEXT characters; bad input gives empty hints)."""
    if not isinstance(text, str) or not text.strip():
        return Hints()
    return _hints(get_gazetteer(), text[:MAX_CONTEXT])
