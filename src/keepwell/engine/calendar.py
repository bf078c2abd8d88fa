"""Lookup tables that let SQL place UTC instants in local months and dates without ICU.

Converting tens of millions of instants one by one to a zone is the slow part of monthly
metrics. The few zones x days of an evaluation are few, though, so they are worked out here in
Python with ``zoneinfo`` (the same rules the reference uses) and handed to DuckDB as a small
table keyed by ``(zone, UTC day)``. For each pair it holds at most one local-month boundary and
at most one UTC-offset change inside that UTC day, which is all any tz database zone has
(months and DST periods are far longer than a day). An instant then finds its month with one
integer hash join and a comparison.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

from keepwell.core.periods import (
    MICROSECONDS_PER_DAY,
    MICROSECONDS_PER_SECOND,
    Month,
    first_instant_of_month,
    utc_offset_microseconds,
)

# "No boundary in this day": later than any instant the engine will ever compare.
NO_CUT = 2**62
# Zone ids are packed into the high bits of the join key: key = zone_id << 32 | day.
ZONE_SHIFT = 32


@dataclass(frozen=True)
class CalendarTables:
    """Arrow tables for the SQL side, plus the window they cover.

    ``days``: key, month_cut, month_before, month_after, offset_cut, offset_before,
    offset_after (instants and offsets in microseconds, months as month indexes).
    ``month_starts``: zone_id, month, start (first instant of the month in the zone).
    """

    days: pa.Table
    month_starts: pa.Table
    window_start: int
    window_end: int
    day_base: int


def _offset_transition(zone_name: str, low: int, high: int, offset_low: int) -> int:
    """First whole second in ``(low, high]`` (microseconds) where the offset is no longer ``offset_low``."""
    low_second, high_second = low // MICROSECONDS_PER_SECOND, high // MICROSECONDS_PER_SECOND
    while high_second - low_second > 1:
        middle = (low_second + high_second) // 2
        if utc_offset_microseconds(middle * MICROSECONDS_PER_SECOND, zone_name) == offset_low:
            low_second = middle
        else:
            high_second = middle
    return high_second * MICROSECONDS_PER_SECOND


def build_calendar(
    zones: Sequence[str], *, first_month: Month, last_month: Month, window_end: int
) -> CalendarTables:
    """Tables covering ``first_month`` (in every zone) up to ``window_end`` (exclusive)."""
    month_range = range(first_month.index - 1, last_month.index + 2)
    starts = {
        zone_name: [first_instant_of_month(zone_name, Month.from_index(index)) for index in month_range]
        for zone_name in zones
    }
    window_start = min((zone_starts[1] for zone_starts in starts.values()), default=0)
    day_base = (window_start // MICROSECONDS_PER_DAY) * MICROSECONDS_PER_DAY
    day_count = max(0, -(-(window_end - day_base) // MICROSECONDS_PER_DAY))

    keys: list[int] = []
    month_cut: list[int] = []
    month_before: list[int] = []
    month_after: list[int] = []
    offset_cut: list[int] = []
    offset_before: list[int] = []
    offset_after: list[int] = []
    start_zone: list[int] = []
    start_month: list[int] = []
    start_instant: list[int] = []
    for zone_id, zone_name in enumerate(zones):
        zone_starts = starts[zone_name]
        for position, instant in enumerate(zone_starts):
            start_zone.append(zone_id)
            start_month.append(month_range[position])
            start_instant.append(instant)
        day_starts = [day_base + day * MICROSECONDS_PER_DAY for day in range(day_count + 1)]
        offsets = [utc_offset_microseconds(instant, zone_name) for instant in day_starts]
        for day in range(day_count):
            start, end = day_starts[day], day_starts[day + 1]
            keys.append((zone_id << ZONE_SHIFT) | day)
            # Month at the day's first and last microsecond, from the zone's month starts.
            before = month_range[bisect_right(zone_starts, start) - 1]
            after = month_range[bisect_right(zone_starts, end - 1) - 1]
            month_before.append(before)
            month_after.append(after)
            if after != before:
                if after != before + 1:
                    raise AssertionError(f"{zone_name}: two month boundaries in one UTC day")
                month_cut.append(zone_starts[month_range.index(after)])
            else:
                month_cut.append(NO_CUT)
            offset_before.append(offsets[day])
            if offsets[day] != offsets[day + 1]:
                transition = _offset_transition(zone_name, start, end, offsets[day])
                if transition < end:
                    offset_cut.append(transition)
                    offset_after.append(utc_offset_microseconds(transition, zone_name))
                    continue
            offset_cut.append(NO_CUT)
            offset_after.append(offsets[day])

    int64 = pa.int64()
    days = pa.table(
        {
            "key": pa.array(keys, int64),
            "month_cut": pa.array(month_cut, int64),
            "month_before": pa.array(month_before, int64),
            "month_after": pa.array(month_after, int64),
            "offset_cut": pa.array(offset_cut, int64),
            "offset_before": pa.array(offset_before, int64),
            "offset_after": pa.array(offset_after, int64),
        }
    )
    month_starts = pa.table(
        {
            "zone_id": pa.array(start_zone, int64),
            "month": pa.array(start_month, int64),
            "start": pa.array(start_instant, int64),
        }
    )
    return CalendarTables(
        days=days,
        month_starts=month_starts,
        window_start=window_start,
        window_end=window_end,
        day_base=day_base,
    )
