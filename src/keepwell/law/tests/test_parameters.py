"""Dated parameter tables: the value in force on a day, and refusal before the first value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keepwell.law.parameters import ParameterNotInForce, Schedule

CAP = Schedule(
    "test.weekly_cap",
    ((date(2024, 4, 6), Decimal("700")), (date(2025, 4, 6), Decimal("719"))),
    citation="test",
)


@pytest.mark.parametrize(
    ("label", "day", "expected"),
    [
        ("first day of the first value", date(2024, 4, 6), Decimal("700")),
        ("day before the change", date(2025, 4, 5), Decimal("700")),
        ("day of the change", date(2025, 4, 6), Decimal("719")),
        ("long after", date(2030, 1, 1), Decimal("719")),
    ],
)
def test_schedule_returns_the_value_in_force(label: str, day: date, expected: Decimal) -> None:
    assert CAP.at(day) == expected, label


def test_schedule_refuses_a_day_before_its_first_value() -> None:
    with pytest.raises(ParameterNotInForce, match=r"test.weekly_cap: no value before 2024-04-06"):
        CAP.at(date(2024, 4, 5))


@pytest.mark.parametrize(
    ("label", "entries", "message"),
    [
        ("empty", (), "at least one value"),
        ("out of order", ((date(2025, 1, 1), 1), (date(2024, 1, 1), 2)), "strictly increase"),
        ("same day twice", ((date(2025, 1, 1), 1), (date(2025, 1, 1), 2)), "strictly increase"),
    ],
)
def test_schedule_refuses_bad_tables(label: str, entries: tuple[tuple[date, int], ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Schedule("test.bad", entries)
