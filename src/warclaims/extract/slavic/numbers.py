"""Numbers and their hedges in Russian and Ukrainian.

"3 000", "1675", "3 тыс.", "1,5 тыс.", "пятнадцати", "п'ятнадцяти", "дві з половиною тисячі",
"трьох десятків" (30), "тисячу" (1000), "двое"; hedges before ("до", "около", "понад",
"щонайменше", …) or after ("с лишним"), ranges "от 10 до 20", "від 10 до 20", "10–20".
Vague amounts ("несколько", "десятки") are kept as mentions without a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from warclaims.extract.slavic.lexicon import SlavicLexicon
from warclaims.extract.slavic.text import MONTHS, Token

_YEAR_WORDS = frozenset(["год", "г", "рік", "р", "року", "году", "года", "гг", "рр"])
_SPACES = (" ", "\u00a0", "\u202f", "\u2009")
_RANGE = re.compile(r"^(\d+)[-–](\d+)$")
_DASHES = ("-", "–", "—")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A (hedged) number: token indices, end exclusive."""

    start: int  # first token, hedge included
    num_start: int
    num_end: int
    end: int  # after a range's second number or a post-hedge
    value: float | None  # None for vague amounts ("несколько")
    low: float | None
    high: float | None
    hedge: str
    spelled: bool = False

    @property
    def vague(self) -> bool:
        return self.value is None


def _is_month(tok: Token) -> bool:
    return bool(tok.keys & MONTHS)


def _digits(tokens: Sequence[Token], i: int, end: int, text: str) -> tuple[float, int] | None:
    """The digit number at token i (thousands groups joined): (value, end index)."""
    tok = tokens[i]
    if not tok.is_digit:
        return None
    raw = tok.text
    j = i + 1
    if "," not in raw and len(raw) <= 3:
        while (
            j < end
            and tokens[j].is_digit
            and len(tokens[j].text) == 3
            and "," not in tokens[j].text
            and text[tokens[j - 1].end : tokens[j].start] in _SPACES
        ):
            raw += tokens[j].text
            j += 1
    if "," in raw:
        whole, frac = raw.split(",")
        scale_next = j < end and tokens[j].is_word
        value = (
            float(whole + frac) if len(frac) == 3 and not scale_next else float(f"{whole}.{frac}")
        )
    else:
        value = float(raw)
    return value, j


def _spelled(
    tokens: Sequence[Token], i: int, end: int, lex: SlavicLexicon
) -> tuple[float, int] | None:
    """A spelled-out number at token i: (value, end index)."""
    total = 0.0
    current = 0.0
    seen = False
    j = i
    while j < end:
        tok = tokens[j]
        word_value = _word_value(tok, lex)
        if word_value is not None:
            current += word_value
            seen = True
            j += 1
            continue
        half = lex.table("half_phrases").match(tokens, j, end)
        if half is not None and seen:
            current += 0.5
            j = half[0]
            continue
        scale = _scale(tok, lex)
        counted = j + 1 < end and _word_value(tokens[j + 1], lex) is not None
        # "тисячі двохсот" (1200), "близько сотні", "более тысячи": one hundred, one thousand
        hedged = j == i and i > 0 and _one_of_scale(tok) and _after_hedge(tokens, i, lex)
        if scale is not None and (seen or _singular(tok) or counted or hedged):
            total += (current or 1.0) * scale
            current = 0.0
            seen = True
            j += 1
            if scale < 1000:  # "три десятки тисяч": the tens go on
                current, total = total, 0.0
            continue
        break
    if not seen:
        return None
    return total + current, j


_PLURAL_GENITIVES = frozenset(["тисяч", "тысяч", "сотень", "десятків", "десятков", "мільйонів"])


def _one_of_scale(tok: Token) -> bool:
    """ "сотні", "тысячи" in the genitive singular (after "близько", "более"), not "тысяч"."""
    return tok.has("gent") and tok.key not in _PLURAL_GENITIVES and tok.key != "миллионов"


def _after_hedge(tokens: Sequence[Token], i: int, lex: SlavicLexicon) -> bool:
    return any(
        (m := lex.hedges_before.match(tokens, k, i)) is not None and m[0] == i
        for k in range(max(0, i - 3), i)
    )


def _word_value(tok: Token, lex: SlavicLexicon) -> float | None:
    if not tok.is_word or ("Anum" in tok.grams and "один" not in tok.keys):
        return None
    for key in (tok.key, *sorted(tok.keys)):
        if key in lex.number_words:
            return lex.number_words[key]
    return None


def _scale(tok: Token, lex: SlavicLexicon) -> float | None:
    for key in (tok.key, *sorted(tok.keys)):
        if key in lex.scale_words:
            return lex.scale_words[key]
    return None


def _singular(tok: Token) -> bool:
    """ "тисячу", "тысяча": one thousand; "тысячи", "десятки": vague."""
    return "plur" not in tok.grams and tok.key not in ("тыс", "тис")


def _number_at(
    tokens: Sequence[Token], i: int, end: int, text: str, lex: SlavicLexicon
) -> tuple[float, int, bool] | None:
    found = _digits(tokens, i, end, text)
    if found is not None:
        value, j = found
        if j < end:
            half = lex.table("half_phrases").match(tokens, j, end)
            if half is not None:
                value, j = value + 0.5, half[0]
        if j < end:
            scale = _scale(tokens[j], lex)
            if scale is not None and scale >= 1000:
                value *= scale
                j += 1
                if (
                    j < end
                    and tokens[j].text == "."
                    and tokens[j - 1].key in ("тыс", "тис", "млн", "млрд")
                ):
                    pass  # the abbreviation dot is not part of the figure
        return value, j, False
    spelled = _spelled(tokens, i, end, lex)
    if spelled is not None:
        return spelled[0], spelled[1], True
    return None


def _skip(tokens: Sequence[Token], i: int, j: int, end: int, start: int) -> bool:
    """Dates, years, clock times, increments and money are not figures."""
    tok = tokens[i]
    nxt = tokens[j] if j < end else None
    prev = tokens[i - 1] if i > start else None
    if nxt is not None and (_is_month(nxt) or nxt.keys & _YEAR_WORDS):
        return True
    if prev is not None and _is_month(prev) and tok.is_digit:
        return True
    if nxt is not None and nxt.text == ":" and j + 1 < end and tokens[j + 1].is_digit:
        return True
    if prev is not None and prev.text == ":" and i - 2 >= start and tokens[i - 2].is_digit:
        return True
    if prev is not None and prev.text in ("+", "№", "#", "$", "€"):
        return True
    return (
        tok.is_digit
        and len(tok.text) == 4
        and tok.text[:2] in ("19", "20")
        and j == i + 1
        and (nxt is None or not nxt.is_word or nxt.key in _YEAR_WORDS)
    )


def find_numbers(
    tokens: Sequence[Token], start: int, end: int, text: str, lex: SlavicLexicon
) -> list[NumberMention]:
    """Every figure in tokens[start:end] with its hedge, in text order."""
    found: list[NumberMention] = []
    vague = lex.table("vague_amounts")
    i = start
    while i < end:
        tok = tokens[i]
        ranged = _RANGE.match(tok.text) if tok.text[0].isdigit() else None
        if ranged:
            low, high = float(ranged.group(1)), float(ranged.group(2))
            if low < high:
                found.append(NumberMention(i, i, i + 1, i + 1, low, low, high, "range"))
            i += 1
            continue
        hit = _number_at(tokens, i, end, text, lex)
        if hit is None:
            v = vague.match(tokens, i, end)
            if v is not None and not (i + 1 < end and _number_at(tokens, i + 1, end, text, lex)):
                found.append(NumberMention(i, i, v[0], v[0], None, None, None, "approx"))
                i = v[0]
                continue
            i += 1
            continue
        value, j, spelled = hit
        if _skip(tokens, i, j, end, start):
            i = j
            continue
        found.append(_hedged(tokens, i, j, end, start, value, spelled, text, lex))
        i = found[-1].end
    return found


def _hedged(
    tokens: Sequence[Token],
    i: int,
    j: int,
    end: int,
    start: int,
    value: float,
    spelled: bool,
    text: str,
    lex: SlavicLexicon,
) -> NumberMention:
    first, stop = i, j
    hedge = "exact"
    low: float | None = value
    high: float | None = value
    # "от 10 до 20", "від 10 до 20", "10 – 20"
    second = None
    if j + 1 < end and (lex.table("range_to").match(tokens, j, end) or tokens[j].text in _DASHES):
        second = _number_at(tokens, j + 1, end, text, lex)
    is_from = i > start and lex.table("range_from").match(tokens, i - 1, i) is not None
    if second is not None and value < 1000 <= second[0] and second[1] > j + 1:
        scale = _scale(tokens[second[1] - 1], lex)  # "1,5–2 тыс.": the scale is shared
        if scale is not None and value * scale < second[0]:
            value *= scale
    if second is not None and second[0] > value and (is_from or tokens[j].text in _DASHES):
        low, high = value, second[0]
        hedge, stop = "range", second[1]
        first = i - 1 if is_from else i
        return NumberMention(first, i, j, stop, value, low, high, hedge, spelled)
    for back in (3, 2, 1):
        k = i - back
        if k < start:
            continue
        m = lex.hedges_before.match(tokens, k, i)
        if m is not None and m[0] == i:
            hedge, first = m[1], k
            break
    if hedge == "exact":
        after = lex.hedges_after.match(tokens, j, end)
        if after is not None:
            hedge, stop = after[1], after[0]
    if hedge == "approx":
        low = high = None
    elif hedge in ("up_to", "at_most"):
        low = None
    elif hedge == "at_least":
        high = None
    return NumberMention(first, i, j, stop, value, low, high, hedge, spelled)
