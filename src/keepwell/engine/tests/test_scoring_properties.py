"""Properties of scoring, checked with hypothesis on generated groups.

- raising a higher-is-better metric never lowers its score; lowering a lower-is-better one never
  lowers it;
- scaling every money amount by a constant changes no score;
- shrinkage pulls a small sample more than a large one with the same observed rate;
- every score and sub-score lies within 0–100;
- a member whose every value equals the rest of the group's mean scores exactly 50.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from keepwell.engine.scoring import (
    DEFAULT_METRIC_MODELS,
    EmployeeProfile,
    MetricObservation,
    MetricWeight,
    PooledValue,
    ScoringConfig,
    group_reference,
    pool_metric,
    score_employees,
    shrink,
)

D = Decimal
MONTHS = ("2026-08", "2026-09", "2026-10")
PROPORTIONS = (
    "lead_conversion_rate",
    "deal_conversion_rate",
    "repurchase_rate",
    "complaint_rate",
    "response_24h_rate",
)

# Every pooling kind, both directions, and money (revenue as a level, attainment as a ratio).
CONFIG = ScoringConfig(
    attitude=(
        MetricWeight("customers_followed", D(1)),
        MetricWeight("response_24h_rate", D(1)),
        MetricWeight("complaint_rate", D(1)),
        MetricWeight("csat", D(1)),
    ),
    performance=(
        MetricWeight("quota_attainment", D(2)),
        MetricWeight("lead_conversion_rate", D(1)),
        MetricWeight("repurchase_rate", D(1)),
        MetricWeight("revenue", D("0.5")),
    ),
)


def _rate_rows(employee_id: str, metric: str, pairs: list[tuple[int, int]]) -> list[MetricObservation]:
    return [
        MetricObservation(employee_id, month, metric, D(x) / D(n) if n else None, D(x), D(n))
        for month, (x, n) in zip(MONTHS, pairs, strict=True)
    ]


@st.composite
def proportion_months(draw: st.DrawFn) -> list[tuple[int, int]]:
    pairs = []
    for _ in MONTHS:
        trials = draw(st.integers(0, 200))
        pairs.append((draw(st.integers(0, trials)), trials))
    return pairs


@st.composite
def member_rows(draw: st.DrawFn, employee_id: str) -> list[MetricObservation]:
    rows: list[MetricObservation] = []
    for metric in PROPORTIONS:
        rows += _rate_rows(employee_id, metric, draw(proportion_months()))
    for month in MONTHS:
        followed = D(draw(st.integers(0, 60)))
        rows.append(MetricObservation(employee_id, month, "customers_followed", followed, followed, None))
        count = draw(st.integers(0, 30))
        total = D(draw(st.integers(count, 5 * count)))
        rows.append(
            MetricObservation(employee_id, month, "csat", total / count if count else None, total, D(count))
        )
        revenue = D(draw(st.integers(0, 500_000))) / 100
        target = D(draw(st.integers(1, 400_000))) / 100
        rows.append(MetricObservation(employee_id, month, "revenue", revenue, revenue, None))
        rows.append(
            MetricObservation(employee_id, month, "quota_attainment", revenue / target, revenue, target)
        )
    return rows


@st.composite
def groups(draw: st.DrawFn) -> tuple[list[EmployeeProfile], list[MetricObservation]]:
    size = draw(st.integers(4, 7))
    employees = [EmployeeProfile(f"e{index}", "g", "sales", date(2024, 1, 1)) for index in range(size)]
    rows = [row for employee in employees for row in draw(member_rows(employee.employee_id))]
    return employees, rows


def _scores(employees, rows, config=CONFIG):
    return {
        employee_id: (evaluation.attitude.value, evaluation.performance.value)
        for employee_id, evaluation in score_employees(
            employees=employees, observations=rows, end_month="2026-10", config=config
        ).items()
    }


def _change(rows, employee_id, metric, month, change):
    return [
        change(row) if (row.employee_id, row.metric, row.month) == (employee_id, metric, month) else row
        for row in rows
    ]


def _not_lower(after: Decimal | None, before: Decimal | None) -> bool:
    return before is None or after is None or after >= before


@settings(max_examples=60, deadline=None)
@given(case=groups(), month=st.sampled_from(MONTHS), step=st.integers(1, 50), data=st.data())
def test_raising_a_higher_is_better_rate_never_lowers_the_score(case, month, step, data):
    employees, rows = case
    metric = data.draw(st.sampled_from(["lead_conversion_rate", "repurchase_rate", "response_24h_rate"]))

    def raise_numerator(row: MetricObservation) -> MetricObservation:
        numerator = min(row.numerator + step, row.denominator)
        return replace(
            row, numerator=numerator, value=numerator / row.denominator if row.denominator else None
        )

    before = _scores(employees, rows)["e0"]
    after = _scores(employees, _change(rows, "e0", metric, month, raise_numerator))["e0"]
    index = 0 if metric == "response_24h_rate" else 1
    assert _not_lower(after[index], before[index])


@settings(max_examples=60, deadline=None)
@given(case=groups(), month=st.sampled_from(MONTHS), step=st.integers(1, 50))
def test_lowering_a_lower_is_better_rate_never_lowers_the_score(case, month, step):
    employees, rows = case

    def fewer_complaints(row: MetricObservation) -> MetricObservation:
        numerator = max(row.numerator - step, D(0))
        return replace(
            row, numerator=numerator, value=numerator / row.denominator if row.denominator else None
        )

    before = _scores(employees, rows)["e0"]
    after = _scores(employees, _change(rows, "e0", "complaint_rate", month, fewer_complaints))["e0"]
    assert _not_lower(after[0], before[0])


@settings(max_examples=60, deadline=None)
@given(case=groups(), month=st.sampled_from(MONTHS), step=st.integers(1, 20))
def test_raising_a_level_or_attainment_never_lowers_the_score(case, month, step):
    employees, rows = case

    def more_customers(row: MetricObservation) -> MetricObservation:
        return replace(row, value=row.value + step, numerator=row.value + step)

    def more_revenue(row: MetricObservation) -> MetricObservation:
        numerator = row.numerator + step * 1000
        return replace(row, numerator=numerator, value=numerator / row.denominator)

    before = _scores(employees, rows)["e0"]
    followed = _scores(employees, _change(rows, "e0", "customers_followed", month, more_customers))["e0"]
    attained = _scores(employees, _change(rows, "e0", "quota_attainment", month, more_revenue))["e0"]
    assert _not_lower(followed[0], before[0])
    assert _not_lower(attained[1], before[1])


@settings(max_examples=60, deadline=None)
@given(case=groups(), factor=st.sampled_from([D("0.01"), D("0.137"), D(7), D(1000), D("123.456")]))
def test_scaling_every_money_amount_changes_no_score(case, factor):
    employees, rows = case

    def scale(row: MetricObservation) -> MetricObservation:
        if row.metric == "revenue":
            return replace(row, value=row.value * factor, numerator=row.numerator * factor)
        if row.metric == "quota_attainment":
            return replace(row, numerator=row.numerator * factor, denominator=row.denominator * factor)
        return row

    assert _scores(employees, [scale(row) for row in rows]) == _scores(employees, rows)


@settings(max_examples=200, deadline=None)
@given(others=st.lists(proportion_months(), min_size=3, max_size=8), successes=st.integers(0, 3))
def test_shrinkage_pulls_three_leads_more_than_three_hundred(others, successes):
    model = DEFAULT_METRIC_MODELS["lead_conversion_rate"]
    pooled = [
        value
        for index, pairs in enumerate(others)
        if (
            value := pool_metric(
                "lead_conversion_rate", model, _rate_rows(f"o{index}", "lead_conversion_rate", pairs)
            )
        )
    ]
    reference = group_reference(model, pooled, ScoringConfig())
    assume(reference is not None)
    assert reference is not None
    observed = Fraction(successes, 3)
    small = PooledValue(observed, observed, Fraction(3), 1, False)
    large = PooledValue(observed, observed, Fraction(300), 1, False)
    (small_estimate, small_reliability), (large_estimate, large_reliability) = (
        shrink(small, reference),
        shrink(large, reference),
    )
    assert abs(small_estimate - reference.mean) <= abs(large_estimate - reference.mean)
    assert small_reliability < large_reliability
    if observed != reference.mean:
        assert abs(small_estimate - reference.mean) < abs(large_estimate - reference.mean)
    # Both estimates lie between the observation and the group mean.
    for estimate in (small_estimate, large_estimate):
        assert min(observed, reference.mean) <= estimate <= max(observed, reference.mean)


@settings(max_examples=60, deadline=None)
@given(case=groups())
def test_scores_and_sub_scores_lie_within_0_and_100(case):
    employees, rows = case
    for evaluation in score_employees(
        employees=employees, observations=rows, end_month="2026-10", config=CONFIG
    ).values():
        for score in (evaluation.attitude, evaluation.performance):
            assert score.value is None or D(0) <= score.value <= D(100)
            assert D(0) <= score.confidence <= D(1)
            for contribution in score.contributions:
                assert contribution.sub_score is None or D(0) <= contribution.sub_score <= D(100)


def _equal_to(mean: Fraction) -> tuple[Decimal, Decimal]:
    return D(mean.numerator), D(mean.denominator)


@settings(max_examples=60, deadline=None)
@given(
    case=groups(),
    center=st.integers(5, 40),
    spreads=st.lists(st.integers(0, 5), min_size=2, max_size=2),
)
def test_the_group_average_member_scores_50(case, center, spreads):
    """Give ``avg`` every metric at the others' mean: each sub-score is 50, so both scores are 50.0."""
    employees, rows = case
    # Customers followed: pairs center ± spread, so the others' mean is exactly ``center``.
    others = [employee.employee_id for employee in employees[: 2 * len(spreads)]]
    employees = [EmployeeProfile(identifier, "g", "sales", date(2024, 1, 1)) for identifier in others]
    rows = [row for row in rows if row.employee_id in others and row.metric != "customers_followed"]
    for index, spread in enumerate(spreads):
        for sign, identifier in ((1, others[2 * index]), (-1, others[2 * index + 1])):
            value = D(center + sign * spread)
            rows += [
                MetricObservation(identifier, month, "customers_followed", value, value, None)
                for month in MONTHS
            ]
    # Revenue: the same pairs trick around 10,000 a month.
    rows = [row for row in rows if row.metric != "revenue"]
    for index, spread in enumerate(spreads):
        for sign, identifier in ((1, others[2 * index]), (-1, others[2 * index + 1])):
            value = D(10_000 + sign * 1000 * spread)
            rows += [MetricObservation(identifier, month, "revenue", value, value, None) for month in MONTHS]
    average = [
        *(
            MetricObservation("avg", month, "customers_followed", D(center), D(center), None)
            for month in MONTHS
        ),
        *(MetricObservation("avg", month, "revenue", D(10_000), D(10_000), None) for month in MONTHS),
    ]
    for weight in (*CONFIG.attitude, *CONFIG.performance):
        if weight.metric in ("customers_followed", "revenue"):
            continue
        model = CONFIG.model(weight.metric)
        values = [
            pooled.value
            for identifier in others
            if (
                pooled := pool_metric(
                    weight.metric,
                    model,
                    [row for row in rows if (row.employee_id, row.metric) == (identifier, weight.metric)],
                )
            )
        ]
        assume(len(values) >= CONFIG.minimum_reference_members)
        numerator, denominator = _equal_to(sum(values, Fraction(0)) / len(values))
        average.append(
            MetricObservation(
                "avg", "2026-10", weight.metric, numerator / denominator, numerator, denominator
            )
        )
    employees.append(EmployeeProfile("avg", "g", "sales", date(2024, 1, 1)))
    evaluation = score_employees(
        employees=employees, observations=[*rows, *average], end_month="2026-10", config=CONFIG
    )["avg"]
    assert (evaluation.attitude.value, evaluation.performance.value) == (D("50.0"), D("50.0"))
