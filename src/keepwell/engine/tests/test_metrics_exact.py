"""Table-driven cases with the arithmetic done by hand: each asserts exact values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from keepwell.engine.errors import (
    AmbiguousExchangeRate,
    DuplicateTarget,
    InvalidArgument,
    InvalidFacts,
    MissingExchangeRate,
)
from keepwell.engine.evaluate import evaluate
from keepwell.engine.metrics import METRIC_IDS, METRICS
from keepwell.engine.tests.builders import (
    activity,
    benchmark_rows,
    employee,
    facts_from_scenario,
    metric_rows,
    order,
    rate,
    target,
    utc,
)
from keepwell.engine.tests.reference import Scenario

D = Decimal
MICROSECOND = timedelta(microseconds=1)


@dataclass
class Case:
    label: str
    scenario: Scenario
    as_of: date
    # (employee_id, month, metric) -> (value, numerator, denominator, provisional)
    expected: dict[tuple[str, str, str], tuple[Any, Any, Any, bool]] = field(default_factory=dict)


def lead(owner: int, created: Any, qualified: Any = None, won: Any = None) -> dict[str, Any]:
    return {"owner_key": owner, "created_at": created, "qualified_at": qualified, "won_at": won}


def feedback(
    key: int, at: Any, csat: int | None = None, nps: int | None = None, complaint: bool = False
) -> Any:
    return {"employee_key": key, "submitted_at": at, "csat": csat, "nps": nps, "complaint": complaint}


def task(key: int, due: Any, completed: Any = None) -> dict[str, Any]:
    return {"employee_key": key, "due_at": due, "completed_at": completed}


SHANGHAI_EMPLOYEE = employee(1, hire_date=date(2026, 10, 1))
CASES = [
    Case(
        "activity at 23:30Z on 31 October is November in Shanghai",
        Scenario([SHANGHAI_EMPLOYEE], activities=[activity(1, utc(2026, 10, 31, 23, 30), customer_key=7)]),
        date(2026, 11, 30),
        {
            ("E001", "2026-10", "activities"): (D(0), D(0), None, False),
            ("E001", "2026-11", "activities"): (D(1), D(1), None, False),
            ("E001", "2026-11", "customers_followed"): (D(1), D(1), None, False),
        },
    ),
    Case(
        "activities without a customer are not customers followed; duplicates count once",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            activities=[
                activity(1, utc(2026, 10, 5), customer_key=7),
                activity(1, utc(2026, 10, 6), customer_key=7),
                activity(1, utc(2026, 10, 7), customer_key=8),
                activity(1, utc(2026, 10, 8)),
            ],
        ),
        date(2026, 10, 31),
        {
            ("E001", "2026-10", "activities"): (D(4), D(4), None, False),
            ("E001", "2026-10", "customers_followed"): (D(2), D(2), None, False),
        },
    ),
    Case(
        "reply at exactly 24 h is a hit, 1 us later a miss, unreplied a miss: 1/3",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            activities=[
                activity(1, utc(2026, 10, 5), inbound_at=utc(2026, 10, 4), replied_at=utc(2026, 10, 5)),
                activity(
                    1,
                    utc(2026, 10, 5),
                    inbound_at=utc(2026, 10, 4),
                    replied_at=utc(2026, 10, 5) + MICROSECOND,
                ),
                activity(1, utc(2026, 10, 5), inbound_at=utc(2026, 10, 4)),
            ],
        ),
        date(2026, 10, 31),
        {("E001", "2026-10", "response_24h_rate"): (D("0.33333333333333"), D(1), D(3), False)},
    ),
    Case(
        "a reply after as_of is not known yet",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            # as_of 2026-10-10 in Shanghai ends at 2026-10-10T16:00Z
            activities=[
                activity(1, utc(2026, 10, 10), inbound_at=utc(2026, 10, 10), replied_at=utc(2026, 10, 10, 16))
            ],
        ),
        date(2026, 10, 10),
        {("E001", "2026-10", "response_24h_rate"): (D(0), D(0), D(1), False)},
    ),
    Case(
        "screening share: 30 of 30+90 minutes (missing duration counts 0)",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            activities=[
                activity(1, utc(2026, 10, 5), purpose="screening", duration_minutes=30),
                activity(1, utc(2026, 10, 5), purpose="demo", duration_minutes=90),
                activity(1, utc(2026, 10, 5), purpose="screening"),
            ],
        ),
        date(2026, 10, 31),
        {("E001", "2026-10", "screening_share"): (D("0.25"), D(30), D(120), False)},
    ),
    Case(
        "qualified at exactly 30 days converts, 1 us later does not; provisional until m_end + 30 d",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            leads=[
                lead(1, utc(2026, 10, 1), utc(2026, 10, 31)),
                lead(1, utc(2026, 10, 1), utc(2026, 10, 31) + MICROSECOND),
            ],
        ),
        # October ends 2026-10-31T16:00Z in Shanghai; + 30 days = 2026-11-30T16:00Z = end of 30 Nov.
        date(2026, 11, 30),
        {
            ("E001", "2026-10", "lead_conversion_rate"): (D("0.5"), D(1), D(2), False),
            # both qualifications fall on 31 October, Shanghai time
            ("E001", "2026-10", "new_intents"): (D(2), D(2), None, False),
            ("E001", "2026-11", "new_intents"): (D(0), D(0), None, False),
            ("E001", "2026-10", "deal_conversion_rate"): (D(0), D(0), D(2), True),
        },
    ),
    Case(
        "one day earlier the October lead conversion is still provisional",
        Scenario([SHANGHAI_EMPLOYEE], leads=[lead(1, utc(2026, 10, 1), utc(2026, 10, 2))]),
        date(2026, 11, 29),
        {("E001", "2026-10", "lead_conversion_rate"): (D(1), D(1), D(1), True)},
    ),
    Case(
        "won at exactly 60 days after qualification converts",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            leads=[lead(1, utc(2026, 9, 1), utc(2026, 10, 2), utc(2026, 10, 2) + timedelta(days=60))],
        ),
        date(2027, 1, 31),
        {("E001", "2026-10", "deal_conversion_rate"): (D(1), D(1), D(1), False)},
    ),
    Case(
        "revenue: 100.5 USD at 7.1 on the order's local date plus 200 CNY; quota 1000",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            # 2026-10-09T17:00Z is 10 October in Shanghai: the rate of the 10th applies.
            orders=[
                order(1, utc(2026, 10, 9, 17), "100.5", currency="USD"),
                order(1, utc(2026, 10, 11), "200", customer_key=2),
            ],
            fx_rates=[
                rate(date(2026, 10, 9), "USD", "7.0"),
                rate(date(2026, 10, 10), "USD", "7.1"),
                rate(date(2026, 10, 11), "USD", "9.9"),
                rate(date(2026, 10, 10), "CNY", "0.14", quote="USD"),
            ],
            targets=[target(1, "2026-10", "1000")],
        ),
        date(2026, 10, 31),
        {
            ("E001", "2026-10", "revenue"): (D("913.55"), D("913.55"), None, False),
            ("E001", "2026-10", "quota_attainment"): (D("0.91355"), D("913.55"), D(1000), False),
        },
    ),
    Case(
        "no target: attainment null with an empty denominator; target 0: null; no orders: revenue 0",
        Scenario(
            [SHANGHAI_EMPLOYEE, employee(2, hire_date=date(2026, 10, 1))],
            targets=[target(2, "2026-10", "0")],
        ),
        date(2026, 10, 31),
        {
            ("E001", "2026-10", "revenue"): (D(0), D(0), None, False),
            ("E001", "2026-10", "quota_attainment"): (None, D(0), None, False),
            ("E002", "2026-10", "quota_attainment"): (None, D(0), D(0), False),
        },
    ),
    Case(
        "repurchase: a prior order exactly 365 days before the anchor counts, 1 us earlier does not",
        Scenario(
            [SHANGHAI_EMPLOYEE, employee(2, hire_date=date(2024, 1, 1))],
            orders=[
                order(1, utc(2026, 10, 10), "1", customer_key=1),
                order(1, utc(2026, 10, 20), "1", customer_key=1),  # not the anchor
                order(2, utc(2026, 10, 10) - timedelta(days=365), "1", customer_key=1),
                order(1, utc(2026, 10, 10), "1", customer_key=2),
                order(2, utc(2026, 10, 10) - timedelta(days=365) - MICROSECOND, "1", customer_key=2),
                order(1, utc(2026, 10, 12), "1", customer_key=None),
            ],
        ),
        date(2026, 10, 31),
        {("E001", "2026-10", "repurchase_rate"): (D("0.5"), D(1), D(2), False)},
    ),
    Case(
        "tasks: completed at the due instant is on time, 1 us later or never is not",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            tasks=[
                task(1, utc(2026, 10, 5), utc(2026, 10, 5)),
                task(1, utc(2026, 10, 5), utc(2026, 10, 5) + MICROSECOND),
                task(1, utc(2026, 10, 5)),
                task(1, utc(2026, 10, 6), utc(2026, 10, 1)),
            ],
        ),
        date(2026, 10, 31),
        {("E001", "2026-10", "task_on_time_rate"): (D("0.5"), D(2), D(4), False)},
    ),
    Case(
        "csat mean 10/3, nps (2 - 1)/4 x 100 = 25, complaints 1/5",
        Scenario(
            [SHANGHAI_EMPLOYEE],
            feedback=[
                feedback(1, utc(2026, 10, 5), csat=5, nps=10),
                feedback(1, utc(2026, 10, 5), csat=4, nps=9),
                feedback(1, utc(2026, 10, 5), csat=1, nps=8),
                feedback(1, utc(2026, 10, 5), nps=6, complaint=True),
                feedback(1, utc(2026, 10, 5)),
            ],
        ),
        date(2026, 10, 31),
        {
            ("E001", "2026-10", "csat"): (D("3.33333333333333"), D(10), D(3), False),
            ("E001", "2026-10", "nps"): (D(25), D(1), D(4), False),
            ("E001", "2026-10", "complaint_rate"): (D("0.2"), D(1), D(5), False),
        },
    ),
    Case(
        "a zero denominator gives a null value, never 0",
        Scenario([SHANGHAI_EMPLOYEE]),
        date(2026, 10, 31),
        {
            ("E001", "2026-10", "csat"): (None, D(0), D(0), False),
            ("E001", "2026-10", "nps"): (None, D(0), D(0), False),
            ("E001", "2026-10", "lead_conversion_rate"): (None, D(0), D(0), True),
        },
    ),
    Case(
        "Berlin: 23:30 local on 31 March (after the DST change) is still March",
        Scenario(
            [employee(1, hire_date=date(2026, 3, 1), timezone="Europe/Berlin")],
            activities=[activity(1, utc(2026, 3, 31, 21, 30)), activity(1, utc(2026, 3, 31, 22))],
        ),
        date(2026, 4, 30),
        {
            ("E001", "2026-03", "activities"): (D(1), D(1), None, False),
            ("E001", "2026-04", "activities"): (D(1), D(1), None, False),
        },
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_metric_values_by_hand(case: Case) -> None:
    # given
    facts = facts_from_scenario(case.scenario)

    # when
    rows = metric_rows(evaluate(facts, as_of=case.as_of))

    # then
    assert {key: rows[key] for key in case.expected} == case.expected


def test_rows_run_from_the_hire_month_through_the_as_of_month_for_every_metric() -> None:
    # given: hired mid-September, a colleague hired after as_of
    scenario = Scenario([employee(1, hire_date=date(2026, 9, 15)), employee(2, hire_date=date(2026, 12, 1))])

    # when
    evaluation = evaluate(facts_from_scenario(scenario), as_of=date(2026, 11, 3))

    # then
    assert sorted({(row[0], row[1]) for row in metric_rows(evaluation)}) == [
        ("E001", "2026-09"),
        ("E001", "2026-10"),
        ("E001", "2026-11"),
    ]
    assert evaluation.metric_values.num_rows == 3 * len(METRICS)
    assert evaluation.metric_values.column("metric").to_pylist()[: len(METRICS)] == list(METRIC_IDS)


def test_month_range_restricts_rows_and_benchmarks() -> None:
    scenario = Scenario([employee(1, hire_date=date(2026, 1, 15))])

    evaluation = evaluate(
        facts_from_scenario(scenario), as_of=date(2026, 6, 30), month_from="2026-03", month_to="2026-04"
    )

    assert sorted({row[1] for row in metric_rows(evaluation)}) == ["2026-03", "2026-04"]
    assert sorted({row[1] for row in benchmark_rows(evaluation)}) == ["2026-03", "2026-04"]


def test_benchmarks_by_hand() -> None:
    # given: a team of three with screening shares 0.1, 0.2 and 0.4 and attainment 0.5, 2, 2
    # (tie broken by revenue: E003 sells more), a manager hired in November (not a member in
    # October), and a single-member team.
    def screening(key: int, minutes: int) -> list[dict[str, Any]]:
        return [
            activity(key, utc(2026, 10, 5), purpose="screening", duration_minutes=minutes),
            activity(key, utc(2026, 10, 5), purpose="demo", duration_minutes=100 - minutes),
        ]

    scenario = Scenario(
        [
            employee(1, hire_date=date(2026, 10, 1)),
            employee(2, hire_date=date(2026, 10, 1)),
            employee(3, hire_date=date(2026, 10, 1)),
            employee(4, hire_date=date(2026, 11, 1), role="manager"),
            employee(5, team="T2", hire_date=date(2026, 10, 1)),
        ],
        activities=screening(1, 10) + screening(2, 20) + screening(3, 40),
        orders=[
            order(1, utc(2026, 10, 5), "50"),
            order(2, utc(2026, 10, 5), "200"),
            order(3, utc(2026, 10, 5), "400"),
        ],
        targets=[target(1, "2026-10", "100"), target(2, "2026-10", "100"), target(3, "2026-10", "200")],
    )

    # when
    benchmarks = benchmark_rows(evaluate(facts_from_scenario(scenario), as_of=date(2026, 11, 30)))

    # then: mean 0.7/3; median 0.2; p90 at 0.9 x 2 = 1.8: 0.2 + 0.8 x 0.2 = 0.36; top decile
    # = ceil(3/10) = 1 member: E003 (attainment 2 like E002, more revenue)
    assert benchmarks[("T1", "2026-10", "screening_share")] == (
        3,
        D("0.23333333333333"),
        D("0.2"),
        D("0.36"),
        D("0.4"),
    )
    assert benchmarks[("T1", "2026-10", "csat")] == (0, None, None, None, None)
    assert benchmarks[("T1", "2026-11", "activities")] == (4, D(0), D(0), D(0), D(0))
    assert benchmarks[("T2", "2026-10", "revenue")] == (1, D(0), D(0), D(0), D(0))
    assert ("T1", "2026-09", "activities") not in benchmarks


@pytest.mark.parametrize(
    ("group_by", "expected_groups"),
    [
        ("team", {"T1", "T2"}),
        ("department", {"Sales"}),  # the employee without a department is in no group
        ("role", {"sales_engineer", "manager"}),
        ("tenant", {"acme"}),
    ],
)
def test_comparison_groups(group_by: str, expected_groups: set[str]) -> None:
    scenario = Scenario(
        [
            employee(1, team="T1"),
            employee(2, team="T2", department=None, role="manager"),
        ],
        tenant_id="acme",
    )

    evaluation = evaluate(facts_from_scenario(scenario), as_of=date(2026, 1, 31), group_by=group_by)

    assert set(evaluation.benchmarks.column("group_id").to_pylist()) == expected_groups
    assert set(evaluation.benchmarks.column("group_kind").to_pylist()) == {group_by}


def test_missing_rate_is_an_error_naming_currency_and_local_date() -> None:
    scenario = Scenario(
        [SHANGHAI_EMPLOYEE],
        orders=[order(1, utc(2026, 10, 9, 17), "1", currency="USD")],
        fx_rates=[rate(date(2026, 10, 11), "USD", "7")],
    )

    with pytest.raises(MissingExchangeRate) as refused:
        evaluate(facts_from_scenario(scenario), as_of=date(2026, 10, 31))

    assert (refused.value.currency, refused.value.on) == ("USD", date(2026, 10, 10))
    assert "USD" in str(refused.value)
    assert "2026-10-10" in str(refused.value)


def test_two_revenue_targets_for_one_month_is_an_error_naming_them() -> None:
    scenario = Scenario(
        [SHANGHAI_EMPLOYEE],
        targets=[
            target(1, "2026-10", "1"),
            target(1, "2026-10", "2"),
            target(1, "2026-10", "3", metric="csat"),
        ],
    )

    with pytest.raises(DuplicateTarget) as refused:
        evaluate(facts_from_scenario(scenario), as_of=date(2026, 10, 31))

    assert (refused.value.employee_id, refused.value.month) == ("E001", "2026-10")


def test_conflicting_rates_for_one_day_is_an_error() -> None:
    scenario = Scenario(
        [SHANGHAI_EMPLOYEE],
        fx_rates=[rate(date(2026, 10, 1), "USD", "7"), rate(date(2026, 10, 1), "USD", "7.2")],
    )

    with pytest.raises(AmbiguousExchangeRate):
        evaluate(facts_from_scenario(scenario), as_of=date(2026, 10, 31))


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"group_by": "planet"}, InvalidArgument),
        ({"month_from": "2026-13"}, InvalidArgument),
    ],
)
def test_invalid_arguments_are_refused(arguments: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        evaluate(facts_from_scenario(Scenario([SHANGHAI_EMPLOYEE])), as_of=date(2026, 10, 31), **arguments)


def test_naive_timestamps_and_unknown_zones_are_refused() -> None:
    with pytest.raises(InvalidFacts, match="IANA"):
        facts_from_scenario(Scenario([employee(1, timezone="Mars/Olympus")]))
    import pyarrow as pa

    from keepwell.engine.facts import Facts

    naive = pa.table({"owner_key": [1], "created_at": pa.array([0], pa.timestamp("us"))})
    with pytest.raises(InvalidFacts, match="timezone-aware"):
        Facts(
            employees=facts_from_scenario(Scenario([SHANGHAI_EMPLOYEE])).employees,
            reporting_currency="CNY",
            leads=naive,
        )


def test_no_employee_in_range_gives_empty_tables_with_the_schema() -> None:
    evaluation = evaluate(facts_from_scenario(Scenario([SHANGHAI_EMPLOYEE])), as_of=date(2026, 9, 30))

    assert evaluation.metric_values.num_rows == 0
    assert evaluation.benchmarks.num_rows == 0
    assert "numerator" in evaluation.metric_values.schema.names


def test_progress_is_reported_up_to_the_last_step() -> None:
    calls: list[tuple[str, int, int]] = []

    evaluate(
        facts_from_scenario(Scenario([SHANGHAI_EMPLOYEE])),
        as_of=date(2026, 10, 31),
        progress=lambda step, done, total: calls.append((step, done, total)),
    )

    assert calls[-1] == ("benchmarks", calls[-1][2], calls[-1][2])
    assert [done for _, done, _ in calls] == list(range(1, len(calls) + 1))


def test_an_amount_beyond_the_engines_range_is_refused_not_rounded() -> None:
    scenario = Scenario([SHANGHAI_EMPLOYEE], orders=[order(1, utc(2026, 10, 5), "100000000000000")])

    with pytest.raises(InvalidFacts, match="out of the engine's range"):
        evaluate(facts_from_scenario(scenario), as_of=date(2026, 10, 31))
