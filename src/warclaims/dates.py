"""Date mentions ("On November 20", "early on Wednesday", "last week") to `DateRef` ranges.

Relative expressions resolve against the report's publication date and stay unresolved without
one: without `published` only mentions that state their year resolve (a year is never guessed).
Weekdays are the most recent such day on or before the publication date ("last Sunday": before
it). Everything else goes through dateparser (en/ru/uk, past preferred).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from .model import DateRef

MAX_MENTION = 200
LANGUAGES = ["en", "ru", "uk"]

WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("monday", "mon", "понедельник", "понеділок"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues", "вторник", "вівторок"), 1),
    **dict.fromkeys(("wednesday", "wed", "среда", "среду", "середа", "середу"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs", "четверг", "четвер"), 3),
    **dict.fromkeys(("friday", "fri", "пятница", "пятницу", "пятниця", "пятницю"), 4),
    **dict.fromkeys(("saturday", "sat", "суббота", "субботу", "субота", "суботу"), 5),
    **dict.fromkeys(("sunday", "sun", "воскресенье", "неділя", "неділю"), 6),
}
# locative month forms dateparser does not know ("в ноябре", "у листопаді")
MONTH_LOCATIVE: dict[str, str] = {
    "январе": "январь",
    "феврале": "февраль",
    "марте": "март",
    "апреле": "апрель",
    "мае": "май",
    "июне": "июнь",
    "июле": "июль",
    "августе": "август",
    "сентябре": "сентябрь",
    "октябре": "октябрь",
    "ноябре": "ноябрь",
    "декабре": "декабрь",
    "січні": "січень",
    "лютому": "лютий",
    "березні": "березень",
    "квітні": "квітень",
    "травні": "травень",
    "червні": "червень",
    "липні": "липень",
    "серпні": "серпень",
    "вересні": "вересень",
    "жовтні": "жовтень",
    "листопаді": "листопад",
    "грудні": "грудень",
}

_LEAD = re.compile(
    r"^(?:(?:early|late)\s+on|on|by|in|during|as\s+of|at|"
    r"в|во|у|к|до|на)\s+",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"\s+(?:года|году|г|року|р)\.?$", re.IGNORECASE)
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night|утром|вечером|ночью|вранці|ввечері|вночі))?"
_WEEKDAY = re.compile(
    r"^(?:(?P<rel>last|this|past|прошлый|прошлое|прошлую|минулий|минулої|минулу)\s+)?"
    r"(?P<day>[^\W\d_]+)\.?" + _DAY_PART + r"$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"^since\s+(?P<rest>.+)$", re.IGNORECASE)
_ROLLING = re.compile(
    r"^(?:the\s+|over\s+the\s+|in\s+the\s+)?(?:past|last)\s+"
    r"(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|ten)\s+)?(?P<unit>day|week|month)s?$",
    re.IGNORECASE,
)
# "the previous night", "the day before": one day before the report
_DAY_BEFORE = re.compile(
    r"^(?:the\s+|on\s+the\s+)?(?:(?:previous|preceding)\s+(?:night|day|evening)|"
    r"(?:night|day)\s+before)$",
    re.IGNORECASE,
)
# "September 2022 after months of occupation": the date, then a clause the tagger swept in
_TAIL_CLAUSE = re.compile(r"^(?P<head>.*?\d.*?)\s+(?:after|before|following|amid|when|as)\s+.+$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_RANGE = (
    re.compile(
        r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|and|until|till|through)\s+(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<a>[^-–—]+?)\s*[-–—]\s*(?P<b>[^-–—]+)$"),
)
_BARE_DAY = re.compile(r"^(\d{1,2})(?:,?\s+\d{4})?$")
_DAY_RANGE = re.compile(
    r"^(?P<a>\d{1,2}\s*|[^\W\d_]+\.?\s+\d{1,2})\s*[-–—]\s*(?P<b>\d{1,2}(?:\s+[^\W\d_]+.*|,?\s+\d{4})?)$"
)
_PART_OF_MONTH = re.compile(r"^(?:early|mid|late)[\s-]+(?P<rest>.+)$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_NUMERIC_DMY = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _iso(d: date) -> str:
    return d.isoformat()


def _unresolved(mention: str) -> DateRef:
    return DateRef(mention=mention)


def _day(mention: str, d: date) -> DateRef:
    return DateRef(mention=mention, start=_iso(d), end=_iso(d), precision="day")


def _month(mention: str, year: int, month: int) -> DateRef:
    last = calendar.monthrange(year, month)[1]
    return DateRef(
        mention=mention,
        start=_iso(date(year, month, 1)),
        end=_iso(date(year, month, last)),
        precision="month",
    )


def _year(mention: str, year: int) -> DateRef:
    return DateRef(
        mention=mention,
        start=_iso(date(year, 1, 1)),
        end=_iso(date(year, 12, 31)),
        precision="year",
    )


def _period(mention: str, start: date, end: date) -> DateRef:
    return DateRef(mention=mention, start=_iso(start), end=_iso(end), precision="period")


def _parse_published(published: str | None) -> date | None:
    if not isinstance(published, str):
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _parser(base: date | None) -> DateDataParser:
    settings: dict = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=LANGUAGES, settings=settings)


def _strip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:()")
    for _ in range(2):  # "early on", then "в" of "в 2023 году"
        text = _LEAD.sub("", text)
    text = _TRAIL.sub("", text)
    words = [MONTH_LOCATIVE.get(w.casefold(), w) for w in text.split(" ")]
    return " ".join(words)


def _weekday(mention: str, text: str, base: date | None) -> DateRef | None:
    m = _WEEKDAY.match(text.replace("'", "").replace("’", "").replace("ʼ", ""))
    if not m:
        return None
    key = m.group("day").casefold()
    if key not in WEEKDAYS:
        return None
    if base is None:
        return _unresolved(mention)
    back = (base.weekday() - WEEKDAYS[key]) % 7
    if back == 0 and m.group("rel"):
        back = 7  # "last Sunday" said on a Sunday
    return _day(mention, base - timedelta(days=back))


def _rolling(mention: str, text: str, base: date | None) -> DateRef | None:
    m = _ROLLING.match(text)
    if not m or (m.group("n") is None and text.casefold().startswith("last")):
        return None  # "last week" is the calendar week: left to dateparser
    if base is None:
        return _unresolved(mention)
    n_text = m.group("n") or "1"
    n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text.casefold()]
    days = {"day": 1, "week": 7, "month": 30}[m.group("unit").casefold()] * n
    return _period(mention, base - timedelta(days=days), base)


def _day_before(mention: str, text: str, base: date | None) -> DateRef | None:
    if not _DAY_BEFORE.match(text):
        return None
    return _day(mention, base - timedelta(days=1)) if base else _unresolved(mention)


def _parse(mention: str, text: str, base: date | None) -> DateRef | None:
    """One date expression (no ranges); None when dateparser cannot read it."""
    if not any(ch.isalpha() for ch in text):
        m = _NUMERIC_DMY.match(text)
        if m:  # 26.02.2026 is day-month-year in ru/uk and European English
            try:
                return _day(mention, date(int(m["y"]), int(m["m"]), int(m["d"])))
            except ValueError:
                return None
        if not re.search(r"\d[-/.]\d|^\d{4}$", text):
            return None  # a bare number ("5") is not a date
    has_year = bool(_YEAR.search(text))
    if base is None and not has_year:
        return _unresolved(mention)  # relative or year-less: never guess the year
    data = _parser(base).get_date_data(text)
    found = data.date_obj
    if found is None:
        return None
    if not 1800 <= found.year <= 2199:
        return None
    day = found.date()
    period = data.period
    if period == "year":
        return _year(mention, day.year)
    if period == "month":
        return _month(mention, day.year, day.month)
    if period == "week" and "ago" not in text.casefold():
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        return _period(mention, monday, min(sunday, base) if base else sunday)
    return _day(mention, day)


def _with_year(text: str, other: str) -> str:
    """`text` with the year of `other` appended when only `other` states one."""
    year = _YEAR.search(other)
    return f"{text} {year.group(0)}" if year and not _YEAR.search(text) else text


def _range(mention: str, text: str, base: date | None, *, shaped_only: bool) -> DateRef | None:
    """ "from March 1 to March 5", "between 1 and 5 March", "March 3-4", "3–4 March"."""
    patterns = _RANGE if not shaped_only else (_RANGE[0], _DAY_RANGE)
    for pattern in patterns:
        m = pattern.match(text)
        if not m:
            continue
        a, b = m.group("a").strip(), m.group("b").strip()
        if a.isdigit() and not b.isdigit():  # "3-4 March": the left side takes the month
            right = _parse(mention, b, base)
            if right is None or right.start is None or right.precision != "day":
                return right if right is not None and right.start is None else None
            end = date.fromisoformat(right.start)
            try:
                start = end.replace(day=int(a))
            except ValueError:
                return None
        else:
            left = _parse(mention, _with_year(a, b), base)
            if left is None or left.start is None:
                return left
            start = date.fromisoformat(left.start)
            bare = _BARE_DAY.match(b)
            if bare and left.precision == "day":  # "March 3-4", "March 3-4, 2025"
                try:
                    end = start.replace(day=int(bare.group(1)))
                except ValueError:
                    return None
            else:
                right = _parse(mention, _with_year(b, a), base)
                if right is None or right.end is None:
                    return right
                end = date.fromisoformat(right.end)
        return _period(mention, start, end) if start <= end else None
    return None


def resolve_date(mention: str, published: str | None) -> DateRef:
    """The date range `mention` denotes, relative to `published` (ISO date or None).

    Always keeps `mention` as written; anything it cannot read is
    DateRef(mention=mention) with start, end and precision None.
    """
    if not isinstance(mention, str):
        return DateRef()
    # a report names the same dates again and again, and dateparser is slow: remember them
    return _resolve_cached(mention, published).model_copy()


@lru_cache(maxsize=4096)
def _resolve_cached(mention: str, published: str | None) -> DateRef:
    if not mention.strip() or len(mention) > MAX_MENTION or _CONTROL.search(mention):
        return _unresolved(mention)
    base = _parse_published(published)
    text = _strip(mention)
    if not text:
        return _unresolved(mention)
    since = _SINCE.match(text)
    if since:
        inner = _resolve(mention, _strip(since.group("rest")), base)
        if inner.start is None or base is None or since.group("rest").casefold().startswith("the"):
            return _unresolved(mention)  # "since the end of January": not clearly a date
        start = date.fromisoformat(inner.start)
        return _period(mention, start, base) if start <= base else _unresolved(mention)
    found = _resolve(mention, text, base)
    tail = _TAIL_CLAUSE.match(text) if found.start is None else None
    if tail:
        head = _resolve(mention, tail.group("head"), base)
        return head if head.start is not None else found
    return found


def _resolve(mention: str, text: str, base: date | None) -> DateRef:
    for step in (_weekday, _rolling, _day_before):
        found = step(mention, text, base)
        if found is not None:
            return found
    found = _range(mention, text, base, shaped_only=True)
    if found is None:
        found = _parse(mention, text, base)
    if found is None:
        part = _PART_OF_MONTH.match(text)
        if part:  # "late February": within February
            inner = _parse(mention, part.group("rest"), base)
            found = inner if inner is not None and inner.precision == "month" else None
    if found is None:
        found = _range(mention, text, base, shaped_only=False)
    return found or _unresolved(mention)
