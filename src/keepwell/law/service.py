"""Calendar arithmetic shared by every pack: service length, month steps, notice deadlines.

Conventions (RULES.md §0): service runs from the first to the last day of employment, both included, and
is counted in anniversary years; "N days' notice before expiry" means the latest day is expiry minus N
calendar days.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def is_leap_year(year: int) -> bool:
    """True for Gregorian leap years (2024, 2000; not 1900)."""
    return calendar.isleap(year)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def last_day_of_month(day: date) -> date:
    """The last day of the month that contains ``day``."""
    return day.replace(day=days_in_month(day.year, day.month))


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the end of a shorter month.

    2026-01-31 + 1 month = 2026-02-28; 2024-02-29 + 12 months = 2025-02-28. ``months`` may be negative.
    """
    year, month = _shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, days_in_month(year, month)))


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def period_last_day(first_day: date, months: int) -> date:
    """The last day of a period of ``months`` whole months that begins on ``first_day`` (inclusive).

    The period ends the day before the same day of the month ``months`` later; when that month has no such
    day, it ends on that month's last day. So 2026-01-01 + 6 months ends 2026-06-30, 2026-01-31 + 1 month
    ends 2026-02-28 and 2024-02-29 + 12 months ends 2025-02-28 (one full year of service).
    """
    if months < 0:
        raise ValueError("months must not be negative")
    if months == 0:
        return first_day - ONE_DAY
    year, month = _shift_month(first_day.year, first_day.month, months)
    length = days_in_month(year, month)
    if first_day.day <= length:
        return date(year, month, first_day.day) - ONE_DAY
    return date(year, month, length)


@dataclass(frozen=True)
class ServiceLength:
    """Whole years, then whole months, then remaining days of an inclusive period of service."""

    years: int
    months: int
    days: int

    @property
    def total_months(self) -> int:
        """Whole months in the period (years × 12 + months)."""
        return self.years * 12 + self.months

    @property
    def is_whole_years(self) -> bool:
        """True when nothing is left over after the whole years."""
        return self.months == 0 and self.days == 0

    def describe(self) -> str:
        """English phrase for ``basis`` strings: ``6 years``, ``2 years 3 months 4 days``, ``1 year``."""
        parts = [
            f"{count} {unit}{'' if count == 1 else 's'}"
            for count, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day"))
            if count
        ]
        return " ".join(parts) if parts else "0 days"


def service_length(first_day: date, last_day: date) -> ServiceLength:
    """Service from ``first_day`` to ``last_day``, both included, in anniversary years, months and days.

    2021-01-01 to 2026-12-31 is exactly 6 years; 2024-03-01 to 2026-02-28 exactly 2 years; 2026-01-01 to
    2026-06-30 exactly 6 months; 2026-01-01 to 2026-07-01 is 6 months 1 day.
    """
    if last_day < first_day:
        raise ValueError("last_day is before first_day")
    # Start one month past the calendar estimate and step back: the estimate is never more than one high.
    months = (last_day.year - first_day.year) * 12 + (last_day.month - first_day.month) + 1
    while months > 0 and period_last_day(first_day, months) > last_day:
        months -= 1
    days = (last_day - period_last_day(first_day, months)).days
    return ServiceLength(years=months // 12, months=months % 12, days=days)


def notice_deadline(expiry: date, days: int) -> date:
    """Latest day to give notice that must come ``days`` calendar days before ``expiry`` (§0)."""
    return expiry - timedelta(days=days)


def completed_years(first_day: date, on_day: date) -> int:
    """Whole anniversary years from ``first_day`` to ``on_day`` inclusive (0 when ``on_day`` is earlier)."""
    if on_day < first_day:
        return 0
    return service_length(first_day, on_day).years
