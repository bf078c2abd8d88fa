"""A small, slow, obvious reading of DESIGN.md's metric definitions straight over interchange CSV files.

Only for tests: it checks that the generated demo tells the story the metrics engine must find.
Values are exact (``Fraction`` for rates, ``Decimal`` for money); a zero denominator gives ``None``.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

THIRTY_DAYS = timedelta(days=30)
YEAR = timedelta(days=365)


def read(directory: Path, entity: str) -> list[dict[str, str]]:
    with (directory / f"{entity}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def instant(text: str) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, f"timestamp without offset: {text}"
    return value


class Reference:
    def __init__(self, directory: Path, *, as_of: date, reporting_currency: str = "CNY") -> None:
        self.as_of = as_of
        self.reporting_currency = reporting_currency
        self.employees = {row["employee_id"]: row for row in read(directory, "employees")}
        self.zones = {key: ZoneInfo(row["timezone"]) for key, row in self.employees.items()}
        self.activities = defaultdict(list)
        for row in read(directory, "activities"):
            self.activities[row["employee_id"]].append(row)
        self.leads = defaultdict(list)
        for row in read(directory, "leads"):
            self.leads[row["owner_employee_id"]].append(row)
        self.orders = defaultdict(list)
        self.orders_by_customer = defaultdict(list)
        for row in read(directory, "orders"):
            self.orders[row["employee_id"]].append(row)
            self.orders_by_customer[row["customer_id"]].append(row)
        self.feedback = defaultdict(list)
        for row in read(directory, "feedback"):
            self.feedback[row["employee_id"]].append(row)
        self.targets: dict[tuple[str, str, str], Decimal] = {}
        for row in read(directory, "targets"):
            key = (row["employee_id"], row["month"], row["metric"])
            assert key not in self.targets, f"two targets for {key}"
            self.targets[key] = Decimal(row["value"])
        self.rates = defaultdict(list)
        for row in read(directory, "fx_rates"):
            self.rates[(row["base"], row["quote"])].append(
                (date.fromisoformat(row["date"]), Decimal(row["rate"]))
            )
        for series in self.rates.values():
            series.sort()

    # -- periods --------------------------------------------------------------------------------------

    def end(self, employee_id: str) -> datetime:
        """as_of means the end of that day in the employee's zone."""
        return datetime.combine(self.as_of + timedelta(days=1), time(), tzinfo=self.zones[employee_id])

    def known(self, employee_id: str, moment: datetime | None) -> bool:
        return moment is not None and moment < self.end(employee_id)

    def in_month(self, employee_id: str, moment: datetime | None, month: str) -> bool:
        if not self.known(employee_id, moment):
            return False
        return moment.astimezone(self.zones[employee_id]).strftime("%Y-%m") == month

    # -- metrics --------------------------------------------------------------------------------------

    def activities_in(self, employee_id: str, month: str) -> list[dict[str, str]]:
        return [
            row
            for row in self.activities[employee_id]
            if self.in_month(employee_id, instant(row["started_at"]), month)
        ]

    def customers_followed(self, employee_id: str, month: str) -> int:
        return len(
            {row["customer_id"] for row in self.activities_in(employee_id, month) if row["customer_id"]}
        )

    def screening_share(self, employee_id: str, month: str) -> Fraction | None:
        rows = self.activities_in(employee_id, month)
        total = sum(int(row["duration_minutes"] or 0) for row in rows)
        screening = sum(int(row["duration_minutes"] or 0) for row in rows if row["purpose"] == "screening")
        return Fraction(screening, total) if total else None

    def response_24h_rate(self, employee_id: str, month: str) -> Fraction | None:
        inbound = [
            row
            for row in self.activities[employee_id]
            if self.in_month(employee_id, instant(row["inbound_at"]), month)
        ]
        hits = 0
        for row in inbound:
            replied = instant(row["replied_at"])
            if self.known(employee_id, replied) and replied - instant(row["inbound_at"]) <= timedelta(
                hours=24
            ):
                hits += 1
        return Fraction(hits, len(inbound)) if inbound else None

    def lead_conversion_rate(self, employee_id: str, month: str) -> Fraction | None:
        created = [
            row
            for row in self.leads[employee_id]
            if self.in_month(employee_id, instant(row["created_at"]), month)
        ]
        qualified = 0
        for row in created:
            at = instant(row["qualified_at"])
            if self.known(employee_id, at) and at <= instant(row["created_at"]) + THIRTY_DAYS:
                qualified += 1
        return Fraction(qualified, len(created)) if created else None

    def repurchase_rate(self, employee_id: str, month: str) -> Fraction | None:
        anchors: dict[str, datetime] = {}
        for row in self.orders[employee_id]:
            at = instant(row["ordered_at"])
            if self.in_month(employee_id, at, month):
                customer = row["customer_id"]
                anchors[customer] = min(at, anchors.get(customer, at))
        returning = 0
        for customer, anchor in anchors.items():
            earlier = [instant(row["ordered_at"]) for row in self.orders_by_customer[customer]]
            if any(anchor - YEAR <= at < anchor for at in earlier):
                returning += 1
        return Fraction(returning, len(anchors)) if anchors else None

    def rate(self, currency: str, day: date) -> Decimal:
        series = [rate for on, rate in self.rates[(currency, self.reporting_currency)] if on <= day]
        if not series:
            raise LookupError(f"no {currency}/{self.reporting_currency} rate on or before {day}")
        return series[-1]

    def revenue(self, employee_id: str, month: str) -> Decimal:
        total = Decimal(0)
        for row in self.orders[employee_id]:
            at = instant(row["ordered_at"])
            if not self.in_month(employee_id, at, month):
                continue
            amount = Decimal(row["amount"])
            if row["currency"] != self.reporting_currency:
                amount *= self.rate(row["currency"], at.astimezone(self.zones[employee_id]).date())
            total += amount
        return total

    def quota_attainment(self, employee_id: str, month: str) -> Decimal | None:
        target = self.targets.get((employee_id, month, "revenue"))
        if not target:
            return None
        return self.revenue(employee_id, month) / target

    def csat(self, employee_id: str, month: str) -> Fraction | None:
        scores = [
            int(row["csat"])
            for row in self.feedback[employee_id]
            if row["csat"] and self.in_month(employee_id, instant(row["submitted_at"]), month)
        ]
        return Fraction(sum(scores), len(scores)) if scores else None

    # -- benchmarks -----------------------------------------------------------------------------------

    def members(self, team: str, month: str) -> list[str]:
        year, number = map(int, month.split("-"))
        last_day = (date(year + number // 12, number % 12 + 1, 1)) - timedelta(days=1)
        return sorted(
            key
            for key, row in self.employees.items()
            if row["team"] == team and date.fromisoformat(row["hire_date"]) <= last_day
        )

    def team_mean(self, metric: str, team: str, month: str) -> Fraction | None:
        values = [getattr(self, metric)(key, month) for key in self.members(team, month)]
        values = [Fraction(value) for value in values if value is not None]
        return sum(values, Fraction(0)) / len(values) if values else None

    def top_decile_mean(self, metric: str, team: str, month: str) -> Fraction | None:
        values = {key: getattr(self, metric)(key, month) for key in self.members(team, month)}
        values = {key: Fraction(value) for key, value in values.items() if value is not None}
        if not values:
            return None

        def rank(key: str) -> tuple[bool, Decimal, Decimal, str]:
            attainment = self.quota_attainment(key, month)
            return (attainment is None, -(attainment or 0), -self.revenue(key, month), key)

        top = sorted(values, key=rank)[: math.ceil(len(values) / 10)]
        return sum((values[key] for key in top), Fraction(0)) / len(top)
