"""Date mentions resolved against the publication date."""

import pytest

from warclaims.dates import resolve_date
from warclaims.model import DateRef

FRIDAY = "2026-02-27"
WEDNESDAY = "2024-04-24"


def span(mention: str, published: str | None) -> tuple[str | None, str | None, str | None]:
    ref = resolve_date(mention, published)
    assert ref.mention == mention
    return ref.start, ref.end, ref.precision


@pytest.mark.parametrize(
    ("mention", "published", "day"),
    [
        ("on Sunday", FRIDAY, "2026-02-22"),
        ("On Sunday", FRIDAY, "2026-02-22"),
        ("on Thursday", FRIDAY, "2026-02-26"),
        ("Friday", FRIDAY, "2026-02-27"),
        ("on Sunday morning", FRIDAY, "2026-02-22"),
        ("early on Wednesday", WEDNESDAY, "2024-04-24"),
        ("late on Wednesday", WEDNESDAY, "2024-04-24"),
        ("on Tuesday", WEDNESDAY, "2024-04-23"),
        ("last Wednesday", WEDNESDAY, "2024-04-17"),
        ("в воскресенье", FRIDAY, "2026-02-22"),
        ("у неділю", FRIDAY, "2026-02-22"),
        ("в п'ятницю", FRIDAY, "2026-02-27"),
    ],
)
def test_weekdays_on_or_before_published(mention: str, published: str, day: str) -> None:
    assert span(mention, published) == (day, day, "day")


def test_weekday_without_published_is_unresolved() -> None:
    assert span("on Sunday", None) == (None, None, None)


@pytest.mark.parametrize(
    ("mention", "published", "day"),
    [
        ("On April 2", "2023-02-23", "2022-04-02"),  # the past is preferred
        ("On November 20", "2025-11-21", "2025-11-20"),
        ("November 20", "2026-02-27", "2025-11-20"),
        ("February 26, 2026", None, "2026-02-26"),
        ("on February 26, 2026", FRIDAY, "2026-02-26"),
        ("by February 26", FRIDAY, "2026-02-26"),
        ("Feb. 26", FRIDAY, "2026-02-26"),
        ("24 February 2022", None, "2022-02-24"),
        ("2026-02-26", None, "2026-02-26"),
        ("02.03.2026", None, "2026-03-02"),  # day.month.year
        ("20 ноября", "2025-11-25", "2025-11-20"),
        ("20 листопада 2025 року", None, "2025-11-20"),
        ("yesterday", FRIDAY, "2026-02-26"),
        ("today", FRIDAY, "2026-02-27"),
        ("вчера", FRIDAY, "2026-02-26"),
        ("вчора", FRIDAY, "2026-02-26"),
        ("three days ago", FRIDAY, "2026-02-24"),
    ],
)
def test_days(mention: str, published: str | None, day: str) -> None:
    assert span(mention, published) == (day, day, "day")


@pytest.mark.parametrize(
    "mention", ["November 20", "On November 20", "yesterday", "today", "in January", "last week"]
)
def test_no_year_is_ever_guessed_without_published(mention: str) -> None:
    assert span(mention, None) == (None, None, None)


@pytest.mark.parametrize(
    ("mention", "published", "expected"),
    [
        ("in January", FRIDAY, ("2026-01-01", "2026-01-31", "month")),
        ("in February", "2024-03-10", ("2024-02-01", "2024-02-29", "month")),
        ("January 2025", None, ("2025-01-01", "2025-01-31", "month")),
        ("last month", FRIDAY, ("2026-01-01", "2026-01-31", "month")),
        ("в ноябре", FRIDAY, ("2025-11-01", "2025-11-30", "month")),
        ("у листопаді", FRIDAY, ("2025-11-01", "2025-11-30", "month")),
        ("late February", FRIDAY, ("2026-02-01", "2026-02-28", "month")),
        ("in 2023", None, ("2023-01-01", "2023-12-31", "year")),
        ("2023", FRIDAY, ("2023-01-01", "2023-12-31", "year")),
        ("в 2023 году", None, ("2023-01-01", "2023-12-31", "year")),
        ("last year", FRIDAY, ("2025-01-01", "2025-12-31", "year")),
    ],
)
def test_months_and_years(mention: str, published: str | None, expected: tuple) -> None:
    assert span(mention, published) == expected


@pytest.mark.parametrize(
    ("mention", "published", "expected"),
    [
        ("last week", FRIDAY, ("2026-02-16", "2026-02-22", "period")),  # the calendar week
        ("this week", FRIDAY, ("2026-02-23", "2026-02-27", "period")),
        ("over the past week", FRIDAY, ("2026-02-20", "2026-02-27", "period")),
        ("in the past 10 days", FRIDAY, ("2026-02-17", "2026-02-27", "period")),
        ("since January 1", FRIDAY, ("2026-01-01", "2026-02-27", "period")),
        ("March 3-4", "2026-03-27", ("2026-03-03", "2026-03-04", "period")),
        ("3–4 March 2025", None, ("2025-03-03", "2025-03-04", "period")),
        ("from March 1 to March 5", "2026-03-27", ("2026-03-01", "2026-03-05", "period")),
        ("between March 1 and March 5, 2026", None, ("2026-03-01", "2026-03-05", "period")),
    ],
)
def test_periods(mention: str, published: str | None, expected: tuple) -> None:
    assert span(mention, published) == expected


@pytest.mark.parametrize(
    "mention",
    [
        "since the end of January",
        "the end of January",
        "the war",
        "5",
        "spring",
        "February 30, 2026",
    ],
)
def test_unclear_periods_and_nonsense_stay_unresolved(mention: str) -> None:
    assert resolve_date(mention, FRIDAY) == DateRef(mention=mention)


@pytest.mark.parametrize("mention", ["", "   ", "x" * 10_000, "\x00\x01", "on Sunday\x00"])
def test_bad_input(mention: str) -> None:
    assert resolve_date(mention, FRIDAY) == DateRef(mention=mention)


def test_bad_or_timestamped_published() -> None:
    assert span("on Sunday", "garbage") == (None, None, None)
    assert span("on Sunday", "2026-02-27T10:00:00Z") == ("2026-02-22", "2026-02-22", "day")
    assert span("February 26, 2026", "not a date") == ("2026-02-26", "2026-02-26", "day")
