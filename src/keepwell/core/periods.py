"""Calendar months and days in an IANA time zone, as exact UTC instants.

KeepWell measures people per calendar month in *their own* time zone, so a month is not one
pair of instants but one pair per zone. Everything here is pure (no Django) and works with
timezone-aware datetimes or integer microseconds since the Unix epoch (UTC), which is how the
metrics engine compares instants exactly.

A month is identified by its *month index* ``year * 12 + (month - 1)``: consecutive months have
consecutive indexes, which makes ranges and joins trivial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

MICROSECONDS_PER_SECOND = 1_000_000
MICROSECONDS_PER_DAY = 86_400 * MICROSECONDS_PER_SECOND
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_MONTH_LABEL = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month without a zone (the zone is applied when instants are needed)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, got {self.month}")

    @classmethod
    def parse(cls, label: str) -> Month:
        """Parse ``'YYYY-MM'``; anything else raises ``ValueError``."""
        match = _MONTH_LABEL.match(label)
        if match is None:
            raise ValueError(f"not a YYYY-MM month: {label!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        """The month containing a calendar date."""
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Inverse of :attr:`index`."""
        year, zero_based = divmod(index, 12)
        return cls(year, zero_based + 1)

    @property
    def index(self) -> int:
        """``year * 12 + month - 1``: consecutive months have consecutive indexes."""
        return self.year * 12 + self.month - 1

    @property
    def label(self) -> str:
        """``'YYYY-MM'``, the form used in targets and exports."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def shifted(self, months: int) -> Month:
        """The month ``months`` later (negative for earlier)."""
        return Month.from_index(self.index + months)

    def __str__(self) -> str:
        return self.label


def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; raises ``zoneinfo.ZoneInfoNotFoundError`` for an unknown name."""
    return _zone(name)


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def to_microseconds(instant: datetime) -> int:
    """Exact microseconds since the epoch of an aware datetime."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("naive datetime: every instant must carry its time zone")
    delta = instant - EPOCH
    return (delta.days * 86_400 + delta.seconds) * MICROSECONDS_PER_SECOND + delta.microseconds


def from_microseconds(microseconds: int) -> datetime:
    """The UTC datetime ``microseconds`` after the epoch (exact, no float)."""
    return EPOCH + timedelta(microseconds=microseconds)


def local_date(microseconds: int, zone_name: str) -> date:
    """The calendar date an instant falls on in a zone."""
    return from_microseconds(microseconds).astimezone(zone(zone_name)).date()


def first_instant_of_day(zone_name: str, day: date) -> int:
    """Microseconds of the first instant whose local date in ``zone_name`` is ``day`` or later.

    Local midnight is the answer almost always, but not when a DST gap swallows midnight
    (then the day starts at the transition) and ``datetime(..., tzinfo=zone)`` would land
    inside the gap. Searching for the first second whose local date has moved on is exact for
    every zone whose local date never steps back across midnight, and offsets and transitions
    in the tz database are whole seconds.
    """
    return _first_instant_of_day(zone_name, day)


@lru_cache(maxsize=65_536)
def _first_instant_of_day(zone_name: str, day: date) -> int:
    tz = zone(zone_name)
    guess = to_microseconds(datetime(day.year, day.month, day.day, tzinfo=tz)) // MICROSECONDS_PER_SECOND
    # Offsets are within ±26 h, so the boundary is within a day and a half of the naive guess.
    low, high = guess - 129_600, guess + 129_600  # local date(low) < day <= local date(high)
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, tz).date() >= day:
            high = middle
        else:
            low = middle
    return high * MICROSECONDS_PER_SECOND


def first_instant_of_month(zone_name: str, month: Month) -> int:
    """Microseconds of the first instant of ``month`` in ``zone_name``."""
    return first_instant_of_day(zone_name, month.first_day)


def end_of_day(zone_name: str, day: date) -> int:
    """The end of ``day`` in ``zone_name``: the first instant of the next day (exclusive bound).

    An instant ``t`` lies within the day or before it exactly when ``t < end_of_day(...)``.
    """
    return first_instant_of_day(zone_name, day + timedelta(days=1))


def month_of(microseconds: int, zone_name: str) -> Month:
    """The local calendar month an instant falls in."""
    return Month.of(local_date(microseconds, zone_name))


def utc_offset_microseconds(microseconds: int, zone_name: str) -> int:
    """The zone's UTC offset at an instant, in microseconds (local = UTC + offset)."""
    offset = from_microseconds(microseconds).astimezone(zone(zone_name)).utcoffset()
    assert offset is not None  # an aware datetime from a ZoneInfo always has one
    return (offset.days * 86_400 + offset.seconds) * MICROSECONDS_PER_SECOND + offset.microseconds
