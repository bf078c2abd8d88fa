"""Dated parameter tables: caps, multipliers, thresholds and lead times that change with the law.

A statute's numbers are data with a history, never bare constants. A ``Schedule`` holds the values a
parameter took over time, each from its effective date on, and answers "which value applied on day D?".
Rules look values up with the decision date, so an amendment is one more row, and old decisions are still
assessed with the numbers of their day.

    HIGH_EARNER_MULTIPLE = Schedule(
        "cn.high_earner_multiple",
        ((date(2008, 1, 1), Decimal(3)),),
        citation="LCL Art 47",
    )
    HIGH_EARNER_MULTIPLE.at(decision_date)  # -> Decimal("3")
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

T = TypeVar("T")


class ParameterNotInForce(LookupError):
    """A parameter was looked up for a day before its first recorded value."""


@dataclass(frozen=True)
class Schedule(Generic[T]):
    """Values of one parameter over time: ``entries`` are ``(effective_from, value)`` in date order."""

    name: str
    entries: tuple[tuple[date, T], ...]
    citation: str = ""

    def __post_init__(self) -> None:
        if not self.entries:
            raise ValueError(f"{self.name}: a schedule needs at least one value")
        days = [effective_from for effective_from, _ in self.entries]
        if any(later <= earlier for earlier, later in itertools.pairwise(days)):
            raise ValueError(f"{self.name}: effective dates must strictly increase")

    @property
    def effective_from(self) -> date:
        """The first day the schedule has a value for."""
        return self.entries[0][0]

    def at(self, day: date) -> T:
        """The value in force on ``day``: the latest entry whose effective date is on or before it."""
        in_force = [value for effective_from, value in self.entries if effective_from <= day]
        if not in_force:
            raise ParameterNotInForce(f"{self.name}: no value before {self.effective_from.isoformat()}")
        return in_force[-1]

    def __iter__(self) -> Iterator[tuple[date, T]]:
        return iter(self.entries)


def constant(name: str, effective_from: date, value: T, *, citation: str = "") -> Schedule[T]:
    """A schedule with a single value from ``effective_from`` on (the usual start of a new table)."""
    return Schedule(name, ((effective_from, value),), citation=citation)
