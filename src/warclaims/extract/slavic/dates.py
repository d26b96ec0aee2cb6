"""Date mentions in Russian and Ukrainian, resolved against the report's date.

`warclaims.dates.resolve_date` reads "20 ноября", "20 листопада", "в среду", "в ноябре"; this
module finds the mentions in a sentence and reads what it does not: "вчера вечером",
"накануне", "напередодні", "в среду днем", "у ніч на суботу" (the night ending on Saturday),
"за сутки"/"за минулу добу" (the bulletin's day) and "20.11.25".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from warclaims.dates import WEEKDAYS, resolve_date
from warclaims.extract.slavic.lexicon import SlavicLexicon
from warclaims.extract.slavic.text import MONTHS, Token
from warclaims.model import DateRef

_NUMERIC = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_PREPOSITIONS = frozenset(["в", "во", "у", "на", "к", "до", "с", "з"])
_WEEKDAY_KEYS = frozenset(k.replace("'", "") for k in WEEKDAYS)


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _day(mention: str, d: date) -> DateRef:
    return DateRef(mention=mention, start=d.isoformat(), end=d.isoformat(), precision="day")


def numeric_date(text: str) -> date | None:
    """ "20.11.25", "20.11.2025" (day, month, year)."""
    m = _NUMERIC.match(text)
    if not m:
        return None
    year = int(m.group(3))
    year = year + 2000 if year < 100 else year
    try:
        return date(year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _weekday(tok: Token) -> str | None:
    for key in sorted(tok.keys):
        bare = key.replace("'", "")
        if bare in _WEEKDAY_KEYS:
            return bare
    return None


def find_date(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lex: SlavicLexicon,
    published: str | None,
) -> DateRef | None:
    """The first resolvable date mention of tokens[first:last], or None."""
    base = _published(published)
    relative = lex.data["relative_days"]
    day_parts = lex.table("day_parts")
    for i in range(first, last):
        tok = tokens[i]
        # "вчера", "накануне вечером", "напередодні"
        if tok.key in relative:
            end = i + 1
            part = day_parts.match(tokens, end, last)
            end = part[0] if part else end
            mention = text[tok.start : tokens[end - 1].end]
            if base is None:
                return DateRef(mention=mention)
            return _day(mention, base + timedelta(days=int(relative[tok.key])))
        # "у ніч на суботу", "в ночь на 20 ноября"
        night = lex.table("night_onto").match(tokens, i, last)
        if night is not None and night[0] < last:
            found = _at(text, tokens, night[0], last, base, published)
            if found is not None:
                start = tok.start
                return found.model_copy(
                    update={"mention": text[start : _end_of(found, text, start)]}
                )
        period = lex.table("bulletin_period").match(tokens, i, last)
        if period is not None:
            mention = text[tok.start : tokens[period[0] - 1].end]
            return _day(mention, base) if base else DateRef(mention=mention)
        if tok.key in _PREPOSITIONS or tok.is_digit or _weekday(tok) or tok.keys & MONTHS:
            start_i = i + 1 if tok.key in _PREPOSITIONS else i
            if start_i < last:
                found = _at(text, tokens, start_i, last, base, published)
                if found is not None:
                    return found.model_copy(
                        update={"mention": text[tok.start : _end_of(found, text, tok.start)]}
                    )
        numeric = numeric_date(tok.text)
        if numeric is not None:
            return _day(tok.text, numeric)
    return None


def _end_of(found: DateRef, text: str, start: int) -> int:
    mention = found.mention or ""
    at = text.find(mention, start)
    return at + len(mention) if at >= 0 else start + len(mention)


def _at(
    text: str,
    tokens: Sequence[Token],
    i: int,
    last: int,
    base: date | None,
    published: str | None,
) -> DateRef | None:
    """A weekday ("среду", "суботу") or a day and month ("20 ноября") at token i."""
    tok = tokens[i]
    weekday = _weekday(tok)
    if weekday is not None:
        found = resolve_date(weekday, published)
        if found.start is None and base is not None:
            return None
        return found.model_copy(update={"mention": tok.text})
    if tok.is_digit and i + 1 < last and tokens[i + 1].keys & MONTHS and len(tok.text) <= 2:
        end = i + 2
        if end < last and tokens[end].is_digit and len(tokens[end].text) == 4:
            end += 1
        mention = text[tok.start : tokens[end - 1].end]
        found = resolve_date(mention, published)
        return found if found.start is not None or base is None else None
    if tok.keys & MONTHS and i > 0 and tokens[i - 1].key in ("в", "у", "во"):
        mention = text[tok.start : tok.end]
        found = resolve_date(f"в {mention}", published)
        return found.model_copy(update={"mention": mention}) if found.start else None
    return None
