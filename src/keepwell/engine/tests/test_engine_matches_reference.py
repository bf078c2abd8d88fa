"""Property test: on generated edge cases the engine equals the reference, value for value."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keepwell.engine.errors import MissingExchangeRate
from keepwell.engine.evaluate import GROUP_KINDS, evaluate
from keepwell.engine.facts import TABLE_CONTRACTS
from keepwell.engine.tests.builders import (
    benchmark_rows,
    facts_from_scenario,
    metric_rows,
    scanned_facts_from_scenario,
)
from keepwell.engine.tests.reference import ReferenceMissingRate, Scenario, evaluate_reference

ZONES = (
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Lord_Howe",  # half-hour DST
    "Asia/Kathmandu",  # +05:45
    "America/Havana",  # DST changes at midnight
)
FIRST_DAY = date(2025, 9, 1)
LAST_DAY = date(2026, 5, 20)


def _boundaries() -> list[datetime]:
    """Local month starts in every zone, DST changes and day ends: where mistakes happen."""
    instants = []
    for zone_name in ZONES:
        zone = ZoneInfo(zone_name)
        for year, month in [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 7)]:
            instants.append(datetime(year, month, 1, tzinfo=zone).astimezone(UTC))
    instants += [
        datetime(2025, 10, 26, 1, tzinfo=UTC),  # Europe/Berlin back to CET
        datetime(2026, 3, 29, 1, tzinfo=UTC),  # Europe/Berlin to CEST
        datetime(2025, 11, 2, 6, tzinfo=UTC),  # New York back to EST
        datetime(2026, 3, 8, 7, tzinfo=UTC),  # New York to EDT
        datetime(2025, 10, 4, 15, 30, tzinfo=UTC),  # Lord Howe to +11
        datetime(2026, 4, 4, 15, tzinfo=UTC),  # Lord Howe back to +10:30
    ]
    return instants


BOUNDARIES = _boundaries()
NUDGES = [timedelta(microseconds=n) for n in (-1, 0, 0, 0, 1)] + [
    timedelta(minutes=n) for n in (-61, -30, -1, 1, 30, 61)
]
START = datetime.combine(FIRST_DAY, time(0), tzinfo=UTC)
SPAN_SECONDS = int((datetime.combine(LAST_DAY, time(0), tzinfo=UTC) - START).total_seconds())


def instants_near(*anchor_lists: list[datetime]) -> st.SearchStrategy[datetime]:
    """An instant a nudge away from an anchor (each list equally likely), or anywhere in the span."""
    return st.one_of(
        *(
            st.builds(lambda base, nudge: base + nudge, st.sampled_from(anchors), st.sampled_from(NUDGES))
            for anchors in anchor_lists
        ),
        st.builds(lambda seconds: START + timedelta(seconds=seconds), st.integers(0, SPAN_SECONDS)),
    )


def later_than(limit: timedelta) -> st.SearchStrategy[timedelta]:
    """A delay exactly at the limit, a microsecond either side, or anything within 3x."""
    return st.one_of(
        st.sampled_from([limit, limit + timedelta(microseconds=1), limit - timedelta(microseconds=1)]),
        st.builds(lambda s: timedelta(seconds=s), st.integers(-3600, int(limit.total_seconds()) * 3)),
    )


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def plus(base: datetime, delay: timedelta | None) -> datetime | None:
    return None if delay is None else base + delay


money = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999"), places=4)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Scenario, date, str | None, str | None, str]:
    as_of = draw(st.dates(date(2025, 10, 15), LAST_DAY))
    # The end of the as_of day in every zone is an edge too: facts at that instant are unknown.
    as_of_ends = [
        datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=ZoneInfo(name)).astimezone(UTC)
        for name in ZONES
    ]
    instants = instants_near(BOUNDARIES, as_of_ends, as_of_ends)
    count = draw(st.integers(1, 5))
    keys = list(range(1, count + 1))
    employee_keys = st.sampled_from([*keys, 99])  # 99 is nobody: its facts must be ignored
    employees = [
        {
            "employee_key": key,
            "employee_id": draw(st.sampled_from(["a", "B", "b", "e10", "e9", "张"])) + str(key),
            "team": draw(st.sampled_from(["A", "B"])),
            "department": draw(st.sampled_from([None, "D1"])),
            "role": draw(st.sampled_from(["sales", "manager"])),
            "hire_date": draw(st.dates(FIRST_DAY, date(2026, 4, 30))),
            "timezone": draw(st.sampled_from(ZONES)),
        }
        for key in keys
    ]
    activities = []
    for _ in range(draw(st.integers(0, 10))):
        inbound = draw(maybe(instants))
        replied = None if inbound is None else plus(inbound, draw(maybe(later_than(timedelta(hours=24)))))
        activities.append(
            {
                "employee_key": draw(employee_keys),
                "customer_key": draw(st.sampled_from([None, 1, 2, 3])),
                "purpose": draw(st.sampled_from([None, "screening", "demo", "needs_discovery"])),
                "started_at": draw(instants),
                "duration_minutes": draw(maybe(st.integers(0, 240))),
                "inbound_at": inbound,
                "replied_at": replied,
            }
        )
    leads = []
    for _ in range(draw(st.integers(0, 8))):
        created = draw(instants)
        qualified = plus(created, draw(maybe(later_than(timedelta(days=30)))))
        won = None if qualified is None else plus(qualified, draw(maybe(later_than(timedelta(days=60)))))
        leads.append(
            {
                "owner_key": draw(employee_keys),
                "created_at": created,
                "qualified_at": qualified,
                "won_at": won,
            }
        )
    orders = []
    for _ in range(draw(st.integers(0, 8))):
        ordered = draw(instants)
        if orders and draw(st.booleans()):
            # Same customer exactly 365 days (or a microsecond more) before: the repurchase edge.
            ordered = orders[-1]["ordered_at"] + draw(
                st.sampled_from([timedelta(days=365), timedelta(days=365, microseconds=1), timedelta(0)])
            )
        orders.append(
            {
                "customer_key": draw(st.sampled_from([None, 1, 2])),
                "employee_key": draw(employee_keys),
                "ordered_at": ordered,
                "amount": draw(money),
                "currency": draw(st.sampled_from(["CNY", "CNY", "USD", "EUR"])),
            }
        )
    rates = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "date": st.dates(date(2024, 9, 1), LAST_DAY),
                    "base": st.sampled_from(["USD", "EUR"]),
                    "quote": st.sampled_from(["CNY", "CNY", "USD"]),
                    "rate": st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10"), places=10),
                }
            ),
            max_size=6,
            unique_by=lambda row: (row["date"], row["base"], row["quote"]),
        )
    )
    if draw(st.booleans()):
        # Usually give every foreign currency an early rate, so most examples get past conversion.
        rates += [
            {"date": date(2020, 1, 1), "base": base, "quote": "CNY", "rate": Decimal("7.1234567891")}
            for base in ("USD", "EUR")
        ]
    feedback = [
        {
            "employee_key": draw(employee_keys),
            "submitted_at": draw(instants),
            "csat": draw(maybe(st.integers(1, 5))),
            "nps": draw(maybe(st.integers(0, 10))),
            "complaint": draw(st.booleans()),
        }
        for _ in range(draw(st.integers(0, 8)))
    ]
    tasks = []
    for _ in range(draw(st.integers(0, 6))):
        due = draw(instants)
        done = plus(
            due, draw(maybe(st.sampled_from([timedelta(0), timedelta(microseconds=1), -timedelta(days=1)])))
        )
        tasks.append({"employee_key": draw(employee_keys), "due_at": due, "completed_at": done})
    target_keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(keys),
                st.sampled_from(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]),
            ),
            unique=True,
            max_size=6,
        )
    )
    # Equal targets make ties in attainment likely; 0 must give a null attainment.
    targets = [
        {
            "employee_key": key,
            "month": month,
            "metric": "revenue",
            "value": draw(st.sampled_from([Decimal(0), Decimal(1000), Decimal("50000.5")])),
        }
        for key, month in target_keys
    ] + [{"employee_key": keys[0], "month": "2026-01", "metric": "activities", "value": Decimal(5)}]
    scenario = Scenario(
        employees=employees,
        activities=activities,
        leads=leads,
        orders=orders,
        feedback=feedback,
        tasks=tasks,
        targets=targets,
        fx_rates=rates,
    )
    month_from = draw(st.sampled_from([None, None, "2025-12"]))
    month_to = draw(st.sampled_from([None, None, "2026-02"]))
    group_by = draw(st.sampled_from(GROUP_KINDS))
    return scenario, as_of, month_from, month_to, group_by


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case=scenarios())
def test_engine_equals_reference_on_generated_edge_cases(
    case: tuple[Scenario, date, str | None, str | None, str],
) -> None:
    # given
    scenario, as_of, month_from, month_to, group_by = case
    arguments = {"as_of": as_of, "month_from": month_from, "month_to": month_to, "group_by": group_by}
    missing: tuple[str, date] | None = None
    try:
        expected_values, expected_benchmarks = evaluate_reference(scenario, **arguments)  # type: ignore[arg-type]
    except ReferenceMissingRate as refusal:
        missing = (refusal.currency, refusal.on)
    if missing is not None:
        # then: the engine refuses too, naming the same currency and day
        with pytest.raises(MissingExchangeRate) as refused:
            evaluate(facts_from_scenario(scenario), **arguments)  # type: ignore[arg-type]
        assert (refused.value.currency, refused.value.on) == missing
        return

    # when
    evaluation = evaluate(facts_from_scenario(scenario), **arguments)  # type: ignore[arg-type]

    # then
    assert metric_rows(evaluation) == expected_values
    assert benchmark_rows(evaluation) == expected_benchmarks


FACT_TABLES = sorted(name for name in TABLE_CONTRACTS if name != "employees")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case=scenarios(), streamed=st.frozensets(st.sampled_from(FACT_TABLES)))
def test_the_engine_scanning_its_facts_equals_the_reference(
    case: tuple[Scenario, date, str | None, str | None, str], streamed: frozenset[str]
) -> None:
    # given: every fact table read by a query in the engine's session, any of them streamed
    scenario, as_of, month_from, month_to, group_by = case
    arguments = {"as_of": as_of, "month_from": month_from, "month_to": month_to, "group_by": group_by}
    try:
        expected_values, expected_benchmarks = evaluate_reference(scenario, **arguments)  # type: ignore[arg-type]
    except ReferenceMissingRate:
        return  # the refusal itself is covered above, on given facts
    with tempfile.TemporaryDirectory() as directory:
        facts = scanned_facts_from_scenario(scenario, Path(directory), streamed)

        # when
        evaluation = evaluate(facts, **arguments)  # type: ignore[arg-type]

    # then
    assert metric_rows(evaluation) == expected_values
    assert benchmark_rows(evaluation) == expected_benchmarks
