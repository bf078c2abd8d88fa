"""Calendar helpers: inclusive anniversary-year service, month steps, notice deadlines (RULES.md §0)."""

from __future__ import annotations

from datetime import date

import pytest

from keepwell.law.service import (
    ServiceLength,
    add_months,
    add_years,
    is_leap_year,
    notice_deadline,
    period_last_day,
    service_length,
)


@pytest.mark.parametrize(
    ("label", "first_day", "last_day", "expected"),
    [
        ("six whole years", date(2021, 1, 1), date(2026, 12, 31), ServiceLength(6, 0, 0)),
        ("two years ending in February", date(2024, 3, 1), date(2026, 2, 28), ServiceLength(2, 0, 0)),
        ("exactly six months", date(2026, 1, 1), date(2026, 6, 30), ServiceLength(0, 6, 0)),
        ("one day short of six months", date(2026, 1, 1), date(2026, 6, 29), ServiceLength(0, 5, 29)),
        ("six months and a day", date(2026, 1, 1), date(2026, 7, 1), ServiceLength(0, 6, 1)),
        ("a single day", date(2026, 5, 4), date(2026, 5, 4), ServiceLength(0, 0, 1)),
        ("hired on a leap day, six years", date(2020, 2, 29), date(2026, 2, 28), ServiceLength(6, 0, 0)),
        ("hired on a leap day, one year", date(2024, 2, 29), date(2025, 2, 28), ServiceLength(1, 0, 0)),
        ("year ending on a leap day", date(2023, 3, 1), date(2024, 2, 29), ServiceLength(1, 0, 0)),
        ("month from the 31st", date(2026, 1, 31), date(2026, 2, 28), ServiceLength(0, 1, 0)),
        ("twelve years and a remainder", date(2010, 3, 1), date(2022, 9, 15), ServiceLength(12, 6, 15)),
    ],
)
def test_service_length_counts_inclusive_anniversary_years(
    label: str, first_day: date, last_day: date, expected: ServiceLength
) -> None:
    assert service_length(first_day, last_day) == expected, label


@pytest.mark.parametrize(
    ("label", "service", "text"),
    [
        ("plural years", ServiceLength(6, 0, 0), "6 years"),
        ("singular year", ServiceLength(1, 0, 0), "1 year"),
        ("all parts", ServiceLength(2, 3, 1), "2 years 3 months 1 day"),
        ("months only", ServiceLength(0, 5, 0), "5 months"),
    ],
)
def test_service_length_describes_itself(label: str, service: ServiceLength, text: str) -> None:
    assert service.describe() == text, label


@pytest.mark.parametrize(
    ("label", "day", "months", "expected"),
    [
        ("clamps to February", date(2026, 1, 31), 1, date(2026, 2, 28)),
        ("clamps to a leap February", date(2024, 1, 31), 1, date(2024, 2, 29)),
        ("leap day plus a year", date(2024, 2, 29), 12, date(2025, 2, 28)),
        ("backwards over a year end", date(2026, 1, 15), -2, date(2025, 11, 15)),
    ],
)
def test_add_months_clamps_to_the_month_end(label: str, day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected, label


def test_add_years_moves_a_leap_day_to_february_28() -> None:
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)


@pytest.mark.parametrize(
    ("label", "first_day", "months", "expected"),
    [
        ("zero months ends the day before", date(2026, 1, 1), 0, date(2025, 12, 31)),
        ("six months", date(2026, 1, 1), 6, date(2026, 6, 30)),
        ("from the 29th into February", date(2026, 1, 29), 1, date(2026, 2, 28)),
        ("from the 28th into February", date(2026, 1, 28), 1, date(2026, 2, 27)),
    ],
)
def test_period_last_day(label: str, first_day: date, months: int, expected: date) -> None:
    assert period_last_day(first_day, months) == expected, label


@pytest.mark.parametrize(
    ("label", "expiry", "days", "expected"),
    [
        ("RULES.md §0 example", date(2026, 12, 31), 30, date(2026, 12, 1)),
        ("over a common February", date(2026, 3, 1), 30, date(2026, 1, 30)),
        ("over a leap February", date(2024, 3, 1), 30, date(2024, 1, 31)),
    ],
)
def test_notice_deadline_is_expiry_minus_calendar_days(
    label: str, expiry: date, days: int, expected: date
) -> None:
    assert notice_deadline(expiry, days) == expected, label


@pytest.mark.parametrize(("year", "leap"), [(2024, True), (2026, False), (2000, True), (1900, False)])
def test_is_leap_year(year: int, leap: bool) -> None:
    assert is_leap_year(year) is leap


def test_service_length_refuses_a_reversed_period() -> None:
    with pytest.raises(ValueError, match="before first_day"):
        service_length(date(2026, 1, 2), date(2026, 1, 1))
