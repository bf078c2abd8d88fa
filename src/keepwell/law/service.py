"""Calendar arithmetic shared by every pack: service length, month steps, notice deadlines, and the
contract history read as periods, chains of extensions and runs of fixed terms.

Conventions (RULES.md §0): service runs from the first to the last day of employment, both included, and
is counted in anniversary years; "N days' notice before expiry" means the latest day is expiry minus N
calendar days.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from keepwell.law.types import Contract, Period

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

    def longer_than(self, months: int) -> bool:
        """True when the length is more than ``months`` whole months (6 months 1 day is longer than 6)."""
        return self.total_months > months or (self.total_months == months and self.days > 0)

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


def day_count(first_day: date, last_day: date) -> int:
    """Calendar days from ``first_day`` to ``last_day``, both included."""
    return (last_day - first_day).days + 1


def period_days(first_day: date, months: int) -> int:
    """Calendar days in the period of ``months`` whole months that begins on ``first_day`` (inclusive)."""
    return day_count(first_day, period_last_day(first_day, months))


def age_on(birth: date, day: date) -> int:
    """Age in whole years on ``day``; someone born on 29 February turns a year older on 1 March."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birthday(birth: date, age: int) -> date:
    """The day someone born on ``birth`` turns ``age`` (1 March for 29 February in a common year)."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return date(birth.year + age, 3, 1)


# --- Periods: service added up across contracts with gaps ------------------------------------------------


def contract_period(contract: Contract) -> Period:
    """A contract's first and last day; only for a contract with an end (every fixed term has one)."""
    assert contract.end is not None  # parsing refuses a fixed-term contract without an end
    return (contract.start, contract.end)


def merged_periods(periods: Iterable[Period]) -> list[Period]:
    """Inclusive periods in date order, with back-to-back or overlapping ones joined into one span."""
    merged: list[Period] = []
    for first, last in sorted(periods):
        if merged and first <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def total_length(periods: Iterable[Period]) -> ServiceLength:
    """Periods added up: an unbroken span in calendar months and days (RULES.md §0); separate spans added
    together in months and days, 30 spare days making a month. No periods add up to nothing."""
    spans = merged_periods(periods)
    if len(spans) == 1:
        return service_length(*spans[0])
    months = days = 0
    for first, last in spans:
        length = service_length(first, last)
        months += length.total_months
        days += length.days
    months += days // 30
    return ServiceLength(years=months // 12, months=months % 12, days=days % 30)


def first_day_beyond(periods: Iterable[Period], months: int) -> date | None:
    """The first day counted after ``months`` months of the periods added up (as ``total_length`` adds
    them), or ``None`` when they add up to no more than that."""
    counted_months = counted_days = 0
    for first, last in merged_periods(periods):
        remaining_months, remaining_days = months - counted_months, 0
        if counted_days:
            remaining_months, remaining_days = remaining_months - 1, 30 - counted_days
        limit_day = period_last_day(first, remaining_months) + timedelta(days=remaining_days)
        if limit_day < last:
            return limit_day + ONE_DAY
        length = service_length(first, last)
        counted_days += length.days
        counted_months += length.total_months + counted_days // 30
        counted_days %= 30
    return None


def first_day_past_days(periods: Sequence[Period], days: int) -> tuple[date, int] | None:
    """The first day past ``days`` days of ``periods`` laid end to end (gaps left out), with the position of
    the period it falls in; ``None`` when the periods hold no more than that.

    With ``days = period_days(first_start, months)``, a history without gaps passes ``months`` months on the
    calendar day it would without this helper.
    """
    worked = 0
    for position, (first, last) in enumerate(periods):
        length = day_count(first, last)
        if worked + length > days:
            return first + timedelta(days=days - worked), position
        worked += length
    return None


def covered_days(periods: Iterable[Period]) -> int:
    """Calendar days covered by the periods, both ends included, overlaps counted once."""
    return sum(day_count(first, last) for first, last in merged_periods(periods))


def pro_rata_years(service: ServiceLength, days_per_year: int) -> Fraction:
    """Years, plus months / 12, plus days / ``days_per_year``: a pro rata count of years of service."""
    return service.years + Fraction(service.months, 12) + Fraction(service.days, days_per_year)


def pro_rata_years_text(service: ServiceLength, days_per_year: int) -> str:
    """The ``pro_rata_years`` sum as written in a basis: ``2``, ``5/12``, ``(1 + 3/12 + 10/365)``."""
    parts = [str(service.years)] if service.years else []
    if service.months:
        parts.append(f"{service.months}/12")
    if service.days:
        parts.append(f"{service.days}/{days_per_year}")
    if len(parts) > 1:
        return f"({' + '.join(parts)})"
    return parts[0] if parts else "0"


def fraction_to_decimal(value: Fraction) -> Decimal:
    """An exact fraction as a ``Decimal`` (to the context's precision), for rounding as money."""
    return Decimal(value.numerator) / Decimal(value.denominator)


# --- The contract history: chains, extensions, runs of fixed terms ----------------------------------------


def adjacent(previous: Contract, following: Contract) -> bool:
    """True when ``following`` starts the day after ``previous`` ends (no gap)."""
    return previous.end is not None and previous.end + ONE_DAY == following.start


def chain_start(
    contracts: Sequence[Contract], joins: Callable[[Contract, Contract], bool], *, last: int | None = None
) -> int:
    """Index of the first contract of the chain that ends with ``contracts[last]`` (default: the current
    contract): walk back while ``joins(previous, following)`` holds for each pair of neighbours."""
    first = len(contracts) - 1 if last is None else last
    while first > 0 and joins(contracts[first - 1], contracts[first]):
        first -= 1
    return first


def extension_runs(
    contracts: Sequence[Contract],
    include: Callable[[Contract], bool] = lambda contract: contract.is_fixed_term,
) -> list[tuple[int, ...]]:
    """The indexes of the ``include``d contracts, grouped into one contract and its extensions: a contract
    listed right after another included one and starting the day after it ends extends it."""
    runs: list[list[int]] = []
    for index, contract in enumerate(contracts):
        if not include(contract):
            continue
        if runs and runs[-1][-1] == index - 1 and adjacent(contracts[index - 1], contract):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [tuple(run) for run in runs]


def trailing_fixed_terms(contracts: Sequence[Contract]) -> list[int]:
    """Indexes of the trailing run of fixed-term contracts (the current contract and the renewals before
    it, back to the latest open-ended contract)."""
    run: list[int] = []
    for index in range(len(contracts) - 1, -1, -1):
        if not contracts[index].is_fixed_term:
            break
        run.insert(0, index)
    return run


def gaps_between(
    contracts: Sequence[Contract], indexes: Iterable[int] | None = None
) -> Iterator[tuple[int, int, int]]:
    """``(previous, index, days)`` for each pair of neighbours among ``indexes`` (default: every contract)
    with days without a contract between them."""
    for previous, index in itertools.pairwise(range(len(contracts)) if indexes is None else indexes):
        gap = (contracts[index].start - contract_period(contracts[previous])[1]).days - 1
        if gap > 0:
            yield previous, index, gap
