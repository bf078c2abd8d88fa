"""Months and days in a zone, as exact instants."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.core.money import format_plain, from_units, quantize_fraction, to_units
from keepwell.core.periods import (
    Month,
    end_of_day,
    first_instant_of_day,
    first_instant_of_month,
    from_microseconds,
    month_of,
    to_microseconds,
)


@pytest.mark.parametrize(
    ("label", "zone", "day", "expected_utc"),
    [
        ("Shanghai midnight", "Asia/Shanghai", date(2026, 11, 1), datetime(2026, 10, 31, 16, tzinfo=UTC)),
        (
            "Berlin after spring forward",
            "Europe/Berlin",
            date(2026, 3, 30),
            datetime(2026, 3, 29, 22, tzinfo=UTC),
        ),
        (
            "Lord Howe half-hour offset",
            "Australia/Lord_Howe",
            date(2026, 1, 1),
            datetime(2025, 12, 31, 13, tzinfo=UTC),
        ),
        # Santiago skips 00:00-01:00 on 2022-09-11: the day starts at the transition.
        ("gap at midnight", "America/Santiago", date(2022, 9, 11), datetime(2022, 9, 11, 4, tzinfo=UTC)),
        # Havana repeats 00:00-01:00 on 2025-11-02: the first midnight counts.
        ("repeated midnight", "America/Havana", date(2025, 11, 2), datetime(2025, 11, 2, 4, tzinfo=UTC)),
    ],
)
def test_first_instant_of_day(label: str, zone: str, day: date, expected_utc: datetime) -> None:
    assert from_microseconds(first_instant_of_day(zone, day)) == expected_utc


def test_end_of_day_is_the_next_days_first_instant() -> None:
    assert end_of_day("Asia/Tokyo", date(2026, 1, 31)) == first_instant_of_month("Asia/Tokyo", Month(2026, 2))


def test_month_of_an_instant_depends_on_the_zone() -> None:
    instant = to_microseconds(datetime(2026, 10, 31, 23, 30, tzinfo=UTC))

    assert month_of(instant, "Asia/Shanghai") == Month(2026, 11)
    assert month_of(instant, "America/New_York") == Month(2026, 10)


def test_month_labels_and_indexes_round_trip() -> None:
    month = Month.parse("2026-12")

    assert (month.label, month.shifted(1).label, Month.from_index(month.index)) == (
        "2026-12",
        "2027-01",
        month,
    )
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse("2026-1")


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_microseconds(datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1.2E+3"), "1200"),
        (Decimal("0.50000"), "0.5"),
        (Decimal("-0.000"), "0"),
        (Decimal("-2.25"), "-2.25"),
    ],
)
def test_format_plain(value: Decimal, expected: str) -> None:
    assert format_plain(value) == expected


def test_units_and_half_even_rounding_are_exact() -> None:
    assert to_units(Decimal("913.55"), 14) == 91355 * 10**12
    assert from_units(5, 2) == Decimal("0.05")
    assert quantize_fraction(Fraction(1, 3), 2) == Decimal("0.33")
    assert quantize_fraction(Fraction(5, 1000), 2) == Decimal("0.00")  # half to even
    assert quantize_fraction(Fraction(15, 1000), 2) == Decimal("0.02")
    with pytest.raises(ValueError, match="decimal places"):
        to_units(Decimal("0.001"), 2)
