"""A slow, obvious implementation of the metric definitions, written from DESIGN.md alone.

Loops, ``zoneinfo`` conversions of each instant, ``Fraction`` and ``Decimal``: nothing clever,
so that it can be read against the design line by line. It shares no code with the engine
(not even the period helpers) and is the yardstick the engine's tests compare against.

Input is a :class:`Scenario` of plain Python rows (dicts); output maps
``(employee_id, month, metric)`` to ``(value, numerator, denominator, provisional)`` and
``(group_id, month, metric)`` to ``(n, mean, median, p90, top_decile_mean)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

PLACES = 14
METRIC_ORDER = (
    "activities",
    "customers_followed",
    "response_24h_rate",
    "screening_share",
    "new_intents",
    "lead_conversion_rate",
    "deal_conversion_rate",
    "revenue",
    "quota_attainment",
    "repurchase_rate",
    "task_on_time_rate",
    "csat",
    "nps",
    "complaint_rate",
)

Row = dict[str, Any]
MetricRow = tuple[Decimal | None, Decimal, Decimal | None, bool]
BenchmarkRow = tuple[int, Decimal | None, Decimal | None, Decimal | None, Decimal | None]


class ReferenceMissingRate(Exception):
    def __init__(self, currency: str, on: date) -> None:
        super().__init__(currency, on)
        self.currency = currency
        self.on = on


class ReferenceDuplicateTarget(Exception):
    pass


@dataclass
class Scenario:
    """Rows keyed like the engine's facts (employee_key etc.)."""

    employees: list[Row]
    reporting_currency: str = "CNY"
    activities: list[Row] = field(default_factory=list)
    leads: list[Row] = field(default_factory=list)
    orders: list[Row] = field(default_factory=list)
    feedback: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)
    targets: list[Row] = field(default_factory=list)
    fx_rates: list[Row] = field(default_factory=list)
    tenant_id: str = "tenant"


def rounded(value: Fraction) -> Decimal:
    """Half to even at 14 places (Python's round() of a Fraction rounds half to even)."""
    return Decimal(round(value * 10**PLACES)).scaleb(-PLACES)


def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def local_month(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    return month_label(local.year, local.month)


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    result = []
    current = first
    while current <= last:
        result.append(current)
        current = next_month(*current)
    return result


def evaluate_reference(
    scenario: Scenario,
    *,
    as_of: date,
    month_from: str | None = None,
    month_to: str | None = None,
    group_by: str = "team",
) -> tuple[dict[tuple[str, str, str], MetricRow], dict[tuple[str, str, str], BenchmarkRow]]:
    employees = {row["employee_key"]: row for row in scenario.employees}
    currency = scenario.reporting_currency

    targets_seen: dict[tuple[int, str], Decimal] = {}
    for target in scenario.targets:
        if target["metric"] != "revenue":
            continue
        key = (target["employee_key"], target["month"])
        if key in targets_seen:
            raise ReferenceDuplicateTarget(key)
        targets_seen[key] = target["value"]

    values: dict[tuple[str, str, str], MetricRow] = {}
    missing_rates: list[tuple[str, date]] = []
    # Per employee: month -> (attainment value, revenue) for the top-decile ranking.
    for key, employee in employees.items():
        zone = ZoneInfo(employee["timezone"])
        # "as_of = a date D means the end of D in the employee's zone": the next local midnight.
        as_of_end = datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)

        def known(instant: datetime | None, as_of_end: datetime = as_of_end) -> bool:
            return instant is not None and instant < as_of_end

        hire = employee["hire_date"]
        first = (hire.year, hire.month)
        last = (as_of.year, as_of.month)
        if month_from is not None:
            first = max(first, (int(month_from[:4]), int(month_from[5:])))
        if month_to is not None:
            last = min(last, (int(month_to[:4]), int(month_to[5:])))

        for year, month in months_between(first, last):
            label = month_label(year, month)
            m_end = datetime(*next_month(year, month), 1, tzinfo=zone).astimezone(UTC)

            def in_month(instant: datetime | None, zone: ZoneInfo = zone, label: str = label) -> bool:
                return known(instant) and local_month(instant, zone) == label  # type: ignore[arg-type]

            def put(
                metric: str,
                numerator: Fraction,
                denominator: Fraction | None,
                provisional: bool = False,
                multiplier: int = 1,
                label: str = label,
                employee_id: str = employee["employee_id"],
            ) -> None:
                if denominator is None:
                    value: Decimal | None = rounded(numerator)
                elif denominator == 0:
                    value = None
                else:
                    value = rounded(numerator * multiplier / denominator)
                values[(employee_id, label, metric)] = (
                    value,
                    rounded(numerator),
                    None if denominator is None else rounded(denominator),
                    provisional,
                )

            activities = [a for a in scenario.activities if a["employee_key"] == key]
            started = [a for a in activities if in_month(a["started_at"])]
            put("activities", Fraction(len(started)), None)
            put(
                "customers_followed",
                Fraction(len({a["customer_key"] for a in started if a["customer_key"] is not None})),
                None,
            )
            inbound = [a for a in activities if in_month(a["inbound_at"])]
            hits = [
                a
                for a in inbound
                if known(a["replied_at"]) and a["replied_at"] - a["inbound_at"] <= timedelta(hours=24)
            ]
            put("response_24h_rate", Fraction(len(hits)), Fraction(len(inbound)))
            screening = sum(a["duration_minutes"] or 0 for a in started if a["purpose"] == "screening")
            total = sum(a["duration_minutes"] or 0 for a in started)
            put("screening_share", Fraction(screening), Fraction(total))

            leads = [lead for lead in scenario.leads if lead["owner_key"] == key]
            qualified = [lead for lead in leads if in_month(lead["qualified_at"])]
            put("new_intents", Fraction(len(qualified)), None)
            created = [lead for lead in leads if in_month(lead["created_at"])]
            converted = [
                lead
                for lead in created
                if known(lead["qualified_at"])
                and lead["qualified_at"] <= lead["created_at"] + timedelta(days=30)
            ]
            put(
                "lead_conversion_rate",
                Fraction(len(converted)),
                Fraction(len(created)),
                provisional=m_end + timedelta(days=30) > as_of_end,
            )
            won = [
                lead
                for lead in qualified
                if known(lead["won_at"]) and lead["won_at"] <= lead["qualified_at"] + timedelta(days=60)
            ]
            put(
                "deal_conversion_rate",
                Fraction(len(won)),
                Fraction(len(qualified)),
                provisional=m_end + timedelta(days=60) > as_of_end,
            )

            orders = [o for o in scenario.orders if o["employee_key"] == key and in_month(o["ordered_at"])]
            revenue = Fraction(0)
            for order in orders:
                if order["currency"] == currency:
                    revenue += Fraction(order["amount"])
                    continue
                local_day = order["ordered_at"].astimezone(zone).date()
                candidates = [
                    rate
                    for rate in scenario.fx_rates
                    if rate["base"] == order["currency"]
                    and rate["quote"] == currency
                    and rate["date"] <= local_day
                ]
                if not candidates:
                    missing_rates.append((order["currency"], local_day))
                    continue
                latest = max(candidates, key=lambda rate: rate["date"])
                revenue += Fraction(order["amount"]) * Fraction(latest["rate"])
            put("revenue", revenue, None)
            target = targets_seen.get((key, label))
            put("quota_attainment", revenue, None if target is None else Fraction(target))
            if target is None:
                # A missing target: denominator empty and value null (put() would return revenue).
                values[(employee["employee_id"], label, "quota_attainment")] = (
                    None,
                    rounded(revenue),
                    None,
                    False,
                )

            buyers = {}
            for order in orders:
                customer = order["customer_key"]
                if customer is None:
                    continue
                if customer not in buyers or order["ordered_at"] < buyers[customer]:
                    buyers[customer] = order["ordered_at"]
            returning = 0
            for customer, anchor in buyers.items():
                if any(
                    o["customer_key"] == customer and anchor - timedelta(days=365) <= o["ordered_at"] < anchor
                    for o in scenario.orders
                ):
                    returning += 1
            put("repurchase_rate", Fraction(returning), Fraction(len(buyers)))

            tasks = [t for t in scenario.tasks if t["employee_key"] == key and in_month(t["due_at"])]
            on_time = [t for t in tasks if known(t["completed_at"]) and t["completed_at"] <= t["due_at"]]
            put("task_on_time_rate", Fraction(len(on_time)), Fraction(len(tasks)))

            feedback = [
                f for f in scenario.feedback if f["employee_key"] == key and in_month(f["submitted_at"])
            ]
            scores = [f["csat"] for f in feedback if f["csat"] is not None]
            put("csat", Fraction(sum(scores)), Fraction(len(scores)))
            responses = [f["nps"] for f in feedback if f["nps"] is not None]
            promoters = sum(1 for score in responses if score >= 9)
            detractors = sum(1 for score in responses if score <= 6)
            put("nps", Fraction(promoters - detractors), Fraction(len(responses)), multiplier=100)
            put(
                "complaint_rate",
                Fraction(sum(1 for f in feedback if f["complaint"])),
                Fraction(len(feedback)),
            )

    if missing_rates:
        currency_missing, day = min(missing_rates)
        raise ReferenceMissingRate(currency_missing, day)

    benchmarks: dict[tuple[str, str, str], BenchmarkRow] = {}
    members: dict[tuple[str, str], list[str]] = {}
    group_of: dict[str, str | None] = {}
    for employee in employees.values():
        group = scenario.tenant_id if group_by == "tenant" else employee[group_by]
        group_of[employee["employee_id"]] = group
    for employee_id, label, metric in values:
        group = group_of[employee_id]
        if group is not None and metric == "activities":
            members.setdefault((group, label), []).append(employee_id)
    for (group, label), ids in members.items():
        for metric in METRIC_ORDER:
            with_value = [
                (employee_id, values[(employee_id, label, metric)][0])
                for employee_id in ids
                if values[(employee_id, label, metric)][0] is not None
            ]
            n = len(with_value)
            if n == 0:
                benchmarks[(group, label, metric)] = (0, None, None, None, None)
                continue
            numbers = sorted(Fraction(value) for _, value in with_value)  # type: ignore[arg-type]

            def quantile(p: Fraction, numbers: list[Fraction] = numbers) -> Decimal:
                position = p * (len(numbers) - 1)
                low = math.floor(position)
                high = min(low + 1, len(numbers) - 1)
                return rounded(numbers[low] + (position - low) * (numbers[high] - numbers[low]))

            def rank(item: tuple[str, Decimal | None], label: str = label) -> tuple[Any, ...]:
                employee_id = item[0]
                attainment = values[(employee_id, label, "quota_attainment")][0]
                revenue = values[(employee_id, label, "revenue")][0]
                return (attainment is None, -(attainment or 0), -(revenue or 0), employee_id)

            top = sorted(with_value, key=rank)[: math.ceil(n / 10)]
            benchmarks[(group, label, metric)] = (
                n,
                rounded(sum(numbers, Fraction(0)) / n),
                quantile(Fraction(1, 2)),
                quantile(Fraction(9, 10)),
                rounded(sum((Fraction(value) for _, value in top), Fraction(0)) / len(top)),  # type: ignore[arg-type]
            )
    return values, benchmarks
